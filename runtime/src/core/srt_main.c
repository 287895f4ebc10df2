/* srt_main.c - the executable's main: command line, registration, then the scheduler
** that runs every query round-robin in this thread, each on its own trigger, until
** all are done, one fails, or SIGINT/SIGTERM asks for a stop after the current batch.
** With --serve, the HTTP server (serve/) runs beside it in its own threads; a query it
** asks to stop stops between batches while the others go on.
*/
#include <errno.h>
#include <poll.h>
#include <string.h>

#include "srt_int.h"

#define SERVE_POLL_US 50000 /* how long a served scheduler sleeps at most */
#define WAIT_FDS 64          /* descriptors the scheduler waits on at most */
#define GROUP_POLL_US 100000 /* how often a consumerGroup member takes the group's changes */

/* The wait descriptors (SrtSourceVt.wait_fd) of the queries on the default trigger that wait
   for data, into fds[0..cap) with owner[i] the query's index; returns how many. */
static int wait_fds(SrtQuery **qs, int n, struct pollfd *fds, int *owner, int cap)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        SrtQuery *q = qs[i];
        if (q->done || q->trigger.kind != SRT_TRIG_DEFAULT)
            continue;
        for (uint32_t j = 0; j < q->n_in && k < cap; j++) {
            SrtSource *s = &q->in[j].source;
            int fd = q->in[j].open && s->vt->wait_fd ? s->vt->wait_fd(s) : -1;
            if (fd >= 0) {
                fds[k] = (struct pollfd){.fd = fd, .events = POLLIN};
                owner[k++] = i;
            }
        }
    }
    return k;
}

/* Run the queries until all are done, one fails, SIGINT/SIGTERM asks for a stop, or the
   deadline (--timeout, INT64_MAX without) passes; a stop always falls between batches.
   With a consumer group g, the queries are its lanes, taken anew at every round (between
   batches), and the schedule goes on without any until a stop.  Returns the exit code. */
static int schedule(SrtQuery **qs, int n, const SrtEnv *env, int64_t deadline_us, int serving, SrtGroup *g)
{
    while (!srt_stop_requested()) {
        if (g) {
            SrtErr err;
            srt_err_clear(&err);
            if (srt_group_poll(g, &qs, &n, &err) < 0) {
                fprintf(env->err, "error: %s\n", err.msg);
                return 1;
            }
        }
        int64_t now = srt_now_us();
        if (now >= deadline_us)
            break;
        int64_t next = INT64_MAX;
        int active = 0;
        for (int i = 0; i < n && !srt_stop_requested(); i++) {
            SrtQuery *q = qs[i];
            if (q->done)
                continue;
            if (srt_live_stop_requested(q)) { /* between batches: the last one committed */
                q->done = 1;
                srt_report_status(q, "Stopped", 0, 0);
                srt_live_finished(q);
                continue;
            }
            if (now >= q->next_due_us) {
                if (srt_query_tick(q, now) < 0) {
                    fflush(env->out);
                    if (q->err.code == SRT_ERR_INTERRUPTED && srt_stop_requested()) {
                        /* SIGINT/SIGTERM while a source waited for the batch's data: a stop,
                           as Spark's query.stop() interrupts its running batch.  Nothing of
                           the batch was written; its offsets are logged, so a restart from
                           the checkpoint runs it again. */
                        fprintf(env->err, "query '%s' stopped during batch %lld, which runs again "
                                "when it restarts from its checkpoint\n", q->name, (long long)q->batch_id);
                        break;
                    }
                    srt_report_failure(q, env->err);
                    srt_live_finished(q);
                    return 1;
                }
                now = srt_now_us();
            }
            if (q->done) {
                srt_report_status(q, "Stopped", 0, 0);
                srt_live_finished(q);
            } else {
                active++;
                if (q->next_due_us < next)
                    next = q->next_due_us;
            }
        }
        if (!active && !g)
            break;
        if (g && next > now + GROUP_POLL_US)
            next = now + GROUP_POLL_US;
        if (next > deadline_us)
            next = deadline_us;
        if (serving && next > now + SERVE_POLL_US) /* see a stop request soon */
            next = now + SERVE_POLL_US;
        if (next > now) {
            /* A source with new data wakes its query at once (socket: a line came). */
            struct pollfd fds[WAIT_FDS];
            int owner[WAIT_FDS];
            int nfd = wait_fds(qs, n, fds, owner, WAIT_FDS);
            if (srt_wait_until(next, fds, nfd) > 0) {
                now = srt_now_us();
                for (int k = 0; k < nfd; k++)
                    if (fds[k].revents)
                        qs[owner[k]]->next_due_us = now;
            }
        }
    }
    for (int i = 0; i < n; i++) {
        srt_report_status(qs[i], "Stopped", 0, 0);
        srt_live_finished(qs[i]);
    }
    return 0;
}

int srt_run(int argc, char **argv, SrtInitFn init, const SrtEnv *env)
{
    SrtCli cli;
    SrtErr err;
    srt_err_clear(&err);
    if (srt_cli_parse(&cli, argc, argv, &err) < 0) {
        fprintf(env->err, "error: %s\nTry '%s --help' for more information.\n", err.msg, cli.argv0);
        return 2;
    }
    if (cli.help) {
        srt_cli_usage(env->out, cli.argv0);
        fflush(env->out);
        return 0;
    }
    if (cli.version) {
        fprintf(env->out, "sluice runtime %s (ABI %d)\n", SRT_VERSION, SRT_ABI_VERSION);
        fflush(env->out);
        return 0;
    }
    SrtEnv run_env = *env;
    env = &run_env;
    run_env.checkpoint = cli.checkpoint;
    run_env.threads = cli.threads ? cli.threads : env->threads ? env->threads : srt_cpu_count();
    run_env.task_bytes = cli.task_bytes ? (size_t)cli.task_bytes
                         : env->task_bytes ? env->task_bytes : SRT_TASK_BYTES;
    run_env.pool = NULL;
    if (run_env.threads > 1 && !(run_env.pool = srt_pool_new(env->mem, run_env.threads - 1))) {
        fprintf(env->err, "error: out of memory\n");
        return 1;
    }
    if (cli.progress) {
        run_env.progress = fopen(cli.progress, "a");
        run_env.progress_path = cli.progress;
        if (!run_env.progress) {
            fprintf(env->err, "error: cannot open progress file %s: %s\n", cli.progress,
                    strerror(errno));
            return 2;
        }
    }
    int64_t deadline = cli.timeout_us > 0 ? srt_now_us() + cli.timeout_us : INT64_MAX;
    SrtProgram prog;
    srt_prog_init(&prog, env->mem);
    init(&prog);
    int rc = 0;
    SrtQuery **qs = NULL;
    SrtServe *serve = NULL;
    SrtGroup *group = NULL;
    size_t n_qs = (size_t)prog.n_queries;
    if (prog.err.code) {
        fprintf(env->err, "error: %s\n", prog.err.msg);
        rc = 1;
        goto out;
    }
    qs = srt_mem_calloc(env->mem, sizeof *qs * (n_qs ? n_qs : 1));
    if (!qs) {
        fprintf(env->err, "error: out of memory\n");
        rc = 1;
        goto out;
    }
    /* The build sides of joins (sink -1) are run by the queries that join them.  A query in a
       consumer group runs as lanes (srt_group.c), the executable's only query. */
    int n_run = 0, grouped = srt_group_find(&prog);
    if (grouped >= 0) {
        srt_err_clear(&err);
        if (n_qs != 1)
            srt_err_set(&err, SRT_ERR_QUERY, "consumerGroup: the query must be the executable's only one");
        else if (cli.serve)
            srt_err_set(&err, SRT_ERR_QUERY, "consumerGroup: --serve is not supported yet");
        if (err.code || srt_group_open(&prog, grouped, env, cli.trigger, cli.max_batches, &group, &err) < 0) {
            fprintf(env->err, "error: query '%s' failed: %s\n", prog.queries[grouped].name, err.msg);
            rc = 1;
            goto out;
        }
    }
    for (int i = 0; i < prog.n_queries && grouped < 0; i++) {
        if (prog.queries[i].sink < 0)
            continue;
        srt_err_clear(&err);
        int k = n_run++;
        if (srt_query_new(&prog, i, env, cli.trigger, cli.max_batches, &qs[k], &err) < 0) {
            const char *name = qs[k] && qs[k]->name ? qs[k]->name : prog.queries[i].name;
            fprintf(env->err, "error: query '%s' failed: %s\n", name, err.msg);
            rc = 1;
            goto out;
        }
    }
    if (cli.serve) {
        srt_err_clear(&err);
        if (srt_serve_start(&cli, qs, n_run, env->err, &serve, &err) < 0) {
            fprintf(env->err, "error: %s\n", err.msg);
            rc = 2;
            goto out;
        }
    }
    srt_signal_install();
    /* Batch queries first, each to its end in file order (as a Spark script's
       spark.read ... show() lines run before the streams it starts after them); then
       the streaming queries together. */
    for (int i = 0; i < n_run; i++) {
        if (!qs[i]->is_batch)
            continue;
        if ((rc = schedule(&qs[i], 1, env, deadline, cli.serve, NULL)) != 0)
            goto out;
    }
    rc = schedule(qs, n_run, env, deadline, cli.serve, group);
out:
    srt_serve_stop(serve); /* before the queries it reads are freed */
    srt_group_close(group);
    if (qs)
        for (size_t i = 0; i < n_qs; i++)
            srt_query_free(qs[i]);
    srt_mem_free(env->mem, qs, sizeof *qs * (n_qs ? n_qs : 1));
    srt_prog_free(&prog);
    srt_pool_free(run_env.pool);
    fflush(env->out);
    if (run_env.progress)
        fclose(run_env.progress);
    return rc;
}

int srt_main(int argc, char **argv, SrtInitFn init)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtEnv env = {.mem = &mem, .out = stdout, .err = stderr};
    return srt_run(argc, argv, init, &env);
}
