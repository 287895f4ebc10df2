/* srt_sink_exec.c - the `exec` sink, sluice's foreachBatch: each batch's rows as JSON Lines
** on the standard input of `/bin/sh -c <command>`, once per batch.
**
** Spark's ForeachBatchSink.addBatch calls the user's function once per micro-batch, with
** the batch's rows and its id, for every batch the query runs, no-data batches included
** (an empty DataFrame); a failure fails the query and the batch is run again, with the same
** id and rows, when the query restarts from its checkpoint (at least once; the batch id is
** the key for idempotent writes).  Here the function is a shell command:
**   - stdin: one JSON object per visible row, each followed by '\n', written by the JSON
**     writer of the files sink (srt_write_json_row); nothing for a batch without rows (the
**     command still runs, with an empty input)
**   - environment: the program's, plus SLUICE_BATCH_ID (the batch id), SLUICE_SINK (the
**     sink's name) and, when the query has a checkpoint, SLUICE_QUERY_ID (its id, stable
**     across restarts); without a checkpoint SLUICE_QUERY_ID is removed from the environment
**   - stdout and stderr: the program's own (flushed before the command starts)
**   - success: exit status 0.  A non-zero status or a signal fails the batch with an error
**     naming the sink, the batch, the status or signal and the command; the query stops
**     with a non-zero exit and commits nothing for that batch.
** The command text is the user's and goes to /bin/sh as one argument; nothing of the data
** is ever put into a command line.  A command that exits without reading all of its input
** (`head -n 1`) closes the pipe: the rest of the batch is dropped (EPIPE; SIGPIPE is ignored
** by the program and restored to the default for the command) and its exit status decides.
*/
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "srt_int.h"

extern char **environ;

typedef struct ExecSink {
    const char *command; /* borrowed from the options */
    SrtBuf text;         /* the batch's JSON Lines */
} ExecSink;

static int exec_open(SrtSink *k, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    SRT_UNUSED(schema);
    ExecSink *x = srt_mem_calloc(k->mem, sizeof *x);
    if (!x)
        return srt_err_nomem(err, "exec sink");
    k->impl = x;
    srt_buf_init(&x->text, k->mem);
    x->command = srt_opts_get(opts, "command");
    if (!x->command || !*x->command)
        return srt_err_set(err, SRT_ERR_OPTION, "exec sink '%s': option 'command' is required",
                           k->name);
    return 0;
}

/* The environment of the command: the program's without the SLUICE_ variables set here,
   then those.  Strings and the array live in arena a. */
static char **command_env(SrtSink *k, SrtArena *a, int64_t batch_id)
{
    static const char *const own[] = {"SLUICE_BATCH_ID=", "SLUICE_QUERY_ID=", "SLUICE_SINK="};
    size_t n = 0;
    while (environ && environ[n])
        n++;
    char **env = srt_arena_alloc(a, sizeof *env * (n + 4));
    if (!env)
        return NULL;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        int mine = 0;
        for (size_t j = 0; j < sizeof own / sizeof own[0]; j++)
            mine |= strncmp(environ[i], own[j], strlen(own[j])) == 0;
        if (!mine)
            env[m++] = environ[i];
    }
    char id[48];
    snprintf(id, sizeof id, "SLUICE_BATCH_ID=%" PRId64, batch_id);
    SrtBuf b;
    srt_buf_init(&b, k->mem);
    srt_buf_printf(&b, "SLUICE_SINK=%s", k->name);
    env[m++] = srt_arena_strdup(a, id);
    env[m++] = srt_arena_strdup(a, srt_buf_cstr(&b));
    if (k->query_id) {
        srt_buf_clear(&b);
        srt_buf_printf(&b, "SLUICE_QUERY_ID=%s", k->query_id);
        env[m++] = srt_arena_strdup(a, srt_buf_cstr(&b));
    }
    int bad = b.oom;
    srt_buf_free(&b);
    env[m] = NULL;
    for (size_t i = 0; i < m; i++)
        bad |= env[i] == NULL;
    return bad ? NULL : env;
}

/* Write all of buf to fd; 1 when the reader went away (EPIPE), 0 done, -errno. */
static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return errno == EPIPE ? 1 : -errno;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Start the command with its stdin on a pipe; *pid and *in (the pipe's write end). */
static int spawn_command(SrtSink *k, ExecSink *x, char **env, pid_t *pid, int *in, SrtErr *err)
{
    int fds[2];
    if (pipe(fds) != 0)
        return srt_err_set(err, SRT_ERR_IO, "exec sink '%s': cannot create a pipe: %s", k->name,
                           strerror(errno));
    /* Neither end may leak into other commands (or this one: it gets a copy as fd 0). */
    if (fcntl(fds[0], F_SETFD, FD_CLOEXEC) != 0 || fcntl(fds[1], F_SETFD, FD_CLOEXEC) != 0) {
        int e = errno;
        close(fds[0]);
        close(fds[1]);
        return srt_err_set(err, SRT_ERR_IO, "exec sink '%s': cannot create a pipe: %s", k->name,
                           strerror(e));
    }
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&at);
    posix_spawn_file_actions_adddup2(&fa, fds[0], STDIN_FILENO);
    /* The program ignores SIGPIPE and may block signals: the command gets the defaults. */
    sigset_t dflt, none;
    sigemptyset(&dflt);
    sigaddset(&dflt, SIGPIPE);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&at, &dflt);
    posix_spawnattr_setsigmask(&at, &none);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    char *argv[] = {"/bin/sh", "-c", (char *)x->command, NULL};
    int rc = posix_spawn(pid, "/bin/sh", &fa, &at, argv, env);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    close(fds[0]);
    if (rc != 0) {
        close(fds[1]);
        return srt_err_set(err, SRT_ERR_IO, "exec sink '%s': cannot start /bin/sh: %s", k->name,
                           strerror(rc));
    }
    *in = fds[1];
    return 0;
}

static int exec_write(SrtSink *k, int64_t batch_id, SrtDatum *const *rows, size_t n_rows,
                      const SrtSchema *schema, SrtErr *err)
{
    ExecSink *x = k->impl;
    srt_buf_clear(&x->text);
    for (size_t i = 0; i < n_rows; i++) {
        srt_write_json_row(schema, rows[i], &x->text);
        srt_buf_putc(&x->text, '\n');
    }
    if (x->text.oom)
        return srt_err_nomem(err, "exec sink rows");
    SrtArena a;
    srt_arena_init(&a, k->mem, 4096);
    char **env = command_env(k, &a, batch_id);
    if (!env) {
        srt_arena_free(&a);
        return srt_err_nomem(err, "exec sink environment");
    }
    fflush(k->out); /* what the program printed comes before what the command prints */
    pid_t pid;
    int in;
    int rc = spawn_command(k, x, env, &pid, &in, err);
    srt_arena_free(&a);
    if (rc < 0)
        return rc;
    int wrc = write_all(in, x->text.p, x->text.n);
    close(in);
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return srt_err_set(err, SRT_ERR_IO, "exec sink '%s': batch %" PRId64
                               ": cannot wait for the command: %s", k->name, batch_id,
                               strerror(errno));
    }
    if (WIFSIGNALED(status))
        return srt_err_set(err, SRT_ERR_IO,
                           "exec sink '%s': batch %" PRId64 ": the command was killed by signal "
                           "%d (%s): %s",
                           k->name, batch_id, WTERMSIG(status), strsignal(WTERMSIG(status)),
                           x->command);
    if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
        return srt_err_set(err, SRT_ERR_IO,
                           "exec sink '%s': batch %" PRId64 ": the command exited with status %d: %s",
                           k->name, batch_id, WEXITSTATUS(status), x->command);
    if (wrc < 0)
        return srt_err_set(err, SRT_ERR_IO,
                           "exec sink '%s': batch %" PRId64 ": cannot write the rows to the "
                           "command: %s",
                           k->name, batch_id, strerror(-wrc));
    /* Keep a big buffer from one large batch from pinning memory forever. */
    if (x->text.cap > ((size_t)4 << 20))
        srt_buf_free(&x->text);
    return 0;
}

static void exec_close(SrtSink *k)
{
    ExecSink *x = k->impl;
    if (!x)
        return;
    srt_buf_free(&x->text);
    srt_mem_free(k->mem, x, sizeof *x);
    k->impl = NULL;
}

/* ForeachBatchSink.toString, the progress's sink description. */
static void exec_describe(SrtSink *k, SrtBuf *out)
{
    SRT_UNUSED(k);
    srt_buf_puts(out, "ForeachBatchSink");
}

const SrtSinkVt srt_sink_exec_vt = {
    .connector = "exec",
    .open = exec_open,
    .write = exec_write,
    .close = exec_close,
    .describe = exec_describe,
};
