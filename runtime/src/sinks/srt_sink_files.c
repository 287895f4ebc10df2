/* srt_sink_files.c - the `files` sink: each batch's rows as one JSON Lines or CSV file in a
** directory, as Spark's FileStreamSink writes them (append mode only; the compiler refuses
** the others), exactly once across restarts through Spark's manifest log.
**
** Options: path (required; created with its parents when missing), format json | csv
** (default json), and for csv header (false), sep (","), quote ("\""), escape ("\\"),
** ignoreLeadingWhiteSpace / ignoreTrailingWhiteSpace (true); for both timestampNTZFormat
** (TIMESTAMP_NTZ values with that pattern).  The text of the rows comes from srt_write.c.
**
** Files: one per batch and partition (sluice has one partition, 00000), named
** part-00000-<batch id, 19 digits>.json|.csv, so re-running a batch after a crash
** overwrites the same file and names sort in batch order.  (Spark's
** ManifestFileCommitProtocol.newTaskTempFile names them part-<split>-<random uuid><ext>,
** so a re-run leaves its failed attempt's file behind, unlisted; sluice needs no uuid to
** keep writers apart because one query only writes a directory, see below.)  A batch
** with no rows writes no part file.  A part file is written under a hidden temporary name in the
** same directory
** (".part-...tmp": the files source ignores names starting with '.' or '_'), fsync'd,
** renamed into place (replacing, atomically, the file of a failed attempt of the same
** batch) and the directory fsync'd, so a reader never sees a partial file; on any failure
** the temporary file is removed.
**
** The manifest (Spark's ManifestFileCommitProtocol + FileStreamSinkLog): once a batch's
** part file is durable, <path>/_spark_metadata/<batch id> is written atomically with
** srt_ckpt_write_file (so it also carries the checkpoint checksum trailer):
**     v1
**     {"path":"file:///abs/out/part-00000-0000000000000000003.json","size":123,
**      "isDir":false,"modificationTime":<ms>,"blockReplication":1,"blockSize":33554432,
**      "action":"add"}
** one line per part file of the batch, every line ending with '\n' (Spark writes none
** after the last line; here the checksum trailer "#crc32c <hex> <length>" follows on its own
** line, so a reader skips lines starting with '#'); a batch with no rows writes an entry
** holding only "v1".  Paths are absolute file:// URIs of the directory's real path
** (realpath when the sink opens: symbolic links and ".." resolved as the kernel resolves
** them, so the URI names the file written), quoted as java.net.URI quotes a path (space,
** '%', '#', '?' ... percent-encoded; non-ASCII characters kept: srt_fs_put_uri_path).  That entry
** is the batch's
** commit: open finds the newest entry (names made only of digits) and write() skips every
** batch id at or below it (Spark's "Skipping already committed batch N", silently here),
** so a batch re-run after a crash neither duplicates nor loses output.
** A part file without its entry belongs to an attempt that died before committing; the
** re-run of that batch replaces it (or removes it when the re-run has no rows).
**
** READERS of the directory must take only the files listed in _spark_metadata (as Spark's
** batch and streaming readers do), never a directory listing: a listing may show the part
** file of a batch that was never committed.
**
** open reads every entry of _spark_metadata: one that is torn or corrupt (bad checksum, no
** "v1" first line, a line that is not a file entry) is an error naming the file, never
** skipped.  Stale hidden temporary part files of crashed attempts are removed at open.
** No compaction: there is one entry per batch (Spark compacts every 10 into N.compact).
**
** A batch query (SrtSink.batch) writes as Spark's DataFrameWriter.save does, no manifest:
** SaveMode (the query's `mode`) decides at open what an existing path means — errorifexists
** (the default: Spark's PATH_ALREADY_EXISTS), ignore (nothing is written), overwrite (the
** directory's files are removed first), append — and the rows go to one file
** part-00000-<uuid>-c000.json|.csv (an empty one when there are none, as Spark writes one
** file for an empty result), written durably as above, followed by an empty _SUCCESS file
** (synced; removed again when that fails, so no _SUCCESS marks a failed write complete).
**
** One writer: two queries writing one directory would overwrite each other's part files
** and entries of the same batch id, or skip each other's batches as committed.  The
** compiler refuses two queries into one files sink (or one path) in a file; across
** executables, _spark_metadata/query-id holds {"id":"<uuid>"} of the query that writes the
** directory (its checkpoint's id, see claim_dir) and open refuses any other query.
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "srt_int.h"

/* Text is handed to write(2) whenever this much has accumulated. */
#define FILES_FLUSH_BYTES ((size_t)1 << 20)
/* The manifest's directory under the output path, and its one log version. */
#define FILES_META_DIR "_spark_metadata"
#define FILES_META_VERSION "v1"
/* What Hadoop's local file system reports for every file (Spark writes it as is). */
#define FILES_BLOCK_SIZE 33554432
/* In the manifest's directory: the id of the one query that writes the sink, {"id":"<uuid>"}. */
#define FILES_OWNER "query-id"
/* The hidden temporary part file names: "." + part name + ".tmp". */
#define FILES_TMP_PREFIX ".part-00000-"
#define FILES_TMP_SUFFIX ".tmp"

typedef struct FileSink {
    char *path; /* owned: the path option as given, trailing slashes removed */
    size_t path_size;
    char *abs; /* owned: path made absolute and normalised, for the manifest's URIs */
    size_t abs_size;
    char *meta_dir; /* owned: <path>/_spark_metadata */
    size_t meta_dir_size;
    int64_t committed; /* newest batch id with a manifest entry; -1 none */
    int csv;           /* format = csv (else json) */
    int header;        /* csv: column names first in every file */
    SrtCsvStyle style; /* style.ntz_fmt: ntz below */
    char *ntz;         /* owned: the timestampNTZFormat option (json and csv), or NULL */
    size_t ntz_size;
    SrtBuf text; /* the rows not yet written; the manifest entry */
    SrtBuf tmp_name, final_name, meta_name;
    int ignore;  /* a batch write with SaveMode ignore to a path that exists: write nothing */
} FileSink;

/* ==== Directories ==== */

/* mkdir -p path; each directory created is synced into its parent.  Messages start with
   "files sink '<name>'". */
static int make_dirs(SrtSink *k, const char *path, SrtErr *err)
{
    char what[160];
    snprintf(what, sizeof what, "files sink '%.128s'", k->name);
    return srt_fs_mkdirs(path, what, err);
}

/* A copy of s in k's memory (*size receives the allocation's size), or NULL. */
static char *dup_str(SrtSink *k, const char *s, size_t n, size_t *size)
{
    char *p = srt_mem_alloc(k->mem, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    *size = n + 1;
    return p;
}

/* f->abs: the directory the kernel resolves the output path to (absolute, symbolic links
   and ".." resolved; called once it exists), so the manifest names the files where they
   are.  Hadoop's qualified Path would normalise the text instead: with "link/../out" where
   link is a symbolic link, Spark's manifest names a file that does not exist. */
static int make_abs(SrtSink *k, FileSink *f, SrtErr *err)
{
    char real[PATH_MAX];
    if (!realpath(f->path, real))
        return srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot resolve path '%s': %s",
                           k->name, f->path, strerror(errno));
    f->abs = dup_str(k, real, strlen(real), &f->abs_size);
    return f->abs ? 0 : srt_err_nomem(err, "files sink");
}

/* Append the file:// URI of dir/name (srt_fs_put_uri_path). */
static void put_uri(SrtBuf *b, const char *dir, const char *name)
{
    srt_buf_puts(b, "file://");
    srt_fs_put_uri_path(b, dir, strlen(dir));
    srt_buf_putc(b, '/');
    srt_fs_put_uri_path(b, name, strlen(name));
}

/* ==== The manifest ==== */

/* A batch id from a manifest file name made only of digits; -1 for any other name. */
static int64_t batch_of_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 18)
        return -1;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (name[i] < '0' || name[i] > '9')
            return -1;
        v = v * 10 + (name[i] - '0');
    }
    return v;
}

/* Why the text of a manifest entry is not one (NULL when it is): "v1", then one file
   entry, a JSON object with a path, per line. */
static const char *entry_problem(const char *t, size_t n)
{
    size_t vn = strlen(FILES_META_VERSION);
    if (memchr(t, '\0', n))
        return "it holds a NUL byte";
    if (n < vn || memcmp(t, FILES_META_VERSION, vn) != 0 || (n > vn && t[vn] != '\n'))
        return "the first line is not '" FILES_META_VERSION "'";
    /* Each line ends with '\n' (Spark's own entries have none after the last line). */
    for (size_t i = n > vn ? vn + 1 : vn; i < n;) {
        const char *line = t + i;
        const char *nl = memchr(line, '\n', n - i);
        size_t len = nl ? (size_t)(nl - line) : n - i;
        static const char key[] = "{\"path\":\"";
        if (len < sizeof key || memcmp(line, key, sizeof key - 1) != 0 || line[len - 1] != '}')
            return "a line is not a file entry ({\"path\":...})";
        i += len + (nl != NULL);
    }
    return NULL;
}

/* Prefix err's message with the sink's name; returns rc. */
static int sink_err(SrtSink *k, SrtErr *err, int rc)
{
    char why[sizeof err->msg];
    memcpy(why, err->msg, sizeof why);
    why[sizeof why - 1] = '\0';
    srt_err_set(err, rc < 0 ? -rc : SRT_ERR_IO, "files sink '%s': %s", k->name, why);
    return rc;
}

/* Read every entry of the manifest: f->committed becomes the newest batch id; a torn or
   corrupt entry is an error naming its file. */
static int scan_manifest(SrtSink *k, FileSink *f, SrtErr *err)
{
    f->committed = -1;
    DIR *d = opendir(f->meta_dir);
    if (!d) {
        if (errno == ENOENT)
            return 0;
        return srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot list '%s': %s", k->name,
                           f->meta_dir, strerror(errno));
    }
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        int64_t id = batch_of_name(e->d_name);
        if (id < 0)
            continue;
        srt_buf_clear(&f->meta_name);
        srt_buf_printf(&f->meta_name, "%s/%s", f->meta_dir, e->d_name);
        srt_buf_clear(&f->text);
        if (f->meta_name.oom) {
            rc = srt_err_nomem(err, "files sink");
            break;
        }
        rc = srt_ckpt_read_file(f->meta_name.p, &f->text, err);
        if (rc == 1) { /* gone since the listing */
            rc = 0;
            continue;
        }
        if (rc < 0) {
            rc = sink_err(k, err, rc);
            break;
        }
        const char *why = entry_problem(f->text.p ? f->text.p : "", f->text.n);
        if (why) {
            rc =
                srt_err_set(err, SRT_ERR_FORMAT, "files sink '%s': corrupt manifest entry '%s': %s",
                            k->name, f->meta_name.p, why);
            break;
        }
        if (id > f->committed)
            f->committed = id;
    }
    closedir(d);
    srt_buf_free(&f->text);
    return rc;
}

/* ==== The writing query ==== */

/* One query writes a sink directory (sluice's rule, see the top): the first query to open
   it records its id (the checkpoint's) in _spark_metadata/query-id; any other query is
   refused.  A directory with entries but no query-id (written before the rule, or by
   Spark) is claimed by the query that opens it.  Create-if-absent is one atomic link(),
   so two queries starting together cannot both claim it.  Without a checkpoint
   (k->query_id NULL) the id is new every run and nothing is checked. */
static int claim_dir(SrtSink *k, FileSink *f, SrtErr *err)
{
    if (!k->query_id)
        return 0;
    char want[64];
    int wn = snprintf(want, sizeof want, "{\"id\":\"%s\"}\n", k->query_id);
    srt_buf_clear(&f->meta_name);
    srt_buf_printf(&f->meta_name, "%s/" FILES_OWNER, f->meta_dir);
    if (f->meta_name.oom)
        return srt_err_nomem(err, "files sink");
    int rc = 1;
    for (int attempt = 0; attempt < 2 && rc == 1; attempt++) {
        rc = srt_ckpt_read_file(f->meta_name.p, &f->text, err);
        if (rc == 1) {
            int exists = 0;
            rc = srt_ckpt_create_file(f->meta_name.p, want, (size_t)wn, &exists, err);
            if (rc == 0 && exists)
                rc = 1; /* another query claimed it in between: read its id */
            else if (rc == 0)
                return 0;
        }
    }
    if (rc < 0)
        return sink_err(k, err, rc);
    if (rc == 1) /* created and removed again in between */
        return srt_err_set(err, SRT_ERR_IO, "files sink '%s': '%s' keeps changing", k->name,
                           f->meta_name.p);
    const char *t = f->text.p ? f->text.p : "";
    size_t tn = f->text.n;
    if (tn == (size_t)wn && memcmp(t, want, tn) == 0) {
        srt_buf_free(&f->text);
        return 0;
    }
    while (tn > 0 && t[tn - 1] == '\n')
        tn--;
    rc = srt_err_set(err, SRT_ERR_QUERY,
                     "files sink '%s': '%s' is written by another query (%s holds %.*s; this "
                     "query's id is %s): two queries cannot write one directory. Write to "
                     "another path, or, if the query's checkpoint was replaced, remove the "
                     "directory to start its output again",
                     k->name, f->path, f->meta_name.p, (int)(tn > 60 ? 60 : tn),
                     t, k->query_id);
    srt_buf_free(&f->text);
    return rc;
}

/* Is name a temporary file of a crashed attempt: ".part-00000-<...>.tmp" in the output
   directory (meta 0), ".<digits>.tmp-<pid>" or ".query-id.tmp-<pid>" of srt_ckpt_write_file
   in the manifest's? */
static int is_stale_temp(const char *name, int meta)
{
    size_t n = strlen(name);
    if (!meta) {
        size_t pn = strlen(FILES_TMP_PREFIX), sn = strlen(FILES_TMP_SUFFIX);
        return n > pn + sn && memcmp(name, FILES_TMP_PREFIX, pn) == 0 &&
               memcmp(name + n - sn, FILES_TMP_SUFFIX, sn) == 0;
    }
    size_t bn = srt_fs_temp_base(name);
    if (!bn)
        return 0;
    if (bn == strlen(FILES_OWNER) && memcmp(name + 1, FILES_OWNER, bn) == 0)
        return 1;
    return strspn(name + 1, "0123456789") == bn;
}

/* Remove the hidden temporary files crashed attempts left in dir (meta: the manifest's). */
static void remove_stale_temps(const char *dir, int meta)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    int removed = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (is_stale_temp(e->d_name, meta) && unlinkat(dirfd(d), e->d_name, 0) == 0)
            removed = 1;
    closedir(d);
    if (removed)
        srt_fs_sync_dir(dir);
}

/* ==== Open and close ==== */

/* ==== A batch write (DataFrameWriter.save) ==== */

static int write_part(SrtSink *k, FileSink *f, SrtDatum *const *rows, size_t n_rows,
                      const SrtSchema *schema, struct stat *st, SrtErr *err);

/* Remove the files of dir (SaveMode overwrite): regular files and symbolic links only; a
   subdirectory is an error (sluice never writes one). */
static int clear_dir(SrtSink *k, const char *dir, SrtErr *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot list '%s': %s", k->name, dir,
                           strerror(errno));
    struct dirent *de;
    int rc = 0;
    while (rc == 0 && (de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        struct stat st;
        if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode))
            rc = srt_err_set(err, SRT_ERR_IO,
                             "files sink '%s': cannot overwrite '%s': it holds the directory '%s'",
                             k->name, dir, de->d_name);
        else if (unlinkat(dirfd(d), de->d_name, 0) < 0 && errno != ENOENT)
            rc = srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot remove '%s/%s': %s",
                             k->name, dir, de->d_name, strerror(errno));
    }
    closedir(d);
    if (rc == 0 && srt_fs_sync_dir(dir) < 0)
        rc = srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot sync directory '%s': %s",
                         k->name, dir, strerror(errno));
    return rc;
}

/* SaveMode against an existing path (Spark's InsertIntoHadoopFsRelationCommand). */
static int batch_open(SrtSink *k, FileSink *f, SrtErr *err)
{
    const char *mode = k->save_mode ? k->save_mode : "errorifexists";
    struct stat st;
    int exists = stat(f->path, &st) == 0;
    if (!exists && errno != ENOENT)
        return srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot stat '%s': %s", k->name,
                           f->path, strerror(errno));
    int rc;
    if (exists && !S_ISDIR(st.st_mode))
        return srt_err_set(err, SRT_ERR_IO, "files sink '%s': '%s' is not a directory", k->name,
                           f->path);
    if (exists && (srt_str_ieq(mode, "errorifexists") || srt_str_ieq(mode, "error") ||
                   srt_str_ieq(mode, "default"))) {
        if ((rc = make_abs(k, f, err)) < 0)
            return rc;
        return srt_err_set(err, SRT_ERR_IO,
                           "[PATH_ALREADY_EXISTS] Path file:%s already exists. Set mode as "
                           "\"overwrite\" to overwrite the existing path.",
                           f->abs);
    }
    if (exists && srt_str_ieq(mode, "ignore")) {
        f->ignore = 1;
        return 0;
    }
    if (exists && srt_str_ieq(mode, "overwrite") && (rc = clear_dir(k, f->path, err)) < 0)
        return rc;
    if ((rc = make_dirs(k, f->path, err)) < 0 || (rc = make_abs(k, f, err)) < 0)
        return rc;
    remove_stale_temps(f->path, 0);
    return 0;
}

/* The result as part-00000-<uuid>-c000.<ext>, then _SUCCESS. */
static int batch_write(SrtSink *k, FileSink *f, SrtDatum *const *rows, size_t n_rows,
                       const SrtSchema *schema, SrtErr *err)
{
    if (f->ignore)
        return 0;
    char uuid[37];
    srt_uuid4(uuid);
    srt_buf_clear(&f->tmp_name);
    srt_buf_clear(&f->final_name);
    srt_buf_printf(&f->final_name, "%s/part-00000-%s-c000.%s", f->path, uuid, f->csv ? "csv" : "json");
    srt_buf_printf(&f->tmp_name, "%s/.part-00000-%s-c000" FILES_TMP_SUFFIX, f->path, uuid);
    if (f->final_name.oom || f->tmp_name.oom)
        return srt_err_nomem(err, "files sink");
    struct stat st;
    int rc = write_part(k, f, rows, n_rows, schema, &st, err);
    if (rc < 0)
        return rc;
    srt_buf_clear(&f->final_name);
    srt_buf_printf(&f->final_name, "%s/_SUCCESS", f->path);
    if (f->final_name.oom)
        return srt_err_nomem(err, "files sink");
    int fd = open(f->final_name.p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        return srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot write '%s': %s", k->name,
                           f->final_name.p, strerror(errno));
    int synced = fsync(fd) == 0, e = errno;
    if (close(fd) < 0 && synced) {
        synced = 0;
        e = errno;
    }
    if (synced && srt_fs_sync_dir(f->path) == 0)
        return 0;
    if (synced)
        e = errno;
    /* A failed write leaves no _SUCCESS claiming the output complete. */
    unlink(f->final_name.p);
    return srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot write '%s': %s", k->name,
                       f->final_name.p, strerror(e));
}

static int files_open(SrtSink *k, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    FileSink *f = srt_mem_calloc(k->mem, sizeof *f);
    if (!f)
        return srt_err_nomem(err, "files sink");
    k->impl = f;
    f->committed = -1;
    srt_buf_init(&f->text, k->mem);
    srt_buf_init(&f->tmp_name, k->mem);
    srt_buf_init(&f->final_name, k->mem);
    srt_buf_init(&f->meta_name, k->mem);

    const char *path = srt_opts_get(opts, "path");
    if (!path || !*path)
        return srt_err_set(err, SRT_ERR_OPTION, "files sink '%s': option 'path' is required",
                           k->name);
    const char *fmt = srt_opts_value(opts, "format");
    if (!fmt || srt_str_ieq(fmt, "json"))
        f->csv = 0;
    else if (srt_str_ieq(fmt, "csv"))
        f->csv = 1;
    else
        return srt_err_set(err, SRT_ERR_OPTION,
                           "files sink '%s': format '%s' is not supported (json or csv)", k->name,
                           fmt);
    int rc;
    if ((rc = srt_opts_bool(opts, "header", &f->header, err)) < 0)
        return rc;
    if ((rc = srt_csv_style_from_opts(opts, &f->style, err)) < 0)
        return rc;
    const char *ntz = srt_opts_value(opts, "timestampNTZFormat");
    if (ntz) { /* JSONOptions, CSVOptions: timestampNTZFormatInWrite */
        if (!(f->ntz = dup_str(k, ntz, strlen(ntz), &f->ntz_size)))
            return srt_err_nomem(err, "files sink");
        f->style.ntz_fmt = f->ntz;
        f->style.ntz_n = (uint32_t)strlen(ntz);
    }
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
    f->path = dup_str(k, path, strlen(path), &f->path_size);
    if (!f->path)
        return srt_err_nomem(err, "files sink");
    /* Strip trailing slashes ("out/" -> "out"), keeping "/" itself. */
    for (size_t n = f->path_size - 1; n > 1 && f->path[n - 1] == '/'; n--)
        f->path[n - 1] = '\0';
    if (k->batch)
        return batch_open(k, f, err);
    SrtBuf md;
    srt_buf_init(&md, k->mem);
    srt_buf_printf(&md, "%s%s" FILES_META_DIR, f->path, strcmp(f->path, "/") ? "/" : "");
    f->meta_dir = md.oom ? NULL : dup_str(k, md.p, md.n, &f->meta_dir_size);
    srt_buf_free(&md);
    if (!f->meta_dir)
        return srt_err_nomem(err, "files sink");
    if ((rc = make_dirs(k, f->path, err)) < 0 || (rc = make_abs(k, f, err)) < 0 ||
        (rc = make_dirs(k, f->meta_dir, err)) < 0 || (rc = scan_manifest(k, f, err)) < 0 ||
        (rc = claim_dir(k, f, err)) < 0)
        return rc;
    remove_stale_temps(f->path, 0);
    remove_stale_temps(f->meta_dir, 1);
    return 0;
}

static void files_close(SrtSink *k)
{
    FileSink *f = k->impl;
    if (!f)
        return;
    srt_buf_free(&f->text);
    srt_buf_free(&f->tmp_name);
    srt_buf_free(&f->final_name);
    srt_buf_free(&f->meta_name);
    if (f->path)
        srt_mem_free(k->mem, f->path, f->path_size);
    if (f->abs)
        srt_mem_free(k->mem, f->abs, f->abs_size);
    if (f->meta_dir)
        srt_mem_free(k->mem, f->meta_dir, f->meta_dir_size);
    if (f->ntz)
        srt_mem_free(k->mem, f->ntz, f->ntz_size);
    srt_mem_free(k->mem, f, sizeof *f);
    k->impl = NULL;
}

static void files_describe(SrtSink *k, SrtBuf *out)
{
    FileSink *f = k->impl;
    srt_buf_printf(out, "FileSink[%s]", f && f->path ? f->path : "?");
}

/* ==== Writing a batch ==== */

static void put_line(FileSink *f, const SrtSchema *schema, const SrtDatum *row)
{
    if (f->csv)
        srt_write_csv_row(schema, row, &f->style, &f->text);
    else
        srt_write_json_row_ntz(schema, row, f->style.ntz_fmt, f->style.ntz_n, &f->text);
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

/* Write the batch's part file durably under final_name; *st receives its status. */
static int write_part(SrtSink *k, FileSink *f, SrtDatum *const *rows, size_t n_rows,
                      const SrtSchema *schema, struct stat *st, SrtErr *err)
{
    const char *final_name = f->final_name.p, *tmp_name = f->tmp_name.p;
    int fd = srt_fs_create_temp(tmp_name, 0666);
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
            if (srt_fs_write_all(fd, f->text.p, f->text.n) < 0)
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
    if (f->text.n > 0 && srt_fs_write_all(fd, f->text.p, f->text.n) < 0)
        return write_failed(k, fd, tmp_name, final_name, "write", err);
    if (fsync(fd) < 0)
        return write_failed(k, fd, tmp_name, final_name, "sync", err);
    if (fstat(fd, st) < 0)
        return write_failed(k, fd, tmp_name, final_name, "stat", err);
    if (close(fd) < 0)
        return write_failed(k, -1, tmp_name, final_name, "close", err);
    /* Replaces, atomically, the part file of an attempt of this batch that never committed. */
    if (rename(tmp_name, final_name) < 0) {
        int e = errno;
        unlink(tmp_name);
        return srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot rename '%s' to '%s': %s",
                           k->name, tmp_name, final_name, strerror(e));
    }
    if (srt_fs_sync_dir(f->path) < 0)
        return srt_err_set(err, SRT_ERR_IO, "files sink '%s': cannot sync directory '%s': %s",
                           k->name, f->path, strerror(errno));
    return 0;
}

static int files_write(SrtSink *k, int64_t batch_id, SrtDatum *const *rows, size_t n_rows,
                       const SrtSchema *schema, SrtErr *err)
{
    FileSink *f = k->impl;
    if (k->batch)
        return batch_write(k, f, rows, n_rows, schema, err);
    /* Spark's "Skipping already committed batch N": its output is in the manifest. */
    if (batch_id <= f->committed)
        return 0;
    const char *ext = f->csv ? "csv" : "json";
    char name[64];
    snprintf(name, sizeof name, "part-00000-%019" PRId64 ".%s", batch_id, ext);
    srt_buf_clear(&f->tmp_name);
    srt_buf_clear(&f->final_name);
    srt_buf_clear(&f->meta_name);
    srt_buf_printf(&f->final_name, "%s/%s", f->path, name);
    srt_buf_printf(&f->tmp_name, "%s/.%s" FILES_TMP_SUFFIX, f->path, name);
    srt_buf_printf(&f->meta_name, "%s/%" PRId64, f->meta_dir, batch_id);
    if (f->final_name.oom || f->tmp_name.oom || f->meta_name.oom)
        return srt_err_nomem(err, "files sink");

    /* The directories may have been removed since the last batch. */
    int rc = make_dirs(k, f->path, err);
    if (rc < 0 || (rc = make_dirs(k, f->meta_dir, err)) < 0)
        return rc;
    struct stat st;
    if (n_rows > 0) {
        if ((rc = write_part(k, f, rows, n_rows, schema, &st, err)) < 0)
            return rc;
    } else if (unlink(f->final_name.p) == 0) {
        /* An attempt of this batch that never committed wrote rows; this one has none. */
        srt_fs_sync_dir(f->path);
    }

    /* The manifest entry commits the batch. */
    srt_buf_clear(&f->text);
    srt_buf_puts(&f->text, FILES_META_VERSION "\n");
    if (n_rows > 0) {
        int64_t mtime_ms = (int64_t)st.st_mtim.tv_sec * 1000 + st.st_mtim.tv_nsec / 1000000;
        srt_buf_puts(&f->text, "{\"path\":\"");
        put_uri(&f->text, f->abs, name);
        srt_buf_printf(&f->text,
                       "\",\"size\":%" PRId64 ",\"isDir\":false,\"modificationTime\":%" PRId64
                       ",\"blockReplication\":1,\"blockSize\":%d,\"action\":\"add\"}\n",
                       (int64_t)st.st_size, mtime_ms, FILES_BLOCK_SIZE);
    }
    if (f->text.oom) {
        /* Not committed: the re-run would replace the part file; drop it now. */
        if (n_rows > 0 && unlink(f->final_name.p) == 0)
            srt_fs_sync_dir(f->path);
        return srt_err_nomem(err, "files sink");
    }
    /* On failure the part file stays: the entry may have been renamed into place before
       a later step failed, and an uncommitted part file is invisible to manifest readers. */
    if ((rc = srt_ckpt_write_file(f->meta_name.p, f->text.p, f->text.n, err)) < 0)
        return sink_err(k, err, rc);
    f->committed = batch_id;
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
    .v1 = 1,
};
