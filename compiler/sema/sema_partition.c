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

/* Does Spark evaluate the operands of e after the first only for some rows, whatever the
   first is: the right side of AND and OR, an IN list, CASE's later whens, its thens and
   else, the later arguments of COALESCE, NVL, IFNULL, NANVL and the higher-order
   functions?  (Otherwise a later operand is skipped only once an earlier one is NULL.) */
static bool skips_later_operands(const SExpr *e)
{
    return e->kind == SX_AND || e->kind == SX_OR || e->kind == SX_IN || e->kind == SX_CASE ||
           (e->kind == SX_CALL && skips_later_args(e->u.call.fn));
}

/* The call e of a partition function, evaluated for only some rows when cond; where: why
   no call may stand there, or NULL. */
static void check_call(PartCheck *pc, const SExpr *e, bool cond, const char *where)
{
    SFunc fn = e->u.call.fn;
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
}

/* Check e, evaluated for only some rows when cond; where: why no call may stand there, or
   NULL.  An operand after the first is evaluated for some rows only when e skips later
   operands or an earlier one can be NULL (a null-intolerant expression). */
static void walk(PartCheck *pc, const SExpr *e, bool cond, const char *where)
{
    if (!e)
        return;
    if (e->kind == SX_CALL && sema_is_partition_fn(e->u.call.fn)) {
        check_call(pc, e, cond, where);
        return;
    }
    bool skip = skips_later_operands(e);
    bool before_null = false; /* an earlier operand can be NULL */
    SExpr **op;
    for (int i = 0; (op = sema_expr_operand((SExpr *)e, i)); i++) {
        if (!*op)
            continue;
        walk(pc, *op, cond || (i > 0 && (skip || before_null)), where);
        before_null |= !never_null(*op);
    }
}

typedef struct WhereWalk {
    PartCheck *pc;
    const char *where;
} WhereWalk;

/* WHERE: each top-level conjunct is a root (FilterExec's order, cg_pipeline.c). */
static void walk_conjunct(SExpr *e, void *ctx)
{
    const WhereWalk *w = ctx;
    walk(w->pc, e, false, w->where);
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
    sema_conjuncts(s->where, NULL, walk_conjunct, &(WhereWalk){pc, where});
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

static SWalk deterministic_node(const SExpr *e, void *ctx)
{
    (void)ctx;
    if (e->kind != SX_CALL)
        return WALK_CONTINUE;
    SFunc fn = e->u.call.fn;
    bool nondeterministic =
        sema_is_partition_fn(fn) || fn == FN_INPUT_FILE_NAME || fn == FN_UUID || fn == FN_SHUFFLE;
    return nondeterministic ? WALK_ABORT : WALK_CONTINUE;
}

bool sema_is_deterministic(const SExpr *e)
{
    return sema_walk_expr(e, deterministic_node, NULL);
}

static SWalk partition_node(const SExpr *e, void *ctx)
{
    (void)ctx;
    return e->kind == SX_CALL && sema_is_partition_fn(e->u.call.fn) ? WALK_ABORT : WALK_CONTINUE;
}

bool sema_has_partition_fn(const SExpr *e)
{
    return !sema_walk_expr(e, partition_node, NULL);
}

void sema_partition_check(SemaCtx *sc, SQuery *q)
{
    PartCheck pc = {sc, q, false};
    check_query(&pc, q, NULL);
}
