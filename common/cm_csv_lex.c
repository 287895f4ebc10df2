/* cm_csv_lex.c - the number rules of CSV fields (cm_csv_lex.h). */
#include "common/cm_csv_lex.h"
#include "common/cm_double.h"
#include "common/cm_json_lex.h"
#include "common/cm_text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_hex(char c)
{
    return cm_json_hex(c) >= 0;
}

/* Digits (hexadecimal ones with hex) with at most one '.' from s[*i]: how many digits. */
static int mantissa(const char *s, size_t n, size_t *i, bool hex)
{
    int digits = 0;
    while (*i < n && (hex ? is_hex(s[*i]) : is_digit(s[*i]))) {
        (*i)++;
        digits++;
    }
    if (*i < n && s[*i] == '.') {
        (*i)++;
        while (*i < n && (hex ? is_hex(s[*i]) : is_digit(s[*i]))) {
            (*i)++;
            digits++;
        }
    }
    return digits;
}

/* An exponent marker (one of marks) and a signed decimal integer; true if absent when
   optional. */
static bool exponent(const char *s, size_t n, size_t *i, const char *marks, bool required)
{
    if (*i >= n || (s[*i] != marks[0] && s[*i] != marks[1]))
        return !required;
    (*i)++;
    if (*i < n && (s[*i] == '+' || s[*i] == '-'))
        (*i)++;
    if (*i >= n || !is_digit(s[*i]))
        return false;
    while (*i < n && is_digit(s[*i]))
        (*i)++;
    return true;
}

int cm_java_float_text(const char *s, size_t n, char buf[400], double *special)
{
    while (n > 0 && (unsigned char)*s <= ' ') {
        s++;
        n--;
    }
    while (n > 0 && (unsigned char)s[n - 1] <= ' ')
        n--;
    if (n == 0 || n >= 400)
        return -1;
    size_t i = s[0] == '+' || s[0] == '-' ? 1 : 0;
    bool neg = s[0] == '-';
    if (n - i == 3 && memcmp(s + i, "NaN", 3) == 0) {
        *special = (double)NAN;
        return 1;
    }
    if (n - i == 8 && memcmp(s + i, "Infinity", 8) == 0) {
        *special = neg ? -(double)INFINITY : (double)INFINITY;
        return 1;
    }
    bool hex = n - i > 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X');
    if (hex)
        i += 2;
    if (mantissa(s, n, &i, hex) == 0 || !exponent(s, n, &i, hex ? "pP" : "eE", hex))
        return -1;
    size_t len = i;
    if (i < n && strchr("fFdD", s[i]) != NULL)
        i++;
    if (i != n)
        return -1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return 0;
}

/* s[0, n) is the NUL-terminated text v. */
static bool text_is(const char *s, size_t n, const char *v)
{
    return strlen(v) == n && memcmp(s, v, n) == 0;
}

/* UnivocityParser's special values: 1 with *out (NaN or an infinity) when s is one. */
static int csv_special(const char *s, size_t n, const char *nan, const char *pos, const char *neg,
                       double *out)
{
    if (text_is(s, n, nan))
        *out = (double)NAN;
    else if (text_is(s, n, neg))
        *out = -(double)INFINITY;
    else if (text_is(s, n, pos))
        *out = (double)INFINITY;
    else
        return 0;
    return 1;
}

/* Double.parseDouble. */
static int java_double(const char *s, size_t n, double *out)
{
    char buf[400];
    int rc = cm_java_float_text(s, n, buf, out);
    if (rc == 0) {
        CmDecimal dec;
        size_t len = strlen(buf);
        if (strpbrk(buf, "xX") != NULL) /* hexadecimal: strtod reads it exactly */
            *out = strtod(buf, NULL);
        else if (cm_decimal_scan(buf, buf + len, &dec), !cm_decimal_double(&dec, out))
            *out = strtod(buf, NULL);
    }
    return rc < 0 ? -1 : 0;
}

int cm_csv_double_opts(const char *s, size_t n, const char *nan, const char *pos, const char *neg,
                       double *out)
{
    return csv_special(s, n, nan, pos, neg, out) ? 0 : java_double(s, n, out);
}

int cm_csv_double(const char *s, size_t n, double *out)
{
    return cm_csv_double_opts(s, n, "NaN", "Inf", "-Inf", out);
}

int cm_csv_float_opts(const char *s, size_t n, const char *nan, const char *pos, const char *neg,
                      float *out)
{
    char buf[400];
    double special;
    if (csv_special(s, n, nan, pos, neg, &special)) {
        *out = (float)special;
        return 0;
    }
    int rc = cm_java_float_text(s, n, buf, &special);
    if (rc < 0)
        return -1;
    *out = rc == 1 ? (float)special : strtof(buf, NULL);
    return 0;
}

int cm_csv_float(const char *s, size_t n, float *out)
{
    return cm_csv_float_opts(s, n, "NaN", "Inf", "-Inf", out);
}

bool cm_java_bigdecimal(const char *s, size_t n, int *precision, int *scale)
{
    size_t i = n > 0 && (s[0] == '+' || s[0] == '-') ? 1 : 0, len = 0;
    int digits = 0, frac = 0, lead = 0, d; /* lead: zeros before the first nonzero digit */
    bool point = false, nonzero = false;
    for (; i < n; i += len) {
        if (s[i] == '.' && !point) {
            point = true;
            len = 1;
            continue;
        }
        if ((d = cm_java_digit(s + i, n - i, &len)) < 0)
            break;
        digits++;
        frac += point;
        if (!nonzero && d == 0)
            lead++;
        nonzero |= d != 0;
    }
    if (digits == 0)
        return false;
    long long exp = 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        bool eneg = i < n && s[i] == '-';
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        /* parseExp: leading zeros skipped while more than ten digits are left, then at most
           ten (Too many nonzero exponent digits), and an int ("Exponent overflow") */
        int left = 0;
        for (size_t k = i; k < n && cm_java_digit(s + k, n - k, &len) >= 0; k += len)
            left++;
        if (left == 0)
            return false;
        for (; left > 10 && cm_java_digit(s + i, n - i, &len) == 0; left--)
            i += len;
        if (left > 10)
            return false;
        for (; left > 0; left--, i += len)
            exp = exp * 10 + cm_java_digit(s + i, n - i, &len);
        if (eneg)
            exp = -exp;
        if (exp != (int32_t)exp)
            return false;
    }
    long long scl = frac - exp; /* adjustScale: "Scale out of range" beyond an int */
    if (i != n || scl != (int32_t)scl)
        return false;
    *precision = nonzero ? digits - lead : 1; /* the unscaled value's digits; zero has one */
    *scale = (int)scl;
    return true;
}

bool cm_csv_decimal(const char *s, size_t n, int *precision)
{
    int prec, scale;
    if (!cm_java_bigdecimal(s, n, &prec, &scale) || scale != 0 || prec > 38)
        return false;
    *precision = prec;
    return true;
}
