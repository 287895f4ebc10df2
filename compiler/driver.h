/* driver.h - the sluice command line: phases, flags, building and running executables. */
#ifndef SL_DRIVER_H
#define SL_DRIVER_H

#include "base/arena.h"
#include "base/diag.h"
#include "base/strbuf.h"
#include "codegen/cg.h"
#include "plan/plan.h"

typedef struct DriverOpts {
    const char *command;     /* check, explain, build, run, sql */
    const char *input;       /* the .sql file (sql: the query text, or - for standard input) */
    const char *connect;     /* sql: --connect [http://]HOST:PORT of a running executable */
    const char *token;       /* sql: --token, the executable's --serve-token */
    const char *output;      /* build: -o */
    int opt_level;           /* -O0..-O3, default 2 (sql: 0) */
    const char *cpu;         /* --cpu, default native */
    int emit_llvm;           /* --emit-llvm: write <output>.ll */
    int time_phases;         /* --time: print phase timings to stderr */
    int jobs;                /* -j N: compile on at most N threads (0: the CPUs available) */
    int dump_ast;            /* --dump-ast */
    int dump_bound;          /* --dump-bound */
    char **run_args;         /* run: arguments after -- */
    int n_run_args;
} DriverOpts;

/* Directory holding libsrt.a and srt_inline.bc; NULL (after a message) if not found. */
const char *driver_runtime_dir(Arena *arena, Diag *diag);
/* Load the codegen module on a thread of its own while the front end runs (about 3 ms of
   relocations and constructors, which `sluice build` then finds done: dlopen waits for it);
   a module that fails to load is reported by driver_build as before. */
void driver_preload_codegen(void);
/* Generate code for plan and link it into opts->output. 0 or -1 (reported). */
int driver_build(Arena *arena, Diag *diag, const PProgram *plan, const DriverOpts *opts, const char *output);
/* The executable of plan in the run cache, built there unless there already: a descriptor
   for fexecve with *exe its path, or -1 (reported). */
int driver_cached_exe(Arena *arena, Diag *diag, const PProgram *plan, const DriverOpts *opts,
                      const char **exe);
/* `sluice run`: build into the cache unless there already, then exec. Returns only on error. */
int driver_run(Arena *arena, Diag *diag, const PProgram *plan, const DriverOpts *opts);
/* `sluice sql`: opts->input over the memory tables of the executable at opts->connect.
   The exit status (the query's, or 1 after a diagnostic). */
int driver_sql(Arena *arena, Diag *diag, DriverOpts *opts);
/* The scripts of a direct link's inputs (driver_link.c): first what does not depend on code
   generation, last the program's objects (and libraries) and what closes the line. */
typedef struct DriverLink {
    const char *first_path, *last_path;
    StrBuf first, last; /* their text, empty when a script has no inputs */
} DriverLink;
/* Rewrite the linker command argv (NULL-terminated, room for max entries) to read its inputs
   from the scripts of dl, whose text it fills; late[i] (or NULL) says that argv[i] is one of
   the program's inputs.  False, argv unchanged, when the line is not one to rewrite. */
bool driver_link_rewrite(Arena *arena, char **argv, const bool *late, int max, DriverLink *dl);
/* driver_link_rewrite, and the scripts written to new files; false, argv unchanged and no
   script left, when the line is not one to rewrite or a file cannot be written. */
bool driver_link_script(Arena *arena, char **argv, const bool *late, int max, DriverLink *dl);
/* Write all of text to fd; false on a failure. */
bool driver_link_put(int fd, const StrBuf *text);
/* Monotonic milliseconds, for --time. */
double driver_now_ms(void);

#endif
