/* cg_cast.c - CAST between SQL types.
**
** Casts follow Spark's non-ANSI rules: an invalid string gives NULL, doubles
** to integers truncate and saturate (NaN gives 0), TIMESTAMP <-> BIGINT is in
** seconds.  Functions that build strings get memory from the per-record
** scratch of the query (srt_scratch_alloc); the runtime resets it.
*/
#include <string.h>

#include "codegen/cg_emit.h"
#include "srt_abi.h"

static CgVal scalar(LLVMValueRef null, LLVMValueRef v)
{
    CgVal r = {0};
    r.null = null;
    r.v = v;
    return r;
}

/* Call a helper `int f(const char *, uint32_t, T *out)` that returns -1 for invalid input. */
static CgVal from_string(CgCtx *cg, CgVal a, const char *fn, LLVMTypeRef out_t)
{
    LLVMValueRef out = cg_alloca(cg, out_t, "cast.out");
    cg_store(cg, LLVMConstNull(out_t), out);
    LLVMValueRef args[3] = {a.v, a.len, out};
    LLVMValueRef rc = cg_call(cg, fn, args, 3, "cast.rc");
    LLVMValueRef bad = LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_i32(cg, 0), "cast.bad");
    return scalar(cg_or(cg, a.null, bad), cg_load(cg, out_t, out, "cast"));
}

/* Call a helper `void f(SrtQuery *, T v, const char **out, uint32_t *out_n)`. */
static CgVal to_string(CgCtx *cg, CgVal a, const char *fn, LLVMValueRef v)
{
    LLVMValueRef out = cg_alloca(cg, cg->t_ptr, "str.p");
    LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "str.n");
    LLVMValueRef args[4] = {cg->q, v, out, out_n};
    cg_call(cg, fn, args, 4, "");
    CgVal r = scalar(a.null, cg_load(cg, cg->t_ptr, out, "str"));
    r.len = cg_load(cg, cg->t_i32, out_n, "str.len");
    return r;
}

static LLVMValueRef double_to_int(CgCtx *cg, LLVMValueRef v, LLVMTypeRef t)
{
    /* llvm.fptosi.sat: saturating, NaN -> 0, exactly Java's (long)/(int) casts (of a double
       or a float). */
    char name[40];
    LLVMTypeRef vt = LLVMTypeOf(v);
    snprintf(name, sizeof name, "llvm.fptosi.sat.i%u.%s", LLVMGetIntTypeWidth(t), vt == cg->t_f32 ? "f32" : "f64");
    LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, name);
    LLVMTypeRef ft = LLVMFunctionType(t, &vt, 1, 0);
    if (!fn)
        fn = LLVMAddFunction(cg->mod, name, ft);
    return LLVMBuildCall2(cg->b, ft, fn, &v, 1, "fptosi");
}

static LLVMValueRef floor_div(CgCtx *cg, LLVMValueRef v, int64_t d)
{
    /* floor(v / d) for d > 0, correct for negative v. */
    LLVMValueRef q = LLVMBuildSDiv(cg->b, v, cg_i64(cg, d), "");
    LLVMValueRef r = LLVMBuildSRem(cg->b, v, cg_i64(cg, d), "");
    LLVMValueRef neg = LLVMBuildICmp(cg->b, LLVMIntSLT, r, cg_i64(cg, 0), "");
    return LLVMBuildSub(cg->b, q, LLVMBuildZExt(cg->b, neg, cg->t_i64, ""), "floordiv");
}

#define US_PER_DAY 86400000000LL

CgVal cg_cast(CgCtx *cg, CgVal a, const Type *from, const Type *to, SrcSpan span)
{
    TypeKind f = from->kind, t = to->kind;
    if (type_equal(from, to)) /* an explicit CAST to the same (possibly nested) type */
        return a;
    if (f == TY_NULL)
        return cg_null_of(cg, to);
    if (type_is_ansi_interval(from) || type_is_ansi_interval(to))
        return cg_interval_cast(cg, a, from, to);
    if (type_is_nested(from) && t == TY_STRING) { /* Cast.castToString, by the runtime */
        LLVMValueRef d = cg_alloca(cg, cg->t_datum, "cast.d");
        cg_store_datum(cg, from, a, d, false);
        LLVMValueRef out = cg_alloca(cg, cg->t_ptr, "str.p");
        LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "str.n");
        LLVMValueRef args[5] = {cg->q, cg_type_text(cg, from), d, out, out_n};
        cg_call(cg, "srt_cast_nested_str", args, 5, "");
        CgVal r = scalar(a.null, cg_load(cg, cg->t_ptr, out, "str"));
        r.len = cg_load(cg, cg->t_i32, out_n, "str.len");
        return r;
    }
    if (f == TY_MAP) /* sema allows MAP to MAP and STRING only */
        return cg_map_cast(cg, NULL, a, from, to, span);
    if (f == TY_ARRAY) /* Cast.castArray: element by element */
        return cg_array_cast(cg, NULL, a, from->elem, to->elem, span);
    if (f == TY_STRUCT) { /* Cast.castStruct: field by field, to's names */
        CgVal r = a;
        r.fields = ARENA_NEW_N(cg->arena, CgVal, from->n_fields ? from->n_fields : 1);
        for (int i = 0; i < from->n_fields; i++)
            r.fields[i] = cg_cast(cg, a.fields[i], from->fields[i].type, to->fields[i].type, span);
        return r;
    }
    /* Cast.castToByte/castToShort (non-ANSI): the value as castToInt gives it, then Java's
       (byte)/(short) (a double saturates to an int first, as Java's narrowing of a double to
       byte does); a string out of range is NULL (UTF8String.toByte/toShort). */
    if (t == TY_TINYINT || t == TY_SMALLINT) {
        CgVal r = cg_cast(cg, a, from, &type_int, span);
        if (f == TY_STRING)
            r.null = cg_or(cg, r.null, cg_narrow_ovf(cg, to, r.v));
        r.v = cg_narrow(cg, to, r.v);
        return r;
    }
    /* a TINYINT or SMALLINT is its value as an INT, but to BINARY (1 or 2 bytes) */
    if ((f == TY_TINYINT || f == TY_SMALLINT) && t != TY_BINARY)
        return cg_cast(cg, a, &type_int, to, span);
    if (f == TY_DECIMAL || t == TY_DECIMAL)
        return cg_dec_cast(cg, a, from, to, span);
    /* Cast.castToBinary: a string's bytes, a TINYINT's 1, a SMALLINT's 2, an INT's 4 and a
       BIGINT's 8 bytes big-endian (NumberConverter.toBinary); castToString of a binary is
       UTF8String.fromBytes. */
    if ((t == TY_BINARY && f == TY_STRING) || (t == TY_STRING && f == TY_BINARY))
        return a;
    if (t == TY_BINARY && type_is_integral(from)) {
        LLVMValueRef out = cg_alloca(cg, cg->t_ptr, "bin.p");
        LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "bin.n");
        LLVMValueRef v = f != TY_BIGINT ? LLVMBuildSExt(cg->b, a.v, cg->t_i64, "") : a.v;
        LLVMValueRef args[5] = {cg->q, v, cg_i32(cg, type_int_bits(from) / 8), out, out_n};
        cg_call(cg, "srt_cast_int_bin", args, 5, "");
        CgVal r = scalar(a.null, cg_load(cg, cg->t_ptr, out, "bin"));
        r.len = cg_load(cg, cg->t_i32, out_n, "bin.len");
        return r;
    }
    LLVMTypeRef lt = cg_type_of(cg, to);
    switch (t) {
    case TY_STRING:
        switch (f) {
        case TY_BOOLEAN: return to_string(cg, a, "srt_cast_bool_str", LLVMBuildZExt(cg->b, a.v, cg->t_i64, ""));
        case TY_INT: return to_string(cg, a, "srt_cast_i64_str", LLVMBuildSExt(cg->b, a.v, cg->t_i64, ""));
        case TY_BIGINT: return to_string(cg, a, "srt_cast_i64_str", a.v);
        case TY_FLOAT: return to_string(cg, a, "srt_cast_f32_str", a.v); /* Float.toString */
        case TY_DOUBLE: return to_string(cg, a, "srt_cast_f64_str", a.v);
        case TY_TIMESTAMP: /* the session zone is UTC: NTZ prints its local date-time alike */
        case TY_TIMESTAMP_NTZ:
            return to_string(cg, a, "srt_cast_ts_str", a.v);
        case TY_DATE: return to_string(cg, a, "srt_cast_date_str", a.v);
        default: break;
        }
        break;
    case TY_BOOLEAN:
        switch (f) {
        case TY_STRING: {
            CgVal r = from_string(cg, a, "srt_cast_str_bool", cg->t_i64);
            r.v = LLVMBuildICmp(cg->b, LLVMIntNE, r.v, cg_i64(cg, 0), "");
            return r;
        }
        case TY_INT:
        case TY_BIGINT:
            return scalar(a.null, LLVMBuildICmp(cg->b, LLVMIntNE, a.v, LLVMConstNull(LLVMTypeOf(a.v)), ""));
        case TY_FLOAT:
        case TY_DOUBLE: /* x != 0: NaN is true */
            return scalar(a.null, LLVMBuildFCmp(cg->b, LLVMRealUNE, a.v, LLVMConstReal(LLVMTypeOf(a.v), 0.0), ""));
        case TY_TIMESTAMP: /* Spark's Cast.castToBoolean: microseconds != 0 */
            return scalar(a.null, LLVMBuildICmp(cg->b, LLVMIntNE, a.v, cg_i64(cg, 0), ""));
        default: break;
        }
        break;
    case TY_INT:
    case TY_BIGINT:
        switch (f) {
        case TY_BOOLEAN: return scalar(a.null, LLVMBuildZExt(cg->b, a.v, lt, ""));
        case TY_INT: return scalar(a.null, LLVMBuildSExt(cg->b, a.v, lt, ""));
        case TY_BIGINT: return scalar(a.null, LLVMBuildTrunc(cg->b, a.v, lt, ""));
        case TY_FLOAT:
        case TY_DOUBLE: return scalar(a.null, double_to_int(cg, a.v, lt));
        case TY_TIMESTAMP: {
            LLVMValueRef s = floor_div(cg, a.v, 1000000);
            return scalar(a.null, t == TY_INT ? LLVMBuildTrunc(cg->b, s, lt, "") : s);
        }
        case TY_STRING: {
            CgVal r = from_string(cg, a, t == TY_INT ? "srt_cast_str_i32" : "srt_cast_str_i64", cg->t_i64);
            if (t == TY_INT)
                r.v = LLVMBuildTrunc(cg->b, r.v, lt, "");
            return r;
        }
        default: break;
        }
        break;
    case TY_DOUBLE:
        switch (f) {
        case TY_BOOLEAN: return scalar(a.null, LLVMBuildUIToFP(cg->b, a.v, lt, ""));
        case TY_INT:
        case TY_BIGINT: return scalar(a.null, LLVMBuildSIToFP(cg->b, a.v, lt, ""));
        case TY_TIMESTAMP:
            return scalar(a.null, LLVMBuildFDiv(cg->b, LLVMBuildSIToFP(cg->b, a.v, lt, ""), cg_f64(cg, 1e6), ""));
        case TY_STRING: return from_string(cg, a, "srt_cast_str_f64", cg->t_f64);
        case TY_FLOAT: return scalar(a.null, LLVMBuildFPExt(cg->b, a.v, lt, "")); /* exact */
        default: break;
        }
        break;
    case TY_FLOAT: /* Spark's Cast.castToFloat: Java's (float) conversions, one rounding */
        switch (f) {
        case TY_BOOLEAN: return scalar(a.null, LLVMBuildUIToFP(cg->b, a.v, lt, ""));
        case TY_INT:
        case TY_BIGINT: return scalar(a.null, LLVMBuildSIToFP(cg->b, a.v, lt, ""));
        case TY_DOUBLE: return scalar(a.null, LLVMBuildFPTrunc(cg->b, a.v, lt, ""));
        case TY_TIMESTAMP: /* timestampToDouble(t).toFloat */
            return scalar(a.null, LLVMBuildFPTrunc(cg->b, LLVMBuildFDiv(cg->b, LLVMBuildSIToFP(cg->b, a.v, cg->t_f64, ""),
                                                                          cg_f64(cg, 1e6), ""), lt, ""));
        case TY_STRING: return from_string(cg, a, "srt_cast_str_f32", cg->t_f32);
        default: break;
        }
        break;
    case TY_TIMESTAMP:
        switch (f) {
        case TY_BOOLEAN: /* Spark's Cast.castToTimestamp: true is 1 microsecond */
            return scalar(a.null, LLVMBuildZExt(cg->b, a.v, cg->t_i64, ""));
        case TY_INT: return scalar(a.null, LLVMBuildMul(cg->b, LLVMBuildSExt(cg->b, a.v, cg->t_i64, ""), cg_i64(cg, 1000000), ""));
        case TY_BIGINT: return scalar(a.null, LLVMBuildMul(cg->b, a.v, cg_i64(cg, 1000000), ""));
        case TY_FLOAT: /* doubleToTimestamp(f.toDouble) */
            a.v = LLVMBuildFPExt(cg->b, a.v, cg->t_f64, "");
            /* fall through */
        case TY_DOUBLE: { /* Cast.doubleToTimestamp: NaN and the infinities are NULL */
            LLVMValueRef finite = LLVMBuildFCmp(cg->b, LLVMRealOEQ, LLVMBuildFSub(cg->b, a.v, a.v, ""), cg_f64(cg, 0.0), "finite");
            return scalar(cg_or(cg, a.null, cg_not(cg, finite)),
                          double_to_int(cg, LLVMBuildFMul(cg->b, a.v, cg_f64(cg, 1e6), ""), cg->t_i64));
        }
        case TY_DATE: return scalar(a.null, LLVMBuildMul(cg->b, a.v, cg_i64(cg, US_PER_DAY), ""));
        case TY_STRING: return from_string(cg, a, "srt_cast_str_ts", cg->t_i64);
        case TY_TIMESTAMP_NTZ: /* convertTz(t, UTC, the session zone UTC): the same µs */
            return a;
        default:
            break;
        }
        break;
    case TY_TIMESTAMP_NTZ: /* Cast.castToTimestampNTZ */
        switch (f) {
        case TY_DATE: /* daysToMicros(d, UTC) */
            return scalar(a.null, LLVMBuildMul(cg->b, a.v, cg_i64(cg, US_PER_DAY), ""));
        case TY_STRING: /* stringToTimestampWithoutTimeZone(s, allowTimeZone = true) */
            return from_string(cg, a, "srt_cast_str_ts_ntz", cg->t_i64);
        case TY_TIMESTAMP: /* convertTz(t, the session zone UTC, UTC): the same µs */
            return a;
        default: break;
        }
        break;
    case TY_DATE:
        switch (f) {
        case TY_TIMESTAMP:
        case TY_TIMESTAMP_NTZ: /* microsToDays(t, UTC) */
            return scalar(a.null, floor_div(cg, a.v, US_PER_DAY));
        case TY_STRING: /* DateTimeUtils.stringToDate: the time part is not read */
            return from_string(cg, a, "srt_cast_str_date", cg->t_i64);
        default: break;
        }
        break;
    default:
        break;
    }
    cg_unsupported(cg, span, "this CAST");
    return cg_null_of(cg, to);
}

/* Does a double (or float) x fall outside [lo, hi] as Spark's ANSI casts test it
   (Cast.castFractionToIntegralTypeCode, DoubleExactNumeric.toLong: Math.floor(x) <= MAX &&
   Math.ceil(x) >= MIN, false for NaN)? */
static LLVMValueRef fraction_out_of(CgCtx *cg, LLVMValueRef x, double lo, double hi)
{
    if (LLVMTypeOf(x) != cg->t_f64)
        x = LLVMBuildFPExt(cg->b, x, cg->t_f64, "");
    LLVMTypeRef ft = LLVMFunctionType(cg->t_f64, &cg->t_f64, 1, 0);
    LLVMValueRef fl = LLVMGetNamedFunction(cg->mod, "llvm.floor.f64");
    LLVMValueRef ce = LLVMGetNamedFunction(cg->mod, "llvm.ceil.f64");
    if (!fl)
        fl = LLVMAddFunction(cg->mod, "llvm.floor.f64", ft);
    if (!ce)
        ce = LLVMAddFunction(cg->mod, "llvm.ceil.f64", ft);
    LLVMValueRef f = LLVMBuildCall2(cg->b, ft, fl, &x, 1, "floor");
    LLVMValueRef c = LLVMBuildCall2(cg->b, ft, ce, &x, 1, "ceil");
    LLVMValueRef in = cg_and(cg, LLVMBuildFCmp(cg->b, LLVMRealOLE, f, cg_f64(cg, hi), ""),
                             LLVMBuildFCmp(cg->b, LLVMRealOGE, c, cg_f64(cg, lo), ""));
    return cg_not(cg, in);
}

/* Is the i64 or i128 v outside the range of the integer type lt? */
static LLVMValueRef int_out_of(CgCtx *cg, LLVMValueRef v, LLVMTypeRef lt)
{
    LLVMValueRef back = LLVMBuildSExt(cg->b, LLVMBuildTrunc(cg->b, v, lt, ""), LLVMTypeOf(v), "");
    return LLVMBuildICmp(cg->b, LLVMIntNE, back, v, "ovf");
}

/* Spark's Cast in EvalMode.TRY (ansiEnabled, exceptions caught as NULL) for the pairs
   sema_bind_try_cast leaves to it, where ANSI CAST throws but the non-ANSI one does not give
   NULL: BIGINT, DOUBLE, FLOAT, DECIMAL, TIMESTAMP to INT; DOUBLE, FLOAT, DECIMAL to BIGINT
   (out of range: Decimal.roundToInt/roundToLong, castFractionToIntegralTypeCode); STRING to
   INT or BIGINT (UTF8String.toIntExact/toLongExact: no fraction); BIGINT, DOUBLE, FLOAT to
   TIMESTAMP (Math.multiplyExact of the seconds, doubleToTimestampAnsi). */
CgVal cg_cast_flagged(CgCtx *cg, LLVMValueRef failed, LLVMValueRef live, CgVal x, const Type *from,
                      const Type *to, SrcSpan span)
{
    if (!failed || type_equal(from, to))
        return cg_cast(cg, x, from, to, span);
    if (from->kind == TY_MAP && to->kind == TY_MAP)
        return cg_map_cast(cg, failed, x, from, to, span);
    if (from->kind == TY_ARRAY && to->kind == TY_ARRAY)
        return cg_array_cast(cg, failed, x, from->elem, to->elem, span);
    if (from->kind == TY_STRUCT && to->kind == TY_STRUCT) { /* a NULL struct's fields are not */
        LLVMValueRef there = cg_and(cg, live, cg_not(cg, x.null));
        CgVal r = x;
        r.fields = ARENA_NEW_N(cg->arena, CgVal, from->n_fields ? from->n_fields : 1);
        for (int i = 0; i < from->n_fields; i++)
            r.fields[i] = cg_cast_flagged(cg, failed, there, x.fields[i], from->fields[i].type,
                                          to->fields[i].type, span);
        return r;
    }
    /* An atomic value (or a nested one to STRING): the cast in EvalMode.TRY, ANSI's rules,
       with the exceptions caught by the whole Cast's nullSafeEval, so a NULL from a value that
       was not NULL is a throw; a DATE cast to BOOLEAN or a number is NULL without throwing
       (Cast.castToBoolean / castToInt ... `buildCast[Int](_, d => null)`), and so is a NaN or
       an infinity cast to DECIMAL (castToDecimal catching Decimal's NumberFormatException). */
    CgVal r = type_try_cast_own(from, to) ? cg_try_cast(cg, x, from, to, span)
                                          : cg_cast(cg, x, from, to, span);
    if (from->kind != TY_DATE) {
        LLVMValueRef bad = cg_and(cg, live, LLVMBuildAnd(cg->b, r.null, cg_not(cg, x.null), ""));
        if (type_is_fractional(from) && to->kind == TY_DECIMAL) { /* finite: x - x == 0 */
            LLVMValueRef z = LLVMBuildFSub(cg->b, x.v, x.v, "");
            LLVMValueRef finite =
                LLVMBuildFCmp(cg->b, LLVMRealOEQ, z, LLVMConstReal(LLVMTypeOf(z), 0.0), "");
            bad = LLVMBuildAnd(cg->b, bad, finite, "");
        }
        cg_store(cg, cg_or(cg, cg_load(cg, cg->t_i1, failed, ""), bad), failed);
    }
    return r;
}

/* try_cast of an ARRAY, a STRUCT or a MAP (Cast.castArray, castStruct, castMap in
   EvalMode.TRY, whose element casts are ANSI's: Cast.ansiEnabled, canUseLegacyCastForTryCast
   looking at the outer types only): NULL when an element's cast would throw. */
static CgVal nested_try_cast(CgCtx *cg, CgVal a, const Type *from, const Type *to, SrcSpan span)
{
    LLVMValueRef failed = cg_alloca(cg, cg->t_i1, "cast.failed");
    cg_store(cg, cg_i1(cg, 0), failed);
    CgVal r = cg_cast_flagged(cg, failed, cg_not(cg, a.null), a, from, to, span);
    r.null = cg_or(cg, a.null, cg_load(cg, cg->t_i1, failed, "cast.failed"));
    return r;
}

CgVal cg_try_cast(CgCtx *cg, CgVal a, const Type *from, const Type *to, SrcSpan span)
{
    TypeKind f = from->kind, t = to->kind;
    if (f == TY_MAP || f == TY_ARRAY || f == TY_STRUCT)
        return nested_try_cast(cg, a, from, to, span);
    if (type_is_ansi_interval(from) || type_is_ansi_interval(to))
        return cg_interval_try_cast(cg, a, from, to);
    if (t == TY_TINYINT || t == TY_SMALLINT) { /* ANSI castToByte/castToShort: out of range */
        CgVal r = type_is_int32(from) ? a : cg_try_cast(cg, a, from, &type_int, span);
        r.null = cg_or(cg, r.null, cg_narrow_ovf(cg, to, r.v));
        r.v = cg_narrow(cg, to, r.v);
        return r;
    }
    if (t == TY_TIMESTAMP && f == TY_BIGINT) {
        LLVMValueRef ovf;
        LLVMValueRef v = cg_int_overflow_op(cg, "smul", a.v, cg_i64(cg, 1000000), &ovf);
        return scalar(cg_or(cg, a.null, ovf), v);
    }
    if (t == TY_TIMESTAMP) { /* FLOAT or DOUBLE: NaN and the infinities are out of range too */
        LLVMValueRef d = f == TY_FLOAT ? LLVMBuildFPExt(cg->b, a.v, cg->t_f64, "") : a.v;
        LLVMValueRef us = LLVMBuildFMul(cg->b, d, cg_f64(cg, 1e6), "");
        CgVal r = cg_cast(cg, a, from, to, span);
        r.null = cg_or(cg, r.null, fraction_out_of(cg, us, (double)INT64_MIN, (double)INT64_MAX));
        return r;
    }
    LLVMTypeRef lt = cg_type_of(cg, to);
    if (f == TY_STRING) {
        CgVal r = from_string(cg, a, t == TY_INT ? "srt_cast_str_i32_exact" : "srt_cast_str_i64_exact",
                              cg->t_i64);
        if (t == TY_INT)
            r.v = LLVMBuildTrunc(cg->b, r.v, lt, "");
        return r;
    }
    CgVal r = cg_cast(cg, a, from, to, span);
    LLVMValueRef ovf;
    bool is_int = t == TY_INT;
    switch (f) {
    case TY_BIGINT:
        ovf = int_out_of(cg, a.v, lt);
        break;
    case TY_FLOAT:
    case TY_DOUBLE:
        ovf = fraction_out_of(cg, a.v, is_int ? (double)INT32_MIN : (double)INT64_MIN,
                              is_int ? (double)INT32_MAX : (double)INT64_MAX);
        break;
    case TY_TIMESTAMP: /* to INT: the seconds (floorDiv) must fit */
        ovf = int_out_of(cg, floor_div(cg, a.v, 1000000), lt);
        break;
    case TY_DECIMAL: { /* the integral part, truncated toward zero, must fit */
        __int128 p10 = 1;
        for (int i = 0; i < from->scale; i++)
            p10 *= 10;
        LLVMValueRef ip = LLVMBuildSDiv(cg->b, a.v, cg_dec_const(cg, p10), "");
        ovf = int_out_of(cg, ip, lt);
        break;
    }
    default:
        cg_unsupported(cg, span, "this try_cast");
        return cg_null_of(cg, to);
    }
    r.null = cg_or(cg, r.null, ovf);
    return r;
}
