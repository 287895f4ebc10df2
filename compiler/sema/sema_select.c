/* sema_select.c - one SELECT block: FROM, WHERE, DROP DUPLICATES, GROUP BY, the select list,
** HAVING, ORDER BY.
**
** Binding order follows the text (FROM, select list, WHERE, DROP DUPLICATES, GROUP BY,
** HAVING, ORDER BY) so diagnostics come in order, with Spark's visibility rules:
**   WHERE, DROP DUPLICATES and GROUP BY see input columns only (a select alias such as `window`
**   is not visible there, except that GROUP BY may name a select alias or a
**   1-based position, Spark's groupByAliases/groupByOrdinal);
**   HAVING sees input columns, then select aliases;
**   ORDER BY sees select aliases first, then input columns, or a position.
** With aggregation every expression after GROUP BY is rewritten into the
** aggregated space (sema_to_agg_space).  Must not: apply the streaming rules
** (sema_stream.c does, on the finished block).
*/
#include <string.h>
#include <strings.h>

#include "sema/sema_int.h"

const Type sema_type_unknown = {TY_NULL, 0, 0, 0, 0, 0, 0, 0, 0};

/* ==== FROM ==== */

void sema_unknown_source(SemaCtx *sc, const AstFrom *from)
{
    if (sema_find_sink(sc, from->name)) {
        diag_error(sc->diag, from->span, "'%s' is a sink, not a source", from->name);
    } else if (sc->sources.n) {
        StrBuf sb;
        sb_init(&sb, sc->arena);
        for (int i = 0; i < sc->sources.n; i++)
            sb_printf(&sb, "%s%s", i ? ", " : "", ((SSource *)sc->sources.items[i])->name);
        diag_error(sc->diag, from->span, "unknown source '%s' (sources and tables: %s)",
                   from->name ? from->name : "?", sb.data);
    } else {
        diag_error(sc->diag, from->span, "unknown source '%s'", from->name ? from->name : "?");
    }
}

/* from := name [[AS] alias] | '(' select ')' [[AS] alias] | from join_kw from [ON | USING] */
static void bind_from(SemaCtx *sc, const AstFrom *from, SSelect *sel, SelBlock *blk)
{
    static const SSchema empty = {NULL, 0};
    blk->input = &empty;
    if (!from)
        return; /* refused by the streaming rules: no streaming source */
    if (from->kind == FROM_JOIN) {
        blk->input_failed = !sema_bind_join(sc, from, blk);
        return;
    }
    if (from->kind == FROM_SUBQUERY) {
        if (!from->sub) {
            blk->input_failed = true;
            return;
        }
        sel->sub =
            from->n_branches ? sema_bind_union(sc, from, sel) : sema_bind_select(sc, from->sub);
        blk->input = &sel->sub->output;
        blk->rel_name = from->alias;
        return;
    }
    SSource *src = sema_find_source(sc, from->name);
    if (!src) {
        blk->input_failed = true;
        sema_unknown_source(sc, from);
        return;
    }
    sel->source = src;
    blk->input = &src->schema;
    if (src->schema.n == 0)
        blk->input_failed = true; /* its schema was refused or not inferred: said already */
    blk->rel_name = from->alias ? from->alias : src->name;
}

/* ==== DROP DUPLICATES ==== */

/* The input column of s that carries the watermark (the source's event time, or the
   column of a subquery that passes it on), or -1. */
static int input_event_time(SemaCtx *sc, const SSelect *s)
{
    for (int i = 0; i < s->input.n; i++) {
        if (s->input.cols[i].type->kind != TY_TIMESTAMP)
            continue;
        SExpr *c = sema_new_expr(sc, SX_COLUMN, s->input.cols[i].type, s->span);
        c->u.column = i;
        if (sema_is_event_time(s, c))
            return i;
    }
    return -1;
}

/* The watermark's delay behind input column col of s (its watermarked event time): its
   source's; after a stream-stream join, the source of the side col comes from. */
static int64_t input_delay(const SSelect *s, int col)
{
    const SJoin *j = s->join;
    if (j && j->streams && col >= 0 && col < j->n_input)
        s = j->sides[j->input[col] < j->n_left ? 0 : 1];
    while (s && !s->source)
        s = s->sub;
    return s && s->source->watermark ? s->source->watermark->delay_us : 0;
}

/* A DROP DUPLICATES key as written: its name's parts joined by dots. */
static const char *dedup_name(SemaCtx *sc, const SelBlock *blk, const AstExpr *a)
{
    if (a->kind != AST_COLUMN)
        return sema_expr_sql(sc, blk, a);
    StrBuf sb;
    sb_init(&sb, sc->arena);
    for (int i = 0; i < a->u.name.n; i++)
        sb_printf(&sb, "%s%s", i ? "." : "", a->u.name.parts[i] ? a->u.name.parts[i] : "?");
    return sb.data;
}

/* dedup := DROP DUPLICATES [WITHIN WATERMARK] ['(' column {',' column} ')']
   Columns are names of the input (select aliases are not visible), a repeated one kept once,
   of any type (a struct or an array is keyed by its canonical bytes, srt_key.c); no list
   means every input column.  The watermark rules are sema_stream.c's. */
static void bind_dedup(SemaCtx *sc, SelBlock *blk)
{
    const AstDedup *ad = blk->ast->dedup;
    SSelect *sel = blk->sel;
    SDedup *d = ARENA_NEW(sc->arena, SDedup);
    d->span = ad->span;
    d->within_watermark = ad->within_watermark;
    d->all_columns = ad->columns.n == 0;
    d->watermark_col = input_event_time(sc, sel);
    d->delay_us = d->watermark_col >= 0 ? input_delay(sel, d->watermark_col) : 0;
    d->event_key = -1;
    int cap = d->all_columns ? blk->input->n : ad->columns.n;
    d->cols = ARENA_NEW_N(sc->arena, int, cap ? cap : 1);
    SrcSpan *at = ARENA_NEW_N(sc->arena, SrcSpan, cap ? cap : 1); /* where each key is written */
    d->key_spans = at;
    sel->dedup = d;
    Binder b = {sc,   blk, "DROP DUPLICATES", false, false, false, OUT_NONE, NULL, NULL, false,
                NULL, NULL};
    for (int i = 0; i < cap; i++) {
        if (d->all_columns) {
            if (sema_input_hidden(blk, i))
                continue; /* Deduplicate over the output: not a join's hidden columns */
            at[d->n] = ad->span;
            d->cols[d->n++] = i;
            continue;
        }
        const AstExpr *a = ad->columns.items[i];
        SExpr *x = a ? sema_bind_expr(&b, a) : NULL;
        if (!x)
            continue;
        if (x->kind != SX_COLUMN) {
            /* Dataset.dropDuplicates matches each name against the output's column names
               (groupColsFromDropDuplicates): a field's dotted name is none of them */
            sema_drop_duplicates_unresolved(sc, a->span, dedup_name(sc, blk, a), blk->input);
            continue;
        }
        /* Dataset.groupColsFromDropDuplicates: the names as a set (colNames.toSet), so a
           column named twice is one key */
        bool twice = false;
        for (int k = 0; k < d->n && !twice; k++)
            twice = d->cols[k] == x->u.column;
        if (twice)
            continue;
        at[d->n] = a->span;
        d->cols[d->n++] = x->u.column;
    }
    for (int k = 0; k < d->n; k++) { /* Deduplicate's keys (mapColumnInSetOperation) */
        const SColumn *c = &blk->input->cols[d->cols[k]];
        if (sema_map_refuse_set_op(sc, c->type, c->name, at[k]))
            break;
    }
    for (int k = 0; k < d->n; k++)
        if (d->cols[k] == d->watermark_col && d->event_key < 0)
            d->event_key = k;
}

void sema_block_reads(const SSelect *s, const bool *out_need, bool with_where, bool *need)
{
    int n = s->input.n;
    if (with_where)
        sema_expr_columns(s->where, need, n);
    for (int i = 0; s->dedup && i < s->dedup->n; i++)
        if (s->dedup->cols[i] >= 0 && s->dedup->cols[i] < n)
            need[s->dedup->cols[i]] = true;
    for (int i = 0; i < s->n_group; i++)
        sema_expr_columns(s->group[i], need, n);
    for (int i = 0; i < s->n_agg; i++)
        for (int d = 0; d < (s->aggs[i].n_dargs ? s->aggs[i].n_dargs : 1); d++)
            sema_expr_columns(d ? s->aggs[i].dargs[d] : s->aggs[i].arg, need, n);
    for (int i = 0; i < s->n_agg; i++)
        sema_expr_columns(s->aggs[i].arg2, need, n);
    if (s->has_agg)
        return;
    for (int i = 0; i < s->n_out; i++)
        if (!out_need || out_need[i])
            sema_expr_columns(s->out[i].expr, need, n);
    for (int i = 0; i < s->n_order; i++)
        sema_expr_columns(s->order[i].expr, need, n);
}

/* ==== GROUP BY ==== */

static bool is_window_call(const AstExpr *e)
{
    return e && e->kind == AST_CALL && !e->u.call.has_over && e->u.call.name &&
           (strcasecmp(e->u.call.name, "window") == 0 ||
            strcasecmp(e->u.call.name, "session_window") == 0);
}

static bool is_input_column(const SelBlock *blk, const char *name)
{
    for (int i = 0; i < blk->input->n; i++)
        if (!sema_input_hidden(blk, i) && strcasecmp(blk->input->cols[i].name, name) == 0)
            return true;
    return false;
}

/* A GROUP BY or ORDER BY key that is a 1-based position: only an INT literal is one (Spark's
   SubstituteUnresolvedOrdinals matches Literal(index: Int, IntegerType)); 3000000000, 5L, 5S
   and 5Y are constants of other types, grouped or sorted by like any expression. */
static bool is_ordinal(const AstExpr *e)
{
    return e->kind == AST_INT && !e->u.int_suffix && e->u.ival >= INT32_MIN &&
           e->u.ival <= INT32_MAX;
}

/* A '*' of the select list, not count(*) (Spark's parser makes count(*) count(1)). */
static int find_star(AstExpr *e, void *ctx)
{
    (void)ctx;
    if (e->kind == AST_CALL && e->u.call.star && !e->u.call.distinct && e->u.call.name &&
        strcasecmp(e->u.call.name, "count") == 0)
        return 1;
    return e->kind == AST_STAR || (e->kind == AST_CALL && e->u.call.star) ? 2 : 0;
}

/* A '*' in a select list grouped by a position (a plain key, not one in a ROLLUP, CUBE or
   GROUPING SETS): Spark's ResolveReferences refuses the Aggregate before it expands the star
   or resolves a position (QueryCompilationErrors.starNotAllowedWhenGroupByOrdinalPosition-
   UsedError, STAR_GROUP_BY_POS, no query context: reported at the star).  True if refused. */
static bool refuse_star_with_position(SemaCtx *sc, const SelBlock *blk)
{
    const AstSelect *ast = blk->ast;
    bool position = false;
    for (int i = 0; i < ast->group_by.n; i++)
        if (ast->group_by.items[i] && is_ordinal(ast->group_by.items[i]))
            position = true;
    for (int i = 0; position && i < ast->n_items; i++) {
        AstExpr *e = ast->items[i].expr;
        if (e && ast_walk_expr(e, find_star, NULL) == 2) {
            diag_error(sc->diag, ast->items[i].span,
                       "[STAR_GROUP_BY_POS] Star (*) is not allowed in a select list when GROUP "
                       "BY an ordinal position is used.");
            return true;
        }
    }
    return false;
}

int sema_star_columns(const SelBlock *blk, const AstExpr *e, int *cols)
{
    const AstName *nm = &e->u.name;
    int n = 0, n_in = blk->input ? blk->input->n : 0;
    if (nm->n == 0) {
        for (int c = 0; c < n_in; c++)
            if (!sema_input_hidden(blk, c))
                cols[n++] = c;
        return n;
    }
    if (nm->n != 1 || !nm->parts)
        return 0;
    for (int pass = 1; pass >= 0; pass--) /* hidden ones first */
        for (int c = 0; c < n_in; c++)
            if (sema_input_hidden(blk, c) == pass && sema_input_rel(blk, c, nm->parts[0]))
                cols[n++] = c;
    return n;
}

/* The select list as Spark's Aggregate holds it when a GROUP BY position is resolved: its
   stars expanded (ResolveReferences expands them first, unless a plain key is a position:
   refuse_star_with_position).  The index of the item at 1-based position pos, or -1 out of
   range; *col: the input column when that item is a star, else -1; *n: the list's size. */
static int expanded_item(SemaCtx *sc, const SelBlock *blk, long long pos, int *col, int *n)
{
    const AstSelect *ast = blk->ast;
    int found = -1;
    *col = -1;
    *n = 0;
    for (int i = 0; i < ast->n_items; i++) {
        const AstExpr *e = ast->items[i].expr;
        if (!e || e->kind != AST_STAR) {
            if (++*n == pos)
                found = i;
            continue;
        }
        int *cols = ARENA_NEW_N(sc->arena, int, blk->input ? blk->input->n + 1 : 1);
        for (int k = 0, m = sema_star_columns(blk, e, cols); k < m; k++)
            if (++*n == pos) {
                found = i;
                *col = cols[k];
            }
    }
    return found;
}

/* Input column c as a column reference, named by its relation too when it has one. */
static const AstExpr *input_column_ref(SemaCtx *sc, const SelBlock *blk, int c, SrcSpan span)
{
    const char *rel = blk->input_rels ? blk->input_rels[c] : NULL;
    AstExpr *x = ast_new_column(sc->arena, rel ? rel : blk->input->cols[c].name, span);
    return rel ? ast_column_append(sc->arena, x, blk->input->cols[c].name, span) : x;
}

/* The select item a GROUP BY key stands for (position or alias), else NULL.  A position
   counts a star's columns (ResolveOrdinalInOrderByAndGroupBy resolves it after the star is
   expanded, in a ROLLUP, CUBE or GROUPING SETS: `SELECT *, count(*) ... GROUP BY CUBE(1)`). */
static const AstExpr *group_item(SemaCtx *sc, const SelBlock *blk, const AstExpr *g, bool *failed)
{
    const AstSelect *ast = blk->ast;
    *failed = false;
    if (is_ordinal(g)) {
        int col, n, at = expanded_item(sc, blk, g->u.ival, &col, &n);
        if (at < 0) {
            diag_error(sc->diag, g->span, /* QueryCompilationErrors.groupByPositionRangeError */
                       "[GROUP_BY_POS_OUT_OF_RANGE] GROUP BY position %lld is not in select list "
                       "(valid range is [1, %d]).",
                       (long long)g->u.ival, n);
            *failed = true;
            return NULL;
        }
        if (col >= 0)
            return input_column_ref(sc, blk, col, g->span);
        const AstSelectItem *item = &ast->items[at];
        const AstExpr *it = item->expr;
        if (it && sema_ast_has_agg(it)) {
            /* ResolveOrdinalInOrderByAndGroupBy: QueryCompilationErrors.groupByPositionRefers-
               ToAggregateFunctionError, the select item's Alias by its .sql */
            const char *name = item->alias ? item->alias : sema_item_name(sc, blk, it);
            StrBuf sb;
            sb_init(&sb, sc->arena);
            sema_put_if_needed(&sb, name);
            diag_error(sc->diag, g->span,
                       "[GROUP_BY_POS_AGGREGATE] GROUP BY %lld refers to an expression %s AS %s "
                       "that contains an aggregate function. Aggregate functions are not "
                       "allowed in GROUP BY.",
                       (long long)g->u.ival, sema_expr_plain_sql(sc, blk, it), sb.data);
            *failed = true;
            return NULL;
        }
        return it;
    }
    if (g->kind == AST_COLUMN && g->u.name.n == 1 && g->u.name.parts && g->u.name.parts[0] &&
        !blk->input_failed && !is_input_column(blk, g->u.name.parts[0])) {
        for (int i = 0; i < ast->n_items; i++) {
            const AstSelectItem *it = &ast->items[i];
            if (it->alias && strcasecmp(it->alias, g->u.name.parts[0]) == 0 && it->expr &&
                !sema_ast_has_agg(it->expr))
                return it->expr;
        }
    }
    return NULL;
}

/* A key of GROUP BY; distinct_name: the select item's name when the key is one of a DISTINCT
   (distinct_as_group_by): Spark checks the Distinct, not an Aggregate. */
static SExpr *bind_key(SemaCtx *sc, SelBlock *blk, const AstExpr *g, const char *distinct_name)
{
    Binder b = {sc, blk, "GROUP BY", false, false, false, OUT_NONE, NULL, NULL, false, NULL, NULL};
    bool failed = false;
    /* a DISTINCT's keys are its items themselves: `SELECT DISTINCT 7` groups by 7, no
       position (ReplaceDistinctWithAggregate runs after the analyzer) */
    const AstExpr *item = distinct_name ? NULL : group_item(sc, blk, g, &failed);
    if (failed)
        return NULL;
    const AstExpr *x = item ? item : g;
    b.root = x;
    SExpr *k;
    if (is_window_call(x)) {
        b.allow_window = true;
        k = strcasecmp(x->u.call.name, "session_window") == 0 ? sema_bind_session_window(&b, x)
                                                              : sema_bind_window(&b, x);
    } else {
        k = sema_bind_expr(&b, x);
    }
    if (k && k->type->kind == TY_NULL)
        k = sema_coerce(sc, k, &type_string); /* GROUP BY NULL: one group */
    if (k && distinct_name &&
        sema_map_refuse_set_op(sc, k->type, distinct_name, blk->ast->distinct_span))
        return NULL;
    if (k && !distinct_name &&
        sema_map_refuse_grouping(sc, k->type, sema_expr_sql(sc, blk, x), g->span))
        return NULL;
    if (k && k->kind != SX_WINDOW && sema_is_session_column(blk->sel, k)) {
        /* Spark plans an aggregation keyed on a column carrying the SessionWindow marker
           as a session window aggregation (AggUtils.planStreamingAggregationForSession,
           MergingSessionsExec): the rows' sessions are merged per key. */
        diag_error(sc->diag, g->span,
                   "GROUP BY a session_window column of a subquery is not supported yet "
                   "(Spark merges its sessions); group by session_window() itself");
        return NULL;
    }
    return k;
}

SExpr *sema_bind_group_key(SemaCtx *sc, SelBlock *blk, const AstExpr *g)
{
    return bind_key(sc, blk, g, NULL);
}

/* group_by := GROUP BY key {',' key};  key := expr | window(...) | position | alias
   (a ROLLUP, CUBE or GROUPING SETS item: sema_grouping.c) */
static void bind_group_by(SemaCtx *sc, SelBlock *blk)
{
    const AstSelect *ast = blk->ast;
    SSelect *sel = blk->sel;
    /* the keys of a DISTINCT (distinct_as_group_by): Spark checks the Distinct, not an
       Aggregate */
    bool from_distinct = ast->distinct && ast->group_by_span.begin == ast->distinct_span.begin &&
                         ast->group_by_span.end == ast->distinct_span.end;
    if (!from_distinct && refuse_star_with_position(sc, blk)) {
        sel->group = ARENA_NEW_N(sc->arena, SExpr *, 1);
        sel->n_group = 1; /* a failed key: nothing more is reported against the keys */
        return;
    }
    if (ast->group_sets) {
        sema_bind_grouping_sets(sc, blk);
        return;
    }
    int n = ast->group_by.n;
    sel->group = ARENA_NEW_N(sc->arena, SExpr *, n ? n : 1);
    sel->n_group = n;
    for (int i = 0; i < n; i++) {
        const AstExpr *g = ast->group_by.items[i];
        if (!g)
            continue;
        SExpr *k = bind_key(sc, blk, g, from_distinct && i < sel->n_out ? sel->out[i].name : NULL);
        if (k && k->kind == SX_WINDOW) {
            if (sel->window_group >= 0) {
                diag_error(sc->diag, g->span,
                           "Multiple time/session window expressions would result in a cartesian "
                           "product of rows, "
                           "therefore they are currently not supported.");
                k = NULL;
            } else {
                sel->window_group = i;
            }
        }
        sel->group[i] = k;
    }
}

/* ==== Select list ==== */

/* The columns one generator item may make (inline: its struct's fields). */
#define MAX_GEN_COLS 64

/* Spark's generators by name: explode, explode_outer, posexplode, posexplode_outer, inline,
   inline_outer (1 + outer + 2 * pos + 4 * inline), then stack (GEN_STACK) and json_tuple
   (GEN_JSON_TUPLE); 0 for another call. */
enum { GEN_STACK = 7, GEN_JSON_TUPLE = 8 };

int sema_generator_kind(const AstExpr *e)
{
    static const char *const names[] = {
        "explode", "explode_outer", "posexplode", "posexplode_outer",
        "inline",  "inline_outer",  "stack",      "json_tuple"};
    if (e->kind != AST_CALL || !e->u.call.name || e->u.call.has_over)
        return 0;
    for (int i = 0; i < 8; i++)
        if (strcasecmp(e->u.call.name, names[i]) == 0)
            return i + 1;
    return 0;
}

static int count_outputs(const SelBlock *blk)
{
    int n = 0;
    for (int i = 0; i < blk->ast->n_items; i++) {
        const AstExpr *e = blk->ast->items[i].expr;
        n += e && e->kind == AST_STAR      ? blk->input->n
             : e && sema_generator_kind(e) ? MAX_GEN_COLS
                                           : 1;
    }
    return n;
}

/* A generator (Spark's Generate) as a whole select item it of index `index`: one per
   block, never with aggregation, over an ARRAY or a MAP.  Its columns, named as Spark names
   them (col; key, value; pos first for posexplode) or by the item's alias when it makes one,
   are appended to the block's output.  False after an error. */
static bool bind_generator(SemaCtx *sc, SelBlock *blk, Binder *b, const AstSelectItem *it,
                           bool lateral_outer)
{
    const AstExpr *e = it->expr;
    int kind = sema_generator_kind(e);
    bool rows = kind == GEN_STACK || kind == GEN_JSON_TUPLE; /* made as inline's array */
    bool outer = !rows && (kind % 2 == 0 || lateral_outer);
    bool pos = kind == 3 || kind == 4, in_line = kind >= 5;
    SSelect *sel = blk->sel;
    const char *sql = sema_expr_sql(sc, blk, e);
    const char *name = e->u.call.name;
    if (sel->gen >= 0) {
        diag_error(sc->diag, e->span,
                   "Only one generator allowed per select clause but found 2: %s, %s",
                   sema_expr_sql(sc, blk, blk->gen_ast), sql);
        return false;
    }
    if (sel->has_agg) {
        diag_error(sc->diag, e->span,
                   "Generators are not supported in a SELECT with aggregation, but got: %s "
                   "(explode in a subquery and aggregate outside it)",
                   sql);
        return false;
    }
    if (!rows && (e->u.call.args.n != 1 || e->u.call.star || e->u.call.distinct)) {
        diag_error(sc->diag, e->span, "function '%s' takes 1 argument, but %d were given", name,
                   e->u.call.args.n);
        return false;
    }
    if (!sema_ignore_nulls_ok(sc, e, false))
        return false;
    SExpr *arg = kind == GEN_STACK        ? sema_bind_stack(b, e)
                 : kind == GEN_JSON_TUPLE ? sema_bind_json_tuple(b, e)
                                          : sema_bind_expr(b, e->u.call.args.items[0]);
    if (!arg)
        return false;
    const Type *t = arg->type;
    if (in_line ? t->kind != TY_ARRAY || t->elem->kind != TY_STRUCT
                : t->kind != TY_ARRAY && t->kind != TY_MAP) {
        /* ExplodeBase.checkInputDataTypes, Inline.checkInputDataTypes */
        sema_unexpected_input_type(b, e, 0,
                                   in_line ? "\"ARRAY<STRUCT>\"" : "(\"ARRAY\" or \"MAP\")", t);
        return false;
    }
    if (in_line && t->elem->n_fields > MAX_GEN_COLS) {
        diag_error(sc->diag, e->span, "%s of a struct of more than %d fields is not supported yet",
                   name, MAX_GEN_COLS);
        return false;
    }
    /* ExplodeBase.elementSchema / PosExplode: pos INT, then col or key and value; Inline: the
       struct's fields */
    TypeField f[MAX_GEN_COLS];
    int n = 0;
    if (pos)
        f[n++] = (TypeField){"pos", &type_int};
    if (in_line) {
        for (int i = 0; i < t->elem->n_fields; i++)
            f[n++] = t->elem->fields[i];
    } else if (t->kind == TY_MAP) {
        f[n++] = (TypeField){"key", t->key};
        f[n++] = (TypeField){"value", t->elem};
    } else {
        f[n++] = (TypeField){"col", t->elem};
    }
    /* ResolveGenerate: one name per column, `AS name` or `AS (name, ...)` */
    int n_names = it->alias ? 1 : it->n_aliases;
    if (n_names && n_names != n) {
        StrBuf names;
        sb_init(&names, sc->arena);
        for (int i = 0; i < n_names; i++)
            sb_printf(&names, "%s%s", i ? "," : "", it->alias ? it->alias : it->aliases[i]);
        diag_error(sc->diag, it->alias_span,
                   "The number of aliases supplied in the AS clause does not match the number "
                   "of columns output by the UDTF expected %d aliases but got %s ",
                   n, names.data);
        return false;
    }
    /* an inline row is the element itself, whose fields are the columns */
    SExpr *x = sema_new_expr(sc, SX_EXPLODE,
                             in_line ? t->elem
                             : n > 1 ? type_struct(sc->arena, n, f)
                                     : t->elem,
                             e->span);
    x->u.gen.arg = arg;
    x->u.gen.outer = outer;
    x->u.gen.in_line = in_line;
    sel->gen = sel->n_out;
    blk->gen_ast = e;
    for (int i = 0; i < n; i++) {
        SOutCol *o = &sel->out[sel->n_out++];
        o->span = it->span;
        o->name = it->alias ? it->alias : it->n_aliases ? it->aliases[i] : f[i].name;
        o->aliased = n_names > 0;
        o->expr = x;
        if (n > 1 || in_line) {
            o->expr = sema_new_expr(sc, SX_FIELD, f[i].type, e->span);
            o->expr->u.field.arg = x;
            o->expr->u.field.index = i;
        }
    }
    return true;
}

/* ==== LATERAL VIEW ==== */

/* A LATERAL VIEW's generator (ResolveFunctions: the function must be a Generator). */
static bool bind_lateral_generator(SemaCtx *sc, SelBlock *gb, Binder *b, const AstLateral *l)
{
    const AstExpr *e = l->item.expr;
    if (sema_generator_kind(e))
        return bind_generator(sc, gb, b, &l->item, l->outer);
    if (sema_bind_expr(b, e)) /* an unknown function or a bad call is reported as such */
        diag_error(sc->diag, e->span,
                   "[UNSUPPORTED_GENERATOR.NOT_GENERATOR] The generator is not supported: `%s` "
                   "is expected to be a generator. However, it is not a generator.",
                   e->u.call.name);
    return false;
}

/* lateral := LATERAL VIEW [OUTER] generator '(' args ')' table [[AS] col {',' col}]
   Spark's Generate(generator, unrequiredChildIndex = Nil, outer, Some(table), cols, child)
   (AstBuilder.withGenerate, ResolveGenerate): a block of its own between the FROM and blk,
   as `SELECT *, generator(args) AS (cols) FROM <input>` would be, whose output is every
   input column, then the generator's columns (bind_generator's names when there are no
   cols).  blk then reads that block: its columns keep their relations, the generated ones
   are table's. */
static void bind_lateral(SemaCtx *sc, SelBlock *blk, const AstLateral *l)
{
    SSelect *sel = blk->sel;
    SSelect *g = ARENA_NEW(sc->arena, SSelect);
    g->span = l->span;
    g->window_group = -1;
    g->gen = -1;
    g->source = sel->source; /* g takes over the FROM */
    g->sub = sel->sub;
    g->join = sel->join;
    g->branches = sel->branches;
    g->n_branches = sel->n_branches;
    sel->source = NULL;
    sel->join = NULL;
    sel->branches = NULL;
    sel->n_branches = 0;
    sel->sub = g;
    g->input = *blk->input;
    int n = blk->input->n;
    g->out = ARENA_NEW_N(sc->arena, SOutCol, n + MAX_GEN_COLS);
    for (int c = 0; c < n; c++) {
        SOutCol *o = &g->out[g->n_out++];
        o->name = blk->input->cols[c].name;
        o->span = blk->input->cols[c].span;
        o->expr = sema_new_expr(sc, SX_COLUMN, blk->input->cols[c].type, l->span);
        o->expr->u.column = c;
    }
    SelBlock gb = {0};
    gb.sel = g;
    gb.ast = blk->ast;
    gb.rel_name = blk->rel_name;
    gb.input = blk->input;
    gb.input_rels = blk->input_rels;
    gb.input_hidden = blk->input_hidden;
    Binder b = {sc,       &gb,  "LATERAL VIEW", false, false, false,
                OUT_NONE, NULL, NULL,           false, NULL,  NULL};
    if (!bind_lateral_generator(sc, &gb, &b, l))
        blk->input_failed = true; /* its columns are unknown: no errors about them */
    g->output.n = g->n_out;
    g->output.cols = ARENA_NEW_N(sc->arena, SColumn, g->n_out);
    const char **rels = ARENA_NEW_N(sc->arena, const char *, g->n_out);
    bool *hidden = ARENA_NEW_N(sc->arena, bool, g->n_out);
    for (int c = 0; c < g->n_out; c++) {
        g->output.cols[c].name = g->out[c].name;
        g->output.cols[c].type = g->out[c].expr ? g->out[c].expr->type : &sema_type_unknown;
        g->output.cols[c].span = g->out[c].span;
        rels[c] = c >= n ? l->table : blk->input_rels ? blk->input_rels[c] : blk->rel_name;
        hidden[c] = c < n && sema_input_hidden(blk, c);
    }
    blk->input = &g->output;
    blk->input_rels = rels;
    blk->input_hidden = hidden;
}

/* item := expr [[AS] alias] | '*' | relation '.' '*'
   Bound over the input; sema_select_to_agg_space() moves them once the keys exist. */
static void bind_items(SemaCtx *sc, SelBlock *blk)
{
    const AstSelect *ast = blk->ast;
    SSelect *sel = blk->sel;
    int cap = count_outputs(blk);
    sel->out = ARENA_NEW_N(sc->arena, SOutCol, cap ? cap : 1);
    Binder b = {sc, blk, "SELECT", true, true, false, OUT_NONE, NULL, NULL, false, NULL, NULL};
    for (int i = 0; i < ast->n_items; i++) {
        const AstSelectItem *it = &ast->items[i];
        const AstExpr *e = it->expr;
        if (!e)
            continue;
        if (e->kind == AST_STAR) {
            int *cols = ARENA_NEW_N(sc->arena, int, blk->input->n + 1);
            int n_cols = sema_star_columns(blk, e, cols);
            bool ok = e->u.name.n == 0 || n_cols > 0;
            if (!ok && blk->input_failed)
                continue; /* FROM did not resolve: said already */
            if (!ok) {
                diag_error(sc->diag, e->span, "cannot resolve '%s' (the relation is %s)",
                           sema_expr_sql(sc, blk, e), blk->rel_name ? blk->rel_name : "unnamed");
                continue;
            }
            for (int k = 0; k < n_cols; k++) {
                int c = cols[k];
                SOutCol *o = &sel->out[sel->n_out++];
                SExpr *x = sema_new_expr(sc, SX_COLUMN, blk->input->cols[c].type, e->span);
                x->u.column = c;
                o->name = blk->input->cols[c].name;
                o->expr = x;
                o->span = it->span;
            }
            continue;
        }
        if (sema_generator_kind(e)) {
            /* after an error: one column, unbound, for what follows */
            if (!bind_generator(sc, blk, &b, it, false)) {
                SOutCol *o = &sel->out[sel->n_out++];
                o->span = it->span;
                o->name = it->alias ? it->alias : "col";
            }
            continue;
        }
        if (it->n_aliases) { /* Spark's MultiAlias of another expression */
            StrBuf names;
            sb_init(&names, sc->arena);
            for (int k = 0; k < it->n_aliases; k++)
                sb_printf(&names, "%s%s", k ? ", " : "", it->aliases[k]);
            diag_error(sc->diag, it->alias_span,
                       "[MULTI_ALIAS_WITHOUT_GENERATOR] Multi part aliasing (%s) is not supported "
                       "with %s as it is not a generator function.",
                       names.data, sema_expr_sql(sc, blk, e));
        }
        SOutCol *o = &sel->out[sel->n_out++];
        o->span = it->span;
        o->name = it->alias ? it->alias : sema_item_name(sc, blk, e);
        o->aliased = it->alias != NULL;
        int renamed = blk->renamed.n;
        o->expr = sema_bind_expr(&b, e);
        if (!it->alias && blk->renamed.n > renamed) /* the calls binding renamed */
            o->name = sema_item_name(sc, blk, e);
    }
}

/* With aggregation the select list is over the aggregated space (keys and aggregates). */
static void items_to_agg_space(SemaCtx *sc, SelBlock *blk)
{
    SSelect *sel = blk->sel;
    for (int i = 0; i < sel->n_out; i++)
        sel->out[i].expr = sema_to_agg_space(sc, blk, sel->group, sel->n_group, sel->out[i].expr);
}

/* ==== ORDER BY ==== */

/* order := ORDER BY expr [ASC|DESC] [NULLS FIRST|LAST] {',' ...} */
static void bind_order_by(SemaCtx *sc, SelBlock *blk)
{
    const AstSelect *ast = blk->ast;
    SSelect *sel = blk->sel;
    sel->order = ARENA_NEW_N(sc->arena, SOrder, ast->n_order_by ? ast->n_order_by : 1);
    Binder b = {sc,        blk,  "ORDER BY", true,  sel->has_agg, false,
                OUT_FIRST, NULL, NULL,       false, NULL,         NULL};
    for (int i = 0; i < ast->n_order_by; i++) {
        const AstOrderItem *it = &ast->order_by[i];
        if (!it->expr)
            continue;
        SOrder *o = &sel->order[sel->n_order++];
        o->desc = it->desc;
        o->nulls_first = it->nulls == 1 ? true : it->nulls == 2 ? false : !it->desc;
        o->span = it->span;
        if (is_ordinal(it->expr)) {
            int64_t pos = it->expr->u.ival;
            if (pos < 1 || pos > sel->n_out) {
                /* ResolveOrdinalInOrderByAndGroupBy: QueryCompilationErrors.orderByPosition-
                   RangeError, at the SortOrder; the range is the Sort's child's output */
                diag_error(sc->diag, it->span,
                           "[ORDER_BY_POS_OUT_OF_RANGE] ORDER BY position %lld is not in select "
                           "list (valid range is [1, %d]).",
                           (long long)pos, sel->n_out);
                continue;
            }
            o->expr = sel->out[pos - 1].expr;
            continue;
        }
        SExpr *x = sema_bind_expr(&b, it->expr);
        /* SortOrder.checkInputDataTypes: its SQL is "<expr> ASC NULLS FIRST" */
        if (x && sema_map_refuse_ordering(
                     &b, x->type,
                     arena_sprintf(sc->arena, "%s %s NULLS %s", sema_expr_sql(sc, blk, it->expr),
                                   o->desc ? "DESC" : "ASC", o->nulls_first ? "FIRST" : "LAST"),
                     "sortorder", it->span))
            x = NULL;
        o->expr = sel->has_agg ? sema_to_agg_space(sc, blk, sel->group, sel->n_group, x) : x;
    }
}

/* ==== The block ==== */

static bool block_aggregates(const AstSelect *ast)
{
    if (ast->group_by.n > 0 || ast->group_by_all || ast->having)
        return true;
    for (int i = 0; i < ast->n_items; i++)
        if (sema_ast_has_agg(ast->items[i].expr))
            return true;
    for (int i = 0; i < ast->n_order_by; i++)
        if (sema_ast_has_agg(ast->order_by[i].expr))
            return true;
    return false;
}

/* The lambda functions around the expression being walked (innermost first): their
   parameters are not columns. */
typedef struct LambdaNest {
    const AstExpr *lambda;
    const struct LambdaNest *up;
} LambdaNest;

static bool lambda_param(const LambdaNest *nest, const AstExpr *col)
{
    for (; nest; nest = nest->up)
        if (ast_lambda_has_param(nest->lambda, col->u.name.parts[0]))
            return true;
    return false;
}

static int col_outside_agg(AstExpr *e, void *ctx)
{
    const LambdaNest *nest = ctx;
    if (sema_ast_is_agg_call(e))
        return 1; /* prune: inside an aggregate */
    if (e->kind == AST_LAMBDA) { /* its body, with its parameters bound */
        LambdaNest in = {e, nest};
        return ast_walk_expr(e->u.lambda.body, col_outside_agg, &in) == 2 ? 2 : 1;
    }
    if (e->kind == AST_COLUMN && e->u.name.n > 0 && lambda_param(nest, e))
        return 0;
    return e->kind == AST_COLUMN || e->kind == AST_STAR ? 2 : 0;
}

/* GROUP BY ALL (Spark 3.4's ResolveGroupByAll): the keys are the items of the select list that
   hold no aggregate.  Without any, the block is a global aggregate, unless an item refers to a
   column outside its aggregates (i + sum(j)): then the keys cannot be inferred. */
static const AstSelect *group_by_all(SemaCtx *sc, const AstSelect *ast, SelBlock *blk)
{
    if (!ast->group_by_all)
        return ast;
    AstExprList keys = {0};
    bool outside = false;
    for (int i = 0; i < ast->n_items; i++) {
        AstExpr *e = ast->items[i].expr;
        if (!e)
            continue;
        if (!sema_ast_has_agg(e))
            ast_list_push(sc->arena, &keys, e);
        else if (ast_walk_expr(e, col_outside_agg, NULL) == 2)
            outside = true;
    }
    if (keys.n == 0 && outside) {
        diag_error(sc->diag, ast->group_by_span,
                   "Cannot infer grouping columns for GROUP BY ALL based on the select clause. "
                   "Please explicitly specify the grouping columns.");
        blk->input_failed = true; /* "must appear in the GROUP BY clause" would only repeat it */
    }
    AstSelect *r = ARENA_NEW(sc->arena, AstSelect);
    *r = *ast;
    r->group_by = keys;
    return r;
}

/* SELECT DISTINCT, and the DISTINCT of a plain UNION, as Spark's ReplaceDistinctWithAggregate:
   an aggregation grouping by every item of the select list (a `*` or `t.*` by the columns it
   expands to).  On a stream the streaming aggregation rules apply, as
   UnsupportedOperationChecker.collectStreamingAggregates counts a streaming Distinct as
   Aggregate(c.output, c.output, c); sema_stream.c's rules tell the Distinct from an Aggregate
   where Spark's do (SSelect.distinct_group).  Left as written (and refused by sema_stream.c)
   when the block aggregates already. */
static const AstSelect *distinct_as_group_by(SemaCtx *sc, const AstSelect *ast, SelBlock *blk)
{
    if (!ast->distinct || block_aggregates(ast) || blk->input_failed)
        return ast;
    AstExprList keys = {0};
    int *cols = ARENA_NEW_N(sc->arena, int, blk->input->n + 1);
    for (int i = 0; i < ast->n_items; i++) {
        AstExpr *e = ast->items[i].expr;
        if (!e)
            return ast;
        if (e->kind != AST_STAR) {
            ast_list_push(sc->arena, &keys, e);
            continue;
        }
        int n = sema_star_columns(blk, e, cols);
        for (int k = 0; k < n; k++) {
            /* qualified by its relation: a join's sides may share a name */
            const char *name = blk->input->cols[cols[k]].name, *rel = sema_input_qual(blk, cols[k]);
            AstExpr *c = ast_new_column(sc->arena, rel ? rel : name, e->span);
            if (rel)
                ast_column_append(sc->arena, c, name, e->span);
            ast_list_push(sc->arena, &keys, c);
        }
    }
    AstSelect *r = ARENA_NEW(sc->arena, AstSelect);
    *r = *ast;
    r->group_by = keys;
    r->group_by_span = ast->distinct_span;
    blk->sel->distinct_group = true;
    return r;
}

/*
** select := SELECT [DISTINCT] item {',' item} [FROM from] [WHERE expr] [dedup]
**           [GROUP BY keys] [HAVING expr] [ORDER BY order] [LIMIT n] [OFFSET n]
** DISTINCT groups by the items (unless the block aggregates); LIMIT and OFFSET are left to
** the streaming and batch rules.
*/
SSelect *sema_bind_select(SemaCtx *sc, const AstSelect *ast)
{
    SSelect *sel = ARENA_NEW(sc->arena, SSelect);
    sel->span = ast->span;
    sel->window_group = -1;
    sel->gen = -1;
    SelBlock blk = {0};
    blk.sel = sel;
    blk.ast = ast;
    sema_check_from_clauses(sc, ast->from);
    bind_from(sc, ast->from, sel, &blk);
    for (int i = 0; i < ast->n_laterals && !blk.input_failed; i++)
        bind_lateral(sc, &blk, ast->laterals[i]);
    sel->input = *blk.input;
    ast = blk.ast = group_by_all(sc, ast, &blk);
    ast = blk.ast = distinct_as_group_by(sc, ast, &blk);
    sel->has_agg = block_aggregates(ast);

    /* The select list is bound first so diagnostics follow the text; with aggregation it
       moves to the aggregated space once the keys are known. */
    bind_items(sc, &blk);
    if (ast->where) {
        Binder b = {sc,       &blk, "WHERE", false, false, false,
                    OUT_NONE, NULL, NULL,    false, NULL,  ast->where};
        sel->where = sema_bind_filter(&b, ast->where);
    }
    if (ast->dedup && !blk.input_failed)
        bind_dedup(sc, &blk);
    if (sel->has_agg) {
        bind_group_by(sc, &blk);
        items_to_agg_space(sc, &blk);
    }
    blk.out = sel->out;
    blk.n_out = sel->n_out;
    if (ast->having) {
        Binder b = {sc,        &blk, "HAVING", true,  true, false,
                    OUT_AFTER, NULL, NULL,     false, NULL, NULL};
        SExpr *h = sema_bind_filter(&b, ast->having);
        sel->having = sema_to_agg_space(sc, &blk, sel->group, sel->n_group, h);
    }
    bind_order_by(sc, &blk);
    sema_bind_result_clauses(sc, &blk);

    sel->aggs = blk.aggs;
    sel->n_agg = blk.n_agg;
    sema_grouping_in_aggs(sc, &blk);
    sel->output.n = sel->n_out;
    sel->output.cols = ARENA_NEW_N(sc->arena, SColumn, sel->n_out ? sel->n_out : 1);
    for (int i = 0; i < sel->n_out; i++) {
        SColumn *c = &sel->output.cols[i];
        c->name = sel->out[i].name;
        c->type = sel->out[i].expr ? sel->out[i].expr->type : &sema_type_unknown;
        c->span = sel->out[i].span;
    }
    return sel;
}
