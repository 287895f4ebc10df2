/* sema_organize.c - Spark's query-result clauses other than ORDER BY (CLUSTER BY,
** DISTRIBUTE BY, SORT BY: AstBuilder.withQueryResultClauses) and TABLESAMPLE
** (AstBuilder.withSample): what sluice runs of them, and Spark's refusals.
**
** DISTRIBUTE BY is Spark's RepartitionByExpression: it moves rows between partitions and
** changes nothing else, so a query's DISTRIBUTE BY is bound (its errors are Spark's) and has
** no effect.  SORT BY and CLUSTER BY sort each partition on its own (Sort(global = false)),
** which sluice does not do: refused, on a stream with Spark's Sorting message where Spark
** refuses any sort (sema_stream.c).  Sampling is refused on a stream as Spark refuses it.
*/
#include <string.h>

#include "sema/sema_int.h"

/* Spark's combinationQueryResultClausesUnsupportedError: ORDER BY alone, SORT BY, DISTRIBUTE
   BY, DISTRIBUTE BY with SORT BY, or CLUSTER BY alone. */
static bool valid_combination(const AstSelect *a)
{
    bool o = a->n_order_by > 0, c = a->cluster_by.n > 0, d = a->distribute_by.n > 0,
         s = a->n_sort_by > 0;
    return !(o && (c || d || s)) && !(c && (d || s));
}

void sema_refuse_local_sort(SemaCtx *sc, const AstSelect *a)
{
    bool cluster = a->cluster_by.n > 0;
    diag_error(sc->diag, cluster ? a->cluster_by_span : a->sort_by_span,
               "%s is not supported yet: Spark sorts each partition on its own (use ORDER BY "
               "to sort all rows)",
               cluster ? "CLUSTER BY" : "SORT BY");
}

/* DISTRIBUTE BY or CLUSTER BY keys, bound as ORDER BY's items are (select aliases first,
   then input columns), and dropped. */
static void bind_keys(SemaCtx *sc, SelBlock *blk, const AstExprList *keys)
{
    SSelect *sel = blk->sel;
    Binder b = {sc,        blk,  "ORDER BY", true,  sel->has_agg, false,
                OUT_FIRST, NULL, NULL,       false, NULL,         NULL};
    for (int i = 0; i < keys->n; i++) {
        SExpr *x = keys->items[i] ? sema_bind_expr(&b, keys->items[i]) : NULL;
        if (x && sel->has_agg)
            sema_to_agg_space(sc, blk, sel->group, sel->n_group, x);
    }
}

void sema_bind_result_clauses(SemaCtx *sc, SelBlock *blk)
{
    const AstSelect *a = blk->ast;
    if (!a->cluster_by.n && !a->distribute_by.n && !a->n_sort_by)
        return;
    if (!valid_combination(a)) {
        SrcSpan at = a->cluster_by.n && a->n_order_by ? a->cluster_by_span
                     : a->distribute_by.n             ? a->distribute_by_span
                                                      : a->sort_by_span;
        diag_error(sc->diag, at,
                   "[UNSUPPORTED_FEATURE.COMBINATION_QUERY_RESULT_CLAUSES] The feature is not "
                   "supported: Combination of ORDER BY/SORT BY/DISTRIBUTE BY/CLUSTER BY.");
        return;
    }
    bind_keys(sc, blk, &a->cluster_by);
    bind_keys(sc, blk, &a->distribute_by);
    if (sc->batch_query && (a->cluster_by.n || a->n_sort_by))
        sema_refuse_local_sort(sc, a); /* a stream's: sema_stream.c's rule_sort */
}

/* Spark's withSample: the method, then UnsupportedOperationChecker's Sample rule. */
static void check_sample(SemaCtx *sc, const AstFrom *f)
{
    const AstSample *smp = f->sample;
    switch (smp->kind) {
    case SAMPLE_EMPTY:
        diag_error(sc->diag, smp->span, "TABLESAMPLE does not accept empty inputs.");
        return;
    case SAMPLE_ROWS:
        diag_error(sc->diag, smp->span,
                   "TABLESAMPLE (n ROWS) is not supported yet (Spark reads it as LIMIT n)");
        return;
    case SAMPLE_OTHER:
        diag_error(sc->diag, smp->span,
                   "TABLESAMPLE(byteLengthLiteral) not supported (sample by x PERCENT, n ROWS "
                   "or BUCKET x OUT OF y)");
        return;
    case SAMPLE_PERCENT:
    case SAMPLE_BUCKET:
        break;
    }
    int streaming = sema_from_streaming(sc, f);
    if (streaming > 0)
        diag_error(sc->diag, smp->span,
                   "Sampling is not supported on streaming DataFrames/Datasets");
    else if (streaming == 0)
        diag_error(sc->diag, smp->span,
                   "TABLESAMPLE is not supported yet (Spark draws a random sample)");
}

void sema_check_from_clauses(SemaCtx *sc, const AstFrom *f)
{
    if (!f)
        return;
    if (f->kind == FROM_JOIN) {
        sema_check_from_clauses(sc, f->join->left);
        sema_check_from_clauses(sc, f->join->right);
        return;
    }
    if (f->sample)
        check_sample(sc, f);
    const AstSelect *sub = f->kind == FROM_SUBQUERY ? f->sub : NULL;
    if (sub && sub->distribute_by.n)
        diag_error(sc->diag, sub->distribute_by_span,
                   "DISTRIBUTE BY in a subquery is not supported yet (sluice keeps each row in "
                   "the partition it is read in)");
}
