/* srt_int.h - private header of libsrt: the types and functions runtime files share.
**
** Architecture
** ------------
** A generated executable is `main -> srt_main(argc, argv, init)`.  srt_main
** (srt_main.c) parses the command line (srt_cli.c), builds an SrtProgram and
** lets the generated init register sources, sinks and queries into it
** (srt_prog.c; options and types arrive as text, types parsed by srt_type.c).
** Each registered query then becomes a running SrtQuery (srt_query.c) with
** its own source instance, sink instance, stateful operators (state/srt_operator.h),
** arenas, batch id and trigger.  The scheduler in srt_main.c runs every query round-robin in
** one thread: whenever a query's trigger is due, srt_query_tick() asks the
** source to plan the next batch and runs it.
**
** A micro-batch: source->plan (end offset as JSON, e.g. {"logOffset":3})
**   -> source->read feeds buffers of whole records to the generated process fn
**   -> output by mode (srt_output.c): rows appended by process, or the groups
**      of the aggregating operator (all for complete, updated ones for update),
**      each through the generated emit fn
**   -> stable sort by the registered ORDER BY columns (srt_sort.c)
**   -> sink->write(batch id, rows, schema) -> source->commit -> reset batch memory.
**
** Sources and sinks are vtables (SrtSourceVt, SrtSinkVt) looked up by connector
** name; one instance per query.  The group table (srt_agg.c) stores key and
** state bytes in insertion-ordered chunks and is iterable for output and for
** future checkpoints.  Values become text as Spark's show() prints them in
** srt_show.c; the console sink (srt_sink_console.c) lays out the table.
**
** Memory: every allocation goes through an SrtMem (srt_mem.c), which counts
** bytes and can be told to fail after N allocations.  Per-batch data lives in
** a bump arena reset after the sink wrote the batch; per-record temporaries
** live in a scratch arena reset by generated code.  The ABI entry points that
** cannot return an error (srt_agg_upsert, srt_out_row, the arena allocators)
** fail the query on OOM by longjmp to the guard set around the batch.
**
** Rules: no mutable globals except the stop flag of srt_signal.c; every
** function that can fail returns 0 or -SRT_ERR_* and fills an SrtErr.
** The inline helpers (src/inline/) must not use anything in this header.
*/
#ifndef SRT_INT_H
#define SRT_INT_H

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "srt_abi.h"

#define SRT_VERSION "0.1.0"
#define SRT_UNUSED(x) ((void)(x))
/* Bytes of a datetime pattern from a column SrtQuery keeps as checked (srt_dtpattern.c). */
#define SRT_DTPAT_CACHED 64

#if defined(__GNUC__)
#define SRT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define SRT_NORETURN __attribute__((noreturn))
#define SRT_LIKELY(x) __builtin_expect(!!(x), 1)
#define SRT_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define SRT_PRINTF(f, a)
#define SRT_NORETURN
#define SRT_LIKELY(x) (x)
#define SRT_UNLIKELY(x) (x)
#endif

/* ======================================================================
** Errors (srt_err.c)
** ====================================================================== */

typedef struct SrtErr {
    int code;        /* SRT_ERR_*; 0 when no error */
    char msg[1024];  /* human-readable cause, no trailing newline */
} SrtErr;

/* Record an error and return -code (so `return srt_err_set(...)` works). */
int srt_err_set(SrtErr *e, int code, const char *fmt, ...) SRT_PRINTF(3, 4);
/* Record "out of memory (<what>)". */
int srt_err_nomem(SrtErr *e, const char *what);
void srt_err_clear(SrtErr *e);

/* ======================================================================
** Memory (srt_mem.c)
** ====================================================================== */

/* The allocation hook, Lua-style: new_size 0 frees; ptr NULL allocates. */
typedef void *(*SrtAllocFn)(void *ud, void *ptr, size_t old_size, size_t new_size);

typedef struct SrtMem {
    SrtAllocFn fn;     /* the allocator (libc by default) */
    void *ud;          /* its user data */
    size_t in_use;     /* bytes currently allocated through this SrtMem */
    size_t peak;       /* high-water mark of in_use */
    uint64_t n_allocs; /* successful allocations and growths */
    int64_t fail_after; /* testing: allocations left before every one fails; -1 never */
} SrtMem;

void srt_mem_init(SrtMem *m);
/* All return NULL on failure; sizes must be the ones allocated. */
void *srt_mem_alloc(SrtMem *m, size_t n);
void *srt_mem_calloc(SrtMem *m, size_t n);
void *srt_mem_realloc(SrtMem *m, void *p, size_t old_n, size_t new_n);
void srt_mem_free(SrtMem *m, void *p, size_t n);
/* Grow the array *pp of *cap elements of size elem to hold at least need. 0 or -NOMEM. */
int srt_mem_grow(SrtMem *m, void **pp, size_t *cap, size_t elem, size_t need);

/* Bump arena: 16-byte-aligned allocations freed together. */
typedef struct SrtArenaChunk SrtArenaChunk;
typedef struct SrtArena {
    SrtMem *mem;        /* borrowed */
    char *cur, *end;    /* free space of the newest chunk (both 16-byte aligned) */
    SrtArenaChunk *head; /* newest chunk first */
    size_t chunk_size;  /* size of the next chunk */
    size_t bytes;       /* bytes held in chunks */
} SrtArena;

void srt_arena_init(SrtArena *a, SrtMem *m, size_t first_chunk);
void *srt_arena_alloc_slow(SrtArena *a, size_t n);
/* Free all allocations; keeps the newest (largest) chunk for reuse. */
void srt_arena_reset(SrtArena *a);
void srt_arena_free(SrtArena *a);
char *srt_arena_strdup(SrtArena *a, const char *s);

/* n bytes, 16-byte aligned, or NULL when out of memory. */
static inline void *srt_arena_alloc(SrtArena *a, size_t n)
{
    uintptr_t p = ((uintptr_t)a->cur + 15u) & ~(uintptr_t)15u;
    if (SRT_LIKELY(a->cur != NULL && n < (size_t)((uintptr_t)a->end - p))) {
        a->cur = (char *)(p + n);
        return (void *)p;
    }
    return srt_arena_alloc_slow(a, n);
}

/* Slab (srt_slab.c): 8-byte-aligned allocations bumped from chunks in the order they are
   made and released in about that order (a FIFO's rows); a chunk goes when all it holds is
   released.  Releases of one pass walk the chunks with a cursor, so a pass releases in the
   order the allocations were made. */
typedef struct SrtSlabChunk {
    struct SrtSlabChunk *next; /* the next newer chunk */
    size_t size;               /* of its data */
    size_t live;               /* bytes allocated from it and not released */
} SrtSlabChunk;

typedef struct SrtSlab {
    SrtMem *mem;                   /* borrowed */
    uint8_t *cur, *end;            /* free space of the newest chunk */
    SrtSlabChunk *oldest, *newest; /* chunks in the order they came */
    size_t chunk_size;             /* of the next chunk (64 KiB growing to 1 MiB) */
    size_t bytes;                  /* held in chunks, their headers included */
} SrtSlab;

void srt_slab_init(SrtSlab *s, SrtMem *m);
void *srt_slab_alloc_slow(SrtSlab *s, size_t n);
/* Give back p, the newest allocation (of n bytes), as if never made. */
void srt_slab_unalloc(SrtSlab *s, void *p, size_t n);
/* Release p (n bytes); *at (NULL at first) is the pass's cursor: p lies in it or a newer
   chunk.  Chunks stay until srt_slab_sweep. */
void srt_slab_release(SrtSlab *s, SrtSlabChunk **at, const void *p, size_t n);
/* Free the chunks nothing in them is live; the newest one is kept, bumped from its start
   again when empty. */
void srt_slab_sweep(SrtSlab *s);
void srt_slab_free(SrtSlab *s);

#if defined(__SANITIZE_ADDRESS__)
#define SRT_SLAB_POISON 1 /* srt_slab.c poisons what is free: every allocation goes there */
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SRT_SLAB_POISON 1
#endif
#endif

/* n bytes, 8-byte aligned, or NULL when out of memory. */
static inline void *srt_slab_alloc(SrtSlab *s, size_t n)
{
#ifndef SRT_SLAB_POISON
    /* the free space is a multiple of 8: n fits rounded up when it fits (rounding first would
       wrap an n near SIZE_MAX to 0) */
    if (SRT_LIKELY(s->newest != NULL && (size_t)(s->end - s->cur) >= n)) {
        n = (n + 7u) & ~(size_t)7u;
        void *p = s->cur;
        s->cur += n;
        s->newest->live += n;
        return p;
    }
#endif
    return srt_slab_alloc_slow(s, n);
}

/* Growable byte buffer with a sticky out-of-memory flag. */
typedef struct SrtBuf {
    SrtMem *mem; /* borrowed */
    char *p;     /* owned; NUL-terminated when n > 0 or after srt_buf_cstr */
    size_t n, cap;
    int oom;     /* set when a growth failed; later writes are dropped */
} SrtBuf;

void srt_buf_init(SrtBuf *b, SrtMem *m);
void srt_buf_free(SrtBuf *b);
void srt_buf_clear(SrtBuf *b);
void srt_buf_put(SrtBuf *b, const void *s, size_t n);
void srt_buf_puts(SrtBuf *b, const char *s);
void srt_buf_putc(SrtBuf *b, char c);
/* A u64 as 8 little-endian bytes (the checkpoint words of srt_quantile.c and srt_histogram.c),
   a double as the u64 of its bits; and back from p. */
void srt_buf_put_u64(SrtBuf *b, uint64_t v);
void srt_buf_put_double(SrtBuf *b, double x);
uint64_t srt_get_u64(const uint8_t *p);
double srt_get_double(const uint8_t *p);
/* Scala's Double.toInt / toLong with lo, hi the type's range: truncation, NaN 0, saturated. */
int64_t srt_java_d2l(double v, int64_t lo, int64_t hi);
void srt_buf_fill(SrtBuf *b, char c, size_t n);
void srt_buf_printf(SrtBuf *b, const char *fmt, ...) SRT_PRINTF(2, 3);
/* The newlines in p[0, n) (line numbers of positions in text), sixteen bytes at a time. */
int64_t srt_count_lines(const char *p, size_t n);
/* The contents as a C string ("" when empty or after OOM). */
const char *srt_buf_cstr(SrtBuf *b);

/* ======================================================================
** Types and schemas (srt_type.c)
** ====================================================================== */

typedef enum SrtKind {
    SRT_T_BOOLEAN,
    SRT_T_INT,
    SRT_T_TINYINT,  /* Spark's ByteType: i holds the value */
    SRT_T_SMALLINT, /* Spark's ShortType */
    SRT_T_BIGINT,
    SRT_T_DOUBLE,
    SRT_T_FLOAT,   /* the datum's d holds the float, exactly */
    SRT_T_DECIMAL, /* precision, scale */
    SRT_T_STRING,
    SRT_T_BINARY, /* bytes in p, n (Spark's BinaryType) */
    SRT_T_TIMESTAMP,
    SRT_T_DATE,
    SRT_T_STRUCT,
    SRT_T_ARRAY,
    SRT_T_VOID,         /* Spark's NullType: every value is NULL */
    SRT_T_MAP,          /* keys never NULL (Spark's MapType) */
    SRT_T_DT_INTERVAL,  /* DayTimeIntervalType: µs in i; start, end fields in precision, scale */
    SRT_T_YM_INTERVAL,  /* YearMonthIntervalType: months in i; the same fields */
    SRT_T_TIMESTAMP_NTZ /* TimestampNTZType: the local date-time in i, as µs since the epoch */
} SrtKind;

typedef struct SrtType SrtType;
typedef struct SrtField {
    const char *name;
    const SrtType *type;
} SrtField;
struct SrtType {
    SrtKind kind;
    uint32_t n_fields;      /* STRUCT */
    const SrtField *fields; /* STRUCT */
    const SrtType *elem;    /* ARRAY; a MAP's value type */
    int32_t precision, scale; /* DECIMAL; an interval's start and end fields */
    const SrtType *key;     /* MAP */
};

/* The datums a nested value d of type t points at (srt_abi.h): a STRUCT's fields, an
   ARRAY's elements, a MAP's d->n keys then its d->n values; srt_nested_child is the type of
   the i-th. */
static inline uint32_t srt_nested_count(const SrtType *t, const SrtDatum *d)
{
    return t->kind == SRT_T_STRUCT ? t->n_fields : t->kind == SRT_T_MAP ? 2 * d->n : d->n;
}
static inline const SrtType *srt_nested_child(const SrtType *t, const SrtDatum *d, uint32_t i)
{
    return t->kind == SRT_T_STRUCT                 ? t->fields[i].type
           : t->kind == SRT_T_MAP && i < d->n ? t->key
                                                   : t->elem;
}

/* A DECIMAL datum's unscaled value (srt_abi.h: low 64 bits in i, high in hi). */
static inline srt_i128 srt_datum_dec(const SrtDatum *d)
{
    return (srt_i128)(((unsigned __int128)(uint64_t)d->hi << 64) | (uint64_t)d->i);
}
static inline void srt_datum_set_dec(SrtDatum *d, srt_i128 v)
{
    d->i = (int64_t)(uint64_t)v;
    d->hi = (int64_t)(uint64_t)((unsigned __int128)v >> 64);
}

/* Parse a Spark simpleString ("bigint", "struct<a:int,b:array<string>>") into arena memory. */
int srt_type_parse(SrtArena *a, const char *text, const SrtType **out, SrtErr *err);
/* Append the simpleString of t. */
void srt_type_print(const SrtType *t, SrtBuf *b);

typedef struct SrtColumn {
    const char *name;
    const SrtType *type;
    int hidden; /* computed (e.g. a sort key) but never written to the sink */
} SrtColumn;

typedef struct SrtSchema {
    SrtColumn *cols;
    uint32_t n_cols;
} SrtSchema;

/* ======================================================================
** Options (srt_opts.c): key/value text, keys compared case-insensitively
** ====================================================================== */

typedef struct SrtOption {
    const char *key, *value;
} SrtOption;

struct CmOptSpec;
typedef struct SrtOptions {
    SrtOption *v;
    int n, cap;
    /* The option specs of the connector in its role (srt_opts_bind), whose defaults stand
       for the options not set; NULL: none. */
    const struct CmOptSpec *spec;
    int n_spec;
} SrtOptions;

/* Add (or replace) key=value; strings copied into a. 0 or -NOMEM. */
int srt_opts_set(SrtOptions *o, SrtArena *a, const char *key, const char *value);
/* Take the defaults of connector's options in role (CM_ROLE_SOURCE, _TABLE or _SINK of
   common/cm_connectors.h) for the options not set.  0, or -1 for no such connector. */
int srt_opts_bind(SrtOptions *o, const char *connector, unsigned role);
/* Take the defaults of the query options (cm_query_opts: outputMode, trigger ...). */
void srt_opts_bind_query(SrtOptions *o);
/* Remove key (nothing when it is not set). */
void srt_opts_unset(SrtOptions *o, const char *key);
/* The value of key as set, or NULL. */
const char *srt_opts_get(const SrtOptions *o, const char *key);
/* The value of key as set, else its default in the bound spec, else NULL. */
const char *srt_opts_value(const SrtOptions *o, const char *key);
/* Typed getters of srt_opts_value: 0 with *out set, 1 when the option has no value and no
   default (*out untouched), or a bad value's -SRT_ERR_OPTION naming the option. */
int srt_opts_int(const SrtOptions *o, const char *key, int64_t min, int64_t *out, SrtErr *err);
int srt_opts_bool(const SrtOptions *o, const char *key, int *out, SrtErr *err);
/* Case-insensitive equality of C strings. */
int srt_str_ieq(const char *a, const char *b);
/* An interval as Spark writes triggers: "5 seconds", "1 minute 30 seconds", "500 ms",
   "interval 2 hours", or a bare number of milliseconds.  0 or -1. */
int srt_parse_duration_us(const char *s, int64_t *out_us);

/* ======================================================================
** Sources and sinks: vtables, one instance per query
** ====================================================================== */

typedef struct SrtSource SrtSource;
typedef struct SrtSink SrtSink;

/* Where a buffer of records starts in its origin: line (1-based) and byte offset.  A source
   that hands an origin over in several buffers says where each starts (error positions);
   line 0: not counted, the origin is a file whose lines srt_fs_line_at counts when an error
   needs the number (the files source counts none past a file's first buffer). */
typedef struct SrtReadPos {
    int64_t line, byte;
    const char *line_sep; /* how the origin's lines end, to count them: its lineSep (the source
                             has compacted each to one '\n', cm_lines_sep); NULL: cm_lines_lf's */
    int file;             /* the origin is a file (the files source): 1 + its place in the
                             batch's read order; 0 for other origins (input_file_name()
                             tests it) */
    int partition;        /* the Spark partition it is read in (srt_partition.c): a file's
                             place in the batch's read order, a rate source's partition,
                             a Kafka batch's input partition (srt_kafka_parts.c) */
    int csv_nl;           /* csv multiLine: the file's line separator (CM_NL_*, cm_csv_ml.h) */
    int lf_later;         /* the bytes' lone '\r's are not made '\n' yet (cm_lines_lf): the
                             reader does so, as at the end of the file, before reading them
                             (a buffer of whole '\n' lines or a file's last bytes of a
                             mapped file: srt_query_process_buffer settles it a window at a
                             time, on this thread or in a SrtLender's task on another) */
    int whole;            /* the buffer is a whole file whose records may span lines (csv
                             multiLine): a reader that cuts buffers into runs of lines
                             (srt_par.c) keeps it in one piece */
    int csv_prev;         /* csv multiLine: the parser's prev character when the next record
                             starts (CmCsvMl.prev; srt_csv_ml_record keeps it up to date) */
    int csv_first;        /* csv lines: the buffer starts with the file's first line that
                             reaches univocity's parser (no header), which reads all its values
                             (srt_csv_line_skip clears it) */
} SrtReadPos;

/* The bytes of the origin that buf[0, n), handed over as at says, came from: n, unless a
   lineSep longer than a byte was compacted (cm_lines_sep_bytes). */
int64_t srt_read_span(const SrtReadPos *at, const char *buf, size_t n);

/* Called for each buffer of whole records of a batch; what names the origin (a path), at
   where buf starts in it (NULL: its beginning). */
typedef int (*SrtReadFn)(void *ctx, const char *what, const char *buf, size_t len,
                         const SrtReadPos *at);

/* The longest line (record) a text source accepts, in bytes: a longer one is an error naming
   the source and the limit, so one endless line cannot take all memory (Spark has no such
   limit; Hadoop's LineRecordReader and Java strings stop near 2 GiB). */
#define SRT_LINE_MAX ((size_t)64 << 20)

typedef enum SrtReadLimit {
    SRT_LIMIT_DEFAULT, /* honour the source's rate limit (maxFilesPerTrigger ...) */
    SRT_LIMIT_ALL      /* Trigger.Once: everything available */
} SrtReadLimit;

typedef struct SrtSourceVt {
    const char *connector;
    /* Validate options (borrowed, outlive the source), set up; e.g. the path must exist. */
    int (*open)(SrtSource *s, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err);
    /* Trigger.AvailableNow: snapshot what is available; plans never go beyond it. */
    int (*snapshot)(SrtSource *s, SrtErr *err);
    /* Plan the next batch.  *has_data = 0: nothing new (no batch).  Otherwise `end`
       receives the batch's end offset as JSON text (files: {"logOffset":N}). */
    int (*plan)(SrtSource *s, SrtReadLimit lim, SrtBuf *end, int *has_data, SrtErr *err);
    /* Feed the data between the offsets start (NULL: the beginning) and end to fn. */
    int (*read)(SrtSource *s, const char *start, const char *end, SrtReadFn fn, void *ctx,
                SrtErr *err);
    /* The batch ending at end was written by the sink; its data may be released. */
    int (*commit)(SrtSource *s, const char *end, SrtErr *err);
    void (*close)(SrtSource *s);
    /* Progress description, e.g. "FileStreamSource[file:/data/events]". */
    void (*describe)(SrtSource *s, SrtBuf *out);
    /* Optional (NULL: the source never ends).  Nonzero once the source has ended and
       will never have data again beyond what it already planned (socket: the server
       closed the connection); the query then stops cleanly after its current batch. */
    int (*finished)(SrtSource *s);
    /* Optional (NULL: the source cannot resume; it starts afresh, as Spark's socket source).
       Recovery from a checkpoint, called once after open and before the first plan: every
       batch up to and including the one ending at `end` has been planned, so the next plan
       continues after it, and read() must be able to re-read any batch whose offsets are in
       that range (files: from the source log in log_dir). */
    int (*restore)(SrtSource *s, const char *end, SrtErr *err);
    /* Optional (NULL: the latest offset is the planned end).  Spark's reportLatestOffset:
       append the latest offsets the last plan saw, before any rate limit, and return 1;
       0 when there are none yet. */
    int (*latest)(SrtSource *s, SrtBuf *out);
    /* Optional: the source's progress metrics (SourceProgress.metrics) after the batch that
       ended at `consumed`, as a JSON object of strings with sorted keys; nothing: none. */
    void (*metrics)(SrtSource *s, const char *consumed, SrtBuf *out);
    /* Optional, for a table (a bounded read of everything): append a text that changes
       whenever what such a read returns may have changed (files: the names, sizes and
       modification times of the files).  A join reads its table again when it changes. */
    void (*version)(SrtSource *s, SrtBuf *out);
    /* Optional (NULL: none): a descriptor that polls readable when new data may have come
       (socket: its connection), or -1 now.  A query on the default trigger that waits for
       data wakes on it at once instead of at its next 10 ms poll. */
    int (*wait_fd)(SrtSource *s);
    /* Optional (NULL: none): membership in a group that shares the source's partitions among
       processes (kafka's consumerGroup option; core/srt_group.c runs a lane per partition). */
    const struct SrtGroupVt *group;
} SrtSourceVt;

/* A partition the group assigned (assigned = 1) or revoked (0) from this process. */
typedef void (*SrtGroupChangeFn)(void *ctx, const char *topic, int32_t part, int assigned);

typedef struct SrtGroupMember SrtGroupMember;
typedef struct SrtGroupVt {
    /* The name of the group the source options ask for, or NULL: an ordinary source. */
    const char *(*wanted)(const SrtOptions *opts);
    /* Join the group (source's name for errors) with the source options; nothing assigned yet. */
    int (*join)(const SrtOptions *opts, const char *source, SrtMem *m, SrtGroupMember **out, SrtErr *err);
    /* Take what the group changed since the last poll, telling fn of every partition assigned
       or revoked (revoked ones must be released before fn returns); never waits. */
    int (*poll)(SrtGroupMember *m, SrtGroupChangeFn fn, void *ctx, SrtErr *err);
    /* Leave the group (after fn was told of nothing more: the caller closes its lanes). */
    void (*leave)(SrtGroupMember *m);
    /* Narrow a copy of the source options to the one partition: a lane's source reads only it. */
    int (*narrow)(SrtOptions *opts, SrtArena *a, const char *topic, int32_t part);
} SrtGroupVt;
extern const SrtGroupVt srt_kafka_group_vt;

struct SrtSource {
    const SrtSourceVt *vt;
    SrtMem *mem;      /* borrowed */
    const char *name; /* borrowed: the registered source name */
    void *impl;       /* owned by the connector */
    /* Borrowed, set before open: the source's log directory in the query's checkpoint
       (sources/<i>), NULL without a checkpoint.  A source that must remember more than its
       offsets to re-read a batch (files: which files a batch took; rate: its start time)
       writes it there with srt_ckpt_write_file before plan() returns the batch. */
    const char *log_dir;
    /* Borrowed, set by a reader for one read() call, NULL otherwise: the memory to read into,
       which that reader keeps, so what the source hands over is not copied, or the maker of
       the runs of rows the source makes from their index (SrtLender). */
    const struct SrtLender *lender;
    /* Borrowed, set before open: for a csv files source with header = true and
       enforceSchema = false, the columns each file's header is compared with, one byte per
       column of the schema (srt_prog_query_csv_header); NULL: no check. */
    const char *csv_header;
};

struct SrtMap;

/* Rows a source makes as a pure function of their index (rate, rate-micro-batch): a reader
   that can make them itself (SrtLender.rows) is handed the run instead of its rows, and cuts
   it into pieces made and processed on other threads, nothing copied.  fill writes rows
   [first, first + n) of the run, n_cols datums each, into out; the other fields are the
   source's (srt_source_rate.c): row i's value is v0 + i * step, its timestamp start_ms +
   round((value - origin) * ms_per_value) milliseconds. */
/* Rows of a run made at a time: few enough (24 KiB of datums) that they stay in the
   first-level cache between being made and processed (bench/rate_windowed.sql, 200 M rows on
   one thread: 0.59 s of CPU; 0.81 s in chunks of SRT_VALUE_CHUNK_ROWS, 0.70 s of 512). */
#define SRT_RUN_CHUNK_ROWS 256
typedef struct SrtRowRun {
    void (*fill)(const struct SrtRowRun *run, int64_t first, int64_t n, SrtDatum *out);
    int n_cols;
    int64_t n; /* rows in the run */
    int64_t v0, step, origin, start_ms;
    double ms_per_value;
} SrtRowRun;

/* Buffers a reader lends a text source (srt_par.c to the files source): the source reads
   into a borrowed buffer, hands whole lines of it to its SrtReadFn, and gives it back, its
   bytes untouched from then on; those bytes stay valid for the reader until it frees them. */
typedef struct SrtLender {
    void *ctx;
    /* A buffer of at least n bytes (its size in *cap), NULL when out of memory. */
    char *(*borrow)(void *ctx, size_t n, size_t *cap);
    /* Done with buffer base (from borrow or adopt): the source does not touch it again. */
    void (*give_back)(void *ctx, char *base);
    /* Take a mapping the source hands whole lines of over, as if borrowed (given back the
       same way); the reader closes it once nothing points into it.  0, or -1 when out of
       memory (the mapping is still the source's). */
    int (*adopt)(void *ctx, struct SrtMap *m);
    /* A source of value rows that makes them from their index hands over runs of them here
       instead of rows to its SrtReadFn (what, at: as the SrtReadFn's).  0 or -code. */
    int (*rows)(void *ctx, const char *what, const SrtRowRun *run, const SrtReadPos *at);
} SrtLender;

/* What the rows of a batch are to a sink that keeps a table (srt_query.c sets SrtSink.mode from
   the output mode before open; the database sinks act on it, the others write every batch). */
typedef enum SrtSinkMode {
    SRT_SINK_APPEND,  /* new rows: append mode, and update mode without an aggregation */
    SRT_SINK_UPSERT,  /* changed groups, each replacing the row with the same values of the key
                         columns (SrtSink.keys) or added: update mode with grouping keys */
    SRT_SINK_REPLACE  /* the whole result, replacing the previous one: complete mode, and update
                         mode of an aggregation without grouping keys (its one row) */
} SrtSinkMode;

typedef struct SrtSinkVt {
    const char *connector;
    int (*open)(SrtSink *k, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err);
    /* Write one batch: rows[i] points at schema->n_cols datums (hidden columns included,
       the sink skips them).  Everything is borrowed for the call. */
    int (*write)(SrtSink *k, int64_t batch_id, SrtDatum *const *rows, size_t n_rows,
                 const SrtSchema *schema, SrtErr *err);
    void (*close)(SrtSink *k);
    void (*describe)(SrtSink *k, SrtBuf *out);
    /* Spark's equivalent is a v1 Sink (FileStreamSink, ForeachBatchSink): progress reports
       numOutputRows -1, as Spark does for those. */
    int v1;
} SrtSinkVt;

struct SrtSink {
    const SrtSinkVt *vt;
    SrtMem *mem;      /* borrowed */
    const char *name; /* borrowed */
    FILE *out;        /* borrowed: the program's standard output */
    void *impl;       /* owned by the connector */
    /* Borrowed, set before open: the id of the query writing the sink, from its checkpoint
       (NULL without one); the files sink refuses a directory another query writes. */
    const char *query_id;
    /* Set before open: what the rows are, and the key columns that identify a row of the
       result (indexes into the schema; the GROUP BY keys when every one is a column). */
    SrtSinkMode mode;
    const uint32_t *keys;
    uint32_t n_keys;
    /* Set before open: the sink shows the result of a batch query once (the console prints
       Dataset.show(), no "Batch: N" banner). */
    int batch;
    /* Set before open for a batch query: Spark's SaveMode as the query's `mode` option gives
       it (errorifexists, error, default, overwrite, append, ignore); NULL for a stream. */
    const char *save_mode;
    /* Set before open: the query's output mode is complete (the memory sink replaces its
       table each batch, and appends in the other modes, update included). */
    int complete;
    /* Set before open: the running query's name (the memory sink's table is named by it). */
    const char *query_name;
};

/* The implementation of the connector common/cm_connectors.c names `connector` (any case),
   NULL if there is no such spec for the role. */
const SrtSourceVt *srt_source_lookup(const char *connector);
/* Does the source hand over text in its format (whole lines, bytes that are the records:
   files), rather than rows of values pointing into its own memory (rate, socket, kafka)? */
int srt_source_gives_text(const SrtSource *s);
const SrtSinkVt *srt_sink_lookup(const char *connector);
/* Every implementation, for the test that each has a spec and each spec one of them (an entry
   is NULL for a connector with a system library this executable does not link). */
const SrtSourceVt *const *srt_source_impls(int *n);
const SrtSinkVt *const *srt_sink_impls(int *n); /* NULL: a sink not linked in */
/* Refuse a compiled schema that is not the fixed schema of the source's spec (none: 0). */
int srt_source_check_schema(const SrtSource *s, const SrtOptions *opts, const SrtSchema *schema,
                            SrtErr *err);
extern const SrtSourceVt srt_source_files_vt;
/* Value-row sources (srt_source_rate.c, srt_source_socket.c): `read` delivers arrays of
   SrtDatum, n_cols per row in the fixed column order, at most SRT_VALUE_CHUNK_ROWS rows
   per call (see SrtProcessFn in srt_abi.h). */
#define SRT_VALUE_CHUNK_ROWS 4096
extern const SrtSourceVt srt_source_rate_vt;       /* timestamp, value; rowsPerSecond */
extern const SrtSourceVt srt_source_rate_micro_vt; /* timestamp, value; rowsPerBatch */
extern const SrtSourceVt srt_source_socket_vt;     /* value[, timestamp]; lines of TCP */
/* key, value, topic, partition, offset, timestamp, timestampType; librdkafka (weak in
   srt_connectors.c: linked into programs that read Kafka) */
extern const SrtSourceVt srt_source_kafka_vt;
/* Scala 2.12's hash map orders, which Spark's Kafka source shows (srt_scala_order.c):
   java.lang.String.hashCode, TopicPartition.hashCode; order[0..n) holds indices into h in
   insertion order and becomes the order a mutable.HashMap (0, or -1 out of memory) or an
   immutable.HashMap iterates those keys in. */
int32_t srt_java_string_hash(const char *s);
int32_t srt_kafka_tp_hash(const char *topic, int32_t part);
int srt_scala_mutable_order(SrtMem *mem, const int32_t *h, int n, int *order);
void srt_scala_immutable_order(const int32_t *h, int n, int *order);
/* A Kafka batch's range [from, until) (the planned offsets, before data loss moved them) and
   the input partitions Spark makes of it (srt_kafka_parts.c): parts pieces, the first of
   them partition `first` (-1: an empty range, none). */
typedef struct SrtKafkaPart {
    int64_t from, until;
    int64_t parts;
    int32_t first;
} SrtKafkaPart;
/* Fills parts and first of the batch's n ranges, in Spark's order, for minPartitions
   min_parts (0: not set). */
void srt_kafka_parts_plan(SrtKafkaPart *r, int n, int64_t min_parts);
/* The input partition the record at offset reads in (its piece of r). */
int32_t srt_kafka_part_of(const SrtKafkaPart *r, int64_t offset);
/* The wall clock of those sources, µs since the epoch (srt_now_us by default). */
typedef int64_t (*SrtClockFn)(void *ud);
/* Testing: replace the clock of an opened rate or socket source (NULL: the wall clock
   again; rate-micro-batch reads no clock). */
void srt_source_rate_set_clock(SrtSource *s, SrtClockFn fn, void *ud);
void srt_source_socket_set_clock(SrtSource *s, SrtClockFn fn, void *ud);
extern const SrtSinkVt srt_sink_console_vt;
extern const SrtSinkVt srt_sink_files_vt;
extern const SrtSinkVt srt_sink_exec_vt;  /* rows as JSON Lines to a shell command */
extern const SrtSinkVt srt_sink_memory_vt; /* an in-memory table (srt_sink_memory.c) */

/* The memory sink's table, read by the HTTP server's threads while the query writes it.
   Each batch publishes an immutable snapshot (copy on publish: a new list of the batches'
   chunks, which are shared and reference-counted); a reader takes a reference to the
   current snapshot under a short lock and formats it at leisure, so it sees whole batches
   only and never blocks a batch.  Only the query's thread frees memory (a released snapshot
   is freed at its next batch or at close), so the SrtMem stays single-threaded. */
typedef struct SrtMemTable SrtMemTable;
typedef struct SrtMemSnap SrtMemSnap;
typedef enum SrtMemFormat { SRT_MEMFMT_JSONL, SRT_MEMFMT_CSV, SRT_MEMFMT_JSON } SrtMemFormat;
/* The table of a memory sink, or NULL for another sink. */
SrtMemTable *srt_sink_memory_table(const SrtSink *k);
/* Thread-safe: the current snapshot, referenced until srt_memtab_release. */
const SrtMemSnap *srt_memtab_acquire(SrtMemTable *t);
void srt_memtab_release(SrtMemTable *t, const SrtMemSnap *s);
const char *srt_memtab_name(const SrtMemTable *t);
/* The visible columns: names and Spark simpleStrings. */
uint32_t srt_memtab_columns(const SrtMemTable *t, const char *const **names,
                            const char *const **types);
/* The snapshot's last batch id (-1: none yet), rows and bytes held. */
int64_t srt_memsnap_batch(const SrtMemSnap *s);
int64_t srt_memsnap_rows(const SrtMemSnap *s);
int64_t srt_memsnap_bytes(const SrtMemSnap *s);
/* Append the snapshot's rows in a format: JSON Lines as the files sink writes them, CSV with
   a header as Spark's CSV writer, or {"name":..,"batchId":..,"columns":[..],"rows":[[..]]}.
   -1 for CSV of a table with a column CSV cannot hold (the message in err), else 0. */
int srt_memsnap_write(const SrtMemTable *t, const SrtMemSnap *s, SrtMemFormat f, SrtBuf *out,
                      SrtErr *err);
/* Linked only into the executables that name them (srt_connectors.c refers to them weakly: an
   entry of srt_sink_impls is NULL otherwise): libpq, sqlite3, librdkafka. */
extern const SrtSinkVt srt_sink_postgres_vt;
extern const SrtSinkVt srt_sink_sqlite_vt;
extern const SrtSinkVt srt_sink_kafka_vt;

/* ======================================================================
** Group table (srt_agg.c)
** ====================================================================== */

typedef struct SrtCollect SrtCollect; /* one group's collected values (srt_collect.c) */
typedef struct SrtCollectSlot {
    uint32_t offset; /* in the group state */
    uint32_t kind;   /* SRT_COLLECT_<type> [| SRT_COLLECT_SET] */
} SrtCollectSlot;

/* A new empty table whose groups carry state_size bytes.  NULL when out of memory. */
SrtAggTable *srt_agg_new(SrtMem *m, uint32_t state_size);
void srt_agg_free(SrtAggTable *t);
/* Who fails when srt_agg_upsert runs out of memory (borrowed). */
void srt_agg_set_owner(SrtAggTable *t, SrtQuery *q);
/* Find or create the group; marks it updated in this batch.  0 or -SRT_ERR_NOMEM. */
int srt_agg_find_or_add(SrtAggTable *t, const void *key, uint32_t key_len, uint64_t hash,
                        uint8_t **state);
/* The state of an existing group, or NULL (does not mark it updated). */
uint8_t *srt_agg_lookup(const SrtAggTable *t, const void *key, uint32_t key_len, uint64_t hash);
/* Start a new batch: no group is "updated" any more. */
void srt_agg_begin_batch(SrtAggTable *t);
size_t srt_agg_count(const SrtAggTable *t);
size_t srt_agg_updated_count(const SrtAggTable *t);
/* Bytes held by the table (entries, index, bookkeeping). */
size_t srt_agg_bytes(const SrtAggTable *t);
uint32_t srt_agg_state_size(const SrtAggTable *t);
/* Visit groups in insertion order; a nonzero return of fn stops and is returned. */
typedef int (*SrtAggVisitFn)(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state);
/* DROP DUPLICATES' rule on a key's state (16 bytes: i64 eviction time, i64 seen): a key seen
   before keeps its state (0); a new one is remembered with its eviction time, its seen word
   set to `seen` (not 0), and admitted (1).  srt_dedup_admit and a parallel task's fold
   (srt_op_dedup.c) both decide with it. */
static inline int srt_dedup_mark(uint8_t *state, int64_t evict_us, int64_t seen)
{
    int64_t was;
    memcpy(&was, state + 8, sizeof was);
    if (was)
        return 0;
    memcpy(state, &evict_us, sizeof evict_us);
    memcpy(state + 8, &seen, sizeof seen);
    return 1;
}
int srt_agg_foreach(const SrtAggTable *t, SrtAggVisitFn fn, void *ctx);
/* Visit the groups updated in this batch, in the order of their first update in it (Spark's
   update-mode order: StateStoreSaveExec emits the groups as its input met them). */
int srt_agg_foreach_updated(SrtAggTable *t, SrtAggVisitFn fn, void *ctx);

/* Eviction and checkpoints of the group table.  A STRING min/max state slot holds a pointer
   (at off) and a u32 length (at off + 8) into memory of the table; the table must know
   these offsets to write state out and read it back (srt_prog_query_agg_string). */
int srt_agg_set_string_slots(SrtAggTable *t, const uint32_t *offsets, uint32_t n);
/* Spark's Percentile.getPercentile of the n values v (sorted in place as Spark orders doubles:
   NaN largest) at percentage p in [0, 1]; n > 0. */
double srt_percentile(double *v, uint32_t n, double p, int32_t how);
/* Spark's Mode of the values of a collect_list (srt_collect.c; c holds at least one): the
   index of the value chosen, or -SRT_ERR_NOMEM. */
int64_t srt_collect_mode_index(SrtMem *m, const SrtCollect *c, uint32_t kind);
/* Remove every group for which fn returns 1 (fn returns 0 to keep it, <0 to stop with that
   error).  fn sees each group once, in insertion order.  Memory of removed groups is
   reclaimed (entries are compacted; state addresses change, so call this between batches
   only), and the updated list is cleared as by srt_agg_begin_batch.  *n_removed counts them. */
typedef int (*SrtAggPredFn)(void *ctx, const uint8_t *key, uint32_t key_len, const uint8_t *state);
int srt_agg_remove_if(SrtAggTable *t, SrtAggPredFn fn, void *ctx, size_t *n_removed);
/* The state of a group as bytes that hold no pointers: state_size bytes with STRING slots'
   pointers zeroed, followed by the bytes of those strings in slot order.  Appended to out. */
void srt_agg_encode_state(const SrtAggTable *t, const uint8_t *state, SrtBuf *out);
/* Insert or replace a group from srt_agg_encode_state bytes (strings copied into the table;
   the group is not marked updated).  0, -SRT_ERR_NOMEM, or -SRT_ERR_FORMAT for bytes that do
   not decode. */
int srt_agg_restore(SrtAggTable *t, const void *key, uint32_t key_len, const uint8_t *val,
                    uint32_t val_len, SrtErr *err);
/* Remove one group (for replaying state deltas); 0 whether or not it existed. */
int srt_agg_delete(SrtAggTable *t, const void *key, uint32_t key_len);
/* Fold every group of src into dst, in src's insertion order: found or added in dst (and
   marked updated there, as a row would), its state combined by merge(dst state, src
   state), then its collected values (srt_collect_fold); a STRING slot merge took from src
   gets dst's own copy.  src is left as is.  groups
   (NULL: not kept): the dst state of src's i-th group at groups[i], srt_agg_count(src) of
   them (a table nothing was removed from: i is the group's insertion number).  0 or
   -SRT_ERR_NOMEM (dst keeps the groups folded so far). */
int srt_agg_merge_from(SrtAggTable *dst, const SrtAggTable *src, SrtMergeFn merge,
                       uint8_t **groups);
/* Remove every group and its strings (no collected values may be held), keeping the first
   chunk and the index for reuse. */
void srt_agg_clear(SrtAggTable *t);

/* collect_list / collect_set state slots: a pointer at offset to an SrtCollect owned by the
   table (srt_prog_query_agg_collect).  The table frees the values with their group, writes
   them after the state (the pointer zeroed, their byte count as a u64 at offset + 8) and
   reads them back.  -SRT_ERR_FORMAT for slots outside the state or overlapping. */
int srt_agg_set_collect_slots(SrtAggTable *t, const SrtCollectSlot *slots, uint32_t n);
/* Bring every collect_set of the groups updated in this batch to the state Spark saves
   (srt_collect_settle), before the batch's output.  0 or -SRT_ERR_NOMEM. */
int srt_agg_settle_collects(SrtAggTable *t);
/* Note a batch (mark: its id + 1) in every collect_set of a group that no row reached, as
   Spark merges a global aggregate's empty partial set.  0 or -SRT_ERR_NOMEM. */
int srt_agg_touch_collects(SrtAggTable *t, uint8_t *state, int64_t mark);
/* The table's generation, unique in the process (never 0): it changes whenever a key's state
   may be another, a state may have moved or been freed, or a group marked updated may not be
   any more: the batch's start (the stamp; also at srt_agg_clear and srt_agg_remove_if's end),
   srt_agg_delete, srt_agg_restore, srt_agg_merge_from into it.  The index's growth moves no
   state and keeps it.  A generated loop's group cache, kept in the query across calls,
   holds while it does (srt_query_group_cache). */
uint64_t srt_agg_gen(const SrtAggTable *t);
/* For srt_collect.c: the table's memory, its owner, and a change of the bytes it holds. */
SrtMem *srt_agg_mem(SrtAggTable *t);
SrtQuery *srt_agg_owner(SrtAggTable *t);
void srt_agg_add_bytes(SrtAggTable *t, int64_t delta);

/* ======================================================================
** Collected values (srt_collect.c): the vector of one group's collect_list or collect_set,
** and the model of Scala's HashSet that orders a set as Spark does.  kind as registered.
** ====================================================================== */

/* Spark's Decimal.hashCode (Scala's BigDecimal.hashCode) of unscaled value v at scale
   (srt_javahash.c). */
int32_t srt_java_decimal_hash(srt_i128 v, int32_t scale);
/* Add a row (see srt_collect_add in srt_abi.h); *c is created on the first value.  0 or
   -SRT_ERR_NOMEM. */
int srt_collect_push(SrtMem *m, SrtCollect **c, uint32_t kind, int64_t mark, int is_null,
                     int64_t lo, int64_t hi, const char *s, uint32_t n);
/* collect_set: fold the pending batch's rows into the state as Spark's stages do (no-op
   without them, and for a list).  0 or -SRT_ERR_NOMEM (c unchanged). */
int srt_collect_settle(SrtMem *m, SrtCollect *c, uint32_t kind);
/* A parallel task's values of one group (src, its batch's only) into the query's *dst, as
   one thread adds its rows (srt_par.c's fold, in task order): a list's appended, a set's
   (no FLOAT or DOUBLE, plan_parallel.c) inserted in the order the task inserted them, after
   the batch's mark (a set met only by NULLs still marks its batch).  0 or -SRT_ERR_NOMEM. */
int srt_collect_fold(SrtMem *m, SrtCollect **dst, const SrtCollect *src, uint32_t kind);
/* Session windows (srt_session.c's fold): merge src's values (a batch point's partial ones,
   or a stored session's) into the session *dst being built, created here when NULL: a list
   appends them, a set inserts B(src) into its live table, a digest merges it
   (srt_quantile_merge, srt_histogram_merge; src's pending part settled).  0 or -SRT_ERR_NOMEM. */
int srt_collect_merge(SrtMem *m, SrtCollect **dst, SrtCollect *src, uint32_t kind);
/* A set built by srt_collect_merge made a stored state (slot order of its live table); no-op
   otherwise.  0 or -SRT_ERR_NOMEM. */
int srt_collect_seal(SrtMem *m, SrtCollect *c, uint32_t kind);
/* The indices of the result's elements in order (*order owned by the caller, freed with
   srt_collect_free_order): their count or -SRT_ERR_NOMEM.  A set must be settled. */
int64_t srt_collect_order(SrtMem *m, const SrtCollect *c, uint32_t kind, uint32_t **order);
void srt_collect_free_order(SrtMem *m, const SrtCollect *c, uint32_t kind, uint32_t *order);
/* Element i as a datum (strings point into c). */
void srt_collect_datum(const SrtCollect *c, uint32_t kind, uint32_t i, SrtDatum *d);
/* Bytes held by c (0 for NULL). */
size_t srt_collect_bytes(const SrtCollect *c, uint32_t kind);
void srt_collect_free(SrtMem *m, SrtCollect *c, uint32_t kind);
/* The checkpoint form of the stored elements (a set settled), and its size. */
void srt_collect_encode(const SrtCollect *c, uint32_t kind, SrtBuf *out);
size_t srt_collect_encoded_size(const SrtCollect *c, uint32_t kind);
/* Read srt_collect_encode's n bytes back into a new vector (*out NULL when n is 0).
   0, -SRT_ERR_NOMEM or -SRT_ERR_FORMAT (with err set). */
int srt_collect_decode(SrtMem *m, uint32_t kind, const uint8_t *p, size_t n, SrtCollect **out,
                       SrtErr *err);

/*
** percentile_approx's digest (srt_quantile.c): a slot of kind SRT_COLLECT_QUANTILE points to
** an SrtQuantile, which srt_collect_bytes/free/settle/encode/decode hand over to these.
*/
typedef struct SrtQuantile SrtQuantile;
size_t srt_quantile_bytes(const SrtQuantile *d);
void srt_quantile_free(SrtMem *m, SrtQuantile *d);
/* A non-NULL value x of the batch of mark; *d is created on the first.  0 or -SRT_ERR_NOMEM. */
int srt_quantile_push(SrtMem *m, SrtQuantile **d, int64_t mark, double rel_err, double x);
/* Nonzero (the default): an add that would compress a stable digest again is made in place
   (srt_quantile.c, part_add_stable); tests clear it to compare with the long way. */
extern int srt_quantile_stable_adds;
/* Merge the pending batch's partial digest into the state (no-op without one). */
int srt_quantile_settle(SrtMem *m, SrtQuantile *d);
/* Session windows: src (settled here) merged into *dst, made on the first (see srt_quantile.c).
   0 or -SRT_ERR_NOMEM. */
int srt_quantile_merge(SrtMem *m, SrtQuantile **dst, SrtQuantile *src);
size_t srt_quantile_encoded_size(const SrtQuantile *d);
void srt_quantile_encode(const SrtQuantile *d, SrtBuf *out);
int srt_quantile_decode(SrtMem *m, const uint8_t *p, size_t n, SrtQuantile **out, SrtErr *err);

/* histogram_numeric's bins (srt_histogram.c): a slot of kind SRT_COLLECT_HISTOGRAM points to
   an SrtHistogram, handed over as percentile_approx's digest is. */
typedef struct SrtHistogram SrtHistogram;
size_t srt_histogram_bytes(const SrtHistogram *h);
void srt_histogram_free(SrtMem *m, SrtHistogram *h);
/* A non-NULL value x of the batch of mark; *h is created on the first.  0 or -SRT_ERR_NOMEM. */
int srt_histogram_push(SrtMem *m, SrtHistogram **h, int64_t mark, int32_t nb, double x);
/* Merge the pending batch's partial histogram into the state (no-op without one). */
int srt_histogram_settle(SrtMem *m, SrtHistogram *h);
/* Session windows: src's bins merged into *dst, made on the first (see srt_histogram.c).
   0 or -SRT_ERR_NOMEM. */
int srt_histogram_merge(SrtMem *m, SrtHistogram **dst, const SrtHistogram *src);
size_t srt_histogram_encoded_size(const SrtHistogram *h);
void srt_histogram_encode(const SrtHistogram *h, SrtBuf *out);
int srt_histogram_decode(SrtMem *m, const uint8_t *p, size_t n, SrtHistogram **out, SrtErr *err);

/* ======================================================================
** Session windows (srt_session.c): per key K, a sorted list of disjoint sessions
** ====================================================================== */

typedef struct SrtSessions SrtSessions;
/* A table whose sessions carry state_size bytes; the session slot (start, end: two i64)
   lives at slot_offset of the key bytes.  NULL when out of memory. */
SrtSessions *srt_sessions_new(SrtMem *m, uint32_t state_size, uint32_t slot_offset,
                              SrtMergeFn merge);
/* A batch table: every session is a row's own session [ts, end), a point named by (K, ts,
   end) and found in one probe (an upsert of another (ts, end) makes another point); a key's
   points stay in arrival order (srt_sessions_fold takes them by ts, then end). */
SrtSessions *srt_sessions_new_batch(SrtMem *m, uint32_t state_size, uint32_t slot_offset,
                                    SrtMergeFn merge);
void srt_sessions_free(SrtSessions *t);
/* The query whose sessions t holds, handed to the merge function (a nested min/max or
   max_by/min_by compares with its types); a table without one hands NULL. */
void srt_sessions_set_query(SrtSessions *t, SrtQuery *q);
/* The states' STRING slots (pointer, u32 length at each offset): the table keeps its own
   copy of every string they point to (srt_sessions_strdup; merges and folds copy what they
   take from another table), reclaims replaced ones after a visit, and saves and restores
   them after the fixed bytes (srt_sessions_encode_state).  0, -SRT_ERR_NOMEM or
   -SRT_ERR_FORMAT (an offset past the state). */
int srt_sessions_set_string_slots(SrtSessions *t, const uint32_t *offsets, uint32_t n);
/* A copy of s in t's memory, NULL without memory. */
const char *srt_sessions_strdup(SrtSessions *t, const char *s, uint32_t n);
/* The states' collect_list / collect_set slots (a pointer to an SrtCollect at each offset,
   srt_prog_query_agg_collect): the table owns the values, merges them as sessions merge
   (after the merge function, which leaves them), frees those of sessions merged away or
   removed, and saves them after the strings (percentile_approx's digests and
   histogram_numeric's bins too).  0, -SRT_ERR_NOMEM or -SRT_ERR_FORMAT (a slot past the
   state). */
int srt_sessions_set_collect_slots(SrtSessions *t, const SrtCollectSlot *slots, uint32_t n);
/* The state as a checkpoint keeps it: its fixed bytes, a STRING slot's pointer as 0 (NULL)
   or 1, then the strings' bytes in slot order. */
void srt_sessions_encode_state(const SrtSessions *t, const uint8_t *state, SrtBuf *out);
/* See srt_session_upsert (srt_abi.h).  0 or -SRT_ERR_NOMEM. */
int srt_sessions_upsert(SrtSessions *t, const void *key, uint32_t key_len, uint64_t hash,
                        int64_t start_us, int64_t end_us, uint8_t **state);
/* Visit every session: key is a copy of K with the slot holding (start, end).  fn returns
   0 to keep it, 1 to remove it after the visit, <0 to stop with that error.  Removal
   frees the session (and K when its list becomes empty).  *n_removed counts them. */
typedef int (*SrtSessionVisitFn)(void *ctx, const uint8_t *key, uint32_t key_len,
                                 uint8_t *state, int64_t start_us, int64_t end_us);
int srt_sessions_visit(SrtSessions *t, SrtSessionVisitFn fn, void *ctx, size_t *n_removed);
size_t srt_sessions_count(const SrtSessions *t);   /* sessions held */
size_t srt_sessions_bytes(const SrtSessions *t);   /* memory held */
/* Put back one session from a checkpoint: key holds the slot (start, end); the state is
   as srt_sessions_encode_state wrote it.  0, -SRT_ERR_NOMEM, or -SRT_ERR_FORMAT (bad lengths). */
int srt_sessions_restore(SrtSessions *t, const uint8_t *key, uint32_t key_len, const uint8_t *state,
                         uint32_t state_len, SrtErr *err);
/* Fold the batch table b into t as Spark's SessionWindowStateStoreRestoreExec and
   MergingSessionsExec merge a batch into the state: b holds, per key, one session [ts, end)
   per session of the batch's rows, its state their partial aggregate (rows in arrival
   order).  Per key, t's sessions and b's are taken in order of start (t's first on a tie;
   b's by start, then end, as Spark sorts the session struct) and merged into the session before
   them when they start at or before its end.  b must be a batch table; it is left as it was.
   *n_put: the sessions of b's keys after the fold, *n_gone: t's sessions merged into one before
   them (SessionWindowStateStoreSaveExec's numRowsUpdated and removed rows).  0, -SRT_ERR_NOMEM (the
   keys folded so far stay folded) or -SRT_ERR_FORMAT (tables of different layouts, or b not a batch
   table). */
int srt_sessions_fold(SrtSessions *t, const SrtSessions *b, size_t *n_put, size_t *n_gone);
/* Upsert every point of batch table src into batch table t, in src's order (its keys' first
   insertions, then the key's list order), a new one with src's state, one t has merged into
   with merge (NULL: t's state kept): --threads folds a task's batch table into the query's
   (srt_par.c).  0, -SRT_ERR_NOMEM (the points merged so far stay) or -SRT_ERR_FORMAT (other
   layouts, or a table that is not a batch table). */
int srt_sessions_merge_from(SrtSessions *t, const SrtSessions *src, SrtMergeFn merge);
/* Batch table t's key of its last upsert, as its entry number (keys are numbered from 0 in
   the order of their first upsert; a batch table never removes one). */
uint32_t srt_sessions_last_key(const SrtSessions *t);
/* A point [ts, end) of a batch table's key, by its entry number (srt_sessions_last_key). */
typedef struct SrtSessPoint {
    uint32_t key;
    int64_t ts, end;
} SrtSessPoint;
/* states[i]: the state of batch table t's point (pts[i].ts, pts[i].end) of src's key number
   pts[i].key,
   valid until t's next upsert.  0, -SRT_ERR_NOMEM, or -SRT_ERR_FORMAT when t has no such
   point (or a table is not a batch table). */
int srt_sessions_points(const SrtSessions *t, const SrtSessions *src, const SrtSessPoint *pts,
                        size_t n, uint8_t **states);

/* ======================================================================
** Show (srt_show.c): values as Spark's Dataset.show() prints them
** ====================================================================== */

/* Append the text of one value of type t. */
void srt_show_datum(const SrtDatum *d, const SrtType *t, SrtBuf *out);
/* A value as its Java object's toString in Spark (srt_query.c): an Integer, a Long (a
   TIMESTAMP's microseconds), an Integer (a DATE's days), Double, UTF8String, ...; what
   Spark's messages quote of a row or a map key. */
void srt_java_text(const SrtDatum *d, const SrtType *t, SrtBuf *b);
/* Display width of UTF-8 text as Spark counts it (UTF-16 units, East-Asian wide = 2). */
size_t srt_show_width(const char *s, size_t n);
/* Spark's show() table of the visible columns, ending with the newline after the
   last line (no trailing blank line).  truncate 0: no truncation, left-aligned. */
void srt_show_table(const SrtSchema *schema, SrtDatum *const *rows, size_t n_rows, int64_t num_rows,
                    int truncate, SrtBuf *out);

/* ======================================================================
** Writing rows as text (srt_write.c): Spark's JSON and CSV writers, one row or
** value at a time, appended to a buffer without a line separator
** ====================================================================== */

/* "2016-07-26T02:54:35.000Z" (yyyy-MM-dd'T'HH:mm:ss.SSSXXX, UTC): out needs 40 bytes. */
uint32_t srt_fmt_ts_iso(int64_t us, char *out);
/* "2016-07-26": out needs 32 bytes. */
uint32_t srt_fmt_date(int64_t days, char *out);

/* A JSON string token with Jackson's escapes. */
void srt_write_json_string(const char *s, size_t n, SrtBuf *out);
/* Base64 (RFC 4648, with '=' padding, no line breaks), as Jackson's default variant writes
   and reads a binary value.  decode writes at most n / 4 * 3 bytes to out and returns
   their number, or -1 if s is not base64 of that form. */
void srt_base64_encode(const void *p, size_t n, SrtBuf *out);
/* The same into out (room for (n + 2) / 3 * 4 characters); returns their number. */
size_t srt_base64_chars(const void *p, size_t n, char *out);
/* The value of a base64 character (A-Z a-z 0-9 + /), -1 for any other. */
int srt_base64_digit(unsigned char c);
long srt_base64_decode(const char *s, size_t n, unsigned char *out);
/* One value of type t (NULL as null). */
void srt_write_json_value(const SrtDatum *d, const SrtType *t, SrtBuf *out);
/* One row as an object of its visible columns, NULL fields left out: {"a":1,"b":"x"}. */
void srt_write_json_row(const SrtSchema *schema, const SrtDatum *row, SrtBuf *out);
/* srt_write_json_row with a TIMESTAMP_NTZ pattern (NULL: the default), as the files sink's
   timestampNTZFormat. */
void srt_write_json_row_ntz(const SrtSchema *schema, const SrtDatum *row, const char *ntz_fmt,
                            uint32_t ntz_n, SrtBuf *out);

/* Spark's CSV writer options (CSVOptions for writing). */
typedef struct SrtCsvStyle {
    char sep, quote, escape;         /* ',' '"' '\\' */
    int trim_leading, trim_trailing; /* ignoreLeading/TrailingWhiteSpace, default 1 */
    /* timestampNTZFormat (both writers), borrowed; NULL: the default yyyy-MM-dd'T'HH:mm:ss[.SSS] */
    const char *ntz_fmt;
    uint32_t ntz_n;
} SrtCsvStyle;

void srt_csv_style_default(SrtCsvStyle *st);
/* From the options sep, quote, escape, ignoreLeadingWhiteSpace, ignoreTrailingWhiteSpace
   (absent ones take Spark's defaults; ntz_fmt is left NULL).  0 or -SRT_ERR_OPTION. */
int srt_csv_style_from_opts(const SrtOptions *o, SrtCsvStyle *st, SrtErr *err);
/* CSV holds atomic types only (no STRUCT or ARRAY). */
int srt_csv_supports(const SrtType *t);
/* One field as univocity writes it; first: it starts the record. */
void srt_write_csv_field(const char *s, size_t n, int is_null, int first, const SrtCsvStyle *st,
                         SrtBuf *out);
/* One row of the visible columns (atomic types) as a CSV record. */
void srt_write_csv_row(const SrtSchema *schema, const SrtDatum *row, const SrtCsvStyle *st,
                       SrtBuf *out);
/* The names of the visible columns as a CSV record. */
void srt_write_csv_header(const SrtSchema *schema, const SrtCsvStyle *st, SrtBuf *out);

/* ======================================================================
** File system helpers (srt_fs.c)
** ====================================================================== */

/* Write all n bytes of p to fd, retrying EINTR and short writes.  0 or -1 (errno set). */
int srt_fs_write_all(int fd, const void *p, size_t n);
/* The temporary a file is written to before it is renamed over path: "<dir>/.<name>.tmp-<pid>"
   into out[cap].  0, or -1 with errno EINVAL (path has no file part) or ENAMETOOLONG. */
int srt_fs_temp_path(const char *path, char *out, size_t cap);
/* Whether name (a directory entry) is such a temporary, ".<base>.tmp-<digits>": the length of
   <base> (at name + 1, at least 1), else 0. */
size_t srt_fs_temp_base(const char *name);
/* Create the temporary file path for writing (O_CREAT | O_EXCL | O_NOFOLLOW): whatever holds
   the name already (a stale file, a FIFO, a symbolic link) is unlinked first, so a planted
   link's target is never opened.  The fd, or -1 with errno. */
int srt_fs_create_temp(const char *path, mode_t mode);
/* fsync a directory so a name created, renamed or removed in it survives a crash; a file
   system that cannot sync directories (EINVAL, EROFS) counts as success.  0 or -1 (errno). */
int srt_fs_sync_dir(const char *dir);
/* srt_fs_sync_dir on the directory holding path ("." when path has no '/').  0 or -1. */
int srt_fs_sync_parent(const char *path);
/* The line (1-based) of byte offset `byte` of the file at path: 1 + the line ends before it
   ("\n", "\r\n" or a lone "\r", cm_lines_lf; or line_sep, SrtReadPos's, when not NULL),
   counted by reading the file again; -1 when it cannot be read that far. */
int64_t srt_fs_line_at(const char *path, int64_t byte, const char *line_sep);
/* The same in the open file fd. */
int64_t srt_fs_line_at_fd(int fd, int64_t byte, const char *line_sep);
/* mkdir -p path, each directory created fsync'd into its parent.  0 or -SRT_ERR_IO with a
   message "<what>: ..." naming the directory (what: e.g. "checkpoint", "files sink 'out'"). */
int srt_fs_mkdirs(const char *path, const char *what, SrtErr *err);
/* Append s[0, n), a local path, quoted as the path of the "file://" URI Hadoop's qualified
   Path.toUri.toString gives (java.net.URI's multi-argument constructors: a space is %20, '%'
   %25, '"' %22; non-ASCII characters stay as they are).  No '"' or '\\' survives: JSON-safe. */
void srt_fs_put_uri_path(SrtBuf *b, const char *s, size_t n);

/* A private mapping of an input file (srt_map.c), guarded: a file cut shorter while mapped
   ends the process with an error naming it (the batch uncommitted) instead of a crash.  Its
   bytes may be written (a page written is the process's own copy; the file never changes). */
typedef struct SrtMap SrtMap;
/* Map the first len (> 0) bytes of the open file fd, called name in the error; NULL when it
   cannot (the caller reads the file instead). */
SrtMap *srt_map_open(SrtMem *mem, int fd, size_t len, const char *name);
char *srt_map_data(const SrtMap *m);
size_t srt_map_len(const SrtMap *m);
void srt_map_close(SrtMem *mem, SrtMap *m);

/* ======================================================================
** Checkpoints (srt_ckpt.c): a query's checkpoint directory, in the spirit of Spark's
**   metadata            {"id":"<uuid>"}
**   offsets/<N>         v1, {"batchWatermarkMs":..,"batchTimestampMs":..,"conf":{..}}, source offset
**   commits/<N>         v1, {"nextBatchWatermarkMs":..}
**   sources/<i>/...     the source's own log (files: the files of each batch)
**   state/<op>/<v>.delta | .snapshot   the state after batch v-1
** Every file is written under a hidden temporary name, fsync'd, renamed and its directory
** fsync'd, and ends with a checksum line, so a torn or corrupted file is reported, never
** trusted.
** ====================================================================== */

/* Write n bytes to path atomically and durably, with the checksum trailer.  0 or -err. */
int srt_ckpt_write_file(const char *path, const char *data, size_t n, SrtErr *err);
/* srt_ckpt_write_file, but never replacing: when path exists nothing is written and
   *exists = 1 (the check and the creation are one atomic link()).  0 or -err. */
int srt_ckpt_create_file(const char *path, const char *data, size_t n, int *exists, SrtErr *err);
/* Read a file written by srt_ckpt_write_file into out (without the trailer; out is cleared
   first and left empty on failure).  0 ok; 1 the file does not exist; -SRT_ERR_FORMAT when it is torn or corrupt (the message names the
   file and what is wrong); -SRT_ERR_IO otherwise. */
int srt_ckpt_read_file(const char *path, SrtBuf *out, SrtErr *err);
/* A random (version 4) UUID as 36 characters plus NUL. */
void srt_uuid4(char out[37]);

typedef struct SrtCkpt SrtCkpt;
/* Open (creating if needed) a checkpoint directory; writes metadata with a new id on first
   use.  0 or -err; a corrupt metadata file is an error. */
int srt_ckpt_open(SrtMem *m, const char *dir, SrtCkpt **out, SrtErr *err);
void srt_ckpt_close(SrtCkpt *c);
const char *srt_ckpt_dir(const SrtCkpt *c);
const char *srt_ckpt_id(const SrtCkpt *c);
/* The newest batch id in offsets/ and in commits/; -1 when there is none. */
int64_t srt_ckpt_latest_offsets(const SrtCkpt *c);
int64_t srt_ckpt_latest_commit(const SrtCkpt *c);
/* offsets/<batch>.  source_offset: one line per source (a query reading several: a UNION
   ALL), in source order; NULL or an empty line is written as "-".  Writing an existing batch fails
   with Spark's "Concurrent update to the log. Multiple streaming jobs detected for <N>"
   (-SRT_ERR_QUERY; the existing file is left as it was).  wm_policy: the text of the conf
   multipleWatermarkPolicy recorded (NULL: "min"). */
int srt_ckpt_write_offsets(SrtCkpt *c, int64_t batch, int64_t watermark_ms, int64_t batch_ts_ms,
                           const char *source_offset, const char *wm_policy, SrtErr *err);
/* Delete offsets/<batch> durably: the logged, uncommitted batch of a source that cannot
   replay it (socket) is given up, and its id goes to the next batch. */
int srt_ckpt_drop_offsets(SrtCkpt *c, int64_t batch, SrtErr *err);
/* Read offsets/<batch>: source_offset receives the offset JSON of each source, one line each
   ("" for "-").  1 if absent. */
int srt_ckpt_read_offsets(SrtCkpt *c, int64_t batch, int64_t *watermark_ms, int64_t *batch_ts_ms,
                          SrtBuf *source_offset, SrtErr *err);
/* The value of key in offsets/<batch>'s "conf" (OffsetSeqMetadata.conf) into value, escapes
   decoded: 0, 1 when the entry or the key is absent, or -err. */
int srt_ckpt_read_conf(SrtCkpt *c, int64_t batch, const char *key, SrtBuf *value, SrtErr *err);
int srt_ckpt_write_commit(SrtCkpt *c, int64_t batch, int64_t next_watermark_ms, SrtErr *err);
/* Read commits/<batch>.  1 if absent. */
int srt_ckpt_read_commit(SrtCkpt *c, int64_t batch, int64_t *next_watermark_ms, SrtErr *err);
/* The directory of source i's own log (created on demand by the caller's writes). */
const char *srt_ckpt_source_dir(SrtCkpt *c, int source);
/* Delete offsets, commits and state files no longer needed to restart from batch
   keep_from or later (Spark's minBatchesToRetain): offsets/commits entries below keep_from,
   and per operator the state files older than the newest snapshot at or below version
   keep_from whose deltas up to keep_from exist (nothing when there is none). */
int srt_ckpt_purge(SrtCkpt *c, int64_t keep_from, SrtErr *err);

/* State of stateful operator op: version v is the state after batch v-1.  A version is a
   delta (puts and deletes against version v-1) or a snapshot (every row). */
typedef struct SrtStateWriter SrtStateWriter;
int srt_ckpt_state_begin(SrtCkpt *c, int op, int64_t version, int snapshot, SrtStateWriter **out,
                         SrtErr *err);
int srt_state_put(SrtStateWriter *w, const void *key, uint32_t key_len, const void *val,
                  uint32_t val_len);
int srt_state_delete(SrtStateWriter *w, const void *key, uint32_t key_len);
/* Write the file durably and free w (also on failure); a delta's commit deletes a snapshot of
   the same version an earlier run left, so the delta is what a restore reads. */
int srt_state_commit(SrtStateWriter *w, SrtErr *err);
void srt_state_abort(SrtStateWriter *w);
/* Replay version v: the newest snapshot at or below v, then the deltas after it, each
   record through fn in file order (is_put 0: delete, val NULL).  Version 0 is empty.  A
   missing or corrupt file is an error naming it. */
typedef int (*SrtStateLoadFn)(void *ctx, int is_put, const uint8_t *key, uint32_t key_len,
                              const uint8_t *val, uint32_t val_len);
int srt_ckpt_state_load(SrtCkpt *c, int op, int64_t version, SrtStateLoadFn fn, void *ctx,
                        SrtErr *err);

/* State schemas (srt_ckpt_schema.c): state/<op>/_metadata/schema is written on first use and
   checked on restart by Spark's rule (same field count and types; names ignored): a query
   whose stateful operators or state schemas changed incompatibly is refused with an error
   naming the operator and both schemas.  version: the state version the restart loads. */
struct SrtQueryDef;
int srt_ckpt_check_schemas(SrtCkpt *c, const struct SrtQueryDef *def, int64_t version, SrtMem *m,
                           SrtErr *err);
/* Check key bytes read back from a checkpoint against the layout registered with s (null
   flags 0/1, string lengths that add up to exactly the bytes after the fixed part), so
   generated code never decodes past a key.  0 or -SRT_ERR_FORMAT; 0 without a layout. */
struct SrtStateSchema;
/* Are these the bytes of a value of type t that is not NULL (srt_key.c's encoding)? 0 if so. */
int srt_key_nested_check(const SrtType *t, const uint8_t *bytes, uint32_t len);
/* srt_key_nested of a value of type t: its canonical bytes in scratch memory of q. */
const uint8_t *srt_key_bytes(SrtQuery *q, const SrtType *t, const SrtDatum *d, int keep_neg_zero,
                             uint32_t *len);
int srt_state_key_check(const struct SrtStateSchema *s, const uint8_t *key, uint32_t key_len,
                        SrtErr *err);
/* Spark's equalsIgnoreNameAndCompatibleNullability of two "struct<...>" simpleStrings:
   1 compatible, 0 not, -1 malformed. */
int srt_state_schema_compatible(const char *stored, const char *provided);

/* ======================================================================
** Progress (srt_progress.c): Spark's StreamingQueryProgress and StreamingQueryStatus
** ====================================================================== */

enum {
    SRT_DUR_ADD_BATCH,
    SRT_DUR_COMMIT_OFFSETS,
    SRT_DUR_GET_BATCH,
    SRT_DUR_LATEST_OFFSET,
    SRT_DUR_QUERY_PLANNING,
    SRT_DUR_TRIGGER_EXECUTION,
    SRT_DUR_WAL_COMMIT,
    SRT_DUR_N
};

typedef struct SrtStateOpProgress {
    const char *operator_name; /* Spark's shortName: "stateStoreSave", "dedupe", ... */
    int64_t num_rows_total, num_rows_updated, all_updates_time_ms, num_rows_removed,
        all_removals_time_ms, commit_time_ms, memory_used_bytes, num_rows_dropped_by_watermark;
    int64_t num_state_store_instances; /* per partition (1, a stream-stream join's 4) */
} SrtStateOpProgress;

/* One entry of progress `sources` (SourceProgress). */
typedef struct SrtSourceProgress {
    const char *description;
    const char *start_offset, *end_offset, *latest_offset; /* JSON text; NULL: null */
    const char *metrics;            /* a JSON object of strings; NULL or empty: none */
    int64_t num_input_rows;
    double input_rows_per_second, processed_rows_per_second; /* NaN/inf: omitted */
} SrtSourceProgress;

typedef struct SrtProgress {
    const char *id, *run_id, *name; /* name NULL: null */
    int64_t timestamp_ms;           /* trigger start */
    int64_t batch_id;
    int64_t num_input_rows;
    double input_rows_per_second, processed_rows_per_second; /* NaN/inf: omitted */
    int64_t duration_ms[SRT_DUR_N]; /* -1: absent */
    int has_watermark;              /* eventTime present */
    int has_event_stats;            /* min/max/avg present */
    int64_t event_min_ms, event_max_ms, event_avg_ms, watermark_ms;
    const SrtStateOpProgress *ops;
    int n_ops;
    /* `sources`: n_sources entries, or with n_sources == 0 the one source of the query in
       the fields below (its numInputRows and rates are the query's). */
    const SrtSourceProgress *sources;
    int n_sources;
    const char *source_description;
    const char *start_offset, *end_offset, *latest_offset; /* JSON text; NULL: null */
    const char *source_metrics; /* a JSON object of strings; NULL or empty: none */
    const char *sink_description;
    int64_t sink_output_rows;
} SrtProgress;

/* The key of duration i (SRT_DUR_*) in progress `durationMs`: "addBatch", ... */
const char *srt_progress_duration_name(int i);
/* The progress as JSON in Spark's key order (compact, one line, no newline). */
void srt_progress_json(const SrtProgress *p, SrtBuf *out);

typedef struct SrtStatus {
    const char *message; /* "Waiting for data to arrive", "Processing new data", ... */
    int is_data_available, is_trigger_active;
} SrtStatus;
void srt_status_json(const SrtStatus *s, SrtBuf *out);

/* The last SRT_RECENT_PROGRESS progress records of a query (Spark's recentProgress). */
#define SRT_RECENT_PROGRESS 100
typedef struct SrtProgressRing {
    SrtMem *mem;                       /* borrowed */
    char *json[SRT_RECENT_PROGRESS];   /* owned */
    size_t len[SRT_RECENT_PROGRESS];
    int64_t n;                         /* records ever added */
} SrtProgressRing;
void srt_progress_ring_init(SrtProgressRing *r, SrtMem *m);
void srt_progress_ring_free(SrtProgressRing *r);
/* Keep a copy of json (0 or -NOMEM, dropping the oldest beyond the limit). */
int srt_progress_ring_add(SrtProgressRing *r, const char *json, size_t n);
/* The k-th newest (0 = lastProgress), or NULL. */
const char *srt_progress_ring_get(const SrtProgressRing *r, int64_t k);

/* ======================================================================
** Programs, queries and the run loop
** ====================================================================== */

typedef enum SrtTrigKind {
    SRT_TRIG_DEFAULT,      /* ProcessingTime(0): next batch as soon as possible */
    SRT_TRIG_INTERVAL,     /* ProcessingTime(interval) */
    SRT_TRIG_ONCE,
    SRT_TRIG_AVAILABLE_NOW
} SrtTrigKind;

typedef struct SrtTrigger {
    SrtTrigKind kind;
    int64_t interval_us; /* SRT_TRIG_INTERVAL */
} SrtTrigger;

/* "availableNow", "once", "default", "5 seconds" ... (case-insensitive keywords). */
int srt_trigger_parse(const char *s, SrtTrigger *t, SrtErr *err);

/* The command line of a generated executable (srt_cli.c). */
typedef struct SrtCli {
    const char *argv0;
    const char *trigger;   /* --trigger, overrides every query's trigger option; NULL if absent */
    int64_t max_batches;   /* --max-batches; -1 if absent */
    const char *checkpoint; /* --checkpoint DIR: root of the queries' checkpoints (DIR/<name>) */
    const char *progress;  /* --progress FILE: progress records appended as JSON lines */
    int64_t timeout_us;    /* --timeout SECONDS (awaitTermination); -1 if absent */
    int serve;             /* --serve [HOST:]PORT given */
    char serve_host[256];  /* its HOST (brackets of an IPv6 address removed), 127.0.0.1 */
    int serve_port;        /* its PORT, 0: any free port */
    const char *serve_token; /* --serve-token TOKEN; NULL if absent */
    int threads;           /* --threads N; 0 if absent (the CPUs this process may use) */
    int64_t task_bytes;    /* --task-bytes BYTES; 0 if absent */
    int help, version;
} SrtCli;

/* Parse argv.  0, or -SRT_ERR_OPTION with err saying why. */
int srt_cli_parse(SrtCli *c, int argc, char **argv, SrtErr *err);
void srt_cli_usage(FILE *f, const char *argv0);

typedef struct SrtSourceDef {
    const char *name, *connector;
    SrtOptions opts;
    SrtColumn *cols;
    uint32_t n_cols, cap_cols;
} SrtSourceDef;

typedef struct SrtSinkDef {
    const char *name, *connector;
    SrtOptions opts;
} SrtSinkDef;

typedef struct SrtOrderKey {
    int column, desc, nulls_first;
} SrtOrderKey;

/* The schemas of a stateful operator's state as registered (srt_prog_query_state). */
typedef struct SrtStateSchema {
    const char *name, *key, *value; /* name NULL: registered without schemas */
    uint32_t key_nulls, key_fixed;  /* the key bytes' layout */
    struct SrtStateKeyString {      /* a STRING or nested key: */
        uint32_t len_offset;        /* the offset of its u64 length */
        uint32_t null_index;        /* its null flag (a NULL has length 0) */
        const SrtType *nested;      /* a nested key's type (srt_key.c), or NULL */
    } *key_strings;
    uint32_t n_key_strings, cap_key_strings;
} SrtStateSchema;

/* The highest number a stateful operator may have (state/<0..SRT_OP_MAX>/). */
#define SRT_OP_MAX 255

/* A side of a stream-stream join (srt_prog_query_ssjoin_side, _ssjoin_bound): its columns,
   which of them hold bytes the state copies, and how its rows are evicted. */
#define SRT_SSJOIN_MAX_BOUNDS 8
enum { SRT_SSJOIN_COL_SCALAR = 0, SRT_SSJOIN_COL_BYTES = 1, SRT_SSJOIN_COL_STRUCT = 2 };
typedef struct SrtSsJoinSideDef {
    uint32_t n_cols;
    uint8_t *kinds;         /* per column: SRT_SSJOIN_COL_* (owned by the program) */
    int32_t evict;          /* SRT_SSJOIN_EVICT_* */
    SrtSsJoinOuterFn outer; /* an outer side: makes a row of an unmatched evicted one */
    uint32_t n_bounds;      /* value: the bounds of the state value watermark */
    int64_t bound_us[SRT_SSJOIN_MAX_BOUNDS];
    uint8_t bound_inclusive[SRT_SSJOIN_MAX_BOUNDS];
} SrtSsJoinSideDef;

/* One registered stateful operator: the read-only definition an SrtOperator
   (state/srt_operator.h) is created from at run time. */
typedef struct SrtOpDef {
    int32_t kind;              /* SRT_OPK_* */
    int32_t id;                /* its number: state/<id>/ in the checkpoint, op in the ABI */
    uint32_t state_size;       /* aggregation, session window: bytes of a group's state */
    SrtEmitFn emit;            /* aggregation, session window: a group's row (or, followed by
                                  another aggregation, its update of that one's groups) */
    int global;                /* aggregation without a grouping key: the one group is
                                  updated by every batch */
    int64_t event_key_offset;  /* of the aggregation's event-time key; -1: none */
    uint32_t event_null_at;    /* 1 + the offset of that key's null byte (set: the group is
                                  never final); 0: none */
    int64_t session_slot;      /* session window: offset of (start, end) in the key */
    SrtMergeFn merge;          /* session window: folds one session's state into another */
    SrtMergeFn task_merge;     /* parallel aggregation, session window: folds a task's group
                                  or partial session into the query's (srt_prog_query_parallel;
                                  a session window's skips its replayed aggregates) */
    uint32_t *string_slots;    /* aggregation: state offsets of STRING min/max */
    uint32_t n_string_slots, cap_string_slots;
    SrtCollectSlot *collect_slots; /* aggregation: collect_list / collect_set states */
    uint32_t n_collect_slots, cap_collect_slots;
    SrtSsJoinSideDef ssjoin[2]; /* stream-stream join: left, right */
    int64_t limit;              /* streaming global limit: the rows that go through */
    int limit_per_record;       /* ... asked per record by generated code (else it cuts the
                                   query's rows after the output step) */
    SrtStateSchema schema;
} SrtOpDef;

/* A join of a query (srt_prog_query_join): the build query whose rows it probes (a batch
   query registered with sink -1) and the function making a build row's key bytes. */
typedef struct SrtJoinDef {
    int32_t build;
    SrtJoinKeyFn key;
    SrtJoinUnmatchedFn unmatched; /* a full outer join's unmatched build rows; NULL: none */
} SrtJoinDef;

/* A source a query reads and the generated function that processes its records: one per
   query, or one per branch of a UNION ALL (srt_prog_query_input). */
typedef struct SrtInputDef {
    int source;
    SrtProcessFn process;
    int lines_raw; /* process settles the lone '\r's of a mapped file's lines itself
                      (srt_prog_query_lines_raw, srt_query_process_buffer) */
    int has_watermark;
    int64_t watermark_delay_us;
    const char *csv_header; /* borrowed: the columns a csv files source compares each file's
                               header with (srt_prog_query_csv_header); NULL: none */
} SrtInputDef;

/* A parallel task's log of the values of replayed aggregates, in input order (srt_vlog_put,
   srt_vlog_put_row): entries of (u32 task group, u32 aggregate, the value's bytes),
   8-aligned; or of its aggregation's updates (srt_vlog_put_update: u32 length, u32 0, the
   bytes); emptied after the fold (srt_par.c). */
/* Where the entries of an input a parallel task read start in its log, and the input's name
   (borrowed from the task), so that a row's error in the fold names its input as one thread
   does (srt_vlog_mark, srt_vlog_each). */
typedef struct SrtLogMark {
    size_t at;
    const char *what;
} SrtLogMark;

typedef struct SrtValueLog {
    uint8_t *p; /* owned: cap bytes */
    size_t len, cap;
    uint32_t row; /* the task group of the row being processed, where its operator numbers
                     them (a session window's point, srt_session_upsert) */
    SrtLogMark *marks; /* owned: the inputs' marks, at ascending */
    size_t n_marks, cap_marks;
    size_t fail_at; /* len when the task failed (srt_query_fail_at): its entries before the
                       failing record */
} SrtValueLog;
/* Room for n more bytes of q's value log; NULL when out of memory. */
uint8_t *srt_vlog_grow(SrtQuery *q, size_t n);
/* The entries q logs from now on come from input `what` (borrowed until the fold): 0, or
   -SRT_ERR_NOMEM. */
int srt_vlog_mark(SrtQuery *q, const char *what);
/* fn over the entries of task log l, each run of one input's entries [p, p + len) at a time
   with q->cur_what its name (NULL after). */
typedef void (*SrtLogRunFn)(SrtQuery *q, const uint8_t *p, size_t len, void *ctx);
void srt_vlog_each(SrtQuery *q, const SrtValueLog *l, SrtLogRunFn fn, void *ctx);

typedef struct SrtQueryDef {
    const char *name;
    int sink;                  /* -1: the build side of a join (srt_join.c) */
    SrtInputDef *inputs;       /* in the query's source order (offsets log lines, progress) */
    uint32_t n_inputs, cap_inputs;
    SrtOptions opts;
    SrtColumn *cols;
    uint32_t n_cols, cap_cols;
    uint32_t *keys;            /* the key columns (srt_prog_query_key), ascending */
    uint32_t n_keys, cap_keys;
    SrtEmitFn emit;            /* rows of an aggregating operator's groups */
    SrtOrderKey *order;
    uint32_t n_order, cap_order;
    int has_watermark;         /* some input has a watermark */
    SrtOpDef *ops;             /* the stateful operators, in pipeline order */
    uint32_t n_ops, cap_ops;
    SrtJoinDef *joins;         /* its joins, by number */
    uint32_t n_joins, cap_joins;
    int parallel; /* its batches may run on several threads (srt_prog_query_parallel;
                     its merge function: SrtOpDef.task_merge) */
    SrtDistinctFoldFn distinct_fold; /* a parallel task's DISTINCT tuples into the query's
                                        (srt_prog_query_distinct_fold); NULL: none */
    SrtReplayFn replay;              /* a parallel task's value log into the query's groups
                                        (srt_prog_query_replay); NULL: no replayed aggregate */
    SrtUpdateLogFn update_log;       /* a parallel task's logged updates of the aggregation
                                        made on the query (srt_prog_query_update_log); NULL:
                                        a task makes them */
    SrtSsJoinRowFn ssjoin_row;       /* a parallel task's rows logged at its stream-stream
                                        join, joined on the query in order
                                        (srt_prog_query_ssjoin_row); NULL: a task joins
                                        them (never: such a query is not split) */
} SrtQueryDef;

/* Everything one executable registered; lives from init to exit. */
struct SrtProgram {
    SrtMem *mem;        /* borrowed */
    SrtArena arena;     /* definitions, names, options, types */
    SrtErr err;         /* the first registration error */
    SrtSourceDef *sources;
    int n_sources, cap_sources;
    SrtSinkDef *sinks;
    int n_sinks, cap_sinks;
    SrtQueryDef *queries;
    int n_queries, cap_queries;
};

void srt_prog_init(SrtProgram *p, SrtMem *m);
void srt_prog_free(SrtProgram *p);
/* A variant of p (consumerGroup's lanes, srt_group.c): out shares p's definitions except their
   options, which are out's own to change (srt_prog_*_option, srt_opts_unset).  out must not
   outlive p; free it with srt_prog_free.  0 or -SRT_ERR_NOMEM. */
int srt_prog_derive(const SrtProgram *p, SrtMem *m, SrtProgram *out);

typedef enum SrtOutMode { SRT_OUT_APPEND, SRT_OUT_UPDATE, SRT_OUT_COMPLETE } SrtOutMode;

/* Where a query runs: the shared allocator and output stream. */
typedef struct SrtEnv {
    SrtMem *mem;
    FILE *out; /* standard output for console sinks */
    FILE *err; /* diagnostics */
    FILE *progress;            /* --progress FILE (NULL: none) */
    const char *progress_path; /* its name, for errors */
    const char *checkpoint;    /* --checkpoint DIR: root of checkpoints without their own (NULL) */
    int threads;               /* --threads: threads a parallel query's batch runs on (<= 1: one) */
    size_t task_bytes;         /* --task-bytes: input bytes per parallel task (0: the default) */
    struct SrtPool *pool;      /* the threads beyond the first (srt_par.c); NULL: none */
} SrtEnv;

typedef struct SrtOperator SrtOperator; /* a stateful operator (state/srt_operator.h) */

/* Spark's EventTimeStats avg and count: the running mean of a partition's event times (ms),
   or the merge of several (srt_event.c). */
typedef struct SrtEventMean {
    double avg;
    int64_t count;
} SrtEventMean;

/* EventTimeStats.add (EventTimeWatermarkExec.scala): `count += 1; avg += (eventTime - avg) /
   count`, the Long time and count widened to double; count is the one after the row.  No
   multiplication, so no contraction into a fused multiply-add can change it.  The one
   definition of the step: generated code inlines it as srt_event_mean_add, the fold of a
   parallel task replays logged times with it (srt_event_fold). */
static inline double srt_event_mean_step(double avg, int64_t count, int64_t t_ms)
{
    return avg + ((double)t_ms - avg) / (double)count;
}

/* Event times (ms) a batch of one input saw: count, min, max; the running means of the
   partitions it finished, merged (done), and of the partition it reads (run, of part). */
typedef struct SrtEventStats {
    int64_t n, min_ms, max_ms;
    SrtEventMean done, run;
    int32_t part;
} SrtEventStats;

/* The rows of partition part in a parallel task's event log end at ms[end]. */
typedef struct SrtEventSeg {
    int32_t part;
    size_t end;
} SrtEventSeg;

/* A parallel task's event times, in input order (srt_event_log): ms[0, n), in the partitions
   of segs; replayed by the fold (srt_event_fold). */
typedef struct SrtEventLog {
    int64_t *ms; /* owned: cap */
    size_t n, cap;
    SrtEventSeg *segs; /* owned: cap_segs */
    size_t n_segs, cap_segs;
} SrtEventLog;

/* One input of a running query (SrtInputDef): its source, the offsets of the batch and, as
   Spark's EventTimeWatermarkExec of a watermarked source, its event times and watermark. */
typedef struct SrtInput {
    SrtSource source;
    int open;
    SrtBuf start_offset;     /* end offset of the last committed batch ("" before the first) */
    SrtBuf end_offset;       /* end offset of the batch being planned/run */
    SrtEventStats ev;        /* event times of the current batch */
    int64_t wm_ms;           /* this input's watermark (WatermarkTracker's per-operator value) */
    int wm_set;              /* wm_ms holds a value (0 until its first batch, as Spark) */
    int64_t batch_rows;      /* rows the current batch read from it */
    unsigned json_flags;     /* srt_json_norm_flags, once json_flags_known */
    int json_flags_known;
} SrtInput;

/* A json files source's buffer in the normal form of JSONOptions' parser switches
   (formats/srt_json_norm.c): buf (owned, cap bytes), and for each of its n_lines lines its
   start in buf and in orig (the buffer as read, borrowed), at[2i] and at[2i + 1]. */
typedef struct SrtJsonNorm {
    char *buf;
    size_t cap, n_lines;
    size_t *at;
    const char *orig;
} SrtJsonNorm;

/* The parser switches of the input being processed (cm_json_opts.h): 0 unless it is a json
   files source with some. */
unsigned srt_json_norm_flags(SrtQuery *q);
/* buf[0, len) in normal form into q->jnorm: *out, *out_len; -1 when out of memory. */
int srt_json_norm_begin(SrtQuery *q, unsigned flags, const char *buf, size_t len, const char **out,
                        size_t *out_len);
void srt_json_norm_end(SrtQuery *q);
/* The start of the line as read of the normal line holding pos (pos itself when no normal
   buffer holds it). */
const char *srt_json_norm_origin(const SrtQuery *q, const char *pos);

struct SrtQuery {
    const SrtProgram *prog;  /* borrowed */
    const SrtQueryDef *def;  /* borrowed */
    const SrtEnv *env;       /* borrowed: where it runs (a join runs its build queries there) */
    SrtJoin **joins;         /* owned: the hash tables of its joins (state/srt_join.c) */
    uint32_t n_joins;
    const char *name;        /* the `name` option or the registered name */
    SrtMem *mem;             /* borrowed */
    SrtSchema schema;        /* output columns (borrowed from def) */
    SrtOutMode mode;
    SrtTrigger trigger;
    SrtInput *in;            /* owned, one per def->inputs */
    uint32_t n_in;
    uint32_t cur_in;         /* the input whose records are being processed */
    SrtSink sink;
    int sink_open;

    /* trigger loop */
    int64_t next_due_us;     /* wall-clock time of the next trigger */
    int started, done;
    int is_batch;            /* reads static tables only: one batch over all their files, run
                                before the streaming queries start (option "batch") */
    int64_t limit;           /* LIMIT of a batch query, after the sort; -1 without */
    int64_t max_batches;     /* -1: unlimited */
    int64_t batch_id;        /* id of the next batch */
    int64_t batches_run;

    /* the current batch */
    SrtArena batch;          /* srt_batch_alloc, output rows */
    SrtArena scratch;        /* srt_scratch_alloc */
    SrtDatum **rows;         /* owned array of row pointers into batch memory */
    size_t n_rows, cap_rows;
    int64_t batch_input_rows;
    const char *cur_what;    /* origin of the buffer being processed (a path) */
    const char *cur_buf;
    size_t cur_len;
    SrtReadPos cur_at;       /* where cur_buf starts in cur_what */
    int lines_raw;           /* cur_buf's lone '\r's are still to be made '\n', by the process
                                function (srt_query_lines_settle) */
    SrtJsonNorm jnorm;       /* cur_buf's records in their normal form, when read so */
    SrtBuf file_uri;         /* input_file_name() of file_uri_what (srt_input_file_name) */
    char *file_uri_what;     /* owned copy of the cur_what it was made for, or NULL */
    struct SrtPartSite *part_sites; /* owned: per call site of rand, randn and
                                       monotonically_increasing_id (srt_partition.c) */
    size_t n_part_sites;

    /* nested types named by generated code (srt_nested.c), parsed once each */
    SrtArena meta;           /* query-lifetime allocations */
    struct SrtTypeByText {
        const char *text;    /* the generated module's constant, compared by address */
        const SrtType *type;
    } *types;
    size_t n_types, cap_types;

    /* failure */
    jmp_buf *guard;          /* armed while generated code runs; NULL otherwise */
    int failed;
    SrtErr err;

    /* statistics for progress reporting */
    int64_t total_input_rows;
    int64_t last_batch_output_rows;

    /* event time and watermark (srt_event.c) */
    int64_t watermark_ms;    /* used by the current batch (batchWatermarkMs) */
    int64_t late_wm_ms;      /* late-row threshold: the previous batch's watermark */
    int wm_max;              /* multipleWatermarkPolicy max, else min (srt_event_set_policy) */
    const char *wm_policy;   /* its text as set, which the offsets log records */
    /* the stateful operators (state/srt_operator.h), in pipeline order */
    SrtOperator **ops;       /* owned, cap_ops entries */
    uint32_t n_ops, cap_ops;
    SrtOperator **op_by_id;  /* borrowed from ops, indexed by operator number (NULL: none) */
    uint32_t n_op_ids;
    SrtAggTable *distinct;   /* owned: the tuples DISTINCT aggregates saw (NULL until used) */

    /* identity, checkpoint and progress (srt_recover.c, srt_report.c) */
    char id[37], run_id[37];
    SrtCkpt *ckpt;           /* owned; NULL without a checkpoint */
    const char *ckpt_dir;    /* in meta */
    int replay;              /* the next batch re-runs the logged batch_id (after a restart) */
    int64_t replay_ts_ms;    /* its recorded batch timestamp */
    SrtProgressRing recent;  /* recentProgress */
    SrtStatus status;
    FILE *progress_out;      /* borrowed: --progress FILE, or NULL */
    const char *progress_path; /* borrowed: its name */
    int64_t last_trigger_ms; /* start of the previous trigger that ran a batch (-1 none) */
    int64_t last_progress_us;/* wall time of the last progress record */
    int64_t dur_us[SRT_DUR_N];
    int64_t trigger_start_us;

    /* scalar functions (srt_regex.c, srt_query_batch_ts) */
    int64_t batch_ts_us;     /* current_timestamp() of the batch: wall clock at its start, ms */
    int64_t start_ts_us;     /* DATE 'today', TIMESTAMP 'now'...: wall clock at the query's
                                start, µs (srt_query_start_ts) */
    struct SrtRegexCache *regex; /* owned: compiled patterns; NULL until one is used */
    /* the last datetime pattern read from a column that passed its check, per
       CmDtPatternUse (srt_dtpattern.c); one longer than SRT_DTPAT_CACHED is not kept */
    char dtpat_ok[3][SRT_DTPAT_CACHED];
    uint32_t dtpat_ok_n[3];        /* its length + 1; 0: none */
    struct SrtGroupCache *gcaches; /* owned: generated loops' group caches, n_gcaches of them
                                      (srt_query_group_cache) */
    uint32_t n_gcaches;
    /* --serve: what the HTTP server's threads read (serve/srt_serve.c); NULL without */
    struct SrtLive *live;    /* owned */
    /* --threads: the tasks and worker queries of a parallel query (srt_par.c); NULL: one thread */
    struct SrtPar *par;      /* owned */
    int par_task;            /* a worker query of a parallel task (srt_par.c): DROP DUPLICATES
                                marks the keys it admits with the row they start at */
    SrtValueLog vlog;        /* a parallel task's values of replayed aggregates (srt_vlog_put) */
    SrtEventLog evlog;       /* a parallel task's event times (srt_event_log) */
};

/* Build a running query for definition qi of p (sources/sinks opened).  On failure
   *out may be a partially built query that must still be freed.  trig_override: CLI. */
int srt_query_new(const SrtProgram *p, int qi, const SrtEnv *env, const char *trig_override,
                  int64_t max_batches, SrtQuery **out, SrtErr *err);
void srt_query_free(SrtQuery *q);
/* Run the query's trigger if due at now_us.  0 or -err (q->err has the cause). */
int srt_query_tick(SrtQuery *q, int64_t now_us);

/* consumerGroup (srt_group.c): a query whose source shares its partitions among processes runs
   as lanes, one query per partition this process owns. */
typedef struct SrtGroup SrtGroup;
/* The query (with a sink) whose source asks for a group, or -1. */
int srt_group_find(const SrtProgram *p);
/* Join the group for query qi; its lanes start at the polls.  *out is set even on failure
   (free it with srt_group_close). */
int srt_group_open(const SrtProgram *p, int qi, const SrtEnv *env, const char *trig, int64_t max_batches,
                   SrtGroup **out, SrtErr *err);
/* Between batches: take the group's changes (close revoked lanes, start assigned ones whose
   lock is free); *qs, *n: the running lanes, valid until the next poll. */
int srt_group_poll(SrtGroup *g, SrtQuery ***qs, int *n, SrtErr *err);
/* Close every lane and leave the group. */
void srt_group_close(SrtGroup *g);
/* Run one micro-batch whose input was planned into q->end_offset. */
int srt_query_run_batch(SrtQuery *q);
/* One buffer of whole records (from `what`, starting at `at`; NULL: its beginning) through
   q's process function for input q->cur_in, under the failure guard: *rows gets the input
   rows it read.  0, or -code with q failed (q->err says where and why). */
int srt_query_process_buffer(SrtQuery *q, const char *what, const char *buf, size_t len,
                             const SrtReadPos *at, int64_t *rows);

/* Parallel batches (srt_par.c).  The process's threads beyond the first: started on first
   use, with every signal blocked.  NULL when out of memory. */
#define SRT_TASK_BYTES ((size_t)1 << 20) /* input bytes per parallel task by default */
typedef struct SrtPool SrtPool;
SrtPool *srt_pool_new(SrtMem *m, int threads);
void srt_pool_free(SrtPool *p);
/* The tasks of query q (q->par) for `threads` threads in all.  0 or -code (err). */
typedef struct SrtPar SrtPar;
int srt_par_new(SrtQuery *q, SrtPool *pool, int threads, size_t task_bytes, SrtErr *err);
void srt_par_free(SrtPar *par);
/* SrtReadFn (ctx: q->par) of an input read in parallel; then srt_par_finish folds what is
   left into q (call it whether or not the read failed).  0 or -code (q->err). */
int srt_par_on_buffer(void *ctx, const char *what, const char *buf, size_t len,
                      const SrtReadPos *at);
int srt_par_finish(SrtPar *par);
/* The buffers to lend the source while it is read, or the maker of its rows' runs
   (SrtSource.lender). */
const SrtLender *srt_par_lender(SrtPar *par);
/* Before an input is read: it hands over lines of text (rows NULL), or rows of values of
   these columns, which tasks copy (with the memory they point to) as they take them. */
void srt_par_begin_input(SrtPar *par, const SrtSchema *rows);
/* Free the workers' batch memory (after the sink). */
void srt_par_end_batch(SrtPar *par);
/* The CPUs this process may run on (at least 1). */
int srt_cpu_count(void);
/* Leave the failed query's process or output call (or, outside one, the program). */
SRT_NORETURN void srt_query_bail(SrtQuery *q);
/* fn(q, ctx) on q's thread under a guard of its own (generated code called at a fold: out of
   memory fails the query, srt_query_bail): 0, or -code when it failed. */
int srt_query_guarded(SrtQuery *q, void (*fn)(SrtQuery *q, void *ctx), void *ctx);
/* Out of memory inside generated code: fail q and longjmp to the batch guard. */
SRT_NORETURN void srt_query_oom(SrtQuery *q, const char *what);
/* A query detached from any program, for unit tests of the inline helpers:
   scratch and batch memory only.  NULL when out of memory. */
SrtQuery *srt_query_new_detached(SrtMem *m);

/* The parsed form of a nested type constant of generated code (srt_nested.c); fails
   the query (NULL) if the text is not a type. */
const SrtType *srt_query_type(SrtQuery *q, const char *text);
/* Copy the memory value d points to (strings, binaries, nested values) into arena a, and
   point d at the copy (srt_nested.c).  0 or -SRT_ERR_NOMEM. */
int srt_value_copy(SrtArena *a, const SrtType *t, SrtDatum *d);

/* Regular expressions (srt_regex.c).  Free the query's compiled patterns. */
void srt_regex_cache_free(SrtQuery *q);
/* Free q's group caches (srt_query_group_cache). */
void srt_query_group_caches_free(SrtQuery *q);
/* rand, randn, monotonically_increasing_id (srt_partition.c): free the call sites' state.
   The XORShiftRandom of Spark (org.apache.spark.util.random): its state for a seed
   (hashSeed), nextDouble and nextGaussian (have/next: the second value the polar method
   made). */
typedef struct SrtPartSite SrtPartSite;
void srt_partition_free(SrtQuery *q);
uint64_t srt_xorshift_seed(int64_t seed);
double srt_xorshift_double(uint64_t *state);
double srt_xorshift_gaussian(uint64_t *state, int *have, double *next);
/* input_file_name()'s cached URI (srt_input_file.c): the copy of the path it was made for,
   and everything. */
void srt_input_file_free_what(SrtQuery *q);
void srt_input_file_free(SrtQuery *q);
/* Group idx of re's first match in s[0, n) (Matcher.find, then group(idx)): 1 and its byte
   offsets [*b, *e); 0 when nothing matches or the group took no part (or does not exist);
   -1 when re is NULL or the match could not finish (the query has failed). */
int srt_regex_group(SrtQuery *q, const SrtRegex *re, const char *s, uint32_t n, int idx,
                    uint32_t *b, uint32_t *e);

/* One code point of UTF-8 text s[*i..n) (advancing *i), ill-formed bytes giving U+FFFD as
   Java's decoder does (srt_case.c). */
uint32_t srt_utf8_decode(const char *s, uint32_t n, uint32_t *i);
/* Java's Character.getType(char) of a code point, as far as mask and luhn_check ask it
   (srt_case.c): Lu, Ll, Nd or anything else (a code point beyond the BMP is two surrogate
   chars, SRT_CHAR_OTHER).  srt_char_digit is Character.digit(char, radix): an Nd digit's
   value, 10.. for the Latin letters (also the fullwidth ones), -1 when not below radix. */
enum { SRT_CHAR_OTHER, SRT_CHAR_UPPER, SRT_CHAR_LOWER, SRT_CHAR_DIGIT };
int srt_char_type(uint32_t c);
/* Java's Character.getType of a code point (a supplementary one's own category, as the
   break iterators read it; srt_case.c over the UCD's categories), SRT_GC_CN unassigned. */
enum {
    SRT_GC_CN,
    SRT_GC_LU,
    SRT_GC_LL,
    SRT_GC_LT,
    SRT_GC_LM,
    SRT_GC_LO,
    SRT_GC_MN,
    SRT_GC_MC,
    SRT_GC_ME,
    SRT_GC_ND,
    SRT_GC_NL,
    SRT_GC_NO,
    SRT_GC_PC,
    SRT_GC_PD,
    SRT_GC_PS,
    SRT_GC_PE,
    SRT_GC_PI,
    SRT_GC_PF,
    SRT_GC_PO,
    SRT_GC_SM,
    SRT_GC_SC,
    SRT_GC_SK,
    SRT_GC_SO,
    SRT_GC_ZS,
    SRT_GC_ZL,
    SRT_GC_ZP,
    SRT_GC_CC,
    SRT_GC_CF,
    SRT_GC_CS,
    SRT_GC_CO
};
int srt_char_gc(uint32_t c);
int srt_char_digit(uint32_t c, int radix);

/* Event time (srt_event.c).  Reset the batch's event-time statistics and counters. */
void srt_event_begin_batch(SrtQuery *q);
/* The event times progress reports: those of the first input (in source order) that saw
   some, as ProgressReporter takes the first EventTimeWatermarkExec with rows; NULL: none. */
const SrtEventStats *srt_event_stats(const SrtQuery *q);
/* The batch's average event time (ms) of srt_event_stats, truncated as Spark. */
int64_t srt_event_avg_ms(const SrtQuery *q);
/* Fold parallel task w's event times of input `in` into q's (srt_par.c, in input order):
   count, min and max added, the logged times replayed into the partitions' running means;
   w's log emptied. */
void srt_event_fold(SrtQuery *q, uint32_t in, SrtQuery *w);
/* Room for one more time in q's event log (srt_event_log's slow path); NULL when out of
   memory.  srt_event_log_free: its memory. */
int64_t *srt_event_log_grow(SrtQuery *q);
void srt_event_log_free(SrtQuery *q);
/* After the batch: each watermarked input's watermark becomes max(its own, batch max - delay)
   (0 before it saw rows), and the watermark for the next batch is the minimum over them (the
   maximum with multipleWatermarkPolicy max), never below the current one.  Call once per
   batch. */
int64_t srt_event_next_watermark(SrtQuery *q);
/* Take multipleWatermarkPolicy `text` (min or max, any case; kept as written for the offsets
   log): 0, or Spark's "'<text>' in spark.sql.streaming.multipleWatermarkPolicy is invalid.
   ..." as -SRT_ERR_OPTION.  text lives as long as q. */
int srt_event_set_policy(SrtQuery *q, const char *text, SrtErr *err);
/* Does a move of the watermark alone change a stateful operator's state or output? */
int srt_event_watermark_cleans(const SrtQuery *q);
/* Is the group whose event-time key (an i64 at key_offset; -1: none) is in these key bytes
   final under the current batch's watermark as operator op sees it (srt_event_op_watermark)? */
int srt_event_is_final(const SrtOperator *op, int64_t key_offset, const uint8_t *key,
                       uint32_t key_len);
/* The watermark (ms) operator op sees when the query's is wm_ms: the query's, or below a
   stream-stream join the join's output watermark (Spark 3.5's watermark propagation). */
int64_t srt_event_op_watermark(const SrtOperator *op, int64_t wm_ms);

/* Checkpoints of a query (srt_recover.c).  The checkpoint directory of q: its
   checkpointLocation option, else <env->checkpoint>/<name>, else NULL. */
const char *srt_recover_dir(SrtQuery *q, const SrtEnv *env);
/* Open the checkpoint (before the source is opened: sets source.log_dir and q->id). */
int srt_recover_open(SrtQuery *q, const char *dir, SrtErr *err);
/* After source and sink are open: position the query as the checkpoint says (batch id,
   offsets, watermark, state, a re-run of an uncommitted batch).  Warnings go to log. */
int srt_recover_start(SrtQuery *q, FILE *log, SrtErr *err);
/* Per batch: offsets/N before reading; the state version after the sink (evicting final
   groups, with or without a checkpoint); commits/N last. */
int srt_recover_log_offsets(SrtQuery *q, int64_t batch_ts_ms);
int srt_recover_state(SrtQuery *q);
int srt_recover_commit(SrtQuery *q, int64_t next_wm_ms);

/* Reporting (srt_report.c).  Status, progress after a batch (before the inputs' start
   offsets move to their ends; idle: a trigger without a batch, rate-limited to one every
   10 s), failure. */
void srt_report_status(SrtQuery *q, const char *message, int data_available, int trigger_active);
/* Publish the progress of the batch just run (idle: of an idle trigger, at most every 10 s).
   0, or -SRT_ERR_IO with q->err naming the --progress file when it cannot be written. */
int srt_report_batch(SrtQuery *q, int idle);
void srt_report_failure(const SrtQuery *q, FILE *err);

/* Build the batch's output rows by output mode (srt_output.c). */
int srt_output_collect(SrtQuery *q);
/* Stable sort of rows by keys (srt_sort.c).  0 or -NOMEM. */
int srt_sort_rows(SrtMem *m, SrtDatum **rows, size_t n, const SrtSchema *schema,
                  const SrtOrderKey *keys, uint32_t n_keys);

/* Run a whole program (srt_main without the process-wide setup).  Returns the exit code. */
int srt_run(int argc, char **argv, SrtInitFn init, const SrtEnv *env);

/* ======================================================================
** The HTTP server of --serve (serve/srt_serve.c, serve/srt_serve_page.c)
** ======================================================================
** libmicrohttpd runs the server in its own threads; it is loaded with dlopen when --serve is
** given, so an executable that does not serve neither links nor loads it.  The queries run
** in the main thread; a query being served has an SrtLive whose lock guards its status, its
** recentProgress ring and the figures of its last progress record (srt_report.c takes it
** while it changes them), and a stop flag the scheduler honours between batches. */

typedef struct SrtServe SrtServe;
/* Whether host names the loopback (127.0.0.1, ::1, localhost), served without a token. */
int srt_serve_loopback(const char *host);
/* Start serving the n queries (they outlive the server).  On success prints
   "serving http://HOST:PORT/" on err.  0, or -SRT_ERR_* with the cause in e. */
int srt_serve_start(const SrtCli *cli, SrtQuery **qs, int n, FILE *err, SrtServe **out,
                    SrtErr *e);
/* Answer the requests in flight (a short grace), then stop and free the server. */
void srt_serve_stop(SrtServe *s);
/* The query's lock around a change of what the server reads (no-op when not served). */
void srt_live_lock(SrtQuery *q);
void srt_live_unlock(SrtQuery *q);
/* Keep the figures of a published progress record for /metrics and /api (takes the lock). */
void srt_live_progress(SrtQuery *q, const SrtProgress *p, int idle);
/* Whether POST /api/queries/{name}/stop asked the query to stop. */
int srt_live_stop_requested(const SrtQuery *q);
/* The query has ended (stopped, done or failed): the server reports it inactive. */
void srt_live_finished(SrtQuery *q);

/* The live page is serve/srt_serve_page.h. */

/* ======================================================================
** Time and signals
** ====================================================================== */

int64_t srt_now_us(void);       /* wall clock, µs since the epoch */
int64_t srt_mono_us(void);      /* monotonic clock, µs */
/* Sleep until the wall clock reaches until_us or a stop is requested. */
void srt_sleep_until(int64_t until_us);
/* The same, waking early when one of fds[0..n) polls readable (its revents set then).
   Returns the number of ready descriptors (0: the time came, or a stop). */
struct pollfd;
int srt_wait_until(int64_t until_us, struct pollfd *fds, int n);

/* SIGINT/SIGTERM set the stop flag (the runtime's one mutable global). */
int srt_signal_install(void);
int srt_stop_requested(void);
void srt_stop_reset(void);

#endif
