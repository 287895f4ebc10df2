/* cg_decimal.c - DECIMAL(p, s) values in generated code: constants, arithmetic and casts.
**
** A decimal is its unscaled value as an i128 (cg_int.h); precision and scale are known at
** compile time, so they travel as constants to the runtime's srt_dec_* helpers
** (srt_decimal.c), which compute Spark's result, or SRT_DEC_NONE on overflow (the value's NULL).
*/
#include "codegen/cg_emit.h"
#include "srt_abi.h"

LLVMTypeRef cg_dec_type(CgCtx *cg)
{
    return LLVMInt128TypeInContext(cg->ctx);
}

LLVMValueRef cg_dec_const(CgCtx *cg, __int128 v)
{
    uint64_t words[2] = {(uint64_t)(unsigned __int128)v, (uint64_t)((unsigned __int128)v >> 64)};
    return LLVMConstIntOfArbitraryPrecision(cg_dec_type(cg), 2, words);
}

/* An i128 in memory that may be only 8-byte aligned (SrtDatum, aggregate state). */
LLVMValueRef cg_dec_load(CgCtx *cg, LLVMValueRef p, const char *name)
{
    LLVMValueRef v = cg_load(cg, cg_dec_type(cg), p, name);
    LLVMSetAlignment(v, 8);
    return v;
}

void cg_dec_store(CgCtx *cg, LLVMValueRef v, LLVMValueRef p)
{
    LLVMValueRef s = LLVMBuildStore(cg->b, v, cg_ptr_to(cg, p, cg_dec_type(cg)));
    LLVMSetAlignment(s, 8);
}

/* Call a runtime helper with srt_i128 arguments.  The C ABI may pass an __int128 as one
   i128 or, as clang lowers it for x86-64, as two i64 (low, high): the bitcode's own
   declaration says which, and the i128 values here are split to match it.  Likewise an
   __int128 result may come as { i64 low, i64 high }; it is returned as one i128. */
static LLVMValueRef dec_call(CgCtx *cg, const char *name, LLVMValueRef *args, unsigned n, const char *vname)
{
    LLVMTypeRef ft;
    cg_runtime_fn(cg, name, &ft);
    LLVMValueRef split[12];
    unsigned k = 0;
    LLVMTypeRef t128 = cg_dec_type(cg);
    for (unsigned i = 0; i < n && k < 11; i++) {
        if (LLVMCountParamTypes(ft) == n) {
            split[k++] = args[i];
            continue;
        }
        if (LLVMTypeOf(args[i]) == t128) {
            split[k++] = LLVMBuildTrunc(cg->b, args[i], cg->t_i64, "");
            split[k++] = LLVMBuildTrunc(cg->b, LLVMBuildLShr(cg->b, args[i], LLVMConstInt(t128, 64, 0), ""), cg->t_i64, "");
        } else {
            split[k++] = args[i];
        }
    }
    LLVMValueRef r = cg_call(cg, name, split, k, vname);
    if (LLVMGetTypeKind(LLVMTypeOf(r)) != LLVMStructTypeKind)
        return r;
    LLVMValueRef lo = LLVMBuildZExt(cg->b, LLVMBuildExtractValue(cg->b, r, 0, ""), t128, "");
    LLVMValueRef hi = LLVMBuildZExt(cg->b, LLVMBuildExtractValue(cg->b, r, 1, ""), t128, "");
    return LLVMBuildOr(cg->b, lo, LLVMBuildShl(cg->b, hi, LLVMConstInt(t128, 64, 0), ""), vname);
}

LLVMValueRef cg_dec_call(CgCtx *cg, const char *name, LLVMValueRef *args, unsigned n,
                         const char *vname)
{
    return dec_call(cg, name, args, n, vname);
}

static CgVal scalar(LLVMValueRef null, LLVMValueRef v)
{
    CgVal r = {0};
    r.null = null;
    r.v = v;
    return r;
}

/* Call `srt_i128 f(args...)`, whose result is SRT_DEC_NONE (-2^127, srt_abi.h) when it is
   NULL.  By value, not through an out parameter: a stack slot per operation (zeroed, passed,
   loaded) made the code generator spend about twice the time on expressions of many
   decimals. */
static CgVal call_val(CgCtx *cg, const char *fn, LLVMValueRef *args, unsigned n, LLVMValueRef null)
{
    LLVMValueRef r = dec_call(cg, fn, args, n, "dec");
    LLVMValueRef bad = cg_or(cg, null, LLVMBuildICmp(cg->b, LLVMIntEQ, r, cg_dec_const(cg, SRT_DEC_NONE), "dec.none"));
    return scalar(bad, cg_select(cg, bad, cg_dec_const(cg, 0), r));
}

/* The value at scale from_s changed to DECIMAL(p, s), rounding HALF_UP; NULL on overflow. */
CgVal cg_dec_rescale(CgCtx *cg, CgVal a, int from_s, int p, int s)
{
    LLVMValueRef args[4] = {a.v, cg_i32(cg, from_s), cg_i32(cg, p), cg_i32(cg, s)};
    return call_val(cg, "srt_dec_rescale", args, 4, a.null);
}

CgVal cg_dec_arith(CgCtx *cg, AstBinaryOp op, const Type *rt, const Type *ta, CgVal a, const Type *tb, CgVal b)
{
    if (op == BOP_MOD)
        return cg_dec_pmod_rem(cg, "srt_dec_rem", rt, ta, a, tb, b);
    LLVMValueRef null = cg_or(cg, a.null, b.null);
    const char *fn;
    LLVMValueRef bv = b.v;
    switch (op) {
    case BOP_ADD: fn = "srt_dec_add"; break;
    case BOP_SUB: fn = "srt_dec_add"; bv = LLVMBuildNeg(cg->b, b.v, "neg"); break;
    case BOP_MUL: fn = "srt_dec_mul"; break;
    case BOP_DIV: fn = "srt_dec_div"; break;
    default: SL_UNREACHABLE();
    }
    LLVMValueRef args[6] = {a.v, bv, cg_i32(cg, ta->scale), cg_i32(cg, tb->scale), cg_i32(cg, rt->precision),
                            cg_i32(cg, rt->scale)};
    return call_val(cg, fn, args, 6, null);
}

/* a DIV b of two decimals (IntegralDivide): Decimal.quot checked against DECIMAL(p, 0) for
   p = p1 - s1 + s2 (1 when 0, at most 38: resultDecimalType), then Decimal.toLong (the low
   64 bits of the quotient). */
CgVal cg_dec_idiv(CgCtx *cg, const Type *ta, CgVal a, const Type *tb, CgVal b)
{
    int p = ta->precision - ta->scale + tb->scale;
    p = p <= 0 ? 1 : p > TYPE_DECIMAL_MAX_PRECISION ? TYPE_DECIMAL_MAX_PRECISION : p;
    LLVMValueRef args[6] = {a.v, b.v, cg->q, cg_i32(cg, ta->scale), cg_i32(cg, tb->scale), cg_i32(cg, p)};
    CgVal r = call_val(cg, "srt_dec_quot", args, 6, cg_or(cg, a.null, b.null));
    return scalar(r.null, LLVMBuildTrunc(cg->b, r.v, cg->t_i64, "div"));
}

/* a % b (srt_dec_rem) or pmod(a, b) (srt_dec_pmod) of decimals, which can fail the query. */
CgVal cg_dec_pmod_rem(CgCtx *cg, const char *fn, const Type *rt, const Type *ta, CgVal a,
                      const Type *tb, CgVal b)
{
    LLVMValueRef sa = cg_i32(cg, ta->scale), sb = cg_i32(cg, tb->scale);
    LLVMValueRef args[7] = {
        a.v, b.v, cg->q, sa, sb, cg_i32(cg, rt->precision), cg_i32(cg, rt->scale)};
    return call_val(cg, fn, args, 7, cg_or(cg, a.null, b.null));
}

CgVal cg_dec_round(CgCtx *cg, CgVal a, int from_s, int to_s, int mode, int p)
{
    LLVMValueRef args[5] = {a.v, cg_i32(cg, from_s), cg_i32(cg, to_s), cg_i32(cg, mode), cg_i32(cg, p)};
    return call_val(cg, "srt_dec_round", args, 5, a.null);
}

LLVMValueRef cg_dec_hash(CgCtx *cg, bool xx, int p, LLVMValueRef v, LLVMValueRef seed)
{
    if (p <= 18) { /* hashLong(d.toUnscaledLong) */
        LLVMValueRef args[2] = {LLVMBuildTrunc(cg->b, v, cg->t_i64, ""), seed};
        return cg_call(cg, xx ? "srt_xxh64_i64" : "srt_m3_i64", args, 2, "hash");
    }
    LLVMValueRef args[2] = {v, seed};
    return dec_call(cg, xx ? "srt_xxh64_dec" : "srt_m3_dec", args, 2, "hash");
}

/* A value of at most from_p digits at scale from_s as DECIMAL(p, s).  Raising the scale of a
   value whose integral digits fit (from_p - from_s + s <= p) can neither round nor overflow:
   it is one multiplication by 10^(s - from_s), which LLVM folds for constants, instead of
   srt_dec_rescale (comparisons of an INT column with a decimal literal widen both sides). */
static CgVal widen(CgCtx *cg, CgVal a, int from_p, int from_s, int p, int s)
{
    if (s < from_s || from_p - from_s + s > p)
        return cg_dec_rescale(cg, a, from_s, p, s);
    __int128 f = 1;
    for (int i = from_s; i < s; i++)
        f *= 10;
    return scalar(a.null, f == 1 ? a.v : LLVMBuildNSWMul(cg->b, a.v, cg_dec_const(cg, f), "dec.up"));
}

/* CAST to or from DECIMAL (Spark's Cast, non-ANSI: NULL on overflow or bad text). */
CgVal cg_dec_cast(CgCtx *cg, CgVal a, const Type *from, const Type *to, SrcSpan span)
{
    LLVMTypeRef t128 = cg_dec_type(cg);
    if (to->kind == TY_DECIMAL) {
        int p = to->precision, s = to->scale;
        switch (from->kind) {
        case TY_DECIMAL:
            return widen(cg, a, from->precision, from->scale, p, s);
        case TY_BOOLEAN:
            return widen(cg, scalar(a.null, LLVMBuildZExt(cg->b, a.v, t128, "")), 1, 0, p, s);
        case TY_INT:
        case TY_BIGINT:
            /* an INT has at most 10 digits, a BIGINT 19 */
            return widen(cg, scalar(a.null, LLVMBuildSExt(cg->b, a.v, t128, "")), from->kind == TY_INT ? 10 : 19,
                         0, p, s);
        case TY_FLOAT: /* Decimal(f.toDouble): the exact widening */
            a.v = LLVMBuildFPExt(cg->b, a.v, cg->t_f64, "");
            /* fall through */
        case TY_DOUBLE: {
            LLVMValueRef args[3] = {a.v, cg_i32(cg, p), cg_i32(cg, s)};
            return call_val(cg, "srt_dec_from_f64", args, 3, a.null);
        }
        case TY_STRING: {
            LLVMValueRef out = cg_alloca(cg, t128, "dec.out");
            cg_store(cg, cg_dec_const(cg, 0), out);
            LLVMValueRef args[5] = {a.v, a.len, cg_i32(cg, p), cg_i32(cg, s), out};
            LLVMValueRef rc = cg_call(cg, "srt_cast_str_dec", args, 5, "dec.rc");
            LLVMValueRef bad = cg_or(cg, a.null, LLVMBuildICmp(cg->b, LLVMIntSLT, rc, cg_i32(cg, 0), ""));
            return scalar(bad, cg_select(cg, bad, cg_dec_const(cg, 0), cg_load(cg, t128, out, "dec")));
        }
        default:
            break;
        }
    } else if (from->kind == TY_DECIMAL) {
        LLVMValueRef s = cg_i32(cg, from->scale);
        switch (to->kind) {
        case TY_BOOLEAN:
            return scalar(a.null, LLVMBuildICmp(cg->b, LLVMIntNE, a.v, cg_dec_const(cg, 0), ""));
        case TY_INT:
        case TY_BIGINT: {
            LLVMValueRef args[2] = {a.v, s};
            LLVMValueRef v = dec_call(cg, "srt_dec_to_i64", args, 2, "dec.long");
            return scalar(a.null, to->kind == TY_INT ? LLVMBuildTrunc(cg->b, v, cg->t_i32, "") : v);
        }
        case TY_DOUBLE: {
            LLVMValueRef args[2] = {a.v, s};
            return scalar(a.null, dec_call(cg, "srt_dec_to_f64", args, 2, "dec.double"));
        }
        case TY_FLOAT: { /* Decimal.toFloat */
            LLVMValueRef args[2] = {a.v, s};
            return scalar(a.null, dec_call(cg, "srt_dec_to_f32", args, 2, "dec.float"));
        }
        case TY_STRING: {
            LLVMValueRef out = cg_alloca(cg, cg->t_ptr, "str.p");
            LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "str.n");
            LLVMValueRef args[5] = {cg->q, a.v, s, out, out_n};
            dec_call(cg, "srt_cast_dec_str", args, 5, "");
            CgVal r = scalar(a.null, cg_load(cg, cg->t_ptr, out, "str"));
            r.len = cg_load(cg, cg->t_i32, out_n, "str.len");
            return r;
        }
        default:
            break;
        }
    }
    cg_unsupported(cg, span, "this CAST");
    return cg_null_of(cg, to);
}
