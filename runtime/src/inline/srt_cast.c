/* srt_cast.c - CAST between strings and other types with Spark's non-ANSI rules:
** invalid input gives NULL (return -1); text results go to scratch memory (inline helpers).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/cm_double.h"
#include "srt_abi.h"

/* Strip the bytes `strip` accepts at both ends. */
static void c_trim_by(const char **s, uint32_t *n, int (*strip)(unsigned char))
{
    const char *p = *s, *e = *s + *n;
    while (p < e && strip((unsigned char)*p))
        p++;
    while (e > p && strip((unsigned char)e[-1]))
        e--;
    *s = p;
    *n = (uint32_t)(e - p);
}

/* Java's String.trim, as Double.parseDouble trims: chars <= ' '. */
static int c_java_space(unsigned char c)
{
    return c <= ' ';
}

/* UTF8String.isWhitespaceOrISOControl of one (signed) byte, as toLong, toInt and trimAll
   (StringUtils.isTrueString) use it: Character.isWhitespace or isISOControl, which for a
   byte is <= ' ' or DEL (0x7f); the bytes of a multi-byte character are negative. */
static int c_space_or_control(unsigned char c)
{
    return c <= ' ' || c == 0x7f;
}

/* UTF8String.toLong: [+-]digits[.digits]; the fraction is checked, then dropped (allowDecimal),
   or refused (toLongExact, ANSI CAST's reading). */
static int c_integral(const char *s, uint32_t n, int64_t lo, int64_t hi, int allow_dot, int64_t *out)
{
    c_trim_by(&s, &n, c_space_or_control);
    if (n == 0)
        return -1;
    uint32_t i = 0;
    int neg = 0;
    if (s[0] == '-' || s[0] == '+') {
        neg = s[0] == '-';
        if (++i == n)
            return -1;
    }
    uint64_t limit = neg ? (uint64_t)(-(lo + 1)) + 1 : (uint64_t)hi;
    uint64_t v = 0;
    for (; i < n && (s[i] != '.' || !allow_dot); i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        uint64_t d = (uint64_t)(s[i] - '0');
        if (v > (limit - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    if (i < n)
        for (i++; i < n; i++)
            if (s[i] < '0' || s[i] > '9')
                return -1;
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return 0;
}

int srt_cast_str_i64(const char *s, uint32_t n, int64_t *out)
{
    return c_integral(s, n, INT64_MIN, INT64_MAX, 1, out);
}

int srt_cast_str_i32(const char *s, uint32_t n, int64_t *out)
{
    return c_integral(s, n, INT32_MIN, INT32_MAX, 1, out);
}

int srt_cast_str_i64_exact(const char *s, uint32_t n, int64_t *out)
{
    return c_integral(s, n, INT64_MIN, INT64_MAX, 0, out);
}

int srt_cast_str_i32_exact(const char *s, uint32_t n, int64_t *out)
{
    return c_integral(s, n, INT32_MIN, INT32_MAX, 0, out);
}

static int c_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int c_is_xdigit(char c)
{
    return c_is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* Java's hexadecimal floating-point text after the sign (FloatingDecimal.parseHexString):
   0[xX](h+[.]|h*.h+)[pP][+-]?d+[fFdD]?; the suffix is cut off, strtod reads the rest. */
static int c_hex_float(char *w, uint32_t n)
{
    if (n < 2 || w[0] != '0' || (w[1] | 0x20) != 'x')
        return 0;
    uint32_t i = 2, digits = 0;
    while (i < n && c_is_xdigit(w[i]))
        i++, digits++;
    if (i < n && w[i] == '.')
        for (i++; i < n && c_is_xdigit(w[i]); i++)
            digits++;
    if (digits == 0 || i == n || (w[i] | 0x20) != 'p')
        return 0;
    if (++i < n && (w[i] == '+' || w[i] == '-'))
        i++;
    if (i == n || !c_is_digit(w[i]))
        return 0;
    while (i < n && c_is_digit(w[i]))
        i++;
    if (i + 1 == n && strchr("fFdD", w[i]))
        w[i++] = '\0';
    return i == n;
}

/* Java's Double.parseDouble / Float.parseFloat text (as Spark's Cast reads a string): -1 if
   invalid, 1 with *special set for an infinity or NaN, 2 for a hexadecimal number in buf
   (strtod reads it as Java does: rounded to nearest), else 0 with the number in buf. */
static int c_float_text(const char *s, uint32_t n, char buf[400], double *special)
{
    double *out = special;
    c_trim_by(&s, &n, c_java_space);
    if (n == 0 || n >= 400)
        return -1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    /* Spark's special literals, case-insensitive. */
    char *w = buf + (buf[0] == '+' || buf[0] == '-');
    if (strcasecmp(w, "inf") == 0 || strcasecmp(w, "infinity") == 0) {
        *out = buf[0] == '-' ? -(double)INFINITY : (double)INFINITY;
        return 1;
    }
    /* "nan" in any case (processFloatingPointSpecialLiterals), or "NaN" after a sign (Java's
       FloatingDecimal.readJavaFormatString reads the sign, then "NaN" as it is spelt). */
    if (strcasecmp(buf, "nan") == 0 || (w != buf && strcmp(w, "NaN") == 0)) {
        *out = (double)NAN;
        return 1;
    }
    if (c_hex_float(w, n - (uint32_t)(w - buf)))
        return 2;
    /* Java's decimal syntax: [+-](d+[.d*]|.d+)([eE][+-]?d+)?[fFdD]? */
    uint32_t i = w - buf, digits = 0;
    while (i < n && c_is_digit(buf[i])) {
        i++;
        digits++;
    }
    if (i < n && buf[i] == '.') {
        i++;
        while (i < n && c_is_digit(buf[i])) {
            i++;
            digits++;
        }
    }
    if (digits == 0)
        return -1;
    if (i < n && (buf[i] == 'e' || buf[i] == 'E')) {
        i++;
        if (i < n && (buf[i] == '+' || buf[i] == '-'))
            i++;
        if (i == n || !c_is_digit(buf[i]))
            return -1;
        while (i < n && c_is_digit(buf[i]))
            i++;
    }
    if (i < n && strchr("fFdD", buf[i]) && i + 1 == n)
        buf[i++] = '\0';
    if (i != n)
        return -1;
    return 0;
}

int srt_cast_str_f64(const char *s, uint32_t n, double *out)
{
    char buf[400];
    int rc = c_float_text(s, n, buf, out);
    if (rc == 0) {
        CmDecimal dec;
        cm_decimal_scan(buf, buf + strlen(buf), &dec);
        if (!cm_decimal_double(&dec, out))
            *out = strtod(buf, NULL);
    } else if (rc == 2) {
        *out = strtod(buf, NULL);
    }
    return rc < 0 ? -1 : 0;
}

/* Float.parseFloat rounds the decimal text once to the nearest float (strtof), never
   through a double. */
int srt_cast_str_f32(const char *s, uint32_t n, float *out)
{
    char buf[400];
    double special;
    int rc = c_float_text(s, n, buf, &special);
    if (rc < 0)
        return -1;
    *out = rc == 1 ? (float)special : strtof(buf, NULL);
    return 0;
}

int srt_cast_str_bool(const char *s, uint32_t n, int64_t *out)
{
    static const char *const yes[] = {"t", "true", "y", "yes", "1"};
    static const char *const no[] = {"f", "false", "n", "no", "0"};
    c_trim_by(&s, &n, c_space_or_control);
    for (int i = 0; i < 5; i++) {
        if (strlen(yes[i]) == n && strncasecmp(s, yes[i], n) == 0) {
            *out = 1;
            return 0;
        }
        if (strlen(no[i]) == n && strncasecmp(s, no[i], n) == 0) {
            *out = 0;
            return 0;
        }
    }
    return -1;
}

int srt_cast_str_ts(const char *s, uint32_t n, int64_t *out_us)
{
    return srt_ts_parse(s, n, out_us);
}

void srt_cast_i64_str(SrtQuery *q, int64_t v, const char **out, uint32_t *out_n)
{
    char *o = srt_scratch_alloc(q, 24);
    char tmp[24];
    int k = 0;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[k++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    uint32_t n = 0;
    if (v < 0)
        o[n++] = '-';
    while (k)
        o[n++] = tmp[--k];
    *out = o;
    *out_n = n;
}

/* Cast.castToBinary of an integral value: NumberConverter.toBinary, big-endian. */
void srt_cast_int_bin(SrtQuery *q, int64_t v, uint32_t width, const char **out, uint32_t *out_n)
{
    char *o = srt_scratch_alloc(q, 8);
    for (uint32_t i = 0; i < width; i++)
        o[i] = (char)(unsigned char)((uint64_t)v >> (8 * (width - 1 - i)));
    *out = o;
    *out_n = width;
}

void srt_cast_f64_str(SrtQuery *q, double v, const char **out, uint32_t *out_n)
{
    char *o = srt_scratch_alloc(q, 32);
    *out_n = srt_fmt_double(v, o);
    *out = o;
}

void srt_cast_f32_str(SrtQuery *q, float v, const char **out, uint32_t *out_n)
{
    char *o = srt_scratch_alloc(q, 32);
    *out_n = srt_fmt_float(v, o);
    *out = o;
}

void srt_cast_ts_str(SrtQuery *q, int64_t us, const char **out, uint32_t *out_n)
{
    char *o = srt_scratch_alloc(q, 32);
    *out_n = srt_ts_format(us, o);
    *out = o;
}

void srt_cast_date_str(SrtQuery *q, int64_t days, const char **out, uint32_t *out_n)
{
    char *o = srt_scratch_alloc(q, 24);
    *out_n = srt_date_text(days, o);
    *out = o;
}

void srt_cast_bool_str(SrtQuery *q, int64_t v, const char **out, uint32_t *out_n)
{
    (void)q;
    *out = v ? "true" : "false";
    *out_n = v ? 4 : 5;
}
