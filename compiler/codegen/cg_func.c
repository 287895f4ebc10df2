/* cg_func.c - lowering of the scalar functions of functions.def: by signature class, or by
** the function's own case when its class is SPECIAL.
**
** sema has converted every argument to the type the function takes.  Unless a case says
** otherwise the result is NULL when an argument is, and the runtime body sees non-NULL
** values only (a NULL value carries a safe default, so the call needs no branch).
** Functions that build strings get memory from the per-record scratch of the query
** (srt_scratch_alloc); the runtime resets it.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen/cg_emit.h"
#include "common/cm_dtpattern.h"
#include "common/cm_time.h"
#include "common/cm_tz.h"
#include "srt_abi.h"

static CgVal scalar(LLVMValueRef null, LLVMValueRef v)
{
    CgVal r = {0};
    r.null = null;
    r.v = v;
    return r;
}

/* The OR of the NULL flags of a[0..n-1]. */
static LLVMValueRef any_null(CgCtx *cg, const CgVal *a, int n)
{
    LLVMValueRef null = n > 0 ? a[0].null : cg_i1(cg, 0);
    for (int i = 1; i < n; i++)
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

/* A call placed in the function's entry block, so it runs once per call of the generated
   function (per buffer, per group) instead of once per record.  Arguments must be
   constants or the query argument. */
static LLVMValueRef call_at_entry(CgCtx *cg, const char *fn, LLVMValueRef *args, unsigned n,
                                  const char *name)
{
    LLVMBasicBlockRef cur = cg_to_entry_start(cg);
    LLVMValueRef r = cg_call(cg, fn, args, n, name);
    LLVMPositionBuilderAtEnd(cg->b, cur);
    return r;
}

LLVMValueRef cg_regex_of(CgCtx *cg, const SExpr *pat, CgVal p)
{
    if (pat->kind == SX_CONST && !pat->u.value.is_null) {
        LLVMValueRef args[4] = {cg->q, cg_str_const(cg, pat->u.value.s, pat->u.value.n, "regex"),
                                cg_i32(cg, pat->u.value.n), cg_i32(cg, 1)};
        return call_at_entry(cg, "srt_regex_get", args, 4, "re");
    }
    LLVMValueRef args[4] = {cg->q, p.v, p.len, cg_i32(cg, 0)};
    return cg_call(cg, "srt_regex_get", args, 4, "re");
}

/* json_tuple's row (srt_json_tuple): the keys and their lengths (UINT32_MAX for a NULL key)
   in arrays on the stack, the values back in two more; a NULL json reads as no text, which
   makes every value NULL. */
static CgVal call_json_tuple(CgCtx *cg, const SExpr *e, const CgVal *a, int n)
{
    int nk = n - 1;
    LLVMValueRef keys = cg_alloca(cg, LLVMArrayType(cg->t_ptr, (unsigned)nk), "jt.keys");
    LLVMValueRef key_n = cg_alloca(cg, LLVMArrayType(cg->t_i32, (unsigned)nk), "jt.key_n");
    LLVMValueRef out = cg_alloca(cg, LLVMArrayType(cg->t_ptr, (unsigned)nk), "jt.out");
    LLVMValueRef out_n = cg_alloca(cg, LLVMArrayType(cg->t_i32, (unsigned)nk), "jt.out_n");
    for (int k = 0; k < nk; k++) {
        const CgVal *key = &a[k + 1];
        cg_store(cg, key->v, cg_gepc(cg, keys, 8 * (uint64_t)k, ""));
        cg_store(cg, cg_select(cg, key->null, cg_i32(cg, -1), key->len),
                 cg_gepc(cg, key_n, 4 * (uint64_t)k, ""));
    }
    LLVMValueRef args[8] = {cg->q, a[0].v, cg_select(cg, a[0].null, cg_i32(cg, 0), a[0].len),
                            keys,  key_n,  cg_i32(cg, nk),
                            out,   out_n};
    cg_call(cg, "srt_json_tuple", args, 8, "");
    CgVal r = {0};
    r.null = cg_i1(cg, 0);
    r.n_fields = e->type->n_fields;
    r.fields = ARENA_NEW_N(cg->arena, CgVal, r.n_fields);
    for (int k = 0; k < nk; k++) {
        LLVMValueRef p = cg_load(cg, cg->t_ptr, cg_gepc(cg, out, 8 * (uint64_t)k, ""), "jt.v");
        r.fields[k] = scalar(LLVMBuildIsNull(cg->b, p, "jt.null"), p);
        r.fields[k].len = cg_load(cg, cg->t_i32, cg_gepc(cg, out_n, 4 * (uint64_t)k, ""), "jt.n");
    }
    return r;
}

static bool is_null_const(const SExpr *e)
{
    return e->kind == SX_CONST && (e->u.value.is_null || e->type->kind == TY_NULL);
}

/* null, or-ed with a refusal of the datetime pattern fmt read from a row (fmt_e not a
   constant, which sema_check_pattern checked): Spark builds the formatter of such a pattern
   per row, when the value v and the pattern are not NULL (ToTimestamp.eval,
   DateFormatClass.nullSafeEval), and the exception a refused one throws is no parse error, so
   the query fails (srt_dt_pattern_ok, with the compiler's message: common/cm_dtpattern.c). */
static LLVMValueRef pattern_refused(CgCtx *cg, const SExpr *fmt_e, CgVal v, CgVal fmt,
                                    CmDtPatternUse use, LLVMValueRef null)
{
    if (!fmt_e || fmt_e->kind == SX_CONST)
        return null;
    LLVMValueRef ok = cg_alloca(cg, cg->t_i32, "pat.ok");
    cg_store(cg, cg_i32(cg, 1), ok);
    LLVMBasicBlockRef bb_call = cg_block(cg, "pat.call"), bb_done = cg_block(cg, "pat.done");
    LLVMBuildCondBr(cg->b, cg_or(cg, v.null, fmt.null), bb_done, bb_call);
    cg_at(cg, bb_call);
    LLVMValueRef args[4] = {cg->q, fmt.v, fmt.len, cg_i32(cg, (int32_t)use)};
    cg_store(cg, cg_call(cg, "srt_dt_pattern_ok", args, 4, "pat.rc"), ok);
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
    LLVMValueRef bad =
        LLVMBuildICmp(cg->b, LLVMIntEQ, cg_load(cg, cg->t_i32, ok, "pat.v"), cg_i32(cg, 0), "");
    return cg_or(cg, null, bad);
}

/* Parse a STRING with a Java pattern (fmt_e's, NULL for a default) into a TIMESTAMP (NULL on
   mismatch; a text only Spark's legacy parser reads fails the query: srt_ts_parse_fn, or
   srt_ts_ntz_parse_fn for a TIMESTAMP_NTZ). */
static CgVal parse_with_format(CgCtx *cg, CgVal s, CgVal fmt, const SExpr *fmt_e, bool ntz)
{
    const char *parser = ntz ? "srt_ts_ntz_parse_fn" : "srt_ts_parse_fn";
    LLVMValueRef refused =
        pattern_refused(cg, fmt_e, s, fmt, ntz ? CM_DTPAT_PARSE_NTZ : CM_DTPAT_PARSE, cg_i1(cg, 0));
    LLVMValueRef out = cg_alloca(cg, cg->t_i64, "ts.out");
    cg_store(cg, cg_i64(cg, 0), out);
    LLVMValueRef args[6] = {cg->q, s.v, s.len, fmt.v, fmt.len, out};
    LLVMValueRef rc = cg_call(cg, parser, args, 6, "ts.rc");
    LLVMValueRef bad = LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_i32(cg, 0), "");
    LLVMValueRef null = cg_or(cg, cg_or(cg, s.null, fmt.null), cg_or(cg, refused, bad));
    return scalar(null, cg_load(cg, cg->t_i64, out, "ts"));
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
    LLVMTypeRef t = LLVMTypeOf(v); /* f64, or f32 for the .f32 intrinsics */
    LLVMTypeRef ft = LLVMFunctionType(t, &t, 1, 0);
    if (!fn)
        fn = LLVMAddFunction(cg->mod, name, ft);
    return LLVMBuildCall2(cg->b, ft, fn, &v, 1, "");
}

/* ==== The special functions ==== */

static CgVal call_concat(CgCtx *cg, CgVal *a, int n)
{
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

void cg_fail_if(CgCtx *cg, LLVMValueRef cond, const char *msg)
{
    LLVMBasicBlockRef bb_fail = cg_block(cg, "fail");
    LLVMBasicBlockRef bb_on = cg_block(cg, "fail.not");
    LLVMBuildCondBr(cg->b, cond, bb_fail, bb_on);
    cg_at(cg, bb_fail);
    LLVMValueRef args[2] = {cg->q, cg_str_const(cg, msg, (uint32_t)strlen(msg) + 1, "msg")};
    cg_call(cg, "srt_query_fail", args, 2, "");
    LLVMBuildBr(cg->b, bb_on);
    cg_at(cg, bb_on);
}

/* round (HALF_UP), bround (HALF_EVEN), and floor and ceil with a scale (RoundFloor, RoundCeil
   over a DECIMAL: FLOOR, CEILING): Spark's RoundBase with its mode. */
static CgVal call_round(CgCtx *cg, const SExpr *e, CgVal *a)
{
    SFunc fn = e->u.call.fn;
    int mode = fn == FN_BROUND                     ? SRT_DEC_HALF_EVEN
               : fn == FN_FLOOR                    ? SRT_DEC_FLOOR
               : fn == FN_CEIL || fn == FN_CEILING ? SRT_DEC_CEILING
                                                   : SRT_DEC_HALF_UP;
    int64_t d = 0;
    if (e->u.call.n_args > 1) {
        if (is_null_const(e->u.call.args[1]))
            return cg_null_of(cg, e->type);
        d = e->u.call.args[1]->u.value.i;
    }
    if (e->type->kind == TY_DOUBLE) {
        LLVMValueRef args[3] = {a[0].v, cg_i32(cg, d), cg_i32(cg, mode)};
        return scalar(a[0].null, cg_call(cg, "srt_round_f64", args, 3, "round"));
    }
    /* RoundBase.nullSafeEval: by mode to scale min(s, d) (Decimal.toPrecision, which cannot
       overflow), or for d < 0 to a multiple of 10^-d at scale 0, `new Decimal().set(
       bd.setScale(d, mode), p, 0)`.  That overflows only where the type is capped at 38
       digits and the value rounds to 10^38, and Decimal.set then throws whatever
       spark.sql.ansi.enabled says: the query fails. */
    if (e->type->kind == TY_DECIMAL) {
        CgVal r = cg_dec_round(cg, a[0], e->u.call.args[0]->type->scale,
                               d < 0 ? (int)d : e->type->scale, mode, e->type->precision);
        if (d < 0 && e->type->precision == TYPE_DECIMAL_MAX_PRECISION)
            cg_fail_if(cg, cg_and(cg, cg_not(cg, a[0].null), r.null),
                       arena_sprintf(cg->arena,
                                     "%s: [DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION] Decimal "
                                     "precision 39 exceeds max precision 38.",
                                     fn == FN_BROUND  ? "bround"
                                     : fn == FN_FLOOR ? "floor"
                                     : fn == FN_ROUND ? "round"
                                                      : "ceil"));
        return r;
    }
    if (e->type->kind == TY_FLOAT) { /* RoundBase: BigDecimal(f.toDouble).setScale(..).toFloat */
        LLVMValueRef args[3] = {LLVMBuildFPExt(cg->b, a[0].v, cg->t_f64, ""), cg_i32(cg, d),
                                cg_i32(cg, mode)};
        LLVMValueRef r = cg_call(cg, "srt_round_f64", args, 3, "round");
        return scalar(a[0].null, LLVMBuildFPTrunc(cg->b, r, cg->t_f32, ""));
    }
    if (d >= 0)
        return scalar(a[0].null, a[0].v);
    bool i32 = type_is_int32(e->type);
    LLVMValueRef v = i32 ? LLVMBuildSExt(cg->b, a[0].v, cg->t_i64, "") : a[0].v;
    LLVMValueRef args[3] = {v, cg_i32(cg, d), cg_i32(cg, mode)};
    v = cg_call(cg, "srt_round_i64", args, 3, "round");
    if (i32) /* RoundBase: ...setScale(_scale, mode).toInt (toByte, toShort: they wrap) */
        v = cg_narrow(cg, e->type, LLVMBuildTrunc(cg->b, v, cg->t_i32, ""));
    return scalar(a[0].null, v);
}

/* floor/ceil: a BIGINT (a DOUBLE is rounded, then cast as CAST(x AS BIGINT)); a decimal is
   rounded to scale 0 (Spark's Decimal.floor and ceil). */
static CgVal call_floor_ceil(CgCtx *cg, const SExpr *e, CgVal *a)
{
    switch (e->u.call.args[0]->type->kind) {
    case TY_DECIMAL:
        return cg_dec_round(cg, a[0], e->u.call.args[0]->type->scale, 0,
                            e->u.call.fn == FN_FLOOR ? SRT_DEC_FLOOR : SRT_DEC_CEILING,
                            e->type->precision);
    case TY_FLOAT: /* Floor and Ceil take a DOUBLE (ImplicitCastInputTypes) */
        a[0].v = LLVMBuildFPExt(cg->b, a[0].v, cg->t_f64, "");
        /* fall through */
    case TY_DOUBLE: {
        const char *in = e->u.call.fn == FN_FLOOR ? "llvm.floor.f64" : "llvm.ceil.f64";
        return cg_cast(cg, scalar(a[0].null, math_intrinsic(cg, in, a[0].v)), &type_double,
                       &type_bigint, e->span);
    }
    case TY_TINYINT:
    case TY_SMALLINT:
    case TY_INT:
        return scalar(a[0].null, LLVMBuildSExt(cg->b, a[0].v, cg->t_i64, ""));
    default:
        return scalar(a[0].null, a[0].v);
    }
}

static CgVal call_unix_timestamp(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args;
    CgVal ts;
    if (n == 0) {
        ts = scalar(cg_i1(cg, 0), call_at_entry(cg, "srt_query_batch_ts", &cg->q, 1, "now"));
    } else if (e->u.call.args[0]->type->kind == TY_STRING) {
        ts = parse_with_format(cg, a[0], n > 1 ? a[1] : const_string(cg, "yyyy-MM-dd HH:mm:ss"),
                               n > 1 ? e->u.call.args[1] : NULL, false);
    } else {
        ts = scalar(any_null(cg, a, n), a[0].v);
    }
    /* seconds toward zero: ToTimestamp's micros / MICROS_PER_SECOND (Java's long division;
       1969-12-31 23:59:59.5 is 0), not CAST(ts AS BIGINT)'s floorDiv */
    return scalar(ts.null, LLVMBuildSDiv(cg->b, ts.v, cg_i64(cg, CM_US_PER_SECOND), "unix.s"));
}

/* CAST(s AS DATE | TIMESTAMP | TIMESTAMP_NTZ) of a foldable string s (sema's
   FN_SPECIAL_DATETIME of one argument): the special value s names at the batch's time
   (srt_special_datetime), else the cast of s. */
static CgVal cast_special_datetime(CgCtx *cg, const SExpr *e, CgVal s)
{
    LLVMValueRef now = call_at_entry(cg, "srt_query_batch_ts", &cg->q, 1, "now");
    LLVMValueRef out = cg_alloca(cg, cg->t_i64, "special.out");
    LLVMValueRef args[5] = {s.v, cg_select(cg, s.null, cg_i32(cg, 0), s.len),
                            cg_i32(cg, e->type->kind == TY_DATE), now, out};
    LLVMValueRef hit =
        LLVMBuildICmp(cg->b, LLVMIntNE, cg_call(cg, "srt_special_datetime", args, 5, "special.rc"),
                      cg_i32(cg, 0), "special.hit");
    CgVal c = cg_cast(cg, s, &type_string, e->type, e->span);
    return scalar(cg_and(cg, c.null, cg_not(cg, hit)),
                  cg_select(cg, hit, cg_load(cg, cg->t_i64, out, "special.v"), c.v));
}

/* A special datetime value (sema's FN_SPECIAL_DATETIME), cm_special_value over the clock
   read when the query started (a typed literal) or the batch's time (a cast, as
   current_date() and current_timestamp() read it): 'now' that time, else its day (UTC, the
   session zone) moved by 'yesterday' or 'tomorrow', as a DATE or at its midnight. */
static CgVal call_special_datetime(CgCtx *cg, const SExpr *e, const CgVal *a)
{
    if (e->u.call.n_args == 1) /* a cast of a foldable string */
        return cast_special_datetime(cg, e, a[0]);
    CmSpecial w = (CmSpecial)e->u.call.args[0]->u.value.i;
    bool per_batch = e->u.call.args[1]->u.value.i != 0;
    CgVal now = scalar(cg_i1(cg, 0),
                       per_batch ? call_at_entry(cg, "srt_query_batch_ts", &cg->q, 1, "now")
                                 : call_at_entry(cg, "srt_query_start_ts", &cg->q, 1, "start"));
    if (w == CM_SPECIAL_NOW && e->type->kind != TY_DATE)
        return now;
    CgVal day = cg_cast(cg, now, &type_timestamp, &type_date, e->span);
    int64_t by = w == CM_SPECIAL_YESTERDAY ? -1 : w == CM_SPECIAL_TOMORROW ? 1 : 0;
    day.v = LLVMBuildAdd(cg->b, day.v, cg_i64(cg, by), "special.day");
    return e->type->kind == TY_DATE ? day : cg_cast(cg, day, &type_date, e->type, e->span);
}

/* ==== concat_ws ... get_json_object ====
   Spark 3.5: stringExpressions.scala (ConcatWs, StringLPad, StringRPad, StringRepeat,
   Reverse, InitCap, StringInstr, StringLocate), datetimeExpressions.scala (CurrentDate via
   CurrentBatchTimestamp, ParseToDate, TruncTimestamp, DateAdd, DateSub, DateDiff) and
   jsonExpressions.scala (GetJsonObject). */

/* concat_ws(sep, parts...): the separator and the parts go to the runtime as arrays of
   pointers, lengths and kinds (a NULL part is skipped; only a NULL separator makes the
   result NULL). */
static CgVal call_concat_ws(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int k = e->u.call.n_args;
    LLVMValueRef ps = cg_alloca(cg, LLVMArrayType(cg->t_ptr, (unsigned)k), "ws.ps");
    LLVMValueRef ns = cg_alloca(cg, LLVMArrayType(cg->t_i32, (unsigned)k), "ws.ns");
    LLVMValueRef ks = cg_alloca(cg, LLVMArrayType(cg->t_i8, (unsigned)k), "ws.kinds");
    for (int i = 0; i < k; i++) {
        CgVal p = a[i];
        int kind = e->u.call.args[i]->type->kind == TY_ARRAY ? SRT_WS_ARRAY : SRT_WS_STRING;
        cg_store(cg, p.v, cg_gepc(cg, ps, (uint64_t)i * sizeof(void *), ""));
        cg_store(cg, p.len, cg_gepc(cg, ns, (uint64_t)i * 4, ""));
        cg_store(cg, cg_select(cg, p.null, LLVMConstInt(cg->t_i8, SRT_WS_NULL, 0),
                               LLVMConstInt(cg->t_i8, (unsigned long long)kind, 0)),
                 cg_gepc(cg, ks, (uint64_t)i, ""));
    }
    LLVMValueRef args[7] = {cg->q, LLVMBuildPointerCast(cg->b, ps, cg->t_ptr, ""),
                            LLVMBuildPointerCast(cg->b, ns, cg->t_ptr, ""),
                            LLVMBuildPointerCast(cg->b, ks, cg->t_ptr, ""), cg_i32(cg, k)};
    return string_result(cg, "srt_str_concat_ws", args, 5, a[0].null, 1);
}

/* lpad/rpad(s, len[, pad]): the pad is ' ' by default. */
static CgVal call_pad(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args;
    CgVal pad = n > 2 ? a[2] : const_string(cg, " ");
    LLVMValueRef args[8] = {cg->q, a[0].v, a[0].len, a[1].v, pad.v, pad.len};
    return string_result(cg, e->u.call.fn == FN_LPAD ? "srt_str_lpad" : "srt_str_rpad", args, 6,
                         cg_or(cg, any_null(cg, a, 2), pad.null), 1);
}

/* locate(substr, str[, pos]): StringLocate.eval gives 0 for a NULL pos (before looking at
   the other arguments), else NULL when substr or str is. */
static CgVal call_locate(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args;
    LLVMValueRef pos = n > 2 ? a[2].v : cg_i32(cg, 1);
    LLVMValueRef args[5] = {a[1].v, a[1].len, a[0].v, a[0].len, pos};
    LLVMValueRef v = cg_call(cg, "srt_str_locate", args, 5, "locate");
    if (n < 3)
        return scalar(any_null(cg, a, 2), v);
    LLVMValueRef pos_null = a[2].null;
    LLVMValueRef null = LLVMBuildAnd(cg->b, LLVMBuildNot(cg->b, pos_null, ""), any_null(cg, a, 2), "");
    return scalar(null, cg_select(cg, pos_null, cg_i32(cg, 0), v));
}

/* to_date(s, fmt) of a STRING: CAST(to_timestamp(s, fmt) AS DATE); any other to_date is the
   cast sema put on its first argument. */
static CgVal call_to_date(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args;
    if (n == 2 && e->u.call.args[0]->type->kind == TY_STRING) {
        return cg_cast(cg, parse_with_format(cg, a[0], a[1], e->u.call.args[1], false),
                       &type_timestamp, &type_date, e->span);
    }
    return scalar(any_null(cg, a, n), a[0].v);
}

/* date_trunc(unit, ts) (TruncTimestamp) and trunc(date, unit) (TruncDate): NULL for an
   unknown unit, and for trunc a unit shorter than a week (DAY, HOUR, ...).  A constant unit
   is read once per call of the generated function (Spark parses a foldable format once). */
static CgVal call_trunc(CgCtx *cg, const SExpr *e, CgVal *a)
{
    bool date = e->u.call.fn == FN_TRUNC;
    int u = date ? 1 : 0;
    const SExpr *unit = e->u.call.args[u];
    LLVMValueRef level;
    if (is_null_const(unit))
        return cg_null_of(cg, e->type);
    if (unit->kind == SX_CONST) {
        LLVMValueRef args[2] = {cg_str_const(cg, unit->u.value.s, unit->u.value.n, "unit"),
                                cg_i32(cg, unit->u.value.n)};
        level = call_at_entry(cg, "srt_trunc_level", args, 2, "trunc.level");
    } else {
        LLVMValueRef args[2] = {a[u].v, a[u].len};
        level = cg_call(cg, "srt_trunc_level", args, 2, "trunc.level");
    }
    LLVMValueRef low =
        LLVMBuildICmp(cg->b, LLVMIntSLT, level, cg_i32(cg, date ? SRT_TRUNC_WEEK : 0), "");
    LLVMValueRef args[2] = {a[1 - u].v, level};
    return scalar(cg_or(cg, any_null(cg, a, 2), low),
                  cg_call(cg, date ? "srt_date_trunc" : "srt_ts_trunc", args, 2, "trunc"));
}

/* date_add, date_sub, datediff: Java int arithmetic on days (wraps, as DateAdd's
   start + d), the DATE kept in an i64. */
static CgVal call_date_arith(CgCtx *cg, const SExpr *e, CgVal *a)
{
    LLVMValueRef x = LLVMBuildTrunc(cg->b, a[0].v, cg->t_i32, "");
    LLVMValueRef y = e->u.call.fn != FN_DATEDIFF && e->u.call.fn != FN_DATE_DIFF
                         ? a[1].v
                         : LLVMBuildTrunc(cg->b, a[1].v, cg->t_i32, "");
    bool add = e->u.call.fn == FN_DATE_ADD || e->u.call.fn == FN_DATEADD;
    LLVMValueRef r = add ? LLVMBuildAdd(cg->b, x, y, "date") : LLVMBuildSub(cg->b, x, y, "date");
    if (e->u.call.fn != FN_DATEDIFF && e->u.call.fn != FN_DATE_DIFF)
        r = LLVMBuildSExt(cg->b, r, cg->t_i64, "");
    return scalar(any_null(cg, a, 2), r);
}

/* ==== Dates: last_day ... timestamp_micros (datetimeExpressions.scala) ==== */

/* A runtime date function `int f(..., int64_t *out)` returning 0, SRT_DATE_INVALID (NULL) or
   SRT_DATE_OVERFLOW: java.time's day number beyond an INT, where localDateToDays'
   Math.toIntExact throws and the query fails. */
static CgVal date_result(CgCtx *cg, const char *fn, const char *sql, LLVMValueRef *args, unsigned n,
                         LLVMValueRef null)
{
    LLVMValueRef out = cg_alloca(cg, cg->t_i64, "date.out");
    args[n] = out;
    LLVMValueRef rc = cg_call(cg, fn, args, n + 1, "date.rc");
    char msg[96];
    snprintf(msg, sizeof msg, "%s: integer overflow", sql);
    cg_fail_if(cg,
               cg_and(cg, cg_not(cg, null),
                      LLVMBuildICmp(cg->b, LLVMIntEQ, rc, cg_i32(cg, SRT_DATE_OVERFLOW), "")),
               msg);
    null = cg_or(cg, null, LLVMBuildICmp(cg->b, LLVMIntNE, rc, cg_i32(cg, 0), ""));
    return scalar(null, cg_load(cg, cg->t_i64, out, "date"));
}

/* x * f as Java's Math.multiplyExact: the query fails on overflow ("long overflow"). */
static LLVMValueRef mul_exact(CgCtx *cg, CgVal x, int64_t f, const char *sql)
{
    LLVMValueRef v = x.v, ovf;
    if (LLVMTypeOf(v) != cg->t_i64)
        v = LLVMBuildSExt(cg->b, v, cg->t_i64, "");
    LLVMValueRef r = cg_int_overflow_op(cg, "smul", v, cg_i64(cg, f), &ovf);
    char msg[96];
    snprintf(msg, sizeof msg, "%s: long overflow", sql);
    cg_fail_if(cg, cg_and(cg, cg_not(cg, x.null), ovf), msg);
    return r;
}

/* timestamp_seconds of a DECIMAL(p, s): toJavaBigDecimal.multiply(10^6).longValueExact(),
   which throws "Rounding necessary" when digits remain after the micros and "Overflow"
   beyond a BIGINT. */
static LLVMValueRef dec_seconds_to_micros(CgCtx *cg, CgVal x, int s)
{
    __int128 f = 1;
    for (int i = 6; i < s; i++)
        f *= 10;
    LLVMValueRef v = x.v, live = cg_not(cg, x.null);
    if (s > 6) {
        LLVMValueRef rem = LLVMBuildSRem(cg->b, v, cg_dec_const(cg, f), "");
        cg_fail_if(cg,
                   cg_and(cg, live, LLVMBuildICmp(cg->b, LLVMIntNE, rem, cg_dec_const(cg, 0), "")),
                   "timestamp_seconds: Rounding necessary");
        v = LLVMBuildSDiv(cg->b, v, cg_dec_const(cg, f), "");
        f = 1;
    }
    for (int i = s; i < 6; i++)
        f *= 10;
    __int128 hi = (__int128)INT64_MAX / f, lo = (__int128)INT64_MIN / f;
    LLVMValueRef out = cg_or(cg, LLVMBuildICmp(cg->b, LLVMIntSGT, v, cg_dec_const(cg, hi), ""),
                             LLVMBuildICmp(cg->b, LLVMIntSLT, v, cg_dec_const(cg, lo), ""));
    cg_fail_if(cg, cg_and(cg, live, out), "timestamp_seconds: Overflow");
    return LLVMBuildMul(cg->b, LLVMBuildTrunc(cg->b, v, cg->t_i64, ""), cg_i64(cg, (int64_t)f), "");
}

/* timestamp_seconds (SecondsToTimestamp): integers by Math.multiplyExact; a FLOAT or DOUBLE
   is NULL when NaN or infinite, else (long)(x * 10^6), which saturates. */
static CgVal call_seconds_to_ts(CgCtx *cg, const SExpr *e, CgVal *a)
{
    const Type *t = e->u.call.args[0]->type;
    if (t->kind == TY_DECIMAL)
        return scalar(a[0].null, dec_seconds_to_micros(cg, a[0], t->scale));
    if (!type_is_fractional(t))
        return scalar(a[0].null, mul_exact(cg, a[0], CM_US_PER_SECOND, "timestamp_seconds"));
    LLVMValueRef d = t->kind == TY_FLOAT ? LLVMBuildFPExt(cg->b, a[0].v, cg->t_f64, "") : a[0].v;
    LLVMValueRef inf = math_intrinsic(cg, "llvm.fabs.f64", d);
    LLVMValueRef bad = LLVMBuildFCmp(cg->b, LLVMRealUGE, inf, cg_f64(cg, INFINITY), "nan.inf");
    CgVal us = scalar(cg_or(cg, a[0].null, bad), LLVMBuildFMul(cg->b, d, cg_f64(cg, 1e6), ""));
    return cg_cast(cg, us, &type_double, &type_bigint, e->span);
}

/* floorDiv(x, f) (TimestampToLongBase). */
static LLVMValueRef floor_div(CgCtx *cg, LLVMValueRef x, int64_t f)
{
    LLVMValueRef q = LLVMBuildSDiv(cg->b, x, cg_i64(cg, f), "");
    LLVMValueRef r = LLVMBuildSRem(cg->b, x, cg_i64(cg, f), "");
    LLVMValueRef neg = LLVMBuildICmp(cg->b, LLVMIntSLT, r, cg_i64(cg, 0), "");
    return cg_select(cg, neg, LLVMBuildSub(cg->b, q, cg_i64(cg, 1), ""), q);
}

/* date_part(field, source) (Extract.parseExtractField): the field's expression on the DATE
   or TIMESTAMP sema made of source; DAYOFWEEK_ISO is weekday + 1, SECOND the seconds with
   the microseconds as a DECIMAL(8, 6). */
static CgVal call_date_part(CgCtx *cg, const SExpr *e, CgVal *a)
{
    const SExpr *f = e->u.call.args[0];
    static const char *const fns[] = {
        [DP_YEAR] = "srt_date_year",           [DP_YEAROFWEEK] = "srt_date_yearofweek",
        [DP_QUARTER] = "srt_date_quarter",     [DP_MONTH] = "srt_date_month",
        [DP_WEEK] = "srt_date_weekofyear",     [DP_DAY] = "srt_date_day",
        [DP_DAYOFWEEK] = "srt_date_dayofweek", [DP_DAYOFWEEK_ISO] = "srt_date_weekday",
        [DP_DOY] = "srt_date_dayofyear",       [DP_HOUR] = "srt_ts_hour",
        [DP_MINUTE] = "srt_ts_minute",
    };
    int part = sema_date_part(f->u.value.s, f->u.value.n);
    if (type_is_ansi_interval(e->u.call.args[1]->type))
        return cg_interval_part(cg, part, a[1]);
    LLVMValueRef x = a[1].v;
    if (part == DP_SECOND) {
        LLVMValueRef m = LLVMBuildSRem(cg->b, x, cg_i64(cg, 60 * CM_US_PER_SECOND), "");
        LLVMValueRef neg = LLVMBuildICmp(cg->b, LLVMIntSLT, m, cg_i64(cg, 0), "");
        m = cg_select(cg, neg, LLVMBuildAdd(cg->b, m, cg_i64(cg, 60 * CM_US_PER_SECOND), ""), m);
        return scalar(a[1].null, LLVMBuildSExt(cg->b, m, cg_dec_type(cg), "second"));
    }
    LLVMValueRef v = cg_call(cg, fns[part], &x, 1, "date_part");
    if (part == DP_DAYOFWEEK_ISO)
        v = LLVMBuildAdd(cg->b, v, cg_i64(cg, 1), "");
    return scalar(a[1].null, LLVMBuildTrunc(cg->b, v, cg->t_i32, ""));
}

/* The constant zone tz (a string sema resolved): a region's rules, read from the tz
   database as sema did, as a constant i64 table of the module (common/cm_tz.h; one per zone)
   for the runtime to evaluate; a null pointer for a fixed offset (*off_s). */
static LLVMValueRef zone_table(CgCtx *cg, const SExpr *tz, int32_t *off_s)
{
    CmZone z;
    cm_zone_resolve(tz->u.value.s, tz->u.value.n, &z);
    *off_s = z.off_s;
    if (z.kind == CM_ZONE_FIXED)
        return LLVMConstNull(cg->t_ptr);
    if (z.kind != CM_ZONE_RULES)
        SL_UNREACHABLE();
    char name[96];
    snprintf(name, sizeof name, "tz.%s", z.region);
    LLVMValueRef table = LLVMGetNamedGlobal(cg->mod, name);
    if (table) {
        table = LLVMConstPointerCast(table, cg->t_ptr);
    } else {
        LLVMValueRef *v = ARENA_NEW_N(cg->arena, LLVMValueRef, z.len);
        for (size_t i = 0; i < z.len; i++)
            v[i] = cg_i64(cg, z.table[i]);
        table = cg_const_global(cg, LLVMConstArray(cg->t_i64, v, (unsigned)z.len), name);
    }
    free(z.table);
    return table;
}

/* from_utc_timestamp / to_utc_timestamp with the zone a string of the row:
   srt_tz_shift_id, called only when the timestamp and the zone are not NULL (nullSafeEval),
   reads the zone (an unknown one fails the query there, as getZoneId throws in Spark). */
static CgVal call_utc_shift_id(CgCtx *cg, bool from, CgVal *a)
{
    LLVMValueRef null = cg_or(cg, a[0].null, a[1].null);
    LLVMValueRef out = cg_alloca(cg, cg->t_i64, "tz.out");
    cg_store(cg, cg_i64(cg, 0), out);
    LLVMBasicBlockRef bb_call = cg_block(cg, "tz.call"), bb_done = cg_block(cg, "tz.done");
    LLVMBuildCondBr(cg->b, null, bb_done, bb_call);
    cg_at(cg, bb_call);
    LLVMValueRef args[6] = {cg->q, a[0].v, a[1].v, a[1].len, cg_i32(cg, !from), out};
    LLVMValueRef rc = cg_call(cg, "srt_tz_shift_id", args, 6, "tz.rc");
    cg_fail_if(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, rc, cg_i32(cg, SRT_DATE_OVERFLOW), ""),
               from ? "from_utc_timestamp: long overflow" : "to_utc_timestamp: long overflow");
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
    return scalar(null, cg_load(cg, cg->t_i64, out, "tz.v"));
}

/* from_utc_timestamp / to_utc_timestamp with a region zone (sema_bind_utc_shift):
   srt_tz_from_utc/srt_tz_to_utc over the zone's table when it is a constant. */
static CgVal call_utc_shift(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int32_t off;
    bool from = e->u.call.fn == FN_FROM_UTC_TIMESTAMP;
    if (e->u.call.args[1]->kind != SX_CONST)
        return call_utc_shift_id(cg, from, a);
    LLVMValueRef out = cg_alloca(cg, cg->t_i64, "tz.out");
    LLVMValueRef args[3] = {a[0].v, zone_table(cg, e->u.call.args[1], &off), out};
    LLVMValueRef rc = cg_call(cg, from ? "srt_tz_from_utc" : "srt_tz_to_utc", args, 3, "tz.rc");
    cg_fail_if(cg, cg_and(cg, cg_not(cg, a[0].null), LLVMBuildICmp(cg->b, LLVMIntNE, rc, cg_i32(cg, 0), "")),
               from ? "from_utc_timestamp: long overflow" : "to_utc_timestamp: long overflow");
    return scalar(a[0].null, cg_load(cg, cg->t_i64, out, "tz.v"));
}

static CgVal call_date_fn(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args;
    const char *sql = sema_func_name(e->u.call.fn);
    switch (e->u.call.fn) {
    case FN_LAST_DAY: {
        LLVMValueRef v = a[0].v;
        return scalar(a[0].null, cg_call(cg, "srt_date_last_day", &v, 1, "last_day"));
    }
    case FN_ADD_MONTHS: {
        LLVMValueRef args[3] = {a[0].v, a[1].v};
        return date_result(cg, "srt_date_add_months", sql, args, 2, any_null(cg, a, 2));
    }
    case FN_NEXT_DAY: {
        LLVMValueRef args[4] = {a[0].v, a[1].v, a[1].len};
        return date_result(cg, "srt_date_next_day", sql, args, 3, any_null(cg, a, 2));
    }
    case FN_MAKE_TIMESTAMP:
    case FN_MAKE_TIMESTAMP_LTZ:
    case FN_MAKE_TIMESTAMP_NTZ: { /* NTZ: the local date-time, as in the session zone UTC */
        /* sema checked the zone: a constant it resolved, NULL (a NULL result), or a string
           of the row, read by srt_make_timestamp_id (a NULL one read as "", no zone) */
        int32_t off = 0;
        const SExpr *tz = n > 6 ? e->u.call.args[6] : NULL;
        bool row_zone = tz && tz->kind != SX_CONST;
        LLVMValueRef zone = tz && !row_zone && !tz->u.value.is_null ? zone_table(cg, tz, &off)
                                                                    : LLVMConstNull(cg->t_ptr);
        LLVMValueRef sec = LLVMBuildTrunc(cg->b, a[5].v, cg->t_i64, "sec.us");
        LLVMValueRef args[10] = {a[0].v, a[1].v, a[2].v,          a[3].v,
                                 a[4].v, sec,    cg_i32(cg, off), zone};
        if (row_zone) {
            args[6] = cg_select(cg, a[6].null, cg_str_const(cg, "", 0, "tz.none"), a[6].v);
            args[7] = cg_select(cg, a[6].null, cg_i32(cg, 0), a[6].len);
        }
        LLVMValueRef out = cg_alloca(cg, cg->t_i64, "mkts");
        args[8] = out;
        LLVMValueRef null = any_null(cg, a, n);
        LLVMValueRef rc = cg_call(cg, row_zone ? "srt_make_timestamp_id" : "srt_make_timestamp",
                                  args, 9, "mkts.rc");
        cg_fail_if(cg, cg_and(cg, cg_not(cg, null), LLVMBuildICmp(cg->b, LLVMIntEQ, rc, cg_i32(cg, SRT_DATE_OVERFLOW), "")),
                   "make_timestamp: long overflow");
        null = cg_or(cg, null, LLVMBuildICmp(cg->b, LLVMIntNE, rc, cg_i32(cg, 0), ""));
        return scalar(null, cg_load(cg, cg->t_i64, out, "mkts.v"));
    }
    case FN_MAKE_DT_INTERVAL:
    case FN_MAKE_YM_INTERVAL:
        return cg_make_interval(cg, e, a);
    case FN_MAKE_DATE: {
        LLVMValueRef args[4] = {a[0].v, a[1].v, a[2].v};
        return date_result(cg, "srt_make_date", sql, args, 3, any_null(cg, a, 3));
    }
    case FN_MONTHS_BETWEEN: { /* roundOff defaults to true */
        LLVMValueRef r = n > 2 ? LLVMBuildZExt(cg->b, a[2].v, cg->t_i32, "") : cg_i32(cg, 1);
        LLVMValueRef args[3] = {a[0].v, a[1].v, r};
        return scalar(any_null(cg, a, n), cg_call(cg, "srt_months_between", args, 3, "months"));
    }
    case FN_TRUNC:
        return call_trunc(cg, e, a);
    case FN_DATE_PART:
    case FN_DATEPART:
    case FN_EXTRACT:
        return call_date_part(cg, e, a);
    case FN_UNIX_DATE: /* the days as an INT */
        return scalar(a[0].null, LLVMBuildTrunc(cg->b, a[0].v, cg->t_i32, "unix_date"));
    case FN_DATE_FROM_UNIX_DATE:
        return scalar(a[0].null, LLVMBuildSExt(cg->b, a[0].v, cg->t_i64, "date"));
    case FN_UNIX_SECONDS:
        return scalar(a[0].null, floor_div(cg, a[0].v, CM_US_PER_SECOND));
    case FN_UNIX_MILLIS:
        return scalar(a[0].null, floor_div(cg, a[0].v, CM_US_PER_MS));
    case FN_UNIX_MICROS:
        return a[0];
    case FN_TIMESTAMP_SECONDS:
        return call_seconds_to_ts(cg, e, a);
    case FN_TIMESTAMP_MILLIS:
        return scalar(a[0].null, mul_exact(cg, a[0], CM_US_PER_MS, sql));
    case FN_TIMESTAMP_MICROS:
        return scalar(a[0].null, mul_exact(cg, a[0], 1, sql));
    default:
        SL_UNREACHABLE();
    }
}

/* ==== More math: log, isnan, nanvl, factorial (mathExpressions.scala) ==== */

/* x <= y (false for NaN) */
static LLVMValueRef le(CgCtx *cg, LLVMValueRef x, double y)
{
    return LLVMBuildFCmp(cg->b, LLVMRealOLE, x, cg_f64(cg, y), "");
}

/* mask(s[, upper[, lower[, digit[, other]]]]): Mask's defaults 'X', 'x', 'n' and NULL (keep)
   for the replacements not given; a NULL one is passed as the length UINT32_MAX. */
static CgVal call_mask(CgCtx *cg, CgVal *a, int n)
{
    static const char *const defaults[] = {"X", "x", "n", NULL};
    LLVMValueRef ps = cg_alloca(cg, LLVMArrayType(cg->t_ptr, 4), "mask.ps");
    LLVMValueRef ns = cg_alloca(cg, LLVMArrayType(cg->t_i32, 4), "mask.ns");
    for (int i = 0; i < 4; i++) {
        CgVal r = i + 1 < n ? a[i + 1] : const_string(cg, defaults[i] ? defaults[i] : "");
        LLVMValueRef len = i + 1 < n || defaults[i] ? r.len : cg_i32(cg, -1);
        if (i + 1 < n)
            len = cg_select(cg, r.null, cg_i32(cg, -1), len);
        cg_store(cg, r.v, cg_gepc(cg, ps, (uint64_t)i * sizeof(void *), ""));
        cg_store(cg, len, cg_gepc(cg, ns, (uint64_t)i * 4, ""));
    }
    LLVMValueRef args[7] = {cg->q, a[0].v, a[0].len, ps, ns};
    return string_result(cg, "srt_str_mask", args, 5, a[0].null, 0);
}

/* to_number / try_to_number: srt_to_number, called only when the string and the format are
   not NULL (a NULL string's default "" would fail the query); NULL when it returns
   SRT_DEC_NONE. */
static CgVal call_to_number(CgCtx *cg, const SExpr *e, CgVal *a)
{
    LLVMValueRef null = any_null(cg, a, 2);
    LLVMValueRef out = cg_alloca(cg, cg_dec_type(cg), "tonum.out");
    cg_dec_store(cg, cg_dec_const(cg, SRT_DEC_NONE), out);
    LLVMBasicBlockRef bb_call = cg_block(cg, "tonum.call"), bb_done = cg_block(cg, "tonum.done");
    LLVMBuildCondBr(cg->b, null, bb_done, bb_call);
    cg_at(cg, bb_call);
    LLVMValueRef args[6] = {cg->q,  a[0].v,   a[0].len,
                            a[1].v, a[1].len, cg_i32(cg, e->u.call.fn == FN_TRY_TO_NUMBER)};
    cg_dec_store(cg, cg_dec_call(cg, "srt_to_number", args, 6, "tonum"), out);
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
    LLVMValueRef v = cg_dec_load(cg, out, "tonum.v");
    LLVMValueRef none = LLVMBuildICmp(cg->b, LLVMIntEQ, v, cg_dec_const(cg, SRT_DEC_NONE), "");
    return scalar(none, cg_select(cg, none, cg_dec_const(cg, 0), v));
}

/* to_char(x, fmt) of a DECIMAL (ToCharacter): srt_to_char of its unscaled value. */
static CgVal call_to_char(CgCtx *cg, const SExpr *e, CgVal *a)
{
    LLVMValueRef v = a[0].v;
    LLVMValueRef hi = LLVMBuildTrunc(
        cg->b, LLVMBuildAShr(cg->b, v, LLVMConstInt(cg_dec_type(cg), 64, 0), ""), cg->t_i64, "");
    LLVMValueRef args[8] = {cg->q,  LLVMBuildTrunc(cg->b, v, cg->t_i64, ""),
                            hi,     cg_i32(cg, e->u.call.args[0]->type->scale),
                            a[1].v, a[1].len};
    return string_result(cg, "srt_to_char", args, 6, any_null(cg, a, 2), 0);
}

/* to_binary / try_to_binary, whose format sema_func_math.c's type_to_binary made the STRING
   constant "hex", "base64" or "utf-8", or NULL (a NULL result): srt_to_binary, or Encode(s,
   'UTF-8') as srt_str_encode. */
static CgVal call_to_binary(CgCtx *cg, const SExpr *e, CgVal *a)
{
    const SExpr *f = e->u.call.n_args > 1 ? e->u.call.args[1] : NULL;
    if (f && f->u.value.is_null)
        return cg_null_of(cg, e->type);
    const char *fmt = f ? f->u.value.s : "hex";
    LLVMValueRef args[7] = {cg->q, a[0].v, a[0].len};
    if (strcmp(fmt, "utf-8") == 0) {
        CgVal cs = const_string(cg, "UTF-8");
        args[3] = cs.v, args[4] = cs.len;
        return string_result(cg, "srt_str_encode", args, 5, a[0].null, 1);
    }
    args[3] = cg_i32(cg, strcmp(fmt, "base64") == 0);
    args[4] = cg_i32(cg, e->u.call.fn == FN_TRY_TO_BINARY);
    return string_result(cg, "srt_to_binary", args, 5, a[0].null, 1);
}

static CgVal call_math_fn(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args;
    switch (e->u.call.fn) {
    case FN_LOG: { /* Logarithm: NULL when the base or x is <= 0; log(x) is StrictMath.log(x) */
        LLVMValueRef x = a[n - 1].v;
        LLVMValueRef null = cg_or(cg, any_null(cg, a, n), le(cg, x, 0.0));
        LLVMValueRef v = cg_call(cg, "srt_math_ln", &x, 1, "ln");
        if (n == 1)
            return scalar(null, v);
        LLVMValueRef base = a[0].v;
        null = cg_or(cg, null, le(cg, base, 0.0));
        LLVMValueRef lb = cg_call(cg, "srt_math_ln", &base, 1, "ln.base");
        return scalar(null, LLVMBuildFDiv(cg->b, v, lb, "log"));
    }
    case FN_ISNAN: /* IsNaN: false for NULL */
        return scalar(cg_i1(cg, 0),
                      cg_and(cg, cg_not(cg, a[0].null),
                             LLVMBuildFCmp(cg->b, LLVMRealUNO, a[0].v, a[0].v, "isnan")));
    case FN_NANVL: { /* NaNvl: NULL if a is; b (NULL or not) if a is NaN; else a */
        LLVMValueRef nan = cg_and(cg, cg_not(cg, a[0].null),
                                  LLVMBuildFCmp(cg->b, LLVMRealUNO, a[0].v, a[0].v, ""));
        return cg_val_select(cg, e->type, nan, a[1], a[0]);
    }
    case FN_FACTORIAL: { /* Factorial: NULL outside 0..20 */
        LLVMValueRef x = a[0].v;
        LLVMValueRef out = cg_or(cg, LLVMBuildICmp(cg->b, LLVMIntSLT, x, cg_i32(cg, 0), ""),
                                 LLVMBuildICmp(cg->b, LLVMIntSGT, x, cg_i32(cg, 20), ""));
        return scalar(cg_or(cg, a[0].null, out), cg_call(cg, "srt_math_factorial", &x, 1, "fact"));
    }
    case FN_SHIFTLEFT: /* Java's <<, >>, >>>: the count masked to the width (31 or 63) */
    case FN_SHIFTRIGHT:
    case FN_SHIFTRIGHTUNSIGNED: {
        LLVMTypeRef t = LLVMTypeOf(a[0].v);
        unsigned w = LLVMGetIntTypeWidth(t);
        LLVMValueRef k = w == 32 ? a[1].v : LLVMBuildSExt(cg->b, a[1].v, t, "");
        k = LLVMBuildAnd(cg->b, k, LLVMConstInt(t, w - 1, 0), "");
        LLVMValueRef v = e->u.call.fn == FN_SHIFTLEFT    ? LLVMBuildShl(cg->b, a[0].v, k, "shl")
                         : e->u.call.fn == FN_SHIFTRIGHT ? LLVMBuildAShr(cg->b, a[0].v, k, "shr")
                                                         : LLVMBuildLShr(cg->b, a[0].v, k, "ushr");
        return scalar(any_null(cg, a, 2), v);
    }
    case FN_BIT_COUNT: { /* Integer.bitCount, Long.bitCount; a BOOLEAN counts 1 or 0 */
        LLVMValueRef v = a[0].v;
        LLVMTypeRef t = LLVMTypeOf(v);
        if (LLVMGetIntTypeWidth(t) == 1)
            return scalar(a[0].null, LLVMBuildZExt(cg->b, v, cg->t_i32, ""));
        char name[24];
        snprintf(name, sizeof name, "llvm.ctpop.i%u", LLVMGetIntTypeWidth(t));
        v = math_intrinsic(cg, name, v);
        return scalar(a[0].null, t == cg->t_i32 ? v : LLVMBuildTrunc(cg->b, v, cg->t_i32, ""));
    }
    case FN_OVERLAY: { /* Overlay: len -1 (its default) means the replacement's length */
        LLVMValueRef args[10] = {cg->q,
                                 a[0].v,
                                 a[0].len,
                                 a[1].v,
                                 a[1].len,
                                 a[2].v,
                                 n > 3 ? a[3].v : cg_i32(cg, -1),
                                 cg_i32(cg, e->type->kind == TY_BINARY)};
        return string_result(cg, "srt_str_overlay", args, 8, any_null(cg, a, n), 0);
    }
    case FN_TO_NUMBER:
    case FN_TRY_TO_NUMBER:
        return call_to_number(cg, e, a);
    case FN_TO_CHAR_NUMBER:
        return call_to_char(cg, e, a);
    case FN_TO_BINARY:
    case FN_TRY_TO_BINARY:
        return call_to_binary(cg, e, a);
    case FN_BIN: {
        LLVMValueRef args[4] = {cg->q, a[0].v};
        return string_result(cg, "srt_num_bin", args, 2, a[0].null, 0);
    }
    case FN_CONV: {
        LLVMValueRef args[7] = {cg->q, a[0].v, a[0].len, a[1].v, a[2].v};
        return string_result(cg, "srt_num_conv", args, 5, any_null(cg, a, 3), 1);
    }
    case FN_WIDTH_BUCKET: {
        LLVMValueRef out = cg_alloca(cg, cg->t_i64, "wb");
        LLVMValueRef args[5] = {a[0].v, a[1].v, a[2].v, a[3].v, out};
        LLVMValueRef rc = cg_call(cg, "srt_math_width_bucket", args, 5, "wb.rc");
        LLVMValueRef null = cg_or(cg, any_null(cg, a, 4), LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_i32(cg, 0), ""));
        return scalar(null, cg_load(cg, cg->t_i64, out, "wb.v"));
    }
    case FN_FORMAT_NUMBER: { /* FormatNumber: NULL for d < 0 */
        const Type *t = e->u.call.args[0]->type;
        if (e->u.call.args[1]->type->kind == TY_STRING) { /* a DecimalFormat pattern */
            LLVMValueRef null = any_null(cg, a, 2);
            if (type_is_fractional(t)) {
                LLVMValueRef x = t->kind == TY_FLOAT ? LLVMBuildFPExt(cg->b, a[0].v, cg->t_f64, "") : a[0].v;
                LLVMValueRef args[6] = {cg->q, x, a[1].v, a[1].len};
                return string_result(cg, "srt_format_number_pat_f64", args, 4, null, 1);
            }
            LLVMValueRef v = t->kind == TY_DECIMAL ? a[0].v : LLVMBuildSExt(cg->b, a[0].v, cg_dec_type(cg), "");
            LLVMValueRef hi = LLVMBuildTrunc(cg->b, LLVMBuildAShr(cg->b, v, LLVMConstInt(cg_dec_type(cg), 64, 0), ""),
                                             cg->t_i64, "");
            LLVMValueRef args[8] = {cg->q, LLVMBuildTrunc(cg->b, v, cg->t_i64, ""), hi,
                                    cg_i32(cg, t->kind == TY_DECIMAL ? t->scale : 0), a[1].v, a[1].len};
            return string_result(cg, "srt_format_number_pat_dec", args, 6, null, 1);
        }
        LLVMValueRef null = cg_or(cg, any_null(cg, a, 2),
                                  LLVMBuildICmp(cg->b, LLVMIntSLT, a[1].v, cg_i32(cg, 0), ""));
        LLVMValueRef d = cg_select(cg, null, cg_i32(cg, 0), a[1].v);
        if (type_is_fractional(t)) {
            LLVMValueRef x = t->kind == TY_FLOAT ? LLVMBuildFPExt(cg->b, a[0].v, cg->t_f64, "") : a[0].v;
            LLVMValueRef args[5] = {cg->q, x, d};
            return string_result(cg, "srt_format_number_f64", args, 3, null, 0);
        }
        LLVMValueRef v = t->kind == TY_DECIMAL ? a[0].v : LLVMBuildSExt(cg->b, a[0].v, cg_dec_type(cg), "");
        LLVMValueRef hi = LLVMBuildTrunc(cg->b, LLVMBuildAShr(cg->b, v, LLVMConstInt(cg_dec_type(cg), 64, 0), ""),
                                         cg->t_i64, "");
        LLVMValueRef args[7] = {cg->q, LLVMBuildTrunc(cg->b, v, cg->t_i64, ""), hi,
                                cg_i32(cg, t->kind == TY_DECIMAL ? t->scale : 0), d};
        return string_result(cg, "srt_format_number_dec", args, 5, null, 0);
    }
    case FN_FORMAT_STRING: /* srt_format_string over the values as datums and their kinds */
    case FN_PRINTF: {
        char kinds[65] = {0};
        SExpr *const *x = e->u.call.args;
        uint64_t size = cg_datum_size(cg);
        LLVMValueRef sz[2] = {cg->q, cg_i64(cg, (int64_t)(size * (uint64_t)n))};
        LLVMValueRef argv = cg_call(cg, "srt_scratch_alloc", sz, 2, "fmt.args");
        for (int i = 1; i < n; i++) {
            const Type *t = x[i]->type;
            kinds[i - 1] = t->kind == TY_TINYINT                             ? 'y' /* Byte */
                           : t->kind == TY_SMALLINT                          ? 'h' /* Short */
                           : t->kind == TY_INT || t->kind == TY_DATE         ? 'i'
                           : t->kind == TY_BIGINT || t->kind == TY_TIMESTAMP ? 'l'
                           : t->kind == TY_DOUBLE                            ? 'd'
                           : t->kind == TY_FLOAT                             ? 'f'
                           : t->kind == TY_BOOLEAN                           ? 'b'
                           : x[i]->kind == SX_CAST && x[i]->u.arg->type->kind == TY_DECIMAL ? 'D'
                                                                                            : 's';
            cg_store_datum(cg, t, a[i], cg_gepc(cg, argv, size * (uint64_t)(i - 1), ""), false);
        }
        CgVal k = const_string(cg, kinds);
        LLVMValueRef args[9] = {cg->q, a[0].v, a[0].len, argv, cg_i32(cg, n - 1), k.v};
        return string_result(cg, "srt_format_string", args, 6, a[0].null, 1);
    }
    case FN_ENCODE:
    case FN_DECODE: {
        LLVMValueRef args[7] = {cg->q, a[0].v, a[0].len, a[1].v, a[1].len};
        return string_result(cg, e->u.call.fn == FN_ENCODE ? "srt_str_encode" : "srt_str_decode",
                             args, 5, any_null(cg, a, 2), 1);
    }
    case FN_URL_ENCODE: {
        LLVMValueRef args[5] = {cg->q, a[0].v, a[0].len};
        return string_result(cg, "srt_url_encode", args, 3, a[0].null, 0);
    }
    case FN_URL_DECODE: { /* fails the query on a malformed escape */
        LLVMValueRef args[5] = {cg->q, a[0].v, a[0].len};
        return string_result(cg, "srt_url_decode", args, 3, a[0].null, 1);
    }
    case FN_PARSE_URL: { /* NULL for an invalid URL, an unknown part, no key found */
        CgVal key = n > 2 ? a[2] : const_string(cg, "");
        LLVMValueRef args[10] = {cg->q,    a[0].v, a[0].len, a[1].v,
                                 a[1].len, key.v,  key.len,  cg_i32(cg, n > 2)};
        return string_result(cg, "srt_parse_url", args, 8, any_null(cg, a, n), 1);
    }
    case FN_MASK:
        return call_mask(cg, a, n);
    case FN_LUHN_CHECK: {
        LLVMValueRef args[3] = {cg->q, a[0].v, a[0].len};
        LLVMValueRef v = cg_call(cg, "srt_luhn_check", args, 3, "luhn");
        return scalar(a[0].null, LLVMBuildICmp(cg->b, LLVMIntNE, v, cg_i32(cg, 0), ""));
    }
    case FN_GETBIT: /* BitwiseGet: NullIntolerant, so a NULL skips the position check */
    case FN_BIT_GET: {
        LLVMValueRef null = any_null(cg, a, 2);
        TypeKind k = e->u.call.args[0]->type->kind; /* its bits: the type's size */
        bool wide = k == TY_BIGINT;
        LLVMValueRef args[4] = {cg->q, wide ? a[0].v : LLVMBuildSExt(cg->b, a[0].v, cg->t_i64, ""),
                                cg_select(cg, null, cg_i32(cg, 0), a[1].v),
                                cg_i32(cg, wide               ? 64
                                           : k == TY_TINYINT  ? 8
                                           : k == TY_SMALLINT ? 16
                                                              : 32)};
        return scalar(null, cg_call(cg, "srt_bit_get", args, 4, "bit"));
    }
    case FN_LEVENSHTEIN: {
        LLVMValueRef args[6] = {cg->q, a[0].v, a[0].len, a[1].v, a[1].len,
                                n > 2 ? a[2].v : cg_i32(cg, INT32_MAX)};
        return scalar(any_null(cg, a, n), cg_call(cg, "srt_str_levenshtein", args, 6, "lev"));
    }
    default:
        SL_UNREACHABLE();
    }
}

/* greatest/least as Spark's Greatest.eval: fold from NULL, a non-NULL argument replaces the
   result when the result is NULL or the argument orders strictly after (before) it, so NULLs
   are skipped, all NULL gives NULL, NaN is the greatest double and of equal values the
   first wins. */
static CgVal call_extremum(CgCtx *cg, const SExpr *e, CgVal *a)
{
    if (e->type->kind == TY_NULL)
        return cg_null_of(cg, e->type);
    AstBinaryOp op = e->u.call.fn == FN_GREATEST ? BOP_GT : BOP_LT;
    CgVal r = a[0];
    for (int i = 1; i < e->u.call.n_args; i++) {
        LLVMValueRef better = cg_compare(cg, op, e->type, a[i], r, e->span);
        LLVMValueRef take = cg_and(cg, cg_not(cg, a[i].null), cg_or(cg, r.null, better));
        r = cg_val_select(cg, e->type, take, a[i], r);
    }
    return r;
}

/* to_json(x[, options]): srt_to_json, or srt_to_json_opts with the write patterns and the
   ignoreNullFields and pretty flags. */
static CgVal call_to_json(CgCtx *cg, const SExpr *e, CgVal x)
{
    const Type *t = e->u.call.args[0]->type;
    const SJsonFnOpts *o = e->u.call.json;
    LLVMValueRef d = cg_alloca(cg, cg->t_datum, "tojson.d");
    cg_store_datum(cg, t, x, d, false);
    if (!o) {
        LLVMValueRef args[5] = {cg->q, cg_type_text(cg, t), d};
        return string_result(cg, "srt_to_json", args, 3, x.null, 0);
    }
    const char *fmts[3] = {o->ts_write, o->date_write, o->ntz_write};
    LLVMValueRef args[12] = {cg->q, cg_type_text(cg, t), d};
    for (int k = 0; k < 3; k++) {
        uint32_t n = fmts[k] ? (uint32_t)strlen(fmts[k]) : 0;
        args[3 + 2 * k] =
            fmts[k] ? cg_str_const(cg, fmts[k], n, "tojson.fmt") : LLVMConstNull(cg->t_ptr);
        args[4 + 2 * k] = cg_i32(cg, n);
    }
    args[9] = cg_i32(cg, (o->write_nulls ? 1 : 0) | (o->pretty ? 2 : 0));
    return string_result(cg, "srt_to_json_opts", args, 10, x.null, 0);
}

/* pmod(a, n) as Spark's Pmod: NULL when n is 0; r = a % n (Java's remainder, the sign of a),
   then (r + n) % n when r < 0.  Integers wrap as Java's do, and x % -1 is 0 (LLVM's srem
   would be undefined for MIN % -1, as for a divisor of 0, so the divisor is made safe). */
static CgVal call_pmod(CgCtx *cg, const SExpr *e, CgVal *a)
{
    LLVMValueRef x = a[0].v, n = a[1].v, r, fixed, neg, zero_n;
    if (e->type->kind == TY_DECIMAL)
        return cg_dec_pmod_rem(cg, "srt_dec_pmod", e->type, e->u.call.args[0]->type, a[0],
                               e->u.call.args[1]->type, a[1]);
    if (type_is_fractional(e->type)) { /* in the type: a FLOAT's pmod is float arithmetic */
        LLVMValueRef fzero = LLVMConstReal(LLVMTypeOf(x), 0.0);
        zero_n = LLVMBuildFCmp(cg->b, LLVMRealOEQ, n, fzero, "");
        r = LLVMBuildFRem(cg->b, x, n, "");
        fixed = LLVMBuildFRem(cg->b, LLVMBuildFAdd(cg->b, r, n, ""), n, "");
        neg = LLVMBuildFCmp(cg->b, LLVMRealOLT, r, fzero, "");
    } else {
        LLVMTypeRef t = LLVMTypeOf(x);
        LLVMValueRef zero = LLVMConstNull(t), minus1 = LLVMConstAllOnes(t),
                     one = LLVMConstInt(t, 1, 0);
        zero_n = LLVMBuildICmp(cg->b, LLVMIntEQ, n, zero, "");
        LLVMValueRef odd = cg_or(cg, zero_n, LLVMBuildICmp(cg->b, LLVMIntEQ, n, minus1, ""));
        LLVMValueRef d = cg_select(cg, odd, one, n);
        r = LLVMBuildSRem(cg->b, x, d, "");
        fixed = LLVMBuildSRem(cg->b, LLVMBuildAdd(cg->b, r, n, ""), d, "");
        neg = LLVMBuildICmp(cg->b, LLVMIntSLT, r, zero, "");
    }
    return scalar(cg_or(cg, any_null(cg, a, 2), zero_n), cg_select(cg, neg, fixed, r));
}

static CgVal call_special(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args;
    SExpr *const *x = e->u.call.args;
    switch (e->u.call.fn) {
    case FN_DATE_FORMAT: {
        LLVMValueRef null =
            pattern_refused(cg, x[1], a[0], a[1], CM_DTPAT_FORMAT, any_null(cg, a, 2));
        LLVMValueRef args[6] = {cg->q, a[0].v, a[1].v, a[1].len};
        return string_result(cg, "srt_date_format", args, 4, null, 0);
    }
    case FN_ABS: {
        if (type_is_ansi_interval(e->type))
            return cg_interval_abs(cg, e->type, a[0]);
        if (type_is_fractional(e->type)) /* Abs.doGenCode: java.lang.Math.abs, so abs(-0.0) = 0.0 */
            return scalar(a[0].null, math_intrinsic(cg, e->type->kind == TY_FLOAT ? "llvm.fabs.f32" : "llvm.fabs.f64",
                                                    a[0].v));
        LLVMValueRef zero = LLVMConstNull(LLVMTypeOf(a[0].v));
        LLVMValueRef neg = LLVMBuildICmp(cg->b, LLVMIntSLT, a[0].v, zero, "");
        /* Abs of a TINYINT or SMALLINT: (byte)Math.abs(x), so abs(-128Y) is -128 */
        return scalar(
            a[0].null,
            cg_narrow(cg, e->type, cg_select(cg, neg, LLVMBuildNeg(cg->b, a[0].v, ""), a[0].v)));
    }
    case FN_COALESCE:
    case FN_NVL:
    case FN_IFNULL: {
        /* sema cast every argument to the result type (a bare NULL to that type's NULL). */
        CgVal r = a[n - 1];
        for (int i = n - 2; i >= 0; i--)
            r = cg_val_select(cg, e->type, a[i].null, r, a[i]);
        return r;
    }
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
        if (n == 2) { /* trim(trimStr, src), TRIM(... trimStr FROM src) */
            LLVMValueRef args[7] = {a[1].v, a[1].len, a[0].v, a[0].len, cg_i32(cg, which)};
            return string_result(cg, "srt_str_trim_chars", args, 5, any_null(cg, a, 2), 0);
        }
        LLVMValueRef args[5] = {a[0].v, a[0].len, cg_i32(cg, which)};
        return string_result(cg, "srt_str_trim", args, 3, a[0].null, 0);
    }
    case FN_CONCAT:
        if (e->type->kind == TY_ARRAY)
            return cg_array_concat(cg, a, n);
        return call_concat(cg, a, n);
    case FN_REGEXP_EXTRACT: {
        if (is_null_const(x[1]))
            return cg_null_of(cg, e->type);
        LLVMValueRef re = cg_regex_of(cg, x[1], a[1]);
        LLVMValueRef args[7] = {cg->q, re, a[0].v, a[0].len, n > 2 ? a[2].v : cg_i32(cg, 1)};
        return string_result(cg, "srt_regexp_extract", args, 5, any_null(cg, a, n), 1);
    }
    case FN_SPLIT: {
        if (is_null_const(x[1]))
            return cg_null_of(cg, e->type);
        LLVMValueRef re = cg_regex_of(cg, x[1], a[1]);
        LLVMValueRef args[7] = {cg->q, re, a[0].v, a[0].len, n > 2 ? a[2].v : cg_i32(cg, -1)};
        /* ARRAY: v -> const SrtDatum[len] (scratch memory), len = elements. */
        return string_result(cg, "srt_split", args, 5, any_null(cg, a, n), 1);
    }
    case FN_REGEXP_EXTRACT_ALL:
    case FN_REGEXP_COUNT: {
        if (is_null_const(x[1]))
            return cg_null_of(cg, e->type);
        LLVMValueRef re = cg_regex_of(cg, x[1], a[1]);
        LLVMValueRef idx = e->u.call.fn == FN_REGEXP_COUNT ? cg_i32(cg, 0) : n > 2 ? a[2].v : cg_i32(cg, 1);
        LLVMValueRef args[7] = {cg->q, re, a[0].v, a[0].len, idx};
        CgVal r = string_result(cg, "srt_regexp_extract_all", args, 5, any_null(cg, a, n), 1);
        return e->u.call.fn == FN_REGEXP_COUNT ? scalar(r.null, r.len) : r;
    }
    case FN_REGEXP_SUBSTR: {
        if (is_null_const(x[1]))
            return cg_null_of(cg, e->type);
        LLVMValueRef re = cg_regex_of(cg, x[1], a[1]);
        LLVMValueRef args[7] = {cg->q, re, a[0].v, a[0].len, cg_i32(cg, 0)};
        CgVal r = string_result(cg, "srt_regexp_extract", args, 5, any_null(cg, a, n), 1);
        r.null = cg_or(cg, r.null, LLVMBuildICmp(cg->b, LLVMIntEQ, r.len, cg_i32(cg, 0), ""));
        return r;
    }
    case FN_REGEXP_REPLACE: {
        if (is_null_const(x[1]) || (n > 3 && is_null_const(x[3])))
            return cg_null_of(cg, e->type);
        LLVMValueRef re = cg_regex_of(cg, x[1], a[1]);
        LLVMValueRef args[9] = {cg->q,  re,       a[0].v, a[0].len,
                                a[2].v, a[2].len, n > 3 ? a[3].v : cg_i32(cg, 1)};
        return string_result(cg, "srt_regexp_replace", args, 7, any_null(cg, a, n), 1);
    }
    case FN_REGEXP_INSTR: { /* RegExpInStr: its idx is evaluated (NULL gives NULL), not used */
        if (is_null_const(x[1]))
            return cg_null_of(cg, e->type);
        LLVMValueRef args[4] = {cg->q, cg_regex_of(cg, x[1], a[1]), a[0].v, a[0].len};
        LLVMValueRef rc = cg_call(cg, "srt_regexp_instr", args, 4, "instr");
        LLVMValueRef bad = LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_i32(cg, 0), "");
        return scalar(cg_or(cg, any_null(cg, a, n), bad), rc);
    }
    case FN_RLIKE:
    case FN_REGEXP_LIKE:
    case FN_REGEXP: {
        if (is_null_const(x[1]))
            return cg_null_of(cg, e->type);
        LLVMValueRef args[4] = {cg->q, cg_regex_of(cg, x[1], a[1]), a[0].v, a[0].len};
        LLVMValueRef rc = cg_call(cg, "srt_rlike", args, 4, "rlike");
        LLVMValueRef bad = LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_i32(cg, 0), "");
        return scalar(cg_or(cg, any_null(cg, a, 2), bad),
                      LLVMBuildICmp(cg->b, LLVMIntSGT, rc, cg_i32(cg, 0), ""));
    }
    case FN_SIZE:
    case FN_CARDINALITY:
        /* spark.sql.legacy.sizeOfNull (true in Spark 3 without ANSI): NULL has size -1; a
           map's size is its number of entries. */
        if ((x[0]->type->kind != TY_ARRAY && x[0]->type->kind != TY_MAP) || !a[0].len)
            return scalar(cg_i1(cg, 0), cg_i32(cg, -1));
        return scalar(cg_i1(cg, 0), cg_select(cg, a[0].null, cg_i32(cg, -1), a[0].len));
    case FN_ROUND:
    case FN_BROUND:
        return call_round(cg, e, a);
    case FN_FLOOR:
    case FN_CEIL:
    case FN_CEILING:
        return n == 2 ? call_round(cg, e, a) : call_floor_ceil(cg, e, a);
    case FN_TO_TIMESTAMP:
    case FN_TRY_TO_TIMESTAMP:
    case FN_TO_TIMESTAMP_LTZ:
        if (n == 1 || x[0]->type->kind != TY_STRING)
            return scalar(any_null(cg, a, n), a[0].v);
        return parse_with_format(cg, a[0], a[1], x[1], false);
    case FN_TO_TIMESTAMP_NTZ:
        if (n == 1 || x[0]->type->kind != TY_STRING)
            return scalar(any_null(cg, a, n), a[0].v);
        return parse_with_format(cg, a[0], a[1], x[1], true);
    case FN_UNIX_TIMESTAMP:
    case FN_TO_UNIX_TIMESTAMP:
        return call_unix_timestamp(cg, e, a);
    case FN_FROM_UNIXTIME: {
        CgVal fmt = n > 1 ? a[1] : const_string(cg, "yyyy-MM-dd HH:mm:ss");
        LLVMValueRef null = pattern_refused(cg, n > 1 ? x[1] : NULL, a[0], fmt, CM_DTPAT_FORMAT,
                                            cg_or(cg, a[0].null, fmt.null));
        LLVMValueRef us = LLVMBuildMul(cg->b, a[0].v, cg_i64(cg, 1000000), "");
        LLVMValueRef args[6] = {cg->q, us, fmt.v, fmt.len};
        return string_result(cg, "srt_date_format", args, 4, null, 0);
    }
    case FN_RAISE_ERROR: { /* RaiseError.eval: throw new RuntimeException(msg), or () */
        static const char plain[] = "java.lang.RuntimeException";
        static const char with_msg[] = "java.lang.RuntimeException: %s";
        LLVMValueRef fmt = cg_select(cg, a[0].null, cg_str_const(cg, plain, sizeof plain, "raise"),
                                     cg_str_const(cg, with_msg, sizeof with_msg, "raise.msg"));
        LLVMValueRef args[4] = {cg->q, fmt,
                                cg_select(cg, a[0].null, LLVMConstNull(cg->t_ptr), a[0].v),
                                cg_select(cg, a[0].null, cg_i32(cg, 0), a[0].len)};
        cg_call(cg, "srt_query_fail_value", args, 4, "");
        return cg_null_of(cg, e->type);
    }
    case FN_CURRENT_USER:
    case FN_USER: {
        LLVMValueRef args[3] = {cg->q};
        return string_result(cg, "srt_current_user", args, 1, cg_i1(cg, 0), 0);
    }
    case FN_INPUT_FILE_NAME: {
        LLVMValueRef args[3] = {cg->q};
        return string_result(cg, "srt_input_file_name", args, 1, cg_i1(cg, 0), 0);
    }
    case FN_CURRENT_TIMESTAMP:
    case FN_NOW:
    case FN_LOCALTIMESTAMP: /* LocalTimestamp: localDateTimeToMicros in the session zone UTC */
        return scalar(cg_i1(cg, 0), call_at_entry(cg, "srt_query_batch_ts", &cg->q, 1, "now"));
    case FN_TIMESTAMPADD: { /* srt_ts_add_unit fails the query where Java throws */
        LLVMValueRef out = cg_alloca(cg, cg->t_i64, "tsadd.out");
        LLVMValueRef args[5] = {cg->q, a[2].v, a[0].v, a[1].v, out};
        LLVMValueRef null = cg_or(cg, a[1].null, a[2].null);
        LLVMValueRef rc = cg_call(cg, "srt_ts_add_unit", args, 5, "tsadd.rc");
        null = cg_or(cg, null, LLVMBuildICmp(cg->b, LLVMIntNE, rc, cg_i32(cg, 0), ""));
        return scalar(null, cg_load(cg, cg->t_i64, out, "timestampadd"));
    }
    case FN_TIMESTAMPDIFF: {
        LLVMValueRef args[4] = {cg->q, a[1].v, a[2].v, a[0].v};
        return scalar(cg_or(cg, a[1].null, a[2].null),
                      cg_call(cg, "srt_ts_diff_unit", args, 4, "timestampdiff"));
    }
    case FN_UUID: {
        LLVMValueRef args[3] = {cg->q};
        return string_result(cg, "srt_uuid", args, 1, cg_i1(cg, 0), 0);
    }
    case FN_RAND: /* Rand, Randn (srt_partition.c): the call site's generator */
    case FN_RANDOM:
    case FN_RANDN: {
        LLVMValueRef seed =
            n ? LLVMBuildSelect(cg->b, a[0].null, cg_i64(cg, 0), a[0].v, "seed") : cg_i64(cg, 0);
        LLVMValueRef args[4] = {cg->q, cg_i32(cg, e->u.call.site), seed, cg_i32(cg, n)};
        const char *fn = e->u.call.fn == FN_RANDN ? "srt_randn" : "srt_rand";
        return scalar(cg_i1(cg, 0), cg_call(cg, fn, args, 4, "rand"));
    }
    case FN_MONOTONICALLY_INCREASING_ID: {
        LLVMValueRef args[2] = {cg->q, cg_i32(cg, e->u.call.site)};
        return scalar(cg_i1(cg, 0), cg_call(cg, "srt_monotonically_increasing_id", args, 2, "id"));
    }
    case FN_SPARK_PARTITION_ID:
        return scalar(cg_i1(cg, 0), cg_call(cg, "srt_partition_id", &cg->q, 1, "partition"));
    case FN_GROUPING: /* replaced over spark_grouping_id (sema_grouping.c) */
    case FN_GROUPING_ID:
        SL_UNREACHABLE();
    case FN_WINDOW_TIME: /* ResolveWindowTime: window.end - 1 (µs); NULL for a NULL window */
        return scalar(cg_or(cg, a[0].null, a[0].fields[1].null),
                      LLVMBuildSub(cg->b, a[0].fields[1].v, cg_i64(cg, 1), "window_time"));
    case FN_CONCAT_WS:
        return call_concat_ws(cg, e, a);
    case FN_LPAD:
    case FN_RPAD:
        return call_pad(cg, e, a);
    case FN_REPEAT: {
        LLVMValueRef args[6] = {cg->q, a[0].v, a[0].len, a[1].v};
        return string_result(cg, "srt_str_repeat", args, 4, any_null(cg, a, 2), 1);
    }
    case FN_SHUFFLE: { /* the elements in a random order (srt_partition.c) */
        LLVMValueRef args[5] = {cg->q, a[0].v, a[0].len};
        return string_result(cg, "srt_array_shuffle", args, 3, a[0].null, 0);
    }
    case FN_REVERSE: {
        LLVMValueRef args[6] = {cg->q, a[0].v, a[0].len};
        return string_result(cg, x[0]->type->kind == TY_ARRAY ? "srt_array_reverse" : "srt_str_reverse",
                             args, 3, a[0].null, 0);
    }
    case FN_LOCATE:
    case FN_POSITION:
        return call_locate(cg, e, a);
    case FN_REPLACE: {
        CgVal rep = n > 2 ? a[2] : const_string(cg, "");
        LLVMValueRef args[9] = {cg->q, a[0].v, a[0].len, a[1].v, a[1].len, rep.v, rep.len};
        return string_result(cg, "srt_str_replace", args, 7,
                             cg_or(cg, any_null(cg, a, 2), rep.null), 0);
    }
    case FN_CHR:
    case FN_CHAR: {
        LLVMValueRef args[4] = {cg->q, a[0].v};
        return string_result(cg, "srt_str_chr", args, 2, a[0].null, 0);
    }
    case FN_CONTAINS:
    case FN_STARTSWITH:
    case FN_ENDSWITH: {
        int where = e->u.call.fn == FN_CONTAINS     ? SRT_HAS_ANYWHERE
                    : e->u.call.fn == FN_STARTSWITH ? SRT_HAS_PREFIX
                                                    : SRT_HAS_SUFFIX;
        LLVMValueRef args[5] = {a[0].v, a[0].len, a[1].v, a[1].len, cg_i32(cg, where)};
        LLVMValueRef v = cg_call(cg, "srt_str_has", args, 5, "has");
        return scalar(any_null(cg, a, 2), LLVMBuildICmp(cg->b, LLVMIntNE, v, cg_i32(cg, 0), ""));
    }
    case FN_BTRIM: {
        if (n == 1) {
            LLVMValueRef args[5] = {a[0].v, a[0].len, cg_i32(cg, SRT_TRIM_BOTH)};
            return string_result(cg, "srt_str_trim", args, 3, a[0].null, 0);
        }
        LLVMValueRef args[7] = {a[0].v, a[0].len, a[1].v, a[1].len, cg_i32(cg, SRT_TRIM_BOTH)};
        return string_result(cg, "srt_str_trim_chars", args, 5, any_null(cg, a, 2), 0);
    }
    case FN_MD5:
    case FN_SHA1:
    case FN_SHA:
    case FN_BASE64:
    case FN_HEX: {
        int fn = e->u.call.fn;
        if (fn == FN_HEX && x[0]->type->kind == TY_BIGINT) {
            LLVMValueRef args[4] = {cg->q, a[0].v};
            return string_result(cg, "srt_hex_long", args, 2, a[0].null, 0);
        }
        const char *sym = fn == FN_MD5 ? "srt_md5" : fn == FN_BASE64 ? "srt_base64"
                          : fn == FN_HEX ? "srt_hex_bytes" : "srt_sha1";
        LLVMValueRef args[5] = {cg->q, a[0].v, a[0].len};
        return string_result(cg, sym, args, 3, a[0].null, 0);
    }
    case FN_SHA2: {
        LLVMValueRef args[6] = {cg->q, a[0].v, a[0].len, a[1].v};
        return string_result(cg, "srt_sha2", args, 4, any_null(cg, a, 2), 1);
    }
    case FN_CRC32: {
        LLVMValueRef args[2] = {a[0].v, a[0].len};
        return scalar(a[0].null, cg_call(cg, "srt_crc32", args, 2, "crc32"));
    }
    case FN_HASH:
    case FN_XXHASH64: { /* HashExpression.eval: from the seed 42, each non-NULL argument's
                           hash is the seed of the next; never NULL */
        bool xx = e->u.call.fn == FN_XXHASH64;
        LLVMValueRef h = xx ? cg_i64(cg, 42) : cg_i32(cg, 42);
        for (int i = 0; i < n; i++)
            h = cg_select(cg, a[i].null, h, cg_spark_hash(cg, xx, x[i]->type, a[i], h));
        return scalar(cg_i1(cg, 0), h);
    }
    case FN_UNBASE64:
    case FN_UNHEX: {
        LLVMValueRef args[5] = {cg->q, a[0].v, a[0].len};
        return string_result(cg, e->u.call.fn == FN_UNHEX ? "srt_unhex" : "srt_unbase64", args, 3,
                             a[0].null, 1);
    }
    case FN_SPLIT_PART: { /* index 0 fails only when ElementAt gets there: with no NULL
                             (BinaryExpression.eval returns NULL for a NULL array first), else
                             the index is 1 */
        LLVMValueRef null = any_null(cg, a, 3);
        LLVMValueRef idx = cg_select(cg, null, cg_i32(cg, 1), a[2].v);
        LLVMValueRef args[8] = {cg->q, a[0].v, a[0].len, a[1].v, a[1].len, idx};
        return string_result(cg, "srt_str_split_part", args, 6, null, 1);
    }
    case FN_SPACE: { /* StringSpace: blankString(max(n, 0)), i.e. repeat(' ', n) */
        CgVal sp = const_string(cg, " ");
        LLVMValueRef args[6] = {cg->q, sp.v, sp.len, a[0].v};
        return string_result(cg, "srt_str_repeat", args, 4, a[0].null, 1);
    }
    case FN_LEFT: { /* Left: Substring(str, 1, len) */
        LLVMValueRef args[6] = {a[0].v, a[0].len, cg_i32(cg, 1), a[1].v};
        return string_result(cg, "srt_str_substr", args, 4, any_null(cg, a, 2), 0);
    }
    case FN_RIGHT: { /* Right: '' for len <= 0, else Substring(str, -len) (NULL if either is) */
        LLVMValueRef le0 = LLVMBuildICmp(cg->b, LLVMIntSLE, a[1].v, cg_i32(cg, 0), "");
        LLVMValueRef pos = cg_select(cg, le0, cg_i32(cg, 1), LLVMBuildNeg(cg->b, a[1].v, ""));
        LLVMValueRef len = cg_select(cg, le0, cg_i32(cg, 0), cg_i32(cg, INT32_MAX));
        LLVMValueRef args[6] = {a[0].v, a[0].len, pos, len};
        return string_result(cg, "srt_str_substr", args, 4, any_null(cg, a, 2), 0);
    }
    case FN_SUBSTRING_INDEX: {
        LLVMValueRef args[7] = {a[0].v, a[0].len, a[1].v, a[1].len, a[2].v};
        return string_result(cg, "srt_str_substring_index", args, 5, any_null(cg, a, 3), 0);
    }
    case FN_SPECIAL_DATETIME:
        return call_special_datetime(cg, e, a);
    case FN_CURRENT_DATE: /* CurrentBatchTimestamp as a DATE: the batch's day (UTC) */
    case FN_CURDATE:
        return cg_cast(cg,
                       scalar(cg_i1(cg, 0), call_at_entry(cg, "srt_query_batch_ts", &cg->q, 1, "now")),
                       &type_timestamp, &type_date, e->span);
    case FN_TO_DATE:
        return call_to_date(cg, e, a);
    case FN_DATE_TRUNC:
        return call_trunc(cg, e, a);
    case FN_DATE_ADD:
    case FN_DATEADD:
    case FN_DATE_SUB:
    case FN_DATEDIFF:
    case FN_DATE_DIFF:
        return call_date_arith(cg, e, a);
    FN_CASES_DATE:
        return call_date_fn(cg, e, a);
    case FN_GET_JSON_OBJECT: {
        LLVMValueRef args[7] = {cg->q, a[0].v, a[0].len, a[1].v, a[1].len};
        return string_result(cg, "srt_get_json_object", args, 5, any_null(cg, a, 2), 1);
    }
    case FN_JSON_TUPLE:
        return call_json_tuple(cg, e, a, n);
    case FN_JSON_ARRAY_LENGTH: { /* LengthOfJsonArray: -1 is NULL */
        LLVMValueRef args[3] = {cg->q, a[0].v, a[0].len};
        LLVMValueRef len = cg_call(cg, "srt_json_array_length", args, 3, "json.len");
        return scalar(
            cg_or(cg, a[0].null, LLVMBuildICmp(cg->b, LLVMIntSLT, len, cg_i32(cg, 0), "")), len);
    }
    case FN_SENTENCES: { /* Sentences: NULL for a NULL str; Locale.US when lang or country is
                            NULL (only a Thai locale changes the rules) */
        int n_args = n;
        CgVal lang = n_args > 1 ? a[1] : (CgVal){0};
        LLVMValueRef given = cg_not(cg, n_args > 2   ? cg_or(cg, a[1].null, a[2].null)
                                        : n_args > 1 ? a[1].null
                                                     : cg_i1(cg, 0));
        LLVMValueRef args[8] = {cg->q,
                                a[0].v,
                                a[0].len,
                                n_args > 1 ? lang.v : cg_str_const(cg, "", 0, "lang"),
                                n_args > 1 ? lang.len : cg_i32(cg, 0),
                                LLVMBuildZExt(cg->b, given, cg->t_i32, "")};
        return string_result(cg, "srt_sentences", args, 6, a[0].null, 1);
    }
    case FN_JSON_OBJECT_KEYS: { /* JsonObjectKeys: an array's datums, as a string's slice */
        LLVMValueRef args[5] = {cg->q, a[0].v, a[0].len};
        return string_result(cg, "srt_json_object_keys", args, 3, a[0].null, 1);
    }
    case FN_ARRAY:
        return cg_array_make(cg, e->type->elem, a, n);
    case FN_TO_JSON: /* the value as a datum (scratch memory), written by the JSON writer */
        return call_to_json(cg, e, a[0]);
    case FN_FROM_JSON: /* a parser generated for the schema (cg_from_json.c) */
        return cg_from_json(cg, e->type, e->u.call.json, a[0]);
    case FN_FROM_CSV: /* a parser generated for the schema and options (cg_text.c) */
        return cg_from_csv(cg, e->type, x[1]->u.value.i, a[0]);
    case FN_TO_CSV: { /* the struct as a datum (scratch memory), written by the CSV writer */
        int64_t style = n > 1 ? x[1]->u.value.i
                              : (int64_t)',' << SCSV_SEP_SHIFT | (int64_t)'"' << SCSV_QUOTE_SHIFT |
                                    (int64_t)'\\' << SCSV_ESC_SHIFT |
                                    (int64_t)1 << SCSV_TRIM_LEADING_BIT |
                                    (int64_t)1 << SCSV_TRIM_TRAILING_BIT;
        LLVMValueRef d = cg_alloca(cg, cg->t_datum, "tocsv.d");
        cg_store_datum(cg, x[0]->type, a[0], d, false);
        LLVMValueRef args[6] = {cg->q, cg_type_text(cg, x[0]->type), d, cg_i64(cg, style)};
        return string_result(cg, "srt_to_csv", args, 4, a[0].null, 0);
    }
    case FN_GREATEST:
    case FN_LEAST:
        return call_extremum(cg, e, a);
    case FN_PMOD:
        return call_pmod(cg, e, a);
    case FN_STRUCT:
    case FN_NAMED_STRUCT: { /* CreateNamedStruct: never NULL; its fields are the values */
        int named = e->u.call.fn == FN_NAMED_STRUCT;
        CgVal r = {0};
        r.null = cg_i1(cg, 0);
        r.n_fields = e->type->n_fields;
        r.fields = ARENA_NEW_N(cg->arena, CgVal, r.n_fields);
        for (int i = 0; i < r.n_fields; i++)
            r.fields[i] = a[named ? 2 * i + 1 : i];
        return r;
    }
    FN_CASES_MATH:
        return call_math_fn(cg, e, a);
    FN_CASES_ARRAY:
        if (x[0]->type->kind == TY_MAP) /* element_at(m, k) */
            return cg_map_fn(cg, e, a);
        return cg_array_fn(cg, e, a);
    FN_CASES_MAP:
        return cg_map_fn(cg, e, a);
    FN_CASES_LAMBDA: /* cg_expr calls cg_array_lambda_fn */
        SL_UNREACHABLE();
    case FN_TRY_CAST:
        return cg_try_cast(cg, a[0], x[0]->type, e->type, e->span);
    case FN_TRY_ADD: /* Add, Subtract, Multiply in EvalMode.TRY of two integers: NULL on
                        overflow (Math.addExact's ArithmeticException caught) */
    case FN_TRY_SUBTRACT:
    case FN_TRY_MULTIPLY: {
        static const char *const ops[] = {"sadd", "ssub", "smul"};
        LLVMValueRef ovf;
        LLVMValueRef v = cg_int_overflow_op(cg, ops[e->u.call.fn - FN_TRY_ADD], a[0].v, a[1].v, &ovf);
        /* ByteType and ShortType: the int result must be within the type's MIN_VALUE..MAX_VALUE */
        ovf = cg_or(cg, ovf, cg_narrow_ovf(cg, e->type, v));
        return scalar(cg_or(cg, any_null(cg, a, 2), ovf), v);
    }
    case FN_TYPEOF: /* sema_bind_try_fn binds a constant, and try_divide the operator */
    case FN_TRY_DIVIDE:
        break;
    case FN_NEGATIVE: /* sema binds them as -x and +x */
    case FN_POSITIVE:
        break;
#define FN(id, sql, min_args, max_args, sig, sym) FN_CASE_IF_GENERIC_##sig(id)
#include "sema/functions.def"
#undef FN
    case FN__COUNT:
        break;
    }
    cg_unsupported(cg, e->span, "this function");
    return cg_null_of(cg, e->type);
}

/* ==== Lowering by class ==== */

/* The call of a row's runtime function with (q if with_q, then each argument's value and,
   for strings, its length) and, if out, the two out pointers of a string result. */
static LLVMValueRef call_row(CgCtx *cg, const char *sym, const CgVal *a, int n, bool with_q,
                             LLVMValueRef *out)
{
    LLVMValueRef args[2 * 64 + 3]; /* cg_call checks the count against the declaration */
    unsigned k = 0;
    if (with_q)
        args[k++] = cg->q;
    for (int i = 0; i < n; i++) {
        args[k++] = a[i].v;
        if (a[i].len)
            args[k++] = a[i].len;
    }
    if (out) {
        args[k++] = out[0];
        args[k++] = out[1];
    }
    return cg_call(cg, sym, args, k, "fn");
}

/* A call of a function of doubles: an LLVM intrinsic ("llvm.*") or a runtime function. */
static LLVMValueRef call_double(CgCtx *cg, const char *sym, const CgVal *a, int n)
{
    if (strncmp(sym, "llvm.", 5) != 0)
        return call_row(cg, sym, a, n, false, NULL);
    LLVMTypeRef params[2] = {cg->t_f64, cg->t_f64};
    LLVMValueRef args[2] = {a[0].v, n > 1 ? a[1].v : NULL};
    LLVMTypeRef ft = LLVMFunctionType(cg->t_f64, params, (unsigned)n, 0);
    LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, sym);
    if (!fn)
        fn = LLVMAddFunction(cg->mod, sym, ft);
    return LLVMBuildCall2(cg->b, ft, fn, args, (unsigned)n, "");
}

/* An integer result of a runtime function as the SQL type t. */
static CgVal int_result(CgCtx *cg, const Type *t, LLVMValueRef null, LLVMValueRef v)
{
    return scalar(null, LLVMBuildIntCast2(cg->b, v, cg_type_of(cg, t), 1, ""));
}

CgVal cg_call_fn(CgCtx *cg, const SExpr *e, CgVal *a)
{
    const SFuncInfo *info = sema_func_info(e->u.call.fn);
    int n = e->u.call.n_args;
    switch (info->sig) {
    case FSIG_SPECIAL:
        return call_special(cg, e, a);
    case FSIG_STR_STR: {
        LLVMValueRef out[2] = {cg_alloca(cg, cg->t_ptr, "fn.p"), cg_alloca(cg, cg->t_i32, "fn.n")};
        call_row(cg, info->symbol, a, n, true, out);
        CgVal r = scalar(any_null(cg, a, n), cg_load(cg, cg->t_ptr, out[0], "fn"));
        r.len = cg_load(cg, cg->t_i32, out[1], "fn.len");
        return r;
    }
    case FSIG_STR_INT:
    case FSIG_TS_INT:
    case FSIG_DATE_INT:
        if (sema_func_is_length(e->u.call.fn) && e->u.call.args[0]->type->kind == TY_BINARY)
            return scalar(a[0].null, a[0].len); /* Length of a BINARY: its bytes (sema) */
        return int_result(cg, e->type, any_null(cg, a, n),
                          call_row(cg, info->symbol, a, n, false, NULL));
    case FSIG_DBL_DBL:
        return scalar(any_null(cg, a, n), call_double(cg, info->symbol, a, n));
    case FSIG_DBL_LOG: {
        /* UnaryLogExpression.yAsymptote: 0, and -1 for Log1p */
        double y0 = e->u.call.fn == FN_LOG1P ? -1.0 : 0.0;
        return scalar(cg_or(cg, a[0].null, le(cg, a[0].v, y0)),
                      call_double(cg, info->symbol, a, 1));
    }
    case FSIG_REPLACED: /* sema bound another expression, but for a region zone */
        if (e->u.call.fn == FN_FROM_UTC_TIMESTAMP || e->u.call.fn == FN_TO_UTC_TIMESTAMP)
            return call_utc_shift(cg, e, a);
        break;
    }
    cg_unsupported(cg, e->span, "this function");
    return cg_null_of(cg, e->type);
}

bool cg_func_inlined(const char *name)
{
    for (int f = 0; f < FN__COUNT; f++) {
        const SFuncInfo *info = sema_func_info((SFunc)f);
        if (!info->symbol || strcmp(info->symbol, name) != 0)
            continue;
        switch (info->sig) {
        case FSIG_STR_INT:
        case FSIG_TS_INT:
        case FSIG_DATE_INT:
        case FSIG_DBL_DBL:
        case FSIG_DBL_LOG:
            return true;
        case FSIG_SPECIAL:
        case FSIG_STR_STR:
        case FSIG_REPLACED:
            break;
        }
    }
    return false;
}
