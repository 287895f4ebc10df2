/* srt_par.c - a batch's records on several threads (--threads N), with one thread's result.
**
** A query the compiler marked parallel (srt_prog_query_parallel: operators whose tasks fold
** exactly, plan_parallel.c) reads a text source's batch as tasks: runs of whole lines, up to
** --task-bytes each, in input order, in buffers the source reads into and the tasks keep
** until they are folded (SrtLender; a source that reads elsewhere has its lines copied; a
** buffer of a csv file read with multiLine, whose records span lines, is never cut:
** SrtReadPos.whole).  A rate source hands over runs of rows that are a pure function of their
** index (SrtLender.rows, SrtRowRun): a task is a range of those indices, whose rows it makes
** itself on its thread, nothing made or copied on the query's thread; rows of other value
** sources are copied into tasks.
** Each task runs the generated process function on a worker query of its own (a copy of the
** query whose rows, memory, event-time statistics and operators' state are its own), on a
** pool thread or on the query's thread while it waits.  The query's thread folds finished
** tasks into the query strictly in task order: each operator folds its task's
** (SrtOperatorVt.fold: groups merged into the state with the aggregation's merge function in
** the task's insertion order, so the state's order, and every output order derived from it,
** is one thread's, then the task's value log of replayed aggregates (a DOUBLE sum: values
** the task did not add, srt_vlog_put) added to the groups they were merged into, in input
** order, by the generated replay function; a session window's partial sessions likewise,
** its logged values replayed into the points (key, timestamp) of their rows;
** DROP DUPLICATES' keys tested against the query's in order, cutting the rows of the keys
** seen before; a stream-stream join's rows, which the task logged instead of joining them,
** joined by the generated row function, the operators above the join running there too (not
** folded: their tasks' states stay empty); then the task's first DISTINCT tuples, in its
** order, against the query's set,
** the aggregates of the new ones updated by the generated fold function), then rows
** appended, counters added and event times: their count and extremes added, the times the
** task logged replayed into its partitions' running means (srt_event_fold).  A failed task
** fails the batch with its own message, as one thread would at its first failing record; the
** tasks after it are discarded.
**
** Threads: the pool is one per process (SrtEnv.pool), N - 1 threads started on first use,
** with every signal blocked (SIGINT/SIGTERM reach the scheduler's thread).  Queries run one
** at a time on the scheduler's thread, so one query uses the pool at a time.
*/
#define _GNU_SOURCE /* memrchr, CPU_COUNT */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <string.h>

#include "srt_int.h"
#include "state/srt_operator.h"

typedef enum { TASK_FREE, TASK_FILLING, TASK_QUEUED, TASK_RUNNING, TASK_DONE } TaskState;

/* A buffer lent to the source (SrtLender): the source reads into it and hands its lines
   over, the tasks run them where they are.  Free again when no task points into it and the
   source gave it back.  A mapping the source maps a file into is adopted the same way and
   closed at that point. */
typedef struct ParBuf {
    char *p;
    size_t cap;
    int refs;               /* tasks pointing into it, + 1 while the source has it */
    SrtMap *map;            /* owned: an adopted mapping (p is its data), else NULL */
    struct ParBuf *next;    /* every buffer of the query */
} ParBuf;

#define TASK_BUFS 8 /* lent buffers one task points into at most (then it is submitted) */

/* One piece of a task: len bytes at ptr (in a lent buffer), or at data + off (copied), from
   the task's input, starting at `at` of the origin named at names + name; or, when run.fill
   is set, the len rows of run from its row `first` on, which the task makes itself. */
typedef struct ParSeg {
    const char *ptr;
    size_t off, len, name;
    SrtReadPos at;
    SrtRowRun run;
    int64_t first;
} ParSeg;

typedef struct ParTask {
    SrtQuery *w;            /* owned: the worker query */
    SrtMem mem;             /* the worker's allocator (its own accounting) */
    uint32_t in;            /* the input its segments come from */
    char *data;             /* owned: copies of buffers no lender gave */
    size_t len, cap;        /* len: bytes in the task, copied or not */
    size_t copied;          /* bytes in data */
    ParBuf *bufs[TASK_BUFS];/* lent buffers its segments point into (a reference each) */
    int n_bufs;
    ParSeg *segs;           /* owned */
    size_t n_segs, cap_segs;
    SrtDatum *made;         /* owned (the worker's memory): rows of a run, made a chunk at a
                               time (SRT_RUN_CHUNK_ROWS) */
    size_t cap_made;        /* datums */
    SrtBuf names;           /* the origins, NUL-separated */
    size_t last_name;       /* offset of the newest origin in names */
    int64_t rows;           /* input rows processed */
    int failed;
    TaskState state;        /* under the pool's lock once submitted */
    uint64_t seq;
    struct ParTask *next;   /* the pool's queue */
} ParTask;

struct SrtPool {
    SrtMem *mem;             /* borrowed */
    int want;                /* threads to start */
    pthread_t *th;
    int n_th;                /* started */
    int started;             /* start was tried */
    pthread_mutex_t mu;
    pthread_cond_t work;     /* a task was queued, or stop */
    pthread_cond_t done;     /* a task finished */
    ParTask *head, *tail;
    int stop;
};

struct SrtPar {
    SrtQuery *q;             /* borrowed */
    SrtPool *pool;           /* borrowed */
    size_t task_bytes;
    ParTask *tasks;          /* owned, n_tasks */
    int n_tasks;
    ParTask *filling;
    uint64_t next_seq, next_merge;
    int failed;              /* a task failed: the rest are discarded */
    ParBuf *bufs;            /* owned: every lent buffer */
    ParBuf *lent;            /* the one the source reads into now, or NULL */
    SrtLender lender;        /* set on the source while an input is read */
    const SrtSchema *rows;   /* the input being read hands over rows of these columns (NULL:
                                lines of text) */
};

/* ======================================================================
** The pool
** ====================================================================== */

SrtPool *srt_pool_new(SrtMem *m, int threads)
{
    SrtPool *p = srt_mem_calloc(m, sizeof *p);
    if (!p)
        return NULL;
    p->mem = m;
    p->want = threads;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    return p;
}

static void run_task(ParTask *t);

static void *pool_thread(void *arg)
{
    SrtPool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->head && !p->stop)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->stop)
            break;
        ParTask *t = p->head;
        p->head = t->next;
        if (!p->head)
            p->tail = NULL;
        t->state = TASK_RUNNING;
        pthread_mutex_unlock(&p->mu);
        run_task(t);
        pthread_mutex_lock(&p->mu);
        t->state = TASK_DONE;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Start the threads once.  Those that cannot start are done without: the query's thread
   runs every task nobody takes. */
static void pool_start(SrtPool *p)
{
    if (p->started)
        return;
    p->started = 1;
    p->th = srt_mem_calloc(p->mem, sizeof *p->th * (size_t)(p->want ? p->want : 1));
    if (!p->th)
        return;
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    for (int i = 0; i < p->want; i++) {
        if (pthread_create(&p->th[p->n_th], NULL, pool_thread, p) != 0)
            break;
        p->n_th++;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

void srt_pool_free(SrtPool *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->n_th; i++)
        pthread_join(p->th[i], NULL);
    srt_mem_free(p->mem, p->th, sizeof *p->th * (size_t)(p->want ? p->want : 1));
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    srt_mem_free(p->mem, p, sizeof *p);
}

/* ======================================================================
** Worker queries
** ====================================================================== */

/* A copy of q for generated code on another thread: the definition, joins (read only),
   mode and schema are q's; memory, rows, failure, caches, event-time statistics and
   operators (a group table that starts empty) are its own. */
static SrtQuery *worker_new(SrtQuery *q, SrtMem *m, SrtErr *err)
{
    SrtQuery *w = srt_mem_calloc(m, sizeof *w);
    if (!w) {
        srt_err_nomem(err, "worker query");
        return NULL;
    }
    w->prog = q->prog;
    w->def = q->def;
    w->env = q->env;
    w->joins = q->joins;
    w->n_joins = q->n_joins;
    w->name = q->name;
    w->start_ts_us = q->start_ts_us;
    w->mem = m;
    w->schema = q->schema;
    w->mode = q->mode;
    w->trigger = q->trigger;
    w->is_batch = q->is_batch;
    w->limit = -1;
    w->max_batches = -1;
    w->par_task = 1;
    srt_arena_init(&w->batch, m, 64 << 10);
    srt_arena_init(&w->scratch, m, 4 << 10);
    srt_arena_init(&w->meta, m, 1 << 10);
    w->in = srt_mem_calloc(m, sizeof *w->in * (q->n_in ? q->n_in : 1));
    if (!w->in) {
        srt_err_nomem(err, "worker query");
        return w;
    }
    w->n_in = q->n_in;
    srt_query_ops_create(w, q->def->ops, q->def->n_ops, err);
    return w;
}

static void worker_free(SrtQuery *w)
{
    if (!w)
        return;
    SrtMem *m = w->mem;
    srt_query_ops_free(w);
    srt_agg_free(w->distinct);
    srt_mem_free(m, w->vlog.p, w->vlog.cap);
    srt_mem_free(m, w->vlog.marks, sizeof *w->vlog.marks * w->vlog.cap_marks);
    srt_event_log_free(w);
    srt_regex_cache_free(w);
    srt_query_group_caches_free(w);
    srt_input_file_free(w);
    srt_partition_free(w);
    srt_arena_free(&w->batch);
    srt_arena_free(&w->scratch);
    srt_arena_free(&w->meta);
    srt_mem_free(m, w->types, sizeof *w->types * w->cap_types);
    srt_mem_free(m, w->rows, sizeof *w->rows * w->cap_rows);
    srt_mem_free(m, w->in, sizeof *w->in * (w->n_in ? w->n_in : 1));
    srt_mem_free(m, w, sizeof *w);
}

/* What generated code reads of the batch, as of now on the query's thread. */
static void worker_sync(SrtQuery *w, const SrtQuery *q, uint32_t in)
{
    w->batch_id = q->batch_id;
    w->batch_ts_us = q->batch_ts_us;
    w->watermark_ms = q->watermark_ms;
    w->late_wm_ms = q->late_wm_ms;
    w->cur_in = in;
}

/* The value log of replayed aggregates (srt_vlog_put), folded: emptied, its memory kept for
   the next task unless it grew past VLOG_KEEP_BYTES. */
#define VLOG_KEEP_BYTES ((size_t)1 << 20)

static void vlog_clear(SrtQuery *w)
{
    w->vlog.len = 0;
    w->vlog.n_marks = 0;
    w->vlog.fail_at = 0;
    if (w->vlog.cap > VLOG_KEEP_BYTES) {
        srt_mem_free(w->mem, w->vlog.p, w->vlog.cap);
        w->vlog.p = NULL;
        w->vlog.cap = 0;
    }
}

uint8_t *srt_vlog_grow(SrtQuery *q, size_t n)
{
    SrtValueLog *l = &q->vlog;
    size_t cap = l->cap ? l->cap : 4096;
    while (cap - l->len < n)
        cap *= 2;
    uint8_t *p = srt_mem_realloc(q->mem, l->p, l->cap, cap);
    if (!p)
        return NULL;
    l->p = p;
    l->cap = cap;
    return p + l->len;
}

int srt_vlog_mark(SrtQuery *q, const char *what)
{
    SrtValueLog *l = &q->vlog;
    if (l->n_marks && strcmp(l->marks[l->n_marks - 1].what, what) == 0)
        return 0;
    if (l->n_marks && l->marks[l->n_marks - 1].at == l->len) { /* nothing from the last one */
        l->marks[l->n_marks - 1].what = what;
        return 0;
    }
    void *a = l->marks;
    if (srt_mem_grow(q->mem, &a, &l->cap_marks, sizeof *l->marks, l->n_marks + 1) < 0)
        return -SRT_ERR_NOMEM;
    l->marks = a;
    l->marks[l->n_marks++] = (SrtLogMark){l->len, what};
    return 0;
}

void srt_vlog_each(SrtQuery *q, const SrtValueLog *l, SrtLogRunFn fn, void *ctx)
{
    size_t at = 0;
    for (size_t i = 0; i <= l->n_marks; i++) {
        size_t end = i < l->n_marks ? l->marks[i].at : l->len;
        if (end > l->len)
            end = l->len;
        if (end > at) {
            q->cur_what = i ? l->marks[i - 1].what : NULL;
            fn(q, l->p + at, end - at, ctx);
            at = end;
        }
    }
    q->cur_what = NULL;
}

/* Empty what a task left in w but its rows' memory (referenced by q's rows until the
   batch ends). */
static void worker_clear(SrtQuery *w)
{
    w->n_rows = 0;
    w->failed = 0;
    srt_err_clear(&w->err);
    for (uint32_t i = 0; i < w->n_in; i++)
        memset(&w->in[i].ev, 0, sizeof w->in[i].ev);
    for (uint32_t i = 0; i < w->n_ops; i++) {
        memset(&w->ops[i]->st, 0, sizeof w->ops[i]->st);
        srt_event_clear_late(w->ops[i]);
        w->ops[i]->vt->task_clear(w->ops[i]);
    }
    if (w->distinct)
        srt_agg_clear(w->distinct);
    vlog_clear(w);
    w->evlog.n = 0;
    w->evlog.n_segs = 0;
}

/* ======================================================================
** Tasks
** ====================================================================== */

/* Segment s's rows of a run made a chunk at a time and processed, as the source would
   hand them over on one thread.  0 or -code (t->w->err). */
static int run_rows(ParTask *t, const ParSeg *s)
{
    SrtQuery *w = t->w;
    size_t chunk = (size_t)SRT_RUN_CHUNK_ROWS * (size_t)s->run.n_cols;
    if (t->cap_made < chunk) {
        SrtDatum *d = srt_mem_realloc(w->mem, t->made, sizeof *d * t->cap_made, sizeof *d * chunk);
        if (!d)
            return srt_err_nomem(&w->err, "parallel task");
        memset(d, 0, sizeof *d * chunk); /* fill writes only what it makes (never NULL) */
        t->made = d;
        t->cap_made = chunk;
    }
    for (int64_t i = 0; i < (int64_t)s->len;) {
        int64_t n =
            (int64_t)s->len - i < SRT_RUN_CHUNK_ROWS ? (int64_t)s->len - i : SRT_RUN_CHUNK_ROWS;
        int64_t done = 0;
        s->run.fill(&s->run, s->first + i, n, t->made);
        int rc =
            srt_query_process_buffer(w, t->names.p + s->name, (const char *)t->made,
                                     sizeof *t->made * (size_t)(n * s->run.n_cols), &s->at, &done);
        t->rows += done;
        if (rc < 0)
            return rc;
        i += n;
    }
    return 0;
}

/* Does a task of query def log what the fold makes: replayed values, the aggregation's
   updates, the rows of its stream-stream join? */
static int logs(const SrtQueryDef *def)
{
    return def->replay || def->update_log || def->ssjoin_row;
}

static void run_task(ParTask *t)
{
    SrtQuery *w = t->w;
    for (size_t i = 0; i < t->n_segs && !t->failed; i++) {
        const ParSeg *s = &t->segs[i];
        char *p = s->ptr ? (char *)s->ptr : t->data + s->off;
        int64_t n = 0;
        if (logs(w->def) && srt_vlog_mark(w, t->names.p + s->name) < 0) {
            srt_err_nomem(&w->err, "parallel task");
            t->failed = 1;
            break;
        }
        if (s->run.fill) {
            if (run_rows(t, s) < 0)
                t->failed = 1;
            continue;
        }
        if (srt_query_process_buffer(w, t->names.p + s->name, p, s->len, &s->at, &n) < 0)
            t->failed = 1;
        t->rows += n;
    }
}

/* One reference to b less (on the query's thread); an adopted mapping nothing points into
   any more is closed. */
static void buf_unref(SrtPar *par, ParBuf *b)
{
    if (--b->refs > 0 || !b->map)
        return;
    for (ParBuf **pp = &par->bufs; *pp; pp = &(*pp)->next)
        if (*pp == b) {
            *pp = b->next;
            break;
        }
    if (par->lent == b)
        par->lent = NULL;
    srt_map_close(par->q->mem, b->map);
    srt_mem_free(par->q->mem, b, sizeof *b);
}

static void task_reset(SrtPar *par, ParTask *t)
{
    for (int i = 0; i < t->n_bufs; i++)
        buf_unref(par, t->bufs[i]);
    t->n_bufs = 0;
    t->len = 0;
    t->copied = 0;
    t->n_segs = 0;
    srt_buf_clear(&t->names);
    t->rows = 0;
    t->failed = 0;
    worker_clear(t->w);
}

typedef struct DistinctFold {
    SrtQuery *q;
    SrtDistinctFoldFn fn;
} DistinctFold;

static int fold_tuple(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    const DistinctFold *f = ctx;
    int64_t mark;
    memcpy(&mark, state, sizeof mark);
    f->fn(f->q, (int32_t)(mark - 1), key, key_len);
    return 0;
}

static void fold_tuples(SrtQuery *q, void *ctx)
{
    DistinctFold f = {q, q->def->distinct_fold};
    srt_agg_foreach(ctx, fold_tuple, &f);
}

/* The DISTINCT tuples task worker w met, in its order, into q (after its groups, which they
   update), under a guard: the generated fold fails the query on out of memory. */
static int fold_distinct(SrtQuery *q, SrtQuery *w)
{
    if (!w->distinct || !q->def->distinct_fold)
        return 0;
    int rc = srt_query_guarded(q, fold_tuples, w->distinct);
    if (rc == 0)
        srt_scratch_reset(q); /* long keys the fold built */
    return rc;
}

/* Is operator o of q folded from its tasks'?  Not above a stream-stream join that splits
   (srt_prog_query_ssjoin_row): the rows the join makes at the fold, on q, feed them; their
   tasks' states stay empty. */
static int folds(const SrtQuery *q, const SrtOperator *o)
{
    return !q->def->ssjoin_row || o->vt == &srt_op_ssjoin_vt;
}

/* The part of failed task t's logged values or updates before its failing record, folded
   into q: one thread makes those updates before it meets that record, and one of them may
   fail the query first (an interval sum's overflow).  0, or -code when q failed there. */
static int fold_failed(SrtQuery *q, ParTask *t)
{
    SrtQuery *w = t->w;
    if (!logs(q->def))
        return 0;
    if (w->vlog.len > w->vlog.fail_at)
        w->vlog.len = w->vlog.fail_at;
    for (uint32_t i = 0; i < w->n_ops && !q->failed; i++) {
        if (!folds(q, q->ops[i]))
            continue;
        int rc = q->ops[i]->vt->fold(q->ops[i], w->ops[i]);
        if (rc < 0)
            return rc;
    }
    return q->failed ? -(q->err.code ? q->err.code : SRT_ERR_QUERY) : 0;
}

/* Fold finished task t into q (the next in order): 0, or -code when it failed. */
static int merge_task(SrtPar *par, ParTask *t)
{
    SrtQuery *q = par->q, *w = t->w;
    if (t->failed) {
        int rc = fold_failed(q, t);
        if (rc < 0)
            return rc;
        q->failed = 1;
        q->err = w->err;
        if (!q->err.code)
            srt_err_set(&q->err, SRT_ERR_QUERY, "processing failed");
        return -q->err.code;
    }
    /* The operators first: DROP DUPLICATES cuts the rows of keys seen before. */
    for (uint32_t i = 0; i < w->n_ops; i++) {
        SrtOperator *wo = w->ops[i], *qo = q->ops[i];
        if (!folds(q, qo))
            continue;
        int rc = srt_event_fold_late(qo, wo);
        if (rc < 0)
            return -srt_err_nomem(&q->err, "late groups");
        rc = qo->vt->fold(qo, wo);
        if (rc < 0)
            return rc;
        if (q->failed) /* a replayed update failed it (an interval sum's overflow) */
            return -(q->err.code ? q->err.code : SRT_ERR_QUERY);
    }
    int rc = fold_distinct(q, w);
    if (rc < 0)
        return rc;
    if (w->n_rows) {
        if (srt_mem_grow(q->mem, (void **)&q->rows, &q->cap_rows, sizeof *q->rows,
                         q->n_rows + w->n_rows) < 0)
            return -srt_err_nomem(&q->err, "output rows");
        memcpy(q->rows + q->n_rows, w->rows, sizeof *w->rows * w->n_rows);
        q->n_rows += w->n_rows;
    }
    srt_event_fold(q, t->in, w);
    q->batch_input_rows += t->rows;
    q->in[t->in].batch_rows += t->rows;
    return 0;
}

/* Fold every finished task that is next in order (lock held).  0 or -code; after a failure
   the tasks are discarded. */
static int merge_ready(SrtPar *par)
{
    SrtPool *p = par->pool;
    int rc = 0;
    for (;;) {
        ParTask *t = NULL;
        for (int i = 0; i < par->n_tasks; i++)
            if (par->tasks[i].state == TASK_DONE && par->tasks[i].seq == par->next_merge)
                t = &par->tasks[i];
        if (!t)
            return rc;
        pthread_mutex_unlock(&p->mu);
        int r = par->failed ? 0 : merge_task(par, t);
        task_reset(par, t);
        pthread_mutex_lock(&p->mu);
        t->state = TASK_FREE;
        par->next_merge++;
        if (r < 0) {
            par->failed = 1;
            rc = r;
        }
    }
}

/* Run one queued task of this query on the calling thread (lock held); 0 if none. */
static int help_one(SrtPar *par)
{
    SrtPool *p = par->pool;
    ParTask *prev = NULL;
    for (ParTask *t = p->head; t; prev = t, t = t->next) {
        if (t < par->tasks || t >= par->tasks + par->n_tasks)
            continue;
        if (prev)
            prev->next = t->next;
        else
            p->head = t->next;
        if (p->tail == t)
            p->tail = prev;
        t->state = TASK_RUNNING;
        pthread_mutex_unlock(&p->mu);
        run_task(t);
        pthread_mutex_lock(&p->mu);
        t->state = TASK_DONE;
        return 1;
    }
    return 0;
}

/* A free task to fill, folding or running tasks meanwhile (lock held).  NULL after a failure
   (q->err says why). */
static ParTask *acquire(SrtPar *par)
{
    SrtPool *p = par->pool;
    for (;;) {
        if (merge_ready(par) < 0 || par->failed)
            return NULL;
        for (int i = 0; i < par->n_tasks; i++)
            if (par->tasks[i].state == TASK_FREE)
                return &par->tasks[i];
        if (!help_one(par))
            pthread_cond_wait(&p->done, &p->mu);
    }
}

static void submit(SrtPar *par)
{
    ParTask *t = par->filling;
    par->filling = NULL;
    if (!t)
        return;
    SrtPool *p = par->pool;
    pool_start(p);
    pthread_mutex_lock(&p->mu);
    t->seq = par->next_seq++;
    t->next = NULL;
    t->state = TASK_QUEUED;
    if (p->tail)
        p->tail->next = t;
    else
        p->head = t;
    p->tail = t;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
}

/* A new segment of the task being filled, from origin `what` of input `in` (its name kept
   in the task's names).  NULL when out of memory (q->err says so). */
static ParSeg *seg_new(SrtPar *par, uint32_t in, const char *what)
{
    ParTask *t = par->filling;
    SrtQuery *q = par->q;
    if (srt_mem_grow(q->mem, (void **)&t->segs, &t->cap_segs, sizeof *t->segs, t->n_segs + 1) < 0) {
        srt_err_nomem(&q->err, "parallel task");
        return NULL;
    }
    if (t->n_segs == 0 || strcmp(t->names.p + t->last_name, what) != 0) {
        t->last_name = t->names.n;
        srt_buf_puts(&t->names, what);
        srt_buf_putc(&t->names, '\0');
        if (t->names.oom) {
            srt_err_nomem(&q->err, "parallel task");
            return NULL;
        }
    }
    t->in = in;
    return &t->segs[t->n_segs++];
}

/* Append buf[0, n) (whole lines from input `in`, starting at `at` of `what`) to the task
   being filled: a pointer into the buffer lent to the source, or else a copy.  0 or -NOMEM. */
static int append(SrtPar *par, uint32_t in, const char *what, const char *buf, size_t n,
                  SrtReadPos at)
{
    ParTask *t = par->filling;
    SrtQuery *q = par->q;
    ParBuf *b = par->lent;
    int lent = b && buf >= b->p && buf + n <= b->p + b->cap;
    if (lent && (t->n_bufs == 0 || t->bufs[t->n_bufs - 1] != b)) {
        t->bufs[t->n_bufs++] = b; /* room: the caller submits a task whose list is full */
        b->refs++;
    }
    if (!lent && t->copied + n > t->cap) {
        size_t cap = t->cap ? t->cap : par->task_bytes + 4096;
        while (cap < t->copied + n)
            cap *= 2;
        char *d = srt_mem_realloc(q->mem, t->data, t->cap, cap);
        if (!d)
            return srt_err_nomem(&q->err, "parallel task");
        t->data = d;
        t->cap = cap;
    }
    ParSeg *sg = seg_new(par, in, what);
    if (!sg)
        return -SRT_ERR_NOMEM;
    *sg = (ParSeg){lent ? buf : NULL, t->copied, n, t->last_name, at, {0}, 0};
    if (!lent) {
        memcpy(t->data + t->copied, buf, n);
        t->copied += n;
    }
    t->len += n;
    return 0;
}

/* SrtLender: a free lent buffer of at least n bytes, or a new one. */
static char *lend(void *ctx, size_t n, size_t *cap)
{
    SrtPar *par = ctx;
    ParBuf *b = NULL;
    for (ParBuf *x = par->bufs; x && !b; x = x->next)
        if (x->refs == 0 && !x->map && x->cap >= n)
            b = x;
    if (!b) {
        b = srt_mem_calloc(par->q->mem, sizeof *b);
        size_t size = n + ((size_t)64 << 10); /* some room for the next one's partial line */
        char *p = b ? srt_mem_alloc(par->q->mem, size) : NULL;
        if (!p) {
            srt_mem_free(par->q->mem, b, sizeof *b);
            return NULL;
        }
        b->p = p;
        b->cap = size;
        b->next = par->bufs;
        par->bufs = b;
    }
    b->refs = 1;
    par->lent = b;
    *cap = b->cap;
    return b->p;
}

static void give_back(void *ctx, char *base)
{
    SrtPar *par = ctx;
    if (par->lent && par->lent->p == base)
        par->lent = NULL;
    for (ParBuf *b = par->bufs; b; b = b->next)
        if (b->p == base) {
            buf_unref(par, b);
            return;
        }
}

/* SrtLender: the source's mapping m, handed over like a lent buffer. */
static int adopt(void *ctx, SrtMap *m)
{
    SrtPar *par = ctx;
    ParBuf *b = srt_mem_calloc(par->q->mem, sizeof *b);
    if (!b)
        return -1;
    b->p = (char *)srt_map_data(m);
    b->cap = srt_map_len(m);
    b->refs = 1;
    b->map = m;
    b->next = par->bufs;
    par->bufs = b;
    par->lent = b;
    return 0;
}

/* ======================================================================
** The query's side
** ====================================================================== */

/* Tasks in flight at most (TASK_AHEAD_BYTES of input, within bounds).  At least each thread
   busy, each with a finished task waiting for its turn, and one filling; then up to 8 a
   thread: a task is folded only after every earlier one, so while the query's thread runs
   the oldest task (help_one) the others' finished tasks keep their places, and a pool thread
   that finds the queue empty sleeps until the query's thread fills another (on 2 threads, in
   the events benchmark's 725 tasks, the pool thread waited about 160 times with 5 tasks in
   flight, about 10 times with 17). */
#define TASK_AHEAD_BYTES ((size_t)64 << 20)

static int task_slots(int threads, size_t task_bytes)
{
    size_t lo = 2 * (size_t)threads + 1, hi = 8 * (size_t)threads + 1;
    size_t n = TASK_AHEAD_BYTES / task_bytes;
    return (int)(n < lo ? lo : n > hi ? hi : n);
}

static int take_run(void *ctx, const char *what, const SrtRowRun *run, const SrtReadPos *at);

int srt_par_new(SrtQuery *q, SrtPool *pool, int threads, size_t task_bytes, SrtErr *err)
{
    /* What the compiler marks parallel: operators whose tasks fold (aggregations, session
       windows, DROP DUPLICATES), the first aggregation (the one process functions update)
       with a merge function; the levels above it are updated at output.  A stream-stream
       join's tasks log its rows, joined at the fold: the operators above it run there. */
    for (uint32_t i = 0; i < q->def->n_ops && !q->def->ssjoin_row; i++) {
        const SrtOpDef *d = &q->def->ops[i];
        const SrtOperatorVt *vt = srt_operator_vt(d->kind);
        if (!vt || !vt->fold || (d->id == SRT_OP_AGG && !d->task_merge && !q->def->update_log))
            return 0;
    }
    SrtPar *par = srt_mem_calloc(q->mem, sizeof *par);
    if (!par)
        return srt_err_nomem(err, "parallel tasks");
    q->par = par;
    par->q = q;
    par->pool = pool;
    par->task_bytes = task_bytes ? task_bytes : 1;
    par->lender = (SrtLender){par, lend, give_back, adopt, take_run};
    int n = task_slots(threads, par->task_bytes);
    par->tasks = srt_mem_calloc(q->mem, sizeof *par->tasks * (size_t)n);
    if (!par->tasks)
        return srt_err_nomem(err, "parallel tasks");
    par->n_tasks = n;
    for (int i = 0; i < n; i++) {
        ParTask *t = &par->tasks[i];
        srt_mem_init(&t->mem);
        t->mem.fn = q->mem->fn;
        t->mem.ud = q->mem->ud;
        srt_buf_init(&t->names, q->mem); /* its worker query comes with its first use */
    }
    return 0;
}

void srt_par_free(SrtPar *par)
{
    if (!par)
        return;
    SrtQuery *q = par->q;
    for (int i = 0; par->tasks && i < par->n_tasks; i++) {
        ParTask *t = &par->tasks[i];
        worker_free(t->w);
        srt_mem_free(q->mem, t->data, t->cap);
        srt_mem_free(q->mem, t->segs, sizeof *t->segs * t->cap_segs);
        srt_mem_free(&t->mem, t->made, sizeof *t->made * t->cap_made);
        srt_buf_free(&t->names);
    }
    srt_mem_free(q->mem, par->tasks, sizeof *par->tasks * (size_t)par->n_tasks);
    for (ParBuf *b = par->bufs; b;) {
        ParBuf *next = b->next;
        if (b->map)
            srt_map_close(q->mem, b->map);
        else
            srt_mem_free(q->mem, b->p, b->cap);
        srt_mem_free(q->mem, b, sizeof *b);
        b = next;
    }
    srt_mem_free(q->mem, par, sizeof *par);
}

const SrtLender *srt_par_lender(SrtPar *par)
{
    return &par->lender;
}

void srt_par_begin_input(SrtPar *par, const SrtSchema *rows)
{
    par->rows = rows && rows->n_cols ? rows : NULL;
}

/* Rows just appended to the filling task (n bytes of datums at its data + off): what they
   point to copied into its worker's batch memory, which outlives the source's.  0 or -NOMEM. */
static int own_rows(SrtPar *par, size_t off, size_t n)
{
    ParTask *t = par->filling;
    const SrtSchema *sc = par->rows;
    SrtDatum *d = (SrtDatum *)(void *)(t->data + off);
    size_t k = n / sizeof *d;
    for (size_t i = 0; i < k; i++)
        if (srt_value_copy(&t->w->batch, sc->cols[i % sc->n_cols].type, &d[i]) < 0)
            return srt_err_nomem(&par->q->err, "parallel task");
    return 0;
}

/* The last byte of a line within buf[0, limit), or of the first line after it. */
static size_t cut_at(const char *buf, size_t n, size_t limit)
{
    const char *nl = limit ? memrchr(buf, '\n', limit) : NULL;
    if (nl)
        return (size_t)(nl - buf) + 1;
    nl = memchr(buf + limit, '\n', n - limit);
    return nl ? (size_t)(nl - buf) + 1 : n;
}

/* The task being filled, a free one taken (and its worker made) when there is none.  NULL
   after a failure (q->err says why). */
static ParTask *filling_task(SrtPar *par)
{
    SrtQuery *q = par->q;
    if (par->filling)
        return par->filling;
    pthread_mutex_lock(&par->pool->mu);
    ParTask *t = acquire(par);
    pthread_mutex_unlock(&par->pool->mu);
    if (!t)
        return NULL;
    if (!t->w) {
        SrtErr err;
        srt_err_clear(&err);
        t->w = worker_new(q, &t->mem, &err);
        if (!t->w || err.code) {
            worker_free(t->w);
            t->w = NULL;
            q->failed = 1;
            q->err = err;
            return NULL;
        }
    }
    t->state = TASK_FILLING;
    worker_sync(t->w, q, q->cur_in);
    t->in = q->cur_in;
    par->filling = t;
    return t;
}

/* Whether b[0, n) holds only whitespace (bytes <= ' '): blank lines, no csv record. */
static int only_blank(const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)b[i] > ' ')
            return 0;
    return 1;
}

int srt_par_on_buffer(void *ctx, const char *what, const char *buf, size_t len,
                      const SrtReadPos *at)
{
    SrtPar *par = ctx;
    SrtQuery *q = par->q;
    SrtReadPos pos = at ? *at : (SrtReadPos){1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    while (len > 0) {
        ParTask *t = filling_task(par);
        if (!t)
            return -q->err.code;
        if (t->n_segs && (t->in != q->cur_in || t->n_bufs == TASK_BUFS)) {
            submit(par);
            continue;
        }
        size_t room = par->task_bytes > t->len ? par->task_bytes - t->len : 0;
        size_t take;
        if (par->rows) { /* whole rows: at least one, as many as there is room for */
            size_t row = sizeof(SrtDatum) * par->rows->n_cols;
            if (len % row)
                return srt_err_set(&q->err, SRT_ERR_QUERY, "source '%s': a buffer of %zu bytes "
                                   "is not a whole number of rows", what, len);
            take = len <= room ? len : room >= row ? room - room % row : row;
        } else if (pos.whole) { /* a csv multiLine file: its records span lines */
            take = len;
        } else {
            take = len <= room ? len : cut_at(buf, len, room);
        }
        if (take > room && t->len) { /* the next line does not fit: a task of its own */
            submit(par);
            continue;
        }
        size_t off = t->copied;
        int rc = append(par, q->cur_in, what, buf, take, pos);
        if (rc == 0 && par->rows)
            rc = own_rows(par, off, take);
        if (rc < 0) {
            q->failed = 1;
            return rc;
        }
        if (take < len) { /* the rest: its line is counted when an error needs it */
            pos.line = 0;
            pos.csv_first &= only_blank(buf, take); /* the first record is still to come */
            pos.byte += srt_read_span(&pos, buf, take);
        }
        buf += take;
        len -= take;
        if (t->len >= par->task_bytes)
            submit(par);
    }
    return 0;
}

/* A made row's bytes, as tasks count them: 8 a value, what it holds (a datum takes 48, and a
   made row costs less than a line of text of that length).  Tasks of 1 MiB, 65536 rate rows,
   keep their own cost (about 4 us each) out of bench/rate_windowed.sql's CPU time: rows
   counted as datums, 10922 a task, added 13% to it on two threads. */
#define RUN_VALUE_BYTES 8

/* SrtLender.rows: the run's rows cut into tasks of about task_bytes (RUN_VALUE_BYTES a value;
   whole rows, at least one), each task making its own on its thread: nothing copied, nothing
   made here.  0 or -code. */
static int take_run(void *ctx, const char *what, const SrtRowRun *run, const SrtReadPos *at)
{
    SrtPar *par = ctx;
    SrtQuery *q = par->q;
    size_t row = RUN_VALUE_BYTES * (size_t)run->n_cols;
    for (int64_t first = 0; first < run->n;) {
        ParTask *t = filling_task(par);
        if (!t)
            return -q->err.code;
        if (t->n_segs && t->in != q->cur_in) {
            submit(par);
            continue;
        }
        size_t room = par->task_bytes > t->len ? (par->task_bytes - t->len) / row : 0;
        if (room == 0 && t->len) { /* not one more row: the next task */
            submit(par);
            continue;
        }
        int64_t take = run->n - first;
        if (room && (uint64_t)take > room)
            take = (int64_t)room;
        if (room == 0)
            take = 1;
        ParSeg *sg = seg_new(par, q->cur_in, what);
        if (!sg) {
            q->failed = 1;
            return -SRT_ERR_NOMEM;
        }
        *sg = (ParSeg){NULL, 0, (size_t)take, t->last_name, *at, *run, first};
        t->len += row * (size_t)take;
        first += take;
        if (t->len >= par->task_bytes)
            submit(par);
    }
    return 0;
}

int srt_par_finish(SrtPar *par)
{
    SrtPool *p = par->pool;
    if (par->filling && par->filling->n_segs) {
        if (par->next_seq == par->next_merge && !par->failed) {
            /* The whole batch in one task: run and fold it here. */
            ParTask *t = par->filling;
            par->filling = NULL;
            t->seq = par->next_seq++;
            run_task(t);
            pthread_mutex_lock(&p->mu);
            t->state = TASK_DONE;
            int rc = merge_ready(par);
            pthread_mutex_unlock(&p->mu);
            par->failed = 0;
            return rc;
        }
        submit(par);
    } else if (par->filling) {
        par->filling->state = TASK_FREE;
        par->filling = NULL;
    }
    int rc = 0;
    pthread_mutex_lock(&p->mu);
    while (par->next_merge < par->next_seq) {
        int r = merge_ready(par);
        if (r < 0 && rc == 0)
            rc = r;
        if (par->next_merge < par->next_seq && !help_one(par))
            pthread_cond_wait(&p->done, &p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    if (par->failed && rc == 0)
        rc = -(par->q->err.code ? par->q->err.code : SRT_ERR_QUERY);
    par->failed = 0;
    return rc;
}

/* After the batch's sink: the workers' row memory goes, as the query's batch memory does. */
void srt_par_end_batch(SrtPar *par)
{
    for (int i = 0; i < par->n_tasks; i++) {
        SrtQuery *w = par->tasks[i].w;
        if (!w)
            continue;
        srt_arena_reset(&w->batch);
        srt_scratch_reset(w);
        if (w->cap_rows > ((size_t)1 << 20)) {
            srt_mem_free(w->mem, w->rows, sizeof *w->rows * w->cap_rows);
            w->rows = NULL;
            w->cap_rows = 0;
        }
    }
}

int srt_cpu_count(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set);
    return 1;
}
