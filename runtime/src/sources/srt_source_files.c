/* srt_source_files.c - the `files` source connector: new files of a directory, oldest
** first (modification time, then name), at most maxFilesPerTrigger per batch, each file
** read once and handed on in buffers of whole lines: a file of FILES_MAP_MIN bytes or more is
** mapped (srt_map.c; cut shorter while mapped, it ends the process with an error naming it,
** the batch uncommitted), a smaller one read with pread into one reused buffer (a file
** truncated while it is read gives the bytes that are there).  Lines longer than
** SRT_LINE_MAX are an error.
**
** Options: path (a directory that must exist), format (json | csv | text; csv with
** header = true: the first line of every file that is not blank is skipped here, with the
** blank lines before it; with multiLine = true a file is handed over whole, its first record
** skipped, cm_csv_ml.h; with enforceSchema = false it is compared with the schema first,
** "The csv header check" below), maxFilesPerTrigger
** (positive integer), latestFirst (newest first), maxFileAge (default 7 days: once a batch
** has taken a file, files older than the newest taken modification time minus maxFileAge
** are skipped, as Spark's FileStreamSource does; not applied with latestFirst and
** maxFilesPerTrigger together).  Hidden files (leading '.' or '_') and
** anything that is not a regular file are ignored.  Re-listing is skipped while the
** directory's mtime is unchanged and old enough that no same-tick change can hide
** behind it, so polling every 10 ms costs one stat().  Offsets are {"logOffset":N},
** N counting planned batches from 0 as Spark's FileStreamSource does.
**
** Checkpoints (SrtSource.log_dir set): before plan() returns batch N it writes the source log
** entry <log_dir>/N (srt_ckpt_write_file, replacing a leftover of a crashed attempt), as
** Spark's FileStreamSourceLog: "v1" then one line per file
** {"path":"file:///abs/dir/f1.json","timestamp":<mtime ms>,"batchId":N}, the path
** quoted as a URI (srt_fs_put_uri_path).  restore({"logOffset":L}) reads entries 0..L (each must
** exist and
** be intact), marks their files seen, continues at L+1 and restores the newest modification
** time for maxFileAge (at millisecond precision).  read(start, end) serves the batch just
** planned from memory; any other range (a batch re-run after a restart) reads the files
** listed in the log entries after start up to end, so it yields exactly that batch's files
** whatever appeared since; a listed file that is gone is an error, as in Spark.  Only the
** latest batch's file list is held in memory.  Unlike Spark, entries are never compacted
** (no N.compact every 10 batches): restore reads every entry once.
*/
#define _GNU_SOURCE /* memrchr */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/cm_csv_lex.h"
#include "common/cm_csv_ml.h"
#include "common/cm_files.h"
#include "common/cm_json_lex.h"
#include "common/cm_utf8.h"
#include "srt_int.h"

/* A directory whose mtime is this much older than our last listing cannot have changed
   unseen within the same timestamp tick. */
#define FILES_MTIME_MARGIN_US 2000000
#define FILES_READ_SIZE ((size_t)1 << 20) /* the read buffer: one pread, small enough for L2 */

typedef struct FileEnt {
    char *name; /* owned, NUL-terminated */
    size_t name_len;
    int64_t mtime_ns;
} FileEnt;

/* enforceSchema = false (Spark's CSVHeaderChecker): the names each file's header must hold.
   full: no column is pruned, every field of the header is compared and their number must be
   n; else only the fields at pos (univocity's selectIndexes: a field past the header's end
   reads as nullValue). */
typedef struct HeaderCheck {
    int n;
    const char **names; /* borrowed: the schema's */
    int *pos;           /* owned: the header field each name is compared with */
    int full;
    int sep, quote, esc; /* cm_csv_lex.h's bytes */
    int trim_leading, trim_trailing;
    char *null_value, *empty_value; /* owned */
} HeaderCheck;

typedef struct Files {
    SrtMem *mem;
    char *dir;         /* owned: the path option as given */
    char *abs;         /* owned: its absolute form for describe() */
    int64_t max_files; /* 0: unlimited */
    int latest_first;
    int csv;            /* format csv: a UTF-8 byte order mark starting a file is dropped */
    int skip_header;    /* csv with header = true: the first line of each file is not data */
    char *line_sep;     /* owned: the lineSep option (SrtReadPos); NULL: not set */
    char *comment;      /* owned: csv's comment option, lines skipped before the header;
                           NULL: none */
    int sep_lf;         /* with lineSep, what a '\n' in a record becomes (cm_lines_sep's lf):
                           swapped with a sep of one byte for text and csv (cm_lines_swap),
                           read as Jackson reads it for JSON without a corrupt record column */
    int whole;          /* JSON with multiLine = true: a file is one record (cm_lines_whole) */
    int csv_ml;         /* csv with multiLine = true: a file is handed over whole, as it is,
                           its header the first record (cm_csv_ml.h) */
    CmCsvMl ml;         /* csv_ml: the syntax of its records (nl set per file unless lineSep
                           sets it) */
    HeaderCheck *check; /* owned: csv with enforceSchema = false; NULL: headers not checked */
    char *uri;          /* owned: the file being read as Spark names it (its source log URI) */
    int64_t max_age_ns; /* maxFileAge */
    int64_t purge_ns;   /* files older than this are skipped (INT64_MIN: none yet) */
    int64_t latest_ns;  /* newest modification time taken so far */
    char *rbuf;         /* owned: the read buffer, reused for every file (borrowed from
                           the lender while one is set) */
    size_t cap_rbuf;
    const SrtLender *lender; /* borrowed during files_read: SrtSource.lender */
    int part;                /* the file being read: its place in the batch's read order, the
                                partition Spark reads it in (SrtReadPos.partition) */
    SrtAggTable *seen;  /* names already listed (pending or taken) */
    FileEnt *pending;   /* listed, not yet taken, sorted; live part is [head, n) */
    size_t head, n_pending, cap_pending;
    FileEnt *batch; /* taken by the planned batch */
    size_t n_batch, cap_batch;
    int64_t log_offset; /* of the last planned batch; -1 before the first */
    int log_dir_made;   /* the source log directory exists */
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

static int ent_asc(const void *a, const void *b)
{
    const FileEnt *x = a, *y = b;
    return cm_file_order(x->mtime_ns, x->name, y->mtime_ns, y->name, false);
}

static int ent_desc(const void *a, const void *b)
{
    const FileEnt *x = a, *y = b;
    return cm_file_order(x->mtime_ns, x->name, y->mtime_ns, y->name, true);
}

/* A one-byte csv option (cg_text.c's option_char): its byte, 0xFF when empty, dflt when not
   set. */
static int opt_byte(const SrtOptions *opts, const char *key, int dflt)
{
    const char *v = srt_opts_value(opts, key);
    return !v ? dflt : *v ? (unsigned char)*v : 0xFF;
}

static bool opt_true(const SrtOptions *opts, const char *key)
{
    const char *v = srt_opts_value(opts, key);
    return v && srt_str_ieq(v, "true");
}

/* ==== The csv header check ====
** With header = true and enforceSchema = false, Spark 3.5's CSVHeaderChecker
** .checkHeaderColumnNames compares each file's header, tokenized by the reader's univocity
** parser, with the names of the schema it reads (CSVFileFormat.buildReader: the required
** schema when columns are pruned, else the data schema, the corrupt-record column left out of
** both), by position, ignoring case (spark.sql.caseSensitive false: String.toLowerCase), and
** throws IllegalArgumentException, which FileScanRDD lets through as it is (readCurrentFile
** wraps only FileNotFoundException): the task, and the batch, fail.  A file without a header
** (empty, or blank and comment lines only) is not checked. */

static char *dup_cstr(SrtMem *m, const char *s)
{
    size_t n = strlen(s);
    char *d = srt_mem_alloc(m, n + 1);
    if (d)
        memcpy(d, s, n + 1);
    return d;
}

static void header_check_free(SrtMem *m, HeaderCheck *c)
{
    if (!c)
        return;
    if (c->names)
        srt_mem_free(m, c->names, (size_t)c->n * sizeof *c->names);
    if (c->pos)
        srt_mem_free(m, c->pos, (size_t)c->n * sizeof *c->pos);
    if (c->null_value)
        srt_mem_free(m, c->null_value, strlen(c->null_value) + 1);
    if (c->empty_value)
        srt_mem_free(m, c->empty_value, strlen(c->empty_value) + 1);
    srt_mem_free(m, c, sizeof *c);
}

/* f->check from cols (srt_prog_query_csv_header: per column of schema 'c' corrupt record, '1'
   compared, '0' pruned) and the reader's options. */
static int header_check_open(Files *f, const char *cols, const SrtOptions *opts,
                             const SrtSchema *schema, SrtErr *err)
{
    HeaderCheck *c = srt_mem_calloc(f->mem, sizeof *c);
    if (!c)
        return srt_err_nomem(err, "files source");
    f->check = c;
    uint32_t n_cols =
        (uint32_t)strlen(cols) < schema->n_cols ? (uint32_t)strlen(cols) : schema->n_cols;
    for (uint32_t i = 0; i < n_cols; i++)
        c->n += cols[i] == '1';
    c->full = 1;
    c->names = srt_mem_alloc(f->mem, (size_t)(c->n ? c->n : 1) * sizeof *c->names);
    c->pos = srt_mem_alloc(f->mem, (size_t)(c->n ? c->n : 1) * sizeof *c->pos);
    const char *nv = srt_opts_value(opts, "nullValue"), *ev = srt_opts_value(opts, "emptyValue");
    c->null_value = dup_cstr(f->mem, nv ? nv : "");
    c->empty_value = dup_cstr(f->mem, ev ? ev : "");
    if (!c->names || !c->pos || !c->null_value || !c->empty_value)
        return srt_err_nomem(err, "files source");
    int k = 0, field = 0;
    for (uint32_t i = 0; i < n_cols; i++) {
        if (cols[i] == 'c')
            continue;
        if (cols[i] == '1') {
            c->names[k] = schema->cols[i].name;
            c->pos[k++] = field;
        } else {
            c->full = 0;
        }
        field++;
    }
    c->sep = opt_byte(opts, "sep", ',');
    c->quote = opt_byte(opts, "quote", '"');
    c->esc = opt_byte(opts, "escape", '\\');
    c->trim_leading = opt_true(opts, "ignoreLeadingWhiteSpace");
    c->trim_trailing = opt_true(opts, "ignoreTrailingWhiteSpace");
    if (c->trim_trailing) /* the header line's unescaped quoted values (cm_csv_quoted) */
        c->esc |= CM_CSV_TRIM_TAIL;
    return 0;
}

/* The header's values, NUL-terminated one after another in b, and their number. */
typedef struct HeaderToks {
    SrtBuf b;
    int n;
} HeaderToks;

/* A value as univocity hands it over: an unquoted empty one is nullValue, a quoted empty one
   emptyValue (CSVOptions.asParserSettings). */
static void header_tok(const HeaderCheck *c, HeaderToks *t, const char *s, size_t n,
                       bool empty_plain, bool empty_quoted)
{
    if (empty_plain || empty_quoted)
        srt_buf_puts(&t->b, empty_quoted ? c->empty_value : c->null_value);
    else
        srt_buf_put(&t->b, s, n);
    srt_buf_putc(&t->b, '\0');
    t->n++;
}

/* The values of the header line [p, end) as CsvParser.parseLine reads them (the reader's
   split, common/cm_csv_lex.h; whitespace trimmed as ignoreLeadingWhiteSpace and
   ignoreTrailingWhiteSpace say). */
static void header_line_toks(const HeaderCheck *c, const char *p, const char *end, HeaderToks *t)
{
    for (;;) {
        while (c->trim_leading && p < end && !cm_csv_eol(p, end) && (unsigned char)*p <= ' ' &&
               *p != '\0' && (unsigned char)*p != (unsigned)c->sep &&
               (unsigned char)*p != (unsigned)c->quote)
            p++;
        const char *s;
        size_t len;
        int kind;
        const char *q = cm_csv_field(p, end, c->sep, c->quote, c->esc, &s, &len, &kind);
        while (c->trim_trailing && kind == CM_CSV_PLAIN && len > 0 &&
               (unsigned char)s[len - 1] <= ' ' && s[len - 1] != '\0')
            len--;
        bool quoted = p < end && (unsigned char)*p == (unsigned)c->quote;
        if (kind == CM_CSV_ENCODED) {
            char *v = srt_mem_alloc(t->b.mem, len + 1);
            if (!v) {
                t->b.oom = 1;
                break;
            }
            header_tok(c, t, v, cm_csv_unquote(s, len, c->sep, c->quote, c->esc, v), false, false);
            srt_mem_free(t->b.mem, v, len + 1);
        } else {
            header_tok(c, t, s, len, len == 0 && !quoted, len == 0 && quoted);
        }
        if (q >= end)
            break;
        p = q + 1;
    }
}

/* The values of a multiLine header record (cm_csv_ml_record's tokens, quoted ones in out). */
static void header_record_toks(const HeaderCheck *c, const CmCsvTok *toks, int n, HeaderToks *t)
{
    for (int i = 0; i < n; i++) {
        const CmCsvTok *k = &toks[i];
        bool empty = k->kind == CM_CSV_EMPTY;
        header_tok(c, t, k->s, k->n, k->n == 0 && !empty, empty);
    }
}

/* Whether a and b are equal after Java's String.toLowerCase. */
static bool same_lower(SrtMem *m, const char *a, const char *b)
{
    size_t an = strlen(a), bn = strlen(b);
    size_t room = 3 * (an > bn ? an : bn) + 1;
    char *la = srt_mem_alloc(m, room), *lb = srt_mem_alloc(m, room);
    uint32_t *cps = srt_mem_alloc(m, (room + 1) * sizeof *cps);
    bool same = false;
    if (la && lb && cps) {
        uint32_t ka = srt_str_case_full(a, (uint32_t)an, cps, la, 0);
        uint32_t kb = srt_str_case_full(b, (uint32_t)bn, cps, lb, 0);
        same = ka == kb && memcmp(la, lb, ka) == 0;
    }
    if (la)
        srt_mem_free(m, la, room);
    if (lb)
        srt_mem_free(m, lb, room);
    if (cps)
        srt_mem_free(m, cps, (room + 1) * sizeof *cps);
    return same;
}

/* The i-th of the NUL-terminated strings at s. */
static const char *nth_str(const char *s, int i)
{
    while (i-- > 0)
        s += strlen(s) + 1;
    return s;
}

/* ", "-joined list of the n strings at s (NUL-terminated one after another), or of names. */
static void put_joined(SrtBuf *b, const char *s, const char *const *names, int n)
{
    for (int i = 0; i < n; i++) {
        srt_buf_puts(b, i ? ", " : "");
        srt_buf_puts(b, names ? names[i] : s);
        if (!names)
            s += strlen(s) + 1;
    }
}

/* Compare the header's values t with f->check (CSVHeaderChecker.checkHeaderColumnNames): 0,
   or the IllegalArgumentException that fails the batch, naming the file as Spark does
   (s"CSV file: ${file.urlEncodedPath}"). */
static int header_compare(const Files *f, HeaderToks *t, SrtErr *err)
{
    const HeaderCheck *c = f->check;
    SrtBuf sel; /* the header's values compared: univocity's selected fields */
    srt_buf_init(&sel, f->mem);
    int n_sel = c->full ? t->n : c->n;
    if (c->full)
        srt_buf_put(&sel, t->b.p, t->b.n);
    for (int i = 0; !c->full && i < c->n; i++) {
        srt_buf_puts(&sel, c->pos[i] < t->n ? nth_str(t->b.p, c->pos[i]) : c->null_value);
        srt_buf_putc(&sel, '\0');
    }
    SrtBuf m;
    srt_buf_init(&m, f->mem);
    if (n_sel != c->n) {
        srt_buf_printf(&m,
                       "java.lang.IllegalArgumentException: Number of column in CSV header is not "
                       "equal to number of fields in the schema:\n Header length: %d, schema "
                       "size: %d",
                       n_sel, c->n);
    } else {
        const char *h = sel.p;
        for (int i = 0; i < c->n && !sel.oom; i++, h += strlen(h) + 1) {
            if (same_lower(f->mem, c->names[i], h))
                continue;
            srt_buf_puts(&m, "java.lang.IllegalArgumentException: CSV header does not conform "
                             "to the schema.\n Header: ");
            put_joined(&m, sel.p, NULL, n_sel);
            srt_buf_puts(&m, "\n Schema: ");
            put_joined(&m, NULL, c->names, c->n);
            srt_buf_printf(&m, "\nExpected: %s but found: %s", c->names[i], h);
            break;
        }
    }
    int rc = 0;
    if (sel.oom || m.oom)
        rc = srt_err_nomem(err, "csv header check");
    else if (m.n)
        rc = srt_err_set(err, SRT_ERR_FORMAT, "%s\nCSV file: %s", srt_buf_cstr(&m),
                         f->uri ? f->uri : "");
    srt_buf_free(&sel);
    srt_buf_free(&m);
    return rc;
}

static int files_open(SrtSource *s, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    Files *f = srt_mem_calloc(s->mem, sizeof *f);
    if (!f)
        return srt_err_nomem(err, "files source");
    s->impl = f;
    f->mem = s->mem;
    f->log_offset = -1;
    const char *path = srt_opts_get(opts, "path");
    if (!path || !*path)
        return srt_err_set(err, SRT_ERR_OPTION, "source '%s': option 'path' is required", s->name);
    const char *format = srt_opts_value(opts, "format");
    if (format && !srt_str_ieq(format, "json") && !srt_str_ieq(format, "text") &&
        !srt_str_ieq(format, "csv"))
        return srt_err_set(
            err, SRT_ERR_OPTION,
            "source '%s': format '%s' is not supported by the files source (json, csv, text)",
            s->name, format);
    int rc;
    f->csv = format && srt_str_ieq(format, "csv");
    if (f->csv && (rc = srt_opts_bool(opts, "header", &f->skip_header, err)) < 0)
        return rc;
    if (f->skip_header && s->csv_header &&
        (rc = header_check_open(f, s->csv_header, opts, schema, err)) < 0)
        return rc;
    const char *comment = f->csv ? srt_opts_value(opts, "comment") : NULL;
    if (comment && *comment) {
        if (!(f->comment = srt_mem_alloc(f->mem, strlen(comment) + 1)))
            return srt_err_nomem(err, "files source");
        memcpy(f->comment, comment, strlen(comment) + 1);
    }
    const char *sep = srt_opts_value(opts, "lineSep"); /* sema refuses an empty one */
    if (sep && !*sep)
        return srt_err_set(err, SRT_ERR_OPTION, "source '%s': lineSep is empty", s->name);
    if (sep && !(f->line_sep = srt_mem_alloc(f->mem, strlen(sep) + 1)))
        return srt_err_nomem(err, "files source");
    if (sep)
        memcpy(f->line_sep, sep, strlen(sep) + 1);
    bool json = !format || srt_str_ieq(format, "json");
    bool text = format && srt_str_ieq(format, "text");
    f->sep_lf = cm_lines_swap(f->line_sep, json, text) >= 0 ? CM_SEP_SWAP
                : json                                      ? CM_SEP_JSON
                                                            : CM_SEP_PLAIN;
    const char *multi = srt_opts_value(opts, "multiLine");
    f->whole = (!format || srt_str_ieq(format, "json")) && multi && srt_str_ieq(multi, "true");
    f->csv_ml = f->csv && multi && srt_str_ieq(multi, "true");
    if (f->csv) /* the options as sema left them: one byte each, '' off (cg_text.c) */
        f->ml = (CmCsvMl){opt_byte(opts, "sep", ','),
                          opt_byte(opts, "quote", '"'),
                          opt_byte(opts, "escape", '\\'),
                          f->comment,
                          f->comment ? strlen(f->comment) : 0,
                          f->line_sep ? cm_csv_ml_nl(f->line_sep, NULL, 0) : CM_NL_LF,
                          opt_true(opts, "ignoreLeadingWhiteSpace"),
                          opt_true(opts, "ignoreTrailingWhiteSpace"),
                          0,
                          false,
                          NULL};
    /* no maxFilesPerTrigger (it has no default): max_files stays 0, every new file */
    if ((rc = srt_opts_int(opts, "maxFilesPerTrigger", 1, &f->max_files, err)) < 0)
        return rc;
    if ((rc = srt_opts_bool(opts, "latestFirst", &f->latest_first, err)) < 0)
        return rc;
    const char *age = srt_opts_value(opts, "maxFileAge");
    int64_t age_us;
    if (!age || srt_parse_duration_us(age, &age_us) < 0)
        return srt_err_set(err, SRT_ERR_OPTION, "source '%s': invalid maxFileAge '%s'", s->name,
                           age ? age : "");
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

/* Add new regular, non-hidden files of the directory (links followed) to the pending list.
   Hadoop's RawLocalFileSystem counts anything but a directory as a file
   (DeprecatedRawLocalFileStatus: isdir = File.isDirectory()), so Spark would list a FIFO and
   wait on it; sluice skips FIFOs and devices. */
static int list_dir(Files *f, SrtErr *err)
{
    struct stat dst;
    if (stat(f->dir, &dst) < 0)
        return srt_err_set(err, SRT_ERR_IO, "Path does not exist: %s", f->dir);
    int64_t now = srt_now_us();
    int64_t mt_us = (int64_t)dst.st_mtim.tv_sec * 1000000 + dst.st_mtim.tv_nsec / 1000;
    if (f->listed && dst.st_mtim.tv_sec == f->dir_mtime.tv_sec &&
        dst.st_mtim.tv_nsec == f->dir_mtime.tv_nsec &&
        f->listed_at_us - mt_us > FILES_MTIME_MARGIN_US)
        return 0;
    DIR *d = opendir(f->dir);
    if (!d)
        return srt_err_set(err, SRT_ERR_IO, "cannot list %s: %s", f->dir, strerror(errno));
    size_t before = f->n_pending;
    int rc = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        const char *name = de->d_name;
        if (!cm_file_listed(name))
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
        if (!copy ||
            srt_mem_grow(f->mem, (void **)&f->pending, &f->cap_pending, sizeof(FileEnt),
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

/* ======================================================================
** The source log (checkpoints): <log_dir>/<N> lists the files of batch N
** ====================================================================== */

/* <log_dir>/<n> into buf.  0 or -SRT_ERR_IO. */
static int entry_file(const SrtSource *s, int64_t n, char *buf, size_t cap, SrtErr *err)
{
    int k = snprintf(buf, cap, "%s/%lld", s->log_dir, (long long)n);
    if (k < 0 || (size_t)k >= cap)
        return srt_err_set(err, SRT_ERR_IO, "source log directory path is too long: %s",
                           s->log_dir);
    return 0;
}

/* A file offset: {"logOffset":N} (whitespace allowed) or a bare N (Spark's LongOffset).
   0, or -1 if the text is neither. */
static int parse_log_offset(const char *t, int64_t *out)
{
    const char *p = t;
    int obj = 0;
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '{') {
        obj = 1;
        p++;
        while (isspace((unsigned char)*p))
            p++;
        if (strncmp(p, "\"logOffset\"", 11) != 0)
            return -1;
        p += 11;
        while (isspace((unsigned char)*p))
            p++;
        if (*p++ != ':')
            return -1;
        while (isspace((unsigned char)*p))
            p++;
    }
    if (!(isdigit((unsigned char)*p) || (*p == '-' && isdigit((unsigned char)p[1]))))
        return -1;
    char *e;
    errno = 0;
    long long v = strtoll(p, &e, 10);
    if (errno)
        return -1;
    p = e;
    while (isspace((unsigned char)*p))
        p++;
    if (obj && *p++ != '}')
        return -1;
    while (isspace((unsigned char)*p))
        p++;
    if (*p)
        return -1;
    *out = v;
    return 0;
}

/* The local path of a logged URI ("file:///abs", "file:/abs" or "/abs"), percent-decoded.
   0, or -1 if it is no absolute local path. */
static int uri_to_path(const char *u, size_t n, SrtBuf *out)
{
    srt_buf_clear(out);
    if (n >= 8 && memcmp(u, "file:///", 8) == 0) {
        u += 7;
        n -= 7;
    } else if (n >= 6 && memcmp(u, "file:/", 6) == 0 && (n == 6 || u[6] != '/')) {
        u += 5;
        n -= 5;
    }
    if (n == 0 || u[0] != '/')
        return -1;
    for (size_t i = 0; i < n; i++) {
        char c = u[i];
        if (c == '%') {
            int hi = i + 2 < n ? cm_json_hex(u[i + 1]) : -1, lo = i + 2 < n ? cm_json_hex(u[i + 2]) : -1;
            if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
                return -1;
            c = (char)(hi * 16 + lo);
            i += 2;
        } else if (c == '\0') {
            return -1;
        }
        srt_buf_putc(out, c);
    }
    return 0;
}

/* Append code point cp as UTF-8. */
static void put_utf8(SrtBuf *b, uint32_t cp)
{
    char t[4];
    srt_buf_put(b, t, cm_utf8_put(cp, t));
}

static int hex4(const char *p, const char *e, uint32_t *out)
{
    if (e - p < 4)
        return -1;
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = cm_json_hex(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + (uint32_t)h;
    }
    *out = v;
    return 0;
}

/* The JSON string starting at p (a '"'), decoded into out.  The position after it, or NULL. */
static const char *json_string(const char *p, const char *e, SrtBuf *out)
{
    srt_buf_clear(out);
    if (p >= e || *p != '"')
        return NULL;
    for (p++; p < e && *p != '"'; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20)
            return NULL;
        if (c != '\\') {
            srt_buf_putc(out, (char)c);
            continue;
        }
        if (++p >= e)
            return NULL;
        uint32_t cp, lo;
        switch (*p) {
        case '"':
        case '\\':
        case '/':
            srt_buf_putc(out, *p);
            break;
        case 'b':
            srt_buf_putc(out, '\b');
            break;
        case 'f':
            srt_buf_putc(out, '\f');
            break;
        case 'n':
            srt_buf_putc(out, '\n');
            break;
        case 'r':
            srt_buf_putc(out, '\r');
            break;
        case 't':
            srt_buf_putc(out, '\t');
            break;
        case 'u':
            if (hex4(p + 1, e, &cp) < 0)
                return NULL;
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00) {
                if (e - p < 7 || p[1] != '\\' || p[2] != 'u' || hex4(p + 3, e, &lo) < 0 ||
                    lo < 0xDC00 || lo >= 0xE000)
                    return NULL;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            } else if (cp >= 0xDC00 && cp < 0xE000) {
                return NULL;
            }
            put_utf8(out, cp);
            break;
        default:
            return NULL;
        }
    }
    return p < e ? p + 1 : NULL;
}

static const char *skip_ws(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    return p;
}

/* A JSON integer at p into *out; the position after it, or NULL (fractions are refused). */
static const char *json_int(const char *p, const char *e, int64_t *out)
{
    int neg = p < e && *p == '-';
    const char *q = p + neg;
    if (q >= e || !isdigit((unsigned char)*q))
        return NULL;
    int64_t v = 0;
    for (; q < e && isdigit((unsigned char)*q); q++)
        if (__builtin_mul_overflow(v, 10, &v) ||
            __builtin_add_overflow(v, neg ? -(*q - '0') : (*q - '0'), &v))
            return NULL;
    if (q < e && (*q == '.' || *q == 'e' || *q == 'E'))
        return NULL;
    *out = v;
    return q;
}

/* One log line {"path":"..","timestamp":T,"batchId":B} (keys in any order, unknown keys with
   scalar values skipped).  The path's URI goes to uri.  0, -1 with *why set, or -2 when out
   of memory. */
static int parse_entry(const char *p, const char *e, SrtBuf *key, SrtBuf *uri, int64_t *ts,
                       int64_t *batch, const char **why)
{
    int have = 0; /* 1 path, 2 timestamp, 4 batchId */
    *why = "not a JSON object";
    p = skip_ws(p, e);
    if (p >= e || *p++ != '{')
        return -1;
    p = skip_ws(p, e);
    if (p < e && *p == '}') {
        p++;
    } else {
        for (;;) {
            if (!(p = json_string(p, e, key)))
                return -1;
            if (key->oom)
                return -2;
            p = skip_ws(p, e);
            if (p >= e || *p++ != ':')
                return -1;
            p = skip_ws(p, e);
            const char *k = srt_buf_cstr(key);
            int64_t v;
            if (p < e && *p == '"') {
                int is_path = strcmp(k, "path") == 0;
                if (!(p = json_string(p, e, is_path ? uri : key)))
                    return -1;
                if (key->oom || uri->oom)
                    return -2;
                if (is_path)
                    have |= 1;
            } else if (p < e && (*p == '-' || isdigit((unsigned char)*p))) {
                if (!(p = json_int(p, e, &v))) {
                    *why = "a number is not a whole number";
                    return -1;
                }
                if (strcmp(k, "timestamp") == 0) {
                    *ts = v;
                    have |= 2;
                } else if (strcmp(k, "batchId") == 0) {
                    *batch = v;
                    have |= 4;
                }
            } else if (e - p >= 4 && (memcmp(p, "true", 4) == 0 || memcmp(p, "null", 4) == 0)) {
                p += 4;
            } else if (e - p >= 5 && memcmp(p, "false", 5) == 0) {
                p += 5;
            } else {
                return -1;
            }
            p = skip_ws(p, e);
            if (p < e && *p == ',') {
                p = skip_ws(p + 1, e);
                continue;
            }
            if (p < e && *p == '}') {
                p++;
                break;
            }
            return -1;
        }
    }
    if (skip_ws(p, e) != e)
        return -1;
    *why = !(have & 1) ? "no \"path\"" : !(have & 2) ? "no \"timestamp\"" : "no \"batchId\"";
    return have == 7 ? 0 : -1;
}

/* Called for each file of a log entry: its local path and modification time (ms). */
typedef int (*LoggedFn)(SrtSource *s, void *ctx, const char *path, size_t path_len, int64_t ts_ms,
                        const char *entry, int64_t batch, SrtErr *err);

/* Visit the files of log entry n in order.  A missing or malformed entry is an
   SRT_ERR_FORMAT error naming it. */
static int for_each_logged(SrtSource *s, int64_t n, LoggedFn fn, void *ctx, SrtErr *err)
{
    Files *f = s->impl;
    char file[PATH_MAX];
    int rc = entry_file(s, n, file, sizeof file, err);
    if (rc < 0)
        return rc;
    SrtBuf text, key, uri, path;
    srt_buf_init(&text, f->mem);
    srt_buf_init(&key, f->mem);
    srt_buf_init(&uri, f->mem);
    srt_buf_init(&path, f->mem);
    rc = srt_ckpt_read_file(file, &text, err);
    if (rc == 1) {
        rc = srt_err_set(err, SRT_ERR_FORMAT,
                         "files source '%s': the source log entry %s is missing (batch %lld was "
                         "planned, so the checkpoint must list its files)",
                         s->name, file, (long long)n);
        goto done;
    }
    if (rc < 0)
        goto done;
    const char *p = text.p ? text.p : "", *end = p + text.n;
    int line = 0;
    while (p < end && rc == 0) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        line++;
        if (line == 1) {
            if (e - p != 2 || memcmp(p, "v1", 2) != 0)
                rc = srt_err_set(err, SRT_ERR_FORMAT,
                                 "files source '%s': the source log entry %s does not start with "
                                 "the version line v1",
                                 s->name, file);
        } else if (skip_ws(p, e) != e) {
            int64_t ts = 0, batch = -1;
            const char *why;
            int prc = parse_entry(p, e, &key, &uri, &ts, &batch, &why);
            if (prc < 0) {
                if (prc == -2)
                    rc = srt_err_nomem(err, "source log");
                else
                    rc = srt_err_set(err, SRT_ERR_FORMAT,
                                     "files source '%s': the source log entry %s is malformed at "
                                     "line %d (%s)",
                                     s->name, file, line, why);
            } else if (batch != n) {
                rc = srt_err_set(err, SRT_ERR_FORMAT,
                                 "files source '%s': the source log entry %s names batch %lld at "
                                 "line %d",
                                 s->name, file, (long long)batch, line);
            } else if (uri_to_path(uri.p ? uri.p : "", uri.n, &path) < 0 || path.oom) {
                rc = path.oom ? srt_err_nomem(err, "source log")
                              : srt_err_set(err, SRT_ERR_FORMAT,
                                            "files source '%s': the source log entry %s has a "
                                            "path that is no local file URI at line %d: %s",
                                            s->name, file, line, srt_buf_cstr(&uri));
            } else {
                rc = fn(s, ctx, srt_buf_cstr(&path), path.n, ts, file, n, err);
            }
        }
        p = nl ? nl + 1 : end;
    }
    if (rc == 0 && line == 0)
        rc = srt_err_set(err, SRT_ERR_FORMAT, "files source '%s': the source log entry %s is empty",
                         s->name, file);
done:
    srt_buf_free(&text);
    srt_buf_free(&key);
    srt_buf_free(&uri);
    srt_buf_free(&path);
    return rc;
}

/* Write <log_dir>/<n> listing the take files at f->pending + f->head. */
static int write_log(SrtSource *s, Files *f, int64_t n, size_t take, SrtErr *err)
{
    if (!f->abs)
        return srt_err_set(err, SRT_ERR_IO,
                           "files source '%s': cannot log the files of %s: its absolute path is "
                           "unknown",
                           s->name, f->dir);
    int rc;
    if (!f->log_dir_made) {
        if ((rc = srt_fs_mkdirs(s->log_dir, "source log", err)) < 0)
            return rc;
        f->log_dir_made = 1;
    }
    char file[PATH_MAX];
    if ((rc = entry_file(s, n, file, sizeof file, err)) < 0)
        return rc;
    SrtBuf b;
    srt_buf_init(&b, f->mem);
    srt_buf_puts(&b, "v1\n");
    size_t abs_n = strlen(f->abs);
    if (abs_n == 1) /* the root directory */
        abs_n = 0;
    for (size_t i = 0; i < take; i++) {
        const FileEnt *e = &f->pending[f->head + i];
        int64_t ms = e->mtime_ns / 1000000 - (e->mtime_ns % 1000000 < 0); /* floor */
        srt_buf_puts(&b, "{\"path\":\"file://");
        srt_fs_put_uri_path(&b, f->abs, abs_n);
        srt_buf_putc(&b, '/');
        srt_fs_put_uri_path(&b, e->name, e->name_len);
        srt_buf_printf(&b, "\",\"timestamp\":%lld,\"batchId\":%lld}\n", (long long)ms,
                       (long long)n);
    }
    if (b.oom)
        rc = srt_err_nomem(err, "source log");
    else
        rc = srt_ckpt_write_file(file, b.p, b.n, err);
    srt_buf_free(&b);
    return rc;
}

typedef struct RestoreCtx {
    int any;
    int64_t max_ms;
} RestoreCtx;

/* restore: the file's name is seen (never listed again); track the newest mtime. */
static int restore_visit(SrtSource *s, void *ctx, const char *path, size_t path_len, int64_t ts_ms,
                         const char *entry, int64_t batch, SrtErr *err)
{
    SRT_UNUSED(batch);
    Files *f = s->impl;
    RestoreCtx *c = ctx;
    size_t len = 0;
    while (len < path_len && path[path_len - 1 - len] != '/')
        len++;
    const char *name = path + path_len - len;
    if (len == 0 || len > UINT32_MAX)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "files source '%s': the source log entry %s lists a directory: %s",
                           s->name, entry, path);
    uint8_t *unused;
    if (srt_agg_find_or_add(f->seen, name, (uint32_t)len, srt_hash(name, (uint32_t)len), &unused) <
        0)
        return srt_err_nomem(err, "file listing");
    if (!c->any || ts_ms > c->max_ms)
        c->max_ms = ts_ms;
    c->any = 1;
    return 0;
}

static int files_restore(SrtSource *s, const char *end, SrtErr *err)
{
    Files *f = s->impl;
    int64_t last;
    if (!end || parse_log_offset(end, &last) < 0 || last < 0)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "files source '%s': cannot restore from offset %s (expected "
                           "{\"logOffset\":N})",
                           s->name, end ? end : "null");
    if (!s->log_dir)
        return srt_err_set(err, SRT_ERR_QUERY,
                           "files source '%s': cannot restore offset %s without a checkpoint",
                           s->name, end);
    if (f->log_offset >= 0 || f->listed || f->snapshot)
        return srt_err_set(err, SRT_ERR_QUERY,
                           "files source '%s': restore must come before the first plan", s->name);
    RestoreCtx c = {0, 0};
    for (int64_t n = 0; n <= last; n++) {
        int rc = for_each_logged(s, n, restore_visit, &c, err);
        if (rc < 0)
            return rc;
    }
    f->log_offset = last;
    if (c.any) {
        int64_t ns;
        if (__builtin_mul_overflow(c.max_ms, 1000000, &ns))
            ns = c.max_ms < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
        f->latest_ns = ns;
        if (!(f->latest_first && f->max_files > 0))
            f->purge_ns = f->latest_ns - f->max_age_ns;
    }
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
        int lrc = list_dir(f, err);
        if (lrc < 0)
            return lrc;
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
    int rc;
    if (s->log_dir && (rc = write_log(s, f, f->log_offset + 1, take, err)) < 0)
        return rc;
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

static int line_too_long(int fd, const char *what, SrtReadPos at, SrtErr *err)
{
    if (at.line == 0)
        at.line = srt_fs_line_at_fd(fd, at.byte, at.line_sep);
    return srt_err_set(err, SRT_ERR_FORMAT,
                       "files source: %s: line %lld (at byte %lld) is longer than %zu bytes, the "
                       "limit of a line",
                       what, (long long)at.line, (long long)at.byte, SRT_LINE_MAX);
}

/* csv with multiLine = true reads a file whole (a record may be as long as it). */
static int file_too_long(const char *what, SrtErr *err)
{
    return srt_err_set(err, SRT_ERR_FORMAT,
                       "files source: %s is longer than %zu bytes, the limit of a csv file "
                       "read with multiLine = true",
                       what, SRT_LINE_MAX);
}

/* Let the read buffer go: given back to the lender, or freed. */
static void release_rbuf(Files *f)
{
    if (f->lender && f->rbuf)
        f->lender->give_back(f->lender->ctx, f->rbuf);
    else
        srt_mem_free(f->mem, f->rbuf, f->cap_rbuf);
    f->rbuf = NULL;
    f->cap_rbuf = 0;
}

/* Make the read buffer hold the `have` bytes at src (the buffer itself, or a partial line
   left in a buffer handed over) with room for FILES_READ_SIZE more after them: the same
   buffer when it has the room, else a new one, own or borrowed from the lender.  0 or -NOMEM. */
static int room_to_read(Files *f, const char *src, size_t have, SrtErr *err)
{
    if (f->rbuf && src == f->rbuf && f->cap_rbuf - have >= FILES_READ_SIZE)
        return 0;
    const SrtLender *l = f->lender;
    size_t want = have + FILES_READ_SIZE; /* lent: what is needed */
    if (!l) {
        want = f->cap_rbuf ? f->cap_rbuf : FILES_READ_SIZE;
        while (want - have < FILES_READ_SIZE)
            want *= 2;
    }
    size_t cap = want;
    char *nb = l ? l->borrow(l->ctx, want, &cap) : srt_mem_alloc(f->mem, want);
    if (!nb)
        return srt_err_nomem(err, "file read buffer");
    if (have)
        memcpy(nb, src, have);
    release_rbuf(f);
    f->rbuf = nb;
    f->cap_rbuf = cap;
    return 0;
}

/* Where the reading of one file stands, for hand_over. */
typedef struct Handing {
    SrtReadPos at; /* of the first byte not handed over yet */
    int skip;      /* the csv header is still to be skipped */
    int bom;       /* a byte order mark may still start the file */
    int any;       /* fn was called */
    const char *comment; /* csv: lines starting with it are no header either; NULL: none */
    const CmCsvMl *ml;   /* csv multiLine: the whole file, its header a record; NULL: lines */
    unsigned seen;       /* cm_lines_sep's *seen: what the bytes settled so far held */
    const Files *f;      /* the source: its header check */
} Handing;

/* The end ('\n' or e) of the line at p when it starts with comment, else NULL. */
static const char *comment_line(const char *comment, const char *p, const char *e)
{
    size_t n = comment ? strlen(comment) : 0;
    if (!n || (size_t)(e - p) < n || memcmp(p, comment, n) != 0)
        return NULL;
    const char *nl = memchr(p, '\n', (size_t)(e - p));
    return nl ? nl : e;
}

/* Check the header line [p, end) of the file being read (CSVHeaderChecker
   .checkHeaderColumnNames(lines, tokenizer): tokenizer.parseLine(header)). */
static int check_header_line(const Files *f, const char *p, const char *end, SrtErr *err)
{
    HeaderToks t = {{0}, 0};
    srt_buf_init(&t.b, f->mem);
    header_line_toks(f->check, p, end, &t);
    int rc = t.b.oom ? srt_err_nomem(err, "csv header check") : header_compare(f, &t, err);
    srt_buf_free(&t.b);
    return rc;
}

/* Check the header record rec of a multiLine file [p, end) (checkHeaderColumnNames(tokenizer):
   tokenizer.parseNext()), parsed again for its values. */
static int check_header_record(const Files *f, const CmCsvMl *o, const char *p, const char *end,
                               const CmCsvRec *rec, SrtErr *err)
{
    size_t room = (size_t)((rec->next ? rec->next : end) - p) + 1;
    char *out = srt_mem_alloc(f->mem, room);
    CmCsvTok *toks = srt_mem_alloc(f->mem, (size_t)rec->n_toks * sizeof *toks);
    HeaderToks t = {{0}, 0};
    srt_buf_init(&t.b, f->mem);
    int rc;
    if (!out || !toks) {
        rc = srt_err_nomem(err, "csv header check");
    } else {
        CmCsvRec again;
        cm_csv_ml_record(o, p, end, out, toks, rec->n_toks, &again);
        header_record_toks(f->check, toks, rec->n_toks, &t);
        rc = t.b.oom ? srt_err_nomem(err, "csv header check") : header_compare(f, &t, err);
    }
    if (out)
        srt_mem_free(f->mem, out, room);
    if (toks)
        srt_mem_free(f->mem, toks, (size_t)rec->n_toks * sizeof *toks);
    srt_buf_free(&t.b);
    return rc;
}

/* Hand b[0, take), whole lines (the last one unterminated only at the end of the file), of
   the file `what` to fn: a csv file's byte order mark and header line first dropped.  The
   line number of a buffer after the first is left to an error to count (SrtReadPos). */
static int hand_over(Handing *h, int fd, const char *what, const char *b, size_t take, SrtReadFn fn,
                     void *ctx, SrtErr *err)
{
    const char *first = memchr(b, '\n', take);
    if ((first ? (size_t)(first - b) : take) > SRT_LINE_MAX)
        return line_too_long(fd, what, h->at, err);
    size_t from = 0;
    int64_t skipped = 0; /* lines */
    if (h->bom) { /* univocity's reader drops a leading U+FEFF (AbstractCharInputReader.start) */
        from = take >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        h->bom = 0;
    }
    int csv_nl = !h->ml                     ? 0
                 : h->ml->nl >= CM_NL_GIVEN ? h->ml->nl /* lineSep, cm_csv_ml_nl */
                                            : cm_csv_ml_nl(NULL, b, take);
    int csv_prev = 0;       /* CmCsvMl.prev after the header */
    if (h->skip && h->ml) { /* CSVHeaderChecker.checkHeaderColumnNames(tokenizer): parseNext */
        CmCsvMl o = *h->ml;
        o.nl = csv_nl;
        o.at_file_start = from == 0;
        CmCsvRec rec = {0};
        if (from < take)
            cm_csv_ml_record(&o, b + from, b + take, NULL, NULL, 0, &rec);
        if (rec.spark_fails)
            return srt_err_set(err, SRT_ERR_FORMAT, "files source: %s: %s", what,
                               CM_CSV_ML_SPARK_FAILS);
        csv_prev = rec.prev;
        int rc = rec.n_toks && h->f->check
                     ? check_header_record(h->f, &o, b + from, b + take, &rec, err)
                     : 0;
        if (rc < 0)
            return rc;
        from = rec.next ? (size_t)(rec.next - b) : from;
        h->skip = 0;
    }
    if (h->skip) { /* the header: the first line that is not blank (cm_csv_blank_line) nor,
                      with the comment option, a comment (CSVExprUtils.extractHeader) */
        const char *p = b + from, *e = b + take, *le;
        /* the line of a byte order mark is not blank: String.trim keeps U+FEFF */
        while (p < e && (from == 0 || p > b + from) &&
               ((le = cm_csv_blank_line(p, e)) != NULL || (le = comment_line(h->comment, p, e)))) {
            p = le < e ? le + 1 : e;
            skipped++;
        }
        if (p < e) {
            const char *nl = memchr(p, '\n', (size_t)(e - p));
            const CmCsvMl *o = &h->f->ml; /* tokenizer.parseLine(header): univocity 2.9.1 */
            if (o->trim_trailing && !o->trim_leading &&
                cm_csv_ws_fails(p, nl ? nl : e, o->sep, o->quote, o->esc, NULL))
                return srt_err_set(err, SRT_ERR_FORMAT, "files source: %s: %s", what,
                                   CM_CSV_LINE_SPARK_FAILS);
            int rc = h->f->check ? check_header_line(h->f, p, nl ? nl : e, err) : 0;
            if (rc < 0)
                return rc;
            p = nl ? nl + 1 : e;
            skipped++;
            h->skip = 0;
        }
        from = (size_t)(p - b);
    }
    SrtReadPos pos = {h->at.line ? h->at.line + skipped : 0,
                      h->at.byte + srt_read_span(&h->at, b, from), h->at.line_sep, h->at.file,
                      h->at.partition, csv_nl, h->at.lf_later, h->ml != NULL, csv_prev,
                      /* a csv file's first record without header: read whole (csv_first) */
                      h->f->csv && !h->f->skip_header && h->at.byte == 0};
    if (take > from || !h->any) {
        int rc = fn(ctx, what, b + from, take - from, &pos);
        if (rc < 0)
            return rc;
        h->any = 1;
    }
    h->at.line = 0; /* counted only for an error message (SrtReadPos) */
    h->at.byte += srt_read_span(&h->at, b, take);
    return 0;
}

/* Make p[0, n), the bytes of the file `what` from its byte `at`, lines the readers split at
   '\n' alone (cm_lines_lf; with lineSep, cm_lines_sep, which compacts them to *out bytes).
   Returns the number of bytes settled, or -SRT_ERR_FORMAT for a byte that lineSep leaves
   unreadable here. */
static int64_t settle_lines(const Files *f, Handing *h, const char *what, int64_t at, char *p,
                            size_t n, bool at_end, size_t *out, SrtErr *err)
{
    if (f->csv_ml) /* univocity reads the file's own line ends (cm_csv_ml.h) */
        return (int64_t)(*out = n);
    if (f->whole) { /* lineSep is not read (Spark's MultiLineJsonDataSource) */
        cm_lines_whole(p, n);
        return (int64_t)(*out = n);
    }
    if (!f->line_sep)
        return (int64_t)(*out = cm_lines_lf(p, n, at_end));
    bool bad;
    size_t k = cm_lines_sep(p, n, at_end, f->line_sep, strlen(f->line_sep), f->sep_lf, out, &bad,
                            &h->seen);
    if (!bad)
        return (int64_t)k;
    if (f->sep_lf == CM_SEP_SWAP) /* text, a lineSep of several bytes: CM_LINES_FF taken */
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "files source: %s: byte %lld is a %s: with a lineSep of several "
                           "bytes, sluice cannot read a text file that holds both a '\\n' "
                           "(unless it is part of the lineSep) and a 0xFF byte",
                           what, (long long)(at + (int64_t)k),
                           p[k] == '\n' ? "'\\n' that is not the lineSep" : "0xFF byte");
    bool lf = p[k] == '\n';
    return srt_err_set(
        err, SRT_ERR_FORMAT,
        "files source: %s: byte %lld is a %s: with the lineSep option, sluice "
        "cannot read a line that holds a '\\n' (unless it is part of the lineSep) or "
        "ends in a '\\r' (unless it is part of the lineSep)",
        what, (long long)(at + (int64_t)k),
        lf ? "'\\n' that is not the lineSep" : "'\\r' ending a line");
}

/* Read the open file fd, named `what`, to fn in buffers of whole lines (hand_over): pread of
   at most FILES_READ_SIZE at a time into the read buffer (the source's, reused, or one per
   buffer handed over from a lender), after the partial line the previous buffer ended with,
   so a file truncated meanwhile gives the bytes that are there.  Only that partial line can
   grow long: a line longer than SRT_LINE_MAX is an error.  A line ends at "\n", "\r\n" or a
   lone "\r", as Spark's: each lone '\r' is made a '\n' before the bytes are looked at
   (cm_lines_lf), a '\r' ending the bytes read so far once the byte after it is read, so
   everything after this (the buffers handed over, their split into tasks by srt_par.c, the
   generated readers) splits at '\n' alone. */
static int read_lines(Files *f, int fd, const char *what, SrtReadFn fn, void *ctx, SrtErr *err)
{
    Handing h = {{1, 0, f->csv_ml ? NULL : f->line_sep, 1 + f->part, f->part, 0, 0, 0, 0, 0},
                 f->skip_header,
                 f->csv,
                 0,
                 f->comment,
                 f->csv_ml ? &f->ml : NULL,
                 0,
                 f};
    size_t have = 0;    /* bytes in the buffer */
    size_t clean = 0;   /* its first bytes, known to hold no newline */
    size_t settled = 0; /* its first bytes, their lone '\r's made '\n' (cm_lines_lf; with
                           lineSep compacted, cm_lines_sep: the rest are the file's bytes) */
    int64_t next = 0;   /* the offset in the file of the next byte to read */
    int eof = 0;
    while (!eof || have) {
        if (!eof) {
            int rc = room_to_read(f, f->rbuf, have, err);
            if (rc < 0)
                return rc;
            ssize_t r = pread(fd, f->rbuf + have, FILES_READ_SIZE, (off_t)next);
            if (r < 0) {
                if (errno == EINTR)
                    continue;
                return srt_err_set(err, SRT_ERR_IO, "cannot read %s: %s", what, strerror(errno));
            }
            eof = r == 0;
            have += (size_t)r;
            next += r;
            if (r > 0 && (size_t)r < FILES_READ_SIZE)
                continue; /* short: likely the end; a small file goes on in one buffer */
        }
        size_t out;
        int64_t k = settle_lines(f, &h, what, next - (int64_t)(have - settled), f->rbuf + settled,
                                 have - settled, eof, &out, err);
        if (k < 0)
            return (int)k;
        if (out < (size_t)k) /* compacted: the bytes not settled follow */
            memmove(f->rbuf + settled + out, f->rbuf + settled + k, have - settled - (size_t)k);
        have -= (size_t)k - out;
        settled += out;
        const char *b = f->rbuf;
        size_t take = have; /* at the end of the file: everything, the last line unterminated */
        if (!eof && f->csv_ml) { /* the whole file, as MultiLineCSVDataSource reads it */
            if (have > SRT_LINE_MAX)
                return file_too_long(what, err);
            continue;
        }
        if (!eof) {
            const char *nl = memrchr(b + clean, '\n', have - clean);
            if (!nl) { /* one line so far: read on, while it may still end in time */
                if (have > SRT_LINE_MAX)
                    return line_too_long(fd, what, h.at, err);
                clean = settled;
                continue;
            }
            take = (size_t)(nl - b) + 1;
        }
        int rc = hand_over(&h, fd, what, b, take, fn, ctx, err);
        if (rc < 0)
            return rc;
        have -= take;
        settled -= take;
        clean = settled;
        if (!f->lender) {
            memmove(f->rbuf, b + take, have);
        } else if (have) { /* the lender keeps this buffer: the partial line goes on in another */
            rc = room_to_read(f, b + take, have, err);
            if (rc < 0)
                return rc;
        } else {
            release_rbuf(f);
        }
    }
    return 0;
}

/* Whether the window p[0, win) of the avail bytes left of a mapped file can go to the reader
   as it is, its lone '\r's made '\n' by the reader (SrtReadPos.lf_later: a window of lines at
   a time, right before the generated loop reads them, srt_query_process_buffer), so that no
   pass here reads every byte first (with a lender, on this thread before the reader threads;
   without, from memory before the loop reads it again): for lines split at '\n' alone once
   the csv header and byte order mark are behind, up to the window's last '\n' (*take), or to
   the end of the file.  A window without a '\n' is settled here as before (its lines may end at
   lone '\r's only). */
static int later_lines(const Files *f, const Handing *h, const char *p, size_t win, size_t avail,
                       size_t *take)
{
    if (f->line_sep || f->whole || f->csv_ml || h->skip || h->bom)
        return 0;
    if (win == avail) {
        *take = avail;
        return 1;
    }
    const char *nl = memrchr(p, '\n', win);
    if (!nl)
        return 0;
    *take = (size_t)(nl - p) + 1;
    return 1;
}

/* Read the mapped file m (srt_map.c), named `what`, to fn in buffers of whole lines of about
   FILES_READ_SIZE (hand_over) that point into the mapping: no copy.  The mapping is private
   and writable: a lone '\r' is made a '\n' in it as read_lines does (cm_lines_lf; the page
   is copied, the file is not written).  With a lender the mapping is handed to it, which
   closes it once its tasks are done with it; else it is closed here.  The file's size is the
   one it had when it was opened (a file cut shorter meanwhile ends the process with an error,
   srt_map.c). */
static int map_lines(Files *f, SrtMap *m, int fd, const char *what, SrtReadFn fn, void *ctx, SrtErr *err)
{
    const SrtLender *l = f->lender;
    if (l && l->adopt(l->ctx, m) < 0) {
        srt_map_close(f->mem, m);
        return srt_err_nomem(err, "file mapping");
    }
    char *p = srt_map_data(m), *e = p + srt_map_len(m);
    Handing h = {{1, 0, f->csv_ml ? NULL : f->line_sep, 1 + f->part, f->part, 0, 0, 0, 0, 0},
                 f->skip_header,
                 f->csv,
                 0,
                 f->comment,
                 f->csv_ml ? &f->ml : NULL,
                 0,
                 f};
    int rc = 0;
    bool up_front = f->line_sep || f->whole || f->csv_ml;
    if (up_front) { /* cm_lines_sep compacts once: the whole mapping up front */
        size_t out;
        int64_t k = settle_lines(f, &h, what, 0, p, (size_t)(e - p), true, &out, err);
        rc = k < 0 ? (int)k : 0;
        e = p + out;
    }
    while (p < e && rc == 0) {
        size_t avail = (size_t)(e - p);
        size_t win = avail < FILES_READ_SIZE ? avail : FILES_READ_SIZE;
        size_t take = avail;
        if ((h.at.lf_later = later_lines(f, &h, p, win, avail, &take)) != 0) {
            rc = hand_over(&h, fd, what, p, take, fn, ctx, err);
            p += take;
            continue;
        }
        size_t ok = up_front ? win : cm_lines_lf(p, win, win == avail); /* p[0, ok) settled */
        if (f->csv_ml && avail > SRT_LINE_MAX) {
            rc = file_too_long(what, err);
            break;
        }
        if (ok < avail && !f->csv_ml) {
            char *nl = memrchr(p, '\n', ok);
            if (!nl) { /* a line longer than a buffer: up to its end, if it ends in time */
                size_t look = avail < SRT_LINE_MAX + 1 ? avail : SRT_LINE_MAX + 1;
                size_t ok2 = up_front ? look : ok + cm_lines_lf(p + ok, look - ok, look == avail);
                nl = memchr(p + ok, '\n', ok2 - ok);
                if (!nl && avail > SRT_LINE_MAX) {
                    rc = line_too_long(fd, what, h.at, err);
                    break;
                }
            }
            if (nl)
                take = (size_t)(nl - p) + 1;
        }
        rc = hand_over(&h, fd, what, p, take, fn, ctx, err);
        p += take;
    }
    if (l)
        l->give_back(l->ctx, srt_map_data(m));
    else
        srt_map_close(f->mem, m);
    return rc;
}

/* A file at least this large is mapped rather than read (srt_map.c); a smaller one fits in
   the read buffer, where a mapping would cost more than the copy it saves. */
#define FILES_MAP_MIN ((size_t)1 << 20)

/* Read the open file fd of `size` bytes: mapped when large (map_lines), else with pread
   into the lender's buffers when the reader lends some (the source's own buffer kept aside
   meanwhile), else into the source's reused one. */
static int read_fd(Files *f, int fd, off_t size, const char *what, SrtReadFn fn, void *ctx, SrtErr *err)
{
    SrtMap *m = (size_t)size >= FILES_MAP_MIN && (!f->lender || f->lender->adopt)
                    ? srt_map_open(f->mem, fd, (size_t)size, what)
                    : NULL;
    if (m)
        return map_lines(f, m, fd, what, fn, ctx, err);
    if (!f->lender)
        return read_lines(f, fd, what, fn, ctx, err);
    char *own = f->rbuf;
    size_t own_cap = f->cap_rbuf;
    f->rbuf = NULL;
    f->cap_rbuf = 0;
    int rc = read_lines(f, fd, what, fn, ctx, err);
    release_rbuf(f);
    f->rbuf = own;
    f->cap_rbuf = own_cap;
    return rc;
}

/* Read the file at path, named `what` to fn (csv header skipped).  *missing = 1 when it
   does not exist.  The listing takes regular files only, but the name may have been replaced
   since (or come from the source log of a re-run): opened without blocking (a FIFO without
   a writer would block open and read forever) and checked on the open file; links are
   followed, as Hadoop's local file system does. */
static int read_path(Files *f, const char *path, const char *what, SrtReadFn fn, void *ctx,
                     int *missing, SrtErr *err)
{
    int rc;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        *missing = errno == ENOENT;
        return srt_err_set(err, SRT_ERR_IO, "cannot read %s: %s", what, strerror(errno));
    }
    struct stat st;
    const char *why = NULL;
    if (fstat(fd, &st) < 0)
        why = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        why = "not a regular file";
    else if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) < 0)
        why = strerror(errno);
    if (why) {
        close(fd);
        return srt_err_set(err, SRT_ERR_IO, "cannot read %s: %s", what, why);
    }
    rc = read_fd(f, fd, st.st_size, what, fn, ctx, err);
    close(fd);
    return rc;
}

/* ==== The read order ====
** Spark reads a micro-batch's files as one scan (FileStreamSource.getBatch makes one
** DataSource of them), and FileSourceScanExec.createReadRDD orders the scan's splits by
** length, longest first (a stable sort of the batch's order), before packing them into the
** partitions it reads in turn; a stateless query's rows, and the order in which an operator
** meets them, are therefore the largest file's first.  sluice reads whole files in that
** order.  Spark splits a file only when it is longer than maxSplitBytes (at least
** spark.sql.files.openCostInBytes, 4 MB, and more with more data per core), and then orders
** the splits, not the files: for such files the order can differ.  The i-th file read is
** partition i (SrtReadPos.partition, srt_partition.c): Spark's numbering when each file is a
** partition of its own (FilePartition.getFilePartitions packs small files together once the
** batch has more files than Spark's default parallelism). */

typedef struct ReadItem {
    char *path;  /* owned: what is opened */
    char *what;  /* owned: how messages name it */
    char *entry; /* owned: the source log entry that lists it (a re-run), or NULL */
    int64_t batch;
    int64_t size; /* -1: it could not be stat'ed (reading it says why) */
    size_t order; /* its place in the batch */
} ReadItem;

typedef struct ReadList {
    Files *f;
    ReadItem *v;
    size_t n, cap;
    int oom;
} ReadList;

static char *dup_n(SrtMem *m, const char *s, size_t n)
{
    char *d = srt_mem_alloc(m, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static void add_item(ReadList *l, const char *path, size_t path_len, const char *what,
                     size_t what_len, const char *entry, int64_t batch)
{
    SrtMem *m = l->f->mem;
    if (l->oom)
        return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        ReadItem *v = srt_mem_realloc(m, l->v, l->cap * sizeof *v, cap * sizeof *v);
        if (!v) {
            l->oom = 1;
            return;
        }
        l->v = v;
        l->cap = cap;
    }
    ReadItem *it = &l->v[l->n];
    memset(it, 0, sizeof *it);
    it->path = dup_n(m, path, path_len);
    it->what = dup_n(m, what, what_len);
    it->entry = entry ? dup_n(m, entry, strlen(entry)) : NULL;
    it->batch = batch;
    it->order = l->n++;
    struct stat st;
    it->size = it->path && stat(it->path, &st) == 0 ? (int64_t)st.st_size : -1;
    if (!it->path || !it->what || (entry && !it->entry))
        l->oom = 1;
}

static void free_items(ReadList *l)
{
    SrtMem *m = l->f->mem;
    for (size_t i = 0; i < l->n; i++) {
        ReadItem *it = &l->v[i];
        if (it->path)
            srt_mem_free(m, it->path, strlen(it->path) + 1);
        if (it->what)
            srt_mem_free(m, it->what, strlen(it->what) + 1);
        if (it->entry)
            srt_mem_free(m, it->entry, strlen(it->entry) + 1);
    }
    if (l->v)
        srt_mem_free(m, l->v, l->cap * sizeof *l->v);
}

/* Longest first; equal lengths in the batch's order (Scala's stable sortBy). */
static int item_cmp(const void *a, const void *b)
{
    const ReadItem *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* A file listed in the log of a re-run, named as a fresh plan would name it
   (<path option>/<name>) when it lies in the source's directory. */
static int add_logged(SrtSource *s, void *ctx, const char *path, size_t path_len, int64_t ts_ms,
                      const char *entry, int64_t batch, SrtErr *err)
{
    SRT_UNUSED(ts_ms);
    SRT_UNUSED(err);
    Files *f = s->impl;
    ReadList *l = ctx;
    size_t an = f->abs ? strlen(f->abs) : 0;
    if (an == 1) /* the root directory */
        an = 0;
    SrtBuf what;
    srt_buf_init(&what, f->mem);
    if (f->abs && path_len > an + 1 && memcmp(path, f->abs, an) == 0 && path[an] == '/' &&
        !memchr(path + an + 1, '/', path_len - an - 1)) {
        srt_buf_puts(&what, f->dir);
        srt_buf_put(&what, path + an, path_len - an);
    } else {
        srt_buf_put(&what, path, path_len);
    }
    if (what.oom)
        l->oom = 1;
    else
        add_item(l, path, path_len, what.p, what.n, entry, batch);
    srt_buf_free(&what);
    return 0;
}

/* f->uri: the file of it as its source log entry names it (a URI, write_log), which is how
   Spark's messages name it (PartitionedFile.urlEncodedPath). */
static int set_uri(Files *f, const ReadItem *it, SrtErr *err)
{
    if (f->uri)
        srt_mem_free(f->mem, f->uri, strlen(f->uri) + 1);
    f->uri = NULL;
    const char *base = strrchr(it->path, '/');
    base = base ? base + 1 : it->path;
    SrtBuf b;
    srt_buf_init(&b, f->mem);
    srt_buf_puts(&b, "file://");
    if (f->abs && (!it->entry || it->path[0] != '/')) {
        size_t an = strlen(f->abs);
        srt_fs_put_uri_path(&b, f->abs, an == 1 ? 0 : an); /* the root directory: "" */
        srt_buf_putc(&b, '/');
        srt_fs_put_uri_path(&b, base, strlen(base));
    } else {
        srt_fs_put_uri_path(&b, it->path, strlen(it->path));
    }
    f->uri = b.oom ? NULL : dup_cstr(f->mem, srt_buf_cstr(&b));
    srt_buf_free(&b);
    return f->uri ? 0 : srt_err_nomem(err, "file name");
}

/* Read the listed files, longest first. */
static int read_items(SrtSource *s, ReadList *l, SrtReadFn fn, void *ctx, SrtErr *err)
{
    if (l->oom)
        return srt_err_nomem(err, "file list");
    qsort(l->v, l->n, sizeof *l->v, item_cmp);
    for (size_t i = 0; i < l->n; i++) {
        const ReadItem *it = &l->v[i];
        int missing = 0;
        l->f->part = (int)i;
        int rc = l->f->check ? set_uri(l->f, it, err) : 0;
        if (rc == 0)
            rc = read_path(l->f, it->path, it->what, fn, ctx, &missing, err);
        if (rc < 0 && missing && it->entry)
            rc = srt_err_set(err, SRT_ERR_IO,
                             "files source '%s': File file://%s does not exist, but batch %lld "
                             "read it (source log entry %s) and is being re-run: the files of a "
                             "batch must not be deleted or moved before the batch is committed",
                             s->name, it->path, (long long)it->batch, it->entry);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* The files of the batch in memory, as plan() named them. */
static void add_planned(ReadList *l)
{
    Files *f = l->f;
    for (size_t i = 0; i < f->n_batch && !l->oom; i++) {
        SrtBuf path;
        srt_buf_init(&path, f->mem);
        srt_buf_puts(&path, f->dir);
        srt_buf_putc(&path, '/');
        srt_buf_put(&path, f->batch[i].name, f->batch[i].name_len);
        if (path.oom)
            l->oom = 1;
        else
            add_item(l, path.p, path.n, path.p, path.n, NULL, 0);
        srt_buf_free(&path);
    }
}

static int files_read_all(SrtSource *s, const char *start, const char *end, ReadList *l,
                          SrtErr *err);

static int files_read(SrtSource *s, const char *start, const char *end, SrtReadFn fn, void *ctx,
                      SrtErr *err)
{
    Files *f = s->impl;
    ReadList l = {f, NULL, 0, 0, 0};
    int rc = files_read_all(s, start, end, &l, err);
    if (rc >= 0) {
        f->lender = s->lender;
        rc = read_items(s, &l, fn, ctx, err);
        f->lender = NULL;
    }
    free_items(&l);
    return rc;
}

/* The files of the batch (start, end], in the batch's order, into l. */
static int files_read_all(SrtSource *s, const char *start, const char *end, ReadList *l,
                          SrtErr *err)
{
    Files *f = s->impl;
    if (s->log_dir) {
        int64_t from = -1, to;
        if (!end || parse_log_offset(end, &to) < 0 ||
            (start && parse_log_offset(start, &from) < 0) || from < -1 || to < from)
            return srt_err_set(err, SRT_ERR_QUERY, "files source '%s': invalid offsets %s to %s",
                               s->name, start ? start : "start", end ? end : "null");
        if (to == f->log_offset && from == to - 1 && f->n_batch > 0) {
            add_planned(l);
            return 0;
        }
        /* Not the batch in memory (a re-run after a restart): its files from the log. */
        for (int64_t n = from + 1; n <= to; n++) {
            int rc = for_each_logged(s, n, add_logged, l, err);
            if (rc < 0)
                return rc;
        }
        return 0;
    }
    char want[48];
    snprintf(want, sizeof want, "{\"logOffset\":%lld}", (long long)f->log_offset);
    if (!end || strcmp(end, want) != 0)
        return srt_err_set(err, SRT_ERR_QUERY, "files source: offset %s was not planned (have %s)",
                           end ? end : "null", want);
    add_planned(l);
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
    srt_mem_free(f->mem, f->rbuf, f->cap_rbuf);
    if (f->dir)
        srt_mem_free(f->mem, f->dir, strlen(f->dir) + 1);
    if (f->abs)
        srt_mem_free(f->mem, f->abs, strlen(f->abs) + 1);
    if (f->line_sep)
        srt_mem_free(f->mem, f->line_sep, strlen(f->line_sep) + 1);
    if (f->comment)
        srt_mem_free(f->mem, f->comment, strlen(f->comment) + 1);
    header_check_free(f->mem, f->check);
    if (f->uri)
        srt_mem_free(f->mem, f->uri, strlen(f->uri) + 1);
    srt_mem_free(f->mem, f, sizeof *f);
    s->impl = NULL;
}

static void files_describe(SrtSource *s, SrtBuf *out)
{
    Files *f = s->impl;
    srt_buf_printf(out, "FileStreamSource[file:%s]", f->abs ? f->abs : f->dir);
}

/* A table's version: the listed files with their sizes and modification times (ns), in
   name order, hashed (SrtSourceVt.version).  A missing directory has its own version; the
   read reports it. */
typedef struct VersionEnt {
    uint64_t name_hash;
    int64_t size, mtime_ns;
} VersionEnt;

static int version_cmp(const void *a, const void *b)
{
    const VersionEnt *x = a, *y = b;
    return x->name_hash < y->name_hash ? -1 : x->name_hash > y->name_hash;
}

static void files_version(SrtSource *s, SrtBuf *out)
{
    Files *f = s->impl;
    DIR *d = opendir(f->dir);
    if (!d) {
        srt_buf_printf(out, "missing:%d", errno);
        return;
    }
    VersionEnt *v = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    int oom = 0;
    while ((de = readdir(d)) != NULL) {
        struct stat st;
        if (!cm_file_listed(de->d_name) || fstatat(dirfd(d), de->d_name, &st, 0) < 0 ||
            !S_ISREG(st.st_mode))
            continue;
        if (srt_mem_grow(f->mem, (void **)&v, &cap, sizeof *v, n + 1) < 0) {
            oom = 1;
            break;
        }
        v[n].name_hash = srt_hash(de->d_name, (uint32_t)strlen(de->d_name));
        v[n].size = (int64_t)st.st_size;
        v[n].mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
        n++;
    }
    closedir(d);
    if (oom) {
        srt_buf_printf(out, "unknown:%lld", (long long)srt_now_us()); /* read it again */
    } else {
        if (n)
            qsort(v, n, sizeof *v, version_cmp);
        srt_buf_printf(out, "%zu:%016llx", n,
                       (unsigned long long)(n ? srt_hash(v, (uint32_t)(sizeof *v * n)) : 0));
    }
    srt_mem_free(f->mem, v, sizeof *v * cap);
}

const SrtSourceVt srt_source_files_vt = {
    .version = files_version,
    .connector = "files",
    .open = files_open,
    .snapshot = files_snapshot,
    .plan = files_plan,
    .read = files_read,
    .commit = files_commit,
    .close = files_close,
    .describe = files_describe,
    .restore = files_restore,
};
