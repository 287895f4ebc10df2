/* cm_text.h - how a text field of a CSV file is read as a number or a boolean: the one rule
** schema inference (sema_infer.c) and the CSV reader (srt_csv.c) follow.  Static inline: the
** reader's helpers are inlined into generated code per field.
*/
#ifndef CM_TEXT_H
#define CM_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Java's Integer.parseInt (bits 32) / Long.parseLong (bits 64), as Spark's CSV reader and
   CSVInferSchema call them: an optional sign, one or more ASCII digits, in range; nothing
   else (no spaces).  0 with *out set, or -1. */
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
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        uint64_t d = (uint64_t)(s[i] - '0');
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
