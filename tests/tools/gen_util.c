/* gen_util.c - the shared parts of the sample-data generators (see gen_util.h). */
#include "gen_util.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define OUT_BUF_SIZE (1u << 20) /* bytes per write() */

static const char *prog_name = "gen";

void gen_init(const char *prog)
{
    prog_name = prog;
}

void gen_die(const char *what, const char *path)
{
    fprintf(stderr, "%s: %s %s: %s\n", prog_name, what, path ? path : "", strerror(errno));
    exit(1);
}

uint64_t rng_next(Rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

uint64_t rng_below(Rng *r, uint64_t n)
{
    return rng_next(r) % n;
}

double rng_unit(Rng *r)
{
    return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

size_t rng_weighted(Rng *r, const unsigned *weights, size_t n)
{
    unsigned total = 0;
    for (size_t i = 0; i < n; i++)
        total += weights[i];
    unsigned x = (unsigned)rng_below(r, total);
    for (size_t i = 0; i < n; i++) {
        if (x < weights[i])
            return i;
        x -= weights[i];
    }
    return n - 1;
}

static void out_flush(OutFile *o)
{
    size_t off = 0;
    while (off < o->len) {
        ssize_t n = write(o->fd, o->buf + off, o->len - off);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            gen_die("cannot write", o->tmp_path);
        }
        off += (size_t)n;
    }
    o->len = 0;
}

void out_open(OutFile *o, const char *dir, uint64_t index, const char *ext)
{
    int n1 =
        snprintf(o->tmp_path, sizeof o->tmp_path, "%s/.part-%05" PRIu64 ".%s.tmp", dir, index, ext);
    int n2 =
        snprintf(o->final_path, sizeof o->final_path, "%s/part-%05" PRIu64 ".%s", dir, index, ext);
    if (n1 < 0 || n2 < 0 || (size_t)n1 >= sizeof o->tmp_path ||
        (size_t)n2 >= sizeof o->final_path) {
        errno = ENAMETOOLONG;
        gen_die("path too long", dir);
    }
    if (!o->buf && !(o->buf = malloc(OUT_BUF_SIZE)))
        gen_die("out of memory", NULL);
    o->len = 0;
    o->fd = open(o->tmp_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (o->fd < 0)
        gen_die("cannot create", o->tmp_path);
}

void out_printf(OutFile *o, const char *fmt, ...)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(o->buf + o->len, OUT_BUF_SIZE - o->len, fmt, ap);
        va_end(ap);
        if (n >= 0 && (size_t)n < OUT_BUF_SIZE - o->len) {
            o->len += (size_t)n;
            return;
        }
        out_flush(o); /* no room: write what is buffered and format again */
    }
    errno = EOVERFLOW;
    gen_die("line too long for", o->tmp_path);
}

void out_close(OutFile *o, int64_t mtime_s)
{
    out_flush(o);
    struct timespec ts[2];
    ts[0].tv_sec = ts[1].tv_sec = (time_t)mtime_s;
    ts[0].tv_nsec = ts[1].tv_nsec = 0;
    if (futimens(o->fd, ts) != 0)
        gen_die("cannot set mtime of", o->tmp_path);
    if (close(o->fd) != 0)
        gen_die("cannot close", o->tmp_path);
    o->fd = -1;
    if (rename(o->tmp_path, o->final_path) != 0)
        gen_die("cannot rename to", o->final_path);
}

uint64_t gen_parse_u64(const char *opt, const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || end == s || *end || *s == '-') {
        fprintf(stderr, "%s: bad value for %s: '%s'\n", prog_name, opt, s);
        exit(2);
    }
    return (uint64_t)v;
}

void gen_make_dirs(const char *dir)
{
    char path[4096];
    size_t n = strlen(dir);
    if (n == 0 || n >= sizeof path) {
        errno = ENAMETOOLONG;
        gen_die("bad directory", dir);
    }
    memcpy(path, dir, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (path[i] == '/' || path[i] == '\0') {
            char c = path[i];
            path[i] = '\0';
            if (mkdir(path, 0777) != 0 && errno != EEXIST)
                gen_die("cannot create", path);
            path[i] = c;
        }
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        gen_die("not a directory", dir);
}
