/* cg_join.c - hash joins in the per-record loop: the probe step and the build side's key.
**
** A join's build side is a batch query whose result rows the runtime indexes by key bytes
** (srt_join.c); the key function generated here makes those bytes of a build row, and the
** probe step makes the same bytes (PJoin.key) of each probe row, looks them up and runs the
** rest of the pipeline once per matching row, with the build row's columns loaded from its
** datums.  Expressions are over the join's raw space (left columns, then right ones); the
** block reading the join sees the columns SJoin.input picks from it.
**   inner      a row per match that passes the condition
**   outer      the same, or once with the build side NULL when none did
**   semi       the probe row once if a match passes the condition
**   anti       the probe row once if none does
** A probe key with a NULL matches nothing (a row with a NULL key is not in the table).
** A full outer join of two tables probes as an outer join and marks each build row a probe
** row matched; the runtime then gives each unmatched build row to sl_join_unmatched_<q>_<id>
** (cg_pipeline.c), which runs the rest of the pipeline on it with the probe side NULL.
*/
#include <string.h>

#include "codegen/cg_emit.h"
#include "srt_abi.h"

#define JOIN_KEY_STACK 256

static int build_base(const SJoin *j)
{
    return j->probe_left ? j->n_left : 0;
}

static int probe_base(const SJoin *j)
{
    return j->probe_left ? 0 : j->n_left;
}

static int build_cols(const SJoin *j)
{
    return j->probe_left ? j->n_right : j->n_left;
}

/* raw[build_base + c] = column c of the build row at row (n_cols datums). */
static void load_build_row(CgCtx *cg, const PJoin *pj, LLVMValueRef row, CgVal *raw)
{
    const SJoin *j = pj->join;
    uint64_t size = cg_datum_size(cg);
    for (int c = 0; c < build_cols(j); c++) {
        int at = pj->build_col[c];
        const Type *t = j->raw.cols[build_base(j) + c].type;
        const char *name = pj->build ? pj->build->columns[at < 0 ? 0 : at].name : "";
        raw[build_base(j) + c] =
            at < 0 ? cg_null_of(cg, t)
                   : cg_load_datum(cg, t, cg_gepc(cg, row, size * (uint64_t)at, name));
    }
}

/* The raw space of a probe row: the probe side's columns from env, the build side NULL. */
static CgVal *probe_raw(CgCtx *cg, const SJoin *j, const CgEnv *env)
{
    CgVal *raw = ARENA_NEW_N(cg->arena, CgVal, j->n_left + j->n_right + 1);
    for (int c = 0; c < (j->probe_left ? j->n_left : j->n_right); c++)
        raw[probe_base(j) + c] = env->cols[c];
    for (int c = 0; c < build_cols(j); c++)
        raw[build_base(j) + c] = cg_null_of(cg, j->raw.cols[build_base(j) + c].type);
    return raw;
}

/* Input column c of a full outer join's block that is a USING key: the left key, else the
   right one, of the input's type (Spark's Coalesce). */
static CgVal coalesced_key(CgCtx *cg, const SJoin *j, const Type *t, int c, const CgVal *raw)
{
    int l = j->input[c], r = j->input_alt[c];
    CgVal lv = cg_cast(cg, raw[l], j->raw.cols[l].type, t, j->span);
    CgVal rv = cg_cast(cg, raw[r], j->raw.cols[r].type, t, j->span);
    return cg_val_select(cg, t, lv.null, rv, lv);
}

/* What the block reading the join sees: the columns SJoin.input picks from the raw space. */
static CgEnv block_input(CgCtx *cg, const PJoin *pj, const CgVal *raw)
{
    const SJoin *j = pj->join;
    CgVal *cols = ARENA_NEW_N(cg->arena, CgVal, j->n_input + 1);
    for (int c = 0; c < j->n_input; c++)
        cols[c] = j->input_alt && j->input_alt[c] >= 0
                      ? coalesced_key(cg, j, pj->block->input.cols[c].type, c, raw)
                      : raw[j->input[c]];
    CgEnv env = {0};
    env.cols = cols;
    env.n_cols = j->n_input;
    return env;
}

/* The key bytes of the keys (over the raw space env), on the stack or in scratch memory. */
static LLVMValueRef key_bytes(CgCtx *cg, const PJoin *pj, CgVal *keys, LLVMValueRef *len)
{
    LLVMValueRef stack = cg_alloca(cg, LLVMArrayType(cg->t_i8, pj->key.fixed_size + JOIN_KEY_STACK), "join.keybuf");
    LLVMSetAlignment(stack, 16);
    return cg_build_key(cg, &pj->key, keys, LLVMBuildPointerCast(cg->b, stack, cg->t_ptr, ""), len);
}

/* OR of the keys' NULL flags (false without keys). */
static LLVMValueRef any_null(CgCtx *cg, const CgVal *keys, int n)
{
    LLVMValueRef r = cg_i1(cg, 0);
    for (int k = 0; k < n; k++)
        r = cg_or(cg, r, keys[k].null);
    return r;
}

/* const uint8_t *sl_join_key_<q>_<id>(SrtQuery *build, const SrtDatum *row, uint32_t *len):
   the key bytes of a build row in the build query's scratch memory, NULL for a NULL key. */
LLVMValueRef cg_join_key_fn(CgCtx *cg, const PQuery *pq, const PJoin *pj)
{
    const SJoin *j = pj->join;
    LLVMTypeRef params[3] = {cg->t_ptr, cg->t_ptr, cg->t_ptr};
    LLVMValueRef fn = cg_begin_function(cg, arena_sprintf(cg->arena, "sl_join_key_%d_%d", pq->index, pj->id),
                                        LLVMFunctionType(cg->t_ptr, params, 3, 0));
    cg->q = LLVMGetParam(fn, 0);
    LLVMValueRef row = LLVMGetParam(fn, 1), len_out = LLVMGetParam(fn, 2);
    LLVMBasicBlockRef body = cg_block(cg, "body");
    cg_at(cg, body);
    int n_raw = j->n_left + j->n_right;
    CgVal *raw = ARENA_NEW_N(cg->arena, CgVal, n_raw + 1);
    for (int c = 0; c < (j->probe_left ? j->n_left : j->n_right); c++)
        raw[probe_base(j) + c] = cg_null_of(cg, &type_bigint); /* the probe side is not there */
    load_build_row(cg, pj, row, raw);
    CgEnv env = {0};
    env.cols = raw;
    env.n_cols = n_raw;
    CgVal *keys = ARENA_NEW_N(cg->arena, CgVal, j->n_keys + 1);
    for (int k = 0; k < j->n_keys; k++)
        keys[k] = cg_expr(cg, &env, j->build_keys[k]);
    LLVMBasicBlockRef bb_null = cg_block(cg, "key.null");
    LLVMBasicBlockRef bb_key = cg_block(cg, "key");
    LLVMBuildCondBr(cg->b, any_null(cg, keys, j->n_keys), bb_null, bb_key);
    cg_at(cg, bb_null);
    LLVMBuildRet(cg->b, LLVMConstNull(cg->t_ptr));
    cg_at(cg, bb_key);
    LLVMValueRef len;
    LLVMValueRef key = key_bytes(cg, pj, keys, &len);
    LLVMValueRef len64 = LLVMBuildZExt(cg->b, len, cg->t_i64, "");
    LLVMValueRef aargs[2] = {cg->q, len64};
    LLVMValueRef copy = cg_call(cg, "srt_scratch_alloc", aargs, 2, "key.copy");
    LLVMBuildMemCpy(cg->b, copy, 1, key, 1, len64);
    cg_store(cg, len, len_out);
    LLVMBuildRet(cg->b, copy);
    cg_at(cg, cg->entry);
    LLVMBuildBr(cg->b, body);
    return fn;
}

/* How a probe marks what matched: a stream-stream join's kept row (own, of side `side` of the
   join state `state`; forget: the state when a left semi join forgets it), a full outer
   join's table (full); NULL: not marked. */
typedef struct Marks {
    LLVMValueRef own, forget, full, state;
    int side;
} Marks;

static LLVMBasicBlockRef probe_rows(CgCtx *cg, const PJoin *pj, CgVal *raw, LLVMValueRef n,
                                    LLVMValueRef rows, LLVMValueRef null_row, LLVMValueRef null_now,
                                    const Marks *marks, CgEnv *env, LLVMBasicBlockRef bb_cont);

void cg_join_setup(CgCtx *cg, const PQuery *pq, LLVMValueRef *tables, LLVMValueRef *null_rows)
{
    for (int k = 0; k < pq->n_joins; k++) {
        LLVMValueRef args[2] = {cg->q, cg_i32(cg, k)};
        tables[k] = cg_call(cg, "srt_query_join", args, 2, "join.table");
        null_rows[k] = cg_call(cg, "srt_join_null_row", &tables[k], 1, "join.nulls");
    }
}

LLVMBasicBlockRef cg_join_probe(CgCtx *cg, const PJoin *pj, LLVMValueRef table, LLVMValueRef null_row, CgEnv *env,
                                LLVMBasicBlockRef bb_cont)
{
    const SJoin *j = pj->join;
    int n_raw = j->n_left + j->n_right;
    CgVal *raw = probe_raw(cg, j, env);
    CgEnv renv = {0};
    renv.cols = raw;
    renv.n_cols = n_raw;

    /* Look the key up: n rows at rows, none for a NULL key. */
    CgVal *keys = ARENA_NEW_N(cg->arena, CgVal, j->n_keys + 1);
    for (int k = 0; k < j->n_keys; k++)
        keys[k] = cg_expr(cg, &renv, j->probe_keys[k]);
    LLVMBasicBlockRef bb_from = LLVMGetInsertBlock(cg->b);
    LLVMBasicBlockRef bb_lookup = cg_block(cg, "join.lookup");
    LLVMBasicBlockRef bb_found = cg_block(cg, "join.found");
    LLVMBuildCondBr(cg->b, any_null(cg, keys, j->n_keys), bb_found, bb_lookup);
    cg_at(cg, bb_lookup);
    LLVMValueRef len;
    LLVMValueRef key = key_bytes(cg, pj, keys, &len);
    LLVMValueRef hargs[2] = {key, len};
    LLVMValueRef hash = cg_call(cg, "srt_hash", hargs, 2, "join.hash");
    LLVMValueRef rows_slot = cg_alloca(cg, cg->t_ptr, "join.rows.p");
    LLVMValueRef pargs[5] = {table, key, len, hash, rows_slot};
    LLVMValueRef n_hit = cg_call(cg, "srt_join_probe", pargs, 5, "join.n");
    LLVMValueRef rows_hit = cg_load(cg, cg->t_ptr, rows_slot, "join.rows");
    LLVMBasicBlockRef bb_looked = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, bb_found);
    cg_at(cg, bb_found);
    LLVMValueRef n = LLVMBuildPhi(cg->b, cg->t_i64, "join.n");
    LLVMValueRef rows = LLVMBuildPhi(cg->b, cg->t_ptr, "join.rows");
    LLVMValueRef nv[2] = {cg_i64(cg, 0), n_hit}, rv[2] = {LLVMConstNull(cg->t_ptr), rows_hit};
    LLVMBasicBlockRef from[2] = {bb_from, bb_looked};
    LLVMAddIncoming(n, nv, from, 2);
    LLVMAddIncoming(rows, rv, from, 2);
    Marks marks = {NULL, NULL, j->full ? table : NULL, NULL, 0};
    return probe_rows(cg, pj, raw, n, rows, null_row, NULL, &marks, env, bb_cont);
}

/* The n rows at rows that have the key of the row in raw (its side's columns set): each
   through the condition and on into the rest of the pipeline (or the semi/anti decision).
   A stream-stream join passes marks->own, its kept row (marked matched with each row that
   passes, NULL: not kept), and null_now: an outer row without a match is made at once (with
   null_row) only when it holds, else when the watermark evicts it (srt_op_ssjoin.c);
   marks->forget (the state) when a left semi join's left row that matched is not kept.  A
   full outer join marks each build row that passes in its table (marks->full). */
static LLVMBasicBlockRef probe_rows(CgCtx *cg, const PJoin *pj, CgVal *raw, LLVMValueRef n,
                                    LLVMValueRef rows, LLVMValueRef null_row, LLVMValueRef null_now,
                                    const Marks *marks, CgEnv *env, LLVMBasicBlockRef bb_cont)
{
    LLVMValueRef own = marks->own, forget = marks->forget;
    const SJoin *j = pj->join;
    int n_raw = j->n_left + j->n_right;
    LLVMValueRef i_slot = cg_alloca(cg, cg->t_i64, "join.i");
    LLVMValueRef matched = cg_alloca(cg, cg->t_i1, "join.matched");
    cg_store(cg, cg_i64(cg, 0), i_slot);
    cg_store(cg, cg_i1(cg, 0), matched);
    LLVMBasicBlockRef bb_head = cg_block(cg, "join.loop");
    LLVMBasicBlockRef bb_row = cg_block(cg, "join.row");
    LLVMBasicBlockRef bb_hit = cg_block(cg, "join.hit");
    LLVMBasicBlockRef bb_step = cg_block(cg, "join.step");
    LLVMBasicBlockRef bb_end = cg_block(cg, "join.end");
    LLVMBasicBlockRef bb_emit = cg_block(cg, "join.emit");
    LLVMBuildBr(cg->b, bb_head);
    cg_at(cg, bb_head);
    LLVMValueRef i = cg_load(cg, cg->t_i64, i_slot, "join.i");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, i, n, ""), bb_row, bb_end);

    cg_at(cg, bb_row);
    LLVMValueRef row_at = cg_gep(cg, rows, LLVMBuildMul(cg->b, i, cg_i64(cg, 8), ""), "");
    LLVMValueRef row = cg_load(cg, cg->t_ptr, row_at, "join.row");
    if (j->cond) {
        CgVal *with = ARENA_NEW_N(cg->arena, CgVal, n_raw + 1);
        for (int c = 0; c < n_raw; c++)
            with[c] = raw[c];
        load_build_row(cg, pj, row, with);
        CgEnv cenv = {0};
        cenv.cols = with;
        cenv.n_cols = n_raw;
        LLVMBuildCondBr(cg->b, cg_is_true(cg, cg_expr(cg, &cenv, j->cond)), bb_hit, bb_step);
    } else {
        LLVMBuildBr(cg->b, bb_hit);
    }

    cg_at(cg, bb_hit);
    cg_store(cg, cg_i1(cg, 1), matched);
    if (marks->full) {
        LLVMValueRef fargs[2] = {marks->full, row_at};
        cg_call(cg, "srt_join_matched", fargs, 2, "");
    }
    if (own) {
        LLVMBasicBlockRef bb_mark = cg_block(cg, "ssj.mark");
        LLVMBasicBlockRef bb_marked = cg_block(cg, "ssj.marked");
        LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, own, ""), bb_marked, bb_mark);
        cg_at(cg, bb_mark);
        LLVMValueRef margs[4] = {marks->state, cg_i32(cg, marks->side), own, row};
        cg_call(cg, "srt_ssjoin_matched", margs, 4, "");
        if (forget) {
            LLVMValueRef fargs[3] = {forget, cg_i32(cg, 0), own};
            cg_call(cg, "srt_ssjoin_forget", fargs, 3, "");
        }
        LLVMBuildBr(cg->b, bb_marked);
        cg_at(cg, bb_marked);
    }
    LLVMBasicBlockRef bb_hit_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, j->kind == SJ_ANTI ? bb_cont : bb_emit);

    cg_at(cg, bb_step);
    cg_store(cg, LLVMBuildAdd(cg->b, i, cg_i64(cg, 1), ""), i_slot);
    LLVMBuildBr(cg->b, bb_head);

    /* No (more) matches. */
    cg_at(cg, bb_end);
    LLVMBasicBlockRef bb_null = NULL;
    switch (j->kind) {
    case SJ_INNER:
    case SJ_SEMI:
        LLVMBuildBr(cg->b, bb_cont);
        break;
    case SJ_ANTI:
        LLVMBuildBr(cg->b, bb_emit);
        break;
    case SJ_OUTER:
        /* Once with the build side NULL; the loop then ends (matched is set). */
        bb_null = cg_block(cg, "join.none");
        LLVMValueRef done = cg_load(cg, cg->t_i1, matched, "join.any");
        if (null_now)
            done = cg_or(cg, done, cg_not(cg, null_now));
        LLVMBuildCondBr(cg->b, done, bb_cont, bb_null);
        cg_at(cg, bb_null);
        cg_store(cg, cg_i1(cg, 1), matched);
        LLVMBuildBr(cg->b, bb_emit);
        break;
    }

    /* The rest of the pipeline sees the block's input: picked from the raw space. */
    cg_at(cg, bb_emit);
    CgVal *out_raw = raw;
    if (j->kind == SJ_INNER || j->kind == SJ_OUTER) {
        LLVMValueRef at = LLVMBuildPhi(cg->b, cg->t_ptr, "join.match");
        LLVMAddIncoming(at, &row, &bb_hit_end, 1);
        if (bb_null)
            LLVMAddIncoming(at, &null_row, &bb_null, 1);
        out_raw = ARENA_NEW_N(cg->arena, CgVal, n_raw + 1);
        for (int c = 0; c < n_raw; c++)
            out_raw[c] = raw[c];
        load_build_row(cg, pj, at, out_raw);
    }
    *env = block_input(cg, pj, out_raw);
    return j->kind == SJ_INNER || j->kind == SJ_OUTER ? bb_step : bb_cont;
}

/* ==== Stream-stream joins ====
** Spark's StreamingSymmetricHashJoinExec.OneSideHashJoiner.storeAndJoinWithOtherSide, per row
** of side `side` (the branch's): a row of a side that is not outer with a NULL key is not
** kept (Spark's inferred IsNotNull filters, PPred.join); otherwise it is added to
** its side's state with the time its state watermark evicts it by, and joined with the other
** side's rows of its key
** (adding first is the same: the probe reads the other side only).  The join is seen from
** the row's side: that side probes, the other side's state rows are the build rows. */

/* The join seen from side: *v with that side as the probe side, *pv over the state rows. */
static void ssjoin_view(CgCtx *cg, const PQuery *pq, int side, SJoin *v, PJoin *pv)
{
    const SJoin *j = plan_join_of(pq, pq->ssjoin_block);
    *v = *j;
    v->probe_left = side == 0;
    v->probe_keys = side == 0 ? j->probe_keys : j->build_keys;
    v->build_keys = side == 0 ? j->build_keys : j->probe_keys;
    /* an unmatched row of an outer side waits for eviction; only a row failing its side's
       condition is made at once (null_now) */
    v->kind = j->outer[side] ? SJ_OUTER : j->kind == SJ_SEMI && side == 0 ? SJ_SEMI : SJ_INNER;
    memset(pv, 0, sizeof *pv);
    pv->join = v;
    pv->block = pq->ssjoin_block;
    pv->key = pq->ssjoin_key;
    int n = build_cols(v);
    pv->build_col = ARENA_NEW_N(cg->arena, int, n + 1);
    for (int c = 0; c < n; c++)
        pv->build_col[c] = c; /* a state row holds all its side's columns */
}

CgEnv cg_join_side_env(CgCtx *cg, const SJoin *j, int side, const CgEnv *env)
{
    SJoin v = *j;
    v.probe_left = side == 0;
    CgEnv renv = {0};
    renv.cols = probe_raw(cg, &v, env);
    renv.n_cols = j->n_left + j->n_right;
    return renv;
}

/* Store v (of type t) at datum d as the state keeps it: the datum zeroed first, and a
   struct's field datums (scratch memory) too, so that the bytes a checkpoint writes of a
   row are its values' alone, whichever thread made it. */
static void store_kept(CgCtx *cg, const Type *t, CgVal v, LLVMValueRef d)
{
    uint64_t size = cg_datum_size(cg);
    LLVMBuildMemSet(cg->b, d, LLVMConstInt(cg->t_i8, 0, 0), cg_i64(cg, (int64_t)size), 8);
    if (t->kind != TY_STRUCT) {
        cg_store_datum(cg, t, v, d, false);
        return;
    }
    cg_store(cg, LLVMBuildZExt(cg->b, v.null, cg->t_i8, ""),
             cg_datum_field(cg, d, SRT_FIELDNO_DATUM_IS_NULL));
    LLVMValueRef args[2] = {
        cg->q, cg_i64(cg, (int64_t)(size * (uint64_t)(t->n_fields ? t->n_fields : 1)))};
    LLVMValueRef fields = cg_call(cg, "srt_scratch_alloc", args, 2, "ssj.struct");
    for (int i = 0; i < t->n_fields; i++)
        store_kept(cg, t->fields[i].type, v.fields[i], cg_gepc(cg, fields, size * (uint64_t)i, ""));
    cg_store(cg, fields, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_P));
    cg_store(cg, cg_i32(cg, t->n_fields), cg_datum_field(cg, d, SRT_FIELDNO_DATUM_N));
}

/* The row's kept form: its side's columns as datums (a column the state cannot keep NULL). */
static LLVMValueRef own_datums(CgCtx *cg, const SJoin *j, int side, const CgEnv *env)
{
    int n_own = side == 0 ? j->n_left : j->n_right;
    uint64_t size = cg_datum_size(cg);
    LLVMValueRef datums =
        cg_alloca(cg, LLVMArrayType(cg->t_i8, size * (uint64_t)(n_own ? n_own : 1)), "ssj.row");
    LLVMSetAlignment(datums, 16);
    datums = LLVMBuildPointerCast(cg->b, datums, cg->t_ptr, "");
    const SSelect *own_block = j->sides[side];
    for (int c = 0; c < n_own; c++)
        store_kept(cg, own_block->output.cols[c].type,
                   plan_ssjoin_storable(own_block->output.cols[c].type)
                       ? env->cols[c]
                       : cg_null_of(cg, own_block->output.cols[c].type),
                   cg_gepc(cg, datums, size * (uint64_t)c, ""));
    return datums;
}

/* A row ready for its join: its key bytes, their hash, its datums, the time it is evicted
   by, whether a key is NULL (i1). */
typedef struct SsjRow {
    LLVMValueRef key, len, hash, datums, evict_at, key_null;
} SsjRow;

/* The join of row r of side `side` (raw: its raw space), the builder where it is kept: added
   to its side, probed against the other side (a NULL key only when that side is outer), each
   match through probe_rows.  bb_fail (NULL: none) is an outer side's row that failed its
   side's condition: made at once with the other side NULL, not kept. */
static LLVMBasicBlockRef ssjoin_join(CgCtx *cg, const PQuery *pq, int side, LLVMValueRef state,
                                     const PJoin *pv, CgVal *raw, const SsjRow *r,
                                     LLVMBasicBlockRef bb_fail, CgEnv *env,
                                     LLVMBasicBlockRef bb_cont)
{
    const SJoin *j = plan_join_of(pq, pq->ssjoin_block);
    bool outer = j->outer[side];
    LLVMBasicBlockRef bb_probe = cg_block(cg, "ssj.probe");
    LLVMValueRef aargs[7] = {state,   cg_i32(cg, side), r->key,     r->len,
                             r->hash, r->datums,        r->evict_at};
    LLVMValueRef own = cg_call(cg, "srt_ssjoin_add", aargs, 7, "ssj.own");

    /* Joined with the other side's rows of the key.  A side that is not outer keeps no NULL
       key (its inferred IsNotNull filter); an outer side does, and Spark's state finds them by
       the key's bytes, where NULL equals NULL (SymmetricHashJoinStateManager.getJoinedRows
       on the UnsafeRow key): in a FULL OUTER join a NULL key meets the other side's NULL keys. */
    LLVMBasicBlockRef bb_from = LLVMGetInsertBlock(cg->b);
    LLVMBasicBlockRef bb_lookup = cg_block(cg, "ssj.lookup");
    LLVMBuildCondBr(cg->b, j->outer[1 - side] ? cg_i1(cg, 0) : r->key_null, bb_probe, bb_lookup);
    cg_at(cg, bb_lookup);
    LLVMValueRef rows_slot = cg_alloca(cg, cg->t_ptr, "ssj.rows.p");
    /* a left semi join's right row meets the left rows not yet output (Spark's
       excludeRowsAlreadyMatched) and outputs each of them */
    bool semi = j->kind == SJ_SEMI;
    LLVMValueRef pargs[7] = {state,   cg_i32(cg, 1 - side),          r->key,   r->len,
                             r->hash, cg_i32(cg, semi && side == 1), rows_slot};
    LLVMValueRef n_hit = cg_call(cg, "srt_ssjoin_probe", pargs, 7, "ssj.n");
    LLVMValueRef rows_hit = cg_load(cg, cg->t_ptr, rows_slot, "ssj.rows");
    LLVMBuildBr(cg->b, bb_probe);
    if (bb_fail && outer) {
        cg_at(cg, bb_fail);
        LLVMBuildBr(cg->b, bb_probe);
    }
    cg_at(cg, bb_probe);
    int n_in = bb_fail && outer ? 3 : 2;
    LLVMBasicBlockRef from[3] = {bb_from, bb_lookup, bb_fail};
    LLVMValueRef n = LLVMBuildPhi(cg->b, cg->t_i64, "ssj.n");
    LLVMValueRef rows = LLVMBuildPhi(cg->b, cg->t_ptr, "ssj.rows");
    LLVMValueRef own_at = LLVMBuildPhi(cg->b, cg->t_ptr, "ssj.own");
    LLVMValueRef now = LLVMBuildPhi(cg->b, cg->t_i1, "ssj.now");
    LLVMValueRef nv[3] = {cg_i64(cg, 0), n_hit, cg_i64(cg, 0)};
    LLVMValueRef rv[3] = {LLVMConstNull(cg->t_ptr), rows_hit, LLVMConstNull(cg->t_ptr)};
    LLVMValueRef ov[3] = {own, own, LLVMConstNull(cg->t_ptr)};
    LLVMValueRef wv[3] = {cg_i1(cg, 0), cg_i1(cg, 0), cg_i1(cg, 1)};
    LLVMAddIncoming(n, nv, from, n_in);
    LLVMAddIncoming(rows, rv, from, n_in);
    LLVMAddIncoming(own_at, ov, from, n_in);
    LLVMAddIncoming(now, wv, from, n_in);
    LLVMValueRef null_row = NULL;
    if (outer) {
        LLVMValueRef nargs[2] = {state, cg_i32(cg, 1 - side)};
        null_row = cg_call(cg, "srt_ssjoin_null_row", nargs, 2, "ssj.nulls");
    }
    bool marked = j->outer[0] || j->outer[1] || semi;
    Marks marks = {marked ? own_at : NULL, semi && side == 0 ? state : NULL, NULL, state, side};
    return probe_rows(cg, pv, raw, n, rows, null_row, now, &marks, env, bb_cont);
}

/* Log row r of a parallel task (srt_ssjoin_log) with flags (i32), then on to bb_cont. */
static void ssjoin_log(CgCtx *cg, LLVMValueRef state, int side, LLVMValueRef flags, const SsjRow *r,
                       LLVMBasicBlockRef bb_cont)
{
    LLVMValueRef args[8] = {state,  cg_i32(cg, side), flags,     r->key,
                            r->len, r->hash,          r->datums, r->evict_at};
    cg_call(cg, "srt_ssjoin_log", args, 8, "");
    LLVMBuildBr(cg->b, bb_cont);
}

LLVMBasicBlockRef cg_ssjoin_row(CgCtx *cg, const PQuery *pq, int side, LLVMValueRef state,
                                LLVMValueRef logs, CgEnv *env, LLVMBasicBlockRef bb_cont)
{
    SJoin *v = ARENA_NEW(cg->arena, SJoin);
    PJoin *pv = ARENA_NEW(cg->arena, PJoin);
    ssjoin_view(cg, pq, side, v, pv);
    const SJoin *j = plan_join_of(pq, pq->ssjoin_block);
    bool outer = j->outer[side];
    int n_raw = v->n_left + v->n_right;
    CgVal *raw = probe_raw(cg, v, env);
    CgEnv renv = {0};
    renv.cols = raw;
    renv.n_cols = n_raw;
    SsjRow r = {0};
    /* Kept in its side: the columns as datums, and the time it is evicted by. */
    r.datums = own_datums(cg, j, side, env);
    LLVMBasicBlockRef bb_fail = NULL;
    if (j->side_cond[side]) {
        /* Spark's preJoinFilter: a row failing its side's conjuncts meets no row; an outer
           side's is made at once with the other side NULL, any other is dropped */
        LLVMBasicBlockRef bb_pass = cg_block(cg, "ssj.pre");
        bb_fail = outer ? cg_block(cg, "ssj.prefail") : bb_cont;
        LLVMBuildCondBr(cg->b, cg_is_true(cg, cg_expr(cg, &renv, j->side_cond[side])), bb_pass,
                        bb_fail);
        cg_at(cg, bb_pass);
    }
    CgVal *keys = ARENA_NEW_N(cg->arena, CgVal, v->n_keys + 1);
    for (int k = 0; k < v->n_keys; k++)
        keys[k] = cg_expr(cg, &renv, v->probe_keys[k]);
    r.key_null = any_null(cg, keys, v->n_keys);
    if (!outer) {
        /* a NULL key meets no row: an inner side does not keep it (inferred IsNotNull) */
        LLVMBasicBlockRef bb_key = cg_block(cg, "ssj.key");
        LLVMBuildCondBr(cg->b, r.key_null, bb_cont, bb_key);
        cg_at(cg, bb_key);
    }
    r.key = key_bytes(cg, pv, keys, &r.len);
    LLVMValueRef hargs[2] = {r.key, r.len};
    r.hash = cg_call(cg, "srt_hash", hargs, 2, "ssj.hash");
    r.evict_at = cg_i64(cg, INT64_MAX);
    if (j->key_wm >= 0) {
        CgVal kv = keys[j->key_wm];
        r.evict_at = cg_select(cg, kv.null, cg_i64(cg, INT64_MAX), cg_event_time_us(&kv));
    } else if (j->wm_col[side] >= 0) {
        CgVal t = env->cols[j->wm_col[side]];
        r.evict_at = cg_select(cg, t.null, cg_i64(cg, INT64_MAX), cg_event_time_us(&t));
    }
    if (logs) {
        /* a parallel task: the row logged, joined at the fold (cg_ssjoin_row_fn) */
        LLVMBasicBlockRef bb_log = cg_block(cg, "ssj.log");
        LLVMBasicBlockRef bb_join = cg_block(cg, "ssj.join");
        LLVMBuildCondBr(cg->b, logs, bb_log, bb_join);
        cg_at(cg, bb_log);
        LLVMValueRef flags = LLVMBuildZExt(cg->b, r.key_null, cg->t_i32, "ssj.flags");
        ssjoin_log(cg, state, side, flags, &r, bb_cont);
        if (bb_fail && outer) {
            LLVMBasicBlockRef bb_fail_log = cg_block(cg, "ssj.prefail.log");
            LLVMBasicBlockRef bb_fail_now = cg_block(cg, "ssj.prefail.now");
            cg_at(cg, bb_fail);
            LLVMBuildCondBr(cg->b, logs, bb_fail_log, bb_fail_now);
            cg_at(cg, bb_fail_log);
            SsjRow none = {LLVMConstNull(cg->t_ptr), cg_i32(cg, 0), cg_i64(cg, 0), r.datums,
                           cg_i64(cg, INT64_MAX),    NULL};
            ssjoin_log(cg, state, side, cg_i32(cg, SRT_SSJOIN_ROW_PREFAIL), &none, bb_cont);
            bb_fail = bb_fail_now;
        }
        cg_at(cg, bb_join);
    }
    return ssjoin_join(cg, pq, side, state, pv, raw, &r, bb_fail, env, bb_cont);
}

LLVMBasicBlockRef cg_ssjoin_logged(CgCtx *cg, const PQuery *pq, int side, LLVMValueRef state,
                                   const LLVMValueRef *args, CgEnv *env, LLVMBasicBlockRef bb_cont)
{
    SJoin *v = ARENA_NEW(cg->arena, SJoin);
    PJoin *pv = ARENA_NEW(cg->arena, PJoin);
    ssjoin_view(cg, pq, side, v, pv);
    const SJoin *j = plan_join_of(pq, pq->ssjoin_block);
    int n_own = side == 0 ? j->n_left : j->n_right;
    const SSelect *own_block = j->sides[side];
    uint64_t size = cg_datum_size(cg);
    SsjRow r = {args[1], args[2], args[3], args[4], args[5], NULL};
    CgVal *cols = ARENA_NEW_N(cg->arena, CgVal, n_own + 1);
    for (int c = 0; c < n_own; c++) {
        const Type *t = own_block->output.cols[c].type;
        cols[c] = plan_ssjoin_storable(t)
                      ? cg_load_datum(cg, t, cg_gepc(cg, r.datums, size * (uint64_t)c, ""))
                      : cg_null_of(cg, t);
    }
    CgEnv own = {0};
    own.cols = cols;
    own.n_cols = n_own;
    CgVal *raw = probe_raw(cg, v, &own);
    LLVMValueRef flags = args[0];
    r.key_null = LLVMBuildICmp(cg->b, LLVMIntNE,
                               LLVMBuildAnd(cg->b, flags, cg_i32(cg, SRT_SSJOIN_ROW_KEY_NULL), ""),
                               cg_i32(cg, 0), "ssj.key.null");
    LLVMBasicBlockRef bb_fail = NULL;
    if (j->outer[side] && j->side_cond[side]) {
        bb_fail = cg_block(cg, "ssj.prefail");
        LLVMBasicBlockRef bb_add = cg_block(cg, "ssj.add");
        LLVMValueRef failed = LLVMBuildICmp(
            cg->b, LLVMIntNE, LLVMBuildAnd(cg->b, flags, cg_i32(cg, SRT_SSJOIN_ROW_PREFAIL), ""),
            cg_i32(cg, 0), "ssj.failed");
        LLVMBuildCondBr(cg->b, failed, bb_fail, bb_add);
        cg_at(cg, bb_add);
    }
    return ssjoin_join(cg, pq, side, state, pv, raw, &r, bb_fail, env, bb_cont);
}

CgEnv cg_ssjoin_outer_env(CgCtx *cg, const PQuery *pq, int side, LLVMValueRef row)
{
    SJoin *v = ARENA_NEW(cg->arena, SJoin);
    PJoin *pv = ARENA_NEW(cg->arena, PJoin);
    /* seen from the other side, the evicted row is a build row */
    ssjoin_view(cg, pq, 1 - side, v, pv);
    return cg_join_unmatched_env(cg, pv, row);
}

CgEnv cg_join_unmatched_env(CgCtx *cg, const PJoin *pj, LLVMValueRef row)
{
    const SJoin *j = pj->join;
    int n_raw = j->n_left + j->n_right;
    CgVal *raw = ARENA_NEW_N(cg->arena, CgVal, n_raw + 1);
    for (int c = 0; c < n_raw; c++)
        raw[c] = cg_null_of(cg, j->raw.cols[c].type);
    load_build_row(cg, pj, row, raw);
    return block_input(cg, pj, raw);
}
