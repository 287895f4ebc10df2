/* cg_compile.c - a program's code in units: LLVM modules optimised and emitted at once.
**
** LLVM's pass pipeline and code generator are most of a build, and each works on one module
** on one thread.  A program of several queries is therefore split into units (at most
** CgOptions.threads, no more than its queries): unit u takes a contiguous run of the queries
** and generates all of their functions (process, emit, merge, join keys and sl_register_<i>)
** in a module and LLVM context of its own; unit 0 also holds sl_init and main, which call the
** other units' sl_register_<i> (left external and hidden, cg_module.c's finish_linkage).
** Generating and linking the runtime helpers in is quick and uses the arena and the
** diagnostics, so it runs on this thread; then each unit is optimised and written to its own
** object file on its own thread (unit 0 on this one), and the driver links them all.  A unit
** keeps its own copy of what queries share inside one module (the key hash, a shared record
** parser), so a split program does the same work per record as one module does.  A program
** of one query is one unit, built as before.
*/
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "codegen/cg_emit.h"

/* Generate query i's functions in unit cg; returns its sl_register_<i>. */
static LLVMValueRef generate_query(CgCtx *cg, const PProgram *plan, int i)
{
    const PQuery *pq = plan->queries[i];
    for (int k = 0; k < pq->n_joins; k++)
        cg_join_key_fn(cg, pq, &pq->joins[k]);
    LLVMValueRef process = cg_process_fn(cg, pq, i, 0);
    for (int b = 1; b < pq->n_branches && !cg->failed; b++)
        cg_process_fn(cg, pq, i, b);
    LLVMValueRef emit = pq->agg ? cg_emit_fn(cg, pq, i) : NULL;
    if (pq->session || (pq->agg && !pq->serial))
        cg_merge_fn(cg, pq, i);
    if (pq->n_distinct && !pq->serial)
        cg_distinct_fold_fn(cg, pq, i);
    if (pq->agg && cg_agg_replays(pq))
        cg_replay_fn(cg, pq, i);
    const SSelect *ssj = pq->ssjoin_block;
    if (ssj && (ssj->join->outer[0] || ssj->join->outer[1]))
        cg_ssjoin_outer_fn(cg, pq, i);
    return cg->failed ? NULL : cg_register_fn(cg, plan, i, process, emit);
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
    CgTimes times;
    int rc;
    char err[1024];
} Unit;

/* The cold unit: the parsers' fallbacks (cg_parser.c), code a record rarely runs, which LLVM
   does not optimise but still has to compile (a fifth of the flagship's build).  In a unit of
   its own it compiles on a thread beside the queries' units, and calls the runtime's helpers in
   libsrt.a instead of inlining them (a third less to compile).  It is opened on a thread of its
   own beside unit 0 (reading the runtime bitcode's declarations is 3% of a build), and used
   from the first fallback on; unused, it is closed. */
typedef struct CgCold {
    Unit *unit;
    int index; /* its unit number: after the queries' units */
    bool open; /* in use */
    int rc;
    Arena *arena;
    Diag *diag;
    const PProgram *plan;
    const CgOptions *opts;
    pthread_t th;
    bool started; /* the thread opening it was started (and not joined yet) */
    Diag quiet;   /* the thread's: it may not write to diag while this thread does */
} CgCold;

static void *open_cold(void *arg)
{
    CgCold *c = arg;
    c->rc = cg_unit_open(&c->unit->cg, c->arena, &c->quiet, c->plan, c->opts, true);
    return NULL;
}

static void start_cold(CgCold *c)
{
    diag_init(&c->quiet, NULL, stderr);
    c->started = pthread_create(&c->th, NULL, open_cold, c) == 0;
}

/* Join the thread opening it, if any; the unit is then ready (or c->rc says why not). */
static void join_cold(CgCold *c)
{
    if (c->started) {
        pthread_join(c->th, NULL);
        c->started = false;
        c->unit->cg.diag = c->diag;
    }
}

static void name_unit(Unit *u, Arena *arena, const CgOptions *opts, int i)
{
    u->obj = i ? arena_sprintf(arena, CG_UNIT_FILE, opts->obj_path, i) : opts->obj_path;
    u->ir = !opts->ir_path ? NULL
            : i            ? arena_sprintf(arena, CG_UNIT_FILE, opts->ir_path, i)
                           : opts->ir_path;
}

CgCtx *cg_cold_unit(CgCtx *cg)
{
    CgCold *c = cg->cold;
    if (!c)
        return NULL;
    if (!c->open) {
        c->open = true;
        if (c->started)
            join_cold(c);
        else
            c->rc = cg_unit_open(&c->unit->cg, c->arena, c->diag, c->plan, c->opts, true);
        c->unit->cg.n_units = c->index + 1;
        c->unit->cg.calls_only = true; /* its code is unoptimised: nothing to inline */
        name_unit(c->unit, c->arena, c->opts, c->index);
    }
    return c->rc == 0 ? &c->unit->cg : NULL;
}

static void *finish_unit(void *arg)
{
    Unit *u = arg;
    u->rc = cg_unit_finish(&u->cg, u->obj, u->ir, &u->times, u->err, sizeof u->err);
    return NULL;
}

/* Optimise and write every unit, units 1.. on threads of their own (or here, when a thread
   cannot be started), unit 0 here. */
static void finish_units(Unit *units, int k)
{
    pthread_t *th = ARENA_NEW_N(units[0].cg.arena, pthread_t, k);
    bool *started = ARENA_NEW_N(units[0].cg.arena, bool, k);
    for (int u = 1; u < k; u++)
        started[u] = pthread_create(&th[u], NULL, finish_unit, &units[u]) == 0;
    finish_unit(&units[0]);
    for (int u = 1; u < k; u++) {
        if (started[u])
            pthread_join(th[u], NULL);
        else
            finish_unit(&units[u]);
    }
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

/* Does a unit (the cold one included, if open) declare one of srt_digest.c's functions? */
static bool calls_digest(Unit *units, int k, const CgCold *cold)
{
    int n;
    const char *const *fns = cg_digest_functions(&n);
    for (int u = 0; u <= k; u++) {
        if (u == k && !(cold->open && cold->rc == 0))
            break;
        for (int i = 0; i < n; i++)
            if (LLVMGetNamedFunction(u == k ? cold->unit->cg.mod : units[u].cg.mod, fns[i]))
                return true;
    }
    return false;
}

int cg_compile(Arena *arena, Diag *diag, const PProgram *plan, const CgOptions *opts)
{
    int k = unit_count(plan, opts);
    Unit *units = ARENA_NEW_N(arena, Unit, k + 1);
    CgCold cold = {
        .unit = &units[k], .index = k, .arena = arena, .diag = diag, .plan = plan, .opts = opts};
    CgTimes times = {0};
    int rc = 0;
    double t0 = cg_now_ms();
    cg_llvm_init();
    /* Only JSON parsers have fallbacks.  The cold unit opens beside unit 0 (each reads the
       runtime bitcode), unless a named --cpu must be checked by unit 0 first. */
    bool json = false;
    for (int i = 0; i < plan->n_queries; i++)
        json |= cg_reads_json(plan->queries[i]);
    bool use_cold = opts->threads > 1 && json;
    bool early = opts->cpu == NULL || strcmp(opts->cpu, "native") == 0;
    if (use_cold && early)
        start_cold(&cold);
    for (int u = 0; u < k && rc == 0; u++) {
        rc = cg_unit_open(&units[u].cg, arena, diag, plan, opts, u > 0);
        units[u].cg.n_units = k;
        units[u].cg.cold = use_cold ? &cold : NULL;
        name_unit(&units[u], arena, opts, u);
    }
    double t1 = cg_now_ms();
    times.runtime_bc = t1 - t0;
    if (rc == 0 && use_cold && !early)
        start_cold(&cold);
    if (rc == 0) {
        /* Query i goes to unit i * k / n: runs of neighbours, which share the most. */
        LLVMValueRef *regs = ARENA_NEW_N(arena, LLVMValueRef, plan->n_queries + 1);
        for (int i = 0; i < plan->n_queries && rc == 0; i++) {
            CgCtx *cg = &units[(int)((long long)i * k / plan->n_queries)].cg;
            regs[i] = generate_query(cg, plan, i);
            rc = regs[i] ? 0 : -1;
            if (rc == 0 && cg != &units[0].cg)
                regs[i] = cg_register_decl(&units[0].cg, i);
        }
        if (rc == 0)
            cg_program(&units[0].cg, plan, regs);
        times.generate = cg_now_ms() - t1;
    }
    if (rc == 0 && opts->calls_digest)
        *opts->calls_digest = calls_digest(units, k, &cold);
    join_cold(&cold); /* if it was opened for nothing */
    if (cold.open && cold.rc == 0)
        k++; /* one more unit to prepare, compile, link and close */
    else
        cg_unit_close(&cold.unit->cg); /* (the fallbacks went to their queries' units) */
    times.units = k;
    double t2 = cg_now_ms();
    for (int u = 0; u < k && rc == 0; u++)
        rc = cg_unit_prepare(&units[u].cg);
    times.runtime_bc += cg_now_ms() - t2;
    if (rc == 0) {
        finish_units(units, k);
        for (int u = 0; u < k; u++) {
            if (units[u].rc != 0 && rc == 0) {
                diag_fatal(diag, "%s", units[u].err);
                rc = -1;
            }
            if (units[u].times.optimise > times.optimise)
                times.optimise = units[u].times.optimise;
            if (units[u].times.emit > times.emit)
                times.emit = units[u].times.emit;
        }
    }
    for (int u = 0; u < k; u++)
        cg_unit_close(&units[u].cg);
    if (opts->times)
        *opts->times = times;
    if (opts->units)
        *opts->units = k;
    return rc;
}
