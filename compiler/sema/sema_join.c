/* sema_join.c - joins in FROM: which side streams, and Spark's stream-static join rules.
**
** The rules are Spark 3.5's UnsupportedOperationChecker.checkForStreaming, `case j @ Join`,
** applied bottom-up (plan.foreachUp) with its exact messages, at the join keywords:
**   Inner, Cross           any sides
**   LeftOuter, LeftSemi    not static on the left with a stream on the right
**   LeftAnti               not a stream on the right
**   RightOuter             not a stream on the left with static on the right
**   FullOuter              not with exactly one streaming side
** Joins of two streams need state and watermarks (Spark's StreamingSymmetricHashJoinExec);
** sluice refuses them, and it does not execute the joins Spark allows yet either.
** Must not: bind columns (no joined scope exists yet).
*/
#include "sema/sema_int.h"

int sema_from_streaming(SemaCtx *sc, const AstFrom *f)
{
    if (!f)
        return 0;
    switch (f->kind) {
    case FROM_NAME: {
        SSource *src = sema_find_source(sc, f->name);
        return src ? !src->is_static : -1;
    }
    case FROM_SUBQUERY:
        return f->sub ? sema_from_streaming(sc, f->sub->from) : -1;
    case FROM_JOIN: {
        int l = sema_from_streaming(sc, f->join->left);
        int r = sema_from_streaming(sc, f->join->right);
        return l < 0 || r < 0 ? -1 : l || r;
    }
    }
    return -1;
}

/* Spark's message for a join of a stream with a static side that it refuses, or NULL. */
static const char *refusal(AstJoinType type, bool left_stream, bool right_stream)
{
    switch (type) {
    case JOIN_INNER:
    case JOIN_CROSS:
        return NULL;
    case JOIN_FULL_OUTER:
        if (left_stream && !right_stream)
            return "FullOuter joins with streaming DataFrames/Datasets on the left and a static "
                   "DataFrame/Dataset on the right is not supported";
        if (!left_stream && right_stream)
            return "FullOuter joins with streaming DataFrames/Datasets on the right and a static "
                   "DataFrame/Dataset on the left is not supported";
        return NULL;
    case JOIN_LEFT_ANTI:
        return right_stream ? "LeftAnti joins with a streaming DataFrame/Dataset on the right are "
                              "not supported"
                            : NULL;
    case JOIN_LEFT_OUTER:
        return !left_stream && right_stream
                   ? "LeftOuter join with a streaming DataFrame/Dataset on the right and a static "
                     "DataFrame/Dataset on the left is not supported"
                   : NULL;
    case JOIN_LEFT_SEMI:
        return !left_stream && right_stream
                   ? "LeftSemi join with a streaming DataFrame/Dataset on the right and a static "
                     "DataFrame/Dataset on the left is not supported"
                   : NULL;
    case JOIN_RIGHT_OUTER:
        return left_stream && !right_stream
                   ? "RightOuter join with a streaming DataFrame/Dataset on the left and a static "
                     "DataFrame/DataSet on the right not supported"
                   : NULL;
    }
    return NULL;
}

/* Checks the joins of f bottom-up; returns its streaming side as sema_from_streaming, or -1
   once an error was reported below or here (so outer joins stay quiet). */
static int check_join(SemaCtx *sc, const AstFrom *f)
{
    if (f->kind != FROM_JOIN)
        return sema_from_streaming(sc, f);
    const AstJoin *j = f->join;
    int l = check_join(sc, j->left);
    int r = check_join(sc, j->right);
    if (l < 0 || r < 0)
        return -1;
    if (l && r) {
        diag_error(sc->diag, j->join_span, "joins between two streams are not supported yet");
        return -1;
    }
    const char *msg = refusal(j->type, l, r);
    if (msg) {
        diag_error(sc->diag, j->join_span, "%s", msg);
        return -1;
    }
    if (l || r) {
        diag_error(sc->diag, j->join_span,
                   "%s join of a stream with a static table is valid in Spark but not supported yet",
                   ast_join_type_name(j->type));
        return -1;
    }
    return 0;
}

/* Reports the FROM names of f that name no source or table. */
static void check_names(SemaCtx *sc, const AstFrom *f)
{
    switch (f->kind) {
    case FROM_NAME:
        if (!sema_find_source(sc, f->name))
            sema_unknown_source(sc, f);
        return;
    case FROM_SUBQUERY:
        if (f->sub && f->sub->from)
            check_names(sc, f->sub->from);
        return;
    case FROM_JOIN:
        check_names(sc, f->join->left);
        check_names(sc, f->join->right);
        return;
    }
}

void sema_check_join(SemaCtx *sc, const AstFrom *from)
{
    check_names(sc, from);
    check_join(sc, from);
}
