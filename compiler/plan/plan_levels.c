/* plan_levels.c - the aggregations over an aggregation of a batch query.
**
** SELECT action, sum(c) FROM (SELECT action, window(time, '1 hour') AS w, count(*) AS c
** FROM events GROUP BY action, window(time, '1 hour')) GROUP BY action: Spark plans each
** Aggregate on its own; a batch query runs them one after the other.  The first level is the
** query's PQuery (the per-record pipeline ends in its groups); each level above is a PQuery of
** its own (pq->next) with its key and state layouts, whose rows are the groups of the level
** below passed through the blocks between them: that level's emit function updates the next
** level's group table (state operator PSTATE_AGG_UPPER + k) instead of making a row, and the
** runtime outputs the levels in order (srt_op_agg.c).
**
** A streaming query chains its levels in append mode only (Spark 3.4+, SPARK-40925; sema_stream.c
** refuses the other modes as Spark's checkStreamingQueryGlobalWatermarkLimit does): a level's
** groups reach the level above when the watermark makes them final, the rows Spark's
** StateStoreSaveExec emits in append mode, in the same batch.  Each level is a stateful
** operator with its own checkpointed state and event-time key, evicted with the same
** watermark: Spark 3.5 propagates the watermark through an aggregation unchanged
** (StateStoreWriter.produceOutputWatermark returns its input), so every level's late-row
** threshold is the previous batch's watermark and its eviction threshold the batch's.
** Must not: know about LLVM or the runtime.
*/
#include "plan/plan.h"

/* What an upper level cannot do yet. */
static bool check_upper(Diag *diag, const SSelect *s)
{
    if (s->window_group >= 0 && s->group[s->window_group]->u.window.session) {
        diag_error(diag, s->group[s->window_group]->span,
                   "session_window in an aggregation over an aggregation is not supported yet");
        return false;
    }
    for (int i = 0; i < s->n_agg; i++)
        if (plan_agg_collects(&s->aggs[i])) {
            /* the runtime accounts a group's collected values to the first level's table */
            diag_error(diag, s->aggs[i].span,
                       "%s in an aggregation over an aggregation is not supported yet",
                       sema_agg_name(s->aggs[i].kind));
            return false;
        }
    return true;
}

bool plan_agg_levels(Arena *arena, Diag *diag, PQuery *pq, const SSelect **chain, int depth, int agg_at)
{
    PQuery *lv = pq;
    int at = agg_at, ids = pq->n_distinct, level = 0;
    for (int j = agg_at + 1; j < depth; j++) {
        const SSelect *s = chain[j];
        if (!s->has_agg)
            continue;
        if (!check_upper(diag, s))
            return false;
        PQuery *up = ARENA_NEW(arena, PQuery);
        up->query = pq->query;
        up->source = pq->source;
        up->top = pq->top;
        up->pre = chain + at + 1;
        up->n_pre = j - at - 1;
        up->agg = s;
        up->post = chain + j + 1;
        up->n_post = depth - j - 1;
        up->watermark_col = -1;
        up->pushdown = ARENA_NEW(arena, PPushdown); /* its rows are the level below's */
        up->serial = "updated from the level below at the batch's output, on the query's thread";
        const Type **types = ARENA_NEW_N(arena, const Type *, s->n_group + 1);
        for (int i = 0; i < s->n_group; i++)
            types[i] = s->group[i]->type;
        plan_layout_key(arena, &up->key, types, s->n_group);
        plan_layout_state(arena, up);
        if (!plan_distinct(arena, diag, up, ids))
            return false;
        ids += up->n_distinct;
        plan_find_event_key(up);
        if (!pq->query->batch && up->event_key < 0) {
            /* Append mode (sema_stream.c refuses the others): the level below emits a group
               once the watermark closes it, so a level needs an event-time key for its own
               groups to close.  sema refuses an outermost level without one as Spark does. */
            diag_error(diag, s->span,
                       "an aggregation over an aggregation without an event-time key is not "
                       "supported yet");
            return false;
        }
        if (s->window_group >= 0) {
            const SExpr *w = s->group[s->window_group];
            up->window_n = sema_window_count(w);
        }
        lv->n_post = j - at; /* the blocks up to and with the next level's */
        lv->next = up;
        lv->next_op = PSTATE_AGG_UPPER + level++;
        lv = up;
        at = j;
    }
    return true;
}
