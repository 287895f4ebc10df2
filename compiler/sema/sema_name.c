/* sema_name.c - Spark's generated column names, the expression text in messages, AST scans.
**
** Spark names an unaliased select item after the item as written (before
** implicit casts): a column keeps its declared spelling, a struct field is named
** by the field, anything else by its "pretty SQL" - `(a + 1)`, `lower(action)`,
** `count(1)` for count(*), string literals without quotes, `window` for a time
** window, `session_window` for a session window.  The same text quotes
** expressions in diagnostics ("but 'x' is of type string").  Must not: report
** errors (resolution failures print as written).
*/
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/cm_jfmt.h"
#include "common/cm_time.h"
#include "common/cm_utf8.h"
#include "sema/sema_int.h"

/* ==== Lookups by name ==== */

static const char *const fn_names[] = {
#define FN(id, name, min_args, max_args, sig, sym) name,
#include "sema/functions.def"
#undef FN
};

int sema_func_lookup(const char *name)
{
    for (int i = 0; name && i < FN__COUNT; i++)
        if (fn_names[i] && strcasecmp(fn_names[i], name) == 0)
            return i;
    return -1;
}

/* The aggregate functions by name: aggregates.def's AGG_NAME rows. */
static const struct {
    const char *name;
    SAggKind kind;
    SAggForm form;
} agg_names[] = {
#define AGG(id, name, spark, body, min_args, max_args, merge, moments, doubles, flags)
#define AGG_NAME(sql, id, form) {sql, AGG_##id, AGGF_##form},
#include "sema/aggregates.def"
#undef AGG
#undef AGG_NAME
};

bool sema_agg_lookup(const char *name, SAggKind *kind)
{
    for (size_t i = 0; name && i < sizeof agg_names / sizeof agg_names[0]; i++)
        if (strcasecmp(agg_names[i].name, name) == 0) {
            *kind = agg_names[i].kind;
            return true;
        }
    return false;
}

SAggForm sema_agg_form(const char *name)
{
    for (size_t i = 0; name && i < sizeof agg_names / sizeof agg_names[0]; i++)
        if (strcasecmp(agg_names[i].name, name) == 0)
            return agg_names[i].form;
    return AGGF_PLAIN;
}

const char *sema_agg_call_name(SAggKind kind, const char *name)
{
    for (size_t i = 0; name && i < sizeof agg_names / sizeof agg_names[0]; i++)
        if (strcasecmp(agg_names[i].name, name) == 0 && agg_names[i].form != AGGF_PLAIN)
            return agg_names[i].name;
    return sema_agg_name(kind);
}

/* Median takes its value alone (Median(child): Percentile(child, Literal(0.5))); the
   regressions their two values (y, x), percentile_cont and percentile_disc (x, p). */
static int form_args(SAggForm form)
{
    if (form == AGGF_MEDIAN)
        return 1;
    bool pair = form == AGGF_REGR_X || form == AGGF_REGR_Y || form == AGGF_CONT || form == AGGF_DISC;
    return pair ? 2 : 0;
}

bool sema_agg_call_lookup(const AstExpr *e, SAggKind *kind)
{
    SAggForm form = sema_agg_form(e->u.call.name);
    bool within_only = form == AGGF_CONT || form == AGGF_DISC;
    return sema_agg_lookup(e->u.call.name, kind) && within_only == (e->u.call.within != 0);
}

int sema_agg_min_args(SAggKind kind, const char *name)
{
    int n = form_args(sema_agg_form(name));
    return n ? n : sema_agg_info(kind)->min_args;
}

int sema_agg_max_args(SAggKind kind, const char *name)
{
    int n = form_args(sema_agg_form(name));
    return n ? n : sema_agg_info(kind)->max_args;
}

bool sema_ast_is_agg_call(const AstExpr *e)
{
    SAggKind k;
    return e->kind == AST_CALL && !e->u.call.has_over && sema_agg_call_lookup(e, &k);
}

static bool list_has_agg(const AstExprList *l)
{
    for (int i = 0; i < l->n; i++)
        if (sema_ast_has_agg(l->items[i]))
            return true;
    return false;
}

bool sema_ast_has_agg(const AstExpr *e)
{
    if (!e)
        return false;
    if (sema_ast_is_agg_call(e))
        return true;
    switch (e->kind) {
    case AST_FIELD:
        return sema_ast_has_agg(e->u.field.base);
    case AST_INDEX:
        return sema_ast_has_agg(e->u.index.base) || sema_ast_has_agg(e->u.index.index);
    case AST_CALL:
        return list_has_agg(&e->u.call.args);
    case AST_UNARY:
        return sema_ast_has_agg(e->u.unary.arg);
    case AST_BINARY:
        return sema_ast_has_agg(e->u.binary.lhs) || sema_ast_has_agg(e->u.binary.rhs);
    case AST_IS_NULL:
        return sema_ast_has_agg(e->u.is_null.arg);
    case AST_LIKE:
        return sema_ast_has_agg(e->u.like.arg) || sema_ast_has_agg(e->u.like.pattern);
    case AST_IN:
        return sema_ast_has_agg(e->u.in.arg) || list_has_agg(&e->u.in.list);
    case AST_BETWEEN:
        return sema_ast_has_agg(e->u.between.arg) || sema_ast_has_agg(e->u.between.lo) ||
               sema_ast_has_agg(e->u.between.hi);
    case AST_CASE:
        return sema_ast_has_agg(e->u.kase.operand) || list_has_agg(&e->u.kase.whens) ||
               list_has_agg(&e->u.kase.thens) || sema_ast_has_agg(e->u.kase.else_);
    case AST_CAST:
        return sema_ast_has_agg(e->u.cast.arg);
    case AST_LAMBDA:
        return sema_ast_has_agg(e->u.lambda.body);
    default:
        return false;
    }
}

/* ==== Column spelling ==== */

static int input_column(const SelBlock *blk, const char *name)
{
    if (!blk || !blk->input || !name)
        return -1;
    for (int i = 0; i < blk->input->n; i++)
        if (!sema_input_hidden(blk, i) && strcasecmp(blk->input->cols[i].name, name) == 0)
            return i;
    return -1;
}

/* The first input column of blk named parts[1] of relation parts[0], hidden or not; -1. */
static int qualified_column(const SelBlock *blk, const AstName *nm, bool hidden)
{
    for (int c = 0; c < blk->input->n; c++)
        if (sema_input_hidden(blk, c) == hidden &&
            strcasecmp(blk->input->cols[c].name, nm->parts[1]) == 0 &&
            sema_input_rel(blk, c, nm->parts[0]))
            return c;
    return -1;
}

/* Index of the first part naming the column (1 if parts[0] is the relation), and the
   column (-1 if it does not resolve). */
static int column_start(const SelBlock *blk, const AstName *nm, int *col)
{
    /* the qualifier wins, as in Spark's AttributeSeq.resolve; a join's hidden columns come
       last (LogicalPlan.resolveChildren) */
    bool qualified = nm->n >= 2 && blk && blk->input && nm->parts[0] && nm->parts[1];
    if (qualified && (*col = qualified_column(blk, nm, false)) >= 0)
        return 1;
    *col = nm->n ? input_column(blk, nm->parts[0]) : -1;
    if (*col < 0 && qualified && (*col = qualified_column(blk, nm, true)) >= 0)
        return 1;
    return 0;
}

bool sema_is_hive_grouping_id(const SelBlock *blk, const AstName *nm)
{
    int col;
    return nm->n == 1 && nm->parts && nm->parts[0] &&
           strcasecmp(nm->parts[0], SEMA_HIVE_GROUPING_ID) == 0 &&
           column_start(blk, nm, &col) == 0 && col < 0;
}

/* Whether the name printer can tell e is a DATE without typing it: a DATE column of the
   input, a DATE literal or cast, or a call of a function that returns one. */
static bool ast_is_date(const SelBlock *blk, const AstExpr *e)
{
    static const char *const date_fns[] = {"to_date", "date", "current_date", "date_add",
                                           "date_sub", "make_date", "last_day", "next_day",
                                           "add_months", "date_from_unix_date", "curdate"};
    int col, start;
    switch (e->kind) {
    case AST_COLUMN:
        start = column_start(blk, &e->u.name, &col);
        return col >= 0 && e->u.name.n == start + 1 && blk->input->cols[col].type->kind == TY_DATE;
    case AST_CAST:
        return e->u.cast.type && e->u.cast.type->kind == TY_DATE;
    case AST_CALL:
        for (size_t i = 0; i < sizeof date_fns / sizeof date_fns[0]; i++)
            if (e->u.call.name && strcasecmp(e->u.call.name, date_fns[i]) == 0)
                return true;
        return false;
    default:
        return false;
    }
}

/* The type of e when the printer can tell it without typing: an input column and the struct
   fields of it it names (s.a, s['a'], a[0], m['k']); NULL otherwise. */
static const Type *ast_path_type(const SelBlock *blk, const AstExpr *e)
{
    const Type *t = NULL;
    int col, start;
    switch (e->kind) {
    case AST_COLUMN:
        start = column_start(blk, &e->u.name, &col);
        t = col >= 0 ? blk->input->cols[col].type : NULL;
        for (int i = start + 1; t && i < e->u.name.n; i++) {
            int k = e->u.name.parts[i] ? type_field_index(t, e->u.name.parts[i]) : -1;
            t = k >= 0 ? t->fields[k].type : NULL;
        }
        return t;
    case AST_FIELD:
        t = ast_path_type(blk, e->u.field.base);
        start = t && e->u.field.name ? type_field_index(t, e->u.field.name) : -1;
        return start >= 0 ? t->fields[start].type : NULL;
    case AST_INDEX:
        t = ast_path_type(blk, e->u.index.base);
        if (t && (t->kind == TY_ARRAY || t->kind == TY_MAP))
            return t->elem;
        start =
            t && e->u.index.index && e->u.index.index->kind == AST_STRING && e->u.index.index->u.str
                ? type_field_index(t, e->u.index.index->u.str)
                : -1;
        return start >= 0 ? t->fields[start].type : NULL;
    default:
        return NULL;
    }
}

/* Is e a struct field named by a string literal, s['f'] (ExtractValue's GetStructField with
   the name as written, which usePrettyExpression prints as s.f)? */
static bool ast_is_struct_index(const SelBlock *blk, const AstExpr *e)
{
    const Type *t;
    return e->kind == AST_INDEX && e->u.index.index && e->u.index.index->kind == AST_STRING &&
           e->u.index.index->u.str && (t = ast_path_type(blk, e->u.index.base)) &&
           t->kind == TY_STRUCT;
}

/* The lambda functions being printed, outermost first (sema runs on one thread): a name of
   one of their parameters prints as Spark's NamedLambdaVariable.sql, namedlambdavariable(). */
static const AstExpr *printing_lambdas[AST_MAX_DEPTH];
static int n_printing_lambdas;
/* Printing a higher-order function whose lambda Spark had not resolved (ResolveLambdaVariables
   binds none while checkArgumentDataTypes fails): a parameter prints as
   UnresolvedNamedLambdaVariable.sql, its name (sema_expr_sql_unresolved). */
static bool printing_unresolved;
/* Printing Spark's Expression.sql rather than its pretty SQL (sema_expr_plain_sql): columns
   qualified by their relation, literals as Literal.sql prints them. */
static bool printing_plain;

static bool is_printing_param(const char *name)
{
    for (int i = n_printing_lambdas - 1; i >= 0; i--)
        if (ast_lambda_has_param(printing_lambdas[i], name))
            return true;
    return false;
}

/* LambdaFunction.sql: lambdafunction(body, namedlambdavariable() per parameter). */
static void put_lambda(StrBuf *sb, const SelBlock *blk, const AstExpr *e)
{
    sb_puts(sb, "lambdafunction(");
    if (n_printing_lambdas < AST_MAX_DEPTH)
        printing_lambdas[n_printing_lambdas++] = e;
    sema_put_sql(sb, blk, e->u.lambda.body);
    n_printing_lambdas--;
    for (int i = 0; i < e->u.lambda.params.n; i++) {
        sb_puts(sb, ", ");
        if (printing_unresolved)
            sema_put_sql(sb, blk, e->u.lambda.params.items[i]);
        else
            sb_puts(sb, "namedlambdavariable()");
    }
    sb_putc(sb, ')');
}

static void put_column(StrBuf *sb, const SelBlock *blk, const AstName *nm)
{
    if (!nm->parts)
        return;
    if (nm->parts[0] && is_printing_param(nm->parts[0])) {
        sb_puts(sb, printing_unresolved ? nm->parts[0] : "namedlambdavariable()");
        for (int i = 1; i < nm->n; i++)
            sb_printf(sb, ".%s", nm->parts[i] ? nm->parts[i] : "?");
        return;
    }
    if (sema_is_hive_grouping_id(blk, nm)) { /* nested, its Alias is trimmed: GroupingID.sql */
        sb_puts(sb, "grouping_id()");
        return;
    }
    int col;
    int start = column_start(blk, nm, &col);
    const char *qual = printing_plain && col >= 0 ? sema_input_qual(blk, col) : NULL;
    if (qual) { /* AttributeReference.sql: quoteIfNeeded of the qualifier and the name */
        sema_put_if_needed(sb, qual);
        sb_putc(sb, '.');
    }
    for (int i = start; i < nm->n; i++) {
        if (i > start)
            sb_putc(sb, '.');
        const char *part = i == start && col >= 0 ? blk->input->cols[col].name : nm->parts[i];
        if (printing_plain && part)
            sema_put_if_needed(sb, part);
        else
            sb_puts(sb, part ? part : "?");
    }
}

/* Literal.sql of a number or string literal: 'text' (\ and ' escaped), 10L, 5S, 1Y, 1.5BD,
   2.5E-4D, CAST('1.5' AS FLOAT); false for another e. */
static bool put_plain_literal(StrBuf *sb, const AstExpr *e)
{
    switch (e->kind) {
    case AST_STRING:
        sb_puts(sb, sema_sql_string_value(sb->arena, e->u.str ? e->u.str : ""));
        return true;
    case AST_INT:
        if (e->u.ival == INT64_MIN && !e->u.int_negated) { /* beyond BIGINT: a DECIMAL */
            sb_puts(sb, "9223372036854775808BD");
            return true;
        }
        sb_printf(sb, "%lld", (long long)e->u.ival);
        if (e->u.int_suffix)
            sb_putc(sb, e->u.int_suffix);
        else if (e->u.ival < INT32_MIN || e->u.ival > INT32_MAX)
            sb_putc(sb, 'L');
        return true;
    case AST_DECIMAL:
        sema_put_decimal_literal(sb, e->u.str);
        sb_puts(sb, "BD");
        return true;
    case AST_DOUBLE:
        if (e->u.dval_float) {
            char buf[40];
            cm_fmt_float((float)e->u.dval, buf);
            sb_printf(sb, "CAST('%s' AS FLOAT)", buf);
        } else {
            sema_put_double(sb, e->u.dval);
            sb_putc(sb, 'D');
        }
        return true;
    default:
        return false;
    }
}

/* ==== Pretty SQL ==== */

/* A double as Spark shows it in generated names and dumps: Java's Double.toString (1.0, 2.5E-4,
   1.0E7). */
void sema_put_double(StrBuf *sb, double d)
{
    char buf[40];
    cm_fmt_double(d, buf);
    sb_puts(sb, buf);
}

static void put_list(StrBuf *sb, const SelBlock *blk, const AstExprList *l)
{
    for (int i = 0; i < l->n; i++) {
        if (i)
            sb_puts(sb, ", ");
        sema_put_sql(sb, blk, l->items[i]);
    }
}

/* An operator as Spark's expressions print it (names, the bound tree, messages). */
const char *sema_binary_symbol(AstBinaryOp op)
{
    switch (op) {
    case BOP_ADD:
        return "+";
    case BOP_SUB:
        return "-";
    case BOP_MUL:
        return "*";
    case BOP_DIV:
        return "/";
    case BOP_MOD:
        return "%";
    case BOP_EQ:
        return "=";
    case BOP_NE:
        return "!=";
    case BOP_LT:
        return "<";
    case BOP_LE:
        return "<=";
    case BOP_GT:
        return ">";
    case BOP_GE:
        return ">=";
    case BOP_AND:
        return "AND";
    case BOP_OR:
        return "OR";
    case BOP_CONCAT:
        return "||";
    case BOP_IDIV:
        return "div";
    case BOP_NSEQ:
        return "<=>";
    case BOP_BITAND:
        return "&";
    case BOP_BITOR:
        return "|";
    case BOP_BITXOR:
        return "^";
    }
    return "?";
}

/* AssertTrue's default message, "'<cond>' is not true!" (sema_assert_true_message). */
static void put_assert_message(StrBuf *sb, const SelBlock *blk, const AstExpr *cond)
{
    sb_putc(sb, '\'');
    sema_put_sql(sb, blk, cond);
    sb_puts(sb, "' is not true!");
}

/* Arguments Spark fills in and prints: substring(s, 2) is `substring(s, 2, 2147483647)`,
   unix_timestamp() is `unix_timestamp(current_timestamp(), yyyy-MM-dd HH:mm:ss)`. */
static void put_default_args(StrBuf *sb, int fn, int n)
{
    static const char ts_fmt[] = "yyyy-MM-dd HH:mm:ss";
    switch (fn) {
    case FN_SUBSTRING:
    case FN_SUBSTR:
        if (n == 2)
            sb_puts(sb, ", 2147483647");
        break;
    case FN_REGEXP_EXTRACT:
    case FN_REGEXP_EXTRACT_ALL:
        if (n == 2)
            sb_puts(sb, ", 1");
        break;
    case FN_REGEXP_INSTR: /* RegExpInStr's this(s, r): Literal(0) */
        if (n == 2)
            sb_puts(sb, ", 0");
        break;
    case FN_SPLIT:
        if (n == 2)
            sb_puts(sb, ", -1");
        break;
    case FN_SENTENCES: /* Sentences' this(str[, language]): Literal(""), printed bare */
        sb_puts(sb, n == 1 ? ", , " : n == 2 ? ", " : "");
        break;
    case FN_AGGREGATE: /* ArrayAggregate's finish: LambdaFunction.identity */
    case FN_REDUCE:
        if (n == 3)
            sb_puts(sb, ", lambdafunction(namedlambdavariable(), namedlambdavariable())");
        break;
    case FN_REGEXP_REPLACE:
        if (n == 3)
            sb_puts(sb, ", 1");
        break;
    case FN_ROUND:
    case FN_BROUND:
        if (n == 1)
            sb_puts(sb, ", 0");
        break;
    case FN_ARRAY_SORT: /* ArraySort.defaultComparator, its Ifs as If.sql writes them */
        if (n == 1)
            sb_puts(sb, ", lambdafunction((IF(((namedlambdavariable() IS NULL) AND "
                        "(namedlambdavariable() IS NULL)), 0, (IF((namedlambdavariable() IS NULL), 1, "
                        "(IF((namedlambdavariable() IS NULL), -1, (IF((namedlambdavariable() < "
                        "namedlambdavariable()), -1, (IF((namedlambdavariable() > "
                        "namedlambdavariable()), 1, 0)))))))))), namedlambdavariable(), "
                        "namedlambdavariable())");
        break;
    case FN_STR_TO_MAP: /* StringToMap(child, Literal(","), Literal(":")) */
        if (n == 1)
            sb_puts(sb, ", ,, :");
        else if (n == 2)
            sb_puts(sb, ", :");
        break;
    case FN_OVERLAY: /* new Overlay(str, replace, pos): Literal.create(-1, IntegerType) */
        if (n == 3)
            sb_puts(sb, ", -1");
        break;
    case FN_MASK: { /* MaskExpressionBuilder's defaults 'X', 'x', 'n', NULL */
        static const char *const rest[] = {", X", ", x", ", n", ", NULL"};
        for (int i = n - 1; i < 4; i++)
            sb_puts(sb, rest[i]);
        break;
    }
    case FN_SORT_ARRAY: /* SortArray(base, Literal(true)) */
        if (n == 1)
            sb_puts(sb, ", true");
        break;
    case FN_MAKE_DT_INTERVAL: /* MakeDTInterval's this(...): Literal(0) ... and the seconds
                                 Literal(Decimal(0, 18, 6)) */
    case FN_MAKE_YM_INTERVAL: {
        static const char *const rest[] = {"0", "0", "0", "0.000000"};
        int all = fn == FN_MAKE_DT_INTERVAL ? 4 : 2;
        for (int i = n; i < all; i++)
            sb_printf(sb, "%s%s", i ? ", " : "", rest[fn == FN_MAKE_DT_INTERVAL ? i : 0]);
        break;
    }
    case FN_MONTHS_BETWEEN: /* MonthsBetween(date1, date2, Literal.TrueLiteral) */
        if (n == 2)
            sb_puts(sb, ", true");
        break;
    case FN_LPAD: /* the default pad, Literal(" ") */
    case FN_RPAD:
        if (n == 2)
            sb_puts(sb, ",  ");
        break;
    case FN_LOCATE:
    case FN_POSITION:
        if (n == 2)
            sb_puts(sb, ", 1");
        break;
    case FN_FROM_UNIXTIME:
        if (n == 1)
            sb_printf(sb, ", %s", ts_fmt);
        break;
    case FN_UNIX_TIMESTAMP:
    case FN_TO_UNIX_TIMESTAMP:
        if (n == 0)
            sb_printf(sb, "current_timestamp(), %s", ts_fmt);
        else if (n == 1)
            sb_printf(sb, ", %s", ts_fmt);
        break;
    default:
        break;
    }
}

/* Spark's math expressions (mathExpressions.scala) print their own name in capitals
   (prettyName, e.g. Sqrt's "SQRT"), unless called through a name FunctionRegistry registers
   with setAlias (pow, sign) or one with its own prettyName (ln, rint). */
static bool prints_in_capitals(int fn)
{
    switch (fn) {
    case FN_FLOOR:
    case FN_CEIL:
    case FN_SQRT:
    case FN_EXP:
    case FN_POWER:
    case FN_SIGNUM:
    case FN_LOG10:
    case FN_LOG:
    case FN_LOG2:
    case FN_LOG1P:
    case FN_EXPM1:
    case FN_COS:
    case FN_SIN:
    case FN_TAN:
    case FN_ACOS:
    case FN_ASIN:
    case FN_ATAN:
    case FN_ATAN2:
    case FN_COSH:
    case FN_SINH:
    case FN_TANH:
    case FN_ACOSH:
    case FN_ASINH:
    case FN_ATANH:
    case FN_SEC:
    case FN_CSC:
    case FN_COT:
    case FN_DEGREES:
    case FN_RADIANS:
    case FN_CBRT:
    case FN_HYPOT:
    case FN_PI:
    case FN_E:
    case FN_RLIKE: /* RLike.sql: prettyName in capitals, RLIKE(s, p) (REGEXP_LIKE(s, p) by alias) */
    case FN_REGEXP_LIKE:
    case FN_REGEXP:
    case FN_SPARK_PARTITION_ID: /* SparkPartitionID's prettyName */
        return true;
    default:
        return false;
    }
}

/* A function's prettyName where it is not its SQL name: DateAdd's prettyName is "date_add"
   whatever name called it (dateadd), and with a unit first (three arguments) dateadd and
   date_add are the parser's TimestampAdd, datediff and date_diff its TimestampDiff, whose sql
   is timestampadd(unit, ...) and timestampdiff(unit, ...) (AstBuilder.visitTimestampadd,
   visitTimestampdiff; the unit as written); curdate() is CurrentDate(), named current_date();
   random(x) is Rand, named rand(x).
   (Rint is UnaryMathExpression(math.rint, "ROUND") but its prettyName is "rint": rint(x).) */
static const char *pretty_name(int fn, int n_args)
{
    if (n_args == 3 && (fn == FN_DATEADD || fn == FN_DATE_ADD))
        return "timestampadd";
    if (n_args == 3 && (fn == FN_DATEDIFF || fn == FN_DATE_DIFF))
        return "timestampdiff";
    if (fn == FN_CURDATE)
        return "current_date";
    if (fn == FN_CURRENT_SCHEMA) /* CurrentDatabase's prettyName in Spark 3.5 */
        return "current_database";
    if (fn == FN_USER) /* CurrentUser's prettyName */
        return "current_user";
    if (fn == FN_RANDOM) /* Rand.sql: rand(seed) whatever name called it */
        return "rand";
    if (n_args == 2 && (fn == FN_CEIL || fn == FN_CEILING)) /* RoundCeil's nodeName */
        return "ceil";
    if (fn == FN_TO_VARCHAR) /* ToCharacterBuilder builds ToCharacter, named to_char (of a
                                date or a binary value: SRenamedCall) */
        return "to_char";
    return fn == FN_DATEADD ? "date_add" : fn_names[fn];
}

/* Calls Spark names as the expression they stand for; false for the others.  if(c, a, b) is
   If.sql `(IF(c, a, b))`; isnull(x) and isnotnull(x) are `(x IS NULL)`, `(x IS NOT NULL)`;
   div(a, b) is IntegralDivide's `(a div b)`; int(x) and the other cast functions are a Cast
   without the USER_SPECIFIED_CAST tag, which usePrettyExpression names as x alone. */
static bool put_as_expression(StrBuf *sb, const SelBlock *blk, int fn, const AstExprList *args)
{
    const AstExpr *const *a = (const AstExpr *const *)args->items;
    switch (fn) {
    case FN_IF:
        if (args->n != 3)
            return false;
        sb_puts(sb, "(IF(");
        put_list(sb, blk, args);
        sb_puts(sb, "))");
        return true;
    case FN_ISNULL:
    case FN_ISNOTNULL:
        if (args->n != 1)
            return false;
        sb_putc(sb, '(');
        sema_put_sql(sb, blk, a[0]);
        sb_puts(sb, fn == FN_ISNOTNULL ? " IS NOT NULL)" : " IS NULL)");
        return true;
    case FN_DIV:
        if (args->n != 2)
            return false;
        sb_putc(sb, '(');
        sema_put_sql(sb, blk, a[0]);
        sb_puts(sb, " div ");
        sema_put_sql(sb, blk, a[1]);
        sb_putc(sb, ')');
        return true;
    case FN_TRY_CAST: /* Cast.sql in EvalMode.TRY: TRY_CAST(x AS type) */
        if (args->n != 1)
            return false;
        sb_puts(sb, "TRY_");
        sema_put_sql(sb, blk, a[0]);
        return true;
    case FN_EXTRACT: /* Extract.sql: extract(field FROM source) */
    case FN_DATEPART:
        /* datepart is Extract too, by alias: its prettyName datepart, FROM as extract's (only
           the alias date_part joins the two with a comma, Extract.makeSQLString) */
        if (args->n != 2)
            return false;
        sb_puts(sb, fn == FN_DATEPART ? "datepart(" : "extract(");
        sema_put_sql(sb, blk, a[0]);
        sb_puts(sb, " FROM ");
        sema_put_sql(sb, blk, a[1]);
        sb_putc(sb, ')');
        return true;
    case FN_TRIM: /* String2TrimExpression.sql with a trimStr: TRIM(BOTH x FROM s) */
    case FN_LTRIM:
    case FN_RTRIM:
        if (args->n != 2)
            return false;
        sb_puts(sb, fn == FN_TRIM ? "TRIM(BOTH " : fn == FN_LTRIM ? "TRIM(LEADING " : "TRIM(TRAILING ");
        sema_put_sql(sb, blk, a[0]);
        sb_puts(sb, " FROM ");
        sema_put_sql(sb, blk, a[1]);
        sb_putc(sb, ')');
        return true;
    default:
        if (fn < 0 || !sema_func_cast_type((SFunc)fn) || args->n != 1)
            return false;
        sema_put_sql(sb, blk, a[0]);
        return true;
    }
}

/* An aggregate's prettyName where it is not the name it was called by: CollectList's is
   "collect_list" whatever called it (array_agg is registered with setAlias, but CollectList
   does not read the alias); the others print the name they were called by. */
static const char *agg_pretty_name(const char *name)
{
    return strcasecmp(name, "array_agg") == 0 ? "collect_list" : name;
}

/* DATE 'yyyy-MM-dd', TIMESTAMP 'yyyy-MM-dd HH:mm:ss[.f]' or TIMESTAMP_NTZ '...' of the value v
   (days or microseconds; the session zone UTC), the fraction without its trailing zeros. */
static void put_datetime_literal(StrBuf *sb, const Type *t, int64_t v)
{
    int64_t days = t->kind == TY_DATE ? v : (v >= 0 ? v : v - 86399999999) / 86400000000;
    int64_t y;
    int m, d;
    cm_civil_from_days(days, &y, &m, &d);
    sb_printf(sb, "%s '%04lld-%02d-%02d", type_sql_name(sb->arena, t), (long long)y, m, d);
    if (t->kind != TY_DATE) {
        int64_t us = v - days * 86400000000;
        sb_printf(sb, " %02d:%02d:%02d", (int)(us / 3600000000), (int)(us / 60000000 % 60),
                  (int)(us / 1000000 % 60));
        int f = (int)(us % 1000000), digits = 6;
        while (f && f % 10 == 0)
            f /= 10, digits--;
        if (f)
            sb_printf(sb, ".%0*d", digits, f);
    }
    sb_putc(sb, '\'');
}

/* percentile_cont(p) WITHIN GROUP (ORDER BY v [DESC]): Spark 3.5's PercentileCont.sql and
   PercentileDisc.sql print the ordering as the letter v, whatever it is, and DESC when
   reversed; then AggregateExpression.sql's FILTER. */
static void put_within_group(StrBuf *sb, const SelBlock *blk, const AstExpr *e)
{
    bool disc = sema_agg_form(e->u.call.name) == AGGF_DISC;
    sb_puts(sb, disc ? "percentile_disc(" : "percentile_cont(");
    sema_put_sql(sb, blk, e->u.call.args.items[1]);
    sb_printf(sb, ") WITHIN GROUP (ORDER BY v%s)", e->u.call.within == 2 ? " DESC" : "");
    if (e->u.call.filter) {
        sb_puts(sb, " FILTER (WHERE ");
        sema_put_sql(sb, blk, e->u.call.filter);
        sb_putc(sb, ')');
    }
}

/* The function name of the call e (fn its sema_func_lookup) as Spark prints it, its
   prettyName: the canonical lower-case name (FLOOR, CEIL and other math functions in Spark
   print in capitals). */
static void put_call_name(StrBuf *sb, const AstExpr *e, int fn)
{
    SAggKind k;
    if (fn >= 0 && prints_in_capitals(fn) &&
        !((fn == FN_FLOOR || fn == FN_CEIL) && e->u.call.args.n == 2)) /* RoundFloor, RoundCeil */
        for (const char *p = pretty_name(fn, e->u.call.args.n); *p; p++)
            sb_putc(sb, (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p));
    else if (fn >= 0)
        sb_puts(sb, pretty_name(fn, e->u.call.args.n));
    else if (sema_agg_lookup(e->u.call.name, &k) ||
             (e->u.call.name && (strcasecmp(e->u.call.name, "window") == 0 ||
                                 strcasecmp(e->u.call.name, "session_window") == 0)))
        for (const char *p = agg_pretty_name(e->u.call.name); *p; p++)
            sb_putc(sb, (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p));
    else
        sb_puts(sb, e->u.call.name ? e->u.call.name : "?");
}

const char *sema_call_pretty_name(SemaCtx *sc, const AstExpr *call)
{
    StrBuf sb;
    sb_init(&sb, sc->arena);
    put_call_name(&sb, call, sema_func_lookup(call->u.call.name));
    return sb.data;
}

/* The call as Spark prints it: its name (put_call_name), then its arguments. */
static void put_call(StrBuf *sb, const SelBlock *blk, const AstExpr *e)
{
    SAggKind k;
    int fn = sema_func_lookup(e->u.call.name);
    if (fn == FN_POSITIVE && e->u.call.args.n == 1) { /* UnaryPositive.sql: (+ x) */
        sb_puts(sb, "(+ ");
        sema_put_sql(sb, blk, e->u.call.args.items[0]);
        sb_putc(sb, ')');
        return;
    }
    if (!e->u.call.star && put_as_expression(sb, blk, fn, &e->u.call.args))
        return;
    if (e->u.call.within) {
        put_within_group(sb, blk, e);
        return;
    }
    for (int i = 0; blk && i < blk->renamed.n; i++) {
        const SRenamedCall *r = blk->renamed.items[i];
        if (r->call == e) {
            AstExprList args = e->u.call.args;
            args.n = r->n_args < args.n ? r->n_args : args.n;
            sb_printf(sb, "%s(", r->name);
            put_list(sb, blk, &args);
            sb_putc(sb, ')');
            return;
        }
    }
    put_call_name(sb, e, fn);
    sb_putc(sb, '(');
    if (e->u.call.star && fn == FN_STRUCT && blk && blk->input) {
        for (int c = 0, m = 0; c < blk->input->n; c++) /* struct(*): its columns */
            if (!sema_input_hidden(blk, c))
                sb_printf(sb, "%s%s", m++ ? ", " : "", blk->input->cols[c].name);
    } else if (e->u.call.star) {
        sb_puts(sb, "1"); /* Spark: count(*) is count(1) */
    } else {
        if (e->u.call.distinct)
            sb_puts(sb, "DISTINCT ");
        if (fn == FN_LOG && e->u.call.args.n == 1) /* Logarithm(EulerNumber(), x) */
            sb_puts(sb, "E(), ");
        if ((fn < 0 && sema_agg_lookup(e->u.call.name, &k) && sema_agg_has(k, AGGP_PARAM_ARGS) &&
             e->u.call.args.n > 1) ||
            ((fn == FN_FROM_JSON || fn == FN_TO_JSON || fn == FN_FROM_CSV || fn == FN_TO_CSV ||
              fn == FN_SCHEMA_OF_JSON || fn == FN_SCHEMA_OF_CSV) &&
             e->u.call.args.n > 1)) {
            /* Spark's children are the value only: approx_count_distinct(x, 0.1) prints
               as approx_count_distinct(x) (the relativeSD is a parameter), from_json(j, 'a INT')
               as from_json(j) (JsonToStructs' schema is a parameter), likewise from_csv, and
               to_json, to_csv, schema_of_json and schema_of_csv with options (parameters). */
            AstExprList first = e->u.call.args;
            first.n = 1;
            put_list(sb, blk, &first);
        } else {
            put_list(sb, blk, &e->u.call.args);
        }
        put_default_args(sb, fn, e->u.call.args.n);
        if (fn == FN_ASSERT_TRUE && e->u.call.args.n == 1) { /* InheritAnalysisRules: the message */
            sb_puts(sb, ", ");
            put_assert_message(sb, blk, e->u.call.args.items[0]);
        }
        if (fn < 0 && sema_agg_lookup(e->u.call.name, &k) && k == AGG_PERCENTILE &&
            e->u.call.args.n == 2)
            sb_puts(sb, ", 1"); /* Percentile's frequencyExpression, Literal(1L) */
        if (fn < 0 && sema_agg_lookup(e->u.call.name, &k) && k == AGG_PERCENTILE_APPROX &&
            e->u.call.args.n == 2)
            sb_puts(sb, ", 10000"); /* Literal(DEFAULT_PERCENTILE_ACCURACY) */
    }
    sb_putc(sb, ')');
    if (e->u.call.filter) { /* AggregateExpression.sql */
        sb_puts(sb, " FILTER (WHERE ");
        sema_put_sql(sb, blk, e->u.call.filter);
        sb_putc(sb, ')');
    }
}

static void put_case(StrBuf *sb, const SelBlock *blk, const AstExpr *e)
{
    sb_puts(sb, "CASE");
    for (int i = 0; i < e->u.kase.whens.n; i++) {
        sb_puts(sb, " WHEN ");
        if (e->u.kase.operand) { /* Spark rewrites CASE x WHEN v to CASE WHEN (x = v) */
            sb_putc(sb, '(');
            sema_put_sql(sb, blk, e->u.kase.operand);
            sb_puts(sb, " = ");
            sema_put_sql(sb, blk, e->u.kase.whens.items[i]);
            sb_putc(sb, ')');
        } else {
            sema_put_sql(sb, blk, e->u.kase.whens.items[i]);
        }
        sb_puts(sb, " THEN ");
        sema_put_sql(sb, blk, i < e->u.kase.thens.n ? e->u.kase.thens.items[i] : NULL);
    }
    if (e->u.kase.else_) {
        sb_puts(sb, " ELSE ");
        sema_put_sql(sb, blk, e->u.kase.else_);
    }
    sb_puts(sb, " END");
}

void sema_put_sql(StrBuf *sb, const SelBlock *blk, const AstExpr *e)
{
    if (!e) {
        sb_puts(sb, "?");
        return;
    }
    if (e->multi_like) { /* LikeAny and the like: Expression.sql, prettyName(child) */
        sb_puts(sb, e->multi_like);
        sb_putc(sb, '(');
        sema_put_sql(sb, blk, e->multi_arg);
        sb_putc(sb, ')');
        return;
    }
    if (printing_plain && put_plain_literal(sb, e))
        return;
    switch (e->kind) {
    case AST_NULL:
        sb_puts(sb, "NULL");
        break;
    case AST_BOOL:
        sb_puts(sb, e->u.ival ? "true" : "false");
        break;
    case AST_INT:
        sb_printf(sb, "%lld", (long long)e->u.ival);
        break;
    case AST_DOUBLE: /* PrettyAttribute(v.toString): Java's Double or Float.toString */
        if (e->u.dval_float) {
            char buf[40];
            cm_fmt_float((float)e->u.dval, buf);
            sb_puts(sb, buf);
        } else {
            sema_put_double(sb, e->u.dval);
        }
        break;
    case AST_DECIMAL:
        sema_put_decimal_literal(sb, e->u.str);
        break;
    case AST_STRING:
        sb_puts(sb, e->u.str ? e->u.str : "");
        break;
    case AST_INTERVAL: {
        /* Literal.sql of Spark's day-time literal; a refused one keeps its text */
        SIntervalLit lit;
        if (!sema_interval_literal(sb->arena, e, &lit) && !lit.year_month)
            sema_put_day_time(sb, lit.us, lit.from, lit.to);
        else if (!sema_interval_literal(sb->arena, e, &lit))
            sema_put_year_month(sb, lit.months, lit.from, lit.to);
        else
            sb_printf(sb, "INTERVAL '%s'", sema_duration_text(e));
        break;
    }
    case AST_BINARY_LIT: /* Literal.sql: X'...' in capitals (printHexBinary) */
        sb_puts(sb, e->u.str && strlen(e->u.str) % 2 ? "X'0" : "X'"); /* the padded value */
        for (const char *c = e->u.str; c && *c; c++)
            sb_putc(sb, (char)toupper((unsigned char)*c));
        sb_putc(sb, '\'');
        break;
    case AST_COLUMN:
        put_column(sb, blk, &e->u.name);
        break;
    case AST_STAR:
        for (int i = 0; e->u.name.parts && i < e->u.name.n; i++)
            sb_printf(sb, "%s.", e->u.name.parts[i] ? e->u.name.parts[i] : "?");
        sb_putc(sb, '*');
        break;
    case AST_FIELD:
        sema_put_sql(sb, blk, e->u.field.base);
        sb_printf(sb, ".%s", e->u.field.name ? e->u.field.name : "?");
        break;
    case AST_INDEX:
        sema_put_sql(sb, blk, e->u.index.base);
        if (ast_is_struct_index(blk, e)) {
            sb_printf(sb, ".%s", e->u.index.index->u.str);
            break;
        }
        sb_putc(sb, '[');
        sema_put_sql(sb, blk, e->u.index.index);
        sb_putc(sb, ']');
        break;
    case AST_CALL:
        put_call(sb, blk, e);
        break;
    case AST_UNARY:
        if (e->u.unary.op == UOP_BITNOT) { /* BitwiseNot.sql: ~x */
            sb_putc(sb, '~');
            sema_put_sql(sb, blk, e->u.unary.arg);
            break;
        }
        sb_puts(sb, e->u.unary.op == UOP_NOT ? "(NOT " : e->u.unary.op == UOP_NEG ? "(- " : "(+ ");
        sema_put_sql(sb, blk, e->u.unary.arg);
        sb_putc(sb, ')');
        break;
    case AST_BINARY:
        if (e->u.binary.op == BOP_CONCAT) { /* Spark parses a || b as concat(a, b) */
            sb_puts(sb, "concat(");
            sema_put_sql(sb, blk, e->u.binary.lhs);
            sb_puts(sb, ", ");
            sema_put_sql(sb, blk, e->u.binary.rhs);
            sb_putc(sb, ')');
            break;
        }
        if ((e->u.binary.op == BOP_ADD || e->u.binary.op == BOP_SUB) &&
            (e->u.binary.lhs->kind == AST_INTERVAL) != (e->u.binary.rhs->kind == AST_INTERVAL)) {
            /* a datetime and an interval: BinaryArithmeticWithDatetimeResolver makes TimeAdd
               (sql `l + r`, the interval second) or DatetimeSub (`l - r`), no parentheses; a
               DATE and days DateAdd(d, [-]ExtractANSIIntervalDays(i)) */
            bool swap = e->u.binary.lhs->kind == AST_INTERVAL && e->u.binary.op == BOP_ADD;
            const AstExpr *d = swap ? e->u.binary.rhs : e->u.binary.lhs;
            const AstExpr *iv = swap ? e->u.binary.lhs : e->u.binary.rhs;
            int64_t days;
            if (ast_is_date(blk, d) && sema_days_interval(sb->arena, iv, &days)) {
                sb_puts(sb, "date_add(");
                sema_put_sql(sb, blk, d);
                sb_puts(sb, e->u.binary.op == BOP_SUB ? ", (- extractansiintervaldays(" : ", extractansiintervaldays(");
                sema_put_sql(sb, blk, iv);
                sb_puts(sb, e->u.binary.op == BOP_SUB ? ")))" : "))");
                break;
            }
            sema_put_sql(sb, blk, swap ? e->u.binary.rhs : e->u.binary.lhs);
            sb_puts(sb, e->u.binary.op == BOP_ADD ? " + " : " - ");
            sema_put_sql(sb, blk, swap ? e->u.binary.lhs : e->u.binary.rhs);
            break;
        }
        if (e->u.binary.op == BOP_MUL && e->u.binary.rhs->kind == AST_INTERVAL &&
            e->u.binary.lhs->kind != AST_INTERVAL) { /* MultiplyDTInterval(interval, num).sql */
            sb_putc(sb, '(');
            sema_put_sql(sb, blk, e->u.binary.rhs);
            sb_puts(sb, " * ");
            sema_put_sql(sb, blk, e->u.binary.lhs);
            sb_putc(sb, ')');
            break;
        }
        if (e->u.binary.op == BOP_NE) /* Spark: a != b is NOT (a = b) */
            sb_puts(sb, "(NOT ");
        sb_putc(sb, '(');
        sema_put_sql(sb, blk, e->u.binary.lhs);
        sb_printf(sb, " %s ", e->u.binary.op == BOP_NE ? "=" : sema_binary_symbol(e->u.binary.op));
        sema_put_sql(sb, blk, e->u.binary.rhs);
        sb_putc(sb, ')');
        if (e->u.binary.op == BOP_NE)
            sb_putc(sb, ')');
        break;
    case AST_IS_NULL:
        sb_putc(sb, '(');
        sema_put_sql(sb, blk, e->u.is_null.arg);
        sb_puts(sb, e->u.is_null.negated ? " IS NOT " : " IS ");
        sb_puts(sb, e->u.is_null.unknown ? "UNKNOWN)" : "NULL)");
        break;
    case AST_LIKE:
        /* Like.sql: "x LIKE p", with " ESCAPE 'c'" for another escape than '\';
           ILike (RuntimeReplaceable) prints as a call of its two children: ilike(x, p). */
        if (e->u.like.negated)
            sb_puts(sb, "(NOT ");
        sb_puts(sb, e->u.like.ci ? "ilike(" : "");
        sema_put_sql(sb, blk, e->u.like.arg);
        sb_puts(sb, e->u.like.ci ? ", " : " LIKE ");
        sema_put_sql(sb, blk, e->u.like.pattern);
        if (e->u.like.ci) {
            sb_putc(sb, ')');
        } else if (e->u.like.escape != '\\') {
            char esc[5];
            sb_puts(sb, " ESCAPE '");
            sb_putn(sb, esc, cm_utf8_put(e->u.like.escape, esc));
            sb_putc(sb, '\'');
        }
        if (e->u.like.negated)
            sb_putc(sb, ')');
        break;
    case AST_IN:
        sb_puts(sb, e->u.in.negated ? "(NOT (" : "(");
        sema_put_sql(sb, blk, e->u.in.arg);
        sb_puts(sb, " IN (");
        put_list(sb, blk, &e->u.in.list);
        sb_puts(sb, e->u.in.negated ? ")))" : "))");
        break;
    case AST_BETWEEN: /* Spark rewrites BETWEEN to ((x >= lo) AND (x <= hi)) */
        if (e->u.between.negated)
            sb_puts(sb, "(NOT ");
        sb_puts(sb, "((");
        sema_put_sql(sb, blk, e->u.between.arg);
        sb_puts(sb, " >= ");
        sema_put_sql(sb, blk, e->u.between.lo);
        sb_puts(sb, ") AND (");
        sema_put_sql(sb, blk, e->u.between.arg);
        sb_puts(sb, " <= ");
        sema_put_sql(sb, blk, e->u.between.hi);
        sb_puts(sb, "))");
        if (e->u.between.negated)
            sb_putc(sb, ')');
        break;
    case AST_CASE:
        put_case(sb, blk, e);
        break;
    case AST_CAST:
        if (e->u.cast.typed_literal) {
            /* DATE '...' and TIMESTAMP '...' literals (the parser makes them casts): Spark's
               Literal.sql of the value, as DateFormatter and the fraction formatter print it */
            int64_t v;
            if (sema_typed_literal_value(e, &v))
                put_datetime_literal(sb, e->u.cast.type, v);
            else
                sb_printf(sb, "%s '%s'", type_sql_name(sb->arena, e->u.cast.type),
                          e->u.cast.arg->u.str);
            break;
        }
        sb_puts(sb, "CAST(");
        sema_put_sql(sb, blk, e->u.cast.arg);
        sb_printf(sb, " AS %s)", e->u.cast.type ? type_sql_name(sb->arena, e->u.cast.type) : "?");
        break;
    case AST_LAMBDA:
        put_lambda(sb, blk, e);
        break;
    }
}

const char *sema_expr_sql(SemaCtx *sc, const SelBlock *blk, const AstExpr *e)
{
    StrBuf sb;
    sb_init(&sb, sc->arena);
    sema_put_sql(&sb, blk, e);
    return sb.data;
}

const char *sema_expr_sql_unresolved(SemaCtx *sc, const SelBlock *blk, const AstExpr *e)
{
    printing_unresolved = true;
    const char *s = sema_expr_sql(sc, blk, e);
    printing_unresolved = false;
    return s;
}

const char *sema_expr_plain_sql(SemaCtx *sc, const SelBlock *blk, const AstExpr *e)
{
    printing_plain = true;
    const char *s = sema_expr_sql(sc, blk, e);
    printing_plain = false;
    return s;
}

const char *sema_assert_true_message(SemaCtx *sc, const SelBlock *blk, const AstExpr *cond)
{
    StrBuf sb;
    sb_init(&sb, sc->arena);
    put_assert_message(&sb, blk, cond);
    return sb.data;
}

/* ==== Output names ==== */

const char *sema_item_name(SemaCtx *sc, const SelBlock *blk, const AstExpr *e)
{
    if (!e)
        return "?";
    if (e->kind == AST_COLUMN && sema_is_hive_grouping_id(blk, &e->u.name))
        return SEMA_HIVE_GROUPING_ID; /* the literal function's alias, in lower case */
    if (e->kind == AST_COLUMN && e->u.name.n > 0 && e->u.name.parts) {
        int col;
        int start = column_start(blk, &e->u.name, &col);
        if (col >= 0 && start == e->u.name.n - 1)
            return blk->input->cols[col].name; /* the declared spelling */
        const char *last = e->u.name.parts[e->u.name.n - 1];
        return last ? last : "?"; /* a struct field: as written */
    }
    /* AstBuilder.visitDereference: x.f of a column x extends its name (an attribute named f),
       of anything else is an UnresolvedExtractValue, named by its pretty SQL (x.f) as s['f'] */
    if (e->kind == AST_FIELD && e->u.field.base->kind == AST_COLUMN)
        return e->u.field.name ? e->u.field.name : "?";
    if (e->kind == AST_CALL && e->u.call.name && strcasecmp(e->u.call.name, "window") == 0)
        return "window";
    if (e->kind == AST_CALL && e->u.call.name && strcasecmp(e->u.call.name, "session_window") == 0)
        return "session_window";
    return sema_expr_sql(sc, blk, e);
}
