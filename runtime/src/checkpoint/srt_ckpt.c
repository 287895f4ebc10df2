/* srt_ckpt.c - a query's checkpoint directory: durable checksummed files, Spark's offsets and
** commits logs, the sources' log directories and the state store of stateful operators.
**
** Files.  srt_ckpt_write_file writes <dir>/.<name>.tmp-<pid> (created with O_EXCL, never
** through a link; srt_fs_create_temp) fully (EINTR and short writes retried), appends the
** trailer line
**     #crc32c <8 lowercase hex> <decimal byte length>\n
** covering every byte before it, fsyncs, renames over <dir>/<name> and fsyncs <dir>.  On any
** failure the temporary file is removed, so a reader never sees a partial file under the
** visible name.  srt_ckpt_read_file parses the trailer from the end of the file and checks the
** length and the CRC-32C (Castagnoli, reflected, as iSCSI/ext4 use it), so a torn or damaged
** file is reported, never trusted; only regular files are read (a FIFO, device or link under
** a checkpoint name is an error, never a wait).  Opening a checkpoint removes the temporary
** files a killed writer left behind.
**
** Layout (Spark's, see structured-streaming-semantics.md §7):
**     metadata          {"id":"<uuid>"}\n
**     offsets/<N>       v1\n{"batchWatermarkMs":W,"batchTimestampMs":T,"conf":{..}}\n<offset|->\n
**     commits/<N>       v1\n{"nextBatchWatermarkMs":W}\n
**     sources/<i>/      the source's own log
**     state/<op>/<v>.delta | <v>.snapshot
** offsets and commits entries are never replaced: the temporary file is link()ed to the final
** name, which fails atomically when it exists ("Concurrent update to the log").  On a file
** system without hard links the fallback is stat() then rename(), which leaves a window in
** which two writers may both succeed (the later one wins); Spark's HDFS log has the same
** window on file systems without atomic create.
**
** State files are records  op ('P' or 'D'), u32 key_len, key, [u32 val_len, val]  (P only;
** integers little-endian), then the trailer.  Version v is the state after batch v-1; it is
** restored from the newest snapshot s <= v whose deltas s+1..v all exist (no snapshot: from
** the empty version 0).  Nothing is cached across calls, so latest_* always see the disk.
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "common/cm_connectors.h"
#include "srt_int.h"

#define CKPT_PATH_MAX 4096
#define TRAILER_TAG "#crc32c "

/* ==== CRC-32C ==== */

/* The table of the reflected polynomial 0x82F63B78, built on the stack per call (256 steps of
   8 shifts: negligible next to an fsync, and no global state). */
static void crc32c_table(uint32_t t[256])
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1u) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        t[i] = c;
    }
}

static uint32_t crc32c(const void *data, size_t n)
{
    uint32_t t[256];
    crc32c_table(t);
    const unsigned char *p = data;
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++)
        c = t[(c ^ p[i]) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

/* ==== Low-level file helpers ==== */

/* Split path into its directory ("." when none) and the temporary name next to it. */
static int temp_name(const char *path, char *dir, char *tmp, SrtErr *err)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t dn = slash ? (size_t)(slash - path) : 0;
    if (*base == '\0')
        return srt_err_set(err, SRT_ERR_IO, "checkpoint file name '%s' has no file part", path);
    if (dn + 1 >= CKPT_PATH_MAX)
        return srt_err_set(err, SRT_ERR_IO, "checkpoint path '%s' is too long", path);
    if (slash) {
        memcpy(dir, path, dn);
        dir[dn] = '\0';
        if (dn == 0)
            strcpy(dir, "/");
    } else {
        strcpy(dir, ".");
    }
    if (srt_fs_temp_path(path, tmp, CKPT_PATH_MAX) < 0)
        return srt_err_set(err, SRT_ERR_IO, "checkpoint path '%s' is too long", path);
    return 0;
}

/* Remove the temporary files writers killed mid-write left in dir and, depth levels down,
   in its subdirectories (never following a link).  Best effort: a name that cannot be
   removed is retried by the next writer of that name (srt_fs_create_temp). */
static void remove_temps(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    int removed = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        const char *n = de->d_name;
        if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0)
            continue;
        struct stat st;
        if (fstatat(dirfd(d), n, &st, AT_SYMLINK_NOFOLLOW) < 0)
            continue;
        if (!S_ISDIR(st.st_mode)) {
            if (srt_fs_temp_base(n) && unlinkat(dirfd(d), n, 0) == 0)
                removed = 1;
        } else if (depth > 0) {
            char sub[CKPT_PATH_MAX];
            int k = snprintf(sub, sizeof sub, "%s/%s", dir, n);
            if (k > 0 && k < (int)sizeof sub)
                remove_temps(sub, depth - 1);
        }
    }
    closedir(d);
    if (removed)
        (void)srt_fs_sync_dir(dir);
}

/* The write behind srt_ckpt_write_file; no_replace: fail with *exists = 1 when path exists. */
static int write_file_ex(const char *path, const char *data, size_t n, int no_replace, int *exists,
                         SrtErr *err)
{
    char dir[CKPT_PATH_MAX], tmp[CKPT_PATH_MAX];
    if (exists)
        *exists = 0;
    int rc = temp_name(path, dir, tmp, err);
    if (rc < 0)
        return rc;

    char trailer[64];
    int tn =
        snprintf(trailer, sizeof trailer, TRAILER_TAG "%08" PRIx32 " %zu\n", crc32c(data, n), n);
    int fd = srt_fs_create_temp(tmp, 0644);
    if (fd < 0)
        return srt_err_set(err, SRT_ERR_IO, "cannot write checkpoint file %s: %s", path,
                           strerror(errno));
    const char *step = "write";
    if (srt_fs_write_all(fd, data, n) < 0 || srt_fs_write_all(fd, trailer, (size_t)tn) < 0)
        goto fail_fd;
    step = "fsync";
    if (fsync(fd) < 0)
        goto fail_fd;
    step = "close";
    if (close(fd) < 0) {
        fd = -1;
        goto fail_fd;
    }
    fd = -1;

    if (no_replace) {
        if (link(tmp, path) == 0) {
            unlink(tmp);
        } else if (errno == EEXIST) {
            unlink(tmp);
            *exists = 1;
            return srt_err_set(err, SRT_ERR_IO, "checkpoint file %s already exists", path);
        } else if (errno == EPERM || errno == EOPNOTSUPP || errno == ENOSYS || errno == EMLINK) {
            /* No hard links here: check, then rename (racy, see the top of the file). */
            struct stat st;
            if (stat(path, &st) == 0) {
                unlink(tmp);
                *exists = 1;
                return srt_err_set(err, SRT_ERR_IO, "checkpoint file %s already exists", path);
            }
            step = "rename";
            if (rename(tmp, path) < 0)
                goto fail_fd;
        } else {
            step = "link";
            goto fail_fd;
        }
    } else {
        step = "rename";
        if (rename(tmp, path) < 0)
            goto fail_fd;
    }
    if (srt_fs_sync_dir(dir) < 0)
        return srt_err_set(err, SRT_ERR_IO, "cannot sync directory %s after writing %s: %s", dir,
                           path, strerror(errno));
    return 0;

fail_fd : {
    int saved = errno;
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    return srt_err_set(err, SRT_ERR_IO, "cannot write checkpoint file %s (%s failed): %s", path,
                       step, strerror(saved));
}
}

int srt_ckpt_write_file(const char *path, const char *data, size_t n, SrtErr *err)
{
    return write_file_ex(path, data, n, 0, NULL, err);
}

int srt_ckpt_create_file(const char *path, const char *data, size_t n, int *exists, SrtErr *err)
{
    return write_file_ex(path, data, n, 1, exists, err);
}

static int corrupt(SrtErr *err, const char *path, const char *what)
{
    return srt_err_set(err, SRT_ERR_FORMAT,
                       "checkpoint file %s is corrupt (%s); it was not written by sluice or was "
                       "damaged",
                       path, what);
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* Verify the trailer of the n bytes at p; *data_n receives the length of the data. */
static int check_trailer(const char *path, const char *p, size_t n, size_t *data_n, SrtErr *err)
{
    /* Right to left: '\n', 1-20 digits, ' ', 8 hex, "#crc32c ". */
    if (n == 0)
        return corrupt(err, path, "the file is empty");
    if (p[n - 1] != '\n')
        return corrupt(err, path, "torn: no checksum trailer at the end");
    size_t i = n - 1, digits = 0;
    while (i > 0 && p[i - 1] >= '0' && p[i - 1] <= '9' && digits <= 20) {
        i--;
        digits++;
    }
    size_t tag = sizeof TRAILER_TAG - 1;
    if (digits == 0 || digits > 20 || i < tag + 8 + 1 || p[i - 1] != ' ')
        return corrupt(err, path, "torn: no checksum trailer at the end");
    size_t hex_at = i - 1 - 8;
    for (size_t k = 0; k < 8; k++)
        if (!is_hex(p[hex_at + k]))
            return corrupt(err, path, "torn: no checksum trailer at the end");
    size_t start = hex_at - tag;
    if (memcmp(p + start, TRAILER_TAG, tag) != 0)
        return corrupt(err, path, "torn: no checksum trailer at the end");

    uint64_t len = 0;
    for (size_t k = i; k < n - 1; k++) {
        if (len > (UINT64_MAX - 9) / 10)
            return corrupt(err, path, "bad length in the checksum trailer");
        len = len * 10 + (uint64_t)(p[k] - '0');
    }
    if (len != start) {
        char what[128];
        snprintf(what, sizeof what,
                 "length mismatch: the trailer records %" PRIu64 " bytes, %zu found", len, start);
        return corrupt(err, path, what);
    }
    uint32_t want = (uint32_t)strtoul(p + hex_at, NULL, 16);
    if (crc32c(p, start) != want)
        return corrupt(err, path, "checksum mismatch");
    *data_n = start;
    return 0;
}

int srt_ckpt_read_file(const char *path, SrtBuf *out, SrtErr *err)
{
    srt_buf_clear(out);
    /* Never block on a FIFO or a device planted under a checkpoint name, never follow a
       link: only a regular file is read (O_NONBLOCK makes the open of a FIFO return). */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ENOENT)
            return 1;
        if (errno == ELOOP)
            return srt_err_set(err, SRT_ERR_IO,
                               "checkpoint file %s is a symbolic link, not a regular file; it was "
                               "not written by sluice",
                               path);
        return srt_err_set(err, SRT_ERR_IO, "cannot read checkpoint file %s: %s", path,
                           strerror(errno));
    }
    struct stat st;
    if (fstat(fd, &st) < 0) {
        int saved = errno;
        close(fd);
        return srt_err_set(err, SRT_ERR_IO, "cannot read checkpoint file %s: %s", path,
                           strerror(saved));
    }
    if (!S_ISREG(st.st_mode)) {
        const char *kind = S_ISFIFO(st.st_mode)   ? "a FIFO"
                           : S_ISDIR(st.st_mode)  ? "a directory"
                           : S_ISSOCK(st.st_mode) ? "a socket"
                                                  : "a device";
        close(fd);
        return srt_err_set(err, SRT_ERR_IO,
                           "checkpoint file %s is %s, not a regular file; it was not written by "
                           "sluice",
                           path, kind);
    }
    char chunk[8192];
    for (;;) {
        ssize_t k = read(fd, chunk, sizeof chunk);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            int saved = errno;
            close(fd);
            srt_buf_clear(out);
            return srt_err_set(err, SRT_ERR_IO, "cannot read checkpoint file %s: %s", path,
                               strerror(saved));
        }
        if (k == 0)
            break;
        srt_buf_put(out, chunk, (size_t)k);
        if (out->oom)
            break;
    }
    close(fd);
    if (out->oom) {
        srt_buf_clear(out);
        return srt_err_nomem(err, "reading a checkpoint file");
    }
    size_t data_n = 0;
    int rc = check_trailer(path, out->p ? out->p : "", out->n, &data_n, err);
    if (rc < 0) {
        srt_buf_clear(out);
        return rc;
    }
    out->n = data_n;
    if (out->p)
        out->p[data_n] = '\0';
    return 0;
}

/* ==== UUIDs ==== */

void srt_uuid4(char out[37])
{
    unsigned char r[16];
    size_t got = 0;
    while (got < sizeof r) {
        ssize_t k = getrandom(r + got, sizeof r - got, 0);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        got += (size_t)k;
    }
    if (got < sizeof r) {
        int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        while (fd >= 0 && got < sizeof r) {
            ssize_t k = read(fd, r + got, sizeof r - got);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0)
                break;
            got += (size_t)k;
        }
        if (fd >= 0)
            close(fd);
    }
    if (got < sizeof r) {
        /* No entropy source at all: mix the clock, pid and an address (still unique enough
           for a query id, which is what this is used for). */
        uint64_t x = (uint64_t)srt_now_us() ^ ((uint64_t)getpid() << 32) ^ (uint64_t)(uintptr_t)r;
        for (size_t i = got; i < sizeof r; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            r[i] = (unsigned char)(x >> 24);
        }
    }
    r[6] = (unsigned char)((r[6] & 0x0Fu) | 0x40u);
    r[8] = (unsigned char)((r[8] & 0x3Fu) | 0x80u);
    static const char hx[] = "0123456789abcdef";
    size_t o = 0;
    for (size_t i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hx[r[i] >> 4];
        out[o++] = hx[r[i] & 0x0Fu];
    }
    out[o] = '\0';
}

/* ==== Paths and directories ==== */

struct SrtCkpt {
    SrtMem *mem;         /* borrowed */
    char *dir;           /* owned, without trailing slashes */
    size_t dir_size;     /* bytes allocated for dir */
    char id[37];         /* the query id of metadata */
    char **src_dirs;     /* owned: src_dirs[i] is sources/<i> or NULL */
    size_t cap_src_dirs; /* elements of src_dirs */
};

struct SrtStateWriter {
    SrtCkpt *c; /* borrowed */
    int op;
    int64_t version;
    int snapshot;
    SrtBuf buf; /* the records */
};

static int path_fmt(char *out, SrtErr *err, const char *fmt, ...) SRT_PRINTF(3, 4);
static int path_fmt(char *out, SrtErr *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(out, CKPT_PATH_MAX, fmt, ap);
    va_end(ap);
    if (k < 0 || k >= CKPT_PATH_MAX)
        return srt_err_set(err, SRT_ERR_IO, "checkpoint path starting '%.200s' is too long", out);
    return 0;
}

/* A name made only of digits (a batch id or version), at most 18 of them; -1 otherwise.
   end: where the digits stop (NULL: the whole name). */
static int64_t parse_id(const char *name, const char **end)
{
    int64_t v = 0;
    int k = 0;
    const char *p = name;
    for (; *p >= '0' && *p <= '9'; p++, k++) {
        if (k == 18)
            return -1;
        v = v * 10 + (*p - '0');
    }
    if (k == 0)
        return -1;
    if (end)
        *end = p;
    else if (*p != '\0')
        return -1;
    return v;
}

/* The largest all-digit name in dir; -1 when none (or the directory cannot be read). */
static int64_t latest_in(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return -1;
    int64_t best = -1;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        int64_t v = parse_id(de->d_name, NULL);
        if (v > best)
            best = v;
    }
    closedir(d);
    return best;
}

/* ==== A little JSON: top-level fields of one object ==== */

static const char *skip_ws(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p;
}

/* After the string starting at the quote p, or NULL when unterminated. */
static const char *skip_string(const char *p, const char *e)
{
    for (p++; p < e; p++) {
        if (*p == '\\')
            p++;
        else if (*p == '"')
            return p + 1;
    }
    return NULL;
}

static const char *skip_value(const char *p, const char *e)
{
    if (p >= e)
        return NULL;
    if (*p == '"')
        return skip_string(p, e);
    if (*p == '{' || *p == '[') {
        int depth = 0;
        while (p < e) {
            if (*p == '"') {
                p = skip_string(p, e);
                if (p == NULL)
                    return NULL;
                continue;
            }
            if (*p == '{' || *p == '[')
                depth++;
            else if (*p == '}' || *p == ']')
                depth--;
            p++;
            if (depth == 0)
                return p;
        }
        return NULL;
    }
    const char *s = p;
    while (p < e && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\t' && *p != '\r' &&
           *p != '\n')
        p++;
    return p > s ? p : NULL;
}

/* The value of top-level key in the object [p, e): 0 found, 1 absent, -1 malformed. */
static int json_field(const char *p, const char *e, const char *key, const char **vs,
                      const char **ve)
{
    size_t kn = strlen(key);
    int found = 0;
    p = skip_ws(p, e);
    if (p >= e || *p != '{')
        return -1;
    p = skip_ws(p + 1, e);
    if (p < e && *p == '}')
        return skip_ws(p + 1, e) == e ? 1 : -1;
    for (;;) {
        if (p >= e || *p != '"')
            return -1;
        const char *ks = p + 1, *kend = skip_string(p, e);
        if (kend == NULL)
            return -1;
        p = skip_ws(kend, e);
        if (p >= e || *p != ':')
            return -1;
        p = skip_ws(p + 1, e);
        const char *v_end = skip_value(p, e);
        if (v_end == NULL)
            return -1;
        if (!found && (size_t)(kend - 1 - ks) == kn && memcmp(ks, key, kn) == 0) {
            *vs = p;
            *ve = v_end;
            found = 1;
        }
        p = skip_ws(v_end, e);
        if (p < e && *p == ',') {
            p = skip_ws(p + 1, e);
            continue;
        }
        if (p < e && *p == '}')
            return skip_ws(p + 1, e) == e ? !found : -1;
        return -1;
    }
}

/* An integer field; 0, or -1 when absent or not an integer. */
static int json_int(const char *p, const char *e, const char *key, int64_t *out)
{
    const char *vs, *ve;
    if (json_field(p, e, key, &vs, &ve) != 0)
        return -1;
    char num[32];
    size_t n = (size_t)(ve - vs);
    if (n == 0 || n >= sizeof num)
        return -1;
    memcpy(num, vs, n);
    num[n] = '\0';
    const char *d = num[0] == '-' ? num + 1 : num;
    if (*d == '\0')
        return -1;
    for (const char *q = d; *q; q++)
        if (*q < '0' || *q > '9')
            return -1;
    errno = 0;
    long long v = strtoll(num, NULL, 10);
    if (errno == ERANGE)
        return -1;
    *out = (int64_t)v;
    return 0;
}

/* Split the next line off [*p, e): its span without the '\n'; 0, or -1 at the end. */
static int next_line(const char **p, const char *e, const char **ls, const char **le)
{
    if (*p >= e)
        return -1;
    const char *nl = memchr(*p, '\n', (size_t)(e - *p));
    *ls = *p;
    *le = nl ? nl : e;
    *p = nl ? nl + 1 : e;
    return 0;
}

/* The "v1" line of a log file. */
static int check_version(const char *path, const char **p, const char *e, SrtErr *err)
{
    const char *ls, *le;
    if (next_line(p, e, &ls, &le) < 0 || le - ls < 2 || ls[0] != 'v')
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "checkpoint file %s does not start with a log version line (v1)", path);
    if (le - ls == 2 && ls[1] == '1')
        return 0;
    return srt_err_set(err, SRT_ERR_FORMAT,
                       "checkpoint file %s has log version %.*s but this sluice supports only v1; "
                       "it was written by another program or a newer version",
                       path, (int)(le - ls > 32 ? 32 : le - ls), ls);
}

/* ==== Opening a checkpoint ==== */

static int is_uuid(const char *s, size_t n)
{
    if (n != 36)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-')
                return 0;
        } else if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') ||
                     (s[i] >= 'A' && s[i] <= 'F'))) {
            return 0;
        }
    }
    return 1;
}

static int read_metadata(SrtCkpt *c, const char *path, int *absent, SrtErr *err)
{
    SrtBuf b;
    srt_buf_init(&b, c->mem);
    int rc = srt_ckpt_read_file(path, &b, err);
    *absent = rc == 1;
    if (rc != 0) {
        srt_buf_free(&b);
        return rc < 0 ? rc : 0;
    }
    const char *vs, *ve;
    const char *s = b.p ? b.p : "";
    if (json_field(s, s + b.n, "id", &vs, &ve) != 0 || ve - vs < 2 || *vs != '"' ||
        !is_uuid(vs + 1, (size_t)(ve - vs - 2))) {
        srt_buf_free(&b);
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "checkpoint file %s is not {\"id\":\"<uuid>\"}; it was not written by "
                           "sluice or was damaged",
                           path);
    }
    memcpy(c->id, vs + 1, 36);
    c->id[36] = '\0';
    srt_buf_free(&b);
    return 0;
}

int srt_ckpt_open(SrtMem *m, const char *dir, SrtCkpt **out, SrtErr *err)
{
    *out = NULL;
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    if (n == 0)
        return srt_err_set(err, SRT_ERR_OPTION, "the checkpoint directory is empty");
    if (n + 64 >= CKPT_PATH_MAX)
        return srt_err_set(err, SRT_ERR_IO, "checkpoint directory '%.200s...' is too long", dir);
    SrtCkpt *c = srt_mem_calloc(m, sizeof *c);
    if (c == NULL)
        return srt_err_nomem(err, "checkpoint");
    c->mem = m;
    c->dir_size = n + 1;
    c->dir = srt_mem_alloc(m, c->dir_size);
    if (c->dir == NULL) {
        srt_mem_free(m, c, sizeof *c);
        return srt_err_nomem(err, "checkpoint");
    }
    memcpy(c->dir, dir, n);
    c->dir[n] = '\0';

    static const char *const subdirs[] = {"", "/offsets", "/commits", "/sources", "/state"};
    char p[CKPT_PATH_MAX];
    int rc = 0;
    for (size_t i = 0; i < sizeof subdirs / sizeof subdirs[0] && rc == 0; i++) {
        rc = path_fmt(p, err, "%s%s", c->dir, subdirs[i]);
        if (rc == 0)
            rc = srt_fs_mkdirs(p, "checkpoint", err);
    }
    /* Temporary files of a run that was killed: chk/, offsets/, commits/, sources/<i>/,
       state/<op>/ and state/<op>/_metadata/. */
    if (rc == 0)
        remove_temps(c->dir, 3);
    if (rc == 0)
        rc = path_fmt(p, err, "%s/metadata", c->dir);
    int absent = 0;
    if (rc == 0)
        rc = read_metadata(c, p, &absent, err);
    if (rc == 0 && absent) {
        char id[37], text[64];
        srt_uuid4(id);
        int k = snprintf(text, sizeof text, "{\"id\":\"%s\"}\n", id);
        int exists = 0;
        rc = write_file_ex(p, text, (size_t)k, 1, &exists, err);
        if (rc < 0 && exists) {
            /* Another process created it first: use its id. */
            srt_err_clear(err);
            rc = read_metadata(c, p, &absent, err);
            if (rc == 0 && absent)
                rc = srt_err_set(err, SRT_ERR_IO, "checkpoint file %s vanished while opening", p);
        } else if (rc == 0) {
            memcpy(c->id, id, sizeof id);
        }
    }
    if (rc < 0) {
        srt_ckpt_close(c);
        return rc;
    }
    *out = c;
    return 0;
}

void srt_ckpt_close(SrtCkpt *c)
{
    if (c == NULL)
        return;
    SrtMem *m = c->mem;
    for (size_t i = 0; i < c->cap_src_dirs; i++)
        if (c->src_dirs[i])
            srt_mem_free(m, c->src_dirs[i], strlen(c->src_dirs[i]) + 1);
    if (c->src_dirs)
        srt_mem_free(m, c->src_dirs, c->cap_src_dirs * sizeof *c->src_dirs);
    srt_mem_free(m, c->dir, c->dir_size);
    srt_mem_free(m, c, sizeof *c);
}

const char *srt_ckpt_dir(const SrtCkpt *c)
{
    return c->dir;
}

const char *srt_ckpt_id(const SrtCkpt *c)
{
    return c->id;
}

/* ==== offsets/ and commits/ ==== */

static int64_t latest_log(const SrtCkpt *c, const char *log)
{
    char p[CKPT_PATH_MAX];
    SrtErr ignored;
    if (path_fmt(p, &ignored, "%s/%s", c->dir, log) < 0)
        return -1;
    return latest_in(p);
}

int64_t srt_ckpt_latest_offsets(const SrtCkpt *c)
{
    return latest_log(c, "offsets");
}

int64_t srt_ckpt_latest_commit(const SrtCkpt *c)
{
    return latest_log(c, "commits");
}

/* Write a new log entry <log>/<batch>; an existing one is Spark's concurrent update. */
static int write_log(SrtCkpt *c, const char *log, int64_t batch, SrtBuf *text, SrtErr *err)
{
    if (text->oom)
        return srt_err_nomem(err, "checkpoint log entry");
    char p[CKPT_PATH_MAX];
    int rc = path_fmt(p, err, "%s/%s/%" PRId64, c->dir, log, batch);
    if (rc < 0)
        return rc;
    int exists = 0;
    rc = write_file_ex(p, text->p ? text->p : "", text->n, 1, &exists, err);
    if (rc < 0 && exists)
        return srt_err_set(err, SRT_ERR_QUERY,
                           "Concurrent update to the log. Multiple streaming jobs detected for "
                           "%" PRId64 " (%s already exists)",
                           batch, p);
    return rc;
}

int srt_ckpt_write_offsets(SrtCkpt *c, int64_t batch, int64_t watermark_ms, int64_t batch_ts_ms,
                           const char *source_offset, const char *wm_policy, SrtErr *err)
{
    if (batch < 0)
        return srt_err_set(err, SRT_ERR_QUERY, "checkpoint: negative batch id %" PRId64, batch);
    if (source_offset == NULL)
        source_offset = "";
    if (wm_policy == NULL)
        wm_policy = "min";
    SrtBuf b;
    srt_buf_init(&b, c->mem);
    srt_buf_printf(&b,
                   "v1\n{\"batchWatermarkMs\":%" PRId64 ",\"batchTimestampMs\":%" PRId64
                   ",\"conf\":{\"" CM_WATERMARK_POLICY "\":",
                   watermark_ms, batch_ts_ms);
    srt_write_json_string(wm_policy, strlen(wm_policy), &b);
    srt_buf_puts(&b, ",\"spark.sql.shuffle.partitions\":\"1\"}}\n");
    /* One line per source; "-" for a source without an offset (OffsetSeq). */
    for (const char *l = source_offset;;) {
        const char *nl = strchr(l, '\n');
        size_t n = nl ? (size_t)(nl - l) : strlen(l);
        if (n)
            srt_buf_put(&b, l, n);
        else
            srt_buf_putc(&b, '-');
        srt_buf_putc(&b, '\n');
        if (!nl)
            break;
        l = nl + 1;
    }
    int rc = write_log(c, "offsets", batch, &b, err);
    srt_buf_free(&b);
    return rc;
}

/* Read <log>/<batch> into b, check its version line; *rest: the text after it.  1 if absent. */
static int read_log(SrtCkpt *c, const char *log, int64_t batch, SrtBuf *b, char *path,
                    const char **rest, SrtErr *err)
{
    int rc = path_fmt(path, err, "%s/%s/%" PRId64, c->dir, log, batch);
    if (rc < 0)
        return rc;
    rc = srt_ckpt_read_file(path, b, err);
    if (rc != 0)
        return rc;
    *rest = b->p ? b->p : "";
    return check_version(path, rest, *rest + strlen(*rest), err);
}

int srt_ckpt_read_offsets(SrtCkpt *c, int64_t batch, int64_t *watermark_ms, int64_t *batch_ts_ms,
                          SrtBuf *source_offset, SrtErr *err)
{
    SrtBuf b;
    srt_buf_init(&b, c->mem);
    char path[CKPT_PATH_MAX];
    const char *p = NULL, *ls, *le;
    int rc = read_log(c, "offsets", batch, &b, path, &p, err);
    if (rc != 0)
        goto done;
    const char *e = b.p + b.n;
    if (next_line(&p, e, &ls, &le) < 0 || json_int(ls, le, "batchWatermarkMs", watermark_ms) < 0 ||
        json_int(ls, le, "batchTimestampMs", batch_ts_ms) < 0) {
        rc = srt_err_set(err, SRT_ERR_FORMAT,
                         "checkpoint file %s: the second line is not the offset metadata "
                         "{\"batchWatermarkMs\":..,\"batchTimestampMs\":..}",
                         path);
        goto done;
    }
    srt_buf_clear(source_offset);
    for (int line = 0; p < e || line == 0; line++) {
        if (next_line(&p, e, &ls, &le) < 0 || le == ls) {
            rc = srt_err_set(err, SRT_ERR_FORMAT, "checkpoint file %s has no source offset line",
                             path);
            goto done;
        }
        if (line)
            srt_buf_putc(source_offset, '\n');
        if (!(le - ls == 1 && *ls == '-'))
            srt_buf_put(source_offset, ls, (size_t)(le - ls));
    }
    if (source_offset->oom)
        rc = srt_err_nomem(err, "source offset");
done:
    srt_buf_free(&b);
    return rc;
}

int srt_ckpt_read_conf(SrtCkpt *c, int64_t batch, const char *key, SrtBuf *value, SrtErr *err)
{
    SrtBuf b;
    srt_buf_init(&b, c->mem);
    char path[CKPT_PATH_MAX];
    const char *p = NULL, *ls, *le, *cs, *ce, *vs, *ve;
    int rc = read_log(c, "offsets", batch, &b, path, &p, err);
    if (rc != 0)
        goto done;
    if (next_line(&p, b.p + b.n, &ls, &le) < 0 || (rc = json_field(ls, le, "conf", &cs, &ce)) < 0 ||
        (rc == 0 && (rc = json_field(cs, ce, key, &vs, &ve)) < 0) ||
        (rc == 0 && (ve - vs < 2 || *vs != '"'))) {
        rc = srt_err_set(err, SRT_ERR_FORMAT,
                         "checkpoint file %s: the offset metadata's \"conf\" is not an object "
                         "of strings",
                         path);
        goto done;
    }
    if (rc == 0) {
        /* the JSON string's text, its escapes decoded (no longer than the raw bytes) */
        uint32_t n = (uint32_t)(ve - vs - 2);
        srt_buf_clear(value);
        srt_buf_fill(value, '\0', n + 1);
        if (value->oom) {
            rc = srt_err_nomem(err, "checkpoint conf");
            goto done;
        }
        value->n = srt_json_unescape(vs + 1, n, value->p);
        value->p[value->n] = '\0';
    }
done:
    srt_buf_free(&b);
    return rc;
}

int srt_ckpt_write_commit(SrtCkpt *c, int64_t batch, int64_t next_watermark_ms, SrtErr *err)
{
    if (batch < 0)
        return srt_err_set(err, SRT_ERR_QUERY, "checkpoint: negative batch id %" PRId64, batch);
    SrtBuf b;
    srt_buf_init(&b, c->mem);
    srt_buf_printf(&b, "v1\n{\"nextBatchWatermarkMs\":%" PRId64 "}\n", next_watermark_ms);
    int rc = write_log(c, "commits", batch, &b, err);
    srt_buf_free(&b);
    return rc;
}

int srt_ckpt_read_commit(SrtCkpt *c, int64_t batch, int64_t *next_watermark_ms, SrtErr *err)
{
    SrtBuf b;
    srt_buf_init(&b, c->mem);
    char path[CKPT_PATH_MAX];
    const char *p = NULL, *ls, *le;
    int rc = read_log(c, "commits", batch, &b, path, &p, err);
    if (rc == 0 && (next_line(&p, b.p + b.n, &ls, &le) < 0 ||
                    json_int(ls, le, "nextBatchWatermarkMs", next_watermark_ms) < 0))
        rc = srt_err_set(err, SRT_ERR_FORMAT,
                         "checkpoint file %s: the second line is not {\"nextBatchWatermarkMs\":..}",
                         path);
    srt_buf_free(&b);
    return rc;
}

const char *srt_ckpt_source_dir(SrtCkpt *c, int source)
{
    if (source < 0)
        return NULL;
    size_t i = (size_t)source;
    if (i >= c->cap_src_dirs) {
        size_t old = c->cap_src_dirs;
        if (srt_mem_grow(c->mem, (void **)&c->src_dirs, &c->cap_src_dirs, sizeof *c->src_dirs,
                         i + 1) < 0)
            return NULL;
        memset(c->src_dirs + old, 0, (c->cap_src_dirs - old) * sizeof *c->src_dirs);
    }
    if (c->src_dirs[i] == NULL) {
        char p[CKPT_PATH_MAX];
        SrtErr ignored;
        if (path_fmt(p, &ignored, "%s/sources/%d", c->dir, source) < 0)
            return NULL;
        size_t n = strlen(p) + 1;
        char *s = srt_mem_alloc(c->mem, n);
        if (s == NULL)
            return NULL;
        memcpy(s, p, n);
        c->src_dirs[i] = s;
        /* Best effort: a failure shows in the source's first write, with the path. */
        (void)srt_fs_mkdirs(s, "checkpoint", &ignored);
    }
    return c->src_dirs[i];
}

/* ==== State store ==== */

static int state_path(const SrtCkpt *c, int op, int64_t version, int snapshot, char *out,
                      SrtErr *err)
{
    return path_fmt(out, err, "%s/state/%d/%" PRId64 ".%s", c->dir, op, version,
                    snapshot ? "snapshot" : "delta");
}

int srt_ckpt_state_begin(SrtCkpt *c, int op, int64_t version, int snapshot, SrtStateWriter **out,
                         SrtErr *err)
{
    *out = NULL;
    if (op < 0 || version < 1)
        return srt_err_set(err, SRT_ERR_QUERY,
                           "checkpoint: cannot write state of operator %d at version %" PRId64
                           " (operators count from 0, versions from 1)",
                           op, version);
    char p[CKPT_PATH_MAX];
    int rc = path_fmt(p, err, "%s/state/%d", c->dir, op);
    if (rc == 0)
        rc = srt_fs_mkdirs(p, "checkpoint", err);
    if (rc < 0)
        return rc;
    SrtStateWriter *w = srt_mem_alloc(c->mem, sizeof *w);
    if (w == NULL)
        return srt_err_nomem(err, "state writer");
    w->c = c;
    w->op = op;
    w->version = version;
    w->snapshot = snapshot != 0;
    srt_buf_init(&w->buf, c->mem);
    *out = w;
    return 0;
}

static void put_u32(SrtBuf *b, uint32_t v)
{
    char le[4] = {(char)(v & 0xFFu), (char)((v >> 8) & 0xFFu), (char)((v >> 16) & 0xFFu),
                  (char)(v >> 24)};
    srt_buf_put(b, le, 4);
}

static uint32_t get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int srt_state_put(SrtStateWriter *w, const void *key, uint32_t key_len, const void *val,
                  uint32_t val_len)
{
    srt_buf_putc(&w->buf, 'P');
    put_u32(&w->buf, key_len);
    srt_buf_put(&w->buf, key, key_len);
    put_u32(&w->buf, val_len);
    srt_buf_put(&w->buf, val, val_len);
    return w->buf.oom ? -SRT_ERR_NOMEM : 0;
}

int srt_state_delete(SrtStateWriter *w, const void *key, uint32_t key_len)
{
    srt_buf_putc(&w->buf, 'D');
    put_u32(&w->buf, key_len);
    srt_buf_put(&w->buf, key, key_len);
    return w->buf.oom ? -SRT_ERR_NOMEM : 0;
}

void srt_state_abort(SrtStateWriter *w)
{
    if (w == NULL)
        return;
    srt_buf_free(&w->buf);
    srt_mem_free(w->c->mem, w, sizeof *w);
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static int remove_entry(const char *dir, const char *name, SrtErr *err);

/* Delete the state file at path (the file's directory synced after). */
static int remove_state_file(char *path, SrtErr *err)
{
    char *slash = strrchr(path, '/');
    *slash = '\0';
    int rc = remove_entry(path, slash + 1, err);
    if (rc == 0 && srt_fs_sync_dir(path) < 0)
        rc = srt_err_set(err, SRT_ERR_IO, "cannot sync directory %s: %s", path, strerror(errno));
    *slash = '/';
    return rc;
}

int srt_state_commit(SrtStateWriter *w, SrtErr *err)
{
    char p[CKPT_PATH_MAX];
    int rc;
    if (w->buf.oom)
        rc = srt_err_nomem(err, "state records");
    else
        rc = state_path(w->c, w->op, w->version, w->snapshot, p, err);
    if (rc == 0)
        rc = srt_ckpt_write_file(p, w->buf.p ? w->buf.p : "", w->buf.n, err);
    /* A version is one file: a snapshot of it an earlier run left (another rule, a crash
       before its commit) would be read before the delta, and a stream-stream join's later
       deltas name rows by their numbers in this run's state. */
    if (rc == 0 && !w->snapshot && (rc = state_path(w->c, w->op, w->version, 1, p, err)) == 0 &&
        file_exists(p))
        rc = remove_state_file(p, err);
    srt_state_abort(w);
    return rc;
}

/* Replay the records of one state file. */
static int replay_file(SrtCkpt *c, const char *path, SrtStateLoadFn fn, void *ctx, SrtErr *err)
{
    SrtBuf b;
    srt_buf_init(&b, c->mem);
    int rc = srt_ckpt_read_file(path, &b, err);
    if (rc == 1)
        rc = srt_err_set(err, SRT_ERR_FORMAT, "state file %s vanished while it was restored", path);
    const uint8_t *p = (const uint8_t *)b.p, *e = p + b.n;
    while (rc == 0 && p < e) {
        size_t at = (size_t)(p - (const uint8_t *)b.p);
        int op = *p++;
        if (op != 'P' && op != 'D') {
            char what[96];
            snprintf(what, sizeof what, "unknown record type at byte %zu", at);
            rc = corrupt(err, path, what);
            break;
        }
        uint32_t kn = 0, vn = 0;
        const uint8_t *key = NULL, *val = NULL;
        int ok = e - p >= 4;
        if (ok) {
            kn = get_u32(p);
            p += 4;
            ok = (size_t)(e - p) >= kn;
        }
        if (ok) {
            key = p;
            p += kn;
        }
        if (ok && op == 'P') {
            ok = e - p >= 4;
            if (ok) {
                vn = get_u32(p);
                p += 4;
                ok = (size_t)(e - p) >= vn;
            }
            if (ok) {
                val = p;
                p += vn;
            }
        }
        if (!ok) {
            char what[96];
            snprintf(what, sizeof what, "record at byte %zu runs past the end", at);
            rc = corrupt(err, path, what);
            break;
        }
        rc = fn(ctx, op == 'P', key, kn, val, vn);
        if (rc > 0)
            rc = 0;
        if (rc < 0 && err->code == 0)
            srt_err_set(err, -rc, "restoring state from %s failed at the record at byte %zu", path,
                        at);
    }
    srt_buf_free(&b);
    return rc;
}

int srt_ckpt_state_load(SrtCkpt *c, int op, int64_t version, SrtStateLoadFn fn, void *ctx,
                        SrtErr *err)
{
    if (version == 0)
        return 0;
    if (op < 0 || version < 0)
        return srt_err_set(err, SRT_ERR_QUERY,
                           "checkpoint: no state of operator %d at version %" PRId64, op, version);
    /* From version down: the first snapshot (or version 0) reached while every delta above
       it exists is the base. */
    char p[CKPT_PATH_MAX];
    int64_t base = 0;
    int base_snapshot = 0;
    for (int64_t s = version; s >= 1; s--) {
        int rc = state_path(c, op, s, 1, p, err);
        if (rc < 0)
            return rc;
        if (file_exists(p)) {
            base = s;
            base_snapshot = 1;
            break;
        }
        rc = state_path(c, op, s, 0, p, err);
        if (rc < 0)
            return rc;
        if (!file_exists(p))
            return srt_err_set(err, SRT_ERR_FORMAT,
                               "state of operator %d at version %" PRId64
                               " cannot be restored: %s is missing",
                               op, version, p);
    }
    srt_err_clear(err);
    int rc = 0;
    if (base_snapshot) {
        rc = state_path(c, op, base, 1, p, err);
        if (rc == 0)
            rc = replay_file(c, p, fn, ctx, err);
    }
    for (int64_t v = base + 1; rc == 0 && v <= version; v++) {
        rc = state_path(c, op, v, 0, p, err);
        if (rc == 0)
            rc = replay_file(c, p, fn, ctx, err);
    }
    return rc;
}

/* ==== Purge ==== */

/* Remove dir/name, counting failures other than "already gone". */
static int remove_entry(const char *dir, const char *name, SrtErr *err)
{
    char p[CKPT_PATH_MAX];
    int rc = path_fmt(p, err, "%s/%s", dir, name);
    if (rc < 0)
        return rc;
    if (unlink(p) < 0 && errno != ENOENT)
        return srt_err_set(err, SRT_ERR_IO, "cannot delete checkpoint file %s: %s", p,
                           strerror(errno));
    return 0;
}

int srt_ckpt_drop_offsets(SrtCkpt *c, int64_t batch, SrtErr *err)
{
    char dir[CKPT_PATH_MAX], name[32];
    int rc = path_fmt(dir, err, "%s/offsets", c->dir);
    if (rc < 0)
        return rc;
    snprintf(name, sizeof name, "%" PRId64, batch);
    if ((rc = remove_entry(dir, name, err)) < 0)
        return rc;
    if (srt_fs_sync_dir(dir) < 0)
        return srt_err_set(err, SRT_ERR_IO, "cannot sync checkpoint directory %s: %s", dir,
                           strerror(errno));
    return 0;
}

static int purge_log(const SrtCkpt *c, const char *log, int64_t keep_from, SrtErr *err)
{
    char dir[CKPT_PATH_MAX];
    int rc = path_fmt(dir, err, "%s/%s", c->dir, log);
    if (rc < 0)
        return rc;
    DIR *d = opendir(dir);
    if (d == NULL)
        return errno == ENOENT
                   ? 0
                   : srt_err_set(err, SRT_ERR_IO, "cannot list %s: %s", dir, strerror(errno));
    struct dirent *de;
    int removed = 0;
    while (rc == 0 && (de = readdir(d)) != NULL) {
        int64_t v = parse_id(de->d_name, NULL);
        if (v >= 0 && v < keep_from) {
            rc = remove_entry(dir, de->d_name, err);
            removed = 1;
        }
    }
    closedir(d);
    if (rc == 0 && removed && srt_fs_sync_dir(dir) < 0)
        rc = srt_err_set(err, SRT_ERR_IO, "cannot sync directory %s: %s", dir, strerror(errno));
    return rc;
}

/* A state file name "<v>.delta" or "<v>.snapshot": its version, or -1. */
static int64_t state_version(const char *name, int *snapshot)
{
    const char *end;
    int64_t v = parse_id(name, &end);
    if (v < 0)
        return -1;
    if (strcmp(end, ".delta") == 0)
        *snapshot = 0;
    else if (strcmp(end, ".snapshot") == 0)
        *snapshot = 1;
    else
        return -1;
    return v;
}

/* Operator op: keep the newest usable base at or below keep_from and everything after. */
static int purge_state_op(SrtCkpt *c, int op, int64_t keep_from, SrtErr *err)
{
    char p[CKPT_PATH_MAX];
    int64_t base = 0;
    for (int64_t s = keep_from; s >= 1; s--) {
        int rc = state_path(c, op, s, 1, p, err);
        if (rc < 0)
            return rc;
        if (file_exists(p)) {
            base = s;
            break;
        }
        rc = state_path(c, op, s, 0, p, err);
        if (rc < 0)
            return rc;
        if (!file_exists(p))
            return 0; /* not restorable at keep_from anyway: delete nothing */
    }
    if (base == 0)
        return 0;
    char dir[CKPT_PATH_MAX];
    int rc = path_fmt(dir, err, "%s/state/%d", c->dir, op);
    if (rc < 0)
        return rc;
    DIR *d = opendir(dir);
    if (d == NULL)
        return srt_err_set(err, SRT_ERR_IO, "cannot list %s: %s", dir, strerror(errno));
    struct dirent *de;
    int removed = 0;
    while (rc == 0 && (de = readdir(d)) != NULL) {
        int snap;
        int64_t v = state_version(de->d_name, &snap);
        if (v >= 0 && v < base) {
            rc = remove_entry(dir, de->d_name, err);
            removed = 1;
        }
    }
    closedir(d);
    if (rc == 0 && removed && srt_fs_sync_dir(dir) < 0)
        rc = srt_err_set(err, SRT_ERR_IO, "cannot sync directory %s: %s", dir, strerror(errno));
    return rc;
}

int srt_ckpt_purge(SrtCkpt *c, int64_t keep_from, SrtErr *err)
{
    if (keep_from <= 0)
        return 0;
    int rc = purge_log(c, "offsets", keep_from, err);
    if (rc == 0)
        rc = purge_log(c, "commits", keep_from, err);
    if (rc < 0)
        return rc;
    char dir[CKPT_PATH_MAX];
    rc = path_fmt(dir, err, "%s/state", c->dir);
    if (rc < 0)
        return rc;
    DIR *d = opendir(dir);
    if (d == NULL)
        return errno == ENOENT
                   ? 0
                   : srt_err_set(err, SRT_ERR_IO, "cannot list %s: %s", dir, strerror(errno));
    struct dirent *de;
    while (rc == 0 && (de = readdir(d)) != NULL) {
        int64_t op = parse_id(de->d_name, NULL);
        if (op >= 0 && op <= INT32_MAX)
            rc = purge_state_op(c, (int)op, keep_from, err);
    }
    closedir(d);
    return rc;
}
