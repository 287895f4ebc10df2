/* enospc_preload.c - a full disk for one file, for tests: loaded with LD_PRELOAD, it fails every
** write that would put bytes at or beyond ENOSPC_LIMIT in a file whose path ends with
** ENOSPC_SUFFIX, with errno ENOSPC, as write(2) on a full file system does.  Other files and
** writes below the limit go to the C library.
**
**   LD_PRELOAD=.../libenospc_preload.so ENOSPC_SUFFIX=/full.sqlite ENOSPC_LIMIT=8192 cmd ...
*/
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t write(int fd, const void *buf, size_t n);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off);
ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off);

/* Whether writing n bytes at off (-1: the file position) to fd runs past the limit. */
static int full(int fd, size_t n, off_t off)
{
    const char *suffix = getenv("ENOSPC_SUFFIX"), *limit = getenv("ENOSPC_LIMIT");
    if (!suffix || !limit || n == 0)
        return 0;
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t len = readlink(link, path, sizeof path - 1);
    if (len <= 0)
        return 0;
    path[len] = '\0';
    size_t sl = strlen(suffix);
    if ((size_t)len < sl || strcmp(path + len - sl, suffix) != 0)
        return 0;
    if (off < 0)
        off = lseek(fd, 0, SEEK_CUR);
    return off >= 0 && (long long)off + (long long)n > atoll(limit);
}

ssize_t write(int fd, const void *buf, size_t n)
{
    if (full(fd, n, -1)) {
        errno = ENOSPC;
        return -1;
    }
    ssize_t (*real)(int, const void *, size_t) = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    return real(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    if (full(fd, n, off)) {
        errno = ENOSPC;
        return -1;
    }
    ssize_t (*real)(int, const void *, size_t, off_t) =
        (ssize_t(*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT, "pwrite");
    return real(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
    if (full(fd, n, off)) {
        errno = ENOSPC;
        return -1;
    }
    ssize_t (*real)(int, const void *, size_t, off_t) =
        (ssize_t(*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT, "pwrite64");
    return real(fd, buf, n, off);
}
