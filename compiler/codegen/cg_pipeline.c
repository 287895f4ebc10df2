/* cg_pipeline.c - the fused per-record loop of a query (produce/consume) and output rows.
**
** int64_t process(SrtQuery *q, const char *buf, size_t len):
**   for each record: parse (cg_json) -> for each SELECT block from the innermost:
**   WHERE, outputs -> then either an output row (no aggregate) or, in the
**   aggregating block, WHERE -> window assignment -> key -> group (a cache of recent
**   groups, else upsert) -> update.
** Everything a record touches stays in registers; the only calls per record
** are the group lookup and, for string work, the runtime's scratch reset.
*/
#include <string.h>

#include "common/cm_connectors.h"
#include "codegen/cg_emit.h"
#include "srt_abi.h"

/* ==== Output rows (SrtDatum) ==== */

void cg_store_row(CgCtx *cg, const PQuery *pq, const CgEnv *env, LLVMValueRef row)
{
    uint64_t size = cg_datum_size(cg);
    for (int i = 0; i < pq->n_columns; i++) {
        const PColumn *c = &pq->columns[i];
        CgVal v = cg_expr(cg, env, c->expr);
        cg_store_datum(cg, c->type, v, cg_gepc(cg, row, size * (uint64_t)i, c->name), true);
    }
}

CgEnv cg_block_env(CgCtx *cg, const SSelect *s, const CgEnv *env)
{
    CgVal *vals = ARENA_NEW_N(cg->arena, CgVal, s->n_out + 1);
    for (int i = 0; i < s->n_out; i++)
        vals[i] = cg_expr(cg, env, s->out[i].expr);
    CgEnv next = {0};
    next.cols = vals;
    next.n_cols = s->n_out;
    return next;
}

/* ==== Event time ==== */

/* Per process call: the event-time statistics of the watermark column (reported once at
   the end) and, for an aggregation with an event-time key, the late threshold; an
   aggregation reports its late groups as it meets them (update_keyed, late_session). */
typedef struct EventTime {
    LLVMValueRef n, min, max; /* i64 allocas; NULL without a watermark */
    LLVMValueRef avg, count;  /* the partition's running mean: double and i64 allocas */
    LLVMValueRef ev_logs;     /* i1: the call logs the times instead (srt_query_event_run) */
    LLVMValueRef late;                   /* i64 threshold (µs); NULL without an event key */
    /* per PQuery.dedups: DROP DUPLICATES' threshold and late rows, NULL without a watermark */
    LLVMValueRef *dedup_late, *dedup_dropped;
    const PDedup *dedups;
    int n_dedups;
    int32_t agg_op;    /* its number in the plan's operator list */
    LLVMValueRef logs; /* i1: a parallel task logs the aggregation's updates (update_keyed);
                          NULL when it makes them (plan_agg_logs_updates) */
    /* A stream-stream join: the branch's side (-1: none), the state, and the late rows of
       the side's watermarked column. */
    int ssj_side;
    LLVMValueRef ssj_state, ssj_late, ssj_dropped;
    LLVMValueRef ssj_logs; /* i1: a parallel task logs the join's rows; NULL: never */
} EventTime;

/* The running mean of the partition the call reads, where the runtime has it
   (srt_query_event_run: through slots of their own, so that avg and count stay in
   registers). */
static void event_run_setup(CgCtx *cg, EventTime *et)
{
    LLVMValueRef avg = cg_alloca(cg, cg->t_f64, "ev.run.avg");
    LLVMValueRef count = cg_alloca(cg, cg->t_i64, "ev.run.count");
    LLVMValueRef args[3] = {cg->q, avg, count};
    LLVMValueRef logs = cg_call(cg, "srt_query_event_run", args, 3, "ev.logs");
    et->ev_logs = LLVMBuildICmp(cg->b, LLVMIntNE, logs, cg_i32(cg, 0), "ev.logs");
    et->avg = cg_alloca(cg, cg->t_f64, "ev.avg");
    et->count = cg_alloca(cg, cg->t_i64, "ev.count");
    cg_store(cg, cg_load(cg, cg->t_f64, avg, ""), et->avg);
    cg_store(cg, cg_load(cg, cg->t_i64, count, ""), et->count);
}

/* reads_input: the function reads input rows, whose event times count (not the unmatched
   rows of a stream-stream outer join). */
static void event_time_setup(CgCtx *cg, const PQuery *pq, bool reads_input, EventTime *et)
{
    memset(et, 0, sizeof *et);
    for (int i = 0; i < pq->n_ops; i++) {
        switch (pq->ops[i].kind) {
        case POP_AGGREGATE:
        case POP_SESSION_WINDOW:
            /* the per-record aggregation: the first level (a chain's levels above it are
               fed by its emitted groups, never late for them: plan_levels.c) */
            if (pq->ops[i].level == pq)
                et->agg_op = (int32_t)pq->ops[i].id;
            break;
        case POP_DEDUPLICATE:  /* below, per PQuery.dedups */
        case POP_SSJOIN:       /* ssjoin_setup */
        case POP_GLOBAL_LIMIT: /* the runtime's, at the query's rows */
            break;
        }
    }
    et->ssj_side = -1;
    if (reads_input && pq->watermark_col >= 0) {
        LLVMValueRef *slots[3] = {&et->n, &et->min, &et->max};
        static const char *names[3] = {"ev.n", "ev.min", "ev.max"};
        for (int i = 0; i < 3; i++) {
            *slots[i] = cg_alloca(cg, cg->t_i64, names[i]);
            cg_store(cg, cg_i64(cg, 0), *slots[i]);
        }
        event_run_setup(cg, et);
    }
    if (pq->agg && pq->event_key >= 0) {
        LLVMValueRef args[2] = {cg->q, cg_i32(cg, et->agg_op)};
        et->late = cg_call(cg, "srt_query_late_threshold", args, 2, "late");
    }
    if (plan_agg_logs_updates(pq)) {
        LLVMValueRef v = cg_call(cg, "srt_query_logs_values", &cg->q, 1, "logs");
        et->logs = LLVMBuildICmp(cg->b, LLVMIntNE, v, cg_i32(cg, 0), "logs.updates");
    }
    et->dedup_late = ARENA_NEW_N(cg->arena, LLVMValueRef, pq->n_dedups + 1);
    et->dedup_dropped = ARENA_NEW_N(cg->arena, LLVMValueRef, pq->n_dedups + 1);
    et->dedups = pq->dedups;
    et->n_dedups = pq->n_dedups;
    for (int k = 0; k < pq->n_dedups; k++)
        if (pq->dedups[k].block->dedup->watermark_col >= 0) {
            LLVMValueRef args[2] = {cg->q, cg_i32(cg, pq->dedups[k].op)};
            et->dedup_late[k] = cg_call(cg, "srt_query_late_threshold", args, 2, "dd.late");
            et->dedup_dropped[k] = cg_alloca(cg, cg->t_i64, "dd.late.n");
            cg_store(cg, cg_i64(cg, 0), et->dedup_dropped[k]);
        }
}

/* Fold one record's event time into the statistics: count, min and max branch-free, then
   the partition's running mean (EventTimeStats.add: srt_event_mean_add), or the time into a
   parallel task's log.  A NULL time counts as 0: EventTimeWatermarkExec adds
   getEventTime(row).getLong(0) / 1000 for every row, and the UnsafeProjection's setNullAt
   zeroes a NULL's slot (so min, avg and the count see a 0, and a batch of NULL times only
   reports 1970-01-01). */
static void event_time_row(CgCtx *cg, const EventTime *et, CgVal ts)
{
    if (!et->n)
        return;
    LLVMValueRef ms = LLVMBuildSDiv(cg->b, ts.v, cg_i64(cg, 1000), "ev.ms");
    ms = cg_select(cg, ts.null, cg_i64(cg, 0), ms);
    LLVMValueRef n = cg_load(cg, cg->t_i64, et->n, "ev.n");
    LLVMValueRef first = LLVMBuildICmp(cg->b, LLVMIntEQ, n, cg_i64(cg, 0), "ev.first");
    LLVMValueRef min = cg_load(cg, cg->t_i64, et->min, "ev.min");
    LLVMValueRef max = cg_load(cg, cg->t_i64, et->max, "ev.max");
    LLVMValueRef lt = LLVMBuildICmp(cg->b, LLVMIntSLT, ms, min, "");
    LLVMValueRef gt = LLVMBuildICmp(cg->b, LLVMIntSGT, ms, max, "");
    cg_store(cg, cg_select(cg, cg_or(cg, first, lt), ms, min), et->min);
    cg_store(cg, cg_select(cg, cg_or(cg, first, gt), ms, max), et->max);
    cg_store(cg, LLVMBuildAdd(cg->b, n, cg_i64(cg, 1), ""), et->n);
    LLVMBasicBlockRef bb_log = cg_block(cg, "ev.log");
    LLVMBasicBlockRef bb_add = cg_block(cg, "ev.add");
    LLVMBasicBlockRef bb_done = cg_block(cg, "ev.done");
    LLVMBuildCondBr(cg->b, et->ev_logs, bb_log, bb_add);
    cg_at(cg, bb_log);
    LLVMValueRef largs[2] = {cg->q, ms};
    cg_call(cg, "srt_event_log", largs, 2, "");
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_add);
    LLVMValueRef count =
        LLVMBuildAdd(cg->b, cg_load(cg, cg->t_i64, et->count, ""), cg_i64(cg, 1), "ev.count");
    LLVMValueRef aargs[3] = {cg_load(cg, cg->t_f64, et->avg, "ev.avg"), count, ms};
    cg_store(cg, cg_call(cg, "srt_event_mean_add", aargs, 3, "ev.avg"), et->avg);
    cg_store(cg, count, et->count);
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
}

/* Report what the call saw (at the end of the process function). */
static void event_time_report(CgCtx *cg, const EventTime *et)
{
    if (et->n) {
        LLVMValueRef args[6] = {cg->q,
                                cg_load(cg, cg->t_i64, et->n, ""),
                                cg_load(cg, cg->t_i64, et->min, ""),
                                cg_load(cg, cg->t_i64, et->max, ""),
                                cg_load(cg, cg->t_f64, et->avg, ""),
                                cg_load(cg, cg->t_i64, et->count, "")};
        cg_call(cg, "srt_query_event_times", args, 6, "");
    }
    for (int k = 0; k < et->n_dedups; k++) {
        if (!et->dedup_late[k])
            continue;
        LLVMValueRef args[3] = {cg->q, cg_i32(cg, et->dedups[k].op),
                                cg_load(cg, cg->t_i64, et->dedup_dropped[k], "")};
        cg_call(cg, "srt_query_dropped_late", args, 3, "");
    }
    if (et->ssj_late) {
        LLVMValueRef args[3] = {cg->q, cg_i32(cg, PSTATE_SSJOIN),
                                cg_load(cg, cg->t_i64, et->ssj_dropped, "")};
        cg_call(cg, "srt_query_dropped_late", args, 3, "");
    }
}

/* A stream-stream join in branch `branch` of query: its state and late threshold, once per
   process call. */
static void ssjoin_setup(CgCtx *cg, const PQuery *query, int branch, EventTime *et)
{
    et->ssj_side = query->ssjoin_block ? query->branches[branch].side : -1;
    if (et->ssj_side < 0)
        return;
    LLVMValueRef args[2] = {cg->q, cg_i32(cg, PSTATE_SSJOIN)};
    et->ssj_state = cg_call(cg, "srt_query_ssjoin", args, 2, "ssj.state");
    if (plan_splits_at_join(query)) {
        LLVMValueRef v = cg_call(cg, "srt_query_logs_values", &cg->q, 1, "ssj.logs");
        et->ssj_logs = LLVMBuildICmp(cg->b, LLVMIntNE, v, cg_i32(cg, 0), "ssj.logs");
    }
    if (plan_join_of(query, query->ssjoin_block)->wm_col[et->ssj_side] >= 0) {
        et->ssj_late = cg_call(cg, "srt_query_late_threshold", args, 2, "ssj.late");
        et->ssj_dropped = cg_alloca(cg, cg->t_i64, "ssj.late.n");
        cg_store(cg, cg_i64(cg, 0), et->ssj_dropped);
    }
}

LLVMValueRef cg_event_time_us(const CgVal *t)
{
    return t->fields ? t->fields[1].v : t->v;
}

/* Is key_us at or before the threshold late (never for a NULL)?  Branches to a new block
   "late.drop" if so, else to a new block where the code continues; returns the former,
   for the caller to fill. */
static LLVMBasicBlockRef branch_if_late(CgCtx *cg, LLVMValueRef late_us, LLVMValueRef key_us,
                                        LLVMValueRef is_null)
{
    LLVMBasicBlockRef bb_drop = cg_block(cg, "late.drop");
    LLVMBasicBlockRef bb_keep = cg_block(cg, "late.keep");
    LLVMValueRef late = LLVMBuildICmp(cg->b, LLVMIntSLE, key_us, late_us, "is.late");
    if (is_null)
        late = cg_and(cg, late, cg_not(cg, is_null));
    LLVMBuildCondBr(cg->b, late, bb_drop, bb_keep);
    cg_at(cg, bb_keep);
    return bb_drop;
}

/* Branch to bb_late (counting the row in *dropped) when key_us is at or before the
   threshold late; continue in a new block otherwise. */
static void drop_if_late(CgCtx *cg, LLVMValueRef late_us, LLVMValueRef dropped, LLVMValueRef key_us,
                         LLVMValueRef is_null, LLVMBasicBlockRef bb_late)
{
    LLVMBasicBlockRef bb_drop = branch_if_late(cg, late_us, key_us, is_null);
    LLVMBasicBlockRef bb_keep = LLVMGetInsertBlock(cg->b);
    cg_at(cg, bb_drop);
    LLVMValueRef n = cg_load(cg, cg->t_i64, dropped, "late.n");
    cg_store(cg, LLVMBuildAdd(cg->b, n, cg_i64(cg, 1), ""), dropped);
    LLVMBuildBr(cg->b, bb_late);
    cg_at(cg, bb_keep);
}

/* ==== Deduplication ==== */

/* DROP DUPLICATES over the block's input (after its WHERE): a late row (event time at or
   before the threshold) goes to bb_late, a row whose key was seen before to bb_skip; a new key
   is remembered with the time at which the watermark lets it go. */
static void dedup_row(CgCtx *cg, const PDedup *dd, const CgEnv *env, LLVMValueRef late,
                      LLVMValueRef dropped, LLVMValueRef table, LLVMBasicBlockRef bb_late,
                      LLVMBasicBlockRef bb_skip)
{
    const SDedup *d = dd->block->dedup;
    CgVal ts = {0};
    if (d->watermark_col >= 0) {
        ts = env->cols[d->watermark_col];
        drop_if_late(cg, late, dropped, ts.v, ts.null, bb_late);
    }
    CgVal *keys = ARENA_NEW_N(cg->arena, CgVal, d->n + 1);
    for (int i = 0; i < d->n; i++)
        keys[i] = env->cols[d->cols[i]];
    uint32_t cap = dd->key.fixed_size + 256;
    LLVMValueRef stack = cg_alloca(cg, LLVMArrayType(cg->t_i8, cap), "dd.keybuf");
    LLVMSetAlignment(stack, 16);
    LLVMValueRef len;
    LLVMValueRef key =
        cg_build_key(cg, &dd->key, keys, LLVMBuildPointerCast(cg->b, stack, cg->t_ptr, ""), &len);
    LLVMValueRef hargs[2] = {key, len};
    LLVMValueRef hash = cg_call(cg, "srt_hash", hargs, 2, "dd.hash");
    /* When the watermark may forget the key: at its event time when that is a key column
       (never for a NULL one: the eviction predicate is NULL), never otherwise.  WITHIN
       WATERMARK: StreamingDeduplicateWithinWatermarkExec.putDupInfoIntoState's expiresAt, the
       event time plus the delay, a Long sum that wraps, of a NULL time read as 0 (its
       UnsafeRow slot). */
    LLVMValueRef evict = cg_i64(cg, INT64_MAX);
    if (d->watermark_col >= 0 && d->within_watermark) {
        LLVMValueRef t = cg_select(cg, ts.null, cg_i64(cg, 0), ts.v);
        evict = LLVMBuildAdd(cg->b, t, cg_i64(cg, d->delay_us), "dd.expires");
    } else if (d->watermark_col >= 0 && d->event_key >= 0) {
        evict = cg_select(cg, ts.null, evict, ts.v);
    }
    LLVMValueRef aargs[6] = {cg->q, table, key, len, hash, evict};
    LLVMValueRef fresh = cg_call(cg, "srt_dedup_admit", aargs, 6, "dd.new");
    LLVMBasicBlockRef bb_new = cg_block(cg, "dd.new");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntNE, fresh, cg_i32(cg, 0), ""), bb_new, bb_skip);
    cg_at(cg, bb_new);
}

/* The table of DROP DUPLICATES dd (srt_query_dedup_table_at). */
static LLVMValueRef dedup_table(CgCtx *cg, const PDedup *dd)
{
    LLVMValueRef args[2] = {cg->q, cg_i32(cg, dd->op)};
    return cg_call(cg, "srt_query_dedup_table_at", args, 2, "dd.table");
}

void cg_dedup_group_row(CgCtx *cg, const PQuery *pq, const SSelect *s, const CgEnv *env, LLVMBasicBlockRef bb_skip)
{
    const PDedup *dd = plan_dedup_of(pq, s);
    LLVMValueRef late = NULL, dropped = NULL;
    LLVMBasicBlockRef bb_late = bb_skip;
    if (s->dedup->watermark_col >= 0) {
        /* one row per call: a late one is reported at once */
        LLVMValueRef args[2] = {cg->q, cg_i32(cg, dd->op)};
        late = cg_call(cg, "srt_query_late_threshold", args, 2, "dd.late");
        dropped = cg_alloca(cg, cg->t_i64, "dd.late.n");
        cg_store(cg, cg_i64(cg, 0), dropped);
        LLVMBasicBlockRef bb_here = LLVMGetInsertBlock(cg->b);
        bb_late = cg_block(cg, "dd.late.report");
        cg_at(cg, bb_late);
        LLVMValueRef rargs[3] = {cg->q, cg_i32(cg, dd->op), cg_i64(cg, 1)};
        cg_call(cg, "srt_query_dropped_late", rargs, 3, "");
        LLVMBuildBr(cg->b, bb_skip);
        cg_at(cg, bb_here);
    }
    dedup_row(cg, dd, env, late, dropped, dedup_table(cg, dd), bb_late, bb_skip);
}

/* ==== Window assignment and aggregation ==== */

/* Opens the loop over the windows [s, s+size) of window w's timestamp, the latest first (n:
   the most windows a row falls into, ceil(size / slide)); the code that follows runs once per
   window with *win (STRUCT<start, end>) bound, and goes to the returned step block when done
   with it.  Rows with a NULL timestamp belong to no window (Spark's TimeWindowing filters them:
   IsNotNull(timeColumn)), and go to bb_next, as the loop's end does.  The GROUP BY key and the
   projection of window() (Spark's one rule, ResolveTimeWindows.getWindow) both use it. */
static LLVMBasicBlockRef window_begin(CgCtx *cg, const PQuery *pq, const CgEnv *env, const SExpr *w,
                                      int64_t n, LLVMBasicBlockRef bb_next, CgVal *win)
{
    CgVal ts = cg_expr(cg, env, w->u.window.ts);
    LLVMBasicBlockRef bb_has = cg_block(cg, "win.ts");
    LLVMBuildCondBr(cg->b, ts.null, bb_next, bb_has);
    cg_at(cg, bb_has);
    LLVMValueRef slide = cg_i64(cg, w->u.window.slide_us);
    LLVMValueRef size = cg_i64(cg, w->u.window.size_us);
    /* The latest window start of the previous timestamp, and that plus the slide: a
       timestamp in [memo, memo end) has the same one (consecutive records mostly do), and
       its windows the same bounds, checked already.  Empty ([1, 0)) at the call's start. */
    LLVMBasicBlockRef cur = cg_to_entry_start(cg);
    LLVMValueRef memo = LLVMBuildAlloca(cg->b, cg->t_i64, "win.memo");
    LLVMValueRef memo_end = LLVMBuildAlloca(cg->b, cg->t_i64, "win.memo.end");
    LLVMBuildStore(cg->b, cg_i64(cg, 1), memo);
    LLVMBuildStore(cg->b, cg_i64(cg, 0), memo_end);
    LLVMPositionBuilderAtEnd(cg->b, cur);
    LLVMValueRef m = cg_load(cg, cg->t_i64, memo, "win.memo");
    LLVMValueRef same = cg_and(cg, LLVMBuildICmp(cg->b, LLVMIntSGE, ts.v, m, ""),
                               LLVMBuildICmp(cg->b, LLVMIntSLT, ts.v, cg_load(cg, cg->t_i64, memo_end, ""), ""));
    LLVMBasicBlockRef bb_same = LLVMGetInsertBlock(cg->b);
    LLVMBasicBlockRef bb_calc = cg_block(cg, "win.bounds");
    LLVMBasicBlockRef bb_range = cg_block(cg, "win.range");
    cg_br_likely(cg, same, bb_range, bb_calc);
    cg_at(cg, bb_calc);
    /* A timestamp whose windows would end past the range (or start before it) belongs to
       none: the row is dropped, or fails the query under FAILFAST. */
    LLVMValueRef last_slot = cg_alloca(cg, cg->t_i64, "win.last.p");
    LLVMValueRef offset = cg_i64(cg, w->u.window.start_us);
    LLVMValueRef sargs[6] = {ts.v, slide, offset, size, cg_i64(cg, n), last_slot};
    LLVMValueRef wrc = cg_call(cg, "srt_window_bounds", sargs, 6, "win.ok");
    LLVMBasicBlockRef bb_ok = cg_block(cg, "win.ok");
    LLVMBasicBlockRef bb_out = cg_block(cg, "win.overflow");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, wrc, cg_i32(cg, 0), ""), bb_ok, bb_out);
    cg_at(cg, bb_out);
    cg_time_overflow(cg, pq, ts.v, "window (the bounds of its windows)", bb_next);
    cg_at(cg, bb_ok);
    /* last + size did not overflow and slide <= size (sema), so last + slide does not */
    LLVMValueRef calc = cg_load(cg, cg->t_i64, last_slot, "win.last");
    cg_store(cg, calc, memo);
    cg_store(cg, LLVMBuildAdd(cg->b, calc, slide, ""), memo_end);
    LLVMBuildBr(cg->b, bb_range);
    cg_at(cg, bb_range);
    LLVMValueRef last = LLVMBuildPhi(cg->b, cg->t_i64, "win.last");
    LLVMValueRef lvals[2] = {m, calc};
    LLVMBasicBlockRef lfrom[2] = {bb_same, bb_ok};
    LLVMAddIncoming(last, lvals, lfrom, 2);

    /* The windows from the latest start back, one slide each.  One window (a tumbling one)
       is no loop: the optimiser would hoist the row's arithmetic after here (its group's
       cache words, cg_group.c) out of one, to run whatever path the row takes. */
    LLVMBasicBlockRef bb_in = cg_block(cg, "win.in");
    LLVMBasicBlockRef bb_step = bb_next;
    LLVMValueRef start = last;
    if (n > 1) {
        LLVMBasicBlockRef bb_head = cg_block(cg, "win.loop");
        LLVMBasicBlockRef bb_body = cg_block(cg, "win.body");
        bb_step = cg_block(cg, "win.step");
        LLVMValueRef i_slot = cg_alloca(cg, cg->t_i64, "win.i");
        cg_store(cg, cg_i64(cg, 0), i_slot);
        LLVMBuildBr(cg->b, bb_head);

        cg_at(cg, bb_head);
        LLVMValueRef i = cg_load(cg, cg->t_i64, i_slot, "win.i");
        LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, i, cg_i64(cg, n), ""), bb_body,
                        bb_next);

        cg_at(cg, bb_step);
        cg_store(cg, LLVMBuildAdd(cg->b, i, cg_i64(cg, 1), ""), i_slot);
        LLVMBuildBr(cg->b, bb_head);

        cg_at(cg, bb_body);
        start = LLVMBuildSub(cg->b, last, LLVMBuildMul(cg->b, i, slide, ""), "win.start");
    }
    LLVMValueRef end = LLVMBuildAdd(cg->b, start, size, "win.end");
    /* start <= ts holds for every candidate; keep it while ts < end (Spark's filter
       timeColumn >= window.start && timeColumn < window.end).  A tumbling window's one
       candidate always holds ts (last is ts less its offset, in [0, slide), and slide is the
       size), whether it came from the memo or was computed: no test. */
    if (w->u.window.size_us == w->u.window.slide_us)
        LLVMBuildBr(cg->b, bb_in);
    else
        LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, ts.v, end, ""), bb_in, bb_step);

    cg_at(cg, bb_in);
    *win = (CgVal){0};
    win->null = cg_i1(cg, 0);
    win->n_fields = 2;
    win->fields = ARENA_NEW_N(cg->arena, CgVal, 2);
    win->fields[0].null = cg_i1(cg, 0);
    win->fields[0].v = start;
    win->fields[1].null = cg_i1(cg, 0);
    win->fields[1].v = end;
    return bb_step;
}

/* A loop i = 0 .. n - 1 (i of n's integer type, compared unsigned): returns i where the code
   continues, in the loop's body; a finished iteration branches to *bb_step (made here, named
   "<name>.step"), and the loop ends at bb_done. */
static LLVMValueRef counted_loop(CgCtx *cg, LLVMValueRef n, const char *name,
                                 LLVMBasicBlockRef bb_done, LLVMBasicBlockRef *bb_step)
{
    LLVMTypeRef t = LLVMTypeOf(n);
    LLVMValueRef i_slot = cg_alloca(cg, t, arena_sprintf(cg->arena, "%s.i", name));
    cg_store(cg, LLVMConstInt(t, 0, 0), i_slot);
    LLVMBasicBlockRef bb_head = cg_block(cg, arena_sprintf(cg->arena, "%s.loop", name));
    LLVMBasicBlockRef bb_body = cg_block(cg, arena_sprintf(cg->arena, "%s.body", name));
    *bb_step = cg_block(cg, arena_sprintf(cg->arena, "%s.step", name));
    LLVMBuildBr(cg->b, bb_head);
    cg_at(cg, bb_head);
    LLVMValueRef i = cg_load(cg, t, i_slot, arena_sprintf(cg->arena, "%s.i", name));
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, i, n, ""), bb_body, bb_done);
    cg_at(cg, *bb_step);
    cg_store(cg, LLVMBuildAdd(cg->b, i, LLVMConstInt(t, 1, 0), ""), i_slot);
    LLVMBuildBr(cg->b, bb_head);
    cg_at(cg, bb_body);
    return i;
}

static void log_update(CgCtx *cg, const PQuery *pq, const CgVal *keys, const CgVal *args);

/* The group key of a late row, built in a stack buffer of its own (*len: its length). */
static LLVMValueRef late_key(CgCtx *cg, const PQuery *pq, const CgVal *keys, LLVMValueRef *len)
{
    uint32_t cap = pq->key.fixed_size + CG_KEY_STACK_BYTES;
    LLVMValueRef stack = cg_alloca(cg, LLVMArrayType(cg->t_i8, cap), "late.keybuf");
    LLVMSetAlignment(stack, 16);
    return cg_build_key(cg, &pq->key, keys, LLVMBuildPointerCast(cg->b, stack, cg->t_ptr, ""), len);
}

/* The row's update of the aggregation keyed by keys, then on to bb_next: unless it is late by
   its event-time key (a window by its end; a NULL key is never late, Spark's watermark
   predicate being NULL there).  A late row is reported with its group's key: Spark drops
   late rows after the partial aggregate (StateStoreSaveExec's input holds a batch's group
   once), so numRowsDroppedByWatermark counts the late groups (srt_query_late_group).  A
   parallel task that logs the updates (et->logs) logs it all instead, for the query's thread. */
static void update_keyed(CgCtx *cg, const PQuery *pq, LLVMValueRef table, const CgVal *keys,
                         const CgVal *args, const EventTime *et, LLVMBasicBlockRef bb_next)
{
    if (et->logs) {
        LLVMBasicBlockRef bb_log = cg_block(cg, "ulog.put");
        LLVMBasicBlockRef bb_update = cg_block(cg, "ulog.update");
        LLVMBuildCondBr(cg->b, et->logs, bb_log, bb_update);
        cg_at(cg, bb_log);
        log_update(cg, pq, keys, args);
        LLVMBuildBr(cg->b, bb_next);
        cg_at(cg, bb_update);
    }
    if (et->late && pq->event_key >= 0) {
        const CgVal *k = &keys[pq->event_key]; /* a window column projected below, say */
        LLVMBasicBlockRef bb_drop = branch_if_late(cg, et->late, cg_event_time_us(k), k->null);
        LLVMBasicBlockRef bb_keep = LLVMGetInsertBlock(cg->b);
        cg_at(cg, bb_drop);
        LLVMValueRef len, key = late_key(cg, pq, keys, &len);
        LLVMValueRef hargs[2] = {key, len};
        LLVMValueRef hash = cg_call(cg, "srt_hash", hargs, 2, "late.hash");
        LLVMValueRef largs[5] = {cg->q, cg_i32(cg, et->agg_op), key, len, hash};
        cg_call(cg, "srt_query_late_group", largs, 5, "");
        LLVMBuildBr(cg->b, bb_next);
        cg_at(cg, bb_keep);
    }
    cg_agg_update(cg, pq, table, keys, args);
    LLVMBuildBr(cg->b, bb_next);
}

static LLVMValueRef i64_table(CgCtx *cg, const int64_t *v, int n, const char *name)
{
    LLVMValueRef *c = ARENA_NEW_N(cg->arena, LLVMValueRef, n);
    for (int i = 0; i < n; i++)
        c[i] = cg_i64(cg, v[i]);
    return cg_const_global(cg, LLVMConstArray(cg->t_i64, c, (unsigned)n), name);
}

/* GROUP BY ROLLUP / CUBE / GROUPING SETS (Spark's Expand below the aggregation): starts the
   loop over the grouping sets (bb_next after the last, *bb_step the next set) and returns the
   keys of the row in the set: the keys outside it NULL, spark_grouping_id the set's id and
   _gen_grouping_pos its number.  *args NULL: the aggregates' arguments read the set's id
   (SSelect.aggs_read_gid), computed here per set. */
static CgVal *gset_begin(CgCtx *cg, const PQuery *pq, const CgEnv *env, const CgVal *keys,
                         const CgVal **args, LLVMBasicBlockRef bb_next, LLVMBasicBlockRef *bb_step)
{
    const SSelect *a = pq->agg;
    LLVMValueRef nulls = i64_table(cg, (const int64_t *)a->gset_nulls, a->n_gsets, "gset.nulls");
    LLVMValueRef ids = i64_table(cg, a->gset_ids, a->n_gsets, "gset.ids");
    LLVMValueRef i = counted_loop(cg, cg_i64(cg, a->n_gsets), "gset", bb_next, bb_step);
    LLVMValueRef at = LLVMBuildShl(cg->b, i, cg_i64(cg, 3), ""); /* i64 entries */
    LLVMValueRef m = cg_load(cg, cg->t_i64, cg_gep(cg, nulls, at, ""), "gset.nulls");
    CgVal *k = ARENA_NEW_N(cg->arena, CgVal, a->n_group + 1);
    for (int j = 0; j < a->n_gkeys; j++) {
        k[j] = keys[j];
        LLVMValueRef bit =
            LLVMBuildAnd(cg->b, LLVMBuildLShr(cg->b, m, cg_i64(cg, j), ""), cg_i64(cg, 1), "");
        k[j].null = cg_or(cg, keys[j].null, LLVMBuildTrunc(cg->b, bit, cg->t_i1, "gset.null"));
    }
    k[a->n_gkeys] = (CgVal){0};
    k[a->n_gkeys].null = cg_i1(cg, 0);
    k[a->n_gkeys].v = cg_load(cg, cg->t_i64, cg_gep(cg, ids, at, ""), "gset.id");
    if (a->n_group > a->n_gkeys + 1) {
        k[a->n_gkeys + 1] = (CgVal){0};
        k[a->n_gkeys + 1].null = cg_i1(cg, 0);
        k[a->n_gkeys + 1].v = LLVMBuildTrunc(cg->b, i, cg->t_i32, "gset.pos");
    }
    if (!*args) {
        CgEnv set_env = *env;
        set_env.groups = k;
        *args = cg_agg_args(cg, &set_env, pq);
    }
    return k;
}

/* The row once per grouping set, in order (gset_begin), each late or not by its own
   event-time key; without sets, once. */
static void update_sets(CgCtx *cg, const PQuery *pq, const CgEnv *env, LLVMValueRef table,
                        const CgVal *keys, const CgVal *args, const EventTime *et,
                        LLVMBasicBlockRef bb_next)
{
    if (!pq->agg->n_gsets) {
        update_keyed(cg, pq, table, keys, args, et, bb_next);
        return;
    }
    LLVMBasicBlockRef bb_step;
    CgVal *k = gset_begin(cg, pq, env, keys, &args, bb_next, &bb_step);
    update_keyed(cg, pq, table, k, args, et, bb_step);
}

/* For each window of the row's timestamp: update the aggregation keyed by it (the window is
   late by its end: a sliding row may be late for old windows only). */
static void window_loop(CgCtx *cg, const PQuery *pq, CgEnv *env, LLVMValueRef table,
                        LLVMBasicBlockRef bb_next, CgVal *keys, const CgVal *args,
                        const EventTime *et)
{
    const SSelect *a = pq->agg;
    CgVal win;
    LLVMBasicBlockRef bb_step =
        window_begin(cg, pq, env, a->group[a->window_group], pq->window_n, bb_next, &win);
    keys[a->window_group] = win;
    update_sets(cg, pq, env, table, keys, args, et, bb_step);
}

/* The end of the session of a row at ts (not NULL) of session_window w with a calendar gap
   (gap_cal): TimeAdd(ts, the gap), a constant's months, days and µs or the row's STRING
   cast to an interval (NULL or no interval going to bb_next: the end is NULL, which Spark's
   filter drops); past the timestamp range it fails as the fixed gap's end does.  A row whose
   end is not after ts goes to bb_next (SessionWindowing's filter session.end >
   session.start). */
static LLVMValueRef session_end_cal(CgCtx *cg, const PQuery *pq, const CgEnv *env, const SExpr *w,
                                    LLVMValueRef ts, LLVMBasicBlockRef bb_next)
{
    LLVMValueRef months = cg_i32(cg, w->u.window.gap_months);
    LLVMValueRef days = cg_i32(cg, w->u.window.gap_days);
    LLVMValueRef us = cg_i64(cg, w->u.window.gap_us);
    if (w->u.window.gap) {
        CgVal g = cg_expr(cg, env, w->u.window.gap);
        LLVMBasicBlockRef bb_str = cg_block(cg, "sess.gap");
        LLVMBuildCondBr(cg->b, g.null, bb_next, bb_str);
        cg_at(cg, bb_str);
        LLVMValueRef pm = cg_alloca(cg, cg->t_i32, "gap.months");
        LLVMValueRef pd = cg_alloca(cg, cg->t_i32, "gap.days");
        LLVMValueRef pu = cg_alloca(cg, cg->t_i64, "gap.us");
        LLVMValueRef gargs[5] = {g.v, g.len, pm, pd, pu};
        LLVMValueRef ok = cg_call(cg, "srt_session_gap", gargs, 5, "gap.ok");
        LLVMBasicBlockRef bb_iv = cg_block(cg, "sess.gap.iv");
        LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, ok, cg_i32(cg, 0), ""), bb_next,
                        bb_iv);
        cg_at(cg, bb_iv);
        months = cg_load(cg, cg->t_i32, pm, "months");
        days = cg_load(cg, cg->t_i32, pd, "days");
        us = cg_load(cg, cg->t_i64, pu, "us");
    }
    LLVMValueRef pe = cg_alloca(cg, cg->t_i64, "sess.end.p");
    LLVMValueRef aargs[5] = {ts, months, days, us, pe};
    LLVMValueRef rc = cg_call(cg, "srt_ts_add_interval", aargs, 5, "sess.end.rc");
    LLVMBasicBlockRef bb_fits = cg_block(cg, "sess.fits");
    LLVMBasicBlockRef bb_out = cg_block(cg, "sess.overflow");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntNE, rc, cg_i32(cg, 0), ""), bb_out, bb_fits);
    cg_at(cg, bb_out);
    cg_time_overflow(cg, pq, ts, "session_window (the session end, time + gap)", bb_next);
    cg_at(cg, bb_fits);
    LLVMValueRef end = cg_load(cg, cg->t_i64, pe, "sess.end");
    LLVMBasicBlockRef bb_some = cg_block(cg, "sess.some");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSGT, end, ts, ""), bb_some, bb_next);
    cg_at(cg, bb_some);
    return end;
}

/* The session [ts, ts + gap) a row's time ts of session_window w starts, in *end: returns ts,
   NULL ts going to bb_next (Spark filters the row); a ts + gap past the timestamp range fails
   as Spark's TimeAdd overflow does.  A gap <= 0 (sema's 0 for a NULL one too) makes no
   session: SessionWindowing's filter session.end > session.start drops every row (after the
   end of a negative gap overflowed), so the code after this goes nowhere.  A calendar gap's
   end is the row's own (session_end_cal; env evaluates a per-row gap, NULL for a constant). */
static CgVal session_bounds(CgCtx *cg, const PQuery *pq, const CgEnv *env, const SExpr *w, CgVal ts,
                            LLVMBasicBlockRef bb_next, LLVMValueRef *end)
{
    int64_t gap = w->u.window.gap_us;
    LLVMBasicBlockRef bb_has = cg_block(cg, "sess.ts");
    LLVMBuildCondBr(cg->b, ts.null, bb_next, bb_has);
    cg_at(cg, bb_has);
    if (w->u.window.gap_cal) {
        *end = session_end_cal(cg, pq, env, w, ts.v, bb_next);
        return ts;
    }
    /* The end ts + gap must fit: a timestamp at the end of the range has no session. */
    *end = LLVMBuildAdd(cg->b, ts.v, cg_i64(cg, gap), "sess.end");
    LLVMBasicBlockRef bb_fits = cg_block(cg, "sess.fits");
    LLVMBasicBlockRef bb_out = cg_block(cg, "sess.overflow");
    LLVMValueRef past =
        gap >= 0 ? LLVMBuildICmp(cg->b, LLVMIntSGT, ts.v, cg_i64(cg, INT64_MAX - gap), "")
                 : LLVMBuildICmp(cg->b, LLVMIntSLT, ts.v, cg_i64(cg, INT64_MIN - gap), "");
    LLVMBuildCondBr(cg->b, past, bb_out, bb_fits);
    cg_at(cg, bb_out);
    cg_time_overflow(cg, pq, ts.v, "session_window (the session end, time + gap)", bb_next);
    cg_at(cg, bb_fits);
    if (gap <= 0) {
        LLVMBuildBr(cg->b, bb_next);
        cg_at(cg, cg_block(cg, "sess.none")); /* no predecessor */
    }
    return ts;
}

/* session_window(ts, gap) in the select list of a block without aggregation
   (SessionWindowing): the row's own session [ts, ts + gap). */
static void session_projection(CgCtx *cg, const PQuery *pq, const CgEnv *env, const SExpr *w,
                               LLVMBasicBlockRef bb_next, CgVal *win)
{
    LLVMValueRef end;
    CgVal ts = session_bounds(cg, pq, env, w, cg_expr(cg, env, w->u.window.ts), bb_next, &end);
    win->null = cg_i1(cg, 0);
    win->n_fields = 2;
    win->fields = ARENA_NEW_N(cg->arena, CgVal, 2);
    win->fields[0] = ts;
    win->fields[1] = ts;
    win->fields[1].v = end;
}

/* The partition of the batch's scans the current row is read in, as the partial aggregate
   over a UNION ALL meets it: UnionExec's partitions are its branches' in turn, so partition p
   of branch b of pq's n is p * n + b (a number of its own for each, which is all the late
   count needs). */
static LLVMValueRef scan_partition(CgCtx *cg, const PQuery *pq)
{
    LLVMValueRef p = cg_call(cg, "srt_partition_id", &cg->q, 1, "partition");
    if (pq->n_branches == 1)
        return p;
    return LLVMBuildAdd(cg->b, LLVMBuildMul(cg->b, p, cg_i32(cg, pq->n_branches), ""),
                        cg_i32(cg, pq->branch), "partition.union");
}

/* A late row of a session window aggregation, its key's slot still empty (of each grouping
   set, as Spark's Expand makes a row per set before the partial aggregate): the runtime
   counts its (key, session [ts, end)) once per partition (srt_query_late_session), the
   row's (part: the partition an update log gives, NULL the current row's, scan_partition). */
static void late_session(CgCtx *cg, const PQuery *pq, const EventTime *et, const CgVal *keys,
                         LLVMValueRef ts, LLVMValueRef end, LLVMValueRef part)
{
    LLVMValueRef len, key = late_key(cg, pq, keys, &len);
    if (!part)
        part = scan_partition(cg, pq);
    LLVMValueRef args[7] = {cg->q, cg_i32(cg, et->agg_op), key, len, ts, end, part};
    cg_call(cg, "srt_query_late_session", args, 7, "");
}

/* The session [ts, end) of the row, keyed by keys (a grouping set's), unless it is late by
   its end (part: as late_session's), then on to bb_next. */
static void session_update_keyed(CgCtx *cg, const PQuery *pq, const CgVal *keys, const CgVal *args,
                                 LLVMValueRef ts, LLVMValueRef end, LLVMValueRef part,
                                 const EventTime *et, LLVMBasicBlockRef bb_next)
{
    const SSelect *a = pq->agg;
    if (et->late && pq->event_key == a->window_group) { /* late by its session's end */
        LLVMBasicBlockRef bb_drop = branch_if_late(cg, et->late, end, NULL);
        LLVMBasicBlockRef bb_keep = LLVMGetInsertBlock(cg->b);
        cg_at(cg, bb_drop);
        late_session(cg, pq, et, keys, ts, end, part);
        LLVMBuildBr(cg->b, bb_next);
        cg_at(cg, bb_keep);
    }
    cg_session_update(cg, pq, keys, args, ts, end);
    LLVMBuildBr(cg->b, bb_next);
}

static void log_session(CgCtx *cg, const PQuery *pq, const CgVal *keys, const CgVal *args,
                        CgVal ts, LLVMValueRef end);

/* session_window(ts, gap): the row starts the session [ts, ts + gap), which the runtime
   merges into the key's sessions.  NULL ts: no session (Spark filters the row).  A parallel
   task that logs the updates (et->logs) logs the row's time with each grouping set's keys
   and arguments instead, before its bounds are tested (sl_update_log_<q> tests them); a
   per-row gap's bounds are tested in the task, which logs the session's end too. */
static void session_row(CgCtx *cg, const PQuery *pq, CgEnv *env, LLVMBasicBlockRef bb_next, CgVal *keys,
                        const CgVal *args, const EventTime *et)
{
    const SSelect *a = pq->agg;
    const SExpr *w = a->group[a->window_group];
    CgVal ts = cg_expr(cg, env, w->u.window.ts);
    /* The key holds an empty session slot; the runtime fills it when emitting. */
    CgVal slot = {0};
    slot.null = cg_i1(cg, 0);
    slot.n_fields = 2;
    slot.fields = ARENA_NEW_N(cg->arena, CgVal, 2);
    for (int f = 0; f < 2; f++) {
        slot.fields[f].null = cg_i1(cg, 0);
        slot.fields[f].v = cg_i64(cg, 0);
    }
    keys[a->window_group] = slot;
    LLVMBasicBlockRef bb_step = bb_next;
    if (et->logs) {
        LLVMBasicBlockRef bb_log = cg_block(cg, "ulog.put");
        LLVMBasicBlockRef bb_update = cg_block(cg, "ulog.update");
        LLVMBuildCondBr(cg->b, et->logs, bb_log, bb_update);
        cg_at(cg, bb_log);
        LLVMValueRef row_end = NULL;
        if (w->u.window.gap)
            session_bounds(cg, pq, env, w, ts, bb_next, &row_end);
        const CgVal *set_keys = keys, *set_args = args;
        if (a->n_gsets)
            set_keys = gset_begin(cg, pq, env, keys, &set_args, bb_next, &bb_step);
        log_session(cg, pq, set_keys, set_args, ts, row_end);
        LLVMBuildBr(cg->b, bb_step);
        cg_at(cg, bb_update);
        bb_step = bb_next;
    }
    LLVMValueRef end;
    session_bounds(cg, pq, env, w, ts, bb_next, &end);
    if (a->n_gsets) /* the session is in every set (sema_grouping.c): merged per set */
        keys = gset_begin(cg, pq, env, keys, &args, bb_next, &bb_step);
    session_update_keyed(cg, pq, keys, args, ts.v, end, NULL, et, bb_step);
}

static void aggregate_row(CgCtx *cg, const PQuery *pq, CgEnv *env, LLVMValueRef table, LLVMBasicBlockRef bb_next,
                          const EventTime *et)
{
    const SSelect *a = pq->agg;
    CgVal *keys = ARENA_NEW_N(cg->arena, CgVal, a->n_group + 1);
    int n_keys = a->n_gsets ? a->n_gkeys : a->n_group; /* the hidden keys: update_sets */
    for (int i = 0; i < n_keys; i++)
        if (i != a->window_group)
            keys[i] = cg_expr(cg, env, a->group[i]);
    CgVal *args = a->aggs_read_gid ? NULL : cg_agg_args(cg, env, pq);
    if (pq->session) {
        session_row(cg, pq, env, bb_next, keys, args, et);
        return;
    }
    if (a->window_group >= 0) {
        window_loop(cg, pq, env, table, bb_next, keys, args, et);
        return;
    }
    update_sets(cg, pq, env, table, keys, args, et, bb_next);
}

void cg_agg_row(CgCtx *cg, const PQuery *pq, CgEnv *env, LLVMValueRef table, LLVMBasicBlockRef bb_next)
{
    EventTime none = {0};
    bool one_row = cg->one_row;
    cg->one_row = true;
    aggregate_row(cg, pq, env, table, bb_next, &none);
    cg->one_row = one_row;
}

/* ==== Generators ==== */

/* A generator: loop over the elements of the block's array or the entries of its map; the
   code that follows runs once per element with *elem bound (a STRUCT of pos and the
   element, or of [pos,] key and value, when it makes several columns; inline's element, a
   STRUCT, is the row itself).  explode_outer
   makes one row of NULLs for a NULL or empty array or map (Spark's GenerateExec with outer).
   Returns the block a finished element goes to (the loop's step); bb_cont is where the
   loop ends. */
static LLVMBasicBlockRef generate(CgCtx *cg, const SSelect *s, const CgEnv *env, LLVMBasicBlockRef bb_cont, CgVal *elem)
{
    const SExpr *x = s->out[s->gen].expr;
    bool columns = x->kind == SX_FIELD; /* several columns: a STRUCT element */
    if (columns)
        x = x->u.field.arg;
    const Type *t = x->u.gen.arg->type;
    CgVal arr = cg_expr(cg, env, x->u.gen.arg);
    /* A NULL array has len 0: no rows, as Spark's explode; one with explode_outer. */
    LLVMValueRef n = arr.len;
    if (x->u.gen.outer)
        n = cg_select(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, n, cg_i32(cg, 0), ""), cg_i32(cg, 1), n);
    LLVMBasicBlockRef bb_step;
    LLVMValueRef i = counted_loop(cg, n, "gen", bb_cont, &bb_step);
    /* out of range (the outer row): NULL elements */
    LLVMValueRef none = LLVMBuildICmp(cg->b, LLVMIntUGE, i, arr.len, "gen.none");
    if (!columns || x->u.gen.in_line) { /* inline: the STRUCT element is the row (NULL: NULLs) */
        *elem = cg_array_elem(cg, x->type, arr, i);
        return bb_step;
    }
    CgVal r = {0};
    r.null = cg_i1(cg, 0);
    r.n_fields = x->type->n_fields;
    r.fields = ARENA_NEW_N(cg->arena, CgVal, r.n_fields);
    int f = 0;
    if (strcmp(x->type->fields[0].name, "pos") == 0) {
        r.fields[f] = cg_null_of(cg, &type_int);
        r.fields[f].null = none;
        r.fields[f++].v = i;
    }
    if (t->kind == TY_MAP) {
        CgVal keys = arr, values = arr;
        values.v = cg_gep(cg, arr.v, LLVMBuildMul(cg->b, LLVMBuildZExt(cg->b, arr.len, cg->t_i64, ""),
                                                  cg_i64(cg, (int64_t)cg_datum_size(cg)), ""), "gen.values");
        r.fields[f++] = cg_array_elem(cg, t->key, keys, i);
        r.fields[f++] = cg_array_elem(cg, t->elem, values, i);
    } else {
        r.fields[f++] = cg_array_elem(cg, t->elem, arr, i);
    }
    *elem = r;
    return bb_step;
}

/* ==== The process function ====
** One per branch of the query (plan_branch): sl_process_<q> reads the query's source,
** sl_process_<q>_<b> the source of branch b of its UNION ALL; each runs its own blocks up to
** the union and then the same blocks, aggregation table and output rows as the others. */

/* Does an expression call something that allocates scratch memory? */
static SWalk allocating_node(const SExpr *e, void *ctx)
{
    (void)ctx;
    return e->kind == SX_CALL || e->kind == SX_CAST || e->kind == SX_CONCAT ? WALK_ABORT
                                                                            : WALK_CONTINUE;
}

static bool expr_allocates(const SExpr *e)
{
    return !sema_walk_expr(e, allocating_node, NULL);
}

static bool block_allocates(const SSelect *s)
{
    if (expr_allocates(s->where))
        return true;
    for (int i = 0; i < s->n_group; i++)
        if (expr_allocates(s->group[i]) || type_is_bytes(s->group[i]->type))
            return true; /* a long string key is built in scratch memory */
    for (int i = 0; i < s->n_agg; i++)
        if (expr_allocates(s->aggs[i].arg) || expr_allocates(s->aggs[i].arg2) ||
            s->aggs[i].distinct)
            return true; /* a DISTINCT tuple's key may be built in scratch memory */
    if (!s->has_agg)
        for (int i = 0; i < s->n_out; i++)
            if (expr_allocates(s->out[i].expr))
                return true;
    return false;
}

/* The per-record scratch needs a reset when a record can allocate from it: string
   columns with escapes, string functions and casts, long string keys. */
static bool record_uses_scratch(const PQuery *pq)
{
    for (int i = 0; i < pq->n_needed; i++)
        if (pq->needed[i] && (type_is_bytes(pq->source->schema.cols[i].type) ||
                              type_is_nested(pq->source->schema.cols[i].type)))
            return true;
    for (int i = 0; i < pq->n_pre; i++)
        if (block_allocates(pq->pre[i]))
            return true;
    return pq->agg && block_allocates(pq->agg);
}

/* What the buffers given to process hold (srt_abi.h, SrtProcessFn). */
typedef enum InputKind { INPUT_JSON, INPUT_CSV, INPUT_TEXT, INPUT_VALUES } InputKind;

static InputKind input_kind(const PQuery *pq)
{
    const SSource *src = pq->source;
    const CmConnector *spec = cm_connector_find(src->connector, 0);
    if (!spec || spec->input == CM_INPUT_VALUES)
        return INPUT_VALUES; /* rate, rate-micro-batch, socket: the runtime makes datums */
    if (src->format && strcmp(src->format, "csv") == 0)
        return INPUT_CSV;
    if (src->format && strcmp(src->format, "text") == 0)
        return INPUT_TEXT;
    return INPUT_JSON;
}

bool cg_reads_json(const PQuery *pq)
{
    return input_kind(pq) == INPUT_JSON;
}

/* A value row: the source's columns as datums (only the needed ones are loaded). */
static void value_row(CgCtx *cg, const PQuery *pq, LLVMValueRef p_slot, LLVMValueRef end,
                      LLVMBasicBlockRef bb_eof, CgVal *cols)
{
    const SSchema *sc = &pq->source->schema;
    uint64_t size = cg_datum_size(cg);
    LLVMBasicBlockRef bb_row = cg_block(cg, "row");
    LLVMValueRef p = cg_load(cg, cg->t_ptr, p_slot, "p");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, p, end, ""), bb_row, bb_eof);
    cg_at(cg, bb_row);
    cg_store(cg, cg_gepc(cg, p, size * (uint64_t)sc->n, "p.next"), p_slot);
    for (int i = 0; i < sc->n; i++) {
        cols[i] = pq->needed[i] ? cg_load_datum(cg, sc->cols[i].type, cg_gepc(cg, p, size * (uint64_t)i, sc->cols[i].name))
                                : cg_null_of(cg, sc->cols[i].type);
        /* a rate source's values: no NULL test, nor a NULL branch of what they feed */
        if (pq->needed[i] && sc->cols[i].never_null)
            cols[i].null = cg_i1(cg, 0);
    }
}

static void test_pred(CgCtx *cg, const PPred *p, const CgEnv *env, LLVMBasicBlockRef bb_cont);

/* The filters over the branch's side of join block s (PPred.join) below its watermark or
   (below false) not, over env, the rows the join reads of that side: a row one of them does
   not keep goes to bb_cont. */
static void join_filters(CgCtx *cg, const PQuery *pq, const SSelect *s, const CgEnv *env,
                         bool below, LLVMBasicBlockRef bb_cont)
{
    const PPushdown *pd = pq->pushdown;
    for (int k = 0; k < pd->n_preds; k++)
        if (pd->preds[k].join && pd->preds[k].block == s && pd->preds[k].below_watermark == below)
            test_pred(cg, &pd->preds[k], env, bb_cont);
}

/* The probe step of the join block s reads, if it reads one (cg_join.c); a stream-stream
   join's step first drops a late row of the branch's side (Spark's
   OneSideHashJoiner: the side's watermark attribute at or before the late-event threshold). */
static LLVMBasicBlockRef join_step(CgCtx *cg, const PQuery *pq, const SSelect *s,
                                   const EventTime *et, LLVMValueRef *tables,
                                   LLVMValueRef *null_rows, CgEnv *env, LLVMBasicBlockRef bb_cont)
{
    /* the filters over the branch's side that stay above its watermark sit below the join:
       before its late-row check or its probe */
    join_filters(cg, pq, s, env, false, bb_cont);
    if (s == pq->ssjoin_block && et->ssj_side >= 0) {
        if (et->ssj_late) {
            CgVal t = env->cols[s->join->wm_col[et->ssj_side]];
            drop_if_late(cg, et->ssj_late, et->ssj_dropped, cg_event_time_us(&t), t.null, bb_cont);
        }
        return cg_ssjoin_row(cg, pq, et->ssj_side, et->ssj_state, et->ssj_logs, env, bb_cont);
    }
    for (int k = 0; k < pq->n_joins; k++)
        if (pq->joins[k].block == s)
            return cg_join_probe(cg, &pq->joins[k], tables[k], null_rows[k], env, bb_cont);
    return bb_cont;
}

/* The handles of a query's state a process function fetches once per call. */
typedef struct Tables {
    LLVMValueRef table;                     /* the aggregation's; NULL if none */
    LLVMValueRef *dd_table;                 /* per PQuery.dedups, DROP DUPLICATES' */
    LLVMValueRef *join_tables, *join_nulls; /* per stream-static join */
} Tables;

/* The DROP DUPLICATES of block s over the records: a late row or a seen key goes to bb_cont. */
static void block_dedup(CgCtx *cg, const PQuery *pq, const SSelect *s, const CgEnv *env,
                        const EventTime *et, const Tables *t, LLVMBasicBlockRef bb_cont)
{
    const PDedup *dd = plan_dedup_of(pq, s);
    int k = (int)(dd - pq->dedups);
    dedup_row(cg, dd, env, et->dedup_late[k], et->dedup_dropped[k], t->dd_table[k], bb_cont,
              bb_cont);
}

/* The aggregation's and DROP DUPLICATES' tables and late thresholds, once per call of a
   function that runs pq's blocks (the join tables are the caller's). */
static void state_setup(CgCtx *cg, const PQuery *pq, bool reads_input, EventTime *et, Tables *t)
{
    memset(t, 0, sizeof *t);
    t->table = pq->agg ? cg_call(cg, "srt_query_agg_table", &cg->q, 1, "table") : NULL;
    if (pq->agg)
        cg_agg_begin(cg, pq, t->table);
    t->dd_table = ARENA_NEW_N(cg->arena, LLVMValueRef, pq->n_dedups + 1);
    for (int k = 0; k < pq->n_dedups; k++)
        t->dd_table[k] = dedup_table(cg, &pq->dedups[k]);
    event_time_setup(cg, pq, reads_input, et);
}

typedef struct WhereTest {
    CgCtx *cg;
    const CgEnv *env;
    LLVMBasicBlockRef bb_cont;
} WhereTest;

/* Test conjunct w: a row it does not keep goes to bb_cont. */
static void where_test(SExpr *w, void *ctx)
{
    const WhereTest *t = ctx;
    LLVMBasicBlockRef pass = cg_block(t->cg, "where.pass");
    LLVMBuildCondBr(t->cg->b, cg_is_true(t->cg, cg_expr(t->cg, t->env, w)), pass, t->bb_cont);
    cg_at(t->cg, pass);
}

/* WHERE w (NULL: none) over env: a row it does not keep goes to bb_cont, the builder stays
   with the rows it keeps.  A condition calling rand, randn or monotonically_increasing_id is
   tested conjunct by conjunct, each only for the rows the ones before kept, as Spark's
   FilterExec evaluates its conjuncts (sema_partition.c); others as a whole. */
static void where_conjuncts(CgCtx *cg, const CgEnv *env, const SExpr *w, LLVMBasicBlockRef bb_cont)
{
    sema_conjuncts(w, sema_has_partition_fn, where_test, &(WhereTest){cg, env, bb_cont});
}

/* The input of pd's block j from its block j - 1's: the outputs a conjunct below the
   watermark reads (PPushdown.reads); the others are never read. */
static CgEnv pushed_env(CgCtx *cg, const PPushdown *pd, int j, const CgEnv *below)
{
    const SSelect *s = pd->blocks[j - 1];
    CgVal *vals = ARENA_NEW_N(cg->arena, CgVal, s->n_out + 1);
    for (int i = 0; i < s->n_out; i++)
        vals[i] = pd->reads[j][i] ? cg_expr(cg, below, s->out[i].expr)
                                  : cg_null_of(cg, s->out[i].expr->type);
    CgEnv env = {0};
    env.cols = vals;
    env.n_cols = s->n_out;
    return env;
}

/* Test conjunct p over env, the input of its block: a row it does not keep goes to
   bb_cont.  A HAVING conjunct reads the grouping keys it reads computed from env; a filter
   over a join's side reads the join's raw space, env the rows of the side. */
static void test_pred(CgCtx *cg, const PPred *p, const CgEnv *env, LLVMBasicBlockRef bb_cont)
{
    if (p->join) {
        CgEnv raw = cg_join_side_env(cg, p->block->join, p->side, env);
        where_conjuncts(cg, &raw, p->expr, bb_cont);
        return;
    }
    if (!p->having) {
        where_conjuncts(cg, env, p->expr, bb_cont);
        return;
    }
    const SSelect *a = p->block;
    CgVal *groups = ARENA_NEW_N(cg->arena, CgVal, a->n_group + 1);
    for (int i = 0; i < a->n_group; i++)
        if (p->keys[i])
            groups[i] = cg_expr(cg, env, a->group[i]);
    CgEnv genv = *env;
    genv.groups = groups;
    where_conjuncts(cg, &genv, p->expr, bb_cont);
}

/* The block reading the source (the branch's filters' first, PPushdown): the conjuncts
   below the watermark of every block of the pushdown (plan_pushdown.c), each over the input
   of its block as the projections below it compute it (only when a conjunct reads it, after
   the conjuncts before; a filter over a join's side over the rows the join reads of it),
   then the row's event time counts, then this block's other conjuncts (block_filters). */
static void source_where(CgCtx *cg, const PQuery *pq, const CgEnv *env, const EventTime *et,
                         LLVMBasicBlockRef bb_cont)
{
    const PPushdown *pd = pq->pushdown;
    CgEnv *envs = ARENA_NEW_N(cg->arena, CgEnv, pd->n_blocks);
    envs[0] = *env;
    int ready = 0;
    for (int k = 0; k < pd->n_preds; k++) {
        const PPred *p = &pd->preds[k];
        if (!p->below_watermark)
            continue;
        for (; ready < p->at; ready++)
            envs[ready + 1] = pushed_env(cg, pd, ready + 1, &envs[ready]);
        test_pred(cg, p, &envs[p->at], bb_cont);
    }
    event_time_row(cg, et, env->cols[pq->watermark_col]);
}

/* The filters of block s over env, its input, that plan_pushdown left there: its WHERE (as
   a whole when s is not among the blocks of the pushdown), then the aggregation's HAVING
   conjuncts on keys. */
static void block_filters(CgCtx *cg, const PQuery *pq, const SSelect *s, const CgEnv *env,
                          LLVMBasicBlockRef bb_cont)
{
    const PPushdown *pd = pq->pushdown;
    if (plan_pushdown_at(pd, s) < 0)
        where_conjuncts(cg, env, s->where, bb_cont);
    for (int k = 0; k < pd->n_preds; k++)
        if (pd->preds[k].block == s && !pd->preds[k].below_watermark && !pd->preds[k].join)
            test_pred(cg, &pd->preds[k], env, bb_cont);
}

/* A streaming global limit at the end of its block (SQuery.row_limit_block): a row it does
   not let through goes to bb_cont (srt_op_limit.c counts). */
static void limit_row(CgCtx *cg, LLVMBasicBlockRef bb_cont)
{
    LLVMValueRef args[2] = {cg->q, cg_i32(cg, PSTATE_LIMIT)};
    LLVMValueRef ok = cg_call(cg, "srt_query_limit_admit", args, 2, "lim.ok");
    LLVMBasicBlockRef bb_ok = cg_block(cg, "lim.through");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntNE, ok, cg_i32(cg, 0), ""), bb_ok, bb_cont);
    cg_at(cg, bb_ok);
}

/* The blocks pre[from..n_pre) of pq over env (the input of pre[from]; joined: its join step
   was done), innermost first, then the aggregation or an output row; a row that is done goes
   to bb_next.  Without an aggregate the last block is the top. */
static void run_blocks(CgCtx *cg, const PQuery *pq, int from, bool joined, CgEnv env,
                       const EventTime *et, const Tables *t, LLVMBasicBlockRef bb_next)
{
    LLVMBasicBlockRef bb_cont = bb_next; /* where a row that is done goes */
    /* A record read from the source: its event time counts in the WHERE of the block that
       reads it (source_where), or at once when the branch has no pushdown. */
    bool split = from == 0 && !joined && pq->pushdown->n_blocks > 0;
    if (et->n && from == 0 && !joined && !split)
        event_time_row(cg, et, env.cols[pq->watermark_col]);
    for (int b = from; b < pq->n_pre; b++) {
        const SSelect *s = pq->pre[b];
        if (split && b == 0) /* a join's block reading the source: before its probe */
            source_where(cg, pq, &env, et, bb_cont);
        if (b > from || !joined)
            bb_cont = join_step(cg, pq, s, et, t->join_tables, t->join_nulls, &env, bb_cont);
        block_filters(cg, pq, s, &env, bb_cont);
        if (s->dedup)
            block_dedup(cg, pq, s, &env, et, t, bb_cont);
        if (s->window && s->window->u.window.session) {
            CgVal *win = ARENA_NEW(cg->arena, CgVal);
            session_projection(cg, pq, &env, s->window, bb_cont, win);
            env.window = win;
        } else if (s->window) {
            CgVal *win = ARENA_NEW(cg->arena, CgVal);
            bb_cont =
                window_begin(cg, pq, &env, s->window, sema_window_count(s->window), bb_cont, win);
            env.window = win;
        }
        if (s->gen >= 0) {
            CgVal *elem = ARENA_NEW(cg->arena, CgVal);
            bb_cont = generate(cg, s, &env, bb_cont, elem);
            env.gen = elem;
        }
        if (s == pq->query->row_limit_block)
            limit_row(cg, bb_cont);
        if (!pq->agg && s == pq->top)
            break;
        env = cg_block_env(cg, s, &env);
    }
    if (pq->agg) {
        if (split && pq->n_pre == 0)
            source_where(cg, pq, &env, et, bb_cont);
        if (from < pq->n_pre || !joined)
            bb_cont = join_step(cg, pq, pq->agg, et, t->join_tables, t->join_nulls, &env, bb_cont);
        block_filters(cg, pq, pq->agg, &env, bb_cont);
        if (pq->agg->dedup)
            block_dedup(cg, pq, pq->agg, &env, et, t, bb_cont);
        aggregate_row(cg, pq, &env, t->table, bb_cont, et);
    } else {
        LLVMValueRef row = cg_call(cg, "srt_out_row", &cg->q, 1, "row");
        cg_store_row(cg, pq, &env, row);
        LLVMBuildBr(cg->b, bb_cont);
    }
}

const char *cg_process_name(CgCtx *cg, int qi, int branch)
{
    return branch ? arena_sprintf(cg->arena, "sl_process_%d_%d", qi, branch)
                  : arena_sprintf(cg->arena, "sl_process_%d", qi);
}

/* Ask for the bytes SRT_PREFETCH_AHEAD (srt_abi.h, 40 KB) past p to be brought into the second
   level cache (llvm.prefetch: a read, locality 2).  The input is read once, front to back, from
   memory that is in no cache (a mapped file's page cache): the hardware's prefetcher, which
   starts afresh at every 4 KB page, left the loop waiting for most lines, and the runtime's
   pass for lone '\r's (cm_lines_lf) waited for all of them.  This far ahead the window the
   runtime settles next (SRT_LF_WINDOW) is in the cache when it does (issue 15, bench/README.md).
   A prefetch never faults: past the buffer's end, or on a page not mapped yet, it is dropped.
   Returns the call (prefetch_near). */
static LLVMValueRef prefetch_ahead(CgCtx *cg, LLVMValueRef p_slot)
{
    static const char name[] = "llvm.prefetch";
    unsigned id = LLVMLookupIntrinsicID(name, sizeof name - 1);
    LLVMTypeRef over = cg->t_ptr;
    LLVMValueRef fn = LLVMGetIntrinsicDeclaration(cg->mod, id, &over, 1);
    LLVMValueRef p = cg_load(cg, cg->t_ptr, p_slot, "p.ahead");
    LLVMValueRef args[4] = {cg_gepc(cg, p, SRT_PREFETCH_AHEAD, "ahead"), cg_i32(cg, 0),
                            cg_i32(cg, 2), cg_i32(cg, 1)};
    return LLVMBuildCall2(cg->b, LLVMIntrinsicGetType(cg->ctx, id, &over, 1), fn, args, 4, "");
}

/* The prefetch of a loop that settles its lines itself (CgCtx.lines_raw), made
   SRT_PREFETCH_NEAR bytes ahead into the first level cache: no pass reads a window before
   it, so only the loop waits (the events benchmark's CPU time, bench/README.md: 4 KB 243 ms,
   2 KB 244, 8 KB 245, the 40 KB of the pass 264; prefetcht1 4 KB 240; both 4 KB and 40 KB
   249). */
static void prefetch_near(CgCtx *cg, LLVMValueRef call)
{
    LLVMValueRef ahead = LLVMGetOperand(call, 0);
    LLVMSetOperand(ahead, LLVMGetNumOperands(ahead) - 1, cg_i64(cg, (int64_t)SRT_PREFETCH_NEAR));
    LLVMSetOperand(call, 2, cg_i32(cg, 3));
}

/* Whether a record reads more than CG_WIDE_RECORD columns. */
static bool record_is_wide(const PQuery *pq)
{
    int n = 0;
    for (int i = 0; i < pq->source->schema.n; i++)
        n += pq->needed[i] != 0;
    return n > CG_WIDE_RECORD;
}

/* i64 (SrtQuery *q, const char *buf, i64 len) */
static LLVMTypeRef process_type(CgCtx *cg)
{
    LLVMTypeRef params[3] = {cg->t_ptr, cg->t_ptr, cg->t_i64};
    return LLVMFunctionType(cg->t_i64, params, 3, 0);
}

LLVMValueRef cg_process_decl(CgCtx *cg, int qi, int branch)
{
    return LLVMAddFunction(cg->mod, cg_process_name(cg, qi, branch), process_type(cg));
}

LLVMValueRef cg_process_fn(CgCtx *cg, const PQuery *query, int qi, int branch)
{
    /* The branch's view of the query (kept: a shared parser remembers its query). */
    PQuery *pq = ARENA_NEW(cg->arena, PQuery);
    *pq = plan_branch(query, branch);
    LLVMValueRef fn = cg_begin_function(cg, cg_process_name(cg, qi, branch), process_type(cg));
    cg->lines_raw = false; /* until its record parser says (cg_json.c shape_record) */
    cg->q = LLVMGetParam(fn, 0);
    LLVMValueRef buf = LLVMGetParam(fn, 1);
    LLVMValueRef len = LLVMGetParam(fn, 2);
    LLVMSetValueName2(cg->q, "q", 1);
    LLVMSetValueName2(buf, "buf", 3);
    LLVMSetValueName2(len, "len", 3);

    LLVMBasicBlockRef bb_setup = cg_block(cg, "setup");
    cg->setup = bb_setup;
    LLVMBasicBlockRef bb_eof = cg_block(cg, "eof");
    LLVMBasicBlockRef bb_next = cg_block(cg, "rec.next");
    cg_at(cg, bb_setup);
    LLVMValueRef end = cg_gep(cg, buf, len, "end");
    LLVMValueRef p_slot = cg_alloca(cg, cg->t_ptr, "p");
    LLVMValueRef rows = cg_alloca(cg, cg->t_i64, "rows");
    cg_store(cg, buf, p_slot);
    cg_store(cg, cg_i64(cg, 0), rows);
    EventTime et;
    Tables tables;
    state_setup(cg, pq, true, &et, &tables);
    ssjoin_setup(cg, query, branch, &et);
    LLVMValueRef *join_tables = ARENA_NEW_N(cg->arena, LLVMValueRef, pq->n_joins + 1);
    LLVMValueRef *join_nulls = ARENA_NEW_N(cg->arena, LLVMValueRef, pq->n_joins + 1);
    cg_join_setup(cg, pq, join_tables, join_nulls);
    InputKind input = input_kind(pq);
    CgRecord rec = {0};
    /* Queries reading the same columns of a JSON source call one parser (cg_parser.c). */
    LLVMValueRef parser = input == INPUT_JSON ? cg_parser_shared(cg, pq, &rec) : NULL;
    if (input != INPUT_VALUES && !parser)
        cg_record_alloc(cg, pq, &rec);

    /* Read one record; the builder continues where it has been read. */
    LLVMBasicBlockRef bb_loop = cg_block(cg, "rec.loop");
    LLVMBuildBr(cg->b, bb_loop);
    cg_at(cg, bb_loop);
    /* Scratch memory of the previous record is released before this one is read:
       decoded strings and nested values of the record live there. */
    if (record_uses_scratch(pq))
        cg_call(cg, "srt_scratch_reset", &cg->q, 1, "");
    LLVMValueRef prefetch = input != INPUT_VALUES ? prefetch_ahead(cg, p_slot) : NULL;
    CgVal *cols = ARENA_NEW_N(cg->arena, CgVal, pq->source->schema.n + 1);
    switch (input) {
    case INPUT_VALUES: value_row(cg, pq, p_slot, end, bb_eof, cols); break;
    case INPUT_CSV: cg_csv_record(cg, pq, &rec, p_slot, end, bb_eof); break;
    case INPUT_TEXT: cg_text_record(cg, pq, &rec, p_slot, end, bb_eof); break;
    case INPUT_JSON:
        if (parser)
            cg_parser_call(cg, parser, &rec, p_slot, end, bb_eof);
        else
            cg_json_record(cg, pq, &rec, p_slot, end, bb_eof);
        break;
    }
    if (cg->lines_raw)
        prefetch_near(cg, prefetch);
    cg_store(cg, LLVMBuildAdd(cg->b, cg_load(cg, cg->t_i64, rows, "n"), cg_i64(cg, 1), "n.next"), rows);
    if (input != INPUT_VALUES)
        cg_record_load(cg, pq, &rec, cols);
    /* A wide record's values are loaded again where they are used (cg_reload.c). */
    LLVMValueRef *loaded = NULL;
    int n_loaded = 0;
    if (input != INPUT_VALUES && record_is_wide(pq)) {
        loaded = ARENA_NEW_N(cg->arena, LLVMValueRef, 3 * pq->source->schema.n + 1);
        for (int i = 0; i < pq->source->schema.n; i++)
            if (pq->needed[i]) {
                loaded[n_loaded++] = cols[i].null;
                loaded[n_loaded++] = cols[i].v;
                loaded[n_loaded++] = cols[i].len;
            }
    }
    CgEnv env = {0};
    env.cols = cols;
    env.n_cols = pq->source->schema.n;

    tables.join_tables = join_tables;
    tables.join_nulls = join_nulls;
    run_blocks(cg, pq, 0, false, env, &et, &tables, bb_next);

    cg_at(cg, bb_next);
    LLVMBuildBr(cg->b, bb_loop);
    cg_at(cg, bb_eof);
    event_time_report(cg, &et);
    LLVMBuildRet(cg->b, cg_load(cg, cg->t_i64, rows, "rows"));
    cg_at(cg, cg->entry);
    LLVMBuildBr(cg->b, bb_setup);
    cg->setup = NULL;
    cg_reload_at_uses(cg, fn, loaded, n_loaded);
    return fn;
}

/* ==== A stream-stream outer join's unmatched rows ==== */

/* The end of a function that runs the pipeline on one row (an outer join's unmatched one):
   its return at bb_ret, its entry on to bb_body, CgCtx.one_row back to one_row. */
static void end_row_fn(CgCtx *cg, const EventTime *et, LLVMBasicBlockRef bb_ret,
                       LLVMBasicBlockRef bb_body, bool one_row)
{
    cg_at(cg, bb_ret);
    event_time_report(cg, et);
    LLVMBuildRetVoid(cg->b);
    cg_at(cg, cg->entry);
    LLVMBuildBr(cg->b, bb_body);
    cg->one_row = one_row;
}

/* A function that runs the pipeline on a row of either side of a stream-stream join: its
   body (the builder there), return and per-side blocks; CgCtx.one_row set, its value before
   in one_row (end_row_fn restores it). */
typedef struct SideRowFn {
    LLVMBasicBlockRef body, ret, side[2];
    bool one_row;
} SideRowFn;

static SideRowFn begin_side_row_fn(CgCtx *cg)
{
    SideRowFn rf = {cg_block(cg, "body"),
                    cg_block(cg, "ret"),
                    {cg_block(cg, "left"), cg_block(cg, "right")},
                    cg->one_row};
    cg->one_row = true;
    cg_at(cg, rf.body);
    return rf;
}

/* base's tables with the stream-static join tables of branch pq, fetched here. */
static Tables branch_tables(CgCtx *cg, const PQuery *pq, const Tables *base)
{
    LLVMValueRef *join_tables = ARENA_NEW_N(cg->arena, LLVMValueRef, pq->n_joins + 1);
    LLVMValueRef *join_nulls = ARENA_NEW_N(cg->arena, LLVMValueRef, pq->n_joins + 1);
    cg_join_setup(cg, pq, join_tables, join_nulls);
    Tables t = {base->table, base->dd_table, join_tables, join_nulls};
    return t;
}

/* The index in pq's blocks of its stream-stream join's. */
static int ssjoin_index(const PQuery *pq, const PQuery *query)
{
    int from = 0;
    while (from < pq->n_pre && pq->pre[from] != query->ssjoin_block)
        from++;
    return from;
}

LLVMValueRef cg_ssjoin_outer_fn(CgCtx *cg, const PQuery *query, int qi)
{
    LLVMTypeRef params[3] = {cg->t_ptr, cg->t_i32, cg->t_ptr};
    LLVMValueRef fn = cg_begin_function(cg, arena_sprintf(cg->arena, "sl_ssjoin_outer_%d", qi),
                                        LLVMFunctionType(cg->t_void, params, 3, 0));
    cg->q = LLVMGetParam(fn, 0);
    LLVMValueRef side = LLVMGetParam(fn, 1), row = LLVMGetParam(fn, 2);
    SideRowFn rf = begin_side_row_fn(cg);
    /* An unmatched row feeds the blocks above the join (an aggregation, DROP DUPLICATES) as
       a joined one does; it is no input row: no event-time statistics. */
    PQuery *top = ARENA_NEW(cg->arena, PQuery);
    *top = plan_branch(query, 0);
    EventTime et;
    Tables base;
    state_setup(cg, top, false, &et, &base);
    LLVMValueRef sw = LLVMBuildSwitch(cg->b, side, rf.ret, 2);
    const SJoin *j = plan_join_of(query, query->ssjoin_block);
    for (int s = 0; s < 2; s++) {
        if (!j->outer[s])
            continue;
        LLVMAddCase(sw, cg_i32(cg, s), rf.side[s]);
        cg_at(cg, rf.side[s]);
        PQuery *pq = ARENA_NEW(cg->arena, PQuery);
        *pq = plan_branch(query, s);
        int from = ssjoin_index(pq, query);
        Tables tables = branch_tables(cg, pq, &base);
        run_blocks(cg, pq, from, true, cg_ssjoin_outer_env(cg, pq, s, row), &et, &tables, rf.ret);
    }
    for (int s = 0; s < 2; s++)
        if (!j->outer[s]) {
            cg_at(cg, rf.side[s]);
            LLVMBuildUnreachable(cg->b);
        }
    end_row_fn(cg, &et, rf.ret, rf.body, rf.one_row);
    return fn;
}

LLVMValueRef cg_ssjoin_row_fn(CgCtx *cg, const PQuery *query, int qi)
{
    LLVMTypeRef params[8] = {cg->t_ptr, cg->t_i32, cg->t_i32, cg->t_ptr,
                             cg->t_i32, cg->t_i64, cg->t_ptr, cg->t_i64};
    LLVMValueRef fn = cg_begin_function(cg, arena_sprintf(cg->arena, "sl_ssjoin_row_%d", qi),
                                        LLVMFunctionType(cg->t_void, params, 8, 0));
    cg->q = LLVMGetParam(fn, 0);
    LLVMValueRef side = LLVMGetParam(fn, 1);
    LLVMValueRef args[6];
    for (int a = 0; a < 6; a++)
        args[a] = LLVMGetParam(fn, 2 + (unsigned)a);
    SideRowFn rf = begin_side_row_fn(cg);
    /* Its event time counted in the task (no statistics here), its late test made there. */
    PQuery *top = ARENA_NEW(cg->arena, PQuery);
    *top = plan_branch(query, 0);
    EventTime et;
    Tables base;
    state_setup(cg, top, false, &et, &base);
    LLVMValueRef sargs[2] = {cg->q, cg_i32(cg, PSTATE_SSJOIN)};
    LLVMValueRef state = cg_call(cg, "srt_query_ssjoin", sargs, 2, "ssj.state");
    LLVMValueRef sw = LLVMBuildSwitch(cg->b, side, rf.ret, 2);
    for (int s = 0; s < 2; s++) {
        LLVMAddCase(sw, cg_i32(cg, s), rf.side[s]);
        cg_at(cg, rf.side[s]);
        PQuery *pq = ARENA_NEW(cg->arena, PQuery);
        *pq = plan_branch(query, s);
        Tables tables = branch_tables(cg, pq, &base);
        CgEnv env = {0};
        LLVMBasicBlockRef bb_next = cg_ssjoin_logged(cg, pq, s, state, args, &env, rf.ret);
        run_blocks(cg, pq, ssjoin_index(pq, query), true, env, &et, &tables, bb_next);
    }
    end_row_fn(cg, &et, rf.ret, rf.body, rf.one_row);
    return fn;
}

/* ==== A full outer join's unmatched build rows ==== */

LLVMValueRef cg_join_unmatched_fn(CgCtx *cg, const PQuery *query, int qi, const PJoin *pj)
{
    LLVMTypeRef params[2] = {cg->t_ptr, cg->t_ptr};
    LLVMValueRef fn =
        cg_begin_function(cg, arena_sprintf(cg->arena, "sl_join_unmatched_%d_%d", qi, pj->id),
                          LLVMFunctionType(cg->t_void, params, 2, 0));
    cg->q = LLVMGetParam(fn, 0);
    LLVMValueRef row = LLVMGetParam(fn, 1);
    bool one_row = cg->one_row;
    cg->one_row = true;
    LLVMBasicBlockRef bb_body = cg_block(cg, "body");
    LLVMBasicBlockRef bb_ret = cg_block(cg, "ret");
    cg_at(cg, bb_body);
    /* The branch whose blocks read the join (its block, or the aggregation: after them all). */
    PQuery *pq = ARENA_NEW(cg->arena, PQuery);
    int from = -1;
    for (int b = 0; b < query->n_branches && from < 0; b++) {
        *pq = plan_branch(query, b);
        for (int i = 0; i < pq->n_pre && from < 0; i++)
            if (pq->pre[i] == pj->block)
                from = i;
    }
    if (from < 0) {
        *pq = plan_branch(query, 0);
        from = pq->n_pre;
    }
    /* An unmatched row is no input row: no event-time statistics. */
    EventTime et;
    Tables tables;
    state_setup(cg, pq, false, &et, &tables);
    tables.join_tables = ARENA_NEW_N(cg->arena, LLVMValueRef, pq->n_joins + 1);
    tables.join_nulls = ARENA_NEW_N(cg->arena, LLVMValueRef, pq->n_joins + 1);
    cg_join_setup(cg, pq, tables.join_tables, tables.join_nulls);
    run_blocks(cg, pq, from, true, cg_join_unmatched_env(cg, pj, row), &et, &tables, bb_ret);
    end_row_fn(cg, &et, bb_ret, bb_body, one_row);
    return fn;
}

/* ==== The update log (DROP DUPLICATES before a split aggregation) ====
** A parallel task of a query whose aggregation follows DROP DUPLICATES over the records
** (plan_agg_logs_updates) makes no update: update_keyed logs each one (srt_vlog_put_update)
** as the bytes of its values in a layout of their own (plan_layout_values): the group keys,
** then the aggregates' arguments as cg_agg_args gives them (each aggregate's, the DISTINCT
** values, the second ones); a value of the NULL type goes as a BOOLEAN (both an i1).  A
** session window's row (session_row) adds its time and its partition (the session slot of
** its keys empty).  The task's DROP DUPLICATES marks each key with where its row's updates
** start in the log, and cuts the updates of keys seen before in the fold (srt_op_dedup.c);
** sl_update_log_<qi> then makes the others on the query's thread, in order, through
** update_keyed (session_update_keyed after the session's bounds are tested).
*/

/* The logged values: the indices in cg_agg_args' array of the arguments logged after the
   group keys (*n_args of them; a session's time and partition follow them), and the layout
   of them all. */
static const PKeyLayout *update_log_layout(CgCtx *cg, const PQuery *pq, int **arg_at, int *n_args)
{
    const SSelect *a = pq->agg;
    int n_values = a->n_agg;
    for (int d = 0; d < pq->n_distinct; d++)
        n_values += pq->distinct[d].n_args;
    int cap = pq->key.n + n_values + a->n_agg + 3;
    const Type **types = ARENA_NEW_N(cg->arena, const Type *, cap + 1);
    int *at = ARENA_NEW_N(cg->arena, int, cap + 1);
    int n = 0;
    for (int k = 0; k < pq->key.n; k++)
        types[n++] = pq->key.slots[k].type;
    int k0 = n;
    for (int i = 0; i < a->n_agg; i++)
        if (a->aggs[i].arg) {
            at[n - k0] = i;
            types[n++] = a->aggs[i].arg->type;
        }
    for (int d = 0; d < pq->n_distinct; d++)
        for (int v = 0; v < pq->distinct[d].n_args; v++) {
            at[n - k0] = pq->distinct[d].first_value + v;
            types[n++] = pq->distinct[d].args[v]->type;
        }
    for (int i = 0; i < a->n_agg; i++)
        if (a->aggs[i].arg2) {
            at[n - k0] = n_values + i;
            types[n++] = a->aggs[i].arg2->type;
        }
    *n_args = n - k0;
    if (pq->session) {
        const SExpr *w = a->group[a->window_group];
        types[n++] = w->u.window.ts->type;
        types[n++] = &type_int;
        if (w->u.window.gap)
            types[n++] = &type_bigint; /* the end of the row's session, in µs */
    }
    for (int i = 0; i < n; i++)
        if (types[i]->kind == TY_NULL)
            types[i] = &type_boolean;
    PKeyLayout *kl = ARENA_NEW(cg->arena, PKeyLayout);
    plan_layout_values(cg->arena, kl, types, n);
    *arg_at = at;
    return kl;
}

/* Log one update of a parallel task: its keys' and arguments' bytes, then a session's time,
   partition and, of a per-row gap, end (extra: NULL, or those). */
static void log_values(CgCtx *cg, const PQuery *pq, const CgVal *keys, const CgVal *args,
                       const CgVal *extra)
{
    int *arg_at, n_args;
    const PKeyLayout *kl = update_log_layout(cg, pq, &arg_at, &n_args);
    CgVal *vals = ARENA_NEW_N(cg->arena, CgVal, kl->n + 1);
    for (int k = 0; k < pq->key.n; k++)
        vals[k] = keys[k];
    for (int i = 0; i < n_args; i++)
        vals[pq->key.n + i] = args[arg_at[i]];
    for (int i = pq->key.n + n_args; i < kl->n; i++)
        vals[i] = extra[i - pq->key.n - n_args];
    LLVMValueRef stack =
        cg_alloca(cg, LLVMArrayType(cg->t_i8, kl->fixed_size + CG_KEY_STACK_BYTES), "ulog.buf");
    LLVMSetAlignment(stack, 16);
    LLVMValueRef len;
    LLVMValueRef bytes =
        cg_build_key(cg, kl, vals, LLVMBuildPointerCast(cg->b, stack, cg->t_ptr, ""), &len);
    LLVMValueRef pargs[3] = {cg->q, bytes, len};
    cg_call(cg, "srt_vlog_put_update", pargs, 3, "");
}

/* Log one update of a parallel task (update_keyed). */
static void log_update(CgCtx *cg, const PQuery *pq, const CgVal *keys, const CgVal *args)
{
    log_values(cg, pq, keys, args, NULL);
}

/* Log a session window's row of a parallel task (session_row): its time ts, its partition
   (the late rows a partition counts once, srt_query_late_session) and the end a per-row gap
   gave it (end, else NULL). */
static void log_session(CgCtx *cg, const PQuery *pq, const CgVal *keys, const CgVal *args, CgVal ts,
                        LLVMValueRef end)
{
    CgVal extra[3] = {ts, {0}, {0}};
    extra[1].null = cg_i1(cg, 0);
    extra[1].v = scan_partition(cg, pq);
    extra[2].null = cg_i1(cg, 0);
    extra[2].v = end;
    log_values(cg, pq, keys, args, extra);
}

/*
** void update_log(SrtQuery *q, const uint8_t *log, u64 len) (SrtUpdateLogFn): a task's
** logged updates, those its DROP DUPLICATES' fold kept, made on q in order: entries of
** (u32 length, u32 0, the values' bytes padded to 8), each through update_keyed (the late
** test, the group, every aggregate), a session window's through session_bounds and
** session_update_keyed.  The batch of a global aggregation begins first, as a process
** call's does.
*/
LLVMValueRef cg_update_log_fn(CgCtx *cg, const PQuery *pq, int qi)
{
    LLVMTypeRef params[3] = {cg->t_ptr, cg->t_ptr, cg->t_i64};
    LLVMValueRef fn = cg_begin_function(cg, arena_sprintf(cg->arena, "sl_update_log_%d", qi),
                                        LLVMFunctionType(cg->t_void, params, 3, 0));
    cg->q = LLVMGetParam(fn, 0);
    LLVMValueRef log = LLVMGetParam(fn, 1), len = LLVMGetParam(fn, 2);
    LLVMBasicBlockRef body = cg_block(cg, "body");
    LLVMBasicBlockRef step = cg_block(cg, "entry.done");
    LLVMBasicBlockRef done = cg_block(cg, "done");
    cg_at(cg, body);
    EventTime et;
    Tables tables;
    state_setup(cg, pq, false, &et, &tables);
    et.logs = NULL;
    CgLogLoop lp = cg_log_loop(cg, log, len, done);
    LLVMValueRef e = lp.entry, at = lp.at, at_p = lp.at_p;
    LLVMValueRef n = LLVMBuildZExt(cg->b, cg_load(cg, cg->t_i32, e, "e.len"), cg->t_i64, "");
    LLVMValueRef size = LLVMBuildAnd(cg->b, LLVMBuildAdd(cg->b, n, cg_i64(cg, 15), ""),
                                     cg_i64(cg, ~(int64_t)7), "e.size");
    cg_store(cg, LLVMBuildAdd(cg->b, at, size, ""), at_p);
    int *arg_at, n_args;
    const PKeyLayout *kl = update_log_layout(cg, pq, &arg_at, &n_args);
    CgVal *vals = ARENA_NEW_N(cg->arena, CgVal, kl->n + 1);
    cg_decode_key(cg, kl, cg_gepc(cg, e, 8, "e.values"), vals);
    const SSelect *a = pq->agg;
    int n_all = a->n_agg;
    for (int d = 0; d < pq->n_distinct; d++)
        n_all += pq->distinct[d].n_args;
    n_all += a->n_agg;
    CgVal *args = ARENA_NEW_N(cg->arena, CgVal, n_all + 1);
    for (int i = 0; i < n_all; i++)
        args[i] = cg_null_of(cg, &type_bigint);
    for (int i = 0; i < n_args; i++)
        args[arg_at[i]] = vals[pq->key.n + i];
    if (pq->session) {
        const SExpr *w = a->group[a->window_group];
        const CgVal *extra = &vals[pq->key.n + n_args];
        LLVMValueRef end;
        if (w->u.window.gap) /* a per-row gap's bounds were tested by the task */
            end = extra[2].v;
        else
            session_bounds(cg, pq, NULL, w, extra[0], step, &end);
        session_update_keyed(cg, pq, vals, args, extra[0].v, end, extra[1].v, &et, step);
    } else {
        update_keyed(cg, pq, tables.table, vals, args, &et, step);
    }
    cg_at(cg, step);
    cg_call(cg, "srt_scratch_reset", &cg->q, 1, "");
    LLVMBuildBr(cg->b, lp.head);
    cg_at(cg, done);
    LLVMBuildRetVoid(cg->b);
    cg_at(cg, cg->entry);
    LLVMBuildBr(cg->b, body);
    return fn;
}
