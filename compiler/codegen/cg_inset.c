/* cg_inset.c - x IN (many constants): one binary search in a sorted constant table.
**
** Spark's OptimizeIn (catalyst/optimizer/expressions.scala) turns an IN list of more
** than spark.sql.optimizer.inSetConversionThreshold (10) distinct literals into InSet,
** a hash set built once.  Here the distinct constants of an integral (TINYINT to BIGINT,
** DATE, TIMESTAMP) or string list are sorted at compile time into a private table that the
** generated code searches, so the code (and the optimiser's work) stays the same size
** however long the list is; a chain of comparisons grew with it and made compile time
** quadratic.  NULL semantics are IN's
** (and InSet's): a match is true; otherwise a NULL x or a NULL in the list gives NULL.
** The order is the one the comparisons use: signed integers, and strings as
** srt_str_cmp compares them (unsigned bytes, then length).
*/
#include <stdlib.h>
#include <string.h>

#include "codegen/cg_emit.h"

/* More than spark.sql.optimizer.inSetConversionThreshold (SQLConf, default 10). */
#define INSET_MIN 11

typedef struct Key {
    int64_t i;
    const char *s;
    uint32_t n;
} Key;

static int cmp_int(const void *a, const void *b)
{
    int64_t x = ((const Key *)a)->i, y = ((const Key *)b)->i;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    const Key *x = a, *y = b;
    uint32_t n = x->n < y->n ? x->n : y->n;
    int c = n ? memcmp(x->s, y->s, n) : 0;
    return c ? c : (x->n > y->n) - (x->n < y->n);
}

/* Element mid of the table against x: sets *lt (element < x) and *eq. */
static void probe(CgCtx *cg, int kind, LLVMValueRef tab, LLVMValueRef offs, LLVMValueRef mid, CgVal x,
                  LLVMValueRef *lt, LLVMValueRef *eq)
{
    LLVMValueRef mid64 = LLVMBuildZExt(cg->b, mid, cg->t_i64, "");
    if (kind == TY_STRING) {
        LLVMValueRef at = cg_gep(cg, offs, LLVMBuildMul(cg->b, mid64, cg_i64(cg, 4), ""), "");
        LLVMValueRef b = cg_load(cg, cg->t_i32, at, "inset.off");
        LLVMValueRef e = cg_load(cg, cg->t_i32, cg_gepc(cg, at, 4, ""), "inset.end");
        LLVMValueRef args[4] = {cg_gep(cg, tab, LLVMBuildZExt(cg->b, b, cg->t_i64, ""), ""),
                                LLVMBuildSub(cg->b, e, b, ""), x.v, x.len};
        LLVMValueRef c = cg_call(cg, "srt_str_cmp", args, 4, "inset.cmp");
        *lt = LLVMBuildICmp(cg->b, LLVMIntSLT, c, cg_i32(cg, 0), "");
        *eq = LLVMBuildICmp(cg->b, LLVMIntEQ, c, cg_i32(cg, 0), "");
        return;
    }
    bool i32 = kind == TY_INT || kind == TY_SMALLINT || kind == TY_TINYINT;
    LLVMTypeRef t = i32 ? cg->t_i32 : cg->t_i64;
    LLVMValueRef off = LLVMBuildMul(cg->b, mid64, cg_i64(cg, i32 ? 4 : 8), "");
    LLVMValueRef v = cg_load(cg, t, cg_gep(cg, tab, off, ""), "inset.v");
    *lt = LLVMBuildICmp(cg->b, LLVMIntSLT, v, x.v, "");
    *eq = LLVMBuildICmp(cg->b, LLVMIntEQ, v, x.v, "");
}

/* The search loop over n sorted entries; returns the i1 "found". */
static LLVMValueRef search(CgCtx *cg, int kind, LLVMValueRef tab, LLVMValueRef offs, int n, CgVal x)
{
    LLVMBasicBlockRef pre = LLVMGetInsertBlock(cg->b);
    LLVMBasicBlockRef head = cg_block(cg, "inset.head");
    LLVMBasicBlockRef body = cg_block(cg, "inset.body");
    LLVMBasicBlockRef step = cg_block(cg, "inset.step");
    LLVMBasicBlockRef done = cg_block(cg, "inset.done");
    LLVMBuildBr(cg->b, head);
    cg_at(cg, head);
    LLVMValueRef lo = LLVMBuildPhi(cg->b, cg->t_i32, "inset.lo");
    LLVMValueRef hi = LLVMBuildPhi(cg->b, cg->t_i32, "inset.hi");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, lo, hi, ""), body, done);
    cg_at(cg, body);
    LLVMValueRef mid = LLVMBuildLShr(cg->b, LLVMBuildAdd(cg->b, lo, hi, ""), cg_i32(cg, 1), "inset.mid");
    LLVMValueRef lt, eq;
    probe(cg, kind, tab, offs, mid, x, &lt, &eq);
    LLVMBasicBlockRef body_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildCondBr(cg->b, eq, done, step);
    cg_at(cg, step);
    LLVMValueRef lo2 = cg_select(cg, lt, LLVMBuildAdd(cg->b, mid, cg_i32(cg, 1), ""), lo);
    LLVMValueRef hi2 = cg_select(cg, lt, hi, mid);
    LLVMBuildBr(cg->b, head);
    LLVMValueRef lo_in[2] = {cg_i32(cg, 0), lo2}, hi_in[2] = {cg_i32(cg, n), hi2};
    LLVMBasicBlockRef from[2] = {pre, step};
    LLVMAddIncoming(lo, lo_in, from, 2);
    LLVMAddIncoming(hi, hi_in, from, 2);
    cg_at(cg, done);
    LLVMValueRef found = LLVMBuildPhi(cg->b, cg->t_i1, "inset.found");
    LLVMValueRef f_in[2] = {cg_i1(cg, 0), cg_i1(cg, 1)};
    LLVMBasicBlockRef f_from[2] = {head, body_end};
    LLVMAddIncoming(found, f_in, f_from, 2);
    return found;
}

LLVMValueRef cg_inset_lookup(CgCtx *cg, const SExpr *e, CgVal x, bool *done, bool *has_null)
{
    const Type *xt = e->u.in.arg->type;
    int kind = xt->kind;
    if (!type_is_integral(xt) && kind != TY_TIMESTAMP && kind != TY_DATE && kind != TY_STRING)
        return NULL;
    int n_values = e->u.in.n_values, n = 0;
    for (int i = 0; i < n_values; i++)
        n += e->u.in.values[i]->kind == SX_CONST && !e->u.in.values[i]->u.value.is_null;
    if (n < INSET_MIN)
        return NULL;
    Key *keys = ARENA_NEW_N(cg->arena, Key, n);
    n = 0;
    *has_null = false;
    for (int i = 0; i < n_values; i++) {
        const SExpr *v = e->u.in.values[i];
        if (v->kind != SX_CONST)
            continue;
        done[i] = true;
        if (v->u.value.is_null || v->type->kind == TY_NULL) {
            *has_null = true;
            continue;
        }
        keys[n++] = (Key){v->u.value.i, v->u.value.s, v->u.value.n};
    }
    int (*cmp)(const void *, const void *) = kind == TY_STRING ? cmp_str : cmp_int;
    qsort(keys, (size_t)n, sizeof *keys, cmp);
    int k = 0; /* distinct, as OptimizeIn's list */
    for (int i = 0; i < n; i++)
        if (k == 0 || cmp(&keys[k - 1], &keys[i]) != 0)
            keys[k++] = keys[i];
    LLVMValueRef *elems = ARENA_NEW_N(cg->arena, LLVMValueRef, k + 1);
    if (kind != TY_STRING) {
        /* TINYINT and SMALLINT as INT, sign-extended */
        LLVMTypeRef t = type_is_int32(xt) ? cg->t_i32 : cg->t_i64;
        for (int i = 0; i < k; i++)
            elems[i] = LLVMConstInt(t, (unsigned long long)keys[i].i, 1);
        LLVMValueRef tab = cg_const_global(cg, LLVMConstArray(t, elems, (unsigned)k), "inset");
        return search(cg, kind, tab, NULL, k, x);
    }
    /* Strings: the bytes back to back, and k + 1 offsets into them. */
    size_t total = 0;
    for (int i = 0; i < k; i++)
        total += keys[i].n;
    char *bytes = ARENA_NEW_N(cg->arena, char, total + 1);
    uint32_t at = 0;
    for (int i = 0; i < k; i++) {
        elems[i] = cg_i32(cg, at);
        memcpy(bytes + at, keys[i].s, keys[i].n);
        at += keys[i].n;
    }
    elems[k] = cg_i32(cg, at);
    LLVMValueRef blob = cg_str_const(cg, bytes, at, "inset.bytes");
    LLVMValueRef offs = cg_const_global(cg, LLVMConstArray(cg->t_i32, elems, (unsigned)k + 1), "inset.offsets");
    return search(cg, kind, blob, offs, k, x);
}
