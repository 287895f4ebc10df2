/* srt_interval.c - ANSI interval values (DayTimeIntervalType, YearMonthIntervalType) in
** generated code: CAST to and from STRING (common/cm_ansi_iv.h) and Guava's DoubleMath
** rounding that MultiplyDTInterval and DivideDTInterval use (inline helpers).
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common/cm_ansi_iv.h"
#include "common/cm_jfmt.h"
#include "srt_abi.h"

void srt_cast_dti_str(SrtQuery *q, int64_t us, int32_t fields, const char **out, uint32_t *out_n)
{
    char *o = srt_scratch_alloc(q, CM_IV_TEXT_MAX);
    *out_n = (uint32_t)cm_dti_format(us, fields >> 4, fields & 15, o);
    *out = o;
}

void srt_cast_ymi_str(SrtQuery *q, int64_t months, int32_t fields, const char **out,
                      uint32_t *out_n)
{
    char *o = srt_scratch_alloc(q, CM_IV_TEXT_MAX);
    *out_n = (uint32_t)cm_ymi_format((int32_t)months, fields >> 4, fields & 15, o);
    *out = o;
}

int srt_cast_str_iv(SrtQuery *q, const char *s, uint32_t n, int32_t fields, int64_t *out)
{
    int from = (fields >> 4) & 15, to = fields & 15;
    bool dt = !(fields & SRT_IV_YEAR_MONTH);
    CmIvCastErr err;
    int32_t months = 0;
    bool ok =
        dt ? cm_dti_parse(s, n, from, to, out, &err) : cm_ymi_parse(s, n, from, to, &months, &err);
    if (ok) {
        if (!dt)
            *out = months;
        return 0;
    }
    size_t cap = (size_t)n + 512;
    char *msg = srt_scratch_alloc(q, cap);
    cm_iv_cast_message(&err, dt, from, to, s, n, msg, cap);
    srt_query_fail(q, msg);
    return -1;
}

/* Guava's DoubleMath.roundToLong / roundToInt (x, HALF_UP): ties away from zero; an
   infinite, NaN or out-of-range x throws ArithmeticException, which fails the query. */
int64_t srt_iv_round(SrtQuery *q, double x, int32_t as_int)
{
    if (!isfinite(x)) {
        srt_query_fail(q, "input is infinite or NaN");
        return 0;
    }
    double z = x == rint(x) ? x : fabs(x - rint(x)) == 0.5 ? x + copysign(0.5, x) : rint(x);
    bool in = as_int ? z > -2147483648.0 - 1.0 && z < 2147483647.0 + 1.0
                     : -9223372036854775808.0 - z < 1.0 && z < 9223372036854775808.0;
    if (!in) {
        char num[32], msg[128];
        cm_fmt_double(x, num);
        snprintf(msg, sizeof msg,
                 "rounded value is out of range for input %s and rounding mode HALF_UP", num);
        srt_query_fail(q, msg);
        return 0;
    }
    return (int64_t)z;
}
