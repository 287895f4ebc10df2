/* plan_joinopt.c - the join type and state bounds Spark's optimizer gives a streaming join.
**
** EliminateOuterJoin (Spark 3.5 joins.scala) turns an outer join under a Filter into a less
** outer one when the Filter drops the rows the join pads with NULLs: a conjunct (or an
** IsNotNull constraint the Filter infers, QueryPlanConstraints) over the padded side's columns
** alone that is NULL or false when they are all NULL (canFilterOutNull) makes LeftOuter and
** RightOuter Inner, FullOuter LeftOuter, RightOuter or Inner.  The rule runs in the optimizer,
** after UnsupportedOperationChecker has accepted the query on its analyzed plan
** (QueryExecution.assertSupported), so what sema accepts or refuses stays; what changes is the
** join that runs: which side's unmatched rows are output, the filters over its sides
** (plan_pushdown.c) and its state.
**
** PushPredicateThroughJoin moves the conjuncts over both sides of a Filter above an InnerLike
** join into its condition, where StreamingSymmetricHashJoinHelper.getStateWatermarkPredicates
** finds time bounds on a side's state (StreamingJoinHelper.getStateValueWatermark) as in ON.
**
** The Filter right above the join is the join block's WHERE with the WHEREs of the blocks
** above that PushPredicateThroughNonJoin and CombineFilters bring down onto it (they run
** before EliminateOuterJoin's next pass in the same optimizer batch); canFilterOutNull's
** evaluation over NULLs is plan_nulleval.c's.  Each join block gets a copy of its SJoin with
** the optimized type (written keeps the analyzed one) and that Filter's conjuncts, held by the
** plan (PQuery.join_views), which codegen, the pushdown and explain read through plan_join_of
** and plan_join_where.  Not modelled: EliminateOuterJoin's cases that drop an outer join under
** an Aggregate of duplicate-agnostic aggregates over the preserved side only, or under a
** Project of the preserved side when the other side's keys are unique (docs/language.md).
** Must not: know about LLVM or the runtime.
*/
#include "plan/plan.h"

#include <string.h>

/* buildNewJoinType's leftHasNonNullPredicate / rightHasNonNullPredicate: does a conjunct of
   the WHERE (over j's raw space) over side's columns alone filter out NULL, or does any
   conjunct give an IsNotNull constraint on one of side's columns (inferIsNotNullConstraints)?
*/
static bool side_non_null(Arena *arena, const SJoin *j, const SExpr **where, int n, int side)
{
    int n_raw = j->n_left + j->n_right, base = side ? j->n_left : 0;
    bool *nn = ARENA_NEW_N(arena, bool, n_raw + 1);
    for (int i = 0; i < n; i++) {
        if (!where[i])
            continue;
        if (plan_reads_side_only(arena, j, side, where[i]) && plan_filters_out_null(where[i]))
            return true;
        plan_conjuncts_not_null(where[i], nn);
    }
    for (int c = base; c < base + (side ? j->n_right : j->n_left); c++)
        if (nn[c])
            return true;
    return false;
}

/* EliminateOuterJoin's new join type for j under the WHERE's conjuncts. */
static AstJoinType new_join_type(Arena *arena, const SJoin *j, const SExpr **where, int n)
{
    bool outer_l = j->type == JOIN_RIGHT_OUTER || j->type == JOIN_FULL_OUTER;
    bool outer_r = j->type == JOIN_LEFT_OUTER || j->type == JOIN_FULL_OUTER;
    bool l = outer_l && side_non_null(arena, j, where, n, 0);
    bool r = outer_r && side_non_null(arena, j, where, n, 1);
    switch (j->type) {
    case JOIN_RIGHT_OUTER:
        return l ? JOIN_INNER : j->type;
    case JOIN_LEFT_OUTER:
        return r ? JOIN_INNER : j->type;
    case JOIN_FULL_OUTER:
        return l && r ? JOIN_INNER : l ? JOIN_LEFT_OUTER : r ? JOIN_RIGHT_OUTER : j->type;
    default:
        return j->type;
    }
}

/* The bounds on side's state of an InnerLike stream-stream join j whose condition gets the
   WHERE's conjuncts (PushPredicateThroughJoin): ON's, then the WHERE's. */
static void where_bounds(Arena *arena, SJoin *j, const SExpr **where, int n, int side)
{
    if (j->wm_col[1 - side] < 0) /* no watermark on the other side: nothing to solve with */
        return;
    int count = j->n_bounds[side];
    for (int i = 0; i < n; i++)
        if (where[i])
            count = sema_join_value_bounds(j, where[i], side, NULL, count);
    if (count == j->n_bounds[side])
        return;
    SJoinBound *b = ARENA_NEW_N(arena, SJoinBound, count + 1);
    if (j->n_bounds[side])
        memcpy(b, j->bounds[side], sizeof *b * (size_t)j->n_bounds[side]);
    int k = j->n_bounds[side];
    for (int i = 0; i < n; i++)
        if (where[i])
            k = sema_join_value_bounds(j, where[i], side, b, k);
    j->bounds[side] = b;
    j->n_bounds[side] = count;
}

/* ==== The Filter right above a join ==== */

/* The conjuncts found so far, over the join's raw space. */
typedef struct Conjs {
    Arena *arena;
    const SJoin *j;
    const SExpr **v;
    int n, cap;
} Conjs;

static void push_conj(SExpr *e, void *ctx)
{
    Conjs *cs = ctx;
    if (cs->n == cs->cap) {
        cs->cap = cs->cap ? 2 * cs->cap : 8;
        const SExpr **v = ARENA_NEW_N(cs->arena, const SExpr *, cs->cap);
        if (cs->n)
            memcpy(v, cs->v, sizeof *v * (size_t)cs->n);
        cs->v = v;
    }
    cs->v[cs->n++] = plan_join_raw(cs->arena, cs->j, e);
}

/* e over block m's output as an expression over m's input: each column replaced by m's
   select item (PushPredicateThroughNonJoin's replaceAlias through m's Project). */
typedef struct Below {
    Arena *arena;
    const SSelect *m;
} Below;

static SExpr *below_operand(SExpr *e, void *ctx);

static SExpr *below(const Below *b, const SExpr *e)
{
    if (e->kind == SX_COLUMN)
        return b->m->out[e->u.column].expr;
    return sema_map_operands(b->arena, e, below_operand, (void *)b);
}

static SExpr *below_operand(SExpr *e, void *ctx)
{
    return below(ctx, e);
}

/* Does a Filter above block m move below its output onto its WHERE?  PushPredicateThroughNonJoin
   moves a Filter through a Project whose fields are all deterministic, and through nothing
   else m may have here (Aggregate, Deduplicate, the window Expand, Generate, Sort, Union). */
static bool filter_passes(const SSelect *m)
{
    if (m->has_agg || m->dedup || m->window || m->gen >= 0 || m->n_order || m->n_branches)
        return false;
    for (int c = 0; c < m->n_out; c++)
        if (!sema_is_deterministic(m->out[c].expr))
            return false;
    return true;
}

/* The block of blocks[0..n) whose WHERE is a Filter right over m's output: one reading m as a
   subquery, with no join of its own; NULL if none. */
static const SSelect *parent_of(const SSelect **blocks, int n, const SSelect *m)
{
    for (int i = 0; i < n; i++)
        if (blocks[i]->sub == m && !blocks[i]->join && !blocks[i]->n_branches &&
            blocks[i]->input.n == m->n_out)
            return blocks[i];
    return NULL;
}

/* A conjunct of a WHERE over the output of path[depth - 1], lowered through the blocks
   path[depth - 1] ... path[0] (the join block) and added to cs. */
typedef struct Lift {
    Conjs *cs;
    const SSelect **path;
    int depth;
} Lift;

static void push_lowered(SExpr *c, void *ctx)
{
    const Lift *l = ctx;
    SExpr *e = c;
    for (int d = l->depth - 1; d >= 0; d--)
        e = below(&(Below){l->cs->arena, l->path[d]}, e);
    push_conj(e, l->cs);
}

/* The conjuncts of the Filter right above join block jb's join once Spark's optimizer has
   moved the WHEREs of the blocks above (among blocks[0..n)) down onto it, over the join's raw
   space (NULL: one reading both sides' USING key of a full outer join), jb's WHERE first:
   PushPredicateThroughNonJoin moves a Filter through the Project of a subquery whose fields
   are deterministic, and CombineFilters merges it into the Filter below when that one is
   deterministic (otherwise it stays above, and so do those over it). */
static int reaching_where(Arena *arena, const SSelect *jb, const SSelect **blocks, int n,
                          const SExpr ***out)
{
    Conjs cs = {arena, jb->join, NULL, 0, 0};
    Lift lift = {&cs, ARENA_NEW_N(arena, const SSelect *, n + 1), 0};
    sema_conjuncts(jb->where, NULL, push_conj, &cs);
    lift.path[lift.depth++] = jb;
    bool open = !jb->where || sema_is_deterministic(jb->where);
    const SSelect *p;
    for (const SSelect *m = jb; open && filter_passes(m) && (p = parent_of(blocks, n, m)); m = p) {
        sema_conjuncts(p->where, NULL, push_lowered, &lift);
        open = !p->where || sema_is_deterministic(p->where);
        lift.path[lift.depth++] = p;
    }
    *out = cs.v ? cs.v : ARENA_NEW_N(arena, const SExpr *, 1);
    return cs.n;
}

/* The optimized copy of join block jb's join, under the Filter that reaches it (where[0..n)). */
static SJoin *optimized(Arena *arena, const SSelect *jb, const SExpr **where, int n)
{
    SJoin *j = ARENA_NEW(arena, SJoin);
    *j = *jb->join;
    j->type = new_join_type(arena, j, where, n);
    if (j->type != j->written) {
        j->kind = j->type == JOIN_INNER ? SJ_INNER : SJ_OUTER;
        j->outer[0] = j->streams && j->type == JOIN_LEFT_OUTER;
        j->outer[1] = j->streams && j->type == JOIN_RIGHT_OUTER;
    }
    bool inner = j->type == JOIN_INNER || j->type == JOIN_CROSS;
    for (int side = 0; j->streams && inner && side < 2; side++)
        where_bounds(arena, j, where, n, side);
    return j;
}

void plan_optimize_joins(Arena *arena, PQuery *pq, const SSelect **chain, int n)
{
    if (pq->query->batch)
        return; /* a batch query's rows are the same either way */
    PJoinView *v = ARENA_NEW_N(arena, PJoinView, pq->n_join_views + n + 1);
    if (pq->n_join_views)
        memcpy(v, pq->join_views, sizeof *v * (size_t)pq->n_join_views);
    pq->join_views = v;
    for (int i = 0; i < n; i++) {
        const SSelect *s = chain[i];
        if (!s->join || s->join->full || plan_join_of(pq, s) != s->join)
            continue; /* no join, a full outer one, or one optimized before */
        const SExpr **where;
        int n_where = reaching_where(arena, s, chain, n, &where);
        pq->join_views[pq->n_join_views++] =
            (PJoinView){s, optimized(arena, s, where, n_where), where, n_where};
    }
}

const SJoin *plan_join_of(const PQuery *pq, const SSelect *s)
{
    for (int i = 0; i < pq->n_join_views; i++)
        if (pq->join_views[i].block == s)
            return pq->join_views[i].join;
    return s->join;
}
