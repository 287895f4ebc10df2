/* driver_link.c - the linker's inputs moved from its command line into linker scripts.
**
** mold 1.x matches every command-line argument against its whole option table, building
** strings as it goes: about 2 M instructions per file or -l, a third of the flagship's link
** (bench/README.md, "The link: one script of inputs").  The names of an INPUT() script cost it
** next to nothing.  So the driver's direct link (driver_build.c, SL_LINK_DIRECT_*) keeps the
** options on the command line and writes the inputs, in their order, into two scripts given
** last: the program's (`late`: its objects and the libraries codegen asks for, then the objects
** that close the line, crtend and crtn), and before it everything else, which does not depend
** on code generation: `INPUT(Scrt1.o crti.o crtbeginS.o srt_core.o libsrt_rest.a -lm ... -lc)
** INPUT(query.o ... crtendS.o crtn.o)`.  The link started ahead of code generation
** (driver_build.c) reads the first while the second is written.  mold resolves archives and
** shared libraries whatever their position; the runtime's objects come before the program's
** (the layout of .text changes, nothing else: neither has constructors or COMDAT groups).
** Another linker gets one script, the inputs in their order.
** A -L directory already named is dropped (the linker searches them in their first order
** whatever their position), so that the options do not depend on the libraries a program
** adds.  A -u stays an option: mold 1.x knows no EXTERN in a script.
**
** The rewrite keeps the meaning of the line or is not done: every option must be one this file
** knows (taking the next argument or not, and not depending on its position), and every input
** must be read in the same --as-needed state, which the --push-state/--pop-state and
** --as-needed options around them may set but not change between two inputs (a line that
** does is linked as it is).
*/
#define _GNU_SOURCE
#include "driver.h"

#include "base/strbuf.h"

#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

/* Options whose value is the next argument. */
static const char *const ld_value_options[] = {
    "-o",          "-m",     "-z",          "-dynamic-linker", "-L", "-plugin",
    "-plugin-opt", "-rpath", "-rpath-link", "-soname",         "-e", "-u"};
/* Options that do not depend on their position and take no separate value. */
static const char *const ld_flag_options[] = {"--eh-frame-hdr",
                                              "-pie",
                                              "--pie",
                                              "-no-pie",
                                              "--no-pie",
                                              "-export-dynamic",
                                              "--export-dynamic",
                                              "-E",
                                              "-s",
                                              "--strip-all",
                                              "-S",
                                              "--strip-debug",
                                              "--gc-sections",
                                              "--no-gc-sections",
                                              "--enable-new-dtags",
                                              "--disable-new-dtags",
                                              "--sort-common",
                                              "-X",
                                              "--build-id",
                                              "--fatal-warnings",
                                              "--no-undefined"};
/* ... and those that carry their value joined (-L/dir, --hash-style=gnu). */
static const char *const ld_joined_options[] = {
    "-L",         "-z", "--hash-style=",     "--build-id=", "-plugin-opt=",
    "--sysroot=", "-O", "--dynamic-linker=", "-rpath=",     "--rpath=",
    "-soname="};

static bool in_list(const char *arg, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(arg, list[i]) == 0)
            return true;
    return false;
}

static bool has_prefix_in(const char *arg, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strncmp(arg, list[i], strlen(list[i])) == 0 && arg[strlen(list[i])])
            return true;
    return false;
}

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* A name as a script token: quoted when it holds a character the script's lexer would split
   on; false for one no script can hold (a quote, a line end). */
static bool put_name(StrBuf *sb, const char *name)
{
    bool plain = *name != '\0';
    for (const char *c = name; *c; c++) {
        if (*c == '"' || *c == '\n' || *c == '\r')
            return false;
        if (!(*c == '/' || *c == '.' || *c == '_' || *c == '-' || *c == '+' ||
              (*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z')))
            plain = false;
    }
    sb_putc(sb, ' ');
    if (!plain)
        sb_putc(sb, '"');
    sb_puts(sb, name);
    if (!plain)
        sb_putc(sb, '"');
    return true;
}

/* The --as-needed state along the line (what --push-state, --pop-state, --as-needed and
   --no-as-needed make of it) and the one the inputs are read in. */
typedef struct LdState {
    bool as_needed;
    bool inputs_as_needed; /* the state of the first input */
    int n_inputs;
    bool saved[8];
    int depth;
} LdState;

static bool ld_state_option(LdState *st, const char *arg)
{
    if (strcmp(arg, "--as-needed") == 0)
        st->as_needed = true;
    else if (strcmp(arg, "--no-as-needed") == 0)
        st->as_needed = false;
    else if (strcmp(arg, "--push-state") == 0 && st->depth < (int)N_OF(st->saved))
        st->saved[st->depth++] = st->as_needed;
    else if (strcmp(arg, "--pop-state") == 0 && st->depth > 0)
        st->as_needed = st->saved[--st->depth];
    else
        return false;
    return true;
}

/* One more input; false when its state differs from the inputs' before it. */
static bool ld_input(LdState *st)
{
    if (st->n_inputs++ == 0)
        st->inputs_as_needed = st->as_needed;
    return st->inputs_as_needed == st->as_needed;
}

/* An input to a script's text; false for a name no script can hold. */
static bool put_input(StrBuf *sb, const char *arg)
{
    if (strncmp(arg, "-l", 2) == 0) { /* a library the linker searches for, as on the line */
        sb_putc(sb, ' ');
        sb_puts(sb, arg);
        return true;
    }
    return put_name(sb, arg);
}

/* -lname, name.a, name.so or name.so.1.2 */
static bool is_library(const char *arg)
{
    if (strncmp(arg, "-l", 2) == 0)
        return true;
    const char *dot = strrchr(arg, '.');
    if (dot && strcmp(dot, ".a") == 0)
        return true;
    const char *so = strstr(arg, ".so");
    while (so && strstr(so + 1, ".so"))
        so = strstr(so + 1, ".so");
    return so && strspn(so + 3, ".0123456789") == strlen(so + 3) && (!so[3] || so[3] == '.');
}

/* Whether the options so far (opts[0..n)) name the search directory dir (-Ldir or -L dir). */
static bool search_dir_named(char **opts, int n, const char *dir)
{
    for (int i = 1; i < n; i++) {
        const char *o = opts[i];
        if (strcmp(o, "-L") == 0 && i + 1 < n && strcmp(opts[i + 1], dir) == 0)
            return true;
        if (strncmp(o, "-L", 2) == 0 && strcmp(o + 2, dir) == 0)
            return true;
    }
    return false;
}

/* Sort argv[1..] into the options kept (opts, from *n_opts on) and the inputs (their indexes
   into inputs, st->n_inputs of them). */
static bool ld_sort(char **argv, char **opts, int *n_opts, int *inputs, LdState *st)
{
    for (int i = 1; argv[i]; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || (strncmp(a, "-l", 2) == 0 && a[2])) {
            inputs[st->n_inputs] = i;
            if (!ld_input(st))
                return false;
        } else if (in_list(a, ld_value_options, N_OF(ld_value_options))) {
            if (!argv[i + 1])
                return false;
            if (strcmp(a, "-L") == 0 && search_dir_named(opts, *n_opts, argv[i + 1])) {
                i++;
                continue;
            }
            opts[(*n_opts)++] = argv[i];
            opts[(*n_opts)++] = argv[++i];
        } else if (strncmp(a, "-L", 2) == 0 && search_dir_named(opts, *n_opts, a + 2)) {
            continue;
        } else if (in_list(a, ld_flag_options, N_OF(ld_flag_options)) ||
                   has_prefix_in(a, ld_joined_options, N_OF(ld_joined_options))) {
            opts[(*n_opts)++] = argv[i];
        } else if (!ld_state_option(st, a)) {
            return false;
        }
    }
    return st->n_inputs > 0;
}

/* Write text to path, a new file; false on any failure. */
static bool write_new_file(const char *path, const StrBuf *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    bool done = driver_link_put(fd, text);
    return close(fd) == 0 && done;
}

bool driver_link_put(int fd, const StrBuf *text)
{
    size_t done = 0;
    while (done < text->len) {
        ssize_t w = write(fd, text->data + done, text->len - done);
        if (w <= 0)
            return false;
        done += (size_t)w;
    }
    return true;
}

/* The inputs (argv[inputs[0..n)]) into the scripts' texts: the late ones and the objects after
   the last library into dl->last, the others into dl->first; all into dl->last for a linker
   other than mold (GNU ld and gold search an archive, and take an --as-needed library, for the
   references before it only). */
static bool split_inputs(char **argv, const bool *late, const int *inputs, int n, DriverLink *dl)
{
    const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    int closing = n; /* the objects after the last library: they close the line */
    while (closing > 0 && !is_library(argv[inputs[closing - 1]]))
        closing--;
    int first_late = n;
    for (int k = n - 1; k >= 0; k--)
        if (late && late[inputs[k]])
            first_late = k;
    if (closing < first_late) /* no library after the program's inputs: keep the order */
        closing = first_late;
    if (!strstr(base, "mold"))
        closing = 0;
    for (int k = 0; k < n; k++) {
        int i = inputs[k];
        bool last = (late && late[i]) || k >= closing;
        if (!last && !put_input(&dl->first, argv[i]))
            return false;
    }
    for (int k = 0; k < n; k++) {
        int i = inputs[k];
        bool last = (late && late[i]) || k >= closing;
        if (last && !put_input(&dl->last, argv[i]))
            return false;
    }
    return true;
}

/* A script's text: INPUT( names ), or nothing for no names. */
static void close_script(StrBuf *sb, Arena *arena)
{
    if (sb->len == 0)
        return;
    StrBuf text;
    sb_init(&text, arena);
    sb_printf(&text, "INPUT(%s )\n", sb->data);
    *sb = text;
}

bool driver_link_rewrite(Arena *arena, char **argv, const bool *late, int max, DriverLink *dl)
{
    int n = 0;
    while (argv[n])
        n++;
    char **opts = ARENA_NEW_N(arena, char *, n + 4);
    int *inputs = ARENA_NEW_N(arena, int, n + 1);
    int n_opts = 0;
    opts[n_opts++] = argv[0];
    LdState st = {0};
    if (!ld_sort(argv, opts, &n_opts, inputs, &st) || n_opts + 4 > max)
        return false;
    sb_init(&dl->first, arena);
    sb_init(&dl->last, arena);
    if (!split_inputs(argv, late, inputs, st.n_inputs, dl))
        return false;
    close_script(&dl->first, arena);
    close_script(&dl->last, arena);
    if (st.inputs_as_needed)
        opts[n_opts++] = "--as-needed";
    if (dl->first.len)
        opts[n_opts++] = (char *)dl->first_path;
    if (dl->last.len)
        opts[n_opts++] = (char *)dl->last_path;
    opts[n_opts] = NULL;
    memcpy(argv, opts, sizeof *argv * (size_t)(n_opts + 1));
    return true;
}

bool driver_link_script(Arena *arena, char **argv, const bool *late, int max, DriverLink *dl)
{
    int n = 0;
    while (argv[n])
        n++;
    char **saved = ARENA_NEW_N(arena, char *, n + 1);
    memcpy(saved, argv, sizeof *argv * (size_t)(n + 1));
    if (!driver_link_rewrite(arena, argv, late, max, dl))
        return false;
    if ((!dl->first.len || write_new_file(dl->first_path, &dl->first)) &&
        (!dl->last.len || write_new_file(dl->last_path, &dl->last)))
        return true;
    unlink(dl->first_path);
    unlink(dl->last_path);
    memcpy(argv, saved, sizeof *argv * (size_t)(n + 1));
    return false;
}
