/* srt_sink_files.c - the `files` sink: each batch's rows as one JSON Lines or CSV file in a
** directory, as Spark's FileStreamSink writes them (append mode only; the compiler refuses
** the others).
**
** Options: path (required; created with its parents when missing), format json | csv
** (default json), and for csv header (false), sep (","), quote ("\""), escape ("\\"),
** ignoreLeadingWhiteSpace / ignoreTrailingWhiteSpace (true).  The text of the rows comes
** from srt_write.c.
**
** Files: one per batch and partition (sluice has one partition, 00000), named
** part-00000-<batch id, 19 digits>.json|.csv, so re-running a batch after a crash
** overwrites the same file and names sort in batch order.  A batch with no rows writes no
** file.  A file is written under a hidden temporary name in the same directory
** (".part-...tmp": the files source ignores names starting with '.' or '_'), fsync'd,
** renamed into place and the directory fsync'd, so a reader never sees a partial file;
** on any failure the temporary file is removed.
** TODO(exactly-once): Spark records each batch's files in <path>/_spark_metadata/<batchId>
** and skips batches already recorded there; that log arrives with checkpoints.
*/
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "srt_int.h"

/* Text is handed to write(2) whenever this much has accumulated. */
#define FILES_FLUSH_BYTES ((size_t)1 << 20)

typedef struct FileSink {
    char *path; /* owned: the path option as given */
    size_t path_size;
    int csv;    /* format = csv (else json) */
    int header; /* csv: column names first in every file */
    SrtCsvStyle style;
    SrtBuf text; /* the rows not yet written */
    SrtBuf tmp_name, final_name;
} FileSink;

/* ==== Directories ==== */

/* fsync a directory so a name created or renamed in it survives a crash. */
static int sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    int saved = errno;
    close(fd);
    errno = saved;
    return rc;
}

/* mkdir -p path (a writable copy); each directory created is synced into its parent. */
static int make_dirs(SrtSink *k, char *path, SrtErr *err)
{
    struct stat st;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return 0;
        return srt_err_set(err, SRT_ERR_IO, "files sink '%s': path '%s' is not a directory",
                           k->name, path);
    }
    size_t n = strlen(path);
    for (size_t i = 1; i <= n; i++) {
        if (i < n && path[i] != '/')
            continue;
        if (path[i - 1] == '/')
            continue;
        char saved = path[i];
        path[i] = '\0';
        int rc = mkdir(path, 0777);
        int e = errno;
        if (rc == 0) {
            /* The new name lives in its parent: sync the parent ("." for a relative name). */
            char *slash = strrchr(path, '/');
            if (slash && slash != path) {
                *slash = '\0';
                sync_dir(path);
                *slash = '/';
            } else {
                sync_dir(slash ? "/" : ".");
            }
        } else if (e != EEXIST) {
            int r =
                srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot create directory '%s': %s",
                            k->name, path, strerror(e));
            path[i] = saved;
            return r;
        }
        path[i] = saved;
    }
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return srt_err_set(err, SRT_ERR_IO, "files sink '%s': path '%s' is not a directory",
                           k->name, path);
    return 0;
}

/* ==== Open and close ==== */

static int files_open(SrtSink *k, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    FileSink *f = srt_mem_calloc(k->mem, sizeof *f);
    if (!f)
        return srt_err_nomem(err, "files sink");
    k->impl = f;
    srt_buf_init(&f->text, k->mem);
    srt_buf_init(&f->tmp_name, k->mem);
    srt_buf_init(&f->final_name, k->mem);

    const char *path = srt_opts_get(opts, "path");
    if (!path || !*path)
        return srt_err_set(err, SRT_ERR_OPTION, "files sink '%s': option 'path' is required",
                           k->name);
    const char *fmt = srt_opts_get(opts, "format");
    if (!fmt || srt_str_ieq(fmt, "json"))
        f->csv = 0;
    else if (srt_str_ieq(fmt, "csv"))
        f->csv = 1;
    else
        return srt_err_set(err, SRT_ERR_OPTION,
                           "files sink '%s': format '%s' is not supported (json or csv)", k->name,
                           fmt);
    int rc;
    if ((rc = srt_opts_bool(opts, "header", 0, &f->header, err)) < 0)
        return rc;
    if ((rc = srt_csv_style_from_opts(opts, &f->style, err)) < 0)
        return rc;
    if (f->csv) {
        for (uint32_t i = 0; i < schema->n_cols; i++) {
            const SrtColumn *c = &schema->cols[i];
            if (c->hidden || srt_csv_supports(c->type))
                continue;
            SrtBuf tn;
            srt_buf_init(&tn, k->mem);
            srt_type_print(c->type, &tn);
            rc = tn.oom ? srt_err_nomem(err, "files sink")
                        : srt_err_set(err, SRT_ERR_OPTION,
                                      "CSV data source does not support %s data type.", tn.p);
            srt_buf_free(&tn);
            return rc;
        }
    }
    f->path_size = strlen(path) + 1;
    f->path = srt_mem_alloc(k->mem, f->path_size);
    if (!f->path)
        return srt_err_nomem(err, "files sink");
    memcpy(f->path, path, f->path_size);
    /* Strip trailing slashes ("out/" -> "out"), keeping "/" itself. */
    for (size_t n = f->path_size - 1; n > 1 && f->path[n - 1] == '/'; n--)
        f->path[n - 1] = '\0';
    return make_dirs(k, f->path, err);
}

static void files_close(SrtSink *k)
{
    FileSink *f = k->impl;
    if (!f)
        return;
    srt_buf_free(&f->text);
    srt_buf_free(&f->tmp_name);
    srt_buf_free(&f->final_name);
    if (f->path)
        srt_mem_free(k->mem, f->path, f->path_size);
    srt_mem_free(k->mem, f, sizeof *f);
    k->impl = NULL;
}

static void files_describe(SrtSink *k, SrtBuf *out)
{
    FileSink *f = k->impl;
    srt_buf_printf(out, "FileSink[%s]", f && f->path ? f->path : "?");
}

/* ==== Writing a batch ==== */

/* Write all of buf to fd. 0 or -1 (errno set). */
static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (w == 0) {
            errno = EIO;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static void put_line(FileSink *f, const SrtSchema *schema, const SrtDatum *row)
{
    if (f->csv)
        srt_write_csv_row(schema, row, &f->style, &f->text);
    else
        srt_write_json_row(schema, row, &f->text);
    srt_buf_putc(&f->text, '\n');
}

/* A failed write: close and remove the temporary file; the error names the final file. */
static int write_failed(SrtSink *k, int fd, const char *tmp_name, const char *final_name,
                        const char *what, SrtErr *err)
{
    int e = errno;
    if (fd >= 0)
        close(fd);
    unlink(tmp_name);
    return srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot %s '%s': %s", k->name, what,
                       final_name, strerror(e));
}

static int files_write(SrtSink *k, int64_t batch_id, SrtDatum *const *rows, size_t n_rows,
                       const SrtSchema *schema, SrtErr *err)
{
    FileSink *f = k->impl;
    if (n_rows == 0)
        return 0;
    const char *ext = f->csv ? "csv" : "json";
    srt_buf_clear(&f->tmp_name);
    srt_buf_clear(&f->final_name);
    srt_buf_printf(&f->final_name, "%s/part-00000-%019" PRId64 ".%s", f->path, batch_id, ext);
    srt_buf_printf(&f->tmp_name, "%s/.part-00000-%019" PRId64 ".%s.tmp", f->path, batch_id, ext);
    if (f->final_name.oom || f->tmp_name.oom)
        return srt_err_nomem(err, "files sink");
    const char *final_name = f->final_name.p, *tmp_name = f->tmp_name.p;

    /* The directory may have been removed since the last batch. */
    int rc = make_dirs(k, f->path, err);
    if (rc < 0)
        return rc;
    int fd = open(tmp_name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        return srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot create '%s': %s", k->name,
                           tmp_name, strerror(errno));
    srt_buf_clear(&f->text);
    if (f->csv && f->header) {
        srt_write_csv_header(schema, &f->style, &f->text);
        srt_buf_putc(&f->text, '\n');
    }
    for (size_t r = 0; r < n_rows && !f->text.oom; r++) {
        put_line(f, schema, rows[r]);
        if (f->text.n >= FILES_FLUSH_BYTES && !f->text.oom) {
            if (write_all(fd, f->text.p, f->text.n) < 0)
                return write_failed(k, fd, tmp_name, final_name, "write", err);
            srt_buf_clear(&f->text);
        }
    }
    if (f->text.oom) {
        close(fd);
        unlink(tmp_name);
        srt_buf_free(&f->text);
        return srt_err_nomem(err, "files sink");
    }
    if (f->text.n > 0 && write_all(fd, f->text.p, f->text.n) < 0)
        return write_failed(k, fd, tmp_name, final_name, "write", err);
    if (fsync(fd) < 0)
        return write_failed(k, fd, tmp_name, final_name, "sync", err);
    if (close(fd) < 0)
        return write_failed(k, -1, tmp_name, final_name, "close", err);
    if (rename(tmp_name, final_name) < 0) {
        int e = errno;
        unlink(tmp_name);
        return srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot rename '%s' to '%s': %s",
                           k->name, tmp_name, final_name, strerror(e));
    }
    if (sync_dir(f->path) < 0)
        return srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot sync directory '%s': %s",
                           k->name, f->path, strerror(errno));
    /* Keep one large batch's buffer from pinning memory for the life of the query. */
    if (f->text.cap > FILES_FLUSH_BYTES * 2)
        srt_buf_free(&f->text);
    return 0;
}

const SrtSinkVt srt_sink_files_vt = {
    .connector = "files",
    .open = files_open,
    .write = files_write,
    .close = files_close,
    .describe = files_describe,
};
