/* srt_fs.c - low-level file system helpers shared by the checkpoint, the sources' logs and the
** files sink: the name of a file's temporary ("." name ".tmp-" pid) and recognising one,
** creating a temporary file without following links, writing a whole buffer
** (EINTR and short writes retried), fsyncing a directory or the directory holding a path (so a
** name created, renamed or removed in it survives a crash), and mkdir -p with every directory
** created fsync'd into its parent; the line number of a byte of a text file (error messages
** of the files source, which count lines only when one is needed); a local path as the
** file: URI Hadoop's qualified Path gives (the sources' and the sink's logs, input_file_name).
*/
#define _GNU_SOURCE /* memmem */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/cm_files.h"
#include "srt_int.h"

#define TEMP_TAG ".tmp-"

int srt_fs_temp_path(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t dn = slash ? (size_t)(slash - path) + 1 : 0;
    if (*base == '\0') {
        errno = EINVAL;
        return -1;
    }
    int k = snprintf(out, cap, "%.*s.%s" TEMP_TAG "%ld", (int)dn, path, base, (long)getpid());
    if (k < 0 || (size_t)k >= cap) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

size_t srt_fs_temp_base(const char *name)
{
    if (name[0] != '.')
        return 0;
    const char *t = NULL;
    for (const char *c = strstr(name, TEMP_TAG); c; c = strstr(c + 1, TEMP_TAG))
        t = c; /* the last tag: the name itself may hold one */
    if (!t || t <= name + 1)
        return 0; /* no tag, or an empty <base> */
    const char *d = t + strlen(TEMP_TAG);
    if (*d == '\0' || strspn(d, "0123456789") != strlen(d))
        return 0;
    return (size_t)(t - name - 1);
}

int srt_fs_create_temp(const char *path, mode_t mode)
{
    const int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
    int fd = open(path, flags, mode);
    if (fd >= 0 || errno != EEXIST)
        return fd;
    /* Something holds the name: a leftover of a process that had this pid, or a file, FIFO
       or symbolic link planted there.  unlink removes the name itself (never what a link
       points to); the second create is the last, so a name planted again meanwhile fails. */
    if (unlink(path) < 0 && errno != ENOENT)
        return -1;
    return open(path, flags, mode);
}

int srt_fs_write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n > 0) {
        ssize_t k = write(fd, c, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (k == 0) {
            errno = EIO;
            return -1;
        }
        c += k;
        n -= (size_t)k;
    }
    return 0;
}

int srt_fs_sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    int saved = errno;
    close(fd);
    errno = saved;
    /* Some file systems cannot sync directories; the change itself has happened. */
    if (rc < 0 && (errno == EINVAL || errno == EROFS))
        rc = 0;
    return rc;
}

/* The directory holding path into dir[PATH_MAX]: "." when path has no '/', "/" for "/x".
   0, or -1 (errno ENAMETOOLONG). */
static int parent_of(const char *path, char *dir)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    if (n >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    if (!slash) {
        strcpy(dir, ".");
    } else if (n == 0) {
        strcpy(dir, "/");
    } else {
        memcpy(dir, path, n);
        dir[n] = '\0';
    }
    return 0;
}

int srt_fs_sync_parent(const char *path)
{
    char dir[PATH_MAX];
    if (parent_of(path, dir) < 0)
        return -1;
    return srt_fs_sync_dir(dir);
}

int srt_fs_mkdirs(const char *path, const char *what, SrtErr *err)
{
    struct stat st;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return 0;
        return srt_err_set(err, SRT_ERR_IO, "%s: path '%s' is not a directory", what, path);
    }
    char p[PATH_MAX];
    size_t n = strlen(path);
    if (n == 0 || n >= sizeof p)
        return srt_err_set(err, SRT_ERR_IO, "%s: directory path '%s' is empty or too long", what,
                           path);
    memcpy(p, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        if (p[i - 1] == '/')
            continue; /* "a//b": the empty component between the slashes */
        char saved = p[i];
        p[i] = '\0';
        if (mkdir(p, 0755) == 0) {
            if (srt_fs_sync_parent(p) < 0) {
                int e = errno;
                char dir[PATH_MAX];
                if (parent_of(p, dir) < 0)
                    strcpy(dir, "?");
                return srt_err_set(err, SRT_ERR_IO, "%s: cannot sync directory '%s': %s", what, dir,
                                   strerror(e));
            }
        } else if (errno != EEXIST) {
            int e = errno;
            return srt_err_set(err, SRT_ERR_IO, "%s: cannot create directory '%s': %s", what, p,
                               strerror(e));
        }
        p[i] = saved;
    }
    if (stat(path, &st) < 0) {
        int e = errno;
        return srt_err_set(err, SRT_ERR_IO, "%s: cannot use directory '%s': %s", what, path,
                           strerror(e));
    }
    if (!S_ISDIR(st.st_mode))
        return srt_err_set(err, SRT_ERR_IO, "%s: path '%s' is not a directory", what, path);
    return 0;
}

int64_t srt_fs_line_at_fd(int fd, int64_t byte, const char *line_sep)
{
    char buf[64 << 10];
    size_t k = line_sep ? strlen(line_sep) : 0;
    int64_t line = 1, at = 0;
    while (at < byte) {
        size_t want = byte - at < (int64_t)sizeof buf ? (size_t)(byte - at) : sizeof buf;
        ssize_t r = pread(fd, buf, want, (off_t)at);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1; /* shorter than it was, or unreadable now */
        /* lines end as the files source reads them; a '\r' ending the bytes read is read
           again with the byte after it (byte is where a line starts: at it, one ended) */
        if (k) { /* lineSep: each leftmost whole occurrence ends a line (cm_lines_sep) */
            const char *s = buf, *e = buf + r, *m;
            while ((m = memmem(s, (size_t)(e - s), line_sep, k)) != NULL) {
                line++;
                s = m + k;
            }
            /* a sep cut by the end of buf is read again with the bytes after it (one that
               ends past byte does not end a line before it) */
            size_t tail = (size_t)(e - s), keep = at + r == byte ? 0 : tail < k - 1 ? tail : k - 1;
            at += (int64_t)((size_t)r - (keep < (size_t)r ? keep : 0));
            continue;
        }
        size_t settled = cm_lines_lf(buf, (size_t)r, at + r == byte);
        if (settled == 0)
            return -1; /* a short read of one '\r': the file ends before byte */
        line += srt_count_lines(buf, settled);
        at += (int64_t)settled;
    }
    return line;
}

int64_t srt_read_span(const SrtReadPos *at, const char *buf, size_t n)
{
    return at->line_sep ? cm_lines_sep_bytes(buf, n, strlen(at->line_sep)) : (int64_t)n;
}

int64_t srt_fs_line_at(const char *path, int64_t byte, const char *line_sep)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return -1;
    int64_t line = srt_fs_line_at_fd(fd, byte, line_sep);
    close(fd);
    return line;
}

/* java.net.URI's path characters, which its multi-argument constructors leave as they are:
   unreserved, punct, '/', '@', and the bytes of non-ASCII characters ("other"). */
static int uri_path_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80 || (c != 0 && strchr("-_.!~*'(),;:$&+=@/", c) != NULL);
}

void srt_fs_put_uri_path(SrtBuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (uri_path_char(c)) {
            srt_buf_putc(b, (char)c);
        } else {
            char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
            srt_buf_put(b, esc, 3);
        }
    }
}
