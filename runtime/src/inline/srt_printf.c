/* srt_printf.c - format_string / printf (Spark's FormatString: java.util.Formatter with
** Locale.US over the arguments' Java values), for the conversions %s %S %d %x %X %o %f %e %E
** %g %G %a %A %% %n with the flags - + space 0 , a width, a precision and n$ argument indexes
** (%a with a precision below 13 is not supported).
*/
#include <math.h>
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

/* The UTF-16 length (String.length) of the UTF-8 character at s: 2 past the BMP. */
static long pf_utf16_len(unsigned char lead)
{
    return cm_utf8_lead_len(lead) == 4 ? 2 : 1;
}

/* s[0, n) justified in width UTF-16 chars, left with '-' (Formatter.appendJustified: width -
   cs.length(), so a character past the BMP counts twice). */
static void pf_justify(SrtSBuf *b, const char *s, size_t n, long width, bool left)
{
    long chars = 0;
    for (size_t i = 0; i < n; i += cm_utf8_lead_len((unsigned char)s[i]))
        chars += pf_utf16_len((unsigned char)s[i]);
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

/* NaN or an infinity as Formatter.print(double) writes it: NaN without a sign, Infinity after
   leadingSign ('-', or '+' / ' ' by the flags), upper case for %E %G %A; justified. */
static bool pf_special(SrtSBuf *b, double v, const char *flags, long width, bool upper)
{
    if (!isnan(v) && !isinf(v))
        return false;
    char s[16];
    const char *sign = isnan(v) ? "" : v < 0 ? "-" : strchr(flags, '+') ? "+" : strchr(flags, ' ') ? " " : "";
    snprintf(s, sizeof s, "%s%s", sign, isnan(v) ? (upper ? "NAN" : "NaN") : upper ? "INFINITY" : "Infinity");
    pf_justify(b, s, strlen(s), width, strchr(flags, '-') != NULL);
    return true;
}

/* dg[0, nd) rounded HALF_UP to its first keep digits into out (applyPrecision), keep < 0
   meaning none; a carry adds a digit in front (and to *point).  The digits in out. */
static int pf_round(const char *dg, int nd, long keep, char *out, int *point)
{
    int on = 0;
    if (keep < 0)
        return 0;
    for (long i = 0; i < keep; i++)
        out[on++] = i < nd ? dg[i] : '0';
    if (keep < nd && dg[keep] >= '5') {
        int i = on - 1;
        while (i >= 0 && out[i] == '9')
            out[i--] = '0';
        if (i >= 0) {
            out[i]++;
        } else {
            memmove(out + 1, out, (size_t)on++);
            out[0] = '1';
            (*point)++;
        }
    }
    return on;
}

/* The decimal form of 0.out[0, on) * 10^point with prec fraction digits: the integer digits
   (at least "0") into ip, '.' and the fraction (none when prec is 0) into fp. */
static void pf_decimal(const char *out, int on, int point, long prec, char *ip, int *in, char *fp, int *fpn)
{
    *in = *fpn = 0;
    for (long i = 0; i < point; i++)
        ip[(*in)++] = i < on ? out[i] : '0';
    if (*in == 0)
        ip[(*in)++] = '0';
    if (prec > 0)
        fp[(*fpn)++] = '.';
    for (long i = 0; i < prec; i++) {
        long at = point + i;
        fp[(*fpn)++] = at >= 0 && at < on ? out[at] : '0';
    }
}

/* %.<prec>f of v as Formatter does: Double.toString's digits rounded HALF_UP. */
static void pf_fixed(SrtSBuf *b, double v, long prec, const char *flags, long width)
{
    char dg[400], out[400], ip[400], fp[400];
    if (pf_special(b, v, flags, width, false))
        return;
    int point, in, fpn;
    int nd = srt_double_digits(v, dg, &point);
    int on = pf_round(dg, nd, point + prec, out, &point);
    pf_decimal(out, on, point, prec, ip, &in, fp, &fpn);
    pf_number(b, signbit(v), ip, (size_t)in, fp, (size_t)fpn, flags, width);
}

/* %e %E (sci) and %g %G as Formatter prints a double (FormattedFloatingDecimal over
   Double.toString's digits, rounded HALF_UP).  %e: prec (default 6) fraction digits after one
   digit, then e, the exponent's sign and at least two digits (zero: e+00).  %g: prec (default
   6, 0 taken as 1) significant digits; after rounding, a value below 10^-4 or at least
   10^prec is in the scientific form with prec - 1 fraction digits, any other in the decimal
   form with prec - 1 - exponent fraction digits, trailing zeros kept (unlike C's %g); zero is
   0 with prec - 1 fraction digits.  Zeros of the '0' flag go after the sign. */
static void pf_float(SrtSBuf *b, double v, char c, long prec, const char *flags, long width)
{
    bool upper = c == 'E' || c == 'G';
    if (pf_special(b, v, flags, width, upper))
        return;
    char dg[400], out[400], ip[400], fp[440];
    int point, in, fpn;
    int nd = srt_double_digits(v, dg, &point);
    bool sci = c == 'e' || c == 'E';
    if (sci && prec < 0)
        prec = 6;
    if (!sci)
        prec = prec < 0 ? 6 : prec == 0 ? 1 : prec;
    int on = nd ? pf_round(dg, nd, sci ? prec + 1 : prec, out, &point) : 0;
    int x = point - 1; /* the exponent of the rounded value */
    if (!sci && (nd == 0 || (x >= -4 && x < prec))) {
        pf_decimal(out, on, point, nd ? prec - 1 - x : prec - 1, ip, &in, fp, &fpn);
    } else {
        long frac = sci ? prec : prec - 1;
        in = 1;
        ip[0] = on ? out[0] : '0';
        fpn = 0;
        if (frac > 0)
            fp[fpn++] = '.';
        for (long i = 1; i <= frac; i++)
            fp[fpn++] = i < on ? out[i] : '0';
        if (!nd)
            x = 0;
        fpn += snprintf(fp + fpn, 12, "%c%c%02d", upper ? 'E' : 'e', x < 0 ? '-' : '+', x < 0 ? -x : x);
    }
    pf_number(b, signbit(v), ip, (size_t)in, fp, (size_t)fpn, flags, width);
}

/* Double.toHexString of the finite a >= 0 without its "0x": "1.8p1", a subnormal's
   "0.0000000000001p-1022", "0.0p0". */
static void pf_hex_string(double a, char *s, size_t n)
{
    if (a == 0.0) {
        snprintf(s, n, "0.0p0");
        return;
    }
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    bool sub = a < 2.2250738585072014E-308; /* Double.MIN_NORMAL */
    char sig[16];
    snprintf(sig, sizeof sig, "%013llx", (unsigned long long)(bits & 0xFFFFFFFFFFFFFull));
    int k = 13;
    while (k > 1 && sig[k - 1] == '0')
        k--;
    snprintf(s, n, "%c.%.*sp%d", sub ? '0' : '1', k, sig, sub ? -1022 : (int)((bits >> 52) & 0x7FF) - 1023);
}

/* Formatter.hexDouble of the finite a >= 0 with prec (1 to 12) hexadecimal digits: a
   subnormal is normalised (times 2^54), the significand rounded to 1 + 4 * prec bits half to
   even on the bits (a carry may raise the exponent), then Double.toHexString, the exponent
   of a subnormal lowered by 54 again; "1.0p1024" when rounding overflows. */
static void pf_hex_round(double a, int prec, char *s, size_t n)
{
    bool sub = a < 2.2250738585072014E-308;
    if (sub)
        a *= 0x1p54;
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    int shift = 53 - (1 + prec * 4); /* SIGNIFICAND_WIDTH - precision */
    uint64_t signif = bits >> shift, rest = bits & ~(~0ull << shift);
    bool least_zero = (signif & 1) == 0, round = (rest >> (shift - 1)) & 1;
    bool sticky = shift > 1 && (rest & ~(1ull << (shift - 1))) != 0;
    if ((least_zero && round && sticky) || (!least_zero && round))
        signif++;
    bits = signif << shift;
    double r;
    memcpy(&r, &bits, sizeof r);
    if (isinf(r)) {
        snprintf(s, n, "1.0p1024");
        return;
    }
    pf_hex_string(r, s, n);
    if (sub) { /* r is normal: its exponent from its bits */
        char *p = strchr(s, 'p');
        snprintf(p + 1, n - (size_t)(p + 1 - s), "%d", (int)((bits >> 52) & 0x7FF) - 1023 - 54);
    }
}

/* %a %A: Formatter's hexadecimal form of a double: the sign, 0x, zeros of the '0' flag, the
   significand of Double.toHexString (no precision, or one of 13 and more) or of hexDouble's
   rounding (a precision of 0 counts as 1), padded with zeros to the precision, and p with the
   binary exponent. */
static void pf_hex(SrtSBuf *b, double v, char c, long prec, const char *flags, long width)
{
    bool upper = c == 'A';
    if (pf_special(b, v, flags, width, upper))
        return;
    char s[64], t[96];
    double a = fabs(v);
    if (prec == 0)
        prec = 1;
    if (prec > 0 && prec < 13 && a != 0.0)
        pf_hex_round(a, (int)prec, s, sizeof s);
    else
        pf_hex_string(a, s, sizeof s);
    const char *sign = signbit(v) ? "-" : strchr(flags, '+') ? "+" : strchr(flags, ' ') ? " " : "";
    int k = snprintf(t, sizeof t, "%s0%c", sign, upper ? 'X' : 'x');
    if (strchr(flags, '0')) /* trailingZeros(width - s.length() - leading characters) */
        for (long z = width - (long)strlen(s) - k; z > 0 && k < 80; z--)
            t[k++] = '0';
    const char *pp = strchr(s, 'p');
    for (const char *q = s; q < pp; q++)
        t[k++] = upper && *q >= 'a' && *q <= 'f' ? (char)(*q - 32) : *q;
    for (long z = (long)(pp - strchr(s, '.')) - 1; prec > 0 && z < prec; z++)
        t[k++] = '0';
    k += snprintf(t + k, sizeof t - (size_t)k, "%c%s", upper ? 'P' : 'p', pp + 1);
    pf_justify(b, t, (size_t)k, width, strchr(flags, '-') != NULL);
}

/* The first prec UTF-16 chars of s[0, *n) (String.substring(0, prec)); a cut through a
   surrogate pair leaves its high surrogate alone, which String.getBytes(UTF_8) (UTF8String's
   fromString) writes as '?'. */
static const char *pf_prefix16(SrtQuery *q, const char *s, size_t *n, long prec)
{
    size_t at = 0;
    long cnt = 0;
    while (at < *n && cnt < prec) {
        long w = pf_utf16_len((unsigned char)s[at]);
        if (cnt + w > prec) { /* half a pair */
            char *t = srt_scratch_alloc(q, at + 1);
            memcpy(t, s, at);
            t[at] = '?';
            *n = at + 1;
            return t;
        }
        cnt += w;
        at += cm_utf8_lead_len((unsigned char)s[at]);
    }
    *n = at > *n ? *n : at;
    return s;
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
    case 'y':
        return "java.lang.Byte";
    case 'h':
        return "java.lang.Short";
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
        if (!strchr("sSdxXofeEgGaA", c)) {
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
        bool fp = strchr("feEgGaA", c) != NULL;
        /* Formatter's checks: a sign flag for d and the floating conversions, ',' for d, f and
           g (not e or a: FormatFlagsConversionMismatchException), a precision for s and the
           floating conversions only */
        bool signs = c == 'd' || fp, group = c == 'd' || c == 'f' || c == 'g' || c == 'G';
        if (fp && !group && strchr(flags, ',')) { /* checkFloat: checkBadFlags(GROUP) */
            char d[48];
            snprintf(d, sizeof d, "Conversion = %c, Flags = ,", c | 0x20);
            return pf_fail(q, "FormatFlagsConversionMismatchException", d);
        }
        if ((is_str && (strchr(flags, '+') || strchr(flags, ' ') || strchr(flags, '0') ||
                        strchr(flags, ','))) ||
            (!is_str && ((!signs && (strchr(flags, '+') || strchr(flags, ' '))) || (!group && strchr(flags, ',')))) ||
            (!fp && !is_str && prec >= 0)) {
            return pf_fail(q, prec >= 0 && !is_str && !fp ? "IllegalFormatPrecisionException" : "FormatFlagsConversionMismatchException", spec);
        }
        if (a->is_null) { /* Formatter prints "null" for a null argument */
            const char *s = c >= 'A' && c <= 'Z' ? "NULL" : "null"; /* Flags.UPPERCASE */
            pf_justify(&b, s, prec >= 0 && prec < 4 ? (size_t)prec : 4, width, left);
            continue;
        }
        if (is_str) {
            uint32_t u_n;
            char t[48];
            const char *s = t;
            size_t n;
            switch (kind) {
            case 'y':
            case 'h':
            case 'i':
            case 'l': n = (size_t)snprintf(t, sizeof t, "%lld", (long long)a->i); break;
            case 'd': n = srt_fmt_double(a->d, t); break;
            case 'f': n = srt_fmt_float((float)a->d, t); break;
            case 'b': n = (size_t)snprintf(t, sizeof t, "%s", a->i ? "true" : "false"); break;
            default: s = a->p, n = a->n; break;
            }
            if (prec >= 0) /* Formatter.print(String): s.substring(0, precision) */
                s = pf_prefix16(q, s, &n, prec);
            if (c == 'S') /* toUpperCaseWithLocale(s, Locale.US): String.toUpperCase */
                srt_str_upper(q, s, (uint32_t)n, &s, &u_n), n = u_n;
            pf_justify(&b, s, n, width, left);
            continue;
        }
        bool integral = kind == 'i' || kind == 'l' || kind == 'y' || kind == 'h';
        if ((fp && kind != 'd' && kind != 'f') || (!fp && !integral)) {
            char d[120];
            snprintf(d, sizeof d, "%c != %s", c, pf_class(kind));
            return pf_fail(q, "IllegalFormatConversionException", d);
        }
        if (c == 'f') {
            pf_fixed(&b, a->d, prec < 0 ? 6 : prec, flags, width);
            continue;
        }
        if (c == 'a' || c == 'A') {
            pf_hex(&b, a->d, c, prec, flags, width);
            continue;
        }
        if (fp) {
            pf_float(&b, a->d, c, prec, flags, width);
            continue;
        }
        char t[40];
        int n;
        if (c == 'd') {
            unsigned long long m = a->i < 0 ? 0ULL - (unsigned long long)a->i : (unsigned long long)a->i;
            n = snprintf(t, sizeof t, "%llu", m);
            pf_number(&b, a->i < 0, t, (size_t)n, "", 0, flags, width);
        } else { /* x X o: Integer/Long.toHexString, toOctalString (two's complement; a
                    negative Byte or Short plus 2^8 or 2^16, as java.util.Formatter) */
            unsigned long long m = kind == 'i'   ? (unsigned long long)(uint32_t)a->i
                                   : kind == 'y' ? (unsigned long long)(uint8_t)a->i
                                   : kind == 'h' ? (unsigned long long)(uint16_t)a->i
                                                 : (unsigned long long)a->i;
            n = snprintf(t, sizeof t, c == 'x' ? "%llx" : c == 'X' ? "%llX" : "%llo", m);
            pf_number(&b, false, t, (size_t)n, "", 0, flags, width);
        }
    }
    *out = b.p ? b.p : "";
    *out_n = (uint32_t)b.n;
    return 0;
}
