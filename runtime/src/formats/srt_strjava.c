/* srt_strjava.c - the text functions Spark 3.5 hands to Java's String, with Java's meaning:
** url_encode, url_decode and parse_url (urlExpressions.scala: UrlCodec over
** java.net.URLEncoder and URLDecoder with UTF-8; ParseUrl over java.net.URI), mask
** (maskExpressions.scala: Mask, by Character.getType of each char) and luhn_check
** (ExpressionImplUtils.isLuhnNumber).
**
** Java sees the text as UTF8String.toString makes it (ill-formed UTF-8 read as U+FFFD,
** srt_utf8_decode): UTF-16 chars, a code point beyond the BMP being two surrogates; a result
** goes back through String.getBytes (an unpaired surrogate is '?').  parse_url ports
** java.net.URI's parser (URI.Parser, RFC 2396 with its deviations); a URISyntaxException is
** NULL, as ParseUrl without spark.sql.ansi.enabled.  Results are in scratch memory.
*/
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "common/cm_utf8.h"
#include "inline/srt_sbuf.h"
#include "srt_int.h"

/* ==== url_encode / url_decode ==== */

/* Code point cp as UTF-8 into b. */
static void put_cp(SrtSBuf *b, uint32_t cp)
{
    char t[4];
    srt_sbuf_put(b, t, cm_utf8_put(cp, t));
}

/* String(s): the chars of UTF-8 text s[0, n), in scratch memory (*m of them). */
static uint16_t *to_chars(SrtQuery *q, const char *s, uint32_t n, int32_t *m)
{
    uint16_t *u = srt_scratch_alloc(q, sizeof *u * ((size_t)n + 1));
    int32_t k = 0;
    for (uint32_t i = 0; i < n;) {
        uint32_t cp = srt_utf8_decode(s, n, &i);
        if (cp >= 0x10000) {
            u[k++] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
            cp = 0xDC00 + (cp & 0x3FF);
        }
        u[k++] = (uint16_t)cp;
    }
    *m = k;
    return u;
}

/* The chars [b, e) as UTF-8 into o. */
static void put_chars(SrtSBuf *o, const uint16_t *s, int32_t b, int32_t e)
{
    for (int32_t i = b; i < e; i++) {
        uint32_t c = s[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < e && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
            c = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
        put_cp(o, c >= 0xD800 && c <= 0xDFFF ? '?' : c);
    }
}

void srt_url_encode(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n)
{
    /* URLEncoder.encode(s, "UTF-8"): a-z A-Z 0-9 . - * _ kept, ' ' as '+', every other
       char's UTF-8 bytes as %XY (upper-case hex) */
    static const char hex[] = "0123456789ABCDEF";
    SrtSBuf b = {q, NULL, 0, 0};
    for (uint32_t i = 0; i < n;) {
        uint32_t cp = srt_utf8_decode(s, n, &i);
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
            cp == '.' || cp == '-' || cp == '*' || cp == '_') {
            put_cp(&b, cp);
        } else if (cp == ' ') {
            put_cp(&b, '+');
        } else {
            char t[4], e[12];
            uint32_t k = cm_utf8_put(cp, t);
            for (uint32_t j = 0; j < k; j++) {
                e[3 * j] = '%';
                e[3 * j + 1] = hex[(unsigned char)t[j] >> 4];
                e[3 * j + 2] = hex[(unsigned char)t[j] & 15];
            }
            srt_sbuf_put(&b, e, 3 * k);
        }
    }
    *out = b.n ? b.p : s;
    *out_n = (uint32_t)b.n;
}

/* Integer.parseInt(a b, 16) of the two chars after a '%' (a sign allowed first, digits by
   Character.digit: any Unicode decimal digit, fullwidth letters too); -1 when it throws or
   is negative (URLDecoder refuses both). */
static int hex_pair(uint32_t a, uint32_t b)
{
    int d = srt_char_digit(b, 16);
    if (a == '+' || a == '-')
        return d < 0 || (a == '-' && d > 0) ? -1 : d;
    int h = a < '0' ? -1 : srt_char_digit(a, 16);
    return h < 0 || d < 0 ? -1 : h * 16 + d;
}

int srt_url_decode(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n)
{
    /* URLDecoder.decode(s, "UTF-8"): '+' is ' ', each run of %XY escapes is bytes read as
       UTF-8 (U+FFFD for ill-formed ones); a malformed escape throws, and UrlCodec.decode
       fails the query with CANNOT_DECODE_URL.  By code points: a char beyond the BMP is two
       Java chars, neither '%' nor a hex digit, so it fails an escape either way. */
    uint32_t *cps = srt_scratch_alloc(q, sizeof *cps * ((size_t)n + 1));
    uint32_t m = 0;
    for (uint32_t i = 0; i < n;)
        cps[m++] = srt_utf8_decode(s, n, &i);
    SrtSBuf b = {q, NULL, 0, 0};
    char *bytes = srt_scratch_alloc(q, (size_t)m / 3 + 1);
    for (uint32_t i = 0; i < m;) {
        if (cps[i] != '%') {
            put_cp(&b, cps[i] == '+' ? ' ' : cps[i]);
            i++;
            continue;
        }
        uint32_t k = 0;
        while (i + 2 < m && cps[i] == '%') {
            int v = hex_pair(cps[i + 1], cps[i + 2]);
            if (v < 0)
                goto bad;
            bytes[k++] = (char)v;
            i += 3;
        }
        if (i < m && cps[i] == '%') /* "Incomplete trailing escape (%) pattern" */
            goto bad;
        for (uint32_t j = 0; j < k;)
            put_cp(&b, srt_utf8_decode(bytes, k, &j));
    }
    *out = b.n ? b.p : s;
    *out_n = (uint32_t)b.n;
    return 0;
bad:;
    SrtSBuf msg = {q, NULL, 0, 0};
    static const char head[] = "[CANNOT_DECODE_URL] The provided URL cannot be decoded: ",
                      tail[] = ". Please ensure that the URL is properly formatted and try "
                               "again.";
    srt_sbuf_put(&msg, head, sizeof head - 1);
    srt_sbuf_put(&msg, s, n);
    srt_sbuf_put(&msg, tail, sizeof tail); /* with its NUL */
    srt_query_fail(q, msg.p);
    *out = s;
    *out_n = 0;
    return -1;
}

/* ==== java.net.URI's parser ==== */

/* URI's character classes: bit c of the low mask for c < 64, of the high mask for c < 128. */
#define L_DIGIT 0x3FF000000000000ULL
#define H_ALPHA 0x7FFFFFE07FFFFFEULL
#define L_ALPHANUM L_DIGIT
#define H_HEX 0x7E0000007EULL
#define L_MARK 0x678200000000ULL
#define H_MARK 0x4000000080000000ULL
#define L_UNRESERVED (L_ALPHANUM | L_MARK)
#define H_UNRESERVED (H_ALPHA | H_MARK)
#define L_ESCAPED 1ULL /* not a char: asks scan to take escapes and visible non-ASCII chars */
#define L_URIC (0xAC00985000000000ULL | L_UNRESERVED | L_ESCAPED)
#define H_URIC (0x28000001ULL | H_UNRESERVED)
#define L_PATH (L_UNRESERVED | L_ESCAPED | 0x2400185000000000ULL | 0x800800000000000ULL)
#define H_PATH (H_UNRESERVED | 1ULL)
#define L_DASH 0x200000000000ULL
#define L_DOT 0x400000000000ULL
#define L_USERINFO (L_UNRESERVED | L_ESCAPED | 0x2C00185000000000ULL)
#define H_USERINFO H_UNRESERVED
#define L_REG_NAME L_USERINFO
#define H_REG_NAME (H_UNRESERVED | 1ULL)
#define L_SERVER (L_USERINFO | L_DASH | 0x400400000000000ULL)
#define H_SERVER (H_USERINFO | 0x28000001ULL)
#define L_SERVER_PERCENT (L_SERVER | 0x2000000000ULL)
#define L_SCHEME (L_DIGIT | 0x680000000000ULL)
#define L_SCOPE_ID (L_ALPHANUM | L_DOT)
#define H_SCOPE_ID (H_ALPHA | 0x80000000ULL)

/* A component: the chars [b, e), or b < 0 for null. */
typedef struct UriPart {
    int32_t b, e;
} UriPart;

typedef struct Uri {
    const uint16_t *s;
    int32_t n;
    bool fail; /* a URISyntaxException was thrown */
    int v6_bytes;
    UriPart scheme, authority, user, host, path, query, fragment;
} Uri;

static const UriPart none = {-1, -1};

static bool match(uint32_t c, uint64_t lo, uint64_t hi)
{
    return c == 0 ? false : c < 64 ? (lo >> c) & 1 : c < 128 ? (hi >> (c - 64)) & 1 : false;
}

static bool at(const Uri *u, int32_t p, int32_t end, uint16_t c)
{
    return p < end && u->s[p] == c;
}

static bool at2(const Uri *u, int32_t p, int32_t end, uint16_t c, uint16_t d)
{
    return p + 1 < end && u->s[p] == c && u->s[p + 1] == d;
}

/* scan(start, end, err, stop): the first char of stop (end if none), -1 at a char of err. */
static int32_t scan_stop(const Uri *u, int32_t p, int32_t end, const char *err, const char *stop)
{
    for (; p < end; p++) {
        uint16_t c = u->s[p];
        if (c && c < 128 && strchr(err, c))
            return -1;
        if (c && c < 128 && strchr(stop, c))
            break;
    }
    return p;
}

/* Character.isSpaceChar (Zs, Zl, Zp) or isISOControl of a char. */
static bool space_or_control(uint16_t c)
{
    return c <= 0x1F || (c >= 0x7F && c <= 0xA0) || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* scan(start, n, lowMask, highMask): past the chars of the class, and with L_ESCAPED past
   %XY escapes and visible chars above U+0080 ("Malformed escape pair" fails). */
static int32_t scan(Uri *u, int32_t p, int32_t n, uint64_t lo, uint64_t hi)
{
    while (p < n && !u->fail) {
        uint16_t c = u->s[p];
        if (match(c, lo, hi)) {
            p++;
        } else if (!(lo & L_ESCAPED)) {
            break;
        } else if (c == '%') {
            if (p + 3 <= n && match(u->s[p + 1], L_DIGIT, H_HEX) &&
                match(u->s[p + 2], L_DIGIT, H_HEX))
                p += 3;
            else
                u->fail = true;
        } else if (c > 128 && !space_or_control(c)) {
            p++;
        } else {
            break;
        }
    }
    return p;
}

static void check_chars(Uri *u, int32_t p, int32_t end, uint64_t lo, uint64_t hi)
{
    if (scan(u, p, end, lo, hi) < end)
        u->fail = true;
}

/* Integer.parseInt(input, p, q, 10) > limit, of ASCII digits (overflow counts as above). */
static bool number_above(const Uri *u, int32_t p, int32_t q, int64_t limit)
{
    int64_t v = 0;
    for (; p < q; p++)
        if ((v = v * 10 + (u->s[p] - '0')) > limit)
            return true;
    return false;
}

static int32_t scan_byte(Uri *u, int32_t p, int32_t n)
{
    int32_t q = scan(u, p, n, L_DIGIT, 0);
    return q <= p ? q : number_above(u, p, q, 255) ? p : q;
}

/* scanIPv4Address: the end of a dotted quad at p (strict: ending at n), -1 where there is
   none; fails on a malformed one. */
static int32_t scan_ipv4(Uri *u, int32_t p, int32_t n, bool strict)
{
    int32_t m = scan(u, p, n, L_DIGIT | L_DOT, 0), q;
    if (m <= p || (strict && m != n))
        return -1;
    for (int i = 0; i < 4; i++) {
        if ((q = scan_byte(u, p, m)) <= p)
            break;
        p = q;
        if (i == 3) {
            if (q < m)
                break;
            return q;
        }
        if ((q = at(u, p, m, '.') ? p + 1 : p) <= p)
            break;
        p = q;
    }
    u->fail = true; /* "Malformed IPv4 address" */
    return -1;
}

static int32_t take_ipv4(Uri *u, int32_t p, int32_t n)
{
    int32_t q = scan_ipv4(u, p, n, true);
    if (q <= p)
        u->fail = true;
    return q;
}

/* parseIPv4Address: never fails; the host when an address ends at n or before a ':'. */
static int32_t parse_ipv4(Uri *u, int32_t p, int32_t n)
{
    Uri t = *u;
    int32_t q = scan_ipv4(&t, p, n, false);
    if (t.fail)
        return -1;
    if (q > p && q < n && u->s[q] != ':')
        q = -1;
    if (q > p)
        u->host = (UriPart){p, q};
    return q;
}

static int32_t parse_hostname(Uri *u, int32_t start, int32_t n)
{
    int32_t p = start, q, l = -1; /* l: start of the last label */
    do {
        q = scan(u, p, n, L_ALPHANUM, H_ALPHA);
        if (q <= p)
            break;
        l = p;
        p = q;
        q = scan(u, p, n, L_ALPHANUM | L_DASH, H_ALPHA);
        if (q > p) {
            if (u->s[q - 1] == '-')
                u->fail = true;
            p = q;
        }
        if (!at(u, p, n, '.'))
            break;
        p++;
    } while (p < n);
    if ((p < n && !at(u, p, n, ':')) || l < 0 || (l > start && !match(u->s[l], 0, H_ALPHA)))
        u->fail = true;
    u->host = (UriPart){start, p};
    return p;
}

static int32_t scan_hex_seq(Uri *u, int32_t p, int32_t n)
{
    int32_t q = scan(u, p, n, L_DIGIT, H_HEX);
    if (q <= p || at(u, q, n, '.'))
        return -1;
    if (q > p + 4)
        u->fail = true;
    u->v6_bytes += 2;
    p = q;
    while (p < n && !u->fail && at(u, p, n, ':') && !at(u, p + 1, n, ':')) {
        p++;
        q = scan(u, p, n, L_DIGIT, H_HEX);
        if (q <= p)
            u->fail = true;
        if (at(u, q, n, '.')) {
            p--;
            break;
        }
        if (q > p + 4)
            u->fail = true;
        u->v6_bytes += 2;
        p = q;
    }
    return p;
}

static int32_t scan_hex_post(Uri *u, int32_t p, int32_t n)
{
    if (p == n)
        return p;
    int32_t q = scan_hex_seq(u, p, n);
    if (q > p) {
        p = q;
        if (!at(u, p, n, ':'))
            return p;
        p++;
    }
    u->v6_bytes += 4;
    return take_ipv4(u, p, n);
}

static void parse_ipv6(Uri *u, int32_t start, int32_t n)
{
    int32_t p = start, q = scan_hex_seq(u, p, n);
    bool compressed = false;
    if (q > p) {
        p = q;
        if (at2(u, p, n, ':', ':')) {
            compressed = true;
            p = scan_hex_post(u, p + 2, n);
        } else if (at(u, p, n, ':')) {
            p = take_ipv4(u, p + 1, n);
            u->v6_bytes += 4;
        }
    } else if (at2(u, p, n, ':', ':')) {
        compressed = true;
        p = scan_hex_post(u, p + 2, n);
    }
    if (p < n || u->v6_bytes > 16 || (!compressed && u->v6_bytes < 16) ||
        (compressed && u->v6_bytes == 16))
        u->fail = true;
}

/* parseServer: [userinfo@] host [:port] up to n; the end of what it read. */
static int32_t parse_server(Uri *u, int32_t p, int32_t n)
{
    int32_t q = scan_stop(u, p, n, "/?#", "@");
    if (q >= p && at(u, q, n, '@')) {
        check_chars(u, p, q, L_USERINFO, H_USERINFO);
        u->user = (UriPart){p, q};
        p = q + 1;
    }
    if (at(u, p, n, '[')) { /* an IPv6 address, RFC 2732 */
        p++;
        q = scan_stop(u, p, n, "/?#", "]");
        if (!(q > p && at(u, q, n, ']')))
            u->fail = true;
        if (u->fail)
            return p;
        int32_t r = scan_stop(u, p, q, "", "%");
        if (r > p && r < q) { /* a scope id after % */
            parse_ipv6(u, p, r);
            if (r + 1 == q)
                u->fail = true;
            check_chars(u, r + 1, q, L_SCOPE_ID, H_SCOPE_ID);
        } else {
            parse_ipv6(u, p, q);
        }
        u->host = (UriPart){p - 1, q + 1};
        p = q + 1;
    } else {
        q = parse_ipv4(u, p, n);
        if (q <= p)
            q = parse_hostname(u, p, n);
        p = q;
    }
    if (!u->fail && at(u, p, n, ':')) {
        p++;
        q = scan_stop(u, p, n, "", "/");
        if (q > p) {
            check_chars(u, p, q, L_DIGIT, 0);
            if (number_above(u, p, q, INT32_MAX)) /* "Malformed port number" */
                u->fail = true;
            p = q;
        }
    }
    if (p < n)
        u->fail = true;
    return p;
}

/* parseAuthority of [p, n): server-based when it parses so, else registry-based. */
static void parse_authority(Uri *u, int32_t p, int32_t n)
{
    /* "contains a literal IPv6 address": true unless ']' comes first */
    uint64_t lo = scan_stop(u, p, n, "", "]") > p ? L_SERVER_PERCENT : L_SERVER;
    bool server = scan(u, p, n, lo, H_SERVER) == n;
    bool reg = scan(u, p, n, L_REG_NAME, H_REG_NAME) == n;
    if (u->fail) /* a malformed escape pair fails the whole URI */
        return;
    if (server) {
        Uri t = *u;
        parse_server(&t, p, n);
        if (!t.fail) {
            *u = t;
            u->authority = (UriPart){p, n};
            return;
        }
    }
    if (reg)
        u->authority = (UriPart){p, n};
    else
        u->fail = true;
}

static int32_t parse_hierarchical(Uri *u, int32_t p, int32_t n)
{
    if (at2(u, p, n, '/', '/')) {
        p += 2;
        int32_t q = scan_stop(u, p, n, "", "/?#");
        if (q > p)
            p = (parse_authority(u, p, q), q);
        else if (q >= n) /* an empty authority only before a path, query or fragment */
            u->fail = true;
    }
    int32_t q = scan_stop(u, p, n, "", "?#");
    check_chars(u, p, q, L_PATH, H_PATH);
    u->path = (UriPart){p, q};
    p = q;
    if (at(u, p, n, '?')) {
        p++;
        q = scan_stop(u, p, n, "", "#");
        check_chars(u, p, q, L_URIC, H_URIC);
        u->query = (UriPart){p, q};
        p = q;
    }
    return p;
}

/* new URI(s): false on a URISyntaxException. */
static bool uri_parse(Uri *u)
{
    int32_t n = u->n, p = scan_stop(u, 0, n, "/?#", ":");
    u->scheme = u->authority = u->user = u->host = u->path = u->query = u->fragment = none;
    if (p >= 0 && at(u, p, n, ':')) {
        if (p == 0 || !match(u->s[0], 0, H_ALPHA))
            return false;
        check_chars(u, 1, p, L_SCHEME, H_ALPHA);
        u->scheme = (UriPart){0, p};
        p++;
        if (at(u, p, n, '/')) {
            p = parse_hierarchical(u, p, n);
        } else { /* opaque: no path, query or authority */
            int32_t q = scan_stop(u, p, n, "", "#");
            if (q <= p)
                return false;
            check_chars(u, p, q, L_URIC, H_URIC);
            p = q;
        }
    } else {
        p = parse_hierarchical(u, 0, n);
    }
    if (!u->fail && at(u, p, n, '#')) {
        check_chars(u, p + 1, n, L_URIC, H_URIC);
        u->fragment = (UriPart){p + 1, n};
        p = n;
    }
    return !u->fail && p >= n;
}

/* ==== parse_url ==== */

/* ParseUrl's parts (getExtractPartFunc): 0 HOST ... 7 USERINFO, -1 for any other text. */
static int url_part(const char *p, uint32_t n)
{
    static const char *const parts[] = {"HOST",     "PATH", "QUERY",     "REF",
                                        "PROTOCOL", "FILE", "AUTHORITY", "USERINFO"};
    for (int i = 0; i < 8; i++)
        if (strlen(parts[i]) == n && memcmp(parts[i], p, n) == 0)
            return i;
    return -1;
}

int srt_parse_url(SrtQuery *q, const char *url, uint32_t n, const char *part, uint32_t part_n,
                  const char *key, uint32_t key_n, int32_t has_key, const char **out,
                  uint32_t *out_n)
{
    int which = url_part(part, part_n);
    *out = url;
    *out_n = 0;
    if (which < 0 || (has_key && which != 2))
        return -1;
    Uri u = {0};
    const uint16_t *s = u.s = to_chars(q, url, n, &u.n);
    if (!uri_parse(&u))
        return -1;
    /* getHost, getRawPath, getRawQuery, getRawFragment, getScheme, path?query,
       getRawAuthority, getRawUserInfo */
    const UriPart *parts[] = {&u.host,   &u.path, &u.query,     &u.fragment,
                              &u.scheme, &u.path, &u.authority, &u.user};
    const UriPart *r = parts[which];
    if (r->b < 0)
        return -1;
    SrtSBuf o = {q, NULL, 0, 0};
    put_chars(&o, s, r->b, r->e);
    if (which == 5 && u.query.b >= 0) { /* FILE */
        srt_sbuf_put(&o, "?", 1);
        put_chars(&o, s, u.query.b, u.query.e);
    }
    *out = o.n ? o.p : url;
    *out_n = (uint32_t)o.n;
    if (!has_key)
        return 0;
    /* the key's value: group 2 of the first match of (&|^)key=([^&]*) in the query (the
       key is a regular expression, as Spark compiles it) */
    SrtSBuf pat = {q, NULL, 0, 0};
    srt_sbuf_put(&pat, "(&|^)", 5);
    srt_sbuf_put(&pat, key, key_n);
    srt_sbuf_put(&pat, "=([^&]*)", 8);
    const SrtRegex *re = srt_regex_get(q, pat.p, (uint32_t)pat.n, 0);
    uint32_t b, e;
    if (srt_regex_group(q, re, o.p ? o.p : "", (uint32_t)o.n, 2, &b, &e) <= 0)
        return -1;
    *out = o.p + b;
    *out_n = e - b;
    return 0;
}

/* ==== mask / luhn_check ==== */

void srt_str_mask(SrtQuery *q, const char *s, uint32_t n, const char *const *rep,
                  const uint32_t *rep_n, const char **out, uint32_t *out_n)
{
    /* Mask.transformInput: each char by Character.getType, Lu by rep[0], Ll by rep[1], Nd by
       rep[2], any other (a surrogate too) by rep[3]; a NULL replacement (rep_n[i] of
       UINT32_MAX) keeps the char, else its first char replaces it (charAt(0): a code point
       beyond the BMP gives its high surrogate alone) */
    int32_t m;
    uint16_t *c = to_chars(q, s, n, &m);
    int32_t with[4] = {-1, -1, -1, -1};
    for (int k = 0; k < 4; k++) {
        if (rep_n[k] == UINT32_MAX)
            continue;
        int32_t rm;
        const uint16_t *r = to_chars(q, rep[k], rep_n[k], &rm);
        with[k] = rm ? r[0] : -1;
    }
    static const int slot[] = {
        [SRT_CHAR_UPPER] = 0, [SRT_CHAR_LOWER] = 1, [SRT_CHAR_DIGIT] = 2, [SRT_CHAR_OTHER] = 3};
    for (int32_t i = 0; i < m; i++) {
        int32_t w = with[slot[srt_char_type(c[i])]];
        if (w >= 0)
            c[i] = (uint16_t)w;
    }
    SrtSBuf o = {q, NULL, 0, 0};
    put_chars(&o, c, 0, m);
    *out = o.n ? o.p : s;
    *out_n = (uint32_t)o.n;
}

int32_t srt_luhn_check(SrtQuery *q, const char *s, uint32_t n)
{
    /* ExpressionImplUtils.isLuhnNumber: from the last char, every second digit doubled and
       its digits summed; false for '' or any char that is not a (Unicode) decimal digit */
    int32_t m, sum = 0;
    const uint16_t *c = to_chars(q, s, n, &m);
    for (int32_t i = m - 1, second = 0; i >= 0; i--, second = !second) {
        if (srt_char_type(c[i]) != SRT_CHAR_DIGIT)
            return 0;
        int d = srt_char_digit(c[i], 10) * (second ? 2 : 1);
        sum += d % 10 + d / 10;
    }
    return m > 0 && sum % 10 == 0;
}
