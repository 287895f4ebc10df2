/* ast.h - the syntax tree of a sluice script, exactly as written.
**
** The parser builds these nodes and nothing else: no name lookup, no types,
** no checks (sema does all of that on this tree and produces bound trees).
** Every node carries the SrcSpan of the text it came from, so any later
** phase can point at the query.  All nodes and strings live in the arena
** of the compilation.  Identifiers keep their spelling; comparisons are
** case-insensitive (Spark's default).
*/
#ifndef SL_AST_H
#define SL_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/srcspan.h"
#include "base/strbuf.h"
#include "base/type.h"

typedef struct AstExpr AstExpr;
typedef struct AstSelect AstSelect;

/* ==== Expressions ==== */

typedef enum AstExprKind {
    AST_NULL,     /* NULL */
    AST_BOOL,     /* TRUE, FALSE: u.ival */
    AST_INT,      /* integer literal: u.ival; a '-' directly before the digits is part of it
                     (int_negated); 9223372036854775808 is read as INT64_MIN and is only
                     valid negated */
    AST_DOUBLE,   /* 1e3, 2.5E-2 (an exponent), 1.5D, 1.5F: u.dval, negative when a '-'
                     directly before the digits is part of it */
    AST_DECIMAL,  /* 1.5, .5, 1., an integer beyond BIGINT: u.str is the text (digits and
                     at most one '.', after a '-' directly before the digits), a DECIMAL as
                     Spark's visitDecimalLiteral */
    AST_STRING,   /* 'text' with \ escapes decoded (adjacent literals joined): u.str */
    AST_INTERVAL, /* INTERVAL '10 minutes', INTERVAL 10 MINUTES, INTERVAL '2' DAY or
                     INTERVAL '2 10:30' DAY TO MINUTE: u.interval */
    AST_BINARY_LIT, /* X'0A1B': u.str is the hex digits as written */
    AST_COLUMN,   /* a, t.a, window.start: u.name.parts[0..n-1]; sema decides which
                     prefix is a relation, a column or a struct field */
    AST_STAR,     /* * or t.*: u.name (n == 0 for a bare *) */
    AST_FIELD,    /* expr.name where expr is not a plain name: u.field */
    AST_INDEX,    /* expr[index]: u.index */
    AST_CALL,     /* name(args), count(*), count(DISTINCT x), f(x) OVER (...): u.call */
    AST_UNARY,    /* NOT x, -x, +x: u.unary */
    AST_BINARY,   /* x op y: u.binary */
    AST_IS_NULL,  /* x IS [NOT] NULL: u.is_null */
    AST_LIKE,     /* x [NOT] LIKE pattern: u.like */
    AST_IN,       /* x [NOT] IN (a, b, ...): u.in */
    AST_BETWEEN,  /* x [NOT] BETWEEN lo AND hi: u.between */
    AST_CASE,     /* CASE [operand] WHEN .. THEN .. [ELSE ..] END: u.kase */
    AST_CAST,     /* CAST(x AS type): u.cast */
    AST_LAMBDA    /* x -> body, (x, i) -> body: u.lambda; only as a call's argument */
} AstExprKind;

/* A call's nullsOption (Spark's functionCall: IGNORE NULLS | RESPECT NULLS after the call) */
typedef enum AstNullsOption {
    AST_NULLS_DEFAULT,
    AST_IGNORE_NULLS,
    AST_RESPECT_NULLS
} AstNullsOption;
typedef enum AstUnaryOp { UOP_NOT, UOP_NEG, UOP_PLUS, UOP_BITNOT } AstUnaryOp;

typedef enum AstBinaryOp {
    BOP_ADD, BOP_SUB, BOP_MUL, BOP_DIV, BOP_MOD,
    BOP_EQ, BOP_NE, BOP_LT, BOP_LE, BOP_GT, BOP_GE,
    BOP_AND, BOP_OR,
    BOP_CONCAT, /* || */
    BOP_IDIV,   /* a DIV b: Spark's IntegralDivide */
    BOP_NSEQ,   /* a <=> b: Spark's EqualNullSafe */
    BOP_BITAND, BOP_BITOR, BOP_BITXOR /* a & b, a | b, a ^ b: Spark's BitwiseAnd/Or/Xor */
} AstBinaryOp;

typedef struct AstExprList {
    AstExpr **items;
    int n;
} AstExprList;

typedef struct AstName {
    const char **parts;  /* dotted parts as written */
    SrcSpan *spans;      /* span of each part */
    int n;
} AstName;

/* The deepest expression tree the parser accepts (levels of operators, calls, CASE, CAST...;
   parentheses alone add none).  Every recursive walk over expressions in front, sema, plan
   and codegen is bounded by it, so it keeps them inside the default 8 MB stack, with room for
   sema's added casts and sanitizer builds (see tests/tools/run_scaling.sh). */
#define AST_MAX_DEPTH 1000

struct AstExpr {
    AstExprKind kind;
    SrcSpan span;
    int depth; /* 1 for a leaf; 1 + the deepest operand otherwise */
    /* x [NOT] (LIKE | ILIKE) (ANY | ALL) ('p', ...) with string literal patterns: the OR (AND)
       of the LIKEs this node is, named as Spark's LikeAny, NotLikeAny, LikeAll or NotLikeAll
       expression is: multi_like(multi_arg), e.g. likeany(x) or notlikeall(lower(x)) */
    const char *multi_like;
    AstExpr *multi_arg;
    union {
        /* AST_INT; int_suffix: 'L', 'S' or 'Y' for Spark's BIGINT_LITERAL (10L),
           SMALLINT_LITERAL (10S), TINYINT_LITERAL (10Y), whose digits are int_text and which
           int_overflow marks beyond 2^63 (sema checks each type's range) */
        struct {
            int64_t ival;
            bool int_negated;
            char int_suffix;
            bool int_overflow;
            const char *int_text;
        };
        /* AST_DOUBLE; dval_float: Spark's FLOAT_LITERAL (1.5F), the value as Java's
           Float.parseFloat reads dtext (the text without its suffix); a literal with an
           exponent or the D suffix keeps its text (without the suffix) in dtext too */
        struct {
            double dval;
            bool dval_float;
            const char *dtext;
        };
        const char *str;
        AstName name;
        struct { AstExpr *base; const char *name; SrcSpan name_span; } field;
        struct { AstExpr *base; AstExpr *index; } index;
        struct {
            const char *name;      /* function name as written */
            SrcSpan name_span;
            AstExprList args;
            bool star;             /* count(*) */
            bool distinct;         /* count(DISTINCT x) */
            SrcSpan distinct_span;
            AstExpr *filter;       /* agg(...) FILTER (WHERE filter), or NULL */
            bool has_over;         /* an OVER (...) clause followed: refused by sema */
            SrcSpan over_span;
            AstNullsOption nulls; /* f(...) IGNORE NULLS | RESPECT NULLS */
            SrcSpan nulls_span;
            /* percentile_cont(p) and percentile_disc(p) WITHIN GROUP (ORDER BY x [ASC | DESC]):
               1 ASC, 2 DESC (args are then x, p); 0 for any other call */
            int within;
        } call;
        struct { AstUnaryOp op; AstExpr *arg; } unary;
        struct { AstBinaryOp op; AstExpr *lhs, *rhs; SrcSpan op_span; } binary;
        struct { AstExpr *arg; bool negated; bool unknown; /* IS [NOT] UNKNOWN */ } is_null;
        struct {
            AstExpr *arg, *pattern;
            bool negated;
            bool ci;             /* ILIKE */
            uint32_t escape;     /* the ESCAPE character's code point ('\\' without one) */
        } like;
        struct { AstExpr *arg; AstExprList list; bool negated; } in;
        struct { AstExpr *arg, *lo, *hi; bool negated; } between;
        struct {
            AstExpr *operand;      /* CASE x WHEN ...: may be NULL */
            AstExprList whens;
            AstExprList thens;     /* same length as whens */
            AstExpr *else_;        /* may be NULL */
        } kase;
        /* typed_literal: DATE '...' and the TIMESTAMP forms (Spark's typeConstructor), the
           keyword as Spark's messages name it ("DATE", "TIMESTAMP_NTZ"...); NULL for CAST */
        struct {
            AstExpr *arg;
            const Type *type;
            SrcSpan type_span;
            const char *typed_literal;
        } cast;
        struct {
            AstExprList params;  /* AST_COLUMN of one part each: the names, as written */
            AstExpr *body;
        } lambda;
        struct {
            const char *text;    /* INTERVAL 'text' or the value unit pairs as one string
                                    ("10 MINUTES", " 2 DAY 3 HOUR"), Spark's stringToInterval
                                    input; for the unit-to-unit form the value, its sign applied */
            const char *from;    /* unit-to-unit: the units as written (DAY, MINUTE); */
            const char *to;      /* NULL for the other forms */
            bool pairs;          /* written as value unit pairs (INTERVAL 2 DAY) */
        } interval;
    } u;
};

/* ==== Queries ==== */

typedef struct AstSelectItem {
    AstExpr *expr;
    const char *alias;   /* NULL if none */
    SrcSpan alias_span;
    SrcSpan span;
    const char **aliases; /* expr AS (a, b, ...): a generator's column names (Spark's
                             MultiAlias); NULL otherwise */
    int n_aliases;
} AstSelectItem;

typedef struct AstOrderItem {
    AstExpr *expr;
    bool desc;
    int nulls;           /* 0: default, 1: NULLS FIRST, 2: NULLS LAST */
    SrcSpan span;
} AstOrderItem;

typedef enum AstFromKind { FROM_NAME, FROM_SUBQUERY, FROM_JOIN } AstFromKind;

/* The join types of Spark's grammar (SqlBaseParser joinType); the names Spark prints
   (JoinType.toString: Inner, LeftOuter, ...) are ast_join_type_name's. */
typedef enum AstJoinType {
    JOIN_INNER, JOIN_CROSS, JOIN_LEFT_OUTER, JOIN_RIGHT_OUTER, JOIN_FULL_OUTER,
    JOIN_LEFT_SEMI, JOIN_LEFT_ANTI
} AstJoinType;

typedef struct AstFrom AstFrom;

/* A GROUP BY item of Spark's groupingAnalytics: ROLLUP (...), CUBE (...) or GROUPING SETS (...),
   or a Hive form, the whole clause GROUP BY a, b WITH ROLLUP | WITH CUBE (ROLLUP (a, b),
   CUBE (a, b)) or GROUP BY a, b GROUPING SETS (...) (user: a, b, Spark's
   userGivenGroupByExprs).  Sema expands it as ResolveGroupingAnalytics does. */
typedef enum AstGroupingKind { AGS_ROLLUP, AGS_CUBE, AGS_SETS } AstGroupingKind;
typedef struct AstGrouping AstGrouping;
struct AstGrouping {
    AstGroupingKind kind;
    AstExprList *sets;    /* its groupingSets, each a list of expressions (n == 0: `()`) */
    AstGrouping **nested; /* AGS_SETS: element i is nested[i] (a ROLLUP, CUBE or GROUPING SETS
                             inside) when that is not NULL, else sets[i] */
    int n;
    AstExprList user; /* GROUP BY a, b GROUPING SETS (...): a, b */
    SrcSpan span;
};

/* The items of GROUP BY while they are parsed: exprs (NULL for a grouping item) and, when
   one item is a grouping item, sets, parallel to exprs. */
typedef struct AstGroupList {
    AstExprList exprs;
    AstGrouping **sets;
} AstGroupList;

/* left JOIN right [ON cond | USING (c1, ...)]. */
typedef struct AstJoin {
    AstJoinType type;
    AstFrom *left, *right;
    AstExpr *on;         /* NULL if none */
    const char **using;  /* USING column names as written; n_using == 0: no USING */
    SrcSpan *using_spans;
    int n_using;
    SrcSpan join_span;   /* the join type and JOIN keyword(s): where join errors point */
    bool natural;        /* NATURAL: USING the column names both sides have (sema_join.c) */
} AstJoin;

/* TABLESAMPLE '(' method ')' after a FROM name or subquery (Spark's sample,
   AstBuilder.withSample): what the method is. */
typedef enum AstSampleKind {
    SAMPLE_EMPTY,   /* TABLESAMPLE () */
    SAMPLE_PERCENT, /* x PERCENT: Sample */
    SAMPLE_ROWS,    /* expr ROWS: Limit */
    SAMPLE_BUCKET,  /* BUCKET x OUT OF y: Sample */
    SAMPLE_OTHER    /* anything else of that shape (Spark's byte lengths) */
} AstSampleKind;

typedef struct AstSample {
    AstSampleKind kind;
    SrcSpan span;        /* TABLESAMPLE (...) */
} AstSample;

struct AstFrom {
    AstFromKind kind;
    AstSample *sample;   /* TABLESAMPLE of FROM_NAME or FROM_SUBQUERY; NULL if none */
    const char *name;    /* FROM_NAME: the source or table */
    AstSelect *sub;      /* FROM_SUBQUERY (the first branch of a UNION ALL) */
    AstSelect **branches; /* FROM_SUBQUERY of b0 UNION ALL b1 ...: every branch, in order
                             (sub == branches[0]); n_branches == 0 for a plain subquery */
    int n_branches;
    AstJoin *join;       /* FROM_JOIN */
    const char *alias;   /* NULL if none */
    SrcSpan span;
};

/* DROP DUPLICATES [WITHIN WATERMARK] [(col, ...)] after WHERE: Spark's dropDuplicates /
   dropDuplicatesWithinWatermark on the rows of the FROM input. */
typedef struct AstDedup {
    bool within_watermark; /* DROP DUPLICATES WITHIN WATERMARK */
    SrcSpan within_span;   /* the words WITHIN WATERMARK */
    AstExprList columns;   /* AST_COLUMN names as written; n == 0: every input column */
    SrcSpan span;          /* the whole clause */
} AstDedup;

/* LATERAL VIEW [OUTER] generator(args) table [[AS] col {',' col}] after the FROM items
   (Spark's lateralView, AstBuilder.withGenerate): item is the generator call with the
   column names as its aliases (none: the generator's own names); its columns are qualified
   by table. */
typedef struct AstLateral {
    AstSelectItem item;
    bool outer;          /* LATERAL VIEW OUTER */
    const char *table;
    SrcSpan table_span;
    SrcSpan span;        /* the whole clause */
} AstLateral;

struct AstSelect {
    SrcSpan span;
    bool distinct;       /* SELECT DISTINCT: refused by sema */
    SrcSpan distinct_span;
    AstSelectItem *items;
    int n_items;
    AstFrom *from;       /* NULL if there is no FROM (refused by sema) */
    AstLateral **laterals; /* the LATERAL VIEWs after FROM, in order */
    int n_laterals;
    AstExpr *where;      /* may be NULL */
    AstDedup *dedup;     /* DROP DUPLICATES ...; NULL if absent */
    AstExprList group_by;
    bool group_by_all;   /* GROUP BY ALL: sema makes group_by (sema_select.c) */
    AstGrouping **group_sets; /* parallel to group_by.items, NULL when no item is a ROLLUP,
                                 CUBE or GROUPING SETS: item i is group_sets[i] when that is
                                 not NULL (and group_by.items[i] NULL) */
    SrcSpan group_by_span;
    AstExpr *having;     /* may be NULL */
    AstOrderItem *order_by;
    int n_order_by;
    SrcSpan order_by_span;
    /* Spark's other query-result clauses, after ORDER BY: CLUSTER BY, DISTRIBUTE BY, SORT BY
       (AstBuilder.withQueryResultClauses); the spans cover each keyword pair, empty when absent */
    AstExprList cluster_by, distribute_by;
    AstOrderItem *sort_by;
    int n_sort_by;
    SrcSpan cluster_by_span, distribute_by_span, sort_by_span;
    AstExpr *limit;      /* LIMIT n: refused by sema; NULL if absent */
    SrcSpan limit_span;  /* covers the LIMIT keyword and its operand */
    AstExpr *offset;     /* OFFSET n: refused by sema */
    SrcSpan offset_span;
    bool set_op;         /* `SELECT * FROM (b0 UNION ALL b1 ...)`, the block a UNION [ALL] is
                            read through (ast_select_union); distinct: a plain UNION */
};

/* ==== Statements ==== */

typedef enum AstStmtKind {
    STMT_CREATE_SOURCE,  /* CREATE SOURCE name [(columns)] WITH (options) */
    STMT_CREATE_SINK,    /* CREATE SINK name WITH (options) */
    STMT_CREATE_TABLE,   /* CREATE TABLE name (columns) WITH (options): static table */
    STMT_INSERT,         /* INSERT INTO sink SELECT ... [WITH (options)] */
    STMT_SELECT          /* SELECT ... [WITH (options)]: a batch query shown as Dataset.show() */
} AstStmtKind;

typedef struct AstOption {
    const char *key;     /* as written; matched case-insensitively */
    SrcSpan key_span;
    AstExpr *value;      /* a literal: AST_STRING, AST_INT, AST_DOUBLE, AST_BOOL, or
                            AST_COLUMN with one part for a bare word (format = json) */
    SrcSpan span;        /* key = value */
} AstOption;

typedef struct AstColumnDef {
    const char *name;
    const Type *type;
    SrcSpan span;        /* the name */
    SrcSpan type_span;
} AstColumnDef;

typedef struct AstWatermark {
    const char *column;  /* WATERMARK FOR column AS expr */
    SrcSpan column_span;
    AstExpr *expr;       /* usually column - INTERVAL '...' */
    SrcSpan span;
} AstWatermark;

typedef struct AstStmt {
    AstStmtKind kind;
    SrcSpan span;
    const char *name;          /* CREATE *: the object's name; INSERT: the target sink;
                                  SELECT: NULL */
    SrcSpan name_span;
    bool has_columns;          /* a column list was written (possibly empty) */
    AstColumnDef *columns;
    int n_columns;
    AstWatermark *watermark;   /* NULL if none */
    AstOption *options;        /* WITH (...) of CREATE, or of the INSERT (query options) */
    int n_options;
    SrcSpan options_span;
    AstSelect *query;          /* INSERT and SELECT */
} AstStmt;

typedef struct AstScript {
    AstStmt **stmts;
    int n_stmts;
} AstScript;

/* ==== Construction (used by the grammar actions; one call per action) ==== */

AstExpr *ast_expr_new(Arena *arena, AstExprKind kind, SrcSpan span);
AstExpr *ast_binary(Arena *arena, AstBinaryOp op, AstExpr *lhs, AstExpr *rhs, SrcSpan op_span);
AstExpr *ast_unary(Arena *arena, AstUnaryOp op, AstExpr *arg, SrcSpan span);
void ast_list_push(Arena *arena, AstExprList *list, AstExpr *e);

/* ==== Grammar builders (added with the front end: used only by grammar/parser.y) ====
**
** Each grammar action is one call.  Lists being parsed are PtrVecs of item pointers
** (AstSelectItem, AstOrderItem, AstOption, AstColumnDef, TypeField, AstStmt) that the
** final builder copies into the arrays above.  Spans passed in are the text of the
** construct; nodes never point into the source text.
*/

/* A keyword that may be present, with its span (DISTINCT). */
typedef struct AstFlag {
    bool on;
    SrcSpan span;
} AstFlag;

/* WITH (key = value, ...): the options and the span of the whole clause. */
typedef struct AstOptionList {
    PtrVec items;        /* AstOption * */
    SrcSpan span;
} AstOptionList;

/* The parenthesised column list of CREATE SOURCE/TABLE while it is parsed. */
typedef struct AstTableElems {
    bool present;        /* a list was written, possibly empty */
    PtrVec columns;      /* AstColumnDef * */
    AstWatermark *watermark;
} AstTableElems;

PtrVec ast_vec_add(Arena *arena, PtrVec vec, void *item);              /* NULL items are skipped */
AstExprList ast_list_append(Arena *arena, AstExprList list, AstExpr *e);
AstTableElems ast_elems_add_column(Arena *arena, AstTableElems elems, AstColumnDef *col);

AstExpr *ast_new_int(Arena *arena, int64_t v, SrcSpan span);
AstExpr *ast_new_double(Arena *arena, double v, SrcSpan span);
/* A number token as an expression: AST_DOUBLE with an exponent, else AST_DECIMAL. */
AstExpr *ast_new_number(Arena *arena, const char *text, double v, SrcSpan span);
AstExpr *ast_new_bool(Arena *arena, bool v, SrcSpan span);
/* kind is AST_STRING or AST_BINARY_LIT; s is copied by reference (already in the arena). */
AstExpr *ast_new_string(Arena *arena, AstExprKind kind, const char *s, SrcSpan span);
/* An AST_INTERVAL (u.interval); the strings are copied by reference. */
AstExpr *ast_new_interval(Arena *arena, const char *text, bool pairs, const char *from,
                          const char *to, SrcSpan span);
AstExpr *ast_new_column(Arena *arena, const char *part, SrcSpan span);
/* a.b: appends a part to an AST_COLUMN and widens its span. */
AstExpr *ast_column_append(Arena *arena, AstExpr *col, const char *part, SrcSpan part_span);
/* * (qualifier NULL) or t.*: qualifier is the AST_COLUMN before ".*", whose parts are taken. */
AstExpr *ast_new_star(Arena *arena, const AstExpr *qualifier, SrcSpan span);
AstExpr *ast_new_field(Arena *arena, AstExpr *base, const char *name, SrcSpan name_span);
AstExpr *ast_new_index(Arena *arena, AstExpr *base, AstExpr *index, SrcSpan span);
AstExpr *ast_new_call(Arena *arena,
                      const char *name,      /* as written */
                      SrcSpan name_span,
                      const AstExprList *args, /* NULL: no arguments */
                      bool star,             /* name(*) */
                      AstFlag distinct,      /* name(DISTINCT ...) */
                      SrcSpan span);         /* name .. ')' */
/* Marks a call as followed by OVER (...) and widens its span to the clause. */
/* params -> body (params: AST_COLUMNs of one part). */
AstExpr *ast_new_lambda(Arena *arena, AstExprList params, AstExpr *body, SrcSpan span);
/* Does the AST_LAMBDA have a parameter named name (case-insensitive, as Spark resolves)? */
bool ast_lambda_has_param(const AstExpr *lambda, const char *name);
AstExpr *ast_call_over(AstExpr *call, SrcSpan over_span);
/* call IGNORE NULLS | RESPECT NULLS (at span): widens the call's span to the clause. */
AstExpr *ast_call_nulls(AstExpr *call, AstNullsOption nulls, SrcSpan span);
/* call FILTER (WHERE filter): an aggregate over the rows where filter is true. */
AstExpr *ast_call_filter(AstExpr *call, AstExpr *filter, SrcSpan span);
/* ( e ): the node's span grows to cover the parentheses. */
AstExpr *ast_paren(AstExpr *e, SrcSpan span);
AstExpr *ast_new_is_null(Arena *arena, AstExpr *arg, bool negated, SrcSpan span);
AstExpr *ast_new_like(Arena *arena, AstExpr *arg, AstExpr *pattern, bool negated, SrcSpan span);
/* x IS [NOT] UNKNOWN: an AST_IS_NULL of a BOOLEAN (Spark's IsUnknown / IsNotUnknown). */
AstExpr *ast_new_is_unknown(Arena *arena, AstExpr *arg, bool negated, SrcSpan span);
AstExpr *ast_new_in(Arena *arena, AstExpr *arg, const AstExprList *list, bool negated, SrcSpan span);
AstExpr *ast_new_between(Arena *arena, AstExpr *arg, AstExpr *lo, AstExpr *hi, bool negated,
                         SrcSpan span);
/* CASE: WHEN/THEN pairs are added first (kase NULL starts a new node), then finished. */
AstExpr *ast_case_add_when(Arena *arena, AstExpr *kase, AstExpr *when, AstExpr *then);
AstExpr *ast_case_finish(AstExpr *kase, AstExpr *operand, AstExpr *else_, SrcSpan span);
AstExpr *ast_new_cast(Arena *arena, AstExpr *arg, const Type *type, SrcSpan type_span, SrcSpan span);

TypeField *ast_new_type_field(Arena *arena, const char *name, const Type *type);
const Type *ast_struct_type(Arena *arena, const PtrVec *fields);

/* expr AS (name, ...): names is a PtrVec of const char * (Spark's MultiAlias). */
AstSelectItem *ast_new_select_item_aliases(Arena *arena, AstExpr *expr, const PtrVec *names,
                                           SrcSpan alias_span, SrcSpan span);
AstSelectItem *ast_new_select_item(Arena *arena, AstExpr *expr, const char *alias, SrcSpan alias_span,
                                   SrcSpan span);
AstOrderItem *ast_new_order_item(Arena *arena, AstExpr *expr, bool desc, int nulls, SrcSpan span);
/* FROM name [alias] (sub NULL) or FROM (SELECT ...) [alias] (name NULL). */
AstFrom *ast_new_from(Arena *arena, const char *name, AstSelect *sub, const char *alias, SrcSpan span);
/* left <type> JOIN right; join_span covers the join keywords. */
AstFrom *ast_new_join(Arena *arena, AstJoinType type, AstFrom *left, AstFrom *right, SrcSpan join_span,
                      SrcSpan span);
/* Adds ON cond to a join and widens its span. */
AstFrom *ast_join_on(AstFrom *join, AstExpr *on, SrcSpan span);
/* Adds USING (names) to a join (names: AST_COLUMN expressions of one part) and widens its span. */
AstFrom *ast_join_using(Arena *arena, AstFrom *join, const AstExprList *names, SrcSpan span);
/* Spark's JoinType.toString: Inner, Cross, LeftOuter, RightOuter, FullOuter, LeftSemi, LeftAnti. */
const char *ast_join_type_name(AstJoinType type);
/* Sets the alias of a FROM item and widens its span to cover it. */
AstFrom *ast_from_alias(AstFrom *from, const char *alias, SrcSpan span);
/* DROP DUPLICATES [WITHIN WATERMARK] [(columns)]: columns NULL for none (every input column). */
AstDedup *ast_new_dedup(Arena *arena, AstFlag within, const AstExprList *columns, SrcSpan span);
/* SELECT [DISTINCT] items; the clauses that follow are added in order, each widening the span. */
AstSelect *ast_new_select(Arena *arena, AstFlag distinct, const PtrVec *items, SrcSpan span);
AstSelect *ast_select_from(AstSelect *sel, AstFrom *from, SrcSpan span);
AstSelect *ast_select_where(AstSelect *sel, AstExpr *where, SrcSpan span);
/* LATERAL VIEW [OUTER] name(args) table [[AS] cols]: args and cols may be NULL (none); cols
   a PtrVec of const char *, cols_span where they are written. */
AstLateral *ast_new_lateral(Arena *arena, bool outer, const char *name, SrcSpan name_span,
                            const AstExprList *args, SrcSpan call_span, const char *table,
                            SrcSpan table_span, const PtrVec *cols, SrcSpan cols_span,
                            SrcSpan span);
/* TABLESAMPLE '(' ... ')' on a FROM name or subquery: word is the word after the value
   (PERCENT, ROWS; NULL if none), bucket for BUCKET x OUT OF y, empty for (). */
AstFrom *ast_from_sample(Arena *arena, AstFrom *from, bool empty, bool bucket, const char *word,
                         SrcSpan sample_span, SrcSpan span);
/* CLUSTER BY keys (kind 'C'), DISTRIBUTE BY keys ('D') or SORT BY items ('S': a PtrVec of
   AstOrderItem *) of a query. */
AstSelect *ast_select_result_clause(Arena *arena, AstSelect *sel, int kind, const AstExprList *keys,
                                    const PtrVec *items, SrcSpan kw_span, SrcSpan span);
/* Adds the LATERAL VIEWs (a PtrVec of AstLateral *) to a SELECT with a FROM. */
AstSelect *ast_select_laterals(Arena *arena, AstSelect *sel, const PtrVec *laterals, SrcSpan span);
AstSelect *ast_select_dedup(AstSelect *sel, AstDedup *dedup, SrcSpan span);
AstSelect *ast_select_group_by(AstSelect *sel, const AstExprList *keys, SrcSpan kw_span, SrcSpan span);
AstSelect *ast_select_group_by_all(AstSelect *sel, SrcSpan kw_span, SrcSpan span);
/* GROUP BY items, some of them grouping items (a ROLLUP, CUBE or GROUPING SETS). */
AstSelect *ast_select_group_items(AstSelect *sel, const AstGroupList *items, SrcSpan kw_span,
                                  SrcSpan span);
/* Appends an item to a GROUP BY list: an expression e or a grouping item g (e NULL). */
AstGroupList ast_group_list_add(Arena *arena, AstGroupList list, AstExpr *e, AstGrouping *g);
/* ROLLUP (sets), CUBE (sets) or GROUPING SETS (elements): elems is a PtrVec of AstGrouping *
   whose items of kind AGS_SETS with n == 1 and no nested are plain sets (ast_grouping_set). */
AstGrouping *ast_new_grouping(Arena *arena, AstGroupingKind kind, const PtrVec *elems,
                              SrcSpan span);
/* One grouping set, `(a, b)`, `()` or `a`, as an element for ast_new_grouping. */
AstGrouping *ast_grouping_set(Arena *arena, const AstExprList *exprs, SrcSpan span);
AstSelect *ast_select_having(AstSelect *sel, AstExpr *having, SrcSpan span);
AstSelect *ast_select_order_by(Arena *arena, AstSelect *sel, const PtrVec *items, SrcSpan kw_span,
                               SrcSpan span);
/* clause_span covers "LIMIT n" / "OFFSET n". */
AstSelect *ast_select_limit(AstSelect *sel, AstExpr *limit, SrcSpan clause_span, SrcSpan span);
/* left UNION [ALL | DISTINCT] right as Spark's Union (and Distinct for a plain UNION):
   `SELECT [DISTINCT] * FROM (b0 UNION ALL b1 ...)`, branches flattened as CombineUnions
   does.  kw: the UNION keyword, where a plain UNION's distinct is reported. */
AstSelect *ast_select_union(Arena *arena, AstSelect *left, AstSelect *right, bool distinct,
                            SrcSpan kw, SrcSpan span);
AstSelect *ast_select_offset(AstSelect *sel, AstExpr *offset, SrcSpan clause_span, SrcSpan span);

AstColumnDef *ast_new_column_def(Arena *arena, const char *name, SrcSpan span, const Type *type,
                                 SrcSpan type_span);
AstWatermark *ast_new_watermark(Arena *arena, const char *column, SrcSpan column_span, AstExpr *expr,
                                SrcSpan span);
AstOption *ast_new_option(Arena *arena, const char *key, SrcSpan key_span, AstExpr *value, SrcSpan span);
AstOptionList ast_option_list(PtrVec items, SrcSpan span);
/* CREATE SOURCE/TABLE/SINK; elems is NULL for a sink. */
AstStmt *ast_new_create(Arena *arena,
                        AstStmtKind kind,
                        const char *name,
                        SrcSpan name_span,
                        const AstTableElems *elems,
                        const AstOptionList *options,
                        SrcSpan span);
/* SELECT ... [WITH (options)] as a statement of its own. */
AstStmt *ast_new_show(Arena *arena, AstSelect *query, const AstOptionList *options, SrcSpan span);
AstStmt *ast_new_insert(Arena *arena, const char *sink, SrcSpan sink_span, AstSelect *query,
                        const AstOptionList *options, SrcSpan span);
AstScript *ast_new_script(Arena *arena, const PtrVec *stmts);

/* ==== Walking and dumping ==== */

/* Calls fn on e and, if fn returns 0, on its children (pre-order). A non-zero return
   of 1 prunes the children, 2 aborts the walk; the walk returns 2 if aborted. */
typedef int (*AstExprVisit)(AstExpr *e, void *ctx);
int ast_walk_expr(AstExpr *e, AstExprVisit fn, void *ctx);

/* S-expression dump used by `sluice --dump-ast` and the parser tests. */
void ast_dump_expr(StrBuf *sb, const AstExpr *e);
void ast_dump_script(StrBuf *sb, const AstScript *script);
const char *ast_binary_op_name(AstBinaryOp op);
/* Appends s between quote characters, escaping the quote, '\\' and control characters
   C-style (added with the front end; used by the dumps). */
void ast_dump_quoted(StrBuf *sb, const char *s, char quote);

#endif
