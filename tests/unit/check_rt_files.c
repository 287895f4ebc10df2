/* check_rt_files.c - the files source: order by modification time (then name),
** maxFilesPerTrigger, latestFirst, files appearing later, hidden files and
** directories skipped, availableNow snapshots, offsets, empty files, missing path; with a
** checkpoint: the source log entries, restore, re-running a batch after a restart, maxFileAge
** after a restart, corrupt/missing/malformed entries, deleted files, allocation failures;
** big files in several buffers with their positions (mapped), a file truncated while it is
** read (pread) or mapped (the process ends with an error), the line length limit, lines
** ending in "\n", "\r\n" or a lone "\r" (across read buffers too, mapped or read).
*/
#include <check.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/cm_connectors.h"
#include "common/cm_files.h"
#include "rt_testutil.h"
#include "srt_int.h"

typedef struct Env {
    char dir[64];
    SrtMem mem;
    SrtArena arena;
    SrtOptions opts;
    SrtSource src;
    SrtErr err;
    SrtBuf end;
} Env;

static void write_file(const char *dir, const char *name, const char *text, time_t mtime)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    struct timespec ts[2] = {{mtime, 0}, {mtime, 0}};
    ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
}

static void env_init(Env *e)
{
    rt_make_temp_dir(e->dir, sizeof e->dir, "srt_files");
    srt_mem_init(&e->mem);
    srt_arena_init(&e->arena, &e->mem, 1024);
    memset(&e->opts, 0, sizeof e->opts);
    ck_assert_int_eq(srt_opts_bind(&e->opts, "files", CM_ROLE_SOURCE), 0);
    srt_err_clear(&e->err);
    srt_buf_init(&e->end, &e->mem);
    ck_assert_int_eq(srt_opts_set(&e->opts, &e->arena, "path", e->dir), 0);
    ck_assert_int_eq(srt_opts_set(&e->opts, &e->arena, "format", "json"), 0);
}

static void env_opt(Env *e, const char *k, const char *v)
{
    ck_assert_int_eq(srt_opts_set(&e->opts, &e->arena, k, v), 0);
}

static int env_open(Env *e)
{
    memset(&e->src, 0, sizeof e->src);
    e->src.vt = &srt_source_files_vt;
    e->src.mem = &e->mem;
    e->src.name = "events";
    SrtSchema schema = {NULL, 0};
    return e->src.vt->open(&e->src, &e->opts, &schema, &e->err);
}

static void env_done(Env *e)
{
    e->src.vt->close(&e->src);
    srt_buf_free(&e->end);
    srt_arena_free(&e->arena);
    ck_assert_uint_eq(e->mem.in_use, 0);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", e->dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Read callback: appends "<basename>:<bytes>;" to a buffer. */
static int collect(void *ctx, const char *what, const char *buf, size_t len, const SrtReadPos *at)
{
    (void)at;
    char *out = ctx;
    const char *base = strrchr(what, '/');
    size_t k = strlen(out);
    snprintf(out + k, 1024 - k, "%s:%.*s;", base ? base + 1 : what, (int)len, buf);
    return 0;
}

/* Plan + read + commit one batch; returns "" when no data. */
static void batch(Env *e, SrtReadLimit lim, char *out)
{
    int has = -1;
    out[0] = '\0';
    ck_assert_int_eq(e->src.vt->plan(&e->src, lim, &e->end, &has, &e->err), 0);
    if (!has)
        return;
    ck_assert_int_eq(e->src.vt->read(&e->src, NULL, srt_buf_cstr(&e->end), collect, out, &e->err), 0);
    ck_assert_int_eq(e->src.vt->commit(&e->src, srt_buf_cstr(&e->end), &e->err), 0);
}

START_TEST(test_order_and_limit)
{
    Env e;
    env_init(&e);
    env_opt(&e, "maxFilesPerTrigger", "2");
    write_file(e.dir, "c.json", "C", 1000);
    write_file(e.dir, "a.json", "A", 3000);
    write_file(e.dir, "b.json", "B", 2000);
    write_file(e.dir, "b2.json", "B2", 2000); /* same mtime as b.json: name order */
    write_file(e.dir, "z.json", "Z", 500);
    write_file(e.dir, ".hidden", "H", 100);
    write_file(e.dir, "_SUCCESS", "S", 100);
    ck_assert_int_eq(mkdir(strcat(strcpy((char[96]){0}, e.dir), "/sub"), 0755), 0);
    ck_assert_int_eq(env_open(&e), 0);
    char out[1024];
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "z.json:Z;c.json:C;");
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"logOffset\":0}");
    /* planned as b.json, b2.json (name order); read longest first, as Spark's scan orders
       its files (FileSourceScanExec: by length, descending; z.json and c.json above are
       as long, so they keep the batch's order) */
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "b2.json:B2;b.json:B;");
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"logOffset\":1}");
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "a.json:A;");
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "");
    /* New files later: picked up, never the old ones again (even if touched). */
    write_file(e.dir, "d.json", "D", 4000);
    write_file(e.dir, "a.json", "A-again", 5000);
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "d.json:D;");
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"logOffset\":3}");
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "");
    SrtBuf d;
    srt_buf_init(&d, &e.mem);
    e.src.vt->describe(&e.src, &d);
    ck_assert(strncmp(srt_buf_cstr(&d), "FileStreamSource[file:/", 23) == 0);
    srt_buf_free(&d);
    env_done(&e);
}
END_TEST

/* maxFileAge: once a batch took a file, files older than its mtime minus the age are skipped. */
START_TEST(test_max_file_age)
{
    Env e;
    env_init(&e);
    env_opt(&e, "maxFileAge", "1000 seconds");
    write_file(e.dir, "x.json", "X", 10000);
    ck_assert_int_eq(env_open(&e), 0);
    char out[1024];
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "x.json:X;");
    write_file(e.dir, "y.json", "Y", 2000); /* older than 10000 - 1000: skipped */
    write_file(e.dir, "z.json", "Z", 9500); /* within the age: taken */
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "z.json:Z;");
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "");
    env_done(&e);
}
END_TEST

START_TEST(test_latest_first_and_all)
{
    Env e;
    env_init(&e);
    env_opt(&e, "maxFilesPerTrigger", "1");
    env_opt(&e, "latestFirst", "true");
    write_file(e.dir, "old", "1", 1000);
    write_file(e.dir, "mid", "2", 2000);
    write_file(e.dir, "new", "3", 3000);
    ck_assert_int_eq(env_open(&e), 0);
    char out[1024];
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "new:3;");
    batch(&e, SRT_LIMIT_ALL, out); /* Trigger.Once ignores maxFilesPerTrigger */
    ck_assert_str_eq(out, "mid:2;old:1;");
    env_done(&e);
}
END_TEST

START_TEST(test_available_now_snapshot)
{
    Env e;
    env_init(&e);
    env_opt(&e, "maxFilesPerTrigger", "1");
    write_file(e.dir, "f1", "1", 1000);
    write_file(e.dir, "f2", "2", 2000);
    ck_assert_int_eq(env_open(&e), 0);
    ck_assert_int_eq(e.src.vt->snapshot(&e.src, &e.err), 0);
    write_file(e.dir, "f0", "0", 10); /* after the snapshot: not part of this run */
    char out[1024];
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "f1:1;");
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "f2:2;");
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "");
    env_done(&e);
}
END_TEST

START_TEST(test_empty_and_unterminated)
{
    Env e;
    env_init(&e);
    write_file(e.dir, "empty", "", 1000);
    write_file(e.dir, "nonl", "{\"a\":1}\n{\"a\":2}", 2000);
    ck_assert_int_eq(env_open(&e), 0);
    char out[1024];
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "nonl:{\"a\":1}\n{\"a\":2};empty:;"); /* longest first */
    env_done(&e);
}
END_TEST

/* A big file (several read buffers) of numbered 100-byte lines, made with write(). */
static void write_lines(const char *dir, const char *name, int n, time_t mtime, char **path_out)
{
    char *path = malloc(256);
    snprintf(path, 256, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    for (int i = 0; i < n; i++)
        fprintf(f, "{\"i\":%09d,\"pad\":\"%075d\"}\n", i, 0);
    fclose(f);
    struct timespec ts[2] = {{mtime, 0}, {mtime, 0}};
    ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
    *path_out = path;
}

typedef struct Chunks {
    const char *path;
    off_t truncate_to; /* on the first buffer; 0: never */
    size_t total, calls;
    int64_t next_line, next_byte; /* where the next buffer must start */
    unsigned sum;
} Chunks;

/* Read callback: checks buffers are whole lines at the positions they claim (a line number
   left uncounted, 0, is the one srt_fs_line_at counts in the file); touches every
   byte (a mapping of a file truncated meanwhile would fault here). */
static int chunks(void *ctx, const char *what, const char *buf, size_t len, const SrtReadPos *at)
{
    Chunks *c = ctx;
    (void)what;
    if (c->calls++ == 0 && c->truncate_to)
        ck_assert_int_eq(truncate(c->path, c->truncate_to), 0);
    ck_assert_ptr_nonnull(at);
    if (at->line == 0) { /* past a file's first buffer lines are counted on demand */
        int64_t line = srt_fs_line_at(c->path, at->byte, 0);
        if (line >= 0 || !c->truncate_to)
            ck_assert_int_eq(line, c->next_line);
    } else {
        ck_assert_int_eq(at->line, c->next_line);
    }
    ck_assert_int_eq(at->byte, c->next_byte);
    for (size_t i = 0; i < len; i++)
        c->sum += (unsigned char)buf[i];
    if (len) {
        ck_assert_int_eq(buf[len - 1], '\n');
        ck_assert_int_eq(buf[0], '{');
        ck_assert_int_eq(atoi(buf + 5), (int)(c->next_byte / 100)); /* the line's number */
    }
    c->total += len;
    c->next_line += (int64_t)(len / 100);
    c->next_byte += (int64_t)len;
    return 0;
}

START_TEST(test_big_file_buffers)
{
    Env e;
    env_init(&e);
    char *path;
    write_lines(e.dir, "big", 50000, 1000, &path); /* 5 MB: several read buffers */
    ck_assert_int_eq(env_open(&e), 0);
    int has = 0;
    ck_assert_int_eq(e.src.vt->plan(&e.src, SRT_LIMIT_DEFAULT, &e.end, &has, &e.err), 0);
    Chunks c = {path, 0, 0, 0, 1, 0, 0};
    ck_assert_int_eq(e.src.vt->read(&e.src, NULL, srt_buf_cstr(&e.end), chunks, &c, &e.err), 0);
    ck_assert_uint_eq(c.total, 5000000);
    ck_assert_uint_gt(c.calls, 2);
    ck_assert_int_eq(c.next_line, 50001);
    ck_assert_int_eq(e.src.vt->commit(&e.src, srt_buf_cstr(&e.end), &e.err), 0);
    free(path);
    env_done(&e);
}
END_TEST

/* Truncated while it is read (after the first buffer), read with pread (every mapping slot
   taken, as when many files are in flight): the bytes that are there. */
START_TEST(test_truncated_while_read)
{
    Env e;
    env_init(&e);
    char *path;
    write_lines(e.dir, "cut", 50000, 2000, &path); /* planned at 5 MB, cut to 1.5 MB */
    int fd = open(path, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    SrtMap *held[1024];
    int n_held = 0;
    while (n_held < 1024 && (held[n_held] = srt_map_open(&e.mem, fd, 4096, path)) != NULL)
        n_held++;
    ck_assert_int_lt(n_held, 1024);
    ck_assert_int_eq(env_open(&e), 0);
    int has = 0;
    ck_assert_int_eq(e.src.vt->plan(&e.src, SRT_LIMIT_DEFAULT, &e.end, &has, &e.err), 0);
    ck_assert_int_eq(has, 1);
    Chunks t = {path, 1500000, 0, 0, 1, 0, 0};
    ck_assert_int_eq(e.src.vt->read(&e.src, NULL, srt_buf_cstr(&e.end), chunks, &t, &e.err), 0);
    ck_assert_uint_eq(t.total, 1500000);
    ck_assert_int_eq(t.next_line, 15001);
    while (n_held > 0)
        srt_map_close(&e.mem, held[--n_held]);
    close(fd);
    free(path);
    env_done(&e);
}
END_TEST

/* Truncated while it is mapped: touching the part cut off ends the process with status 1
   and an error naming the file (srt_map.c), never a crash. */
START_TEST(test_truncated_while_mapped)
{
    Env e;
    env_init(&e);
    char *path;
    write_lines(e.dir, "cut", 50000, 2000, &path);
    ck_assert_int_eq(env_open(&e), 0);
    int has = 0;
    ck_assert_int_eq(e.src.vt->plan(&e.src, SRT_LIMIT_DEFAULT, &e.end, &has, &e.err), 0);
    char errpath[128];
    snprintf(errpath, sizeof errpath, "%s.stderr", e.dir);
    fflush(stderr);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        int fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0 || dup2(fd, 2) < 0)
            _exit(90);
        Chunks t = {path, 1500000, 0, 0, 1, 0, 0};
        e.src.vt->read(&e.src, NULL, srt_buf_cstr(&e.end), chunks, &t, &e.err);
        _exit(91); /* not reached: the bytes cut off were touched */
    }
    int status = 0;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 1);
    char msg[1024] = {0};
    FILE *f = fopen(errpath, "r");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_gt(fread(msg, 1, sizeof msg - 1, f), 0);
    fclose(f);
    unlink(errpath);
    char want[512];
    snprintf(want, sizeof want,
             "error: cannot read %s: the file became shorter while it was read (it had 5000000 bytes; "
             "byte ", path);
    ck_assert_msg(strncmp(msg, want, strlen(want)) == 0, "%s", msg);
    ck_assert_msg(strstr(msg, " is gone): files must not change once in the source directory; the batch "
                              "was not committed, a restart reads it again\n"), "%s", msg);
    free(path);
    env_done(&e);
}
END_TEST

static int chunks_any(void *ctx, const char *what, const char *buf, size_t len, const SrtReadPos *at)
{
    (void)what, (void)buf, (void)at;
    ((Chunks *)ctx)->total += len;
    return 0;
}

START_TEST(test_line_too_long)
{
    Env e;
    env_init(&e);
    char path[256];
    snprintf(path, sizeof path, "%s/long", e.dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("{\"a\":1}\n", f);
    static char block[4096];
    memset(block, '7', sizeof block);
    for (size_t i = 0; i <= SRT_LINE_MAX; i += sizeof block)
        ck_assert_uint_eq(fwrite(block, 1, sizeof block, f), sizeof block);
    fputs("\n", f);
    fclose(f);
    ck_assert_int_eq(env_open(&e), 0);
    int has = 0;
    ck_assert_int_eq(e.src.vt->plan(&e.src, SRT_LIMIT_DEFAULT, &e.end, &has, &e.err), 0);
    Chunks c = {path, 0, 0, 0, 1, 0, 0};
    int rc = e.src.vt->read(&e.src, NULL, srt_buf_cstr(&e.end), chunks_any, &c, &e.err);
    ck_assert_int_eq(rc, -SRT_ERR_FORMAT);
    ck_assert_msg(strstr(e.err.msg, "long: line 2 (at byte 8) is longer than 67108864 bytes, the limit of a line"),
                  "%s", e.err.msg);
    env_done(&e);
}
END_TEST

/* The lines of p[0, n) as Hadoop's LineReader.readDefaultLine reads them, one byte at a time
   (a line ends at "\n", "\r\n" or a "\r" not followed by "\n"), each written to out followed
   by '\n' when something ended it: what the source hands over once the '\r' of each "\r\n"
   is dropped.  The length written. */
static size_t hadoop_lines(const char *p, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\n' || p[i] == '\r') {
            if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')
                i++;
            out[k++] = '\n';
        } else {
            out[k++] = p[i];
        }
    }
    return k;
}

typedef struct Lines {
    char *got;
    size_t n, calls;
    int64_t next_byte;
} Lines;

/* Read callback: appends the buffer with the '\r' of each "\r\n" dropped, its lone '\r's made
   '\n' first when the reader is to (SrtReadPos.lf_later: a mapped file's lines, as
   srt_query_process_buffer does); checks each buffer but a file's last ends a line and starts
   where the last one ended. */
static int lines_cb(void *ctx, const char *what, const char *buf, size_t len, const SrtReadPos *at)
{
    Lines *l = ctx;
    (void)what;
    if (at->lf_later)
        cm_lines_lf((char *)buf, len, true);
    ck_assert_int_eq(at->byte, l->next_byte);
    l->next_byte += (int64_t)len;
    l->calls++;
    size_t lone = len; /* a '\r' handed over not before '\n' (ck_assert per byte is slow) */
    for (size_t i = 0; i < len; i++) {
        if (buf[i] != '\r')
            l->got[l->n++] = buf[i];
        else if (i + 1 == len || buf[i + 1] != '\n')
            lone = i;
    }
    ck_assert_msg(lone == len, "a '\\r' not before '\\n' handed over at byte %zu", lone);
    return 0;
}

static char *lend(void *ctx, size_t n, size_t *cap)
{
    (void)ctx;
    *cap = n;
    return malloc(n);
}

static void lent_back(void *ctx, char *base)
{
    (void)ctx;
    free(base);
}

/* The file f of e's directory holding data[0, n), the source opened and planned to read it
   one of three ways: 0 mapped (srt_map.c); 1 into a lender's buffers (a lender that cannot
   adopt a mapping); 2 into the source's buffer, every mapping slot taken.  way_end undoes it. */
typedef struct Way {
    char path[256];
    SrtLender lender;
    SrtMap *held[1024];
    int n_held, fd;
} Way;

static void way_begin(Env *e, Way *w, int way, const char *data, size_t n)
{
    snprintf(w->path, sizeof w->path, "%s/f", e->dir);
    FILE *f = fopen(w->path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, n, f), n);
    fclose(f);
    ck_assert_int_eq(env_open(e), 0);
    w->lender = (SrtLender){NULL, lend, lent_back, NULL, NULL};
    if (way == 1)
        e->src.lender = &w->lender;
    w->fd = open(w->path, O_RDONLY);
    ck_assert_int_ge(w->fd, 0);
    w->n_held = 0;
    while (way == 2 && w->n_held < 1024 &&
           (w->held[w->n_held] = srt_map_open(&e->mem, w->fd, 4096, w->path)) != NULL)
        w->n_held++;
    int has = 0;
    ck_assert_int_eq(e->src.vt->plan(&e->src, SRT_LIMIT_DEFAULT, &e->end, &has, &e->err), 0);
}

static void way_end(Env *e, Way *w)
{
    e->src.lender = NULL;
    while (w->n_held > 0)
        srt_map_close(&e->mem, w->held[--w->n_held]);
    close(w->fd);
}

/* Lines ending in "\n", "\r\n" and a lone "\r", also where a read buffer (1 MiB) ends: a
   "\r\n" and a lone "\r" across that boundary, a "\r" ending the file exactly there; read
   into the source's buffer and into lent ones (a thread split, srt_par.c); the line numbers
   of error positions count the same line ends. */
START_TEST(test_line_ends)
{
    enum { MIB = 1 << 20 };
    static const char *const tails[] = {"\r\nafter\r", "\rafter\n", "\r", "\n\rx\r\r\ny"};
    /* way 0: the file mapped (srt_map.c); 1: read into a lender's buffers (a lender that
       cannot adopt a mapping); 2: read into the source's buffer, every mapping slot taken */
    for (int way = 0; way < 3; way++) {
        for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
            Env e;
            env_init(&e);
            env_opt(&e, "format", "text");
            size_t n = MIB - 1 + strlen(tails[t]);
            char *data = malloc(n), *want = malloc(n), *got = malloc(n);
            /* 1 MiB - 1 bytes of lines ending every way, then the tail at byte MIB - 1 */
            static const char *const ends[] = {"\n", "\r\n", "\r", "\r\r", "\n\r"};
            size_t k = 0;
            for (int i = 0; k < MIB - 1; i++) {
                char line[64];
                int m = snprintf(line, sizeof line, "line %d%s", i, ends[i % 5]);
                for (int j = 0; j < m && k < MIB - 1; j++)
                    data[k++] = line[j];
            }
            if (data[k - 1] == '\r' || data[k - 1] == '\n')
                data[k - 1] = 'z'; /* the byte before the tail is no line end */
            memcpy(data + k, tails[t], strlen(tails[t]));
            Way w;
            way_begin(&e, &w, way, data, n);
            const char *path = w.path;
            Lines l = {got, 0, 0, 0};
            ck_assert_int_eq(e.src.vt->read(&e.src, NULL, srt_buf_cstr(&e.end), lines_cb, &l, &e.err), 0);
            size_t wn = hadoop_lines(data, n, want);
            /* read: the tail at the second buffer's start; mapped: one buffer up to 1 MiB */
            ck_assert_msg(l.calls > (way == 0 && n <= MIB ? 0u : 1u), "way %d tail %zu: %zu calls", way, t,
                          l.calls);
            ck_assert_uint_eq(l.n, wn);
            ck_assert_msg(memcmp(l.got, want, wn) == 0, "tail %zu: other lines", t);
            /* the line of the byte after each line end is 1 + the line ends before it */
            int64_t line = 1;
            for (size_t i = 0; i < n; i++) {
                if (data[i] == '\r' && i + 1 < n && data[i + 1] == '\n')
                    continue;
                if (data[i] != '\n' && data[i] != '\r')
                    continue;
                line++;
                if (i + 1 < n && (i % 65521 == 0 || i + 1 >= MIB - 2))
                    ck_assert_int_eq(srt_fs_line_at(path, (int64_t)i + 1, NULL), line);
            }
            /* the file itself is unchanged (a mapping rewrites its own copy of a page) */
            FILE *rf = fopen(path, "rb");
            ck_assert_ptr_nonnull(rf);
            ck_assert_uint_eq(fread(got, 1, n, rf), n);
            fclose(rf);
            ck_assert_msg(memcmp(got, data, n) == 0, "way %d tail %zu: the file was changed", way, t);
            way_end(&e, &w);
            free(data);
            free(want);
            free(got);
            env_done(&e);
        }
    }
}
END_TEST

/* Where each record starts in the file (Seps.off), to check the position of each buffer. */
typedef struct Seps {
    char *got;
    size_t n, calls, n_off;
    const int64_t *off;
} Seps;

/* Read callback: appends the buffer; checks it starts at the file offset of its first record. */
static int seps_cb(void *ctx, const char *what, const char *buf, size_t len, const SrtReadPos *at)
{
    Seps *l = ctx;
    (void)what;
    size_t rec = 0;
    for (size_t i = 0; i < l->n; i++)
        rec += l->got[i] == '\n';
    ck_assert_uint_lt(rec, l->n_off);
    ck_assert_int_eq(at->byte, l->off[rec]);
    memcpy(l->got + l->n, buf, len);
    l->n += len;
    l->calls++;
    return 0;
}

/* A lineSep of 5 bytes: records of about 1 MiB + 40 KiB, one sep cut by the 1 MiB read
   buffer's end, '\r' and partial seps inside records; mapped, read into lent buffers and into
   the source's own.  The readers get the records joined by '\n', each buffer positioned at
   the file byte of its first record, and srt_fs_line_at counts the seps. */
START_TEST(test_line_sep_multi)
{
    enum { MIB = 1 << 20, RECS = 90000 };
    static const char sep[] = "<EOR>";
    for (int way = 0; way < 3; way++) {
        Env e;
        env_init(&e);
        env_opt(&e, "format", "text");
        env_opt(&e, "lineSep", sep);
        size_t cap = (size_t)RECS * 40;
        char *data = malloc(cap), *want = malloc(cap), *got = malloc(cap);
        int64_t *off = malloc(sizeof *off * (RECS + 1));
        size_t n = 0, wn = 0, r = 0;
        for (; r < RECS; r++) {
            char rec[64];
            int m = snprintf(rec, sizeof rec,
                             r % 7 == 3   ? "record\r%zu<EO"
                             : r % 5 == 1 ? "<<E record %zu"
                                          : "record number %zu",
                             r);
            if (n < MIB - 2 && n + (size_t)m + 5 >= MIB - 2) /* the next sep starts at MIB - 2 */
                m = snprintf(rec, sizeof rec, "%*s", (int)(MIB - 2 - n), "x");
            off[r] = (int64_t)n;
            memcpy(data + n, rec, (size_t)m);
            n += (size_t)m;
            memcpy(data + n, sep, 5);
            n += 5;
            memcpy(want + wn, rec, (size_t)m);
            wn += (size_t)m;
            want[wn++] = '\n';
        }
        off[r] = (int64_t)n;
        Way w;
        way_begin(&e, &w, way, data, n);
        Seps l = {got, 0, 0, RECS + 1, off};
        ck_assert_int_eq(e.src.vt->read(&e.src, NULL, srt_buf_cstr(&e.end), seps_cb, &l, &e.err),
                         0);
        ck_assert_msg(l.calls > 1, "way %d: %zu calls", way, l.calls);
        ck_assert_uint_eq(l.n, wn);
        ck_assert_msg(memcmp(got, want, wn) == 0, "way %d: other records", way);
        for (size_t i = 0; i < RECS; i += i < 50 || i > RECS - 50 ? 1 : 4999)
            ck_assert_int_eq(srt_fs_line_at(w.path, off[i], sep), (int64_t)i + 1);
        way_end(&e, &w);
        free(data);
        free(want);
        free(got);
        free(off);
        env_done(&e);
    }
}
END_TEST

/* With a lineSep of several bytes, a '\n' that is not part of one is refused at its byte in
   csv; text reads it as 0xFF (CM_LINES_FF), so a text file that also holds a 0xFF is refused
   at the second of them. */
START_TEST(test_line_sep_multi_refused)
{
    static const struct {
        const char *format, *data, *msg;
    } cases[] = {
        {"csv", "ab||cd||e\nf||", "/a: byte 9 is a '\\n' that is not the lineSep"},
        {"text", "ab||cd||e\nf\xFF||", "/a: byte 11 is a 0xFF byte: with a lineSep of several"},
        {"text", "ab\xFF||cd||e\nf||", "/a: byte 10 is a '\\n' that is not the lineSep: with a"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Env e;
        env_init(&e);
        env_opt(&e, "format", cases[i].format);
        env_opt(&e, "lineSep", "||");
        write_file(e.dir, "a", cases[i].data, 1000);
        ck_assert_int_eq(env_open(&e), 0);
        int has = 0;
        ck_assert_int_eq(e.src.vt->plan(&e.src, SRT_LIMIT_DEFAULT, &e.end, &has, &e.err), 0);
        char out[1024] = "";
        ck_assert_int_lt(e.src.vt->read(&e.src, NULL, srt_buf_cstr(&e.end), collect, out, &e.err),
                         0);
        ck_assert_msg(strstr(e.err.msg, cases[i].msg) != NULL, "case %zu: %s", i, e.err.msg);
        env_done(&e);
    }
}
END_TEST

START_TEST(test_option_errors)
{
    static const struct {
        const char *key, *value, *msg;
    } cases[] = {
        {"maxFilesPerTrigger", "0", "Invalid value '0' for option 'maxFilesPerTrigger', must be a positive integer"},
        {"maxFilesPerTrigger", "abc", "Invalid value 'abc' for option 'maxFilesPerTrigger', must be a positive integer"},
        {"latestFirst", "maybe", "Invalid value 'maybe' for option 'latestFirst', must be true or false"},
        {"format", "parquet", "source 'events': format 'parquet' is not supported by the files source (json, csv, text)"},
        {"path", "/nonexistent/dir/x", "Path does not exist: /nonexistent/dir/x"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Env e;
        env_init(&e);
        env_opt(&e, cases[i].key, cases[i].value);
        ck_assert_int_lt(env_open(&e), 0);
        ck_assert_str_eq(e.err.msg, cases[i].msg);
        env_done(&e);
    }
}
END_TEST

START_TEST(test_path_vanishes)
{
    Env e;
    env_init(&e);
    ck_assert_int_eq(env_open(&e), 0);
    char out[1024];
    batch(&e, SRT_LIMIT_DEFAULT, out);
    ck_assert_str_eq(out, "");
    ck_assert_int_eq(rmdir(e.dir), 0);
    int has;
    ck_assert_int_lt(e.src.vt->plan(&e.src, SRT_LIMIT_DEFAULT, &e.end, &has, &e.err), 0);
    ck_assert(strstr(e.err.msg, "Path does not exist") != NULL);
    ck_assert_int_eq(mkdir(e.dir, 0700), 0);
    env_done(&e);
}
END_TEST

/* Many files, one per batch, with allocation failures injected: errors, never crashes. */
START_TEST(test_files_oom)
{
    for (int64_t n = 0; n < 40; n++) {
        Env e;
        env_init(&e);
        for (int i = 0; i < 20; i++) {
            char name[16];
            snprintf(name, sizeof name, "f%02d", i);
            write_file(e.dir, name, "x", 1000 + i);
        }
        e.mem.fail_after = n;
        int rc = env_open(&e);
        char out[1024];
        for (int b = 0; rc == 0 && b < 25; b++) {
            int has;
            rc = e.src.vt->plan(&e.src, SRT_LIMIT_DEFAULT, &e.end, &has, &e.err);
            out[0] = '\0';
            if (rc == 0 && has)
                rc = e.src.vt->read(&e.src, NULL, srt_buf_cstr(&e.end), collect, out, &e.err);
        }
        ck_assert(rc == 0 || rc == -SRT_ERR_NOMEM);
        e.mem.fail_after = -1;
        env_done(&e);
    }
}
END_TEST

/* ======================================================================
** Checkpoints: the source log in log_dir, restore, re-running a batch
** ====================================================================== */

/* A checkpoint directory beside the data; log is its sources/0 (created by the source). */
typedef struct Ckpt {
    char dir[64];
    char log[96];
} Ckpt;

static void ckpt_init(Ckpt *c)
{
    rt_make_temp_dir(c->dir, sizeof c->dir, "srt_ckpt");
    snprintf(c->log, sizeof c->log, "%s/sources/0", c->dir);
}

static void ckpt_done(Ckpt *c)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", c->dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Open with a log directory. */
static int env_open_log(Env *e, const char *log)
{
    memset(&e->src, 0, sizeof e->src);
    e->src.vt = &srt_source_files_vt;
    e->src.mem = &e->mem;
    e->src.name = "events";
    e->src.log_dir = log;
    SrtSchema schema = {NULL, 0};
    return e->src.vt->open(&e->src, &e->opts, &schema, &e->err);
}

/* Plan one batch and read it from start (NULL: the beginning), as the query loop does;
   commit it when commit is set.  Returns has_data. */
static int batch_from(Env *e, const char *start, int commit, char *out)
{
    int has = -1;
    out[0] = '\0';
    ck_assert_msg(e->src.vt->plan(&e->src, SRT_LIMIT_DEFAULT, &e->end, &has, &e->err) == 0, "%s",
                  e->err.msg);
    if (!has)
        return 0;
    ck_assert_msg(e->src.vt->read(&e->src, start, srt_buf_cstr(&e->end), collect, out, &e->err) ==
                      0,
                  "%s", e->err.msg);
    if (commit)
        ck_assert_int_eq(e->src.vt->commit(&e->src, srt_buf_cstr(&e->end), &e->err), 0);
    return 1;
}

static void read_range(Env *e, const char *start, const char *end, char *out)
{
    out[0] = '\0';
    ck_assert_msg(e->src.vt->read(&e->src, start, end, collect, out, &e->err) == 0, "%s",
                  e->err.msg);
}

/* The text of a checkpoint file (without its trailer), in a static buffer. */
static const char *ckpt_text(Env *e, const char *log, const char *entry)
{
    static char text[2048];
    char path[160];
    snprintf(path, sizeof path, "%s/%s", log, entry);
    SrtBuf b;
    srt_buf_init(&b, &e->mem);
    SrtErr err;
    ck_assert_int_eq(srt_ckpt_read_file(path, &b, &err), 0);
    snprintf(text, sizeof text, "%s", srt_buf_cstr(&b));
    srt_buf_free(&b);
    return text;
}

START_TEST(test_log_entries_written)
{
    Env e;
    Ckpt c;
    env_init(&e);
    ckpt_init(&c);
    env_opt(&e, "maxFilesPerTrigger", "2");
    write_file(e.dir, "a.json", "A", 1000);
    write_file(e.dir, "b b%.json", "B", 2000); /* space and '%': percent-encoded in the URI */
    write_file(e.dir, "c.json", "C", 3000);
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    char out[1024];
    ck_assert_int_eq(batch_from(&e, NULL, 1, out), 1);
    ck_assert_str_eq(out, "a.json:A;b b%.json:B;");
    char abs[PATH_MAX], want[10000];
    ck_assert_ptr_nonnull(realpath(e.dir, abs));
    snprintf(want, sizeof want,
             "v1\n"
             "{\"path\":\"file://%s/a.json\",\"timestamp\":1000000,\"batchId\":0}\n"
             "{\"path\":\"file://%s/b%%20b%%25.json\",\"timestamp\":2000000,\"batchId\":0}\n",
             abs, abs);
    ck_assert_str_eq(ckpt_text(&e, c.log, "0"), want);
    ck_assert_int_eq(batch_from(&e, "{\"logOffset\":0}", 1, out), 1);
    ck_assert_str_eq(out, "c.json:C;");
    snprintf(want, sizeof want,
             "v1\n{\"path\":\"file://%s/c.json\",\"timestamp\":3000000,\"batchId\":1}\n", abs);
    ck_assert_str_eq(ckpt_text(&e, c.log, "1"), want);
    ck_assert_int_eq(batch_from(&e, "{\"logOffset\":1}", 1, out), 0); /* no batch, no entry */
    ck_assert_int_eq(access(strcat(strcpy((char[128]){0}, c.log), "/2"), F_OK), -1);
    /* the batch just planned is also readable from the log after commit */
    read_range(&e, NULL, "{\"logOffset\":0}", out);
    ck_assert_str_eq(out, "a.json:A;b b%.json:B;");
    env_done(&e);
    ckpt_done(&c);
}
END_TEST

/* Batch 1 was planned (offsets written) but not committed: a new instance restores up to it,
   re-reads exactly its files although a new file sorts between them, then goes on. */
START_TEST(test_log_rerun_after_restart)
{
    Env e;
    Ckpt c;
    env_init(&e);
    ckpt_init(&c);
    env_opt(&e, "maxFilesPerTrigger", "2");
    write_file(e.dir, "a.json", "A", 1000);
    write_file(e.dir, "b.json", "B", 2000);
    write_file(e.dir, "c.json", "C", 3000);
    write_file(e.dir, "d.json", "D", 4000);
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    char out[1024];
    ck_assert_int_eq(batch_from(&e, NULL, 1, out), 1);
    ck_assert_str_eq(out, "a.json:A;b.json:B;");
    ck_assert_int_eq(batch_from(&e, "{\"logOffset\":0}", 0, out), 1); /* crash before commit */
    ck_assert_str_eq(out, "c.json:C;d.json:D;");
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"logOffset\":1}");
    e.src.vt->close(&e.src);

    write_file(e.dir, "x.json", "X", 3500); /* would sort between c and d */
    write_file(e.dir, "e.json", "E", 5000);
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    ck_assert_msg(e.src.vt->restore(&e.src, "{\"logOffset\":1}", &e.err) == 0, "%s", e.err.msg);
    read_range(&e, "{\"logOffset\":0}", "{\"logOffset\":1}", out);
    ck_assert_str_eq(out, "c.json:C;d.json:D;");
    read_range(&e, NULL, "{\"logOffset\":0}", out); /* any logged batch, twice */
    ck_assert_str_eq(out, "a.json:A;b.json:B;");
    read_range(&e, "{\"logOffset\":0}", "{\"logOffset\":1}", out);
    ck_assert_str_eq(out, "c.json:C;d.json:D;");
    ck_assert_int_eq(e.src.vt->commit(&e.src, "{\"logOffset\":1}", &e.err), 0);
    /* planning goes on after batch 1 with the files no batch took */
    ck_assert_int_eq(batch_from(&e, "{\"logOffset\":1}", 1, out), 1);
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"logOffset\":2}");
    ck_assert_str_eq(out, "x.json:X;e.json:E;");
    ck_assert_int_eq(batch_from(&e, "{\"logOffset\":2}", 1, out), 0);
    env_done(&e);
    ckpt_done(&c);
}
END_TEST

/* Batch 0 was committed, batch 1 was listed in the log but its offsets were never written:
   restore({"logOffset":0}) plans batch 1 afresh from the files batch 0 did not take. */
START_TEST(test_log_restore_committed)
{
    Env e;
    Ckpt c;
    env_init(&e);
    ckpt_init(&c);
    env_opt(&e, "maxFilesPerTrigger", "2");
    write_file(e.dir, "a.json", "A", 1000);
    write_file(e.dir, "b.json", "B", 2000);
    write_file(e.dir, "c.json", "C", 3000);
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    char out[1024];
    ck_assert_int_eq(batch_from(&e, NULL, 1, out), 1);
    ck_assert_int_eq(batch_from(&e, "{\"logOffset\":0}", 0, out), 1);
    ck_assert_str_eq(out, "c.json:C;");
    e.src.vt->close(&e.src);

    write_file(e.dir, "d.json", "D", 500);  /* older than batch 0's files, still new */
    write_file(e.dir, "e.json", "E", 4000);
    write_file(e.dir, "f.json", "F", 4500);
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    ck_assert_int_eq(e.src.vt->restore(&e.src, "{\"logOffset\":0}", &e.err), 0);
    ck_assert_int_eq(batch_from(&e, "{\"logOffset\":0}", 1, out), 1);
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"logOffset\":1}");
    ck_assert_str_eq(out, "d.json:D;c.json:C;");
    ck_assert(strstr(ckpt_text(&e, c.log, "1"), "/d.json\",\"timestamp\":500000,") != NULL);
    ck_assert_int_eq(batch_from(&e, "{\"logOffset\":1}", 1, out), 1);
    ck_assert_str_eq(out, "e.json:E;f.json:F;");
    ck_assert_int_eq(batch_from(&e, "{\"logOffset\":2}", 1, out), 0);
    env_done(&e);
    ckpt_done(&c);
}
END_TEST

/* maxFileAge after a restart: the newest taken modification time comes from the log. */
START_TEST(test_log_restore_max_file_age)
{
    Env e;
    Ckpt c;
    env_init(&e);
    ckpt_init(&c);
    env_opt(&e, "maxFileAge", "1000 seconds");
    write_file(e.dir, "x.json", "X", 10000);
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    char out[1024];
    ck_assert_int_eq(batch_from(&e, NULL, 1, out), 1);
    e.src.vt->close(&e.src);
    write_file(e.dir, "y.json", "Y", 2000); /* older than 10000 - 1000: skipped */
    write_file(e.dir, "z.json", "Z", 9500); /* within the age: taken */
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    ck_assert_int_eq(e.src.vt->restore(&e.src, "{\"logOffset\":0}", &e.err), 0);
    ck_assert_int_eq(batch_from(&e, "{\"logOffset\":0}", 1, out), 1);
    ck_assert_str_eq(out, "z.json:Z;");
    ck_assert_int_eq(batch_from(&e, "{\"logOffset\":1}", 1, out), 0);
    env_done(&e);
    ckpt_done(&c);
}
END_TEST

static void put_entry(const char *log, const char *name, const char *text)
{
    char path[160];
    snprintf(path, sizeof path, "%s/%s", log, name);
    SrtErr err;
    ck_assert_msg(srt_ckpt_write_file(path, text, strlen(text), &err) == 0, "%s", err.msg);
}

START_TEST(test_log_errors)
{
    Env e;
    Ckpt c;
    env_init(&e);
    ckpt_init(&c);
    write_file(e.dir, "a.json", "A", 1000);
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    char out[1024], path[160];
    ck_assert_int_eq(batch_from(&e, NULL, 1, out), 1);
    write_file(e.dir, "b.json", "B", 2000);
    ck_assert_int_eq(batch_from(&e, "{\"logOffset\":0}", 1, out), 1);
    /* restore only before the first plan */
    ck_assert_int_eq(e.src.vt->restore(&e.src, "{\"logOffset\":1}", &e.err), -SRT_ERR_QUERY);
    ck_assert_str_eq(e.err.msg, "files source 'events': restore must come before the first plan");
    e.src.vt->close(&e.src);

    /* a corrupt entry: FORMAT, naming the file */
    snprintf(path, sizeof path, "%s/1", c.log);
    FILE *fp = fopen(path, "r+");
    ck_assert_ptr_nonnull(fp);
    ck_assert_int_eq(fseek(fp, 8, SEEK_SET), 0);
    fputc('#', fp);
    fclose(fp);
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    ck_assert_int_eq(e.src.vt->restore(&e.src, "{\"logOffset\":1}", &e.err), -SRT_ERR_FORMAT);
    ck_assert_msg(strstr(e.err.msg, path) && strstr(e.err.msg, "corrupt"), "%s", e.err.msg);
    /* reading that batch fails the same way */
    ck_assert_int_eq(e.src.vt->read(&e.src, "{\"logOffset\":0}", "{\"logOffset\":1}", collect,
                                    out, &e.err),
                     -SRT_ERR_FORMAT);
    ck_assert_msg(strstr(e.err.msg, path) != NULL, "%s", e.err.msg);
    e.src.vt->close(&e.src);

    /* intact but malformed entries */
    static const struct {
        const char *text, *msg;
    } bad[] = {
        {"v2\n", "does not start with the version line v1"},
        {"v1\n{\"path\":\"file:///x/a\",\"batchId\":1}\n", "malformed at line 2 (no \"timestamp\")"},
        {"v1\n{\"path\":\"file:///x/a\",\"timestamp\":1,\"batchId\":1\n", "malformed at line 2"},
        {"v1\n{\"path\":\"file:///x/a\",\"timestamp\":1.5,\"batchId\":1}\n", "not a whole number"},
        {"v1\n{\"path\":\"file:///x/a\",\"timestamp\":1,\"batchId\":7}\n", "names batch 7 at line 2"},
        {"v1\n{\"path\":\"s3://b/a\",\"timestamp\":1,\"batchId\":1}\n", "no local file URI"},
        {"v1\n{\"path\":\"file:///x/a%0\",\"timestamp\":1,\"batchId\":1}\n", "no local file URI"},
        {"", "is empty"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        put_entry(c.log, "1", bad[i].text);
        ck_assert_int_eq(env_open_log(&e, c.log), 0);
        ck_assert_int_eq(e.src.vt->restore(&e.src, "{\"logOffset\":1}", &e.err), -SRT_ERR_FORMAT);
        ck_assert_msg(strstr(e.err.msg, path) && strstr(e.err.msg, bad[i].msg), "%zu: %s", i,
                      e.err.msg);
        e.src.vt->close(&e.src);
    }

    /* a missing entry in 0..L */
    snprintf(path, sizeof path, "%s/0", c.log);
    ck_assert_int_eq(unlink(path), 0);
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    ck_assert_int_eq(e.src.vt->restore(&e.src, "{\"logOffset\":1}", &e.err), -SRT_ERR_FORMAT);
    char want[512];
    snprintf(want, sizeof want,
             "files source 'events': the source log entry %s is missing (batch 0 was planned, so "
             "the checkpoint must list its files)",
             path);
    ck_assert_str_eq(e.err.msg, want);
    /* bad offsets */
    ck_assert_int_eq(e.src.vt->restore(&e.src, "{\"offset\":1}", &e.err), -SRT_ERR_FORMAT);
    ck_assert_int_eq(e.src.vt->read(&e.src, "{\"logOffset\":2}", "{\"logOffset\":1}", collect,
                                    out, &e.err),
                     -SRT_ERR_QUERY);
    e.src.vt->close(&e.src);

    /* without a checkpoint there is nothing to restore from */
    ck_assert_int_eq(env_open(&e), 0);
    ck_assert_int_eq(e.src.vt->restore(&e.src, "{\"logOffset\":0}", &e.err), -SRT_ERR_QUERY);
    env_done(&e);
    ckpt_done(&c);
}
END_TEST

/* A file of a batch being re-run was deleted: a clear error (Spark fails too). */
START_TEST(test_log_rerun_missing_file)
{
    Env e;
    Ckpt c;
    env_init(&e);
    ckpt_init(&c);
    write_file(e.dir, "a.json", "A", 1000);
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    char out[1024], path[160];
    ck_assert_int_eq(batch_from(&e, NULL, 0, out), 1);
    e.src.vt->close(&e.src);
    snprintf(path, sizeof path, "%s/a.json", e.dir);
    ck_assert_int_eq(unlink(path), 0);
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    ck_assert_int_eq(e.src.vt->restore(&e.src, "{\"logOffset\":0}", &e.err), 0);
    ck_assert_int_eq(e.src.vt->read(&e.src, NULL, "{\"logOffset\":0}", collect, out, &e.err),
                     -SRT_ERR_IO);
    ck_assert_msg(strstr(e.err.msg, "/a.json does not exist, but batch 0 read it") != NULL, "%s",
                  e.err.msg);
    env_done(&e);
    ckpt_done(&c);
}
END_TEST

/* FIFOs and links: the listing takes regular files, through links (Hadoop follows them), and
   skips FIFOs, links to them and dangling links; a name turned into a FIFO after the listing,
   or in the log of a batch re-run, is an error naming it, never a read that blocks. */
START_TEST(test_special_files)
{
    alarm(20); /* a blocked open fails the test instead of hanging it */
    Env e;
    Ckpt c;
    env_init(&e);
    ckpt_init(&c);
    char path[160], out[1024];
    write_file(e.dir, "a.json", "A", 1000);
    write_file(e.dir, ".target", "C", 1001);
    snprintf(path, sizeof path, "%s/b.json", e.dir);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    snprintf(path, sizeof path, "%s/c.json", e.dir);
    ck_assert_int_eq(symlink(".target", path), 0);
    snprintf(path, sizeof path, "%s/d.json", e.dir);
    ck_assert_int_eq(symlink("b.json", path), 0);
    snprintf(path, sizeof path, "%s/e.json", e.dir);
    ck_assert_int_eq(symlink("nowhere", path), 0);
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    ck_assert_int_eq(batch_from(&e, NULL, 1, out), 1);
    ck_assert_str_eq(out, "a.json:A;c.json:C;");

    /* listed as a regular file, a FIFO when read */
    write_file(e.dir, "f.json", "F", 1002);
    int has = -1;
    ck_assert_int_eq(e.src.vt->plan(&e.src, SRT_LIMIT_DEFAULT, &e.end, &has, &e.err), 0);
    ck_assert_int_eq(has, 1);
    snprintf(path, sizeof path, "%s/f.json", e.dir);
    ck_assert_int_eq(unlink(path), 0);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    out[0] = '\0';
    ck_assert_int_eq(e.src.vt->read(&e.src, "{\"logOffset\":0}", srt_buf_cstr(&e.end), collect,
                                    out, &e.err),
                     -SRT_ERR_IO);
    ck_assert_msg(strstr(e.err.msg, "cannot read ") && strstr(e.err.msg, "/f.json: not a regular file"),
                  "%s", e.err.msg);

    /* the same in a re-run after a restart: the batch's files come from the log */
    e.src.vt->close(&e.src);
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    ck_assert_int_eq(e.src.vt->restore(&e.src, "{\"logOffset\":0}", &e.err), 0);
    ck_assert_int_eq(
        e.src.vt->read(&e.src, "{\"logOffset\":0}", "{\"logOffset\":1}", collect, out, &e.err),
        -SRT_ERR_IO);
    ck_assert_msg(strstr(e.err.msg, "/f.json: not a regular file"), "%s", e.err.msg);
    /* a link to a regular file is read in a re-run too */
    ck_assert_int_eq(unlink(path), 0);
    ck_assert_int_eq(symlink(".target", path), 0);
    read_range(&e, "{\"logOffset\":0}", "{\"logOffset\":1}", out);
    ck_assert_str_eq(out, "f.json:C;");
    env_done(&e);
    ckpt_done(&c);
    alarm(0);
}
END_TEST

/* Restore and re-read with allocation failures injected: errors, never crashes or leaks. */
START_TEST(test_log_oom)
{
    Env e;
    Ckpt c;
    env_init(&e);
    ckpt_init(&c);
    for (int i = 0; i < 6; i++) {
        char name[16];
        snprintf(name, sizeof name, "f%02d", i);
        write_file(e.dir, name, "x", 1000 + i);
    }
    env_opt(&e, "maxFilesPerTrigger", "2");
    ck_assert_int_eq(env_open_log(&e, c.log), 0);
    char out[1024];
    ck_assert_int_eq(batch_from(&e, NULL, 1, out), 1);
    ck_assert_int_eq(batch_from(&e, "{\"logOffset\":0}", 0, out), 1);
    e.src.vt->close(&e.src);
    int ok = 0;
    for (int64_t n = 0; n < 60 && !ok; n++) {
        out[0] = '\0';
        e.mem.fail_after = n;
        int rc = env_open_log(&e, c.log);
        if (rc == 0)
            rc = e.src.vt->restore(&e.src, "{\"logOffset\":1}", &e.err);
        if (rc == 0)
            rc = e.src.vt->read(&e.src, "{\"logOffset\":0}", "{\"logOffset\":1}", collect, out,
                                &e.err);
        int has;
        if (rc == 0)
            rc = e.src.vt->plan(&e.src, SRT_LIMIT_DEFAULT, &e.end, &has, &e.err);
        ck_assert_msg(rc == 0 || rc == -SRT_ERR_NOMEM, "%d %s", rc, e.err.msg);
        ok = rc == 0;
        e.mem.fail_after = -1;
        if (!ok)
            e.src.vt->close(&e.src);
    }
    ck_assert(ok);
    env_done(&e);
    ckpt_done(&c);
}
END_TEST

Suite *rt_files_suite(void)
{
    Suite *s = suite_create("rt_files");
    TCase *tc = tcase_create("files");
    tcase_add_test(tc, test_order_and_limit);
    tcase_add_test(tc, test_latest_first_and_all);
    tcase_add_test(tc, test_max_file_age);
    tcase_add_test(tc, test_available_now_snapshot);
    tcase_add_test(tc, test_empty_and_unterminated);
    tcase_add_test(tc, test_big_file_buffers);
    tcase_add_test(tc, test_truncated_while_read);
    tcase_add_test(tc, test_truncated_while_mapped);
    tcase_add_test(tc, test_line_too_long);
    tcase_add_test(tc, test_line_ends);
    tcase_add_test(tc, test_line_sep_multi);
    tcase_add_test(tc, test_line_sep_multi_refused);
    tcase_add_test(tc, test_option_errors);
    tcase_add_test(tc, test_path_vanishes);
    tcase_add_test(tc, test_files_oom);
    tcase_add_test(tc, test_log_entries_written);
    tcase_add_test(tc, test_log_rerun_after_restart);
    tcase_add_test(tc, test_log_restore_committed);
    tcase_add_test(tc, test_log_restore_max_file_age);
    tcase_add_test(tc, test_log_errors);
    tcase_add_test(tc, test_log_rerun_missing_file);
    tcase_add_test(tc, test_special_files);
    tcase_add_test(tc, test_log_oom);
    suite_add_tcase(s, tc);
    return s;
}
