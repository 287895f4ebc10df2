/* plan_distinct.c - the sets of DISTINCT aggregates of a batch query's aggregation.
**
** Spark plans DISTINCT aggregates by grouping on their values: one set of values
** (planAggregateWithOneDistinct: group by the keys and the values, aggregate once per
** distinct tuple) or several (RewriteDistinctAggregates: an Expand with one projection per
** set, tagged by a group id).  The result per aggregate is the aggregate of the distinct
** tuples of its values in the group, NaN and -0.0 normalised as grouping keys are
** (NormalizeFloatingNumbers in SparkStrategies.Aggregation and AggUtils).  sluice keeps the
** same tuples in one set per query: the key (set number, group key, values), see cg_agg.c.
** Split across threads, a task keeps the tuples it meets and the query's thread updates the
** aggregates of those new to the query's set, in input order, from the tuples' values
** (plan_distinct_folds).
** Must not: know about LLVM or the runtime.
*/
#include "plan/plan.h"

/* Do two DISTINCT aggregates see the same values? */
static bool same_values(const SAgg *a, const PDistinct *d)
{
    if (a->n_dargs != d->n_args)
        return false;
    for (int i = 0; i < d->n_args; i++)
        if (!sema_expr_equal(a->dargs[i], d->args[i]))
            return false;
    return true;
}

bool plan_distinct_folds(const SAgg *a)
{
    if (!a->distinct)
        return true;
    SAggBody body = sema_agg_info(a->kind)->body;
    if (type_is_ansi_interval(a->type) && (body == AGGB_SUM || body == AGGB_AVG) &&
        !sema_agg_has(a->kind, AGGP_TRY))
        return false;
    if (a->arg2 && (a->n_dargs < 2 || !sema_expr_equal(a->arg2, a->dargs[1])))
        return false;
    const SExpr *x = a->arg;
    if (x && x->kind == SX_CAST && !sema_expr_equal(x, a->dargs[0]))
        x = x->u.arg;
    return x && sema_expr_equal(x, a->dargs[0]);
}

bool plan_distinct(Arena *arena, Diag *diag, PQuery *pq, int first_id)
{
    const SSelect *s = pq->agg;
    pq->agg_distinct = ARENA_NEW_N(arena, int, s->n_agg ? s->n_agg : 1);
    pq->distinct = ARENA_NEW_N(arena, PDistinct, s->n_agg ? s->n_agg : 1);
    int n_values = s->n_agg;
    for (int i = 0; i < s->n_agg; i++) {
        const SAgg *a = &s->aggs[i];
        pq->agg_distinct[i] = -1;
        if (!a->distinct)
            continue;
        if (s->window_group >= 0 && s->group[s->window_group]->u.window.session) {
            /* sessions merge their states, a set of seen values would have to merge too */
            diag_error(diag, a->span,
                       "DISTINCT aggregates in a session window aggregation are not supported yet");
            return false;
        }
        int d = 0;
        while (d < pq->n_distinct && !same_values(a, &pq->distinct[d]))
            d++;
        pq->agg_distinct[i] = d;
        if (d < pq->n_distinct)
            continue;
        PDistinct *pd = &pq->distinct[pq->n_distinct++];
        pd->id = first_id + d;
        pd->args = a->dargs;
        pd->n_args = a->n_dargs;
        pd->first_value = n_values;
        n_values += a->n_dargs;
        int n = 1 + s->n_group + a->n_dargs;
        const Type **types = ARENA_NEW_N(arena, const Type *, n);
        types[0] = &type_int;
        for (int k = 0; k < s->n_group; k++)
            types[1 + k] = s->group[k]->type;
        for (int k = 0; k < a->n_dargs; k++)
            types[1 + s->n_group + k] = a->dargs[k]->type;
        plan_layout_key(arena, &pd->key, types, n);
    }
    return true;
}
