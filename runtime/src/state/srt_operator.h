/* srt_operator.h - stateful operators of a running query: one object each, behind one vtable.
**
** PostgreSQL's executor/README ("Plan Trees and State Trees") is the model: the registered
** SrtOpDef (srt_int.h, filled by the srt_prog_query_operator calls of generated code) is the
** read-only plan node, and a running query creates one SrtOperator, its state node, from each,
** in pipeline order (upstream first).  The query never asks which kind an operator is; it
** walks its list:
**
**   srt_query_new     check (output mode) -> create
**   every batch       begin_batch -> [generated code updates the state in place through the
**                     handle op->state, with direct calls such as srt_agg_upsert: no indirect
**                     call per record] -> output (the operator whose groups are the batch's
**                     rows, by output mode) -> cut_rows (a limit) -> sink -> save (evict what the
** watermark made final
**                     or expired, write state version batch + 1) -> progress
**   restart           restore (the state version the next batch starts from)
**   srt_query_free    destroy
**
** Checkpoint: an operator's state lives in state/<def->id>/ (srt_ckpt.c writes and replays
** its versions; srt_ckpt_schema.c checks state/<id>/_metadata/schema against def->schema).
** The numbering is the ABI's (SRT_OP_AGG, SRT_OP_DEDUP, ...), fixed per operator so existing
** checkpoints restart unchanged.  Implementations: srt_op_agg.c (group table), srt_op_dedup.c
** (DROP DUPLICATES keys), srt_op_session.c (session windows), srt_op_ssjoin.c (stream-stream
** joins), srt_op_limit.c (LIMIT in Append mode); docs/architecture.md, "Adding an
** operator", says how to add one.
*/
#ifndef SRT_OPERATOR_H
#define SRT_OPERATOR_H

#include "srt_int.h"

/* The numbers of one operator for the current batch (Spark's StateOperatorProgress). */
typedef struct SrtOpStats {
    int64_t dropped;       /* numRowsDroppedByWatermark */
    int64_t updated;       /* numRowsUpdated */
    int64_t removed;       /* numRowsRemoved */
    int64_t removal_us;    /* allRemovalsTimeMs */
    int64_t commit_us;     /* commitTimeMs */
    int64_t rows_at_start; /* rows held when the batch began */
} SrtOpStats;

typedef struct SrtOperatorVt {
    /* Spark's operator names (shortName) this kind registers its state schema with; the
       first is the one progress reports for an operator registered without a schema. */
    const char *const *names;
    const char *label; /* what messages call it: "aggregation", "deduplication" */
    int aggregates;    /* a streaming aggregation: complete mode needs one, and in complete
                          mode it keeps every group (no late rows, no eviction) */
    /* Is the definition valid under the query's output mode?  0 or -SRT_ERR_QUERY; NULL:
       under every mode. */
    int (*check)(const SrtOpDef *d, SrtOutMode mode, SrtErr *err);
    /* Build op->state for op->def (op->q set).  0 or -err. */
    int (*create)(SrtOperator *op, SrtErr *err);
    /* A batch starts (op->st was zeroed).  0 or -err with op->q->err set; NULL: nothing
       to do. */
    int (*begin_batch)(SrtOperator *op);
    /* The batch's output rows by output mode (srt_out_row + the query's emit function);
       NULL for an operator whose rows are not the output (deduplication).  Runs under the
       batch's guard.  0 or -err with op->q->err set. */
    int (*output)(SrtOperator *op);
    /* After the output step and ORDER BY, before the sink: cut the batch's rows (q->rows,
       q->n_rows; a streaming global limit), on the query's thread.  0 or -err with
       op->q->err set; NULL: the operator leaves them. */
    int (*cut_rows)(SrtOperator *op);
    /* Does a watermark move alone shrink the state or change the output (then a no-data
       batch runs, Spark's shouldRunAnotherBatch)? */
    int (*watermark_cleans)(const SrtOperator *op);
    /* After the sink wrote batch q->batch_id: evict what is final or expired and, with a
       checkpoint (q->ckpt), write state version batch_id + 1.  0 or -err with q->err set. */
    int (*save)(SrtOperator *op);
    /* Load state version `version` (> 0) from q->ckpt.  0 or -err. */
    int (*restore)(SrtOperator *op, int64_t version, SrtErr *err);
    /* The numbers of progress (operator_name is filled by the caller).  idle: a trigger
       that ran no batch (only total rows and memory). */
    void (*progress)(const SrtOperator *op, int idle, SrtStateOpProgress *out);
    void (*destroy)(SrtOperator *op);
    /* --threads (srt_par.c): fold task, the operator of a parallel task's worker query (its
       rows are task->q's), into op, on op's query's thread, the tasks strictly in input
       order, so that op ends as one thread would have left it; task->q's rows may be cut
       (DROP DUPLICATES keeps the rows of the keys new to op).  0 or -err with op->q->err
       set.  NULL: the kind's batches run on one thread. */
    int (*fold)(SrtOperator *op, SrtOperator *task);
    /* Empty a task's operator for its next task (op->st is zeroed by the caller). */
    void (*task_clear)(SrtOperator *task);
} SrtOperatorVt;

struct SrtOperator {
    const SrtOperatorVt *vt;
    const SrtOpDef *def; /* borrowed from the query's definition */
    SrtQuery *q;         /* borrowed */
    void *state;         /* owned: what generated code updates (SrtAggTable *, SrtSessions *) */
    SrtOpStats st;
    SrtAggTable *late; /* owned, NULL until needed: the batch's late groups of a window
                          aggregation (srt_query_late_group), emptied each batch */
};

extern const SrtOperatorVt srt_op_agg_vt;     /* SRT_OPK_AGGREGATE */
extern const SrtOperatorVt srt_op_dedup_vt;   /* SRT_OPK_DEDUPLICATE */
extern const SrtOperatorVt srt_op_session_vt; /* SRT_OPK_SESSION_WINDOW */
extern const SrtOperatorVt srt_op_ssjoin_vt;  /* SRT_OPK_SSJOIN */
extern const SrtOperatorVt srt_op_limit_vt;   /* SRT_OPK_GLOBAL_LIMIT */

/* The join's output watermark (ms) for its input watermark wm_ms: the lowest of wm_ms and its
   sides' state watermarks (StreamingSymmetricHashJoinExec.produceOutputWatermark). */
int64_t srt_op_ssjoin_output_watermark(const SrtOperator *join, int64_t wm_ms);
/* The bytes the chunks of the join's side hold its rows in (its slab; memoryUsedBytes counts
   the rows' own bytes). */
size_t srt_op_ssjoin_chunk_bytes(const SrtOperator *join, int side);

/* Empty op's late groups for a new batch or task (srt_event.c). */
void srt_event_clear_late(SrtOperator *op);
/* Fold a parallel task's numRowsDroppedByWatermark and late groups into op's, a group late
   in several tasks counting once.  0 or -SRT_ERR_NOMEM. */
int srt_event_fold_late(SrtOperator *op, const SrtOperator *task);

/* The implementation of a kind; NULL for a number that is no SRT_OPK_*. */
const SrtOperatorVt *srt_operator_vt(int32_t kind);
/* What messages call the operator numbered id whose state schema names spark_name (NULL:
   unknown): the label of the kind registering that name, else of the kind that number
   has, else "stateful operator". */
const char *srt_operator_label(int32_t id, const char *spark_name);

/* Create the operators of defs[0..n) on q in that order (q->ops, q->op_by_id).  On failure
   the operators created so far stay on q for srt_query_ops_free. */
int srt_query_ops_create(SrtQuery *q, const SrtOpDef *defs, uint32_t n, SrtErr *err);
void srt_query_ops_free(SrtQuery *q);

/* The operator numbered id, or NULL. */
static inline SrtOperator *srt_query_op(const SrtQuery *q, int32_t id)
{
    return id >= 0 && (uint32_t)id < q->n_op_ids ? q->op_by_id[id] : NULL;
}

/* ---- For implementations ---- */

/* Replay version `version` of op's state through fn; a record fn refuses is reported with
   the file and record (from the store) and why (from fn, in op->q->err). */
int srt_op_load(SrtOperator *op, int64_t version, SrtStateLoadFn fn, void *ctx, SrtErr *err);
/* A group table's state (aggregation, deduplication): put/delete records on restore. */
int srt_op_table_restore(SrtOperator *op, SrtAggTable *t, int64_t version, SrtErr *err);
/* Whether state version `version` is written whole (a snapshot, every 10th version) rather
   than as a delta against version - 1: the rule of every operator that writes deltas. */
int srt_op_snapshot_due(int64_t version);
/* After the sink: evict the groups of t for which gone(op, key, state) holds when evict is
   set, and write the table's next state version with a checkpoint: a delta of the updated
   and removed groups, or every 10th version a snapshot.  Sets op->st removed and times. */
typedef int (*SrtOpGoneFn)(const SrtOperator *op, const uint8_t *key, uint32_t key_len,
                           const uint8_t *state);
int srt_op_table_save(SrtOperator *op, SrtAggTable *t, int evict, SrtOpGoneFn gone);
/* End the write of a state version begun at t0 (srt_ckpt_state_begin gave w, NULL if it
   failed): commit w when rc >= 0, else abort it; sets op->st.commit_us and, on failure,
   q->err.  Returns rc or the commit's result. */
int srt_op_state_end(SrtOperator *op, SrtStateWriter *w, int rc, int64_t t0);
/* The numbers of the batch that op->st holds (updated, removed, times, dropped). */
void srt_op_batch_progress(const SrtOperator *op, SrtStateOpProgress *out);
/* A group table's numbers (aggregation, deduplication: op->state is the SrtAggTable). */
void srt_op_table_progress(const SrtOperator *op, int idle, SrtStateOpProgress *out);
/* The rules an aggregation and a session window share: append mode needs an event-time
   key; a watermark move changes the output unless in complete mode. */
int srt_op_agg_check(const SrtOpDef *d, SrtOutMode mode, SrtErr *err);
int srt_op_agg_watermark_cleans(const SrtOperator *op);
/* The updates a parallel task of op's query logged (srt_vlog_put_update; those DROP
   DUPLICATES' fold kept) made on the query by its update log function, under a guard: 0, or
   -code when it failed the query (out of memory, a row's error). */
int srt_op_make_updates(SrtOperator *op, SrtOperator *task);
/* A task's value log l replayed into q's groups (SrtReplayFn: the task's i-th group is
   groups[i]), each input's entries with q->cur_what its name (srt_vlog_each). */
void srt_op_replay(SrtQuery *q, const SrtValueLog *l, uint8_t **groups, size_t n);
/* One output row from a group through the query's emit function (HAVING may reject it).
   0, or -SRT_ERR_QUERY when the query failed. */
int srt_output_emit(SrtQuery *q, const uint8_t *key, uint32_t key_len, uint8_t *state);
/* A group that op outputs (an aggregation's or a session's): its row (srt_output_emit), or,
   when an aggregation follows op in the query's list (a level above it, plan_levels.c), that
   level's update through op's emit function, which makes no row. */
int srt_op_emit_group(SrtOperator *op, const uint8_t *key, uint32_t key_len, uint8_t *state);

#endif
