/* cg_int.h - private state of the code generator: context, value model, environments.
**
** Value model: an SQL value is a CgVal, decomposed at compile time.  Scalars
** carry an i1 null flag and one LLVM value (i1 BOOLEAN, i32 INT, i64 BIGINT/
** TIMESTAMP/DATE/INTERVAL, double DOUBLE, i128 DECIMAL: the unscaled value); a STRING adds an i32 length to its
** i8* bytes; a STRUCT is an array of field CgVals plus its own null flag, so
** `window.start` costs nothing; an ARRAY is an i8* to its element datums
** (const SrtDatum[len]) and an i32 count in len.  A NULL value always carries a safe default
** (0, 0.0, "" of length 0), which lets most operators compute without
** branches and select the result.
*/
#ifndef SL_CG_INT_H
#define SL_CG_INT_H

#include <llvm-c/Core.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>

#include "codegen/cg.h"

typedef struct CgVal CgVal;
struct CgVal {
    LLVMValueRef null; /* i1 */
    LLVMValueRef v;    /* scalar value or string bytes (i8*) */
    LLVMValueRef len;  /* i32: STRING bytes, ARRAY elements */
    CgVal *fields;     /* STRUCT only */
    int n_fields;
};

/* The value of a lambda variable (SX_LAMBDA_VAR u.ref) while its body is emitted. */
typedef struct CgLambdaBind {
    int ref;
    CgVal v;
    const struct CgLambdaBind *up;
} CgLambdaBind;

/* What the expressions of one SELECT block see. */
typedef struct CgEnv {
    const CgVal *cols;   /* the input columns (SX_COLUMN) */
    int n_cols;
    const CgVal *groups; /* aggregated space: SX_GROUP_REF */
    const CgVal *aggs;   /* aggregated space: SX_AGG_REF */
    const CgVal *window; /* the window being assigned (SX_WINDOW), or NULL */
    const CgVal *gen;    /* the element being generated (SX_EXPLODE), or NULL */
    const CgLambdaBind *lambdas; /* inside a lambda function's body: its variables */
} CgEnv;

typedef struct CgCtx {
    Arena *arena;
    Diag *diag;
    const CgOptions *opts;
    LLVMContextRef ctx;
    LLVMModuleRef mod;
    LLVMModuleRef rt; /* the runtime bitcode, loaded lazily; linked into mod at the end */
    const struct CgCtx *decls; /* opened CG_OPEN_NO_DECLS: the unit whose rt declares the
                                  runtime's functions (their types copied into ctx) */
    LLVMBuilderRef b;
    LLVMTargetMachineRef tm;
    LLVMTargetDataRef td;

    LLVMTypeRef t_void, t_i1, t_i8, t_i32, t_i64, t_f32, t_f64, t_ptr, t_datum;

    /* The function being generated. */
    LLVMValueRef fn;
    LLVMValueRef q;        /* its SrtQuery* argument */
    LLVMValueRef agg_table; /* while cg_agg_update runs: the group table it updates */
    bool session_state;     /* while cg_session_update runs: strings go to the session table */
    bool one_row;          /* it sees one row per call (an emit function feeding the next
                              level, cg_agg_row; a stream-stream join's unmatched row,
                              cg_ssjoin_outer_fn): no cache of recent groups */
    LLVMBasicBlockRef entry;
    LLVMBasicBlockRef setup; /* while cg_process_fn runs: its block run once a call after
                                entry (the tables fetched), else NULL */
    int failed;            /* an unsupported construct was reported */
    bool lines_raw;        /* the process function being built settles its lines' lone '\r's
                              itself (cg_json.c shape_record; srt_prog_query_lines_raw) */
    const PProgram *plan;  /* the program being generated */
    struct CgParser *parsers; /* the shared record parsers made so far (cg_parser.c) */
    int n_units;           /* the modules the program is split into (cg_compile.c) */
    struct CgSpares *spares; /* the cold and side units, or NULL (cg_compile.c) */
    int n_exported;        /* functions this unit defines for another one (cg_parser.c) */
    bool calls_only;       /* the runtime's helpers are called in libsrt.a, none linked in */
} CgCtx;

/* cg_module.c: the life of one unit's module.  open: context, target machine, the runtime
   bitcode's declarations (flags: CG_OPEN_CPU_CHECKED, a named --cpu was tried already;
   CG_OPEN_CALLS_ONLY, the cold unit's: calls_only, and machine code by LLVM's fast instruction
   selector and register allocator; CG_OPEN_NO_DECLS, none read: cg->decls, set before any
   function is generated, has them); prepare: link the
   helpers the module calls, verify, set linkages (uses the arena and diag: one thread);
   finish: optimise and write the object (and the IR when ir_path), on any thread, an error's
   text into err; close: free it all.  0 or -1 (open and prepare report through diag). */
enum { CG_OPEN_CPU_CHECKED = 1, CG_OPEN_CALLS_ONLY = 2, CG_OPEN_NO_DECLS = 4 };
int cg_unit_open(CgCtx *cg, Arena *arena, Diag *diag, const PProgram *plan, const CgOptions *opts,
                 unsigned flags);
int cg_unit_prepare(CgCtx *cg);
/* cg_compile.c: the unit the code a record rarely takes is generated into, so that it is
   compiled beside cg's on another core (opened on first use); NULL on one thread.  Its code is
   not optimised and calls the runtime's helpers in libsrt.a. */
CgCtx *cg_cold_unit(CgCtx *cg);
/* cg_compile.c: the unit for optimised functions a query's loop calls rarely, compiled beside
   cg's on another core when a thread is left over (opened on first use); else NULL. */
CgCtx *cg_side_unit(CgCtx *cg);
/* cg_pipeline.c: pq's records are JSON text (its parser may need a fallback). */
bool cg_reads_json(const PQuery *pq);
int cg_unit_finish(CgCtx *cg, const char *obj_path, const char *ir_path, CgTimes *times, char *err,
                   size_t cap);
void cg_unit_close(CgCtx *cg);
/* A monotonic clock in milliseconds, for CgTimes. */
double cg_now_ms(void);

/* cg_module.c */
/* Several queries of the program's own: shared helpers, small loops. */
bool cg_many_queries(const CgCtx *cg);
LLVMValueRef cg_runtime_fn(CgCtx *cg, const char *name, LLVMTypeRef *fn_type);
LLVMValueRef cg_call(CgCtx *cg, const char *name, LLVMValueRef *args, unsigned n, const char *vname);
/* Put the builder at the start of the entry block (code there runs once per generated
   function); returns the block to go back to with LLVMPositionBuilderAtEnd. */
LLVMBasicBlockRef cg_to_entry_start(CgCtx *cg);
LLVMValueRef cg_alloca(CgCtx *cg, LLVMTypeRef t, const char *name);
LLVMValueRef cg_str_const(CgCtx *cg, const char *s, uint32_t n, const char *name);
/* A private constant global with this initializer, as i8*. */
LLVMValueRef cg_const_global(CgCtx *cg, LLVMValueRef init, const char *name);
LLVMTypeRef cg_type_of(CgCtx *cg, const Type *t);
/* Internal error: a construct sema should have refused reached code generation. */
void cg_unsupported(CgCtx *cg, SrcSpan span, const char *what);
LLVMValueRef cg_begin_function(CgCtx *cg, const char *name, LLVMTypeRef fn_type);
/* Give fn the function attribute name ("noinline", "optnone"). */
void cg_fn_attribute(CgCtx *cg, LLVMValueRef fn, const char *name);
/* fn (an sl_ function) is called from another unit: external, hidden (the executable's own). */
void cg_export(LLVMValueRef fn);

/* cg_target.c: a named --cpu must be known to the target and able to emit code (0, or -1
   after a diagnostic).  cg_llvm_init: LLVM's fatal errors become an internal-error exit (70),
   and the host's target is registered; before any thread uses LLVM (registering is not
   thread-safe), again at will. */
int cg_check_cpu(Diag *diag, LLVMTargetRef target, const char *triple, const char *cpu);
void cg_llvm_init(void);

/* cg_datum.c: values to and from SrtDatum (srt_abi.h). */
LLVMValueRef cg_datum_field(CgCtx *cg, LLVMValueRef d, int field);
uint64_t cg_datum_size(CgCtx *cg);
/* The type's simpleString as a NUL-terminated constant (names nested types to the runtime). */
LLVMValueRef cg_type_text(CgCtx *cg, const Type *t);
CgVal cg_load_datum(CgCtx *cg, const Type *t, LLVMValueRef d);
void cg_store_datum(CgCtx *cg, const Type *t, CgVal v, LLVMValueRef d, bool to_batch);
/* arr[idx] (0-based; out of range or NULL array gives NULL). */
CgVal cg_array_elem(CgCtx *cg, const Type *elem, CgVal arr, LLVMValueRef idx);
/* A loop over the elements of an array (or the entries of a map) arr (cg_array.c):
   cg_loop_begin returns the index (i32) in the body, cg_loop_end closes it; the builder is
   then after the loop.  A NULL arr has no elements.  cg_flag_slot: an i1 kept across the
   iterations of a loop, false at first. */
typedef struct CgLoop {
    LLVMValueRef i_slot;
    LLVMBasicBlockRef bb_cond, bb_done;
} CgLoop;
LLVMValueRef cg_loop_begin(CgCtx *cg, CgLoop *l, CgVal arr);
void cg_loop_end(CgCtx *cg, CgLoop *l, LLVMValueRef i);
LLVMValueRef cg_flag_slot(CgCtx *cg, const char *name);
/* The array arr of elements of type from with each element cast (cg_cast) to type to (Spark's
   Cast.castArray): new datums in scratch memory; arr itself when the types are the same. */
CgVal cg_array_cast(CgCtx *cg, LLVMValueRef failed, CgVal arr, const Type *from, const Type *to,
                    SrcSpan span);
/* array(v[0], ..., v[n - 1]) of elements of type elem: new datums in scratch memory. */
CgVal cg_array_make(CgCtx *cg, const Type *elem, const CgVal *v, int n);

/* cg_inset.c: x IN (more than 10 integral or string constants) as one table lookup.  Returns
   the i1 "x equals one of the constants" (x's NULL flag not applied), marks the constants in
   done[] and sets *has_null if one was NULL; NULL (nothing marked) for other lists. */
LLVMValueRef cg_inset_lookup(CgCtx *cg, const SExpr *e, CgVal x, bool *done, bool *has_null);

/* cg_reader.c: decode the JSON value at p into a scalar column's slots (len_slot: strings
   only) and the reader's status (SRT_JV_*) into the i32 slot st; returns the position after
   it, or branches to bb_bad if malformed.
   The reader's options ro (NULL: Spark's defaults) say how a TIMESTAMP or DATE is read.
   word_tried: the caller has tested the bytes at p as a STRING's fast value (cg_json_fast)
   and they were not one, so a string is scanned without that test (srt_json_str_long). */
LLVMValueRef cg_json_decode(CgCtx *cg, const Type *t, const SReadOpts *ro, LLVMValueRef p,
                            LLVMValueRef end, LLVMValueRef null_slot, LLVMValueRef val_slot,
                            LLVMValueRef len_slot, LLVMValueRef st, LLVMBasicBlockRef bb_bad,
                            bool word_tried);
/* cg_json_fast.c: the usual value of a column of type t read with options ro (ten digits of
   epoch seconds, a short string without escapes) tested and decoded inline.  ok says whether
   the bytes at p are such a value (they are then what the type's srt_json_* reader reads, and
   not NULL), end the position after it, val the value and len a string's length.  The room
   is the bytes at p it reads (cg_json_fast_room: 0 when the type has no such path, or the
   target is big-endian). */
typedef struct CgFastVal {
    LLVMValueRef ok, end, val, len;
} CgFastVal;
int cg_json_fast_room(CgCtx *cg, const Type *t, const SReadOpts *ro);
CgFastVal cg_json_fast(CgCtx *cg, const Type *t, LLVMValueRef p);
/* The same as a function shared by all columns of the type read with options ro, generated
   once per module: (p, end, q, null slot, value slot, length slot or NULL, status slot) ->
   position, or NULL if malformed. */
LLVMValueRef cg_json_reader(CgCtx *cg, const Type *t, const SReadOpts *ro, LLVMTypeRef *fn_type);
/* srt_json_value (srt_json_value_fmt with a timestampFormat or dateFormat in ro) of a nested
   type t at p into the datum; the position after it, or NULL. */
LLVMValueRef cg_json_value_call(CgCtx *cg, const Type *t, const SReadOpts *ro, LLVMValueRef p,
                                LLVMValueRef end, LLVMValueRef datum, LLVMValueRef st);
/* The part of a shared reader's name that tells its reader options apart: "" for Spark's
   defaults, else a prefix of its own per set of options. */
const char *cg_read_opts_key(CgCtx *cg, const SReadOpts *ro);
/* cg_from_json.c: from_json(s, t[, options o]) of a STRUCT type t through a parser generated
   once per schema and options (Spark's JsonToStructs: PERMISSIVE, or FAILFAST failing the
   query); the struct lives in per-record scratch memory. */
CgVal cg_from_json(CgCtx *cg, const Type *t, const SJsonFnOpts *o, CgVal s);
/* The call of a parser of text s into a datum of type t: the function `name`, generated by
   gen(cg, t, arg, fn) the first time the module needs it, is
       void name(SrtQuery *q, const char *s, uint32_t n, SrtDatum *out)
   (from_json, from_csv); NULL when s is. */
typedef void (*CgTextParserGen)(CgCtx *cg, const Type *t, const void *arg, LLVMValueRef fn);
CgVal cg_text_parser_call(CgCtx *cg, const char *name, const Type *t, CgTextParserGen gen,
                          const void *arg, CgVal s);
/* cg_text.c: from_csv(s, t) of a STRUCT type t with its folded options (sema.h's SCSV_*)
   through a parser generated once per schema and options (Spark's CsvToStructs,
   PERMISSIVE); the struct lives in per-record scratch memory. */
CgVal cg_from_csv(CgCtx *cg, const Type *t, int64_t style, CgVal s);
/* A call of that reader (len_slot NULL but for strings): the position after the value, or NULL. */
LLVMValueRef cg_json_read_shared(CgCtx *cg, const Type *t, const SReadOpts *ro, LLVMValueRef p,
                                 LLVMValueRef end, LLVMValueRef null_slot, LLVMValueRef val_slot,
                                 LLVMValueRef len_slot, LLVMValueRef st);
/* cg_json.c: a key (*k, *kn) read raw by srt_json_string_raw, decoded when esc (an i32) says it
   has escapes, as Jackson's getCurrentName compares it; the builder continues after. */
void cg_json_key_text(CgCtx *cg, LLVMValueRef *k, LLVMValueRef *kn, LLVMValueRef esc);
/* Up to this many columns, a line parser reads each value inline (the fastest code); past it,
   through the shared per-type readers, so that the generated code grows linearly. */
#define CG_WIDE_RECORD 16
/* A shared reader: `<prefix><type>` (t NULL: `<prefix>skip`), with its SrtQuery* at parameter
   q_param.  If the module has it, sets *fn and returns false; else begins generating it (the
   builder in its entry block) and returns true, and cg_reader_end(r) resumes the function
   being generated where it was. */
typedef struct CgResume {
    LLVMValueRef fn, q;
    LLVMBasicBlockRef entry, at;
} CgResume;
bool cg_reader_begin(CgCtx *cg, const char *prefix, const Type *t, LLVMTypeRef fn_type, unsigned q_param,
                     LLVMValueRef *fn, CgResume *r);
void cg_reader_end(CgCtx *cg, const CgResume *r);

/* cg_expr.c */
CgVal cg_expr(CgCtx *cg, const CgEnv *env, const SExpr *e);
CgVal cg_null_of(CgCtx *cg, const Type *t);
/* c ? x : y for two values of type t, field by field for structs. */
CgVal cg_val_select(CgCtx *cg, const Type *t, LLVMValueRef c, CgVal x, CgVal y);
/* op (BOP_EQ..BOP_GE) on two non-NULL doubles with Spark's NaN and -0.0 semantics. */
LLVMValueRef cg_double_cmp(CgCtx *cg, AstBinaryOp op, LLVMValueRef a, LLVMValueRef b);
/* op (BOP_EQ..BOP_GE) on two non-NULL values of type t (Spark's orderings). */
LLVMValueRef cg_compare(CgCtx *cg, AstBinaryOp op, const Type *t, CgVal a, CgVal b, SrcSpan span);
/* A BOOLEAN that is true and not NULL: the WHERE/HAVING test. */
LLVMValueRef cg_is_true(CgCtx *cg, CgVal v);

/* a op b by llvm.<op>.with.overflow (op "sadd", "ssub" or "smul") on two integers of one
   width; *ovf: whether it overflowed (Java's Math.addExact and the others would throw). */
LLVMValueRef cg_int_overflow_op(CgCtx *cg, const char *op, LLVMValueRef a, LLVMValueRef b,
                                LLVMValueRef *ovf);
/* A TINYINT or SMALLINT value computed in an i32 narrowed as Java's (byte)/(short) (the low 8 or
   16 bits, sign-extended back to i32); v itself for any other type t. */
LLVMValueRef cg_narrow(CgCtx *cg, const Type *t, LLVMValueRef v);
/* Is the i32 v outside the range of the TINYINT or SMALLINT t (false for another t)? */
LLVMValueRef cg_narrow_ovf(CgCtx *cg, const Type *t, LLVMValueRef v);

/* cg_cast.c */
CgVal cg_cast(CgCtx *cg, CgVal v, const Type *from, const Type *to, SrcSpan span);
/* ANSI intervals (cg_interval.c): an SX_ARITH of an interval type or of two datetimes
   subtracted, UnaryMinus of one, and a cast to or from one. */
CgVal cg_interval_arith(CgCtx *cg, const SExpr *e, CgVal a, CgVal b);
CgVal cg_interval_neg(CgCtx *cg, const Type *t, CgVal a);
CgVal cg_interval_cast(CgCtx *cg, CgVal a, const Type *from, const Type *to);
/* try_cast between an ANSI interval and an integer or DECIMAL: NULL where CAST fails. */
CgVal cg_interval_try_cast(CgCtx *cg, CgVal a, const Type *from, const Type *to);
/* The fields of an interval type as the runtime takes them (srt_abi.h: start << 4 | end,
   with SRT_IV_YEAR_MONTH for a YearMonthIntervalType). */
int32_t cg_interval_fields(const Type *t);
/* IntervalMathUtils.addExact of two interval values of one kind (ym: YearMonthIntervalType's
   months, kept in an i64): a + b, *ovf (i1) where it leaves a Long (an Int for ym).
   cg_interval_add_fail fails the query where ovf holds, with addExact's error. */
LLVMValueRef cg_interval_add(CgCtx *cg, bool ym, LLVMValueRef a, LLVMValueRef b, LLVMValueRef *ovf);
void cg_interval_add_fail(CgCtx *cg, bool ym, LLVMValueRef ovf);
/* Guava's LongMath.divide(p, q, HALF_UP) of two i64 (q not 0, not Long.MinValue by -1): the
   quotient rounded half away from zero (DivideDTInterval, DivideYMInterval). */
LLVMValueRef cg_interval_div_half_up(CgCtx *cg, LLVMValueRef p, LLVMValueRef q);
/* abs, extract(part FROM ...) of an interval (part an SDatePart sema allowed),
   make_dt_interval and make_ym_interval (cg_interval.c). */
CgVal cg_interval_abs(CgCtx *cg, const Type *t, CgVal a);
CgVal cg_interval_part(CgCtx *cg, int part, CgVal a);
CgVal cg_make_interval(CgCtx *cg, const SExpr *e, CgVal *a);
/* try_cast (sema_func_try.c's FN_TRY_CAST call): CAST from -> to, NULL where Spark's ANSI
   CAST would throw. */
CgVal cg_try_cast(CgCtx *cg, CgVal v, const Type *from, const Type *to, SrcSpan span);

/* cg_func.c: a call of a function of functions.def (SX_CALL) on its arguments' values; and
   whether a runtime function is the body of a row whose class inlines it (cg_module.c keeps
   it in the module and forces it inline). */
CgVal cg_call_fn(CgCtx *cg, const SExpr *e, CgVal *args);
bool cg_func_inlined(const char *name);
/* Fail the query with msg where cond holds (the row goes on; its batch is not committed). */
void cg_fail_if(CgCtx *cg, LLVMValueRef cond, const char *msg);
/* cg_array.c: the array functions of functions.def (element_at ... slice). */
CgVal cg_array_fn(CgCtx *cg, const SExpr *e, CgVal *args);
/* A higher-order function (FN_CASES_LAMBDA): a loop over the array's elements, evaluating
   the lambda's body in env with its variables bound. */
CgVal cg_array_lambda_fn(CgCtx *cg, const CgEnv *env, const SExpr *e);
/* concat(a[0], ..., a[n - 1]) of arrays of one type (Concat): NULL when any is. */
CgVal cg_array_concat(CgCtx *cg, const CgVal *a, int n);
/* The map functions (FN_CASES_MAP), element_at of a map and size of a map (cg_map.c); a MAP
   value is an array's CgVal of its 2 * len datums, the keys then the values (srt_abi.h). */
CgVal cg_map_fn(CgCtx *cg, const SExpr *e, CgVal *args);
/* The higher-order functions over maps (FN_CASES_MAP_LAMBDA) of the map m, their first
   argument (cg_map.c). */
CgVal cg_map_lambda_fn(CgCtx *cg, const CgEnv *env, const SExpr *e, CgVal m);
/* CAST of the map m of type from to the MAP type to: each key and value cast (cg_map.c); with
   try_, try_cast's: NULL as a whole where a key or value cast would throw in ANSI mode. */
CgVal cg_map_cast(CgCtx *cg, LLVMValueRef failed, CgVal m, const Type *from, const Type *to,
                  SrcSpan span);
/* x cast from -> to, an element of try_cast's nested value (live: it is there, not inside a
   NULL struct): where Spark's ANSI cast would throw, the flag *failed is set, which makes the
   whole value NULL (cg_cast.c).  failed NULL: CAST's cast. */
CgVal cg_cast_flagged(CgCtx *cg, LLVMValueRef failed, LLVMValueRef live, CgVal x, const Type *from,
                      const Type *to, SrcSpan span);
/* A lambda's body evaluated in env with vars[i] bound to vals[i] (cg_array.c). */
CgVal cg_lambda_apply(CgCtx *cg, const CgEnv *env, const SExpr *body, SExpr *const *vars,
                      const CgVal *vals, int n);
/* The compiled pattern (an SrtRegex *) of a regular expression argument pat whose value is p
   (cg_func.c): fetched once per call of the generated function when pat is a constant, else
   per record. */
LLVMValueRef cg_regex_of(CgCtx *cg, const SExpr *pat, CgVal p);

/* cg_decimal.c: DECIMAL values (i128 unscaled; precision and scale from the type). */
LLVMTypeRef cg_dec_type(CgCtx *cg);
LLVMValueRef cg_dec_const(CgCtx *cg, __int128 v);
/* A call of the runtime helper name whose arguments or result may be srt_i128 (split into
   two i64 as the bitcode declares them). */
LLVMValueRef cg_dec_call(CgCtx *cg, const char *name, LLVMValueRef *args, unsigned n,
                         const char *vname);
LLVMValueRef cg_dec_load(CgCtx *cg, LLVMValueRef p, const char *name);
void cg_dec_store(CgCtx *cg, LLVMValueRef v, LLVMValueRef p);
/* a (at scale from_s) as DECIMAL(p, s), HALF_UP; NULL on overflow. */
CgVal cg_dec_rescale(CgCtx *cg, CgVal a, int from_s, int p, int s);
/* a op b (+ - * / %) of decimals of types ta and tb into the result type rt. */
CgVal cg_dec_arith(CgCtx *cg, AstBinaryOp op, const Type *rt, const Type *ta, CgVal a, const Type *tb, CgVal b);
/* a DIV b of two decimals (IntegralDivide), a BIGINT. */
CgVal cg_dec_idiv(CgCtx *cg, const Type *ta, CgVal a, const Type *tb, CgVal b);
/* a % b (fn "srt_dec_rem") or pmod(a, b) ("srt_dec_pmod") of two decimals, the result of type
   rt: NULL for a zero divisor, Java's "Division impossible" fails the query. */
CgVal cg_dec_pmod_rem(CgCtx *cg, const char *fn, const Type *rt, const Type *ta, CgVal a,
                      const Type *tb, CgVal b);
/* The value at scale from_s rounded to scale to_s by mode (SRT_DEC_HALF_UP, _FLOOR,
   _CEILING), at scale max(to_s, 0) with at most p digits; NULL if it needs more. */
CgVal cg_dec_round(CgCtx *cg, CgVal a, int from_s, int to_s, int mode, int p);
CgVal cg_dec_cast(CgCtx *cg, CgVal a, const Type *from, const Type *to, SrcSpan span);
/* Spark's XxHash64 (xx) or Murmur3 of a non-NULL DECIMAL(p, s) value with a seed
   (InterpretedHashFunction). */
LLVMValueRef cg_dec_hash(CgCtx *cg, bool xx, int p, LLVMValueRef v, LLVMValueRef seed);
/* cg_hash.c: Spark's XxHash64 (xx; i64 seed and result) or Murmur3 (i32) of a non-NULL value
   of type t with a seed (InterpretedHashFunction.hash). */
LLVMValueRef cg_spark_hash(CgCtx *cg, bool xx, const Type *t, CgVal x, LLVMValueRef seed);

/* cg_json.c: parse one JSON record at *p for the needed columns of a source. */
typedef struct CgRecord {
    LLVMValueRef *null_slots;  /* i8 allocas per column (NULL if not needed) */
    LLVMValueRef *val_slots;   /* value allocas */
    LLVMValueRef *len_slots;   /* i32 allocas for STRING */
    /* JSON: what a top-level array keeps between records (i1 in array, i1 second pass, i1 an
       element is bad, i8* first element, i8* its line); NULL: the parser's own allocas. */
    LLVMValueRef in_array, arr_pass2, arr_bad, arr_first, line_start;
    LLVMValueRef state; /* the struct of all these when a shared parser fills them (cg_parser.c) */
} CgRecord;
void cg_record_alloc(CgCtx *cg, const PQuery *pq, CgRecord *rec);
/* A scalar field's slots and their values before a JSON value is decoded into them
   (cg_slots_save), put back when the value has the wrong type (cg_slots_keep_on_bad). */
typedef struct CgSlots {
    LLVMValueRef null_slot, val_slot, len_slot, null, val, len;
} CgSlots;
CgSlots cg_slots_save(CgCtx *cg, LLVMTypeRef vt, LLVMValueRef null_slot, LLVMValueRef val_slot,
                      LLVMValueRef len_slot);
void cg_slots_keep_on_bad(CgCtx *cg, const CgSlots *s, LLVMValueRef status);
void cg_record_clear(CgCtx *cg, const PQuery *pq, const CgRecord *rec);
void cg_record_load(CgCtx *cg, const PQuery *pq, const CgRecord *rec, CgVal *cols);
/* cg_reload.c: give each use of the loads (a wide record's columns, cg_record_load's) a load
   of its own right before it, in fn's finished body. */
void cg_reload_at_uses(CgCtx *cg, LLVMValueRef fn, const LLVMValueRef *loads, int n);
/* Emits the parser at the builder's position.  On return the builder is in the
   block where a record has been read (well-formed or, PERMISSIVE, all NULL);
   p_slot holds the position after the record.  bb_eof is taken at end of input. */
void cg_json_record(CgCtx *cg, const PQuery *pq, const CgRecord *rec, LLVMValueRef p_slot,
                    LLVMValueRef end, LLVMBasicBlockRef bb_eof);
/* The body of cg_parser_keys's function: the fast path's key loop alone, into rec's columns
   (its in_array and the like NULL); the fallback's lines return 2. */
void cg_json_keys(CgCtx *cg, const PQuery *pq, const CgRecord *rec, LLVMValueRef p_slot,
                  LLVMValueRef end, LLVMBasicBlockRef bb_eof);

/* cg_json.c: what every line parser shares.  The corrupt-record column (a STRING column
   named by columnNameOfCorruptRecord) or -1; the end of a line without a trailing '\r';
   and a malformed record by the read mode: PERMISSIVE (after cg_record_clear when clear)
   stores the raw line in the corrupt column and goes to bb_kept, DROPMALFORMED goes to
   bb_dropped, FAILFAST fails the query at line and returns. */
int cg_corrupt_column(const PQuery *pq);
LLVMValueRef cg_line_trim_cr(CgCtx *cg, LLVMValueRef line, LLVMValueRef le);
/* The lineSep byte S the files source swaps with '\n' for this source's records
   (cm_lines_swap), or -1. */
int cg_line_swap(const PQuery *pq);
/* The end of the text of the record [line, le) split at '\n': le less a '\r' just before it
   (cm_lines_lf's line ends), or with a swapped lineSep (cg_line_swap) le, the text made the
   file's again in place (cg_line_unswap). */
LLVMValueRef cg_line_text_end(CgCtx *cg, const PQuery *pq, LLVMValueRef line, LLVMValueRef le);
/* Make each sep of the n bytes at s a '\n' again (srt_line_unswap; nothing for '\n'). */
void cg_line_unswap(CgCtx *cg, int sep, LLVMValueRef s, LLVMValueRef n);
void cg_record_malformed(CgCtx *cg, const PQuery *pq, const CgRecord *rec, LLVMValueRef line,
                         LLVMValueRef le, bool clear, LLVMBasicBlockRef bb_kept,
                         LLVMBasicBlockRef bb_dropped);
/* The source's read mode (option `mode`): "PERMISSIVE" (default), "DROPMALFORMED" or "FAILFAST". */
const char *cg_read_mode(const PQuery *pq);
/* A row whose timestamp ts is too close to an end of the range for the window arithmetic of
   `what` (its bounds would overflow an int64): FAILFAST fails the query naming the value and
   returns (from a void function, an update log's, goes to bb_skip); the other modes drop the row,
   as Spark drops a row whose time is NULL (the field of a malformed record), and go to bb_skip. */
void cg_time_overflow(CgCtx *cg, const PQuery *pq, LLVMValueRef ts, const char *what,
                      LLVMBasicBlockRef bb_skip);

/* cg_text.c: for srt_prog_query_csv_header, the columns of pq's csv source that each file's
   header is compared with: 'c' the corrupt-record column, '1' compared, '0' pruned. */
const char *cg_csv_header_cols(CgCtx *cg, const PQuery *pq);
/* cg_text.c: the same contract for the csv and text formats. */
void cg_csv_record(CgCtx *cg, const PQuery *pq, const CgRecord *rec, LLVMValueRef p_slot,
                   LLVMValueRef end, LLVMBasicBlockRef bb_eof);
void cg_text_record(CgCtx *cg, const PQuery *pq, const CgRecord *rec, LLVMValueRef p_slot,
                    LLVMValueRef end, LLVMBasicBlockRef bb_eof);

/* cg_pipeline.c: a row of env (the input of pq->agg, after its WHERE) updates the groups of
   pq->agg in table, then goes to bb_next (a level above another: no event time). */
void cg_agg_row(CgCtx *cg, const PQuery *pq, CgEnv *env, LLVMValueRef table, LLVMBasicBlockRef bb_next);
/* DROP DUPLICATES of block s (a block above an aggregation) over the row env of a group the
   aggregation emits: a late row (reported to the deduplication operator) or a seen key goes
   to bb_skip; pq holds the deduplication key layout. */
void cg_dedup_group_row(CgCtx *cg, const PQuery *pq, const SSelect *s, const CgEnv *env, LLVMBasicBlockRef bb_skip);

/* cg_agg.c */
/* The bytes after a key's fixed part that a key buffer on the stack has room for. */
#define CG_KEY_STACK_BYTES 256
/* Encode keys (one CgVal per slot of kl) as canonical key bytes in stack_buf (room for
   fixed_size + CG_KEY_STACK_BYTES bytes; longer string keys go to scratch memory).  Returns
   the bytes and sets *len_out (i32). */
LLVMValueRef cg_build_key(CgCtx *cg, const PKeyLayout *kl, const CgVal *keys, LLVMValueRef stack_buf,
                          LLVMValueRef *len_out);
/* Decode key bytes of layout kl at key into values, one CgVal per slot (a STRING's bytes
   left where they are, a nested value's made in scratch memory). */
void cg_decode_key(CgCtx *cg, const PKeyLayout *kl, LLVMValueRef key, CgVal *keys);
/* The i64 a fixed key slot holds for v of type t (canonical doubles), and null byte i of the
   key (i1: a key's NULL, or a field's of a struct key of scalars). */
LLVMValueRef cg_key_slot_bits(CgCtx *cg, const PKeyLayout *kl, const Type *t, LLVMValueRef v);
LLVMValueRef cg_key_null(CgCtx *cg, const PKeyLayout *kl, const CgVal *keys, uint32_t i);
/* The state of key[0, len) in the group table (srt_agg_upsert: found or added). */
LLVMValueRef cg_agg_upsert(CgCtx *cg, LLVMValueRef table, LLVMValueRef key, LLVMValueRef len,
                           const char *name);
/* cg_group.c: the state of the group of keys (one CgVal per slot of pq->key) in table, found
   or added, through a cache of recent groups or the last key. */
LLVMValueRef cg_group_state(CgCtx *cg, const PQuery *pq, LLVMValueRef table, const CgVal *keys);
/* Per buffer, before its records: what an aggregation does once per batch (cg_agg.c). */
void cg_agg_begin(CgCtx *cg, const PQuery *pq, LLVMValueRef table);
/* The values a row gives the aggregating block pq->agg: each aggregate's argument, then the
   values of each DISTINCT set (PDistinct.first_value); args of cg_agg_update. */
CgVal *cg_agg_args(CgCtx *cg, const CgEnv *env, const PQuery *pq);
void cg_agg_update(CgCtx *cg, const PQuery *pq, LLVMValueRef table, const CgVal *keys,
                   const CgVal *args);
/* The emit function of query qi (sl_emit_<qi>; with several aggregation levels, the one of
   each level above as sl_emit_<qi>_<op>, op its PStatefulOp id). */
LLVMValueRef cg_emit_fn(CgCtx *cg, const PQuery *pq, int qi);
/* The SRT_COLLECT_* kind of a collect_list / collect_set (srt_prog_query_agg_collect). */
uint32_t cg_agg_collect_kind(const SAgg *a);
/* Where max_by/min_by keep the ordering in their state (cg_agg.c). */
uint32_t cg_agg_by_ord_offset(void);
/* Session windows: update the session of the row [start, end) (i64 µs); and the
   function that merges two sessions' states, or a parallel task's group into the query's
   (sl_merge_<qi>, SrtMergeFn; a session window with replayed aggregates folds tasks with
   sl_task_merge_<qi>, which leaves them to the replay: cg_task_merge_name). */
void cg_session_update(CgCtx *cg, const PQuery *pq, const CgVal *keys, const CgVal *args, LLVMValueRef start,
                       LLVMValueRef end);
LLVMValueRef cg_merge_fn(CgCtx *cg, const PQuery *pq, int qi);
/* The name of the merge function srt_prog_query_parallel gets for pq (query qi). */
const char *cg_task_merge_name(CgCtx *cg, const PQuery *pq, int qi);
/* sl_distinct_fold_<qi>: a split batch's task's DISTINCT tuples into the query (cg_agg.c). */
LLVMValueRef cg_distinct_fold_fn(CgCtx *cg, const PQuery *pq, int qi);
/* The loop over the entries of a log[0, len) (a parallel task's, srt_vlog_*), opened where the
   builder is: the code after it runs once per entry, at byte `at` (entry: its pointer); it
   stores the next entry's offset at at_p and branches to head; the loop ends at done. */
typedef struct CgLogLoop {
    LLVMBasicBlockRef head;
    LLVMValueRef at_p, at, entry;
} CgLogLoop;
CgLogLoop cg_log_loop(CgCtx *cg, LLVMValueRef log, LLVMValueRef len, LLVMBasicBlockRef done);
/* sl_replay_<qi>: a split batch's task's values of replayed aggregates into the query's
   groups (cg_agg.c); NULL when pq has none. */
LLVMValueRef cg_replay_fn(CgCtx *cg, const PQuery *pq, int qi);
/* Does pq's process function log values for sl_replay_<qi> in parallel tasks (cg_agg.c)? */
bool cg_agg_replays(const PQuery *pq);

/* cg_parser.c: the JSON record parser shared by the queries that read the same columns of a
   source.  NULL (rec untouched) when pq is the only one; else rec's slots are bound to a state
   struct allocated in the current function, to be filled by cg_parser_call (which leaves the
   builder where a record has been read, as cg_json_record; bb_eof at end of input). */
LLVMValueRef cg_parser_shared(CgCtx *cg, const PQuery *pq, CgRecord *rec);
void cg_parser_call(CgCtx *cg, LLVMValueRef parser, const CgRecord *rec, LLVMValueRef p_slot,
                    LLVMValueRef end, LLVMBasicBlockRef bb_eof);
/* The whole record parser of pq's source as a function that LLVM does not optimise (optnone),
   for the records the fast path inlined into a query's loop leaves (cg_json.c): state is bound
   to a struct in the current function's frame, to pass to cg_parser_call. */
LLVMValueRef cg_parser_fallback(CgCtx *cg, const PQuery *pq, CgRecord *state);
/* The fast path's key loop of pq's record as a function of its own (optimised, not inlined), for
   the lines its expected shape does not take (cg_json.c): the signature of cg_parser_call's
   parsers and the fallback's state; returns 1 (a record read), 0 (end of input) or 2 (the line
   is the fallback's: *p at its start). */
LLVMValueRef cg_parser_keys(CgCtx *cg, const PQuery *pq);

/* cg_pipeline.c */
/* The time an event-time value is compared with the watermark by: a window column's end (Spark's
   WatermarkSupport.watermarkExpression: GetStructField(e, 1) for a struct), else the time. */
LLVMValueRef cg_event_time_us(const CgVal *t);

LLVMValueRef cg_process_fn(CgCtx *cg, const PQuery *pq, int qi, int branch);
/* The name of the process function of branch `branch` of query qi, and its declaration in cg
   (defined in another unit). */
const char *cg_process_name(CgCtx *cg, int qi, int branch);
LLVMValueRef cg_process_decl(CgCtx *cg, int qi, int branch);

/* Joins (cg_join.c): the key function of a build side (sl_join_key_<query>_<join>), the
   tables of pq's joins (once per process call), and the probe step of one join: env holds
   the probe side's columns and becomes the block's input; the code after it runs once per
   joined row and goes to the returned block when done (bb_cont once the row is done). */
LLVMValueRef cg_join_key_fn(CgCtx *cg, const PQuery *pq, const PJoin *pj);
void cg_join_setup(CgCtx *cg, const PQuery *pq, LLVMValueRef *tables, LLVMValueRef *null_rows);
LLVMBasicBlockRef cg_join_probe(CgCtx *cg, const PJoin *pj, LLVMValueRef table, LLVMValueRef null_row, CgEnv *env,
                                LLVMBasicBlockRef bb_cont);
/* The raw space of join j over env, the rows of its side `side` (0 left, 1 right): those
   columns from env, the other side's NULL.  What a filter over that side (PPred.join) reads. */
CgEnv cg_join_side_env(CgCtx *cg, const SJoin *j, int side, const CgEnv *env);
/* The step of a stream-stream join for a row of side `side` (0 left, 1 right) in env (its
   side's columns): kept in the join's state (handle state, srt_query_ssjoin) and joined with
   the other side's rows, as cg_join_probe.  When logs (i1; NULL: never) holds, a parallel
   task's row is logged instead (srt_ssjoin_log) and goes to bb_cont. */
LLVMBasicBlockRef cg_ssjoin_row(CgCtx *cg, const PQuery *pq, int side, LLVMValueRef state,
                                LLVMValueRef logs, CgEnv *env, LLVMBasicBlockRef bb_cont);
/* The same step for a row a task logged: args are SrtSsJoinRowFn's after side (flags, key,
   len, hash, datums, evict_at). */
LLVMBasicBlockRef cg_ssjoin_logged(CgCtx *cg, const PQuery *pq, int side, LLVMValueRef state,
                                   const LLVMValueRef *args, CgEnv *env, LLVMBasicBlockRef bb_cont);
/* void sl_ssjoin_row_<q>(SrtQuery *q, int32_t side, ...) (cg_pipeline.c, SrtSsJoinRowFn): a
   task's logged row joined, and the rest of the pipeline run, on the query's thread. */
LLVMValueRef cg_ssjoin_row_fn(CgCtx *cg, const PQuery *query, int qi);
/* The input of a stream-stream join's block for a kept row of side `side` (row: its datums)
   with the other side NULL: an outer join's unmatched row. */
CgEnv cg_ssjoin_outer_env(CgCtx *cg, const PQuery *pq, int side, LLVMValueRef row);
/* void sl_ssjoin_outer_<q>(SrtQuery *q, int32_t side, const SrtDatum *row) (cg_pipeline.c): the
   rest of the pipeline for an outer join's unmatched row (srt_prog_query_ssjoin_outer). */
LLVMValueRef cg_ssjoin_outer_fn(CgCtx *cg, const PQuery *query, int qi);
/* A full outer join's unmatched build row with the probe side NULL, as the block reading the
   join sees it (cg_join.c). */
CgEnv cg_join_unmatched_env(CgCtx *cg, const PJoin *pj, LLVMValueRef row);
/* void sl_join_unmatched_<q>_<id>(SrtQuery *q, const SrtDatum *row) (cg_pipeline.c): the rest
   of the pipeline for a full outer join's unmatched build row (srt_prog_query_join_unmatched). */
LLVMValueRef cg_join_unmatched_fn(CgCtx *cg, const PQuery *query, int qi, const PJoin *pj);
/* void sl_update_log_<q>(SrtQuery *q, const uint8_t *log, uint64_t len) (cg_pipeline.c,
   SrtUpdateLogFn): a split batch's task's logged updates of the aggregation, made on the query
   (plan_agg_logs_updates). */
LLVMValueRef cg_update_log_fn(CgCtx *cg, const PQuery *pq, int qi);
/* Evaluate the result columns of the top block in env and store them into row (SrtDatum*). */
void cg_store_row(CgCtx *cg, const PQuery *pq, const CgEnv *env, LLVMValueRef row);
/* The environment of the block above s: s's output columns evaluated in env. */
CgEnv cg_block_env(CgCtx *cg, const SSelect *s, const CgEnv *env);

/* cg_program.c: sl_register_<i>, which registers query i (process and emit: its functions;
   lines_raw[b]: branch b's process function settles its lines itself, CgCtx.lines_raw); its
   declaration in another unit's module; and sl_init and main, calling regs[i] for each
   query. */
LLVMValueRef cg_register_fn(CgCtx *cg, const PProgram *plan, int i, LLVMValueRef process,
                            LLVMValueRef emit, const bool *lines_raw);
LLVMValueRef cg_register_decl(CgCtx *cg, int i);
void cg_program(CgCtx *cg, const PProgram *plan, LLVMValueRef *regs);

#endif
