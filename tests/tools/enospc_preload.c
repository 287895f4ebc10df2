/* enospc_preload.c - a full disk for chosen files, for tests: loaded with LD_PRELOAD, it fails
** the chosen operation on files whose path matches, with errno ENOSPC (or another), as a full
** file system does.  Other files, other operations and operations before the chosen one go to
** the C library.
**
**   LD_PRELOAD=.../libenospc_preload.so ENOSPC_SUFFIX=/full.sqlite ENOSPC_LIMIT=8192 cmd ...
**   LD_PRELOAD=.../libenospc_preload.so ENOSPC_MATCH='*ckpt/state*.delta*' ENOSPC_SKIP=5 cmd
**
** Which files: ENOSPC_SUFFIX (the path ends with it) or ENOSPC_MATCH (an fnmatch(3) glob of
** the whole path, '*' matching '/' too); a file is named by its path as /proc/self/fd shows it
** (write, fsync, close, stdio) or as the call names it (open, rename and link: either name,
** mkdir).  Without either nothing fails.
**
** Which operation (ENOSPC_OP, default write):
**   write   write, pwrite, pwrite64, and the stdio output functions (fwrite, fputs, fputc,
**           putc, fprintf, vfprintf, fflush) on such a file; glibc's stdio writes through its
**           internal write, which an interposed write never sees, so these are interposed
**           themselves (a failing call returns its failure; the stream's error indicator
**           stays clear: check the calls' results).  With ENOSPC_LIMIT=N only bytes at or
**           beyond offset N (the end of the file with O_APPEND) fail: a write across it
**           writes the bytes below it and returns that short count, as a file system that
**           fills up does, and the next one fails (default: every write fails);
**   fsync   fsync and fdatasync;       close   close (the descriptor is closed all the same);
**   rename  rename and link;           open    open/openat with O_CREAT;    mkdir   mkdir.
** ENOSPC_SKIP=N: the first N matching operations succeed, the rest fail (counted per process).
** ENOSPC_ERRNO: ENOSPC (default), EIO or EDQUOT.
** ENOSPC_LOG=FILE: each failed operation appends "<op> <path>" to FILE (what a test checks the
** error message against).
*/
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t write(int fd, const void *buf, size_t n);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off);
ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off);
int fsync(int fd);
int fdatasync(int fd);
int close(int fd);
int rename(const char *from, const char *to);
int link(const char *from, const char *to);
int mkdir(const char *path, mode_t mode);
int open(const char *path, int flags, ...);
int open64(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
size_t fwrite(const void *p, size_t size, size_t n, FILE *f);
int fputs(const char *s, FILE *f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int fflush(FILE *f);
int fprintf(FILE *f, const char *fmt, ...);
int vfprintf(FILE *f, const char *fmt, va_list ap);

#define REAL(name, type) ((type)dlsym(RTLD_NEXT, name))

static long skipped; /* matching operations let through so far */

/* Whether path is one of the chosen files. */
static int chosen(const char *path)
{
    const char *suffix = getenv("ENOSPC_SUFFIX"), *glob = getenv("ENOSPC_MATCH");
    if (!path)
        return 0;
    if (glob && *glob)
        return fnmatch(glob, path, 0) == 0;
    if (suffix && *suffix) {
        size_t len = strlen(path), sl = strlen(suffix);
        return len >= sl && strcmp(path + len - sl, suffix) == 0;
    }
    return 0;
}

static int fd_path(int fd, char *path, size_t cap)
{
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    int saved = errno;
    ssize_t len = readlink(link, path, cap - 1);
    errno = saved;
    if (len <= 0)
        return -1;
    path[len] = '\0';
    return 0;
}

/* Append "<op> <path>" to ENOSPC_LOG: the disk was full for op on path. */
static void note(const char *op, const char *path)
{
    const char *log = getenv("ENOSPC_LOG");
    if (log && *log) {
        int (*ropen)(const char *, int, ...) = REAL("open", int (*)(const char *, int, ...));
        ssize_t (*rwrite)(int, const void *, size_t) =
            REAL("write", ssize_t(*)(int, const void *, size_t));
        int (*rclose)(int) = REAL("close", int (*)(int));
        int fd = ropen(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (fd >= 0) {
            char line[4200];
            int k = snprintf(line, sizeof line, "%s %s\n", op, path);
            if (k > 0)
                (void)!rwrite(fd, line, (size_t)k < sizeof line ? (size_t)k : sizeof line - 1);
            rclose(fd);
        }
    }
}

/* Whether operation op on path fails now: the chosen operation on a chosen file, past the
   ENOSPC_SKIP first ones.  Sets errno and logs when it does. */
static int fails(const char *op, const char *path)
{
    const char *want = getenv("ENOSPC_OP");
    if (strcmp(want && *want ? want : "write", op) != 0 || !chosen(path))
        return 0;
    const char *skip = getenv("ENOSPC_SKIP");
    if (skip && skipped < atol(skip)) {
        skipped++;
        return 0;
    }
    note(op, path);
    const char *e = getenv("ENOSPC_ERRNO");
    errno = e && strcmp(e, "EIO") == 0 ? EIO : e && strcmp(e, "EDQUOT") == 0 ? EDQUOT : ENOSPC;
    return 1;
}

/* How many of n bytes written at off (-1: the file position, or its end with O_APPEND) to fd
   go through: n, fewer (the bytes below ENOSPC_LIMIT: a short write, as a file system that
   fills up gives), or -1 (errno set): none. */
static ssize_t write_room(int fd, size_t n, off_t off)
{
    char path[4096];
    const char *want = getenv("ENOSPC_OP");
    if (n == 0 || (want && *want && strcmp(want, "write") != 0) ||
        fd_path(fd, path, sizeof path) < 0 || !chosen(path))
        return (ssize_t)n;
    const char *limit = getenv("ENOSPC_LIMIT");
    if (limit && *limit) {
        struct stat st;
        int fl = fcntl(fd, F_GETFL);
        if (off < 0)
            off = fl >= 0 && (fl & O_APPEND) && fstat(fd, &st) == 0 ? st.st_size
                                                                    : lseek(fd, 0, SEEK_CUR);
        long long lim = atoll(limit);
        if (off >= 0 && (long long)off + (long long)n <= lim)
            return (ssize_t)n;
        if (off >= 0 && off < lim) {
            note("write", path); /* a short write: the disk fills up in this one */
            return (ssize_t)(lim - off);
        }
    }
    return fails("write", path) ? -1 : (ssize_t)n;
}

static int path_fails(const char *op, int dirfd, const char *path);

static int fd_fails(const char *op, int fd)
{
    char path[4096];
    return fd_path(fd, path, sizeof path) == 0 && fails(op, path);
}

ssize_t write(int fd, const void *buf, size_t n)
{
    ssize_t k = write_room(fd, n, -1);
    return k < 0 ? -1 : REAL("write", ssize_t(*)(int, const void *, size_t))(fd, buf, (size_t)k);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    ssize_t k = write_room(fd, n, off);
    return k < 0 ? -1
                 : REAL("pwrite", ssize_t(*)(int, const void *, size_t, off_t))(fd, buf, (size_t)k,
                                                                                off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
    ssize_t k = write_room(fd, n, off);
    return k < 0 ? -1
                 : REAL("pwrite64", ssize_t(*)(int, const void *, size_t, off_t))(fd, buf,
                                                                                  (size_t)k, off);
}

int fsync(int fd)
{
    if (fd_fails("fsync", fd))
        return -1;
    return REAL("fsync", int (*)(int))(fd);
}

int fdatasync(int fd)
{
    if (fd_fails("fsync", fd))
        return -1;
    return REAL("fdatasync", int (*)(int))(fd);
}

int close(int fd)
{
    int failed = fd_fails("close", fd), saved = errno;
    int rc = REAL("close", int (*)(int))(fd);
    if (failed) {
        errno = saved;
        return -1;
    }
    return rc;
}

int rename(const char *from, const char *to)
{
    if (path_fails("rename", AT_FDCWD, from) || path_fails("rename", AT_FDCWD, to))
        return -1;
    return REAL("rename", int (*)(const char *, const char *))(from, to);
}

int link(const char *from, const char *to)
{
    if (path_fails("rename", AT_FDCWD, from) || path_fails("rename", AT_FDCWD, to))
        return -1;
    return REAL("link", int (*)(const char *, const char *))(from, to);
}

int mkdir(const char *path, mode_t mode)
{
    if (path_fails("mkdir", AT_FDCWD, path))
        return -1;
    return REAL("mkdir", int (*)(const char *, mode_t))(path, mode);
}

/* Whether op on path (relative to dirfd) fails: a relative path is matched as given after the
   directory (the current one for AT_FDCWD). */
static int path_fails(const char *op, int dirfd, const char *path)
{
    char full[8200], dir[4096];
    if (path[0] == '/' || (dirfd != AT_FDCWD && fd_path(dirfd, dir, sizeof dir) < 0))
        return fails(op, path);
    if (dirfd == AT_FDCWD && !getcwd(dir, sizeof dir))
        return fails(op, path);
    snprintf(full, sizeof full, "%s/%s", dir, path);
    return fails(op, full);
}

static int open_fails(int dirfd, const char *path, int flags)
{
    return (flags & O_CREAT) && path_fails("open", dirfd, path);
}

#define OPEN_MODE(flags, last)                                                                     \
    mode_t mode = 0;                                                                               \
    if ((flags) & (O_CREAT | O_TMPFILE)) {                                                         \
        va_list ap;                                                                                \
        va_start(ap, last);                                                                        \
        mode = (mode_t)va_arg(ap, int);                                                            \
        va_end(ap);                                                                                \
    }

int open(const char *path, int flags, ...)
{
    OPEN_MODE(flags, flags)
    if (open_fails(AT_FDCWD, path, flags))
        return -1;
    return REAL("open", int (*)(const char *, int, ...))(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
    OPEN_MODE(flags, flags)
    if (open_fails(AT_FDCWD, path, flags))
        return -1;
    return REAL("open64", int (*)(const char *, int, ...))(path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
    OPEN_MODE(flags, flags)
    if (open_fails(dirfd, path, flags))
        return -1;
    return REAL("openat", int (*)(int, const char *, int, ...))(dirfd, path, flags, mode);
}

/* ---- stdio: a failing call returns its failure (errno set; the stream's error indicator is
   left as it was); fwrite writes the bytes below ENOSPC_LIMIT first (flushed), as a write(2)
   the stream makes would; the others write nothing ---- */

/* The bytes of n that go through on f now (write_room at the stream's logical position:
   what it holds buffered included). */
static ssize_t stream_room(FILE *f, size_t n)
{
    int fd = f ? fileno(f) : -1;
    if (fd < 0)
        return (ssize_t)n;
    off_t at = ftello(f);
    return write_room(fd, n, at);
}

/* Whether n bytes on f fail (none of them written: a short count is a failure too). */
static int stream_fails(FILE *f, size_t n)
{
    ssize_t k = stream_room(f, n);
    if (k >= 0 && k < (ssize_t)n)
        errno = ENOSPC;
    return k < (ssize_t)n;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
    size_t (*real)(const void *, size_t, size_t, FILE *) =
        REAL("fwrite", size_t(*)(const void *, size_t, size_t, FILE *));
    ssize_t k = size && n ? stream_room(f, size * n) : (ssize_t)(size * n);
    if (k < 0)
        return 0;
    if ((size_t)k < size * n) { /* a short write: the bytes that fit, then the disk is full */
        real(p, 1, (size_t)k, f);
        REAL("fflush", int (*)(FILE *))(f);
        errno = ENOSPC;
        return (size_t)k / size;
    }
    return real(p, size, n, f);
}

int fputs(const char *s, FILE *f)
{
    if (stream_fails(f, strlen(s)))
        return EOF;
    return REAL("fputs", int (*)(const char *, FILE *))(s, f);
}

int fputc(int c, FILE *f)
{
    if (stream_fails(f, 1))
        return EOF;
    return REAL("fputc", int (*)(int, FILE *))(c, f);
}

int putc(int c, FILE *f)
{
    if (stream_fails(f, 1))
        return EOF;
    return REAL("putc", int (*)(int, FILE *))(c, f);
}

int fflush(FILE *f)
{
    /* what fflush would write: nothing is known of the buffer; a stream at a failing
       offset fails */
    if (f && stream_fails(f, 1))
        return EOF;
    return REAL("fflush", int (*)(FILE *))(f);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n > 0 && stream_fails(f, (size_t)n))
        return -1;
    return REAL("vfprintf", int (*)(FILE *, const char *, va_list))(f, fmt, ap);
}

int fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = vfprintf(f, fmt, ap);
    va_end(ap);
    return rc;
}
