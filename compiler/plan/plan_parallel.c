/* plan_parallel.c - may a query's batches be split across threads (the runtime's srt_par.c)?
**
** Split, a batch runs as tasks over runs of whole input lines (one or more whole files for
** csv with multiLine = true, whose records span lines, as Spark reads such a file in one
** partition: MultiLineCSVDataSource), each into rows and a group table of its own, folded
** into the query in input order: rows appended, each group's state combined with the
** aggregation's merge function (cg_merge_fn).  The result is one thread's, byte for byte,
** only when every fold is exact:
**   - count, sum of integers (two's complement addition, wrapping as Spark's does without
**     ANSI mode), min and max, first and last, max_by and min_by, of any value, a struct or
**     an array too (their buffers merge as Spark's First/Last/MaxMinBy do; a string or a
**     nested value's bytes taken from a task are copied into the state's table, a nested
**     value compared with the query's types: the merge function gets the query),
**     approx_count_distinct (registers: max);
**   - a sum or average in floating point, DECIMAL or an interval, try_sum/try_avg (of
**     BIGINT, an interval), stddev, variance, skewness, kurtosis, corr, the covariances and regr_*
**     (plan_agg_replays): a fold of partial sums would round (or overflow) where a task
**     starts, so a task does not update them: it logs each non-NULL value with its
**     task-local group (srt_vlog_put), and the fold, once the task's groups are merged
**     (each task group mapped to the state's group), starts the batch's partial buffer of
**     each of those groups (begin_batch, as their first row of the batch does) and replays
**     the log into the state with the update one thread makes, in input order; the order
**     of updates of each group's aggregate, and every rounding and overflow flag, is one
**     thread's.  In a session window a task's row logs its value with its point [ts, ts]
**     (srt_op_session.c): the task's points merge into the query's batch table leaving
**     these aggregates as they are, then the log is replayed into the query's points in
**     input order, so each point's partial aggregate adds its rows in arrival order, as one
**     thread does.  An interval sum or average without try_ fails the query where its sum
**     overflows: at the fold, on the query's thread, at the value one thread fails at, the
**     task's log replayed input by input with each input's name for the message
**     (srt_vlog_each); a task that failed at a later record of its own has the entries it
**     logged before that record folded first (srt_par.c fold_failed), so the overflow is
**     the query's error, as on one thread;
**   - collect_list, percentile (median, percentile_cont/disc) and mode keep their values in
**     order of arrival (Spark's CollectList is an ArrayBuffer; sluice keeps Percentile's and
**     Mode's values as a list too, their OpenHashMap counts made from it at the output), so
**     a task's values of a group, appended after the earlier tasks' (srt_collect_fold), are
**     one thread's; collect_set's task inserts its rows into a set of its own, keeping each
**     element first of its kind in insertion order, and the fold inserts those in that order
**     into the query's set (after the batch's mark): a row is kept when no equal element is
**     there, which for elements whose equality implies equal hashCodes depends on the
**     elements alone, so the query's set sees one thread's insertions (not a FLOAT or DOUBLE
**     set: -0.0 == 0.0, two hashCodes, is met only when the probe of Scala's FlatHashTable
**     reaches the other, which depends on the slots).  In a session window they do not
**     fold: its points merge their values as Spark merges sessions (srt_collect_merge);
**   - percentile_approx (ApproximatePercentile's QuantileSummaries compress at points that
**     depend on where a task starts), histogram_numeric (NumericHistogram merges bins as
**     values arrive), a collect_set of FLOAT or DOUBLE (above) and a DISTINCT aggregate its
**     tuple cannot update have the aggregation's updates logged, as after DROP DUPLICATES
**     (below, without keys to cut);
**   - DROP DUPLICATES over the records (no aggregation after it) splits: each task keeps the
**     rows whose key is the first of its kind in the task (a task-local set of keys, late rows
**     dropped against the batch's fixed threshold), each marked with the row it starts at;
**     the fold tests them, in input order, against the query's set (srt_op_dedup.c), keeping
**     a key's rows only when it is new there, which is what one thread decides row by row.
**     Over an aggregation's rows it runs at the output, on the query's thread;
**   - DROP DUPLICATES over the records before an aggregation (plan_agg_logs_updates) splits
**     too, but the fold cannot take a group's update back once merged, so a task updates no
**     group: each update of a row the task's set lets through (one per window of a sliding
**     window, per grouping set) is logged, its group key and every aggregate argument, NULLs
**     included, as exact bytes (plan_layout_values), and each key of the task's set is
**     marked with where its row's updates start in the log.  The fold cuts the updates of
**     the keys seen before as it cuts rows, then makes the others on the query's thread in
**     input order with the code one thread runs: the late test by the event-time key (a
**     late group counted once in the batch, as one thread counts it), the group found or
**     created (so groups are created in the order of their first kept row), every aggregate
**     updated; a global aggregation's batch begun first.  Every aggregate splits this way,
**     collect_list, collect_set, percentile, DISTINCT and interval ones included (an
**     overflow as above).  A session window's row logs its time and partition with
**     its keys and arguments, and the query's thread tests its bounds, drops it if late and
**     adds it to its point (key, timestamp) of the batch table, as one thread does;
**   - not an aggregate that does not fold (percentile_approx, histogram_numeric, collect_set
**     of FLOAT or DOUBLE, any collection in a session window, a DISTINCT one not updated from
**     its values alone) without DROP DUPLICATES before it: the query's thread would make
**     every row's update from the log, so tasks would add only the log's cost;
**   - a session window splits under the aggregation's rule: a batch's rows are first
**     aggregated apart per key and timestamp (srt_op_session.c), so each task's partial
**     sessions [ts, ts] fold into the query's batch table with the merge function, in task
**     order (the keys' order is one thread's), then its logged values are replayed (above),
**     before the batch is merged into the state;
**   - a stream-stream join splits before its join (plan_splits_at_join): each row probes
**     and updates both sides' state in order (StreamingSymmetricHashJoinExec: the left
**     input against the right state, then the right input against the left state holding
**     the batch's left rows), so a task reads, parses, filters and projects its side's rows,
**     drops its late ones and makes each one's key bytes, hash and eviction time, and logs
**     the row (srt_ssjoin_log) instead of joining it; the fold joins the logged rows on the
**     query's thread in input order (sl_ssjoin_row_<q>), and what follows the join (an
**     aggregation of any aggregate, DROP DUPLICATES, the output rows) runs there as on one
**     thread, so no aggregation of such a query is merged, replayed or logged;
**   - the levels of an aggregation over an aggregation above the first are updated from its
**     groups at the batch's output, on the query's thread, so only the first is split and
**     merged;
**   - a DISTINCT aggregate splits when its value comes from its tuple (plan_distinct_folds):
**     a task keeps the tuples it meets first in a set of its own, in order, and updates no
**     DISTINCT aggregate; the fold, after the task's groups are merged, tests them in that
**     order against the query's set and updates the aggregates of each new one on the
**     query's thread, which is the order of updates one thread makes (so even a DOUBLE sum
**     of distinct values is one thread's); batch queries only, so no checkpoint keeps them;
**   - no rand(), randn() or monotonically_increasing_id() (SQuery.sequence_fns): each call's
**     generator or count runs through a partition's rows in order, which a task would
**     restart; spark_partition_id() splits (each task's segments carry their file);
** A static-table join is probed read-only, so it does not prevent a split; a full outer join
** of two tables marks the build rows its tasks matched in the one table (a union, so the
** marks are one thread's whatever the tasks' order: srt_join_matched), and its unmatched
** rows follow every probe row, made on the query's thread once every task is folded;
** the build side of one (a batch query run once per version of its table, srt_join.c) splits
** too: its rows stay in its workers' memory until the join frees it with its next version.
** Every source splits: lines of text (files) are read into buffers the tasks keep, rows of
** values (socket, kafka) are copied with what they point to, and a rate source's rows, a pure
** function of their index (SrtRowRun), are not made on the query's thread at all: a task is a
** range of row indices, whose rows it makes and processes on its own thread.
*/
#include "plan/plan.h"

/* Is a collect_set's element compared by value where its hashCodes may differ (-0.0 and 0.0:
   equal, two hashCodes, so whether one is dropped depends on the table's slots, not on the
   set's contents)? */
static bool set_of_fp(const SAgg *a)
{
    TypeKind k = a->type->elem->kind; /* the set's ARRAY<T> */
    return k == TY_FLOAT || k == TY_DOUBLE;
}

/* Does aggregate a of an aggregation (a session window: session) fold exactly (see above;
   aggregates.def's merge column)?  A max_by/min_by tie takes the later row, and the later
   partial (MaxMinBy.merge); a digest's merge depends on the order of the partials. */
static bool agg_merges_exactly(const SAgg *a, bool session)
{
    if (a->distinct || plan_agg_replays(a)) /* updated on the query's thread (see above) */
        return true;
    switch (sema_agg_info(a->kind)->merge) {
    case AGGM_EXACT:
        return true;
    case AGGM_NEVER:
        return false;
    case AGGM_BIGINT:
        return a->type->kind == TY_BIGINT;
    case AGGM_ORDER: /* a session's points merge their values as Spark merges sessions */
        return !session;
    case AGGM_ORDER_NOT_FP:
        return !session && !set_of_fp(a);
    }
    return false;
}

bool plan_agg_replays(const SAgg *a)
{
    SAggBody body = sema_agg_info(a->kind)->body;
    if (a->distinct)
        return false;
    if (body == AGGB_MOMENTS)
        return true;
    return (body == AGGB_SUM || body == AGGB_AVG) && sema_agg_info(a->kind)->merge != AGGM_EXACT &&
           !(sema_agg_info(a->kind)->merge == AGGM_BIGINT && a->type->kind == TY_BIGINT);
}

/* Does pq's DROP DUPLICATES see the records (rather than an aggregation's rows at output)? */
static bool dedup_per_record(const PQuery *pq)
{
    const SSelect *dd = pq->dedups[0].block;
    if (!pq->agg || dd == pq->agg)
        return true;
    for (int b = 0; b < pq->n_branches; b++)
        for (int i = 0; i < pq->branches[b].n_pre; i++)
            if (pq->branches[b].pre[i] == dd)
                return true;
    return false;
}

bool plan_dedup_before_agg(const PQuery *pq)
{
    return pq->n_dedups == 1 && pq->agg && dedup_per_record(pq);
}

/* Does aggregate a of pq fold from a task's partial state, or its DISTINCT tuples, exactly? */
static bool agg_folds(const PQuery *pq, const SAgg *a)
{
    return a->distinct ? plan_distinct_folds(a) : agg_merges_exactly(a, pq->session);
}

/* Does a split batch's task log pq's aggregation's updates (plan_agg_logs_updates): after
   DROP DUPLICATES over the records, or with an aggregate that does not fold (see above)? */
static bool agg_logs(const PQuery *pq)
{
    if (!pq->agg)
        return false;
    if (plan_dedup_before_agg(pq))
        return true;
    for (int i = 0; i < pq->agg->n_agg; i++)
        if (!agg_folds(pq, &pq->agg->aggs[i]))
            return true;
    return false;
}

bool plan_agg_logs_updates(const PQuery *pq)
{
    return !pq->serial && !pq->ssjoin_block && agg_logs(pq);
}

bool plan_splits_at_join(const PQuery *pq)
{
    return pq->ssjoin_block && !pq->serial;
}

const char *plan_serial_reason(Arena *arena, const PQuery *pq)
{
    if (pq->query && pq->query->sequence_fns)
        return "rand(), randn() or monotonically_increasing_id() (a sequence per partition)";
    if (pq->query && pq->query->row_limit_block) /* srt_op_limit.c: asked per record */
        return "a LIMIT below other operators, which lets the stream's first rows through";
    if (pq->ssjoin_block) /* what follows the join runs on the query's thread */
        return NULL;
    /* A task's fold decides one deduplication's keys in input order (srt_op_dedup.c); a row
       that a second one drops in a task may be the first of its key there once the query's
       keys dropped the row before it in the first. */
    if (pq->n_dedups > 1)
        return "more than one DROP DUPLICATES, each deciding on the rows the one before kept";
    /* An aggregate that does not fold, with no DROP DUPLICATES before it to thin the rows in
       the tasks: the query's thread makes every row's update, and a split only adds the log
       (bench/events_collect.sql: 0.30 s on one thread, 0.42 s split in two). */
    if (pq->agg && !plan_dedup_before_agg(pq))
        for (int i = 0; i < pq->agg->n_agg; i++)
            if (!agg_folds(pq, &pq->agg->aggs[i])) {
                const SAgg *a = &pq->agg->aggs[i];
                const char *of =
                    !a->distinct && !pq->session && a->kind == AGG_COLLECT_SET
                        ? arena_sprintf(arena, " of %s", type_name(arena, a->type->elem))
                        : "";
                return arena_sprintf(arena,
                                     "%s%s%s does not merge: its updates are made in input "
                                     "order on the query's thread",
                                     sema_agg_name(a->kind), a->distinct ? " DISTINCT" : "", of);
            }
    return NULL; /* every aggregate folds or is replayed, or DROP DUPLICATES logs the updates */
}
