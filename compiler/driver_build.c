/* driver_build.c - from a plan to an executable on disk: codegen, one `cc` link, the run cache.
**
** The object files (one per unit of a program split across the CPUs, cg.h) go to a private
** temporary directory; the executable is
** linked to a temporary name beside the output and renamed into place, so
** a failed build never leaves a half-written executable.  `sluice run` keys
** its cache on the query text, the compiler version, the flags and the
** runtime library, so an edit or an upgrade rebuilds.  The cache directory is
** created 0700 and must belong to the user and be writable by no one else; a
** cached executable runs only if it is a regular file with the same owner and
** mode rules, executed through the descriptor that was checked (fexecve).
*/
#define _GNU_SOURCE
#include "driver.h"
#include "sl_config.h"

#include "common/cm_connectors.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

double driver_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The directory of the sluice executable into dir (PATH_MAX bytes); false with errno set. */
static bool exe_dir_into(char *dir)
{
    ssize_t n = readlink("/proc/self/exe", dir, PATH_MAX - 1);
    if (n <= 0)
        return false;
    dir[n] = '\0';
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    return true;
}

/* The directory of the sluice executable, or NULL after reporting. */
static char *exe_dir(Arena *arena, Diag *diag)
{
    char exe[PATH_MAX];
    if (!exe_dir_into(exe)) {
        diag_fatal(diag, "cannot locate the sluice executable: %s", strerror(errno));
        return NULL;
    }
    return arena_strdup(arena, exe);
}

/* Where the codegen module (cg.h) is, given the executable's directory: next to it in the
   build tree, <prefix>/lib/sluice when installed (never from SLUICE_RUNTIME_DIR: the module
   must be the one built with this executable).  Into path, PATH_MAX bytes; false if too long. */
static bool codegen_path_into(const char *dir, char *path)
{
    int n = snprintf(path, PATH_MAX, "%s/%s", dir, CG_PLUGIN_FILE);
    if (n > 0 && n < PATH_MAX && file_exists(path))
        return true;
    n = snprintf(path, PATH_MAX, "%s/../lib/sluice/%s", dir, CG_PLUGIN_FILE);
    return n > 0 && n < PATH_MAX;
}

/* The codegen module's path, or NULL after reporting. */
static const char *codegen_path(Arena *arena, Diag *diag)
{
    char *dir = exe_dir(arena, diag);
    if (!dir)
        return NULL;
    char path[PATH_MAX];
    if (!codegen_path_into(dir, path)) {
        diag_fatal(diag, "the sluice executable's directory '%s' is too long", dir);
        return NULL;
    }
    return arena_strdup(arena, path);
}

#ifndef SL_CODEGEN_LINKED
static void *preload_codegen(void *unused)
{
    (void)unused;
    char dir[PATH_MAX], path[PATH_MAX];
    if (exe_dir_into(dir) && codegen_path_into(dir, path))
        dlopen(path, RTLD_NOW | RTLD_LOCAL); /* kept open: codegen_module's dlopen finds it */
    return NULL;
}
#endif

void driver_preload_codegen(void)
{
#ifndef SL_CODEGEN_LINKED
    pthread_attr_t attr;
    pthread_t t;
    if (pthread_attr_init(&attr) != 0)
        return;
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_create(&t, &attr, preload_codegen, NULL);
    pthread_attr_destroy(&attr);
#endif
}

/* The codegen module, loaded on first use. */
static const CgPlugin *codegen_module(Arena *arena, Diag *diag)
{
#ifdef SL_CODEGEN_LINKED /* the sanitizer build (compiler/CMakeLists.txt) */
    extern const CgPlugin sl_codegen_plugin;
    (void)arena;
    (void)diag;
    return &sl_codegen_plugin;
#endif
    static const CgPlugin *loaded;
    if (loaded)
        return loaded;
    const char *path = codegen_path(arena, diag);
    if (!path)
        return NULL;
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        diag_fatal(diag, "cannot load the code generator: %s", dlerror());
        return NULL;
    }
    const CgPlugin *p = dlsym(h, CG_PLUGIN_SYMBOL);
    if (!p || !p->stamp || p->stamp() != cg_stamp()) {
        diag_fatal(diag, "the code generator '%s' was built with another sluice; reinstall sluice",
                   path);
        dlclose(h);
        return NULL;
    }
    return loaded = p;
}

const char *driver_runtime_dir(Arena *arena, Diag *diag)
{
    const char *env = getenv("SLUICE_RUNTIME_DIR");
    if (env && *env) {
        if (file_exists(arena_sprintf(arena, "%s/libsrt.a", env)))
            return env;
        diag_fatal(diag, "SLUICE_RUNTIME_DIR='%s' holds no libsrt.a", env);
        return NULL;
    }
    char *exe = exe_dir(arena, diag);
    if (!exe)
        return NULL;
    /* Build tree: next to the compiler.  Installed: <prefix>/lib/sluice. */
    const char *candidates[2] = {exe, arena_sprintf(arena, "%s/../lib/sluice", exe)};
    for (int i = 0; i < 2; i++)
        if (file_exists(arena_sprintf(arena, "%s/libsrt.a", candidates[i])) &&
            file_exists(arena_sprintf(arena, "%s/srt_inline.bc", candidates[i])))
            return candidates[i];
    diag_fatal(diag, "cannot find the sluice runtime (libsrt.a, srt_inline.bc) next to '%s' or in "
                     "'%s/../lib/sluice'; set SLUICE_RUNTIME_DIR", exe, exe);
    return NULL;
}

/* The CPUs this process may run on (its affinity mask), at most 8: how many of a program's
   units codegen optimises at once (cg.h). */
static int cpus_available(void)
{
    cpu_set_t set;
    int n = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
    return n < 1 ? 1 : n > 8 ? 8 : n;
}

/* The link running (its process group), stopped with the build (on_build_signal). */
static volatile pid_t build_child;

/* Start argv[0] with argv in a process group of its own: its pid, or -1 (reported unless
   quiet); quiet, with its standard error to /dev/null (its messages would be the fallback's to
   give).  The group is stopped with the build (on_build_signal): a linker left running would
   write the output after the cleanup. */
static pid_t spawn_command(Diag *diag, char **argv, bool quiet)
{
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (quiet)
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        if (!quiet)
            diag_fatal(diag, "cannot run '%s': %s", argv[0], strerror(rc));
        return -1;
    }
    build_child = pid;
    return pid;
}

/* Wait for the child pid (spawn_command) and return its exit status, or -1. */
static int wait_command(pid_t pid)
{
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            build_child = 0;
            return -1;
        }
    build_child = 0;
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return -1;
}

/* Run argv[0] with argv, wait, and return its exit status (or -1). */
static int run_command(Diag *diag, char **argv, bool quiet)
{
    pid_t pid = spawn_command(diag, argv, quiet);
    return pid < 0 ? -1 : wait_command(pid);
}

static char *make_temp_dir(Arena *arena, Diag *diag)
{
    const char *tmp = getenv("TMPDIR");
    char *dir = arena_sprintf(arena, "%s/sluice-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        diag_fatal(diag, "cannot create a temporary directory in '%s': %s", tmp && *tmp ? tmp : "/tmp",
                   strerror(errno));
        return NULL;
    }
    return dir;
}

/* Split a space-separated list of flags (from the build configuration) into argv.  For the
   linker itself (ld: no cc driver between), `-Wl,a,b` becomes `a b`: the configuration has
   only -l, -L and -Wl flags then (compiler/CMakeLists.txt). */
static int split_flags(Arena *arena, const char *flags, char **argv, int at, int max, bool ld)
{
    char *copy = arena_strdup(arena, flags);
    char *save = NULL;
    for (char *tok = strtok_r(copy, " ", &save); tok && at < max;
         tok = strtok_r(NULL, " ", &save)) {
        if (!ld || strncmp(tok, "-Wl,", 4) != 0) {
            argv[at++] = tok;
            continue;
        }
        char *inner = NULL;
        for (char *w = strtok_r(tok + 4, ",", &inner); w && at < max;
             w = strtok_r(NULL, ",", &inner))
            argv[at++] = w;
    }
    return at;
}

/* The link flags of the connector library `key` (cm_connectors.h), NULL if the build has none. */
static const char *connector_lib_flags(const char *key)
{
    static const struct {
        const char *key, *flags;
    } libs[] = {SL_CONNECTOR_LIBS};
    for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++)
        if (strcmp(libs[i].key, key) == 0)
            return libs[i].flags;
    return NULL;
}

/* A connector whose implementation needs a system library is linked only when the program
   names it: ask the linker for its vtable (which pulls it out of libsrt.a; the registry refers
   to it weakly) and add its library once. */
static int add_connector(Arena *arena, const char *connector, unsigned role, const char **seen,
                         int *n_seen, char **argv, int n, int max, bool ld)
{
    const CmConnector *spec = cm_connector_find(connector, role);
    if (!spec || !spec->lib || n >= max)
        return n;
    n = split_flags(arena,
                    arena_sprintf(arena, "-Wl,-u,srt_%s_%s_vt",
                                  role == CM_ROLE_SINK ? "sink" : "source", spec->name),
                    argv, n, max, ld);
    for (int i = 0; i < *n_seen; i++)
        if (seen[i] == spec->lib)
            return n;
    seen[(*n_seen)++] = spec->lib;
    const char *flags = connector_lib_flags(spec->lib);
    return flags ? split_flags(arena, flags, argv, n, max, ld) : n;
}

static int add_connectors(Arena *arena, const SProgram *prog, char **argv, int n, int max, bool ld)
{
    const char **seen = arena_alloc(arena, sizeof *seen * (size_t)(prog->n_sources + prog->n_sinks + 1));
    int n_seen = 0;
    for (int i = 0; i < prog->n_sources; i++)
        n = add_connector(arena, prog->sources[i]->connector,
                          prog->sources[i]->is_static ? CM_ROLE_TABLE : CM_ROLE_SOURCE, seen,
                          &n_seen, argv, n, max, ld);
    for (int i = 0; i < prog->n_sinks; i++)
        n = add_connector(arena, prog->sinks[i]->connector, CM_ROLE_SINK, seen, &n_seen, argv, n,
                          max, ld);
    return n;
}

/* The runtime: srt_core.o, what srt_main needs of libsrt.a in one object, and libsrt_rest.a,
   the members it leaves (runtime/split_runtime.cmake); libsrt.a in a runtime directory
   without them. */
static int add_runtime(Arena *arena, const char *rt, char **argv, int n, int max)
{
    const char *core = arena_sprintf(arena, "%s/srt_core.o", rt);
    const char *rest = arena_sprintf(arena, "%s/libsrt_rest.a", rt);
    if (n + 2 > max)
        return n;
    if (file_exists(core) && file_exists(rest)) {
        argv[n++] = (char *)core;
        argv[n++] = (char *)rest;
    } else {
        argv[n++] = arena_sprintf(arena, "%s/libsrt.a", rt);
    }
    return n;
}

/* What a link is of: the program's objects (obj, then its units' files), the runtime, the
   connectors' libraries and the digest's when codegen found a call (calls_digest), into out;
   first and last are the files of the direct link's inputs (driver_link.c). */
typedef struct LinkSpec {
    const SProgram *prog;
    const char *rt, *obj, *out, *first, *last;
    int units;
    bool digest;
} LinkSpec;

#define LINK_MAX_ARGS 160

/* The link of ls into argv (room for max): `cc`, or the linker cc runs, called directly (ld)
   with the arguments cc would give it (SL_LINK_DIRECT_*); late[i] (room for max, or NULL)
   says whether argv[i] is one of what codegen reports (the objects, the digest's libraries). */
static int link_command(Arena *arena, const LinkSpec *ls, bool ld, char **argv, bool *late, int max)
{
    bool no_late[LINK_MAX_ARGS];
    if (!late)
        late = no_late;
    int n = 0;
    argv[n++] = ld ? SL_LINK_DIRECT_LD : "cc";
    argv[n++] = "-o";
    argv[n++] = (char *)ls->out;
    if (ld)
        n = split_flags(arena, SL_LINK_DIRECT_PRE, argv, n, max - 1, false);
    memset(late, 0, sizeof *late * (size_t)max);
    int from = n;
    argv[n++] = (char *)ls->obj;
    for (int u = 1; u < ls->units && n < max - 1; u++)
        argv[n++] = arena_sprintf(arena, CG_UNIT_FILE, ls->obj, u);
    for (int i = from; i < n; i++)
        late[i] = true;
    n = add_runtime(arena, ls->rt, argv, n, max - 1);
    n = add_connectors(arena, ls->prog, argv, n, max - 1, ld);
    if (!ld)
        n = split_flags(arena, SL_LINK_LD, argv, n, max - 1, false);
    n = split_flags(arena, SL_LINK_HARDEN, argv, n, max - 1, ld);
    n = split_flags(arena, SL_LINK_NO_BUILD_ID, argv, n, max - 1, ld);
    if (ls->digest) {
        from = n;
        n = split_flags(arena, SL_DIGEST_LIBS, argv, n, max - 1, ld);
        for (int i = from; i < n; i++)
            late[i] = true;
    }
    n = split_flags(arena, SL_LINK_LIBS, argv, n, max - 1, ld);
    n = split_flags(arena, SL_SANITIZE_FLAGS, argv, n, max - 1, ld);
    if (ld)
        n = split_flags(arena, SL_LINK_DIRECT_POST, argv, n, max - 1, false);
    argv[n] = NULL;
    return n;
}

/* ==== The link started ahead ====
** mold spends about 6 ms of the flagship's link before it reads an input: it starts (loading
** libstdc++ and libcrypto), forks and matches its options.  So the direct link starts with the
** build, before code generation, on the core the codegen module's loading leaves idle: its
** command line holds only options, which do not depend on what codegen reports (the objects
** and libraries are the script's, driver_link.c), and the script is an empty file on which the
** build holds a write lease (fcntl F_SETLEASE), so that the linker's open() of it waits.  Once
** the objects are written, the build writes the script and releases the lease, and the linker
** goes on.  Nothing depends on timing: a linker that opens the script before it is written
** (the lease broken by the kernel after /proc/sys/fs/lease-break-time) finds it empty and fails,
** and a link that failed, or was cancelled because the options came out otherwise, runs again
** as it would have without this (link_executable). */

typedef struct EarlyLink {
    pid_t pid;    /* the linker, 0 when none was started */
    int fd;       /* the last script, leased */
    char **argv;  /* its command line */
    StrBuf first; /* its first script's text */
    const LinkSpec *ls;
    pthread_t th; /* the thread starting it */
    bool started; /* (th is) */
    struct sigaction saved_io;
} EarlyLink;

/* The direct link of ls rewritten to read its inputs from scripts (dl), into argv. */
static bool scripted_command(Arena *arena, const LinkSpec *ls, char **argv, DriverLink *dl)
{
    bool late[LINK_MAX_ARGS];
    link_command(arena, ls, true, argv, late, LINK_MAX_ARGS);
    dl->first_path = ls->first;
    dl->last_path = ls->last;
    return driver_link_rewrite(arena, argv, late, LINK_MAX_ARGS, dl);
}

/* Write the first script, lease the last one and start the linker (el->pid 0 when that cannot
   be done: no lease on this file system).  On a thread of its own: posix_spawn holds the
   thread that calls it until the child has run exec, milliseconds on a busy machine. */
static void *early_link_thread(void *arg)
{
    EarlyLink *el = arg;
    const LinkSpec *ls = el->ls;
    int first = open(ls->first, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (first < 0)
        return NULL;
    bool written = driver_link_put(first, &el->first);
    if (close(first) != 0 || !written ||
        (el->fd = open(ls->last, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0) {
        unlink(ls->first);
        return NULL;
    }
    if (fcntl(el->fd, F_SETLEASE, F_WRLCK) == 0 &&
        (el->pid = spawn_command(NULL, el->argv, true)) > 0)
        return NULL;
    el->pid = 0;
    close(el->fd);
    unlink(ls->first);
    unlink(ls->last);
    return NULL;
}

/* Start the direct link of ls (its units and digest are not known yet): early_link_thread. */
static void early_link_start(Arena *arena, EarlyLink *el, const LinkSpec *ls)
{
    memset(el, 0, sizeof *el);
    if (!SL_LINK_DIRECT_LD[0])
        return;
    el->argv = ARENA_NEW_N(arena, char *, LINK_MAX_ARGS);
    el->ls = ls;
    DriverLink dl;
    if (!scripted_command(arena, ls, el->argv, &dl) || !dl.first.len)
        return;
    el->first = dl.first;
    /* the lease's break is signalled to its holder, SIGIO by default, whose action ends it */
    struct sigaction ignore;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGIO, &ignore, &el->saved_io);
    el->started = pthread_create(&el->th, NULL, early_link_thread, el) == 0;
    if (!el->started)
        sigaction(SIGIO, &el->saved_io, NULL);
}

static bool same_argv(char **a, char **b)
{
    for (; *a && *b; a++, b++)
        if (strcmp(*a, *b) != 0)
            return false;
    return !*a && !*b;
}

/* Let the started link go on when its command line is argv and its first script dl's (else,
   or with dl NULL, stop it), with dl's last script: 0 when it linked, else -1 with its scripts
   removed. */
static int early_link_finish(EarlyLink *el, const LinkSpec *ls, char **argv, const DriverLink *dl)
{
    if (!el->started)
        return -1;
    pthread_join(el->th, NULL);
    el->started = false;
    if (el->pid <= 0) {
        sigaction(SIGIO, &el->saved_io, NULL);
        return -1;
    }
    bool go = dl && same_argv(argv, el->argv) && dl->first.len == el->first.len &&
              memcmp(dl->first.data, el->first.data, dl->first.len) == 0 &&
              driver_link_put(el->fd, &dl->last);
    if (!go)
        kill(-el->pid, SIGKILL); /* before the lease goes: it must not read a script */
    fcntl(el->fd, F_SETLEASE, F_UNLCK);
    close(el->fd);
    sigaction(SIGIO, &el->saved_io, NULL);
    int rc = wait_command(el->pid);
    el->pid = 0;
    if (go && rc == 0)
        return 0;
    unlink(ls->first);
    unlink(ls->last);
    return -1;
}

/* Link ls: the link started ahead (el) when it can go on, else the linker directly when the
   configuration knows how (a fifth of the link is cc and collect2 starting), its inputs in
   scripts (driver_link.c), else, or when that fails, through cc, whose messages are shown. */
static int link_executable(Arena *arena, Diag *diag, const LinkSpec *ls, EarlyLink *el)
{
    char *argv[LINK_MAX_ARGS];
    if (SL_LINK_DIRECT_LD[0]) {
        DriverLink dl;
        bool scripted = scripted_command(arena, ls, argv, &dl);
        if (early_link_finish(el, ls, argv, scripted ? &dl : NULL) == 0)
            return 0;
        bool late[LINK_MAX_ARGS];
        link_command(arena, ls, true, argv, late, LINK_MAX_ARGS);
        driver_link_script(arena, argv, late, LINK_MAX_ARGS, &dl);
        if (run_command(diag, argv, true) == 0)
            return 0;
    }
    link_command(arena, ls, false, argv, NULL, LINK_MAX_ARGS);
    return run_command(diag, argv, false);
}

/* ==== A build interrupted ====
** Stopped by SIGINT, SIGTERM or SIGHUP, a build stops its link, removes what it wrote (its
** objects, their directory, the executable half linked next to the output) and then dies of
** the signal.  The handler only signals and waits for the link's process group, unlinks paths
** made beforehand and removes the directory, and leaves a child to do that again once the
** process is gone (all async-signal-safe). */

#define BUILD_TEMPS (CG_MAX_UNITS + 5)
static const char *build_temps[BUILD_TEMPS]; /* files, then the directory */
static volatile sig_atomic_t n_build_temps;
static const int build_signals[3] = {SIGINT, SIGTERM, SIGHUP};

static void remove_build_temps(int n)
{
    for (int i = 0; i < n; i++)
        if (unlink(build_temps[i]) != 0)
            rmdir(build_temps[i]);
}

static void on_build_signal(int sig)
{
    pid_t child = build_child;
    if (child > 0) { /* the link first, so that nothing writes after the cleanup */
        kill(-child, sig);
        waitpid(child, NULL, 0);
    }
    int n = n_build_temps;
    n_build_temps = 0;
    remove_build_temps(n);
    /* A code generation thread may still write an object until the process is gone: a child
       (_Fork: no atfork handlers, async-signal-safe) waits for that and removes them again. */
    pid_t self = getpid();
    if (n > 0 && _Fork() == 0) {
        struct timespec tick = {0, 1000000};
        while (getppid() == self)
            nanosleep(&tick, NULL);
        remove_build_temps(n);
        _exit(0);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Watch the build's temporary paths (ls's objects, scripts and executable, then the
   directory dir) until unwatch_build_temps; saved receives the handlers it replaces. */
static void watch_build_temps(Arena *arena, const LinkSpec *ls, const char *dir,
                              struct sigaction saved[3])
{
    int n = 0;
    build_temps[n++] = ls->obj;
    for (int u = 1; u < CG_MAX_UNITS; u++)
        build_temps[n++] = arena_sprintf(arena, CG_UNIT_FILE, ls->obj, u);
    build_temps[n++] = ls->first;
    build_temps[n++] = ls->last;
    build_temps[n++] = ls->out;
    build_temps[n++] = dir;
    n_build_temps = n;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_build_signal;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < 3; i++)
        sigaction(build_signals[i], &sa, &saved[i]);
}

static void unwatch_build_temps(const struct sigaction saved[3])
{
    n_build_temps = 0;
    for (int i = 0; i < 3; i++)
        sigaction(build_signals[i], &saved[i], NULL);
}

int driver_build(Arena *arena, Diag *diag, const PProgram *plan, const DriverOpts *opts, const char *output)
{
    const char *rt = driver_runtime_dir(arena, diag);
    if (!rt)
        return -1;
    /* the signals wait while the directory is made and watched: none finds it unwatched */
    sigset_t stop, before;
    sigemptyset(&stop);
    for (int i = 0; i < 3; i++)
        sigaddset(&stop, build_signals[i]);
    sigprocmask(SIG_BLOCK, &stop, &before);
    char *tmp = make_temp_dir(arena, diag);
    if (!tmp) {
        sigprocmask(SIG_SETMASK, &before, NULL);
        return -1;
    }
    const char *obj = arena_sprintf(arena, "%s/query.o", tmp);
    LinkSpec ls = {.prog = plan->sema,
                   .rt = rt,
                   .obj = obj,
                   .first = arena_sprintf(arena, "%s/link.ld", tmp),
                   .last = arena_sprintf(arena, "%s/link-program.ld", tmp)};
    /* Link to a temporary name next to the output, then rename into place. */
    const char *tmp_out = arena_sprintf(arena, "%s.tmp-%d", output, (int)getpid());
    ls.out = tmp_out;
    struct sigaction saved[3];
    watch_build_temps(arena, &ls, tmp, saved);
    sigprocmask(SIG_SETMASK, &before, NULL);
    CgOptions co = {0};
    co.opt_level = opts->opt_level;
    co.cpu = opts->cpu;
    /* The declarations and the hot helpers, each a file of its own; else (a runtime directory
       of an older build) srt_inline.bc for both. */
    co.inline_bc = arena_sprintf(arena, "%s/srt_hot.bc", rt);
    co.decls_bc = arena_sprintf(arena, "%s/srt_decls.bc", rt);
    if (!file_exists(co.inline_bc) || !file_exists(co.decls_bc)) {
        co.inline_bc = arena_sprintf(arena, "%s/srt_inline.bc", rt);
        co.decls_bc = NULL;
    }
    co.obj_path = obj;
    co.ir_path = opts->emit_llvm ? arena_sprintf(arena, "%s.ll", output) : NULL;
    co.module_name = opts->input;
    co.threads = opts->jobs ? opts->jobs : cpus_available();
    int units = 1;
    co.units = &units;
    bool digest = true; /* unless codegen finds the program calls none */
    co.calls_digest = &digest;
    CgTimes ct = {0};
    co.times = &ct;
    EarlyLink early;
    early_link_start(arena, &early, &ls);
    double t_load = driver_now_ms();
    const CgPlugin *cg = codegen_module(arena, diag);
    double t0 = driver_now_ms();
    int rc = cg ? cg->compile(arena, diag, plan, &co) : -1;
    double t1 = driver_now_ms();
    ls.units = units;
    ls.digest = digest;
    if (rc != 0)
        early_link_finish(&early, &ls, NULL, NULL);
    else {
        int lrc = link_executable(arena, diag, &ls, &early);
        if (lrc != 0) {
            diag_fatal(diag, "linking '%s' failed (cc exited with %d)", output, lrc);
            unlink(tmp_out);
            rc = -1;
        } else if (rename(tmp_out, output) != 0) {
            diag_fatal(diag, "cannot write '%s': %s", output, strerror(errno));
            unlink(tmp_out);
            rc = -1;
        }
    }
    double t2 = driver_now_ms();
    if (opts->time_phases)
        fprintf(stderr, "sluice: load codegen %.1f ms, codegen+optimise+emit %.1f ms (runtime bitcode %.1f, "
                "generate %.1f, optimise %.1f, emit %.1f%s), link %.1f ms\n", t0 - t_load, t1 - t0, ct.runtime_bc, ct.generate,
                ct.optimise, ct.emit,
                ct.units > 1 ? arena_sprintf(arena, "; %d modules at once, the slowest's", ct.units) : "",
                t2 - t1);
    unlink(obj);
    unlink(ls.first);
    unlink(ls.last);
    for (int u = 1; u < units; u++)
        unlink(arena_sprintf(arena, CG_UNIT_FILE, obj, u));
    rmdir(tmp);
    unwatch_build_temps(saved);
    return rc;
}

/* ==== The run cache ==== */

static uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* -O2's code is for the host CPU (--cpu=native): a cache shared by machines (a home directory
   on a network file system) must not run one CPU's executable on another.  The first
   processor's model name and flags of /proc/cpuinfo identify it. */
static uint64_t host_cpu_hash(uint64_t h)
{
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return h;
    char line[8192];
    int seen = 0;
    while (seen < 2 && fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) == 0 || strncmp(line, "flags", 5) == 0) {
            h = fnv1a(h, line, strlen(line));
            seen++;
        }
    }
    fclose(f);
    return h;
}

/* mkdir -p with mode 0700 for every directory it creates (existing ones are left as they are). */
static int mkdir_p(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int bad = mkdir(path, 0700) != 0 && errno != EEXIST;
        *p = '/';
        if (bad)
            return -1;
    }
    return mkdir(path, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

static const char *cache_dir(Arena *arena)
{
    const char *d = getenv("SLUICE_CACHE_DIR");
    if (d && *d)
        return d;
    d = getenv("XDG_CACHE_HOME");
    if (d && *d)
        return arena_sprintf(arena, "%s/sluice", d);
    d = getenv("HOME");
    if (d && *d)
        return arena_sprintf(arena, "%s/.cache/sluice", d);
    return arena_sprintf(arena, "%s/sluice-cache-%d", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)geteuid());
}

/* Why st (a cache directory or cached executable) cannot be trusted, or NULL: it must be
   owned by the effective user and not writable by group or others, or another local user
   could choose what `sluice run` executes. */
static const char *cache_distrust(Arena *arena, const struct stat *st)
{
    if (st->st_uid != geteuid())
        return arena_sprintf(arena, "it is owned by uid %d, not by the user running sluice (uid %d)",
                             (int)st->st_uid, (int)geteuid());
    if (st->st_mode & (S_IWGRP | S_IWOTH))
        return arena_sprintf(arena, "it is writable by %s (mode %04o)",
                             st->st_mode & S_IWOTH ? "other users" : "its group",
                             (unsigned)(st->st_mode & 07777));
    return NULL;
}

/* Open the cache directory (created 0700 when missing) as a directory descriptor, without
   following a symbolic link, and check that only the current user can write into it. */
static int cache_open(Arena *arena, Diag *diag, char *dir)
{
    if (mkdir_p(dir) != 0) {
        diag_fatal(diag, "cannot create the cache directory '%s': %s", dir, strerror(errno));
        return -1;
    }
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        diag_fatal(diag, "cannot open the cache directory '%s': %s", dir,
                   errno == ELOOP || errno == ENOTDIR ? "it is a symbolic link or not a directory"
                                                      : strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    const char *why = cache_distrust(arena, &st);
    if (why) {
        diag_fatal(diag, "refusing the cache directory '%s': %s; remove it, or set SLUICE_CACHE_DIR "
                         "to a directory of your own", dir, why);
        close(fd);
        return -1;
    }
    return fd;
}

/* Open the cached executable name in the directory dfd for fexecve: a regular file, not a
   symbolic link, that cache_distrust accepts (fresh: just built, so first made 0700 whatever
   the umask gave it).  -1 with *missing = 1 when there is none; -1 with a diagnostic when
   there is one that cannot be trusted. */
static int cache_open_exe(Arena *arena, Diag *diag, int dfd, const char *dir, const char *name,
                          int fresh, int *missing)
{
    *missing = 0;
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0 && errno == ENOENT) {
        *missing = 1;
        return -1;
    }
    struct stat st;
    const char *why = NULL;
    if (fd < 0)
        why = errno == ELOOP ? "it is a symbolic link" : strerror(errno);
    else if (fstat(fd, &st) != 0)
        why = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        why = "it is not a regular file";
    else {
        if (fresh && st.st_uid == geteuid() && fchmod(fd, 0700) == 0)
            st.st_mode = (st.st_mode & ~(mode_t)07777) | 0700;
        why = cache_distrust(arena, &st);
    }
    if (why) {
        diag_fatal(diag, "refusing the cached executable '%s/%s': %s; remove it", dir, name, why);
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

int driver_cached_exe(Arena *arena, Diag *diag, const PProgram *plan, const DriverOpts *opts,
                      const char **exe_out)
{
    const char *rt = driver_runtime_dir(arena, diag);
    if (!rt)
        return -1;
    uint64_t h = 0xcbf29ce484222325ULL;
    h = fnv1a(h, diag->file->text, diag->file->len);
    h = fnv1a(h, SL_VERSION, sizeof SL_VERSION);
    h = fnv1a(h, &opts->opt_level, sizeof opts->opt_level);
    h = fnv1a(h, opts->cpu, strlen(opts->cpu));
    if (strcmp(opts->cpu, "native") == 0)
        h = host_cpu_hash(h);
    /* Inferred schemas depend on the files present, not only on the text. */
    const SProgram *sp = plan->sema;
    for (int i = 0; i < sp->n_sources; i++)
        for (int c = 0; c < sp->sources[i]->schema.n; c++) {
            const SColumn *col = &sp->sources[i]->schema.cols[c];
            const char *t = type_name(arena, col->type);
            h = fnv1a(h, col->name, strlen(col->name) + 1);
            h = fnv1a(h, t, strlen(t) + 1);
        }
    struct stat st;
    const char *module = codegen_path(arena, diag);
    if (!module)
        return -1;
    const char *parts[3] = {arena_sprintf(arena, "%s/libsrt.a", rt), "/proc/self/exe", module};
    for (int i = 0; i < 3; i++) {
        if (stat(parts[i], &st) == 0) {
            h = fnv1a(h, &st.st_size, sizeof st.st_size);
            h = fnv1a(h, &st.st_mtim, sizeof st.st_mtim);
        }
    }
    char *dir = arena_strdup(arena, cache_dir(arena));
    int dfd = cache_open(arena, diag, dir);
    if (dfd < 0)
        return -1;
    const char *base = strrchr(opts->input, '/') ? strrchr(opts->input, '/') + 1 : opts->input;
    const char *name = arena_sprintf(arena, "%.*s-%016llx", (int)strcspn(base, "."), base,
                                     (unsigned long long)h);
    const char *exe = arena_sprintf(arena, "%s/%s", dir, name);
    /* What runs is the file opened (and checked) through the directory checked above, so
       renaming directories meanwhile cannot substitute another program. */
    int missing;
    int fd = cache_open_exe(arena, diag, dfd, dir, name, 0, &missing);
    if (fd < 0 && missing) {
        if (driver_build(arena, diag, plan, opts, exe) != 0)
            missing = 0; /* reported */
        else if ((fd = cache_open_exe(arena, diag, dfd, dir, name, 1, &missing)) < 0 && missing)
            diag_fatal(diag, "the executable built into the cache is gone: '%s'", exe);
    }
    close(dfd);
    *exe_out = exe;
    return fd;
}

int driver_run(Arena *arena, Diag *diag, const PProgram *plan, const DriverOpts *opts)
{
    const char *exe;
    int fd = driver_cached_exe(arena, diag, plan, opts, &exe);
    if (fd < 0)
        return -1;
    char **argv = ARENA_NEW_N(arena, char *, opts->n_run_args + 2);
    argv[0] = (char *)exe;
    for (int i = 0; i < opts->n_run_args; i++)
        argv[i + 1] = opts->run_args[i];
    argv[opts->n_run_args + 1] = NULL;
    fflush(NULL);
    fexecve(fd, argv, environ);
    diag_fatal(diag, "cannot run '%s': %s", exe, strerror(errno));
    close(fd);
    return -1;
}
