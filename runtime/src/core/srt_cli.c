/* srt_cli.c - the command line of a generated executable.  Options live in one table
** (name, argument, help, handler), so a new option is one row plus one field in SrtCli.
** Both `--opt value` and `--opt=value` are accepted.  This file only parses: what
** --checkpoint, --progress and --timeout do is up to the run loop (srt_main.c, srt_query.c).
*/
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"

typedef struct CliOpt {
    const char *name;
    const char *arg; /* NULL: a flag */
    const char *help;
    int (*apply)(SrtCli *c, const char *arg, SrtErr *err);
} CliOpt;

static int opt_trigger(SrtCli *c, const char *arg, SrtErr *err)
{
    SrtTrigger t;
    int rc = srt_trigger_parse(arg, &t, err);
    if (rc < 0)
        return rc;
    c->trigger = arg;
    return 0;
}

static int opt_max_batches(SrtCli *c, const char *arg, SrtErr *err)
{
    char *end;
    errno = 0;
    long long v = strtoll(arg, &end, 10);
    if (errno || end == arg || *end || v < 0)
        return srt_err_set(err, SRT_ERR_OPTION,
                           "invalid value '%s' for --max-batches: expected a non-negative integer",
                           arg);
    c->max_batches = v;
    return 0;
}

static int opt_checkpoint(SrtCli *c, const char *arg, SrtErr *err)
{
    if (!*arg)
        return srt_err_set(err, SRT_ERR_OPTION,
                           "invalid value '' for --checkpoint: expected a directory");
    c->checkpoint = arg;
    return 0;
}

static int opt_progress(SrtCli *c, const char *arg, SrtErr *err)
{
    if (!*arg)
        return srt_err_set(err, SRT_ERR_OPTION, "invalid value '' for --progress: expected a file");
    c->progress = arg;
    return 0;
}

/* Seconds as a decimal number ("10", "2.5", "1e3"), like Python's awaitTermination(timeout). */
static int opt_timeout(SrtCli *c, const char *arg, SrtErr *err)
{
    /* Plain decimal notation only: strtod alone would also take " 1", "inf", "nan", "0x1p3". */
    int ok = *arg != '\0' && strspn(arg, "0123456789.+-eE") == strlen(arg) &&
             strpbrk(arg, "0123456789") != NULL;
    char *end = NULL;
    errno = 0;
    double v = ok ? strtod(arg, &end) : 0.0;
    int underflow = errno == ERANGE && fabs(v) <= 1.0;
    int overflow = errno == ERANGE && !underflow;
    if (!ok || end == arg || *end || (!isfinite(v) && !overflow))
        return srt_err_set(err, SRT_ERR_OPTION,
                           "invalid value '%s' for --timeout: expected a number of seconds", arg);
    if (underflow && v == 0 && !signbit(v))
        v = 1e-6; /* "1e-400": positive, just very short */
    if (v <= 0)   /* Spark's awaitTermination(timeout) */
        return srt_err_set(err, SRT_ERR_OPTION,
                           "invalid value '%s' for --timeout: Timeout has to be positive", arg);
    if (overflow || v > 9.0e12) /* µs must fit in 63 bits (285 000 years) */
        return srt_err_set(err, SRT_ERR_OPTION,
                           "invalid value '%s' for --timeout: at most 9000000000000 seconds", arg);
    int64_t us = (int64_t)llround(v * 1e6);
    c->timeout_us = us > 0 ? us : 1; /* a positive timeout below 1 µs still has to end */
    return 0;
}

/* [HOST:]PORT, HOST an IPv4 address, a name, or an IPv6 address in brackets ([::1]:8080);
   PORT 0..65535 (0: any free port).  The address is resolved when the server starts. */
static int opt_serve(SrtCli *c, const char *arg, SrtErr *err)
{
    const char *colon = strrchr(arg, ':');
    const char *port = colon ? colon + 1 : arg;
    size_t host_n = colon ? (size_t)(colon - arg) : 0;
    char *end;
    errno = 0;
    long v = strtol(port, &end, 10);
    int bracket_ok = !colon || arg[0] != '[' || (host_n >= 2 && arg[host_n - 1] == ']');
    if (!*port || *end || errno || v < 0 || v > 65535 || port[0] == '+' || port[0] == '-' ||
        (colon && host_n == 0) || !bracket_ok || host_n >= sizeof c->serve_host)
        return srt_err_set(err, SRT_ERR_OPTION,
                           "invalid value '%s' for --serve: expected [HOST:]PORT, e.g. 8080 or "
                           "127.0.0.1:8080",
                           arg);
    if (colon && arg[0] == '[')
        snprintf(c->serve_host, sizeof c->serve_host, "%.*s", (int)(host_n - 2), arg + 1);
    else if (colon)
        snprintf(c->serve_host, sizeof c->serve_host, "%.*s", (int)host_n, arg);
    else
        snprintf(c->serve_host, sizeof c->serve_host, "127.0.0.1");
    c->serve_port = (int)v;
    c->serve = 1;
    return 0;
}

static int opt_serve_token(SrtCli *c, const char *arg, SrtErr *err)
{
    if (!*arg)
        return srt_err_set(err, SRT_ERR_OPTION,
                           "invalid value '' for --serve-token: expected a token");
    c->serve_token = arg;
    return 0;
}

/* A positive integer at most max for option name. */
static int positive(const char *name, const char *arg, long long max, long long *out, SrtErr *err)
{
    char *end;
    errno = 0;
    long long v = strtoll(arg, &end, 10);
    if (errno || end == arg || *end || v < 1 || v > max || arg[0] == '+')
        return srt_err_set(err, SRT_ERR_OPTION,
                           "invalid value '%s' for %s: expected an integer from 1 to %lld", arg,
                           name, max);
    *out = v;
    return 0;
}

static int opt_threads(SrtCli *c, const char *arg, SrtErr *err)
{
    long long v = 0;
    int rc = positive("--threads", arg, 1024, &v, err);
    c->threads = (int)v;
    return rc;
}

static int opt_task_bytes(SrtCli *c, const char *arg, SrtErr *err)
{
    long long v = 0;
    int rc = positive("--task-bytes", arg, (long long)1 << 30, &v, err);
    c->task_bytes = v;
    return rc;
}

static int opt_help(SrtCli *c, const char *arg, SrtErr *err)
{
    SRT_UNUSED(arg);
    SRT_UNUSED(err);
    c->help = 1;
    return 0;
}

static int opt_version(SrtCli *c, const char *arg, SrtErr *err)
{
    SRT_UNUSED(arg);
    SRT_UNUSED(err);
    c->version = 1;
    return 0;
}

static const CliOpt cli_opts[] = {
    {"--trigger", "MODE",
     "run every query with this trigger: availableNow, once, default,\n"
     "                         or an interval such as '5 seconds' (overrides the queries' trigger)",
     opt_trigger},
    {"--max-batches", "N", "stop each query after N micro-batches", opt_max_batches},
    {"--checkpoint", "DIR",
     "checkpoint each query in DIR/<query name> and resume from it on restart\n"
     "                         (a query's own checkpointLocation option takes precedence)",
     opt_checkpoint},
    {"--progress", "FILE", "append each query's progress to FILE, one JSON record per line",
     opt_progress},
    {"--timeout", "SECONDS",
     "after SECONDS (e.g. 30 or 2.5) stop the queries gracefully and exit 0,\n"
     "                         like awaitTermination(timeout)",
     opt_timeout},
    {"--serve", "[HOST:]PORT",
     "serve the queries' status, progress, metrics and memory tables over HTTP\n"
     "                         on HOST (default 127.0.0.1) and PORT (0: any free port)",
     opt_serve},
    {"--serve-token", "TOKEN",
     "require 'Authorization: Bearer TOKEN' on every request (needed to\n"
     "                         bind an address other than the loopback)",
     opt_serve_token},
    {"--threads", "N",
     "run each batch of a query that can be split on N threads (default: the\n"
     "                         CPUs this process may use; 1: one thread)",
     opt_threads},
    {"--task-bytes", "BYTES",
     "input bytes per task of a batch split across threads (default 1048576)",
     opt_task_bytes},
    {"--help", NULL, "show this help and exit", opt_help},
    {"--version", NULL, "show the runtime version and exit", opt_version},
};

void srt_cli_usage(FILE *f, const char *argv0)
{
    fprintf(f, "usage: %s [options]\n\n", argv0 ? argv0 : "query");
    fprintf(f, "Runs the streaming queries compiled into this executable.\n\noptions:\n");
    for (size_t i = 0; i < sizeof cli_opts / sizeof cli_opts[0]; i++) {
        char left[64];
        snprintf(left, sizeof left, "%s%s%s", cli_opts[i].name, cli_opts[i].arg ? " " : "",
                 cli_opts[i].arg ? cli_opts[i].arg : "");
        fprintf(f, "  %-22s %s\n", left, cli_opts[i].help);
    }
    fprintf(f, "\nSIGINT/SIGTERM stop gracefully: the running batch is finished first.\n"
               "Exit status: 0 done or stopped, 1 a query failed, 2 bad command line.\n");
}

int srt_cli_parse(SrtCli *c, int argc, char **argv, SrtErr *err)
{
    memset(c, 0, sizeof *c);
    c->argv0 = argc > 0 ? argv[0] : "query";
    c->max_batches = -1;
    c->timeout_us = -1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strncmp(a, "--", 2) != 0)
            return srt_err_set(err, SRT_ERR_OPTION, "unexpected argument '%s'", a);
        const char *eq = strchr(a, '=');
        size_t n = eq ? (size_t)(eq - a) : strlen(a);
        const CliOpt *o = NULL;
        for (size_t k = 0; k < sizeof cli_opts / sizeof cli_opts[0]; k++)
            if (strlen(cli_opts[k].name) == n && strncmp(cli_opts[k].name, a, n) == 0)
                o = &cli_opts[k];
        if (!o)
            return srt_err_set(err, SRT_ERR_OPTION, "unknown option '%.*s'", (int)n, a);
        const char *arg = NULL;
        if (o->arg) {
            if (eq)
                arg = eq + 1;
            else if (i + 1 < argc)
                arg = argv[++i];
            else
                return srt_err_set(err, SRT_ERR_OPTION, "option '%s' needs a value (%s)", o->name,
                                   o->arg);
        } else if (eq) {
            return srt_err_set(err, SRT_ERR_OPTION, "option '%s' takes no value", o->name);
        }
        int rc = o->apply(c, arg, err);
        if (rc < 0)
            return rc;
    }
    if (c->serve_token && !c->serve)
        return srt_err_set(err, SRT_ERR_OPTION, "--serve-token needs --serve");
    if (c->serve && !c->serve_token && !srt_serve_loopback(c->serve_host))
        return srt_err_set(err, SRT_ERR_OPTION,
                           "--serve %s: serving an address other than the loopback (127.0.0.1, "
                           "::1, localhost) needs --serve-token TOKEN, so that only clients with "
                           "the token can read the queries' data or stop them",
                           c->serve_host);
    return 0;
}
