/* srt_double.c - srt_fmt_double: a double as Java's Double.toString prints it (inline helper).
**
** Digits: the shortest decimal that reads back as the same double (found by binary
** search over the precision of correctly rounded %e output; round-tripping is
** monotone in the precision).  When one digit suffices Java still considers two
** and keeps the closer one (4.9E-324, not 5.0E-324).  Layout: plain notation for
** 1e-3 <= |v| < 1e7 with at least one fraction digit, else d.dddE[-]n.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "srt_abi.h"

/* |v| correctly rounded to p significant digits: digits (trailing zeros kept) and exponent. */
static int d_round(double v, int p, char *digits, int *exp10)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.*e", p - 1, v);
    int nd = 0;
    const char *s = buf;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            digits[nd++] = *s;
    *exp10 = atoi(s + 1);
    return strtod(buf, NULL) == v;
}

uint32_t srt_fmt_double(double v, char *out)
{
    if (isnan(v)) {
        memcpy(out, "NaN", 4);
        return 3;
    }
    uint32_t n = 0;
    if (signbit(v)) {
        out[n++] = '-';
        v = -v;
    }
    if (isinf(v)) {
        memcpy(out + n, "Infinity", 9);
        return n + 8;
    }
    if (v == 0) {
        memcpy(out + n, "0.0", 4);
        return n + 3;
    }
    char digits[24];
    int e10;
    int lo = 1, hi = 17; /* 17 digits always round-trip */
    while (lo < hi) {    /* the smallest precision that round-trips */
        int mid = (lo + hi) / 2;
        if (d_round(v, mid, digits, &e10))
            hi = mid;
        else
            lo = mid + 1;
    }
    int p = lo;
    if (p == 1 && d_round(v, 2, digits, &e10))
        p = 2;
    else
        d_round(v, p, digits, &e10);
    int nd = p;
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    if (e10 >= -3 && e10 < 7) {
        if (e10 >= 0) {
            for (int i = 0; i <= e10; i++)
                out[n++] = i < nd ? digits[i] : '0';
            out[n++] = '.';
            if (nd > e10 + 1)
                for (int i = e10 + 1; i < nd; i++)
                    out[n++] = digits[i];
            else
                out[n++] = '0';
        } else {
            out[n++] = '0';
            out[n++] = '.';
            for (int i = 0; i < -e10 - 1; i++)
                out[n++] = '0';
            for (int i = 0; i < nd; i++)
                out[n++] = digits[i];
        }
    } else {
        out[n++] = digits[0];
        out[n++] = '.';
        if (nd > 1)
            for (int i = 1; i < nd; i++)
                out[n++] = digits[i];
        else
            out[n++] = '0';
        out[n++] = 'E';
        n += (uint32_t)snprintf(out + n, 8, "%d", e10);
    }
    out[n] = '\0';
    return n;
}
