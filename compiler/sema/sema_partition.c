/* sema_partition.c - where rand, randn, monotonically_increasing_id and spark_partition_id
** may stand: values that depend on the partition a row is read in.
**
** Spark evaluates these per partition of the plan stage the expression runs in (Rand,
** Randn: XORShiftRandom(seed + partitionIndex); MonotonicallyIncreasingID: partitionIndex
** << 33 plus the rows it saw in the partition; SparkPartitionID: the index), and each
** expression instance keeps its own generator or counter (the codegen'd mutable state).
** sluice numbers the partitions of a scan only (runtime/src/core/srt_partition.c: one per
** file of a batch, in read order), so a call is accepted where Spark evaluates it in the
** scan's partitions, once for each row that reaches it:
**   - in a block reading a source or a table, or a subquery of such blocks, in its WHERE,
**     GROUP BY keys, the arguments of its (not DISTINCT) aggregates, a select list without
**     aggregation and, in a batch query, ORDER BY;
**   - not above an aggregation, DROP DUPLICATES (shuffled by their keys), a UNION (whose
**     partitions follow the previous branches') or a join, nor in the static side of one,
**     nor in HAVING or in the select list of an aggregating block (all evaluated after
**     Spark's shuffle);
**   - rand, randn and monotonically_increasing_id, whose values count the rows before, only
**     where Spark evaluates them for every row: an operand before which nothing can
**     be NULL (a null-intolerant expression skips the rest once an operand is NULL), not a
**     later branch of CASE (IF, NVL2, ELT), COALESCE, NVL, IFNULL, NANVL, the right side of
**     AND/OR, an IN list or a lambda function.  Each top-level conjunct of WHERE counts as
**     a root: FilterExec evaluates them in turn and stops at the first that is not true,
**     which the generated code does too (cg_pipeline.c's where_conjuncts).
** A query calling rand, randn or monotonically_increasing_id is marked sequence_fns: its
** batches stay on one thread (plan_parallel.c), as a task would restart the sequence.
*/
#include "sema/sema_int.h"

bool sema_is_partition_fn(SFunc fn)
{
    switch (fn) {
    case FN_RAND:
    case FN_RANDOM:
    case FN_RANDN:
    case FN_MONOTONICALLY_INCREASING_ID:
    case FN_SPARK_PARTITION_ID:
        return true;
    default:
        return false;
    }
}

typedef struct PartCheck {
    SemaCtx *sc; /* NULL: only look for a call (sema_has_partition_fn) */
    SQuery *q;
    bool found;
} PartCheck;

/* The name a message gives the call e (Spark's, as its column would be named). */
static const char *call_name(SFunc fn)
{
    return fn == FN_RANDOM               ? "rand"
           : fn == FN_SPARK_PARTITION_ID ? "SPARK_PARTITION_ID"
                                         : sema_func_name(fn);
}

/* Is e never NULL in Spark (a later operand of a null-intolerant expression is then
   evaluated whatever e is)?  Conservative: a constant, one of these calls, and arithmetic
   other than / and % (which give NULL for a zero divisor) of such values. */
static bool never_null(const SExpr *e)
{
    switch (e->kind) {
    case SX_CONST:
        return !e->u.value.is_null;
    case SX_CALL:
        return sema_is_partition_fn(e->u.call.fn);
    case SX_NEG:
        return never_null(e->u.arg);
    case SX_ARITH:
        return e->u.bin.op != BOP_DIV && e->u.bin.op != BOP_MOD && never_null(e->u.bin.lhs) &&
               never_null(e->u.bin.rhs);
    default:
        return false;
    }
}

/* Does Spark evaluate the arguments of fn after the first only for some rows? */
static bool skips_later_args(SFunc fn)
{
    switch (fn) {
    case FN_COALESCE:
    case FN_NVL:
    case FN_IFNULL:
    case FN_NANVL:
    FN_CASES_LAMBDA:
        return true;
    default:
        return false;
    }
}

static void walk(PartCheck *pc, const SExpr *e, bool cond, const char *where);

static void walk_call(PartCheck *pc, const SExpr *e, bool cond, const char *where)
{
    SFunc fn = e->u.call.fn;
    if (sema_is_partition_fn(fn)) {
        pc->found = true;
        if (!pc->sc)
            return;
        if (where)
            diag_error(pc->sc->diag, e->span,
                       "%s() %s is not supported yet: sluice numbers the partitions of a scan "
                       "only (write it in a subquery that reads the source)",
                       call_name(fn), where);
        else if (cond && fn != FN_SPARK_PARTITION_ID) /* the others count the rows */
            diag_error(pc->sc->diag, e->span,
                       "%s() where Spark may not evaluate it for every row (a later branch of "
                       "CASE, IF or COALESCE, the right side of AND or OR, an IN list, a lambda "
                       "function, or after an operand that can be NULL) is not supported yet: "
                       "compute it as a column of a subquery",
                       call_name(fn));
        else if (fn != FN_SPARK_PARTITION_ID)
            pc->q->sequence_fns = true;
        return;
    }
    bool skip = skips_later_args(fn);
    bool before_null = false; /* an earlier argument can be NULL */
    for (int i = 0; i < e->u.call.n_args; i++) {
        walk(pc, e->u.call.args[i], cond || (i > 0 && (skip || before_null)), where);
        before_null |= !never_null(e->u.call.args[i]);
    }
}

/* Check e, evaluated for only some rows when cond; where: why no call may stand there, or
   NULL. */
static void walk(PartCheck *pc, const SExpr *e, bool cond, const char *where)
{
    if (!e)
        return;
    switch (e->kind) {
    case SX_CONST:
    case SX_COLUMN:
    case SX_GROUP_REF:
    case SX_AGG_REF:
    case SX_LAMBDA_VAR:
        return;
    case SX_FIELD:
        walk(pc, e->u.field.arg, cond, where);
        return;
    case SX_INDEX:
        walk(pc, e->u.index.arg, cond, where);
        walk(pc, e->u.index.index, cond || !never_null(e->u.index.arg), where);
        return;
    case SX_NOT:
    case SX_NEG:
    case SX_CAST:
        walk(pc, e->u.arg, cond, where);
        return;
    case SX_EXPLODE:
        walk(pc, e->u.gen.arg, cond, where);
        return;
    case SX_ARITH:
    case SX_CMP:
    case SX_CONCAT:
        walk(pc, e->u.bin.lhs, cond, where);
        walk(pc, e->u.bin.rhs, cond || !never_null(e->u.bin.lhs), where);
        return;
    case SX_AND:
    case SX_OR:
        walk(pc, e->u.bin.lhs, cond, where);
        walk(pc, e->u.bin.rhs, true, where);
        return;
    case SX_IS_NULL:
        walk(pc, e->u.is_null.arg, cond, where);
        return;
    case SX_LIKE:
        walk(pc, e->u.like.arg, cond, where);
        walk(pc, e->u.like.pattern, cond || !never_null(e->u.like.arg), where);
        return;
    case SX_IN:
        walk(pc, e->u.in.arg, cond, where);
        for (int i = 0; i < e->u.in.n_values; i++)
            walk(pc, e->u.in.values[i], true, where);
        return;
    case SX_CASE:
        for (int i = 0; i < e->u.kase.n_whens; i++) {
            walk(pc, e->u.kase.whens[i], cond || i > 0, where);
            walk(pc, e->u.kase.thens[i], true, where);
        }
        walk(pc, e->u.kase.else_, true, where);
        return;
    case SX_CALL:
        walk_call(pc, e, cond, where);
        return;
    case SX_WINDOW:
        walk(pc, e->u.window.ts, cond, where);
        walk(pc, e->u.window.gap, cond || !never_null(e->u.window.ts), where); /* TimeAdd's right */
        return;
    }
}

/* WHERE: each top-level conjunct is a root (FilterExec's order, cg_pipeline.c). */
static void walk_where(PartCheck *pc, const SExpr *e, const char *where)
{
    if (e && e->kind == SX_AND) {
        walk_where(pc, e->u.bin.lhs, where);
        walk_where(pc, e->u.bin.rhs, where);
    } else {
        walk(pc, e, false, where);
    }
}

static void check_query(PartCheck *pc, const SQuery *q, const char *where);

/* Check block s, whose input is read in the scan's partitions unless where says why not;
   returns why its output rows are not (NULL when they are). */
static const char *check_block(PartCheck *pc, const SSelect *s, const char *where)
{
    if (s->n_branches) {
        for (int b = 0; b < s->n_branches; b++)
            check_block(pc, s->branches[b], where);
        where = where ? where : "over a UNION";
    } else if (s->sub) {
        where = check_block(pc, s->sub, where);
    }
    if (s->join) {
        const SJoin *j = s->join;
        for (int side = 0; j->streams && side < 2; side++)
            if (j->sides[side] && j->sides[side] != s->sub)
                check_block(pc, j->sides[side], where);
        if (j->build)
            check_query(pc, j->build, "in the static side of a join");
        where = where ? where : "over a join";
        for (int k = 0; k < j->n_keys; k++) {
            walk(pc, j->probe_keys[k], false, "in a join condition");
            walk(pc, j->build_keys[k], false, "in a join condition");
        }
        walk(pc, j->cond, false, "in a join condition");
        walk(pc, j->side_cond[0], false, "in a join condition");
        walk(pc, j->side_cond[1], false, "in a join condition");
    }
    walk_where(pc, s->where, where);
    if (s->dedup && !where)
        where = "after DROP DUPLICATES";
    if (!s->has_agg) {
        for (int i = 0; i < s->n_out; i++)
            walk(pc, s->out[i].expr, false, where);
        for (int i = 0; i < s->n_order; i++)
            walk(pc, s->order[i].expr, false, where);
        return where;
    }
    for (int i = 0; i < s->n_group; i++)
        walk(pc, s->group[i], false, where);
    for (int i = 0; i < s->n_agg; i++) {
        const SAgg *a = &s->aggs[i];
        const char *w = where ? where : a->distinct ? "in a DISTINCT aggregate" : NULL;
        walk(pc, a->arg, false, w);
        walk(pc, a->arg2, false, w);
        for (int k = 0; k < a->n_dargs; k++)
            walk(pc, a->dargs[k], false, w);
    }
    const char *after = where ? where : "above an aggregation";
    walk(pc, s->having, false, after);
    for (int i = 0; i < s->n_out; i++)
        walk(pc, s->out[i].expr, false, after);
    for (int i = 0; i < s->n_order; i++)
        walk(pc, s->order[i].expr, false, after);
    return after;
}

static void check_query(PartCheck *pc, const SQuery *q, const char *where)
{
    if (q && q->select)
        check_block(pc, q->select, where);
}

bool sema_is_deterministic(const SExpr *e)
{
    if (!e)
        return true;
    if (e->kind == SX_CALL) {
        SFunc fn = e->u.call.fn;
        if (sema_is_partition_fn(fn) || fn == FN_INPUT_FILE_NAME || fn == FN_UUID ||
            fn == FN_SHUFFLE)
            return false;
    }
    SExpr **op;
    for (int i = 0; (op = sema_expr_operand((SExpr *)e, i)) != NULL; i++)
        if (!sema_is_deterministic(*op))
            return false;
    return true;
}

bool sema_has_partition_fn(const SExpr *e)
{
    PartCheck pc = {NULL, NULL, false};
    walk(&pc, e, false, NULL);
    return pc.found;
}

void sema_partition_check(SemaCtx *sc, SQuery *q)
{
    PartCheck pc = {sc, q, false};
    check_query(&pc, q, NULL);
}
