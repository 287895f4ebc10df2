/* sema_stream.c - what a stream cannot do: Spark's UnsupportedOperationChecker, one function per
** rule.
**
** Each rule reports at the construct to change, with Spark's own sentence so a
** Spark user recognises it (structured-streaming-semantics.md section 1).  Rules
** run after the query's blocks are bound; the two that live inside expressions
** (count(DISTINCT ...) and OVER) are called by the binder.  A query that reads
** no stream gets only the "without streaming sources" refusal.  Where sluice is
** stricter than Spark the message says "yet".
** Must not: change the bound trees.
*/
#include <string.h>
#include <strings.h>

#include "common/cm_connectors.h"
#include "sema/sema_int.h"

/* ==== Helpers ==== */

/* Pairs the AST and bound form of each block of a query, outermost first. */
typedef struct Chain {
    const AstSelect *ast[16];
    SSelect *sel[16];
    int n;
} Chain;

static void build_chain(Chain *c, const AstSelect *ast, SSelect *sel)
{
    c->n = 0;
    while (ast && sel && c->n < 16) {
        c->ast[c->n] = ast;
        c->sel[c->n] = sel;
        c->n++;
        if (sel->join) { /* on through the probe side of a join: the stream's */
            ast = sel->join->probe_ast;
            sel = sel->join->probe_sub;
            continue;
        }
        ast = ast->from && ast->from->kind == FROM_SUBQUERY ? ast->from->sub : NULL;
        sel = sel->sub;
    }
}

static bool subtree_aggregates(const SSelect *s)
{
    for (; s; s = s->sub)
        if (s->has_agg)
            return true;
    return false;
}

/* Spark's containsCompleteData for a Sort: an Aggregate below it.  It runs on the analyzed
   plan (ResolveWriteToStream), where a SELECT DISTINCT (a plain UNION) is still a Distinct
   node, which it does not count (UnsupportedOperationChecker.checkForStreaming). */
static bool subtree_aggregates_sorted(const SSelect *s)
{
    for (; s; s = s->sub)
        if (s->has_agg && !s->distinct_group)
            return true;
    return false;
}

/* Where an aggregation shows: the UNION of a plain UNION, its GROUP BY, else its first aggregate
   call, else the block. */
static SrcSpan agg_span(const AstSelect *a, const SSelect *s)
{
    if (a->distinct && (a->set_op || s->distinct_group)) /* a plain UNION or SELECT DISTINCT */
        return a->distinct_span;
    if (a->group_by.n > 0)
        return a->group_by_span;
    if (s->n_agg > 0)
        return s->aggs[0].span;
    return a->having ? a->having->span : a->span;
}

/* UnsupportedOperationChecker.checkStreamingQueryGlobalWatermarkLimit's message. */
#define CORRECTNESS_MSG                                                                            \
    "Detected pattern of possible 'correctness' issue due to global watermark. The query "         \
    "contains stateful operation which can emit rows older than the current watermark plus "       \
    "allowed late record delay, which are \"late rows\" in downstream stateful operations and "    \
    "these rows can be discarded. Please refer the programming guide doc for more details. If "    \
    "you understand the possible risk of correctness issue and still need to run the query, "      \
    "you can disable this check by setting the config "                                            \
    "`spark.sql.streaming.statefulOperator.checkCorrectness.enabled` to false."

/* ==== Rules found while binding expressions ==== */

/* Spark rule 5: count(DISTINCT x), sum(DISTINCT x), ... */
void sema_stream_refuse_distinct_agg(SemaCtx *sc, const AstExpr *call)
{
    diag_error(sc->diag, call->span,
               "Distinct aggregations are not supported on streaming DataFrames/Datasets. "
               "Consider using approx_count_distinct() instead.");
}

/* Spark rule 10: f(...) OVER (...) (Spark <= 3.4 wording). */
void sema_stream_refuse_over(SemaCtx *sc, const AstExpr *call)
{
    if (sc->batch_query) {
        diag_error(sc->diag, call->span, "window functions (OVER) are not supported yet");
        return;
    }
    diag_error(sc->diag, call->span,
               "Non-time-based windows are not supported on streaming DataFrames/Datasets");
}

/* ==== Rules on the query ==== */

/* The innermost block of a chain of FROM subqueries: the one that names the input. */
static const AstSelect *leaf_block(const AstSelect *a)
{
    while (a->from && a->from->kind == FROM_SUBQUERY && a->from->sub)
        a = a->from->sub;
    return a;
}

bool sema_stream_reads_table(SemaCtx *sc, const AstSelect *a)
{
    return !leaf_block(a)->from || sema_from_streaming(sc, a->from) == 0;
}

/* A query must read a stream: FROM a source somewhere down its chain of subqueries.
   Returns false if it does not (reported) or its source did not resolve (already reported). */
static bool rule_streaming_source(SemaCtx *sc, const AstSelect *top)
{
    const AstSelect *a = leaf_block(top);
    const char *msg =
        "Queries without streaming sources cannot be executed with writeStream.start()";
    if (!a->from) {
        diag_error(sc->diag, a->span, "%s", msg);
        return false;
    }
    if (a->from->kind == FROM_JOIN) {
        int streaming = sema_from_streaming(sc, a->from);
        if (streaming == 0)
            diag_error(sc->diag, a->from->span, "%s", msg);
        return streaming == 1;
    }
    if (a->from->kind != FROM_NAME)
        return false;
    SSource *src = sema_find_source(sc, a->from->name);
    if (!src)
        return false;
    if (src->is_static) {
        if (sema_from_streaming(sc, top->from) == 1)
            return true; /* a UNION ALL of this table and a stream: rule_union */
        diag_error(sc->diag, a->from->span, "%s", msg);
        return false;
    }
    return true;
}

/* SELECT DISTINCT over an aggregation (sema_select.c lowers the others to a GROUP BY): Spark's
   Distinct over an Aggregate, two stateful operators.  In update and complete mode the
   aggregation below emits rows older than the watermark
   (checkStreamingQueryGlobalWatermarkLimit: a Distinct is a stateful operation); in append
   mode sluice runs the chain when written as a FROM subquery. */
static void rule_distinct(SemaCtx *sc, const SQuery *q, const AstSelect *a, const SSelect *s,
                          bool mode_known)
{
    if (!a->distinct || a->set_op || s->distinct_group || !s->has_agg || !mode_known)
        return;
    if (q->mode != MODE_APPEND)
        diag_error(sc->diag, agg_span(a, s), "%s", CORRECTNESS_MSG);
    else
        diag_error(sc->diag, a->distinct_span,
                   "SELECT DISTINCT over an aggregation is not supported yet on streaming "
                   "DataFrames/Datasets; select DISTINCT from the aggregation as a FROM "
                   "subquery");
}

/* Spark rule 7 (UnsupportedOperationChecker: a GlobalLimit or LocalLimit over a stream in
   Update mode); the other modes are stream_limit's. */
static void rule_limit(SemaCtx *sc, const SQuery *q, const AstSelect *a, bool mode_known)
{
    if (a->limit && mode_known && q->mode == MODE_UPDATE)
        diag_error(
            sc->diag, a->limit_span,
            "Limits are not supported on streaming DataFrames/Datasets in Update output mode");
}

/* LIMIT n's n: Spark's CheckAnalysis.checkLimitLikeClause wants a foldable, non-negative
   integer; sluice takes an integer literal.  False when it reported. */
static bool limit_value(SemaCtx *sc, const AstSelect *a, int64_t *out)
{
    const AstExpr *e = a->limit;
    if (e->kind != AST_INT) {
        diag_error(sc->diag, e->span,
                   "The limit expression must be an integer literal in sluice (Spark: must "
                   "evaluate to a constant value)");
        return false;
    }
    if (e->u.ival < 0 || e->u.ival > INT32_MAX) {
        diag_error(sc->diag, e->span,
                   "The limit expression must be equal to or greater than 0, but got %lld",
                   (long long)e->u.ival);
        return false;
    }
    *out = e->u.ival;
    return true;
}

/* Does block s make one row per input row, in their order (a projection: no WHERE,
   aggregation, DROP DUPLICATES, join, union, generator or window expansion, no sort)?  A
   LIMIT below such blocks only limits the query's rows. */
static bool block_projects(const SSelect *s)
{
    return !s->where && !s->has_agg && !s->dedup && !s->join && s->n_branches == 0 && s->gen < 0 &&
           !s->window && s->n_order == 0;
}

/* Is there an aggregation in block i of the chain or below it? */
static bool aggregates_from(const Chain *c, int i)
{
    for (int j = i; j < c->n; j++)
        if (c->sel[j]->has_agg)
            return true;
    return false;
}

static const AstSelect *limit_in_select(const AstSelect *a);

/* The first LIMIT in a FROM item's subqueries (their chains, branches and joins), or NULL. */
static const AstSelect *limit_in_from(const AstFrom *f)
{
    if (!f)
        return NULL;
    if (f->kind == FROM_JOIN) {
        const AstSelect *l = limit_in_from(f->join->left);
        return l ? l : limit_in_from(f->join->right);
    }
    if (f->kind != FROM_SUBQUERY)
        return NULL;
    for (int b = 0; b < f->n_branches; b++) {
        const AstSelect *l = limit_in_select(f->branches[b]);
        if (l)
            return l;
    }
    return f->n_branches ? NULL : limit_in_select(f->sub);
}

static const AstSelect *limit_in_select(const AstSelect *a)
{
    return !a ? NULL : a->limit ? a : limit_in_from(a->from);
}

/* A LIMIT in a side of a join of two streams (each side's rows are their own branch of the
   query, srt_op_ssjoin.c) is not run yet. */
static bool ssjoin_side_limit(SemaCtx *sc, const AstSelect *a, const SSelect *s)
{
    const AstSelect *l = s->join && s->join->streams ? limit_in_from(a->from) : NULL;
    if (l)
        diag_error(sc->diag, l->limit_span,
                   "LIMIT in a side of a join of two streams is not supported yet on streaming "
                   "DataFrames/Datasets");
    return l != NULL;
}

/*
** LIMIT on a stream outside Update mode.  Spark plans it by StreamingGlobalLimitStrategy
** (SparkStrategies): in Append mode, and in Complete mode below every streaming
** aggregation, a Limit is StreamingGlobalLimitExec over StreamingLocalLimitExec, a stateful
** operator that lets the first n rows of the whole stream through (its running count is
** checkpointed); a Limit over a streaming aggregation in Complete mode is planned as a batch
** query's (GlobalLimit, or TakeOrderedAndProject under an ORDER BY) over each batch's result
** table.
** A LIMIT with only projections above it limits the query's rows: q->limit is n (nested ones
** combine to the least, Spark's CombineLimits), q->limit_stateful marks the streaming global
** limit.  LIMIT 0 keeps no state there: Spark's OptimizeLimitZero makes the subtree an empty
** relation, so each batch outputs nothing.  A LIMIT below a WHERE, an aggregation or another
** operator that is not a projection is a streaming global limit at the end of its block,
** per record (q->row_limit_block, q->row_limit): one such, in a block below the aggregation.
*/
static void stream_limit(SemaCtx *sc, SQuery *q, const Chain *c, bool mode_known)
{
    if (!mode_known || q->mode == MODE_UPDATE)
        return;
    bool above_ok = true; /* the blocks above block i only project */
    for (int i = 0; i < c->n; i++) {
        const AstSelect *a = c->ast[i];
        int64_t n;
        if (ssjoin_side_limit(sc, a, c->sel[i]))
            return;
        if (a->limit && limit_value(sc, a, &n)) {
            if (above_ok) {
                q->limit = q->limit < 0 || n < q->limit ? n : q->limit;
                q->limit_stateful = q->mode == MODE_APPEND && q->limit > 0;
            } else if (aggregates_from(c, i) || q->row_limit_block || q->limit_stateful) {
                diag_error(sc->diag, a->limit_span,
                           "LIMIT over an aggregation with more than projections above it, or "
                           "below another LIMIT, is not supported yet on streaming "
                           "DataFrames/Datasets");
                return;
            } else {
                q->row_limit = n;
                q->row_limit_block = c->sel[i];
            }
        }
        above_ok = above_ok && block_projects(c->sel[i]);
    }
}

/* A LIMIT in a later branch of a UNION ALL (a StreamingGlobalLimitExec of its own under the
   union) is not run yet. */
static void branch_limit(SemaCtx *sc, const SQuery *q, const AstSelect *a, bool mode_known)
{
    if (a->limit && mode_known && q->mode != MODE_UPDATE)
        diag_error(sc->diag, a->limit_span,
                   "LIMIT in a branch of UNION ALL is not supported yet on streaming "
                   "DataFrames/Datasets");
}

/* Spark rule 8. */
static void rule_offset(SemaCtx *sc, const AstSelect *a)
{
    if (a->offset)
        diag_error(sc->diag, a->offset_span,
                   "Offset is not supported on streaming DataFrames/Datasets");
}

/* Spark rule 6: sorting needs the whole result table, i.e. an aggregation in Complete mode. */
static void rule_sort(SemaCtx *sc, const SQuery *q, const AstSelect *a, const SSelect *s,
                      bool mode_known)
{
    bool local = a->n_sort_by || a->cluster_by.n; /* SORT BY, CLUSTER BY: Sort(global = false) */
    if ((a->n_order_by == 0 && !local) || !mode_known)
        return;
    if (q->mode == MODE_COMPLETE && subtree_aggregates_sorted(s)) {
        if (local && !a->n_order_by)
            sema_refuse_local_sort(sc, a);
        return;
    }
    diag_error(
        sc->diag,
        a->n_order_by     ? a->order_by_span
        : a->cluster_by.n ? a->cluster_by_span
                          : a->sort_by_span,
        "Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated "
        "DataFrame/Dataset in Complete output mode");
}

/* Is the block a stateful operator of Spark's isStatefulOperation besides its aggregation:
   a DROP DUPLICATES whose keys hold the event time, or WITHIN WATERMARK (a Deduplicate
   without an event-time key keeps every key and drops nothing by the watermark)? */
static bool dedup_stateful(const SSelect *s)
{
    const SDedup *d = s->dedup;
    return d && (d->within_watermark || d->event_key >= 0);
}

/* Spark 3.4+ chains stateful operators (SPARK-40925, statefulOperator.allowMultiple, true by
   default): the "Multiple streaming aggregations" refusal is gone.  What stays is
   UnsupportedOperationChecker.checkStreamingQueryGlobalWatermarkLimit (3.5): a stateful
   operator (isStatefulOperation: an Aggregate, a Deduplicate with an event-time key,
   DeduplicateWithinWatermark, a stream-stream Join) over an operator that can emit rows
   older than the watermark (ifCannotBeFollowedByStatefulOperation: an Aggregate when the
   output mode is not Append; a Distinct likewise: SSelect.distinct_group) fails, as
   statefulOperator.checkCorrectness.enabled is true by default.  Spark names the whole
   plan; sluice reports at the aggregation below that emits the late rows.  Returns false
   when it reported. */
static bool rule_chain_correctness(SemaCtx *sc, const SQuery *q, const Chain *c, bool mode_known)
{
    if (!mode_known || q->mode == MODE_APPEND)
        return true;
    for (int i = 0; i < c->n; i++) {
        const SSelect *s = c->sel[i];
        if (!s->has_agg && !dedup_stateful(s))
            continue;
        for (int j = i + 1; j < c->n; j++) {
            if (!c->sel[j]->has_agg)
                continue;
            diag_error(sc->diag, agg_span(c->ast[j], c->sel[j]), "%s", CORRECTNESS_MSG);
            return false;
        }
    }
    return true;
}

/* Spark rule 3. */
static void rule_complete_needs_aggregation(SemaCtx *sc, const SQuery *q, const Chain *c,
                                            bool mode_known)
{
    if (!mode_known || q->mode != MODE_COMPLETE || subtree_aggregates(c->sel[0]))
        return;
    const SOption *o = soptions_find(&q->options, "outputMode");
    diag_error(
        sc->diag, o ? o->span : q->span,
        "Complete output mode not supported when there are no streaming aggregations on streaming "
        "DataFrames/Datasets");
}

/* Spark's join case: a join of two streams runs in Append mode only.  Spark 3.4+ chains
   stateful operators after it in Append mode (an aggregation or DROP DUPLICATES over its
   rows); in the other modes UnsupportedOperationChecker's "join ... only in Append output
   mode" comes first. */
static bool rule_stream_join(SemaCtx *sc, const SQuery *q, const Chain *c, bool mode_known)
{
    for (int i = 0; i < c->n; i++) {
        const SJoin *j = c->sel[i]->join;
        if (!j || !j->streams)
            continue;
        if (mode_known && q->mode != MODE_APPEND) {
            diag_error(sc->diag, j->span,
                       "Join between two streaming DataFrames/Datasets is not supported in %s "
                       "output mode, only in Append output mode",
                       sema_mode_name(q->mode));
            return false;
        }
    }
    return true;
}

static bool is_window_time(const SExpr *e)
{
    return e && e->kind == SX_CALL && e->u.call.fn == FN_WINDOW_TIME;
}

/* Follows e (over the input of s) to where it comes from, through columns of subqueries and
   the probe side of a join, as Spark propagates an attribute's metadata: the time or session
   window it is a column of (the TimeWindow/SessionWindow marker window_time needs), or NULL. */
static const SExpr *traced_window(const SSelect *s, const SExpr *e)
{
    if (!e || !s)
        return NULL;
    if (e->kind == SX_WINDOW)
        return e;
    if (e->kind == SX_GROUP_REF) /* in s's aggregated space: a GROUP BY key over its input */
        return s->has_agg && e->u.ref < s->n_group ? traced_window(s, s->group[e->u.ref]) : NULL;
    if (e->kind != SX_COLUMN)
        return NULL;
    if (s->join) {
        /* A join passes the probe side's columns on (a build side has no window column). */
        const SJoin *j = s->join;
        if (e->u.column < 0 || e->u.column >= j->n_input)
            return NULL;
        if (j->streams) {
            /* A join of two streams passes both sides' columns on with their metadata. */
            int raw = j->input[e->u.column], side = raw < j->n_left ? 0 : 1;
            const SSelect *c = j->sides[side];
            int col = raw - (side ? j->n_left : 0);
            return col < c->n_out ? traced_window(c, c->out[col].expr) : NULL;
        }
        int c = j->input[e->u.column] - (j->probe_left ? 0 : j->n_left);
        if (c < 0 || c >= (j->probe_left ? j->n_left : j->n_right))
            return NULL;
        SExpr probe = *e;
        probe.u.column = c;
        SSelect through = *s;
        through.join = NULL;
        return traced_window(&through, &probe);
    }
    const SSelect *c = s->sub;
    if (s->source || !c || e->u.column < 0 || e->u.column >= c->n_out)
        return NULL;
    /* an aggregation's outputs are over its aggregated space: keys, window_time of a key */
    return traced_window(c, c->out[e->u.column].expr);
}

/*
** An event-time column as Spark's attribute (its exprId): a column carrying the watermark's
** delayKey metadata.  The watermarked column of a source, identified by the block reading it
** (a self-join reads one source twice: two attributes); a window over an event time and
** window_time of such a window, new attributes of the block computing them (TimeWindowing,
** SessionWindowing and ResolveWindowTime copy the time column's metadata); an output column
** that is not a bare unaliased input column (an Alias: a new exprId, same metadata).  A
** bare column passes its input's attribute on, so SELECT t, t holds one attribute twice.
*/
typedef struct EventAttr {
    const SSelect *at; /* the block that made the attribute */
    int col;           /* which of its: an output (>= 0), its window (-1), window_time (-2) */
    const char *name;
    int64_t delay_us;  /* the delayKey: the watermark delay of its source */
} EventAttr;

static bool output_attr(const SSelect *c, int col, EventAttr *a);

/* Input column col of s, read from its source or subquery (the probe side of a join). */
static bool read_attr(const SSelect *s, int col, EventAttr *a)
{
    if (s->source) {
        const SWatermark *w = s->source->watermark;
        if (!w || w->column != col)
            return false;
        *a = (EventAttr){s, col, s->source->schema.cols[col].name, w->delay_us};
        return true;
    }
    return s->sub && output_attr(s->sub, col, a);
}

/* Input column col of s: through a join to the side it comes from. */
static bool input_attr(const SSelect *s, int col, EventAttr *a)
{
    const SJoin *j = s->join;
    if (!j)
        return read_attr(s, col, a);
    if (col < 0 || col >= j->n_input)
        return false;
    int raw = j->input[col];
    if (j->streams) { /* Join.output keeps each side's attributes, the nullable side's too */
        int side = raw < j->n_left ? 0 : 1;
        return output_attr(j->sides[side], raw - (side ? j->n_left : 0), a);
    }
    int c = raw - (j->probe_left ? 0 : j->n_left); /* a build side has no event time */
    return c >= 0 && c < (j->probe_left ? j->n_left : j->n_right) && read_attr(s, c, a);
}

/* e over the input of s (its aggregated space when s aggregates): the event-time attribute
   it is or computes a new one from, or false. */
static bool expr_attr(const SSelect *s, const SExpr *e, EventAttr *a)
{
    if (!e || !s)
        return false;
    if (e->kind == SX_WINDOW && expr_attr(s, e->u.window.ts, a)) {
        const char *name = e->u.window.session ? "session_window" : "window";
        *a = (EventAttr){s, -1, name, a->delay_us};
        return true;
    }
    if (is_window_time(e) && expr_attr(s, e->u.call.args[0], a)) {
        *a = (EventAttr){s, -2, "window_time", a->delay_us};
        return true;
    }
    if (e->kind == SX_GROUP_REF)
        return s->has_agg && e->u.ref < s->n_group && expr_attr(s, s->group[e->u.ref], a);
    return e->kind == SX_COLUMN && input_attr(s, e->u.column, a);
}

/* Output column col of block c. */
static bool output_attr(const SSelect *c, int col, EventAttr *a)
{
    if (col < 0 || col >= c->n_out || !expr_attr(c, c->out[col].expr, a))
        return false;
    const SExpr *e = c->out[col].expr;
    if (e->kind == SX_GROUP_REF)
        e = c->group[e->u.ref];
    if (c->out[col].aliased || e->kind != SX_COLUMN) {
        a->at = c;
        a->col = col;
    }
    a->name = c->out[col].name;
    return true;
}

static bool is_event_time(const SSelect *s, const SExpr *e)
{
    EventAttr a;
    return expr_attr(s, e, &a);
}

bool sema_is_event_time(const SSelect *s, const SExpr *e)
{
    return is_event_time(s, e);
}

bool sema_is_window_column(const SSelect *s, const SExpr *e)
{
    return traced_window(s, e) != NULL;
}

bool sema_is_session_column(const SSelect *s, const SExpr *e)
{
    const SExpr *w = traced_window(s, e);
    return w && w->u.window.session;
}

/* Spark rule 2: in Append mode an aggregate is final only once the watermark passes its
   event-time key, so one key must be the watermarked column or a time or session window
   over it. */
static void rule_append_needs_watermark(SemaCtx *sc, const SQuery *q, const Chain *c,
                                        bool mode_known)
{
    if (!mode_known || q->mode != MODE_APPEND)
        return;
    for (int i = 0; i < c->n; i++) {
        const SSelect *s = c->sel[i];
        if (!s->has_agg)
            continue;
        for (int k = 0; k < s->n_group; k++)
            if (is_event_time(s, s->group[k]))
                return;
        diag_error(
            sc->diag, agg_span(c->ast[i], s),
            "Append output mode not supported when there are streaming aggregations on streaming "
            "DataFrames/DataSets without watermark");
        return;
    }
}

/* Spark rule 4 (UnsupportedOperationChecker) and AggUtils.planStreamingAggregationForSession:
   sessions are merged per value of the other keys, so a session window needs one, and a
   session's result is only known when it closes, so Update mode is refused.  Reported at the
   session_window key. */
static void rule_session_window(SemaCtx *sc, const SQuery *q, const Chain *c, bool mode_known)
{
    for (int i = 0; i < c->n; i++) {
        const SSelect *s = c->sel[i];
        if (!s->has_agg || s->window_group < 0)
            continue;
        const SExpr *g = s->group[s->window_group];
        if (!g || g->kind != SX_WINDOW || !g->u.window.session)
            continue;
        if (mode_known && q->mode == MODE_UPDATE)
            diag_error(sc->diag, g->span,
                       "%s output mode not supported for session window on streaming "
                       "DataFrames/DataSets",
                       sema_mode_name(q->mode));
        else if (s->n_group == 1)
            diag_error(sc->diag, g->span,
                       "Global aggregation with session window in streaming query is not "
                       "supported.");
    }
}

/* DROP DUPLICATES: Spark rule 19 (WITHIN WATERMARK needs a watermarked input), over an
   aggregation (Spark <= 3.3's rule 18 refused it; 3.4+ runs it, and refuses it only where
   rule_chain_correctness does, which reports it instead).  Several are fine in every output
   mode: UnsupportedOperationChecker.ifCannotBeFollowedByStatefulOperation names no
   Deduplicate (its rows are never older than the watermark), so a DROP DUPLICATES over
   another, or an aggregation over both, passes checkStreamingQueryGlobalWatermarkLimit.
   Innermost block first, so messages follow the text. */
static void rule_dedup(SemaCtx *sc, const SQuery *q, const Chain *c, bool mode_known)
{
    for (int i = c->n - 1; i >= 0; i--) {
        const SSelect *s = c->sel[i];
        const AstDedup *ad = c->ast[i]->dedup;
        if (!ad || !s->dedup)
            continue;
        if (subtree_aggregates(s->sub)) {
            /* Spark 3.4+ runs it; in complete mode it would also drop the aggregation's old
               rows as late (by the first watermarked column, a window's end), which sluice
               does not model.  In update and complete mode a stateful one is
               rule_chain_correctness's. */
            if (mode_known && q->mode == MODE_COMPLETE && !dedup_stateful(s))
                diag_error(sc->diag, ad->span,
                           "DROP DUPLICATES after an aggregation in Complete output mode is not "
                           "supported yet");
        } else {
            if (ad->within_watermark && s->dedup->watermark_col < 0)
                diag_error(sc->diag, ad->within_span,
                           "dropDuplicatesWithinWatermark is not supported on streaming "
                           "DataFrames/DataSets without watermark");
        }
    }
}

/*
** One event time per stateful operator: WatermarkSupport.findEventTimeColumn
** (sql/core/.../execution/streaming/statefulOperators.scala, Spark 3.5).  With
** spark.sql.streaming.statefulOperator.allowMultiple (true by default) an operator whose input
** holds two different event-time attributes (EventAttr) fails the query when it builds its
** watermark predicates; the same attribute twice is one.  The operators and when they build
** them: a streaming aggregation in Append and Update mode (StateStoreSaveExec; Complete mode
** builds none), a session window aggregation in every mode (SessionWindowStateStoreRestoreExec
** filters late rows in every mode), DROP DUPLICATES (StreamingDeduplicateExec) and each side
** of a join of two streams (StreamingSymmetricHashJoinExec.storeAndJoinWithOtherSide).  Their
** input is what ColumnPruning leaves: an aggregation's GROUP BY keys, the columns a DROP
** DUPLICATES keeps (its keys and what the query reads above it), a join side's columns that
** the join condition or the query above reads (a conjunct over one side only is pushed below
** the join: PushPredicateThroughJoin).  Spark fails the first batch; sluice refuses the query
** at the operator.
*/
typedef struct EventAttrs {
    EventAttr *a;
    int n;
} EventAttrs;

static void attrs_add(EventAttrs *as, const EventAttr *a)
{
    as->a[as->n++] = *a;
}

/* Reports Spark's message at span if as holds two attributes. */
static bool one_event_time(SemaCtx *sc, const EventAttrs *as, SrcSpan span)
{
    int k = 1;
    while (k < as->n && as->a[k].at == as->a[0].at && as->a[k].col == as->a[0].col)
        k++;
    if (k >= as->n)
        return true;
    StrBuf sb;
    sb_init(&sb, sc->arena);
    for (int i = 0; i < as->n; i++)
        sb_printf(&sb, "%s%s-T%lldms", i ? "," : "(", as->a[i].name,
                  (long long)(as->a[i].delay_us / 1000));
    sb_puts(&sb, ")");
    diag_error(sc->diag, span,
               "More than one event time columns are available. Please ensure there is at most "
               "one event time column per stream. event time columns: %s",
               sb.data);
    return false;
}

typedef struct WhereReads {
    const SJoin *j;
    bool *need, *scratch;
    int n;
} WhereReads;

/* A conjunct of WHERE (over the input of a join block) that reads both sides stays above
   the join (its columns marked in need); the others are pushed below it. */
static void where_reads(SExpr *e, void *ctx)
{
    const WhereReads *w = ctx;
    const SJoin *j = w->j;
    bool *need = w->need, *scratch = w->scratch;
    int n = w->n;
    memset(scratch, 0, (size_t)n);
    sema_expr_columns(e, scratch, n);
    int m = 0;
    for (int i = 0; i < n; i++)
        if (scratch[i])
            m |= j->input[i] < j->n_left ? 1 : 2;
    if (m == 3)
        sema_expr_columns(e, need, n);
}

/* After a stream-stream join the input has a watermarked column per side.  sluice's
   deduplication drops late rows and evicts keys by the first one of its whole input
   (SDedup.watermark_col); Spark's by the one that reaches it, which is another when the keys
   hold it and the query does not read the first (ColumnPruning drops it): not supported yet. */
static bool dedup_event_key(SemaCtx *sc, const SSelect *s)
{
    const SDedup *d = s->dedup;
    EventAttr a;
    for (int k = 0; k < d->n && d->event_key < 0 && d->watermark_col >= 0; k++) {
        if (!input_attr(s, d->cols[k], &a))
            continue;
        diag_error(sc->diag, d->key_spans[k],
                   "DROP DUPLICATES on the watermarked column '%s' without '%s', the first "
                   "watermarked column of its input, is not supported yet",
                   s->input.cols[d->cols[k]].name, s->input.cols[d->watermark_col].name);
        return false;
    }
    return true;
}

static void check_event_times(SemaCtx *sc, const SQuery *q, const SSelect *s,
                              const bool *out_need);

/* The sides of a join of two streams, given what the block reads of the join's output. */
static void check_join_sides(SemaCtx *sc, const SQuery *q, const SSelect *s, const bool *need)
{
    const SJoin *j = s->join;
    int n_raw = j->n_left + j->n_right;
    bool *raw = sema_join_raw_reads(sc->arena, j, need);
    for (int side = 0; side < 2; side++) /* an outer join keeps its preserved side's own ON */
        if (j->outer[side])
            sema_expr_columns(j->side_cond[side], raw, n_raw);
    for (int side = 0; side < 2; side++) {
        const SSelect *c = j->sides[side];
        const bool *out_need = raw + (side ? j->n_left : 0);
        EventAttrs as = {ARENA_NEW_N(sc->arena, EventAttr, c->n_out + 1), 0};
        EventAttr a;
        for (int i = 0; i < c->n_out; i++)
            if (out_need[i] && output_attr(c, i, &a))
                attrs_add(&as, &a);
        if (one_event_time(sc, &as, j->span))
            check_event_times(sc, q, c, out_need);
    }
}

/* s and the blocks below it, given which outputs of s the query reads (NULL: all). */
static void check_event_times(SemaCtx *sc, const SQuery *q, const SSelect *s,
                              const bool *out_need)
{
    int n = s->input.n;
    bool *need = ARENA_NEW_N(sc->arena, bool, n + 1);
    sema_block_reads(s, out_need, false, need);
    EventAttrs as = {ARENA_NEW_N(sc->arena, EventAttr, n + s->n_group + 1), 0};
    EventAttr a;
    if (s->dedup) {
        for (int i = 0; i < n; i++)
            if (need[i] && input_attr(s, i, &a))
                attrs_add(&as, &a);
        if (!one_event_time(sc, &as, s->dedup->span) || !dedup_event_key(sc, s))
            return;
        /* Without the event time among the columns ColumnPruning leaves it, Spark's
           StreamingDeduplicateExec has no watermark predicate (WatermarkSupport finds no
           attribute with EventTimeWatermark.delayKey in its child's output): it drops no late
           rows.  (StreamingDeduplicateWithinWatermarkExec reads the event time of every row it
           keeps: sluice keeps it.) */
        SDedup *d = s->dedup;
        if (!d->within_watermark && d->watermark_col >= 0 && !need[d->watermark_col])
            d->watermark_col = -1;
    }
    bool session = s->window_group >= 0 && s->group[s->window_group]->kind == SX_WINDOW &&
                   s->group[s->window_group]->u.window.session;
    if (s->has_agg && (q->mode != MODE_COMPLETE || session)) {
        as.n = 0;
        for (int k = 0; k < s->n_group; k++) {
            if (!expr_attr(s, s->group[k], &a))
                continue;
            attrs_add(&as, &a);
            if (!one_event_time(sc, &as, s->group[k]->span))
                return;
        }
    }
    if (s->join && s->join->streams) {
        bool *scratch = ARENA_NEW_N(sc->arena, bool, n + 1);
        sema_conjuncts(s->where, NULL, where_reads, &(WhereReads){s->join, need, scratch, n});
        check_join_sides(sc, q, s, need);
        return;
    }
    sema_expr_columns(s->where, need, n); /* below the operators: read from the input too */
    const SJoin *j = s->join;
    if (j && s->sub) { /* a join with a table: what the block and the join read of the probe */
        bool *raw = sema_join_raw_reads(sc->arena, j, need);
        check_event_times(sc, q, s->sub, raw + (j->probe_left ? 0 : j->n_left));
        return;
    }
    for (int b = 1; b < s->n_branches; b++)
        check_event_times(sc, q, s->branches[b], need);
    if (s->sub)
        check_event_times(sc, q, s->sub, need);
}

/* The branches after the first of each UNION ALL of the chain, paired with their bound
   blocks (the first branch is in the chain itself): fn(sc, q, branch chain, mode_known). */
typedef void (*BranchRule)(SemaCtx *sc, const SQuery *q, const Chain *branch, bool mode_known);
static void for_union_branches(SemaCtx *sc, const SQuery *q, const Chain *c, bool mode_known,
                               BranchRule fn)
{
    for (int i = 0; i < c->n; i++) {
        const AstFrom *f = c->ast[i]->from;
        if (!f || f->kind != FROM_SUBQUERY || c->sel[i]->n_branches != f->n_branches)
            continue;
        for (int b = 1; b < f->n_branches; b++) {
            Chain bc;
            build_chain(&bc, f->branches[b], c->sel[i]->branches[b]);
            fn(sc, q, &bc, mode_known);
        }
    }
}

/* Spark rule 12 and the rules of each block, in a later branch of a UNION ALL. */
static void rule_union_branch(SemaCtx *sc, const SQuery *q, const Chain *bc, bool mode_known)
{
    if (bc->n > 0 && sema_from_streaming(sc, bc->ast[0]->from) == 0)
        diag_error(sc->diag, bc->ast[0]->span,
                   "Union between streaming and batch DataFrames/Datasets is not supported");
    for (int k = 0; k < bc->n; k++) {
        rule_distinct(sc, q, bc->ast[k], bc->sel[k], mode_known);
        rule_sort(sc, q, bc->ast[k], bc->sel[k], mode_known);
        rule_limit(sc, q, bc->ast[k], mode_known);
        branch_limit(sc, q, bc->ast[k], mode_known);
        rule_offset(sc, bc->ast[k]);
    }
    rule_dedup(sc, q, bc, mode_known);
}

/* Spark rule 12 for the first branch (a static table beside streams). */
static void rule_union_first(SemaCtx *sc, const Chain *c)
{
    for (int i = 0; i < c->n; i++) {
        const AstFrom *f = c->ast[i]->from;
        if (f && f->kind == FROM_SUBQUERY && f->n_branches &&
            sema_from_streaming(sc, f->branches[0]->from) == 0)
            diag_error(sc->diag, f->branches[0]->span,
                       "Union between streaming and batch DataFrames/Datasets is not supported");
    }
}

/* What a batch query does not run yet, in a later branch of a UNION ALL. */
static void batch_union_branch(SemaCtx *sc, const SQuery *q, const Chain *bc, bool mode_known)
{
    (void)q;
    (void)mode_known;
    for (int k = 0; k < bc->n; k++) {
        if (bc->ast[k]->limit)
            diag_error(sc->diag, bc->ast[k]->limit_span,
                       "LIMIT is supported only in the outermost SELECT of a batch query yet");
        if (bc->ast[k]->offset)
            diag_error(sc->diag, bc->ast[k]->offset_span,
                       "OFFSET is not supported yet in batch queries");
    }
}

/* ==== Rules on the sink ==== */

const SSelect *sema_result_keys(const SSelect *top, int *key)
{
    const SSelect *agg = top;
    while (agg && !agg->has_agg)
        agg = agg->sub;
    for (int i = 0; i < top->n_out; i++) {
        key[i] = -1;
        int col = i;
        for (const SSelect *s = top; agg && s; s = s->sub) {
            const SExpr *e = s->out[col].expr;
            if (s == agg) {
                if (e && e->kind == SX_GROUP_REF)
                    key[i] = e->u.ref;
                break;
            }
            if (!e || e->kind != SX_COLUMN || !s->sub)
                break;
            col = e->u.column;
        }
    }
    return agg;
}

/* A files sink path as far as the text tells which directory it is: empty and "." segments
   and trailing slashes dropped ("out", "./out/" and "out//." are one).  ".." and symbolic
   links are left to the runtime, which refuses a directory whose manifest belongs to
   another query. */
static const char *sink_path_key(Arena *arena, const char *path)
{
    size_t n = strlen(path);
    char *out = arena_alloc(arena, n + 2);
    size_t k = 0;
    if (path[0] == '/')
        out[k++] = '/';
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && path[j] != '/')
            j++;
        bool skip = j == i || (j - i == 1 && path[i] == '.');
        if (!skip) {
            if (k > 0 && out[k - 1] != '/')
                out[k++] = '/';
            memcpy(out + k, path + i, j - i);
            k += j - i;
        }
        i = j + 1;
    }
    out[k] = '\0';
    return out;
}

/* DataStreamWriter.startInternal: the memory sink's table is named by the query's queryName,
   which must be given (QueryCompilationErrors.queryNameNotSpecifiedForMemorySinkError); the
   name sluice makes up for a query without one does not count. */
static void rule_query_name(SemaCtx *sc, const SQuery *q)
{
    const SOption *o = soptions_find(&q->options, "name");
    if (!o || o->is_default)
        diag_error(sc->diag, q->span, "queryName must be specified for memory sink");
}

/* One writer per files sink directory, sluice's rule.  Spark accepts two queries writing
   one path, but they share its _spark_metadata: FileStreamSink.addBatch skips a batch id
   already in the manifest, so the second query's batch N is silently dropped.  The second
   INSERT INTO the same files sink, or into another files sink with the same path, is
   refused here; the runtime refuses a directory whose manifest belongs to another query. */
static void rule_one_writer(SemaCtx *sc, const SQuery *q)
{
    const SSink *k = q->sink;
    if (!k || !k->connector || strcmp(k->connector, "files") != 0)
        return;
    const SOption *kp = soptions_find(&k->options, "path");
    for (int i = 0; i < sc->queries.n; i++) {
        const SQuery *p = sc->queries.items[i];
        const SSink *o = p->sink;
        if (!o || !o->connector || strcmp(o->connector, "files") != 0)
            continue;
        const SOption *op = soptions_find(&o->options, "path");
        if (o == k) {
            diag_error(sc->diag, q->span,
                       "files sink '%s' is already written by a query above: two queries cannot "
                       "write one files sink (their part files and _spark_metadata would "
                       "overwrite each other); give each query its own sink and path",
                       k->name);
        } else if (kp && op &&
                   strcmp(sink_path_key(sc->arena, kp->value), sink_path_key(sc->arena, op->value)) == 0) {
            diag_error(sc->diag, q->span,
                       "files sink '%s' has the same path '%s' as files sink '%s', which a query "
                       "above already writes: two queries cannot write one directory (their part "
                       "files and _spark_metadata would overwrite each other); give each query "
                       "its own path",
                       k->name, kp->value, o->name);
        } else {
            continue;
        }
        diag_note(sc->diag, p->span, "the query writing '%s' first", o->name);
        return;
    }
}

/* Spark's file sink (FileStreamSink): Append mode only (DataSource.createSink), a checkpoint
   location (StreamingQueryManager), and for csv atomic column types only (CSVFileFormat;
   Spark refuses those when the first batch is written, sluice at the SELECT item). */
static void rule_file_sink(SemaCtx *sc, const SQuery *q, bool mode_known)
{
    const SSink *k = q->sink;
    if (!k || !k->connector || strcmp(k->connector, "files") != 0)
        return;
    const SOption *fo = soptions_find(&k->options, "format");
    const char *format = fo ? fo->value : "json";
    if (strcmp(format, "csv") == 0 && q->select) {
        for (int i = 0; i < q->select->n_out; i++) {
            const SOutCol *c = &q->select->out[i];
            const Type *t = c->expr ? c->expr->type : NULL;
            /* CSVFileFormat.supportDataType: atomic types only (NullType is not one). */
            if (t && (type_is_nested(t) || t->kind == TY_NULL))
                diag_error(sc->diag, c->span, "CSV data source does not support %s data type.",
                           type_name(sc->arena, t));
        }
    }
    if (mode_known && q->mode != MODE_APPEND) {
        const SOption *o = soptions_find(&q->options, "outputMode");
        diag_error(sc->diag, o && !o->is_default ? o->value_span : q->span,
                   "Data source %s does not support %s output mode", format,
                   sema_mode_name(q->mode));
    }
}

/* The spec of the query's sink connector, or NULL. */
static const CmConnector *sink_spec(const SQuery *q)
{
    return q->sink && q->sink->connector ? cm_connector_find(q->sink->connector, CM_ROLE_SINK)
                                         : NULL;
}

/* StreamingQueryManager.createQuery: only console, memory, foreach, foreachBatch and noop
   sinks (DataStreamWriter.SOURCES_ALLOW_ONE_TIME_QUERY) run without a checkpoint location. */
void sema_stream_require_checkpoint(SemaCtx *sc, const SQuery *q)
{
    if (!soptions_find(&q->options, "checkpointLocation"))
        diag_error(sc->diag, q->span,
                   "checkpointLocation must be specified either through "
                   "option(\"checkpointLocation\", ...) or "
                   "SparkSession.conf.set(\"spark.sql.streaming.checkpointLocation\", ...)");
}

/* The database sinks (CmConnector.upsert_keys: postgres, sqlite) upsert the changed groups of
   an update-mode aggregation on the GROUP BY keys (as a foreachBatch writing over JDBC must,
   keyed on them): every key must be a column of the result, or two groups would update one
   row. */
static void rule_db_sink(SemaCtx *sc, const SQuery *q, bool mode_known)
{
    const SSink *k = q->sink;
    const CmConnector *spec = sink_spec(q);
    if (!spec || !spec->upsert_keys || !mode_known || q->mode != MODE_UPDATE)
        return;
    const SSelect *top = q->select;
    int *key = arena_alloc(sc->arena, sizeof *key * (size_t)(top->n_out + 1));
    const SSelect *agg = sema_result_keys(top, key);
    for (int g = 0; agg && g < agg->n_group; g++) {
        bool found = false;
        for (int i = 0; i < top->n_out; i++)
            found |= key[i] == g;
        if (!found)
            diag_error(sc->diag, agg->group[g]->span,
                       "the %s sink upserts the rows of update mode on the GROUP BY keys, so this "
                       "key must also be a column of the SELECT list",
                       k->connector);
    }
}

/* ==== consumerGroup ==== */

/* The consumerGroup option of a kafka source that query block s reads anywhere (its FROM, a
   subquery, a union branch, a join's side), or NULL. */
static const SOption *group_option(const SSelect *s)
{
    if (!s)
        return NULL;
    const SOption *o = NULL;
    if (s->source && s->source->connector && strcmp(s->source->connector, "kafka") == 0)
        o = soptions_find(&s->source->options, "consumerGroup");
    if (!o)
        o = group_option(s->sub);
    for (int i = 0; !o && i < s->n_branches; i++)
        o = group_option(s->branches[i]);
    if (!o && s->join) {
        o = s->join->build ? group_option(s->join->build->select) : NULL;
        for (int i = 0; !o && i < 2; i++)
            o = group_option(s->join->sides[i]);
    }
    return o;
}

/*
** Which of the kafka record's placement columns (its topic, its partition, and its key, by which
** a producer's default partitioner picks the partition) expression e of block s keeps: a bit per
** source column e is an injective image of, so that rows with equal values of e come from equal
** values of those columns.  A column of the source; one of a subquery's outputs, traced down to
** the expression it is (an aggregation's output only when it is one of its GROUP BY keys); a
** cast that keeps every value apart (a BINARY's bytes as a STRING and back, an INT widened or
** written in decimal).  Nothing else: length(key) or partition % 2 put rows of several
** partitions into one value.  agg: e is over s's aggregated space (an output of an
** aggregation), else over its input.
*/
enum { PLACE_KEY = 1, PLACE_PARTITION = 2, PLACE_TOPIC = 4 };

static unsigned placement(const SSelect *s, const SExpr *e, bool agg)
{
    if (!s || !e || s->join || s->n_branches)
        return 0;
    switch (e->kind) {
    case SX_GROUP_REF:
        return agg && s->has_agg && e->u.ref < s->n_group ? placement(s, s->group[e->u.ref], false)
                                                          : 0;
    case SX_CAST: {
        TypeKind f = e->u.arg->type->kind, t = e->type->kind;
        bool keeps = f == t || (f == TY_BINARY && t == TY_STRING) ||
                     (f == TY_STRING && t == TY_BINARY) ||
                     (f == TY_INT && (t == TY_BIGINT || t == TY_STRING));
        return keeps ? placement(s, e->u.arg, agg) : 0;
    }
    case SX_COLUMN:
        if (agg)
            return 0;
        if (s->source) {
            const char *name = s->source->schema.cols[e->u.column].name;
            return strcmp(name, "key") == 0         ? PLACE_KEY
                   : strcmp(name, "partition") == 0 ? PLACE_PARTITION
                   : strcmp(name, "topic") == 0     ? PLACE_TOPIC
                                                    : 0;
        }
        return s->sub && e->u.column < s->sub->n_out
                   ? placement(s->sub, s->sub->out[e->u.column].expr, s->sub->has_agg)
                   : 0;
    default:
        return 0;
    }
}

/* The text of a state key for a message: an input column's name, else the key as written. */
static const char *key_text(SemaCtx *sc, const SSelect *s, const SExpr *e)
{
    if (e->kind == SX_COLUMN && e->u.column < s->input.n)
        return s->input.cols[e->u.column].name;
    const SrcFile *f = sc->diag->file;
    if (!f || e->span.end > f->len || e->span.begin >= e->span.end)
        return "?";
    return arena_strndup(sc->arena, f->text + e->span.begin, e->span.end - e->span.begin);
}

/* Is one stateful operator's key (keys[0..n-1] over the input of s) such that every key value's
   rows are read by one lane?  Its keys must hold the partition or the record key, and, when the
   source may read several topics, the topic (partition p of two topics are two lanes).
   Reports at span otherwise, naming the keys, with a note at the option. */
static bool keyed_by_partition(SemaCtx *sc, const SOption *o, bool one_topic, const SSelect *s,
                               SExpr *const *keys, int n, SrcSpan span, const char *clause)
{
    unsigned got = 0;
    for (int i = 0; i < n; i++)
        got |= placement(s, keys[i], false);
    if ((got & (PLACE_KEY | PLACE_PARTITION)) && (one_topic || (got & PLACE_TOPIC)))
        return true;
    StrBuf sb;
    sb_init(&sb, sc->arena);
    for (int i = 0; i < n; i++)
        sb_printf(&sb, "%s%s", i ? ", " : "", key_text(sc, s, keys[i]));
    if (n == 0)
        diag_error(sc->diag, span,
                   "consumerGroup: this aggregation has no GROUP BY key, so its one group "
                   "holds records of every partition; group by the kafka column key (rows of "
                   "one key are in one partition, by Kafka's default partitioner) or partition");
    else if (got & (PLACE_KEY | PLACE_PARTITION))
        diag_error(sc->diag, span,
                   "consumerGroup: the state of this query is keyed by (%s), which records of "
                   "several topics share (partition p of each topic is its own lane); add the "
                   "kafka column topic to its %s",
                   sb.data, clause);
    else
        diag_error(sc->diag, span,
                   "consumerGroup: the state of this query is keyed by (%s), which records of "
                   "several partitions share; add the kafka column key (rows of one key are in "
                   "one partition, by Kafka's default partitioner) or partition to its %s",
                   sb.data, clause);
    diag_note(sc->diag, o->span,
              "each partition of consumerGroup runs as a lane with its own state");
    return false;
}

/* The state of a query under consumerGroup is kept by each lane (its own checkpoint), so every
   stateful operator must be keyed such that all rows of a key are in one partition (Kafka
   Streams' co-partitioning): each aggregation's GROUP BY (a session window's other keys, each
   level of an aggregation over an aggregation) and each DROP DUPLICATES' columns.  Block s (a,
   its AST, for where to report, or NULL: at the block) and every block below it down to the
   source (no join or union: refused before), innermost first; false once it reported. */
static bool rule_group_state(SemaCtx *sc, const SSelect *s, const AstSelect *a, const SOption *o,
                             bool one_topic)
{
    const AstSelect *sub_ast =
        a && a->from && a->from->kind == FROM_SUBQUERY ? a->from->sub : NULL;
    if (s->sub && !rule_group_state(sc, s->sub, sub_ast, o, one_topic))
        return false;
    if (s->dedup) {
        SExpr **keys = arena_alloc(sc->arena, sizeof *keys * (size_t)(s->dedup->n + 1));
        for (int k = 0; k < s->dedup->n; k++) {
            keys[k] = ARENA_NEW(sc->arena, SExpr);
            *keys[k] = (SExpr){.kind = SX_COLUMN,
                               .type = s->input.cols[s->dedup->cols[k]].type,
                               .span = s->dedup->key_spans[k],
                               .u.column = s->dedup->cols[k]};
        }
        if (!keyed_by_partition(sc, o, one_topic, s, keys, s->dedup->n, s->dedup->span,
                                "DROP DUPLICATES columns"))
            return false;
    }
    return !s->has_agg || keyed_by_partition(sc, o, one_topic, s, s->group, s->n_group,
                                             a ? agg_span(a, s) : s->span, "GROUP BY");
}

/* kafka's consumerGroup (sluice's own, runtime/src/core/srt_group.c): the processes of one
   group run a lane per partition, each a copy of the query over that partition alone with its
   own checkpoint.  So the query must read that one source (a join or union would read the
   other sources in every lane), keep its state by keys of one partition each
   (rule_group_state), have a checkpoint the processes share, and write where lanes do not
   overlap: a files sink writes a directory per lane (srt_group.c); a table sink (postgres,
   sqlite) takes each lane's rows, its keys the lane's own, but not in complete mode, which
   replaces the table; console, kafka and exec write each lane's batches as they come, exactly
   once per lane where the sink is (its query id, hence its batch records and transactional
   id, is the lane checkpoint's); the memory sink would keep one table per lane under one
   name. */
static void rule_consumer_group(SemaCtx *sc, const SQuery *q, const AstSelect *ast)
{
    const SOption *o = group_option(q->select);
    for (int i = 0; i < sc->queries.n; i++) {
        const SQuery *p = sc->queries.items[i];
        if (p == q || p->build)
            continue;
        const SOption *po = group_option(p->select);
        if (o || po) {
            diag_error(sc->diag, o ? o->span : q->span,
                       "consumerGroup: a query reading a source with consumerGroup must be the "
                       "executable's only query (its lanes run alone)");
            return;
        }
    }
    if (!o)
        return;
    const SSelect *s = q->select;
    for (; s; s = s->sub) {
        if (s->join || s->n_branches) {
            diag_error(sc->diag, o->span,
                       "consumerGroup: a query reading other sources too (a join or a union) is "
                       "not supported yet: every partition's lane would read them again");
            return;
        }
        if (s->source)
            break;
    }
    const SOptions *so = &s->source->options;
    if (soptions_find(so, "assign"))
        diag_error(sc->diag, o->span,
                   "consumerGroup needs subscribe or subscribePattern: the group assigns the "
                   "partitions, not the 'assign' option");
    else if (!soptions_find(&q->options, "checkpointLocation"))
        diag_error(sc->diag, o->span,
                   "consumerGroup: the query must set checkpointLocation, which every process of "
                   "the group shares");
    else if (cm_group_sink_refusal(sink_spec(q), q->mode == MODE_COMPLETE))
        diag_error(sc->diag, o->span, "consumerGroup: the %s sink %s", q->sink->connector,
                   cm_group_sink_refusal(sink_spec(q), q->mode == MODE_COMPLETE));
    else {
        const SOption *topics = soptions_find(so, "subscribe");
        rule_group_state(sc, q->select, ast, o, topics && !strchr(topics->value, ','));
    }
}

/* ==== Batch queries ==== */

/*
** A query that reads only tables is a batch query (Spark's DataFrame over spark.read): it
** runs once over all the table's files when the executable starts, as one micro-batch, in
** Complete mode when it aggregates (the whole result table) and Append mode otherwise; then
** its rows are sorted (ORDER BY, Spark's default NULL order) and cut (LIMIT).  The streaming
** rules do not apply; what sluice does not run yet is refused here with "yet".
*/
static void batch_refuse_stream_option(SemaCtx *sc, const SQuery *q, const char *key)
{
    const SOption *o = soptions_find(&q->options, key);
    if (o && !o->is_default)
        diag_error(sc->diag, o->span,
                   "option '%s' is for streaming queries: this query reads only static tables, "
                   "so it runs once as a batch query",
                   key);
}

/* LIMIT n of a batch query: the whole result's first n rows. */
static void batch_limit(SemaCtx *sc, SQuery *q, const AstSelect *a)
{
    int64_t n;
    if (limit_value(sc, a, &n))
        q->limit = n;
}

static void batch_check_query(SemaCtx *sc, SQuery *q, const AstStmt *st)
{
    const AstSelect *ast = st->query;
    const AstSelect *leaf = leaf_block(ast);
    if (!leaf->from) {
        diag_error(sc->diag, leaf->span,
                   "a query without FROM is not supported yet: it must read a source or a "
                   "table");
        return;
    }
    Chain c;
    build_chain(&c, ast, q->select);
    for (int i = 0; i < c.n; i++) {
        const AstSelect *a = c.ast[i];
        /* sema_select.c made a SELECT DISTINCT a GROUP BY of its items (distinct_group) */
        const SSelect *s = c.sel[i];
        if (a->distinct && s->has_agg && !s->distinct_group)
            diag_error(sc->diag, a->distinct_span,
                       "SELECT DISTINCT over an aggregation is not supported yet in batch "
                       "queries");
        if (a->limit && i > 0)
            diag_error(sc->diag, a->limit_span,
                       "LIMIT is supported only in the outermost SELECT of a batch query yet");
        else if (a->limit)
            batch_limit(sc, q, a);
        if (a->offset)
            diag_error(sc->diag, a->offset_span,
                       "OFFSET is not supported yet in batch queries");
    }
    for_union_branches(sc, q, &c, true, batch_union_branch);
    batch_refuse_stream_option(sc, q, "outputMode");
    batch_refuse_stream_option(sc, q, "trigger");
    batch_refuse_stream_option(sc, q, "checkpointLocation");
    q->mode = subtree_aggregates(q->select) ? MODE_COMPLETE : MODE_APPEND;
    bool files = q->sink && q->sink->connector && strcmp(q->sink->connector, "files") == 0;
    const SOption *m = soptions_find(&q->options, "mode");
    if (m && !m->is_default && !files)
        diag_error(sc->diag, m->span,
                   "option 'mode' (Spark's DataFrameWriter.mode) applies to a batch query "
                   "writing a files sink");
    if (!files)
        rule_db_sink(sc, q, true);
}

/* ==== Entry ==== */

/* DataFrameWriter.mode is a batch write's: a stream has outputMode. */
static void rule_save_mode(SemaCtx *sc, const SQuery *q)
{
    const SOption *m = soptions_find(&q->options, "mode");
    if (m && !m->is_default)
        diag_error(sc->diag, m->span,
                   "option 'mode' is for batch queries (Spark's DataFrameWriter.mode); a "
                   "streaming query writes in its outputMode");
}

void sema_stream_check_query(SemaCtx *sc, SQuery *q, const AstStmt *st, bool bind_ok)
{
    const AstSelect *ast = st->query;
    if (!ast || !q->select)
        return;
    if (q->batch) {
        batch_check_query(sc, q, st);
        return;
    }
    if (st->kind == STMT_SELECT) {
        /* Dataset.show() of a streaming Dataset: UnsupportedOperationChecker.checkForBatch.
           Not after a binding error: an unknown FROM name makes no query streaming. */
        const AstSelect *leaf = leaf_block(ast);
        if (leaf->from && bind_ok)
            diag_error(sc->diag, leaf->from->span,
                       "Queries with streaming sources must be executed with "
                       "writeStream.start(); write INSERT INTO a sink to run a streaming query");
        return;
    }
    rule_save_mode(sc, q);
    if (!rule_streaming_source(sc, ast))
        return;
    /* An invalid outputMode was reported and left no value: skip the rules that need it. */
    bool mode_known = soptions_find(&q->options, "outputMode") != NULL;
    Chain c;
    build_chain(&c, ast, q->select);
    for (int i = 0; i < c.n; i++) {
        rule_distinct(sc, q, c.ast[i], c.sel[i], mode_known); /* in the order of the clauses */
        rule_sort(sc, q, c.ast[i], c.sel[i], mode_known);
        rule_limit(sc, q, c.ast[i], mode_known);
        rule_offset(sc, c.ast[i]);
    }
    stream_limit(sc, q, &c, mode_known);
    rule_union_first(sc, &c);
    for_union_branches(sc, q, &c, mode_known, rule_union_branch);
    rule_dedup(sc, q, &c, mode_known);
    int errors = diag_errors(sc->diag);
    rule_complete_needs_aggregation(sc, q, &c, mode_known);
    /* One message per query: Spark's checks stop at the first.  checkForStreaming refuses a
       join of two streams outside Append mode (its plan.foreachUp) before it calls
       checkStreamingQueryGlobalWatermarkLimit, last: an aggregation over the join in Update
       mode gets the join's message. */
    bool joins = diag_errors(sc->diag) > errors || rule_stream_join(sc, q, &c, mode_known);
    bool chain_ok = joins && rule_chain_correctness(sc, q, &c, mode_known);
    if (bind_ok && chain_ok && joins) {
        rule_session_window(sc, q, &c, mode_known);
        rule_append_needs_watermark(sc, q, &c, mode_known);
    }
    if (bind_ok && chain_ok && joins && mode_known && diag_errors(sc->diag) == errors)
        check_event_times(sc, q, q->select, NULL);
    rule_file_sink(sc, q, mode_known);
    const CmConnector *spec = sink_spec(q);
    if (spec && spec->checkpoint_required)
        sema_stream_require_checkpoint(sc, q);
    if (spec && spec->name_required)
        rule_query_name(sc, q);
    rule_one_writer(sc, q);
    rule_db_sink(sc, q, mode_known);
    sema_kafka_sink_check(sc, q);
    if (diag_errors(sc->diag) == errors)
        rule_consumer_group(sc, q, ast);
}
