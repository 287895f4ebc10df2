/* check_cg_abi.c - codegen and runtime agree: SrtDatum's layout; every runtime call is declared. */
#include <check.h>
#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen/cg.h"
#include "srt_abi.h"

START_TEST(datum_layout)
{
    unsigned long long off[6] = {0}, size = 0;
    cg_datum_layout(off, &size);
    ck_assert_uint_eq(off[SRT_FIELDNO_DATUM_I], offsetof(SrtDatum, i));
    ck_assert_uint_eq(off[SRT_FIELDNO_DATUM_D], offsetof(SrtDatum, d));
    ck_assert_uint_eq(off[SRT_FIELDNO_DATUM_P], offsetof(SrtDatum, p));
    ck_assert_uint_eq(off[SRT_FIELDNO_DATUM_N], offsetof(SrtDatum, n));
    ck_assert_uint_eq(off[SRT_FIELDNO_DATUM_IS_NULL], offsetof(SrtDatum, is_null));
    ck_assert_uint_eq(off[SRT_FIELDNO_DATUM_HI], offsetof(SrtDatum, hi));
    ck_assert_uint_eq(size, sizeof(SrtDatum));
}
END_TEST

/* ==== Runtime calls ==== */

/* Every name codegen passes to cg_call: the "srt_..." and "memcmp" literals of
   the C files of compiler/codegen/ and the runtime symbols of functions.def. */
typedef struct Names {
    const char *items[512];
    int n;
} Names;

static void add_name(Names *ns, const char *s, size_t len)
{
    for (int i = 0; i < ns->n; i++)
        if (strlen(ns->items[i]) == len && memcmp(ns->items[i], s, len) == 0)
            return;
    ck_assert_int_lt(ns->n, 512);
    ns->items[ns->n++] = strndup(s, len);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot read %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    ck_assert_uint_eq(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = 0;
    fclose(f);
    return s;
}

static void scan_literals(Names *ns, const char *text)
{
    for (const char *p = strchr(text, '"'); p; p = strchr(p + 1, '"')) {
        const char *s = p + 1;
        if (strncmp(s, "srt_", 4) != 0 && strncmp(s, "memcmp\"", 7) != 0)
            continue;
        size_t len = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_");
        if (s[len] == '"' && strncmp(s, "srt_abi_refs\"", 13) != 0) /* the array itself */
            add_name(ns, s, len);
    }
}

static void codegen_calls(Names *ns)
{
    const char *dir = SL_SOURCE_DIR "/compiler/codegen";
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot list %s", dir);
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len < 3 || strcmp(e->d_name + len - 2, ".c") != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        char *text = slurp(path);
        scan_literals(ns, text);
        free(text);
    }
    closedir(d);
    static const char *const fn_symbols[] = {
#define FN(id, sql, min_args, max_args, sig, sym) sym,
#include "sema/functions.def"
#undef FN
    };
    for (size_t i = 0; i < sizeof fn_symbols / sizeof fn_symbols[0]; i++)
        if (fn_symbols[i] && strncmp(fn_symbols[i], "llvm.", 5) != 0) /* not intrinsics */
            add_name(ns, fn_symbols[i], strlen(fn_symbols[i]));
}

/* Does the header text declare a function called name ("name(" after a space or '*')? */
static bool header_declares(const char *h, const char *name)
{
    size_t len = strlen(name);
    for (const char *p = strstr(h, name); p; p = strstr(p + 1, name))
        if (p > h && (p[-1] == ' ' || p[-1] == '*') && p[len] == '(')
            return true;
    return false;
}

START_TEST(runtime_calls_declared)
{
    Names ns = {0};
    codegen_calls(&ns);
    /* the scan finds the calls (a broken scan must not pass silently) */
    ck_assert_int_gt(ns.n, 80);
    char *h = slurp(SL_SOURCE_DIR "/runtime/include/srt_abi.h");
    unsigned char found[512];
    ck_assert_int_eq(cg_runtime_declared(SL_DECLS_BC, ns.items, ns.n, found), 0);
    for (int i = 0; i < ns.n; i++) {
        if (strcmp(ns.items[i], "memcmp") != 0)
            ck_assert_msg(header_declares(h, ns.items[i]),
                          "codegen calls %s, which srt_abi.h does not declare", ns.items[i]);
        ck_assert_msg(found[i],
                      "codegen calls %s, which runtime/src/inline/srt_abi_refs.c does not name",
                      ns.items[i]);
    }
    /* and both checks can fail */
    const char *none = "srt_no_such_function";
    ck_assert(!header_declares(h, none));
    ck_assert_int_eq(cg_runtime_declared(SL_DECLS_BC, &none, 1, found), 0);
    ck_assert_int_eq(found[0], 0);
    for (int i = 0; i < ns.n; i++)
        free((void *)ns.items[i]);
    free(h);
}
END_TEST

/* srt_hot.bc, cut from srt_inline.bc by compiler/CMakeLists.txt, holds every helper codegen
   inlines (a missing one would only be called, slower, with no other sign). */
START_TEST(hot_bitcode_complete)
{
    char missing[256];
    int rc = cg_hot_complete(SL_INLINE_BC, SL_HOT_BC, missing, sizeof missing);
    ck_assert_msg(rc == 0, "srt_hot.bc lacks %s", missing);
}
END_TEST

/* ==== The functions that need libcrypto and zlib ==== */

static bool listed(const char *const *fns, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(fns[i], name) == 0)
            return true;
    return false;
}

/* cg_digest_functions is what formats/srt_digest.c defines (nm of libsrt.a), and no member of
   libsrt.a but srt_abi_refs.c's (never linked: nothing refers to it) calls one of them: the
   driver links libcrypto and zlib only for a program whose generated code does. */
START_TEST(digest_functions)
{
    int n;
    const char *const *fns = cg_digest_functions(&n);
    FILE *p = popen("nm -A --defined-only --extern-only " SL_LIBSRT " 2>/dev/null", "r");
    ck_assert_ptr_nonnull(p);
    char line[512], name[256];
    int defined = 0;
    while (fgets(line, sizeof line, p)) {
        char kind; /* "libsrt.a:srt_digest.c.o:0000000000000100 T srt_md5" */
        if (!strstr(line, "srt_digest.c.o:") ||
            sscanf(strrchr(line, ':') + 1, "%*s %c %255s", &kind, name) != 2 || kind != 'T')
            continue;
        ck_assert_msg(listed(fns, n, name), "srt_digest.c defines %s, which cg_digest_functions lacks",
                      name);
        defined++;
    }
    pclose(p);
    ck_assert_int_eq(defined, n);
    p = popen("nm -A --undefined-only " SL_LIBSRT " 2>/dev/null", "r");
    ck_assert_ptr_nonnull(p);
    int refs = 0;
    while (fgets(line, sizeof line, p)) {
        const char *u = strstr(line, " U "); /* "libsrt.a:member.c.o:   U name" */
        if (!u || sscanf(u + 3, "%255s", name) != 1 || !listed(fns, n, name))
            continue;
        ck_assert_msg(strstr(line, "srt_abi_refs.c.o:") != NULL, "libsrt.a calls %s: %s", name, line);
        refs++;
    }
    pclose(p);
    ck_assert_int_eq(refs, n); /* srt_abi_refs.c names each */
}
END_TEST

Suite *cg_abi_suite(void)
{
    Suite *s = suite_create("cg_abi");
    TCase *tc = tcase_create("datum");
    tcase_add_test(tc, datum_layout);
    suite_add_tcase(s, tc);
    tc = tcase_create("runtime_calls");
    tcase_add_test(tc, runtime_calls_declared);
    tcase_add_test(tc, hot_bitcode_complete);
    suite_add_tcase(s, tc);
    tc = tcase_create("digest");
    tcase_add_test(tc, digest_functions);
    suite_add_tcase(s, tc);
    return s;
}
