/* cg_interval.c - ANSI interval values (DayTimeIntervalType: µs in an i64;
** YearMonthIntervalType: months, an i64 within Int's range): the arithmetic
** sema_interval_ops.c binds, UnaryMinus and the casts.
**
** Spark 3.5 fails on an interval overflow even without ANSI mode: IntervalMathUtils (+, -,
** unary -) raises ARITHMETIC_OVERFLOW, MultiplyDTInterval and friends let Java's
** ArithmeticException through ("long overflow", Guava's DoubleMath messages), the
** divisions raise INTERVAL_DIVIDED_BY_ZERO and an integral divide's overflow.
*/
#include "codegen/cg_emit.h"
#include "common/cm_ansi_iv.h"
#include "srt_abi.h"

#define US_PER_DAY 86400000000LL

static CgVal scalar(LLVMValueRef null, LLVMValueRef v)
{
    CgVal r = {0};
    r.null = null;
    r.v = v;
    return r;
}

int32_t cg_interval_fields(const Type *t)
{
    return t->start_field << 4 | t->end_field | (t->kind == TY_YM_INTERVAL ? SRT_IV_YEAR_MONTH : 0);
}

/* a's value, 0 where it is NULL (a safe argument for a runtime helper that may fail). */
static LLVMValueRef live_val(CgCtx *cg, CgVal a, LLVMValueRef zero)
{
    return cg_select(cg, a.null, zero, a.v);
}

/* The query fails with msg where cond holds on a row whose value is not NULL. */
static void fail_live(CgCtx *cg, LLVMValueRef null, LLVMValueRef cond, const char *msg)
{
    cg_fail_if(cg, cg_and(cg, cg_not(cg, null), cond), msg);
}

/* Is v (an i64) outside Int's range? */
static LLVMValueRef out_of_int(CgCtx *cg, LLVMValueRef v)
{
    LLVMValueRef t = LLVMBuildSExt(cg->b, LLVMBuildTrunc(cg->b, v, cg->t_i32, ""), cg->t_i64, "");
    return LLVMBuildICmp(cg->b, LLVMIntNE, t, v, "int.ovf");
}

/* QueryExecutionErrors.arithmeticOverflowError(message, hint) */
static const char *overflow_msg(CgCtx *cg, const char *what, const char *hint)
{
    return arena_sprintf(
        cg->arena,
        "[ARITHMETIC_OVERFLOW] %s.%s%s%s If necessary set \"spark.sql.ansi.enabled\" "
        "to \"false\" to bypass this error.",
        what, hint ? " Use '" : "", hint ? hint : "",
        hint ? "' to tolerate overflow and return NULL instead." : "");
}

/* a + b or a - b of two intervals of one kind; *ovf where it leaves a Long (an Int for ym). */
static LLVMValueRef add_sub_exact(CgCtx *cg, bool ym, bool add, LLVMValueRef a, LLVMValueRef b,
                                  LLVMValueRef *ovf)
{
    LLVMValueRef v = cg_int_overflow_op(cg, add ? "sadd" : "ssub", a, b, ovf);
    if (ym)
        *ovf = out_of_int(cg, v);
    return v;
}

/* IntervalMathUtils' error for an overflow of addExact (add) or subtractExact. */
static const char *add_sub_msg(CgCtx *cg, bool ym, bool add)
{
    return overflow_msg(cg, ym ? "integer overflow" : "long overflow",
                        add ? "try_add" : "try_subtract");
}

/* IntervalMathUtils.addExact / subtractExact of two intervals of one type. */
static CgVal add_sub(CgCtx *cg, const SExpr *e, CgVal a, CgVal b, LLVMValueRef null)
{
    bool add = e->u.bin.op == BOP_ADD, ym = e->type->kind == TY_YM_INTERVAL;
    LLVMValueRef ovf;
    LLVMValueRef v = add_sub_exact(cg, ym, add, a.v, b.v, &ovf);
    fail_live(cg, null, ovf, add_sub_msg(cg, ym, add));
    return scalar(null, v);
}

LLVMValueRef cg_interval_add(CgCtx *cg, bool ym, LLVMValueRef a, LLVMValueRef b, LLVMValueRef *ovf)
{
    return add_sub_exact(cg, ym, true, a, b, ovf);
}

void cg_interval_add_fail(CgCtx *cg, bool ym, LLVMValueRef ovf)
{
    cg_fail_if(cg, ovf, add_sub_msg(cg, ym, true));
}

/* SubtractTimestamps (ChronoUnit.MICROS.between in UTC: "long overflow") and SubtractDates
   (whole days in µs). */
static CgVal datetime_diff(CgCtx *cg, const SExpr *e, CgVal a, CgVal b, LLVMValueRef null)
{
    if (e->u.bin.lhs->type->kind == TY_DATE)
        return scalar(null, LLVMBuildMul(cg->b, LLVMBuildSub(cg->b, a.v, b.v, ""),
                                         cg_i64(cg, US_PER_DAY), "days.us"));
    LLVMValueRef ovf;
    LLVMValueRef v = cg_int_overflow_op(cg, "ssub", a.v, b.v, &ovf);
    fail_live(cg, null, ovf, "long overflow");
    return scalar(null, v);
}

/* MultiplyDTInterval ... by a DECIMAL: ((new Decimal).set(v) * n).toJavaBigDecimal
   .setScale(0, HALF_UP).longValueExact (intValueExact for YM), / n likewise (srt_iv_dec_op). */
static CgVal dec_op(CgCtx *cg, const Type *nt, CgVal a, CgVal b, LLVMValueRef null, bool div,
                    bool ym)
{
    LLVMValueRef n = cg_select(cg, null, cg_dec_const(cg, 1), b.v);
    LLVMValueRef v = cg_select(cg, null, cg_i64(cg, 0), a.v);
    LLVMValueRef args[6] = {n, cg->q, v, cg_i32(cg, nt->scale), cg_i32(cg, div), cg_i32(cg, ym)};
    return scalar(null, cg_dec_call(cg, "srt_iv_dec_op", args, 6, div ? "iv.div" : "iv.mul"));
}

/* MultiplyDTInterval / MultiplyYMInterval: an integral number by Math.multiplyExact (of ints
   for a YM interval and a TINYINT, SMALLINT or INT; then toIntExact for a BIGINT), a
   fractional one by DoubleMath.roundToLong / roundToInt(x * n, HALF_UP). */
static CgVal multiply(CgCtx *cg, const SExpr *e, CgVal a, CgVal b, LLVMValueRef null)
{
    bool ym = e->type->kind == TY_YM_INTERVAL;
    const Type *nt = e->u.bin.rhs->type;
    if (nt->kind == TY_DECIMAL)
        return dec_op(cg, nt, a, b, null, false, ym);
    if (type_is_fractional(nt)) {
        LLVMValueRef n = nt->kind == TY_FLOAT ? LLVMBuildFPExt(cg->b, b.v, cg->t_f64, "") : b.v;
        LLVMValueRef x = LLVMBuildFMul(cg->b, LLVMBuildSIToFP(cg->b, a.v, cg->t_f64, ""), n, "");
        LLVMValueRef args[3] = {cg->q, cg_select(cg, null, cg_f64(cg, 0), x), cg_i32(cg, ym)};
        return scalar(null, cg_call(cg, "srt_iv_round", args, 3, "iv.mul"));
    }
    LLVMValueRef n = nt->kind == TY_BIGINT ? b.v : LLVMBuildSExt(cg->b, b.v, cg->t_i64, "");
    LLVMValueRef ovf;
    LLVMValueRef v = cg_int_overflow_op(cg, "smul", a.v, n, &ovf);
    if (ym && nt->kind != TY_BIGINT) /* Math.multiplyExact(int, int) */
        fail_live(cg, null, out_of_int(cg, v), "integer overflow");
    else if (ym) { /* toIntExact(multiplyExact(long, long)) */
        fail_live(cg, null, ovf, "long overflow");
        fail_live(cg, null, out_of_int(cg, v), "integer overflow");
    } else
        fail_live(cg, null, ovf, "long overflow");
    return scalar(null, v);
}

LLVMValueRef cg_interval_div_half_up(CgCtx *cg, LLVMValueRef p, LLVMValueRef q)
{
    LLVMValueRef div = LLVMBuildSDiv(cg->b, p, q, "q"), rem = LLVMBuildSRem(cg->b, p, q, "r");
    LLVMValueRef zero = cg_i64(cg, 0);
    LLVMValueRef abs_rem = cg_select(cg, LLVMBuildICmp(cg->b, LLVMIntSLT, rem, zero, ""),
                                     LLVMBuildNeg(cg->b, rem, ""), rem);
    LLVMValueRef abs_q =
        cg_select(cg, LLVMBuildICmp(cg->b, LLVMIntSLT, q, zero, ""), LLVMBuildNeg(cg->b, q, ""), q);
    /* cmpRemToHalfDivisor = absRem - (abs(q) - absRem), unsigned as abs(Long.MinValue) */
    LLVMValueRef cmp = LLVMBuildSub(cg->b, abs_rem, LLVMBuildSub(cg->b, abs_q, abs_rem, ""), "");
    LLVMValueRef up = cg_and(cg, LLVMBuildICmp(cg->b, LLVMIntNE, rem, zero, ""),
                             LLVMBuildICmp(cg->b, LLVMIntSGE, cmp, zero, "half"));
    /* signum = 1 | ((p ^ q) >> 63) */
    LLVMValueRef sig =
        LLVMBuildOr(cg->b, cg_i64(cg, 1),
                    LLVMBuildAShr(cg->b, LLVMBuildXor(cg->b, p, q, ""), cg_i64(cg, 63), ""), "");
    return LLVMBuildAdd(cg->b, div, cg_select(cg, up, sig, zero), "div.half_up");
}

/* DivideDTInterval / DivideYMInterval (their generated code): a zero divisor fails with
   INTERVAL_DIVIDED_BY_ZERO, then the minimum by -1 with an integral divide's overflow; an
   integral divisor rounds HALF_UP, a fractional one by DoubleMath.roundToLong(x / n,
   HALF_UP). */
static CgVal divide(CgCtx *cg, const SExpr *e, CgVal a, CgVal b, LLVMValueRef null)
{
    bool ym = e->type->kind == TY_YM_INTERVAL;
    const Type *nt = e->u.bin.rhs->type;
    static const char zero_msg[] =
        "[INTERVAL_DIVIDED_BY_ZERO] Division by zero. Use `try_divide` to "
        "tolerate divisor being 0 and return NULL instead.";
    if (nt->kind == TY_DECIMAL) { /* divideByZeroCheck: Decimal.isZero */
        LLVMValueRef zero = LLVMBuildICmp(cg->b, LLVMIntEQ, b.v, cg_dec_const(cg, 0), "");
        fail_live(cg, null, zero, zero_msg);
        return dec_op(cg, nt, a, b, cg_or(cg, null, zero), true, ym);
    }
    if (type_is_fractional(nt)) {
        LLVMValueRef n = nt->kind == TY_FLOAT ? LLVMBuildFPExt(cg->b, b.v, cg->t_f64, "") : b.v;
        fail_live(cg, null, LLVMBuildFCmp(cg->b, LLVMRealOEQ, n, cg_f64(cg, 0), ""), zero_msg);
        LLVMValueRef x = LLVMBuildFDiv(cg->b, LLVMBuildSIToFP(cg->b, a.v, cg->t_f64, ""), n, "");
        LLVMValueRef args[3] = {cg->q, cg_select(cg, null, cg_f64(cg, 0), x), cg_i32(cg, ym)};
        return scalar(null, cg_call(cg, "srt_iv_round", args, 3, "iv.div"));
    }
    LLVMValueRef n = nt->kind == TY_BIGINT ? b.v : LLVMBuildSExt(cg->b, b.v, cg->t_i64, "");
    LLVMValueRef is_zero = LLVMBuildICmp(cg->b, LLVMIntEQ, n, cg_i64(cg, 0), "");
    fail_live(cg, null, is_zero, zero_msg);
    LLVMValueRef min = cg_i64(cg, ym ? INT32_MIN : INT64_MIN);
    LLVMValueRef min_by_m1 = cg_and(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, a.v, min, ""),
                                    LLVMBuildICmp(cg->b, LLVMIntEQ, n, cg_i64(cg, -1), ""));
    fail_live(cg, null, min_by_m1, overflow_msg(cg, "Overflow in integral divide", "try_divide"));
    /* a safe divisor on the rows that failed or are NULL */
    LLVMValueRef safe =
        cg_select(cg, cg_or(cg, cg_or(cg, null, is_zero), min_by_m1), cg_i64(cg, 1), n);
    return scalar(null, cg_interval_div_half_up(cg, a.v, safe));
}

CgVal cg_interval_arith(CgCtx *cg, const SExpr *e, CgVal a, CgVal b)
{
    LLVMValueRef null = cg_or(cg, a.null, b.null);
    if (!type_is_ansi_interval(e->u.bin.lhs->type))
        return datetime_diff(cg, e, a, b, null);
    switch (e->u.bin.op) {
    case BOP_MUL:
        return multiply(cg, e, a, b, null);
    case BOP_DIV:
        return divide(cg, e, a, b, null);
    default:
        return add_sub(cg, e, a, b, null);
    }
}

/* UnaryMinus: IntervalMathUtils.negateExact. */
CgVal cg_interval_neg(CgCtx *cg, const Type *t, CgVal a)
{
    LLVMValueRef ovf;
    LLVMValueRef v = cg_int_overflow_op(cg, "ssub", cg_i64(cg, 0), a.v, &ovf);
    bool ym = t->kind == TY_YM_INTERVAL;
    if (ym)
        ovf = out_of_int(cg, v);
    fail_live(cg, a.null, ovf, overflow_msg(cg, ym ? "integer overflow" : "long overflow", NULL));
    return scalar(a.null, v);
}

/* Cast between an interval and a number (Cast.castToLong ..., castToDecimal,
   castToDayTimeInterval, castToYearMonthInterval): in units of the interval's end field, by
   the runtime, which fails the query on an overflow as Spark does without ANSI mode too. */
static CgVal number_cast(CgCtx *cg, CgVal a, const Type *from, const Type *to)
{
    if (type_is_ansi_interval(from) && to->kind == TY_DECIMAL) {
        LLVMValueRef args[5] = {cg->q, live_val(cg, a, cg_i64(cg, 0)),
                                cg_i32(cg, cg_interval_fields(from)), cg_i32(cg, to->precision),
                                cg_i32(cg, to->scale)};
        return scalar(a.null, cg_dec_call(cg, "srt_cast_iv_dec", args, 5, "iv.dec"));
    }
    if (type_is_ansi_interval(from)) {
        LLVMValueRef args[4] = {cg->q, live_val(cg, a, cg_i64(cg, 0)),
                                cg_i32(cg, cg_interval_fields(from)),
                                cg_i32(cg, type_int_bits(to))};
        LLVMValueRef v = cg_call(cg, "srt_cast_iv_int", args, 4, "iv.int");
        return scalar(a.null, to->kind == TY_BIGINT ? v : LLVMBuildTrunc(cg->b, v, cg->t_i32, ""));
    }
    if (from->kind == TY_DECIMAL) {
        LLVMValueRef args[5] = {live_val(cg, a, cg_dec_const(cg, 0)), cg->q,
                                cg_i32(cg, from->precision), cg_i32(cg, from->scale),
                                cg_i32(cg, cg_interval_fields(to))};
        return scalar(a.null, cg_dec_call(cg, "srt_cast_dec_iv", args, 5, "dec.iv"));
    }
    LLVMValueRef v = from->kind == TY_BIGINT ? a.v : LLVMBuildSExt(cg->b, a.v, cg->t_i64, "");
    LLVMValueRef args[4] = {cg->q, cg_select(cg, a.null, cg_i64(cg, 0), v),
                            cg_i32(cg, type_int_bits(from)), cg_i32(cg, cg_interval_fields(to))};
    return scalar(a.null, cg_call(cg, "srt_cast_int_iv", args, 4, "int.iv"));
}

/* Cast between an interval and STRING (Cast.castToString; castStringToDTInterval, which throws
   on a malformed string even without ANSI mode), between intervals of one kind
   (durationToMicros and periodToMonths: truncated to the end field), and between an
   interval and a number (number_cast; sema's DAY interval to INT is its whole days, a YEAR
   TO MONTH one's its months). */
CgVal cg_interval_cast(CgCtx *cg, CgVal a, const Type *from, const Type *to)
{
    static const int64_t unit_us[] = {US_PER_DAY, 3600000000LL, 60000000LL, 1};
    if (to->kind == TY_STRING) {
        int32_t fields = from->start_field << 4 | from->end_field;
        LLVMValueRef out = cg_alloca(cg, cg->t_ptr, "str.p"),
                     out_n = cg_alloca(cg, cg->t_i32, "str.n");
        LLVMValueRef args[4] = {cg->q, a.v, cg_i32(cg, fields), out};
        LLVMValueRef all[5] = {args[0], args[1], args[2], out, out_n};
        cg_call(cg, from->kind == TY_INTERVAL ? "srt_cast_dti_str" : "srt_cast_ymi_str", all, 5,
                "");
        CgVal r = scalar(a.null, cg_load(cg, cg->t_ptr, out, "str"));
        r.len = cg_load(cg, cg->t_i32, out_n, "str.len");
        return r;
    }
    if (from->kind == TY_STRING) {
        int32_t fields = cg_interval_fields(to);
        LLVMValueRef out = cg_alloca(cg, cg->t_i64, "iv.out");
        cg_store(cg, cg_i64(cg, 0), out);
        LLVMBasicBlockRef bb_cast = cg_block(cg, "iv.cast"), bb_done = cg_block(cg, "iv.cast.done");
        LLVMBuildCondBr(cg->b, a.null, bb_done, bb_cast);
        cg_at(cg, bb_cast);
        LLVMValueRef args[5] = {cg->q, a.v, a.len, cg_i32(cg, fields), out};
        cg_call(cg, "srt_cast_str_iv", args, 5, "iv.rc");
        LLVMBuildBr(cg->b, bb_done);
        cg_at(cg, bb_done);
        return scalar(a.null, cg_load(cg, cg->t_i64, out, "iv"));
    }
    if (from->kind == TY_INTERVAL && to->kind == TY_INTERVAL) {
        int64_t u = unit_us[to->end_field];
        LLVMValueRef v =
            u == 1 ? a.v
                   : LLVMBuildSub(cg->b, a.v, LLVMBuildSRem(cg->b, a.v, cg_i64(cg, u), ""), "");
        return scalar(a.null, v);
    }
    if (from->kind == TY_YM_INTERVAL && to->kind == TY_YM_INTERVAL) {
        LLVMValueRef v =
            to->end_field == CM_YM_MONTH
                ? a.v
                : LLVMBuildSub(cg->b, a.v, LLVMBuildSRem(cg->b, a.v, cg_i64(cg, 12), ""), "");
        return scalar(a.null, v);
    }
    return number_cast(cg, a, from, to);
}

/* try_cast between an interval and an integer or a DECIMAL (Cast in EvalMode.TRY, which
   catches what the cast throws): NULL where number_cast would fail the query, as the
   runtime's srt_cast_*_ok tell; from a STRING, NULL where it is malformed (srt_text_iv,
   the reader of CAST's srt_cast_str_iv). */
CgVal cg_interval_try_cast(CgCtx *cg, CgVal a, const Type *from, const Type *to)
{
    LLVMValueRef ok;
    if (from->kind == TY_STRING) { /* castStringToDTInterval ... throws on a malformed string */
        LLVMValueRef out = cg_alloca(cg, cg->t_i64, "iv.out");
        cg_store(cg, cg_i64(cg, 0), out);
        LLVMValueRef args[4] = {a.v, a.len, cg_i32(cg, cg_interval_fields(to)), out};
        LLVMValueRef rc = cg_call(cg, "srt_text_iv", args, 4, "iv.rc");
        LLVMValueRef bad = LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_i32(cg, 0), "iv.bad");
        return scalar(cg_or(cg, a.null, bad), cg_load(cg, cg->t_i64, out, "iv"));
    }
    if (type_is_ansi_interval(from) && to->kind == TY_DECIMAL) {
        LLVMValueRef args[4] = {live_val(cg, a, cg_i64(cg, 0)),
                                cg_i32(cg, cg_interval_fields(from)), cg_i32(cg, to->precision),
                                cg_i32(cg, to->scale)};
        ok = cg_call(cg, "srt_cast_iv_dec_ok", args, 4, "iv.dec.ok");
    } else if (type_is_ansi_interval(from)) {
        LLVMValueRef args[3] = {live_val(cg, a, cg_i64(cg, 0)),
                                cg_i32(cg, cg_interval_fields(from)),
                                cg_i32(cg, type_int_bits(to))};
        ok = cg_call(cg, "srt_cast_iv_int_ok", args, 3, "iv.int.ok");
    } else if (from->kind == TY_DECIMAL) {
        LLVMValueRef args[3] = {live_val(cg, a, cg_dec_const(cg, 0)), cg_i32(cg, from->scale),
                                cg_i32(cg, cg_interval_fields(to))};
        ok = cg_dec_call(cg, "srt_cast_dec_iv_ok", args, 3, "dec.iv.ok");
    } else {
        LLVMValueRef v = from->kind == TY_BIGINT ? a.v : LLVMBuildSExt(cg->b, a.v, cg->t_i64, "");
        LLVMValueRef args[3] = {cg_select(cg, a.null, cg_i64(cg, 0), v),
                                cg_i32(cg, type_int_bits(from)),
                                cg_i32(cg, cg_interval_fields(to))};
        ok = cg_call(cg, "srt_cast_int_iv_ok", args, 3, "int.iv.ok");
    }
    CgVal x = a; /* a failing value is cast as a NULL (0), which cannot fail */
    x.null = cg_or(cg, a.null, LLVMBuildICmp(cg->b, LLVMIntEQ, ok, cg_i32(cg, 0), "cast.threw"));
    return number_cast(cg, x, from, to);
}

/* abs of an interval: Abs.doGenCode's `c < 0 ? IntervalMathUtils.negateExact(c) : c` (the
   minimum fails, without a hint). */
CgVal cg_interval_abs(CgCtx *cg, const Type *t, CgVal a)
{
    CgVal n = cg_interval_neg(cg, t, a);
    LLVMValueRef neg = LLVMBuildICmp(cg->b, LLVMIntSLT, a.v, cg_i64(cg, 0), "iv.neg");
    return scalar(a.null, cg_select(cg, neg, n.v, a.v));
}

/* extract(part FROM a) of an interval (ExtractANSIIntervalYears ...): IntervalUtils.getYears
   (months / 12), getMonths ((byte)(months % 12)), getDays ((int)(µs / day)), getHours
   ((byte)(µs % day / hour)), getMinutes ((byte)(µs % hour / minute)), getSeconds
   (Decimal(µs % minute, 8, 6)): truncated toward zero, negative for a negative interval. */
CgVal cg_interval_part(CgCtx *cg, int part, CgVal a)
{
    LLVMValueRef v = a.v, r;
    switch (part) {
    case DP_YEAR:
        r = LLVMBuildSDiv(cg->b, v, cg_i64(cg, 12), "years");
        break;
    case DP_MONTH:
        r = LLVMBuildSRem(cg->b, v, cg_i64(cg, 12), "months");
        break;
    case DP_DAY:
        r = LLVMBuildSDiv(cg->b, v, cg_i64(cg, US_PER_DAY), "days");
        break;
    case DP_HOUR:
        r = LLVMBuildSRem(cg->b, v, cg_i64(cg, US_PER_DAY), "");
        r = LLVMBuildSDiv(cg->b, r, cg_i64(cg, 3600000000LL), "hours");
        break;
    case DP_MINUTE:
        r = LLVMBuildSRem(cg->b, v, cg_i64(cg, 3600000000LL), "");
        r = LLVMBuildSDiv(cg->b, r, cg_i64(cg, 60000000LL), "minutes");
        break;
    default: /* DP_SECOND */
        r = LLVMBuildSRem(cg->b, v, cg_i64(cg, 60000000LL), "");
        return scalar(a.null, LLVMBuildSExt(cg->b, r, cg_dec_type(cg), "seconds"));
    }
    return scalar(a.null, LLVMBuildTrunc(cg->b, r, cg->t_i32, ""));
}

/* v + k * x (k a constant, x an i32), exactly as Math.addExact(v, Math.multiplyExact(x, k))
   of longs: *ovf gets whether either overflowed. */
static LLVMValueRef add_times(CgCtx *cg, LLVMValueRef v, LLVMValueRef x, int64_t k,
                              LLVMValueRef *ovf)
{
    LLVMValueRef o1, o2;
    LLVMValueRef p =
        cg_int_overflow_op(cg, "smul", LLVMBuildSExt(cg->b, x, cg->t_i64, ""), cg_i64(cg, k), &o1);
    LLVMValueRef r = cg_int_overflow_op(cg, "sadd", v, p, &o2);
    *ovf = cg_or(cg, *ovf, cg_or(cg, o1, o2));
    return r;
}

/* make_dt_interval (IntervalUtils.makeDayTimeInterval: the seconds' µs, then days, hours and
   minutes added by Math.addExact / multiplyExact: "long overflow") and make_ym_interval
   (MakeYMInterval.doGenCode: toIntExact(addExact(months, multiplyExact(years, 12))) of ints:
   "integer overflow"); absent arguments are Spark's 0.  NULL if an argument is. */
CgVal cg_make_interval(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args;
    LLVMValueRef null = cg_i1(cg, 0), ovf = cg_i1(cg, 0), zero = cg_i32(cg, 0);
    for (int i = 0; i < n; i++)
        null = cg_or(cg, null, a[i].null);
    if (e->u.call.fn == FN_MAKE_YM_INTERVAL) {
        LLVMValueRef years = n > 0 ? a[0].v : zero, months = n > 1 ? a[1].v : zero, o1, o2;
        LLVMValueRef y = cg_int_overflow_op(cg, "smul", years, cg_i32(cg, 12), &o1);
        LLVMValueRef r = cg_int_overflow_op(cg, "sadd", months, y, &o2);
        fail_live(cg, null, cg_or(cg, o1, o2), "integer overflow");
        return scalar(null, LLVMBuildSExt(cg->b, r, cg->t_i64, "ym"));
    }
    LLVMValueRef v = n > 3 ? LLVMBuildTrunc(cg->b, a[3].v, cg->t_i64, "secs.us") : cg_i64(cg, 0);
    static const int64_t unit[] = {US_PER_DAY, 3600000000LL, 60000000LL};
    for (int i = 0; i < 3; i++)
        v = add_times(cg, v, i < n ? a[i].v : zero, unit[i], &ovf);
    fail_live(cg, null, ovf, "long overflow");
    return scalar(null, v);
}
