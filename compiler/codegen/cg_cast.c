/* cg_cast.c - CAST between SQL types and the scalar functions of functions.def.
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
    /* llvm.fptosi.sat: saturating, NaN -> 0, exactly Java's (long)/(int) casts. */
    char name[40];
    snprintf(name, sizeof name, "llvm.fptosi.sat.i%u.f64", LLVMGetIntTypeWidth(t));
    LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, name);
    LLVMTypeRef ft = LLVMFunctionType(t, &cg->t_f64, 1, 0);
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

static CgVal date_to_string(CgCtx *cg, CgVal a)
{
    static const char fmt[] = "yyyy-MM-dd";
    LLVMValueRef us = LLVMBuildMul(cg->b, a.v, cg_i64(cg, US_PER_DAY), "");
    LLVMValueRef out = cg_alloca(cg, cg->t_ptr, "date.p");
    LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "date.n");
    LLVMValueRef args[6] = {cg->q, us, cg_str_const(cg, fmt, sizeof fmt - 1, "datefmt"),
                            cg_i32(cg, sizeof fmt - 1), out, out_n};
    cg_call(cg, "srt_date_format", args, 6, "");
    CgVal r = scalar(a.null, cg_load(cg, cg->t_ptr, out, "date"));
    r.len = cg_load(cg, cg->t_i32, out_n, "date.len");
    return r;
}

CgVal cg_cast(CgCtx *cg, CgVal a, const Type *from, const Type *to, SrcSpan span)
{
    TypeKind f = from->kind, t = to->kind;
    if (type_equal(from, to)) /* an explicit CAST to the same (possibly nested) type */
        return a;
    if (f == TY_NULL)
        return cg_null_of(cg, to);
    if (f == TY_DECIMAL || t == TY_DECIMAL)
        return cg_dec_cast(cg, a, from, to, span);
    LLVMTypeRef lt = cg_type_of(cg, to);
    switch (t) {
    case TY_STRING:
        switch (f) {
        case TY_BOOLEAN: return to_string(cg, a, "srt_cast_bool_str", LLVMBuildZExt(cg->b, a.v, cg->t_i64, ""));
        case TY_INT: return to_string(cg, a, "srt_cast_i64_str", LLVMBuildSExt(cg->b, a.v, cg->t_i64, ""));
        case TY_BIGINT: return to_string(cg, a, "srt_cast_i64_str", a.v);
        case TY_DOUBLE: return to_string(cg, a, "srt_cast_f64_str", a.v);
        case TY_TIMESTAMP: return to_string(cg, a, "srt_cast_ts_str", a.v);
        case TY_DATE: return date_to_string(cg, a);
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
        case TY_DOUBLE:
            return scalar(a.null, LLVMBuildFCmp(cg->b, LLVMRealUNE, a.v, cg_f64(cg, 0.0), ""));
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
        default: break;
        }
        break;
    case TY_TIMESTAMP:
        switch (f) {
        case TY_BOOLEAN: /* Spark's Cast.castToTimestamp: true is 1 microsecond */
            return scalar(a.null, LLVMBuildZExt(cg->b, a.v, cg->t_i64, ""));
        case TY_INT: return scalar(a.null, LLVMBuildMul(cg->b, LLVMBuildSExt(cg->b, a.v, cg->t_i64, ""), cg_i64(cg, 1000000), ""));
        case TY_BIGINT: return scalar(a.null, LLVMBuildMul(cg->b, a.v, cg_i64(cg, 1000000), ""));
        case TY_DOUBLE:
            return scalar(a.null, double_to_int(cg, LLVMBuildFMul(cg->b, a.v, cg_f64(cg, 1e6), ""), cg->t_i64));
        case TY_DATE: return scalar(a.null, LLVMBuildMul(cg->b, a.v, cg_i64(cg, US_PER_DAY), ""));
        case TY_STRING: return from_string(cg, a, "srt_cast_str_ts", cg->t_i64);
        default: break;
        }
        break;
    case TY_DATE:
        switch (f) {
        case TY_TIMESTAMP: return scalar(a.null, floor_div(cg, a.v, US_PER_DAY));
        case TY_STRING: {
            CgVal r = from_string(cg, a, "srt_cast_str_ts", cg->t_i64);
            r.v = floor_div(cg, r.v, US_PER_DAY);
            return r;
        }
        default: break;
        }
        break;
    default:
        break;
    }
    cg_unsupported(cg, span, "this CAST");
    return cg_null_of(cg, to);
}

/* ==== Scalar functions ==== */

static CgVal string_fn(CgCtx *cg, const char *fn, CgVal a)
{
    LLVMValueRef out = cg_alloca(cg, cg->t_ptr, "fn.p");
    LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "fn.n");
    LLVMValueRef args[5] = {cg->q, a.v, a.len, out, out_n};
    cg_call(cg, fn, args, 5, "");
    CgVal r = scalar(a.null, cg_load(cg, cg->t_ptr, out, "fn"));
    r.len = cg_load(cg, cg->t_i32, out_n, "fn.len");
    return r;
}

static CgVal ts_field(CgCtx *cg, CgVal a, int field)
{
    LLVMValueRef args[2] = {a.v, cg_i32(cg, field)};
    LLVMValueRef v = cg_call(cg, "srt_ts_field", args, 2, "tsfield");
    return scalar(a.null, LLVMBuildTrunc(cg->b, v, cg->t_i32, ""));
}

/* ==== substring ... current_timestamp (the functions added with split) ==== */

/* A call placed in the function's entry block, so it runs once per call of the generated
   function (per buffer, per group) instead of once per record.  Arguments must be
   constants or the query argument. */
static LLVMValueRef call_at_entry(CgCtx *cg, const char *fn, LLVMValueRef *args, unsigned n,
                                  const char *name)
{
    LLVMBasicBlockRef cur = LLVMGetInsertBlock(cg->b);
    LLVMValueRef first = LLVMGetFirstInstruction(cg->entry);
    if (first)
        LLVMPositionBuilderBefore(cg->b, first);
    else
        LLVMPositionBuilderAtEnd(cg->b, cg->entry);
    LLVMValueRef r = cg_call(cg, fn, args, n, name);
    LLVMPositionBuilderAtEnd(cg->b, cur);
    return r;
}

static LLVMValueRef any_null(CgCtx *cg, const CgVal *a, int n)
{
    LLVMValueRef null = cg_i1(cg, 0);
    for (int i = 0; i < n; i++)
        null = cg_or(cg, null, a[i].null);
    return null;
}

/* A helper `f(..., const char **out, uint32_t *out_n)` whose result is a string slice;
   args has room for two more (the out pointers), rc_null: the call returns int, <0 is NULL. */
static CgVal string_result(CgCtx *cg, const char *fn, LLVMValueRef *args, unsigned n,
                           LLVMValueRef null, int rc_null)
{
    LLVMValueRef out = cg_alloca(cg, cg->t_ptr, "fn.p");
    LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "fn.n");
    args[n] = out;
    args[n + 1] = out_n;
    LLVMValueRef rc = cg_call(cg, fn, args, n + 2, "fn.rc");
    if (rc_null)
        null = cg_or(cg, null, LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_i32(cg, 0), ""));
    CgVal r = scalar(null, cg_load(cg, cg->t_ptr, out, "fn"));
    r.len = cg_load(cg, cg->t_i32, out_n, "fn.len");
    return r;
}

/* The compiled pattern of a regexp_extract/split call: fetched once per call of the
   generated function when the pattern is a constant, else per record. */
static LLVMValueRef regex_of(CgCtx *cg, const SExpr *pat, CgVal p)
{
    if (pat->kind == SX_CONST && !pat->u.value.is_null) {
        LLVMValueRef args[4] = {cg->q, cg_str_const(cg, pat->u.value.s, pat->u.value.n, "regex"),
                                cg_i32(cg, pat->u.value.n), cg_i32(cg, 1)};
        return call_at_entry(cg, "srt_regex_get", args, 4, "re");
    }
    LLVMValueRef args[4] = {cg->q, p.v, p.len, cg_i32(cg, 0)};
    return cg_call(cg, "srt_regex_get", args, 4, "re");
}

static bool is_null_const(const SExpr *e)
{
    return e->kind == SX_CONST && (e->u.value.is_null || e->type->kind == TY_NULL);
}

/* Parse a STRING with a Java pattern into a TIMESTAMP (NULL on mismatch). */
static CgVal parse_with_format(CgCtx *cg, CgVal s, CgVal fmt)
{
    LLVMValueRef out = cg_alloca(cg, cg->t_i64, "ts.out");
    cg_store(cg, cg_i64(cg, 0), out);
    LLVMValueRef args[5] = {s.v, s.len, fmt.v, fmt.len, out};
    LLVMValueRef rc = cg_call(cg, "srt_ts_parse_fmt", args, 5, "ts.rc");
    LLVMValueRef bad = LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_i32(cg, 0), "");
    return scalar(cg_or(cg, cg_or(cg, s.null, fmt.null), bad), cg_load(cg, cg->t_i64, out, "ts"));
}

static CgVal const_string(CgCtx *cg, const char *s)
{
    uint32_t n = (uint32_t)strlen(s);
    CgVal r = scalar(cg_i1(cg, 0), cg_str_const(cg, s, n, "lit"));
    r.len = cg_i32(cg, n);
    return r;
}

static LLVMValueRef math_intrinsic(CgCtx *cg, const char *name, LLVMValueRef v)
{
    LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, name);
    LLVMTypeRef ft = LLVMFunctionType(cg->t_f64, &cg->t_f64, 1, 0);
    if (!fn)
        fn = LLVMAddFunction(cg->mod, name, ft);
    return LLVMBuildCall2(cg->b, ft, fn, &v, 1, "");
}

static CgVal call_more(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args;
    SExpr *const *x = e->u.call.args;
    switch (e->u.call.fn) {
    case FN_SUBSTRING:
    case FN_SUBSTR: {
        LLVMValueRef args[6] = {a[0].v, a[0].len, a[1].v, n > 2 ? a[2].v : cg_i32(cg, INT32_MAX)};
        return string_result(cg, "srt_str_substr", args, 4, any_null(cg, a, n), 0);
    }
    case FN_TRIM:
    case FN_LTRIM:
    case FN_RTRIM: {
        int which = e->u.call.fn == FN_TRIM    ? SRT_TRIM_BOTH
                    : e->u.call.fn == FN_LTRIM ? SRT_TRIM_LEFT
                                               : SRT_TRIM_RIGHT;
        LLVMValueRef args[5] = {a[0].v, a[0].len, cg_i32(cg, which)};
        return string_result(cg, "srt_str_trim", args, 3, a[0].null, 0);
    }
    case FN_CONCAT: {
        if (n == 0)
            return const_string(cg, "");
        if (n == 1)
            return a[0];
        if (n == 2) {
            LLVMValueRef args[7] = {cg->q, a[0].v, a[0].len, a[1].v, a[1].len};
            return string_result(cg, "srt_str_concat", args, 5, any_null(cg, a, n), 0);
        }
        LLVMValueRef ps = cg_alloca(cg, LLVMArrayType(cg->t_ptr, (unsigned)n), "cat.ps");
        LLVMValueRef ns = cg_alloca(cg, LLVMArrayType(cg->t_i32, (unsigned)n), "cat.ns");
        for (int i = 0; i < n; i++) {
            cg_store(cg, a[i].v, cg_gepc(cg, ps, (uint64_t)i * sizeof(void *), ""));
            cg_store(cg, a[i].len, cg_gepc(cg, ns, (uint64_t)i * 4, ""));
        }
        LLVMValueRef args[6] = {cg->q, LLVMBuildPointerCast(cg->b, ps, cg->t_ptr, ""),
                                LLVMBuildPointerCast(cg->b, ns, cg->t_ptr, ""), cg_i32(cg, n)};
        return string_result(cg, "srt_str_concat_n", args, 4, any_null(cg, a, n), 0);
    }
    case FN_REGEXP_EXTRACT: {
        if (is_null_const(x[1]))
            return cg_null_of(cg, e->type);
        LLVMValueRef re = regex_of(cg, x[1], a[1]);
        LLVMValueRef args[7] = {cg->q, re, a[0].v, a[0].len, n > 2 ? a[2].v : cg_i32(cg, 1)};
        return string_result(cg, "srt_regexp_extract", args, 5, any_null(cg, a, n), 1);
    }
    case FN_SPLIT: {
        if (is_null_const(x[1]))
            return cg_null_of(cg, e->type);
        LLVMValueRef re = regex_of(cg, x[1], a[1]);
        LLVMValueRef args[7] = {cg->q, re, a[0].v, a[0].len, n > 2 ? a[2].v : cg_i32(cg, -1)};
        /* ARRAY: v -> const SrtDatum[len] (scratch memory), len = elements. */
        return string_result(cg, "srt_split", args, 5, any_null(cg, a, n), 1);
    }
    case FN_SIZE:
        /* spark.sql.legacy.sizeOfNull (true in Spark 3 without ANSI): NULL has size -1. */
        if (x[0]->type->kind != TY_ARRAY || !a[0].len)
            return scalar(cg_i1(cg, 0), cg_i32(cg, -1));
        return scalar(cg_i1(cg, 0), cg_select(cg, a[0].null, cg_i32(cg, -1), a[0].len));
    case FN_ROUND: {
        int64_t d = 0;
        if (n > 1) {
            if (is_null_const(x[1]))
                return cg_null_of(cg, e->type);
            d = x[1]->u.value.i;
        }
        if (e->type->kind == TY_DOUBLE) {
            LLVMValueRef args[2] = {a[0].v, cg_i32(cg, d)};
            return scalar(a[0].null, cg_call(cg, "srt_round_f64", args, 2, "round"));
        }
        if (d >= 0)
            return scalar(a[0].null, a[0].v);
        LLVMValueRef v =
            e->type->kind == TY_INT ? LLVMBuildSExt(cg->b, a[0].v, cg->t_i64, "") : a[0].v;
        LLVMValueRef args[2] = {v, cg_i32(cg, d)};
        v = cg_call(cg, "srt_round_i64", args, 2, "round");
        if (e->type->kind == TY_INT)
            v = LLVMBuildTrunc(cg->b, v, cg->t_i32, "");
        return scalar(a[0].null, v);
    }
    case FN_FLOOR:
    case FN_CEIL:
    case FN_CEILING:
        switch (x[0]->type->kind) {
        case TY_DOUBLE: {
            const char *in = e->u.call.fn == FN_FLOOR ? "llvm.floor.f64" : "llvm.ceil.f64";
            return scalar(a[0].null, double_to_int(cg, math_intrinsic(cg, in, a[0].v), cg->t_i64));
        }
        case TY_INT:
            return scalar(a[0].null, LLVMBuildSExt(cg->b, a[0].v, cg->t_i64, ""));
        default:
            return scalar(a[0].null, a[0].v);
        }
    case FN_TO_TIMESTAMP:
        if (n == 1 || x[0]->type->kind != TY_STRING)
            return scalar(any_null(cg, a, n), a[0].v);
        return parse_with_format(cg, a[0], a[1]);
    case FN_UNIX_TIMESTAMP: {
        CgVal ts;
        if (n == 0) {
            ts = scalar(cg_i1(cg, 0), call_at_entry(cg, "srt_query_batch_ts", &cg->q, 1, "now"));
        } else if (x[0]->type->kind == TY_STRING) {
            ts =
                parse_with_format(cg, a[0], n > 1 ? a[1] : const_string(cg, "yyyy-MM-dd HH:mm:ss"));
        } else {
            ts = scalar(any_null(cg, a, n), a[0].v);
        }
        return scalar(ts.null, floor_div(cg, ts.v, 1000000));
    }
    case FN_FROM_UNIXTIME: {
        CgVal fmt = n > 1 ? a[1] : const_string(cg, "yyyy-MM-dd HH:mm:ss");
        LLVMValueRef us = LLVMBuildMul(cg->b, a[0].v, cg_i64(cg, 1000000), "");
        LLVMValueRef args[6] = {cg->q, us, fmt.v, fmt.len};
        return string_result(cg, "srt_date_format", args, 4, cg_or(cg, a[0].null, fmt.null), 0);
    }
    case FN_CURRENT_TIMESTAMP:
        return scalar(cg_i1(cg, 0), call_at_entry(cg, "srt_query_batch_ts", &cg->q, 1, "now"));
    default:
        SL_UNREACHABLE();
    }
}

CgVal cg_call_fn(CgCtx *cg, const SExpr *e, CgVal *a)
{
    switch (e->u.call.fn) {
    case FN_DATE_FORMAT: {
        LLVMValueRef out = cg_alloca(cg, cg->t_ptr, "df.p");
        LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "df.n");
        LLVMValueRef args[6] = {cg->q, a[0].v, a[1].v, a[1].len, out, out_n};
        cg_call(cg, "srt_date_format", args, 6, "");
        CgVal r = scalar(cg_or(cg, a[0].null, a[1].null), cg_load(cg, cg->t_ptr, out, "df"));
        r.len = cg_load(cg, cg->t_i32, out_n, "df.len");
        return r;
    }
    case FN_LOWER: return string_fn(cg, "srt_str_lower", a[0]);
    case FN_UPPER: return string_fn(cg, "srt_str_upper", a[0]);
    case FN_LENGTH: {
        LLVMValueRef args[2] = {a[0].v, a[0].len};
        LLVMValueRef n = cg_call(cg, "srt_str_length", args, 2, "length");
        return scalar(a[0].null, LLVMBuildTrunc(cg->b, n, cg->t_i32, ""));
    }
    case FN_ABS: {
        if (e->type->kind == TY_DOUBLE) {
            LLVMValueRef neg = LLVMBuildFCmp(cg->b, LLVMRealOLT, a[0].v, cg_f64(cg, 0.0), "");
            return scalar(a[0].null, cg_select(cg, neg, LLVMBuildFNeg(cg->b, a[0].v, ""), a[0].v));
        }
        LLVMValueRef zero = LLVMConstNull(LLVMTypeOf(a[0].v));
        LLVMValueRef neg = LLVMBuildICmp(cg->b, LLVMIntSLT, a[0].v, zero, "");
        return scalar(a[0].null, cg_select(cg, neg, LLVMBuildNeg(cg->b, a[0].v, ""), a[0].v));
    }
    case FN_COALESCE: {
        /* sema cast every argument to the result type (a bare NULL to that type's NULL). */
        int n = e->u.call.n_args;
        CgVal r = a[n - 1];
        for (int i = n - 2; i >= 0; i--)
            r = cg_val_select(cg, e->type, a[i].null, r, a[i]);
        return r;
    }
    case FN_YEAR: return ts_field(cg, a[0], SRT_TS_YEAR);
    case FN_MONTH: return ts_field(cg, a[0], SRT_TS_MONTH);
    case FN_DAY: return ts_field(cg, a[0], SRT_TS_DAY);
    case FN_HOUR: return ts_field(cg, a[0], SRT_TS_HOUR);
    case FN_MINUTE: return ts_field(cg, a[0], SRT_TS_MINUTE);
    case FN_SECOND: return ts_field(cg, a[0], SRT_TS_SECOND);
    case FN_SUBSTRING:
    case FN_SUBSTR:
    case FN_CONCAT:
    case FN_TRIM:
    case FN_LTRIM:
    case FN_RTRIM:
    case FN_REGEXP_EXTRACT:
    case FN_SPLIT:
    case FN_SIZE:
    case FN_ROUND:
    case FN_FLOOR:
    case FN_CEIL:
    case FN_CEILING:
    case FN_TO_TIMESTAMP:
    case FN_FROM_UNIXTIME:
    case FN_UNIX_TIMESTAMP:
    case FN_CURRENT_TIMESTAMP:
        return call_more(cg, e, a);
    case FN__COUNT: break;
    }
    cg_unsupported(cg, e->span, "this function");
    return cg_null_of(cg, e->type);
}
