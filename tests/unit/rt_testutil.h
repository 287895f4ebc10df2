/* rt_testutil.h - helpers shared by the runtime's unit suites: buffers that end right
** before an inaccessible page (any read past the end faults), and a captured stream.
*/
#ifndef RT_TESTUTIL_H
#define RT_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* A copy of s[0..n) whose last byte is the last byte before a PROT_NONE page.
   Released with rt_guard_free. */
/* A fresh directory under $TMPDIR (or /tmp) named prefix-XXXXXX, written into buf
   (the tests keep paths short: a $TMPDIR too long for buf fails the test). */
static inline void rt_make_temp_dir(char *buf, size_t n, const char *prefix)
{
    const char *tmp = getenv("TMPDIR");
    int k = snprintf(buf, n, "%s/%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", prefix);
    ck_assert_msg(k > 0 && (size_t)k < n, "TMPDIR is too long for the test's buffers");
    ck_assert_ptr_nonnull(mkdtemp(buf));
}

/* Remove a directory tree made by rt_make_temp_dir (a failure is reported, not fatal). */
static inline void rt_remove_dir(const char *dir)
{
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

static inline char *rt_guard(const char *s, size_t n)
{
    size_t pg = (size_t)sysconf(_SC_PAGESIZE);
    size_t data_pages = (n + pg - 1) / pg + 1;
    char *base = mmap(NULL, (data_pages + 1) * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                      -1, 0);
    ck_assert_ptr_ne(base, MAP_FAILED);
    ck_assert_int_eq(mprotect(base + data_pages * pg, pg, PROT_NONE), 0);
    char *p = base + data_pages * pg - n;
    memcpy(p, s, n);
    return p;
}

static inline void rt_guard_free(char *p, size_t n)
{
    size_t pg = (size_t)sysconf(_SC_PAGESIZE);
    size_t data_pages = (n + pg - 1) / pg + 1;
    char *base = p + n - data_pages * pg;
    munmap(base, (data_pages + 1) * pg);
}

/* A memory stream capturing output. */
typedef struct RtCapture {
    FILE *f;
    char *text;
    size_t len;
} RtCapture;

static inline void rt_capture_open(RtCapture *c)
{
    c->text = NULL;
    c->len = 0;
    c->f = open_memstream(&c->text, &c->len);
    ck_assert_ptr_nonnull(c->f);
}

/* Close the stream; c->text stays valid until rt_capture_free. */
static inline const char *rt_capture_close(RtCapture *c)
{
    fclose(c->f);
    c->f = NULL;
    return c->text;
}

static inline void rt_capture_free(RtCapture *c)
{
    free(c->text);
    c->text = NULL;
}

#endif
