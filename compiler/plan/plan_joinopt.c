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
** The join block's WHERE is the Filter right above the join; each join block gets a copy of
** its SJoin with the optimized type (written keeps the analyzed one), held by the plan
** (PQuery.join_views), which codegen and explain read through plan_join_of.  Must not: know
** about LLVM or the runtime.
*/
#include "plan/plan.h"

#include <string.h>

/* The value of an expression whose columns are all NULL, as far as it is known. */
typedef enum NullVal {
    NV_UNKNOWN, /* not known here (canFilterOutNull is then false) */
    NV_NULL,
    NV_TRUE,
    NV_FALSE,
    NV_VALUE /* some value that is not NULL */
} NullVal;

static NullVal nv_bool(bool b)
{
    return b ? NV_TRUE : NV_FALSE;
}

static NullVal null_eval(const SExpr *e);

/* And, Or: three-valued. */
static NullVal null_logic(const SExpr *e)
{
    NullVal a = null_eval(e->u.bin.lhs), b = null_eval(e->u.bin.rhs);
    NullVal absorb = e->kind == SX_AND ? NV_FALSE : NV_TRUE;
    NullVal unit = e->kind == SX_AND ? NV_TRUE : NV_FALSE;
    if (a == absorb || b == absorb)
        return absorb;
    if (a == unit && b == unit)
        return unit;
    if ((a == NV_NULL || a == unit) && (b == NV_NULL || b == unit))
        return NV_NULL;
    return NV_UNKNOWN;
}

/* Coalesce: its first operand that is not NULL. */
static NullVal null_coalesce(const SExpr *e)
{
    for (int i = 0; i < e->u.call.n_args; i++) {
        NullVal v = null_eval(e->u.call.args[i]);
        if (v != NV_NULL)
            return v;
    }
    return NV_NULL;
}

/* e evaluated over a row of NULLs (canFilterOutNull's emptyRow): a NullIntolerant expression
   with a NULL operand is NULL; IsNull, Not, And, Or, EqualNullSafe, Coalesce, In (NULL when
   its value is) and Concat (NULL when an operand is) as Spark evaluates them. */
static NullVal null_eval(const SExpr *e)
{
    switch (e->kind) {
    case SX_COLUMN:
        return NV_NULL;
    case SX_CONST:
        return e->u.value.is_null            ? NV_NULL
               : e->type->kind == TY_BOOLEAN ? nv_bool(e->u.value.i != 0)
                                             : NV_VALUE;
    case SX_IS_NULL: {
        NullVal v = null_eval(e->u.is_null.arg);
        if (v == NV_UNKNOWN)
            return NV_UNKNOWN;
        return nv_bool((v == NV_NULL) != e->u.is_null.negated);
    }
    case SX_NOT: {
        NullVal v = null_eval(e->u.arg);
        return v == NV_TRUE    ? NV_FALSE
               : v == NV_FALSE ? NV_TRUE
               : v == NV_NULL  ? NV_NULL
                               : NV_UNKNOWN;
    }
    case SX_AND:
    case SX_OR:
        return null_logic(e);
    case SX_IN:
        return null_eval(e->u.in.arg) == NV_NULL ? NV_NULL : NV_UNKNOWN;
    case SX_CALL:
        if (e->u.call.fn == FN_COALESCE)
            return null_coalesce(e);
        break;
    case SX_CMP:
        if (e->u.bin.op == BOP_NSEQ) { /* EqualNullSafe: NULL <=> NULL, NULL <=> x false */
            NullVal a = null_eval(e->u.bin.lhs), b = null_eval(e->u.bin.rhs);
            if (a == NV_NULL && b == NV_NULL)
                return NV_TRUE;
            if ((a == NV_NULL && b != NV_UNKNOWN) || (b == NV_NULL && a != NV_UNKNOWN))
                return NV_FALSE;
            return NV_UNKNOWN;
        }
        break;
    default:
        break;
    }
    if (sema_null_intolerant(e) || e->kind == SX_CONCAT) {
        SExpr **op;
        for (int i = 0; (op = sema_expr_operand((SExpr *)e, i)) != NULL; i++)
            if (*op && null_eval(*op) == NV_NULL)
                return NV_NULL;
    }
    return NV_UNKNOWN;
}

/* canFilterOutNull: is deterministic e NULL or false when every column it reads is NULL? */
static bool filters_out_null(const SExpr *e)
{
    if (!sema_is_deterministic(e))
        return false;
    NullVal v = null_eval(e);
    return v == NV_NULL || v == NV_FALSE;
}

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
        if (plan_reads_side_only(arena, j, side, where[i]) && filters_out_null(where[i]))
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

/* The optimized copy of join block jb's join. */
static SJoin *optimized(Arena *arena, const SSelect *jb)
{
    SJoin *j = ARENA_NEW(arena, SJoin);
    *j = *jb->join;
    const SExpr **where;
    int n = plan_join_where(arena, jb, &where);
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
        pq->join_views[pq->n_join_views++] = (PJoinView){s, optimized(arena, s)};
    }
}

const SJoin *plan_join_of(const PQuery *pq, const SSelect *s)
{
    for (int i = 0; i < pq->n_join_views; i++)
        if (pq->join_views[i].block == s)
            return pq->join_views[i].join;
    return s->join;
}
