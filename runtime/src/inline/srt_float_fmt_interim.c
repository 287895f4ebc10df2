/* srt_float_fmt_interim.c - interim srt_fmt_float (Java's Float.toString) until srt_double.c has its own.
**
** Digits: an integer below 2^63 as FloatingDecimal's integer path prints it (123456792f is
** 1.23456792E8, 2^31 is 2.14748365E9); otherwise the shortest decimal that reads back
** (strtof) as the same float, found by binary search over the precision of correctly
** rounded %e output; when one digit suffices Java still considers two and keeps the
** closer one (1.4E-45, not 1.0E-45).
** Layout as Double.toString: plain for 1e-3 <= |v| < 1e7 with at least one fraction
** digit, else d.dddE[-]n.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "srt_abi.h"

/* |v| correctly rounded to p significant digits: digits (trailing zeros kept) and exponent;
   whether that text reads back as v. */
static int f_round(float v, int p, char *digits, int *exp10)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.*e", p - 1, (double)v);
    int nd = 0;
    const char *s = buf;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            digits[nd++] = *s;
    *exp10 = atoi(s + 1);
    return strtof(buf, NULL) == v;
}

uint32_t srt_fmt_float(float v, char *out)
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
    int e10, nd;
    int bin_exp = ilogbf(v);
    if (v == floorf(v) && bin_exp <= 62) {
        /* FloatingDecimal's integer path (dtoa, developLongDigits): the integer's digits,
           the last insignificantDigitsForPow2(binExp - 25) of them rounded off half up. */
        static const int insignificant[] = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6,
                                            6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 11, 11, 11};
        uint64_t lv = (uint64_t)v;
        int p2 = bin_exp - 25, drop = 0;
        if (p2 > 1 && p2 < (int)(sizeof insignificant / sizeof insignificant[0]))
            drop = insignificant[p2];
        if (drop) {
            uint64_t pow10 = 1;
            for (int i = 0; i < drop; i++)
                pow10 *= 10;
            uint64_t residue = lv % pow10;
            lv /= pow10;
            if (residue >= pow10 / 2)
                lv++;
        }
        char tmp[24];
        int k = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)lv);
        memcpy(digits, tmp, (size_t)k);
        nd = k;
        e10 = k - 1 + drop;
    } else {
        int lo = 1, hi = 9; /* 9 digits always round-trip */
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (f_round(v, mid, digits, &e10))
                hi = mid;
            else
                lo = mid + 1;
        }
        int p = lo;
        if (p == 1 && f_round(v, 2, digits, &e10))
            p = 2;
        else
            f_round(v, p, digits, &e10);
        nd = p;
    }
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
