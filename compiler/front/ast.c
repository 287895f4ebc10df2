/* ast.c - AST construction (one builder per grammar action) and the expression walker.
**
** Builders only allocate and fill: no lookup, no checks, no typing.  Every node,
** list and string lives in the arena of the compilation (nothing is freed).
** Growable arrays double at powers of two, so their capacity is implied by
** their length and the structs in ast.h need no capacity fields.
*/
#include "front/ast.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ==== Lists ==== */

/* Room for one more element in an array of n elements of size sz.  The capacity of a
   non-empty array is max(4, the next power of two >= n), so it is full when n is 0
   or a power of two from 4 on. */
static void *grow(Arena *arena, void *items, int n, size_t sz)
{
    bool full = n == 0 || (n >= 4 && (n & (n - 1)) == 0);
    if (!full)
        return items;
    size_t cap = n == 0 ? 4 : (size_t)n * 2;
    return arena_realloc(arena, items, (size_t)n * sz, cap * sz);
}

PtrVec ast_vec_add(Arena *arena, PtrVec vec, void *item)
{
    if (item)
        ptrvec_push(arena, &vec, item);
    return vec;
}

void ast_list_push(Arena *arena, AstExprList *list, AstExpr *e)
{
    list->items = grow(arena, list->items, list->n, sizeof *list->items);
    list->items[list->n++] = e;
}

AstExprList ast_list_append(Arena *arena, AstExprList list, AstExpr *e)
{
    ast_list_push(arena, &list, e);
    return list;
}

AstTableElems ast_elems_add_column(Arena *arena, AstTableElems elems, AstColumnDef *col)
{
    elems.present = true;
    ptrvec_push(arena, &elems.columns, col);
    return elems;
}

/* ==== Expressions ==== */

AstExpr *ast_expr_new(Arena *arena, AstExprKind kind, SrcSpan span)
{
    AstExpr *e = ARENA_NEW(arena, AstExpr);
    e->kind = kind;
    e->span = span;
    e->depth = 1;
    return e;
}

/* e is one level above the operand (if any); returns e. */
static AstExpr *above(AstExpr *e, const AstExpr *operand)
{
    if (operand && operand->depth >= e->depth)
        e->depth = operand->depth + 1;
    return e;
}

static AstExpr *above_all(AstExpr *e, const AstExprList *list)
{
    for (int i = 0; list && i < list->n; i++)
        above(e, list->items[i]);
    return e;
}

AstExpr *ast_binary(Arena *arena, AstBinaryOp op, AstExpr *lhs, AstExpr *rhs, SrcSpan op_span)
{
    AstExpr *e = ast_expr_new(arena, AST_BINARY, span_join(lhs->span, rhs->span));
    e->u.binary.op = op;
    e->u.binary.lhs = lhs;
    e->u.binary.rhs = rhs;
    e->u.binary.op_span = op_span;
    return above(above(e, lhs), rhs);
}

AstExpr *ast_unary(Arena *arena, AstUnaryOp op, AstExpr *arg, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_UNARY, span);
    e->u.unary.op = op;
    e->u.unary.arg = arg;
    return above(e, arg);
}

AstExpr *ast_new_int(Arena *arena, int64_t v, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_INT, span);
    e->u.ival = v;
    return e;
}

AstExpr *ast_new_double(Arena *arena, double v, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_DOUBLE, span);
    e->u.dval = v;
    return e;
}

AstExpr *ast_new_number(Arena *arena, const char *text, double v, SrcSpan span)
{
    size_t n = strlen(text);
    char last = n > 1 ? text[n - 1] : '\0';
    if (strchr("lLsSyY", last)) { /* digits then L, S or Y (the lexer's rule) */
        const char *digits = arena_strndup(arena, text, n - 1);
        errno = 0;
        char *end;
        unsigned long long u = strtoull(digits, &end, 10);
        AstExpr *e = ast_new_int(arena, (int64_t)u, span);
        e->u.int_suffix = (char)(last >= 'a' ? last - 'a' + 'A' : last);
        e->u.int_overflow = errno == ERANGE || u > (unsigned long long)INT64_MAX + 1;
        e->u.int_text = digits;
        return e;
    }
    if (last == 'f' || last == 'F') { /* FLOAT_LITERAL: Float.parseFloat of the rest */
        const char *num = arena_strndup(arena, text, n - 1);
        AstExpr *e = ast_new_double(arena, (double)strtof(num, NULL), span);
        e->u.dval_float = true;
        e->u.dtext = num;
        return e;
    }
    bool bd = n > 2 && (text[n - 1] == 'd' || text[n - 1] == 'D') && (text[n - 2] == 'b' || text[n - 2] == 'B');
    if (bd) { /* 1.5BD: a DECIMAL of the digits before the suffix */
        AstExpr *e = ast_expr_new(arena, AST_DECIMAL, span);
        e->u.str = arena_strndup(arena, text, n - 2);
        return e;
    }
    if (strpbrk(text, "eEdD")) { /* an exponent, or the D suffix: numericLiteral's text */
        AstExpr *e = ast_new_double(arena, v, span);
        e->u.dtext = strchr("dD", text[n - 1]) ? arena_strndup(arena, text, n - 1) : text;
        return e;
    }
    AstExpr *e = ast_expr_new(arena, AST_DECIMAL, span);
    e->u.str = text;
    return e;
}

AstExpr *ast_new_bool(Arena *arena, bool v, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_BOOL, span);
    e->u.ival = v;
    return e;
}

AstExpr *ast_new_string(Arena *arena, AstExprKind kind, const char *s, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, kind, span);
    e->u.str = s;
    return e;
}

AstExpr *ast_new_interval(Arena *arena, const char *text, bool pairs, const char *from,
                          const char *to, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_INTERVAL, span);
    e->u.interval.text = text;
    e->u.interval.pairs = pairs;
    e->u.interval.from = from;
    e->u.interval.to = to;
    return e;
}

static void name_push(Arena *arena, AstName *name, const char *part, SrcSpan span)
{
    name->parts = grow(arena, (void *)name->parts, name->n, sizeof *name->parts);
    name->spans = grow(arena, name->spans, name->n, sizeof *name->spans);
    name->parts[name->n] = part;
    name->spans[name->n] = span;
    name->n++;
}

AstExpr *ast_new_column(Arena *arena, const char *part, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_COLUMN, span);
    name_push(arena, &e->u.name, part, span);
    return e;
}

AstExpr *ast_column_append(Arena *arena, AstExpr *col, const char *part, SrcSpan part_span)
{
    name_push(arena, &col->u.name, part, part_span);
    col->span = span_join(col->span, part_span);
    col->depth = col->u.name.n; /* each part past the column may become a field access */
    return col;
}

AstExpr *ast_new_star(Arena *arena, const AstExpr *qualifier, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_STAR, span);
    if (qualifier)
        e->u.name = qualifier->u.name;
    return e;
}

AstExpr *ast_new_field(Arena *arena, AstExpr *base, const char *name, SrcSpan name_span)
{
    AstExpr *e = ast_expr_new(arena, AST_FIELD, span_join(base->span, name_span));
    e->u.field.base = base;
    e->u.field.name = name;
    e->u.field.name_span = name_span;
    return above(e, base);
}

AstExpr *ast_new_index(Arena *arena, AstExpr *base, AstExpr *index, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_INDEX, span);
    e->u.index.base = base;
    e->u.index.index = index;
    return above(above(e, base), index);
}

AstExpr *ast_new_call(Arena *arena, const char *name, SrcSpan name_span, const AstExprList *args,
                      bool star, AstFlag distinct, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_CALL, span);
    e->u.call.name = name;
    e->u.call.name_span = name_span;
    if (args)
        e->u.call.args = *args;
    e->u.call.star = star;
    e->u.call.distinct = distinct.on;
    e->u.call.distinct_span = distinct.span;
    return above_all(e, args);
}

AstExpr *ast_new_lambda(Arena *arena, AstExprList params, AstExpr *body, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_LAMBDA, span);
    e->u.lambda.params = params;
    e->u.lambda.body = body;
    return above(e, body);
}

bool ast_lambda_has_param(const AstExpr *lambda, const char *name)
{
    for (int i = 0; i < lambda->u.lambda.params.n; i++)
        if (strcasecmp(lambda->u.lambda.params.items[i]->u.name.parts[0], name) == 0)
            return true;
    return false;
}

AstExpr *ast_call_over(AstExpr *call, SrcSpan over_span)
{
    call->u.call.has_over = true;
    call->u.call.over_span = over_span;
    call->span = span_join(call->span, over_span);
    return call;
}

AstExpr *ast_call_nulls(AstExpr *call, AstNullsOption nulls, SrcSpan span)
{
    call->u.call.nulls = nulls;
    call->u.call.nulls_span = span;
    call->span = span_join(call->span, span);
    return call;
}

AstExpr *ast_call_filter(AstExpr *call, AstExpr *filter, SrcSpan span)
{
    call->u.call.filter = filter;
    call->span = span;
    return above(call, filter);
}

AstExpr *ast_paren(AstExpr *e, SrcSpan span)
{
    e->span = span;
    return e;
}

AstExpr *ast_new_is_null(Arena *arena, AstExpr *arg, bool negated, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_IS_NULL, span);
    e->u.is_null.arg = arg;
    e->u.is_null.negated = negated;
    return above(e, arg);
}

AstExpr *ast_new_like(Arena *arena, AstExpr *arg, AstExpr *pattern, bool negated, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_LIKE, span);
    e->u.like.arg = arg;
    e->u.like.pattern = pattern;
    e->u.like.negated = negated;
    e->u.like.escape = '\\';
    return above(above(e, arg), pattern);
}

AstExpr *ast_new_is_unknown(Arena *arena, AstExpr *arg, bool negated, SrcSpan span)
{
    AstExpr *e = ast_new_is_null(arena, arg, negated, span);
    e->u.is_null.unknown = true;
    return e;
}

AstExpr *ast_new_in(Arena *arena, AstExpr *arg, const AstExprList *list, bool negated, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_IN, span);
    e->u.in.arg = arg;
    e->u.in.list = *list;
    e->u.in.negated = negated;
    return above_all(above(e, arg), list);
}

AstExpr *ast_new_between(Arena *arena, AstExpr *arg, AstExpr *lo, AstExpr *hi, bool negated,
                         SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_BETWEEN, span);
    e->u.between.arg = arg;
    e->u.between.lo = lo;
    e->u.between.hi = hi;
    e->u.between.negated = negated;
    return above(above(above(e, arg), lo), hi);
}

AstExpr *ast_case_add_when(Arena *arena, AstExpr *kase, AstExpr *when, AstExpr *then)
{
    if (!kase)
        kase = ast_expr_new(arena, AST_CASE, when->span);
    ast_list_push(arena, &kase->u.kase.whens, when);
    ast_list_push(arena, &kase->u.kase.thens, then);
    return above(above(kase, when), then);
}

AstExpr *ast_case_finish(AstExpr *kase, AstExpr *operand, AstExpr *else_, SrcSpan span)
{
    kase->u.kase.operand = operand;
    kase->u.kase.else_ = else_;
    kase->span = span;
    return above(above(kase, operand), else_);
}

AstExpr *ast_new_cast(Arena *arena, AstExpr *arg, const Type *type, SrcSpan type_span, SrcSpan span)
{
    AstExpr *e = ast_expr_new(arena, AST_CAST, span);
    e->u.cast.arg = arg;
    e->u.cast.type = type;
    e->u.cast.type_span = type_span;
    return above(e, arg);
}

/* ==== Types ==== */

TypeField *ast_new_type_field(Arena *arena, const char *name, const Type *type)
{
    TypeField *f = ARENA_NEW(arena, TypeField);
    f->name = name;
    f->type = type;
    return f;
}

const Type *ast_struct_type(Arena *arena, const PtrVec *fields)
{
    TypeField *f = ARENA_NEW_N(arena, TypeField, fields->n ? fields->n : 1);
    for (int i = 0; i < fields->n; i++)
        f[i] = *(const TypeField *)fields->items[i];
    return type_struct(arena, fields->n, f);
}

/* ==== Queries ==== */

AstSelectItem *ast_new_select_item(Arena *arena, AstExpr *expr, const char *alias, SrcSpan alias_span,
                                   SrcSpan span)
{
    AstSelectItem *it = ARENA_NEW(arena, AstSelectItem);
    it->expr = expr;
    it->alias = alias;
    it->alias_span = alias ? alias_span : (SrcSpan){span.file, span.end, span.end};
    it->span = span;
    return it;
}

AstSelectItem *ast_new_select_item_aliases(Arena *arena, AstExpr *expr, const PtrVec *names,
                                           SrcSpan alias_span, SrcSpan span)
{
    AstSelectItem *it = ast_new_select_item(arena, expr, NULL, alias_span, span);
    it->alias_span = alias_span;
    it->aliases = ARENA_NEW_N(arena, const char *, names->n ? names->n : 1);
    for (int i = 0; i < names->n; i++)
        it->aliases[i] = names->items[i];
    it->n_aliases = names->n;
    return it;
}

AstOrderItem *ast_new_order_item(Arena *arena, AstExpr *expr, bool desc, int nulls, SrcSpan span)
{
    AstOrderItem *it = ARENA_NEW(arena, AstOrderItem);
    it->expr = expr;
    it->desc = desc;
    it->nulls = nulls;
    it->span = span;
    return it;
}

AstFrom *ast_new_from(Arena *arena, const char *name, AstSelect *sub, const char *alias, SrcSpan span)
{
    AstFrom *f = ARENA_NEW(arena, AstFrom);
    f->kind = sub ? FROM_SUBQUERY : FROM_NAME;
    f->name = name;
    f->sub = sub;
    f->alias = alias;
    f->span = span;
    return f;
}

AstFrom *ast_new_join(Arena *arena, AstJoinType type, AstFrom *left, AstFrom *right, SrcSpan join_span,
                      SrcSpan span)
{
    AstFrom *f = ARENA_NEW(arena, AstFrom);
    f->kind = FROM_JOIN;
    f->join = ARENA_NEW(arena, AstJoin);
    f->join->type = type;
    f->join->left = left;
    f->join->right = right;
    f->join->join_span = join_span;
    f->span = span;
    return f;
}

AstFrom *ast_join_on(AstFrom *join, AstExpr *on, SrcSpan span)
{
    join->join->on = on;
    join->span = span;
    return join;
}

AstFrom *ast_join_using(Arena *arena, AstFrom *join, const AstExprList *names, SrcSpan span)
{
    AstJoin *j = join->join;
    j->n_using = names->n;
    j->using = ARENA_NEW_N(arena, const char *, names->n ? names->n : 1);
    j->using_spans = ARENA_NEW_N(arena, SrcSpan, names->n ? names->n : 1);
    for (int i = 0; i < names->n; i++) {
        const AstExpr *e = names->items[i];
        j->using[i] = e && e->u.name.n ? e->u.name.parts[0] : NULL;
        j->using_spans[i] = e ? e->span : span;
    }
    join->span = span;
    return join;
}

const char *ast_join_type_name(AstJoinType type)
{
    switch (type) {
    case JOIN_INNER: return "Inner";
    case JOIN_CROSS: return "Cross";
    case JOIN_LEFT_OUTER: return "LeftOuter";
    case JOIN_RIGHT_OUTER: return "RightOuter";
    case JOIN_FULL_OUTER: return "FullOuter";
    case JOIN_LEFT_SEMI: return "LeftSemi";
    case JOIN_LEFT_ANTI: return "LeftAnti";
    }
    return "?";
}

AstFrom *ast_from_alias(AstFrom *from, const char *alias, SrcSpan span)
{
    from->alias = alias;
    from->span = span;
    return from;
}

AstFrom *ast_from_sample(Arena *arena, AstFrom *from, bool empty, bool bucket, const char *word,
                         SrcSpan sample_span, SrcSpan span)
{
    AstSample *smp = ARENA_NEW(arena, AstSample);
    smp->kind = empty                                      ? SAMPLE_EMPTY
                : bucket                                   ? SAMPLE_BUCKET
                : word && strcasecmp(word, "percent") == 0 ? SAMPLE_PERCENT
                : word && strcasecmp(word, "rows") == 0    ? SAMPLE_ROWS
                                                           : SAMPLE_OTHER;
    smp->span = sample_span;
    from->sample = smp;
    from->span = span;
    return from;
}

AstSelect *ast_select_result_clause(Arena *arena, AstSelect *sel, int kind, const AstExprList *keys,
                                    const PtrVec *items, SrcSpan kw_span, SrcSpan span)
{
    if (kind == 'C') {
        sel->cluster_by = *keys;
        sel->cluster_by_span = kw_span;
    } else if (kind == 'D') {
        sel->distribute_by = *keys;
        sel->distribute_by_span = kw_span;
    } else {
        sel->sort_by = ARENA_NEW_N(arena, AstOrderItem, items->n ? items->n : 1);
        for (int i = 0; i < items->n; i++)
            sel->sort_by[i] = *(AstOrderItem *)items->items[i];
        sel->n_sort_by = items->n;
        sel->sort_by_span = kw_span;
    }
    sel->span = span;
    return sel;
}

AstDedup *ast_new_dedup(Arena *arena, AstFlag within, const AstExprList *columns, SrcSpan span)
{
    AstDedup *d = ARENA_NEW(arena, AstDedup);
    d->within_watermark = within.on;
    d->within_span = within.span;
    if (columns)
        d->columns = *columns;
    d->span = span;
    return d;
}

AstSelect *ast_new_select(Arena *arena, AstFlag distinct, const PtrVec *items, SrcSpan span)
{
    AstSelect *s = ARENA_NEW(arena, AstSelect);
    s->span = span;
    s->distinct = distinct.on;
    s->distinct_span = distinct.span;
    s->n_items = items->n;
    s->items = ARENA_NEW_N(arena, AstSelectItem, items->n ? items->n : 1);
    for (int i = 0; i < items->n; i++)
        s->items[i] = *(const AstSelectItem *)items->items[i];
    return s;
}

AstSelect *ast_select_from(AstSelect *sel, AstFrom *from, SrcSpan span)
{
    sel->from = from;
    sel->span = span;
    return sel;
}

AstSelect *ast_select_where(AstSelect *sel, AstExpr *where, SrcSpan span)
{
    sel->where = where;
    sel->span = span;
    return sel;
}

AstLateral *ast_new_lateral(Arena *arena, bool outer, const char *name, SrcSpan name_span,
                            const AstExprList *args, SrcSpan call_span, const char *table,
                            SrcSpan table_span, const PtrVec *cols, SrcSpan cols_span, SrcSpan span)
{
    AstLateral *l = ARENA_NEW(arena, AstLateral);
    static const PtrVec none = {0};
    AstExpr *call =
        ast_new_call(arena, name, name_span, args, false, (AstFlag){false, name_span}, call_span);
    l->item = *ast_new_select_item_aliases(arena, call, cols ? cols : &none, cols_span, span);
    l->outer = outer;
    l->table = table;
    l->table_span = table_span;
    l->span = span;
    return l;
}

AstSelect *ast_select_laterals(Arena *arena, AstSelect *sel, const PtrVec *laterals, SrcSpan span)
{
    sel->laterals = ARENA_NEW_N(arena, AstLateral *, laterals->n ? laterals->n : 1);
    for (int i = 0; i < laterals->n; i++)
        sel->laterals[i] = laterals->items[i];
    sel->n_laterals = laterals->n;
    sel->span = span;
    return sel;
}

AstSelect *ast_select_dedup(AstSelect *sel, AstDedup *dedup, SrcSpan span)
{
    sel->dedup = dedup;
    sel->span = span;
    return sel;
}

AstSelect *ast_select_group_by(AstSelect *sel, const AstExprList *keys, SrcSpan kw_span, SrcSpan span)
{
    sel->group_by = *keys;
    sel->group_by_span = kw_span;
    sel->span = span;
    return sel;
}

AstSelect *ast_select_group_items(AstSelect *sel, const AstGroupList *items, SrcSpan kw_span,
                                  SrcSpan span)
{
    sel->group_sets = items->sets;
    return ast_select_group_by(sel, &items->exprs, kw_span, span);
}

AstGroupList ast_group_list_add(Arena *arena, AstGroupList list, AstExpr *e, AstGrouping *g)
{
    int n = list.exprs.n;
    if (g && !list.sets)
        list.sets = ARENA_NEW_N(arena, AstGrouping *, n + 1);
    if (list.sets) {
        list.sets = grow(arena, list.sets, n, sizeof *list.sets);
        list.sets[n] = g;
    }
    ast_list_push(arena, &list.exprs, e);
    return list;
}

AstGrouping *ast_grouping_set(Arena *arena, const AstExprList *exprs, SrcSpan span)
{
    AstGrouping *g = ARENA_NEW(arena, AstGrouping);
    g->kind = AGS_SETS;
    g->n = 1;
    g->sets = ARENA_NEW(arena, AstExprList);
    if (exprs)
        g->sets[0] = *exprs;
    g->nested = ARENA_NEW(arena, AstGrouping *);
    g->span = span;
    return g;
}

AstGrouping *ast_new_grouping(Arena *arena, AstGroupingKind kind, const PtrVec *elems, SrcSpan span)
{
    AstGrouping *g = ARENA_NEW(arena, AstGrouping);
    g->kind = kind;
    g->n = elems->n;
    g->sets = ARENA_NEW_N(arena, AstExprList, elems->n ? elems->n : 1);
    g->nested = ARENA_NEW_N(arena, AstGrouping *, elems->n ? elems->n : 1);
    for (int i = 0; i < elems->n; i++) {
        AstGrouping *e = elems->items[i];
        /* a nested GROUPING SETS of one set is that set (the same selectedGroupByExprs) */
        if (e->kind == AGS_SETS && e->n == 1 && !e->nested[0])
            g->sets[i] = e->sets[0];
        else
            g->nested[i] = e;
    }
    g->span = span;
    return g;
}

AstSelect *ast_select_group_by_all(AstSelect *sel, SrcSpan kw_span, SrcSpan span)
{
    sel->group_by_all = true;
    sel->group_by_span = kw_span;
    sel->span = span;
    return sel;
}

AstSelect *ast_select_having(AstSelect *sel, AstExpr *having, SrcSpan span)
{
    sel->having = having;
    sel->span = span;
    return sel;
}

AstSelect *ast_select_order_by(Arena *arena, AstSelect *sel, const PtrVec *items, SrcSpan kw_span,
                               SrcSpan span)
{
    sel->n_order_by = items->n;
    sel->order_by = ARENA_NEW_N(arena, AstOrderItem, items->n ? items->n : 1);
    for (int i = 0; i < items->n; i++)
        sel->order_by[i] = *(const AstOrderItem *)items->items[i];
    sel->order_by_span = kw_span;
    sel->span = span;
    return sel;
}

AstSelect *ast_select_limit(AstSelect *sel, AstExpr *limit, SrcSpan clause_span, SrcSpan span)
{
    sel->limit = limit;
    sel->limit_span = clause_span;
    sel->span = span;
    return sel;
}

AstSelect *ast_select_offset(AstSelect *sel, AstExpr *offset, SrcSpan clause_span, SrcSpan span)
{
    sel->offset = offset;
    sel->offset_span = clause_span;
    sel->span = span;
    return sel;
}

/* A UNION ALL that takes more branches: one the parser made, with no DISTINCT and no clause
   of its own (ORDER BY, LIMIT and OFFSET apply to the whole union). */
static bool union_open(const AstSelect *s)
{
    return s->set_op && !s->distinct && s->n_order_by == 0 && !s->limit && !s->offset;
}

static void union_add(Arena *arena, AstFrom *f, AstSelect *branch)
{
    if (union_open(branch)) { /* (a UNION ALL b) as a branch: its branches (CombineUnions) */
        for (int i = 0; i < branch->from->n_branches; i++)
            union_add(arena, f, branch->from->branches[i]);
        return;
    }
    f->branches = grow(arena, f->branches, f->n_branches, sizeof *f->branches);
    f->branches[f->n_branches++] = branch;
    f->sub = f->branches[0];
}

AstSelect *ast_select_union(Arena *arena, AstSelect *left, AstSelect *right, bool distinct,
                            SrcSpan kw, SrcSpan span)
{
    AstSelect *u = left;
    if (!union_open(left)) {
        AstExpr *star = ast_new_star(arena, NULL, kw);
        PtrVec items =
            ast_vec_add(arena, (PtrVec){0}, ast_new_select_item(arena, star, NULL, kw, kw));
        u = ast_new_select(arena, (AstFlag){0}, &items, span);
        u->set_op = true;
        u->from = ast_new_from(arena, NULL, left, NULL, span);
        u->from->sub = NULL;
        union_add(arena, u->from, left);
    }
    union_add(arena, u->from, right);
    u->span = u->from->span = span;
    if (distinct) {
        u->distinct = true;
        u->distinct_span = kw;
    }
    return u;
}

/* ==== Statements ==== */

AstColumnDef *ast_new_column_def(Arena *arena, const char *name, SrcSpan span, const Type *type,
                                 SrcSpan type_span)
{
    AstColumnDef *c = ARENA_NEW(arena, AstColumnDef);
    c->name = name;
    c->type = type;
    c->span = span;
    c->type_span = type_span;
    return c;
}

AstWatermark *ast_new_watermark(Arena *arena, const char *column, SrcSpan column_span, AstExpr *expr,
                                SrcSpan span)
{
    AstWatermark *w = ARENA_NEW(arena, AstWatermark);
    w->column = column;
    w->column_span = column_span;
    w->expr = expr;
    w->span = span;
    return w;
}

AstOption *ast_new_option(Arena *arena, const char *key, SrcSpan key_span, AstExpr *value, SrcSpan span)
{
    AstOption *o = ARENA_NEW(arena, AstOption);
    o->key = key;
    o->key_span = key_span;
    o->value = value;
    o->span = span;
    return o;
}

AstOptionList ast_option_list(PtrVec items, SrcSpan span)
{
    AstOptionList l = {items, span};
    return l;
}

static void set_options(Arena *arena, AstStmt *st, const AstOptionList *options)
{
    st->n_options = options->items.n;
    st->options = ARENA_NEW_N(arena, AstOption, options->items.n ? options->items.n : 1);
    for (int i = 0; i < options->items.n; i++)
        st->options[i] = *(const AstOption *)options->items.items[i];
    st->options_span = options->span;
}

AstStmt *ast_new_create(Arena *arena, AstStmtKind kind, const char *name, SrcSpan name_span,
                        const AstTableElems *elems, const AstOptionList *options, SrcSpan span)
{
    AstStmt *st = ARENA_NEW(arena, AstStmt);
    st->kind = kind;
    st->span = span;
    st->name = name;
    st->name_span = name_span;
    if (elems && elems->present) {
        st->has_columns = true;
        st->n_columns = elems->columns.n;
        st->columns = ARENA_NEW_N(arena, AstColumnDef, elems->columns.n ? elems->columns.n : 1);
        for (int i = 0; i < elems->columns.n; i++)
            st->columns[i] = *(const AstColumnDef *)elems->columns.items[i];
        st->watermark = elems->watermark;
    }
    set_options(arena, st, options);
    return st;
}

AstStmt *ast_new_insert(Arena *arena, const char *sink, SrcSpan sink_span, AstSelect *query,
                        const AstOptionList *options, SrcSpan span)
{
    AstStmt *st = ARENA_NEW(arena, AstStmt);
    st->kind = STMT_INSERT;
    st->span = span;
    st->name = sink;
    st->name_span = sink_span;
    st->query = query;
    set_options(arena, st, options);
    return st;
}

AstStmt *ast_new_show(Arena *arena, AstSelect *query, const AstOptionList *options, SrcSpan span)
{
    AstStmt *st = ARENA_NEW(arena, AstStmt);
    st->kind = STMT_SELECT;
    st->span = span;
    st->query = query;
    st->name_span = query ? query->span : span;
    set_options(arena, st, options);
    return st;
}

AstScript *ast_new_script(Arena *arena, const PtrVec *stmts)
{
    AstScript *s = ARENA_NEW(arena, AstScript);
    s->n_stmts = stmts->n;
    s->stmts = ARENA_NEW_N(arena, AstStmt *, stmts->n ? stmts->n : 1);
    if (stmts->n)
        memcpy(s->stmts, stmts->items, sizeof(AstStmt *) * (size_t)stmts->n);
    return s;
}

/* ==== Walking ==== */

enum { WALK_CONTINUE = 0, WALK_PRUNE = 1, WALK_ABORT = 2 };

static int walk_list(const AstExprList *l, AstExprVisit fn, void *ctx)
{
    for (int i = 0; i < l->n; i++)
        if (ast_walk_expr(l->items[i], fn, ctx) == WALK_ABORT)
            return WALK_ABORT;
    return WALK_CONTINUE;
}

/* Pre-order: fn(e), then the children left to right as written. */
int ast_walk_expr(AstExpr *e, AstExprVisit fn, void *ctx)
{
    if (!e)
        return WALK_CONTINUE;
    int r = fn(e, ctx);
    if (r == WALK_ABORT)
        return WALK_ABORT;
    if (r == WALK_PRUNE)
        return WALK_CONTINUE;
    AstExpr *kids[3] = {NULL, NULL, NULL};
    switch (e->kind) {
    case AST_NULL:
    case AST_BOOL:
    case AST_INT:
    case AST_DOUBLE:
    case AST_DECIMAL:
    case AST_STRING:
    case AST_INTERVAL:
    case AST_BINARY_LIT:
    case AST_COLUMN:
    case AST_STAR:
        return WALK_CONTINUE;
    case AST_FIELD:
        kids[0] = e->u.field.base;
        break;
    case AST_INDEX:
        kids[0] = e->u.index.base;
        kids[1] = e->u.index.index;
        break;
    case AST_CALL:
        if (walk_list(&e->u.call.args, fn, ctx) == WALK_ABORT)
            return WALK_ABORT;
        return ast_walk_expr(e->u.call.filter, fn, ctx);
    case AST_UNARY:
        kids[0] = e->u.unary.arg;
        break;
    case AST_BINARY:
        kids[0] = e->u.binary.lhs;
        kids[1] = e->u.binary.rhs;
        break;
    case AST_IS_NULL:
        kids[0] = e->u.is_null.arg;
        break;
    case AST_LIKE:
        kids[0] = e->u.like.arg;
        kids[1] = e->u.like.pattern;
        break;
    case AST_IN:
        if (ast_walk_expr(e->u.in.arg, fn, ctx) == WALK_ABORT)
            return WALK_ABORT;
        return walk_list(&e->u.in.list, fn, ctx);
    case AST_BETWEEN:
        kids[0] = e->u.between.arg;
        kids[1] = e->u.between.lo;
        kids[2] = e->u.between.hi;
        break;
    case AST_CASE:
        if (ast_walk_expr(e->u.kase.operand, fn, ctx) == WALK_ABORT)
            return WALK_ABORT;
        for (int i = 0; i < e->u.kase.whens.n; i++)
            if (ast_walk_expr(e->u.kase.whens.items[i], fn, ctx) == WALK_ABORT ||
                ast_walk_expr(e->u.kase.thens.items[i], fn, ctx) == WALK_ABORT)
                return WALK_ABORT;
        return ast_walk_expr(e->u.kase.else_, fn, ctx);
    case AST_CAST:
        kids[0] = e->u.cast.arg;
        break;
    case AST_LAMBDA: /* the body only: the parameters are names, not references */
        kids[0] = e->u.lambda.body;
        break;
    }
    for (int i = 0; i < 3; i++)
        if (kids[i] && ast_walk_expr(kids[i], fn, ctx) == WALK_ABORT)
            return WALK_ABORT;
    return WALK_CONTINUE;
}
