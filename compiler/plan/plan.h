/* plan.h - logical and physical plans of the queries of a script.
**
** The logical plan is the operator tree of one query as the user wrote it
** (Scan, Filter, Project, Aggregate, Sort, Sink), kept for `sluice explain`.
** The physical plan is what codegen consumes: each query becomes one fused
** per-record pipeline (the produce/consume model of compiled engines) that
** ends either in output rows or in a hash aggregate, plus, for an aggregate,
** a per-group emit pipeline that runs when a batch is written.  The plan
** also fixes the layout of group keys and aggregate state.
**
** Plans are read-only after plan_build(); they live in the arena and point
** into the bound trees of sema.  Must not: know about LLVM or the runtime ABI.
*/
#ifndef SL_PLAN_H
#define SL_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/strbuf.h"
#include "sema/sema.h"

/* ==== Logical plan ==== */

typedef enum LPlanKind {
    LP_SCAN, LP_JOIN, LP_FILTER, LP_PROJECT, LP_AGGREGATE, LP_SORT, LP_SINK, LP_UNION
} LPlanKind;

typedef struct LPlan LPlan;
struct LPlan {
    LPlanKind kind;
    SrcSpan span;
    LPlan *child;          /* NULL for LP_SCAN and LP_UNION; LP_JOIN: the left side ... */
    LPlan *right;          /* ... and the right one */
    LPlan **inputs;        /* LP_UNION: one plan per branch */
    int n_inputs;
    const SSelect *select; /* the block an operator comes from (for expression dumps) */
    const SQuery *query;   /* LP_SINK */
};

/* ==== Physical plan ==== */

/* Where a group key lives in the key bytes. */
typedef struct PKeySlot {
    const Type *type;
    uint32_t offset;       /* fixed part: i64/f64 value, u32 string length, or 2 x i64 window */
    uint32_t size;
    uint32_t field_nulls;  /* a STRUCT of scalars other than window()'s: the null byte of its
                              first field (its fields' follow), so {NULL} and {0} differ; else 0 */
    bool nested;           /* a STRUCT holding strings, structs or arrays, or an ARRAY: its
                              canonical bytes (srt_key_nested, srt_abi.h) at the end, as a
                              STRING's, with their u64 length in the slot */
} PKeySlot;

/*
** Key bytes: [one null byte per key][one per field of a non-window struct key of scalars]
** [fixed slots][the bytes of STRING, BINARY and nested keys, in key order].
** The fixed part is padded to 8 bytes so slots are aligned.
*/
typedef struct PKeyLayout {
    PKeySlot *slots;
    int n;
    uint32_t null_bytes;   /* n, and the fields of non-window struct keys of scalars */
    uint32_t fixed_size;   /* null bytes + fixed slots, multiple of 8 */
    bool has_strings;      /* a slot keeps bytes after the fixed part (plan_key_slot_var) */
    bool keep_neg_zero;    /* doubles keep -0.0 apart from 0.0 (NaN is Double.NaN either way):
                              a streaming DROP DUPLICATES, whose keys Spark does not normalise */
} PKeyLayout;

/* Where an aggregate keeps its state: 16 bytes each (value + count/flag), or
   plan_agg_state_size bytes for an aggregate with a larger state. */
typedef struct PAggSlot {
    const SAgg *agg;
    uint32_t offset;
} PAggSlot;

/*
** The DISTINCT aggregates of the aggregating block that see the same values share one
** PDistinct (Spark's distinct group): a row updates them only when its tuple (set number,
** group key, values) is not yet in the query's set of seen tuples (srt_query_distinct_table,
** cg_agg.c).  Batch queries only.
*/
typedef struct PDistinct {
    int id;               /* its number in the query's set of seen tuples (over all levels) */
    SExpr *const *args;   /* the values (SAgg.dargs of its aggregates) */
    int n_args;
    int first_value;      /* where its values start in cg_agg_args' array */
    PKeyLayout key;       /* INT set number, then the group keys, then the values */
} PDistinct;

typedef struct PColumn {
    const char *name;
    const Type *type;
    bool hidden;           /* a sort key that is not an output column */
    bool key;              /* a GROUP BY key, set when every key is a result column
                              (sema_result_keys): the key columns identify a row */
    const SExpr *expr;     /* over the space of the outermost block */
} PColumn;

typedef struct POrder {
    int column;            /* index into PQuery.columns */
    bool desc;
    bool nulls_first;
} POrder;

/*
** A stateful operator of a query: what the runtime keeps across batches (srt_abi.h,
** srt_prog_query_operator).  id is its number, which names its state in a checkpoint
** (state/<id>/); the numbers are fixed per operator (PStateOp) so a checkpoint written
** before restarts with the same query.  A new kind takes the next free number.
*/
typedef enum PStateOp {
    PSTATE_AGG = 0,
    PSTATE_DEDUP = 1,
    PSTATE_SSJOIN = 2,      /* a stream-stream join */
    PSTATE_LIMIT = 3,       /* a streaming global limit (LIMIT in Append mode) */
    PSTATE_AGG_UPPER = 16,  /* the aggregations over an aggregation (a chain's levels, or a batch
                              query's): 16, 17, ... (room below for new kinds) */
    PSTATE_DEDUP_MORE = 128 /* the second DROP DUPLICATES of a query and after (upstream
                               first): 128, 129, ...; the first is PSTATE_DEDUP */
} PStateOp;
typedef enum POpKind {
    POP_AGGREGATE,      /* GROUP BY: a group table (PQuery.agg) */
    POP_SESSION_WINDOW, /* GROUP BY with a session_window: sessions per key */
    POP_DEDUPLICATE,    /* DROP DUPLICATES: the keys seen */
    POP_SSJOIN,         /* a join of two streams: each side's rows (PQuery.ssjoin) */
    POP_GLOBAL_LIMIT    /* LIMIT in Append mode: the count of rows the stream let through */
} POpKind;
typedef struct PQuery PQuery;
typedef struct PStatefulOp {
    POpKind kind;
    int id;                /* a PStateOp */
    const PQuery *level;   /* an aggregation: the PQuery whose agg it is (its layouts) */
    const SSelect *block;  /* the SELECT block it belongs to */
    const PKeyLayout *key; /* the layout of its key bytes */
    uint32_t state_size;   /* bytes of state per key (the runtime's for DROP DUPLICATES: 0) */
} PStatefulOp;

/* A DROP DUPLICATES: the block that has it (before its GROUP BY, after its WHERE), its
   stateful operator's number (PSTATE_DEDUP, then PSTATE_DEDUP_MORE + k) and the layout of its
   key bytes (the dedup columns, in order). */
typedef struct PDedup {
    const SSelect *block;
    int op;
    PKeyLayout key;
} PDedup;

/*
** A join of the per-record pipeline (SJoin, sema.h), in the block that reads it: the probe
** row's keys are encoded in key's bytes and looked up in the hash table of the build side's
** rows, which the build query (a batch query of its own, run by the runtime when the query
** starts and again when its input changes) fills; its rows are keyed by the same bytes.
*/
typedef struct PJoin {
    const SJoin *join;     /* as it runs (plan_join_of) */
    const SSelect *block;  /* the block whose FROM it is */
    PQuery *build;         /* with only the build side's columns the join reads: */
    int *build_col;        /* per build side column, its column in build's rows, or -1 */
    PKeyLayout key;
    int id;                /* its number among the query's joins */
} PJoin;

/* The join of a block as Spark's optimizer leaves it (plan_joinopt.c): a copy of the
   block's SJoin with the join type and state bounds it runs with, and the conjuncts of the
   Filter right above it (the block's WHERE and those of the blocks above that reach it) over
   its raw space (plan_join_where). */
typedef struct PJoinView {
    const SSelect *block;
    const SJoin *join;
    const SExpr **where;
    int n_where;
} PJoinView;

/*
** Where a conjunct of a filter is tested (plan_pushdown.c, Spark's PushPredicateThroughNonJoin):
** a conjunct of a block's WHERE, or of the aggregation's HAVING that reads grouping keys only
** (tested over the aggregation's input with the keys it reads computed from it, and again
** after it), or an IsNotNull inferred from one that stays above the watermark (inferred).  A
** conjunct below the watermark is tested at the source, before the row's event
** time counts, over the input of its block as the projections of the blocks below compute it.
**
** A filter the optimizer puts over the branch's side of a join (join set; plan_pushdown.c:
** InferFiltersFromConstraints' IsNotNull, PushPredicateThroughJoin's conjuncts of ON or of
** a WHERE above the join) is over the join's raw space, reading that side's columns only;
** block is the join's block.  Below the watermark it is tested at the source over the side's
** rows as the blocks below compute them (at: the join's index in PPushdown.blocks); else
** just before the join (its late-row check, its probe).
*/
typedef enum PJoinFilter {
    PJF_NONE,
    PJF_NOT_NULL, /* IsNotNull of a column a join condition reads null-intolerantly */
    PJF_ON,       /* a conjunct of ON over the side alone */
    PJF_WHERE     /* a conjunct of the join block's WHERE over the side alone */
} PJoinFilter;

typedef struct PPred {
    const SExpr *expr;
    const SSelect *block; /* whose WHERE, or HAVING (having), it is a conjunct of */
    int at;               /* block's index in PPushdown.blocks, -1 if not there */
    bool having;
    bool *keys; /* having: per grouping key of block, does expr read it */
    bool below_watermark;
    PJoinFilter join; /* a filter over the branch's side of block's join, or PJF_NONE */
    int side;         /* join: that side (0 left, 1 right) */
    bool inferred;    /* IsNotNull of a source column a conjunct staying above the
                         watermark reads null-intolerantly (InferFiltersFromConstraints,
                         case Filter): block is the chain's first, at 0 */
} PPred;

/* A branch's filters: blocks[0] reads the source and each next one the rows of the one
   before, a Project Spark moves a Filter through (none when the branch has no watermark:
   each block tests its WHERE in place).  A block that joins ends the chain: its input there
   is the branch's side of the join (the source's row, or the rows of the block before).
   preds: the conjuncts of their WHEREs, then of the aggregation's HAVING, in order, then the
   filters over the branch's side of each join it reaches (below the watermark only the first
   join's: the chain ends there).  reads[j] (j >= 1): per output of blocks[j - 1],
   does a conjunct below the watermark read it. */
typedef struct PPushdown {
    const SSelect **blocks;
    int n_blocks;
    PPred *preds;
    int n_preds;
    bool **reads;
} PPushdown;

/*
** One input of a query: a source and the blocks evaluated per record from it up to the
** aggregation (or the top), innermost first.  A UNION ALL has one branch per branch of the
** union (each with its own generated process function); they share the blocks from the
** union on, the aggregation and what comes after it.  PQuery's own source, needed, pre and
** watermark fields are branch 0's; plan_branch gives the query as branch b sees it.
*/
typedef struct PBranch {
    const SSource *source;
    int side;              /* a stream-stream join's branch: its side (0 left, 1 right); else -1 */
    bool *needed;          /* per source column: read by the branch's pipeline */
    int n_needed;
    const SSelect **pre;
    int n_pre;
    int watermark_col;     /* the source's watermarked column, or -1 */
    int64_t watermark_delay_us;
    PPushdown pushdown;
} PBranch;

struct PQuery {
    const SQuery *query;
    const char *name;      /* the query's, or for a build side "<query>:join<id>" */
    int index;             /* in PProgram.queries (a build side comes before its query) */
    const SSource *source;
    bool *needed;          /* per source column: read by the pipeline */
    int n_needed;

    /* The chain of SELECT blocks from the innermost (reading the source) out. */
    const SSelect **pre;   /* non-aggregating blocks evaluated per record */
    int n_pre;
    const SSelect *agg;    /* the aggregating block, or NULL */
    const SSelect **post;  /* non-aggregating blocks over the aggregate's rows */
    int n_post;
    const SSelect *top;    /* the outermost block: its outputs are the result */

    PKeyLayout key;        /* agg only */
    PAggSlot *agg_slots;   /* agg only, one per agg->aggs[i] */
    uint32_t state_size;   /* agg only, multiple of 16 */
    int window_n;          /* agg with window key: max windows a row falls into */
    PDistinct *distinct;   /* agg only: the sets of DISTINCT aggregates, n_distinct */
    int n_distinct;
    int *agg_distinct;     /* agg only, per agg->aggs[i]: its index in distinct, or -1 */
    bool session;          /* the window key is a session_window: groups live in the
                              runtime's session table (srt_session_upsert), merged with
                              the generated merge function */

    /* Event time (the source's WATERMARK).  watermark_col is the source column whose
       event times the pipeline reports, -1 without a watermark.  event_key is the group
       key compared with the watermark (a window over the watermarked column, or that
       column itself), -1 if none; event_key_offset is where its i64 lives in the key
       bytes (a window's end, or the timestamp).  Late rows are dropped and final groups
       evicted by that key. */
    int watermark_col;
    int64_t watermark_delay_us;
    const PPushdown *pushdown; /* branch 0's filters (PBranch.pushdown) */
    int event_key;
    uint32_t event_key_offset;

    /* The DROP DUPLICATES clauses, upstream first (Spark runs one StreamingDeduplicateExec
       per dropDuplicates, each with its own state). */
    PDedup *dedups;
    int n_dedups;

    /* The stateful operators in pipeline order, upstream first (DROP DUPLICATES before the
       aggregation). */
    PStatefulOp *ops;
    int n_ops;

    PColumn *columns;      /* result columns (visible first, then hidden sort keys) */
    int n_columns;
    POrder *order;
    int n_order;

    /* A join of two streams (SJoin.streams): its block (whose branches are its sides, as a
       UNION ALL's; state operator PSTATE_SSJOIN) and the layout of its key bytes. */
    const SSelect *ssjoin_block;
    PKeyLayout ssjoin_key;

    /* The joins of the per-record blocks, innermost first. */
    PJoin *joins;
    int n_joins;
    /* The optimized joins of its blocks (plan_joinopt.c; read through plan_join_of). */
    PJoinView *join_views;
    int n_join_views;
    /* Several aggregation levels (batch queries; streaming chains in append mode): the level
       above this one's agg, whose rows are the outputs of the blocks post[0..n_post) (the
       last of which is next->agg):
       this level's emit function updates next's groups (state operator next_op) instead of
       making rows.  NULL for the last level. */
    const PQuery *next;
    int next_op;

    LPlan *logical;

    PBranch *branches;     /* n_branches >= 1; branches[0] is the fields above */
    int n_branches;
    int branch;            /* the branch a plan_branch view is of (0 for the query itself) */

    /* Why its batches run on one thread (plan_parallel.c); NULL: they may be split across
       threads, each task's rows and groups folded in input order. */
    const char *serial;
};

/* pq with branch b's source, needed columns, per-record blocks and watermark (b == 0: a copy of
   pq): what the code of one branch's process function is generated from. */
PQuery plan_branch(const PQuery *pq, int b);

typedef struct PProgram {
    const SProgram *sema;
    PQuery **queries;
    int n_queries;
} PProgram;

/* Plan every query of a checked program. Reports through diag what it cannot plan; NULL on error. */
PProgram *plan_build(Arena *arena, Diag *diag, const SProgram *prog);

/* Can the state of a stream-stream join keep a value of type t (srt_op_ssjoin.c copies strings
   and structs of fixed-size fields, such as a window)?  A column of another type is kept as
   NULL, and refused when the join reads it (plan_build.c). */
bool plan_ssjoin_storable(const Type *t);
/* The key bytes of n values of these types (PKeyLayout above; plan_build.c). */
void plan_layout_key(Arena *arena, PKeyLayout *k, const Type *const *types, int n);
/* The bytes of n values of these types as they are, to be read back (a split batch's update
   log, plan_agg_logs_updates): the key bytes, -0.0 kept apart from 0.0, and every STRUCT but
   a window's, ARRAY and MAP as its canonical bytes (srt_key.c). */
void plan_layout_values(Arena *arena, PKeyLayout *k, const Type *const *types, int n);
/* Does a key slot keep its value's bytes after the fixed part (STRING, BINARY, nested)? */
bool plan_key_slot_var(const PKeySlot *s);
/* The state layout of pq->agg's aggregates (plan_build.c). */
void plan_layout_state(Arena *arena, PQuery *pq);
/* The aggregations above pq->agg (at chain[agg_at]) of a batch query: pq->next and on,
   pq->n_post cut at the next one (plan_levels.c).  false, reported, when one cannot run. */
bool plan_agg_levels(Arena *arena, Diag *diag, PQuery *pq, const SSelect **chain, int depth, int agg_at);
/* Group pq's DISTINCT aggregates into pq->distinct, numbered from first_id (plan_distinct.c).
   false, reported through diag, when the aggregation cannot have them. */
bool plan_distinct(Arena *arena, Diag *diag, PQuery *pq, int first_id);
/* Can a DISTINCT aggregate be updated from its tuple's values alone, after a task, on the
   query's thread: its argument is the first value (or a cast of it), its second argument the
   second, and its update cannot fail (an interval sum's overflow would fail at another record
   than on one thread)?  true for an aggregate without DISTINCT. */
bool plan_distinct_folds(const SAgg *a);

/* Is aggregate a of a first aggregation replayed when its batches are split: a sum or
   average of DOUBLE or DECIMAL (try_ ones of BIGINT and intervals too), a central moment,
   whose result depends on the order of its updates?  A task logs its values and the fold
   updates the query's groups with them in input order (plan_parallel.c). */
bool plan_agg_replays(const SAgg *a);

/* Does a task of pq's split batches log the updates of its aggregation rather than make them
   (DROP DUPLICATES over the records before it, or an aggregate whose partial states do not
   fold exactly: collect_list, a percentile ...): each row (DROP DUPLICATES lets through)
   logs its group key and aggregate arguments per update, the fold cuts the updates of the
   keys seen before and makes the others on the query's thread, in input order
   (plan_parallel.c)? */
bool plan_agg_logs_updates(const PQuery *pq);
/* Do pq's split batches stop at its stream-stream join: each task logs the rows that reach
   it, which the fold joins on the query's thread in input order, running what follows the
   join there (plan_parallel.c)? */
bool plan_splits_at_join(const PQuery *pq);
/* Does pq's aggregation come after DROP DUPLICATES over the records (not over its rows)? */
bool plan_dedup_before_agg(const PQuery *pq);
/* The DROP DUPLICATES of block s, or NULL (plan_build.c). */
const PDedup *plan_dedup_of(const PQuery *pq, const SSelect *s);

/* Why pq's batches must run on one thread, or NULL when they may be split (plan_parallel.c). */
const char *plan_serial_reason(Arena *arena, const PQuery *pq);

/* Where each conjunct of pq's branches' filters is tested (PPushdown; plan_pushdown.c). */
void plan_pushdown(Arena *arena, PQuery *pq);
/* The conjuncts of the Filter right above join block jb's join over its raw space, into *out
   (NULL: one reading both sides' USING key of a full outer join); returns how many: jb's WHERE,
   then those of the blocks above that Spark's optimizer moves onto it (pq's join view). */
int plan_join_where(Arena *arena, const PQuery *pq, const SSelect *jb, const SExpr ***out);
/* e over join block input as an expression over j's raw space; NULL when it reads a coalesced
   USING key of a full outer join (both sides). */
SExpr *plan_join_raw(Arena *arena, const SJoin *j, const SExpr *e);
/* Does e read the raw columns of side of j only (at least one)? */
bool plan_reads_side_only(Arena *arena, const SJoin *j, int side, const SExpr *e);
/* inferIsNotNullConstraints of each conjunct of e (NULL: none), marked in cols: an
   IsNotNull(x) conjunct reaches into x, any other into itself (scanNullIntolerantAttribute). */
void plan_conjuncts_not_null(const SExpr *e, bool *cols);
/* EliminateOuterJoin.canFilterOutNull: is deterministic e NULL or false when every column it
   reads is NULL, as far as a small constant evaluator knows (plan_nulleval.c)? */
bool plan_filters_out_null(const SExpr *e);
/* The join type and state bounds Spark's optimizer gives each join of a streaming query's
   blocks chain[0..n) (plan_joinopt.c): EliminateOuterJoin, and the time bounds of a WHERE
   above an INNER stream-stream join.  Each block's optimized join is added to
   pq->join_views, once; the bound tree is left as sema made it. */
void plan_optimize_joins(Arena *arena, PQuery *pq, const SSelect **chain, int n);
/* The join of block s as pq runs it: its optimized copy (pq->join_views), else s->join (a
   batch query's, or NULL when s does not join).  What the optimizer changes (the type, which
   sides are outer, the state bounds) is read through it; the rest is the same in both. */
const SJoin *plan_join_of(const PQuery *pq, const SSelect *s);
/* s's index among pd's blocks, or -1. */
int plan_pushdown_at(const PPushdown *pd, const SSelect *s);

/* The schemas of a stateful operator's state (plan_state.c). */
typedef struct PStateSchema {
    const char *name;  /* Spark's operator name: stateStoreSave, dedupe, ... */
    const char *key;   /* struct<...> of the state keys */
    const char *value; /* struct<...> of the state values */
    const PKeyLayout *layout; /* the key bytes */
} PStateSchema;
/* Fill *out for operator op of pq. */
/* Set lv->event_key and event_key_offset from its aggregation's keys (the first that is
   the watermarked event time or a window over it; -1 if none). */
void plan_find_event_key(PQuery *lv);
void plan_state_schema(Arena *arena, const PQuery *pq, const PStatefulOp *op, PStateSchema *out);
/* The bytes of aggregation state an aggregate owns (a multiple of 16; see cg_agg.c). */
uint32_t plan_agg_state_size(const SAgg *a);
/* Does a min/max/first/last/max_by/min_by slot of a value of type t hold a pointer and a
   length into the group table (cg_agg.c's store_slot): a STRING's or BINARY's bytes, a nested
   value's canonical ones (srt_key.c)?  The table keeps such slots' bytes
   (srt_prog_query_agg_string); session windows have no such table. */
bool plan_agg_slot_bytes(const Type *t);
/* Does the aggregate keep its group's values in the runtime (srt_collect.c): collect_list,
   collect_set, percentile, mode? */
bool plan_agg_collects(const SAgg *a);
/* Does the aggregate keep a per-batch partial state folded into its state, as Spark's
   partial aggregation and state merge do (the central moments, corr, covar; cg_agg.c)? */
bool plan_agg_two_level(const SAgg *a);
/* The order of a central-moment aggregate's buffer (n, avg, m2 .. m<order>): 2 for
   stddev/variance, 3 for skewness, 4 for kurtosis; 0 for any other aggregate. */
int plan_agg_moment_order(const SAgg *a);
/* The doubles of one buffer of a two-level aggregate (plan_agg_two_level): n, avg, m2 ..
   m<order> of a central moment; n, xAvg, yAvg, ck (covar_pop, covar_samp) and xMk, yMk (corr)
   of a co-moment; 0 for any other aggregate. */
int plan_agg_buffer_doubles(const SAgg *a);
/* Does the aggregate keep the batch's partial sum apart from the state's sum, folded in as
   Spark merges a partial buffer into the restored state (a DOUBLE sum or avg; a try_sum of
   integers and a DECIMAL sum or avg, whose overflow depends on it; cg_agg.c)? */
bool plan_agg_batch_sum(const SAgg *a);
/* The 64-bit words of an HLL++ sketch of precision p (Spark's numWords). */
uint32_t plan_hll_words(int p);

/* `sluice explain`: the logical and physical plan of every query. */
void plan_explain(StrBuf *sb, const PProgram *plan);

/* Spark-like text of a duration in µs: "1 hour", "30 minutes", "1 hour 30 minutes". */
void plan_format_duration(StrBuf *sb, int64_t us);

#endif
