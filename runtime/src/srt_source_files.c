/* srt_source_files.c - the `files` source connector: new files of a directory, oldest
** first (modification time, then name), at most maxFilesPerTrigger per batch, each file
** read once via mmap.
**
** Options: path (a directory that must exist), format (json | csv | text; csv with
** header = true: the first line of every file is skipped here), maxFilesPerTrigger
** (positive integer), latestFirst (newest first), maxFileAge (default 7 days: once a batch
** has taken a file, files older than the newest taken modification time minus maxFileAge
** are skipped, as Spark's FileStreamSource does; not applied with latestFirst and
** maxFilesPerTrigger together).  Hidden files (leading '.' or '_') and
** anything that is not a regular file are ignored.  Re-listing is skipped while the
** directory's mtime is unchanged and old enough that no same-tick change can hide
** behind it, so polling every 10 ms costs one stat().  Offsets are {"logOffset":N},
** N counting planned batches from 0 as Spark's FileStreamSource does.
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "srt_int.h"

/* A directory whose mtime is this much older than our last listing cannot have changed
   unseen within the same timestamp tick. */
#define FILES_MTIME_MARGIN_US 2000000

typedef struct FileEnt {
    char *name;       /* owned, NUL-terminated */
    size_t name_len;
    int64_t mtime_ns;
} FileEnt;

typedef struct Files {
    SrtMem *mem;
    char *dir;          /* owned: the path option as given */
    char *abs;          /* owned: its absolute form for describe() */
    int64_t max_files;  /* 0: unlimited */
    int latest_first;
    int skip_header;    /* csv with header = true: the first line of each file is not data */
    int64_t max_age_ns; /* maxFileAge */
    int64_t purge_ns;   /* files older than this are skipped (INT64_MIN: none yet) */
    int64_t latest_ns;  /* newest modification time taken so far */
    SrtAggTable *seen;  /* names already listed (pending or taken) */
    FileEnt *pending;   /* listed, not yet taken, sorted; live part is [head, n) */
    size_t head, n_pending, cap_pending;
    FileEnt *batch;     /* taken by the planned batch */
    size_t n_batch, cap_batch;
    int64_t log_offset; /* of the last planned batch; -1 before the first */
    int snapshot;       /* availableNow: no more listing */
    size_t snapshot_left;
    int listed;
    struct timespec dir_mtime; /* at the last listing */
    int64_t listed_at_us;
} Files;

static void free_ents(SrtMem *m, FileEnt *v, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        srt_mem_free(m, v[i].name, v[i].name_len + 1);
}

static int ent_cmp(const FileEnt *a, const FileEnt *b)
{
    if (a->mtime_ns != b->mtime_ns)
        return a->mtime_ns < b->mtime_ns ? -1 : 1;
    return strcmp(a->name, b->name);
}

static int ent_asc(const void *a, const void *b)
{
    return ent_cmp(a, b);
}

static int ent_desc(const void *a, const void *b)
{
    return ent_cmp(b, a);
}

static int files_open(SrtSource *s, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    SRT_UNUSED(schema);
    Files *f = srt_mem_calloc(s->mem, sizeof *f);
    if (!f)
        return srt_err_nomem(err, "files source");
    s->impl = f;
    f->mem = s->mem;
    f->log_offset = -1;
    const char *path = srt_opts_get(opts, "path");
    if (!path || !*path)
        return srt_err_set(err, SRT_ERR_OPTION, "source '%s': option 'path' is required", s->name);
    const char *format = srt_opts_get(opts, "format");
    if (format && !srt_str_ieq(format, "json") && !srt_str_ieq(format, "text") &&
        !srt_str_ieq(format, "csv"))
        return srt_err_set(err, SRT_ERR_OPTION,
                           "source '%s': format '%s' is not supported by the files source (json, csv, text)",
                           s->name, format);
    int rc;
    if (format && srt_str_ieq(format, "csv") &&
        (rc = srt_opts_bool(opts, "header", 0, &f->skip_header, err)) < 0)
        return rc;
    rc = srt_opts_int(opts, "maxFilesPerTrigger", 0, 1, &f->max_files, err);
    if (rc < 0)
        return rc;
    if ((rc = srt_opts_bool(opts, "latestFirst", 0, &f->latest_first, err)) < 0)
        return rc;
    const char *age = srt_opts_get(opts, "maxFileAge");
    int64_t age_us = 7LL * 86400 * 1000000;
    if (age && srt_parse_duration_us(age, &age_us) < 0)
        return srt_err_set(err, SRT_ERR_OPTION, "source '%s': invalid maxFileAge '%s'", s->name, age);
    f->max_age_ns = age_us * 1000;
    f->purge_ns = INT64_MIN;
    f->latest_ns = INT64_MIN;
    size_t n = strlen(path);
    f->dir = srt_mem_alloc(f->mem, n + 1);
    if (!f->dir)
        return srt_err_nomem(err, "files source");
    memcpy(f->dir, path, n + 1);
    f->seen = srt_agg_new(f->mem, 0);
    if (!f->seen)
        return srt_err_nomem(err, "files source");
    struct stat st;
    if (stat(path, &st) < 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return srt_err_set(err, SRT_ERR_IO, "Path does not exist: %s", path);
        return srt_err_set(err, SRT_ERR_IO, "cannot access %s: %s", path, strerror(errno));
    }
    if (!S_ISDIR(st.st_mode))
        return srt_err_set(err, SRT_ERR_IO, "Path is not a directory: %s", path);
    char abs[PATH_MAX];
    if (realpath(path, abs)) {
        size_t an = strlen(abs);
        f->abs = srt_mem_alloc(f->mem, an + 1);
        if (!f->abs)
            return srt_err_nomem(err, "files source");
        memcpy(f->abs, abs, an + 1);
    }
    return 0;
}

/* Add new regular, non-hidden files of the directory to the pending list. */
static int list_dir(Files *f, SrtErr *err)
{
    struct stat dst;
    if (stat(f->dir, &dst) < 0)
        return srt_err_set(err, SRT_ERR_IO, "Path does not exist: %s", f->dir);
    int64_t now = srt_now_us();
    int64_t mt_us = (int64_t)dst.st_mtim.tv_sec * 1000000 + dst.st_mtim.tv_nsec / 1000;
    if (f->listed && dst.st_mtim.tv_sec == f->dir_mtime.tv_sec &&
        dst.st_mtim.tv_nsec == f->dir_mtime.tv_nsec && f->listed_at_us - mt_us > FILES_MTIME_MARGIN_US)
        return 0;
    DIR *d = opendir(f->dir);
    if (!d)
        return srt_err_set(err, SRT_ERR_IO, "cannot list %s: %s", f->dir, strerror(errno));
    size_t before = f->n_pending;
    int rc = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        const char *name = de->d_name;
        if (name[0] == '.' || name[0] == '_')
            continue;
        size_t len = strlen(name);
        uint64_t h = srt_hash(name, (uint32_t)len);
        if (srt_agg_lookup(f->seen, name, (uint32_t)len, h))
            continue;
        struct stat st;
        if (fstatat(dirfd(d), name, &st, 0) < 0 || !S_ISREG(st.st_mode))
            continue;
        uint8_t *unused;
        char *copy = srt_mem_alloc(f->mem, len + 1);
        if (!copy || srt_mem_grow(f->mem, (void **)&f->pending, &f->cap_pending, sizeof(FileEnt),
                                  f->n_pending + 1) < 0 ||
            srt_agg_find_or_add(f->seen, name, (uint32_t)len, h, &unused) < 0) {
            srt_mem_free(f->mem, copy, len + 1);
            rc = srt_err_nomem(err, "file listing");
            break;
        }
        memcpy(copy, name, len + 1);
        FileEnt *e = &f->pending[f->n_pending++];
        e->name = copy;
        e->name_len = len;
        e->mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    }
    closedir(d);
    if (rc < 0)
        return rc;
    f->listed = 1;
    f->dir_mtime = dst.st_mtim;
    f->listed_at_us = now;
    if (f->n_pending > before)
        qsort(f->pending + f->head, f->n_pending - f->head, sizeof(FileEnt),
              f->latest_first ? ent_desc : ent_asc);
    return 0;
}

static int files_snapshot(SrtSource *s, SrtErr *err)
{
    Files *f = s->impl;
    f->listed = 0;
    int rc = list_dir(f, err);
    if (rc < 0)
        return rc;
    f->snapshot = 1;
    f->snapshot_left = f->n_pending - f->head;
    return 0;
}

static int files_plan(SrtSource *s, SrtReadLimit lim, SrtBuf *end, int *has_data, SrtErr *err)
{
    Files *f = s->impl;
    *has_data = 0;
    if (!f->snapshot) {
        int rc = list_dir(f, err);
        if (rc < 0)
            return rc;
    }
    /* Drop pending files that fell behind maxFileAge (oldest first in the usual order). */
    while (f->head < f->n_pending && f->pending[f->head].mtime_ns < f->purge_ns) {
        free_ents(f->mem, f->pending, f->head, f->head + 1);
        f->head++;
        if (f->snapshot && f->snapshot_left > 0)
            f->snapshot_left--;
    }
    size_t avail = f->snapshot ? f->snapshot_left : f->n_pending - f->head;
    if (avail == 0)
        return 0;
    size_t take = avail;
    if (lim == SRT_LIMIT_DEFAULT && f->max_files > 0 && (uint64_t)f->max_files < take)
        take = (size_t)f->max_files;
    free_ents(f->mem, f->batch, 0, f->n_batch);
    f->n_batch = 0;
    /* Everything that can fail comes before the state changes. */
    if (srt_mem_grow(f->mem, (void **)&f->batch, &f->cap_batch, sizeof(FileEnt), take) < 0)
        return srt_err_nomem(err, "file batch");
    srt_buf_clear(end);
    srt_buf_printf(end, "{\"logOffset\":%lld}", (long long)f->log_offset + 1);
    if (end->oom)
        return srt_err_nomem(err, "offsets");
    memcpy(f->batch, f->pending + f->head, take * sizeof(FileEnt));
    f->n_batch = take;
    for (size_t i = 0; i < take; i++)
        if (f->batch[i].mtime_ns > f->latest_ns)
            f->latest_ns = f->batch[i].mtime_ns;
    if (!(f->latest_first && f->max_files > 0))
        f->purge_ns = f->latest_ns - f->max_age_ns;
    f->head += take;
    if (f->snapshot)
        f->snapshot_left -= take;
    if (f->head == f->n_pending)
        f->head = f->n_pending = 0;
    else if (f->head > 1024 && f->head * 2 > f->n_pending) { /* compact the pending list */
        memmove(f->pending, f->pending + f->head, (f->n_pending - f->head) * sizeof(FileEnt));
        f->n_pending -= f->head;
        f->head = 0;
    }
    f->log_offset++;
    *has_data = 1;
    return 0;
}

static int read_file(Files *f, const FileEnt *e, SrtReadFn fn, void *ctx, SrtErr *err)
{
    SrtBuf path;
    srt_buf_init(&path, f->mem);
    srt_buf_puts(&path, f->dir);
    srt_buf_putc(&path, '/');
    srt_buf_put(&path, e->name, e->name_len);
    if (path.oom) {
        srt_buf_free(&path);
        return srt_err_nomem(err, "file path");
    }
    int rc = 0;
    int fd = open(path.p, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) {
        rc = srt_err_set(err, SRT_ERR_IO, "cannot read %s: %s", path.p, strerror(errno));
    } else if (st.st_size == 0) {
        rc = fn(ctx, path.p, "", 0);
    } else {
        size_t size = (size_t)st.st_size;
        void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map == MAP_FAILED) {
            rc = srt_err_set(err, SRT_ERR_IO, "cannot map %s: %s", path.p, strerror(errno));
        } else {
            madvise(map, size, MADV_SEQUENTIAL);
            const char *data = map;
            if (f->skip_header) {
                const char *nl = memchr(data, '\n', size);
                data = nl ? nl + 1 : data + size;
            }
            rc = fn(ctx, path.p, data, size - (size_t)(data - (const char *)map));
            munmap(map, size);
        }
    }
    if (fd >= 0)
        close(fd);
    srt_buf_free(&path);
    return rc;
}

static int files_read(SrtSource *s, const char *start, const char *end, SrtReadFn fn, void *ctx,
                      SrtErr *err)
{
    SRT_UNUSED(start);
    Files *f = s->impl;
    char want[48];
    snprintf(want, sizeof want, "{\"logOffset\":%lld}", (long long)f->log_offset);
    if (!end || strcmp(end, want) != 0)
        return srt_err_set(err, SRT_ERR_QUERY, "files source: offset %s was not planned (have %s)",
                           end ? end : "null", want);
    for (size_t i = 0; i < f->n_batch; i++) {
        int rc = read_file(f, &f->batch[i], fn, ctx, err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int files_commit(SrtSource *s, const char *end, SrtErr *err)
{
    SRT_UNUSED(end);
    SRT_UNUSED(err);
    Files *f = s->impl;
    free_ents(f->mem, f->batch, 0, f->n_batch);
    f->n_batch = 0;
    return 0;
}

static void files_close(SrtSource *s)
{
    Files *f = s->impl;
    if (!f)
        return;
    free_ents(f->mem, f->pending, f->head, f->n_pending);
    free_ents(f->mem, f->batch, 0, f->n_batch);
    srt_mem_free(f->mem, f->pending, f->cap_pending * sizeof(FileEnt));
    srt_mem_free(f->mem, f->batch, f->cap_batch * sizeof(FileEnt));
    srt_agg_free(f->seen);
    if (f->dir)
        srt_mem_free(f->mem, f->dir, strlen(f->dir) + 1);
    if (f->abs)
        srt_mem_free(f->mem, f->abs, strlen(f->abs) + 1);
    srt_mem_free(f->mem, f, sizeof *f);
    s->impl = NULL;
}

static void files_describe(SrtSource *s, SrtBuf *out)
{
    Files *f = s->impl;
    srt_buf_printf(out, "FileStreamSource[file:%s]", f->abs ? f->abs : f->dir);
}

const SrtSourceVt srt_source_files_vt = {
    .connector = "files",
    .open = files_open,
    .snapshot = files_snapshot,
    .plan = files_plan,
    .read = files_read,
    .commit = files_commit,
    .close = files_close,
    .describe = files_describe,
};
