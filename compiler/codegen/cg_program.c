/* cg_program.c - `main` and the init function that describes the program to the runtime.
**
** main(argc, argv) returns srt_main(argc, argv, sl_init); sl_init registers
** every source, sink and query through the srt_prog_* calls of srt_abi.h, calling each
** query's sl_register_<i>, which registers the query and its stateful operators (PQuery.ops)
** in pipeline order (it lives in the query's unit, cg_compile.c).
** Options and types travel as text, so no struct layout is shared.
*/
#include <string.h>

#include "codegen/cg_emit.h"
#include "srt_abi.h"

static LLVMValueRef cstr(CgCtx *cg, const char *s)
{
    return cg_str_const(cg, s, (uint32_t)strlen(s) + 1, "s");
}

/* The options; defaults: also those not written (a query's are left to the runtime's
   cm_query_opts, so that it can tell a written option from a default: the restored
   multipleWatermarkPolicy's warning, srt_recover.c). */
static void put_options(CgCtx *cg, const char *fn, LLVMValueRef p, LLVMValueRef idx,
                        const SOptions *opts, bool defaults)
{
    for (int i = 0; i < opts->n; i++) {
        if (opts->items[i].is_default && !defaults)
            continue;
        LLVMValueRef args[4] = {p, idx, cstr(cg, opts->items[i].key),
                                cstr(cg, opts->items[i].value)};
        cg_call(cg, fn, args, 4, "");
    }
}

/* The plan numbers the operators (PStateOp); the srt_prog_query_agg / _dedup calls configure
   the ABI's fixed numbers, which must be the same. */
_Static_assert((int)PSTATE_AGG == (int)SRT_OP_AGG && (int)PSTATE_DEDUP == (int)SRT_OP_DEDUP &&
                   (int)PSTATE_SSJOIN == (int)SRT_OP_SSJOIN &&
                   (int)PSTATE_LIMIT == (int)SRT_OP_LIMIT,
               "the plan's operator numbers are the ABI's");

/* The runtime's kind of a plan operator (srt_abi.h). */
static int32_t op_kind(POpKind kind)
{
    switch (kind) {
    case POP_AGGREGATE:
        return SRT_OPK_AGGREGATE;
    case POP_SESSION_WINDOW:
        return SRT_OPK_SESSION_WINDOW;
    case POP_DEDUPLICATE:
        return SRT_OPK_DEDUPLICATE;
    case POP_SSJOIN:
        return SRT_OPK_SSJOIN;
    case POP_GLOBAL_LIMIT:
        return SRT_OPK_GLOBAL_LIMIT;
    }
    return -1;
}

/* Where the aggregate keeps a STRING in the group table (srt_prog_query_agg_string), as
   offsets in its state; returns how many. */
static int string_slots(const SAgg *ag, uint32_t off[2])
{
    int n = 0;
    if (sema_agg_has(ag->kind, AGGP_VALUE_SLOT) && plan_agg_slot_bytes(ag->type))
        off[n++] = 0;
    if (sema_agg_info(ag->kind)->body == AGGB_BY && plan_agg_slot_bytes(ag->arg2->type))
        off[n++] = cg_agg_by_ord_offset();
    return n;
}

/* An aggregation over an aggregation (plan_levels.c): its state, its emit function
   (sl_emit_<i>_<op>), a global group, STRING slots (collected values are refused there). */
static void register_upper_level(CgCtx *cg, int i, const PStatefulOp *op, LLVMValueRef p,
                                 LLVMValueRef qi)
{
    LLVMValueRef id = cg_i32(cg, (int32_t)op->id);
    LLVMValueRef emit =
        LLVMGetNamedFunction(cg->mod, arena_sprintf(cg->arena, "sl_emit_%d_%d", i, op->id));
    LLVMValueRef aargs[5] = {p, qi, id, cg_i32(cg, op->state_size),
                             LLVMBuildPointerCast(cg->b, emit, cg->t_ptr, "")};
    cg_call(cg, "srt_prog_query_agg_at", aargs, 5, "");
    if (op->key->n == 0)
        cg_call(cg, "srt_prog_query_agg_global_at", aargs, 3, "");
    for (int a = 0; a < op->block->n_agg; a++) {
        const SAgg *ag = &op->block->aggs[a];
        uint32_t off[2];
        int n = string_slots(ag, off);
        for (int k = 0; k < n; k++) {
            LLVMValueRef sargs[4] = {p, qi, id,
                                     cg_i32(cg, op->level->agg_slots[a].offset + off[k])};
            cg_call(cg, "srt_prog_query_agg_string_at", sargs, 4, "");
        }
    }
}

/* Each side of a stream-stream join: its columns and its state watermark (Spark's
   getStateWatermarkPredicates: by the join key that carries the watermark, else by the side's
   watermarked column and the bounds the condition gives). */
static void register_ssjoin(CgCtx *cg, int i, const SJoin *j, LLVMValueRef p, LLVMValueRef qi)
{
    for (int s = 0; s < 2; s++) {
        const SSchema *cols = &j->sides[s]->output;
        char *kinds = arena_alloc(cg->arena, (size_t)cols->n + 1);
        for (int c = 0; c < cols->n; c++)
            kinds[c] = type_is_bytes(cols->cols[c].type)       ? 'b'
                       : cols->cols[c].type->kind == TY_STRUCT ? 't'
                                                               : 's';
        kinds[cols->n] = '\0';
        int evict = j->key_wm >= 0                            ? SRT_SSJOIN_EVICT_KEY
                    : j->wm_col[s] >= 0 && j->n_bounds[s] > 0 ? SRT_SSJOIN_EVICT_VALUE
                                                              : SRT_SSJOIN_EVICT_NONE;
        LLVMValueRef args[5] = {p, qi, cg_i32(cg, s), cstr(cg, kinds), cg_i32(cg, evict)};
        cg_call(cg, "srt_prog_query_ssjoin_side", args, 5, "");
        for (int b = 0; evict == SRT_SSJOIN_EVICT_VALUE && b < j->n_bounds[s]; b++) {
            LLVMValueRef bargs[5] = {p, qi, cg_i32(cg, s), cg_i64(cg, j->bounds[s][b].c_us),
                                     cg_i32(cg, j->bounds[s][b].inclusive)};
            cg_call(cg, "srt_prog_query_ssjoin_bound", bargs, 5, "");
        }
        if (j->outer[s]) {
            LLVMValueRef fn =
                LLVMGetNamedFunction(cg->mod, arena_sprintf(cg->arena, "sl_ssjoin_outer_%d", i));
            LLVMValueRef oargs[4] = {p, qi, cg_i32(cg, s),
                                     LLVMBuildPointerCast(cg->b, fn, cg->t_ptr, "")};
            cg_call(cg, "srt_prog_query_ssjoin_outer", oargs, 4, "");
        }
    }
}

/* The options of operator op of a query's first level (or its deduplication). */
/* The null byte of level lv's event-time key, key lv->event_key (the key bytes start with one
   null byte per key, PKeyLayout): a group whose key is NULL there is never final. */
static void event_null(CgCtx *cg, const PQuery *lv, const PStatefulOp *op, LLVMValueRef p,
                       LLVMValueRef qi)
{
    LLVMValueRef args[4] = {p, qi, cg_i32(cg, (int32_t)op->id), cg_i32(cg, lv->event_key)};
    cg_call(cg, "srt_prog_query_agg_event_null_at", args, 4, "");
}

static void register_first(CgCtx *cg, const PQuery *pq, int i, const PStatefulOp *op,
                           LLVMValueRef p, LLVMValueRef qi, LLVMValueRef emit)
{
    switch (op->kind) {
    case POP_AGGREGATE:
    case POP_SESSION_WINDOW: {
        LLVMValueRef aargs[4] = {p, qi, cg_i32(cg, op->state_size),
                                 LLVMBuildPointerCast(cg->b, emit, cg->t_ptr, "")};
        cg_call(cg, "srt_prog_query_agg", aargs, 4, "");
        if (op->key->n == 0)
            cg_call(cg, "srt_prog_query_agg_global", aargs, 2, "");
        if (op->kind == POP_SESSION_WINDOW) {
            const PKeySlot *slot = &op->key->slots[op->block->window_group];
            LLVMValueRef merge =
                LLVMGetNamedFunction(cg->mod, arena_sprintf(cg->arena, "sl_merge_%d", i));
            LLVMValueRef sargs[4] = {p, qi, cg_i32(cg, slot->offset),
                                     LLVMBuildPointerCast(cg->b, merge, cg->t_ptr, "")};
            cg_call(cg, "srt_prog_query_session", sargs, 4, "");
        }
        if (pq->event_key >= 0) {
            LLVMValueRef eargs[3] = {p, qi, cg_i32(cg, pq->event_key_offset)};
            cg_call(cg, "srt_prog_query_agg_event_key", eargs, 3, "");
            event_null(cg, pq, op, p, qi);
        }
        for (int a = 0; a < op->block->n_agg; a++) {
            const SAgg *ag = &op->block->aggs[a];
            uint32_t off[2];
            int n = string_slots(ag, off);
            for (int k = 0; k < n; k++) {
                LLVMValueRef sargs[3] = {p, qi, cg_i32(cg, pq->agg_slots[a].offset + off[k])};
                cg_call(cg, "srt_prog_query_agg_string", sargs, 3, "");
            }
            if (plan_agg_collects(ag)) {
                LLVMValueRef cargs[4] = {p, qi, cg_i32(cg, pq->agg_slots[a].offset),
                                         cg_i32(cg, cg_agg_collect_kind(ag))};
                cg_call(cg, "srt_prog_query_agg_collect", cargs, 4, "");
            }
        }
        break;
    }
    case POP_DEDUPLICATE: { /* the next ones: srt_prog_query_operator declared them */
        LLVMValueRef dedup_args[2] = {p, qi};
        if (op->id == PSTATE_DEDUP)
            cg_call(cg, "srt_prog_query_dedup", dedup_args, 2, "");
        break;
    }
    case POP_SSJOIN:
        register_ssjoin(cg, i, plan_join_of(pq, op->block), p, qi);
        break;
    case POP_GLOBAL_LIMIT: { /* per record at the end of its block, or over the query's rows */
        const SQuery *q = pq->query;
        bool per_record = q->row_limit_block == op->block;
        LLVMValueRef largs[5] = {p, qi, cg_i32(cg, (int32_t)op->id),
                                 cg_i64(cg, per_record ? q->row_limit : q->limit),
                                 cg_i32(cg, per_record)};
        cg_call(cg, "srt_prog_query_global_limit", largs, 5, "");
        break;
    }
    }
}

/* Declare stateful operator op of query i (qi at run time), its options and the schemas
   of its state. */
static void register_operator(CgCtx *cg, const PQuery *pq, int i, const PStatefulOp *op,
                              LLVMValueRef p, LLVMValueRef qi, LLVMValueRef emit)
{
    LLVMValueRef id = cg_i32(cg, (int32_t)op->id);
    LLVMValueRef dargs[4] = {p, qi, id, cg_i32(cg, op_kind(op->kind))};
    cg_call(cg, "srt_prog_query_operator", dargs, 4, "");
    if (op->kind == POP_AGGREGATE && op->id >= PSTATE_AGG_UPPER) {
        register_upper_level(cg, i, op, p, qi);
        if (pq->query->batch)
            return; /* a batch query's: no checkpoint, no state schema */
        if (op->level->event_key >= 0) {
            LLVMValueRef eargs[4] = {p, qi, id, cg_i32(cg, op->level->event_key_offset)};
            cg_call(cg, "srt_prog_query_agg_event_key_at", eargs, 4, "");
            event_null(cg, op->level, op, p, qi);
        }
    } else {
        register_first(cg, pq, i, op, p, qi, emit);
    }
    PStateSchema ss;
    plan_state_schema(cg->arena, pq, op, &ss);
    LLVMValueRef targs[8] = {p,
                             qi,
                             id,
                             cstr(cg, ss.name),
                             cstr(cg, ss.key),
                             cstr(cg, ss.value),
                             cg_i32(cg, ss.layout->null_bytes),
                             cg_i32(cg, ss.layout->fixed_size)};
    cg_call(cg, "srt_prog_query_state", targs, 8, "");
    for (int s = 0; s < ss.layout->n; s++) {
        const PKeySlot *slot = &ss.layout->slots[s];
        if (!plan_key_slot_var(slot))
            continue;
        /* the key's null flag is byte s (plan_build.c's key layout) */
        LLVMValueRef sargs[6] = {p, qi, id, cg_i32(cg, slot->offset), cg_i32(cg, s), NULL};
        if (slot->nested) {
            sargs[5] = cg_type_text(cg, slot->type);
            cg_call(cg, "srt_prog_query_state_nested", sargs, 6, "");
        } else
            cg_call(cg, "srt_prog_query_state_string", sargs, 5, "");
    }
}

static LLVMTypeRef register_type(CgCtx *cg)
{
    LLVMTypeRef params[3] = {cg->t_ptr, cg->t_i32, cg->t_i32};
    return LLVMFunctionType(cg->t_void, params, 3, 0);
}

static const char *register_name(CgCtx *cg, int i)
{
    return arena_sprintf(cg->arena, "sl_register_%d", i);
}

LLVMValueRef cg_register_decl(CgCtx *cg, int i)
{
    return LLVMAddFunction(cg->mod, register_name(cg, i), register_type(cg));
}

/* Code that runs once, at the start (sl_register_<i>, sl_init, main): neither optimised nor
   inlined (optnone), and compiled by the fast instruction selector: a twentieth of the
   flagship's code generation, saved, for a few nanoseconds more at start. */
static void run_once(CgCtx *cg, LLVMValueRef fn)
{
    cg_fn_attribute(cg, fn, "noinline");
    cg_fn_attribute(cg, fn, "optnone");
}

/* A query split without merging its tasks' groups (srt_prog_query_parallel without a merge
   function) whose fold runs the generated function `name` on the query's thread, registered
   with `reg`: the updates its tasks logged, the rows its stream-stream join's tasks logged. */
static void register_fold_fn(CgCtx *cg, LLVMValueRef p, LLVMValueRef qi, const char *reg,
                             const char *name)
{
    LLVMValueRef pargs[3] = {p, qi, LLVMConstNull(cg->t_ptr)};
    cg_call(cg, "srt_prog_query_parallel", pargs, 3, "");
    LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, name);
    LLVMValueRef args[3] = {p, qi, LLVMBuildPointerCast(cg->b, fn, cg->t_ptr, "")};
    cg_call(cg, reg, args, 3, "");
}
/* sl_register_<i>(prog, source, sink): registers query i.  One function per query (not
   inlined): a single init function making every registration call grew the register
   allocator's work faster than the number of queries. */
LLVMValueRef cg_register_fn(CgCtx *cg, const PProgram *plan, int i, LLVMValueRef process,
                            LLVMValueRef emit, const bool *lines_raw)
{
    LLVMValueRef fn = cg_begin_function(cg, register_name(cg, i), register_type(cg));
    run_once(cg, fn);
    LLVMValueRef p = LLVMGetParam(fn, 0), source = LLVMGetParam(fn, 1), sink = LLVMGetParam(fn, 2);
    LLVMSetValueName2(p, "prog", 4);
    const PQuery *pq = plan->queries[i];
    const SQuery *q = pq->query;
    LLVMValueRef args[5] = {p, cstr(cg, pq->name), source, sink,
                            LLVMBuildPointerCast(cg->b, process, cg->t_ptr, "")};
    LLVMValueRef qi = cg_call(cg, "srt_prog_query", args, 5, "query");
    for (int b = 1; b < pq->n_branches; b++) {
        /* The source of a UNION ALL branch by its registration index, which is its index in
           the program: init_fn registers every source in order. */
        const PBranch *br = &pq->branches[b];
        LLVMValueRef fn_b = LLVMGetNamedFunction(cg->mod, cg_process_name(cg, i, b));
        LLVMValueRef iargs[5] = {p, qi, cg_i32(cg, br->source->index),
                                 LLVMBuildPointerCast(cg->b, fn_b, cg->t_ptr, ""),
                                 cg_i64(cg, br->watermark_col >= 0 ? br->watermark_delay_us : -1)};
        cg_call(cg, "srt_prog_query_input", iargs, 5, "");
    }
    for (int b = 0; b < pq->n_branches; b++) {
        if (!lines_raw[b])
            continue;
        LLVMValueRef rargs[3] = {p, qi, cg_i32(cg, b)};
        cg_call(cg, "srt_prog_query_lines_raw", rargs, 3, "");
    }
    for (int b = 0; b < pq->n_branches; b++) {
        PQuery bq = plan_branch(pq, b);
        if (!bq.source->read.check_header)
            continue;
        LLVMValueRef hargs[4] = {p, qi, cg_i32(cg, b), cstr(cg, cg_csv_header_cols(cg, &bq))};
        cg_call(cg, "srt_prog_query_csv_header", hargs, 4, "");
    }
    put_options(cg, "srt_prog_query_option", p, qi, &q->options, false);
    if (!soptions_find(&q->options, "outputMode") || q->batch) {
        /* a batch query: the whole result table if it aggregates (sema_stream.c) */
        const char *mode = q->mode == MODE_COMPLETE ? "complete" : "append";
        LLVMValueRef margs[4] = {p, qi, cstr(cg, "outputMode"), cstr(cg, mode)};
        cg_call(cg, "srt_prog_query_option", margs, 4, "");
    }
    if (q->batch) {
        LLVMValueRef bargs[4] = {p, qi, cstr(cg, "batch"), cstr(cg, "true")};
        cg_call(cg, "srt_prog_query_option", bargs, 4, "");
    }
    if (q->limit >= 0 && !q->limit_stateful) { /* each batch's rows: sort, then limit */
        LLVMValueRef largs[4] = {p, qi, cstr(cg, "limit"),
                                 cstr(cg, arena_sprintf(cg->arena, "%lld", (long long)q->limit))};
        cg_call(cg, "srt_prog_query_option", largs, 4, "");
    }
    for (int c = 0; c < pq->n_columns; c++) {
        LLVMValueRef cargs[5] = {p, qi, cstr(cg, pq->columns[c].name),
                                 cstr(cg, type_name(cg->arena, pq->columns[c].type)),
                                 cg_i32(cg, pq->columns[c].hidden)};
        cg_call(cg, "srt_prog_query_column", cargs, 5, "");
    }
    for (int c = 0; c < pq->n_columns; c++) {
        if (!pq->columns[c].key)
            continue;
        LLVMValueRef kargs[3] = {p, qi, cg_i32(cg, c)};
        cg_call(cg, "srt_prog_query_key", kargs, 3, "");
    }
    for (int k = 0; k < pq->n_ops; k++)
        register_operator(cg, pq, i, &pq->ops[k], p, qi, emit);
    for (int k = 0; k < pq->n_joins; k++) {
        /* the build query was registered before, as the plan orders them */
        LLVMValueRef key = LLVMGetNamedFunction(
            cg->mod, arena_sprintf(cg->arena, "sl_join_key_%d_%d", pq->index, k));
        LLVMValueRef jargs[5] = {p, qi, cg_i32(cg, k), cg_i32(cg, pq->joins[k].build->index),
                                 LLVMBuildPointerCast(cg->b, key, cg->t_ptr, "")};
        cg_call(cg, "srt_prog_query_join", jargs, 5, "");
        if (pq->joins[k].join->full) {
            LLVMValueRef ufn = LLVMGetNamedFunction(
                cg->mod, arena_sprintf(cg->arena, "sl_join_unmatched_%d_%d", pq->index, k));
            LLVMValueRef uargs[4] = {p, qi, cg_i32(cg, k),
                                     LLVMBuildPointerCast(cg->b, ufn, cg->t_ptr, "")};
            cg_call(cg, "srt_prog_query_join_unmatched", uargs, 4, "");
        }
    }
    if (plan_splits_at_join(pq)) {
        register_fold_fn(cg, p, qi, "srt_prog_query_ssjoin_row",
                         arena_sprintf(cg->arena, "sl_ssjoin_row_%d", i));
    } else if (plan_agg_logs_updates(pq)) {
        register_fold_fn(cg, p, qi, "srt_prog_query_update_log",
                         arena_sprintf(cg->arena, "sl_update_log_%d", i));
    } else if (!pq->serial) {
        LLVMValueRef merge = pq->agg ? LLVMGetNamedFunction(cg->mod, cg_task_merge_name(cg, pq, i))
                                     : LLVMConstNull(cg->t_ptr);
        LLVMValueRef pargs[3] = {p, qi, LLVMBuildPointerCast(cg->b, merge, cg->t_ptr, "")};
        cg_call(cg, "srt_prog_query_parallel", pargs, 3, "");
        if (pq->n_distinct) {
            LLVMValueRef fold =
                LLVMGetNamedFunction(cg->mod, arena_sprintf(cg->arena, "sl_distinct_fold_%d", i));
            LLVMValueRef dargs[3] = {p, qi, LLVMBuildPointerCast(cg->b, fold, cg->t_ptr, "")};
            cg_call(cg, "srt_prog_query_distinct_fold", dargs, 3, "");
        }
        if (pq->agg && cg_agg_replays(pq)) {
            LLVMValueRef replay =
                LLVMGetNamedFunction(cg->mod, arena_sprintf(cg->arena, "sl_replay_%d", i));
            LLVMValueRef rargs[3] = {p, qi, LLVMBuildPointerCast(cg->b, replay, cg->t_ptr, "")};
            cg_call(cg, "srt_prog_query_replay", rargs, 3, "");
        }
    }
    if (pq->watermark_col >= 0) {
        LLVMValueRef wargs[3] = {p, qi, cg_i64(cg, pq->watermark_delay_us)};
        cg_call(cg, "srt_prog_query_watermark", wargs, 3, "");
    }
    for (int o = 0; o < pq->n_order; o++) {
        LLVMValueRef oargs[5] = {p, qi, cg_i32(cg, pq->order[o].column),
                                 cg_i32(cg, pq->order[o].desc),
                                 cg_i32(cg, pq->order[o].nulls_first)};
        cg_call(cg, "srt_prog_query_order", oargs, 5, "");
    }
    LLVMBuildRetVoid(cg->b);
    return fn;
}

static void init_fn(CgCtx *cg, const PProgram *plan, LLVMValueRef *regs, LLVMValueRef fn)
{
    LLVMValueRef p = LLVMGetParam(fn, 0);
    LLVMSetValueName2(p, "prog", 4);
    const SProgram *sp = plan->sema;
    LLVMValueRef *src_idx = ARENA_NEW_N(cg->arena, LLVMValueRef, sp->n_sources + 1);
    LLVMValueRef *sink_idx = ARENA_NEW_N(cg->arena, LLVMValueRef, sp->n_sinks + 1);
    for (int i = 0; i < sp->n_sources; i++) {
        const SSource *s = sp->sources[i];
        LLVMValueRef args[3] = {p, cstr(cg, s->name), cstr(cg, s->connector)};
        src_idx[i] = cg_call(cg, "srt_prog_source", args, 3, "source");
        put_options(cg, "srt_prog_source_option", p, src_idx[i], &s->options, true);
        for (int c = 0; c < s->schema.n; c++) {
            LLVMValueRef cargs[4] = {p, src_idx[i], cstr(cg, s->schema.cols[c].name),
                                     cstr(cg, type_name(cg->arena, s->schema.cols[c].type))};
            cg_call(cg, "srt_prog_source_column", cargs, 4, "");
        }
    }
    for (int i = 0; i < sp->n_sinks; i++) {
        const SSink *s = sp->sinks[i];
        LLVMValueRef args[3] = {p, cstr(cg, s->name), cstr(cg, s->connector)};
        sink_idx[i] = cg_call(cg, "srt_prog_sink", args, 3, "sink");
        put_options(cg, "srt_prog_sink_option", p, sink_idx[i], &s->options, true);
    }
    for (int i = 0; i < plan->n_queries; i++) {
        const PQuery *pq = plan->queries[i];
        LLVMValueRef args[3] = {p, src_idx[pq->source->index],
                                pq->query->build ? cg_i32(cg, -1)
                                                 : sink_idx[pq->query->sink->index]};
        LLVMBuildCall2(cg->b, LLVMGlobalGetValueType(regs[i]), regs[i], args, 3, "");
    }
    LLVMBuildRetVoid(cg->b);
}

void cg_program(CgCtx *cg, const PProgram *plan, LLVMValueRef *regs)
{
    LLVMTypeRef init_t = LLVMFunctionType(cg->t_void, &cg->t_ptr, 1, 0);
    LLVMValueRef init = cg_begin_function(cg, "sl_init", init_t);
    run_once(cg, init);
    init_fn(cg, plan, regs, init);

    LLVMTypeRef params[2] = {cg->t_i32, LLVMPointerType(cg->t_ptr, 0)};
    LLVMTypeRef main_t = LLVMFunctionType(cg->t_i32, params, 2, 0);
    LLVMValueRef main_fn = cg_begin_function(cg, "main", main_t);
    run_once(cg, main_fn);
    LLVMValueRef args[3] = {LLVMGetParam(main_fn, 0), LLVMGetParam(main_fn, 1),
                            LLVMBuildPointerCast(cg->b, init, cg->t_ptr, "")};
    LLVMBuildRet(cg->b, cg_call(cg, "srt_main", args, 3, "rc"));
}
