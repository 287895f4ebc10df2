/* parser.y - the sluice grammar: tokens to an AstScript (front/ast.h).
**
** A pure LALR(1) bison parser driven by parse_script() in compiler/front/parse.c.
** Actions are one call into the ast_* builders: no name lookup, no types, no
** checks beyond syntax (sema does all of that).  Every node gets the span of
** its text.  The first syntax error is reported by yyreport_syntax_error()
** below at the span of the offending token and stops the parse.  grammar/README.md
** has the same grammar in EBNF.
**
** Names: `ident` is an identifier or an unreserved keyword; `any_name` also
** accepts reserved keywords and is used wherever the next token can only be a
** name (after '.', after AS, column, struct field and option names).
*/
%require "3.7"
%define api.pure full
%define api.prefix {sl_yy}
%define api.token.prefix {TOK_}
%define api.location.type {SrcSpan}
%define parse.error custom
%define parse.lac full
%define parse.trace
%locations
%expect 0
%param {yyscan_t scanner}
%parse-param {ParseCtx *pc}

%code requires {
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/srcfile.h"
#include "base/srcspan.h"
#include "base/strbuf.h"
#include "base/type.h"
#include "front/ast.h"

#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif

/* State shared by the parser (pc) and the scanner (yyextra) during one parse_script(). */
typedef struct ParseCtx {
    Arena *arena;          /* every node and string */
    Diag *diag;
    const SrcFile *file;
    AstScript *script;     /* the result, set by the start rule */
    /* scanner state */
    uint32_t offset;       /* byte offset of the next unread character */
    uint32_t tok_begin;    /* start of the string, quoted identifier or comment being scanned */
    uint32_t last_end;     /* end of the last token returned: where "end of input" is reported */
    int comment_depth;     /* nesting of block comments */
    StrBuf buf;            /* decoded text of the string or quoted identifier being scanned */
    void *ahead;           /* parse_lex's token read ahead (front/parse.c); NULL until needed */
} ParseCtx;
}

%code provides {
#define YYSTYPE SL_YYSTYPE
#define YYLTYPE SL_YYLTYPE
int sl_yylex(SL_YYSTYPE *yylval_param, SL_YYLTYPE *yylloc_param, yyscan_t yyscanner);
/* The parser's lexer (front/parse.c): sl_yylex's tokens, but for the words that need a second
   token to be told from a name (SORT BY, CLUSTER BY, DISTRIBUTE BY, TABLESAMPLE '(', IGNORE
   NULLS, RESPECT NULLS). */
int parse_lex(SL_YYSTYPE *yylval_param, SL_YYLTYPE *yylloc_param, yyscan_t yyscanner);

/* Defined in front/parse.c for the actions below. */
const char *parse_text(ParseCtx *pc, SrcSpan span);
const Type *parse_decimal_type(ParseCtx *pc, int64_t precision, int64_t scale, SrcSpan span);
const Type *parse_interval_type(ParseCtx *pc, const char *from, const char *to, SrcSpan span);
bool parse_set_watermark(ParseCtx *pc, AstTableElems *elems, AstWatermark *wm);
AstExpr *parse_negate(ParseCtx *pc, AstExpr *x, SrcSpan x_span, SrcSpan span);
AstExpr *parse_typed_literal(ParseCtx *pc, const char *keyword, const char *text, SrcSpan text_span,
                             const Type *type, SrcSpan kw_span, SrcSpan span);
AstExpr *parse_rlike(ParseCtx *pc, AstExpr *s, AstExpr *pat, SrcSpan op_span, SrcSpan span);
AstExpr *parse_from_call(ParseCtx *pc, const char *name, SrcSpan name_span, int side, AstExpr *x,
                         AstExpr *src, SrcSpan span);
AstExpr *parse_as_call(ParseCtx *pc, const char *name, SrcSpan name_span, AstExpr *x,
                       const Type *type, SrcSpan type_span, SrcSpan span);
AstExpr *parse_like(ParseCtx *pc, AstExpr *x, AstExpr *pat, bool ci, bool negated, const char *escape,
                    SrcSpan escape_span, SrcSpan span);
AstExpr *parse_like_quantified(ParseCtx *pc, AstExpr *x, const AstExprList *pats, bool ci,
                               bool negated, bool all, SrcSpan span);
AstExpr *parse_like_call(ParseCtx *pc, const char *name, bool ci, SrcSpan name_span,
                         const AstExprList *args, SrcSpan span);
AstExpr *parse_is_bool(ParseCtx *pc, AstExpr *x, AstExpr *lit, bool negated, SrcSpan is_span,
                       SrcSpan span);
const char *parse_interval_pair(ParseCtx *pc, int sign, const char *value, bool is_string,
                                const char *unit, SrcSpan span);
AstExpr *parse_interval_to(ParseCtx *pc, int sign, const char *value, const char *from,
                           const char *to, SrcSpan span);
AstExpr *parse_position(ParseCtx *pc, const char *name, SrcSpan name_span, AstExpr *sub,
                        AstExpr *s, SrcSpan span);
/* ROLLUP (sets) or CUBE (sets): NULL after Spark's error for an empty set. */
AstGrouping *parse_grouping(ParseCtx *pc, AstGroupingKind kind, const PtrVec *sets, SrcSpan span);
/* GROUP BY items WITH ROLLUP | WITH CUBE | GROUPING SETS (sets) (kind; sets NULL but for
   GROUPING SETS, at: those words): NULL after a syntax error when an item is not an
   expression. */
AstSelect *parse_group_hive(ParseCtx *pc, AstSelect *sel, const AstGroupList *items,
                            AstGroupingKind kind, const PtrVec *sets, SrcSpan at, SrcSpan kw_span,
                            SrcSpan span);
/* left NATURAL join_kw right (Spark's NaturalJoin): NULL after Spark's parse error for
   NATURAL CROSS JOIN. */
AstFrom *parse_natural_join(ParseCtx *pc, AstJoinType type, AstFrom *left, AstFrom *right,
                            SrcSpan join_span, SrcSpan span);
AstExpr *parse_overlay(ParseCtx *pc, const char *name, SrcSpan name_span, AstExpr *s,
                       AstExpr *r, AstExpr *pos, AstExpr *len, SrcSpan span);
/* percentile_cont(p) or percentile_disc(p) WITHIN GROUP (ORDER BY x ...): the call with args
   (x, p) and its direction; NULL after a syntax error for any other call. */
AstExpr *parse_within_group(ParseCtx *pc, AstExpr *call, const AstOrderItem *order, SrcSpan span);
/* first | last | any_value '(' x IGNORE NULLS ')' (Spark 3.5's #first, #last and #any_value):
   the call of x with IGNORE NULLS; NULL after a syntax error for any other name. */
AstExpr *parse_ignore_nulls_arg(ParseCtx *pc, const char *name, SrcSpan name_span, AstExpr *x,
                                SrcSpan ignore_span, SrcSpan span);
/* false (after an error at e) if e is nested deeper than AST_MAX_DEPTH. */
bool parse_depth_ok(ParseCtx *pc, const AstExpr *e);
/* Appends the display name of a token (FROM, ',', '<=', identifier) for token dumps. */
void parse_put_token_name(StrBuf *sb, int token);
}

%code {
#include <string.h>
#include <strings.h>

#undef yylex
#define yylex parse_lex

/* A rule's span runs from its first to its last symbol; an empty rule gets an empty span at
   the end of the symbol before it (so optional clauses never stretch a node backwards). */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                  \
    do {                                                             \
        if (N) {                                                     \
            (Cur).file = YYRHSLOC(Rhs, 1).file;                      \
            (Cur).begin = YYRHSLOC(Rhs, 1).begin;                    \
            (Cur).end = YYRHSLOC(Rhs, N).end;                        \
        } else {                                                     \
            (Cur).file = YYRHSLOC(Rhs, 0).file;                      \
            (Cur).begin = (Cur).end = YYRHSLOC(Rhs, 0).end;          \
        }                                                            \
    } while (0)
#define YYLOCATION_PRINT(File, Loc) fprintf((File), "%u-%u", (unsigned)(Loc)->begin, (unsigned)(Loc)->end)

static void sl_yyerror(SrcSpan *loc, yyscan_t scanner, ParseCtx *pc, const char *msg);
static const AstFlag no_flag;
}

%union {
    const char *str;
    int64_t ival;
    double dval;
    int num;
    AstBinaryOp bop;
    AstFlag flag;
    AstExpr *expr;
    AstExprList list;
    PtrVec vec;
    const Type *type;
    TypeField *field;
    AstSelect *select;
    AstSelectItem *sitem;
    AstOrderItem *oitem;
    AstFrom *from;
    AstDedup *dedup;
    AstLateral *lateral;
    AstOption *option;
    AstOptionList options;
    AstColumnDef *coldef;
    AstWatermark *watermark;
    AstTableElems elems;
    AstStmt *stmt;
    AstGroupList glist;
    AstGrouping *grouping;
}

%token EOI 0 "end of input"
%token <str> IDENT "identifier"
%token <str> STRING_LIT "string"
%token <ival> INTEGER_LIT "integer"
%token <dval> DECIMAL_LIT "number"
%token NE "'<>'" LE "'<='" GE "'>='" CONCAT "'||'" NSEQ "'<=>'" ARROW "'->'"

/* Keywords: the same list as keywords.def, in the same order. */
%token <str> ALL "ALL" AND "AND" ARRAY "ARRAY" AS "AS" ASC "ASC" BETWEEN "BETWEEN" BOTH "BOTH"
%token <str> LEADING "LEADING" TRAILING "TRAILING"
%token <str> BIGINT "BIGINT" BOOLEAN "BOOLEAN" BY "BY" CASE "CASE" CAST "CAST"
%token <str> CREATE "CREATE" CROSS "CROSS" CURRENT "CURRENT" CURRENT_DATE "CURRENT_DATE"
%token <str> CURRENT_TIMESTAMP "CURRENT_TIMESTAMP" DATE "DATE" DEC "DEC" DECIMAL "DECIMAL" DESC "DESC"
%token <str> DIV "DIV" REGEXP "REGEXP" RLIKE "RLIKE"
%token <str> DISTINCT "DISTINCT" DOUBLE "DOUBLE" DROP "DROP" DUPLICATES "DUPLICATES"
%token <str> ELSE "ELSE" END "END" ESCAPE "ESCAPE" FALSE "FALSE"
%token <str> FILTER "FILTER" FIRST "FIRST" FLOAT "FLOAT" FOLLOWING "FOLLOWING" FOR "FOR" FROM "FROM"
%token <str> FULL "FULL" GROUP "GROUP" HAVING "HAVING" ILIKE "ILIKE" IN "IN" INNER "INNER"
%token <str> INSERT "INSERT" INT "INT" INTEGER "INTEGER" INTERVAL "INTERVAL" INTO "INTO"
%token <str> IS "IS" JOIN "JOIN" LAST "LAST" LATERAL "LATERAL" VIEW "VIEW" LIKE "LIKE" LIMIT "LIMIT" LONG "LONG" MAP "MAP"
%token <str> NOT "NOT" NULL "NULL" NULLS "NULLS" NUMERIC "NUMERIC" OFFSET "OFFSET" ON "ON" OR "OR"
%token <str> ORDER "ORDER" OUTER "OUTER" OVER "OVER" PARTITION "PARTITION" PLACING "PLACING"
%token <str> PRECEDING "PRECEDING" RANGE "RANGE" REAL "REAL" ROW "ROW" ROWS "ROWS" SELECT "SELECT"
%token <str> BINARY "BINARY" BYTE "BYTE" SHORT "SHORT" SMALLINT "SMALLINT" TINYINT "TINYINT"
%token <str> SINK "SINK" SOURCE "SOURCE" STRING "STRING" STRUCT "STRUCT" TABLE "TABLE"
%token <str> THEN "THEN" TIMESTAMP "TIMESTAMP" TIMESTAMP_LTZ "TIMESTAMP_LTZ" TIMESTAMP_NTZ "TIMESTAMP_NTZ" TRUE "TRUE" UNBOUNDED "UNBOUNDED"
%token <str> UNION "UNION" UNKNOWN "UNKNOWN" VARCHAR "VARCHAR" WATERMARK "WATERMARK" WHEN "WHEN"
%token <str> WHERE "WHERE" WITH "WITH" WITHIN "WITHIN"
%token <str> ANTI "ANTI" LEFT "LEFT" NATURAL "NATURAL" RIGHT "RIGHT" SEMI "SEMI" USING "USING"
%token <str> POSITION "POSITION" TO "TO"
%token <str> YEAR "YEAR" YEARS "YEARS" MONTH "MONTH" MONTHS "MONTHS" WEEK "WEEK" WEEKS "WEEKS"
%token <str> DAY "DAY" DAYS "DAYS" HOUR "HOUR" HOURS "HOURS" MINUTE "MINUTE" MINUTES "MINUTES"
%token <str> SECOND "SECOND" SECONDS "SECONDS" MILLISECOND "MILLISECOND" MILLISECONDS "MILLISECONDS"
%token <str> MICROSECOND "MICROSECOND" MICROSECONDS "MICROSECONDS"
%token <str> BINARY_LIT "binary literal"
/* Not keywords: parse_lex makes them of the word `sort`, `cluster` or `distribute` followed by
   BY, and of `tablesample` followed by '(' (so those words stay names everywhere else). */
%token SORT_BY "SORT BY" CLUSTER_BY "CLUSTER BY" DISTRIBUTE_BY "DISTRIBUTE BY"
%token TABLESAMPLE "TABLESAMPLE"
/* Not keywords: parse_lex makes them of `ignore` or `respect` followed by NULLS, right after a
   call's ')' or before a ')' (Spark's nullsOption; the words stay names everywhere else). */
%token IGNORE_NULLS "IGNORE NULLS" RESPECT_NULLS "RESPECT NULLS"
%token <str> CUBE "CUBE" GROUPING "GROUPING" ROLLUP "ROLLUP" SETS "SETS"
/* WITH ROLLUP and WITH CUBE after GROUP BY a, b: one token each (lexer.l) */
%token WITH_ROLLUP "WITH ROLLUP" WITH_CUBE "WITH CUBE"
/* WITHIN GROUP before '(' (percentile_cont, percentile_disc): one token (lexer.l) */
%token WITHIN_GROUP "WITHIN GROUP"

/* Precedence resolves the places where LALR(1) must choose at one token, always for
   the longer construct, as Spark's grammar reads them:
   - INTERVAL '2' DAY: after INTERVAL 'text', a unit word continues the literal (Spark's
     multiUnitsInterval) rather than being an alias (`INTERVAL '2' x` is still one), and
     after its first value and unit, TO makes the unit-to-unit form;
   - position(sub IN s): after POSITION '(' and a value, IN separates Spark's two operands
     (only there: f(x IN (1, 2)) is still a predicate), and POSITION followed by '(' is
     always that call (POSITION alone is a name);
   - first(g(x) IGNORE NULLS): the clause belongs to the inner call g(x), as ANTLR's greedy
     optional nullsOption reads it (first's own #first alternative then sees one expression).
     The two call forms before IGNORE NULLS (call, call FILTER (...)) are CALL_BARE. */
%precedence CALL_BARE
%precedence IGNORE_NULLS
%precedence IV_SHORT
%precedence TO YEAR YEARS MONTH MONTHS WEEK WEEKS DAY DAYS HOUR HOURS MINUTE MINUTES SECOND SECONDS
%precedence MILLISECOND MILLISECONDS MICROSECOND MICROSECONDS
%precedence POSITION_ARG
%precedence IN
%precedence POSITION_NAME
%precedence '('

%type <vec> stmt_list select_list order_list struct_fields option_list alias_names
%type <vec> lateral_views lateral_columns
%type <lateral> lateral_view
%type <flag> opt_outer
%type <stmt> opt_stmt stmt create_stmt insert_stmt
%type <elems> opt_table_elems table_elems
%type <coldef> column_def
%type <watermark> watermark
%type <options> with_options opt_with_options
%type <option> option
%type <str> func_name option_key key_path ident any_name unreserved_keyword reserved_keyword alias
%type <str> interval_first interval_parts interval_part interval_unit decimal_kw rlike opt_escape
%type <num> like trim_side
%type <expr> bool_lit
%type <expr> option_value
%type <type> type
%type <field> struct_field
%type <select> select_stmt select_core select_from select_where select_dedup select_group
%type <select> select_having
%type <select> select_order select_limit set_term select_clustered
%type <select> select_distributed select_ordered
%type <from> from_sampled
%type <str> opt_sample_word
%type <flag> opt_distinct
%type <sitem> select_item
%type <from> from_item from_source from_primary join_item join_cond
%type <num> join_kw set_quantifier
%type <list> using_columns
%type <dedup> dedup_clause
%type <oitem> order_item
%type <num> opt_direction opt_nulls nulls_option
%type <list> expr_list dedup_columns arg_list lambda_params
%type <expr> expr and_expr not_expr pred_expr bitor_expr bitxor_expr bitand_expr value_expr
%type <expr> mul_expr unary_expr postfix_expr
%type <expr> other_postfix column_ref primary call within_call interval when_list opt_operand opt_else
%type <expr> dedup_column arg lambda
%type <bop> comp_op
%type <glist> group_list
%type <grouping> grouping grouping_set grouping_elem
%type <vec> grouping_sets grouping_elems
%type <list> grouping_exprs

%start script

%%

/* ==== Statements ====
** script = [stmt] { ';' [stmt] }
** stmt   = create_stmt | insert_stmt | select_stmt [with_options]
*/
script:
    stmt_list                       { pc->script = ast_new_script(pc->arena, &$1); }
    ;

stmt_list:
    opt_stmt                        { $$ = ast_vec_add(pc->arena, (PtrVec){0}, $1); }
  | stmt_list ';' opt_stmt          { $$ = ast_vec_add(pc->arena, $1, $3); }
  ;

opt_stmt:
    %empty                          { $$ = NULL; }
  | stmt
  ;

stmt:
    create_stmt
  | insert_stmt
  | select_stmt opt_with_options    { $$ = ast_new_show(pc->arena, $1, &$2, @$); }
  ;

/* create_stmt = CREATE (SOURCE | TABLE) ident [table_elems] with_options
**             | CREATE SINK ident with_options
*/
create_stmt:
    CREATE SOURCE ident opt_table_elems with_options
        { $$ = ast_new_create(pc->arena, STMT_CREATE_SOURCE, $3, @3, &$4, &$5, @$); }
  | CREATE TABLE ident opt_table_elems with_options
        { $$ = ast_new_create(pc->arena, STMT_CREATE_TABLE, $3, @3, &$4, &$5, @$); }
  | CREATE SINK ident with_options
        { $$ = ast_new_create(pc->arena, STMT_CREATE_SINK, $3, @3, NULL, &$4, @$); }
  ;

/* insert_stmt = INSERT INTO ident select [with_options] */
insert_stmt:
    INSERT INTO ident select_stmt opt_with_options
        { $$ = ast_new_insert(pc->arena, $3, @3, $4, &$5, @$); }
  ;

/* table_elems = '(' [table_elem {',' table_elem}] ')'
** table_elem  = any_name type | WATERMARK FOR any_name AS expr
*/
opt_table_elems:
    %empty                          { $$ = (AstTableElems){0}; }
  | '(' ')'                         { $$ = (AstTableElems){.present = true}; }
  | '(' table_elems ')'             { $$ = $2; }
  ;

table_elems:
    column_def                      { $$ = ast_elems_add_column(pc->arena, (AstTableElems){.present = true}, $1); }
  | watermark                       { $$ = (AstTableElems){.present = true, .watermark = $1}; }
  | table_elems ',' column_def      { $$ = ast_elems_add_column(pc->arena, $1, $3); }
  | table_elems ',' watermark       { $$ = $1; if (!parse_set_watermark(pc, &$$, $3)) YYABORT; }
  ;

column_def:
    any_name type                   { $$ = ast_new_column_def(pc->arena, $1, @1, $2, @2); }
  ;

watermark:
    WATERMARK FOR any_name AS expr  { $$ = ast_new_watermark(pc->arena, $3, @3, $5, @$); }
  ;

/* with_options = WITH '(' [option {',' option}] ')'
** option       = (key_path | string) '=' option_value
** key_path     = any_name {'.' any_name}
** option_value = string | ['-' | '+'] (integer | number) | TRUE | FALSE | ident
*/
opt_with_options:
    %empty                          { $$ = ast_option_list((PtrVec){0}, @$); }
  | with_options
  ;

with_options:
    WITH '(' ')'                    { $$ = ast_option_list((PtrVec){0}, @$); }
  | WITH '(' option_list ')'        { $$ = ast_option_list($3, @$); }
  ;

option_list:
    option                          { $$ = ast_vec_add(pc->arena, (PtrVec){0}, $1); }
  | option_list ',' option          { $$ = ast_vec_add(pc->arena, $1, $3); }
  ;

option:
    option_key '=' option_value     { $$ = ast_new_option(pc->arena, $1, @1, $3, @$); }
  ;

option_key:
    key_path
  | STRING_LIT
  ;

key_path:
    any_name
  | key_path '.' any_name           { $$ = arena_sprintf(pc->arena, "%s.%s", $1, $3); }
  ;

option_value:
    STRING_LIT                      { $$ = ast_new_string(pc->arena, AST_STRING, $1, @1); }
  | INTEGER_LIT                     { $$ = ast_new_int(pc->arena, $1, @1); }
  | DECIMAL_LIT                     { $$ = ast_new_double(pc->arena, $1, @1); }
  | '-' INTEGER_LIT                 { $$ = ast_new_int(pc->arena, (int64_t)(0 - (uint64_t)$2), @$); $$->u.int_negated = true; }
  | '-' DECIMAL_LIT                 { $$ = ast_new_double(pc->arena, -$2, @$); }
  | '+' INTEGER_LIT                 { $$ = ast_new_int(pc->arena, $2, @$); }
  | '+' DECIMAL_LIT                 { $$ = ast_new_double(pc->arena, $2, @$); }
  | TRUE                            { $$ = ast_new_bool(pc->arena, true, @1); }
  | FALSE                           { $$ = ast_new_bool(pc->arena, false, @1); }
  | ident                           { $$ = ast_new_column(pc->arena, $1, @1); }
  ;

/* ==== Types ====
** type  = BOOLEAN | TINYINT | BYTE | SMALLINT | SHORT | INT | INTEGER | BIGINT | LONG | DOUBLE | FLOAT | REAL | STRING | BINARY
**       | (DECIMAL | DEC | NUMERIC) ['(' integer [',' integer] ')']
**       | VARCHAR ['(' integer ')'] | TIMESTAMP | TIMESTAMP_LTZ | TIMESTAMP_NTZ | DATE
**       | INTERVAL (YEAR | MONTH) [TO MONTH] | INTERVAL (DAY | HOUR | MINUTE | SECOND) [TO unit]
**       | ARRAY '<' type '>' | MAP '<' type ',' type '>' | STRUCT '<' field {',' field} '>'
** field = any_name [':'] type
*/
type:
    BOOLEAN                         { $$ = &type_boolean; }
  | TINYINT                         { $$ = &type_tinyint; }
  | BYTE                            { $$ = &type_tinyint; }
  | SMALLINT                        { $$ = &type_smallint; }
  | SHORT                           { $$ = &type_smallint; }
  | INT                             { $$ = &type_int; }
  | INTEGER                         { $$ = &type_int; }
  | BIGINT                          { $$ = &type_bigint; }
  | LONG                            { $$ = &type_bigint; }
  | DOUBLE                          { $$ = &type_double; }
  | FLOAT                           { $$ = &type_float; }
  | REAL                            { $$ = &type_float; }
  | STRING                          { $$ = &type_string; }
  | BINARY                          { $$ = &type_binary; }
  | decimal_kw                      { $$ = type_decimal(10, 0); }
  | decimal_kw '(' INTEGER_LIT ')'  { $$ = parse_decimal_type(pc, $3, 0, @$); }
  | decimal_kw '(' INTEGER_LIT ',' INTEGER_LIT ')' { $$ = parse_decimal_type(pc, $3, $5, @$); }
  | VARCHAR                         { $$ = &type_string; }
  | VARCHAR '(' INTEGER_LIT ')'     { $$ = &type_string; }
  | TIMESTAMP                       { $$ = &type_timestamp; }
  | TIMESTAMP_LTZ                   { $$ = &type_timestamp; }
  | TIMESTAMP_NTZ                   { $$ = &type_timestamp_ntz; }
  | DATE                            { $$ = &type_date; }
  | INTERVAL interval_unit          { $$ = parse_interval_type(pc, $2, NULL, @$); }
  | INTERVAL interval_unit TO interval_unit { $$ = parse_interval_type(pc, $2, $4, @$); }
  | ARRAY '<' type '>'              { $$ = type_array(pc->arena, $3); }
  | MAP '<' type ',' type '>'       { $$ = type_map(pc->arena, $3, $5); }
  | STRUCT '<' struct_fields '>'    { $$ = ast_struct_type(pc->arena, &$3); }
  ;

/* Spark's DecimalType names: DECIMAL, DEC, NUMERIC (DECIMAL alone is DECIMAL(10,0)). */
decimal_kw:
    DECIMAL | DEC | NUMERIC
  ;

struct_fields:
    struct_field                    { $$ = ast_vec_add(pc->arena, (PtrVec){0}, $1); }
  | struct_fields ',' struct_field  { $$ = ast_vec_add(pc->arena, $1, $3); }
  ;

struct_field:
    any_name type                   { $$ = ast_new_type_field(pc->arena, $1, $2); }
  | any_name ':' type               { $$ = ast_new_type_field(pc->arena, $1, $3); }
  ;

/* ==== Queries ====
** query order = [ORDER BY order_item {',' ...}] [CLUSTER BY expr {',' expr}]
**               [DISTRIBUTE BY expr {',' expr}] [SORT BY order_item {',' ...}] (Spark's
**               queryOrganization; sema refuses the combinations Spark refuses)
** select      = SELECT [DISTINCT | ALL] select_item {',' select_item}
**               [FROM from_item] [WHERE expr] [dedup] [GROUP BY group_by] [HAVING expr]
**               [ORDER BY order_item {',' order_item}] [LIMIT (ALL | expr)] [OFFSET expr]
** select_item = '*' | column_ref '.' '*' | expr [[AS] alias] | expr AS '(' alias {',' alias} ')'
** from_item   = from_primary | from_item join_kw from_primary [ON expr | USING '(' name {',' name} ')']
**             | from_item NATURAL join_kw from_primary
** from_primary = (ident | '(' select ')') [alias]
** lateral     = LATERAL VIEW [OUTER] func_name '(' [arg {',' arg}] ')' ident
**               [[AS] name {',' name}]          (after the FROM items, any number)
** join_kw     = [INNER] JOIN | CROSS JOIN | LEFT [OUTER] JOIN | RIGHT [OUTER] JOIN
**             | FULL [OUTER] JOIN | [LEFT] SEMI JOIN | [LEFT] ANTI JOIN
** dedup       = DROP DUPLICATES [WITHIN WATERMARK] ['(' dedup_col {',' dedup_col} ')']
** dedup_col   = any_name {'.' any_name}
** order_item  = expr [ASC | DESC] [NULLS (FIRST | LAST)]
** alias       = AS any_name | ident
** group_by    = ALL | group_item {',' group_item}
**             | expr {',' expr} (WITH ROLLUP | WITH CUBE | GROUPING SETS '(' set {',' set} ')')
** group_item  = expr | grouping
** grouping    = (ROLLUP | CUBE) '(' set {',' set} ')'
**             | GROUPING SETS '(' (grouping | set) {',' (grouping | set)} ')'
** set         = '(' [expr {',' expr}] ')' | expr
**
** The clauses are a chain of left-nested rules so each action adds one clause.
** DROP, DUPLICATES and WITHIN stay unreserved: `FROM t drop` still names t `drop`.  A
** clause only follows a FROM item (or WHERE), and its rules keep the FROM source
** unreduced until the token after DROP is seen, so LALR(1) tells `FROM t DROP DUPLICATES`
** (the clause) from `FROM t drop WHERE ...` (an alias) with no conflict.  For the same
** reason DROP DUPLICATES directly after a join needs the join's ON or USING.
*/
select_stmt:
    select_limit
  | select_limit OFFSET expr        { $$ = ast_select_offset($1, $3, span_join(@2, @3), @$); }
  ;

select_limit:
    select_order
  | select_order LIMIT expr         { $$ = ast_select_limit($1, $3, span_join(@2, @3), @$); }
  | select_order LIMIT ALL          { $$ = $1; $$->span = @$; } /* Spark: no limit */
  ;

select_order:
    select_distributed
  | select_distributed SORT_BY order_list
        { $$ = ast_select_result_clause(pc->arena, $1, 'S', NULL, &$3, @2, @$); }
  ;

select_distributed:
    select_clustered
  | select_clustered DISTRIBUTE_BY expr_list
        { $$ = ast_select_result_clause(pc->arena, $1, 'D', &$3, NULL, @2, @$); }
  ;

select_clustered:
    select_ordered
  | select_ordered CLUSTER_BY expr_list
        { $$ = ast_select_result_clause(pc->arena, $1, 'C', &$3, NULL, @2, @$); }
  ;

select_ordered:
    set_term
  | set_term ORDER BY order_list
        { $$ = ast_select_order_by(pc->arena, $1, &$4, span_join(@2, @3), @$); }
  ;

/* set_term    = set_operand { UNION [ALL | DISTINCT] set_operand }
** set_operand = select_having | '(' select_stmt ')'
** Spark's setOperation, left-associative; ORDER BY, LIMIT and OFFSET after the last branch
** apply to the whole union. */
set_term:
    select_having
  | '(' select_stmt ')'             { $$ = $2; }
  | set_term UNION set_quantifier select_having
        { $$ = ast_select_union(pc->arena, $1, $4, $3, @2, @$); }
  | set_term UNION set_quantifier '(' select_stmt ')'
        { $$ = ast_select_union(pc->arena, $1, $5, $3, @2, @$); }
  ;

set_quantifier:
    %empty                          { $$ = 1; }
  | DISTINCT                        { $$ = 1; }
  | ALL                             { $$ = 0; }
  ;

select_having:
    select_group
  | select_group HAVING expr        { $$ = ast_select_having($1, $3, @$); }
  ;

select_group:
    select_dedup
  | select_dedup GROUP BY group_list
        { $$ = ast_select_group_items($1, &$4, span_join(@2, @3), @$); }
  | select_dedup GROUP BY group_list WITH_ROLLUP
        { if (!($$ = parse_group_hive(pc, $1, &$4, AGS_ROLLUP, NULL, @5, span_join(@2, @3), @$))) YYABORT; }
  | select_dedup GROUP BY group_list WITH_CUBE
        { if (!($$ = parse_group_hive(pc, $1, &$4, AGS_CUBE, NULL, @5, span_join(@2, @3), @$))) YYABORT; }
  | select_dedup GROUP BY group_list GROUPING SETS '(' grouping_sets ')'
        { if (!($$ = parse_group_hive(pc, $1, &$4, AGS_SETS, &$8, span_join(@5, @9), span_join(@2, @3), @$))) YYABORT; }
  | select_dedup GROUP BY ALL       { $$ = ast_select_group_by_all($1, span_join(@2, @4), @$); }
  ;

/* Spark's groupByClause and groupingAnalytics.  ROLLUP, CUBE and GROUPING are unreserved:
   before '(' (SETS) they start a grouping item, as Spark's grammar tries groupingAnalytics
   first (`rollup(a)` is never a call there). */
group_list:
    expr                            { $$ = ast_group_list_add(pc->arena, (AstGroupList){0}, $1, NULL); }
  | grouping                        { $$ = ast_group_list_add(pc->arena, (AstGroupList){0}, NULL, $1); }
  | group_list ',' expr             { $$ = ast_group_list_add(pc->arena, $1, $3, NULL); }
  | group_list ',' grouping         { $$ = ast_group_list_add(pc->arena, $1, NULL, $3); }
  ;

grouping:
    ROLLUP '(' grouping_sets ')'    { if (!($$ = parse_grouping(pc, AGS_ROLLUP, &$3, @$))) YYABORT; }
  | CUBE '(' grouping_sets ')'      { if (!($$ = parse_grouping(pc, AGS_CUBE, &$3, @$))) YYABORT; }
  | GROUPING SETS '(' grouping_elems ')'
        { $$ = ast_new_grouping(pc->arena, AGS_SETS, &$4, @$); }
  ;

grouping_sets:
    grouping_set                    { $$ = ast_vec_add(pc->arena, (PtrVec){0}, $1); }
  | grouping_sets ',' grouping_set  { $$ = ast_vec_add(pc->arena, $1, $3); }
  ;

grouping_elems:
    grouping_elem                   { $$ = ast_vec_add(pc->arena, (PtrVec){0}, $1); }
  | grouping_elems ',' grouping_elem { $$ = ast_vec_add(pc->arena, $1, $3); }
  ;

grouping_elem:
    grouping_set
  | grouping
  ;

/* `(a)` is the parenthesised expression a, the same set */
grouping_set:
    expr                            { AstExprList l = ast_list_append(pc->arena, (AstExprList){0}, $1);
                                      $$ = ast_grouping_set(pc->arena, &l, @$); }
  | '(' ')'                         { $$ = ast_grouping_set(pc->arena, NULL, @$); }
  | grouping_exprs ')'              { $$ = ast_grouping_set(pc->arena, &$1, @$); }
  ;

grouping_exprs:
    '(' expr ',' expr               { $$ = ast_list_append(pc->arena, ast_list_append(pc->arena, (AstExprList){0}, $2), $4); }
  | grouping_exprs ',' expr         { $$ = ast_list_append(pc->arena, $1, $3); }
  ;

select_dedup:
    select_where
  | select_core FROM from_source dedup_clause
        { $$ = ast_select_dedup(ast_select_from($1, $3, span_join(@1, @3)), $4, @$); }
  | select_core FROM from_source alias dedup_clause
        { $$ = ast_select_dedup(ast_select_from($1, ast_from_alias($3, $4, span_join(@3, @4)),
                                                span_join(@1, @4)), $5, @$); }
  | select_core FROM join_cond dedup_clause
        { $$ = ast_select_dedup(ast_select_from($1, $3, span_join(@1, @3)), $4, @$); }
  | select_from WHERE expr dedup_clause
        { $$ = ast_select_dedup(ast_select_where($1, $3, span_join(@1, @3)), $4, @$); }
  ;

dedup_clause:
    DROP DUPLICATES                 { $$ = ast_new_dedup(pc->arena, no_flag, NULL, @$); }
  | DROP DUPLICATES '(' dedup_columns ')'
        { $$ = ast_new_dedup(pc->arena, no_flag, &$4, @$); }
  | DROP DUPLICATES WITHIN WATERMARK
        { $$ = ast_new_dedup(pc->arena, (AstFlag){true, span_join(@3, @4)}, NULL, @$); }
  | DROP DUPLICATES WITHIN WATERMARK '(' dedup_columns ')'
        { $$ = ast_new_dedup(pc->arena, (AstFlag){true, span_join(@3, @4)}, &$6, @$); }
  ;

dedup_columns:
    dedup_column                    { $$ = ast_list_append(pc->arena, (AstExprList){0}, $1); }
  | dedup_columns ',' dedup_column  { $$ = ast_list_append(pc->arena, $1, $3); }
  ;

dedup_column:
    any_name                        { $$ = ast_new_column(pc->arena, $1, @1); }
  | dedup_column '.' any_name       { $$ = ast_column_append(pc->arena, $1, $3, @3); }
  ;

select_where:
    select_from
  | select_from WHERE expr          { $$ = ast_select_where($1, $3, @$); }
  ;

select_from:
    select_core
  | select_core FROM from_item      { $$ = ast_select_from($1, $3, @$); }
  | select_core FROM from_item lateral_views
        { $$ = ast_select_laterals(pc->arena, ast_select_from($1, $3, span_join(@1, @3)), &$4, @$); }
  ;

lateral_views:
    lateral_view                    { $$ = ast_vec_add(pc->arena, (PtrVec){0}, $1); }
  | lateral_views lateral_view      { $$ = ast_vec_add(pc->arena, $1, $2); }
  ;

/* Spark's lateralView: the table alias is required, the column names are not. */
lateral_view:
    LATERAL VIEW opt_outer func_name '(' ')' ident
        { $$ = ast_new_lateral(pc->arena, $3.on, $4, @4, NULL, span_join(@4, @6), $7, @7, NULL,
                               @7, @$); }
  | LATERAL VIEW opt_outer func_name '(' arg_list ')' ident
        { $$ = ast_new_lateral(pc->arena, $3.on, $4, @4, &$6, span_join(@4, @7), $8, @8, NULL,
                               @8, @$); }
  | LATERAL VIEW opt_outer func_name '(' ')' ident lateral_columns
        { $$ = ast_new_lateral(pc->arena, $3.on, $4, @4, NULL, span_join(@4, @6), $7, @7, &$8,
                               @8, @$); }
  | LATERAL VIEW opt_outer func_name '(' arg_list ')' ident lateral_columns
        { $$ = ast_new_lateral(pc->arena, $3.on, $4, @4, &$6, span_join(@4, @7), $8, @8, &$9,
                               @9, @$); }
  ;

opt_outer:
    %empty                          { $$ = no_flag; }
  | OUTER                           { $$ = (AstFlag){true, @1}; }
  ;

lateral_columns:
    AS any_name                     { $$ = ast_vec_add(pc->arena, (PtrVec){0}, (void *)$2); }
  | ident                           { $$ = ast_vec_add(pc->arena, (PtrVec){0}, (void *)$1); }
  | lateral_columns ',' any_name    { $$ = ast_vec_add(pc->arena, $1, (void *)$3); }
  ;

select_core:
    SELECT opt_distinct select_list { $$ = ast_new_select(pc->arena, $2, &$3, @$); }
  ;

opt_distinct:
    %empty                          { $$ = no_flag; }
  | DISTINCT                        { $$ = (AstFlag){true, @1}; }
  | ALL                             { $$ = no_flag; }
  ;

select_list:
    select_item                     { $$ = ast_vec_add(pc->arena, (PtrVec){0}, $1); }
  | select_list ',' select_item     { $$ = ast_vec_add(pc->arena, $1, $3); }
  ;

select_item:
    expr                            { $$ = ast_new_select_item(pc->arena, $1, NULL, @$, @$); }
  | expr AS any_name                { $$ = ast_new_select_item(pc->arena, $1, $3, @3, @$); }
  | expr AS '(' alias_names ')'     { $$ = ast_new_select_item_aliases(pc->arena, $1, &$4, @4, @$); }
  | expr ident                      { $$ = ast_new_select_item(pc->arena, $1, $2, @2, @$); }
  | '*'                             { $$ = ast_new_select_item(pc->arena, ast_new_star(pc->arena, NULL, @1), NULL, @1, @1); }
  | column_ref '.' '*'              { $$ = ast_new_select_item(pc->arena, ast_new_star(pc->arena, $1, @$), NULL, @$, @$); }
  ;

alias_names:
    any_name                        { $$ = ast_vec_add(pc->arena, (PtrVec){0}, (void *)$1); }
  | alias_names ',' any_name        { $$ = ast_vec_add(pc->arena, $1, (void *)$3); }
  ;

from_item:
    from_source
  | from_source alias               { $$ = ast_from_alias($1, $2, @$); }
  | join_item
  ;

from_primary:
    from_source
  | from_source alias               { $$ = ast_from_alias($1, $2, @$); }
  ;

join_item:
    from_item join_kw from_source   { $$ = ast_new_join(pc->arena, $2, $1, $3, @2, @$); }
  | from_item join_kw from_source alias
        { $$ = ast_new_join(pc->arena, $2, $1, ast_from_alias($3, $4, span_join(@3, @4)), @2, @$); }
  | from_item NATURAL join_kw from_source
        { if (!($$ = parse_natural_join(pc, $3, $1, $4, span_join(@2, @3), @$))) YYABORT; }
  | from_item NATURAL join_kw from_source alias
        { if (!($$ = parse_natural_join(pc, $3, $1, ast_from_alias($4, $5, span_join(@4, @5)),
                                        span_join(@2, @3), @$))) YYABORT; }
  | join_cond
  ;

join_cond:
    from_item join_kw from_primary ON expr
        { $$ = ast_join_on(ast_new_join(pc->arena, $2, $1, $3, @2, @$), $5, @$); }
  | from_item join_kw from_primary USING '(' using_columns ')'
        { $$ = ast_join_using(pc->arena, ast_new_join(pc->arena, $2, $1, $3, @2, @$), &$6, @$); }
  ;

join_kw:
    JOIN                            { $$ = JOIN_INNER; }
  | INNER JOIN                      { $$ = JOIN_INNER; }
  | CROSS JOIN                      { $$ = JOIN_CROSS; }
  | LEFT JOIN                       { $$ = JOIN_LEFT_OUTER; }
  | LEFT OUTER JOIN                 { $$ = JOIN_LEFT_OUTER; }
  | RIGHT JOIN                      { $$ = JOIN_RIGHT_OUTER; }
  | RIGHT OUTER JOIN                { $$ = JOIN_RIGHT_OUTER; }
  | FULL JOIN                       { $$ = JOIN_FULL_OUTER; }
  | FULL OUTER JOIN                 { $$ = JOIN_FULL_OUTER; }
  | SEMI JOIN                       { $$ = JOIN_LEFT_SEMI; }
  | LEFT SEMI JOIN                  { $$ = JOIN_LEFT_SEMI; }
  | ANTI JOIN                       { $$ = JOIN_LEFT_ANTI; }
  | LEFT ANTI JOIN                  { $$ = JOIN_LEFT_ANTI; }
  ;

using_columns:
    any_name                        { $$ = ast_list_append(pc->arena, (AstExprList){0}, ast_new_column(pc->arena, $1, @1)); }
  | using_columns ',' any_name
        { $$ = ast_list_append(pc->arena, $1, ast_new_column(pc->arena, $3, @3)); }
  ;

from_source:
    from_sampled
  | from_sampled TABLESAMPLE '(' ')'
        { $$ = ast_from_sample(pc->arena, $1, true, false, NULL, span_join(@2, @4), @$); }
  | from_sampled TABLESAMPLE '(' expr opt_sample_word ')'
        { $$ = ast_from_sample(pc->arena, $1, false, false, $5, span_join(@2, @6), @$); }
  | from_sampled TABLESAMPLE '(' ident INTEGER_LIT ident ident INTEGER_LIT ')'
        { $$ = ast_from_sample(pc->arena, $1, false, true, NULL, span_join(@2, @9), @$); }
  ;

/* Spark's sample: x PERCENT, n ROWS, BUCKET x OUT OF y, a byte length (refused by sema) */
opt_sample_word:
    %empty                          { $$ = NULL; }
  | ident
  ;

from_sampled:
    ident                           { $$ = ast_new_from(pc->arena, $1, NULL, NULL, @$); }
  | '(' select_stmt ')'             { $$ = ast_new_from(pc->arena, NULL, $2, NULL, @$); }
  ;

alias:
    AS any_name                     { $$ = $2; }
  | ident
  ;

order_list:
    order_item                      { $$ = ast_vec_add(pc->arena, (PtrVec){0}, $1); }
  | order_list ',' order_item       { $$ = ast_vec_add(pc->arena, $1, $3); }
  ;

order_item:
    expr opt_direction opt_nulls    { $$ = ast_new_order_item(pc->arena, $1, $2, $3, @$); }
  ;

opt_direction:
    %empty                          { $$ = 0; }
  | ASC                             { $$ = 0; }
  | DESC                            { $$ = 1; }
  ;

opt_nulls:
    %empty                          { $$ = 0; }
  | NULLS FIRST                     { $$ = 1; }
  | NULLS LAST                      { $$ = 2; }
  ;

/* ==== Expressions, lowest precedence first ====
** expr       = expr OR and_expr | and_expr
** and_expr   = and_expr AND not_expr | not_expr
** not_expr   = NOT not_expr | pred_expr
** pred_expr  = bitor_expr
**            | pred_expr ('=' | '==' | '<=>' | '<>' | '!=' | '<' | '<=' | '>' | '>=') bitor_expr
**            | pred_expr IS [NOT] (NULL | TRUE | FALSE | UNKNOWN)
**            | pred_expr IS [NOT] DISTINCT FROM bitor_expr
**            | pred_expr [NOT] (LIKE | ILIKE) bitor_expr [ESCAPE string]
**            | pred_expr [NOT] (LIKE | ILIKE) (ANY | SOME | ALL) '(' [expr {',' expr}] ')'
**              (ANY and SOME are names, so their form is a call any(...) as the pattern)
**            | pred_expr [NOT] (RLIKE | REGEXP) bitor_expr
**            | pred_expr [NOT] IN '(' expr {',' expr} ')'
**            | pred_expr [NOT] BETWEEN bitor_expr AND bitor_expr
** bitor_expr = bitor_expr '|' bitxor_expr | bitxor_expr        (Spark's valueExpression:
** bitxor_expr = bitxor_expr '^' bitand_expr | bitand_expr        '&' binds tighter than '^',
** bitand_expr = bitand_expr '&' value_expr | value_expr           '^' than '|')
** value_expr = value_expr ('+' | '-' | '||') mul_expr | mul_expr
** mul_expr   = mul_expr ('*' | '/' | '%' | DIV) unary_expr | unary_expr
** unary_expr = ('-' | '+' | '~') unary_expr | postfix_expr
** postfix    = column_ref | primary | postfix '[' expr ']' | postfix '.' any_name
** column_ref = ident {'.' any_name}
**
** BETWEEN bounds are value_exprs, so the AND after the lower bound is never a logical AND.
** A dotted name is one AST_COLUMN (sema splits relation, column and fields); a '.' after
** anything else (a call, an index, parentheses) is an AST_FIELD.
*/
/* Operator chains nest without growing bison's stack (a AND b AND c ... is left-deep), so the
   tree's depth is checked here, where every expression ends: parse_depth_ok() stops the parse
   past AST_MAX_DEPTH, as bison's stack limit does for parentheses. */
expr:
    expr OR and_expr                { $$ = ast_binary(pc->arena, BOP_OR, $1, $3, @2);
                                      if (!parse_depth_ok(pc, $$)) YYABORT; }
  | and_expr                        { $$ = $1; if (!parse_depth_ok(pc, $$)) YYABORT; }
  ;

and_expr:
    and_expr AND not_expr           { $$ = ast_binary(pc->arena, BOP_AND, $1, $3, @2); }
  | not_expr
  ;

not_expr:
    NOT not_expr                    { $$ = ast_unary(pc->arena, UOP_NOT, $2, @$); }
  | pred_expr
  ;

pred_expr:
    bitor_expr %prec POSITION_ARG
  | pred_expr comp_op bitor_expr    { $$ = ast_binary(pc->arena, $2, $1, $3, @2); }
  | pred_expr IS NULL               { $$ = ast_new_is_null(pc->arena, $1, false, @$); }
  | pred_expr IS NOT NULL           { $$ = ast_new_is_null(pc->arena, $1, true, @$); }
  | pred_expr IS UNKNOWN            { $$ = ast_new_is_unknown(pc->arena, $1, false, @$); }
  | pred_expr IS NOT UNKNOWN        { $$ = ast_new_is_unknown(pc->arena, $1, true, @$); }
  | pred_expr IS bool_lit           { $$ = parse_is_bool(pc, $1, $3, false, @2, @$); }
  | pred_expr IS NOT bool_lit       { $$ = parse_is_bool(pc, $1, $4, true, @2, @$); }
  | pred_expr IS DISTINCT FROM bitor_expr
        { $$ = ast_unary(pc->arena, UOP_NOT, ast_binary(pc->arena, BOP_NSEQ, $1, $5, @2), @$); }
  | pred_expr IS NOT DISTINCT FROM bitor_expr
        { $$ = ast_binary(pc->arena, BOP_NSEQ, $1, $6, @2); }
  | pred_expr like bitor_expr opt_escape
        { if (!($$ = parse_like(pc, $1, $3, $2, false, $4, @4, @$))) YYABORT; }
  | pred_expr NOT like bitor_expr opt_escape
        { if (!($$ = parse_like(pc, $1, $4, $3, true, $5, @5, @$))) YYABORT; }
  | pred_expr like ALL '(' expr_list ')'
        { if (!($$ = parse_like_quantified(pc, $1, &$5, $2, false, true, @$))) YYABORT; }
  | pred_expr NOT like ALL '(' expr_list ')'
        { if (!($$ = parse_like_quantified(pc, $1, &$6, $3, true, true, @$))) YYABORT; }
  | pred_expr like ALL '(' ')'
        { if (!($$ = parse_like_quantified(pc, $1, NULL, $2, false, true, @$))) YYABORT; }
  | pred_expr NOT like ALL '(' ')'
        { if (!($$ = parse_like_quantified(pc, $1, NULL, $3, true, true, @$))) YYABORT; }
  | pred_expr rlike bitor_expr      { $$ = parse_rlike(pc, $1, $3, @2, @$); }
  | pred_expr NOT rlike bitor_expr
        { $$ = ast_unary(pc->arena, UOP_NOT, parse_rlike(pc, $1, $4, @3, @$), @$); }
  | pred_expr IN '(' expr_list ')'  { $$ = ast_new_in(pc->arena, $1, &$4, false, @$); }
  | pred_expr NOT IN '(' expr_list ')'
        { $$ = ast_new_in(pc->arena, $1, &$5, true, @$); }
  | pred_expr BETWEEN bitor_expr AND bitor_expr
        { $$ = ast_new_between(pc->arena, $1, $3, $5, false, @$); }
  | pred_expr NOT BETWEEN bitor_expr AND bitor_expr
        { $$ = ast_new_between(pc->arena, $1, $4, $6, true, @$); }
  ;

/* x IS [NOT] TRUE / FALSE: Spark's EqualNullSafe(x, literal), never NULL */
bool_lit:
    TRUE                            { $$ = ast_new_bool(pc->arena, true, @1); }
  | FALSE                           { $$ = ast_new_bool(pc->arena, false, @1); }
  ;

/* LIKE, or ILIKE: Spark's ILike, Like(Lower(x), Lower(pattern)) */
like:
    LIKE                            { $$ = false; }
  | ILIKE                           { $$ = true; }
  ;

opt_escape:
    %empty                          { $$ = NULL; }
  | ESCAPE STRING_LIT               { $$ = $2; }
  ;

bitor_expr:
    bitor_expr '|' bitxor_expr      { $$ = ast_binary(pc->arena, BOP_BITOR, $1, $3, @2); }
  | bitxor_expr
  ;

bitxor_expr:
    bitxor_expr '^' bitand_expr     { $$ = ast_binary(pc->arena, BOP_BITXOR, $1, $3, @2); }
  | bitand_expr
  ;

bitand_expr:
    bitand_expr '&' value_expr      { $$ = ast_binary(pc->arena, BOP_BITAND, $1, $3, @2); }
  | value_expr
  ;

/* Spark's RLIKE and REGEXP are one RLike */
rlike:
    RLIKE
  | REGEXP
  ;

comp_op:
    '='                             { $$ = BOP_EQ; }
  | NSEQ                            { $$ = BOP_NSEQ; }
  | NE                              { $$ = BOP_NE; }
  | '<'                             { $$ = BOP_LT; }
  | LE                              { $$ = BOP_LE; }
  | '>'                             { $$ = BOP_GT; }
  | GE                              { $$ = BOP_GE; }
  ;

value_expr:
    value_expr '+' mul_expr         { $$ = ast_binary(pc->arena, BOP_ADD, $1, $3, @2); }
  | value_expr '-' mul_expr         { $$ = ast_binary(pc->arena, BOP_SUB, $1, $3, @2); }
  | value_expr CONCAT mul_expr      { $$ = ast_binary(pc->arena, BOP_CONCAT, $1, $3, @2); }
  | mul_expr
  ;

mul_expr:
    mul_expr '*' unary_expr         { $$ = ast_binary(pc->arena, BOP_MUL, $1, $3, @2); }
  | mul_expr '/' unary_expr         { $$ = ast_binary(pc->arena, BOP_DIV, $1, $3, @2); }
  | mul_expr '%' unary_expr         { $$ = ast_binary(pc->arena, BOP_MOD, $1, $3, @2); }
  | mul_expr DIV unary_expr         { $$ = ast_binary(pc->arena, BOP_IDIV, $1, $3, @2); }
  | unary_expr
  ;

unary_expr:
    '-' unary_expr                  { $$ = parse_negate(pc, $2, @2, @$); }
  | '+' unary_expr                  { $$ = ast_unary(pc->arena, UOP_PLUS, $2, @$); }
  | '~' unary_expr                  { $$ = ast_unary(pc->arena, UOP_BITNOT, $2, @$); }
  | postfix_expr
  ;

postfix_expr:
    column_ref
  | other_postfix
  ;

other_postfix:
    primary
  | postfix_expr '[' expr ']'       { $$ = ast_new_index(pc->arena, $1, $3, @$); }
  | other_postfix '.' any_name      { $$ = ast_new_field(pc->arena, $1, $3, @3); }
  ;

/* OFFSET names a column too (the Kafka source's `offset`): Spark's OFFSET is non-reserved. */
column_ref:
    ident                           { $$ = ast_new_column(pc->arena, $1, @1); }
  | OFFSET                          { $$ = ast_new_column(pc->arena, "offset", @1); }
  | column_ref '.' any_name         { $$ = ast_column_append(pc->arena, $1, $3, @3); }
  ;

expr_list:
    expr                            { $$ = ast_list_append(pc->arena, (AstExprList){0}, $1); }
  | expr_list ',' expr              { $$ = ast_list_append(pc->arena, $1, $3); }
  ;

/* primary = literal | interval | (DATE | TIMESTAMP | TIMESTAMP_LTZ | TIMESTAMP_NTZ) string | '(' expr ')' | case | cast
**         | (CURRENT_TIMESTAMP | CURRENT_DATE) ['(' ')']
**         | call [FILTER '(' WHERE expr ')'] [nulls_option] [OVER '(' window_spec ')']
**           (FILTER and OVER not both: Spark refuses a window aggregate with a filter)
** nulls_option = IGNORE NULLS | RESPECT NULLS
** literal = integer | number | string | TRUE | FALSE | NULL
** case    = CASE [expr] WHEN expr THEN expr {WHEN expr THEN expr} [ELSE expr] END
** cast    = CAST '(' expr AS type ')'
*/
primary:
    INTEGER_LIT                     { $$ = ast_new_int(pc->arena, $1, @1); }
  | DECIMAL_LIT                     { $$ = ast_new_number(pc->arena, parse_text(pc, @1), $1, @1); }
  | STRING_LIT                      { $$ = ast_new_string(pc->arena, AST_STRING, $1, @1); }
  | BINARY_LIT                      { $$ = ast_new_string(pc->arena, AST_BINARY_LIT, $1, @1); }
  | TRUE                            { $$ = ast_new_bool(pc->arena, true, @1); }
  | FALSE                           { $$ = ast_new_bool(pc->arena, false, @1); }
  | NULL                            { $$ = ast_expr_new(pc->arena, AST_NULL, @1); }
  | interval
  | DATE STRING_LIT { $$ = parse_typed_literal(pc, "DATE", $2, @2, &type_date, @1, @$); }
  | TIMESTAMP STRING_LIT { $$ = parse_typed_literal(pc, "TIMESTAMP", $2, @2, &type_timestamp, @1, @$); }
  | TIMESTAMP_LTZ STRING_LIT { $$ = parse_typed_literal(pc, "TIMESTAMP_LTZ", $2, @2, &type_timestamp, @1, @$); }
  | TIMESTAMP_NTZ STRING_LIT { $$ = parse_typed_literal(pc, "TIMESTAMP_NTZ", $2, @2, &type_timestamp_ntz, @1, @$); }
  | '(' expr ')'                    { $$ = ast_paren($2, @$); }
  | CASE opt_operand when_list opt_else END
        { $$ = ast_case_finish($3, $2, $4, @$); }
  | CAST '(' expr AS type ')'       { $$ = ast_new_cast(pc->arena, $3, $5, @5, @$); }
  | CURRENT_TIMESTAMP               { $$ = ast_new_call(pc->arena, $1, @1, NULL, false, no_flag, @$); }
  | CURRENT_TIMESTAMP '(' ')'       { $$ = ast_new_call(pc->arena, $1, @1, NULL, false, no_flag, @$); }
  | CURRENT_DATE                    { $$ = ast_new_call(pc->arena, $1, @1, NULL, false, no_flag, @$); }
  | CURRENT_DATE '(' ')'            { $$ = ast_new_call(pc->arena, $1, @1, NULL, false, no_flag, @$); }
  | call %prec CALL_BARE
  | call FILTER '(' WHERE expr ')' %prec CALL_BARE { $$ = ast_call_filter($1, $5, @$); }
  | call OVER '(' window_spec ')'   { $$ = ast_call_over($1, span_join(@2, @5)); }
  | call nulls_option               { $$ = ast_call_nulls($1, $2, @2); }
  | call nulls_option OVER '(' window_spec ')'
        { $$ = ast_call_over(ast_call_nulls($1, $2, @2), span_join(@3, @6)); }
  | call FILTER '(' WHERE expr ')' nulls_option
        { $$ = ast_call_nulls(ast_call_filter($1, $5, span_join(@1, @6)), $7, @7); }
  | within_call
  | within_call FILTER '(' WHERE expr ')' { $$ = ast_call_filter($1, $5, @$); }
  | within_call OVER '(' window_spec ')'  { $$ = ast_call_over($1, span_join(@2, @5)); }
  ;

/* IGNORE NULLS 1, RESPECT NULLS 2 (AstNullsOption) */
nulls_option:
    IGNORE_NULLS                    { $$ = AST_IGNORE_NULLS; }
  | RESPECT_NULLS                   { $$ = AST_RESPECT_NULLS; }
  ;

/* within_call = call WITHIN GROUP '(' ORDER BY order_item ')'  (Spark 3.5's #percentile:
**               (PERCENTILE_CONT | PERCENTILE_DISC) '(' percentage ')' WITHIN GROUP '(' ORDER BY
**               sortItem ')' [FILTER '(' WHERE expr ')'] [OVER windowSpec]) */
within_call:
    call WITHIN_GROUP '(' ORDER BY order_item ')'
        { if (!($$ = parse_within_group(pc, $1, $6, @$))) YYABORT; }
  ;

/* interval = INTERVAL string
**          | INTERVAL [sign] value unit {value unit}      (Spark's multiUnitsInterval)
**          | INTERVAL [sign] string unit TO unit          (Spark's unitToUnitInterval)
** value    = integer | number | string
** The value unit pairs become one text, "2 DAY 3 HOUR" (each pair " value unit", the first
** space dropped), that sema reads as Spark's
** stringToInterval; parse_interval_pair checks a string value (numbers only) and applies a
** sign as Spark's visitMultiUnitsInterval does.  A unit after an integer or number may be any
** name (sema reports a bad one); after a string it must be a unit word, so `INTERVAL '10
** minutes' x` keeps its alias.  Only the first value may have a sign: after a pair, '-' is a
** subtraction.
*/
interval:
    INTERVAL STRING_LIT %prec IV_SHORT
        { $$ = ast_new_interval(pc->arena, $2, false, NULL, NULL, @$); }
  | INTERVAL interval_first
        { $$ = ast_new_interval(pc->arena, $2 + 1, true, NULL, NULL, @$); }
  | INTERVAL interval_first interval_parts
        { $$ = ast_new_interval(pc->arena, arena_sprintf(pc->arena, "%s%s", $2 + 1, $3), true,
                                NULL, NULL, @$); }
  | INTERVAL STRING_LIT interval_unit TO interval_unit
        { $$ = parse_interval_to(pc, 0, $2, $3, $5, @$); }
  | INTERVAL '-' STRING_LIT interval_unit TO interval_unit
        { $$ = parse_interval_to(pc, -1, $3, $4, $6, @$); }
  | INTERVAL '+' STRING_LIT interval_unit TO interval_unit
        { $$ = parse_interval_to(pc, 1, $3, $4, $6, @$); }
  ;

interval_first:
    interval_part
  | '-' INTEGER_LIT ident           { $$ = parse_interval_pair(pc, -1, parse_text(pc, @2), false, $3, @$); }
  | '-' DECIMAL_LIT ident           { $$ = parse_interval_pair(pc, -1, parse_text(pc, @2), false, $3, @$); }
  | '-' STRING_LIT interval_unit %prec IV_SHORT
        { if (!($$ = parse_interval_pair(pc, -1, $2, true, $3, @$))) YYABORT; }
  | '+' INTEGER_LIT ident           { $$ = parse_interval_pair(pc, 1, parse_text(pc, @2), false, $3, @$); }
  | '+' DECIMAL_LIT ident           { $$ = parse_interval_pair(pc, 1, parse_text(pc, @2), false, $3, @$); }
  | '+' STRING_LIT interval_unit %prec IV_SHORT
        { if (!($$ = parse_interval_pair(pc, 1, $2, true, $3, @$))) YYABORT; }
  ;

interval_parts:
    interval_part
  | interval_parts interval_part    { $$ = arena_sprintf(pc->arena, "%s%s", $1, $2); }
  ;

interval_part:
    INTEGER_LIT ident               { $$ = parse_interval_pair(pc, 0, parse_text(pc, @1), false, $2, @$); }
  | DECIMAL_LIT ident               { $$ = parse_interval_pair(pc, 0, parse_text(pc, @1), false, $2, @$); }
  | STRING_LIT interval_unit %prec IV_SHORT
        { if (!($$ = parse_interval_pair(pc, 0, $1, true, $2, @$))) YYABORT; }
  ;

interval_unit:
    YEAR | YEARS | MONTH | MONTHS | WEEK | WEEKS | DAY | DAYS | HOUR | HOURS | MINUTE | MINUTES
  | SECOND | SECONDS | MILLISECOND | MILLISECONDS | MICROSECOND | MICROSECONDS
  ;

opt_operand:
    %empty                          { $$ = NULL; }
  | expr
  ;

when_list:
    WHEN expr THEN expr             { $$ = ast_case_add_when(pc->arena, NULL, $2, $4); }
  | when_list WHEN expr THEN expr   { $$ = ast_case_add_when(pc->arena, $1, $3, $5); }
  ;

opt_else:
    %empty                          { $$ = NULL; }
  | ELSE expr                       { $$ = $2; }
  ;

/* call = func_name '(' [ '*' | [DISTINCT] expr {',' expr} | expr AS type ] ')' (and the FROM forms,
**        and OVERLAY's expr PLACING expr FROM expr [FOR expr]), and (LIKE | ILIKE) '(' args ')':
**        the functions like(x, p[, escape]) and ilike(x, p[, escape]) */
call:
    POSITION '(' bitor_expr IN bitor_expr ')'
        { $$ = parse_position(pc, $1, @1, $3, $5, @$); }
  | POSITION '(' expr_list ')'      { $$ = ast_new_call(pc->arena, $1, @1, &$3, false, no_flag, @$); }
  | func_name '(' ')'                   { $$ = ast_new_call(pc->arena, $1, @1, NULL, false, no_flag, @$); }
  | func_name '(' '*' ')'               { $$ = ast_new_call(pc->arena, $1, @1, NULL, true, no_flag, @$); }
  | func_name '(' arg_list ')'          { $$ = ast_new_call(pc->arena, $1, @1, &$3, false, no_flag, @$); }
  | func_name '(' expr IGNORE_NULLS ')'
        { if (!($$ = parse_ignore_nulls_arg(pc, $1, @1, $3, @4, @$))) YYABORT; }
  | LIKE '(' arg_list ')'
        { if (!($$ = parse_like_call(pc, $1, false, @1, &$3, @$))) YYABORT; }
  | ILIKE '(' arg_list ')'
        { if (!($$ = parse_like_call(pc, $1, true, @1, &$3, @$))) YYABORT; }
  | func_name '(' DISTINCT expr_list ')'
        { $$ = ast_new_call(pc->arena, $1, @1, &$4, false, (AstFlag){true, @3}, @$); }
  | func_name '(' expr FROM expr ')'
        { if (!($$ = parse_from_call(pc, $1, @1, -1, $3, $5, @$))) YYABORT; }
  | func_name '(' expr AS type ')'
        { if (!($$ = parse_as_call(pc, $1, @1, $3, $5, @5, @$))) YYABORT; }
  | func_name '(' expr PLACING expr FROM expr ')'
        { if (!($$ = parse_overlay(pc, $1, @1, $3, $5, $7, NULL, @$))) YYABORT; }
  | func_name '(' expr PLACING expr FROM expr FOR expr ')'
        { if (!($$ = parse_overlay(pc, $1, @1, $3, $5, $7, $9, @$))) YYABORT; }
  | func_name '(' FROM expr ')'
        { if (!($$ = parse_from_call(pc, $1, @1, -1, NULL, $4, @$))) YYABORT; }
  | func_name '(' trim_side expr FROM expr ')'
        { if (!($$ = parse_from_call(pc, $1, @1, $3, $4, $6, @$))) YYABORT; }
  | func_name '(' trim_side FROM expr ')'
        { if (!($$ = parse_from_call(pc, $1, @1, $3, NULL, $5, @$))) YYABORT; }
  ;

/* The arguments of a call: expressions, and lambda functions for the higher-order functions
** (Spark's `identifier '->' expression` and `'(' identifier (',' identifier)+ ')' '->' expression`).
** arg    = expr | lambda
** lambda = ident ARROW expr | '(' ident ',' ident {',' ident} ')' ARROW expr
** Only a call's argument may be a lambda (sema refuses it for other functions): after one
** comes ',' or ')', so its body, an expr, never competes with an operator around it.
*/
arg_list:
    arg                             { $$ = ast_list_append(pc->arena, (AstExprList){0}, $1); }
  | arg_list ',' arg                { $$ = ast_list_append(pc->arena, $1, $3); }
  ;

arg:
    expr
  | lambda
  ;

lambda:
    ident ARROW expr
        { $$ = ast_new_lambda(pc->arena, ast_list_append(pc->arena, (AstExprList){0},
                                                         ast_new_column(pc->arena, $1, @1)), $3, @$); }
  | '(' lambda_params ')' ARROW expr
        { $$ = ast_new_lambda(pc->arena, $2, $5, @$); }
  ;

lambda_params:
    ident ',' ident
        { $$ = ast_list_append(pc->arena, ast_list_append(pc->arena, (AstExprList){0},
                                                          ast_new_column(pc->arena, $1, @1)),
                               ast_new_column(pc->arena, $3, @3)); }
  | lambda_params ',' ident         { $$ = ast_list_append(pc->arena, $1, ast_new_column(pc->arena, $3, @3)); }
  ;

/* TRIM(BOTH | LEADING | TRAILING ...) */
trim_side:
    BOTH                            { $$ = 0; }
  | LEADING                         { $$ = 1; }
  | TRAILING                        { $$ = 2; }
  ;

/* LEFT and RIGHT are join words but also Spark's string functions left(s, n), right(s, n);
   DIV, RLIKE and REGEXP are operators and functions (div(a, b), rlike(s, p), regexp(s, p));
   FILTER follows an aggregate (count(*) FILTER (WHERE c)) and names Spark's filter(). */
func_name:
    ident
  | LEFT
  | RIGHT
  | DIV
  | RLIKE
  | REGEXP
  | FILTER
  ;

/* window_spec = [PARTITION BY expr {',' expr}] [ORDER BY order_item {',' order_item}] [frame]
** frame       = (ROWS | RANGE) (bound | BETWEEN bound AND bound)
** bound       = UNBOUNDED (PRECEDING | FOLLOWING) | CURRENT ROW
**             | (integer | interval) (PRECEDING | FOLLOWING)
** Parsed only to be skipped: sema refuses OVER (Spark has no streaming window functions).
*/
window_spec:
    opt_partition opt_window_order opt_frame
  ;

opt_partition:
    %empty
  | PARTITION BY expr_list
  ;

opt_window_order:
    %empty
  | ORDER BY order_list
  ;

opt_frame:
    %empty
  | frame_unit frame_bound
  | frame_unit BETWEEN frame_bound AND frame_bound
  ;

frame_unit:
    ROWS
  | RANGE
  ;

frame_bound:
    UNBOUNDED PRECEDING
  | UNBOUNDED FOLLOWING
  | CURRENT ROW
  | frame_offset PRECEDING
  | frame_offset FOLLOWING
  ;

frame_offset:
    INTEGER_LIT
  | interval
  ;

/* ==== Names ====
** ident    = identifier | `quoted identifier` | unreserved_keyword
** any_name = ident | reserved_keyword
*/
ident:
    IDENT
  | unreserved_keyword
  ;

any_name:
    ident
  | reserved_keyword
  ;

unreserved_keyword:
    ARRAY | ASC | BIGINT | BINARY | BOOLEAN | BY | BYTE | CURRENT | DATE | DEC | DECIMAL | DESC | DOUBLE | DROP
  | DUPLICATES | FIRST | FLOAT | SETS | FOLLOWING | FOR | INT | INTEGER | LAST | LONG | MAP | NULLS | NUMERIC | PARTITION
  | PLACING
  | PRECEDING | RANGE | REAL | ROW | ROWS | SHORT | SINK | SMALLINT | SOURCE | STRING | STRUCT | TABLE
  | TIMESTAMP | TIMESTAMP_LTZ | TIMESTAMP_NTZ | TINYINT | UNBOUNDED | UNKNOWN | VARCHAR | VIEW | WATERMARK | WITHIN
  | TO | interval_unit
  | POSITION %prec POSITION_NAME
  | ROLLUP %prec POSITION_NAME | CUBE %prec POSITION_NAME | GROUPING
  ;

reserved_keyword:
    ALL | AND | AS | BETWEEN | CASE | CAST | CREATE | CROSS | CURRENT_DATE | CURRENT_TIMESTAMP
  | BOTH | LEADING | TRAILING
  | DISTINCT | DIV | ELSE | END | ESCAPE | FALSE | FILTER | FROM | FULL | GROUP | HAVING | ILIKE | IN | INNER | INSERT
  | INTERVAL | INTO | IS | JOIN | LATERAL | LIKE | LIMIT | NOT | NULL | OFFSET | ON | OR | ORDER
  | OUTER | OVER | REGEXP | RLIKE | SELECT | THEN | TRUE | UNION | WHEN | WHERE | WITH
  | ANTI | LEFT | NATURAL | RIGHT | SEMI | USING
  ;

%%

/* ==== Syntax errors ==== */

/* Bison's symbol name without the double quotes of string aliases: FROM, ',', '<=', identifier. */
static void put_symbol(StrBuf *sb, yysymbol_kind_t sym)
{
    const char *name = yysymbol_name(sym);
    size_t n = strlen(name);
    if (n >= 2 && name[0] == '"' && name[n - 1] == '"')
        sb_putn(sb, name + 1, n - 2);
    else
        sb_puts(sb, name);
}

void parse_put_token_name(StrBuf *sb, int token)
{
    put_symbol(sb, YYTRANSLATE(token));
}

enum { UNRESERVED_KW, RESERVED_KW, NOT_KW };

/* The category of a token symbol according to keywords.def. */
static int keyword_category(yysymbol_kind_t sym)
{
#define RESERVED RESERVED_KW
#define UNRESERVED UNRESERVED_KW
    static const struct {
        int token;
        int category;
    } kw[] = {
#define KW(tok, spelling, cat) {TOK_##tok, cat},
#include "keywords.def"
#undef KW
    };
#undef RESERVED
#undef UNRESERVED
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
        if (YYTRANSLATE(kw[i].token) == sym)
            return kw[i].category;
    return NOT_KW;
}

/* Bison's exact expected set, as a bitmap over token symbols. */
typedef struct Expected {
    bool has[YYNTOKENS];
} Expected;

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static bool has_all(const Expected *e, const int *tokens, int n)
{
    for (int i = 0; i < n; i++)
        if (!e->has[YYTRANSLATE(tokens[i])])
            return false;
    return true;
}

static void drop_all(Expected *e, const int *tokens, int n)
{
    for (int i = 0; i < n; i++)
        e->has[YYTRANSLATE(tokens[i])] = false;
}

static const int expr_start[] = {
    TOK_IDENT, TOK_STRING_LIT, TOK_INTEGER_LIT, TOK_DECIMAL_LIT, '(', '-', '+', TOK_NOT, TOK_CASE,
    TOK_CAST, TOK_INTERVAL, TOK_NULL, TOK_TRUE, TOK_FALSE, TOK_CURRENT_TIMESTAMP, TOK_CURRENT_DATE,
    TOK_OFFSET, TOK_LEFT, TOK_RIGHT, TOK_DIV, TOK_RLIKE, TOK_REGEXP, '~', TOK_FILTER, TOK_BINARY_LIT,
    TOK_LIKE, TOK_ILIKE};
static const int expr_core[] = {TOK_IDENT, TOK_INTEGER_LIT, '(', TOK_CASE};
static const int value_start[] = {TOK_IDENT, TOK_STRING_LIT, TOK_INTEGER_LIT, TOK_DECIMAL_LIT,
                                  '-', '+', TOK_TRUE, TOK_FALSE};
static const int value_core[] = {TOK_IDENT, TOK_STRING_LIT, TOK_INTEGER_LIT};
static const int operators[] = {'=', TOK_NE, '<', TOK_LE, '>', TOK_GE, TOK_NSEQ, '+', '-', '*', '/',
                                '%', TOK_DIV, TOK_CONCAT, '&', '|', '^', TOK_AND, TOK_OR, TOK_IS,
                                TOK_LIKE, TOK_ILIKE, TOK_RLIKE, TOK_REGEXP, TOK_IN, TOK_BETWEEN,
                                TOK_NOT, '.', '[', '('};
static const int arith_operators[] = {'+', '-', '*', '/', '%', TOK_DIV, TOK_CONCAT, '&', '|', '^',
                                      '.', '[', '('};
static const int operator_core[] = {'+', '*'};
static const int type_start[] = {TOK_BOOLEAN, TOK_TINYINT, TOK_BYTE, TOK_SMALLINT, TOK_SHORT, TOK_INT, TOK_INTEGER, TOK_BIGINT, TOK_LONG,
                                 TOK_DOUBLE, TOK_FLOAT, TOK_REAL, TOK_STRING, TOK_BINARY, TOK_VARCHAR, TOK_TIMESTAMP, TOK_TIMESTAMP_LTZ, TOK_TIMESTAMP_NTZ,
                                 TOK_DATE, TOK_ARRAY, TOK_MAP, TOK_STRUCT, TOK_DECIMAL, TOK_DEC, TOK_NUMERIC,
                                 TOK_INTERVAL};

#define MAX_EXPECTED 4

/* What the parser wanted, in a few words a user can act on: "expression" stands for the
   dozens of tokens that may start one, "operator" for those that may continue one,
   "value" for an option value, "type" for the type keywords and "identifier" for every
   keyword usable as a name.  Appends ", expected A, B or C" to sb, or nothing when even
   the short list would be too long to help.  Returns true if only a name was expected;
   *ident_ok tells if an identifier was acceptable at all. */
static bool put_expected(const yypcontext_t *ctx, StrBuf *sb, bool *ident_ok)
{
    yysymbol_kind_t syms[YYNTOKENS];
    int n = yypcontext_expected_tokens(ctx, syms, YYNTOKENS);
    Expected e = {{0}};
    for (int i = 0; i < n; i++)
        if (syms[i] >= 0 && syms[i] < YYNTOKENS)
            e.has[syms[i]] = true;
    *ident_ok = e.has[YYTRANSLATE(TOK_IDENT)];

    /* Where an identifier fits, so does every unreserved keyword (and, after '.' or AS,
       every keyword): name them all "identifier". */
    if (e.has[YYTRANSLATE(TOK_IDENT)]) {
        bool every_reserved = true;
        for (int s = 0; s < YYNTOKENS; s++) {
            int cat = keyword_category((yysymbol_kind_t)s);
            if (cat == UNRESERVED_KW)
                e.has[s] = false;
            else if (cat == RESERVED_KW && !e.has[s])
                every_reserved = false;
        }
        for (int s = 0; every_reserved && s < YYNTOKENS; s++)
            if (keyword_category((yysymbol_kind_t)s) == RESERVED_KW)
                e.has[s] = false;
    }

    const char *words[4];
    int k = 0;
    bool name_only = false;
    if (has_all(&e, expr_core, COUNT(expr_core))) {
        drop_all(&e, expr_start, COUNT(expr_start));
        words[k++] = "expression";
    } else if (has_all(&e, value_core, COUNT(value_core))) {
        drop_all(&e, value_start, COUNT(value_start));
        words[k++] = "value";
    } else if (e.has[YYTRANSLATE(TOK_IDENT)]) {
        e.has[YYTRANSLATE(TOK_IDENT)] = false;
        words[k++] = "identifier";
        name_only = true;
    }
    if (has_all(&e, operator_core, COUNT(operator_core))) {
        /* Where '=' cannot follow (a BETWEEN bound), AND is the BETWEEN's: keep it. */
        if (e.has[YYTRANSLATE('=')])
            drop_all(&e, operators, COUNT(operators));
        else
            drop_all(&e, arith_operators, COUNT(arith_operators));
        words[k++] = "operator";
    }
    int n_types = 0;
    for (int i = 0; i < COUNT(type_start); i++)
        n_types += e.has[YYTRANSLATE(type_start[i])];
    if (n_types >= 3) {
        drop_all(&e, type_start, COUNT(type_start));
        words[k++] = "type";
    }

    /* Then ',', the other punctuation and keywords in declaration order, the statement
       ends last. */
    yysymbol_kind_t semi = YYTRANSLATE(';'), comma = YYTRANSLATE(',');
    yysymbol_kind_t order[YYNTOKENS];
    int n_order = 0;
    if (e.has[comma])
        order[n_order++] = comma;
    for (int s = 0; s < YYNTOKENS; s++)
        if (e.has[s] && s != semi && s != comma && s != YYSYMBOL_YYEOF)
            order[n_order++] = (yysymbol_kind_t)s;
    if (e.has[semi])
        order[n_order++] = semi;
    if (e.has[YYSYMBOL_YYEOF])
        order[n_order++] = YYSYMBOL_YYEOF;
    if (k + n_order > MAX_EXPECTED || k + n_order == 0)
        return false;
    if (n_order > 0)
        name_only = false;

    int total = k + n_order;
    for (int i = 0; i < total; i++) {
        sb_puts(sb, i == 0 ? ", expected " : i == total - 1 ? " or " : ", ");
        if (i < k)
            sb_puts(sb, words[i]);
        else
            put_symbol(sb, order[i - k]);
    }
    return name_only;
}

/* Reserved words that start or join clauses: after one of them where a name was also
   possible, the mistake is more likely the structure (a trailing comma) than the name. */
static bool clause_word(yysymbol_kind_t sym)
{
    static const int words[] = {TOK_SELECT, TOK_FROM, TOK_WHERE, TOK_GROUP, TOK_HAVING,
                                TOK_ORDER, TOK_LIMIT, TOK_OFFSET, TOK_WITH, TOK_CREATE,
                                TOK_INSERT, TOK_AND, TOK_OR, TOK_NOT, TOK_DISTINCT, TOK_ALL,
                                TOK_AS, TOK_THEN, TOK_ELSE, TOK_WHEN, TOK_IS, TOK_IN,
                                TOK_LIKE, TOK_BETWEEN};
    for (int i = 0; i < COUNT(words); i++)
        if (YYTRANSLATE(words[i]) == sym)
            return true;
    return false;
}

/* true if tok is valid here */
static bool expects(const yypcontext_t *ctx, int tok)
{
    yysymbol_kind_t syms[YYNTOKENS];
    int n = yypcontext_expected_tokens(ctx, syms, YYNTOKENS);
    for (int i = 0; i < n; i++)
        if (syms[i] == YYTRANSLATE(tok))
            return true;
    return false;
}

/* "identifier 'foo'", "string 'x'", "integer 12", "FROM", "','", "end of input". */
static void put_token(StrBuf *sb, const ParseCtx *pc, yysymbol_kind_t sym, SrcSpan at)
{
    const char *text = pc->file->text + at.begin;
    int len = (int)(at.end - at.begin);
    const char *more = "";
    for (int i = 0; i < len; i++) {
        if (i == 40 || text[i] == '\n' || text[i] == '\r') { /* keep the message on one line */
            len = i;
            more = "...";
            break;
        }
    }
    if (sym == YYTRANSLATE(TOK_IDENT)) {
        if (text[0] == '`')
            sb_printf(sb, "identifier %.*s%s", len, text, more);
        else
            sb_printf(sb, "identifier '%.*s%s'", len, text, more);
    } else if (sym == YYTRANSLATE(TOK_STRING_LIT) || sym == YYTRANSLATE(TOK_INTEGER_LIT) ||
               sym == YYTRANSLATE(TOK_DECIMAL_LIT)) {
        put_symbol(sb, sym);
        sb_printf(sb, " %.*s%s", len, text, more);
    } else {
        put_symbol(sb, sym);
    }
}

static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner, ParseCtx *pc)
{
    (void)scanner;
    yysymbol_kind_t sym = yypcontext_token(ctx);
    SrcSpan at = *yypcontext_location(ctx);
    StrBuf sb;
    sb_init(&sb, pc->arena);
    sb_puts(&sb, "syntax error: unexpected ");
    put_token(&sb, pc, sym, at);
    bool ident_ok;
    bool name_only = put_expected(ctx, &sb, &ident_ok);
    if (sym == YYTRANSLATE(TOK_ARROW)) {
        sb_puts(&sb, " (a lambda function, x -> ... or (x, y) -> ..., is only allowed as an "
                     "argument of a higher-order function)");
    } else if (keyword_category(sym) == RESERVED_KW && (name_only || (ident_ok && !clause_word(sym)))) {
        sb_puts(&sb, " (");
        put_symbol(&sb, sym);
        sb_puts(&sb, " is a reserved word: write `");
        for (uint32_t i = at.begin; i < at.end; i++) {
            char c = pc->file->text[i];
            sb_putc(&sb, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        }
        sb_puts(&sb, "` to use it as a name)");
    }
    diag_error(pc->diag, at, "%s", sb.data);
    return 0;
}

/* Called by bison only when its stack overflows (syntax errors go through the function above). */
static void sl_yyerror(SrcSpan *loc, yyscan_t scanner, ParseCtx *pc, const char *msg)
{
    (void)scanner;
    (void)msg;
    diag_error(pc->diag, *loc, "syntax error: the query is nested too deeply");
}

/* DECIMAL(p, s) with Spark's DecimalType checks: DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION and
   "Decimal scale (s) cannot be greater than precision (p)". */
const Type *parse_decimal_type(ParseCtx *pc, int64_t precision, int64_t scale, SrcSpan span)
{
    if (precision > TYPE_DECIMAL_MAX_PRECISION) {
        diag_error(pc->diag, span,
                   "[DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION] Decimal precision %lld exceeds max "
                   "precision %d.",
                   (long long)precision, TYPE_DECIMAL_MAX_PRECISION);
        return type_decimal(10, 0);
    }
    if (precision < 1) {
        diag_error(pc->diag, span, "decimal precision must be at least 1");
        return type_decimal(10, 0);
    }
    if (scale > precision) {
        diag_error(pc->diag, span, "decimal scale (%lld) cannot be greater than precision (%lld)",
                   (long long)scale, (long long)precision);
        return type_decimal(10, 0);
    }
    return type_decimal((int)precision, (int)scale);
}

/* INTERVAL from [TO to] (Spark's yearMonthIntervalDataType and dayTimeIntervalDataType, singular
   unit words only): YearMonthIntervalType(from, to) or DayTimeIntervalType(from, to); an end
   not after the start is Spark's fromToIntervalUnsupportedError. */
const Type *parse_interval_type(ParseCtx *pc, const char *from, const char *to, SrcSpan span)
{
    static const char *const units[] = {"year", "month", "day", "hour", "minute", "second"};
    int f = -1, t = -1;
    for (int i = 0; i < 6; i++) {
        if (strcasecmp(from, units[i]) == 0)
            f = i;
        if (to && strcasecmp(to, units[i]) == 0)
            t = i;
    }
    if (!to)
        t = f;
    bool ym = f >= 0 && f < 2;
    if (f < 0 || t < 0 || (to && t <= f) || (ym != (t < 2))) {
        if (f >= 0 && t >= 0 && to && ym == (t < 2))
            diag_error(pc->diag, span, "Intervals FROM %s TO %s are not supported.", units[f], units[t]);
        else
            diag_error(pc->diag, span,
                       "invalid interval type: expected INTERVAL YEAR [TO MONTH], INTERVAL MONTH or "
                       "INTERVAL DAY|HOUR|MINUTE|SECOND [TO HOUR|MINUTE|SECOND] (singular units)");
        return &type_interval;
    }
    return ym ? type_ym_interval(f, t) : type_dt_interval(f - 2, t - 2);
}
