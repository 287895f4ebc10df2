/* check_rt_decimal.c - DECIMAL(p, s) in the runtime: Spark's arithmetic, HALF_UP rounding, overflow, parsing and printing.
**
** Expected values follow java.math.BigDecimal as Spark's Decimal uses it: + and - exact,
** * rounded to 38 significant digits, / rounded at scale 38, then changePrecision HALF_UP.
*/
#include <check.h>
#include <string.h>

#include "srt_int.h"

/* The text of v at scale s (plain = show(), else BigDecimal.toString). */
static const char *fmt(srt_i128 v, int s, int plain)
{
    static char buf[SRT_DECIMAL_TEXT + 1];
    uint32_t n = srt_fmt_decimal(v, s, plain, buf);
    buf[n] = '\0';
    return buf;
}

/* A DECIMAL(p, s) parsed from text, as text again ("NULL" if it does not fit). */
static const char *cast(const char *text, int p, int s)
{
    srt_i128 v;
    if (srt_cast_str_dec(text, (uint32_t)strlen(text), p, s, &v) < 0)
        return "NULL";
    return fmt(v, s, 1);
}

static srt_i128 pow10_(int k)
{
    srt_i128 r = 1;
    while (k-- > 0)
        r *= 10;
    return r;
}

START_TEST(test_format)
{
    ck_assert_str_eq(fmt(1234, 2, 1), "12.34");
    ck_assert_str_eq(fmt(-1234, 2, 1), "-12.34");
    ck_assert_str_eq(fmt(5, 3, 1), "0.005");
    ck_assert_str_eq(fmt(0, 2, 1), "0.00");
    ck_assert_str_eq(fmt(42, 0, 1), "42");
    /* toString: an exponent below -6 is scientific, even for zero */
    ck_assert_str_eq(fmt(1, 7, 0), "1E-7");
    ck_assert_str_eq(fmt(10, 8, 0), "1.0E-7");
    ck_assert_str_eq(fmt(-123, 9, 0), "-1.23E-7");
    ck_assert_str_eq(fmt(0, 8, 0), "0E-8");
    ck_assert_str_eq(fmt(1, 6, 0), "0.000001");
    ck_assert_str_eq(fmt(0, 6, 0), "0.000000");
    ck_assert_str_eq(fmt(1, 8, 1), "0.00000001");
    /* the widest values */
    srt_i128 max = pow10_(38) - 1;
    ck_assert_str_eq(fmt(max, 0, 1), "99999999999999999999999999999999999999");
    ck_assert_str_eq(fmt(-max, 38, 1), "-0.99999999999999999999999999999999999999");
}
END_TEST

START_TEST(test_parse)
{
    ck_assert_str_eq(cast("12.345", 10, 2), "12.35");    /* HALF_UP */
    ck_assert_str_eq(cast("-12.345", 10, 2), "-12.35");  /* away from zero */
    ck_assert_str_eq(cast("12.344999", 10, 2), "12.34"); /* only the first dropped digit counts */
    ck_assert_str_eq(cast(" 1.5e1 ", 5, 2), "15.00");    /* trimmed, exponent */
    ck_assert_str_eq(cast("1E-2", 5, 2), "0.01");
    ck_assert_str_eq(cast("+.5", 3, 0), "1");
    ck_assert_str_eq(cast("5.", 3, 1), "5.0");
    ck_assert_str_eq(cast("0.0000000000000000000000000000000000000000001", 10, 2), "0.00");
    ck_assert_str_eq(cast("999.995", 5, 2), "NULL"); /* rounds to 1000.00: 6 digits */
    ck_assert_str_eq(cast("999.994", 5, 2), "999.99");
    ck_assert_str_eq(cast("1e38", 38, 0), "NULL");
    ck_assert_str_eq(cast("1e37", 38, 0), "10000000000000000000000000000000000000");
    ck_assert_str_eq(cast("", 5, 2), "NULL");
    ck_assert_str_eq(cast(".", 5, 2), "NULL");
    ck_assert_str_eq(cast("1e", 5, 2), "NULL");
    ck_assert_str_eq(cast("1,5", 5, 2), "NULL");
    ck_assert_str_eq(cast("NaN", 5, 2), "NULL");
    ck_assert_str_eq(cast("1 2", 5, 2), "NULL");
    /* JSON/CSV text: commas dropped (ExprUtils.getDecimalParser), no trimming */
    srt_i128 v;
    ck_assert_int_eq(srt_text_dec("1,234.5", 7, 10, 2, &v), 1);
    ck_assert_str_eq(fmt(v, 2, 1), "1234.50");
    ck_assert_int_eq(srt_text_dec("123456", 6, 5, 0, &v), 0);
    ck_assert_int_eq(srt_text_dec(" 1", 2, 5, 0, &v), -1);
}
END_TEST

typedef srt_i128 (*DecOp)(srt_i128, srt_i128, int32_t, int32_t, int32_t, int32_t);

static const char *op(DecOp f, srt_i128 a, int sa, srt_i128 b, int sb, int p, int s)
{
    srt_i128 r = f(a, b, sa, sb, p, s);
    if (r == SRT_DEC_NONE)
        return "NULL";
    return fmt(r, s, 1);
}

/* srt_dec_rem and srt_dec_pmod fail a query: the tests give them this one. */
static SrtMem tq_mem;
static SrtQuery *tq;

static void tq_open(void)
{
    srt_mem_init(&tq_mem);
    tq = srt_query_new_detached(&tq_mem);
}

static void tq_close(void)
{
    srt_query_free(tq);
    ck_assert_uint_eq(tq_mem.in_use, 0);
}

static srt_i128 rem_(srt_i128 a, srt_i128 b, int32_t sa, int32_t sb, int32_t p, int32_t s)
{
    return srt_dec_rem(a, b, tq, sa, sb, p, s);
}

static srt_i128 pmod_(srt_i128 a, srt_i128 b, int32_t sa, int32_t sb, int32_t p, int32_t s)
{
    return srt_dec_pmod(a, b, tq, sa, sb, p, s);
}

START_TEST(test_arithmetic)
{
    tq_open();
    /* 0.1 + 0.2 as DECIMAL(2,1) */
    ck_assert_str_eq(op(srt_dec_add, 1, 1, 2, 1, 2, 1), "0.3");
    /* 1.5 + 0.25 -> DECIMAL(4,2) */
    ck_assert_str_eq(op(srt_dec_add, 15, 1, 25, 2, 4, 2), "1.75");
    ck_assert_str_eq(op(srt_dec_add, 15, 1, -175, 2, 4, 2), "-0.25");
    /* a sum past the result precision is NULL; exact beyond 128 bits before the check */
    srt_i128 max = pow10_(38) - 1;
    ck_assert_str_eq(op(srt_dec_add, max, 0, max, 0, 38, 0), "NULL");
    ck_assert_str_eq(op(srt_dec_add, max, 0, -max, 0, 38, 0), "0");
    /* DECIMAL(38,10) + DECIMAL(38,20) is DECIMAL(38,9): the exact sum rounded HALF_UP */
    ck_assert_str_eq(op(srt_dec_add, 1, 10, 5, 20, 38, 9), "0.000000000");
    ck_assert_str_eq(op(srt_dec_add, 5, 10, 0, 20, 38, 9), "0.000000001");
    /* products */
    ck_assert_str_eq(op(srt_dec_mul, 1234, 2, 3, 0, 14, 2), "37.02");
    ck_assert_str_eq(op(srt_dec_mul, -25, 1, 25, 1, 5, 2), "-6.25");
    ck_assert_str_eq(op(srt_dec_mul, max, 0, 10, 0, 38, 0), "NULL");
    /* a 76-digit product is rounded to 38 significant digits first (MATH_CONTEXT):
       0.(37 nines)8, which rounds up at scale 37 */
    ck_assert_str_eq(op(srt_dec_mul, max, 38, max, 38, 38, 37), "1.0000000000000000000000000000000000000");
    ck_assert_str_eq(op(srt_dec_mul, max, 38, max, 38, 38, 38), "0.99999999999999999999999999999999999998");
    /* quotients: 1 / 3 as DECIMAL(7,6), 2 / 3 rounds up, x / 0 is NULL */
    ck_assert_str_eq(op(srt_dec_div, 10, 1, 3, 0, 7, 6), "0.333333");
    ck_assert_str_eq(op(srt_dec_div, 2, 0, 3, 0, 7, 6), "0.666667");
    ck_assert_str_eq(op(srt_dec_div, -2, 0, 3, 0, 7, 6), "-0.666667");
    ck_assert_str_eq(op(srt_dec_div, 5, 0, 0, 2, 7, 6), "NULL");
    ck_assert_str_eq(op(srt_dec_div, max, 0, 1, 38, 38, 6), "NULL");
    /* rounding at scale 38 first, then to the result: 0.49999... (40 nines) -> 0.5 -> 1 */
    ck_assert_str_eq(op(srt_dec_div, pow10_(38) - 1, 38, 2, 0, 38, 0), "1");
    ck_assert_str_eq(op(srt_dec_div, 1, 0, 3, 0, 38, 37), "0.3333333333333333333333333333333333333");
    /* remainders keep the dividend's sign */
    ck_assert_str_eq(op(rem_, 1000, 2, 3, 0, 3, 2), "1.00");
    ck_assert_str_eq(op(rem_, -75, 1, 2, 0, 2, 1), "-1.5");
    ck_assert_str_eq(op(rem_, 75, 1, -2, 0, 2, 1), "1.5");
    ck_assert_str_eq(op(rem_, 75, 1, 0, 0, 2, 1), "NULL");
    ck_assert(!tq->failed);
    tq_close();
}
END_TEST

START_TEST(test_conversions)
{
    ck_assert_str_eq(fmt(srt_dec_rescale(12345, 3, 4, 2), 2, 1), "12.35");
    ck_assert_str_eq(fmt(srt_dec_rescale(-12345, 3, 4, 2), 2, 1), "-12.35");
    ck_assert(srt_dec_rescale(99995, 3, 4, 2) == SRT_DEC_NONE); /* 100.00 needs 5 digits */
    ck_assert_str_eq(fmt(srt_dec_rescale(7, 0, 3, 2), 2, 1), "7.00");
    ck_assert(srt_dec_rescale(70, 0, 3, 2) == SRT_DEC_NONE);
    /* double -> decimal through Double.toString */
    ck_assert_str_eq(fmt(srt_dec_from_f64(0.1, 5, 3), 3, 1), "0.100");
    ck_assert_str_eq(fmt(srt_dec_from_f64(2.675, 5, 2), 2, 1), "2.68"); /* Double.toString is "2.675" */
    ck_assert(srt_dec_from_f64(1e300, 38, 0) == SRT_DEC_NONE);
    ck_assert(srt_dec_from_f64(0.0 / 0.0, 38, 0) == SRT_DEC_NONE);
    /* the sentinel is -2^127, below every value of 38 digits */
    ck_assert(SRT_DEC_NONE < -pow10_(38));
    /* decimal -> double, long (truncated, low 64 bits) */
    ck_assert(srt_dec_to_f64(1, 1) == 0.1);
    ck_assert(srt_dec_to_f64(-123456789, 4) == -12345.6789);
    ck_assert_int_eq(srt_dec_to_i64(-1299, 2), -12);
    ck_assert_int_eq(srt_dec_to_i64(pow10_(20), 0), (int64_t)7766279631452241920LL);
    ck_assert_int_eq(srt_dec_cmp(-1, 1), -1);
    ck_assert_int_eq(srt_dec_cmp(pow10_(37), pow10_(37)), 0);
}
END_TEST

START_TEST(test_json)
{
    const char *in = "12.345 \"7.5\" null true \"\" 1e400";
    const char *p = in, *end = in + strlen(in);
    srt_i128 v = 0;
    int st = -1;
    p = srt_json_dec(p, end, 10, 2, &v, &st);
    ck_assert_int_eq(st, SRT_JV_OK);
    ck_assert_str_eq(fmt(v, 2, 1), "12.35");
    p = srt_json_dec(p + 1, end, 10, 2, &v, &st);
    ck_assert_int_eq(st, SRT_JV_OK);
    ck_assert_str_eq(fmt(v, 2, 1), "7.50");
    p = srt_json_dec(p + 1, end, 10, 2, &v, &st);
    ck_assert_int_eq(st, SRT_JV_NULL);
    p = srt_json_dec(p + 1, end, 10, 2, &v, &st);
    ck_assert_int_eq(st, SRT_JV_BADTYPE);
    p = srt_json_dec(p + 1, end, 10, 2, &v, &st);
    ck_assert_int_eq(st, SRT_JV_BADTYPE);
    p = srt_json_dec(p + 1, end, 10, 2, &v, &st);
    ck_assert_int_eq(st, SRT_JV_BADTYPE); /* too many digits fails the record, as Spark */
    ck_assert_ptr_eq(p, end);
}
END_TEST

/* round/floor/ceil: v at scale from_s to scale to_s by mode, shown at scale max(to_s, 0). */
static const char *rnd(srt_i128 v, int from_s, int to_s, int mode, int p)
{
    srt_i128 r = srt_dec_round(v, from_s, to_s, mode, p);
    if (r == SRT_DEC_NONE)
        return "NULL";
    return fmt(r, to_s > 0 ? to_s : 0, 1);
}

START_TEST(test_round_floor_ceil)
{
    srt_i128 max = pow10_(38) - 1;
    /* HALF_UP: ties away from zero */
    ck_assert_str_eq(rnd(25, 1, 0, SRT_DEC_HALF_UP, 2), "3");
    ck_assert_str_eq(rnd(-25, 1, 0, SRT_DEC_HALF_UP, 2), "-3");
    ck_assert_str_eq(rnd(-24, 1, 0, SRT_DEC_HALF_UP, 2), "-2");
    ck_assert_str_eq(rnd(123445, 2, 1, SRT_DEC_HALF_UP, 10), "1234.5");
    ck_assert_str_eq(rnd(-5, 1, 0, SRT_DEC_HALF_UP, 1), "-1");
    /* negative scales: to tens, hundreds; 25 to hundreds is 0 */
    ck_assert_str_eq(rnd(-25, 0, -1, SRT_DEC_HALF_UP, 6), "-30");
    ck_assert_str_eq(rnd(25, 0, -2, SRT_DEC_HALF_UP, 6), "0");
    ck_assert_str_eq(rnd(50, 0, -2, SRT_DEC_HALF_UP, 6), "100");
    ck_assert_str_eq(rnd(123445, 2, -1, SRT_DEC_HALF_UP, 9), "1230");
    ck_assert_str_eq(rnd(max, 0, -100, SRT_DEC_HALF_UP, 38), "0");
    /* 38 nines to tens needs 39 digits */
    ck_assert_str_eq(rnd(max, 0, -1, SRT_DEC_HALF_UP, 38), "NULL");
    ck_assert_str_eq(rnd(-max, 0, -1, SRT_DEC_HALF_UP, 38), "NULL");
    /* 0.(38 nines) at scale 37 is 1.(37 zeros), 38 digits */
    ck_assert_str_eq(rnd(max, 38, 37, SRT_DEC_HALF_UP, 38), "1.0000000000000000000000000000000000000");
    ck_assert_str_eq(rnd(max, 38, 0, SRT_DEC_HALF_UP, 1), "1");
    /* a scale at or above the value's keeps it */
    ck_assert_str_eq(rnd(250, 2, 2, SRT_DEC_HALF_UP, 11), "2.50");
    ck_assert_str_eq(rnd(max, 0, 0, SRT_DEC_HALF_UP, 38), "99999999999999999999999999999999999999");
    /* floor and ceil */
    ck_assert_str_eq(rnd(25, 1, 0, SRT_DEC_FLOOR, 2), "2");
    ck_assert_str_eq(rnd(-25, 1, 0, SRT_DEC_FLOOR, 2), "-3");
    ck_assert_str_eq(rnd(25, 1, 0, SRT_DEC_CEILING, 2), "3");
    ck_assert_str_eq(rnd(-25, 1, 0, SRT_DEC_CEILING, 2), "-2");
    ck_assert_str_eq(rnd(-20, 1, 0, SRT_DEC_FLOOR, 2), "-2");
    ck_assert_str_eq(rnd(-1, 38, 0, SRT_DEC_FLOOR, 1), "-1");
    ck_assert_str_eq(rnd(-1, 38, 0, SRT_DEC_CEILING, 1), "0");
    ck_assert_str_eq(rnd(1, 38, 0, SRT_DEC_CEILING, 1), "1");
    ck_assert_str_eq(rnd(99, 1, 0, SRT_DEC_CEILING, 2), "10");
    ck_assert_str_eq(rnd(99, 1, 0, SRT_DEC_CEILING, 1), "NULL");
}
END_TEST

START_TEST(test_pmod)
{
    tq_open();
    srt_i128 max = pow10_(38) - 1;
    /* pmod(2.50, 0.7) and pmod(-2.50, 0.7) */
    ck_assert_str_eq(op(pmod_, 250, 2, 7, 1, 2, 2), "0.40");
    ck_assert_str_eq(op(pmod_, -250, 2, 7, 1, 2, 2), "0.30");
    /* a negative divisor: (r + n) % n is r again (Java's remainder) */
    ck_assert_str_eq(op(pmod_, -25, 0, -7, 0, 1, 0), "-4");
    ck_assert_str_eq(op(pmod_, 25, 0, -7, 0, 1, 0), "4");
    /* an exact multiple, a zero divisor */
    ck_assert_str_eq(op(pmod_, -140, 1, 7, 0, 2, 1), "0.0");
    ck_assert_str_eq(op(pmod_, 5, 0, 0, 2, 3, 2), "NULL");
    /* 10^38 - 1 = 1 (mod 7) */
    ck_assert_str_eq(op(pmod_, max, 0, 7, 0, 1, 0), "1");
    ck_assert_str_eq(op(pmod_, -max, 0, 7, 0, 1, 0), "6");
    /* the result must fit the result type: 9 in DECIMAL(1,1) does not */
    ck_assert_str_eq(op(pmod_, 9, 0, 10, 0, 1, 1), "NULL");
    ck_assert(!tq->failed);
    tq_close();
}
END_TEST

/* Decimal.% is BigDecimal.remainder(b, MathContext(38)): divideToIntegralValue throws
   "Division impossible" when the integral quotient has a nonzero digit past its 38 most
   significant ones, but not for 10^k with k > 38 (its 38 digits rounded DOWN are exact). */
START_TEST(test_rem_impossible)
{
    srt_i128 max = pow10_(38) - 1;
    tq_open();
    /* (10^38 - 1) % 10^-2: quotient 10^40 - 100, 38 nines then zeros: exact, remainder 0 */
    ck_assert_str_eq(op(rem_, max, 0, 1, 2, 2, 2), "0.00");
    /* 10^37 % 10^-3: quotient 10^40 */
    ck_assert_str_eq(op(rem_, pow10_(37), 0, 1, 3, 3, 3), "0.000");
    ck_assert(!tq->failed);
    /* (10^38 - 1) % 0.7: quotient 142857...141 (39 digits) */
    ck_assert_str_eq(op(rem_, max, 0, 7, 1, 1, 1), "NULL");
    ck_assert(tq->failed);
    ck_assert_msg(strstr(tq->err.msg, "%: java.lang.ArithmeticException: Division impossible") != NULL, "%s",
                  tq->err.msg);
    tq_close();
    tq_open();
    ck_assert_str_eq(op(pmod_, -max, 0, 7, 1, 1, 1), "NULL");
    ck_assert(tq->failed);
    ck_assert_msg(strstr(tq->err.msg, "pmod: java.lang.ArithmeticException: Division impossible") != NULL,
                  "%s", tq->err.msg);
    tq_close();
}
END_TEST

/* a DIV b (IntegralDivide): Decimal.quot truncates toward zero, then DECIMAL(p, 0). */
START_TEST(test_quot)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    srt_i128 max = pow10_(38) - 1;
    ck_assert(srt_dec_quot(1234, 2, q, 2, 0, 3) == 6);     /* 12.34 div 2 */
    ck_assert(srt_dec_quot(-750, 2, q, 2, 0, 3) == -3);    /* -7.50 div 2 */
    ck_assert(srt_dec_quot(-750, -7, q, 2, 0, 3) == 1);    /* -7.50 div -7 */
    ck_assert(srt_dec_quot(99999, 1, q, 2, 2, 5) == 99999); /* 999.99 div 0.01 */
    ck_assert(srt_dec_quot(5, 0, q, 0, 0, 1) == SRT_DEC_NONE); /* a zero divisor: NULL */
    ck_assert(srt_dec_quot(-1, 3, q, 0, 0, 1) == 0);        /* -1 div 3 is 0, not -0 */
    ck_assert(srt_dec_quot(1000, 1, q, 0, 0, 3) == SRT_DEC_NONE); /* 4 digits in DECIMAL(3,0) */
    ck_assert(srt_dec_quot(max, 3, q, 0, 0, 38) == max / 3);
    /* a quotient of 10^39 has 39 digits but is exact in 38: NULL in DECIMAL(38,0), no error */
    ck_assert(srt_dec_quot(pow10_(37), 1, q, 0, 2, 38) == SRT_DEC_NONE);
    ck_assert(!q->failed);
    /* 10^38 - 1 divided by 10^-37: 38 nines and 37 zeros, exact in 38 digits: NULL */
    ck_assert(srt_dec_quot(max, 1, q, 0, 37, 38) == SRT_DEC_NONE);
    ck_assert(!q->failed);
    /* divided by 7 * 10^-37: a nonzero digit past the 38th, Java's "Division impossible" */
    ck_assert(srt_dec_quot(max, 7, q, 0, 37, 38) == SRT_DEC_NONE);
    ck_assert(q->failed);
    ck_assert_msg(strstr(q->err.msg, "Division impossible") != NULL, "%s", q->err.msg);
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* srt_dec_times_long: Scala's BigDecimal * (34 digits HALF_EVEN), then setScale(0, HALF_UP)
   (decimalToDayTimeInterval); by hand with Python's decimal module at prec 34. */
START_TEST(test_times_long)
{
    int64_t r = 0;
    ck_assert_int_eq(srt_dec_times_long(10123456, 6, 1000000, 1, &r), 0); /* 10.123456 s */
    ck_assert_int_eq(r, 10123456);
    ck_assert_int_eq(srt_dec_times_long(-15, 1, 12, 0, &r), 0); /* -1.5 itself: HALF_UP -2 */
    ck_assert_int_eq(r, -2);
    ck_assert_int_eq(srt_dec_times_long(25, 1, 12, 1, &r), 0); /* 2.5 * 12 */
    ck_assert_int_eq(r, 30);
    /* 0.29999999999999999999999999999999999 * 5 = 1.49999999999999999999999999999999995 exactly
       (36 digits), 1.500000000000000000000000000000000 at 34: 2, not 1 */
    srt_i128 d = pow10_(35) / 10 * 3 - 1;
    ck_assert_int_eq(srt_dec_times_long(d, 35, 5, 1, &r), 0);
    ck_assert_int_eq(r, 2);
    /* -92233720368547.758075 * 10^5 = -9223372036854775807.5: HALF_UP Long.MinValue; one more
       in the last digit is past it */
    srt_i128 min = -((srt_i128)92233720368547758 * 1000 + 75);
    ck_assert_int_eq(srt_dec_times_long(min, 6, 100000, 1, &r), 0);
    ck_assert(r == INT64_MIN);
    ck_assert_int_eq(srt_dec_times_long(min - 10, 6, 100000, 1, &r), -1);
}
END_TEST
Suite *rt_decimal_suite(void)
{
    Suite *s = suite_create("rt_decimal");
    TCase *tc = tcase_create("decimal");
    tcase_add_test(tc, test_format);
    tcase_add_test(tc, test_parse);
    tcase_add_test(tc, test_arithmetic);
    tcase_add_test(tc, test_conversions);
    tcase_add_test(tc, test_json);
    tcase_add_test(tc, test_round_floor_ceil);
    tcase_add_test(tc, test_pmod);
    tcase_add_test(tc, test_rem_impossible);
    tcase_add_test(tc, test_quot);
    tcase_add_test(tc, test_times_long);
    suite_add_tcase(s, tc);
    return s;
}
