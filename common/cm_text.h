/* cm_text.h - how a text field of a CSV file is read as a number or a boolean: the one rule
** schema inference (sema_infer.c) and the CSV reader (srt_csv.c) follow.  Static inline: the
** reader's helpers are inlined into generated code per field.
*/
#ifndef CM_TEXT_H
#define CM_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Java's Character.digit(c, 10) of the character at s[0, n) (UTF-8), as Integer.parseInt,
   Long.parseLong and BigDecimal(String) read each UTF-16 unit: the value of an ASCII digit or
   of another decimal digit of the Basic Multilingual Plane (Unicode category Nd: 37 runs of
   ten, the same from Unicode 7 to 15, so Java 17's Unicode 13 has them all; ٣ is 3, ３ is 3),
   its UTF-8 length into *len; -1 for anything else (a digit beyond the BMP is two UTF-16
   units, neither a digit). */
static inline int cm_java_digit(const char *s, size_t n, size_t *len)
{
    static const uint16_t zero[] = {
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66,
        0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810,
        0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0,
        0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10};
    const unsigned char *u = (const unsigned char *)s;
    if (n > 0 && u[0] >= '0' && u[0] <= '9') {
        *len = 1;
        return u[0] - '0';
    }
    uint32_t c;
    if (n >= 2 && (u[0] & 0xE0) == 0xC0 && (u[1] & 0xC0) == 0x80) {
        c = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
        *len = 2;
    } else if (n >= 3 && (u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        c = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
        *len = 3;
    } else {
        return -1;
    }
    for (size_t k = 0; k < sizeof zero / sizeof zero[0] && zero[k] <= c; k++)
        if (c - zero[k] < 10)
            return (int)(c - zero[k]);
    return -1;
}

/* Java's Integer.parseInt (bits 32) / Long.parseLong (bits 64), as Spark's CSV reader and
   CSVInferSchema call them: an optional ASCII sign, one or more digits (cm_java_digit), in
   range; nothing else (no spaces).  0 with *out set, or -1. */
static inline int cm_java_integer(const char *s, size_t n, int bits, int64_t *out)
{
    size_t i = 0;
    bool neg = false;
    if (n > 0 && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        i = 1;
    }
    if (i == n)
        return -1;
    uint64_t lim = bits == 32 ? (neg ? UINT64_C(2147483648) : UINT64_C(2147483647))
                              : (neg ? UINT64_C(9223372036854775808) : UINT64_C(9223372036854775807));
    uint64_t v = 0;
    while (i < n) {
        uint64_t d;
        if (s[i] >= '0' && s[i] <= '9') {
            d = (uint64_t)(s[i++] - '0');
        } else {
            size_t len;
            int u = cm_java_digit(s + i, n - i, &len);
            if (u < 0)
                return -1;
            d = (uint64_t)u;
            i += len;
        }
        if (v > (lim - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return 0;
}

/* Scala's String.toBoolean (Spark's CSV reader and CSVInferSchema.tryParseBoolean): "true" or
   "false" in any case.  0 with *out 1 or 0, or -1. */
static inline int cm_java_boolean(const char *s, size_t n, int64_t *out)
{
    static const char t[] = "true", f[] = "false";
    const char *w = n == 4 ? t : n == 5 ? f : NULL;
    if (!w)
        return -1;
    for (size_t i = 0; i < n; i++) /* ASCII letters only: c | 0x20 is the lower case */
        if ((s[i] | 0x20) != w[i])
            return -1;
    *out = n == 4;
    return 0;
}

#endif
