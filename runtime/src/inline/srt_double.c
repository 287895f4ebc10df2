/* srt_double.c - Java's Double.toString and Float.toString as the runtime's ABI (inline
** helpers over common/cm_jfmt.c), and a double's decimal digits. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "common/cm_jfmt.h"
#include "srt_abi.h"

uint32_t srt_fmt_double(double v, char *out)
{
    return cm_fmt_double(v, out);
}

uint32_t srt_fmt_float(float v, char *out)
{
    return cm_fmt_float(v, out);
}

int srt_double_digits(double v, char *dg, int *point)
{
    char t[40];
    uint32_t n = cm_fmt_double(v, t);
    int nd = 0, exp = 0;
    bool seen_point = false;
    *point = 0;
    for (uint32_t i = t[0] == '-'; i < n; i++) {
        if (t[i] == '.') {
            seen_point = true;
        } else if (t[i] == 'E') {
            for (uint32_t k = i + 1 + (t[i + 1] == '-'); k < n; k++)
                exp = exp * 10 + (t[k] - '0');
            if (t[i + 1] == '-')
                exp = -exp;
            break;
        } else if (nd == 0 && t[i] == '0') { /* a leading zero: 0.001 is 0.1 * 10^-2 */
            if (seen_point)
                (*point)--;
        } else {
            dg[nd++] = t[i];
            if (!seen_point)
                (*point)++;
        }
    }
    while (nd > 0 && dg[nd - 1] == '0') /* "1.0": no trailing zeros, as DigitList keeps them */
        nd--;
    if (nd == 0)
        *point = 0;
    *point += nd ? exp : 0;
    return nd;
}
