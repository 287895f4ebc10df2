/* srt_digest.c - hashes and encodings of bytes as Spark's hash.scala and stringExpressions.scala
** compute them: md5, sha1, sha2 (OpenSSL's libcrypto), crc32 (zlib), base64, unbase64, hex,
** unhex, and to_binary's strict hex and base64.
**
** Inputs are the bytes of a STRING or BINARY (never NULL: codegen handles NULL); results
** are in the query's scratch memory.  Digests print as lower-case hex (Spark's
** DigestUtils.md5Hex and friends), hex as upper-case (Hex.hex).
*/
#include <openssl/evp.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "common/cm_utf8.h"
#include "srt_int.h"

/* The digest of s by md as lower-case hex. */
static void dg_hex_digest(SrtQuery *q, const EVP_MD *md, const char *s, uint32_t n, const char **out,
                          uint32_t *out_n)
{
    static const char digits[] = "0123456789abcdef";
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int dn = 0;
    if (!EVP_Digest(s, n, d, &dn, md, NULL)) {
        srt_query_fail(q, "digest: OpenSSL failed to compute the hash");
        dn = 0;
    }
    char *o = srt_scratch_alloc(q, 2 * (size_t)dn + 1);
    for (unsigned int i = 0; i < dn; i++) {
        o[2 * i] = digits[d[i] >> 4];
        o[2 * i + 1] = digits[d[i] & 15];
    }
    *out = o;
    *out_n = 2 * dn;
}

void srt_md5(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n)
{
    dg_hex_digest(q, EVP_md5(), s, n, out, out_n); /* Md5: DigestUtils.md5Hex */
}

void srt_sha1(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n)
{
    dg_hex_digest(q, EVP_sha1(), s, n, out, out_n); /* Sha1: DigestUtils.sha1Hex */
}

int srt_sha2(SrtQuery *q, const char *s, uint32_t n, int32_t bits, const char **out,
             uint32_t *out_n)
{
    /* Sha2: 224, 256 (or 0), 384, 512; any other length is NULL. */
    const EVP_MD *md = bits == 224                ? EVP_sha224()
                       : bits == 256 || bits == 0 ? EVP_sha256()
                       : bits == 384              ? EVP_sha384()
                       : bits == 512              ? EVP_sha512()
                                                  : NULL;
    *out = s;
    *out_n = 0;
    if (!md)
        return -1;
    dg_hex_digest(q, md, s, n, out, out_n);
    return 0;
}

int64_t srt_crc32(const char *s, uint32_t n)
{
    /* Crc32: java.util.zip.CRC32, the same polynomial as zlib's. */
    return (int64_t)crc32(crc32(0L, Z_NULL, 0), (const Bytef *)s, n);
}

void srt_base64(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n)
{
    /* Base64: RFC 4648's alphabet, '=' padding, no line breaks (Spark 3.5.2 and later:
       spark.sql.chunkBase64String.enabled is false; 3.3 .. 3.5.1 broke lines after 76
       characters with the MIME encoder), as the JSON sink writes a BINARY. */
    char *o = srt_scratch_alloc(q, ((size_t)n + 2) / 3 * 4 + 1);
    *out = o;
    *out_n = (uint32_t)srt_base64_chars(s, n, o);
}

/* The value of a base64 character, -2 for '=', -1 for any other. */
static int dg_b64_value(unsigned char c)
{
    return c == '=' ? -2 : srt_base64_digit(c);
}

/* How many Java chars the UTF-8 unit at u[0] is (a 4-byte one is a surrogate pair), and its
   bytes in *len. */
static int dg_java_chars(const unsigned char *u, uint32_t left, uint32_t *len)
{
    uint32_t l = u[0] < 0xC0 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : u[0] < 0xF8 ? 4 : 1;
    *len = l > left ? left : l;
    return l == 4 && *len == 4 ? 2 : 1;
}

int srt_unbase64(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n)
{
    /* UnBase64: java.util.Base64.getMimeDecoder().decode(str): characters outside the
       alphabet are skipped (a non-ASCII one too: the String is read as ISO-8859-1); a
       misplaced '=' or a dangling character throws, which fails the query. */
    const unsigned char *u = (const unsigned char *)s;
    char *o = srt_scratch_alloc(q, (size_t)n / 4 * 3 + 3);
    uint32_t dp = 0, bits = 0, i = 0;
    int shiftto = 18;
    long sp = 0; /* Java's position in chars, for the message */
    const char *err = NULL;
    uint32_t first_len;
    if (n > 0 && dg_java_chars(u, n, &first_len) == 1 && first_len == n && n == 1 &&
        dg_b64_value(u[0]) != -1) /* Decoder.decodedOutLength: one char that is not skipped */
        err = "Input byte[] should at least have 2 bytes for base64 bytes";
    while (!err && i < n) {
        uint32_t len;
        sp += dg_java_chars(u + i, n - i, &len);
        int b = len == 1 ? dg_b64_value(u[i]) : -1;
        i += len;
        if (b == -1)
            continue;
        if (b == -2) {
            int second = 0;
            if (shiftto == 6 && i < n) {
                uint32_t l2;
                sp += dg_java_chars(u + i, n - i, &l2);
                second = l2 == 1 && u[i] == '=';
                i += l2;
            }
            if ((shiftto == 6 && !second) || shiftto == 18)
                err = "Input byte array has wrong 4-byte ending unit";
            break;
        }
        bits |= (uint32_t)b << shiftto;
        shiftto -= 6;
        if (shiftto < 0) {
            o[dp++] = (char)(bits >> 16);
            o[dp++] = (char)(bits >> 8);
            o[dp++] = (char)bits;
            shiftto = 18;
            bits = 0;
        }
    }
    if (!err && shiftto == 12) {
        err = "Last unit does not have enough valid bits"; /* a dangling single character */
    } else if (!err && shiftto <= 6) {
        o[dp++] = (char)(bits >> 16);
        if (shiftto == 0)
            o[dp++] = (char)(bits >> 8);
    }
    char msg[96];
    while (!err && i < n) { /* after the padding only non-alphabet characters may follow */
        uint32_t len;
        sp += dg_java_chars(u + i, n - i, &len);
        int b = len == 1 ? dg_b64_value(u[i]) : -1;
        i += len;
        if (b >= 0 || b == -2) {
            snprintf(msg, sizeof msg, "Input byte array has incorrect ending byte at %ld", sp);
            err = msg;
        }
    }
    *out = o;
    *out_n = dp;
    if (err) {
        char full[160];
        snprintf(full, sizeof full, "unbase64: java.lang.IllegalArgumentException: %s", err);
        srt_query_fail(q, full);
        *out_n = 0;
        return -1;
    }
    return 0;
}

void srt_hex_long(SrtQuery *q, int64_t v, const char **out, uint32_t *out_n)
{
    /* Hex of a BIGINT: java.lang.Long.toHexString (two's complement), upper-case. */
    char *o = srt_scratch_alloc(q, 17);
    *out = o;
    *out_n = (uint32_t)snprintf(o, 17, "%llX", (unsigned long long)v);
}

void srt_hex_bytes(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n)
{
    /* Hex.hex of a STRING's or BINARY's bytes: two upper-case digits each. */
    static const char digits[] = "0123456789ABCDEF";
    const unsigned char *u = (const unsigned char *)s;
    char *o = srt_scratch_alloc(q, 2 * (size_t)n + 1);
    for (uint32_t i = 0; i < n; i++) {
        o[2 * i] = digits[u[i] >> 4];
        o[2 * i + 1] = digits[u[i] & 15];
    }
    *out = o;
    *out_n = 2 * n;
}

static int dg_unhex_digit(unsigned char c)
{
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

int srt_unhex(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n)
{
    /* Hex.unhex: pairs of hex digits, an odd first digit alone; NULL (-1) for any other
       byte. */
    const unsigned char *u = (const unsigned char *)s;
    char *o = srt_scratch_alloc(q, (size_t)n / 2 + 1);
    uint32_t i = 0, dp = 0;
    *out = o;
    *out_n = 0;
    if (n & 1) {
        int v = dg_unhex_digit(u[0]);
        if (v < 0)
            return -1;
        o[dp++] = (char)v;
        i = 1;
    }
    for (; i < n; i += 2) {
        int hi = dg_unhex_digit(u[i]), lo = dg_unhex_digit(u[i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        o[dp++] = (char)(hi << 4 | lo);
    }
    *out_n = dp;
    return 0;
}

/* Java's Character.isWhitespace of a code point: the Unicode space, line and paragraph
   separators but the no-break ones (U+00A0, U+2007, U+202F), and \t \n \v \f \r U+001C..1F. */
static bool dg_java_whitespace(uint32_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F) || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A && c != 0x2007) || c == 0x2028 || c == 0x2029 ||
           c == 0x205F || c == 0x3000;
}

/* UnBase64.isValidBase64 (stringExpressions.scala, Spark 3.5): RFC 4648 groups of 4 symbols
   among which whitespace is skipped, the last one 2 to 4 symbols, or exactly 4 with its one
   or two '=' that end the text (no whitespace after them).  A character beyond the BMP is two
   UTF-16 units, neither valid. */
static bool dg_valid_base64(const char *s, uint32_t n)
{
    uint32_t position = 0, pad = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = cm_utf8_next(s, n, &i);
        if (c < 0x80 && srt_base64_digit((unsigned char)c) >= 0) {
            if (pad != 0)
                return false;
            position++;
        } else if (c == '=') {
            if (++pad > 2 || position % 4 < 2)
                return false;
        } else if (!dg_java_whitespace(c) || pad != 0) {
            return false;
        }
    }
    return pad > 0 ? (position + pad) % 4 == 0 : position % 4 != 1;
}

int srt_to_binary(SrtQuery *q, const char *s, uint32_t n, int32_t base64, int32_t try_null,
                  const char **out, uint32_t *out_n)
{
    /* ToBinary's Unhex(s, failOnError = true) and UnBase64(s, failOnError = true): NULL from
       Hex.unhex, or a text isValidBase64 refuses, throws QueryExecutionErrors
       .invalidInputInConversionError(BINARY, s, fmt, "try_to_binary"); TryEval makes it NULL. */
    if (base64 ? dg_valid_base64(s, n) : srt_unhex(q, s, n, out, out_n) == 0)
        return base64 ? srt_unbase64(q, s, n, out, out_n) : 0;
    *out = s;
    *out_n = 0;
    if (try_null)
        return -1;
    const char *v = srt_sql_string_value(q, s, n);
    size_t k = strlen(v);
    char *msg = srt_scratch_alloc(q, k + 256);
    snprintf(msg, k + 256,
             "[CONVERSION_INVALID_INPUT] The value %.*s ('%s') cannot be converted to \"BINARY\" "
             "because it is malformed. Correct the value as per the syntax, or change its format. "
             "Use `try_to_binary` to tolerate malformed input and return NULL instead.",
             (int)k, v, base64 ? "BASE64" : "HEX");
    srt_query_fail(q, msg);
    return -1;
}
