/* cg_agg.c - hash aggregation: group keys to bytes, aggregate state updates, the emit function.
**
** Key bytes follow PKeyLayout (plan.h): null bytes, fixed 8-byte slots, then
** the bytes of STRING and nested keys (srt_key.c).  Bytes are canonical (padding
** zeroed, NULL slots zero, -0.0 and NaN normalised as Spark does, inside structs
** and arrays too) so the runtime can compare keys with memcmp.  Each aggregate
** owns 16 bytes of state:
**   count      i64 count
**   sum        i64 sum, i64 has-value (an integer sum)
**   min/max    i64|f64 value (or i8* string), i32 length, i32 has-value
**   bit_and/bit_or/bit_xor  i64 value, i32 unused, i32 has-value
** except a DOUBLE sum or avg, which owns 32 bytes (see "DOUBLE sum, avg" below):
**   sum, avg   f64 sum of the state, i64 has-value (sum) or count (avg), f64 sum of the
**              batch, i64 batch id + 1 of the latter
** An interval sum or avg owns 48 bytes (see "ANSI interval sum, avg" below).
** A DECIMAL min/max owns 32 bytes (plan_build.c's layout_state): i128 value, i64 has-value;
** a DECIMAL sum/avg 64 (the state's sum and the batch's, see "DECIMAL aggregates" below),
** and a DECIMAL key 16 bytes (the unscaled value, low word first).
**   first/last i64|f64 value (or i8* string), i32 length, i8 valueSet, i8 value is NULL
**   collect_list/collect_set  a pointer to the values, owned by the runtime (srt_collect.c)
** except approx_count_distinct, which owns plan_agg_state_size bytes: the HLL++ sketch,
** Spark's numWords 64-bit words of registers (srt_hll.c), and the central moments (stddev,
** variance: 64 bytes; skewness 80, kurtosis 96):
**   f64 n, avg, m2 [, m3 [, m4]] of the state, the same of the batch, i64 batch id + 1 of the
**   latter (see "Central moments" below).
** Zeroed state is the empty aggregate, so the runtime only zeroes new groups.
*/
#include "codegen/cg_emit.h"
#include "srt_abi.h"

/* ==== Key encoding ==== */

/* NaN as Double.NaN, and -0.0 as 0.0 unless keep_neg_zero (PKeyLayout.keep_neg_zero). */
static LLVMValueRef key_double(CgCtx *cg, LLVMValueRef v, bool keep_neg_zero)
{
    LLVMValueRef is_nan = LLVMBuildFCmp(cg->b, LLVMRealUNO, v, v, "");
    if (!keep_neg_zero) {
        LLVMValueRef is_zero = LLVMBuildFCmp(cg->b, LLVMRealOEQ, v, cg_f64(cg, 0.0), "");
        v = cg_select(cg, is_zero, cg_f64(cg, 0.0), v);
    }
    return cg_select(cg, is_nan, cg_f64(cg, __builtin_nan("")), v);
}

static LLVMValueRef canonical_double(CgCtx *cg, LLVMValueRef v)
{
    return key_double(cg, v, false);
}

/* The 64-bit pattern stored in a fixed key slot. */
LLVMValueRef cg_key_slot_bits(CgCtx *cg, const PKeyLayout *kl, const Type *t, LLVMValueRef v)
{
    switch (t->kind) {
    case TY_BOOLEAN: return LLVMBuildZExt(cg->b, v, cg->t_i64, "");
    case TY_TINYINT:
    case TY_SMALLINT:
    case TY_INT: return LLVMBuildSExt(cg->b, v, cg->t_i64, "");
    case TY_DOUBLE: return LLVMBuildBitCast(cg->b, key_double(cg, v, kl->keep_neg_zero), cg->t_i64, "");
    case TY_FLOAT: /* as the exact double: NaN and -0.0 alike */
        return LLVMBuildBitCast(cg->b, key_double(cg, LLVMBuildFPExt(cg->b, v, cg->t_f64, ""), kl->keep_neg_zero),
                                cg->t_i64, "");
    default: return v;
    }
}

/* Null byte i of a key (PKeyLayout): key i's NULL, or the NULL of a field of a struct key
   that is not itself NULL (a NULL struct's field bytes are 0). */
LLVMValueRef cg_key_null(CgCtx *cg, const PKeyLayout *kl, const CgVal *keys, uint32_t i)
{
    if (i < (uint32_t)kl->n)
        return keys[i].null;
    for (int k = 0; k < kl->n; k++) {
        const PKeySlot *s = &kl->slots[k];
        if (s->field_nulls && i >= s->field_nulls && i < s->field_nulls + (uint32_t)s->type->n_fields) {
            LLVMValueRef f = keys[k].fields[i - s->field_nulls].null;
            return cg_and(cg, LLVMBuildNot(cg->b, keys[k].null, ""), f);
        }
    }
    return cg_i1(cg, 0);
}

/* The canonical bytes of a nested value (srt_key.c): the value as a datum, encoded by the
   runtime into scratch memory, -0.0 kept or not.  Length 0 for NULL. */
static CgVal nested_bytes(CgCtx *cg, const Type *t, CgVal v, bool keep_neg_zero)
{
    LLVMValueRef d = cg_alloca(cg, cg->t_datum, "nested.datum");
    cg_store_datum(cg, t, v, d, false);
    LLVMValueRef lenp = cg_alloca(cg, cg->t_i32, "nested.nlen");
    LLVMValueRef args[5] = {cg->q, cg_type_text(cg, t), d, cg_i32(cg, keep_neg_zero), lenp};
    CgVal r = {0};
    r.null = v.null;
    r.v = cg_call(cg, "srt_key_nested", args, 5, "nested");
    r.len = cg_load(cg, cg->t_i32, lenp, "nested.nlen");
    return r;
}

/* The canonical bytes of a nested key. */
static CgVal nested_key_bytes(CgCtx *cg, const PKeyLayout *kl, const Type *t, CgVal v)
{
    return nested_bytes(cg, t, v, kl->keep_neg_zero);
}

/* Build the key of one row; returns its pointer and sets *len. */
LLVMValueRef cg_build_key(CgCtx *cg, const PKeyLayout *kl, const CgVal *keys, LLVMValueRef stack_buf,
                          LLVMValueRef *len_out)
{
    /* The bytes after the fixed part: a STRING's, or a nested key's made first. */
    CgVal *var = ARENA_NEW_N(cg->arena, CgVal, kl->n ? kl->n : 1);
    LLVMValueRef total = cg_i32(cg, kl->fixed_size);
    for (int i = 0; i < kl->n; i++)
        if (plan_key_slot_var(&kl->slots[i])) {
            var[i] = kl->slots[i].nested ? nested_key_bytes(cg, kl, kl->slots[i].type, keys[i]) : keys[i];
            total = LLVMBuildAdd(cg->b, total, cg_select(cg, var[i].null, cg_i32(cg, 0), var[i].len), "keylen");
        }
    LLVMValueRef buf = stack_buf;
    if (kl->has_strings) {
        /* Long strings: the key goes to scratch memory instead of the stack. */
        /* A wide key's stack buffer as a GEP made here: SROA folds the constant offsets of
           the key's stores through the phi below into GEPs of each incoming pointer, put
           after it, unless that pointer is a GEP (AggLoadStoreRewriter::foldGEPPhi); the
           alloca's were in the entry block, a hundred of them live across the record loop. */
        if (kl->n > CG_WIDE_RECORD)
            stack_buf = LLVMBuildInBoundsGEP2(cg->b, cg->t_i8, stack_buf,
                                              &(LLVMValueRef){cg_i64(cg, 0)}, 1, "key.stack");
        LLVMBasicBlockRef here = LLVMGetInsertBlock(cg->b);
        LLVMBasicBlockRef big = cg_block(cg, "key.big");
        LLVMBasicBlockRef join = cg_block(cg, "key.buf");
        LLVMValueRef fits =
            LLVMBuildICmp(cg->b, LLVMIntULE, total, cg_i32(cg, CG_KEY_STACK_BYTES), "");
        LLVMBuildCondBr(cg->b, fits, join, big);
        cg_at(cg, big);
        LLVMValueRef args[2] = {cg->q, LLVMBuildZExt(cg->b, total, cg->t_i64, "")};
        LLVMValueRef heap = cg_call(cg, "srt_scratch_alloc", args, 2, "key.heap");
        LLVMBuildBr(cg->b, join);
        cg_at(cg, join);
        buf = cg_phi2(cg, cg->t_ptr, stack_buf, here, heap, big, "key");
    }
    /* Null bytes and their padding, each word built in registers and stored whole: the key's
       words are read back at once (its hash, the last key's compare), and a load that spans
       several narrower stores cannot take its bytes from them (a store-forwarding stall of
       a dozen cycles per record). */
    int big_endian = LLVMByteOrder(cg->td) == LLVMBigEndian;
    for (uint32_t off = 0; off < ((kl->null_bytes + 7u) & ~7u); off += 8) {
        LLVMValueRef word = cg_i64(cg, 0);
        for (uint32_t i = off; i < off + 8 && i < kl->null_bytes; i++) {
            uint32_t shift = 8u * (big_endian ? 7u - (i - off) : i - off);
            LLVMValueRef bit = LLVMBuildZExt(cg->b, cg_key_null(cg, kl, keys, i), cg->t_i64, "");
            word = cg_or(cg, word, shift ? LLVMBuildShl(cg->b, bit, cg_i64(cg, shift), "") : bit);
        }
        cg_store(cg, word, cg_gepc(cg, buf, off, ""));
    }
    LLVMValueRef var_off = cg_i32(cg, kl->fixed_size);
    for (int i = 0; i < kl->n; i++) {
        const PKeySlot *s = &kl->slots[i];
        const CgVal *k = plan_key_slot_var(s) ? &var[i] : &keys[i];
        if (s->type->kind == TY_STRUCT && !s->nested) {
            for (int f = 0; f < s->type->n_fields; f++) {
                LLVMValueRef bits =
                    cg_key_slot_bits(cg, kl, s->type->fields[f].type, k->fields[f].v);
                bits = cg_select(cg, cg_or(cg, k->null, k->fields[f].null), cg_i64(cg, 0), bits);
                cg_store(cg, bits, cg_gepc(cg, buf, s->offset + 8u * (uint32_t)f, ""));
            }
        } else if (plan_key_slot_var(s)) {
            LLVMValueRef n = cg_select(cg, k->null, cg_i32(cg, 0), k->len);
            cg_store(cg, LLVMBuildZExt(cg->b, n, cg->t_i64, ""), cg_gepc(cg, buf, s->offset, ""));
            LLVMValueRef cargs[3] = {cg_gep(cg, buf, LLVMBuildZExt(cg->b, var_off, cg->t_i64, ""), ""), k->v,
                                     LLVMBuildZExt(cg->b, n, cg->t_i64, "")};
            cg_call(cg, "srt_key_copy", cargs, 3, "");
            var_off = LLVMBuildAdd(cg->b, var_off, n, "");
        } else if (s->type->kind == TY_DECIMAL) {
            cg_dec_store(cg, cg_select(cg, k->null, cg_dec_const(cg, 0), k->v), cg_gepc(cg, buf, s->offset, ""));
        } else {
            LLVMValueRef bits =
                cg_select(cg, k->null, cg_i64(cg, 0), cg_key_slot_bits(cg, kl, s->type, k->v));
            cg_store(cg, bits, cg_gepc(cg, buf, s->offset, ""));
        }
    }
    *len_out = total;
    return buf;
}

/* Decode key bytes of layout kl into values (a group's on the emit side, a DISTINCT tuple's). */
void cg_decode_key(CgCtx *cg, const PKeyLayout *kl, LLVMValueRef key, CgVal *keys)
{
    LLVMValueRef var_off = cg_i64(cg, kl->fixed_size);
    for (int i = 0; i < kl->n; i++) {
        const PKeySlot *s = &kl->slots[i];
        CgVal *k = &keys[i];
        LLVMValueRef nb = cg_load(cg, cg->t_i8, cg_gepc(cg, key, (uint64_t)i, ""), "k.nullbyte");
        k->null = LLVMBuildICmp(cg->b, LLVMIntNE, nb, cg_i8(cg, 0), "k.null");
        if (s->nested) {
            LLVMValueRef n = cg_load(cg, cg->t_i64, cg_gepc(cg, key, s->offset, ""), "k.nlen");
            LLVMValueRef args[4] = {cg->q, cg_type_text(cg, s->type), cg_gep(cg, key, var_off, "k.nested"),
                                    LLVMBuildTrunc(cg->b, n, cg->t_i32, "")};
            var_off = LLVMBuildAdd(cg->b, var_off, n, "");
            LLVMValueRef null = k->null;
            *k = cg_load_datum(cg, s->type, cg_call(cg, "srt_key_nested_value", args, 4, "k.value"));
            k->null = cg_or(cg, k->null, null);
            continue;
        }
        if (s->type->kind == TY_STRUCT) {
            k->n_fields = s->type->n_fields;
            k->fields = ARENA_NEW_N(cg->arena, CgVal, k->n_fields);
            for (int f = 0; f < k->n_fields; f++) {
                LLVMValueRef bits = cg_load(cg, cg->t_i64, cg_gepc(cg, key, s->offset + 8u * (uint32_t)f, ""), "k.f");
                k->fields[f].null = cg_i1(cg, 0);
                if (s->field_nulls) {
                    LLVMValueRef fb = cg_load(cg, cg->t_i8, cg_gepc(cg, key, s->field_nulls + (uint32_t)f, ""), "k.fnull");
                    k->fields[f].null = LLVMBuildICmp(cg->b, LLVMIntNE, fb, cg_i8(cg, 0), "");
                }
                k->fields[f].v = bits;
                const Type *ft = s->type->fields[f].type;
                if (ft->kind == TY_DOUBLE)
                    k->fields[f].v = LLVMBuildBitCast(cg->b, bits, cg->t_f64, "");
                else if (ft->kind == TY_FLOAT)
                    k->fields[f].v = LLVMBuildFPTrunc(cg->b, LLVMBuildBitCast(cg->b, bits, cg->t_f64, ""), cg->t_f32, "");
                else if (type_is_int32(ft))
                    k->fields[f].v = LLVMBuildTrunc(cg->b, bits, cg->t_i32, "");
                else if (ft->kind == TY_BOOLEAN)
                    k->fields[f].v = LLVMBuildTrunc(cg->b, bits, cg->t_i1, "");
            }
            continue;
        }
        if (s->type->kind == TY_DECIMAL) {
            k->v = cg_dec_load(cg, cg_gepc(cg, key, s->offset, ""), "k.dec");
            continue;
        }
        LLVMValueRef bits = cg_load(cg, cg->t_i64, cg_gepc(cg, key, s->offset, ""), "k.bits");
        switch (s->type->kind) {
        case TY_BINARY:
        case TY_STRING:
            k->len = LLVMBuildTrunc(cg->b, bits, cg->t_i32, "k.len");
            k->v = cg_gep(cg, key, var_off, "k.str");
            var_off = LLVMBuildAdd(cg->b, var_off, bits, "");
            break;
        case TY_DOUBLE: k->v = LLVMBuildBitCast(cg->b, bits, cg->t_f64, "k.d"); break;
        case TY_FLOAT: k->v = LLVMBuildFPTrunc(cg->b, LLVMBuildBitCast(cg->b, bits, cg->t_f64, ""), cg->t_f32, "k.f"); break;
        case TY_TINYINT:
        case TY_SMALLINT:
        case TY_INT: k->v = LLVMBuildTrunc(cg->b, bits, cg->t_i32, "k.i"); break;
        case TY_BOOLEAN: k->v = LLVMBuildTrunc(cg->b, bits, cg->t_i1, "k.b"); break;
        default: k->v = bits; break;
        }
    }
}

/* ==== State updates ==== */

/* The group table being updated (where a STRING min/max/first/last and collected values go). */
static LLVMValueRef group_table(CgCtx *cg)
{
    return cg->agg_table ? cg->agg_table : cg_call(cg, "srt_query_agg_table", &cg->q, 1, "table");
}

/* A copy of n bytes at s kept by the state being updated: the group table's, or the session
   table's in a session window. */
static LLVMValueRef state_strdup(CgCtx *cg, LLVMValueRef s, LLVMValueRef n, const char *name)
{
    if (cg->session_state) {
        LLVMValueRef args[3] = {cg->q, s, n};
        return cg_call(cg, "srt_session_strdup", args, 3, name);
    }
    LLVMValueRef args[3] = {group_table(cg), s, n};
    return cg_call(cg, "srt_agg_strdup", args, 3, name);
}

/* The order of two values of type t kept as bytes (plan_agg_slot_bytes: a STRING's or
   BINARY's, a STRUCT's or ARRAY's canonical bytes, compared by srt_key_nested_cmp as Spark's
   interpretedOrdering orders them): an i32 < 0, 0 or > 0. */
static LLVMValueRef slot_order(CgCtx *cg, const Type *t, CgVal a, CgVal b)
{
    if (type_is_nested(t)) {
        LLVMValueRef args[6] = {cg->q, cg_type_text(cg, t), a.v, a.len, b.v, b.len};
        return cg_call(cg, "srt_key_nested_cmp", args, 6, "ncmp");
    }
    LLVMValueRef args[4] = {a.v, a.len, b.v, b.len};
    return cg_call(cg, "srt_str_cmp", args, 4, "cmp");
}

static void update_minmax(CgCtx *cg, const SAgg *a, LLVMValueRef st, CgVal x)
{
    const Type *t = a->arg->type;
    LLVMValueRef has_p = cg_gepc(cg, st, 12, "mm.has.p");
    LLVMValueRef has = LLVMBuildICmp(cg->b, LLVMIntNE, cg_load(cg, cg->t_i32, has_p, "mm.has"), cg_i32(cg, 0), "");
    LLVMValueRef better;
    int is_min = a->kind == AGG_MIN;
    if (plan_agg_slot_bytes(t)) { /* a nested value as its bytes, -0.0 kept */
        if (type_is_nested(t))
            x = nested_bytes(cg, t, x, true);
        CgVal cur = {0};
        cur.v = cg_load(cg, cg->t_ptr, st, "mm.s");
        cur.len = cg_load(cg, cg->t_i32, cg_gepc(cg, st, 8, ""), "mm.n");
        LLVMValueRef c = slot_order(cg, t, x, cur);
        better = LLVMBuildICmp(cg->b, is_min ? LLVMIntSLT : LLVMIntSGT, c, cg_i32(cg, 0), "");
        better = cg_and(cg, cg_not(cg, x.null), cg_or(cg, cg_not(cg, has), better));
        LLVMBasicBlockRef bb_set = cg_block(cg, "mm.set");
        LLVMBasicBlockRef bb_done = cg_block(cg, "mm.done");
        LLVMBuildCondBr(cg->b, better, bb_set, bb_done);
        cg_at(cg, bb_set);
        /* The table keeps its own copy of the string. */
        LLVMValueRef copy = state_strdup(cg, x.v, x.len, "mm.copy");
        cg_store(cg, copy, st);
        cg_store(cg, x.len, cg_gepc(cg, st, 8, ""));
        cg_store(cg, cg_i32(cg, 1), has_p);
        LLVMBuildBr(cg->b, bb_done);
        cg_at(cg, bb_done);
        return;
    }
    LLVMValueRef v = x.v;
    LLVMTypeRef lt = cg->t_i64;
    if (t->kind == TY_DOUBLE)
        lt = cg->t_f64;
    else if (t->kind == TY_FLOAT) { /* kept as the exact double */
        lt = cg->t_f64;
        v = LLVMBuildFPExt(cg->b, v, cg->t_f64, "");
    } else if (type_is_int32(t))
        v = LLVMBuildSExt(cg->b, v, cg->t_i64, "");
    else if (t->kind == TY_BOOLEAN || t->kind == TY_NULL)
        v = LLVMBuildZExt(cg->b, v, cg->t_i64, "");
    LLVMValueRef cur = cg_load(cg, lt, st, "mm.cur");
    if (lt == cg->t_f64)
        better = cg_double_cmp(cg, is_min ? BOP_LT : BOP_GT, v, cur);
    else
        better = LLVMBuildICmp(cg->b, is_min ? LLVMIntSLT : LLVMIntSGT, v, cur, "");
    better = cg_and(cg, cg_not(cg, x.null), cg_or(cg, cg_not(cg, has), better));
    cg_store(cg, cg_select(cg, better, v, cur), st);
    cg_store(cg, cg_select(cg, cg_not(cg, x.null), cg_i32(cg, 1), LLVMBuildZExt(cg->b, has, cg->t_i32, "")), has_p);
}

/* ==== DECIMAL aggregates ====
**
** min and max keep an i128 value and a has-value word.  Sum and Average (TrySum and
** TryAverage of a DECIMAL are both, without ANSI mode) keep their sum in the buffer's
** DECIMAL(min(38, p + 10), s): each addition is DecimalAddNoOverflowCheck, and the buffer is
** an UnsafeRow, whose setDecimal stores NULL once the sum needs more digits; a NULL sum stays
** NULL (the addition is null-intolerant, Sum's merge is NULL when either side overflowed:
** bufferOverflow || inputOverflow).  So whether a sum overflows depends on how its rows are
** grouped, and as a DOUBLE sum's the batch's P is kept apart from S (see "Partial buffers of
** a batch" below): P sums the batch's rows of the group from 0 and may overflow on its own,
** then S' = S + P (0 + S and 0 + P, the merges into fresh buffers, are exact).  A stored sum
** near the limit and a batch of +x, -x does not overflow; a batch whose rows overflow
** between them does, even when S would have brought them back.  State (64 bytes):
**   i128 S, i64 has-value (sum: or'ed) or count (avg: added) of both, i64 DEC_S_OVF |
**   DEC_P_OVF, i128 P, i64 batch id + 1 of P.
** A session window's rows are added to S (cur NULL).
*/
#define DEC_S_OVF 1
#define DEC_P_OVF 2
#define DEC_P 32

/* Is it a DECIMAL sum, avg, min or max (the others keep a DECIMAL as a value, or none)? */
static bool dec_agg(const SAgg *a)
{
    SAggBody body = sema_agg_info(a->kind)->body;
    return a->type->kind == TY_DECIMAL &&
           (body == AGGB_SUM || body == AGGB_AVG || body == AGGB_MINMAX);
}

/* Is it an average (avg, try_avg: the count is added where a sum's has-value is or'ed)? */
static bool is_avg(const SAgg *a)
{
    return sema_agg_info(a->kind)->body == AGGB_AVG;
}

/* s + x on two values of one scale; *overflow: whether it left DECIMAL(p, .). */
static LLVMValueRef dec_sum_add(CgCtx *cg, LLVMValueRef s, LLVMValueRef x, int p, LLVMValueRef *overflow)
{
    LLVMTypeRef t = cg_dec_type(cg);
    LLVMTypeRef pair[2] = {t, cg->t_i1};
    LLVMTypeRef rt = LLVMStructTypeInContext(cg->ctx, pair, 2, 0);
    LLVMTypeRef params[2] = {t, t};
    LLVMTypeRef ft = LLVMFunctionType(rt, params, 2, 0);
    LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, "llvm.sadd.with.overflow.i128");
    if (!fn)
        fn = LLVMAddFunction(cg->mod, "llvm.sadd.with.overflow.i128", ft);
    LLVMValueRef args[2] = {s, x};
    LLVMValueRef r = LLVMBuildCall2(cg->b, ft, fn, args, 2, "dec.sum");
    LLVMValueRef v = LLVMBuildExtractValue(cg->b, r, 0, "");
    __int128 lim = 1;
    for (int i = 0; i < p; i++)
        lim *= 10;
    LLVMValueRef out = cg_or(cg, LLVMBuildICmp(cg->b, LLVMIntSGE, v, cg_dec_const(cg, lim), ""),
                             LLVMBuildICmp(cg->b, LLVMIntSLE, v, cg_dec_const(cg, -lim), ""));
    *overflow = cg_or(cg, LLVMBuildExtractValue(cg->b, r, 1, ""), out);
    return v;
}

/* The precision of the sum kept by sum() and avg() of a DECIMAL(p, s): min(38, p + 10). */
static int dec_sum_precision(const SAgg *a)
{
    int p = a->arg->type->precision + 10;
    return p > TYPE_DECIMAL_MAX_PRECISION ? TYPE_DECIMAL_MAX_PRECISION : p;
}

/* flags | bit when ovf. */
static LLVMValueRef dec_flag(CgCtx *cg, LLVMValueRef flags, LLVMValueRef ovf, int64_t bit)
{
    return LLVMBuildOr(cg->b, flags, cg_select(cg, ovf, cg_i64(cg, bit), cg_i64(cg, 0)), "dec.ovf");
}

static void begin_batch(CgCtx *cg, const SAgg *a, LLVMValueRef st, LLVMValueRef cur);

/* Where a row's value is added: to P at p_off, the batch of mark cur begun (begin_batch), or to
   S without batches (cur NULL). */
static LLVMValueRef sum_target(CgCtx *cg, const SAgg *a, LLVMValueRef st, LLVMValueRef cur,
                               uint32_t p_off)
{
    if (!cur)
        return st;
    begin_batch(cg, a, st, cur);
    return cg_gepc(cg, st, p_off, "");
}

static void update_dec_agg(CgCtx *cg, const SAgg *a, LLVMValueRef st, CgVal x, LLVMValueRef cur)
{
    LLVMValueRef one_if = LLVMBuildZExt(cg->b, cg_not(cg, x.null), cg->t_i64, "");
    LLVMValueRef w1 = cg_gepc(cg, st, 16, ""), w2 = cg_gepc(cg, st, 24, "");
    if (a->kind == AGG_MIN || a->kind == AGG_MAX) {
        LLVMValueRef mm = cg_dec_load(cg, st, "dec.cur");
        LLVMValueRef has = LLVMBuildICmp(cg->b, LLVMIntNE, cg_load(cg, cg->t_i64, w1, "mm.has"), cg_i64(cg, 0), "");
        LLVMValueRef better =
            LLVMBuildICmp(cg->b, a->kind == AGG_MIN ? LLVMIntSLT : LLVMIntSGT, x.v, mm, "");
        better = cg_and(cg, cg_not(cg, x.null), cg_or(cg, cg_not(cg, has), better));
        cg_dec_store(cg, cg_select(cg, better, x.v, mm), st);
        cg_store(cg, LLVMBuildOr(cg->b, cg_load(cg, cg->t_i64, w1, ""), one_if, ""), w1);
        return;
    }
    /* sum, avg: to P (S without batches); the argument has the sum's scale (Spark casts it
       to DECIMAL(p + 10, s)) */
    int64_t bit = cur ? DEC_P_OVF : DEC_S_OVF;
    LLVMValueRef sp = sum_target(cg, a, st, cur, DEC_P);
    LLVMValueRef s = cg_dec_load(cg, sp, "dec.sum"), ovf;
    LLVMValueRef v = dec_sum_add(cg, s, x.v, dec_sum_precision(a), &ovf);
    cg_dec_store(cg, cg_select(cg, x.null, s, v), sp);
    LLVMValueRef flags = cg_load(cg, cg->t_i64, w2, "dec.flags");
    cg_store(cg, dec_flag(cg, flags, cg_and(cg, ovf, cg_not(cg, x.null)), bit), w2);
    LLVMValueRef n = cg_load(cg, cg->t_i64, w1, "dec.n");
    cg_store(cg, is_avg(a) ? LLVMBuildAdd(cg->b, n, one_if, "") : LLVMBuildOr(cg->b, n, one_if, ""),
             w1);
}

/* S + P as Sum/Average merge them; *flags_out: the flags with P's overflow moved to S's. */
static LLVMValueRef dec_current(CgCtx *cg, const SAgg *a, LLVMValueRef st, LLVMValueRef *flags_out)
{
    LLVMValueRef flags = cg_load(cg, cg->t_i64, cg_gepc(cg, st, 24, ""), "dec.flags");
    LLVMValueRef ovf;
    LLVMValueRef v = dec_sum_add(cg, cg_dec_load(cg, st, "dec.state"),
                                 cg_dec_load(cg, cg_gepc(cg, st, DEC_P, ""), "dec.batch"),
                                 dec_sum_precision(a), &ovf);
    LLVMValueRef any = cg_or(cg, LLVMBuildICmp(cg->b, LLVMIntNE, flags, cg_i64(cg, 0), ""), ovf);
    *flags_out = dec_flag(cg, cg_i64(cg, 0), any, DEC_S_OVF);
    return v;
}

/* Fold a pending P into S and empty P (begin_batch). */
static void dec_fold_pending(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    LLVMValueRef flags;
    cg_dec_store(cg, dec_current(cg, a, st, &flags), st);
    cg_store(cg, flags, cg_gepc(cg, st, 24, ""));
    cg_dec_store(cg, cg_dec_const(cg, 0), cg_gepc(cg, st, DEC_P, ""));
}

/* Sessions merging (P is empty there: their rows go to S): src's S into dst's. */
static void merge_dec_agg(CgCtx *cg, const SAgg *a, LLVMValueRef dst, LLVMValueRef src)
{
    LLVMValueRef d = cg_dec_load(cg, dst, ""), v = cg_dec_load(cg, src, "");
    LLVMValueRef dw1 = cg_gepc(cg, dst, 16, ""), sw1 = cg_gepc(cg, src, 16, "");
    LLVMValueRef dn = cg_load(cg, cg->t_i64, dw1, ""), sn = cg_load(cg, cg->t_i64, sw1, "");
    if (a->kind == AGG_MIN || a->kind == AGG_MAX) {
        LLVMValueRef dh = LLVMBuildICmp(cg->b, LLVMIntNE, dn, cg_i64(cg, 0), "");
        LLVMValueRef sh = LLVMBuildICmp(cg->b, LLVMIntNE, sn, cg_i64(cg, 0), "");
        LLVMValueRef better = LLVMBuildICmp(cg->b, a->kind == AGG_MIN ? LLVMIntSLT : LLVMIntSGT, v, d, "");
        LLVMValueRef take = cg_and(cg, sh, cg_or(cg, cg_not(cg, dh), better));
        cg_dec_store(cg, cg_select(cg, take, v, d), dst);
        cg_store(cg, LLVMBuildOr(cg->b, dn, sn, ""), dw1);
        return;
    }
    LLVMValueRef ovf;
    cg_dec_store(cg, dec_sum_add(cg, d, v, dec_sum_precision(a), &ovf), dst);
    cg_store(cg, is_avg(a) ? LLVMBuildAdd(cg->b, dn, sn, "") : LLVMBuildOr(cg->b, dn, sn, ""), dw1);
    LLVMValueRef dw2 = cg_gepc(cg, dst, 24, ""), sw2 = cg_gepc(cg, src, 24, "");
    LLVMValueRef o = LLVMBuildOr(cg->b, cg_load(cg, cg->t_i64, dw2, ""), cg_load(cg, cg->t_i64, sw2, ""), "");
    cg_store(cg, dec_flag(cg, o, ovf, DEC_S_OVF), dw2);
}

/* sum: NULL when empty or overflowed (Sum.evaluateExpression); avg: Spark 3.5's
   Average.evaluateExpression, If(count = 0, NULL, DecimalDivideWithOverflowCheck(sum,
   count as DECIMAL(20, 0), DECIMAL(p + 4, s + 4))): Decimal's / (the quotient at scale 38,
   HALF_UP) then toPrecision(p + 4, s + 4, HALF_UP), NULL when it does not fit. */
static CgVal final_dec_value(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    CgVal r = {0};
    LLVMValueRef n = cg_load(cg, cg->t_i64, cg_gepc(cg, st, 16, ""), "dec.n");
    r.null = LLVMBuildICmp(cg->b, LLVMIntEQ, n, cg_i64(cg, 0), "dec.empty");
    if (a->kind == AGG_MIN || a->kind == AGG_MAX) {
        r.v = cg_dec_load(cg, st, "dec");
        return r;
    }
    LLVMValueRef flags;
    LLVMValueRef v = dec_current(cg, a, st, &flags);
    r.null = cg_or(cg, r.null, LLVMBuildICmp(cg->b, LLVMIntNE, flags, cg_i64(cg, 0), ""));
    r.v = cg_select(cg, r.null, cg_dec_const(cg, 0), v);
    if (!is_avg(a))
        return r;
    const Type *sum_t = type_decimal(dec_sum_precision(a), a->arg->type->scale);
    CgVal cnt = {0};
    cnt.null = r.null;
    cnt.v = LLVMBuildSExt(cg->b, cg_select(cg, r.null, cg_i64(cg, 1), n), cg_dec_type(cg), "");
    return cg_dec_arith(cg, BOP_DIV, a->type, sum_t, r, type_decimal(20, 0), cnt);
}

/* ==== approx_count_distinct ==== */

/* HyperLogLogPlusPlusHelper.update: a non-NULL value sets its register (seed 42). */
static void update_hll(CgCtx *cg, const SAgg *a, LLVMValueRef st, CgVal x)
{
    LLVMBasicBlockRef bb_add = cg_block(cg, "hll.add");
    LLVMBasicBlockRef bb_done = cg_block(cg, "hll.done");
    LLVMBuildCondBr(cg->b, x.null, bb_done, bb_add);
    cg_at(cg, bb_add);
    LLVMValueRef args[3] = {st, cg_i32(cg, a->hll_p),
                            cg_spark_hash(cg, true, a->arg->type, x, cg_i64(cg, 42))};
    cg_call(cg, "srt_hll_add", args, 3, "");
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
}

/* ==== Partial buffers of a batch ====
**
** Spark plans a streaming aggregation as HashAggregate(partial) -> Exchange ->
** HashAggregate(partial merge) -> StateStoreRestore -> HashAggregate(partial merge) ->
** StateStoreSave -> HashAggregate(final) (AggUtils.planStreamingAggregation, used by
** SparkStrategies.StatefulAggregationStrategy): a batch's rows of a group are aggregated
** apart into a partial buffer P, and the state saved merges the restored state S and P.
** Where the arithmetic is not exact that differs from adding each row to S, so
** stddev/variance and a DOUBLE sum/avg keep P apart with the id + 1 of the batch it belongs
** to (0: none yet).  The group's first row of a later batch folds P into S and starts a new
** P (begin_batch); the emit function folds a pending P on the fly; a checkpoint keeps both.
*/

static uint32_t moments_bytes(const SAgg *a);

/* Where the aggregate keeps the batch id + 1 of its P. */
static uint32_t batch_mark_offset(const SAgg *a)
{
    if (dec_agg(a))
        return DEC_P + 16u;
    return plan_agg_batch_sum(a) ? 24u : 2u * moments_bytes(a);
}

/* The current batch id + 1, read in the entry block: once per buffer, not per record. */
static LLVMValueRef batch_mark(CgCtx *cg)
{
    LLVMBasicBlockRef cur = cg_to_entry_start(cg);
    LLVMValueRef id = cg_call(cg, "srt_query_batch_id", &cg->q, 1, "batch");
    LLVMValueRef mark = LLVMBuildAdd(cg->b, id, cg_i64(cg, 1), "batch.mark");
    LLVMPositionBuilderAtEnd(cg->b, cur);
    return mark;
}

static void fold_pending(CgCtx *cg, const SAgg *a, LLVMValueRef st);

/* Before a row updates P: if P belongs to an earlier batch, fold it into S and start a new
   one for the batch of mark cur. */
static void begin_batch(CgCtx *cg, const SAgg *a, LLVMValueRef st, LLVMValueRef cur)
{
    LLVMValueRef mark_p = cg_gepc(cg, st, batch_mark_offset(a), "");
    LLVMValueRef mark = cg_load(cg, cg->t_i64, mark_p, "batch.of");
    LLVMBasicBlockRef bb_new = cg_block(cg, "batch.new");
    LLVMBasicBlockRef bb_upd = cg_block(cg, "batch.update");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, mark, cur, ""), bb_upd, bb_new);
    cg_at(cg, bb_new);
    fold_pending(cg, a, st);
    cg_store(cg, cur, mark_p);
    LLVMBuildBr(cg->b, bb_upd);
    cg_at(cg, bb_upd);
}

/* ==== Central moments: stddev, variance, skewness, kurtosis ====
**
** Spark's CentralMomentAgg keeps (n, avg, m2 [, m3, m4]) in doubles (Covariance (n, xAvg, yAvg,
** ck), PearsonCorrelation xMk and yMk too), and a streaming aggregation does not add each row to
** the stored state: per micro-batch (one input partition) the rows of
** a group are first aggregated from (0, 0, 0) with the update formula (partial
** HashAggregate), that buffer P is merged into a fresh buffer (PartialMerge after the
** exchange), then a fresh buffer merges the restored state S and that one (PartialMerge
** after StateStoreRestoreExec, which emits S first), and the result is stored; the output
** is a fresh buffer merged with it (Final).  Merging into a fresh buffer is not the
** identity (avg becomes (avg / n) * n), so doing the arithmetic in another order changes
** the last bits.  Here:
**   state after the batch:  S' = merge(merge(0, S), merge(0, P))
**   output:                 evaluate(merge(0, S'))
** P and its batch are kept as "Partial buffers of a batch" above describes.  A row of a group
** always passes here, so a batch where all of a group's values are NULL still folds (P = (0, 0,
** 0)), as Spark merges the group's empty partial buffer.  In a session window a point of the
** batch table is P: its rows update S (cur NULL), sessions merge S with the merge formula
** (merge_agg), and the fold starts each session as a merge into a zeroed state, as
** MergingSessionsIterator merges into an initialized buffer (srt_session.c start_state).
*/
typedef struct Moments {
    const SAgg *a;
    int k;             /* doubles in the buffer (plan_agg_buffer_doubles) */
    int order;         /* a central moment's: n, avg, m2 .. m<order>; 0 for corr, covar */
    LLVMValueRef m[7]; /* n, avg, m2, m3, m4; or n, xAvg, yAvg, ck, xMk, yMk; or RegrSlope's */
} Moments;

/* RegrSlope and RegrIntercept keep CovPopulation(x, y)'s buffer (n, xAvg, yAvg, ck), then
   VariancePop(x)'s (n, avg, m2) over the same pairs (Spark 3.5.2+, SPARK-48719: a pair with
   a NULL y is skipped by both): each part updates and merges as its own aggregate. */
#define REGR_COV_DOUBLES 4
#define REGR_DOUBLES 7

/* The k doubles of m from from on, a buffer of that moment order. */
static Moments moments_part(Moments m, int from, int k, int order)
{
    Moments r = {m.a, k, order, {NULL}};
    for (int i = 0; i < k; i++)
        r.m[i] = m.m[from + i];
    return r;
}

/* A regression buffer of its two parts. */
static Moments regr_join(Moments whole, Moments cov, Moments var)
{
    for (int i = 0; i < REGR_COV_DOUBLES; i++)
        whole.m[i] = cov.m[i];
    for (int i = 0; i < REGR_DOUBLES - REGR_COV_DOUBLES; i++)
        whole.m[REGR_COV_DOUBLES + i] = var.m[i];
    return whole;
}

static Moments regr_cov(Moments m)
{
    return moments_part(m, 0, REGR_COV_DOUBLES, 0);
}

static Moments regr_var(Moments m)
{
    return moments_part(m, REGR_COV_DOUBLES, REGR_DOUBLES - REGR_COV_DOUBLES, 2);
}

/* Where P starts: S is k doubles at 0, P as many after, then the batch mark. */
static uint32_t moments_bytes(const SAgg *a)
{
    return 8u * (uint32_t)plan_agg_buffer_doubles(a);
}

static Moments moments_zero(CgCtx *cg, const SAgg *a)
{
    Moments z = {a, plan_agg_buffer_doubles(a), plan_agg_moment_order(a), {NULL}};
    for (int i = 0; i < z.k; i++)
        z.m[i] = cg_f64(cg, 0.0);
    return z;
}

static Moments moments_load(CgCtx *cg, LLVMValueRef st, uint32_t off, const SAgg *a)
{
    Moments m = moments_zero(cg, a);
    for (int i = 0; i < m.k; i++)
        m.m[i] = cg_load(cg, cg->t_f64, cg_gepc(cg, st, off + 8u * (uint32_t)i, ""), "mo");
    return m;
}

static void moments_store(CgCtx *cg, LLVMValueRef st, uint32_t off, Moments m)
{
    for (int i = 0; i < m.k; i++)
        cg_store(cg, m.m[i], cg_gepc(cg, st, off + 8u * (uint32_t)i, ""));
}

static LLVMValueRef fmul(CgCtx *cg, LLVMValueRef a, LLVMValueRef b)
{
    return LLVMBuildFMul(cg->b, a, b, "");
}

static LLVMValueRef fadd(CgCtx *cg, LLVMValueRef a, LLVMValueRef b)
{
    return LLVMBuildFAdd(cg->b, a, b, "");
}

static LLVMValueRef fsub(CgCtx *cg, LLVMValueRef a, LLVMValueRef b)
{
    return LLVMBuildFSub(cg->b, a, b, "");
}

/* Covariance.mergeExpressions and PearsonCorrelation's (xMk, yMk too). */
static Moments comoments_merge(CgCtx *cg, Moments a, Moments b)
{
    Moments r = a;
    LLVMValueRef n1 = a.m[0], n2 = b.m[0];
    r.m[0] = fadd(cg, n1, n2);
    LLVMValueRef zero_n = LLVMBuildFCmp(cg->b, LLVMRealOEQ, r.m[0], cg_f64(cg, 0.0), "");
    LLVMValueRef dx = fsub(cg, b.m[1], a.m[1]), dy = fsub(cg, b.m[2], a.m[2]);
    LLVMValueRef dxn = cg_select(cg, zero_n, cg_f64(cg, 0.0), LLVMBuildFDiv(cg->b, dx, r.m[0], ""));
    LLVMValueRef dyn = cg_select(cg, zero_n, cg_f64(cg, 0.0), LLVMBuildFDiv(cg->b, dy, r.m[0], ""));
    r.m[1] = fadd(cg, a.m[1], fmul(cg, dxn, n2));
    r.m[2] = fadd(cg, a.m[2], fmul(cg, dyn, n2));
    /* ck.left + ck.right + dx * dyN * n1 * n2, and likewise xMk (dx, dxN), yMk (dy, dyN) */
    r.m[3] = fadd(cg, fadd(cg, a.m[3], b.m[3]), fmul(cg, fmul(cg, fmul(cg, dx, dyn), n1), n2));
    if (a.k == 6) {
        r.m[4] = fadd(cg, fadd(cg, a.m[4], b.m[4]), fmul(cg, fmul(cg, fmul(cg, dx, dxn), n1), n2));
        r.m[5] = fadd(cg, fadd(cg, a.m[5], b.m[5]), fmul(cg, fmul(cg, fmul(cg, dy, dyn), n1), n2));
    }
    return r;
}

/* CentralMomentAgg.mergeExpressions, a the left buffer, b the right, each operation in
   Spark's order (left to right as the Scala expression tree nests them); corr and covar's
   by comoments_merge. */
static Moments moments_merge(CgCtx *cg, Moments a, Moments b)
{
    if (a.k == REGR_DOUBLES)
        return regr_join(a, comoments_merge(cg, regr_cov(a), regr_cov(b)),
                         moments_merge(cg, regr_var(a), regr_var(b)));
    if (a.order == 0)
        return comoments_merge(cg, a, b);
    Moments r = a;
    LLVMValueRef n1 = a.m[0], n2 = b.m[0];
    r.m[0] = fadd(cg, n1, n2);
    LLVMValueRef delta = fsub(cg, b.m[1], a.m[1]);
    LLVMValueRef zero_n = LLVMBuildFCmp(cg->b, LLVMRealOEQ, r.m[0], cg_f64(cg, 0.0), "");
    LLVMValueRef dn =
        cg_select(cg, zero_n, cg_f64(cg, 0.0), LLVMBuildFDiv(cg->b, delta, r.m[0], ""));
    r.m[1] = fadd(cg, a.m[1], fmul(cg, dn, n2));
    /* m2.left + m2.right + delta * deltaN * n1 * n2 */
    LLVMValueRef n1n2_cross = fmul(cg, fmul(cg, fmul(cg, delta, dn), n1), n2);
    r.m[2] = fadd(cg, fadd(cg, a.m[2], b.m[2]), n1n2_cross);
    if (a.order >= 3) {
        /* m3.left + m3.right + deltaN * deltaN * delta * n1 * n2 * (n1 - n2)
           + 3.0 * deltaN * (n1 * m2.right - n2 * m2.left) */
        LLVMValueRef t1 = fmul(cg, fmul(cg, fmul(cg, fmul(cg, fmul(cg, dn, dn), delta), n1), n2),
                               fsub(cg, n1, n2));
        LLVMValueRef t2 = fmul(cg, fmul(cg, cg_f64(cg, 3.0), dn),
                               fsub(cg, fmul(cg, n1, b.m[2]), fmul(cg, n2, a.m[2])));
        r.m[3] = fadd(cg, fadd(cg, fadd(cg, a.m[3], b.m[3]), t1), t2);
    }
    if (a.order >= 4) {
        /* m4.left + m4.right
           + deltaN * deltaN * deltaN * delta * n1 * n2 * (n1 * n1 - n1 * n2 + n2 * n2)
           + 6.0 * deltaN * deltaN * (n1 * n1 * m2.right + n2 * n2 * m2.left)
           + 4.0 * deltaN * (n1 * m3.right - n2 * m3.left) */
        LLVMValueRef sq = fadd(cg, fsub(cg, fmul(cg, n1, n1), fmul(cg, n1, n2)), fmul(cg, n2, n2));
        LLVMValueRef t1 = fmul(
            cg, fmul(cg, fmul(cg, fmul(cg, fmul(cg, fmul(cg, dn, dn), dn), delta), n1), n2), sq);
        LLVMValueRef t2 =
            fmul(cg, fmul(cg, fmul(cg, cg_f64(cg, 6.0), dn), dn),
                 fadd(cg, fmul(cg, fmul(cg, n1, n1), b.m[2]), fmul(cg, fmul(cg, n2, n2), a.m[2])));
        LLVMValueRef t3 = fmul(cg, fmul(cg, cg_f64(cg, 4.0), dn),
                               fsub(cg, fmul(cg, n1, b.m[3]), fmul(cg, n2, a.m[3])));
        r.m[4] = fadd(cg, fadd(cg, fadd(cg, fadd(cg, a.m[4], b.m[4]), t1), t2), t3);
    }
    return r;
}

static Moments moments_merge_fresh(CgCtx *cg, Moments b)
{
    return moments_merge(cg, moments_zero(cg, b.a), b);
}

/* The state after the batch of P: merge(merge(0, S), merge(0, P)). */
static Moments moments_fold(CgCtx *cg, Moments s, Moments p)
{
    return moments_merge(cg, moments_merge_fresh(cg, s), moments_merge_fresh(cg, p));
}

/* The group's state as of now: S with a pending batch folded in. */
static Moments moments_current(CgCtx *cg, LLVMValueRef st, const SAgg *a)
{
    uint32_t w = moments_bytes(a);
    Moments s = moments_load(cg, st, 0, a), p = moments_load(cg, st, w, a);
    LLVMValueRef pending = LLVMBuildICmp(
        cg->b, LLVMIntNE, cg_load(cg, cg->t_i64, cg_gepc(cg, st, 2u * w, ""), "mo.batch"),
        cg_i64(cg, 0), "");
    Moments f = moments_fold(cg, s, p);
    for (int i = 0; i < f.k; i++)
        f.m[i] = cg_select(cg, pending, f.m[i], s.m[i]);
    return f;
}

/* Fold a pending P into S and empty P (begin_batch). */
static void moments_fold_pending(CgCtx *cg, LLVMValueRef st, const SAgg *a)
{
    moments_store(cg, st, 0, moments_current(cg, st, a));
    moments_store(cg, st, moments_bytes(a), moments_zero(cg, a));
}

/* Covariance.updateExpressions and PearsonCorrelation's on P (x, y); a NULL in either
   leaves it. */
static Moments comoments_update(CgCtx *cg, Moments p, CgVal x, CgVal y)
{
    Moments r = p;
    r.m[0] = fadd(cg, p.m[0], cg_f64(cg, 1.0));
    LLVMValueRef dx = fsub(cg, x.v, p.m[1]), dy = fsub(cg, y.v, p.m[2]);
    LLVMValueRef dyn = LLVMBuildFDiv(cg->b, dy, r.m[0], "");
    /* covariance: xAvg + dx / newN; correlation: xAvg + dxN (the same operations) */
    r.m[1] = fadd(cg, p.m[1], LLVMBuildFDiv(cg->b, dx, r.m[0], ""));
    r.m[2] = fadd(cg, p.m[2], dyn);
    r.m[3] = fadd(cg, p.m[3], fmul(cg, dx, fsub(cg, y.v, r.m[2]))); /* ck + dx * (y - newYAvg) */
    if (p.k == 6) {
        r.m[4] =
            fadd(cg, p.m[4], fmul(cg, dx, fsub(cg, x.v, r.m[1]))); /* xMk + dx * (x - newXAvg) */
        r.m[5] =
            fadd(cg, p.m[5], fmul(cg, dy, fsub(cg, y.v, r.m[2]))); /* yMk + dy * (y - newYAvg) */
    }
    LLVMValueRef null = cg_or(cg, x.null, y.null);
    for (int i = 0; i < p.k; i++)
        r.m[i] = cg_select(cg, null, p.m[i], r.m[i]);
    return r;
}

/* CentralMomentAgg.updateExpressionsDef on P of x; a NULL leaves it. */
static Moments central_update(CgCtx *cg, Moments p, CgVal x)
{
    int order = p.order;
    Moments r = p;
    r.m[0] = fadd(cg, p.m[0], cg_f64(cg, 1.0));
    LLVMValueRef delta = fsub(cg, x.v, p.m[1]);
    LLVMValueRef dn = LLVMBuildFDiv(cg->b, delta, r.m[0], "mo.deltan");
    r.m[1] = fadd(cg, p.m[1], dn);
    r.m[2] = fadd(cg, p.m[2], fmul(cg, delta, fsub(cg, delta, dn)));
    LLVMValueRef delta2 = fmul(cg, delta, delta), dn2 = fmul(cg, dn, dn);
    if (order >= 3) /* m3 - 3.0 * deltaN * newM2 + delta * (delta2 - deltaN2) */
        r.m[3] = fadd(cg, fsub(cg, p.m[3], fmul(cg, fmul(cg, cg_f64(cg, 3.0), dn), r.m[2])),
                      fmul(cg, delta, fsub(cg, delta2, dn2)));
    if (order >= 4) /* m4 - 4.0 * deltaN * newM3 - 6.0 * deltaN2 * newM2
                       + delta * (delta * delta2 - deltaN * deltaN2) */
        r.m[4] = fadd(cg,
                      fsub(cg, fsub(cg, p.m[4], fmul(cg, fmul(cg, cg_f64(cg, 4.0), dn), r.m[3])),
                           fmul(cg, fmul(cg, cg_f64(cg, 6.0), dn2), r.m[2])),
                      fmul(cg, delta, fsub(cg, fmul(cg, delta, delta2), fmul(cg, dn, dn2))));
    for (int i = 0; i < p.k; i++)
        r.m[i] = cg_select(cg, x.null, p.m[i], r.m[i]);
    return r;
}

static void update_moments(CgCtx *cg, const SAgg *a, LLVMValueRef st, CgVal x, CgVal y,
                           LLVMValueRef cur)
{
    uint32_t w = 0; /* a session window's point is its partial buffer: its rows go to S */
    if (cur) {
        w = moments_bytes(a);
        begin_batch(cg, a, st, cur);
    }
    Moments p = moments_load(cg, st, w, a), r;
    if (p.k == REGR_DOUBLES) {
        CgVal pair_x = x;
        pair_x.null = cg_or(cg, x.null, y.null);
        r = regr_join(p, comoments_update(cg, regr_cov(p), x, y),
                      central_update(cg, regr_var(p), pair_x));
    } else if (p.order == 0)
        r = comoments_update(cg, p, x, y);
    else
        r = central_update(cg, p, x);
    moments_store(cg, st, w, r);
}

static LLVMValueRef sqrt_f64(CgCtx *cg, LLVMValueRef v)
{
    LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, "llvm.sqrt.f64");
    LLVMTypeRef ft = LLVMFunctionType(cg->t_f64, &cg->t_f64, 1, 0);
    if (!fn)
        fn = LLVMAddFunction(cg->mod, "llvm.sqrt.f64", ft);
    return LLVMBuildCall2(cg->b, ft, fn, &v, 1, "sqrt");
}

/* evaluateExpression of StddevSamp, StddevPop, VarianceSamp, VariancePop, Skewness and
   Kurtosis on merge(0, S'): NULL for n = 0, and where Spark divides by zero (n = 1 of a
   sample, m2 = 0 of skewness and kurtosis): spark.sql.legacy.statisticalAggregate false makes
   that NULL (nullOnDivideByZero). */
static CgVal final_moments(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    LLVMBuilderRef B = cg->b;
    Moments f = moments_merge_fresh(cg, moments_current(cg, st, a));
    LLVMValueRef n = f.m[0], m2 = f.m[2];
    CgVal r = {0};
    r.null = LLVMBuildFCmp(B, LLVMRealOEQ, n, cg_f64(cg, 0.0), "mo.empty");
    LLVMValueRef one = LLVMBuildFCmp(B, LLVMRealOEQ, n, cg_f64(cg, 1.0), "mo.one");
    switch (a->kind) {
    case AGG_CORR: /* ck / sqrt(xMk * yMk); NULL for one pair (0 / 0 is NaN otherwise) */
        r.null = cg_or(cg, r.null, one);
        r.v = LLVMBuildFDiv(B, f.m[3], sqrt_f64(cg, fmul(cg, f.m[4], f.m[5])), "corr");
        break;
    case AGG_COVAR_POP: /* ck / n */
        r.v = LLVMBuildFDiv(B, f.m[3], n, "covar");
        break;
    case AGG_COVAR_SAMP: /* ck / (n - 1.0); NULL for one pair */
        r.null = cg_or(cg, r.null, one);
        r.v = LLVMBuildFDiv(B, f.m[3], fsub(cg, n, cg_f64(cg, 1.0)), "covar");
        break;
    case AGG_REGR_SXX: /* RegrReplacement: If(n === 0.0, null, m2) */
    case AGG_REGR_SYY:
        r.v = m2;
        break;
    case AGG_REGR_SXY: /* If(n === 0.0, null, ck) */
        r.v = f.m[3];
        break;
    case AGG_REGR_R2: { /* If(xMk === 0.0, null, If(yMk === 0.0, 1.0, corr * corr)), x is y */
        LLVMValueRef corr =
            LLVMBuildFDiv(B, f.m[3], sqrt_f64(cg, fmul(cg, f.m[4], f.m[5])), "corr");
        r.null = LLVMBuildFCmp(B, LLVMRealOEQ, f.m[4], cg_f64(cg, 0.0), "r2.null");
        r.v = cg_select(cg, LLVMBuildFCmp(B, LLVMRealOEQ, f.m[5], cg_f64(cg, 0.0), ""),
                        cg_f64(cg, 1.0), fmul(cg, corr, corr));
        break;
    }
    case AGG_REGR_SLOPE:       /* If(varPop.m2 === 0.0, null, ck / m2) */
    case AGG_REGR_INTERCEPT: { /* ... yAvg - ck / m2 * xAvg */
        LLVMValueRef var_m2 = f.m[6];
        r.null = LLVMBuildFCmp(B, LLVMRealOEQ, var_m2, cg_f64(cg, 0.0), "regr.null");
        r.v = LLVMBuildFDiv(B, f.m[3], var_m2, "slope");
        if (a->kind == AGG_REGR_INTERCEPT)
            r.v = fsub(cg, f.m[2], fmul(cg, r.v, f.m[1]));
        break;
    }
    case AGG_SKEWNESS: /* sqrt(n) * m3 / sqrt(m2 * m2 * m2) */
        r.null = cg_or(cg, r.null, LLVMBuildFCmp(B, LLVMRealOEQ, m2, cg_f64(cg, 0.0), ""));
        r.v = LLVMBuildFDiv(B, fmul(cg, sqrt_f64(cg, n), f.m[3]),
                            sqrt_f64(cg, fmul(cg, fmul(cg, m2, m2), m2)), "skew");
        break;
    case AGG_KURTOSIS: /* n * m4 / (m2 * m2) - 3.0 */
        r.null = cg_or(cg, r.null, LLVMBuildFCmp(B, LLVMRealOEQ, m2, cg_f64(cg, 0.0), ""));
        r.v =
            fsub(cg, LLVMBuildFDiv(B, fmul(cg, n, f.m[4]), fmul(cg, m2, m2), ""), cg_f64(cg, 3.0));
        break;
    default: {
        bool samp = a->kind == AGG_STDDEV_SAMP || a->kind == AGG_VAR_SAMP;
        bool root = a->kind == AGG_STDDEV_SAMP || a->kind == AGG_STDDEV_POP;
        LLVMValueRef d = n;
        if (samp) {
            r.null = cg_or(cg, r.null, one);
            d = fsub(cg, n, cg_f64(cg, 1.0));
        }
        LLVMValueRef v = LLVMBuildFDiv(B, m2, d, "mo.var");
        r.v = root ? sqrt_f64(cg, v) : v;
    }
    }
    r.v = cg_select(cg, r.null, cg_f64(cg, 0.0), r.v);
    return r;
}

/* ==== DOUBLE sum, avg ====
**
** Sum (spark.sql.ansi.enabled=false) starts from NULL, updates
** coalesce(coalesce(sum, 0) + x, sum) and merges coalesce(coalesce(sum.left, 0) + sum.right,
** sum.left); Average starts from 0.0, updates sum + coalesce(x, 0) and merges
** sum.left + sum.right (Sum.scala, Average.scala: initialValues, updateExpressions,
** mergeExpressions).  So a batch's P is 0 + x1 + x2 + ..., and the state saved after it is
** (0 + S) + (0 + P).  0 + v is v except for v = -0.0 (0.0 + -0.0 is 0.0), and no such sum
** is -0.0: its first addition is 0.0 + x, and x + y is -0.0 only when both are.  With S and
** P zero while they hold no value (NULL for Sum), S' = S + P then, a P without values
** leaves S, an S without values gives P, and the output is S + P (Final merges into a fresh
** buffer, again the identity).  The has-value flag (sum) and the count (avg) are exact and
** kept once.  A session window's rows are added to S (cur NULL) and P stays 0.0.
*/

/* Fold a pending P into S and empty P (begin_batch). */
static void sum_fold_pending(CgCtx *cg, LLVMValueRef st)
{
    LLVMValueRef p_p = cg_gepc(cg, st, 16, "");
    LLVMValueRef s = cg_load(cg, cg->t_f64, st, "sum.state");
    LLVMValueRef p = cg_load(cg, cg->t_f64, p_p, "sum.batch");
    cg_store(cg, LLVMBuildFAdd(cg->b, s, p, "sum.fold"), st);
    cg_store(cg, cg_f64(cg, 0.0), p_p);
}

/* Add x (NULL adds nothing) to P, or to S without batches (cur NULL); n_add is what the
   has-value flag (sum: or'ed) or the count (avg: added) takes. */
static void update_double_sum(CgCtx *cg, const SAgg *a, LLVMValueRef st, LLVMValueRef v, LLVMValueRef is_null,
                              LLVMValueRef n_add, LLVMValueRef cur)
{
    LLVMValueRef sp = st;
    if (cur) {
        begin_batch(cg, a, st, cur);
        sp = cg_gepc(cg, st, 16, "");
    }
    LLVMValueRef s = cg_load(cg, cg->t_f64, sp, "sum");
    cg_store(cg, cg_select(cg, is_null, s, LLVMBuildFAdd(cg->b, s, v, "")), sp);
    LLVMValueRef n_p = cg_gepc(cg, st, 8, "");
    LLVMValueRef n = cg_load(cg, cg->t_i64, n_p, "sum.n");
    cg_store(cg, is_avg(a) ? LLVMBuildAdd(cg->b, n, n_add, "") : LLVMBuildOr(cg->b, n, n_add, ""),
             n_p);
}

/* The sum as of now: S + P. */
static LLVMValueRef double_sum_current(CgCtx *cg, LLVMValueRef st)
{
    LLVMValueRef s = cg_load(cg, cg->t_f64, st, "sum.state");
    LLVMValueRef p = cg_load(cg, cg->t_f64, cg_gepc(cg, st, 16, ""), "sum.batch");
    return LLVMBuildFAdd(cg->b, s, p, "sum");
}

/* ==== try_sum of integers ====
**
** TrySum of a BIGINT (Sum.scala, Spark 3.5: useAnsiAdd and shouldTrackIsEmpty for an integral
** result) starts from 0 and isEmpty; an update adds x by Add in ANSI mode inside TryEval, so
** the first overflow makes the buffer's sum NULL, and NULL + x stays NULL; a merge is NULL when
** either side overflowed (bufferOverflow || inputOverflow) or their sum does; the result is
** NULL when empty or overflowed.  Whether an addition overflows depends on how the rows are
** grouped, so a batch's P is kept apart from S as a DOUBLE sum's is (the rows of the batch
** summed from 0, then S' = S + P): a state at Long.MaxValue and a batch of +1 and -1 stays at
** Long.MaxValue.  The has-value word at 8 holds bit 0 (a value), TRY_SUM_S_OVF (S overflowed)
** and TRY_SUM_P_OVF (P did).  A session window's rows are added to S (cur NULL).
*/
#define TRY_SUM_S_OVF 2
#define TRY_SUM_P_OVF 4

/* s + v, or'ing bit into *has when it overflows. */
static LLVMValueRef try_sum_add(CgCtx *cg, LLVMValueRef s, LLVMValueRef v, LLVMValueRef *has,
                                int64_t bit)
{
    LLVMValueRef ovf;
    LLVMValueRef r = cg_int_overflow_op(cg, "sadd", s, v, &ovf);
    *has = LLVMBuildOr(cg->b, *has, cg_select(cg, ovf, cg_i64(cg, bit), cg_i64(cg, 0)), "sum.ovf");
    return r;
}

/* Add v (0 for a NULL) to P, or to S without batches (cur NULL); one_if: 1 for a value. */
static void update_try_sum(CgCtx *cg, const SAgg *a, LLVMValueRef st, LLVMValueRef v,
                           LLVMValueRef one_if, LLVMValueRef cur)
{
    LLVMValueRef sp = st;
    int64_t bit = TRY_SUM_S_OVF;
    if (cur) {
        begin_batch(cg, a, st, cur);
        sp = cg_gepc(cg, st, 16, "");
        bit = TRY_SUM_P_OVF;
    }
    LLVMValueRef has_p = cg_gepc(cg, st, 8, "");
    LLVMValueRef has = cg_load(cg, cg->t_i64, has_p, "sum.has");
    LLVMValueRef s = cg_load(cg, cg->t_i64, sp, "sum");
    cg_store(cg, try_sum_add(cg, s, v, &has, bit), sp);
    cg_store(cg, LLVMBuildOr(cg->b, has, one_if, ""), has_p);
}

/* S + P as TrySum merges them; *has_out: the has-value word with P's overflow moved to S's. */
static LLVMValueRef try_sum_current(CgCtx *cg, LLVMValueRef st, LLVMValueRef *has_out)
{
    LLVMValueRef has = cg_load(cg, cg->t_i64, cg_gepc(cg, st, 8, ""), "sum.has");
    LLVMValueRef p_ovf = LLVMBuildAnd(cg->b, has, cg_i64(cg, TRY_SUM_P_OVF), "");
    has = LLVMBuildAnd(cg->b, has, cg_i64(cg, ~(int64_t)TRY_SUM_P_OVF), "");
    has = LLVMBuildOr(cg->b, has, LLVMBuildLShr(cg->b, p_ovf, cg_i64(cg, 1), ""), "");
    LLVMValueRef s = cg_load(cg, cg->t_i64, st, "sum.state");
    LLVMValueRef p = cg_load(cg, cg->t_i64, cg_gepc(cg, st, 16, ""), "sum.batch");
    LLVMValueRef r = try_sum_add(cg, s, p, &has, TRY_SUM_S_OVF);
    *has_out = has;
    return r;
}

/* Fold a pending P into S and empty P (begin_batch). */
static void try_sum_fold_pending(CgCtx *cg, LLVMValueRef st)
{
    LLVMValueRef has;
    cg_store(cg, try_sum_current(cg, st, &has), st);
    cg_store(cg, has, cg_gepc(cg, st, 8, ""));
    cg_store(cg, cg_i64(cg, 0), cg_gepc(cg, st, 16, ""));
}

/* NULL when empty or overflowed (TrySum.evaluateExpression), else S + P. */
static CgVal final_try_sum(CgCtx *cg, LLVMValueRef st)
{
    LLVMValueRef has;
    CgVal r = {0};
    r.v = try_sum_current(cg, st, &has);
    r.null = LLVMBuildICmp(cg->b, LLVMIntNE, has, cg_i64(cg, 1), "sum.null");
    return r;
}

/* ==== ANSI interval sum, avg ====
**
** Sum and Average of a DayTimeIntervalType (µs) or YearMonthIntervalType (months, an Int) add
** with Add, which for an interval is IntervalMathUtils.addExact in any eval mode: an overflow
** fails the query even without ANSI mode ("[ARITHMETIC_OVERFLOW] long overflow. Use 'try_add'
** ..."), in an update as in a merge (Sum.scala, Average.scala, Spark 3.5).  Sum starts from
** NULL (coalesce(sum, 0) + x), Average from 0 with a count, and its result is
** DivideDTInterval / DivideYMInterval(sum, count), LongMath.divide HALF_UP, NULL for a count
** of 0.  TrySum and TryAverage wrap the additions in TryEval: the first overflow makes the sum
** NULL for good (a NULL side makes a merge NULL), so the result is NULL.  Whether a sum
** overflows depends on how its rows are grouped, so a batch's P is kept apart from S as a
** DOUBLE sum's is (see "Partial buffers of a batch"): P sums the batch's rows of the group
** from 0 and S' = S + P.  State (48 bytes):
**   i64 S, i64 has-value (sum: or'ed) or count (avg: added), i64 P, i64 batch id + 1 of P,
**   i64 IV_S_OVF | IV_P_OVF (try_sum, try_avg), 8 bytes unused.
** A session window's rows are added to S (cur NULL).
*/
#define IV_P 16
#define IV_FLAGS 32
#define IV_S_OVF 1
#define IV_P_OVF 2

/* Is it a sum or avg (try_ too) of an interval? */
static bool iv_agg(const SAgg *a)
{
    SAggBody body = sema_agg_info(a->kind)->body;
    return type_is_ansi_interval(a->type) && (body == AGGB_SUM || body == AGGB_AVG);
}

/* s + v for aggregate a: a try_ one or's bit into *flags on an overflow, the others fail the
   query. */
static LLVMValueRef iv_add(CgCtx *cg, const SAgg *a, LLVMValueRef s, LLVMValueRef v,
                           LLVMValueRef *flags, int64_t bit)
{
    bool ym = a->type->kind == TY_YM_INTERVAL;
    LLVMValueRef ovf;
    LLVMValueRef r = cg_interval_add(cg, ym, s, v, &ovf);
    if (sema_agg_has(a->kind, AGGP_TRY))
        *flags = dec_flag(cg, *flags, ovf, bit);
    else
        cg_interval_add_fail(cg, ym, ovf);
    return r;
}

/* Add x (NULL adds 0) to P, or to S without batches (cur NULL); count it (avg) or note it. */
static void update_iv_agg(CgCtx *cg, const SAgg *a, LLVMValueRef st, CgVal x, LLVMValueRef cur)
{
    int64_t bit = cur ? IV_P_OVF : IV_S_OVF;
    LLVMValueRef sp = sum_target(cg, a, st, cur, IV_P);
    LLVMValueRef fp = cg_gepc(cg, st, IV_FLAGS, "");
    LLVMValueRef flags = cg_load(cg, cg->t_i64, fp, "iv.flags");
    LLVMValueRef v = cg_select(cg, x.null, cg_i64(cg, 0), x.v);
    cg_store(cg, iv_add(cg, a, cg_load(cg, cg->t_i64, sp, "iv.sum"), v, &flags, bit), sp);
    cg_store(cg, flags, fp);
    LLVMValueRef one_if = LLVMBuildZExt(cg->b, cg_not(cg, x.null), cg->t_i64, "");
    LLVMValueRef np = cg_gepc(cg, st, 8, "");
    LLVMValueRef n = cg_load(cg, cg->t_i64, np, "iv.n");
    cg_store(cg, is_avg(a) ? LLVMBuildAdd(cg->b, n, one_if, "") : LLVMBuildOr(cg->b, n, one_if, ""),
             np);
}

/* S + P as the merge after StateStoreRestore adds them; *flags_out: IV_S_OVF when either or
   their sum overflowed (a try_ one; the others fail here on a sessions merge's overflow, which
   merge_iv_agg could only note). */
static LLVMValueRef iv_current(CgCtx *cg, const SAgg *a, LLVMValueRef st, LLVMValueRef *flags_out)
{
    LLVMValueRef flags = cg_load(cg, cg->t_i64, cg_gepc(cg, st, IV_FLAGS, ""), "iv.flags");
    LLVMValueRef any = LLVMBuildICmp(cg->b, LLVMIntNE, flags, cg_i64(cg, 0), "");
    if (!sema_agg_has(a->kind, AGGP_TRY))
        cg_interval_add_fail(cg, a->type->kind == TY_YM_INTERVAL, any);
    *flags_out = dec_flag(cg, cg_i64(cg, 0), any, IV_S_OVF);
    return iv_add(cg, a, cg_load(cg, cg->t_i64, st, "iv.state"),
                  cg_load(cg, cg->t_i64, cg_gepc(cg, st, IV_P, ""), "iv.batch"), flags_out,
                  IV_S_OVF);
}

/* Fold a pending P into S and empty P (begin_batch). */
static void iv_fold_pending(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    LLVMValueRef flags;
    cg_store(cg, iv_current(cg, a, st, &flags), st);
    cg_store(cg, flags, cg_gepc(cg, st, IV_FLAGS, ""));
    cg_store(cg, cg_i64(cg, 0), cg_gepc(cg, st, IV_P, ""));
}

/* Sessions merging (P is empty there): src's S into dst's, as mergeExpressions add them; an
   overflow is noted in the flags (the merge function has no query to fail: iv_current does). */
static void merge_iv_agg(CgCtx *cg, const SAgg *a, LLVMValueRef dst, LLVMValueRef src)
{
    LLVMValueRef dfp = cg_gepc(cg, dst, IV_FLAGS, "");
    LLVMValueRef sf = cg_load(cg, cg->t_i64, cg_gepc(cg, src, IV_FLAGS, ""), "");
    LLVMValueRef flags = LLVMBuildOr(cg->b, cg_load(cg, cg->t_i64, dfp, ""), sf, "");
    LLVMValueRef d = cg_load(cg, cg->t_i64, dst, ""), v = cg_load(cg, cg->t_i64, src, "");
    LLVMValueRef ovf;
    cg_store(cg, cg_interval_add(cg, a->type->kind == TY_YM_INTERVAL, d, v, &ovf), dst);
    cg_store(cg, dec_flag(cg, flags, ovf, IV_S_OVF), dfp);
    LLVMValueRef dp = cg_gepc(cg, dst, 8, "");
    LLVMValueRef dn = cg_load(cg, cg->t_i64, dp, "");
    LLVMValueRef sn = cg_load(cg, cg->t_i64, cg_gepc(cg, src, 8, ""), "");
    cg_store(cg, is_avg(a) ? LLVMBuildAdd(cg->b, dn, sn, "") : LLVMBuildOr(cg->b, dn, sn, ""), dp);
}

/* The sum S + P, NULL without values (or after an overflow of a try_ one); an average divides
   it by the count (DivideDTInterval / DivideYMInterval: LongMath.divide HALF_UP). */
static CgVal final_iv_value(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    CgVal r = {0};
    LLVMValueRef n = cg_load(cg, cg->t_i64, cg_gepc(cg, st, 8, ""), "iv.n");
    LLVMValueRef empty = LLVMBuildICmp(cg->b, LLVMIntEQ, n, cg_i64(cg, 0), "iv.empty");
    LLVMValueRef flags;
    LLVMValueRef s = iv_current(cg, a, st, &flags);
    r.null = cg_or(cg, empty, LLVMBuildICmp(cg->b, LLVMIntNE, flags, cg_i64(cg, 0), ""));
    r.v = is_avg(a) ? cg_interval_div_half_up(cg, s, cg_select(cg, empty, cg_i64(cg, 1), n)) : s;
    return r;
}

static void fold_pending(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    if (dec_agg(a))
        dec_fold_pending(cg, a, st);
    else if (iv_agg(a))
        iv_fold_pending(cg, a, st);
    else if (plan_agg_batch_sum(a) && a->type->kind == TY_BIGINT)
        try_sum_fold_pending(cg, st);
    else if (plan_agg_batch_sum(a))
        sum_fold_pending(cg, st);
    else
        moments_fold_pending(cg, st, a);
}

/* ==== first, last ====
** Spark's First and Last in order of arrival.  Their partial buffers merge as
** If(valueSet.left, first.left, first.right) and If(valueSet.right, last.right, last.left),
** so folding a batch's partial buffer into the state gives what updating the state row by
** row gives: one level of state is exact here.  The value is 8 bytes (a scalar's slot, a
** STRING's pointer and length) or a DECIMAL's 16, then the flags valueSet and is-NULL.
*/

/* Where first/last keep valueSet (and is-NULL after it). */
static uint32_t first_last_flags(const SAgg *a)
{
    return a->type->kind == TY_DECIMAL ? 16u : 12u;
}

/* The value of a min/max/first/last slot of type t, r->null already set: a scalar's 64-bit
   slot, or a STRING's pointer and length, or those of a nested value's canonical bytes
   (srt_key.c, -0.0 kept), read back into batch memory (a checkpoint's bytes that are no such
   value fail the query there). */
static void slot_value(CgCtx *cg, const Type *t, LLVMValueRef st, CgVal *r)
{
    if (type_is_nested(t)) {
        LLVMValueRef n = cg_select(cg, r->null, cg_i32(cg, 0),
                                   cg_load(cg, cg->t_i32, cg_gepc(cg, st, 8, ""), "slot.n"));
        LLVMValueRef args[4] = {cg->q, cg_type_text(cg, t), cg_load(cg, cg->t_ptr, st, "slot.s"),
                                n};
        LLVMValueRef null = r->null;
        *r = cg_load_datum(cg, t, cg_call(cg, "srt_key_nested_value", args, 4, "slot.value"));
        r->null = cg_or(cg, r->null, null);
    } else if (type_is_bytes(t)) {
        LLVMValueRef p = cg_load(cg, cg->t_ptr, st, "slot.s");
        r->v = cg_select(cg, r->null, cg_null_of(cg, t).v, p);
        /* A NULL is the empty default with length 0, whatever the state holds (a state
           read back from a checkpoint may carry a stale length). */
        r->len = cg_select(cg, r->null, cg_i32(cg, 0), cg_load(cg, cg->t_i32, cg_gepc(cg, st, 8, ""), "slot.n"));
    } else if (t->kind == TY_DECIMAL) {
        r->v = cg_select(cg, r->null, cg_dec_const(cg, 0), cg_dec_load(cg, st, "slot.dec"));
    } else if (t->kind == TY_DOUBLE) {
        r->v = cg_load(cg, cg->t_f64, st, "slot");
    } else if (t->kind == TY_FLOAT) { /* kept as the exact double */
        r->v = LLVMBuildFPTrunc(cg->b, cg_load(cg, cg->t_f64, st, "slot"), cg->t_f32, "");
    } else {
        r->v = cg_load(cg, cg->t_i64, st, "slot");
        if (type_is_int32(t))
            r->v = LLVMBuildTrunc(cg->b, r->v, cg->t_i32, "");
        else if (t->kind == TY_BOOLEAN || t->kind == TY_NULL)
            r->v = LLVMBuildTrunc(cg->b, r->v, cg->t_i1, "");
    }
}

/* The 64-bit slot of a scalar (as min/max keep it). */
static LLVMValueRef value_bits(CgCtx *cg, const Type *t, LLVMValueRef v)
{
    if (t->kind == TY_DOUBLE)
        return LLVMBuildBitCast(cg->b, v, cg->t_i64, "");
    if (t->kind == TY_FLOAT)
        return LLVMBuildBitCast(cg->b, LLVMBuildFPExt(cg->b, v, cg->t_f64, ""), cg->t_i64, "");
    if (type_is_int32(t))
        return LLVMBuildSExt(cg->b, v, cg->t_i64, "");
    if (t->kind == TY_BOOLEAN || t->kind == TY_NULL)
        return LLVMBuildZExt(cg->b, v, cg->t_i64, "");
    return v;
}

/* x into the slot of type t at st, as slot_value reads it (a NULL as zeroes): a STRING, or a
   nested value's canonical bytes, copied into the group table, a NULL one keeping none. */
static void store_slot(CgCtx *cg, const Type *t, LLVMValueRef st, CgVal x)
{
    if (plan_agg_slot_bytes(t)) {
        LLVMBasicBlockRef bb_copy = cg_block(cg, "slot.copy");
        LLVMBasicBlockRef bb_null = cg_block(cg, "slot.null");
        LLVMBasicBlockRef bb_done = cg_block(cg, "slot.stored");
        LLVMBuildCondBr(cg->b, x.null, bb_null, bb_copy);
        cg_at(cg, bb_copy);
        if (type_is_nested(t))
            x = nested_bytes(cg, t, x, true);
        cg_store(cg, state_strdup(cg, x.v, x.len, "slot.copy"), st);
        cg_store(cg, x.len, cg_gepc(cg, st, 8, ""));
        LLVMBuildBr(cg->b, bb_done);
        cg_at(cg, bb_null);
        cg_store(cg, LLVMConstNull(cg->t_ptr), st);
        cg_store(cg, cg_i32(cg, 0), cg_gepc(cg, st, 8, ""));
        LLVMBuildBr(cg->b, bb_done);
        cg_at(cg, bb_done);
    } else if (t->kind == TY_DECIMAL) {
        cg_dec_store(cg, cg_select(cg, x.null, cg_dec_const(cg, 0), x.v), st);
    } else {
        LLVMValueRef bits = value_bits(cg, t, x.v);
        cg_store(cg, cg_select(cg, x.null, cg_i64(cg, 0), bits), st);
    }
}

/* A row: its value x and, under a FILTER without ignoreNulls, the filter's condition c (the
   row is skipped unless c is true, as Spark feeds the aggregate only those rows). */
static void update_first_last(CgCtx *cg, const SAgg *a, LLVMValueRef st, CgVal x, CgVal c)
{
    LLVMValueRef set_p = cg_gepc(cg, st, first_last_flags(a), "fl.set.p");
    LLVMValueRef set = LLVMBuildICmp(cg->b, LLVMIntNE, cg_load(cg, cg->t_i8, set_p, "fl.set"), cg_i8(cg, 0), "");
    LLVMValueRef take;
    if (a->kind == AGG_FIRST) /* If(valueSet [|| IsNull(child)], first, child) */
        take = a->ignore_nulls ? cg_and(cg, cg_not(cg, set), cg_not(cg, x.null)) : cg_not(cg, set);
    else /* ignoreNulls: If(IsNull(child), last, child); else child */
        take = a->ignore_nulls ? cg_not(cg, x.null) : cg_i1(cg, 1);
    if (a->arg2)
        take = cg_and(cg, take, cg_and(cg, cg_not(cg, c.null), c.v));
    LLVMBasicBlockRef bb_take = cg_block(cg, "fl.take");
    LLVMBasicBlockRef bb_done = cg_block(cg, "fl.done");
    LLVMBuildCondBr(cg->b, take, bb_take, bb_done);
    cg_at(cg, bb_take);
    store_slot(cg, a->type, st, x);
    cg_store(cg, cg_i8(cg, 1), set_p);
    cg_store(cg, LLVMBuildZExt(cg->b, x.null, cg->t_i8, ""), cg_gepc(cg, st, first_last_flags(a) + 1, ""));
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
}

static CgVal final_first_last(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    CgVal r = {0};
    LLVMValueRef set = cg_load(cg, cg->t_i8, cg_gepc(cg, st, first_last_flags(a), ""), "fl.set");
    LLVMValueRef isnull = cg_load(cg, cg->t_i8, cg_gepc(cg, st, first_last_flags(a) + 1, ""), "fl.isnull");
    r.null = cg_or(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, set, cg_i8(cg, 0), ""),
                   LLVMBuildICmp(cg->b, LLVMIntNE, isnull, cg_i8(cg, 0), ""));
    slot_value(cg, a->type, st, &r);
    return r;
}

/* Sessions (scalars and decimals): First takes the right buffer when the left has no value,
   Last when the right has one; the value and its flags go together. */
static void merge_first_last(CgCtx *cg, const SAgg *a, LLVMValueRef dst, LLVMValueRef src)
{
    uint32_t flags = first_last_flags(a);
    LLVMValueRef ds = LLVMBuildICmp(cg->b, LLVMIntNE, cg_load(cg, cg->t_i8, cg_gepc(cg, dst, flags, ""), ""), cg_i8(cg, 0), "");
    LLVMValueRef ss = LLVMBuildICmp(cg->b, LLVMIntNE, cg_load(cg, cg->t_i8, cg_gepc(cg, src, flags, ""), ""), cg_i8(cg, 0), "");
    LLVMValueRef take = a->kind == AGG_FIRST ? cg_not(cg, ds) : ss;
    for (uint32_t off = 0; off < flags + 4; off += 8) {
        LLVMValueRef d = cg_load(cg, cg->t_i64, cg_gepc(cg, dst, off, ""), "");
        LLVMValueRef v = cg_load(cg, cg->t_i64, cg_gepc(cg, src, off, ""), "");
        cg_store(cg, cg_select(cg, take, v, d), cg_gepc(cg, dst, off, ""));
    }
}

/* ==== max_by, min_by ====
** Spark's MaxMinBy keeps (valueWithExtremumOrdering, extremumOrdering): a row with a NULL
** ordering changes nothing, the first with one is taken, and a later row is taken unless the
** kept ordering beats it (If(predicate(extremumOrdering, orderingExpr), kept, new), predicate
** old > new for MaxBy, old < new for MinBy): on equal orderings the later row wins, its value
** NULL or not.  Merging a partial into the state is the same rule with the state on the left
** (StateStoreRestoreExec puts the stored row before the batch's), so folding the batch row by
** row into the state gives what Spark's stages give.  Doubles order as Spark's (NaN largest,
** -0.0 equal to 0.0).  48 bytes: the value at 0 and the ordering at BY_ORD, each as
** first/last keep theirs (slot_value), then i8 has-ordering and i8 value-is-NULL at BY_FLAGS.
*/
#define BY_ORD 16u
#define BY_FLAGS 32u

uint32_t cg_agg_by_ord_offset(void)
{
    return BY_ORD;
}

/* predicate(old, new) of two non-NULL orderings of type t (a nested one as its bytes,
   by_ordering): does the kept one win? */
static LLVMValueRef by_keeps(CgCtx *cg, const SAgg *a, const Type *t, CgVal old, CgVal x)
{
    bool is_min = a->kind == AGG_MIN_BY;
    if (plan_agg_slot_bytes(t)) { /* GreaterThan/LessThan: the type's interpretedOrdering */
        LLVMValueRef c = slot_order(cg, t, old, x);
        return LLVMBuildICmp(cg->b, is_min ? LLVMIntSLT : LLVMIntSGT, c, cg_i32(cg, 0), "");
    }
    if (type_is_fractional(t))
        return cg_double_cmp(cg, is_min ? BOP_LT : BOP_GT, old.v, x.v);
    LLVMValueRef o = t->kind == TY_DECIMAL ? old.v : value_bits(cg, t, old.v);
    LLVMValueRef n = t->kind == TY_DECIMAL ? x.v : value_bits(cg, t, x.v);
    return LLVMBuildICmp(cg->b, is_min ? LLVMIntSLT : LLVMIntSGT, o, n, "");
}

static LLVMValueRef by_flag(CgCtx *cg, LLVMValueRef st, uint32_t off)
{
    return LLVMBuildICmp(cg->b, LLVMIntNE, cg_load(cg, cg->t_i8, cg_gepc(cg, st, off, ""), "by.flag"),
                         cg_i8(cg, 0), "");
}

/* The ordering kept at st as by_keeps takes it, a nested one as its bytes (meaningless while
   has-ordering is 0). */
static CgVal by_ordering(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    CgVal r = {0};
    r.null = cg_i1(cg, 0);
    if (type_is_nested(a->arg2->type)) {
        r.v = cg_load(cg, cg->t_ptr, cg_gepc(cg, st, BY_ORD, ""), "by.ord.s");
        r.len = cg_load(cg, cg->t_i32, cg_gepc(cg, st, BY_ORD + 8, ""), "by.ord.n");
        return r;
    }
    slot_value(cg, a->arg2->type, cg_gepc(cg, st, BY_ORD, ""), &r);
    return r;
}

/* A row: its value x and ordering o (cg_agg_args' extra values). */
static void update_by(CgCtx *cg, const SAgg *a, LLVMValueRef st, CgVal x, CgVal o)
{
    LLVMBasicBlockRef bb_cmp = cg_block(cg, "by.cmp");
    LLVMBasicBlockRef bb_take = cg_block(cg, "by.take");
    LLVMBasicBlockRef bb_done = cg_block(cg, "by.done");
    LLVMBuildCondBr(cg->b, o.null, bb_done, bb_cmp);
    cg_at(cg, bb_cmp);
    LLVMValueRef has = by_flag(cg, st, BY_FLAGS);
    const Type *ot = a->arg2->type;
    LLVMValueRef keeps = by_keeps(cg, a, ot, by_ordering(cg, a, st),
                                  type_is_nested(ot) ? nested_bytes(cg, ot, o, true) : o);
    LLVMBuildCondBr(cg->b, cg_and(cg, has, keeps), bb_done, bb_take);
    cg_at(cg, bb_take);
    store_slot(cg, a->type, st, x);
    store_slot(cg, a->arg2->type, cg_gepc(cg, st, BY_ORD, ""), o);
    cg_store(cg, cg_i8(cg, 1), cg_gepc(cg, st, BY_FLAGS, ""));
    cg_store(cg, LLVMBuildZExt(cg->b, x.null, cg->t_i8, ""), cg_gepc(cg, st, BY_FLAGS + 1, ""));
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
}

static CgVal final_by(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    CgVal r = {0};
    r.null = cg_or(cg, cg_not(cg, by_flag(cg, st, BY_FLAGS)), by_flag(cg, st, BY_FLAGS + 1));
    slot_value(cg, a->type, st, &r);
    return r;
}

/* MaxMinBy.mergeExpressions, dst the left (the state), src the right: src is taken when it has
   an ordering and dst has none or does not win.  A STRING's pointer is taken as it is
   (srt_agg_merge_from copies it into dst's table; sessions refuse STRINGs). */
static void merge_by(CgCtx *cg, const SAgg *a, LLVMValueRef dst, LLVMValueRef src)
{
    LLVMBasicBlockRef bb_cmp = cg_block(cg, "by.mcmp");
    LLVMBasicBlockRef bb_take = cg_block(cg, "by.mtake");
    LLVMBasicBlockRef bb_done = cg_block(cg, "by.mdone");
    LLVMBuildCondBr(cg->b, by_flag(cg, src, BY_FLAGS), bb_cmp, bb_done);
    cg_at(cg, bb_cmp);
    LLVMValueRef keeps =
        by_keeps(cg, a, a->arg2->type, by_ordering(cg, a, dst), by_ordering(cg, a, src));
    LLVMBuildCondBr(cg->b, cg_and(cg, by_flag(cg, dst, BY_FLAGS), keeps), bb_done, bb_take);
    cg_at(cg, bb_take);
    for (uint32_t off = 0; off < BY_FLAGS + 8; off += 8)
        cg_store(cg, cg_load(cg, cg->t_i64, cg_gepc(cg, src, off, ""), ""), cg_gepc(cg, dst, off, ""));
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
}

/* ==== collect_list, collect_set ====
** The values live in the runtime (srt_collect.c): each row is handed over with its batch
** mark (a set folds a batch's rows into its state as Spark's stages do), and the final
** value is the array the runtime builds in batch memory.
*/

/* The type of the values a collect_list, collect_set or percentile keeps. */
static const Type *collect_elem(const SAgg *a)
{
    return a->kind == AGG_PERCENTILE || a->kind == AGG_MODE ? a->type : a->type->elem;
}

uint32_t cg_agg_collect_kind(const SAgg *a)
{
    if (a->kind == AGG_PERCENTILE_APPROX) /* a digest of doubles (srt_quantile.c) */
        return SRT_COLLECT_DOUBLE | SRT_COLLECT_QUANTILE;
    if (a->kind == AGG_HISTOGRAM_NUMERIC) /* bins of doubles (srt_histogram.c) */
        return SRT_COLLECT_DOUBLE | SRT_COLLECT_HISTOGRAM;
    uint32_t k = SRT_COLLECT_VOID;
    switch (collect_elem(a)->kind) {
    case TY_BOOLEAN: k = SRT_COLLECT_BOOLEAN; break;
    case TY_TINYINT: /* Byte.hashCode and Short.hashCode are the value, as Integer's */
    case TY_SMALLINT:
    case TY_INT:
    case TY_DATE: k = SRT_COLLECT_INT; break; /* Spark's Int: Integer.hashCode */
    case TY_BIGINT:
    case TY_TIMESTAMP:
    case TY_TIMESTAMP_NTZ:
        k = SRT_COLLECT_LONG;
        break;
    case TY_FLOAT: k = SRT_COLLECT_FLOAT; break;
    case TY_DOUBLE: k = SRT_COLLECT_DOUBLE; break;
    case TY_DECIMAL: /* Decimal.hashCode depends on the scale */
        k = SRT_COLLECT_DECIMAL | (uint32_t)collect_elem(a)->scale << SRT_COLLECT_SCALE_SHIFT;
        break;
    case TY_STRING: k = SRT_COLLECT_STRING; break;
    case TY_NULL: k = SRT_COLLECT_VOID; break;
    case TY_STRUCT:
    case TY_ARRAY:
    case TY_MAP: /* a MAP only in a list (sema; mode of one is first) */
        k = SRT_COLLECT_NESTED | (a->kind == AGG_COLLECT_LIST ? 0u : SRT_COLLECT_HASHED);
        break;
    case TY_INTERVAL: /* refused by sema */
    case TY_YM_INTERVAL:
    case TY_BINARY:
        SL_UNREACHABLE();
    }
    return a->kind == AGG_COLLECT_SET ? k | SRT_COLLECT_SET : k;
}

/* The Java hashCode of nested value v as Spark's UnsafeRow or UnsafeArrayData (srt_javahash.c). */
static LLVMValueRef unsafe_hash(CgCtx *cg, const Type *t, CgVal v)
{
    LLVMValueRef d = cg_alloca(cg, cg->t_datum, "unsafe.datum");
    cg_store_datum(cg, t, v, d, false);
    LLVMValueRef args[3] = {cg->q, cg_type_text(cg, t), d};
    return cg_call(cg, "srt_unsafe_hash", args, 3, "unsafe.hash");
}

/* The row's value as srt_collect_add takes it: lo, hi, string bytes and length. */
static void update_collect(CgCtx *cg, const SAgg *a, LLVMValueRef st, CgVal x, LLVMValueRef cur)
{
    LLVMValueRef lo = cg_i64(cg, 0), hi = cg_i64(cg, 0), s = LLVMConstNull(cg->t_ptr), n = cg_i32(cg, 0);
    switch (collect_elem(a)->kind) {
    case TY_STRING:
        s = x.v;
        n = x.len;
        break;
    case TY_DECIMAL:
        lo = LLVMBuildTrunc(cg->b, x.v, cg->t_i64, "");
        hi = LLVMBuildTrunc(cg->b, LLVMBuildLShr(cg->b, x.v, LLVMConstInt(cg_dec_type(cg), 64, 0), ""), cg->t_i64, "");
        break;
    case TY_FLOAT: /* as the exact double */
        lo = LLVMBuildBitCast(cg->b, LLVMBuildFPExt(cg->b, x.v, cg->t_f64, ""), cg->t_i64, "");
        break;
    case TY_DOUBLE:
        lo = LLVMBuildBitCast(cg->b, x.v, cg->t_i64, "");
        break;
    case TY_BOOLEAN:
    case TY_NULL:
        lo = LLVMBuildZExt(cg->b, x.v, cg->t_i64, "");
        break;
    case TY_TINYINT:
    case TY_SMALLINT:
    case TY_INT:
        lo = LLVMBuildSExt(cg->b, x.v, cg->t_i64, "");
        break;
    case TY_BIGINT:
    case TY_TIMESTAMP:
    case TY_TIMESTAMP_NTZ:
    case TY_DATE:
        lo = x.v;
        break;
    case TY_STRUCT:
    case TY_ARRAY:
    case TY_MAP: { /* its canonical bytes (srt_key.c), -0.0 kept; NULL skipped by the runtime */
        CgVal b = nested_bytes(cg, collect_elem(a), x, true);
        s = b.v;
        n = b.len;
        if (cg_agg_collect_kind(a) & SRT_COLLECT_HASHED) /* the hashCode Spark's table uses */
            lo = LLVMBuildSExt(cg->b, unsafe_hash(cg, collect_elem(a), x), cg->t_i64, "");
        break;
    }
    case TY_INTERVAL: /* refused by sema */
    case TY_YM_INTERVAL:
    case TY_BINARY:
        SL_UNREACHABLE();
    }
    LLVMValueRef is_null = LLVMBuildZExt(cg->b, x.null, cg->t_i32, "");
    LLVMValueRef kind = cg_i32(cg, cg_agg_collect_kind(a));
    if (cg->session_state) { /* the session table owns them (srt_op_session.c) */
        LLVMValueRef sargs[8] = {cg->q, st, kind, is_null, lo, hi, s, n};
        cg_call(cg, "srt_session_collect_add", sargs, 8, "");
        return;
    }
    LLVMValueRef args[9] = {
        group_table(cg), st, kind, cur ? cur : cg_i64(cg, 0), is_null, lo, hi, s, n};
    cg_call(cg, "srt_collect_add", args, 9, "");
}

static CgVal final_collect(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    LLVMValueRef pp = cg_alloca(cg, cg->t_ptr, "collect.p");
    LLVMValueRef np = cg_alloca(cg, cg->t_i32, "collect.n");
    LLVMValueRef args[5] = {cg->q, st, cg_i32(cg, cg_agg_collect_kind(a)), pp, np};
    cg_call(cg, "srt_collect_result", args, 5, "");
    CgVal r = {0};
    r.null = cg_i1(cg, 0); /* Collect.nullable is false: no value is an empty array */
    r.v = cg_load(cg, cg->t_ptr, pp, "collect");
    r.len = cg_load(cg, cg->t_i32, np, "collect.len");
    const Type *t = collect_elem(a);
    if (type_is_nested(t)) { /* each element's bytes read back, in place (batch memory) */
        CgLoop l;
        LLVMValueRef i = cg_loop_begin(cg, &l, r);
        LLVMValueRef at = cg_gep(cg, r.v,
                                 LLVMBuildMul(cg->b, LLVMBuildZExt(cg->b, i, cg->t_i64, ""),
                                              cg_i64(cg, (int64_t)cg_datum_size(cg)), ""),
                                 "");
        CgVal b = cg_load_datum(cg, &type_string, at);
        LLVMValueRef vargs[4] = {cg->q, cg_type_text(cg, t), b.v, b.len};
        LLVMValueRef v = cg_call(cg, "srt_key_nested_value", vargs, 4, "collect.value");
        LLVMBuildMemCpy(cg->b, at, 8, v, 8, cg_i64(cg, (int64_t)cg_datum_size(cg)));
        cg_loop_end(cg, &l, i);
    }
    return r;
}

/* percentile (median, percentile_cont, percentile_disc): Spark's Percentile or PercentileDisc
   over the values kept as collect_list keeps them (srt_collect.c). */
static CgVal final_percentile(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    LLVMValueRef out = cg_alloca(cg, cg->t_f64, "pct.out");
    int32_t how = (a->pct_desc ? SRT_PCT_REVERSE : 0) | (a->pct_disc ? SRT_PCT_DISCRETE : 0);
    LLVMValueRef args[5] = {cg->q, st, cg_f64(cg, a->pct), cg_i32(cg, how), out};
    CgVal r = {0};
    LLVMValueRef none = cg_call(cg, "srt_collect_percentile", args, 5, "pct.none");
    r.null = LLVMBuildICmp(cg->b, LLVMIntNE, none, cg_i32(cg, 0), "");
    r.v = cg_load(cg, cg->t_f64, out, "pct");
    return r;
}

/* mode: Spark's Mode of the values kept as collect_list keeps them (srt_collect.c), the value
   handed back as srt_collect_add took it. */
static CgVal final_mode(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    LLVMValueRef lo = cg_alloca(cg, cg->t_i64, "mode.lo");
    LLVMValueRef hi = cg_alloca(cg, cg->t_i64, "mode.hi");
    LLVMValueRef s = cg_alloca(cg, cg->t_ptr, "mode.s");
    LLVMValueRef n = cg_alloca(cg, cg->t_i32, "mode.n");
    LLVMValueRef args[7] = {cg->q, st, cg_i32(cg, cg_agg_collect_kind(a)), lo, hi, s, n};
    LLVMValueRef none = cg_call(cg, "srt_collect_mode", args, 7, "mode.none");
    CgVal r = {0};
    r.null = LLVMBuildICmp(cg->b, LLVMIntNE, none, cg_i32(cg, 0), "");
    if (type_is_bytes(a->type)) {
        r.v = cg_load(cg, cg->t_ptr, s, "mode.str");
        r.len = cg_load(cg, cg->t_i32, n, "mode.len");
        return r;
    }
    if (type_is_nested(a->type)) { /* its canonical bytes read back (none: length 0, NULL) */
        LLVMValueRef vargs[4] = {cg->q, cg_type_text(cg, a->type), cg_load(cg, cg->t_ptr, s, ""),
                                 cg_load(cg, cg->t_i32, n, "")};
        CgVal v =
            cg_load_datum(cg, a->type, cg_call(cg, "srt_key_nested_value", vargs, 4, "mode.value"));
        v.null = r.null;
        return v;
    }
    LLVMValueRef bits = cg_load(cg, cg->t_i64, lo, "mode.bits");
    if (a->type->kind == TY_DECIMAL) { /* the unscaled value: lo, then hi */
        LLVMTypeRef t128 = cg_dec_type(cg);
        LLVMValueRef high = LLVMBuildZExt(cg->b, cg_load(cg, cg->t_i64, hi, "mode.hi"), t128, "");
        r.v = LLVMBuildOr(cg->b, LLVMBuildZExt(cg->b, bits, t128, ""),
                          LLVMBuildShl(cg->b, high, LLVMConstInt(t128, 64, 0), ""), "mode.dec");
        return r;
    }
    if (a->type->kind == TY_DOUBLE || a->type->kind == TY_FLOAT) { /* a FLOAT as the exact double */
        r.v = LLVMBuildBitCast(cg->b, bits, cg->t_f64, "");
        if (a->type->kind == TY_FLOAT)
            r.v = LLVMBuildFPTrunc(cg->b, r.v, cg->t_f32, "");
        return r;
    }
    LLVMTypeRef t = LLVMTypeOf(cg_null_of(cg, a->type).v);
    r.v = t == cg->t_i64 ? bits : LLVMBuildTrunc(cg->b, bits, t, "mode.v");
    return r;
}

/* A value of x as a double: FPExt of a FLOAT, SIToFP of an integer, DATE, TIMESTAMP or ANSI
   interval (ApproximatePercentile's and HistogramNumeric's toDouble). */
static LLVMValueRef value_as_double(CgCtx *cg, const SAgg *a, CgVal x)
{
    if (a->arg->type->kind == TY_FLOAT)
        return LLVMBuildFPExt(cg->b, x.v, cg->t_f64, "");
    if (a->arg->type->kind != TY_DOUBLE)
        return LLVMBuildSIToFP(cg->b, x.v, cg->t_f64, "");
    return x.v;
}

/* A row's value of percentile_approx or histogram_numeric in a session window: the point's
   digest or bins, owned by the session table (srt_session_digest_add). */
static void session_digest_add(CgCtx *cg, const SAgg *a, LLVMValueRef st, CgVal x, uint32_t kind,
                               double param)
{
    LLVMValueRef args[6] = {cg->q,
                            st,
                            cg_i32(cg, kind),
                            LLVMBuildZExt(cg->b, x.null, cg->t_i32, ""),
                            value_as_double(cg, a, x),
                            cg_f64(cg, param)};
    cg_call(cg, "srt_session_digest_add", args, 6, "");
}

/* ==== percentile_approx ====
** The digest lives in the runtime (srt_quantile.c): each row's value goes over as a double
** (ApproximatePercentile.update: a number's toDouble, a DATE's days, a TIMESTAMP's
** microseconds) with its batch mark, as the partial digest P of its batch; the runtime merges
** P into the state S at the batch's output and hands back the percentiles converted to the
** input's type.
*/
static void update_approx(CgCtx *cg, const SAgg *a, LLVMValueRef st, CgVal x, LLVMValueRef cur)
{
    if (cg->session_state) {
        session_digest_add(cg, a, st, x, SRT_COLLECT_QUANTILE, 1.0 / (double)a->accuracy);
        return;
    }
    LLVMValueRef args[6] = {group_table(cg),           st,
                            cur ? cur : cg_i64(cg, 0), LLVMBuildZExt(cg->b, x.null, cg->t_i32, ""),
                            value_as_double(cg, a, x), cg_f64(cg, 1.0 / (double)a->accuracy)};
    cg_call(cg, "srt_quantile_add", args, 6, "");
}

/* histogram_numeric: srt_histogram_add of the value as a double. */
static void update_histogram(CgCtx *cg, const SAgg *a, LLVMValueRef st, CgVal x, LLVMValueRef cur)
{
    if (cg->session_state) {
        session_digest_add(cg, a, st, x, SRT_COLLECT_HISTOGRAM, (double)a->nbins);
        return;
    }
    LLVMValueRef args[6] = {group_table(cg),           st,
                            cur ? cur : cg_i64(cg, 0), LLVMBuildZExt(cg->b, x.null, cg->t_i32, ""),
                            value_as_double(cg, a, x), cg_i32(cg, a->nbins)};
    cg_call(cg, "srt_histogram_add", args, 6, "");
}

/* histogram_numeric's ARRAY<STRUCT<x, y>> (srt_histogram_result), NULL without bins; x as
   HistogramNumeric.eval converts the bin's double to the input's type. */
static CgVal final_histogram(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    TypeKind k = a->arg->type->kind;
    uint32_t kind =
        k == TY_TINYINT                                      ? SRT_HISTOGRAM_BYTE
        : k == TY_SMALLINT                                   ? SRT_HISTOGRAM_SHORT
        : k == TY_INT || k == TY_DATE || k == TY_YM_INTERVAL ? SRT_HISTOGRAM_INT
        : k == TY_BIGINT || k == TY_TIMESTAMP || k == TY_TIMESTAMP_NTZ || k == TY_INTERVAL
            ? SRT_HISTOGRAM_LONG
        : k == TY_FLOAT ? SRT_HISTOGRAM_FLOAT
                        : SRT_HISTOGRAM_DOUBLE;
    LLVMValueRef pp = cg_alloca(cg, cg->t_ptr, "hist.p");
    LLVMValueRef pn = cg_alloca(cg, cg->t_i32, "hist.n");
    LLVMValueRef args[5] = {cg->q, st, cg_i32(cg, (int32_t)kind), pp, pn};
    LLVMValueRef none = cg_call(cg, "srt_histogram_result", args, 5, "hist.none");
    CgVal r = {0};
    r.null = LLVMBuildICmp(cg->b, LLVMIntNE, none, cg_i32(cg, 0), "");
    r.v = cg_load(cg, cg->t_ptr, pp, "hist.values");
    r.len = cg_load(cg, cg->t_i32, pn, "hist.len");
    return r;
}

/* The percentile of a DECIMAL column as ApproximatePercentile.eval gives it, Decimal(double),
   written as the column's DECIMAL(p, s) (changePrecision, HALF_UP; NULL when it does not fit):
   the double at datum d cast to t, in place. */
static void approx_decimal_at(CgCtx *cg, const Type *t, LLVMValueRef d, SrcSpan span)
{
    cg_store_datum(cg, t,
                   cg_dec_cast(cg, cg_load_datum(cg, &type_double, d), &type_double, t, span), d,
                   false);
}

static CgVal final_approx(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    const Type *t = a->pct_array ? a->type->elem : a->type;
    uint32_t kind = SRT_COLLECT_DOUBLE; /* ApproximatePercentile.eval: toInt, toLong, toFloat */
    if (type_is_int32(t) || t->kind == TY_DATE) /* a byte or short: toInt of a kept value */
        kind = SRT_COLLECT_INT;
    else if (t->kind == TY_BIGINT || type_is_any_timestamp(t))
        kind = SRT_COLLECT_LONG;
    else if (t->kind == TY_FLOAT)
        kind = SRT_COLLECT_FLOAT;
    uint32_t n = (uint32_t)a->n_pcts;
    LLVMValueRef pct = cg_alloca(cg, LLVMArrayType(cg->t_f64, n ? n : 1), "approx.pct");
    for (uint32_t i = 0; i < n; i++)
        cg_store(cg, cg_f64(cg, a->pcts[i]), cg_gepc(cg, pct, 8u * i, ""));
    LLVMValueRef pp = cg_alloca(cg, cg->t_ptr, "approx.p");
    LLVMValueRef args[6] = {cg->q, st, cg_i32(cg, (int32_t)kind), pct, cg_i32(cg, (int32_t)n), pp};
    LLVMValueRef none = cg_call(cg, "srt_quantile_result", args, 6, "approx.none");
    CgVal r = {0};
    r.null = LLVMBuildICmp(cg->b, LLVMIntNE, none, cg_i32(cg, 0), "");
    LLVMBasicBlockRef bb_val = cg_block(cg, "approx.value");
    LLVMBasicBlockRef bb_done = cg_block(cg, "approx.done");
    LLVMBasicBlockRef bb_from = LLVMGetInsertBlock(cg->b);
    CgVal none_v = cg_null_of(cg, a->type);
    LLVMBuildCondBr(cg->b, r.null, bb_done, bb_val);
    cg_at(cg, bb_val);
    LLVMValueRef p = cg_load(cg, cg->t_ptr, pp, "approx.values");
    CgVal v = {0};
    if (a->pct_array) {
        v.v = p;
        v.len = cg_i32(cg, (int32_t)n);
        v.null = cg_i1(cg, 0);
        for (uint32_t i = 0; i < n && t->kind == TY_DECIMAL; i++)
            approx_decimal_at(cg, t, cg_gepc(cg, p, i * cg_datum_size(cg), "approx.elem"), a->span);
    } else if (t->kind == TY_DECIMAL) {
        v = cg_dec_cast(cg, cg_load_datum(cg, &type_double, p), &type_double, t, a->span);
    } else {
        v = cg_load_datum(cg, t, p);
    }
    LLVMBasicBlockRef bb_val_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
    LLVMValueRef phi = LLVMBuildPhi(cg->b, LLVMTypeOf(v.v), "approx");
    LLVMValueRef vals[2] = {none_v.v, v.v};
    LLVMBasicBlockRef from[2] = {bb_from, bb_val_end};
    LLVMAddIncoming(phi, vals, from, 2);
    r.v = phi;
    LLVMValueRef null = LLVMBuildPhi(cg->b, cg->t_i1, "approx.null");
    LLVMValueRef nulls[2] = {cg_i1(cg, 1), v.null};
    LLVMAddIncoming(null, nulls, from, 2);
    r.null = null;
    if (a->pct_array) {
        LLVMValueRef len = LLVMBuildPhi(cg->b, cg->t_i32, "approx.len");
        LLVMValueRef lens[2] = {cg_i32(cg, 0), v.len};
        LLVMAddIncoming(len, lens, from, 2);
        r.len = len;
    }
    return r;
}

/* Does the aggregate need the batch mark of its rows? */
static bool needs_batch_mark(const SAgg *a)
{
    return plan_agg_two_level(a) || plan_agg_batch_sum(a) || sema_agg_has(a->kind, AGGP_BATCH_MARK);
}

/* cur: the batch mark (batch_mark) of a streaming aggregation, NULL in session windows
   (and where no aggregate keeps a batch's partial buffer); o: max_by/min_by's ordering. */
/* ==== bit_and, bit_or, bit_xor ====
** BitAggregate: the buffer starts NULL, takes the first value, then combines with the
** function's operator; a NULL leaves it.  The state is min/max's: the value as an i64 (an
** INT sign-extended: the operators commute with truncation), its has-value word at 12.
*/
static LLVMValueRef bit_op(CgCtx *cg, const SAgg *a, LLVMValueRef l, LLVMValueRef r)
{
    return a->kind == AGG_BIT_AND  ? LLVMBuildAnd(cg->b, l, r, "bit")
           : a->kind == AGG_BIT_OR ? LLVMBuildOr(cg->b, l, r, "bit")
                                   : LLVMBuildXor(cg->b, l, r, "bit");
}

/* The combined value and has-value of two (value, has) pairs: either alone, or both. */
static void bit_combine(CgCtx *cg, const SAgg *a, LLVMValueRef st, LLVMValueRef v, LLVMValueRef has)
{
    LLVMValueRef hp = cg_gepc(cg, st, 12, "bit.has.p");
    LLVMValueRef cur_has =
        LLVMBuildICmp(cg->b, LLVMIntNE, cg_load(cg, cg->t_i32, hp, ""), cg_i32(cg, 0), "");
    LLVMValueRef cur = cg_load(cg, cg->t_i64, st, "bit.cur");
    LLVMValueRef both = bit_op(cg, a, cur, v);
    LLVMValueRef r = cg_select(cg, has, cg_select(cg, cur_has, both, v), cur);
    cg_store(cg, r, st);
    cg_store(cg, LLVMBuildZExt(cg->b, cg_or(cg, cur_has, has), cg->t_i32, ""), hp);
}

static void update_agg(CgCtx *cg, const SAgg *a, LLVMValueRef st, CgVal x, CgVal o, LLVMValueRef cur)
{
    if (dec_agg(a)) {
        update_dec_agg(cg, a, st, x, cur);
        return;
    }
    if (iv_agg(a)) {
        update_iv_agg(cg, a, st, x, cur);
        return;
    }
    LLVMValueRef one_if = a->arg ? LLVMBuildZExt(cg->b, cg_not(cg, x.null), cg->t_i64, "") : cg_i64(cg, 1);
    switch (sema_agg_info(a->kind)->body) {
    case AGGB_COUNT: {
        LLVMValueRef c = cg_load(cg, cg->t_i64, st, "count");
        cg_store(cg, LLVMBuildAdd(cg->b, c, one_if, "count.new"), st);
        return;
    }
    case AGGB_SUM: {
        LLVMValueRef has_p = cg_gepc(cg, st, 8, "");
        if (a->type->kind == TY_DOUBLE) {
            LLVMValueRef v = x.v;
            if (a->arg->type->kind != TY_DOUBLE)
                v = LLVMBuildSIToFP(cg->b, v, cg->t_f64, "");
            update_double_sum(cg, a, st, v, x.null, one_if, cur);
            return;
        }
        LLVMValueRef v = x.v;
        if (LLVMTypeOf(v) != cg->t_i64)
            v = LLVMBuildSExt(cg->b, v, cg->t_i64, "");
        if (sema_agg_has(a->kind, AGGP_TRY)) {
            update_try_sum(cg, a, st, cg_select(cg, x.null, cg_i64(cg, 0), v), one_if, cur);
            return;
        }
        LLVMValueRef s = cg_load(cg, cg->t_i64, st, "sum");
        cg_store(cg, LLVMBuildAdd(cg->b, s, cg_select(cg, x.null, cg_i64(cg, 0), v), ""), st);
        LLVMValueRef has = cg_load(cg, cg->t_i64, has_p, "sum.has");
        cg_store(cg, LLVMBuildOr(cg->b, has, one_if, ""), has_p);
        return;
    }
    case AGGB_AVG: {
        LLVMValueRef v = x.v;
        if (a->arg->type->kind == TY_BOOLEAN)
            v = LLVMBuildUIToFP(cg->b, v, cg->t_f64, "");
        else if (a->arg->type->kind != TY_DOUBLE)
            v = LLVMBuildSIToFP(cg->b, v, cg->t_f64, "");
        update_double_sum(cg, a, st, v, x.null, one_if, cur);
        return;
    }
    case AGGB_MINMAX:
        update_minmax(cg, a, st, x);
        return;
    case AGGB_BIT: {
        LLVMValueRef v =
            type_is_int32(a->arg->type) ? LLVMBuildSExt(cg->b, x.v, cg->t_i64, "") : x.v;
        bit_combine(cg, a, st, v, cg_not(cg, x.null));
        return;
    }
    case AGGB_HLL:
        update_hll(cg, a, st, x);
        return;
    case AGGB_MOMENTS:
        update_moments(cg, a, st, x, o, cur);
        return;
    case AGGB_FIRST_LAST:
        update_first_last(cg, a, st, x, o);
        return;
    case AGGB_COLLECT:
    case AGGB_PERCENTILE:
    case AGGB_MODE:
        update_collect(cg, a, st, x, cur);
        return;
    case AGGB_APPROX:
        update_approx(cg, a, st, x, cur);
        return;
    case AGGB_HISTOGRAM:
        update_histogram(cg, a, st, x, cur);
        return;
    case AGGB_BY:
        update_by(cg, a, st, x, o);
        return;
    }
}

/* The state of key[0, len) in the group table (srt_agg_upsert: found or added). */
LLVMValueRef cg_agg_upsert(CgCtx *cg, LLVMValueRef table, LLVMValueRef key, LLVMValueRef len,
                           const char *name)
{
    LLVMValueRef hargs[2] = {key, len};
    LLVMValueRef hash = cg_call(cg, "srt_hash", hargs, 2, "hash");
    LLVMValueRef uargs[4] = {table, key, len, hash};
    return cg_call(cg, "srt_agg_upsert", uargs, 4, name);
}

/* ==== DISTINCT aggregates (batch queries) ====
** A DISTINCT aggregate is updated by the rows whose tuple (set number, group key, values)
** is new to the query's set of seen tuples (plan_distinct.c): a group table whose 16 bytes
** of state hold a seen flag, as DROP DUPLICATES keeps its keys.  The key bytes are canonical
** (-0.0 as 0.0, one NaN), and so is the value the aggregate takes, as Spark's aggregate reads
** the normalised grouping attribute (AggUtils.planAggregateWithOneDistinct).
*/

CgVal *cg_agg_args(CgCtx *cg, const CgEnv *env, const PQuery *pq)
{
    const SSelect *a = pq->agg;
    int n = a->n_agg;
    for (int d = 0; d < pq->n_distinct; d++)
        n += pq->distinct[d].n_args;
    CgVal *args = ARENA_NEW_N(cg->arena, CgVal, n + a->n_agg + 1);
    for (int i = 0; i < a->n_agg; i++)
        args[i] = a->aggs[i].arg ? cg_expr(cg, env, a->aggs[i].arg) : cg_null_of(cg, &type_bigint);
    /* the second arguments (max_by/min_by's orderings, corr/covar's y), after the DISTINCT
       values */
    for (int i = 0; i < a->n_agg; i++)
        if (a->aggs[i].arg2)
            args[n + i] = cg_expr(cg, env, a->aggs[i].arg2);
    for (int d = 0; d < pq->n_distinct; d++)
        for (int k = 0; k < pq->distinct[d].n_args; k++)
            args[pq->distinct[d].first_value + k] = cg_expr(cg, env, pq->distinct[d].args[k]);
    return args;
}

/* The second argument of aggregate i in cg_agg_args' values (a NULL when it has none). */
static CgVal agg_arg2(CgCtx *cg, const PQuery *pq, const CgVal *args, int i)
{
    if (!pq->agg->aggs[i].arg2)
        return cg_null_of(cg, &type_bigint);
    int n = pq->agg->n_agg;
    for (int d = 0; d < pq->n_distinct; d++)
        n += pq->distinct[d].n_args;
    return args[n + i];
}

/* i1: srt_distinct_admit of the tuple key[0, len) of DISTINCT set id in table. */
static LLVMValueRef distinct_admit(CgCtx *cg, LLVMValueRef table, LLVMValueRef key,
                                   LLVMValueRef len, int id)
{
    LLVMValueRef hargs[2] = {key, len};
    LLVMValueRef hash = cg_call(cg, "srt_hash", hargs, 2, "dhash");
    LLVMValueRef args[6] = {cg->q, table, key, len, hash, cg_i32(cg, id)};
    LLVMValueRef admit = cg_call(cg, "srt_distinct_admit", args, 6, "dadmit");
    return LLVMBuildICmp(cg->b, LLVMIntNE, admit, cg_i32(cg, 0), "dnew");
}

/* i1: is the row's tuple of DISTINCT set d new, to update its aggregates now (it is
   remembered; in a parallel task the fold function updates them, cg_distinct_fold_fn)? */
static LLVMValueRef distinct_new(CgCtx *cg, const PQuery *pq, int d, const CgVal *keys, const CgVal *args)
{
    const PDistinct *pd = &pq->distinct[d];
    int n_group = pq->agg->n_group;
    CgVal *parts = ARENA_NEW_N(cg->arena, CgVal, pd->key.n);
    parts[0].null = cg_i1(cg, 0);
    parts[0].v = cg_i32(cg, pd->id);
    for (int k = 0; k < n_group; k++)
        parts[1 + k] = keys[k];
    for (int k = 0; k < pd->n_args; k++)
        parts[1 + n_group + k] = args[pd->first_value + k];
    LLVMValueRef stack =
        cg_alloca(cg, LLVMArrayType(cg->t_i8, pd->key.fixed_size + CG_KEY_STACK_BYTES), "dkeybuf");
    LLVMSetAlignment(stack, 16);
    LLVMValueRef len;
    LLVMValueRef key = cg_build_key(cg, &pd->key, parts, LLVMBuildPointerCast(cg->b, stack, cg->t_ptr, ""), &len);
    LLVMBasicBlockRef cur = cg_to_entry_start(cg); /* the table, once per buffer */
    LLVMValueRef table = cg_call(cg, "srt_query_distinct_table", &cg->q, 1, "distinct");
    LLVMPositionBuilderAtEnd(cg->b, cur);
    return distinct_admit(cg, table, key, len, pd->id);
}

/* A value as the key keeps it: a double or float with NaN and -0.0 normalised. */
static CgVal canonical_value(CgCtx *cg, CgVal x)
{
    if (LLVMTypeOf(x.v) == cg->t_f64)
        x.v = canonical_double(cg, x.v);
    else if (LLVMTypeOf(x.v) == cg->t_f32)
        x.v = LLVMBuildFPTrunc(
            cg->b, canonical_double(cg, LLVMBuildFPExt(cg->b, x.v, cg->t_f64, "")), cg->t_f32, "");
    return x;
}

/* The value a DISTINCT aggregate takes: its key's (normalised) value; count of several
   values counts a tuple without NULL. */
static CgVal distinct_value(CgCtx *cg, const SAgg *a, CgVal x, const CgVal *vals)
{
    if (a->kind == AGG_COUNT)
        for (int k = 1; k < a->n_dargs; k++)
            x.null = cg_or(cg, x.null, vals[k].null);
    return canonical_value(cg, x);
}

/* The argument DISTINCT aggregate a takes from its tuple's values (plan_distinct_folds): the
   first value, or its cast to the argument's type. */
static CgVal distinct_arg(CgCtx *cg, const SAgg *a, const CgVal *vals)
{
    if (sema_expr_equal(a->arg, a->dargs[0]))
        return vals[0];
    return cg_cast(cg, vals[0], a->dargs[0]->type, a->arg->type, a->arg->span);
}

/* Update the DISTINCT aggregates of set d in a group's state with a new tuple's values vals:
   their arguments from the row's args, or (args NULL, a task's tuple folded) from vals. */
static void add_distinct(CgCtx *cg, const PQuery *pq, int d, LLVMValueRef state, const CgVal *vals,
                         const CgVal *args, LLVMValueRef cur)
{
    for (int i = 0; i < pq->agg->n_agg; i++) {
        if (pq->agg_distinct[i] != d)
            continue;
        const SAgg *a = &pq->agg->aggs[i];
        CgVal x = args ? args[i] : distinct_arg(cg, a, vals);
        /* a pair's y is the second value of the tuple (corr, the covariances, regressions) */
        CgVal y = cg_null_of(cg, &type_bigint);
        if (a->arg2)
            y = canonical_value(cg, args ? agg_arg2(cg, pq, args, i) : vals[1]);
        update_agg(cg, a, cg_gepc(cg, state, pq->agg_slots[i].offset, "agg"),
                   distinct_value(cg, a, x, vals), y, cur);
    }
}

/* Update the DISTINCT aggregates of set d when the row's tuple is new. */
static void update_distinct(CgCtx *cg, const PQuery *pq, int d, LLVMValueRef state,
                            const CgVal *keys, const CgVal *args, LLVMValueRef cur)
{
    LLVMBasicBlockRef bb_new = cg_block(cg, "distinct.new");
    LLVMBasicBlockRef bb_done = cg_block(cg, "distinct.done");
    LLVMBuildCondBr(cg->b, distinct_new(cg, pq, d, keys, args), bb_new, bb_done);
    cg_at(cg, bb_new);
    add_distinct(cg, pq, d, state, args + pq->distinct[d].first_value, args, cur);
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
}

/*
** void fold(SrtQuery *q, i32 set, const uint8_t *key, i32 len) (SrtDistinctFoldFn): a split
** batch's task kept the tuples it met first (srt_distinct_admit) and updated no DISTINCT
** aggregate; on the query's thread, after the task's groups are merged, each is tested
** against the query's set in the task's order and, when new, its values (decoded from the
** key: canonical as the aggregate takes them) update its group's aggregates: the updates
** one thread makes, in its order.
*/
LLVMValueRef cg_distinct_fold_fn(CgCtx *cg, const PQuery *pq, int qi)
{
    LLVMTypeRef params[4] = {cg->t_ptr, cg->t_i32, cg->t_ptr, cg->t_i32};
    LLVMTypeRef ft = LLVMFunctionType(cg->t_void, params, 4, 0);
    LLVMValueRef fn =
        cg_begin_function(cg, arena_sprintf(cg->arena, "sl_distinct_fold_%d", qi), ft);
    cg->q = LLVMGetParam(fn, 0);
    LLVMValueRef set = LLVMGetParam(fn, 1), key = LLVMGetParam(fn, 2), len = LLVMGetParam(fn, 3);
    LLVMBasicBlockRef body = cg_block(cg, "body");
    LLVMBasicBlockRef done = cg_block(cg, "done");
    cg_at(cg, body);
    bool any = false;
    for (int i = 0; i < pq->agg->n_agg; i++)
        any |= pq->agg_distinct[i] >= 0 && needs_batch_mark(&pq->agg->aggs[i]);
    LLVMValueRef cur = any ? batch_mark(cg) : NULL;
    LLVMValueRef table = cg_call(cg, "srt_query_agg_table", &cg->q, 1, "table");
    LLVMValueRef dtable = cg_call(cg, "srt_query_distinct_table", &cg->q, 1, "distinct");
    cg->agg_table = table;
    LLVMValueRef sw = LLVMBuildSwitch(cg->b, set, done, (unsigned)pq->n_distinct);
    for (int d = 0; d < pq->n_distinct; d++) {
        const PDistinct *pd = &pq->distinct[d];
        LLVMBasicBlockRef bb_set = cg_block(cg, "set");
        LLVMBasicBlockRef bb_new = cg_block(cg, "set.new");
        LLVMAddCase(sw, cg_i32(cg, pd->id), bb_set);
        cg_at(cg, bb_set);
        LLVMBuildCondBr(cg->b, distinct_admit(cg, dtable, key, len, pd->id), bb_new, done);
        cg_at(cg, bb_new);
        CgVal *parts = ARENA_NEW_N(cg->arena, CgVal, pd->key.n);
        cg_decode_key(cg, &pd->key, key, parts);
        LLVMValueRef stack = cg_alloca(
            cg, LLVMArrayType(cg->t_i8, pq->key.fixed_size + CG_KEY_STACK_BYTES), "keybuf");
        LLVMSetAlignment(stack, 16);
        LLVMValueRef glen;
        LLVMValueRef gkey = cg_build_key(cg, &pq->key, parts + 1,
                                         LLVMBuildPointerCast(cg->b, stack, cg->t_ptr, ""), &glen);
        LLVMValueRef state = cg_agg_upsert(cg, table, gkey, glen, "state");
        add_distinct(cg, pq, d, state, parts + 1 + pq->agg->n_group, NULL, cur);
        LLVMBuildBr(cg->b, done);
    }
    cg_at(cg, done);
    LLVMBuildRetVoid(cg->b);
    cg_at(cg, cg->entry);
    LLVMBuildBr(cg->b, body);
    cg->agg_table = NULL;
    return fn;
}

/* ==== Replayed aggregates (split batches) ====
** A sum or average of DOUBLE or DECIMAL, a central moment (plan_agg_replays) is not folded
** from a task's partial buffer, whose additions would start where the task starts: in a
** parallel task (srt_query_logs_values) a row starts the batch of the group's buffer as
** on one thread (begin_batch, its batch mark in the task's state) and logs its value with
** the task-local group (srt_vlog_put) unless the update would skip it (a NULL); the merge
** function starts the batch of the query's group where the task's did, and the replay
** function (sl_replay_<q>, on the query's thread) makes each logged update, in input order,
** with update_agg as one thread does.  A log entry is (u32 group, u32 aggregate) then the
** value x and, with a second argument, y, each in its LLVM type's store size rounded to 8.
** In a session window (no partial buffer per batch: its batch table is one) a task's row logs
** its value with its point (srt_vlog_put_row), the task merge function (sl_task_merge_<q>)
** leaves the query's point as it is, and the replay updates it; its merge function
** (sl_merge_<q>, sessions merging on the query's thread) merges every aggregate.
*/

/* Is aggregate i of pq replayed (its level is split, its task making updates; the levels
   above are serial, and so is an aggregation over a stream-stream join)? */
static bool replayed(const PQuery *pq, int i)
{
    return !pq->serial && !pq->ssjoin_block && !plan_agg_logs_updates(pq) &&
           plan_agg_replays(&pq->agg->aggs[i]);
}

bool cg_agg_replays(const PQuery *pq)
{
    for (int i = 0; i < pq->agg->n_agg; i++)
        if (replayed(pq, i))
            return true;
    return false;
}

/* The bytes a logged value of LLVM type t takes. */
static uint32_t logged_bytes(CgCtx *cg, LLVMTypeRef t)
{
    return ((uint32_t)LLVMStoreSizeOfType(cg->td, t) + 7u) & ~7u;
}

/* The LLVM types of aggregate a's logged x and y (NULL without a second argument). */
static void logged_types(CgCtx *cg, const SAgg *a, LLVMTypeRef *x, LLVMTypeRef *y)
{
    *x = cg_type_of(cg, a->arg->type);
    *y = a->arg2 ? cg_type_of(cg, a->arg2->type) : NULL;
}

/* i1: does the update of aggregate a with (x, y) leave its state as it is?  A NULL x, or a
   pair's NULL y where the update takes pairs (corr, covar, regr_slope ...). */
static LLVMValueRef update_skips(CgCtx *cg, const SAgg *a, CgVal x, CgVal y)
{
    bool pairs = sema_agg_info(a->kind)->body == AGGB_MOMENTS &&
                 (plan_agg_moment_order(a) == 0 || plan_agg_buffer_doubles(a) == REGR_DOUBLES);
    return pairs ? cg_or(cg, x.null, y.null) : x.null;
}

/* i1: does the process function log replayed values (a parallel task), read in the entry
   block: once per buffer. */
static LLVMValueRef logs_values(CgCtx *cg)
{
    LLVMBasicBlockRef cur = cg_to_entry_start(cg);
    LLVMValueRef v = cg_call(cg, "srt_query_logs_values", &cg->q, 1, "logs");
    LLVMValueRef r = LLVMBuildICmp(cg->b, LLVMIntNE, v, cg_i32(cg, 0), "logs.values");
    LLVMPositionBuilderAtEnd(cg->b, cur);
    return r;
}

/* Store v at p, 8-aligned (a log entry's value). */
static void store_logged(CgCtx *cg, LLVMValueRef v, LLVMValueRef p)
{
    LLVMSetAlignment(LLVMBuildStore(cg->b, v, cg_ptr_to(cg, p, LLVMTypeOf(v))), 8);
}

static LLVMValueRef load_logged(CgCtx *cg, LLVMTypeRef t, LLVMValueRef p)
{
    LLVMValueRef v = cg_load(cg, t, p, "logged");
    LLVMSetAlignment(v, 8);
    return v;
}

/* Aggregate i of a row in group state `state` (st: its slot): logged in a parallel task
   (logs), updated now on the query's thread. */
static void update_or_log(CgCtx *cg, const PQuery *pq, int i, LLVMValueRef state, CgVal x, CgVal y,
                          LLVMValueRef cur, LLVMValueRef logs)
{
    const SAgg *a = &pq->agg->aggs[i];
    LLVMValueRef st = cg_gepc(cg, state, pq->agg_slots[i].offset, "agg");
    LLVMBasicBlockRef bb_log = cg_block(cg, "replay.log");
    LLVMBasicBlockRef bb_put = cg_block(cg, "replay.put");
    LLVMBasicBlockRef bb_update = cg_block(cg, "replay.update");
    LLVMBasicBlockRef bb_done = cg_block(cg, "replay.done");
    LLVMBuildCondBr(cg->b, logs, bb_log, bb_update);
    cg_at(cg, bb_log);
    if (!pq->session)
        begin_batch(cg, a, st, cur);
    LLVMBuildCondBr(cg->b, update_skips(cg, a, x, y), bb_done, bb_put);
    cg_at(cg, bb_put);
    LLVMTypeRef tx, ty;
    logged_types(cg, a, &tx, &ty);
    if (LLVMTypeOf(x.v) != tx || (ty && LLVMTypeOf(y.v) != ty))
        cg_unsupported(cg, a->span, "a replayed aggregate's value of another type");
    uint32_t nx = logged_bytes(cg, tx);
    uint32_t n = nx + (ty ? logged_bytes(cg, ty) : 0u);
    LLVMValueRef p;
    if (pq->session) { /* the task group is the row's point */
        LLVMValueRef rargs[3] = {cg->q, cg_i32(cg, i), cg_i32(cg, (int32_t)n)};
        p = cg_call(cg, "srt_vlog_put_row", rargs, 3, "logged.at");
    } else {
        LLVMValueRef pargs[4] = {cg->q, state, cg_i32(cg, i), cg_i32(cg, (int32_t)n)};
        p = cg_call(cg, "srt_vlog_put", pargs, 4, "logged.at");
    }
    store_logged(cg, x.v, p);
    if (ty)
        store_logged(cg, y.v, cg_gepc(cg, p, nx, ""));
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_update);
    update_agg(cg, a, st, x, y, cur);
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
}

/* Merge function: start the batch of replayed aggregate a's buffer in dst where the task's
   group src started it (its first row in the batch, or a global aggregation's buffer). */
static void merge_replayed(CgCtx *cg, const SAgg *a, LLVMValueRef dst, LLVMValueRef src)
{
    LLVMValueRef cur = batch_mark(cg);
    LLVMValueRef mark =
        cg_load(cg, cg->t_i64, cg_gepc(cg, src, batch_mark_offset(a), ""), "task.batch");
    LLVMBasicBlockRef bb_begin = cg_block(cg, "replay.begin");
    LLVMBasicBlockRef bb_done = cg_block(cg, "replay.begun");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, mark, cur, ""), bb_begin, bb_done);
    cg_at(cg, bb_begin);
    begin_batch(cg, a, dst, cur);
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
}

/* One log entry of aggregate i at e, in group state `state`: its update; the entry's size. */
static uint32_t replay_entry(CgCtx *cg, const PQuery *pq, int i, LLVMValueRef state, LLVMValueRef e,
                             LLVMValueRef cur)
{
    const SAgg *a = &pq->agg->aggs[i];
    LLVMTypeRef tx, ty;
    logged_types(cg, a, &tx, &ty);
    uint32_t nx = logged_bytes(cg, tx), ny = ty ? logged_bytes(cg, ty) : 0u;
    CgVal x = {cg_i1(cg, 0), load_logged(cg, tx, cg_gepc(cg, e, 8, "")), NULL, NULL, 0};
    CgVal y = cg_null_of(cg, &type_bigint);
    if (ty)
        y = (CgVal){cg_i1(cg, 0), load_logged(cg, ty, cg_gepc(cg, e, 8u + nx, "")), NULL, NULL, 0};
    update_agg(cg, a, cg_gepc(cg, state, pq->agg_slots[i].offset, "agg"), x, y, cur);
    return 8u + nx + ny;
}

CgLogLoop cg_log_loop(CgCtx *cg, LLVMValueRef log, LLVMValueRef len, LLVMBasicBlockRef done)
{
    CgLogLoop lp;
    lp.head = cg_block(cg, "entry.next");
    LLVMBasicBlockRef entry = cg_block(cg, "entry.read");
    lp.at_p = cg_alloca(cg, cg->t_i64, "at");
    cg_store(cg, cg_i64(cg, 0), lp.at_p);
    LLVMBuildBr(cg->b, lp.head);
    cg_at(cg, lp.head);
    lp.at = cg_load(cg, cg->t_i64, lp.at_p, "at");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, lp.at, len, ""), entry, done);
    cg_at(cg, entry);
    lp.entry = cg_gep(cg, log, lp.at, "e");
    return lp;
}

/*
** void replay(SrtQuery *q, uint8_t *const *groups, u64 n_groups, const uint8_t *log, u64 len)
** (SrtReplayFn): the log's entries in order, each the update of its aggregate in the state
** groups[its task group].
*/
LLVMValueRef cg_replay_fn(CgCtx *cg, const PQuery *pq, int qi)
{
    if (!cg_agg_replays(pq))
        return NULL;
    LLVMTypeRef params[5] = {cg->t_ptr, cg->t_ptr, cg->t_i64, cg->t_ptr, cg->t_i64};
    LLVMTypeRef ft = LLVMFunctionType(cg->t_void, params, 5, 0);
    LLVMValueRef fn = cg_begin_function(cg, arena_sprintf(cg->arena, "sl_replay_%d", qi), ft);
    cg->q = LLVMGetParam(fn, 0);
    LLVMValueRef groups = LLVMGetParam(fn, 1), log = LLVMGetParam(fn, 3), len = LLVMGetParam(fn, 4);
    LLVMBasicBlockRef body = cg_block(cg, "body");
    LLVMBasicBlockRef done = cg_block(cg, "done");
    cg_at(cg, body);
    LLVMValueRef cur = pq->session ? NULL : batch_mark(cg);
    CgLogLoop lp = cg_log_loop(cg, log, len, done);
    LLVMValueRef e = lp.entry, at = lp.at, at_p = lp.at_p;
    LLVMBasicBlockRef head = lp.head;
    LLVMValueRef g = LLVMBuildZExt(cg->b, cg_load(cg, cg->t_i32, e, "e.group"), cg->t_i64, "");
    LLVMValueRef agg = cg_load(cg, cg->t_i32, cg_gepc(cg, e, 4, ""), "e.agg");
    LLVMValueRef state = cg_load(
        cg, cg->t_ptr, cg_gep(cg, groups, LLVMBuildShl(cg->b, g, cg_i64(cg, 3), ""), ""), "state");
    LLVMValueRef sw = LLVMBuildSwitch(cg->b, agg, done, (unsigned)pq->agg->n_agg);
    for (int i = 0; i < pq->agg->n_agg; i++) {
        if (!replayed(pq, i))
            continue;
        LLVMBasicBlockRef bb = cg_block(cg, "entry.agg");
        LLVMAddCase(sw, cg_i32(cg, i), bb);
        cg_at(cg, bb);
        uint32_t size = replay_entry(cg, pq, i, state, e, cur);
        cg_store(cg, LLVMBuildAdd(cg->b, at, cg_i64(cg, size), ""), at_p);
        LLVMBuildBr(cg->b, head);
    }
    cg_at(cg, done);
    LLVMBuildRetVoid(cg->b);
    cg_at(cg, cg->entry);
    LLVMBuildBr(cg->b, body);
    return fn;
}

/* Find the group of a row and update its aggregates. */
void cg_agg_update(CgCtx *cg, const PQuery *pq, LLVMValueRef table, const CgVal *keys, const CgVal *args)
{
    LLVMValueRef state = cg_group_state(cg, pq, table, keys);
    bool any = false;
    for (int i = 0; i < pq->agg->n_agg; i++)
        any |= needs_batch_mark(&pq->agg->aggs[i]);
    LLVMValueRef cur = any ? batch_mark(cg) : NULL;
    LLVMValueRef logs = NULL;
    cg->agg_table = table;
    for (int i = 0; i < pq->agg->n_agg; i++) {
        if (pq->agg_distinct[i] >= 0)
            continue;
        if (replayed(pq, i)) {
            logs = logs ? logs : logs_values(cg);
            update_or_log(cg, pq, i, state, args[i], agg_arg2(cg, pq, args, i), cur, logs);
            continue;
        }
        update_agg(cg, &pq->agg->aggs[i], cg_gepc(cg, state, pq->agg_slots[i].offset, "agg"),
                   args[i], agg_arg2(cg, pq, args, i), cur);
    }
    for (int d = 0; d < pq->n_distinct; d++)
        update_distinct(cg, pq, d, state, keys, args, cur);
    cg->agg_table = NULL;
}

/*
** Before the records of a buffer: an aggregation without grouping keys merges a batch's
** partial buffer into its state even when no row reaches it (Spark's aggregate without
** keys makes one row of initial values), so its stddev/variance start the batch here (its
** collect_set is noted by the runtime, srt_op_agg.c's agg_begin_batch).
*/
void cg_agg_begin(CgCtx *cg, const PQuery *pq, LLVMValueRef table)
{
    if (pq->key.n != 0 || pq->session)
        return;
    bool any = false;
    for (int i = 0; i < pq->agg->n_agg; i++)
        any |= plan_agg_two_level(&pq->agg->aggs[i]);
    if (!any)
        return;
    LLVMValueRef key = LLVMBuildPointerCast(cg->b, cg_alloca(cg, cg->t_i64, "nokey"), cg->t_ptr, "");
    LLVMValueRef state = cg_agg_upsert(cg, table, key, cg_i32(cg, 0), "global");
    LLVMValueRef cur = batch_mark(cg);
    for (int i = 0; i < pq->agg->n_agg; i++)
        if (plan_agg_two_level(&pq->agg->aggs[i]))
            begin_batch(cg, &pq->agg->aggs[i], cg_gepc(cg, state, pq->agg_slots[i].offset, "agg"), cur);
}

/* ==== Session windows ==== */

/*
** The row's session [start, end): the runtime finds or merges the session of the key
** (the session slot zeroed) and returns its state, which is then updated as any group's.
*/
void cg_session_update(CgCtx *cg, const PQuery *pq, const CgVal *keys, const CgVal *args, LLVMValueRef start,
                       LLVMValueRef end)
{
    uint32_t cap = pq->key.fixed_size + CG_KEY_STACK_BYTES;
    LLVMValueRef stack = cg_alloca(cg, LLVMArrayType(cg->t_i8, cap), "keybuf");
    LLVMSetAlignment(stack, 16);
    LLVMValueRef len;
    LLVMValueRef key = cg_build_key(cg, &pq->key, keys, LLVMBuildPointerCast(cg->b, stack, cg->t_ptr, ""), &len);
    LLVMValueRef hargs[2] = {key, len};
    LLVMValueRef hash = cg_call(cg, "srt_hash", hargs, 2, "hash");
    LLVMValueRef uargs[6] = {cg->q, key, len, hash, start, end};
    LLVMValueRef state = cg_call(cg, "srt_session_upsert", uargs, 6, "session");
    LLVMValueRef logs = NULL;
    cg->session_state = true;
    for (int i = 0; i < pq->agg->n_agg; i++) {
        if (replayed(pq, i)) {
            logs = logs ? logs : logs_values(cg);
            update_or_log(cg, pq, i, state, args[i], agg_arg2(cg, pq, args, i), NULL, logs);
            continue;
        }
        update_agg(cg, &pq->agg->aggs[i], cg_gepc(cg, state, pq->agg_slots[i].offset, "agg"),
                   args[i], agg_arg2(cg, pq, args, i), NULL);
    }
    cg->session_state = false;
}

/* Fold the state of src into dst, aggregate by aggregate (sessions merging). */
static void merge_agg(CgCtx *cg, const SAgg *a, LLVMValueRef dst, LLVMValueRef src)
{
    if (dec_agg(a)) {
        merge_dec_agg(cg, a, dst, src);
        return;
    }
    if (iv_agg(a)) {
        merge_iv_agg(cg, a, dst, src);
        return;
    }
    switch (sema_agg_info(a->kind)->body) {
    case AGGB_COUNT: {
        LLVMValueRef d = cg_load(cg, cg->t_i64, dst, ""), v = cg_load(cg, cg->t_i64, src, "");
        cg_store(cg, LLVMBuildAdd(cg->b, d, v, ""), dst);
        return;
    }
    case AGGB_SUM:
    case AGGB_AVG: {
        /* sum: value, has-value (or'ed); avg: f64 sum, i64 count (added). */
        bool dbl = is_avg(a) || a->type->kind == TY_DOUBLE;
        LLVMTypeRef t = dbl ? cg->t_f64 : cg->t_i64;
        LLVMValueRef d = cg_load(cg, t, dst, ""), v = cg_load(cg, t, src, "");
        LLVMValueRef dp = cg_gepc(cg, dst, 8, ""), sp = cg_gepc(cg, src, 8, "");
        LLVMValueRef dn = cg_load(cg, cg->t_i64, dp, ""), sn = cg_load(cg, cg->t_i64, sp, "");
        if (!dbl && sema_agg_has(a->kind, AGGP_TRY)) { /* TrySum's mergeExpressions */
            LLVMValueRef has = LLVMBuildOr(cg->b, dn, sn, "");
            cg_store(cg, try_sum_add(cg, d, v, &has, TRY_SUM_S_OVF), dst);
            cg_store(cg, has, dp);
            return;
        }
        cg_store(cg, dbl ? LLVMBuildFAdd(cg->b, d, v, "") : LLVMBuildAdd(cg->b, d, v, ""), dst);
        cg_store(cg, is_avg(a) ? LLVMBuildAdd(cg->b, dn, sn, "") : LLVMBuildOr(cg->b, dn, sn, ""),
                 dp);
        return;
    }
    case AGGB_MINMAX: {
        if (plan_agg_slot_bytes(a->type)) {
            /* src's string or nested value's bytes, when better, are taken as they are (dst
               kept on a tie, Greatest/Least keeping the left); srt_agg_merge_from and the
               session table's merges copy them into dst's table (both hand the query over
               for a nested value's types: srt_sessions_set_query). */
            LLVMValueRef dhp = cg_gepc(cg, dst, 12, ""), shp = cg_gepc(cg, src, 12, "");
            LLVMValueRef dh = LLVMBuildICmp(cg->b, LLVMIntNE, cg_load(cg, cg->t_i32, dhp, ""), cg_i32(cg, 0), "");
            LLVMValueRef sh = LLVMBuildICmp(cg->b, LLVMIntNE, cg_load(cg, cg->t_i32, shp, ""), cg_i32(cg, 0), "");
            LLVMValueRef ds = cg_load(cg, cg->t_ptr, dst, ""), ss = cg_load(cg, cg->t_ptr, src, "");
            LLVMValueRef dn = cg_load(cg, cg->t_i32, cg_gepc(cg, dst, 8, ""), "");
            LLVMValueRef sn = cg_load(cg, cg->t_i32, cg_gepc(cg, src, 8, ""), "");
            CgVal sv = {.v = ss, .len = sn}, dv = {.v = ds, .len = dn};
            LLVMValueRef c = slot_order(cg, a->type, sv, dv);
            LLVMValueRef better = LLVMBuildICmp(cg->b, a->kind == AGG_MIN ? LLVMIntSLT : LLVMIntSGT, c, cg_i32(cg, 0), "");
            LLVMValueRef take = cg_and(cg, sh, cg_or(cg, cg_not(cg, dh), better));
            cg_store(cg, cg_select(cg, take, ss, ds), dst);
            cg_store(cg, cg_select(cg, take, sn, dn), cg_gepc(cg, dst, 8, ""));
            cg_store(cg, LLVMBuildZExt(cg->b, cg_or(cg, dh, sh), cg->t_i32, ""), dhp);
            return;
        }
        bool dbl = type_is_fractional(a->type); /* a FLOAT kept as the exact double */
        LLVMTypeRef t = dbl ? cg->t_f64 : cg->t_i64;
        LLVMValueRef dhp = cg_gepc(cg, dst, 12, ""), shp = cg_gepc(cg, src, 12, "");
        LLVMValueRef dh = LLVMBuildICmp(cg->b, LLVMIntNE, cg_load(cg, cg->t_i32, dhp, ""), cg_i32(cg, 0), "");
        LLVMValueRef sh = LLVMBuildICmp(cg->b, LLVMIntNE, cg_load(cg, cg->t_i32, shp, ""), cg_i32(cg, 0), "");
        LLVMValueRef d = cg_load(cg, t, dst, ""), v = cg_load(cg, t, src, "");
        bool is_min = a->kind == AGG_MIN;
        LLVMValueRef better = dbl ? cg_double_cmp(cg, is_min ? BOP_LT : BOP_GT, v, d)
                                  : LLVMBuildICmp(cg->b, is_min ? LLVMIntSLT : LLVMIntSGT, v, d, "");
        LLVMValueRef take = cg_and(cg, sh, cg_or(cg, cg_not(cg, dh), better));
        cg_store(cg, cg_select(cg, take, v, d), dst);
        cg_store(cg, LLVMBuildZExt(cg->b, cg_or(cg, dh, sh), cg->t_i32, ""), dhp);
        return;
    }
    case AGGB_BIT: { /* BitAggregate.mergeExpressions */
        LLVMValueRef sh =
            LLVMBuildICmp(cg->b, LLVMIntNE, cg_load(cg, cg->t_i32, cg_gepc(cg, src, 12, ""), ""),
                          cg_i32(cg, 0), "");
        bit_combine(cg, a, dst, cg_load(cg, cg->t_i64, src, ""), sh);
        return;
    }
    case AGGB_HLL: {
        LLVMValueRef args[3] = {dst, src, cg_i32(cg, a->hll_p)};
        cg_call(cg, "srt_hll_merge", args, 3, "");
        return;
    }
    case AGGB_FIRST_LAST:
        merge_first_last(cg, a, dst, src);
        return;
    case AGGB_BY:
        merge_by(cg, a, dst, src);
        return;
    case AGGB_MOMENTS: /* sessions: S only (P stays empty), the left buffer dst */
        moments_store(cg, dst, 0,
                      moments_merge(cg, moments_load(cg, dst, 0, a), moments_load(cg, src, 0, a)));
        return;
    case AGGB_COLLECT: /* sessions only: the session table merges the values after this */
    case AGGB_PERCENTILE:
    case AGGB_MODE:
    case AGGB_APPROX:
    case AGGB_HISTOGRAM:
        return;
    }
    SL_UNREACHABLE();
}

/* Does pq's session window fold its tasks with a merge function of their own, which leaves
   its replayed aggregates to the replay? */
static bool session_task_merge(const PQuery *pq)
{
    return pq->session && cg_agg_replays(pq);
}

const char *cg_task_merge_name(CgCtx *cg, const PQuery *pq, int qi)
{
    return arena_sprintf(cg->arena, session_task_merge(pq) ? "sl_task_merge_%d" : "sl_merge_%d",
                         qi);
}

/* The merge function `name`; task: the fold of a parallel task's group or point, whose
   replayed aggregates' values are replayed after it (an aggregation's batch begun here). */
static LLVMValueRef merge_fn(CgCtx *cg, const PQuery *pq, const char *name, bool task)
{
    LLVMTypeRef params[3] = {cg->t_ptr, cg->t_ptr, cg->t_ptr};
    LLVMTypeRef ft = LLVMFunctionType(cg->t_void, params, 3, 0);
    LLVMValueRef fn = cg_begin_function(cg, name, ft);
    LLVMValueRef dst = LLVMGetParam(fn, 0), src = LLVMGetParam(fn, 1);
    cg->q = LLVMGetParam(fn, 2);
    LLVMBasicBlockRef body = cg_block(cg, "body");
    cg_at(cg, body);
    for (int i = 0; i < pq->agg->n_agg; i++) {
        if (pq->agg_distinct && pq->agg_distinct[i] >= 0)
            continue; /* a task leaves it as it starts: its tuples fold apart */
        uint32_t off = pq->agg_slots[i].offset;
        if (!task || !replayed(pq, i))
            merge_agg(cg, &pq->agg->aggs[i], cg_gepc(cg, dst, off, ""), cg_gepc(cg, src, off, ""));
        else if (!pq->session)
            merge_replayed(cg, &pq->agg->aggs[i], cg_gepc(cg, dst, off, ""),
                           cg_gepc(cg, src, off, ""));
    }
    LLVMBuildRetVoid(cg->b);
    cg_at(cg, cg->entry);
    LLVMBuildBr(cg->b, body);
    return fn;
}

/* void merge(uint8_t *dst_state, const uint8_t *src_state, SrtQuery *q) (SrtMergeFn; q for
   a nested min/max's comparison): sl_merge_<qi>,
   and a session window's sl_task_merge_<qi> (cg_task_merge_name) */
LLVMValueRef cg_merge_fn(CgCtx *cg, const PQuery *pq, int qi)
{
    if (session_task_merge(pq))
        merge_fn(cg, pq, cg_task_merge_name(cg, pq, qi), true);
    return merge_fn(cg, pq, arena_sprintf(cg->arena, "sl_merge_%d", qi), !pq->session);
}

/* ==== Final values ==== */

static CgVal final_value(CgCtx *cg, const SAgg *a, LLVMValueRef st)
{
    if (dec_agg(a))
        return final_dec_value(cg, a, st);
    if (iv_agg(a))
        return final_iv_value(cg, a, st);
    CgVal r = {0};
    r.null = cg_i1(cg, 0);
    switch (sema_agg_info(a->kind)->body) {
    case AGGB_COUNT:
        r.v = cg_load(cg, cg->t_i64, st, "count");
        return r;
    case AGGB_SUM: {
        if (sema_agg_has(a->kind, AGGP_TRY) && a->type->kind == TY_BIGINT)
            return final_try_sum(cg, st);
        LLVMValueRef has = cg_load(cg, cg->t_i64, cg_gepc(cg, st, 8, ""), "sum.has");
        r.null = LLVMBuildICmp(cg->b, LLVMIntEQ, has, cg_i64(cg, 0), "sum.null");
        r.v = a->type->kind == TY_DOUBLE ? double_sum_current(cg, st) : cg_load(cg, cg->t_i64, st, "sum");
        return r;
    }
    case AGGB_AVG: {
        LLVMValueRef n = cg_load(cg, cg->t_i64, cg_gepc(cg, st, 8, ""), "avg.n");
        r.null = LLVMBuildICmp(cg->b, LLVMIntEQ, n, cg_i64(cg, 0), "avg.null");
        LLVMValueRef s = double_sum_current(cg, st);
        LLVMValueRef d = LLVMBuildSIToFP(cg->b, cg_select(cg, r.null, cg_i64(cg, 1), n), cg->t_f64, "");
        r.v = LLVMBuildFDiv(cg->b, s, d, "avg");
        return r;
    }
    case AGGB_MINMAX:
    case AGGB_BIT: {
        LLVMValueRef has = cg_load(cg, cg->t_i32, cg_gepc(cg, st, 12, ""), "mm.has");
        r.null = LLVMBuildICmp(cg->b, LLVMIntEQ, has, cg_i32(cg, 0), "mm.null");
        slot_value(cg, a->type, st, &r);
        return r;
    }
    case AGGB_HLL: {
        LLVMValueRef args[2] = {st, cg_i32(cg, a->hll_p)};
        r.v = cg_call(cg, "srt_hll_estimate", args, 2, "approx");
        return r;
    }
    case AGGB_MOMENTS:
        return final_moments(cg, a, st);
    case AGGB_FIRST_LAST:
        return final_first_last(cg, a, st);
    case AGGB_COLLECT:
        return final_collect(cg, a, st);
    case AGGB_PERCENTILE:
        return final_percentile(cg, a, st);
    case AGGB_MODE:
        return final_mode(cg, a, st);
    case AGGB_APPROX:
        return final_approx(cg, a, st);
    case AGGB_HISTOGRAM:
        return final_histogram(cg, a, st);
    case AGGB_BY:
        return final_by(cg, a, st);
    }
    SL_UNREACHABLE();
}

/*
** int emit(SrtQuery *q, const uint8_t *key, uint32_t key_len, const uint8_t *state, SrtDatum *row)
** of level pq of root (root itself without several aggregation levels): decode the group,
** finalise its aggregates, HAVING, the blocks above; then the result row (root's columns), or
** with a level above (pq->next) that level's update of its groups, and no row.
*/
static LLVMValueRef emit_level_fn(CgCtx *cg, const PQuery *root, const PQuery *pq, const char *name)
{
    LLVMTypeRef params[5] = {cg->t_ptr, cg->t_ptr, cg->t_i32, cg->t_ptr, cg->t_ptr};
    LLVMTypeRef ft = LLVMFunctionType(cg->t_i32, params, 5, 0);
    LLVMValueRef fn = cg_begin_function(cg, name, ft);
    cg->q = LLVMGetParam(fn, 0);
    LLVMValueRef key = LLVMGetParam(fn, 1);
    LLVMValueRef state = LLVMGetParam(fn, 3);
    LLVMValueRef row = LLVMGetParam(fn, 4);
    LLVMSetValueName2(cg->q, "q", 1);
    LLVMSetValueName2(key, "key", 3);
    LLVMSetValueName2(state, "state", 5);
    LLVMSetValueName2(row, "row", 3);
    LLVMBasicBlockRef body = cg_block(cg, "body");
    LLVMBasicBlockRef reject = cg_block(cg, "reject");
    cg_at(cg, body);

    const SSelect *a = pq->agg;
    CgVal *keys = ARENA_NEW_N(cg->arena, CgVal, a->n_group + 1);
    CgVal *aggs = ARENA_NEW_N(cg->arena, CgVal, a->n_agg + 1);
    cg_decode_key(cg, &pq->key, key, keys);
    for (int i = 0; i < a->n_agg; i++)
        aggs[i] = final_value(cg, &a->aggs[i], cg_gepc(cg, state, pq->agg_slots[i].offset, "agg"));
    CgEnv env = {0};
    env.groups = keys;
    env.aggs = aggs;
    if (a->having) {
        LLVMBasicBlockRef pass = cg_block(cg, "having.pass");
        LLVMBuildCondBr(cg->b, cg_is_true(cg, cg_expr(cg, &env, a->having)), pass, reject);
        cg_at(cg, pass);
    }
    /* The blocks above the aggregate, each reading the previous one's outputs. */
    const SSelect *prev = a;
    for (int i = 0; i < pq->n_post; i++) {
        env = cg_block_env(cg, prev, &env);
        prev = pq->post[i];
        if (prev->where) {
            LLVMBasicBlockRef pass = cg_block(cg, "where.pass");
            LLVMBuildCondBr(cg->b, cg_is_true(cg, cg_expr(cg, &env, prev->where)), pass, reject);
            cg_at(cg, pass);
        }
        if (prev->dedup) /* DROP DUPLICATES over the aggregation's rows (Spark 3.4+) */
            cg_dedup_group_row(cg, root, prev, &env, reject);
    }
    if (pq->next) {
        LLVMValueRef targs[2] = {cg->q, cg_i32(cg, pq->next_op)};
        LLVMValueRef table = cg_call(cg, "srt_query_agg_table_at", targs, 2, "next.table");
        LLVMBasicBlockRef fed = cg_block(cg, "fed");
        cg_agg_row(cg, pq->next, &env, table, fed);
        cg_at(cg, fed);
        LLVMBuildBr(cg->b, reject);
    } else {
        cg_store_row(cg, root, &env, row);
        LLVMBuildRet(cg->b, cg_i32(cg, 1));
    }
    cg_at(cg, reject);
    LLVMBuildRet(cg->b, cg_i32(cg, 0));
    cg_at(cg, cg->entry);
    LLVMBuildBr(cg->b, body);
    return fn;
}

LLVMValueRef cg_emit_fn(CgCtx *cg, const PQuery *pq, int qi)
{
    LLVMValueRef fn = emit_level_fn(cg, pq, pq, arena_sprintf(cg->arena, "sl_emit_%d", qi));
    for (const PQuery *lv = pq; lv->next; lv = lv->next)
        emit_level_fn(cg, pq, lv->next, arena_sprintf(cg->arena, "sl_emit_%d_%d", qi, lv->next_op));
    return fn;
}
