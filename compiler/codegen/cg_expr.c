/* cg_expr.c - bound expressions to LLVM IR with SQL's three-valued NULL semantics.
**
** Operators compute on safe defaults and select the NULL flag (see cg_int.h),
** so most expressions are straight-line code the optimiser can schedule
** freely.  CASE uses real branches so only the chosen arm runs.
*/
#include <stdio.h>
#include <string.h>

#include "codegen/cg_emit.h"

static CgVal scalar(LLVMValueRef null, LLVMValueRef v)
{
    CgVal r = {0};
    r.null = null;
    r.v = v;
    return r;
}

CgVal cg_null_of(CgCtx *cg, const Type *t)
{
    CgVal r = {0};
    r.null = cg_i1(cg, 1);
    switch (t->kind) {
    case TY_BINARY:
    case TY_STRING:
        r.v = cg_str_const(cg, "", 1, "empty");
        r.len = cg_i32(cg, 0);
        break;
    case TY_STRUCT:
        r.n_fields = t->n_fields;
        r.fields = ARENA_NEW_N(cg->arena, CgVal, t->n_fields);
        for (int i = 0; i < t->n_fields; i++)
            r.fields[i] = cg_null_of(cg, t->fields[i].type);
        break;
    case TY_FLOAT:
        r.v = cg_f32(cg, 0.0);
        break;
    case TY_DOUBLE:
        r.v = cg_f64(cg, 0.0);
        break;
    case TY_ARRAY:
    case TY_MAP:
        r.v = LLVMConstNull(cg->t_ptr);
        r.len = cg_i32(cg, 0);
        break;
    default:
        r.v = LLVMConstNull(cg_type_of(cg, t));
        break;
    }
    return r;
}

LLVMValueRef cg_is_true(CgCtx *cg, CgVal v)
{
    return cg_and(cg, cg_not(cg, v.null), v.v);
}

static CgVal const_value(CgCtx *cg, const SExpr *e)
{
    if (e->u.value.is_null || e->type->kind == TY_NULL)
        return cg_null_of(cg, e->type);
    CgVal r = {0};
    r.null = cg_i1(cg, 0);
    switch (e->type->kind) {
    case TY_BOOLEAN: r.v = cg_i1(cg, e->u.value.i != 0); break;
    case TY_TINYINT:
    case TY_SMALLINT:
    case TY_INT: r.v = cg_i32(cg, e->u.value.i); break;
    case TY_FLOAT: r.v = cg_f32(cg, e->u.value.d); break;
    case TY_DOUBLE: r.v = cg_f64(cg, e->u.value.d); break;
    case TY_DECIMAL: r.v = cg_dec_const(cg, e->u.value.dec); break;
    case TY_BINARY:
    case TY_STRING:
        r.v = cg_str_const(cg, e->u.value.s, e->u.value.n, "lit");
        r.len = cg_i32(cg, e->u.value.n);
        break;
    case TY_STRUCT:
    case TY_ARRAY:
    case TY_MAP:
        cg_unsupported(cg, e->span, "a constant of a nested type");
        return cg_null_of(cg, &type_bigint);
    default: r.v = cg_i64(cg, e->u.value.i); break;
    }
    return r;
}

/* ==== Comparison ==== */

/* Spark's SQLOrderingUtil.compareDoubles (x == y ? 0 : java.lang.Double.compare) and
   CodeGenerator.genEqual ((isNaN(a) && isNaN(b)) || a == b): NaN equals NaN and is larger
   than every other double (+Infinity included); -0.0 equals 0.0.  Floats order alike
   (compareFloats), so a and b may be two floats as well. */
LLVMValueRef cg_double_cmp(CgCtx *cg, AstBinaryOp op, LLVMValueRef a, LLVMValueRef b)
{
    LLVMValueRef a_nan = LLVMBuildFCmp(cg->b, LLVMRealUNO, a, a, "");
    LLVMValueRef b_nan = LLVMBuildFCmp(cg->b, LLVMRealUNO, b, b, "");
    switch (op) {
    case BOP_EQ:
    case BOP_NE: {
        LLVMValueRef eq = cg_or(cg, LLVMBuildFCmp(cg->b, LLVMRealOEQ, a, b, ""), cg_and(cg, a_nan, b_nan));
        return op == BOP_EQ ? eq : cg_not(cg, eq);
    }
    case BOP_LT: return cg_or(cg, LLVMBuildFCmp(cg->b, LLVMRealOLT, a, b, ""), cg_and(cg, cg_not(cg, a_nan), b_nan));
    case BOP_LE: return cg_or(cg, LLVMBuildFCmp(cg->b, LLVMRealOLE, a, b, ""), b_nan);
    case BOP_GT: return cg_double_cmp(cg, BOP_LT, b, a);
    case BOP_GE: return cg_double_cmp(cg, BOP_LE, b, a);
    default: SL_UNREACHABLE();
    }
}

static LLVMValueRef compare(CgCtx *cg, AstBinaryOp op, const Type *t, CgVal a, CgVal b,
                            SrcSpan span);

/* Two non-NULL arrays of type t (ArrayType.interpretedOrdering: element by element, a NULL
   element first, then the shorter first) ordered by the runtime's comparator of nested values
   (srt_sort_cmp); an i32 -1, 0 or 1.  A NULL operand (a field of a struct being compared)
   is passed with no elements: its order is not used. */
static LLVMValueRef array_order(CgCtx *cg, const Type *t, CgVal a, CgVal b)
{
    LLVMValueRef d[2];
    CgVal v[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        d[k] = cg_alloca(cg, cg->t_datum, "acmp.d");
        v[k].len = cg_select(cg, v[k].null, cg_i32(cg, 0), v[k].len);
        cg_store_datum(cg, t, v[k], d[k], false);
    }
    LLVMValueRef args[4] = {cg->q, cg_type_text(cg, t), d[0], d[1]};
    return cg_call(cg, "srt_sort_cmp", args, 4, "acmp");
}

/* Two non-NULL structs of type t ordered as Spark's StructType.interpretedOrdering
   (InterpretedOrdering.forSchema: every field Ascending, so NullsFirst) and codegen's
   genComp for structs: field by field, the first that differs decides, a NULL field before
   any value, two NULL fields equal, each field compared as its type (doubles by
   compareDoubles: NaN largest, NaN = NaN, -0.0 = 0.0).  Returns an i32 -1, 0 or 1. */
static LLVMValueRef struct_order(CgCtx *cg, const Type *t, CgVal a, CgVal b, SrcSpan span)
{
    LLVMValueRef r = cg_i32(cg, 0), minus1 = cg_i32(cg, -1), one = cg_i32(cg, 1);
    for (int i = t->n_fields - 1; i >= 0; i--) { /* r: the order of fields i.. */
        const Type *ft = t->fields[i].type;
        CgVal fa = a.fields[i], fb = b.fields[i];
        LLVMValueRef c;
        if (ft->kind == TY_STRUCT) {
            c = struct_order(cg, ft, fa, fb, span);
        } else if (ft->kind == TY_ARRAY) {
            c = array_order(cg, ft, fa, fb);
        } else {
            LLVMValueRef lt = compare(cg, BOP_LT, ft, fa, fb, span);
            LLVMValueRef gt = compare(cg, BOP_GT, ft, fa, fb, span);
            c = cg_select(cg, lt, minus1, cg_select(cg, gt, one, cg_i32(cg, 0)));
        }
        c = cg_select(cg, fa.null, cg_select(cg, fb.null, cg_i32(cg, 0), minus1),
                      cg_select(cg, fb.null, one, c));
        LLVMValueRef differs = LLVMBuildICmp(cg->b, LLVMIntNE, c, cg_i32(cg, 0), "");
        r = cg_select(cg, differs, c, r);
    }
    return r;
}

/* Compare two non-NULL values of the same type; returns the i1 result of op. */
static LLVMValueRef compare(CgCtx *cg, AstBinaryOp op, const Type *t, CgVal a, CgVal b, SrcSpan span)
{
    static const LLVMIntPredicate ipred[] = {LLVMIntEQ, LLVMIntNE, LLVMIntSLT, LLVMIntSLE, LLVMIntSGT, LLVMIntSGE};
    static const LLVMIntPredicate upred[] = {LLVMIntEQ, LLVMIntNE, LLVMIntULT, LLVMIntULE, LLVMIntUGT, LLVMIntUGE};
    int k = (int)op - (int)BOP_EQ;
    switch (t->kind) {
    case TY_BOOLEAN:
    case TY_NULL:
        return LLVMBuildICmp(cg->b, upred[k], a.v, b.v, "cmp");
    case TY_FLOAT:
    case TY_DOUBLE:
        return cg_double_cmp(cg, op, a.v, b.v);
    case TY_BINARY:
    case TY_STRING: {
        LLVMValueRef args[4] = {a.v, a.len, b.v, b.len};
        LLVMValueRef c = cg_call(cg, "srt_str_cmp", args, 4, "strcmp");
        return LLVMBuildICmp(cg->b, ipred[k], c, cg_i32(cg, 0), "cmp");
    }
    case TY_STRUCT: {
        if (op != BOP_EQ && op != BOP_NE)
            return LLVMBuildICmp(cg->b, ipred[k], struct_order(cg, t, a, b, span), cg_i32(cg, 0),
                                 "cmp");
        LLVMValueRef all = cg_i1(cg, 1);
        for (int i = 0; i < t->n_fields; i++) {
            CgVal fa = a.fields[i], fb = b.fields[i];
            LLVMValueRef both_null = cg_and(cg, fa.null, fb.null);
            LLVMValueRef same_null = LLVMBuildICmp(cg->b, LLVMIntEQ, fa.null, fb.null, "");
            LLVMValueRef eq = compare(cg, BOP_EQ, t->fields[i].type, fa, fb, span);
            all = cg_and(cg, all, cg_and(cg, same_null, cg_or(cg, both_null, eq)));
        }
        return op == BOP_EQ ? all : cg_not(cg, all);
    }
    case TY_ARRAY:
        return LLVMBuildICmp(cg->b, ipred[k], array_order(cg, t, a, b), cg_i32(cg, 0), "cmp");
    case TY_MAP: /* refused by sema */
        cg_unsupported(cg, span, "comparison of maps");
        return cg_i1(cg, 0);
    default:
        return LLVMBuildICmp(cg->b, ipred[k], a.v, b.v, "cmp");
    }
}

LLVMValueRef cg_compare(CgCtx *cg, AstBinaryOp op, const Type *t, CgVal a, CgVal b, SrcSpan span)
{
    return compare(cg, op, t, a, b, span);
}

/* ==== Arithmetic ==== */

LLVMValueRef cg_narrow(CgCtx *cg, const Type *t, LLVMValueRef v)
{
    int bits = t->kind == TY_TINYINT || t->kind == TY_SMALLINT ? type_int_bits(t) : 0;
    if (!bits)
        return v;
    LLVMTypeRef nt = LLVMIntTypeInContext(cg->ctx, (unsigned)bits);
    return LLVMBuildSExt(cg->b, LLVMBuildTrunc(cg->b, v, nt, ""), cg->t_i32, "narrow");
}

LLVMValueRef cg_narrow_ovf(CgCtx *cg, const Type *t, LLVMValueRef v)
{
    return LLVMBuildICmp(cg->b, LLVMIntNE, cg_narrow(cg, t, v), v, "ovf");
}

LLVMValueRef cg_int_overflow_op(CgCtx *cg, const char *op, LLVMValueRef a, LLVMValueRef b,
                                LLVMValueRef *ovf)
{
    LLVMTypeRef t = LLVMTypeOf(a);
    char name[48];
    snprintf(name, sizeof name, "llvm.%s.with.overflow.i%u", op, LLVMGetIntTypeWidth(t));
    LLVMTypeRef t2[2] = {t, cg->t_i1};
    LLVMTypeRef rt = LLVMStructTypeInContext(LLVMGetModuleContext(cg->mod), t2, 2, 0);
    LLVMTypeRef ft = LLVMFunctionType(rt, (LLVMTypeRef[]){t, t}, 2, 0);
    LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, name);
    if (!fn)
        fn = LLVMAddFunction(cg->mod, name, ft);
    LLVMValueRef r = LLVMBuildCall2(cg->b, ft, fn, (LLVMValueRef[]){a, b}, 2, op);
    *ovf = LLVMBuildExtractValue(cg->b, r, 1, "ovf");
    return LLVMBuildExtractValue(cg->b, r, 0, "");
}

static CgVal arith(CgCtx *cg, const SExpr *e, CgVal a, CgVal b)
{
    if (type_is_ansi_interval(e->type))
        return cg_interval_arith(cg, e, a, b);
    LLVMValueRef null = cg_or(cg, a.null, b.null);
    AstBinaryOp op = e->u.bin.op;
    if (op == BOP_IDIV && e->u.bin.lhs->type->kind == TY_DECIMAL)
        return cg_dec_idiv(cg, e->u.bin.lhs->type, a, e->u.bin.rhs->type, b);
    if (e->type->kind == TY_DECIMAL)
        return cg_dec_arith(cg, op, e->type, e->u.bin.lhs->type, a, e->u.bin.rhs->type, b);
    if (type_is_fractional(e->type)) {
        LLVMValueRef fzero = LLVMConstReal(LLVMTypeOf(a.v), 0.0), v;
        switch (op) {
        case BOP_ADD: v = LLVMBuildFAdd(cg->b, a.v, b.v, "add"); break;
        case BOP_SUB: v = LLVMBuildFSub(cg->b, a.v, b.v, "sub"); break;
        case BOP_MUL: v = LLVMBuildFMul(cg->b, a.v, b.v, "mul"); break;
        default: {
            /* Spark (non-ANSI): x / 0 and x % 0 are NULL. */
            LLVMValueRef zero = LLVMBuildFCmp(cg->b, LLVMRealOEQ, b.v, fzero, "divzero");
            null = cg_or(cg, null, zero);
            v = op == BOP_DIV ? LLVMBuildFDiv(cg->b, a.v, b.v, "div") : LLVMBuildFRem(cg->b, a.v, b.v, "mod");
            v = cg_select(cg, zero, fzero, v);
        }
        }
        return scalar(null, v);
    }
    LLVMTypeRef t = LLVMTypeOf(a.v);
    LLVMValueRef v;
    switch (op) {
    case BOP_ADD: v = LLVMBuildAdd(cg->b, a.v, b.v, "add"); break;
    case BOP_SUB: v = LLVMBuildSub(cg->b, a.v, b.v, "sub"); break;
    case BOP_MUL: v = LLVMBuildMul(cg->b, a.v, b.v, "mul"); break;
    case BOP_BITAND: v = LLVMBuildAnd(cg->b, a.v, b.v, "and"); break;
    case BOP_BITOR: v = LLVMBuildOr(cg->b, a.v, b.v, "or"); break;
    case BOP_BITXOR: v = LLVMBuildXor(cg->b, a.v, b.v, "xor"); break;
    default: {
        /* Integral /, DIV and %: NULL on a zero divisor; x % -1 is 0 and x / -1 wraps
           (both avoid the overflow trap of INT_MIN / -1): Spark's IntegralDivide of
           Long.MinValue by -1 is Long.MinValue without ANSI mode. */
        LLVMValueRef zero = LLVMBuildICmp(cg->b, LLVMIntEQ, b.v, LLVMConstNull(t), "divzero");
        LLVMValueRef minus1 = LLVMBuildICmp(cg->b, LLVMIntEQ, b.v, LLVMConstAllOnes(t), "minus1");
        LLVMValueRef safe = cg_select(cg, cg_or(cg, zero, minus1), LLVMConstInt(t, 1, 0), b.v);
        null = cg_or(cg, null, zero);
        if (op == BOP_DIV || op == BOP_IDIV) {
            v = LLVMBuildSDiv(cg->b, a.v, safe, "div");
            v = cg_select(cg, minus1, LLVMBuildNeg(cg->b, a.v, ""), v);
        } else {
            v = LLVMBuildSRem(cg->b, a.v, safe, "mod");
            v = cg_select(cg, minus1, LLVMConstNull(t), v);
        }
        v = cg_select(cg, zero, LLVMConstNull(t), v);
    }
    }
    /* BinaryArithmetic of ByteType and ShortType (non-ANSI): an int result cast to the type */
    return scalar(null, cg_narrow(cg, e->type, v));
}

/* ==== CASE and selection ==== */

CgVal cg_val_select(CgCtx *cg, const Type *t, LLVMValueRef c, CgVal x, CgVal y)
{
    CgVal r = {0};
    r.null = cg_select(cg, c, x.null, y.null);
    if (t->kind == TY_STRUCT) {
        r.n_fields = t->n_fields;
        r.fields = ARENA_NEW_N(cg->arena, CgVal, t->n_fields);
        for (int i = 0; i < t->n_fields; i++)
            r.fields[i] = cg_val_select(cg, t->fields[i].type, c, x.fields[i], y.fields[i]);
        return r;
    }
    r.v = cg_select(cg, c, x.v, y.v);
    if (x.len)
        r.len = cg_select(cg, c, x.len, y.len);
    return r;
}

/* One phi per leaf of a value of type t, over the n arms (vals[i] reached from from[i]). */
static CgVal phi_val(CgCtx *cg, const Type *t, const CgVal *vals, LLVMBasicBlockRef *from, int n)
{
    CgVal r = {0};
    r.null = LLVMBuildPhi(cg->b, cg->t_i1, "case.null");
    for (int i = 0; i < n; i++)
        LLVMAddIncoming(r.null, (LLVMValueRef *)&vals[i].null, &from[i], 1);
    if (t->kind == TY_STRUCT) {
        r.n_fields = t->n_fields;
        r.fields = ARENA_NEW_N(cg->arena, CgVal, t->n_fields);
        CgVal *fv = ARENA_NEW_N(cg->arena, CgVal, n);
        for (int f = 0; f < t->n_fields; f++) {
            for (int i = 0; i < n; i++)
                fv[i] = vals[i].fields[f];
            r.fields[f] = phi_val(cg, t->fields[f].type, fv, from, n);
        }
        return r;
    }
    r.v = LLVMBuildPhi(cg->b, cg_type_of(cg, t), "case.v");
    if (type_is_bytes(t) || t->kind == TY_ARRAY || t->kind == TY_MAP)
        r.len = LLVMBuildPhi(cg->b, cg->t_i32, "case.len");
    for (int i = 0; i < n; i++) {
        LLVMAddIncoming(r.v, (LLVMValueRef *)&vals[i].v, &from[i], 1);
        if (r.len)
            LLVMAddIncoming(r.len, (LLVMValueRef *)&vals[i].len, &from[i], 1);
    }
    return r;
}

/* sema cast every arm to the result type, so the arms agree leaf by leaf. */
static CgVal case_expr(CgCtx *cg, const CgEnv *env, const SExpr *e)
{
    const Type *t = e->type;
    int n = e->u.kase.n_whens;
    LLVMBasicBlockRef done = cg_block(cg, "case.end");
    LLVMBasicBlockRef *from = ARENA_NEW_N(cg->arena, LLVMBasicBlockRef, n + 1);
    CgVal *vals = ARENA_NEW_N(cg->arena, CgVal, n + 1);
    for (int i = 0; i < n; i++) {
        CgVal c = cg_expr(cg, env, e->u.kase.whens[i]);
        LLVMBasicBlockRef then = cg_block(cg, "case.then");
        LLVMBasicBlockRef next = cg_block(cg, "case.next");
        LLVMBuildCondBr(cg->b, cg_is_true(cg, c), then, next);
        cg_at(cg, then);
        vals[i] = cg_expr(cg, env, e->u.kase.thens[i]);
        from[i] = LLVMGetInsertBlock(cg->b);
        LLVMBuildBr(cg->b, done);
        cg_at(cg, next);
    }
    vals[n] = e->u.kase.else_ ? cg_expr(cg, env, e->u.kase.else_) : cg_null_of(cg, t);
    from[n] = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);
    cg_at(cg, done);
    return phi_val(cg, t, vals, from, n + 1);
}

/* ==== IN ==== */

static CgVal in_expr(CgCtx *cg, const CgEnv *env, const SExpr *e)
{
    CgVal a = cg_expr(cg, env, e->u.in.arg);
    LLVMValueRef found = cg_i1(cg, 0), any_null = a.null;
    /* Many constants: one lookup in a sorted table (cg_inset.c); the rest one by one. */
    bool *done = ARENA_NEW_N(cg->arena, bool, e->u.in.n_values + 1), null_const = false;
    LLVMValueRef hit = cg_inset_lookup(cg, e, a, done, &null_const);
    if (hit)
        found = hit;
    if (null_const)
        any_null = cg_i1(cg, 1);
    for (int i = 0; i < e->u.in.n_values; i++) {
        if (done[i])
            continue;
        CgVal v = cg_expr(cg, env, e->u.in.values[i]);
        LLVMValueRef eq = compare(cg, BOP_EQ, e->u.in.arg->type, a, v, e->span);
        found = cg_or(cg, found, cg_and(cg, eq, cg_not(cg, v.null)));
        any_null = cg_or(cg, any_null, v.null);
    }
    found = cg_and(cg, found, cg_not(cg, a.null));
    /* x IN (...) is true if found, else NULL if anything was NULL, else false. */
    LLVMValueRef null = cg_and(cg, cg_not(cg, found), any_null);
    LLVMValueRef v = e->u.in.negated ? cg_not(cg, found) : found;
    return scalar(null, v);
}

/* ==== Dispatch ==== */

CgVal cg_expr(CgCtx *cg, const CgEnv *env, const SExpr *e)
{
    switch (e->kind) {
    case SX_CONST:
        return const_value(cg, e);
    case SX_COLUMN:
        if (e->u.column < 0 || e->u.column >= env->n_cols)
            SL_UNREACHABLE();
        return env->cols[e->u.column];
    case SX_GROUP_REF:
        return env->groups[e->u.ref];
    case SX_AGG_REF:
        return env->aggs[e->u.ref];
    case SX_WINDOW:
        if (!env->window) {
            cg_unsupported(cg, e->span, "window() outside GROUP BY");
            return cg_null_of(cg, e->type);
        }
        return *env->window;
    case SX_FIELD: {
        CgVal s = cg_expr(cg, env, e->u.field.arg);
        if (!s.fields)
            SL_UNREACHABLE();
        CgVal f = s.fields[e->u.field.index];
        f.null = cg_or(cg, f.null, s.null);
        return f;
    }
    case SX_EXPLODE:
        if (!env->gen) {
            cg_unsupported(cg, e->span, "explode() here");
            return cg_null_of(cg, e->type);
        }
        return *env->gen;
    case SX_INDEX: {
        CgVal a = cg_expr(cg, env, e->u.index.arg);
        CgVal i = cg_expr(cg, env, e->u.index.index);
        CgVal r = cg_array_elem(cg, e->type, a, i.v);
        r.null = cg_or(cg, r.null, i.null);
        return r;
    }
    case SX_NOT: {
        CgVal a = cg_expr(cg, env, e->u.arg);
        return scalar(a.null, cg_not(cg, a.v));
    }
    case SX_NEG: {
        CgVal a = cg_expr(cg, env, e->u.arg);
        if (type_is_ansi_interval(e->type))
            return cg_interval_neg(cg, e->type, a);
        LLVMValueRef v = type_is_fractional(e->type) ? LLVMBuildFNeg(cg->b, a.v, "neg")
                                                    : LLVMBuildNeg(cg->b, a.v, "neg");
        return scalar(a.null, cg_narrow(cg, e->type, v)); /* UnaryMinus: (byte)(-x) */
    }
    case SX_ARITH: {
        CgVal a = cg_expr(cg, env, e->u.bin.lhs);
        CgVal b = cg_expr(cg, env, e->u.bin.rhs);
        return arith(cg, e, a, b);
    }
    case SX_CMP: {
        CgVal a = cg_expr(cg, env, e->u.bin.lhs);
        CgVal b = cg_expr(cg, env, e->u.bin.rhs);
        if (e->u.bin.op == BOP_NSEQ) {
            /* EqualNullSafe (predicates.scala): never NULL; true when both are NULL, false
               when one is, else a = b (NaN equals NaN, as for =). */
            LLVMValueRef eq = compare(cg, BOP_EQ, e->u.bin.lhs->type, a, b, e->span);
            LLVMValueRef both = cg_and(cg, cg_not(cg, a.null), cg_not(cg, b.null));
            return scalar(cg_i1(cg, 0), cg_or(cg, cg_and(cg, a.null, b.null), cg_and(cg, both, eq)));
        }
        return scalar(cg_or(cg, a.null, b.null), compare(cg, e->u.bin.op, e->u.bin.lhs->type, a, b, e->span));
    }
    case SX_AND:
    case SX_OR: {
        CgVal a = cg_expr(cg, env, e->u.bin.lhs);
        CgVal b = cg_expr(cg, env, e->u.bin.rhs);
        int is_and = e->kind == SX_AND;
        /* AND: false wins over NULL; OR: true wins over NULL. */
        LLVMValueRef da = cg_and(cg, cg_not(cg, a.null), is_and ? cg_not(cg, a.v) : a.v);
        LLVMValueRef db = cg_and(cg, cg_not(cg, b.null), is_and ? cg_not(cg, b.v) : b.v);
        LLVMValueRef decided = cg_or(cg, da, db);
        LLVMValueRef null = cg_and(cg, cg_not(cg, decided), cg_or(cg, a.null, b.null));
        return scalar(null, is_and ? cg_not(cg, decided) : decided);
    }
    case SX_CONCAT: {
        CgVal a = cg_expr(cg, env, e->u.bin.lhs);
        CgVal b = cg_expr(cg, env, e->u.bin.rhs);
        LLVMValueRef out = cg_alloca(cg, cg->t_ptr, "cat.p");
        LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "cat.n");
        LLVMValueRef args[7] = {cg->q, a.v, a.len, b.v, b.len, out, out_n};
        cg_call(cg, "srt_str_concat", args, 7, "");
        CgVal r = scalar(cg_or(cg, a.null, b.null), cg_load(cg, cg->t_ptr, out, "cat"));
        r.len = cg_load(cg, cg->t_i32, out_n, "cat.len");
        return r;
    }
    case SX_IS_NULL: {
        CgVal a = cg_expr(cg, env, e->u.is_null.arg);
        return scalar(cg_i1(cg, 0), e->u.is_null.negated ? cg_not(cg, a.null) : a.null);
    }
    case SX_LIKE: {
        CgVal a = cg_expr(cg, env, e->u.like.arg);
        CgVal p = cg_expr(cg, env, e->u.like.pattern);
        /* -1: an invalid pattern failed the query (srt_query_fail); the row's value is NULL */
        /* a constant pattern was checked by sema (bind_like): not again per row */
        int checked = e->u.like.pattern->kind == SX_CONST;
        LLVMValueRef args[7] = {cg->q, a.v, a.len, p.v, p.len, cg_i32(cg, (int32_t)e->u.like.escape),
                                cg_i32(cg, checked)};
        LLVMValueRef m = cg_call(cg, "srt_like", args, 7, "like");
        LLVMValueRef bad = LLVMBuildICmp(cg->b, LLVMIntSLT, m, cg_i32(cg, 0), "");
        LLVMValueRef v = LLVMBuildICmp(cg->b, e->u.like.negated ? LLVMIntEQ : LLVMIntNE, m, cg_i32(cg, 0), "");
        return scalar(cg_or(cg, cg_or(cg, a.null, p.null), bad), v);
    }
    case SX_IN:
        return in_expr(cg, env, e);
    case SX_CASE:
        return case_expr(cg, env, e);
    case SX_CAST: {
        CgVal a = cg_expr(cg, env, e->u.arg);
        return cg_cast(cg, a, e->u.arg->type, e->type, e->span);
    }
    case SX_LAMBDA_VAR:
        for (const CgLambdaBind *l = env->lambdas; l; l = l->up)
            if (l->ref == e->u.ref)
                return l->v;
        SL_UNREACHABLE();
    case SX_CALL: {
        switch (e->u.call.fn) {
        FN_CASES_LAMBDA: /* the body is evaluated per element, not here */
            return cg_array_lambda_fn(cg, env, e);
        default:
            break;
        }
        CgVal *args = ARENA_NEW_N(cg->arena, CgVal, e->u.call.n_args + 1);
        for (int i = 0; i < e->u.call.n_args; i++)
            args[i] = cg_expr(cg, env, e->u.call.args[i]);
        return cg_call_fn(cg, e, args);
    }
    }
    SL_UNREACHABLE();
}
