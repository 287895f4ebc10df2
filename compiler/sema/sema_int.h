/* sema_int.h - private to compiler/sema: the sema context and what its files share.
**
** Only files of compiler/sema include this header.  Functions declared here
** carry the sema_ prefix because they cross files, but they are not part of
** the layer's contract (sema.h is).  Every helper here is NULL-tolerant where
** noted: binding reports an error and returns NULL, and callers propagate the
** NULL silently so one mistake produces one message.
*/
#ifndef SL_SEMA_INT_H
#define SL_SEMA_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "common/cm_dtpattern.h"
#include "sema/sema.h"

/* ==== The sema context (sc) ==== */

typedef struct SemaCtx {
    Arena *arena;
    Diag *diag;
    PtrVec sources;   /* SSource *: sources and tables, declaration order */
    PtrVec sinks;     /* SSink * */
    PtrVec queries;   /* SQuery * */
    bool batch_query; /* the query being bound reads no stream: only that is reported */
    int n_sites;      /* partition-dependent calls numbered so far (SExpr u.call.site) */
} SemaCtx;

/* Case-insensitive lookups in the catalog built so far; NULL if absent. */
SSource *sema_find_source(SemaCtx *sc, const char *name);
SSink *sema_find_sink(SemaCtx *sc, const char *name);

/* ==== Joins (sema_join.c) ==== */

/* 1 if the FROM item reads a stream, 0 if only tables, -1 if a name did not resolve. */
int sema_from_streaming(SemaCtx *sc, const AstFrom *f);
/* Reports that from (FROM_NAME) names no source or table (sema_select.c). */
void sema_unknown_source(SemaCtx *sc, const AstFrom *from);

/* "a, b, c" of the names in a schema (arena string). */
const char *sema_schema_names(SemaCtx *sc, const SSchema *s);
/* Levenshtein distance, case-insensitive, capped at 100. */
int sema_edit_distance(const char *a, const char *b);
/* The closest of names[0..n-1] to word if it is close enough to be a typo, else NULL. */
const char *sema_did_you_mean(const char *word, const char *const *names, int n);

/* ==== Names that do not resolve (sema_unresolved.c) ==== */

/* A column a name could have meant: its relation (NULL: none) and its name. */
typedef struct SNameCand {
    const char *qual;
    const char *name;
} SNameCand;

/* Spark's toSQLId: each part between backquotes (a backquote doubled), joined by dots. */
const char *sema_sql_id(Arena *arena, const char *const *parts, int n);
/* Spark's UNRESOLVED_COLUMN.WITH_SUGGESTION (or WITHOUT_SUGGESTION when n is 0) for the name
   parts[0..n_parts-1] at `at`: the candidates (in their order of creation, Spark's exprIds)
   ordered and cut as CheckAnalysis.failUnresolvedAttribute does. */
void sema_unresolved_column(SemaCtx *sc, SrcSpan at, const char *const *parts, int n_parts,
                            const SNameCand *cands, int n);
/* sema_unresolved_column of a one-part name among schema's columns, each of relation rel. */
void sema_unresolved_schema_column(SemaCtx *sc, SrcSpan at, const char *name, const char *rel,
                                   const SSchema *schema);
/* Dataset.dropDuplicates' _LEGACY_ERROR_TEMP_1201: "Cannot resolve column name "name" among
   (a, b)." */
void sema_drop_duplicates_unresolved(SemaCtx *sc, SrcSpan at, const char *name,
                                     const SSchema *schema);

/* Spark's UNRESOLVED_ROUTINE for a call of name (as written), which names no function. */
void sema_unresolved_routine(SemaCtx *sc, SrcSpan at, const char *name);
/* ==== Catalog (sema_catalog.c) ==== */

void sema_create_source(SemaCtx *sc, const AstStmt *st);
void sema_create_sink(SemaCtx *sc, const AstStmt *st);
/* The sink of a SELECT statement: show(numRows, truncate) on the console, its options
   those of the statement's WITH (the console sink's); named "show_<k>", k counting SELECT
   statements from 1 (not a name a query can write to: it is not in the catalog). */
SSink *sema_show_sink(SemaCtx *sc, const AstStmt *st);
/* Validates the WITH options of an INSERT and fills q->options/mode/trigger/name. */
void sema_query_options(SemaCtx *sc, SQuery *q, const AstStmt *st);

/* ==== Files sources: formats and schema inference (sema_infer.c) ==== */

/* Once a files source's options are checked: drops the CSV defaults of other formats,
   checks sep/quote/escape, gives a text source its `value STRING` schema (or checks its
   one STRING column), refuses inferSchema with a column list, requires a schema, and with
   inferSchema = true infers it from the files under `path`.  The one function of sema
   that reads the file system (see sema_infer.c for what it reads and its bounds). */
void sema_files_schema(SemaCtx *sc, SSource *src, const AstStmt *st);
/* The json and csv reader options of a files source (sema_readopts.c): checks their values
   as Spark does and decodes them into src->read. */
void sema_read_options(SemaCtx *sc, SSource *src);
/* For the CSV and schema functions (sema_func_csv.c).  sema_csv_chars: the sep, quote and
   escape of opts (canonical keys) checked as a files source's are, into chars[0..2] as the
   reader takes them (one byte, 0xFF when off); false after an error at an option.
   sema_infer_csv_record: SchemaOfCsv's type of the record s[0, n) (up to a line break):
   fields _c0, _c1, ... typed by CSVInferSchema.inferField from NullType with prefersDate,
   STRING when empty.  sema_infer_json_value: SchemaOfJson's type of the first JSON value
   of s[0, n) read with the options ro (JSONOptions' parser switches and inference options;
   JsonInferSchema.inferField, canonicalizeType; STRING when there is none), NULL when the
   text is malformed (*why NULL) or with the error *why (a struct past the inference's bound,
   a decimal of negative scale).  Types live in sc->arena. */
bool sema_csv_chars(SemaCtx *sc, const SOptions *opts, int chars[3]);
const Type *sema_infer_csv_record(SemaCtx *sc, const char *s, size_t n, const int chars[3]);
const Type *sema_infer_json_value(SemaCtx *sc, const char *s, size_t n, const SReadOpts *ro,
                                  const char **why);
/* JSONOptions' parser switches and inference options of opts (values "true" or "false")
   into r (sema_readopts.c). */
void sema_json_options(const SOptions *opts, SReadOpts *r);
/* The files sink's writer options (timestampNTZFormat: a pattern its writers cannot use is
   refused, as Spark fails the query at the first row). */
void sema_sink_write_options(SemaCtx *sc, const SSink *sink);
/* A boolean option as JSONOptions reads it (Scala's StringOps.toBoolean: true or false in
   any case, then "true" or "false" in o->value); false after Spark's message. */
bool sema_scala_bool(SemaCtx *sc, SOption *o);

/* ==== DECIMAL typing (sema_decimal.c) ==== */

/* DecimalType.bounded. */
const Type *sema_dec_bounded(int precision, int scale);
/* The decimal type an operand takes beside a decimal: itself, DECIMAL(10,0) for an INT,
   DECIMAL(20,0) for a BIGINT, an integral constant's own digits. */
const Type *sema_dec_operand(const SExpr *e);
/* The decimal both of two decimals fit (comparisons, CASE, coalesce). */
const Type *sema_dec_wider(const Type *a, const Type *b);
const Type *sema_dec_sum_type(const Type *t);
const Type *sema_dec_avg_type(const Type *t);
/* A decimal literal from its digits (with at most one '.'); NULL after an error. */
SExpr *sema_dec_literal(SemaCtx *sc, const char *text, SrcSpan span);
void sema_put_decimal_literal(StrBuf *sb, const char *text);

/* ==== Intervals and time literals (sema_interval.c) ==== */

/* Spark's interval syntax (cm_interval_parse); months kept apart, days folded into µs.
   0 ok, -1 malformed. */
int sema_interval_parts(const char *text, int64_t *months, int64_t *us);
/* Spark's timeStringAsMs style ("7d", "10s", "100ms") or an interval string, into µs
   (cm_duration_parse). */
int sema_parse_duration(const char *text, int64_t *out_us);
/* Compact duration for dumps: 1h30m, 10s, 250ms, 0. */
void sema_put_duration(StrBuf *sb, int64_t us);

/* Spark's interval types: DayTimeIntervalType's fields DAY, HOUR, MINUTE, SECOND and
   YearMonthIntervalType's YEAR, MONTH. */
enum { SEMA_IV_DAY, SEMA_IV_HOUR, SEMA_IV_MINUTE, SEMA_IV_SECOND };
enum { SEMA_IV_YEAR, SEMA_IV_MONTH };

/* An INTERVAL literal as Spark 3.5 reads it (AstBuilder.visitInterval and
   visitTypeConstructor): a year-month interval of months, or a day-time one of µs, with its
   start and end fields. */
typedef struct SIntervalLit {
    bool year_month;
    int64_t months; /* year_month */
    int64_t us;     /* day-time */
    int from, to;   /* SEMA_IV_* of its kind */
} SIntervalLit;

/* The value and type of an AST_INTERVAL; NULL, or Spark's message (in the arena) when the
   literal is invalid. */
const char *sema_interval_literal(Arena *arena, const AstExpr *e, SIntervalLit *out);
/* Spark's Literal.sql of a day-time interval (IntervalUtils.toDayTimeIntervalString, ANSI
   style): INTERVAL '2' DAY, INTERVAL '01:30' HOUR TO MINUTE, INTERVAL '01.5' SECOND. */
void sema_put_day_time(StrBuf *sb, int64_t us, int from, int to);
/* The same of a year-month interval (toYearMonthIntervalString): INTERVAL '1-2' YEAR TO MONTH. */
void sema_put_year_month(StrBuf *sb, int64_t months, int from, int to);
/* True if e is an INTERVAL literal of days only (DayTimeIntervalType(DAY, DAY): INTERVAL '2'
   DAY, INTERVAL 1 WEEK), which a DATE adds as DateAdd; *days its days. */
bool sema_days_interval(Arena *arena, const AstExpr *e, int64_t *days);
/* A duration written as a string or an INTERVAL literal (window sizes, session gaps,
   watermark delays): its months and its days and time in µs; false after reporting an
   invalid one at its span. */
bool sema_duration_literal(SemaCtx *sc, const AstExpr *a, int64_t *months, int64_t *us);
/* The text of such a duration for messages ('10 minutes', '2' of INTERVAL '2' DAY). */
const char *sema_duration_text(const AstExpr *a);

/* ==== Spark's generated names (sema_name.c) ==== */

void sema_put_double(StrBuf *sb, double d);

typedef struct SelBlock SelBlock;

/* Spark's pretty SQL of an expression as written: (a + 1), lower(action), count(1).
   blk (may be NULL) resolves column spellings and drops relation qualifiers. */
void sema_put_sql(StrBuf *sb, const SelBlock *blk, const AstExpr *e);
/* An operator as Spark prints it: + - * / % = != < <= > >= AND OR || div <=> & | ^ */
const char *sema_binary_symbol(AstBinaryOp op);
const char *sema_expr_sql(SemaCtx *sc, const SelBlock *blk, const AstExpr *e);
/* Does the call e pass Spark's IGNORE NULLS rule (takes: the function is First, Last or
   AnyValue)?  false after the error (sema_expr.c). */
bool sema_ignore_nulls_ok(SemaCtx *sc, const AstExpr *e, bool takes);
/* The name of the call e as Spark's prettyName of its function (e.g. "first_value", "SQRT"). */
const char *sema_call_pretty_name(SemaCtx *sc, const AstExpr *call);
/* The same with the lambda functions' parameters printed by name, as Spark prints a
   higher-order function whose lambda it did not resolve (UnresolvedNamedLambdaVariable.sql). */
const char *sema_expr_sql_unresolved(SemaCtx *sc, const SelBlock *blk, const AstExpr *e);
/* Spark's Expression.sql of e (the .sql CheckAnalysis prints where it does not call
   toSQLExpr): sema_expr_sql with each column qualified by its relation and every name part
   quoted if needed (AttributeReference.sql), literals as Literal.sql prints them ('a', 10L,
   1.5BD).  Casts Spark's type coercion would add are not shown. */
const char *sema_expr_plain_sql(SemaCtx *sc, const SelBlock *blk, const AstExpr *e);
/* The relation (qualifier) of the input column col of blk, or NULL (sema_expr.c). */
const char *sema_input_qual(const SelBlock *blk, int col);
/* catalyst.util.quoteIfNeeded of name (sema_unresolved.c). */
void sema_put_if_needed(StrBuf *sb, const char *name);
/* assert_true(cond)'s message, AssertTrue's "'<cond>' is not true!": cond as its column name
   (Spark prints the resolved condition's simpleString, with attribute ids such as x#12 and the
   analyzer's casts, which sluice does not have). */
const char *sema_assert_true_message(SemaCtx *sc, const SelBlock *blk, const AstExpr *cond);
/* The output name of a select item without alias: column, field, or generated. */
const char *sema_item_name(SemaCtx *sc, const SelBlock *blk, const AstExpr *e);
/* True if e contains an aggregate call (count/sum/min/max/avg) outside subqueries. */
bool sema_ast_has_agg(const AstExpr *e);
/* Aggregate kind of a function name: 1 and *kind set if it names one. */
bool sema_agg_lookup(const char *name, SAggKind *kind);
/* How an aggregate's argument is bound (sema_name.c's table). */
typedef enum SAggForm {
    AGGF_PLAIN,    /* as the aggregate's own */
    AGGF_BOOL,     /* a BOOLEAN (bool_and, bool_or: min, max) */
    AGGF_COUNT_IF, /* a BOOLEAN; the rows where it is true are counted */
    AGGF_MEDIAN,   /* percentile(x, 0.5) named median (Median: RuntimeReplaceableAggregate) */
    AGGF_CONT,     /* percentile_cont(p) WITHIN GROUP (ORDER BY x): Percentile(x, p, reverse) */
    AGGF_DISC,     /* percentile_disc(p) WITHIN GROUP (ORDER BY x): PercentileDisc */
    AGGF_REGR_X,   /* (y, x): x where neither is NULL (regr_count, regr_avgx, regr_sxx) */
    AGGF_REGR_Y,   /* (y, x): y where neither is NULL (regr_avgy, regr_syy) */
} SAggForm;
SAggForm sema_agg_form(const char *name);
/* The name an aggregate is called by in messages: the AGG_NAME row's of a form other than
   PLAIN (median, regr_count), else kind's (sema_agg_name). */
const char *sema_agg_call_name(SAggKind kind, const char *name);
/* How many arguments an aggregate called by that name takes (aggregates.def's columns, median's
   one). */
int sema_agg_min_args(SAggKind kind, const char *name);
int sema_agg_max_args(SAggKind kind, const char *name);
/* The aggregate kind of the call e: false for another function, and for percentile_cont and
   percentile_disc without WITHIN GROUP (Spark 3.5 has no function of those names). */
bool sema_agg_call_lookup(const AstExpr *e, SAggKind *kind);
/* Is e a call of an aggregate function (not one with OVER)? */
bool sema_ast_is_agg_call(const AstExpr *e);
/* The scalar function of functions.def with that name (case-insensitive), or -1. */
int sema_func_lookup(const char *name);

/* ==== Expression binding (sema_expr.c) ==== */

/* Where a column name is also looked up among the block's output columns. */
typedef enum OutLookup {
    OUT_NONE,  /* input columns only (WHERE, GROUP BY, the select list) */
    OUT_FIRST, /* output names first, then input (ORDER BY) */
    OUT_AFTER  /* input first, then output names (HAVING) */
} OutLookup;

/* Binds a join in FROM: reports unknown names, column errors of ON and USING, and the joins
   Spark refuses (or sluice cannot run yet); on success blk's input is the joined scope. */
bool sema_bind_join(SemaCtx *sc, const AstFrom *from, SelBlock *blk);
/* Does qualifier q name the relation of input column col of blk? */
bool sema_input_rel(const SelBlock *blk, int col, const char *q);
/* Is input column col of blk hidden: a USING join's key of a side (Spark's Project
   hiddenOutputTag, qualifiedAccessOnly), reached only as relation.name or relation.*? */
bool sema_input_hidden(const SelBlock *blk, int col);
/* The input columns star item e (`*` or `x.*`) expands to, into cols (input->n of them at
   most); how many.  As Spark's UnresolvedStar.expand: `*` the columns that are not hidden,
   `x.*` x's hidden columns, then its others. */
int sema_star_columns(const SelBlock *blk, const AstExpr *e, int *cols);

/* One SELECT block while it is being bound: the scope and the aggregates found. */
/* A call a Spark builder replaces by another function, which names it (ToCharacterBuilder:
   to_char of a DATE is date_format(x, fmt), of a BINARY base64(x)); recorded in its block
   when it is bound, read by the name printer (sema_put_sql). */
typedef struct SRenamedCall {
    const AstExpr *call;
    const char *name; /* the replacement's prettyName */
    int n_args;       /* how many of the call's arguments it takes */
} SRenamedCall;

struct SelBlock {
    SSelect *sel;
    const AstSelect *ast;
    const char *rel_name; /* FROM alias, or the source's name; NULL if none */
    const SSchema *input;
    const char *const *input_rels; /* a join's: each input column's relation; NULL: rel_name */
    const bool *input_hidden;      /* a join's: the hidden columns (sema_input_hidden); NULL:
                                      none */
    SAgg *aggs; /* grows while binding; copied to sel at the end */
    int n_agg, cap_agg;
    const SOutCol *out; /* the bound select list, once it exists */
    int n_out;
    bool input_failed; /* FROM did not resolve: column errors would only be noise */
    const AstExpr *gen_ast; /* the explode() item, once bound (for messages) */
    PtrVec renamed;         /* SRenamedCall *: the block's calls bound so far */
};

/* ==== Query-result clauses and TABLESAMPLE (sema_organize.c) ==== */

/* CLUSTER BY, DISTRIBUTE BY and SORT BY of the block: Spark's combination rule, the keys
   bound (DISTRIBUTE BY has no effect), SORT BY and CLUSTER BY of a batch query refused. */
void sema_bind_result_clauses(SemaCtx *sc, SelBlock *blk);
/* SORT BY or CLUSTER BY of a where Spark would sort each partition: not supported yet. */
void sema_refuse_local_sort(SemaCtx *sc, const AstSelect *a);
/* TABLESAMPLE of the FROM items (Spark's messages; a sample is not run), and DISTRIBUTE BY
   in a subquery. */
void sema_check_from_clauses(SemaCtx *sc, const AstFrom *f);

/* The lambda variables in scope, innermost first: they resolve before columns. */
typedef struct SemaLambdaScope {
    const char *name;
    SExpr *var; /* SX_LAMBDA_VAR */
    const struct SemaLambdaScope *up;
} SemaLambdaScope;

typedef struct Binder {
    SemaCtx *sc;
    SelBlock *blk;
    const char *clause; /* "WHERE", "DROP DUPLICATES", "GROUP BY", "HAVING", "ORDER BY",
                           "SELECT" */
    bool allow_agg;     /* aggregate calls bind to SX_AGG_REF */
    bool allow_window;  /* window() and session_window() bind to SX_WINDOW (matched against
                           the keys later) */
    bool in_agg;        /* binding the argument of an aggregate */
    OutLookup out_lookup;
    const SemaLambdaScope *lambdas; /* inside a lambda function's body, else NULL */
    const SemaLambdaScope *agg_lambdas; /* in an aggregate's argument: the lambdas around the
                                           aggregate, whose variables it cannot read */
    bool agg_input; /* binding an aggregate's argument or FILTER (grouping() reads the row's
                       grouping set there) */
    const AstExpr *op_call; /* the call an operator is bound for (mod(a, b)), whose SQL its
                               messages name; else NULL */
    const AstExpr *root;    /* the WHERE condition or GROUP BY key being bound, which an
                               aggregate's refusal names; else NULL */
} Binder;

/* Bind and type an expression. NULL after an error has been reported. */
SExpr *sema_bind_expr(Binder *b, const AstExpr *e);
/* Bind the condition of WHERE or HAVING (Spark's Filter): BOOLEAN or NULL, else Spark's
   DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN. */
SExpr *sema_bind_filter(Binder *b, const AstExpr *e);
/* Bind and require BOOLEAN: "<what> expects a boolean expression, but 'x' is of type t". */
SExpr *sema_bind_bool(Binder *b, const AstExpr *e, const char *what);
/* Implicit conversion of e to t (a cast node, or a folded constant). NULL if e is NULL. */
SExpr *sema_coerce(SemaCtx *sc, SExpr *e, const Type *t);
/* Is an implicit or explicit cast from -> to allowed (Spark's Cast.canCast subset)? */
bool sema_can_cast(const Type *from, const Type *to);
/* Spark's Cast.forceNullable: can the cast of a non-NULL value give NULL? */
bool sema_cast_force_nullable(const Type *from, const Type *to);
SExpr *sema_new_expr(SemaCtx *sc, SExprKind kind, const Type *t, SrcSpan span);
/* Is w, of the window struct type, a column made by window() or session_window() (Spark's
   marker, which window_time needs)?  Reports ResolveWindowTime's message at `at` if not. */
bool sema_check_window_column(Binder *b, const SExpr *w, SrcSpan at);
/* window_time(w) (w checked as above): w.end - 1 µs; NULL after reporting. */
SExpr *sema_window_time(Binder *b, SExpr *w, SrcSpan at);
/* window(ts, size[, slide[, start]]) as SX_WINDOW; reports Spark's window errors.  A window
   column as ts stands for window_time(ts) (TimeWindowing, Spark 3.4+). */
SExpr *sema_bind_window(Binder *b, const AstExpr *call);
/* session_window(ts, gap) as SX_WINDOW with u.window.session: a constant gap (a fixed one,
   or gap_cal with months) or a per-row STRING one (gap_cal, u.window.gap). */
SExpr *sema_bind_session_window(Binder *b, const AstExpr *call);
/* The value of the typed literal e (a cast with typed_literal set: DATE '...', TIMESTAMP '...',
   TIMESTAMP_NTZ '...'), as the cast folds it, 'epoch' as 0; false when the text has none that
   is known when compiling (a time without a date, 'now'...). */
bool sema_typed_literal_value(const AstExpr *e, int64_t *v);

/* Rewrite an expression over the input into the aggregated space: group keys become
   SX_GROUP_REF, aggregates stay SX_AGG_REF, anything else over a column is an error
   (Spark's MISSING_AGGREGATION or MISSING_GROUP_BY). group may contain NULLs. */
SExpr *sema_to_agg_space(SemaCtx *sc, SelBlock *blk, SExpr **group, int n_group, SExpr *e);

/* The operand conversions and the message of a wrong operand type, shared with the scalar
   functions: STRING (other scalars are cast) and TIMESTAMP (DATE and STRING are cast)
   operands, NULL if impossible; "<what>, but '<sql of val>' is of type <t>" at at. */
SExpr *sema_to_string(Binder *b, SExpr *e);
SExpr *sema_to_timestamp(Binder *b, SExpr *e);
/* An AnyTimestampType operand (Spark's ImplicitCastInputTypes): a TIMESTAMP_NTZ as it is,
   else sema_to_timestamp. */
SExpr *sema_to_any_timestamp(Binder *b, SExpr *e);
void sema_type_to_timestamp_ntz(Binder *b, SExpr **args, int n, int *bad, const char **want);
void sema_type_error(Binder *b, const AstExpr *at, const char *what, const AstExpr *val,
                     const Type *t);
/* A rule for the common type of two types (NULL if none), the result in arena. */
typedef const Type *(*SemaCommonFn)(Arena *arena, const Type *a, const Type *b);
/* Spark's TypeCoercion rules for the type two values of types a and b are both cast to, or
   NULL, nested types included (findTypeForComplex): findTightestCommonType (comparisons),
   findWiderTypeForTwo (CASE, coalesce, IN, UNION, array(), map()) and
   findWiderTypeWithoutStringPromotionForTwo (greatest, least). */
const Type *sema_tightest_type(Arena *arena, const Type *a, const Type *b);
const Type *sema_wider_type(Arena *arena, const Type *a, const Type *b);
const Type *sema_wider_type_no_string(Arena *arena, const Type *a, const Type *b);
/* TypeCoercion.hasStringType: a STRING or an ARRAY of one (at any depth). */
bool sema_has_string_type(const Type *t);
/* Two ANSI intervals of one kind widened (findTightestCommonType: the lower start, the higher
   end field), or NULL (sema_interval_ops.c). */
const Type *sema_interval_wider(const Type *a, const Type *b);
/* l op r where either is an ANSI interval or both are datetimes subtracted (Spark's
   BinaryArithmeticWithDatetimeResolver and the interval expressions): *done tells whether it
   applied; NULL after an error. */
SExpr *sema_interval_arith(Binder *b, AstBinaryOp op, SExpr *l, SExpr *r, const AstExpr *al,
                           const AstExpr *ar, SrcSpan span, bool *done);
/* -x of an ANSI interval (UnaryMinus). */
SExpr *sema_interval_neg(Binder *b, SExpr *x, SrcSpan span);
/* Does extract(part FROM x) of an interval of type t exist (ExtractIntervalPart: YEAR and
   MONTH of a year-month interval, DAY ... SECOND of a day-time one, within its fields)?  Its
   result type: ExtractANSIIntervalYears and ...Days INT, ...Months, ...Hours and ...Minutes
   TINYINT (ByteType), ...Seconds DECIMAL(8, 6); codegen's cg_interval_part computes them. */
bool sema_interval_has_part(const Type *t, int part);
const Type *sema_interval_part_type(int part);
/* make_dt_interval(days, hours, mins, secs) and make_ym_interval(years, months): the arguments
   cast as ImplicitCastInputTypes casts them (INT; secs DECIMAL(18, 6)); *bad, *want as the
   function typings' (sema_interval_ops.c). */
void sema_type_make_interval(Binder *b, SFunc fn, SExpr **args, int n, const Type **rt, int *bad,
                             const char **want);
/* Is t orderable (RowOrdering.isOrderable: atomic, NULL, an ANSI interval, or a STRUCT or
   ARRAY of such types; no MAP)? (sema_expr.c) */
bool sema_orderable(const Type *t);
/* Are a and b one orderable STRUCT or ARRAY type, compared (=, <, IN, greatest ...) by its
   interpretedOrdering? (sema_expr.c) */
bool sema_nested_comparable(const Type *a, const Type *b);
/* The expression a type check of Spark's checkInputDataTypes reports on: e as written (the
   message is at its start), Spark's SQL text of it (NULL: e's own, sema_expr_sql; else that of
   the expression Spark replaces it by, coalesce(a, b) for nvl(a, b)) and its prettyName. */
typedef struct {
    const AstExpr *e;
    const char *sql;
    const char *fn;
} SChecked;
/* Spark's DATATYPE_MISMATCH.DATA_DIFF_TYPES of who over types[0..n-1] (sema_func.c); false. */
bool sema_diff_types(Binder *b, SChecked who, const Type *const *types, int n);
/* Cast vals[0..n-1] to their wider common type (NULL only if all are NULL), Spark's
   findWiderCommonType; NULL after who's DATA_DIFF_TYPES (sema_diff_types). */
const Type *sema_unify(Binder *b, SChecked who, SExpr **vals, int n);
/* The fold of common over types[0..n-1] from NULL's type, those with sema_has_string_type
   first when strings_first (findWiderCommonType: the fold is not associative with them): -1
   and the type in *out, or the index of the type with none (*out the fold before it). */
int sema_wider_fold(Arena *arena, const Type *const *types, int n, SemaCommonFn common,
                    bool strings_first, const Type **out);
/* l op r for op in = != < <= > >= (operands cast to their comparison type); NULL after
   "cannot compare 'x' of type t with 'y' of type u" at span.  al/ar: the operands as written. */
SExpr *sema_compare(Binder *b, AstBinaryOp op, SExpr *l, SExpr *r, const AstExpr *al,
                    const AstExpr *ar, SrcSpan span);
/* l op r for op in + - * / % DIV, typed as the operator (sema_expr.c's make_arith); NULL after
   an error at the operand of the wrong type. */
SExpr *sema_arith(Binder *b, AstBinaryOp op, SExpr *l, SExpr *r, const AstExpr *al,
                  const AstExpr *ar, SrcSpan span);
/* Spark's refusals of a binary operator (sema_binop.c), at span, named "(l op r)" (or
   b->op_call's SQL): BINARY_OP_DIFF_TYPES of lt and rt, BINARY_OP_WRONG_TYPE of t against the
   operator's inputType, and sema_binop_refuse, the one of the two Spark reports for operands
   of types lt and rt (a STRING read as a DOUBLE, DIV's integers as BIGINT); NULL. */
SExpr *sema_binop_diff_types(Binder *b, AstBinaryOp op, const AstExpr *al, const AstExpr *ar,
                             const Type *lt, const Type *rt, SrcSpan span);
SExpr *sema_binop_wrong_type(Binder *b, AstBinaryOp op, const AstExpr *al, const AstExpr *ar,
                             const Type *t, SrcSpan span);
SExpr *sema_binop_refuse(Binder *b, AstBinaryOp op, const AstExpr *al, const AstExpr *ar,
                         const Type *lt, const Type *rt, SrcSpan span);
/* Spark's refusal of concat(...) or a || b (e) over the operands asts[0..n), bound as args:
   UNEXPECTED_INPUT_TYPE or DATA_DIFF_TYPES (sema_binop.c); NULL. */
SExpr *sema_concat_refuse(Binder *b, const AstExpr *e, const AstExpr *const *asts, SExpr **args,
                          int n);
/* UNEXPECTED_INPUT_TYPE of the unary operator e (-x, +x, ~x) whose operand arg has type t;
   NULL. */
SExpr *sema_unary_refuse(Binder *b, const AstExpr *e, const AstExpr *arg, const char *want,
                         const Type *t);
/* Spark's refusal of CAST(arg AS to) or TRY_CAST (try_cast) of a value of type from, at `at`
   (sema_cast_errors.c): CAST_WITH_FUNC_SUGGESTION naming funcs (toSQLId'd, joined by "/"),
   or CAST_WITHOUT_SUGGESTION when funcs is NULL; NULL. */
SExpr *sema_cast_refuse(Binder *b, SrcSpan at, const AstExpr *arg, const Type *from, const Type *to,
                        bool try_cast, const char *funcs);
/* CAST(x AS t), x bound from arg; NULL after "cannot cast 'x' of type u to t" at span. */
SExpr *sema_cast(Binder *b, SExpr *x, const AstExpr *arg, const Type *t, SrcSpan span);
/* x as a condition: BOOLEAN, or a NULL cast to BOOLEAN; NULL after "<what> expects a boolean
   expression, but 'x' is of type t" at ast. */
SExpr *sema_to_bool(Binder *b, SExpr *x, const AstExpr *ast, const char *what);
/* The searched CASE over whens[0..n-1] and vals[0..n-1] (vals[n] the ELSE if has_else), the
   values cast to their common type; NULL after who's DATA_DIFF_TYPES (sema_unify). */
SExpr *sema_new_case(Binder *b, SChecked who, SExpr **whens, SExpr **vals, int n, bool has_else,
                     SrcSpan span);
/* ==== Scalar functions (sema_func.c, sema_func_date.c, sema_func_math.c, sema_func_array.c) ==== */

/* (sema_unresolved.c) */
/* Spark's WRONG_NUM_ARGS.WITHOUT_SUGGESTION for the call e of fn: "The `fn` requires
   <expected> parameters but the actual number is <n>. ..." */
void sema_wrong_num_args(Binder *b, const AstExpr *e, const char *fn, const char *expected);
/* sema_wrong_num_args of the call of name: expected is list (functions.def's FN_ARITY), else
   every number from min to max ("[2, 3]", "2"), or "> min-1" when max is 64 (any number). */
void sema_arity_error(Binder *b, const AstExpr *call, const char *name, int min, int max,
                      const char *list);
/* A call of a function of functions.def: arity, arguments, typing.  NULL after an error
   (unknown function, DISTINCT, '*', arity, argument types). */
SExpr *sema_bind_func(Binder *b, const AstExpr *e);
/* try_cast(x AS t) (sema_func_try.c); NULL after an error. */
SExpr *sema_bind_try_cast(Binder *b, const AstExpr *e);
/* typeof, try_add, try_subtract, try_multiply, try_divide over their bound arguments
   (sema_func_try.c); NULL after an error. */
SExpr *sema_bind_try_fn(Binder *b, const AstExpr *e, SFunc fn, SExpr **args);
/* lower(x) of a STRING x (ILIKE's operands). */
SExpr *sema_lower(Binder *b, SExpr *x, SrcSpan span);

/* Argument conversions shared by the typing rules (sema_func.c): the converted operand, or
   NULL if its type is refused.  An INT or BIGINT operand (numbers and strings cast); a numeric one
   (a string is cast to DOUBLE); a DOUBLE one (DECIMAL and strings cast); a DATE one (TIMESTAMP,
   STRING and NULL cast).  sema_fn_convert_all converts args[0..n) with conv and sets *bad
   to the first refused one. */
SExpr *sema_fn_int_arg(Binder *b, SExpr *e);
SExpr *sema_fn_long_arg(Binder *b, SExpr *e);
SExpr *sema_fn_numeric_arg(Binder *b, SExpr *e);
SExpr *sema_fn_double_arg(Binder *b, SExpr *e);
SExpr *sema_fn_date_arg(Binder *b, SExpr *e);
void sema_fn_convert_all(Binder *b, SExpr **args, int n, SExpr *(*conv)(Binder *, SExpr *), int *bad);
/* A non-NULL STRING constant. */
bool sema_fn_is_string_const(const SExpr *e);
/* Expression.foldable: no column, aggregate, window, generator or lambda variable inside
   (sema_func_csv.c). */
bool sema_foldable(const SExpr *x);
/* A STRING operand that is not cast (ExpectsInputTypes: get_json_object, from_json), NULL
   cast to STRING; NULL for another type. */
SExpr *sema_fn_string_only_arg(Binder *b, SExpr *e);
/* The type a schema gives (ExprUtils.evalTypeExpr, DataType.fromDDL): a string literal of one
   type ('STRUCT<a: INT>', 'array<int>') or a column list ('a INT, b STRING') as a STRUCT; NULL
   after Spark's message at `at` when it is no literal, fn's when it does not parse. */
const Type *sema_fn_ddl_type(Binder *b, const AstExpr *at, const SExpr *schema, const char *fn);
/* A BINARY operand (Md5 ... Base64, Encode's result's input): a BINARY or a STRING's bytes. */
SExpr *sema_fn_bytes_arg(Binder *b, SExpr *e);

/* The typing rules of the SPECIAL functions by topic, called by sema_func.c's type_special:
   they convert args, set *rt, or set *bad and *want for the argument message; false after
   reporting an error themselves.  Dates (sema_func_date.c): FN_CASES_DATE and date_part,
   date_add/date_sub, to_timestamp/unix_timestamp, and from_utc_timestamp/to_utc_timestamp
   bound as a constant shift (NULL after an error). */
bool sema_type_date_fn(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n,
                       const Type **rt, int *bad, const char **want);
bool sema_type_date_add(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int *bad,
                        const char **want);
void sema_type_parse_time(Binder *b, SFunc fn, SExpr **args, int n, int *bad, const char **want);
/* A constant pattern Spark 3.5's formatter refuses is an error (its message:
   cm_dt_pattern_check). */
void sema_check_pattern(Binder *b, const SExpr *pattern, CmDtPatternUse use);
/* The options map of from_json (fn FN_FROM_JSON, result type rt) or to_json (the SExpr of
   its last argument, at its AST at): Spark's messages for a map that is not map() of
   constant strings, and for values JSONOptions refuses; the decoded options, or NULL after
   an error.  A from_json without options gets the default ones (NULL opts_arg). */
const SJsonFnOpts *sema_json_fn_options(Binder *b, SFunc fn, const Type *rt, const SExpr *opts_arg,
                                        const AstExpr *at);
SExpr *sema_bind_utc_shift(Binder *b, const AstExpr *e, SFunc fn, SExpr **args);
SExpr *sema_bind_convert_timezone(Binder *b, const AstExpr *e, SExpr **args, int n);
/* timestampadd(unit, n, ts) (add) or timestampdiff(unit, start, end), also named dateadd,
   date_add, datediff, date_diff with three arguments: the unit a word (CmTsUnit, an INT
   constant first argument of the call), Spark's INVALID_PARAMETER_VALUE.DATETIME_UNIT for a
   quoted one (sema_func_date.c). */
SExpr *sema_bind_timestamp_unit_fn(Binder *b, const AstExpr *e, bool add);
/* Math and the strings grouped with it (sema_func_math.c): FN_CASES_MATH; false after
   reporting an error. */
bool sema_type_math_fn(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n, const Type **rt,
                       int *bad, const char **want);
/* Is e a call of a generator (explode, explode_outer, posexplode, posexplode_outer, inline,
   inline_outer, stack, json_tuple; sema_select.c binds it as a whole select item)?  0 if
   not, else its kind. */
int sema_generator_kind(const AstExpr *e);
/* stack(n, ...) and json_tuple(json, k, ...) as inline's argument, an ARRAY of one STRUCT per
   row (sema_gen_rows.c); NULL after reporting an error. */
SExpr *sema_bind_stack(Binder *b, const AstExpr *e);
SExpr *sema_bind_json_tuple(Binder *b, const AstExpr *e);
/* Spark's "[DATATYPE_MISMATCH.<sub>] Cannot resolve "<e>" due to data type mismatch: <msg>",
   at the span at; false. */
bool sema_mismatch(Binder *b, const AstExpr *e, SrcSpan at, const char *sub, const char *msg);
/* The same of the expression whose Spark SQL text is sql. */
bool sema_mismatch_sql(Binder *b, SrcSpan at, const char *sql, const char *sub, const char *msg);
/* Spark's DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE of who at its argument arg: "Parameter <i>
   requires the <want> type, however "<arg>" has the type "<t>"." (want quoted as Spark's
   toSQLType); false. */
bool sema_unexpected_input(Binder *b, SChecked who, int i, const char *want, const AstExpr *arg,
                           const Type *t);
/* Required types as Spark's toSQLType prints an AbstractDataType (DataTypeErrorsBase): a
   DataType's sql quoted ("STRING"), an abstract type's simpleString upper-cased and quoted
   ("NUMERIC"), a TypeCollection its members joined by " or " in parentheses. */
#define SPARK_T_STRING_OR_BINARY "(\"STRING\" or \"BINARY\")"
#define SPARK_T_ANY_TIMESTAMP "\"(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)\""
#define SPARK_T_NUMERIC_AND_INTERVAL                                                               \
    "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\")"
/* TypeCollection.NumericAndAnsiInterval (percentile, median) and ApproximatePercentile's (and
   HistogramNumeric's) first input type. */
#define SPARK_T_NUMERIC_AND_ANSI_INTERVAL                                                          \
    "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\")"
#define SPARK_T_APPROX_PERCENTILE_INPUT                                                            \
    "(\"NUMERIC\" or \"DATE\" or \"TIMESTAMP\" or \"TIMESTAMP_NTZ\" or "                           \
    "\"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\")"
/* The expression Spark checks for the call e of fn: e itself, or the replacement of a
   RuntimeReplaceable function (make_timestamp_ltz's MakeTimestamp). */
SChecked sema_checked_call(Binder *b, const AstExpr *e, SFunc fn);
/* Is want such a text (a typing rule's *want: UNEXPECTED_INPUT_TYPE), not sluice's words? */
bool sema_is_spark_type_text(const char *want);
/* The message of Spark's DATATYPE_MISMATCH.NON_FOLDABLE_INPUT: "the input input should be a
   foldable "type" expression; however, got "sql"." (sql inside CAST(... AS type) when cast:
   Spark shows the implicit cast it added).  3.5 passes the input's name as it is: the
   backticks came with SPARK-45156, in 4.0. */
const char *sema_non_foldable_msg(Binder *b, const char *input, const char *type, const char *sql,
                                  bool cast);
/* Spark's toSQLValue of a STRING (Literal.sql): '...' with \ and ' escaped by a \. */
const char *sema_sql_string_value(Arena *arena, const char *v);
/* Spark 3.5's DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE at argument i (0-based) of the call e:
   "Parameter <i + 1> requires the <want> type, ..." (want as Spark's toSQLType prints it:
   "\"ARRAY\"", "(\"ARRAY\" or \"MAP\")"). */
void sema_unexpected_input_type(Binder *b, const AstExpr *e, int i, const char *want,
                                const Type *got);
/* Arrays (sema_func_array.c): FN_CASES_ARRAY; sema_concat_of_arrays tells concat's array
   form (an ARRAY among the arguments, the others ARRAY or NULL). */
/* Whether arrays of t sort and compare in the runtime (sort_array, array_sort, array_distinct):
   numbers, strings, booleans, dates and timestamps. */
bool sema_is_atomic_elem(const Type *t);
bool sema_type_array_fn(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n,
                        const Type **rt, int *bad, const char **want);
bool sema_concat_of_arrays(SExpr **args, int n);
/* Maps (sema_func_map.c): FN_CASES_MAP; sema_map_key_arg casts the key of element_at(m, k),
   m[k] and map_contains_key to m's key type (NULL when it cannot be).  The refusals of a type
   holding a MAP, each reported at span with Spark's message (true when refused): as an
   operand of an ordering operator `fn_name` (what: the expression's SQL), as a grouping
   expression, as a column of DISTINCT or DROP DUPLICATES. */
/* CSV and schema functions (sema_func_csv.c): from_csv and to_csv typed, their options
   folded into args[1] (sema.h's SCSV_*); schema_of_json and schema_of_csv bound as the STRING
   constant of the type they infer (NULL after an error). */
bool sema_type_csv_fn(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n, const Type **rt,
                      int *bad, const char **want);
SExpr *sema_bind_schema_of(Binder *b, const AstExpr *e, SFunc fn, SExpr **args);
bool sema_type_map_fn(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n,
                      const Type **rt, int *bad, const char **want);
SExpr *sema_map_key_arg(Binder *b, const Type *map, SExpr *k);
/* element_at(m, k) and map_contains_key(m, k) of a MAP m (args[0]) and a key k (args[1]): both
   cast to MAP<T, V> and T, T the common type of m's key type and k's (ElementAt:
   findTightestCommonType; MapContainsKey: findWiderTypeWithoutStringPromotionForTwo); false
   after Spark's MAP_FUNCTION_DIFF_TYPES when there is none. */
bool sema_map_key_common(Binder *b, const AstExpr *e, SExpr **args, SemaCommonFn common);
/* Spark's toSQLType of a type holding a map: MAP<STRING, INT>, STRUCT<m: MAP<STRING, INT>>. */
const char *sema_map_sql_type(Arena *arena, const Type *t);
/* Whether every MAP in t has STRING keys, as the JSON reader needs (sema_func.c). */
bool sema_json_map_keys(const Type *t);
bool sema_map_refuse_ordering(Binder *b, const Type *t, const char *what, const char *fn_name,
                              SrcSpan span);
bool sema_map_refuse_grouping(SemaCtx *sc, const Type *t, const char *expr_sql, SrcSpan span);
bool sema_map_refuse_set_op(SemaCtx *sc, const Type *t, const char *col, SrcSpan span);
/* Spark's toSQLType: DataType.sql (ARRAY<INT>, STRUCT<a: INT>), sema_map_sql_type. */
const char *sema_sql_type(Binder *b, const Type *t);
/* Higher-order functions (sema_func_lambda.c): FN_CASES_LAMBDA bound with their lambda
   functions; NULL after reporting an error. */
SExpr *sema_bind_lambda_fn(Binder *b, const AstExpr *e, SFunc fn);
/* The lambda variable `name` names in b's scope, or NULL; *out_of_reach when it is one of
   the variables around the aggregate whose argument is being bound. */
SExpr *sema_lambda_var(Binder *b, const char *name, SrcSpan span, bool *out_of_reach);

/* ==== SELECT blocks (sema_select.c) ==== */

/* Bind a SELECT block (recursively its FROM subquery). Never NULL; errors reported. */
SSelect *sema_bind_select(SemaCtx *sc, const AstSelect *ast);
/* FROM (b0 UNION ALL b1 ...) of sel (sema_union.c): binds the branches into sel->branches,
   checks and widens their columns; returns the first branch (sel->sub). */
SSelect *sema_bind_union(SemaCtx *sc, const AstFrom *from, SSelect *sel);

/* The type of an output column whose expression failed to bind: references to it
   stay silent so one mistake gives one message (never escapes sema_check). */
extern const Type sema_type_unknown;

/* ==== Streaming rules (sema_stream.c) ==== */

/* Does the query read only a static table (or nothing)?  Reports nothing. */
bool sema_stream_reads_table(SemaCtx *sc, const AstSelect *a);
/* Refusals detected while binding an expression (silent in a batch query). */
void sema_stream_refuse_distinct_agg(SemaCtx *sc, const AstExpr *call);
void sema_stream_refuse_over(SemaCtx *sc, const AstExpr *call);
/* Whole-query rules, run once the query's blocks are bound. bind_ok: no binding error
   in this query (rules that read bound trees are skipped otherwise). */
void sema_stream_check_query(SemaCtx *sc, SQuery *q, const AstStmt *st, bool bind_ok);
/* Refuse a query without checkpointLocation (Spark's message). */
void sema_stream_require_checkpoint(SemaCtx *sc, const SQuery *q);

/* ==== Partition-dependent functions (sema_partition.c) ==== */

/* Refuse rand, randn, monotonically_increasing_id and spark_partition_id where sluice cannot
   give Spark's partitions, or where Spark may skip them for a row; mark q->sequence_fns. */
void sema_partition_check(SemaCtx *sc, SQuery *q);

/* ==== Sink rules (sema_sink_kafka.c) ==== */

/* The Kafka sink's columns, as Spark's KafkaWriter.validateQuery (nothing for other sinks). */
void sema_kafka_sink_check(SemaCtx *sc, const SQuery *q);

/* ==== GROUP BY ROLLUP / CUBE / GROUPING SETS (sema_grouping.c) ==== */

/* A GROUP BY key as written (an expression, a select alias or position, window()), bound over
   the input; NULL after an error (sema_select.c). */
SExpr *sema_bind_group_key(SemaCtx *sc, SelBlock *blk, const AstExpr *g);
/* GROUP BY of a block with a ROLLUP, CUBE or GROUPING SETS item: fills sel->group and the
   grouping sets. */
void sema_bind_grouping_sets(SemaCtx *sc, SelBlock *blk);
/* grouping(c) or grouping_id(...) (an SX_CALL over the input) in the aggregated space of blk:
   an expression over its spark_grouping_id key; NULL after Spark's error. */
SExpr *sema_grouping_fn(SemaCtx *sc, const SelBlock *blk, const SExpr *e);
/* Refuses grouping() / grouping_id() where a binder cannot take them (WHERE, GROUP BY, a block
   without aggregation): false after the error.  In an aggregate's argument they are checked
   by sema_grouping_in_aggs. */
bool sema_grouping_fn_allowed(Binder *b, const AstExpr *e);
/* Hive's virtual column (VirtualColumn.hiveGroupingIdName): a name that resolves to no column
   is ColumnResolutionHelper's literal function GroupingID(Nil), named grouping__id. */
#define SEMA_HIVE_GROUPING_ID "grouping__id"
bool sema_is_hive_grouping_id(const SelBlock *blk, const AstName *nm);
/* grouping() and grouping_id() in the arguments of blk's aggregates (blk->sel->aggs), once the
   keys are bound: rewritten over the row's grouping id, or Spark's error. */
void sema_grouping_in_aggs(SemaCtx *sc, const SelBlock *blk);

#endif
