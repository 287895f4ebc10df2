/* cg_compile.c - a program's code in units: LLVM modules optimised and emitted at once.
**
** LLVM's pass pipeline and code generator are most of a build, and each works on one module
** on one thread.  A program of several queries is therefore split into units (at most
** CgOptions.threads, no more than its queries): unit u takes a contiguous run of the queries
** and generates all of their functions (process, emit, merge, join keys and sl_register_<i>)
** in a module and LLVM context of its own; sl_init and main, which call every unit's
** sl_register_<i> (exported: cg_export, external and hidden), go to the cold unit when there is
** one (below), else to unit 0.  Generating the IR is quick and uses the arena and the
** diagnostics, so it runs on this thread; then each unit links its runtime helpers in and is
** optimised and written to its own object file, on at most CgOptions.threads threads (unit 0
** on this one, finish_units), and the driver links them all.  A unit keeps its own copy of
** what queries share inside one module (the key hash, a shared record parser), so a split
** program does the same work per record as one module does.  The spare units (below) take
** code off the queries' units: a program of one query on two cores is compiled as its loop
** here and the rest beside it.
*/
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "codegen/cg_emit.h"

/* Generate query i's functions: its loops (sl_process_<i>...) in unit cg, the rest in the side
   unit when there is one (else in cg too); returns its sl_register_<i>, in *reg_unit's module. */
static LLVMValueRef generate_query(CgCtx *cg, const PProgram *plan, int i, CgCtx **reg_unit)
{
    const PQuery *pq = plan->queries[i];
    CgCtx *side = cg_side_unit(cg);
    CgCtx *off = side ? side : cg;
    for (int k = 0; k < pq->n_joins; k++)
        cg_join_key_fn(off, pq, &pq->joins[k]);
    bool *lines_raw = ARENA_NEW_N(cg->arena, bool, pq->n_branches + 1);
    LLVMValueRef process = cg_process_fn(cg, pq, i, 0);
    lines_raw[0] = cg->lines_raw;
    for (int b = 1; b < pq->n_branches && !cg->failed; b++) {
        cg_process_fn(cg, pq, i, b);
        lines_raw[b] = cg->lines_raw;
    }
    if (side && !cg->failed) {
        /* called through the pointers sl_register_<i> gives the runtime */
        for (int b = 0; b < pq->n_branches; b++) {
            cg_export(LLVMGetNamedFunction(cg->mod, cg_process_name(cg, i, b)));
            LLVMValueRef decl = cg_process_decl(side, i, b);
            if (b == 0)
                process = decl;
        }
    }
    LLVMValueRef emit = pq->agg ? cg_emit_fn(off, pq, i) : NULL;
    bool logs = plan_agg_logs_updates(pq); /* its updates made on the query's thread */
    bool merges = !pq->serial && !logs && !pq->ssjoin_block; /* its tasks' groups merged */
    if (pq->session || (pq->agg && merges))
        cg_merge_fn(off, pq, i);
    if (pq->n_distinct && merges)
        cg_distinct_fold_fn(off, pq, i);
    if (logs)
        cg_update_log_fn(off, pq, i);
    if (pq->agg && cg_agg_replays(pq))
        cg_replay_fn(off, pq, i);
    const SJoin *ssj = pq->ssjoin_block ? plan_join_of(pq, pq->ssjoin_block) : NULL;
    if (ssj && (ssj->outer[0] || ssj->outer[1]))
        cg_ssjoin_outer_fn(off, pq, i);
    if (plan_splits_at_join(pq))
        cg_ssjoin_row_fn(off, pq, i);
    for (int k = 0; k < pq->n_joins; k++)
        if (pq->joins[k].join->full)
            cg_join_unmatched_fn(off, pq, i, &pq->joins[k]);
    *reg_unit = off;
    cg->failed |= off->failed;
    return cg->failed ? NULL : cg_register_fn(off, plan, i, process, emit, lines_raw);
}

/* How many units: one per query up to opts->threads (a join's build side runs once per
   version of its table, so it does not count). */
static int unit_count(const PProgram *plan, const CgOptions *opts)
{
    int n = 0;
    for (int i = 0; i < plan->n_queries; i++)
        n += !plan->queries[i]->query->build;
    int k = opts->threads < n ? opts->threads : n;
    return k < 1 ? 1 : k;
}

typedef struct Unit {
    CgCtx cg;
    const char *obj, *ir;
    CgTimes times; /* runtime_bc: its preparation (cg_unit_prepare) */
    int rc;
    char err[1024];
} Unit;

/* The spare units, beside the queries' units: each compiles on a thread of its own beside
   unit 0's, so they take code off the driver's thread.
   - The cold unit: the parsers' fallbacks (cg_parser.c), code a record rarely runs, which LLVM
     does not optimise but still has to compile (a fifth of the flagship's build); it calls the
     runtime's helpers in libsrt.a instead of inlining them (a third less to compile), and its
     machine code is LLVM's quickest.  Only for a program that reads JSON, on two threads.
   - The side unit: a query's functions but its loops (generate_query: the emit, merge and
     join-key functions, sl_register_<i>) and optimised code its loop calls rarely (the JSON key
     loop, cg_parser_keys; a group-cache miss's lookup, cg_group.c), when a thread is left over
     after the queries' units (a program of one query on two cores) and a query reads JSON: the
     flagship's driver thread then compiles little more than its loop, about half of the build.
   Each is opened on a thread of its own beside unit 0 (reading the runtime bitcode's
   declarations is 3% of a build) and numbered in the order it is first used; unused, it is
   closed. */
typedef struct CgSpare {
    Unit unit;
    struct CgSpares *set;
    bool wanted;  /* opened (or being opened) */
    bool started; /* the thread opening it was started (and not joined yet) */
    bool ready;   /* open, or rc says why not */
    bool used;    /* something was generated into it: one more unit */
    int rc;
    pthread_t th;
} CgSpare;

typedef struct CgSpares {
    CgSpare cold, side;
    const CgCtx *decls; /* unit 0, which reads the runtime's declarations for all */
    int n_units; /* the units in use: the next spare used takes this number */
    Arena *arena;
    Diag *diag;
    const PProgram *plan;
    const CgOptions *opts;
    Diag quiet; /* the other threads': they may not write to diag while this thread does */
} CgSpares;

static void open_spare(CgSpare *sp, Diag *diag)
{
    CgSpares *s = sp->set;
    sp->rc = cg_unit_open(&sp->unit.cg, s->arena, diag, s->plan, s->opts,
                          CG_OPEN_CPU_CHECKED | CG_OPEN_NO_DECLS |
                              (sp == &s->cold ? CG_OPEN_CALLS_ONLY : 0));
}

static void *open_thread(void *arg)
{
    CgSpare *sp = arg;
    open_spare(sp, &sp->set->quiet);
    return NULL;
}

static void start_spares(CgSpares *s)
{
    diag_init(&s->quiet, NULL, stderr);
    CgSpare *spares[2] = {&s->cold, &s->side};
    for (int i = 0; i < 2; i++)
        if (spares[i]->wanted)
            spares[i]->started = pthread_create(&spares[i]->th, NULL, open_thread, spares[i]) == 0;
}

/* Join the thread opening sp, if any (or open it here): it is then ready, or its rc says why
   not. */
static void ready_spare(CgSpare *sp)
{
    if (sp->ready || !sp->wanted)
        return;
    sp->ready = true;
    if (sp->started) {
        pthread_join(sp->th, NULL);
        sp->started = false;
        sp->unit.cg.diag = sp->set->diag;
    } else {
        open_spare(sp, sp->set->diag);
    }
}

static void name_unit(Unit *u, Arena *arena, const CgOptions *opts, int i)
{
    u->obj = i ? arena_sprintf(arena, CG_UNIT_FILE, opts->obj_path, i) : opts->obj_path;
    u->ir = !opts->ir_path ? NULL
            : i            ? arena_sprintf(arena, CG_UNIT_FILE, opts->ir_path, i)
                           : opts->ir_path;
}

/* The spare unit sp of s, numbered and made ready on its first use; NULL when it is not wanted
   or could not be opened. */
static CgCtx *use_spare(CgSpares *s, CgSpare *sp)
{
    if (!sp->wanted)
        return NULL;
    ready_spare(sp);
    if (sp->rc != 0)
        return NULL;
    sp->unit.cg.decls = s->decls;
    if (!sp->used) {
        sp->used = true;
        int index = s->n_units++;
        sp->unit.cg.n_units = index + 1;
        name_unit(&sp->unit, s->arena, s->opts, index);
    }
    return &sp->unit.cg;
}

CgCtx *cg_cold_unit(CgCtx *cg)
{
    CgSpares *s = cg->spares;
    return s ? use_spare(s, &s->cold) : NULL;
}

CgCtx *cg_side_unit(CgCtx *cg)
{
    CgSpares *s = cg->spares;
    return s ? use_spare(s, &s->side) : NULL;
}

/* Prepare (link its runtime helpers in: cg_unit_prepare reports a failure itself), optimise and
   write one unit. */
static void *finish_unit(void *arg)
{
    Unit *u = arg;
    double t0 = cg_now_ms();
    u->rc = cg_unit_prepare(&u->cg);
    u->times.runtime_bc = cg_now_ms() - t0;
    if (u->rc == 0)
        u->rc = cg_unit_finish(&u->cg, u->obj, u->ir, &u->times, u->err, sizeof u->err);
    cg_unit_close(&u->cg); /* on its thread, while the others compile */
    return NULL;
}

/* The units left to finish, taken in their order by the threads finishing them. */
typedef struct UnitQueue {
    Unit **units;
    int n;
    int next; /* the next unit to take (under lock) */
    pthread_mutex_t lock;
} UnitQueue;

/* The next unit of q to finish, or NULL when none is left. */
static Unit *take_unit(UnitQueue *q)
{
    pthread_mutex_lock(&q->lock);
    Unit *u = q->next < q->n ? q->units[q->next++] : NULL;
    pthread_mutex_unlock(&q->lock);
    return u;
}

static void *finish_queue(void *arg)
{
    UnitQueue *q = arg;
    for (Unit *u; (u = take_unit(q));)
        finish_unit(u);
    return NULL;
}

/* Prepare, optimise and write the k units: unit 0 here, the others on at most threads - 1
   threads of their own, each taking the next unit left when it is done with one (this thread
   too, after unit 0; it takes them all when no thread can be started).  A thread per unit
   put more threads than cores to work (a program of one query: its unit, the side unit and
   the cold unit on two cores), and each thread beyond a core's took time from unit 0's, the
   longest. */
static void finish_units(Unit **units, int k, int threads, Diag *quiet)
{
    for (int u = 1; u < k; u++)
        units[u]->cg.diag = quiet;
    UnitQueue q = {.units = units, .n = k, .next = 1};
    pthread_mutex_init(&q.lock, NULL);
    int helpers = threads - 1 < k - 1 ? threads - 1 : k - 1;
    pthread_t *th = ARENA_NEW_N(units[0]->cg.arena, pthread_t, k);
    bool *started = ARENA_NEW_N(units[0]->cg.arena, bool, k);
    for (int t = 0; t < helpers; t++)
        started[t] = pthread_create(&th[t], NULL, finish_queue, &q) == 0;
    finish_unit(units[0]);
    finish_queue(&q);
    for (int t = 0; t < helpers; t++)
        if (started[t])
            pthread_join(th[t], NULL);
    pthread_mutex_destroy(&q.lock);
}

/* srt_digest.c's functions: the executable links libcrypto and zlib only for them. */
static const char *const digest_functions[] = {
    "srt_md5",      "srt_sha1",     "srt_sha2",      "srt_crc32", "srt_base64",
    "srt_unbase64", "srt_hex_long", "srt_hex_bytes", "srt_unhex", "srt_to_binary"};

const char *const *cg_digest_functions(int *n)
{
    *n = (int)(sizeof digest_functions / sizeof digest_functions[0]);
    return digest_functions;
}

/* Does one of the n units declare one of srt_digest.c's functions? */
static bool calls_digest(Unit **units, int n)
{
    int n_fns;
    const char *const *fns = cg_digest_functions(&n_fns);
    for (int u = 0; u < n; u++)
        for (int i = 0; i < n_fns; i++)
            if (LLVMGetNamedFunction(units[u]->cg.mod, fns[i]))
                return true;
    return false;
}

/* Generate the queries into units[0..k-1] (and the spare units), then sl_init and main: in the
   cold unit when there is one (code that runs once, optnone: off unit 0's thread, which compiles
   the first query's loop, 2% of the flagship's build there), else in unit 0. */
static int generate(Unit *units, int k, const PProgram *plan, Arena *arena)
{
    /* Query i goes to unit i * k / n: runs of neighbours, which share the most. */
    LLVMValueRef *regs = ARENA_NEW_N(arena, LLVMValueRef, plan->n_queries + 1);
    CgCtx **reg_units = ARENA_NEW_N(arena, CgCtx *, plan->n_queries + 1);
    for (int i = 0; i < plan->n_queries; i++) {
        regs[i] = generate_query(&units[(int)((long long)i * k / plan->n_queries)].cg, plan, i,
                                 &reg_units[i]);
        if (!regs[i])
            return -1;
    }
    CgCtx *init_unit = cg_cold_unit(&units[0].cg);
    if (!init_unit)
        init_unit = &units[0].cg;
    for (int i = 0; i < plan->n_queries; i++) {
        if (reg_units[i] != init_unit) {
            cg_export(regs[i]);
            regs[i] = cg_register_decl(init_unit, i);
        }
    }
    cg_program(init_unit, plan, regs);
    return 0;
}

/* The units to compile into list: the queries' k, then the spares in use, by their numbers;
   the unused spares are closed.  Returns how many. */
static int unit_list(Unit *units, int k, CgSpares *s, Unit **list)
{
    for (int u = 0; u < k; u++)
        list[u] = &units[u];
    CgSpare *spares[2] = {&s->cold, &s->side};
    int n = k;
    for (int i = 0; i < 2; i++) {
        if (!spares[i]->used) {
            cg_unit_close(&spares[i]->unit.cg);
            continue;
        }
        list[spares[i]->unit.cg.n_units - 1] = &spares[i]->unit;
        n++;
    }
    return n;
}

int cg_compile(Arena *arena, Diag *diag, const PProgram *plan, const CgOptions *opts)
{
    int k = unit_count(plan, opts);
    Unit *units = ARENA_NEW_N(arena, Unit, k);
    CgSpares *spares = ARENA_NEW(arena, CgSpares);
    *spares = (CgSpares){.n_units = k, .arena = arena, .diag = diag, .plan = plan, .opts = opts};
    spares->cold.set = spares->side.set = spares;
    CgTimes times = {0};
    int rc = 0;
    double t0 = cg_now_ms();
    cg_llvm_init();
    /* Only JSON parsers have fallbacks and key loops. */
    bool json = false;
    for (int i = 0; i < plan->n_queries; i++)
        json |= cg_reads_json(plan->queries[i]);
    /* The side unit costs about 15 M instructions (its declarations read, its helpers linked
       in): a program without a JSON source (no key loop, seldom a string key) moves about as
       much off the driver's thread (rate_windowed's emit, merge and register: 19 M). */
    spares->cold.wanted = opts->threads > 1 && json;
    spares->side.wanted = opts->threads > k && json;
    /* The spares open beside unit 0, unless a named --cpu must be checked by unit 0 first. */
    bool any_spare = spares->cold.wanted || spares->side.wanted;
    bool early = opts->cpu == NULL || strcmp(opts->cpu, "native") == 0;
    if (any_spare && early)
        start_spares(spares);
    /* unit 0 reads the runtime's declarations, the others copy those they use from it */
    spares->decls = &units[0].cg;
    for (int u = 0; u < k && rc == 0; u++) {
        rc = cg_unit_open(&units[u].cg, arena, diag, plan, opts,
                          u > 0 ? CG_OPEN_CPU_CHECKED | CG_OPEN_NO_DECLS : 0);
        units[u].cg.decls = u > 0 ? &units[0].cg : NULL;
        units[u].cg.n_units = k;
        units[u].cg.spares = any_spare ? spares : NULL;
        name_unit(&units[u], arena, opts, u);
    }
    double t1 = cg_now_ms();
    times.runtime_bc = t1 - t0;
    if (rc == 0 && any_spare && !early)
        start_spares(spares);
    if (rc == 0) {
        rc = generate(units, k, plan, arena);
        times.generate = cg_now_ms() - t1;
    }
    ready_spare(&spares->cold); /* if they were opened for nothing */
    ready_spare(&spares->side);
    Unit **list = ARENA_NEW_N(arena, Unit *, k + 2);
    int n = unit_list(units, k, spares, list);
    if (rc == 0 && opts->calls_digest)
        *opts->calls_digest = calls_digest(list, n);
    times.units = n;
    if (rc == 0) {
        diag_init(&spares->quiet, NULL, stderr);
        finish_units(list, n, opts->threads, &spares->quiet);
        times.runtime_bc += list[0]->times.runtime_bc;
        for (int u = 0; u < n; u++) {
            if (list[u]->rc != 0 && rc == 0) {
                if (list[u]->err[0]) /* (else cg_unit_prepare said why) */
                    diag_fatal(diag, "%s", list[u]->err);
                rc = -1;
            }
            if (list[u]->times.optimise > times.optimise)
                times.optimise = list[u]->times.optimise;
            if (list[u]->times.emit > times.emit)
                times.emit = list[u]->times.emit;
        }
    }
    for (int u = 0; u < n; u++)
        cg_unit_close(&list[u]->cg); /* (those not finished) */
    if (opts->times)
        *opts->times = times;
    if (opts->units)
        *opts->units = n;
    return rc;
}
