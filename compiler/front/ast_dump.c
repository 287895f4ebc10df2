/* ast_dump.c - the AST as stable, indented S-expressions (`sluice --dump-ast`, parser tests).
**
** Expressions print on one line in prefix form:
**   42  1.5  'text'  NULL  TRUE  (INTERVAL '10 minutes')  t.a  `my col`  *  t.*
**   (+ a b)  (AND a b)  (NOT x)  (- x)  (IS NOT NULL x)  (NOT LIKE x 'p%')  (IN x 1 2)
**   (BETWEEN x 1 2)  (CASE [operand] (WHEN c r)... [(ELSE e)])  (CAST x BIGINT)
**   (call f a b)  (call count *)  (call count DISTINCT x)  (call rank OVER)
**   (field (call f x) start)  (index a 0)
** Statements print one clause per line, indented two spaces per level, with the
** closing parentheses at the end of the last line (Lisp style).  Names that are not
** plain words are written in backticks, so the dump never depends on keyword lists.
** The format is part of the tests: change it only together with check_parser.c.
*/
#include "front/ast.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ==== Atoms ==== */

void ast_dump_quoted(StrBuf *sb, const char *s, char quote)
{
    sb_putc(sb, quote);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '\n': sb_puts(sb, "\\n"); break;
        case '\t': sb_puts(sb, "\\t"); break;
        case '\r': sb_puts(sb, "\\r"); break;
        case '\\': sb_puts(sb, "\\\\"); break;
        default:
            if (*p == (unsigned char)quote) {
                sb_putc(sb, '\\');
                sb_putc(sb, (char)*p);
            } else if (*p < 0x20 || *p == 0x7F) {
                sb_printf(sb, "\\x%02X", *p);
            } else {
                sb_putc(sb, (char)*p);
            }
            break;
        }
    }
    sb_putc(sb, quote);
}

static bool plain_word(const char *s)
{
    if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_'))
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return false;
    /* These three would read as literals. */
    return strcasecmp(s, "null") != 0 && strcasecmp(s, "true") != 0 && strcasecmp(s, "false") != 0;
}

/* A name as written, in backticks (`` doubled) unless it is a plain word. */
static void put_name(StrBuf *sb, const char *s)
{
    if (plain_word(s))
        sb_puts(sb, s);
    else
        sb_put_backquoted(sb, s);
}

static void put_dotted(StrBuf *sb, const AstName *name)
{
    for (int i = 0; i < name->n; i++) {
        if (i)
            sb_putc(sb, '.');
        put_name(sb, name->parts[i]);
    }
}

/* Shortest text that reads back as the same double, always with a '.' or an exponent. */
static void put_double(StrBuf *sb, double v)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, sizeof buf, "%.17g", v);
    sb_puts(sb, buf);
    if (!strpbrk(buf, ".eEin"))
        sb_puts(sb, ".0");
}

const char *ast_binary_op_name(AstBinaryOp op)
{
    switch (op) {
    case BOP_ADD: return "+";
    case BOP_SUB: return "-";
    case BOP_MUL: return "*";
    case BOP_DIV: return "/";
    case BOP_MOD: return "%";
    case BOP_EQ: return "=";
    case BOP_NE: return "<>";
    case BOP_LT: return "<";
    case BOP_LE: return "<=";
    case BOP_GT: return ">";
    case BOP_GE: return ">=";
    case BOP_AND: return "AND";
    case BOP_OR: return "OR";
    case BOP_CONCAT: return "||";
    case BOP_IDIV: return "DIV";
    case BOP_NSEQ: return "<=>";
    case BOP_BITAND: return "&";
    case BOP_BITOR: return "|";
    case BOP_BITXOR: return "^";
    }
    return "?";
}

/* ==== Expressions ==== */

static void put_list(StrBuf *sb, const AstExprList *l)
{
    for (int i = 0; i < l->n; i++) {
        sb_putc(sb, ' ');
        ast_dump_expr(sb, l->items[i]);
    }
}

/* (rollup (a b) (c)), (cube ...), (grouping-sets (a) (rollup ...) ()) [(user a b)] */
static void put_grouping(StrBuf *sb, const AstGrouping *g)
{
    static const char *const heads[] = {"rollup", "cube", "grouping-sets"};
    sb_printf(sb, "(%s", heads[g->kind]);
    for (int i = 0; i < g->n; i++) {
        sb_putc(sb, ' ');
        if (g->nested[i]) {
            put_grouping(sb, g->nested[i]);
            continue;
        }
        sb_putc(sb, '(');
        for (int k = 0; k < g->sets[i].n; k++) {
            if (k)
                sb_putc(sb, ' ');
            ast_dump_expr(sb, g->sets[i].items[k]);
        }
        sb_putc(sb, ')');
    }
    if (g->user.n) {
        sb_puts(sb, " (user");
        put_list(sb, &g->user);
        sb_putc(sb, ')');
    }
    sb_putc(sb, ')');
}

/* "(head a b)" for up to three operands. */
static void put_form(StrBuf *sb, const char *head, const AstExpr *a, const AstExpr *b, const AstExpr *c)
{
    sb_printf(sb, "(%s", head);
    const AstExpr *ops[3] = {a, b, c};
    for (int i = 0; i < 3; i++) {
        if (!ops[i])
            continue;
        sb_putc(sb, ' ');
        ast_dump_expr(sb, ops[i]);
    }
    sb_putc(sb, ')');
}

static void put_call(StrBuf *sb, const AstExpr *e)
{
    sb_puts(sb, "(call ");
    put_name(sb, e->u.call.name);
    if (e->u.call.star)
        sb_puts(sb, " *");
    if (e->u.call.distinct)
        sb_puts(sb, " DISTINCT");
    put_list(sb, &e->u.call.args);
    if (e->u.call.filter) {
        sb_puts(sb, " FILTER ");
        ast_dump_expr(sb, e->u.call.filter);
    }
    if (e->u.call.nulls)
        sb_puts(sb, e->u.call.nulls == AST_IGNORE_NULLS ? " IGNORE NULLS" : " RESPECT NULLS");
    if (e->u.call.has_over)
        sb_puts(sb, " OVER");
    sb_putc(sb, ')');
}

static void put_case(StrBuf *sb, const AstExpr *e)
{
    sb_puts(sb, "(CASE");
    if (e->u.kase.operand) {
        sb_putc(sb, ' ');
        ast_dump_expr(sb, e->u.kase.operand);
    }
    for (int i = 0; i < e->u.kase.whens.n; i++) {
        sb_putc(sb, ' ');
        put_form(sb, "WHEN", e->u.kase.whens.items[i], e->u.kase.thens.items[i], NULL);
    }
    if (e->u.kase.else_) {
        sb_putc(sb, ' ');
        put_form(sb, "ELSE", e->u.kase.else_, NULL, NULL);
    }
    sb_putc(sb, ')');
}

void ast_dump_expr(StrBuf *sb, const AstExpr *e)
{
    if (!e) {
        sb_puts(sb, "<null>");
        return;
    }
    switch (e->kind) {
    case AST_NULL: sb_puts(sb, "NULL"); break;
    case AST_BOOL: sb_puts(sb, e->u.ival ? "TRUE" : "FALSE"); break;
    case AST_INT: sb_printf(sb, "%lld", (long long)e->u.ival); break;
    case AST_DOUBLE: put_double(sb, e->u.dval); break;
    case AST_DECIMAL: sb_puts(sb, e->u.str); break;
    case AST_STRING: ast_dump_quoted(sb, e->u.str, '\''); break;
    case AST_INTERVAL:
        sb_puts(sb, "(INTERVAL ");
        ast_dump_quoted(sb, e->u.interval.text, '\'');
        if (e->u.interval.from)
            sb_printf(sb, " %s TO %s", e->u.interval.from, e->u.interval.to);
        sb_putc(sb, ')');
        break;
    case AST_BINARY_LIT: sb_printf(sb, "X'%s'", e->u.str); break;
    case AST_COLUMN: put_dotted(sb, &e->u.name); break;
    case AST_STAR:
        put_dotted(sb, &e->u.name);
        sb_puts(sb, e->u.name.n ? ".*" : "*");
        break;
    case AST_FIELD:
        sb_puts(sb, "(field ");
        ast_dump_expr(sb, e->u.field.base);
        sb_putc(sb, ' ');
        put_name(sb, e->u.field.name);
        sb_putc(sb, ')');
        break;
    case AST_INDEX: put_form(sb, "index", e->u.index.base, e->u.index.index, NULL); break;
    case AST_CALL: put_call(sb, e); break;
    case AST_UNARY: {
        static const char *ops[] = {"NOT", "-", "+", "~"};
        put_form(sb, ops[e->u.unary.op], e->u.unary.arg, NULL, NULL);
        break;
    }
    case AST_BINARY:
        put_form(sb, ast_binary_op_name(e->u.binary.op), e->u.binary.lhs, e->u.binary.rhs, NULL);
        break;
    case AST_IS_NULL:
        put_form(sb, e->u.is_null.unknown ? (e->u.is_null.negated ? "IS NOT UNKNOWN" : "IS UNKNOWN")
                                          : (e->u.is_null.negated ? "IS NOT NULL" : "IS NULL"),
                 e->u.is_null.arg, NULL, NULL);
        break;
    case AST_LIKE:
        put_form(sb, e->u.like.ci ? (e->u.like.negated ? "NOT ILIKE" : "ILIKE")
                                  : (e->u.like.negated ? "NOT LIKE" : "LIKE"),
                 e->u.like.arg, e->u.like.pattern, NULL);
        break;
    case AST_IN:
        sb_puts(sb, e->u.in.negated ? "(NOT IN " : "(IN ");
        ast_dump_expr(sb, e->u.in.arg);
        put_list(sb, &e->u.in.list);
        sb_putc(sb, ')');
        break;
    case AST_BETWEEN:
        put_form(sb, e->u.between.negated ? "NOT BETWEEN" : "BETWEEN", e->u.between.arg,
                 e->u.between.lo, e->u.between.hi);
        break;
    case AST_CASE: put_case(sb, e); break;
    case AST_CAST:
        sb_puts(sb, "(CAST ");
        ast_dump_expr(sb, e->u.cast.arg);
        sb_printf(sb, " %s)", type_sql_name(sb->arena, e->u.cast.type));
        break;
    case AST_LAMBDA:
        sb_puts(sb, "(LAMBDA (");
        for (int i = 0; i < e->u.lambda.params.n; i++)
            sb_printf(sb, "%s%s", i ? " " : "", e->u.lambda.params.items[i]->u.name.parts[0]);
        sb_puts(sb, ") ");
        ast_dump_expr(sb, e->u.lambda.body);
        sb_putc(sb, ')');
        break;
    }
}

/* ==== Statements ==== */

static void newline(StrBuf *sb, int depth)
{
    sb_putc(sb, '\n');
    sb_indent(sb, depth);
}

static void put_key(StrBuf *sb, const char *key)
{
    bool plain = *key != '\0';
    for (const char *p = key; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '.' || *p == '-'))
            plain = false;
    if (plain)
        sb_puts(sb, key);
    else
        ast_dump_quoted(sb, key, '\'');
}

static void put_options(StrBuf *sb, const AstOption *opts, int n, int depth)
{
    newline(sb, depth);
    sb_puts(sb, "(with");
    for (int i = 0; i < n; i++) {
        newline(sb, depth + 1);
        sb_putc(sb, '(');
        put_key(sb, opts[i].key);
        sb_putc(sb, ' ');
        ast_dump_expr(sb, opts[i].value);
        sb_putc(sb, ')');
    }
    sb_putc(sb, ')');
}

static void put_select(StrBuf *sb, const AstSelect *s, int depth);

static void put_clause_expr(StrBuf *sb, const char *head, const AstExpr *e, int depth);

static void put_from(StrBuf *sb, const AstFrom *f, int depth)
{
    newline(sb, depth);
    sb_puts(sb, "(from");
    if (f->kind == FROM_NAME) {
        sb_putc(sb, ' ');
        put_name(sb, f->name);
    }
    if (f->sample) {
        static const char *const kinds[] = {"empty", "percent", "rows", "bucket", "other"};
        sb_printf(sb, " (tablesample %s)", kinds[f->sample->kind]);
    }
    if (f->alias) {
        sb_puts(sb, " AS ");
        put_name(sb, f->alias);
    }
    if (f->kind == FROM_SUBQUERY && f->n_branches > 0)
        sb_puts(sb, " UNION ALL");
    if (f->kind == FROM_SUBQUERY && f->n_branches == 0)
        put_select(sb, f->sub, depth + 1);
    for (int i = 0; f->kind == FROM_SUBQUERY && i < f->n_branches; i++)
        put_select(sb, f->branches[i], depth + 1);
    if (f->kind == FROM_JOIN) {
        const AstJoin *j = f->join;
        sb_printf(sb, "%s %s", j->natural ? " Natural" : "", ast_join_type_name(j->type));
        put_from(sb, j->left, depth + 1);
        put_from(sb, j->right, depth + 1);
        if (j->on)
            put_clause_expr(sb, "on", j->on, depth + 1);
        if (j->n_using) {
            newline(sb, depth + 1);
            sb_puts(sb, "(using");
            for (int i = 0; i < j->n_using; i++) {
                sb_putc(sb, ' ');
                put_name(sb, j->using[i]);
            }
            sb_putc(sb, ')');
        }
    }
    sb_putc(sb, ')');
}

static void put_clause_expr(StrBuf *sb, const char *head, const AstExpr *e, int depth)
{
    if (!e)
        return;
    newline(sb, depth);
    sb_printf(sb, "(%s ", head);
    ast_dump_expr(sb, e);
    sb_putc(sb, ')');
}

static void put_sort_items(StrBuf *sb, const char *head, const AstOrderItem *items, int n,
                           int depth)
{
    if (!n)
        return;
    newline(sb, depth);
    sb_printf(sb, "(%s", head);
    for (int i = 0; i < n; i++) {
        const AstOrderItem *o = &items[i];
        sb_puts(sb, " (sort ");
        ast_dump_expr(sb, o->expr);
        if (o->desc)
            sb_puts(sb, " DESC");
        if (o->nulls)
            sb_puts(sb, o->nulls == 1 ? " NULLS FIRST" : " NULLS LAST");
        sb_putc(sb, ')');
    }
    sb_putc(sb, ')');
}

static void put_select(StrBuf *sb, const AstSelect *s, int depth)
{
    newline(sb, depth);
    sb_puts(sb, s->distinct ? "(select DISTINCT" : "(select");
    newline(sb, depth + 1);
    sb_puts(sb, "(items");
    for (int i = 0; i < s->n_items; i++) {
        const AstSelectItem *it = &s->items[i];
        newline(sb, depth + 2);
        if (it->alias || it->n_aliases) {
            sb_puts(sb, "(AS ");
            ast_dump_expr(sb, it->expr);
            for (int k = 0; k < (it->alias ? 1 : it->n_aliases); k++) {
                sb_putc(sb, ' ');
                put_name(sb, it->alias ? it->alias : it->aliases[k]);
            }
            sb_putc(sb, ')');
        } else {
            ast_dump_expr(sb, it->expr);
        }
    }
    sb_putc(sb, ')');
    if (s->from)
        put_from(sb, s->from, depth + 1);
    for (int i = 0; i < s->n_laterals; i++) {
        const AstLateral *l = s->laterals[i];
        newline(sb, depth + 1);
        sb_puts(sb, l->outer ? "(lateral-view-outer " : "(lateral-view ");
        ast_dump_expr(sb, l->item.expr);
        sb_putc(sb, ' ');
        put_name(sb, l->table);
        for (int k = 0; k < l->item.n_aliases; k++) {
            sb_putc(sb, ' ');
            put_name(sb, l->item.aliases[k]);
        }
        sb_putc(sb, ')');
    }
    put_clause_expr(sb, "where", s->where, depth + 1);
    if (s->dedup) {
        newline(sb, depth + 1);
        sb_puts(sb, s->dedup->within_watermark ? "(drop-duplicates-within-watermark"
                                               : "(drop-duplicates");
        put_list(sb, &s->dedup->columns);
        sb_putc(sb, ')');
    }
    if (s->group_by.n) {
        newline(sb, depth + 1);
        sb_puts(sb, "(group-by");
        for (int i = 0; i < s->group_by.n; i++) {
            sb_putc(sb, ' ');
            if (s->group_sets && s->group_sets[i])
                put_grouping(sb, s->group_sets[i]);
            else
                ast_dump_expr(sb, s->group_by.items[i]);
        }
        sb_putc(sb, ')');
    }
    put_clause_expr(sb, "having", s->having, depth + 1);
    put_sort_items(sb, "order-by", s->order_by, s->n_order_by, depth + 1);
    if (s->cluster_by.n) {
        newline(sb, depth + 1);
        sb_puts(sb, "(cluster-by");
        put_list(sb, &s->cluster_by);
        sb_putc(sb, ')');
    }
    if (s->distribute_by.n) {
        newline(sb, depth + 1);
        sb_puts(sb, "(distribute-by");
        put_list(sb, &s->distribute_by);
        sb_putc(sb, ')');
    }
    put_sort_items(sb, "sort-by", s->sort_by, s->n_sort_by, depth + 1);
    put_clause_expr(sb, "limit", s->limit, depth + 1);
    put_clause_expr(sb, "offset", s->offset, depth + 1);
    sb_putc(sb, ')');
}

static void put_columns(StrBuf *sb, const AstStmt *st, int depth)
{
    newline(sb, depth);
    sb_puts(sb, "(columns");
    for (int i = 0; i < st->n_columns; i++) {
        newline(sb, depth + 1);
        sb_putc(sb, '(');
        put_name(sb, st->columns[i].name);
        sb_printf(sb, " %s)", type_sql_name(sb->arena, st->columns[i].type));
    }
    if (st->watermark) {
        newline(sb, depth + 1);
        sb_puts(sb, "(WATERMARK ");
        put_name(sb, st->watermark->column);
        sb_putc(sb, ' ');
        ast_dump_expr(sb, st->watermark->expr);
        sb_putc(sb, ')');
    }
    sb_putc(sb, ')');
}

static void put_stmt(StrBuf *sb, const AstStmt *st)
{
    static const char *heads[] = {"create-source", "create-sink", "create-table", "insert",
                                  "select"};
    sb_printf(sb, "(%s", heads[st->kind]);
    if (st->kind != STMT_SELECT) {
        sb_putc(sb, ' ');
        put_name(sb, st->name);
    }
    if (st->has_columns)
        put_columns(sb, st, 1);
    if (st->query)
        put_select(sb, st->query, 1);
    if ((st->kind != STMT_INSERT && st->kind != STMT_SELECT) || st->n_options)
        put_options(sb, st->options, st->n_options, 1);
    sb_puts(sb, ")\n");
}

/* One statement after another, each ending with a newline. */
void ast_dump_script(StrBuf *sb, const AstScript *script)
{
    for (int i = 0; i < script->n_stmts; i++)
        put_stmt(sb, script->stmts[i]);
}
