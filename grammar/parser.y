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
} ParseCtx;
}

%code provides {
#define YYSTYPE SL_YYSTYPE
#define YYLTYPE SL_YYLTYPE
int sl_yylex(SL_YYSTYPE *yylval_param, SL_YYLTYPE *yylloc_param, yyscan_t yyscanner);

/* Defined in front/parse.c for the actions below. */
const char *parse_text(ParseCtx *pc, SrcSpan span);
bool parse_set_watermark(ParseCtx *pc, AstTableElems *elems, AstWatermark *wm);
/* Display name of a token for messages and token dumps: FROM, ',', '<=', identifier. */
const char *parse_token_name(int token);
}

%code {
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
    AstOption *option;
    AstOptionList options;
    AstColumnDef *coldef;
    AstWatermark *watermark;
    AstTableElems elems;
    AstStmt *stmt;
}

%token EOI 0 "end of input"
%token <str> IDENT "identifier"
%token <str> STRING_LIT "string"
%token <ival> INTEGER_LIT "integer"
%token <dval> DECIMAL_LIT "number"
%token NE "'<>'" LE "'<='" GE "'>='" CONCAT "'||'"

/* Keywords: the same list as keywords.def, in the same order. */
%token <str> ALL "ALL" AND "AND" ARRAY "ARRAY" AS "AS" ASC "ASC" BETWEEN "BETWEEN"
%token <str> BIGINT "BIGINT" BOOLEAN "BOOLEAN" BY "BY" CASE "CASE" CAST "CAST"
%token <str> CREATE "CREATE" CROSS "CROSS" CURRENT "CURRENT" CURRENT_DATE "CURRENT_DATE"
%token <str> CURRENT_TIMESTAMP "CURRENT_TIMESTAMP" DATE "DATE" DESC "DESC"
%token <str> DISTINCT "DISTINCT" DOUBLE "DOUBLE" ELSE "ELSE" END "END" FALSE "FALSE"
%token <str> FIRST "FIRST" FLOAT "FLOAT" FOLLOWING "FOLLOWING" FOR "FOR" FROM "FROM"
%token <str> FULL "FULL" GROUP "GROUP" HAVING "HAVING" IN "IN" INNER "INNER"
%token <str> INSERT "INSERT" INT "INT" INTEGER "INTEGER" INTERVAL "INTERVAL" INTO "INTO"
%token <str> IS "IS" JOIN "JOIN" LAST "LAST" LIKE "LIKE" LIMIT "LIMIT" LONG "LONG"
%token <str> NOT "NOT" NULL "NULL" NULLS "NULLS" OFFSET "OFFSET" ON "ON" OR "OR"
%token <str> ORDER "ORDER" OUTER "OUTER" OVER "OVER" PARTITION "PARTITION"
%token <str> PRECEDING "PRECEDING" RANGE "RANGE" ROW "ROW" ROWS "ROWS" SELECT "SELECT"
%token <str> SINK "SINK" SOURCE "SOURCE" STRING "STRING" STRUCT "STRUCT" TABLE "TABLE"
%token <str> THEN "THEN" TIMESTAMP "TIMESTAMP" TRUE "TRUE" UNBOUNDED "UNBOUNDED"
%token <str> UNION "UNION" VARCHAR "VARCHAR" WATERMARK "WATERMARK" WHEN "WHEN"
%token <str> WHERE "WHERE" WITH "WITH"

%type <vec> stmt_list select_list order_list struct_fields option_list
%type <stmt> opt_stmt stmt create_stmt insert_stmt
%type <elems> opt_table_elems table_elems
%type <coldef> column_def
%type <watermark> watermark
%type <options> with_options opt_with_options
%type <option> option
%type <str> option_key key_path ident any_name unreserved_keyword reserved_keyword opt_alias
%type <str> interval_parts interval_part
%type <expr> option_value
%type <type> type
%type <field> struct_field
%type <select> select_stmt select_core select_from select_where select_group select_having
%type <select> select_order select_limit
%type <flag> opt_distinct
%type <sitem> select_item
%type <from> from_item
%type <oitem> order_item
%type <num> opt_direction opt_nulls
%type <list> expr_list
%type <expr> expr and_expr not_expr pred_expr value_expr mul_expr unary_expr postfix_expr
%type <expr> other_postfix column_ref primary call interval when_list opt_operand opt_else
%type <bop> comp_op

%start script

%%

/* ==== Statements ====
** script = [stmt] { ';' [stmt] }
** stmt   = create_stmt | insert_stmt
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
  | '-' INTEGER_LIT                 { $$ = ast_new_int(pc->arena, -$2, @$); }
  | '-' DECIMAL_LIT                 { $$ = ast_new_double(pc->arena, -$2, @$); }
  | '+' INTEGER_LIT                 { $$ = ast_new_int(pc->arena, $2, @$); }
  | '+' DECIMAL_LIT                 { $$ = ast_new_double(pc->arena, $2, @$); }
  | TRUE                            { $$ = ast_new_bool(pc->arena, true, @1); }
  | FALSE                           { $$ = ast_new_bool(pc->arena, false, @1); }
  | ident                           { $$ = ast_new_column(pc->arena, $1, @1); }
  ;

/* ==== Types ====
** type  = BOOLEAN | INT | INTEGER | BIGINT | LONG | DOUBLE | FLOAT | STRING
**       | VARCHAR ['(' integer ')'] | TIMESTAMP | DATE
**       | ARRAY '<' type '>' | STRUCT '<' field {',' field} '>'
** field = any_name [':'] type
*/
type:
    BOOLEAN                         { $$ = &type_boolean; }
  | INT                             { $$ = &type_int; }
  | INTEGER                         { $$ = &type_int; }
  | BIGINT                          { $$ = &type_bigint; }
  | LONG                            { $$ = &type_bigint; }
  | DOUBLE                          { $$ = &type_double; }
  | FLOAT                           { $$ = &type_double; }
  | STRING                          { $$ = &type_string; }
  | VARCHAR                         { $$ = &type_string; }
  | VARCHAR '(' INTEGER_LIT ')'     { $$ = &type_string; }
  | TIMESTAMP                       { $$ = &type_timestamp; }
  | DATE                            { $$ = &type_date; }
  | ARRAY '<' type '>'              { $$ = type_array(pc->arena, $3); }
  | STRUCT '<' struct_fields '>'    { $$ = ast_struct_type(pc->arena, &$3); }
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
** select      = SELECT [DISTINCT | ALL] select_item {',' select_item}
**               [FROM from_item] [WHERE expr] [GROUP BY expr {',' expr}] [HAVING expr]
**               [ORDER BY order_item {',' order_item}] [LIMIT expr] [OFFSET expr]
** select_item = '*' | column_ref '.' '*' | expr [[AS] alias]
** from_item   = (ident | '(' select ')') [[AS] alias]
** order_item  = expr [ASC | DESC] [NULLS (FIRST | LAST)]
** alias       = AS any_name | ident
**
** The clauses are a chain of left-nested rules so each action adds one clause.
*/
select_stmt:
    select_limit
  | select_limit OFFSET expr        { $$ = ast_select_offset($1, $3, span_join(@2, @3), @$); }
  ;

select_limit:
    select_order
  | select_order LIMIT expr         { $$ = ast_select_limit($1, $3, span_join(@2, @3), @$); }
  ;

select_order:
    select_having
  | select_having ORDER BY order_list
        { $$ = ast_select_order_by(pc->arena, $1, &$4, span_join(@2, @3), @$); }
  ;

select_having:
    select_group
  | select_group HAVING expr        { $$ = ast_select_having($1, $3, @$); }
  ;

select_group:
    select_where
  | select_where GROUP BY expr_list { $$ = ast_select_group_by($1, &$4, span_join(@2, @3), @$); }
  ;

select_where:
    select_from
  | select_from WHERE expr          { $$ = ast_select_where($1, $3, @$); }
  ;

select_from:
    select_core
  | select_core FROM from_item      { $$ = ast_select_from($1, $3, @$); }
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
  | expr ident                      { $$ = ast_new_select_item(pc->arena, $1, $2, @2, @$); }
  | '*'                             { $$ = ast_new_select_item(pc->arena, ast_new_star(pc->arena, NULL, @1), NULL, @1, @1); }
  | column_ref '.' '*'              { $$ = ast_new_select_item(pc->arena, ast_new_star(pc->arena, $1, @$), NULL, @$, @$); }
  ;

from_item:
    ident opt_alias                 { $$ = ast_new_from(pc->arena, $1, NULL, $2, @$); }
  | '(' select_stmt ')' opt_alias   { $$ = ast_new_from(pc->arena, NULL, $2, $4, @$); }
  ;

opt_alias:
    %empty                          { $$ = NULL; }
  | AS any_name                     { $$ = $2; }
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
** pred_expr  = value_expr
**            | pred_expr ('=' | '==' | '<>' | '!=' | '<' | '<=' | '>' | '>=') value_expr
**            | pred_expr IS [NOT] NULL
**            | pred_expr [NOT] LIKE value_expr
**            | pred_expr [NOT] IN '(' expr {',' expr} ')'
**            | pred_expr [NOT] BETWEEN value_expr AND value_expr
** value_expr = value_expr ('+' | '-' | '||') mul_expr | mul_expr
** mul_expr   = mul_expr ('*' | '/' | '%') unary_expr | unary_expr
** unary_expr = ('-' | '+') unary_expr | postfix_expr
** postfix    = column_ref | primary | postfix '[' expr ']' | postfix '.' any_name
** column_ref = ident {'.' any_name}
**
** BETWEEN bounds are value_exprs, so the AND after the lower bound is never a logical AND.
** A dotted name is one AST_COLUMN (sema splits relation, column and fields); a '.' after
** anything else (a call, an index, parentheses) is an AST_FIELD.
*/
expr:
    expr OR and_expr                { $$ = ast_binary(pc->arena, BOP_OR, $1, $3, @2); }
  | and_expr
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
    value_expr
  | pred_expr comp_op value_expr    { $$ = ast_binary(pc->arena, $2, $1, $3, @2); }
  | pred_expr IS NULL               { $$ = ast_new_is_null(pc->arena, $1, false, @$); }
  | pred_expr IS NOT NULL           { $$ = ast_new_is_null(pc->arena, $1, true, @$); }
  | pred_expr LIKE value_expr       { $$ = ast_new_like(pc->arena, $1, $3, false, @$); }
  | pred_expr NOT LIKE value_expr   { $$ = ast_new_like(pc->arena, $1, $4, true, @$); }
  | pred_expr IN '(' expr_list ')'  { $$ = ast_new_in(pc->arena, $1, &$4, false, @$); }
  | pred_expr NOT IN '(' expr_list ')'
        { $$ = ast_new_in(pc->arena, $1, &$5, true, @$); }
  | pred_expr BETWEEN value_expr AND value_expr
        { $$ = ast_new_between(pc->arena, $1, $3, $5, false, @$); }
  | pred_expr NOT BETWEEN value_expr AND value_expr
        { $$ = ast_new_between(pc->arena, $1, $4, $6, true, @$); }
  ;

comp_op:
    '='                             { $$ = BOP_EQ; }
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
  | unary_expr
  ;

unary_expr:
    '-' unary_expr                  { $$ = ast_unary(pc->arena, UOP_NEG, $2, @$); }
  | '+' unary_expr                  { $$ = ast_unary(pc->arena, UOP_PLUS, $2, @$); }
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

column_ref:
    ident                           { $$ = ast_new_column(pc->arena, $1, @1); }
  | column_ref '.' any_name         { $$ = ast_column_append(pc->arena, $1, $3, @3); }
  ;

expr_list:
    expr                            { $$ = ast_list_append(pc->arena, (AstExprList){0}, $1); }
  | expr_list ',' expr              { $$ = ast_list_append(pc->arena, $1, $3); }
  ;

/* primary = literal | interval | (DATE | TIMESTAMP) string | '(' expr ')' | case | cast
**         | (CURRENT_TIMESTAMP | CURRENT_DATE) ['(' ')'] | call [OVER '(' window_spec ')']
** literal = integer | number | string | TRUE | FALSE | NULL
** case    = CASE [expr] WHEN expr THEN expr {WHEN expr THEN expr} [ELSE expr] END
** cast    = CAST '(' expr AS type ')'
*/
primary:
    INTEGER_LIT                     { $$ = ast_new_int(pc->arena, $1, @1); }
  | DECIMAL_LIT                     { $$ = ast_new_double(pc->arena, $1, @1); }
  | STRING_LIT                      { $$ = ast_new_string(pc->arena, AST_STRING, $1, @1); }
  | TRUE                            { $$ = ast_new_bool(pc->arena, true, @1); }
  | FALSE                           { $$ = ast_new_bool(pc->arena, false, @1); }
  | NULL                            { $$ = ast_expr_new(pc->arena, AST_NULL, @1); }
  | interval
  | DATE STRING_LIT                 { $$ = ast_new_cast(pc->arena, ast_new_string(pc->arena, AST_STRING, $2, @2), &type_date, @1, @$); }
  | TIMESTAMP STRING_LIT            { $$ = ast_new_cast(pc->arena, ast_new_string(pc->arena, AST_STRING, $2, @2), &type_timestamp, @1, @$); }
  | '(' expr ')'                    { $$ = ast_paren($2, @$); }
  | CASE opt_operand when_list opt_else END
        { $$ = ast_case_finish($3, $2, $4, @$); }
  | CAST '(' expr AS type ')'       { $$ = ast_new_cast(pc->arena, $3, $5, @5, @$); }
  | CURRENT_TIMESTAMP               { $$ = ast_new_call(pc->arena, $1, @1, NULL, false, no_flag, @$); }
  | CURRENT_TIMESTAMP '(' ')'       { $$ = ast_new_call(pc->arena, $1, @1, NULL, false, no_flag, @$); }
  | CURRENT_DATE                    { $$ = ast_new_call(pc->arena, $1, @1, NULL, false, no_flag, @$); }
  | CURRENT_DATE '(' ')'            { $$ = ast_new_call(pc->arena, $1, @1, NULL, false, no_flag, @$); }
  | call
  | call OVER '(' window_spec ')'   { $$ = ast_call_over($1, span_join(@2, @5)); }
  ;

/* interval = INTERVAL string | INTERVAL (integer | number) unit {(integer | number) unit} */
interval:
    INTERVAL STRING_LIT             { $$ = ast_new_string(pc->arena, AST_INTERVAL, $2, @$); }
  | INTERVAL interval_parts         { $$ = ast_new_string(pc->arena, AST_INTERVAL, $2, @$); }
  ;

interval_parts:
    interval_part
  | interval_parts interval_part    { $$ = arena_sprintf(pc->arena, "%s %s", $1, $2); }
  ;

interval_part:
    INTEGER_LIT ident               { $$ = arena_sprintf(pc->arena, "%s %s", parse_text(pc, @1), $2); }
  | DECIMAL_LIT ident               { $$ = arena_sprintf(pc->arena, "%s %s", parse_text(pc, @1), $2); }
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

/* call = ident '(' [ '*' | [DISTINCT] expr {',' expr} ] ')' */
call:
    ident '(' ')'                   { $$ = ast_new_call(pc->arena, $1, @1, NULL, false, no_flag, @$); }
  | ident '(' '*' ')'               { $$ = ast_new_call(pc->arena, $1, @1, NULL, true, no_flag, @$); }
  | ident '(' expr_list ')'         { $$ = ast_new_call(pc->arena, $1, @1, &$3, false, no_flag, @$); }
  | ident '(' DISTINCT expr_list ')'
        { $$ = ast_new_call(pc->arena, $1, @1, &$4, false, (AstFlag){true, @3}, @$); }
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
    ARRAY | ASC | BIGINT | BOOLEAN | BY | CURRENT | DATE | DESC | DOUBLE | FIRST | FLOAT
  | FOLLOWING | FOR | INT | INTEGER | LAST | LONG | NULLS | PARTITION | PRECEDING | RANGE
  | ROW | ROWS | SINK | SOURCE | STRING | STRUCT | TABLE | TIMESTAMP | UNBOUNDED | VARCHAR
  | WATERMARK
  ;

reserved_keyword:
    ALL | AND | AS | BETWEEN | CASE | CAST | CREATE | CROSS | CURRENT_DATE | CURRENT_TIMESTAMP
  | DISTINCT | ELSE | END | FALSE | FROM | FULL | GROUP | HAVING | IN | INNER | INSERT
  | INTERVAL | INTO | IS | JOIN | LIKE | LIMIT | NOT | NULL | OFFSET | ON | OR | ORDER
  | OUTER | OVER | SELECT | THEN | TRUE | UNION | WHEN | WHERE | WITH
  ;

%%

/* ==== Syntax errors ==== */

/* Bison's symbol name without the double quotes of string aliases: FROM, ',', '<=', identifier. */
static const char *symbol_display(yysymbol_kind_t sym)
{
    static char buf[YYNTOKENS][32];
    const char *name = yysymbol_name(sym);
    size_t n = strlen(name);
    if (n >= 2 && name[0] == '"' && name[n - 1] == '"' && n - 2 < sizeof buf[0] && (int)sym < YYNTOKENS) {
        memcpy(buf[sym], name + 1, n - 2);
        buf[sym][n - 2] = '\0';
        return buf[sym];
    }
    return name;
}

const char *parse_token_name(int token)
{
    return symbol_display(YYTRANSLATE(token));
}

#define RESERVED 1
#define UNRESERVED 0
/* 1 if sym is a keyword of the given category (keywords.def). */
static bool is_keyword(yysymbol_kind_t sym, int category)
{
    static const struct {
        int token;
        int category;
    } kw[] = {
#define KW(tok, spelling, cat) {TOK_##tok, cat},
#include "keywords.def"
#undef KW
    };
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
        if (YYTRANSLATE(kw[i].token) == sym)
            return kw[i].category == category;
    return false;
}
#undef RESERVED
#undef UNRESERVED

/* A set of expected tokens as a bitmap over symbol kinds. */
typedef struct Expected {
    bool has[YYNTOKENS];
} Expected;

static bool all_of(const Expected *e, const yysymbol_kind_t *syms, int n)
{
    for (int i = 0; i < n; i++)
        if (!e->has[syms[i]])
            return false;
    return true;
}

static void drop(Expected *e, const yysymbol_kind_t *syms, int n)
{
    for (int i = 0; i < n; i++)
        e->has[syms[i]] = false;
}

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Turns bison's exact expected set into at most a few words a user can act on:
   "expression" for the dozens of tokens that may start one, "type", "value", and
   "identifier" standing for every keyword usable as a name.  Returns the number of
   words put in out (0 if the list would be too long to help). */
static int expected_words(const yypcontext_t *ctx, const char **out, int max, bool *names_only)
{
    yysymbol_kind_t syms[YYNTOKENS];
    int n = yypcontext_expected_tokens(ctx, syms, YYNTOKENS);
    Expected e = {{0}};
    for (int i = 0; i < n; i++)
        e.has[syms[i]] = true;

    static const yysymbol_kind_t expr_start[] = {
        YYSYMBOL_IDENT, YYSYMBOL_STRING_LIT, YYSYMBOL_INTEGER_LIT, YYSYMBOL_DECIMAL_LIT,
        YYSYMBOL_11_, YYSYMBOL_12_, YYSYMBOL_13_, YYSYMBOL_NOT, YYSYMBOL_CASE, YYSYMBOL_CAST,
        YYSYMBOL_INTERVAL, YYSYMBOL_NULL, YYSYMBOL_TRUE, YYSYMBOL_FALSE,
        YYSYMBOL_CURRENT_TIMESTAMP, YYSYMBOL_CURRENT_DATE};
    static const yysymbol_kind_t value_start[] = {
        YYSYMBOL_IDENT, YYSYMBOL_STRING_LIT, YYSYMBOL_INTEGER_LIT, YYSYMBOL_DECIMAL_LIT,
        YYSYMBOL_12_, YYSYMBOL_13_, YYSYMBOL_TRUE, YYSYMBOL_FALSE};
    static const yysymbol_kind_t type_start[] = {
        YYSYMBOL_BOOLEAN, YYSYMBOL_INT, YYSYMBOL_INTEGER, YYSYMBOL_BIGINT, YYSYMBOL_LONG,
        YYSYMBOL_DOUBLE, YYSYMBOL_FLOAT, YYSYMBOL_STRING, YYSYMBOL_VARCHAR, YYSYMBOL_TIMESTAMP,
        YYSYMBOL_DATE, YYSYMBOL_ARRAY, YYSYMBOL_STRUCT};
    static const yysymbol_kind_t expr_core[] = {YYSYMBOL_IDENT, YYSYMBOL_INTEGER_LIT, YYSYMBOL_11_,
                                                YYSYMBOL_CASE};
    static const yysymbol_kind_t value_core[] = {YYSYMBOL_IDENT, YYSYMBOL_STRING_LIT,
                                                 YYSYMBOL_INTEGER_LIT};

    const char *cats[4];
    int n_cats = 0;
    *names_only = false;
    if (e.has[YYSYMBOL_IDENT]) {
        bool all_reserved = true;
        for (int s = 0; s < YYNTOKENS; s++) {
            if (is_keyword((yysymbol_kind_t)s, UNRESERVED_KW))
                e.has[s] = false;
            else if (is_keyword((yysymbol_kind_t)s, RESERVED_KW) && !e.has[s])
                all_reserved = false;
        }
        if (all_reserved)
            for (int s = 0; s < YYNTOKENS; s++)
                if (is_keyword((yysymbol_kind_t)s, RESERVED_KW))
                    e.has[s] = false;
    }
    if (all_of(&e, expr_core, COUNT(expr_core))) {
        drop(&e, expr_start, COUNT(expr_start));
        cats[n_cats++] = "expression";
    } else if (all_of(&e, value_core, COUNT(value_core))) {
        drop(&e, value_start, COUNT(value_start));
        cats[n_cats++] = "value";
    } else if (e.has[YYSYMBOL_IDENT]) {
        e.has[YYSYMBOL_IDENT] = false;
        cats[n_cats++] = "identifier";
        *names_only = true;
    }
    int n_types = 0;
    for (int i = 0; i < COUNT(type_start); i++)
        n_types += e.has[type_start[i]];
    if (n_types >= 3) {
        drop(&e, type_start, COUNT(type_start));
        cats[n_cats++] = "type";
    }

    /* Categories first, then punctuation and keywords in declaration order, then the
       statement terminators. */
    int k = 0;
    for (int i = 0; i < n_cats; i++) {
        if (k == max)
            return 0;
        out[k++] = cats[i];
    }
    for (int s = 0; s < YYNTOKENS; s++) {
        if (!e.has[s] || s == YYSYMBOL_YYEOF || s == YYSYMBOL_14_)
            continue;
        if (k == max)
            return 0;
        out[k++] = symbol_display((yysymbol_kind_t)s);
    }
    if (e.has[YYSYMBOL_14_]) {
        if (k == max)
            return 0;
        out[k++] = "';'";
    }
    if (e.has[YYSYMBOL_YYEOF]) {
        if (k == max)
            return 0;
        out[k++] = "end of input";
    }
    if (k > 0 && *names_only && k > 1)
        *names_only = false;
    return k;
}

/* "identifier 'foo'", "string 'x'", "integer 12", "FROM", "','", "end of input". */
static void describe_token(ParseCtx *pc, yysymbol_kind_t sym, SrcSpan at, StrBuf *sb)
{
    const char *text = pc->file->text + at.begin;
    int len = (int)(at.end - at.begin);
    const char *more = "";
    if (len > 40) {
        len = 40;
        more = "...";
    }
    switch (sym) {
    case YYSYMBOL_IDENT:
        if (text[0] == '`')
            sb_printf(sb, "identifier %.*s%s", len, text, more);
        else
            sb_printf(sb, "identifier '%.*s%s'", len, text, more);
        break;
    case YYSYMBOL_STRING_LIT:
    case YYSYMBOL_INTEGER_LIT:
    case YYSYMBOL_DECIMAL_LIT:
        sb_printf(sb, "%s %.*s%s", symbol_display(sym), len, text, more);
        break;
    default:
        sb_puts(sb, symbol_display(sym));
        break;
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
    describe_token(pc, sym, at, &sb);

    const char *words[4];
    bool names_only;
    int n = expected_words(ctx, words, 4, &names_only);
    for (int i = 0; i < n; i++)
        sb_printf(&sb, "%s%s", i == 0 ? ", expected " : i == n - 1 ? " or " : ", ", words[i]);
    if (names_only && is_keyword(sym, RESERVED_KW)) {
        char *lower = arena_strndup(pc->arena, pc->file->text + at.begin, at.end - at.begin);
        for (char *p = lower; *p; p++)
            *p = (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
        sb_printf(&sb, " (%s is a reserved word: write `%s` to use it as a name)", symbol_display(sym),
                  lower);
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
