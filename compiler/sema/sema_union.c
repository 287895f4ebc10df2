/* sema_union.c - UNION ALL in FROM: binds the branches, checks their columns, widens their types.
**
** Spark 3.5 resolves `b0 UNION ALL b1 ...` by position: the union's columns are the first
** branch's (names, and the watermark metadata that makes a column event time: Union.output
** keeps firstAttr.metadata), their types the wider type of each column over every branch
** (TypeCoercion.WidenSetOperationTypes, findWiderCommonType), every branch's outputs cast to
** it.  CheckAnalysis then refuses a branch with another number of columns
** (NUM_COLUMNS_MISMATCH) and, when some column has no wider type (so that nothing was
** widened), the first column of a later branch whose type differs from the first branch's
** (INCOMPATIBLE_COLUMN_TYPE), with its messages.  A plain UNION is a DISTINCT over this
** (ast_select_union, sema_select.c's distinct_as_group_by).
*/
#include "sema/sema_int.h"

/* Spark's ordinalNumber (QueryCompilationErrors): first, second, third, then 4th, 5th, ... */
static const char *ordinal(SemaCtx *sc, int i)
{
    static const char *const words[] = {"first", "second", "third"};
    return i < 3 ? words[i] : arena_sprintf(sc->arena, "%dth", i + 1);
}

/* findWiderCommonType over column c of every branch (sema_wider_fold).  NULL if there is
   none. */
static const Type *column_type(SemaCtx *sc, SSelect **b, int n, int c)
{
    const Type **types = ARENA_NEW_N(sc->arena, const Type *, n ? n : 1);
    for (int i = 0; i < n; i++)
        types[i] = b[i]->output.cols[c].type;
    const Type *t;
    return sema_wider_fold(sc->arena, types, n, sema_wider_type, true, &t) < 0 ? t : NULL;
}

/* Cast column c of branch s to t. */
static bool widen(SemaCtx *sc, SSelect *s, int c, const Type *t)
{
    SOutCol *o = &s->out[c];
    if (!o->expr || type_equal(o->expr->type, t))
        return true;
    if (s->gen >= 0 && (s->gen == c || (o->expr->kind == SX_FIELD &&
                                         o->expr->u.field.arg->kind == SX_EXPLODE))) {
        diag_error(sc->diag, o->span,
                   "a UNION column made by explode() of type %s cannot be widened to %s yet; "
                   "cast it in a subquery",
                   type_name(sc->arena, o->expr->type), type_name(sc->arena, t));
        return false;
    }
    o->expr = sema_coerce(sc, o->expr, t);
    s->output.cols[c].type = t;
    return true;
}

SSelect *sema_bind_union(SemaCtx *sc, const AstFrom *from, SSelect *sel)
{
    int n = from->n_branches;
    sel->branches = ARENA_NEW_N(sc->arena, SSelect *, n);
    sel->n_branches = n;
    for (int i = 0; i < n; i++)
        sel->branches[i] = sema_bind_select(sc, from->branches[i]);
    SSelect **b = sel->branches;
    int n_cols = b[0]->output.n;
    bool counts_ok = true;
    for (int i = 1; i < n; i++) {
        if (b[i]->output.n == n_cols)
            continue;
        diag_error(sc->diag, from->branches[i]->span,
                   "[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same "
                   "number of columns, but "
                   "the first input has %d columns and the %s input has %d columns.",
                   n_cols, ordinal(sc, i), b[i]->output.n);
        counts_ok = false;
    }
    if (!counts_ok)
        return b[0];
    const Type **wide = ARENA_NEW_N(sc->arena, const Type *, n_cols + 1);
    bool all = true;
    for (int c = 0; c < n_cols; c++) {
        for (int i = 0; i < n; i++)
            if (b[i]->output.cols[c].type == &sema_type_unknown)
                return b[0]; /* a column that did not bind: reported already */
        wide[c] = column_type(sc, b, n, c);
        all = all && wide[c];
    }
    if (!all) {
        /* Nothing was widened: the first column that differs from the first branch's. */
        for (int i = 1; i < n; i++) {
            for (int c = 0; c < n_cols; c++) {
                const Type *t1 = b[i]->output.cols[c].type, *t0 = b[0]->output.cols[c].type;
                if (type_equal(t1, t0))
                    continue;
                /* CheckAnalysis: INCOMPATIBLE_COLUMN_TYPE, "...first table.<hint>." with the
                   hint empty outside ANSI mode: two dots */
                diag_error(sc->diag, b[i]->out[c].span,
                           "[INCOMPATIBLE_COLUMN_TYPE] UNION can only be performed on tables with "
                           "compatible column types. The %s column of the %s table is \"%s\" "
                           "type which is not compatible with \"%s\" at the same column of the "
                           "first table..",
                           ordinal(sc, c), ordinal(sc, i), sema_map_sql_type(sc->arena, t1),
                           sema_map_sql_type(sc->arena, t0));
                return b[0];
            }
        }
        return b[0];
    }
    for (int c = 0; c < n_cols; c++)
        for (int i = 0; i < n; i++)
            if (!widen(sc, b[i], c, wide[c]))
                return b[0];
    return b[0];
}
