/* sema_walk.c - the one walker over bound expressions: each kind's operands, a read-only walk
** and a copy with the operands replaced.
**
** As SQLite's walker.c: sema_expr_operand is the only place that knows which operands each
** SExpr kind has (a switch without default, so -Wswitch names it when a kind is added), in
** the order Spark evaluates them (Expression.children: CASE's are when, then, when, then,
** ..., else).  A pass that descends the same way into every kind is a callback of
** sema_walk_expr (pre-order; it answers WALK_CONTINUE, WALK_PRUNE to skip the node's
** operands or WALK_ABORT to stop), or, when it rebuilds the tree, of sema_map_operands.
** Passes whose per-kind logic is the point (binding, codegen, the printers) keep their own
** switch but reach the operands through sema_expr_operand where they descend generically.
** A pass over a filter's conjuncts (ON, WHERE, HAVING) takes them from sema_conjuncts.
*/
#include "sema/sema_int.h"

/* The slot of item k of the list *list of n (copied into own first, when given, as k == 0
   reaches it), or NULL past its end. */
static SExpr **nth(Arena *own, SExpr ***list, int n, int k)
{
    if (own && k == 0) {
        SExpr **copy = ARENA_NEW_N(own, SExpr *, n ? n : 1);
        for (int j = 0; j < n; j++)
            copy[j] = (*list)[j];
        *list = copy;
    }
    return k < n ? &(*list)[k] : NULL;
}

/* sema_expr_operand, the lists of e copied into own (when given) as they are reached. */
static SExpr **operand(SExpr *e, int i, Arena *own)
{
    switch (e->kind) {
    case SX_CONST:
    case SX_COLUMN:
    case SX_GROUP_REF:
    case SX_AGG_REF:
    case SX_LAMBDA_VAR:
        return NULL;
    case SX_FIELD:
        return i == 0 ? &e->u.field.arg : NULL;
    case SX_INDEX:
        return i == 0 ? &e->u.index.arg : i == 1 ? &e->u.index.index : NULL;
    case SX_NOT:
    case SX_NEG:
    case SX_CAST:
        return i == 0 ? &e->u.arg : NULL;
    case SX_EXPLODE:
        return i == 0 ? &e->u.gen.arg : NULL;
    case SX_ARITH:
    case SX_CMP:
    case SX_AND:
    case SX_OR:
    case SX_CONCAT:
        return i == 0 ? &e->u.bin.lhs : i == 1 ? &e->u.bin.rhs : NULL;
    case SX_IS_NULL:
        return i == 0 ? &e->u.is_null.arg : NULL;
    case SX_LIKE:
        return i == 0 ? &e->u.like.arg : i == 1 ? &e->u.like.pattern : NULL;
    case SX_IN:
        return i == 0 ? &e->u.in.arg : nth(own, &e->u.in.values, e->u.in.n_values, i - 1);
    case SX_CASE: {
        int n = e->u.kase.n_whens;
        if (i < 2 * n)
            return i % 2 ? nth(own, &e->u.kase.thens, n, i / 2)
                         : nth(own, &e->u.kase.whens, n, i / 2);
        return i == 2 * n ? &e->u.kase.else_ : NULL;
    }
    case SX_CALL:
        return nth(own, &e->u.call.args, e->u.call.n_args, i);
    case SX_WINDOW:
        return i == 0 ? &e->u.window.ts : i == 1 && e->u.window.gap ? &e->u.window.gap : NULL;
    }
    return NULL;
}

SExpr **sema_expr_operand(SExpr *e, int i)
{
    return operand(e, i, NULL);
}

bool sema_walk_expr(const SExpr *e, SWalkFn visit, void *ctx)
{
    if (!e)
        return true;
    switch (visit(e, ctx)) {
    case WALK_CONTINUE:
        break;
    case WALK_PRUNE:
        return true;
    case WALK_ABORT:
        return false;
    }
    SExpr **op;
    for (int i = 0; (op = sema_expr_operand((SExpr *)e, i)); i++)
        if (!sema_walk_expr(*op, visit, ctx))
            return false;
    return true;
}

SExpr *sema_map_operands(Arena *arena, const SExpr *e, SMapFn map, void *ctx)
{
    SExpr *c = ARENA_NEW(arena, SExpr);
    *c = *e;
    SExpr **op;
    for (int i = 0; (op = operand(c, i, arena)); i++)
        *op = *op ? map(*op, ctx) : NULL;
    return c;
}

void sema_conjuncts(const SExpr *e, bool (*split)(const SExpr *and_), SConjFn visit, void *ctx)
{
    if (!e)
        return;
    if (e->kind == SX_AND && (!split || split(e))) {
        sema_conjuncts(e->u.bin.lhs, split, visit, ctx);
        sema_conjuncts(e->u.bin.rhs, split, visit, ctx);
        return;
    }
    visit((SExpr *)e, ctx);
}
