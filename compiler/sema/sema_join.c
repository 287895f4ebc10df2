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
** The joined scope follows Spark's analyzer: left columns then right ones (left only for
** semi/anti joins, but ON sees both); USING keys first (ResolveNaturalAndUsingJoin), each
** still reachable with either side's qualifier.
*/
#include <string.h>
#include <strings.h>

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
    case FROM_SUBQUERY: {
        int any = f->sub ? sema_from_streaming(sc, f->sub->from) : -1;
        for (int i = 1; i < f->n_branches && any >= 0; i++) { /* UNION ALL: any branch */
            int b = sema_from_streaming(sc, f->branches[i]->from);
            any = b < 0 ? -1 : any || b;
        }
        return any;
    }
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
    if (l || r)
        diag_error(sc->diag, j->join_span,
                   "%s join of a stream with a static table is valid in Spark but not supported yet",
                   ast_join_type_name(j->type));
    else
        diag_error(sc->diag, j->join_span,
                   "%s join of two tables (a batch query) is valid in Spark but not supported yet",
                   ast_join_type_name(j->type));
    return -1;
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

/* ==== The joined scope ==== */

typedef struct Scope {
    SColumn *cols;
    const char **rel; /* the relation (alias or name) of each column; NULL: none */
    const char **alt; /* a USING key's other relation, else NULL */
    int n;
} Scope;

static void scope_alloc(SemaCtx *sc, Scope *s, int n)
{
    s->cols = ARENA_NEW_N(sc->arena, SColumn, n ? n : 1);
    s->rel = ARENA_NEW_N(sc->arena, const char *, n ? n : 1);
    s->alt = ARENA_NEW_N(sc->arena, const char *, n ? n : 1);
    s->n = 0;
}

static void scope_add(Scope *s, const Scope *from, int i, const char *alt)
{
    s->cols[s->n] = from->cols[i];
    s->rel[s->n] = from->rel[i];
    s->alt[s->n] = alt ? alt : from->alt[i];
    s->n++;
}

/* `a`.`b` of a column for Spark's messages. */
static const char *sql_id(SemaCtx *sc, const char *rel, const char *name)
{
    return rel ? arena_sprintf(sc->arena, "`%s`.`%s`", rel, name) : arena_sprintf(sc->arena, "`%s`", name);
}

/* The only column of s named name, -1 if none, -2 if several (reported at at). */
static int find_key(SemaCtx *sc, const Scope *s, const char *name, SrcSpan at)
{
    int found = -1, n = 0;
    for (int i = 0; i < s->n; i++)
        if (strcasecmp(s->cols[i].name, name) == 0) {
            found = i;
            n++;
        }
    if (n <= 1)
        return found;
    StrBuf sb;
    sb_init(&sb, sc->arena);
    for (int i = 0, k = 0; i < s->n; i++)
        if (strcasecmp(s->cols[i].name, name) == 0)
            sb_printf(&sb, "%s%s", k++ ? ", " : "", sql_id(sc, s->rel[i], s->cols[i].name));
    /* Spark 3.5 error class AMBIGUOUS_REFERENCE (QueryCompilationErrors.ambiguousReferenceError). */
    diag_error(sc->diag, at, "Reference `%s` is ambiguous, could be: [%s].", name, sb.data);
    return -2;
}

static bool scope_of(SemaCtx *sc, const AstFrom *f, const AstSelect *ast, Scope *s);

/* USING (k, ...): Spark's UNRESOLVED_USING_COLUMN_FOR_JOIN when a side lacks a key. */
static bool using_key(SemaCtx *sc, const Scope *side, const char *side_name, const char *key,
                      SrcSpan at, int *col)
{
    *col = find_key(sc, side, key, at);
    if (*col == -2)
        return false;
    if (*col >= 0)
        return true;
    StrBuf sb;
    sb_init(&sb, sc->arena);
    for (int i = 0; i < side->n; i++)
        sb_printf(&sb, "%s`%s`", i ? ", " : "", side->cols[i].name);
    diag_error(sc->diag, at,
               "USING column `%s` cannot be resolved on the %s side of the join. The %s-side "
               "columns: [%s].",
               key, side_name, side_name, sb.data);
    return false;
}

static bool join_scope(SemaCtx *sc, const AstJoin *j, const AstSelect *ast, Scope *s)
{
    Scope l, r;
    bool ok = scope_of(sc, j->left, ast, &l);
    ok = scope_of(sc, j->right, ast, &r) && ok;
    if (!ok)
        return false;
    bool left_only = j->type == JOIN_LEFT_SEMI || j->type == JOIN_LEFT_ANTI;
    scope_alloc(sc, s, l.n + r.n);
    if (j->n_using) {
        /* Spark's commonNaturalJoinProcessing: the keys (the right side's for a right outer
           join), then the other left columns, then the other right ones. */
        bool *lk = ARENA_NEW_N(sc->arena, bool, l.n ? l.n : 1);
        bool *rk = ARENA_NEW_N(sc->arena, bool, r.n ? r.n : 1);
        for (int i = 0; i < j->n_using; i++) {
            int lc, rc;
            if (!j->using[i] || !using_key(sc, &l, "left", j->using[i], j->using_spans[i], &lc) ||
                !using_key(sc, &r, "right", j->using[i], j->using_spans[i], &rc))
                return false;
            lk[lc] = rk[rc] = true;
            if (j->type == JOIN_RIGHT_OUTER)
                scope_add(s, &r, rc, l.rel[lc]);
            else
                scope_add(s, &l, lc, r.rel[rc]);
        }
        for (int i = 0; i < l.n; i++)
            if (!lk[i])
                scope_add(s, &l, i, NULL);
        for (int i = 0; !left_only && i < r.n; i++)
            if (!rk[i])
                scope_add(s, &r, i, NULL);
        return true;
    }
    for (int i = 0; i < l.n; i++)
        scope_add(s, &l, i, NULL);
    for (int i = 0; i < r.n; i++)
        scope_add(s, &r, i, NULL);
    if (j->on) {
        /* ON sees both sides, also for semi and anti joins. */
        SSelect dummy = {0};
        SSchema input = {s->cols, s->n};
        SelBlock blk = {0};
        blk.sel = &dummy;
        blk.ast = ast;
        blk.input = &input;
        blk.input_rels = s->rel;
        blk.input_alt = s->alt;
        Binder b = {sc, &blk, "ON", false, false, false, OUT_NONE};
        if (!sema_bind_bool(&b, j->on, "ON"))
            ok = false;
    }
    if (left_only)
        s->n = l.n;
    return ok;
}

static bool scope_of(SemaCtx *sc, const AstFrom *f, const AstSelect *ast, Scope *s)
{
    switch (f->kind) {
    case FROM_NAME: {
        SSource *src = sema_find_source(sc, f->name);
        if (!src || src->schema.n == 0)
            return false;
        scope_alloc(sc, s, src->schema.n);
        for (int i = 0; i < src->schema.n; i++) {
            s->cols[i] = src->schema.cols[i];
            s->rel[i] = f->alias ? f->alias : src->name;
            s->alt[i] = NULL;
        }
        s->n = src->schema.n;
        return true;
    }
    case FROM_SUBQUERY: {
        if (!f->sub)
            return false;
        SSelect *sub = sema_bind_select(sc, f->sub);
        scope_alloc(sc, s, sub->output.n);
        for (int i = 0; i < sub->output.n; i++) {
            s->cols[i] = sub->output.cols[i];
            s->rel[i] = f->alias;
            s->alt[i] = NULL;
        }
        s->n = sub->output.n;
        return true;
    }
    case FROM_JOIN:
        return join_scope(sc, f->join, ast, s);
    }
    return false;
}

bool sema_bind_join(SemaCtx *sc, const AstFrom *from, SelBlock *blk)
{
    check_names(sc, from);
    Scope s;
    bool ok = scope_of(sc, from, blk->ast, &s);
    check_join(sc, from);
    if (!ok)
        return false;
    SSchema *input = ARENA_NEW(sc->arena, SSchema);
    input->cols = s.cols;
    input->n = s.n;
    blk->input = input;
    blk->input_rels = s.rel;
    blk->input_alt = s.alt;
    return true;
}
