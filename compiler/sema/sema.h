/* sema.h - semantic analysis: names, types and the streaming rules, AST to bound trees.
**
** sema_check() resolves every name of a script case-insensitively, types every
** expression, validates connector and query options, and refuses what a
** stream cannot do with Spark's reason at the offending span.  It keeps going
** after an error (counting them in diag) so one run reports them all.  Its
** output, an SProgram, is what the planner reads: bound and typed trees that
** refer to columns by position, never by name.  Everything lives in the arena.
**
** Must not: generate code, touch the file system, or know about LLVM.  One documented
** exception: sema_infer.c reads the files of a `files` source with inferSchema = true
** (and no column list) to infer its schema at build time, relative to the current
** directory and within fixed bounds.
*/
#ifndef SL_SEMA_H
#define SL_SEMA_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/srcspan.h"
#include "base/strbuf.h"
#include "base/type.h"
#include "front/ast.h"

typedef struct SExpr SExpr;
typedef struct SSelect SSelect;

/* ==== Catalog objects ==== */

typedef struct SColumn {
    const char *name;   /* spelling of the declaration */
    const Type *type;
    SrcSpan span;
    bool never_null;    /* a fixed column the source never leaves NULL (CmFixedCol) */
} SColumn;

typedef struct SSchema {
    SColumn *cols;
    int n;
} SSchema;

typedef struct SOption {
    const char *key;    /* canonical spelling from the option table, e.g. "maxFilesPerTrigger" */
    const char *value;  /* the value as text: 'json' -> json, 20 -> 20, true -> true */
    SrcSpan span;       /* key = value */
    SrcSpan value_span;
    bool is_default;    /* not written: the default of the connector's table; both spans
                           are then the statement's name */
} SOption;

typedef struct SOptions {
    SOption *items;
    int n;
} SOptions;

/* Look an option up by canonical key; NULL if absent. */
const SOption *soptions_find(const SOptions *opts, const char *key);

typedef struct SWatermark {
    int column;         /* index into the source schema */
    int64_t delay_us;
    SrcSpan span;
} SWatermark;

/* A json or csv reader's options (Spark's JSONOptions, CSVOptions) as the record parsers
   specialise on them (sema_readopts.c fills it; codegen/cg_text.c, cg_json.c, cg_reader.c
   read it).  All zero: Spark's defaults. */
typedef struct SReadOpts {
    /* timestampFormat, dateFormat: a TIMESTAMP or DATE string is parsed with this pattern
       only (no fallback); NULL: Spark's default parsing.  *_never: a pattern Spark's
       formatter refuses with an IllegalArgumentException, so no value parses. */
    const char *ts_fmt, *date_fmt;
    bool ts_never, date_never;
    /* timestampNTZFormat: a TIMESTAMP_NTZ string is parsed with this pattern only
       (parseWithoutTimeZone(s, false)); NULL: Spark's default parsing.  ntz_never: no value
       parses (a pattern the formatter refuses, or one that reads a zone, which
       parseWithoutTimeZone(s, false) refuses). */
    const char *ntz_fmt;
    bool ntz_never;
    /* csv (CSVOptions, UnivocityParser): a value equal to null_value is NULL (an unquoted
       empty field always is); a quoted empty one ("") is empty_value; a DOUBLE or FLOAT field
       equal to nan_value, pos_inf or neg_inf is NaN or an infinity; trim_leading and
       trim_trailing drop whitespace around unquoted values (ignoreLeadingWhiteSpace,
       ignoreTrailingWhiteSpace: false when reading); a line starting with comment (NULL:
       none) is skipped.  csv_custom: any of these differs from Spark's default. */
    const char *null_value, *empty_value, *nan_value, *pos_inf, *neg_inf, *comment;
    bool trim_leading, trim_trailing, csv_custom;
    /* csv prefersDate = false: inferSchema types no column DATE (CSVOptions.prefersDate) */
    bool no_dates;
    /* csv header = true with enforceSchema = false: each file's header is compared with the
       schema (CSVHeaderChecker; cg_program.c registers it, srt_source_files.c checks) */
    bool check_header;
    /* json multiLine = true: each file is one record (MultiLineJsonDataSource) */
    bool whole;
    /* json: JSONOptions' parser switches (CM_JSON_* of common/cm_json_opts.h; 0: Spark's
       defaults): records are read in their normal form */
    unsigned json_flags;
    /* json inference (JsonInferSchema; inferSchema, schema_of_json): primitivesAsString
       (numbers and booleans inferred as STRING), prefersDecimal (floating numbers and
       decimal strings as DECIMAL), dropFieldIfAllNull (fields only ever null dropped) */
    bool primitives_as_string, prefers_decimal, drop_all_null;
} SReadOpts;

/* The options map of from_json (JsonToStructs) and to_json (StructsToJson), Spark's
   JSONOptions of that map (sema_readopts.c decodes it). */
typedef struct SJsonFnOpts {
    /* from_json: read as the files source's reader reads a record with these options;
       failfast: mode FAILFAST (a malformed text fails the query), else PERMISSIVE;
       corrupt: columnNameOfCorruptRecord, the STRING field of a STRUCT schema that receives
       a malformed text (and is not read from the JSON). */
    SReadOpts read;
    bool failfast;
    const char *corrupt;
    /* to_json: timestampFormat, dateFormat and timestampNTZFormat (NULL: Spark's default
       writing patterns), write_nulls: ignoreNullFields = false (a NULL struct field is written
       as null), pretty: Jackson's DefaultPrettyPrinter. */
    const char *ts_write, *date_write, *ntz_write;
    bool write_nulls, pretty;
} SJsonFnOpts;

typedef struct SSource {
    const char *name;
    SrcSpan span;           /* the name in CREATE SOURCE */
    int index;              /* position in SProgram.sources */
    bool is_static;         /* CREATE TABLE */
    const char *connector;  /* canonical: "files", "socket", "rate", ... */
    const char *format;     /* files: "json", "csv", "text"; NULL otherwise */
    SSchema schema;
    SWatermark *watermark;  /* NULL if none */
    SOptions options;       /* validated, canonical keys, includes connector */
    SReadOpts read;         /* files json/csv: the reader's options, decoded */
    const int *key_order;   /* files json, schema inferred: the columns (indices) in the order
                               of the keys of the last record inference merged, when those were
                               all the columns but the corrupt-record one, each once; else NULL.
                               The order the generated parser expects first (cg_json.c). */
} SSource;

typedef struct SSink {
    const char *name;
    SrcSpan span;
    int index;
    const char *connector;  /* canonical: "console", ... */
    SOptions options;
} SSink;

/* The corrupt-record column of a json or csv files source: the STRING column named by
   columnNameOfCorruptRecord (default _corrupt_record), or -1. */
int sema_corrupt_column(const SSource *src);
/* Spark's message when a query reads only that column of a raw json or csv source
   (QueryCompilationErrors.queryFromRawFilesIncludeCorruptRecordColumnError). */
extern const char sema_corrupt_only_msg[];

/* ==== Bound expressions ==== */

typedef enum SExprKind {
    SX_CONST,      /* u.value */
    SX_COLUMN,     /* u.column: index into the input schema of the SELECT */
    SX_FIELD,      /* u.field: struct field of u.field.arg */
    SX_INDEX,      /* u.index: array element (0-based as Spark's [] on arrays) */
    SX_NOT,        /* u.arg */
    SX_NEG,        /* u.arg */
    SX_ARITH,      /* u.bin, op in BOP_ADD..BOP_MOD; operands already cast to the result type,
                      except TIMESTAMP +/- INTERVAL: lhs TIMESTAMP, rhs INTERVAL (µs), result
                      TIMESTAMP (INTERVAL + TIMESTAMP is swapped to this form) */
    SX_CMP,        /* u.bin, op in BOP_EQ..BOP_GE; operands already cast to a common type */
    SX_AND,        /* u.bin, three-valued */
    SX_OR,         /* u.bin, three-valued */
    SX_CONCAT,     /* u.bin, string || string */
    SX_IS_NULL,    /* u.is_null */
    SX_LIKE,       /* u.like */
    SX_IN,         /* u.in: values already cast to the type of arg */
    SX_CASE,       /* u.kase: searched form (the simple form is rewritten to x = v tests);
                      whens are BOOLEAN, thens and else_ have the CASE's type, and else_ is
                      never NULL (a typed NULL constant when ELSE is absent) */
    SX_CAST,       /* u.arg cast to SExpr.type */
    SX_CALL,       /* u.call: a scalar function of functions.def */
    SX_GROUP_REF,  /* u.ref: the i-th GROUP BY key (in the aggregated space; in an aggregate's
                      argument, SSelect.aggs_read_gid, the row's spark_grouping_id) */
    SX_AGG_REF,    /* u.ref: the i-th aggregate (in the aggregated space) */
    SX_WINDOW,     /* u.window: window(ts, size, slide, start) or, with u.window.session,
                      session_window(ts, gap), as a GROUP BY key */
    SX_EXPLODE,    /* u.gen: explode[_outer](array or map), posexplode[_outer], a generator;
                      only as a whole SELECT item of a block without aggregation
                      (SSelect.gen): one row per element or entry */
    SX_LAMBDA_VAR  /* u.ref: a variable of a lambda function (Spark's NamedLambdaVariable),
                      numbered by its level (the variables of the enclosing lambdas, plus its
                      position), so an inner lambda's never equal an outer's; the higher-order
                      function SX_CALL that binds it lists it among its arguments
                      (FN_CASES_LAMBDA) */
} SExprKind;

typedef enum SFunc {
#define FN(id, name, min_args, max_args, sig, sym) FN_##id,
#include "sema/functions.def"
#undef FN
    FN__COUNT
} SFunc;

/* The signature classes of functions.def (its fifth column, FSIG_ dropped): how a function
   is typed and lowered.  functions.def says what each means. */
typedef enum SFnSig {
    FSIG_SPECIAL,
    FSIG_STR_STR,
    FSIG_STR_INT,
    FSIG_TS_INT,
    FSIG_DATE_INT,
    FSIG_DBL_DBL,
    FSIG_DBL_LOG,
    FSIG_REPLACED
} SFnSig;

/* `case FN_<id>:` for a row of a generic class, nothing for a SPECIAL row: a switch over
   SFunc that handles the special functions ends with
       #define FN(id, name, min_args, max_args, sig, sym) FN_CASE_IF_GENERIC_##sig(id)
       #include "sema/functions.def"
   so -Wswitch proves every special function has its case. */
#define FN_CASE_IF_GENERIC_SPECIAL(id)
#define FN_CASE_IF_GENERIC_STR_STR(id) case FN_##id:
#define FN_CASE_IF_GENERIC_STR_INT(id) case FN_##id:
#define FN_CASE_IF_GENERIC_TS_INT(id) case FN_##id:
#define FN_CASE_IF_GENERIC_DATE_INT(id) case FN_##id:
#define FN_CASE_IF_GENERIC_DBL_DBL(id) case FN_##id:
#define FN_CASE_IF_GENERIC_DBL_LOG(id) case FN_##id:
#define FN_CASE_IF_GENERIC_REPLACED(id) case FN_##id:
/* The other way round for sema_func.c's bind_replaced: `case FN_<id>:` for every row that is
   not REPLACED. */
#define FN_CASE_UNLESS_REPLACED_SPECIAL(id) case FN_##id:
#define FN_CASE_UNLESS_REPLACED_STR_STR(id) case FN_##id:
#define FN_CASE_UNLESS_REPLACED_STR_INT(id) case FN_##id:
#define FN_CASE_UNLESS_REPLACED_TS_INT(id) case FN_##id:
#define FN_CASE_UNLESS_REPLACED_DATE_INT(id) case FN_##id:
#define FN_CASE_UNLESS_REPLACED_DBL_DBL(id) case FN_##id:
#define FN_CASE_UNLESS_REPLACED_DBL_LOG(id) case FN_##id:
#define FN_CASE_UNLESS_REPLACED_REPLACED(id)

/* The special functions typed and lowered by one function each (sema_func.c's type_date_fn,
   type_math_fn, type_array_fn; cg_func.c's call_date_fn, call_math_fn, cg_array.c's
   cg_array_fn): their case labels, one list for both switches. */
#define FN_CASES_DATE                                                                              \
    case FN_LAST_DAY:                                                                              \
    case FN_ADD_MONTHS:                                                                            \
    case FN_MONTHS_BETWEEN:                                                                        \
    case FN_MAKE_DATE:                                                                             \
    case FN_TRUNC:                                                                                 \
    case FN_UNIX_DATE:                                                                             \
    case FN_DATE_FROM_UNIX_DATE:                                                                   \
    case FN_UNIX_SECONDS:                                                                          \
    case FN_UNIX_MILLIS:                                                                           \
    case FN_UNIX_MICROS:                                                                           \
    case FN_TIMESTAMP_SECONDS:                                                                     \
    case FN_TIMESTAMP_MILLIS:                                                                      \
    case FN_TIMESTAMP_MICROS:                                                                      \
    case FN_DATE_PART:                                                                             \
    case FN_DATEPART:                                                                              \
    case FN_EXTRACT:                                                                               \
    case FN_NEXT_DAY:                                                                              \
    case FN_MAKE_DT_INTERVAL:                                                                      \
    case FN_MAKE_YM_INTERVAL:                                                                      \
    case FN_MAKE_TIMESTAMP:                                                                        \
    case FN_MAKE_TIMESTAMP_LTZ:                                                                    \
    case FN_MAKE_TIMESTAMP_NTZ
#define FN_CASES_MATH                                                                              \
    case FN_LOG:                                                                                   \
    case FN_ISNAN:                                                                                 \
    case FN_NANVL:                                                                                 \
    case FN_FACTORIAL:                                                                             \
    case FN_SHIFTLEFT:                                                                             \
    case FN_SHIFTRIGHT:                                                                            \
    case FN_SHIFTRIGHTUNSIGNED:                                                                    \
    case FN_BIT_COUNT:                                                                             \
    case FN_BIN:                                                                                   \
    case FN_CONV:                                                                                  \
    case FN_WIDTH_BUCKET:                                                                          \
    case FN_LEVENSHTEIN:                                                                           \
    case FN_FORMAT_NUMBER:                                                                         \
    case FN_ENCODE:                                                                                \
    case FN_DECODE:                                                                                \
    case FN_FORMAT_STRING:                                                                         \
    case FN_PRINTF:                                                                                \
    case FN_OVERLAY:                                                                               \
    case FN_URL_ENCODE:                                                                            \
    case FN_URL_DECODE:                                                                            \
    case FN_PARSE_URL:                                                                             \
    case FN_MASK:                                                                                  \
    case FN_LUHN_CHECK:                                                                            \
    case FN_GETBIT:                                                                                \
    case FN_BIT_GET:                                                                               \
    case FN_TO_NUMBER:                                                                             \
    case FN_TRY_TO_NUMBER:                                                                         \
    case FN_TO_CHAR_NUMBER:                                                                        \
    case FN_TO_BINARY:                                                                             \
    case FN_TRY_TO_BINARY
/* Bound by sema_func_try.c's sema_bind_try_fn (typeof, and try_divide, are never lowered). */
#define FN_CASES_TRY                                                                               \
    case FN_TYPEOF:                                                                                \
    case FN_TRY_ADD:                                                                               \
    case FN_TRY_SUBTRACT:                                                                          \
    case FN_TRY_MULTIPLY:                                                                          \
    case FN_TRY_DIVIDE
/* The higher-order functions (sema_func_lambda.c, cg_array.c).  Their SX_CALL arguments:
   transform, filter, exists, forall: arr, body, x[, i] (x, i: SX_LAMBDA_VAR, i only when the
   lambda has two parameters); aggregate: arr, zero, merge, finish, acc, x, facc (merge binds
   acc and x, finish binds facc; finish is facc itself when not written).  reduce is bound as
   aggregate (FN_AGGREGATE).  zip_with: left, right, body, x, y.  array_sort: arr[, body, a, b]
   (arr alone: the default comparator). */
#define FN_CASES_LAMBDA                                                                            \
    case FN_TRANSFORM:                                                                             \
    case FN_FILTER:                                                                                \
    case FN_EXISTS:                                                                                \
    case FN_FORALL:                                                                                \
    case FN_AGGREGATE:                                                                             \
    case FN_REDUCE:                                                                                \
    case FN_ZIP_WITH:                                                                              \
    case FN_ARRAY_SORT:                                                                            \
    FN_CASES_MAP_LAMBDA
/* The higher-order functions over maps (sema_func_lambda.c, cg_map.c).  Their SX_CALL
   arguments: map_filter, transform_values, transform_keys: m, body, k, v; map_zip_with:
   m1, m2, body, k, v1, v2. */
#define FN_CASES_MAP_LAMBDA                                                                        \
    case FN_MAP_FILTER:                                                                            \
    case FN_TRANSFORM_VALUES:                                                                      \
    case FN_TRANSFORM_KEYS:                                                                        \
    case FN_MAP_ZIP_WITH
#define FN_CASES_MAP                                                                               \
    case FN_MAP:                                                                                   \
    case FN_MAP_FROM_ARRAYS:                                                                       \
    case FN_STR_TO_MAP:                                                                            \
    case FN_MAP_KEYS:                                                                              \
    case FN_MAP_VALUES:                                                                            \
    case FN_MAP_ENTRIES:                                                                           \
    case FN_MAP_CONTAINS_KEY:                                                                      \
    case FN_MAP_CONCAT:                                                                            \
    case FN_MAP_FROM_ENTRIES
#define FN_CASES_ARRAY                                                                             \
    case FN_ELEMENT_AT:                                                                            \
    case FN_ARRAY_CONTAINS:                                                                        \
    case FN_ARRAY_POSITION:                                                                        \
    case FN_ARRAY_SIZE:                                                                            \
    case FN_ARRAY_JOIN:                                                                            \
    case FN_ARRAY_MAX:                                                                             \
    case FN_ARRAY_MIN:                                                                             \
    case FN_SLICE:                                                                                 \
    case FN_SORT_ARRAY:                                                                            \
    case FN_ARRAY_DISTINCT:                                                                        \
    case FN_ARRAY_REPEAT:                                                                          \
    case FN_FLATTEN:                                                                               \
    case FN_ARRAY_REMOVE:                                                                          \
    case FN_ARRAY_APPEND:                                                                          \
    case FN_ARRAY_PREPEND:                                                                         \
    case FN_ARRAY_INSERT:                                                                          \
    case FN_ARRAY_COMPACT:                                                                         \
    case FN_ARRAYS_ZIP:                                                                            \
    case FN_ARRAYS_OVERLAP:                                                                        \
    case FN_SEQUENCE:                                                                              \
    case FN_ARRAY_UNION:                                                                           \
    case FN_ARRAY_INTERSECT:                                                                       \
    case FN_ARRAY_EXCEPT

/* from_csv's and to_csv's options as sema folds them into their args[1], a BIGINT constant
   (sema_func_csv.c): the sep, quote and escape bytes as the CSV reader takes them (0xFF:
   off), to_csv's ignoreLeadingWhiteSpace and ignoreTrailingWhiteSpace, from_csv's
   corrupt-record field (its index + 1, 0: none). */
enum {
    SCSV_SEP_SHIFT = 0,
    SCSV_QUOTE_SHIFT = 8,
    SCSV_ESC_SHIFT = 16,
    SCSV_TRIM_LEADING_BIT = 24,
    SCSV_TRIM_TRAILING_BIT = 25,
    SCSV_CORRUPT_SHIFT = 32
};

/* One row of functions.def. */
typedef struct SFuncInfo {
    const char *name;    /* the SQL name */
    int min_args, max_args;
    SFnSig sig;
    const char *symbol;  /* the runtime function (srt_abi.h), or NULL */
} SFuncInfo;

typedef struct SValue {
    bool is_null;
    int64_t i;          /* BOOLEAN, INT, BIGINT, TIMESTAMP (µs), DATE (days), INTERVAL (µs) */
    double d;           /* DOUBLE */
    __int128 dec;       /* DECIMAL: the unscaled value */
    const char *s;      /* STRING: bytes (NUL-terminated for convenience) */
    uint32_t n;         /* STRING: length in bytes */
} SValue;

struct SExpr {
    SExprKind kind;
    const Type *type;   /* never NULL after sema; TY_NULL only for a bare NULL */
    SrcSpan span;
    union {
        SValue value;
        int column;
        int ref;
        SExpr *arg;
        /* SX_EXPLODE: the array or map; outer: explode_outer (one row of NULLs for a NULL or
           empty one); its type is the element's, or for posexplode and a map the STRUCT of
           the generated columns (pos, col / key, value), each an output column SX_FIELD of it */
        struct {
            SExpr *arg;
            bool outer, in_line;
        } gen; /* in_line: the element is the row */
        struct { SExpr *arg; int index; } field;
        struct { SExpr *arg, *index; } index;
        struct { AstBinaryOp op; SExpr *lhs, *rhs; } bin;
        struct { SExpr *arg; bool negated; } is_null;
        struct { SExpr *arg, *pattern; bool negated; uint32_t escape; /* a code point */ } like;
        struct { SExpr *arg; SExpr **values; int n_values; bool negated; } in;
        struct { SExpr **whens; SExpr **thens; int n_whens; SExpr *else_; } kase;
        /* site: a partition-dependent function's (sema_is_partition_fn) number in the
           program, which keeps its own state per partition (each call its own generator or
           counter, as each Spark expression instance); 0 for other functions.  json:
           from_json's and to_json's options (NULL: none given) */
        struct {
            SFunc fn;
            SExpr **args;
            int n_args;
            int site;
            const SJsonFnOpts *json;
        } call;
        struct {
            SExpr *ts;          /* a TIMESTAMP expression over the input; NULL: the column
                                   `window` / `session_window` naming the GROUP BY window
                                   (Spark's TimeWindowing adds it to the input), which the
                                   aggregated space maps to that key */
            int64_t size_us;    /* window duration (0 for a session window) */
            int64_t slide_us;   /* == size_us for a tumbling window (0 for a session window) */
            int64_t start_us;   /* startTime offset, |start| < slide (0 for a session window) */
            /* session_window(ts, gap) (Spark 3.2+, semantics section 2.2): each row with a
               non-NULL ts starts the session [ts, ts + gap); per value of the other GROUP BY
               keys, sessions are merged while next.start <= current.end (merged end = max
               of ends).  Type and output name as Spark: struct<start,end> named
               `session_window`.  Sema guarantees: a constant gap_us (<= 0 for a gap <= 0,
               NULL or no interval: no row has a session, Spark's filter session.end >
               session.start drops them all) unless gap_cal, at least one other
               GROUP BY key, never in Update mode, and in Append mode ts is the watermarked
               event time (a session is final, emitted and evicted once end <= watermark).
               gap_cal: each row's end is Spark's TimeAdd of a CalendarInterval, ts plus
               gap_months, then gap_days, then gap_us (a constant gap with months, or whose
               days do not fold into µs), or of the per-row STRING gap cast to one when gap
               is set (a NULL or no interval: no session); a row whose end is not after ts
               has none. */
            bool session;
            bool gap_cal;
            int32_t gap_months, gap_days; /* gap_cal without gap */
            int64_t gap_us;               /* session only: the gap (gap_cal: its µs) */
            SExpr *gap;                   /* gap_cal: the per-row gap, a STRING, or NULL */
        } window;
    } u;
};

/* ==== Bound queries ==== */

/* The aggregates, one row each in aggregates.def (its columns are described there). */
typedef enum SAggKind {
#define AGG(id, name, spark, body, min_args, max_args, merge, moments, doubles, flags) AGG_##id,
#define AGG_NAME(sql, id, form)
#include "sema/aggregates.def"
#undef AGG
#undef AGG_NAME
} SAggKind;

/* The code that keeps an aggregate's state (aggregates.def's body column): plan_state.c's
   schema and size, cg_agg.c's update, merge and final value. */
typedef enum SAggBody {
    AGGB_COUNT,      /* count, count(*): an i64 */
    AGGB_SUM,        /* Sum, TrySum: the sum and its has-value word */
    AGGB_AVG,        /* Average: the sum and the count */
    AGGB_MINMAX,     /* Min, Max: the value and its has-value word */
    AGGB_BIT,        /* BitAggregate: as min/max */
    AGGB_HLL,        /* HyperLogLogPlusPlus' registers */
    AGGB_MOMENTS,    /* CentralMomentAgg, Corr, Covariance: two buffers of doubles */
    AGGB_FIRST_LAST, /* First, Last: the value and its flags */
    AGGB_COLLECT,    /* CollectList, CollectSet: a pointer to the values */
    AGGB_PERCENTILE, /* Percentile: its values as collect_list's */
    AGGB_MODE,       /* Mode: its values as collect_set's */
    AGGB_APPROX,     /* ApproximatePercentile: a pointer to its digest */
    AGGB_BY,         /* MaxBy, MinBy: the value, the ordering, the flags */
    AGGB_HISTOGRAM,  /* HistogramNumeric: a pointer to its bins (srt_histogram.c) */
} SAggBody;

/* Whether an aggregate's partial states fold exactly (aggregates.def's merge column). */
typedef enum SAggMerge {
    AGGM_EXACT,        /* always */
    AGGM_NEVER,        /* never */
    AGGM_BIGINT,       /* when its result is a BIGINT */
    AGGM_ORDER,        /* its values, folded in task order, in an aggregation (not a session) */
    AGGM_ORDER_NOT_FP, /* as ORDER, a set of elements that are no FLOAT or DOUBLE */
} SAggMerge;

/* aggregates.def's flags (described there). */
enum {
    AGGP_PARAM_ARGS = 1 << 0,
    AGGP_TWO_COLUMNS = 1 << 1,
    AGGP_STRING_AS_DOUBLE = 1 << 2,
    AGGP_NO_DISTINCT = 1 << 3,
    AGGP_COLLECTS = 1 << 4,
    AGGP_VALUE_SLOT = 1 << 5,
    AGGP_BATCH_MARK = 1 << 6,
    AGGP_TRY = 1 << 7,
};

/* One row of aggregates.def. */
typedef struct SAggInfo {
    const char *name;  /* in plans, dumps and messages */
    const char *spark; /* the Spark class it follows */
    SAggBody body;
    int min_args, max_args;
    SAggMerge merge;
    int moments; /* CentralMomentAgg's order, or 0 */
    int doubles; /* the doubles of one two-level buffer, or 0 */
    unsigned flags;
} SAggInfo;

typedef struct SAgg {
    SAggKind kind;
    SExpr *arg;         /* over the input of the SELECT; NULL for count(*) (and count(1));
                           sum/avg: already cast to the result type */
    const Type *type;   /* result: count BIGINT, sum BIGINT/DOUBLE, avg DOUBLE, min/max arg type,
                           approx_count_distinct BIGINT, stddev/variance DOUBLE,
                           first/last arg type, collect_list/collect_set ARRAY<arg type>,
                           max_by/min_by arg type, percentile DOUBLE, mode arg type,
                           percentile_approx arg type (an ARRAY of it for an array of
                           percentages) */
    int hll_p;          /* approx_count_distinct: the HLL++ precision p (4..SEMA_HLL_MAX_P) of
                           its relativeSD, p = ceil(2 log2(1.106 / rsd)) */
    bool ignore_nulls;  /* first/last: the second argument (isIgnoreNull) */
    SExpr *arg2;        /* the second argument, over the input: max_by/min_by's ordering (arg
                           is the value), corr/covar_pop/covar_samp's y (arg is x); first/last
                           without ignoreNulls: the BOOLEAN of its FILTER, the rows it sees */
    double pct;         /* percentile: the percentage, in [0, 1] (median: 0.5); arg is the value
                           cast to DOUBLE */
    bool pct_desc;      /* percentile_cont/_disc ... (ORDER BY x DESC): Percentile's reverse */
    bool pct_disc;      /* percentile_disc: PercentileDisc (no interpolation) */
    double *pcts;       /* percentile_approx: its n_pcts percentages, each in [0, 1], an ARRAY
                           when pct_array; arg is the value as written (INT, BIGINT, FLOAT,
                           DOUBLE, DATE, TIMESTAMP), the runtime takes it as a double */
    int n_pcts;
    bool pct_array;
    int64_t accuracy; /* percentile_approx: 10000 unless given (relativeError 1.0 / it) */
    int32_t nbins;    /* histogram_numeric: nb, >= 2; arg is the value as written (a number,
                         DATE, TIMESTAMP, ANSI interval), the runtime takes it as a double */
    /* DISTINCT (batch queries only; sema refuses it in a stream): the aggregate sees each
       distinct tuple of dargs once per group, as Spark's planAggregateWithOneDistinct and
       RewriteDistinctAggregates group by them (NaN and -0.0 normalised).  dargs are the
       arguments as written, before any cast to the result type; count(DISTINCT a, b, ...)
       counts the tuples with no NULL (arg is a, the first).  min, max, first, last,
       collect_set and approx_count_distinct never carry it (EliminateDistinct: the same
       result). */
    bool distinct;
    SExpr **dargs;
    int n_dargs;
    SrcSpan span;
} SAgg;

/* The largest HLL++ precision a query may ask for (2^24 registers, 13 MiB of state per group). */
#define SEMA_HLL_MAX_P 24

typedef struct SOutCol {
    const char *name;   /* alias, or Spark's generated name: action, count(1), window */
    SExpr *expr;        /* over the input (no aggregation) or the aggregated space */
    SrcSpan span;
    bool aliased;       /* written with AS: Spark's Alias, a new attribute (exprId) */
} SOutCol;

/*
** DROP DUPLICATES [WITHIN WATERMARK] [(cols)] of a block: Spark's dropDuplicates /
** dropDuplicatesWithinWatermark on the rows of the block's input, after WHERE and
** before GROUP BY, the aggregates, the select list and explode.  A row goes on iff no
** earlier row (of this or any previous batch, while its state lives) had the same key:
** the values of input[cols[0..n-1]] compared as Spark compares grouping keys (NULL
** equals NULL, strings bytewise, -0.0 equals 0.0; keys are atomic types only).  Rows
** dropped as duplicates are not seen by anything after the clause.
** With a watermark (watermark_col >= 0) rows whose event time is <= the late-event
** threshold are dropped first, whether or not the event time is a key (a NULL event
** time is not late).  State eviction once the batch is done:
**   plain, event_key >= 0:   keys whose event-time value is <= the watermark;
**   plain, event_key < 0:    never (the state grows with the number of distinct keys);
**   within_watermark:        each key keeps expires = first event time + delay_us and is
**                            evicted once watermark >= expires (Spark 3.5's
**                            StreamingDeduplicateWithinWatermarkExec).
** Sema guarantees: columns exist, are distinct and atomic; within_watermark implies
** watermark_col >= 0; at most one clause per query; never above an aggregation.
*/
typedef struct SDedup {
    int *cols;              /* keys: indexes into SSelect.input, in the order written (every
                               input column in order when no list was written) */
    int n;
    bool all_columns;       /* no column list: DROP DUPLICATES on every input column */
    bool within_watermark;  /* DROP DUPLICATES WITHIN WATERMARK */
    int watermark_col;      /* index into SSelect.input of the watermarked event time (a
                               TIMESTAMP column; followed through subqueries), or -1 */
    int64_t delay_us;       /* the watermark's delay (0 without one) */
    int event_key;          /* index into cols[] of watermark_col if it is a key, or -1 */
    SrcSpan span;           /* the clause */
    SrcSpan *key_spans;     /* where each key is written (the clause for every input column) */
} SDedup;

typedef struct SOrder {
    SExpr *expr;        /* over the same space as SOutCol.expr (aliases substituted) */
    bool desc;
    bool nulls_first;   /* Spark: NULLS FIRST for ASC, NULLS LAST for DESC by default */
    SrcSpan span;
} SOrder;

/*
** One SELECT block.  Evaluation order: read input -> WHERE -> DROP DUPLICATES -> (GROUP BY keys +
** aggregates -> HAVING) -> output columns -> ORDER BY.  Without aggregation the
** output columns are over the input; with it they are over the aggregated space,
** where SX_GROUP_REF(i) is group[i] and SX_AGG_REF(i) is aggs[i].
*/
/*
** A join in FROM (sema_join.c), executed as a hash join: the probe side is what the block
** reads row by row (SSelect.source or .sub: the stream of a stream-static join), the build
** side a batch query (a static table or subquery) whose rows are kept in a hash table keyed
** by the equi-join keys.  Expressions of a join are over its raw space: the left side's
** columns, then the right side's.  A probe row with a NULL key matches nothing.
*/
typedef enum SJoinKind {
    SJ_INNER, /* inner and cross joins: one row per match */
    SJ_OUTER, /* the probe side's outer join: a probe row without a match once, build side NULL */
    SJ_SEMI,  /* left semi: a probe row with a match once, probe columns only */
    SJ_ANTI   /* left anti: a probe row without a match once, probe columns only */
} SJoinKind;

typedef struct SQuery SQuery;

/* A bound of a stream-stream join side's state value watermark (Spark's
   StreamingJoinHelper.getStateValueWatermark): rows whose watermarked column is at or before
   trunc((watermark µs + c_us) / 1000) ms, minus 1 ms when inclusive, are evicted. */
typedef struct SJoinBound {
    int64_t c_us;
    bool inclusive;
} SJoinBound;

typedef struct SJoin {
    AstJoinType type;    /* as it runs: the analyzed type here; the plan's optimized copy
                            (plan_join_of, plan_joinopt.c: EliminateOuterJoin) may change it */
    AstJoinType written; /* as the query wrote it (Spark's analyzed plan) */
    SrcSpan span;        /* the join keywords */
    SJoinKind kind;
    bool probe_left;     /* the probe side is the left one */
    int n_left, n_right; /* columns of each side: raw column c < n_left is left column c */
    SSchema raw;         /* the raw space's columns */
    SQuery *build;       /* the build side as a batch query: its result columns are the
                            build side's columns in order */
    SExpr **probe_keys;  /* equi-join keys over the raw space: probe side columns only ... */
    SExpr **build_keys;  /* ... and build side columns only, pairwise of one type */
    int n_keys;
    SExpr *cond;         /* the rest of ON over the raw space (BOOLEAN), or NULL */
    int *input;          /* the block's input column i is raw column input[i] */
    int n_input;
    /* A full outer join of two tables (Spark's FullOuter in a batch query): the left side
       probes as a left outer join's, then every build row no probe row matched is output
       once with the left side NULL.  input_alt[i] >= 0: input column i is a USING key,
       coalesce(raw input[i], raw input_alt[i]) of the input's type (Spark's
       commonNaturalJoinProcessing); NULL when no column is. */
    bool full;
    int *input_alt;
    /* The user's subquery the probe side reads, below any joins on the probe side (for the
       streaming rules), or NULL when it reads a source. */
    const AstSelect *probe_ast;
    SSelect *probe_sub;
    /* Both sides stream (Spark's StreamingSymmetricHashJoinExec): no build query; each side
       is a branch of the query (sides[0] the left's block, sides[1] the right's) whose rows
       are joined with the other side's state and kept in their own (probe_left, probe_keys
       are the left side's).  wm_col: each side's first watermarked column (Spark's watermark
       attribute), -1 if none; key_wm: the join key carrying the watermark, -1 if none;
       bounds: each side's state value watermark, n_bounds[s] == 0 when none derives. */
    bool streams;
    bool outer[2];       /* streams: the side whose unmatched rows are output (LeftOuter: 0) */
    SExpr *side_cond[2]; /* streams: the conjuncts of cond over one side only (Spark's
                            JoinConditionSplitPredicates, tested before the join), else NULL;
                            cond keeps the rest */
    SSelect *sides[2];
    int wm_col[2];
    int key_wm;
    SJoinBound *bounds[2];
    int n_bounds[2];
} SJoin;

struct SSelect {
    SrcSpan span;
    SSource *source;    /* FROM a source ... */
    SSelect *sub;       /* ... or FROM a subquery (exactly one of the two is set) */
    SJoin *join;        /* FROM a join: source or sub is its probe side, joined as join says
                           into the input */
    SSelect **branches; /* FROM (b0 UNION ALL b1 ...): every branch, n_branches >= 2, and sub
                           is branches[0]: the union's columns are its (names and watermark
                           metadata, as Spark's Union.output), their outputs cast to the
                           widened types (WidenSetOperationTypes); n_branches == 0 otherwise */
    int n_branches;
    SSchema input;      /* columns the clauses see: the source's or the subquery's output */
    SExpr *where;       /* BOOLEAN over input; NULL if none */
    SDedup *dedup;      /* DROP DUPLICATES, applied after where; NULL if none */
    bool has_agg;       /* GROUP BY present or an aggregate function used */
    bool distinct_group; /* has_agg is SELECT DISTINCT's (or a plain UNION's): Spark's Distinct,
                            an Aggregate on every column only once the optimizer ran
                            (ReplaceDistinctWithAggregate) */
    SExpr **group;      /* keys over input */
    int n_group;
    int window_group;   /* index in group of the SX_WINDOW key (a time or session window:
                           at most one per block), or -1 */
    /* GROUP BY ROLLUP / CUBE / GROUPING SETS (Spark's ResolveGroupingAnalytics and Expand,
       sema_grouping.c), n_gsets > 0: group[0..n_gkeys) are the distinct grouping
       expressions, group[n_gkeys] the hidden BIGINT spark_grouping_id (an SX_CONST the
       pipeline replaces) and, when a set repeats, group[n_gkeys + 1] the hidden INT
       _gen_grouping_pos (the set's number).  Each row is aggregated once per set s, in
       order, with the keys not in it NULL: bit i of gset_nulls[s] is set for key i not in
       set s; gset_ids[s] is its grouping id (bit n_gkeys - 1 - i set for key i not in it,
       GroupingID / Expand.buildBitmask).  Aggregate arguments read the rows as they are;
       grouping() and grouping_id() in them read SX_GROUP_REF(n_gkeys), the id of the set the
       row is aggregated in (aggs_read_gid). */
    uint64_t *gset_nulls;
    int64_t *gset_ids;
    int n_gsets;
    int n_gkeys;
    bool aggs_read_gid;
    SAgg *aggs;
    int n_agg;
    SExpr *having;      /* BOOLEAN over the aggregated space; NULL if none */
    SOutCol *out;
    int n_out;
    SExpr *window;      /* without aggregation: the window() of the select list (every
                           SX_WINDOW of out is it): the block makes one row per window of
                           its time, none for a NULL time (Spark's TimeWindowing); or NULL */
    int gen;            /* index in out of the SX_EXPLODE item (the first of its columns,
                           each an SX_FIELD of it, when it makes several), or -1: the block
                           makes one row per element of the array or entry of the map (none
                           for NULL or empty ones but with explode_outer) */
    SOrder *order;
    int n_order;
    SSchema output;     /* names and types of out[] */
};

typedef enum OutputMode { MODE_APPEND, MODE_UPDATE, MODE_COMPLETE } OutputMode;
typedef enum TriggerKind { TRIGGER_DEFAULT, TRIGGER_INTERVAL, TRIGGER_ONCE, TRIGGER_AVAILABLE_NOW } TriggerKind;

struct SQuery {
    const char *name;       /* option name, else the sink's name (<sink>_<k> if k queries share it) */
    SrcSpan span;           /* the INSERT statement */
    int index;
    SSink *sink;
    OutputMode mode;        /* default append, as Spark */
    TriggerKind trigger;
    int64_t trigger_ms;     /* TRIGGER_INTERVAL */
    SOptions options;       /* validated query options (name, outputMode, trigger, ...) */
    SSelect *select;
    bool batch;             /* reads only static tables: runs once, before the streams start */
    bool show;              /* a SELECT statement: its sink is Dataset.show() on the console */
    bool build;             /* the build side of a join (SJoin.build): no sink, run by the
                               query that probes it */
    int64_t limit;          /* LIMIT of the query's rows (sema_stream.c); -1 without */
    bool limit_stateful;    /* limit is a streaming global limit (Append mode): the first
                               limit rows of the whole stream, a stateful operator */
    const SSelect *row_limit_block; /* a streaming global limit at the end of this block,
                               per record (below other operators: sema_stream.c), or NULL */
    int64_t row_limit;              /* its number of rows */
    bool sequence_fns;      /* calls rand, randn or monotonically_increasing_id, whose values
                               depend on the rows before in the partition (sema_partition.c;
                               plan_parallel.c keeps the query on one thread) */
};

typedef struct SProgram {
    SSource **sources;
    int n_sources;
    SSink **sinks;
    int n_sinks;
    SQuery **queries;
    int n_queries;
} SProgram;

/* Bind and check a script. Returns NULL if any error was reported (see diag). */
SProgram *sema_check(Arena *arena, Diag *diag, const AstScript *script);

/* ==== The walker over bound expressions (sema_walk.c) ==== */

/* The slot of e's i-th operand (0, 1, ... in Spark's evaluation order: a CASE's when, then,
   when, then, ..., else), NULL past the last: the one place that knows each kind's operands.
   A slot may hold NULL (a window's ts when it names the GROUP BY window). */
SExpr **sema_expr_operand(SExpr *e, int i);

/* A walk callback's answer: descend into the node's operands, skip them, or stop the walk. */
typedef enum SWalk { WALK_CONTINUE, WALK_PRUNE, WALK_ABORT } SWalk;
typedef SWalk (*SWalkFn)(const SExpr *e, void *ctx);
/* Visit e (NULL: nothing) and its operands depth-first, each node before its operands in
   sema_expr_operand's order, NULL operands skipped.  False when a visit answered WALK_ABORT. */
bool sema_walk_expr(const SExpr *e, SWalkFn visit, void *ctx);

typedef SExpr *(*SMapFn)(SExpr *operand, void *ctx);
/* A copy of node e in arena, its operand lists copied too, each non-NULL operand x replaced by
   map(x, ctx) in sema_expr_operand's order (e itself is left as it is). */
SExpr *sema_map_operands(Arena *arena, const SExpr *e, SMapFn map, void *ctx);

typedef void (*SConjFn)(SExpr *conjunct, void *ctx);
/* Spark's PredicateHelper.splitConjunctivePredicates: visit(c, ctx) for each conjunct c of e
   (NULL: none) left to right, an AND split into its operands' conjuncts when split (NULL:
   always) says so of it; the one place a filter is cut into its conjuncts.  They are e's own
   nodes, handed on as sema_map_operands hands on operands. */
void sema_conjuncts(const SExpr *e, bool (*split)(const SExpr *and_), SConjFn visit, void *ctx);

/* Mark used[c] for every input column c < n that e reads (SX_COLUMN). */
void sema_expr_columns(const SExpr *e, bool *used, int n);

/* Structural equality of bound expressions (spans ignored): how GROUP BY keys are
   matched in the select list, and how identical aggregates are shared. */
bool sema_expr_equal(const SExpr *a, const SExpr *b);
/* The most windows a row of time window w (SX_WINDOW, not a session) falls into:
   ceil(size / slide), Spark's TimeWindowing.overlappingWindowCount. */
int sema_window_count(const SExpr *w);

/* Stable text dump of a bound program (types on every expression), for tests and
   `sluice explain`.  Appends to sb. */
void sema_dump_program(StrBuf *sb, const SProgram *p);

/* rand, random, randn, monotonically_increasing_id, spark_partition_id: values that depend
   on the partition a row is read in (sema_partition.c). */
bool sema_is_partition_fn(SFunc fn);
/* Does e call one of them (outside lambda functions' bodies too)? */
bool sema_has_partition_fn(const SExpr *e);
/* Is e deterministic as Spark's Expression.deterministic says: no call of a Nondeterministic
   expression (the partition functions above, input_file_name, uuid, shuffle)? */
bool sema_is_deterministic(const SExpr *e);
/* Is e one of Spark's NullIntolerant expressions, NULL whenever an operand is
   (sema_nullint.c)? */
bool sema_null_intolerant(const SExpr *e);
/* StreamingJoinHelper.getStateValueWatermark over the conjuncts of e (over sj's raw space) for
   side (0 left, 1 right): the bounds on that side's state from the other side's watermark,
   stored from out[n] on (out NULL: counted only); returns n plus their number
   (sema_join.c). */
int sema_join_value_bounds(const SJoin *sj, const SExpr *e, int side, SJoinBound *out, int n);
/* The row of functions.def of fn. */
const SFuncInfo *sema_func_info(SFunc fn);
/* The arities Spark's WRONG_NUM_ARGS names for fn when they are not min..max (functions.def's
   FN_ARITY), else NULL. */
const char *sema_func_arity(SFunc fn);
/* Names for dumps and messages. */
const char *sema_func_name(SFunc fn);
/* The fields of date_part(field, source) (Spark's Extract.parseExtractField), and that of a
   field name (any case), -1 for an unknown one. */
typedef enum SDatePart {
    DP_YEAR,
    DP_YEAROFWEEK,
    DP_QUARTER,
    DP_MONTH,
    DP_WEEK,
    DP_DAY,
    DP_DAYOFWEEK,
    DP_DAYOFWEEK_ISO,
    DP_DOY,
    DP_HOUR,
    DP_MINUTE,
    DP_SECOND
} SDatePart;
int sema_date_part(const char *s, uint32_t n);
/* length, char_length, character_length, len: Spark's Length, which counts a BINARY's bytes. */
bool sema_func_is_length(SFunc fn);
/* to_timestamp and its Spark 3.4 forms try_to_timestamp and to_timestamp_ltz (ParseToTimestamp). */
bool sema_func_is_to_timestamp(SFunc fn);
/* The type a cast function (FunctionRegistry's castAlias: int(x) is Cast(x, IntegerType))
   casts to, or NULL for the other functions. */
const Type *sema_func_cast_type(SFunc fn);
const char *sema_agg_name(SAggKind kind);
/* The row of aggregates.def of an aggregate. */
const SAggInfo *sema_agg_info(SAggKind kind);
/* Does the aggregate have that aggregates.def flag (AGGP_)? */
bool sema_agg_has(SAggKind kind, unsigned flag);
const char *sema_mode_name(OutputMode mode);   /* "Append", "Update", "Complete" */
/* Is e, an expression over the input of s, the watermarked event-time column or a time or
   session window over it (followed through subqueries, as Spark propagates watermark
   metadata)? */
bool sema_is_event_time(const SSelect *s, const SExpr *e);
/* Is e (over the input of s) a column made by window() or session_window() (Spark's
   TimeWindow/SessionWindow marker, which window_time requires)? */
/* Marks in need (s's input columns) what block s reads of its input: its WHERE if with_where,
   DROP DUPLICATES keys, GROUP BY keys, aggregate arguments, and without aggregation its
   outputs (those out_need marks; NULL: all) and ORDER BY (sema_select.c). */
void sema_block_reads(const SSelect *s, const bool *out_need, bool with_where, bool *need);
/* The columns of join j's raw space (left columns, then right ones) that are read, given the
   block's input columns in[] read above the join: those, and the keys' and the condition's
   (sema_join.c). */
bool *sema_join_raw_reads(Arena *arena, const SJoin *j, const bool *in);
bool sema_is_window_column(const SSelect *s, const SExpr *e);
/* ... a session window column of a subquery (session_window() in a projection)? */
bool sema_is_session_column(const SSelect *s, const SExpr *e);
/* The GROUP BY keys among the result columns (top's out[]): key[i] receives the index in
   the aggregating block's group[] of the key out[i] is (passed up unchanged through the
   blocks above the aggregation), or -1.  Returns that block (NULL without an aggregation:
   every key[i] is -1). */
const SSelect *sema_result_keys(const SSelect *top, int *key);

/* Parse a Spark interval string ("1 hour", "10 minutes", "2 days 3 hours") into µs.
   Returns 0 on success, -1 on a malformed string, -2 if it has a month/year part. */
int sema_parse_interval(const char *text, int64_t *out_us);

/* a op b (+ - * / %) on two decimals: Spark's result type with allowPrecisionLoss
   (sema_decimal.c; code generation finalises avg with it). */
const Type *sema_dec_arith_type(AstBinaryOp op, const Type *a, const Type *b);

/* Spark's Decimal.toString of an unscaled value at a scale (plain digits, 1.0E-7 below 1E-6). */
void sema_put_decimal(StrBuf *sb, __int128 v, int scale);

#endif
