/* main.c - the sluice driver: command line, then parse -> sema -> plan -> codegen -> link.
**
** Exit codes: 0 success, 1 errors in the query (or a failed build), 2 bad usage,
** 70 internal error.  Diagnostics go to stderr; `explain` and dumps to stdout.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "driver.h"
#include "sl_config.h"
#include "front/parse.h"
#include "sema/sema.h"
#include "codegen/cg.h"

static void usage(FILE *out)
{
    fputs("usage: sluice <command> [options] QUERY.sql\n"
          "       sluice sql [--connect HOST:PORT] [--token T] [--time] 'SELECT ...'\n"
          "\n"
          "commands:\n"
          "  check     parse and validate; print diagnostics (exit 1 on error)\n"
          "  explain   print the logical and physical plan of every query\n"
          "  build     compile to a native executable\n"
          "  run       build into a cache and run; arguments after -- go to the executable\n"
          "  sql       run a batch query over the memory tables of an executable running with\n"
          "            --serve, print the answer as show() (the query text, or - for stdin)\n"
          "\n"
          "options:\n"
          "  -o FILE              build: the executable to write (default: QUERY without .sql)\n"
          "  -O0 -O1 -O2 -O3      optimisation level (default -O2)\n"
          "  --emit-llvm          build: also write the optimised LLVM IR to FILE.ll\n"
          "  --cpu=NAME           target CPU: native (default) or an LLVM CPU name such as x86-64\n"
          "  -j N, -jN            build: compile the program as modules of its own on at\n"
          "                       most N threads (default: the CPUs available, at most 8;\n"
          "                       -j 1: one module); --emit-llvm then writes FILE.ll,\n"
          "                       FILE.ll.1, ... one per module\n"
          "  --diag-format=human|machine\n"
          "                       diagnostics as file:line:col with a caret (default), or\n"
          "                       error|file|line|col|message lines for tools\n"
          "  --time               print how long code generation and linking took (sql: the\n"
          "                       fetch, compile and run phases)\n"
          "  --connect HOST:PORT  sql: the executable's --serve address (default 127.0.0.1:4040)\n"
          "  --token T            sql: its --serve-token (default: $SLUICE_TOKEN)\n"
          "  --dump-ast, --dump-bound\n"
          "                       print the syntax tree or the bound tree and stop\n"
          "  --version, --help\n"
          "\n"
          "The executable takes: --trigger availableNow|once|'5 seconds', --max-batches N, --help.\n",
          out);
}

static int parse_args(int argc, char **argv, DriverOpts *o, Diag *diag)
{
    o->opt_level = -1;
    o->cpu = "native";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            o->run_args = argv + i + 1;
            o->n_run_args = argc - i - 1;
            break;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            exit(0);
        } else if (strcmp(a, "--version") == 0) {
            printf("sluice %s\n", SL_VERSION);
            exit(0);
        } else if (strcmp(a, "-o") == 0) {
            if (++i == argc) {
                fprintf(stderr, "sluice: -o needs a file name\n");
                return -1;
            }
            o->output = argv[i];
        } else if (a[0] == '-' && a[1] == 'j') { /* -j N or -jN, as make */
            const char *v = a[2] ? a + 2 : ++i < argc ? argv[i] : NULL;
            char *end = NULL;
            long n = v ? strtol(v, &end, 10) : 0;
            if (!v || *end || n < 1 || n > CG_MAX_THREADS) {
                fprintf(stderr, "sluice: -j needs a number of threads from 1 to %d\n",
                        CG_MAX_THREADS);
                return -1;
            }
            o->jobs = (int)n;
        } else if (strcmp(a, "--connect") == 0 || strcmp(a, "--token") == 0) {
            if (++i == argc) {
                fprintf(stderr, "sluice: %s needs a value\n", a);
                return -1;
            }
            *(a[2] == 'c' ? &o->connect : &o->token) = argv[i];
        } else if (a[0] == '-' && a[1] == 'O' && a[2] >= '0' && a[2] <= '3' && a[3] == '\0') {
            o->opt_level = a[2] - '0';
        } else if (strcmp(a, "--emit-llvm") == 0) {
            o->emit_llvm = 1;
        } else if (strcmp(a, "--time") == 0) {
            o->time_phases = 1;
        } else if (strcmp(a, "--dump-ast") == 0) {
            o->dump_ast = 1;
        } else if (strcmp(a, "--dump-bound") == 0) {
            o->dump_bound = 1;
        } else if (strncmp(a, "--cpu=", 6) == 0) {
            o->cpu = a + 6;
        } else if (strcmp(a, "--diag-format=machine") == 0) {
            diag->format = DIAG_MACHINE;
        } else if (strcmp(a, "--diag-format=human") == 0) {
            diag->format = DIAG_HUMAN;
        } else if (a[0] == '-' && a[1] != '\0' && !strpbrk(a, " \t\n")) {
            /* (an argument with white space is a query such as `-- note\nSELECT ...`) */
            fprintf(stderr, "sluice: unknown option '%s' (see sluice --help)\n", a);
            return -1;
        } else if (!o->command) {
            o->command = a;
        } else if (!o->input) {
            o->input = a;
        } else {
            fprintf(stderr, "sluice: unexpected argument '%s' (one query file at a time)\n", a);
            return -1;
        }
    }
    if (!o->command) {
        usage(stderr);
        return -1;
    }
    static const char *commands[] = {"check", "explain", "build", "run", "sql"};
    int known = 0;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        known |= strcmp(o->command, commands[i]) == 0;
    if (!known) {
        fprintf(stderr, "sluice: unknown command '%s' (check, explain, build, run, sql)\n", o->command);
        return -1;
    }
    int sql = strcmp(o->command, "sql") == 0;
    if (!o->input) {
        fprintf(stderr, sql ? "sluice: sql needs a query (or - to read it from standard input)\n"
                            : "sluice: %s needs a query file\n", o->command);
        return -1;
    }
    if (o->opt_level < 0)
        o->opt_level = sql ? 0 : 2; /* sql: an answer now, not the fastest loop */
    return 0;
}

/* The executable's default name: the query file without its .sql extension. */
static const char *default_output(Arena *arena, const char *input)
{
    size_t n = strlen(input);
    if (n > 4 && strcmp(input + n - 4, ".sql") == 0)
        return arena_strndup(arena, input, n - 4);
    return arena_sprintf(arena, "%s.out", input);
}

int main(int argc, char **argv)
{
    Arena arena;
    arena_init(&arena);
    Diag diag;
    diag_init(&diag, NULL, stderr);
    DriverOpts opts = {0};
    if (parse_args(argc, argv, &opts, &diag) != 0)
        return 2;

    if (strcmp(opts.command, "sql") == 0) {
        int rc = driver_sql(&arena, &diag, &opts);
        arena_free(&arena);
        return rc;
    }
    if (strcmp(opts.command, "build") == 0)
        driver_preload_codegen();
    const char *err = NULL;
    SrcFile *file = srcfile_load(&arena, opts.input, &err);
    if (!file) {
        fprintf(stderr, "sluice: %s\n", err);
        return 1;
    }
    diag.file = file;
    int rc = 1;
    AstScript *script = parse_script(&arena, &diag, file);
    if (!script || diag_errors(&diag))
        goto done;
    if (opts.dump_ast) {
        StrBuf sb;
        sb_init(&sb, &arena);
        ast_dump_script(&sb, script);
        fputs(sb.data, stdout);
        rc = 0;
        goto done;
    }
    SProgram *prog = sema_check(&arena, &diag, script);
    if (!prog || diag_errors(&diag))
        goto done;
    if (opts.dump_bound) {
        StrBuf sb;
        sb_init(&sb, &arena);
        sema_dump_program(&sb, prog);
        fputs(sb.data, stdout);
        rc = 0;
        goto done;
    }
    PProgram *plan = plan_build(&arena, &diag, prog);
    if (!plan || diag_errors(&diag))
        goto done;
    if (strcmp(opts.command, "check") == 0) {
        rc = 0;
    } else if (strcmp(opts.command, "explain") == 0) {
        StrBuf sb;
        sb_init(&sb, &arena);
        plan_explain(&sb, plan);
        fputs(sb.data, stdout);
        rc = 0;
    } else if (strcmp(opts.command, "build") == 0) {
        const char *out = opts.output ? opts.output : default_output(&arena, opts.input);
        rc = driver_build(&arena, &diag, plan, &opts, out) == 0 ? 0 : 1;
    } else {
        driver_run(&arena, &diag, plan, &opts);
        rc = 1;
    }
done:
    if (diag_errors(&diag) && diag.format == DIAG_HUMAN && diag_errors_shown(&diag) > 1)
        fprintf(stderr, "%d errors\n", diag_errors_shown(&diag));
    arena_free(&arena);
    return rc;
}
