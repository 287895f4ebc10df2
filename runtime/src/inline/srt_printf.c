/* srt_printf.c - format_string / printf (Spark's FormatString: java.util.Formatter with
** Locale.US over the arguments' Java values), for the conversions %s %S %d %x %X %o %f %% %n
** with the flags - + space 0 , a width, a precision and n$ argument indexes.
*/
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "common/cm_utf8.h"
#include "srt_abi.h"
#include "inline/srt_sbuf.h"

static void pf_pad(SrtSBuf *b, char c, long n)
{
    for (long i = 0; i < n; i++)
        srt_sbuf_put(b, &c, 1);
}

/* s[0, n) justified in width characters (code points), left with '-'. */
static void pf_justify(SrtSBuf *b, const char *s, size_t n, long width, bool left)
{
    long chars = 0;
    for (size_t i = 0; i < n; i += cm_utf8_lead_len((unsigned char)s[i]))
        chars++;
    if (!left)
        pf_pad(b, ' ', width - chars);
    srt_sbuf_put(b, s, n);
    if (left)
        pf_pad(b, ' ', width - chars);
}

/* The sign, then digits (grouped by ',' if asked), zero-padded to width with '0'. */
static void pf_number(SrtSBuf *b, bool neg, const char *digits, size_t n, const char *frac,
                      size_t fn, const char *flags, long width)
{
    char tmp[512];
    size_t k = 0;
    bool group = strchr(flags, ',') != NULL;
    for (size_t i = 0; i < n && k < sizeof tmp - 2; i++) {
        if (group && i && (n - i) % 3 == 0)
            tmp[k++] = ',';
        tmp[k++] = digits[i];
    }
    const char *sign = neg ? "-" : strchr(flags, '+') ? "+" : strchr(flags, ' ') ? " " : "";
    long len = (long)(strlen(sign) + k + fn);
    bool left = strchr(flags, '-') != NULL;
    if (!left && !strchr(flags, '0'))
        pf_pad(b, ' ', width - len);
    srt_sbuf_put(b, sign, strlen(sign));
    if (!left && strchr(flags, '0'))
        pf_pad(b, '0', width - len);
    srt_sbuf_put(b, tmp, k);
    srt_sbuf_put(b, frac, fn);
    if (left)
        pf_pad(b, ' ', width - len);
}

/* %.<prec>f of v as Formatter does: Double.toString's digits rounded HALF_UP. */
static void pf_fixed(SrtSBuf *b, double v, long prec, const char *flags, long width)
{
    char t[40], dg[400];
    uint32_t n = srt_fmt_double(v, t);
    if (t[0] == 'N' || (n >= 8 && strcmp(t + n - 8, "Infinity") == 0)) {
        bool neg = t[0] == '-';
        const char *w = t[0] == 'N' ? "NaN" : "Infinity";
        char s[16];
        snprintf(s, sizeof s, "%s%s", neg ? "-" : t[0] != 'N' && strchr(flags, '+') ? "+" : "", w);
        pf_justify(b, s, strlen(s), width, strchr(flags, '-') != NULL);
        return;
    }
    bool neg = t[0] == '-';
    int nd = 0, point = 0, exp = 0;
    bool seen_point = false;
    for (uint32_t i = neg; i < n; i++) {
        if (t[i] == '.') {
            seen_point = true;
        } else if (t[i] == 'E') {
            sscanf(t + i + 1, "%d", &exp);
            break;
        } else {
            dg[nd++] = t[i];
            if (!seen_point)
                point++;
        }
    }
    point += exp; /* value = 0.dg * 10^point */
    long keep = point + prec; /* digits kept */
    char out[400];
    int on = 0;
    if (keep < 0) {
        on = 0;
    } else {
        for (long i = 0; i < keep; i++)
            out[on++] = i < nd ? dg[i] : '0';
        if (keep < nd && dg[keep] >= '5') { /* HALF_UP */
            int i = on - 1;
            while (i >= 0 && out[i] == '9')
                out[i--] = '0';
            if (i >= 0) {
                out[i]++;
            } else {
                memmove(out + 1, out, (size_t)on++);
                out[0] = '1';
                point++;
            }
        }
    }
    /* integer digits: out[0, point), fraction: the next prec */
    char ip[400], fp[400];
    int in = 0, fpn = 0;
    for (long i = 0; i < point; i++)
        ip[in++] = i < on ? out[i] : '0';
    if (in == 0)
        ip[in++] = '0';
    if (prec > 0)
        fp[fpn++] = '.';
    for (long i = 0; i < prec; i++) {
        long at = point + i;
        fp[fpn++] = at >= 0 && at < on ? out[at] : '0';
    }
    pf_number(b, neg, ip, (size_t)in, fp, (size_t)fpn, flags, width);
}

static int pf_fail(SrtQuery *q, const char *exc, const char *detail)
{
    char msg[200];
    snprintf(msg, sizeof msg, "java.util.%s: %s", exc, detail);
    srt_query_fail(q, msg);
    return -1;
}

/* The Java class of an argument kind (for IllegalFormatConversionException). */
static const char *pf_class(char kind)
{
    switch (kind) {
    case 'i': return "java.lang.Integer";
    case 'l': return "java.lang.Long";
    case 'd': return "java.lang.Double";
    case 'f': return "java.lang.Float";
    case 'b': return "java.lang.Boolean";
    case 'D': return "org.apache.spark.sql.types.Decimal";
    default: return "org.apache.spark.unsafe.types.UTF8String";
    }
}

int srt_format_string(SrtQuery *q, const char *fmt, uint32_t fn, const void *argv, int32_t argc,
                      const char *kinds, const char **out, uint32_t *out_n)
{
    const SrtDatum *args = argv;
    SrtSBuf b = {q, NULL, 0, 0};
    int next = 0;
    *out = "";
    *out_n = 0;
    for (uint32_t i = 0; i < fn;) {
        if (fmt[i] != '%') {
            uint32_t j = i;
            while (j < fn && fmt[j] != '%')
                j++;
            srt_sbuf_put(&b, fmt + i, j - i);
            i = j;
            continue;
        }
        uint32_t start = i++;
        long index = -1, width = -1, prec = -1;
        char flags[8] = {0};
        int nf = 0;
        uint32_t j = i;
        long num = 0;
        while (j < fn && fmt[j] >= '0' && fmt[j] <= '9')
            num = num * 10 + (fmt[j++] - '0');
        if (j < fn && fmt[j] == '$' && j > i) {
            index = num;
            i = j + 1;
        }
        while (i < fn && strchr("-+ 0,", fmt[i]) && nf < 6) {
            if (!strchr(flags, fmt[i]))
                flags[nf++] = fmt[i];
            i++;
        }
        if (i < fn && fmt[i] >= '1' && fmt[i] <= '9') {
            width = 0;
            while (i < fn && fmt[i] >= '0' && fmt[i] <= '9')
                width = width * 10 + (fmt[i++] - '0');
        }
        if (i < fn && fmt[i] == '.') {
            prec = 0;
            i++;
            while (i < fn && fmt[i] >= '0' && fmt[i] <= '9')
                prec = prec * 10 + (fmt[i++] - '0');
        }
        char spec[48];
        snprintf(spec, sizeof spec, "%.*s", (int)(i < fn ? i + 1 - start : i - start), fmt + start);
        if (i >= fn)
            return pf_fail(q, "UnknownFormatConversionException", "Conversion = '%'");
        char c = fmt[i++];
        bool left = strchr(flags, '-') != NULL;
        if ((left || strchr(flags, '0')) && width < 0) {
            return pf_fail(q, "MissingFormatWidthException", spec);
        }
        if (c == '%' || c == 'n') {
            pf_justify(&b, c == '%' ? "%" : "\n", 1, width, left);
            continue;
        }
        if (!strchr("sSdxXof", c)) {
            char d[80];
            snprintf(d, sizeof d, "Conversion = '%c'", c);
            return pf_fail(q, "UnknownFormatConversionException", d);
        }
        int k = index > 0 ? (int)index - 1 : next++;
        if (index == 0 || k >= argc) {
            char d[100];
            snprintf(d, sizeof d, "Format specifier '%s'", spec);
            return pf_fail(q, "MissingFormatArgumentException", d);
        }
        const SrtDatum *a = &args[k];
        char kind = kinds[k];
        bool is_str = c == 's' || c == 'S';
        if ((is_str && (strchr(flags, '+') || strchr(flags, ' ') || strchr(flags, '0') ||
                        strchr(flags, ','))) ||
            (!is_str && c != 'f' && c != 'd' && (strchr(flags, '+') || strchr(flags, ' ') || strchr(flags, ','))) ||
            (c != 'f' && !is_str && prec >= 0)) {
            return pf_fail(q, prec >= 0 && !is_str ? "IllegalFormatPrecisionException" : "FormatFlagsConversionMismatchException", spec);
        }
        if (a->is_null) { /* Formatter prints "null" for a null argument */
            const char *s = c == 'S' ? "NULL" : "null";
            pf_justify(&b, s, prec >= 0 && prec < 4 ? (size_t)prec : 4, width, left);
            continue;
        }
        if (is_str) {
            char t[48];
            const char *s = t;
            size_t n;
            switch (kind) {
            case 'i':
            case 'l': n = (size_t)snprintf(t, sizeof t, "%lld", (long long)a->i); break;
            case 'd': n = srt_fmt_double(a->d, t); break;
            case 'f': n = srt_fmt_float((float)a->d, t); break;
            case 'b': n = (size_t)snprintf(t, sizeof t, "%s", a->i ? "true" : "false"); break;
            default: s = a->p, n = a->n; break;
            }
            if (prec >= 0) { /* the first prec characters */
                size_t at = 0;
                for (long cnt = 0; at < n && cnt < prec; cnt++)
                    at += cm_utf8_lead_len((unsigned char)s[at]);
                n = at > n ? n : at;
            }
            if (c == 'S') {
                char *u = srt_scratch_alloc(q, n + 1);
                for (size_t x = 0; x < n; x++)
                    u[x] = s[x] >= 'a' && s[x] <= 'z' ? (char)(s[x] - 32) : s[x];
                s = u;
            }
            pf_justify(&b, s, n, width, left);
            continue;
        }
        bool integral = kind == 'i' || kind == 'l';
        if ((c == 'f' && kind != 'd' && kind != 'f') || (c != 'f' && !integral)) {
            char d[120];
            snprintf(d, sizeof d, "%c != %s", c, pf_class(kind));
            return pf_fail(q, "IllegalFormatConversionException", d);
        }
        if (c == 'f') {
            pf_fixed(&b, a->d, prec < 0 ? 6 : prec, flags, width);
            continue;
        }
        char t[40];
        int n;
        if (c == 'd') {
            unsigned long long m = a->i < 0 ? 0ULL - (unsigned long long)a->i : (unsigned long long)a->i;
            n = snprintf(t, sizeof t, "%llu", m);
            pf_number(&b, a->i < 0, t, (size_t)n, "", 0, flags, width);
        } else { /* x X o: Integer/Long.toHexString, toOctalString (two's complement) */
            unsigned long long m = kind == 'i' ? (unsigned long long)(uint32_t)a->i : (unsigned long long)a->i;
            n = snprintf(t, sizeof t, c == 'x' ? "%llx" : c == 'X' ? "%llX" : "%llo", m);
            pf_number(&b, false, t, (size_t)n, "", 0, flags, width);
        }
    }
    *out = b.p ? b.p : "";
    *out_n = (uint32_t)b.n;
    return 0;
}
