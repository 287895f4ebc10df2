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

/* ==== Casts between intervals and numbers (Cast.scala, IntervalUtils) ==== */

static const int64_t dt_unit[] = {86400000000LL, 3600000000LL, 60000000LL, 1000000LL};

int srt_text_iv(const char *s, uint32_t n, int32_t fields, int64_t *out)
{
    int from = (fields >> 4) & 15, to = fields & 15;
    CmIvCastErr err;
    if (!(fields & SRT_IV_YEAR_MONTH))
        return cm_dti_parse(s, n, from, to, out, &err) ? 0 : -1;
    int32_t months;
    if (!cm_ymi_parse(s, n, from, to, &months, &err))
        return -1;
    *out = months;
    return 0;
}

/* The type's SQL name ("INTERVAL DAY") and a value's Literal.sql ("INTERVAL '1' DAY"). */
static const char *iv_type_sql(int32_t fields)
{
    int from = (fields >> 4) & 15, to = fields & 15;
    return fields & SRT_IV_YEAR_MONTH ? cm_ym_type_name(from, to, true)
                                      : cm_dt_type_name(from, to, true);
}

static void iv_literal(int64_t v, int32_t fields, char out[CM_IV_TEXT_MAX + 1])
{
    int from = (fields >> 4) & 15, to = fields & 15;
    size_t k = fields & SRT_IV_YEAR_MONTH ? cm_ymi_format((int32_t)v, from, to, out)
                                          : cm_dti_format(v, from, to, out);
    out[k] = 0;
}

static const char *int_sql(int32_t bits)
{
    return bits == 8 ? "TINYINT" : bits == 16 ? "SMALLINT" : bits == 32 ? "INT" : "BIGINT";
}

/* QueryExecutionErrors.castingCauseOverflowError (CAST_OVERFLOW; thrown without ANSI mode
   too): value is toSQLValue's text. */
static void cast_overflow(SrtQuery *q, const char *value, const char *from, const char *to)
{
    char msg[512];
    snprintf(msg, sizeof msg,
             "[CAST_OVERFLOW] The value %s of the type \"%s\" cannot be cast to \"%s\" due to an "
             "overflow. Use `try_cast` to tolerate overflow and return NULL instead. If necessary "
             "set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.",
             value, from, to);
    srt_query_fail(q, msg);
}

/* dayTimeIntervalToLong and yearMonthIntervalToInt: the value in units of the end field,
   truncated toward zero, into *r; dayTimeIntervalToInt/Short/Byte and
   yearMonthIntervalToShort/Byte throw CAST_OVERFLOW (false) where it does not fit. */
static bool iv_int(int64_t v, int32_t fields, int32_t bits, int64_t *r)
{
    int to = fields & 15;
    *r = !(fields & SRT_IV_YEAR_MONTH) ? v / dt_unit[to] : to == CM_YM_YEAR ? v / 12 : v;
    return bits == 64 || (*r >= -(INT64_C(1) << (bits - 1)) && *r < INT64_C(1) << (bits - 1));
}

int64_t srt_cast_iv_int(SrtQuery *q, int64_t v, int32_t fields, int32_t bits)
{
    int64_t r;
    if (iv_int(v, fields, bits, &r))
        return r;
    char lit[CM_IV_TEXT_MAX + 1];
    iv_literal(v, fields, lit);
    cast_overflow(q, lit, iv_type_sql(fields), int_sql(bits));
    return 0;
}

/* Cast.castToDayTimeInterval / castToYearMonthInterval of an integer of bits bits (a BIGINT
   by longToDayTimeInterval, longToYearMonthInterval; the others as an Int by
   intToDayTimeInterval, intToYearMonthInterval): the value in units of the end field into *r;
   false where Spark throws CAST_OVERFLOW. */
static bool int_iv(int64_t v, int32_t bits, int32_t fields, int64_t *r)
{
    int to = fields & 15;
    if (!(fields & SRT_IV_YEAR_MONTH))
        return !__builtin_mul_overflow(v, dt_unit[to], r);
    if (bits == 64 && v != (int32_t)v) /* longToYearMonthInterval: v.toInt != v */
        return false;
    int32_t m;
    if (to != CM_YM_MONTH && __builtin_mul_overflow((int32_t)v, 12, &m)) /* multiplyExact */
        return false;
    *r = to == CM_YM_MONTH ? v : m;
    return true;
}

int64_t srt_cast_int_iv(SrtQuery *q, int64_t v, int32_t bits, int32_t fields)
{
    int64_t r;
    if (int_iv(v, bits, fields, &r))
        return r;
    /* intToYearMonthInterval's overflow names the Int longToYearMonthInterval passes it */
    char num[32];
    bool as_long = bits == 64 && (!(fields & SRT_IV_YEAR_MONTH) || v != (int32_t)v);
    if (as_long)
        snprintf(num, sizeof num, "%lldL", (long long)v);
    else
        snprintf(num, sizeof num, "%lld", (long long)(fields & SRT_IV_YEAR_MONTH ? (int32_t)v : v));
    cast_overflow(q, num, as_long ? "BIGINT" : "INT", iv_type_sql(fields));
    return 0;
}

/* Cast.castToDecimal of an interval: dayTimeIntervalToDecimal (the whole days, hours or
   minutes; for an end field SECOND Decimal(µs, 18, 6), which Decimal.set refuses from 10^18
   µs on: *too_big) or yearMonthIntervalToInt (*x, of scale *xs), then changePrecision(p, s)
   HALF_UP into *r, whose overflow throws NUMERIC_VALUE_OUT_OF_RANGE (false). */
static bool iv_dec(int64_t v, int32_t fields, int32_t p, int32_t s, int64_t *x, int *xs,
                   bool *too_big, srt_i128 *r)
{
    int to = fields & 15;
    bool ym = fields & SRT_IV_YEAR_MONTH, secs = !ym && to == CM_DT_SECOND;
    *x = ym ? (to == CM_YM_YEAR ? v / 12 : v) : secs ? v : v / dt_unit[to];
    *xs = secs ? 6 : 0;
    *too_big = secs && (v <= -INT64_C(1000000000000000000) || v >= INT64_C(1000000000000000000));
    if (*too_big)
        return false;
    *r = srt_dec_rescale(*x, *xs, p, s);
    return *r != SRT_DEC_NONE;
}

srt_i128 srt_cast_iv_dec(SrtQuery *q, int64_t v, int32_t fields, int32_t p, int32_t s)
{
    int64_t x;
    int xs;
    bool too_big;
    srt_i128 r;
    if (iv_dec(v, fields, p, s, &x, &xs, &too_big, &r))
        return r;
    char num[SRT_DECIMAL_TEXT + 1] = "0", msg[256];
    if (!too_big)
        num[srt_fmt_decimal(x, xs, 1, num)] = 0; /* Decimal.toPlainString */
    /* Decimal.set refuses 10^18 µs and more with unscaledValueTooLargeForPrecisionError(this),
       this a Decimal still 0 */
    snprintf(msg, sizeof msg,
             "[NUMERIC_VALUE_OUT_OF_RANGE] %s cannot be represented as Decimal(%d, %d). If "
             "necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and "
             "return NULL instead.",
             num, too_big ? 18 : p, too_big ? 6 : s);
    srt_query_fail(q, msg);
    return 0;
}

/* Cast.castToDayTimeInterval / castToYearMonthInterval of a DECIMAL(p, s):
   decimalToDayTimeInterval (d * µs per end unit, setScale(0, HALF_UP).toLongExact) and
   decimalToYearMonthInterval (d * 12 for an end field YEAR, toIntExact) into *r; false
   (CAST_OVERFLOW) when it does not fit. */
static bool dec_iv(srt_i128 d, int32_t s, int32_t fields, int64_t *r)
{
    int to = fields & 15;
    bool ym = fields & SRT_IV_YEAR_MONTH;
    int64_t m = ym ? 12 : dt_unit[to];
    bool ctx = !ym || to == CM_YM_YEAR; /* a product (Scala's BigDecimal *) or d itself */
    return srt_dec_times_long(d, s, m, ctx, r) == 0 && (!ym || *r == (int32_t)*r);
}

int64_t srt_cast_dec_iv(srt_i128 d, SrtQuery *q, int32_t p, int32_t s, int32_t fields)
{
    int64_t r;
    if (dec_iv(d, s, fields, &r))
        return r;
    char num[SRT_DECIMAL_TEXT + 3], ty[32];
    uint32_t k = srt_fmt_decimal(d, s, 0, num); /* Literal.sql: Decimal.toString + "BD" */
    memcpy(num + k, "BD", 3);
    snprintf(ty, sizeof ty, "DECIMAL(%d,%d)", p, s);
    cast_overflow(q, num, ty, iv_type_sql(fields));
    return 0;
}

/* Whether the casts above succeed (try_cast: Cast in EvalMode.TRY gives NULL where they
   throw). */
int32_t srt_cast_iv_int_ok(int64_t v, int32_t fields, int32_t bits)
{
    int64_t r;
    return iv_int(v, fields, bits, &r);
}

int32_t srt_cast_int_iv_ok(int64_t v, int32_t bits, int32_t fields)
{
    int64_t r;
    return int_iv(v, bits, fields, &r);
}

int32_t srt_cast_iv_dec_ok(int64_t v, int32_t fields, int32_t p, int32_t s)
{
    int64_t x;
    int xs;
    bool too_big;
    srt_i128 r;
    return iv_dec(v, fields, p, s, &x, &xs, &too_big, &r);
}

int32_t srt_cast_dec_iv_ok(srt_i128 d, int32_t s, int32_t fields)
{
    int64_t r;
    return dec_iv(d, s, fields, &r);
}

/* MultiplyDTInterval, DivideDTInterval, MultiplyYMInterval, DivideYMInterval by a DECIMAL(_,
   s) d (not zero for a division): (new Decimal).set(v) * d (MATH_CONTEXT: 38 digits HALF_UP)
   or / d, then setScale(0, HALF_UP).longValueExact (intValueExact when ym), which throws
   Java's "Overflow". */
int64_t srt_iv_dec_op(srt_i128 d, SrtQuery *q, int64_t v, int32_t s, int32_t div, int32_t ym)
{
    srt_i128 r = div ? srt_dec_div(v, d, 0, s, 38, 0) : srt_dec_mul(v, d, 0, s, 38, 0);
    if (r == SRT_DEC_NONE || r != (ym ? (int32_t)r : (int64_t)r)) {
        srt_query_fail(q, "Overflow");
        return 0;
    }
    return (int64_t)r;
}
