/* check_rt_ckpt.c - the checkpoint store (srt_ckpt.c): checksummed atomic files and their
** corruption reports, uuids, metadata, the offsets and commits logs, the state store with
** deltas and snapshots, purging, and write failures.
*/
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rt_testutil.h"
#include "srt_int.h"

/* ==== Fixture: a temporary directory and an allocator ==== */

typedef struct Fx {
    char dir[256];
    SrtMem mem;
    SrtErr err;
} Fx;

static void fx_init(Fx *fx)
{
    rt_make_temp_dir(fx->dir, sizeof fx->dir, "sl-ckpt");
    srt_mem_init(&fx->mem);
    srt_err_clear(&fx->err);
}

/* rm -r path (links are removed, never followed). */
static void rm_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        chmod(path, 0755);
        DIR *d = opendir(path);
        if (d != NULL) {
            struct dirent *de;
            while ((de = readdir(d)) != NULL) {
                if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                    continue;
                char sub[1024];
                snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
                rm_tree(sub);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void fx_done(Fx *fx)
{
    ck_assert_uint_eq(fx->mem.in_use, 0);
    rm_tree(fx->dir);
}

static char *path_in(char *out, size_t n, const char *dir, const char *rel)
{
    int k = snprintf(out, n, "%s/%s", dir, rel);
    ck_assert(k > 0 && (size_t)k < n);
    return out;
}

/* The raw bytes of a file (NUL-terminated, malloc'd). */
static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    char *buf = malloc(1 << 16);
    *n = fread(buf, 1, (1 << 16) - 1, f);
    buf[*n] = '\0';
    fclose(f);
    return buf;
}

static void spit(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, n, f), n);
    fclose(f);
}

/* Names in dir starting with '.' other than . and .. */
static int hidden_files(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        if (de->d_name[0] == '.' && strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

/* ==== Files ==== */

START_TEST(test_file_round_trip)
{
    Fx fx;
    fx_init(&fx);
    char p[512];
    path_in(p, sizeof p, fx.dir, "f");
    SrtBuf b;
    srt_buf_init(&b, &fx.mem);

    ck_assert_int_eq(srt_ckpt_write_file(p, "hello\nworld\n", 12, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_read_file(p, &b, &fx.err), 0);
    ck_assert_uint_eq(b.n, 12);
    ck_assert_str_eq(b.p, "hello\nworld\n");

    /* The trailer is one text line after the data. */
    size_t n;
    char *raw = slurp(p, &n);
    ck_assert_int_eq(strncmp(raw, "hello\nworld\n#crc32c ", 20), 0);
    ck_assert_int_eq(raw[n - 1], '\n');
    ck_assert_ptr_nonnull(strstr(raw, " 12\n"));
    free(raw);

    /* Replace with binary data holding NULs and text looking like a trailer. */
    const char bin[] = "a\0b#crc32c 00000000 3\nz";
    ck_assert_int_eq(srt_ckpt_write_file(p, bin, sizeof bin - 1, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_read_file(p, &b, &fx.err), 0);
    ck_assert_uint_eq(b.n, sizeof bin - 1);
    ck_assert_int_eq(memcmp(b.p, bin, sizeof bin - 1), 0);

    /* Empty data. */
    ck_assert_int_eq(srt_ckpt_write_file(p, "", 0, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_read_file(p, &b, &fx.err), 0);
    ck_assert_uint_eq(b.n, 0);

    /* A relative path works too (the directory is "."). */
    char cwd[512];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    ck_assert_int_eq(chdir(fx.dir), 0);
    ck_assert_int_eq(srt_ckpt_write_file("rel", "x", 1, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_read_file("rel", &b, &fx.err), 0);
    ck_assert_str_eq(b.p, "x");
    ck_assert_int_eq(chdir(cwd), 0);

    ck_assert_int_eq(hidden_files(fx.dir), 0);
    srt_buf_free(&b);
    fx_done(&fx);
}
END_TEST

START_TEST(test_file_missing)
{
    Fx fx;
    fx_init(&fx);
    char p[512];
    SrtBuf b;
    srt_buf_init(&b, &fx.mem);
    srt_buf_puts(&b, "old");
    ck_assert_int_eq(srt_ckpt_read_file(path_in(p, sizeof p, fx.dir, "nope"), &b, &fx.err), 1);
    ck_assert_uint_eq(b.n, 0);
    ck_assert_int_eq(fx.err.code, 0);
    srt_buf_free(&b);
    fx_done(&fx);
}
END_TEST

/* Read p expecting a FORMAT error whose message names p and contains what. */
static void expect_corrupt(Fx *fx, const char *p, const char *what)
{
    SrtBuf b;
    srt_buf_init(&b, &fx->mem);
    srt_err_clear(&fx->err);
    ck_assert_int_eq(srt_ckpt_read_file(p, &b, &fx->err), -SRT_ERR_FORMAT);
    ck_assert_int_eq(fx->err.code, SRT_ERR_FORMAT);
    ck_assert_msg(strstr(fx->err.msg, p) != NULL, "message does not name the file: %s",
                  fx->err.msg);
    ck_assert_msg(strstr(fx->err.msg, "is corrupt") != NULL, "%s", fx->err.msg);
    ck_assert_msg(strstr(fx->err.msg, what) != NULL, "expected '%s' in: %s", what, fx->err.msg);
    ck_assert_uint_eq(b.n, 0);
    srt_buf_free(&b);
}

START_TEST(test_file_torn_and_flipped)
{
    Fx fx;
    fx_init(&fx);
    char p[512];
    path_in(p, sizeof p, fx.dir, "3");
    const char *text = "v1\n{\"nextBatchWatermarkMs\":0}\n";
    ck_assert_int_eq(srt_ckpt_write_file(p, text, strlen(text), &fx.err), 0);
    size_t n;
    char *raw = slurp(p, &n);

    /* Torn: cut 1, 3, 10 bytes and the whole trailer. */
    size_t cuts[] = {1, 3, 10, n - strlen(text), n - 5};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        spit(p, raw, n - cuts[i]);
        expect_corrupt(&fx, p, "torn");
    }
    /* Empty file. */
    spit(p, raw, 0);
    expect_corrupt(&fx, p, "empty");

    /* A flipped byte in the data. */
    char *copy = malloc(n);
    memcpy(copy, raw, n);
    copy[5] ^= 0x20;
    spit(p, copy, n);
    expect_corrupt(&fx, p, "checksum mismatch");
    /* A flipped bit in the checksum itself. */
    memcpy(copy, raw, n);
    copy[strlen(text) + 8] = copy[strlen(text) + 8] == '0' ? '1' : '0';
    spit(p, copy, n);
    expect_corrupt(&fx, p, "checksum mismatch");
    /* Data lost before an intact trailer: the length says so. */
    spit(p, raw + 3, n - 3);
    expect_corrupt(&fx, p, "length mismatch");
    /* Extra bytes after the trailer. */
    char *longer = malloc(n + 4);
    memcpy(longer, raw, n);
    memcpy(longer + n, "junk", 4);
    spit(p, longer, n + 4);
    expect_corrupt(&fx, p, "torn");
    /* Not a sluice file at all. */
    spit(p, "v1\n{}\n", 6);
    expect_corrupt(&fx, p, "not written by sluice");

    /* The intact file still reads back. */
    spit(p, raw, n);
    SrtBuf b;
    srt_buf_init(&b, &fx.mem);
    ck_assert_int_eq(srt_ckpt_read_file(p, &b, &fx.err), 0);
    ck_assert_str_eq(b.p, text);
    srt_buf_free(&b);
    free(longer);
    free(copy);
    free(raw);
    fx_done(&fx);
}
END_TEST

START_TEST(test_file_write_errors)
{
    Fx fx;
    fx_init(&fx);
    char p[512];
    /* The directory does not exist. */
    path_in(p, sizeof p, fx.dir, "no/such/file");
    ck_assert_int_eq(srt_ckpt_write_file(p, "x", 1, &fx.err), -SRT_ERR_IO);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, p));
    ck_assert_ptr_nonnull(strstr(fx.err.msg, strerror(ENOENT)));
    /* The target is a directory: rename fails, the temporary file is removed. */
    char d[512];
    path_in(d, sizeof d, fx.dir, "sub");
    ck_assert_int_eq(mkdir(d, 0755), 0);
    path_in(p, sizeof p, d, "x");
    ck_assert_int_eq(mkdir(p, 0755), 0);
    ck_assert_int_eq(srt_ckpt_write_file(p, "x", 1, &fx.err), -SRT_ERR_IO);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, p));
    ck_assert_int_eq(hidden_files(d), 0);

    /* A read-only directory (root writes anyway, so only as another user). */
    if (geteuid() != 0) {
        ck_assert_int_eq(chmod(d, 0555), 0);
        path_in(p, sizeof p, d, "ro");
        ck_assert_int_eq(srt_ckpt_write_file(p, "x", 1, &fx.err), -SRT_ERR_IO);
        ck_assert_int_eq(fx.err.code, SRT_ERR_IO);
        ck_assert_ptr_nonnull(strstr(fx.err.msg, p));
        ck_assert_ptr_nonnull(strstr(fx.err.msg, strerror(EACCES)));
        ck_assert_int_eq(access(p, F_OK), -1);
        ck_assert_int_eq(hidden_files(d), 0);
        ck_assert_int_eq(chmod(d, 0755), 0);
    }
    fx_done(&fx);
}
END_TEST

START_TEST(test_uuid4)
{
    char a[37], b[37];
    srt_uuid4(a);
    srt_uuid4(b);
    ck_assert_uint_eq(strlen(a), 36);
    ck_assert_str_ne(a, b);
    for (int i = 0; i < 36; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23)
            ck_assert_int_eq(a[i], '-');
        else
            ck_assert_msg(strchr("0123456789abcdef", a[i]) != NULL && a[i] != '\0',
                          "bad character in %s", a);
    }
    ck_assert_int_eq(a[14], '4');
    ck_assert_ptr_nonnull(strchr("89ab", a[19]));
}
END_TEST

/* ==== Metadata, offsets, commits ==== */

START_TEST(test_open_metadata)
{
    Fx fx;
    fx_init(&fx);
    char d1[512], d2[512], p[512];
    path_in(d1, sizeof d1, fx.dir, "q1/deeper/");
    path_in(d2, sizeof d2, fx.dir, "q2");
    SrtCkpt *c;
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d1, &c, &fx.err), 0);
    char id[37];
    strcpy(id, srt_ckpt_id(c));
    ck_assert_uint_eq(strlen(id), 36);
    path_in(p, sizeof p, fx.dir, "q1/deeper");
    ck_assert_str_eq(srt_ckpt_dir(c), p);
    srt_ckpt_close(c);

    /* The subdirectories exist and metadata is Spark's JSON. */
    const char *subs[] = {"q1/deeper/offsets", "q1/deeper/commits", "q1/deeper/sources",
                          "q1/deeper/state"};
    for (int i = 0; i < 4; i++) {
        struct stat st;
        ck_assert_int_eq(stat(path_in(p, sizeof p, fx.dir, subs[i]), &st), 0);
        ck_assert(S_ISDIR(st.st_mode));
    }
    SrtBuf b;
    srt_buf_init(&b, &fx.mem);
    ck_assert_int_eq(
        srt_ckpt_read_file(path_in(p, sizeof p, fx.dir, "q1/deeper/metadata"), &b, &fx.err), 0);
    char want[64];
    snprintf(want, sizeof want, "{\"id\":\"%s\"}\n", id);
    ck_assert_str_eq(b.p, want);

    /* Stable across opens; another directory gets another id. */
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d1, &c, &fx.err), 0);
    ck_assert_str_eq(srt_ckpt_id(c), id);
    srt_ckpt_close(c);
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d2, &c, &fx.err), 0);
    ck_assert_str_ne(srt_ckpt_id(c), id);
    srt_ckpt_close(c);

    /* A corrupt or foreign metadata file is an error naming it. */
    path_in(p, sizeof p, fx.dir, "q2/metadata");
    const char *bad = "{\"id\":\"not-a-uuid\"}\n";
    ck_assert_int_eq(srt_ckpt_write_file(p, bad, strlen(bad), &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d2, &c, &fx.err), -SRT_ERR_FORMAT);
    ck_assert_ptr_null(c);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, p));
    spit(p, "{\"id\":\"x\"}", 10);
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d2, &c, &fx.err), -SRT_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "corrupt"));

    /* A file where the directory should be. */
    path_in(p, sizeof p, fx.dir, "plain");
    spit(p, "x", 1);
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, p, &c, &fx.err), -SRT_ERR_IO);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, p));

    srt_buf_free(&b);
    fx_done(&fx);
}
END_TEST

START_TEST(test_open_out_of_memory)
{
    Fx fx;
    fx_init(&fx);
    char d[512];
    path_in(d, sizeof d, fx.dir, "q");
    /* Round 0 creates the metadata, round 1 reads it. */
    for (int round = 0; round < 2; round++) {
        int ok = 0;
        for (int n = 0; n < 40 && !ok; n++) {
            fx.mem.fail_after = n;
            SrtCkpt *c = NULL;
            int rc = srt_ckpt_open(&fx.mem, d, &c, &fx.err);
            fx.mem.fail_after = -1;
            if (rc == 0) {
                ok = 1;
                ck_assert_ptr_nonnull(srt_ckpt_source_dir(c, 2));
                srt_ckpt_close(c);
            } else {
                ck_assert_int_eq(rc, -SRT_ERR_NOMEM);
                ck_assert_ptr_null(c);
            }
            ck_assert_uint_eq(fx.mem.in_use, 0);
        }
        ck_assert(ok);
    }
    fx_done(&fx);
}
END_TEST

START_TEST(test_offsets_commits)
{
    Fx fx;
    fx_init(&fx);
    char d[512], p[512];
    path_in(d, sizeof d, fx.dir, "q");
    SrtCkpt *c;
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d, &c, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_latest_offsets(c), -1);
    ck_assert_int_eq(srt_ckpt_latest_commit(c), -1);

    ck_assert_int_eq(
        srt_ckpt_write_offsets(c, 0, 0, 1584612918417, "{\"logOffset\":3}", NULL, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_write_offsets(c, 1, -5, 7, NULL, NULL, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_write_commit(c, 0, 12000, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_latest_offsets(c), 1);
    ck_assert_int_eq(srt_ckpt_latest_commit(c), 0);

    /* Spark's texts. */
    SrtBuf b;
    srt_buf_init(&b, &fx.mem);
    ck_assert_int_eq(srt_ckpt_read_file(path_in(p, sizeof p, d, "offsets/0"), &b, &fx.err), 0);
    ck_assert_str_eq(b.p, "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":1584612918417,\"conf\":"
                          "{\"spark.sql.streaming.multipleWatermarkPolicy\":\"min\","
                          "\"spark.sql.shuffle.partitions\":\"1\"}}\n{\"logOffset\":3}\n");
    ck_assert_int_eq(srt_ckpt_read_file(path_in(p, sizeof p, d, "commits/0"), &b, &fx.err), 0);
    ck_assert_str_eq(b.p, "v1\n{\"nextBatchWatermarkMs\":12000}\n");
    ck_assert_int_eq(srt_ckpt_read_file(path_in(p, sizeof p, d, "offsets/1"), &b, &fx.err), 0);
    ck_assert_ptr_nonnull(strstr(b.p, "}}\n-\n"));

    /* Round trips. */
    int64_t wm = 99, ts = 99, nwm = 99;
    srt_buf_puts(&b, "junk");
    ck_assert_int_eq(srt_ckpt_read_offsets(c, 0, &wm, &ts, &b, &fx.err), 0);
    ck_assert_int_eq(wm, 0);
    ck_assert_int_eq(ts, 1584612918417);
    ck_assert_str_eq(b.p, "{\"logOffset\":3}");
    ck_assert_int_eq(srt_ckpt_read_offsets(c, 1, &wm, &ts, &b, &fx.err), 0);
    ck_assert_int_eq(wm, -5);
    ck_assert_int_eq(ts, 7);
    ck_assert_uint_eq(b.n, 0);
    ck_assert_int_eq(srt_ckpt_read_commit(c, 0, &nwm, &fx.err), 0);
    ck_assert_int_eq(nwm, 12000);
    ck_assert_int_eq(srt_ckpt_read_offsets(c, 2, &wm, &ts, &b, &fx.err), 1);
    ck_assert_int_eq(srt_ckpt_read_commit(c, 1, &nwm, &fx.err), 1);

    /* Writing an existing batch is Spark's concurrent update; the file is unchanged. */
    ck_assert_int_lt(srt_ckpt_write_offsets(c, 0, 1, 2, "{\"logOffset\":9}", NULL, &fx.err), 0);
    ck_assert_msg(strstr(fx.err.msg,
                         "Concurrent update to the log. Multiple streaming jobs detected for 0") !=
                      NULL,
                  "%s", fx.err.msg);
    ck_assert_int_lt(srt_ckpt_write_commit(c, 0, 1, &fx.err), 0);
    ck_assert_ptr_nonnull(
        strstr(fx.err.msg, "Concurrent update to the log. Multiple streaming jobs detected for 0"));
    ck_assert_int_eq(srt_ckpt_read_offsets(c, 0, &wm, &ts, &b, &fx.err), 0);
    ck_assert_str_eq(b.p, "{\"logOffset\":3}");
    ck_assert_int_eq(hidden_files(path_in(p, sizeof p, d, "offsets")), 0);
    ck_assert_int_eq(hidden_files(path_in(p, sizeof p, d, "commits")), 0);

    /* Several sources (a UNION ALL): one line each, "-" for one without an offset. */
    const char *three = "{\"logOffset\":1}\n\n{\"offset\":2}";
    ck_assert_int_eq(srt_ckpt_write_offsets(c, 5, 7, 8, three, NULL, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_read_offsets(c, 5, &wm, &ts, &b, &fx.err), 0);
    ck_assert_str_eq(b.p, three);

    /* Source directories: stable pointers under sources/, created. */
    const char *s0 = srt_ckpt_source_dir(c, 0);
    const char *s3 = srt_ckpt_source_dir(c, 3);
    ck_assert_str_eq(s0, path_in(p, sizeof p, d, "sources/0"));
    ck_assert_str_eq(s3, path_in(p, sizeof p, d, "sources/3"));
    ck_assert_ptr_eq(srt_ckpt_source_dir(c, 0), s0);
    for (int i = 4; i < 40; i++)
        ck_assert_ptr_nonnull(srt_ckpt_source_dir(c, i));
    ck_assert_ptr_eq(srt_ckpt_source_dir(c, 3), s3);
    struct stat st;
    ck_assert_int_eq(stat(s3, &st), 0);
    ck_assert(S_ISDIR(st.st_mode));

    srt_buf_free(&b);
    srt_ckpt_close(c);
    fx_done(&fx);
}
END_TEST

/* The offsets log's conf: multipleWatermarkPolicy recorded as given ("min" when NULL) and read
   back (OffsetSeqMetadata.conf); an entry without it (older Spark) or without a conf reads as
   absent, and a conf that is not an object of strings is an error. */
START_TEST(test_offsets_conf)
{
    Fx fx;
    fx_init(&fx);
    char d[512], p[512];
    path_in(d, sizeof d, fx.dir, "q");
    SrtCkpt *c;
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d, &c, &fx.err), 0);
    SrtBuf b;
    srt_buf_init(&b, &fx.mem);
    const char *key = "spark.sql.streaming.multipleWatermarkPolicy";
    ck_assert_int_eq(srt_ckpt_write_offsets(c, 0, 0, 5, NULL, "MAX", &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_read_file(path_in(p, sizeof p, d, "offsets/0"), &b, &fx.err), 0);
    ck_assert_ptr_nonnull(strstr(b.p, "\"conf\":{\"spark.sql.streaming.multipleWatermarkPolicy\":"
                                      "\"MAX\",\"spark.sql.shuffle.partitions\":\"1\"}}\n"));
    ck_assert_int_eq(srt_ckpt_read_conf(c, 0, key, &b, &fx.err), 0);
    ck_assert_str_eq(b.p, "MAX");
    ck_assert_int_eq(srt_ckpt_read_conf(c, 0, "spark.sql.shuffle.partitions", &b, &fx.err), 0);
    ck_assert_str_eq(b.p, "1");
    struct {
        const char *text;
        int rc;
        const char *value;
    } cases[] = {
        {"v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":0,\"conf\":{\"spark.sql.shuffle."
         "partitions\":\"200\"}}\n-\n",
         1, NULL},
        {"v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":0}\n-\n", 1, NULL},
        {"v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":0,\"conf\":{\"spark.sql.streaming."
         "multipleWatermarkPolicy\":\"m\\u0061x\"}}\n-\n",
         0, "max"},
        {"v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":0,\"conf\":{\"spark.sql.streaming."
         "multipleWatermarkPolicy\":7}}\n-\n",
         -1, NULL},
        {"v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":0,\"conf\":[]}\n-\n", -1, NULL},
    };
    for (int i = 0; i < (int)(sizeof cases / sizeof cases[0]); i++) {
        char name[32];
        snprintf(name, sizeof name, "offsets/%d", i + 1);
        path_in(p, sizeof p, d, name);
        ck_assert_int_eq(srt_ckpt_write_file(p, cases[i].text, strlen(cases[i].text), &fx.err), 0);
        int rc = srt_ckpt_read_conf(c, i + 1, key, &b, &fx.err);
        ck_assert_msg(rc == cases[i].rc || (cases[i].rc < 0 && rc < 0), "case %d: rc %d", i, rc);
        if (cases[i].value)
            ck_assert_str_eq(b.p, cases[i].value);
        if (rc < 0)
            ck_assert_msg(strstr(fx.err.msg, "\"conf\" is not an object of strings"), "%s",
                          fx.err.msg);
    }
    ck_assert_int_eq(srt_ckpt_read_conf(c, 9, key, &b, &fx.err), 1);
    srt_buf_free(&b);
    srt_ckpt_close(c);
    fx_done(&fx);
}
END_TEST

START_TEST(test_bad_log_entries)
{
    Fx fx;
    fx_init(&fx);
    char d[512], p[512];
    path_in(d, sizeof d, fx.dir, "q");
    SrtCkpt *c;
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d, &c, &fx.err), 0);
    SrtBuf b;
    srt_buf_init(&b, &fx.mem);
    int64_t wm, ts, nwm;
    struct {
        const char *name, *text, *msg;
    } cases[] = {
        {"offsets/0", "v2\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":0}\n-\n", "version v2"},
        {"offsets/1", "{\"batchWatermarkMs\":0}\n", "log version line"},
        {"offsets/2", "v1\n{\"batchWatermarkMs\":0}\n-\n", "offset metadata"},
        {"offsets/3", "v1\n{\"batchWatermarkMs\":\"x\",\"batchTimestampMs\":0}\n-\n",
         "offset metadata"},
        {"offsets/4", "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":0\n-\n", "offset metadata"},
        {"offsets/5", "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":0}\n", "no source offset"},
        {"commits/0", "v1\n{\"nextBatchWatermark\":0}\n", "nextBatchWatermarkMs"},
        {"commits/1", "v7\n{\"nextBatchWatermarkMs\":0}\n", "version v7"},
        {"commits/2", "v1\n{\"nextBatchWatermarkMs\":99999999999999999999}\n",
         "nextBatchWatermarkMs"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        path_in(p, sizeof p, d, cases[i].name);
        ck_assert_int_eq(srt_ckpt_write_file(p, cases[i].text, strlen(cases[i].text), &fx.err), 0);
        int64_t id = cases[i].name[8] - '0'; /* "offsets/N", "commits/N" */
        int rc = cases[i].name[0] == 'o' ? srt_ckpt_read_offsets(c, id, &wm, &ts, &b, &fx.err)
                                         : srt_ckpt_read_commit(c, id, &nwm, &fx.err);
        ck_assert_int_eq(rc, -SRT_ERR_FORMAT);
        ck_assert_msg(strstr(fx.err.msg, p) != NULL, "case %zu: %s", i, fx.err.msg);
        ck_assert_msg(strstr(fx.err.msg, cases[i].msg) != NULL, "case %zu: %s", i, fx.err.msg);
    }
    /* Spark's own JSON with more conf keys and spaces parses. */
    const char *spark = "v1\n{\"batchWatermarkMs\" : 5, \"conf\":{\"a\":\"}\",\"b\":[1,{}]},"
                        "\"batchTimestampMs\":1584612918417}\n{\"logOffset\":3}";
    ck_assert_int_eq(
        srt_ckpt_write_file(path_in(p, sizeof p, d, "offsets/7"), spark, strlen(spark), &fx.err),
        0);
    ck_assert_int_eq(srt_ckpt_read_offsets(c, 7, &wm, &ts, &b, &fx.err), 0);
    ck_assert_int_eq(wm, 5);
    ck_assert_int_eq(ts, 1584612918417);
    ck_assert_str_eq(b.p, "{\"logOffset\":3}");
    srt_buf_free(&b);
    srt_ckpt_close(c);
    fx_done(&fx);
}
END_TEST

START_TEST(test_latest_with_gaps_and_junk)
{
    Fx fx;
    fx_init(&fx);
    char d[512], p[512];
    path_in(d, sizeof d, fx.dir, "q");
    SrtCkpt *c;
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d, &c, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_write_offsets(c, 0, 0, 0, NULL, NULL, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_write_offsets(c, 2, 0, 0, NULL, NULL, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_write_offsets(c, 10, 0, 0, NULL, NULL, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_write_commit(c, 2, 0, &fx.err), 0);
    const char *junk[] = {"offsets/.99.tmp-123", "offsets/11.tmp",
                          "offsets/12a",         "offsets/abc",
                          "offsets/-13",         "commits/.7.tmp-1",
                          "commits/8.crc",       "offsets/9999999999999999999999"};
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++)
        spit(path_in(p, sizeof p, d, junk[i]), "x", 1);
    ck_assert_int_eq(srt_ckpt_latest_offsets(c), 10);
    ck_assert_int_eq(srt_ckpt_latest_commit(c), 2);
    /* Nothing is cached: a new entry shows at once. */
    ck_assert_int_eq(srt_ckpt_write_offsets(c, 11, 0, 0, NULL, NULL, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_write_commit(c, 10, 0, &fx.err), 0);
    ck_assert_int_eq(srt_ckpt_latest_offsets(c), 11);
    ck_assert_int_eq(srt_ckpt_latest_commit(c), 10);
    srt_ckpt_close(c);
    fx_done(&fx);
}
END_TEST

/* ==== State ==== */

/* A little map of string keys to string values, rebuilt by the load callback. */
typedef struct Map {
    char key[32][16], val[32][16];
    int n;
    int calls;
    int fail_at; /* return an error at this call (-1 never) */
} Map;

static int map_find(Map *m, const uint8_t *k, uint32_t kn)
{
    for (int i = 0; i < m->n; i++)
        if (strlen(m->key[i]) == kn && memcmp(m->key[i], k, kn) == 0)
            return i;
    return -1;
}

static int map_apply(void *ctx, int is_put, const uint8_t *key, uint32_t key_len,
                     const uint8_t *val, uint32_t val_len)
{
    Map *m = ctx;
    if (m->calls++ == m->fail_at)
        return -SRT_ERR_QUERY;
    ck_assert_uint_lt(key_len, 16);
    int i = map_find(m, key, key_len);
    if (is_put) {
        ck_assert_ptr_nonnull(val);
        ck_assert_uint_lt(val_len, 16);
        if (i < 0) {
            i = m->n++;
            memcpy(m->key[i], key, key_len);
            m->key[i][key_len] = '\0';
        }
        memcpy(m->val[i], val, val_len);
        m->val[i][val_len] = '\0';
    } else {
        ck_assert_ptr_null(val);
        if (i >= 0) {
            m->n--;
            memmove(m->key[i], m->key[m->n], 16);
            memmove(m->val[i], m->val[m->n], 16);
        }
    }
    return 0;
}

static const char *map_get(Map *m, const char *k)
{
    int i = map_find(m, (const uint8_t *)k, (uint32_t)strlen(k));
    return i < 0 ? NULL : m->val[i];
}

static void load(Fx *fx, SrtCkpt *c, int op, int64_t v, Map *m, int expect_rc)
{
    memset(m, 0, sizeof *m);
    m->fail_at = -1;
    int rc = srt_ckpt_state_load(c, op, v, map_apply, m, &fx->err);
    ck_assert_msg(rc == expect_rc, "load v%lld: rc %d (%s)", (long long)v, rc, fx->err.msg);
}

/* Versions of op 0: 1.delta a=1 b=2; 2.delta a=3, del b, c=4; 3.delta del a, d=5;
   2.snapshot a=3 c=4; 4.delta e=6 (with binary key/value bytes in op 1). */
static void write_delta(Fx *fx, SrtCkpt *c, int op, int64_t v, int snapshot, const char *recs)
{
    SrtStateWriter *w;
    ck_assert_int_eq(srt_ckpt_state_begin(c, op, v, snapshot, &w, &fx->err), 0);
    /* recs: "+k=v" puts and "-k" deletes separated by spaces */
    char buf[256];
    strcpy(buf, recs);
    for (char *t = strtok(buf, " "); t; t = strtok(NULL, " ")) {
        if (t[0] == '+') {
            char *eq = strchr(t, '=');
            ck_assert_int_eq(
                srt_state_put(w, t + 1, (uint32_t)(eq - t - 1), eq + 1, (uint32_t)strlen(eq + 1)),
                0);
        } else {
            ck_assert_int_eq(srt_state_delete(w, t + 1, (uint32_t)strlen(t + 1)), 0);
        }
    }
    ck_assert_int_eq(srt_state_commit(w, &fx->err), 0);
}

START_TEST(test_state_replay)
{
    Fx fx;
    fx_init(&fx);
    char d[512], p[512];
    path_in(d, sizeof d, fx.dir, "q");
    SrtCkpt *c;
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d, &c, &fx.err), 0);
    Map m;
    load(&fx, c, 0, 0, &m, 0);
    ck_assert_int_eq(m.calls, 0);

    write_delta(&fx, c, 0, 1, 0, "+a=1 +b=2");
    write_delta(&fx, c, 0, 2, 0, "+a=3 -b +c=4");
    write_delta(&fx, c, 0, 3, 0, "-a +d=5");
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "state/0/1.delta"), F_OK), 0);

    load(&fx, c, 0, 1, &m, 0);
    ck_assert_int_eq(m.n, 2);
    ck_assert_str_eq(map_get(&m, "a"), "1");
    ck_assert_str_eq(map_get(&m, "b"), "2");
    load(&fx, c, 0, 3, &m, 0);
    ck_assert_int_eq(m.calls, 7);
    ck_assert_int_eq(m.n, 2);
    ck_assert_str_eq(map_get(&m, "c"), "4");
    ck_assert_str_eq(map_get(&m, "d"), "5");
    ck_assert_ptr_null(map_get(&m, "a"));

    /* A snapshot at 2 is preferred: its records, then delta 3. */
    write_delta(&fx, c, 0, 2, 1, "+a=3 +c=4");
    load(&fx, c, 0, 3, &m, 0);
    ck_assert_int_eq(m.calls, 4);
    ck_assert_int_eq(m.n, 2);
    ck_assert_str_eq(map_get(&m, "c"), "4");
    ck_assert_str_eq(map_get(&m, "d"), "5");
    load(&fx, c, 0, 2, &m, 0);
    ck_assert_int_eq(m.calls, 2);
    ck_assert_str_eq(map_get(&m, "a"), "3");
    /* Below the snapshot, the deltas still serve. */
    load(&fx, c, 0, 1, &m, 0);
    ck_assert_int_eq(m.calls, 2);
    ck_assert_str_eq(map_get(&m, "b"), "2");
    /* A delta written for version 2 again replaces its snapshot: the deltas serve. */
    write_delta(&fx, c, 0, 2, 0, "+a=3 -b +c=4");
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "state/0/2.snapshot"), F_OK), -1);
    load(&fx, c, 0, 3, &m, 0);
    ck_assert_int_eq(m.calls, 7);
    ck_assert_int_eq(m.n, 2);
    write_delta(&fx, c, 0, 2, 1, "+a=3 +c=4");

    /* An empty delta and binary keys in another operator. */
    write_delta(&fx, c, 1, 1, 0, "");
    SrtStateWriter *w;
    ck_assert_int_eq(srt_ckpt_state_begin(c, 1, 2, 0, &w, &fx.err), 0);
    ck_assert_int_eq(srt_state_put(w, "k\0x", 3, "\0\1\2", 3), 0);
    ck_assert_int_eq(srt_state_put(w, "", 0, "", 0), 0);
    ck_assert_int_eq(srt_state_commit(w, &fx.err), 0);
    load(&fx, c, 1, 2, &m, 0);
    ck_assert_int_eq(m.calls, 2);
    ck_assert_int_eq(m.n, 2);
    ck_assert_uint_eq(strlen(m.key[1]), 0);

    /* An aborted writer leaves no file. */
    ck_assert_int_eq(srt_ckpt_state_begin(c, 0, 9, 0, &w, &fx.err), 0);
    ck_assert_int_eq(srt_state_put(w, "z", 1, "z", 1), 0);
    srt_state_abort(w);
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "state/0/9.delta"), F_OK), -1);

    /* Bad arguments. */
    ck_assert_int_lt(srt_ckpt_state_begin(c, 0, 0, 0, &w, &fx.err), 0);
    ck_assert_ptr_null(w);
    ck_assert_int_lt(srt_ckpt_state_begin(c, -1, 1, 0, &w, &fx.err), 0);

    srt_ckpt_close(c);
    fx_done(&fx);
}
END_TEST

START_TEST(test_state_errors)
{
    Fx fx;
    fx_init(&fx);
    char d[512], p[512];
    path_in(d, sizeof d, fx.dir, "q");
    SrtCkpt *c;
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d, &c, &fx.err), 0);
    Map m;
    write_delta(&fx, c, 0, 1, 0, "+a=1");
    write_delta(&fx, c, 0, 3, 0, "+b=1");

    /* Delta 2 is missing. */
    load(&fx, c, 0, 3, &m, -SRT_ERR_FORMAT);
    path_in(p, sizeof p, d, "state/0/2.delta");
    char want[700];
    snprintf(want, sizeof want,
             "state of operator 0 at version 3 cannot be restored: %s is missing", p);
    ck_assert_str_eq(fx.err.msg, want);
    ck_assert_int_eq(m.calls, 0);
    /* An operator that never wrote. */
    load(&fx, c, 4, 1, &m, -SRT_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "state/4/1.delta is missing"));

    /* A corrupt delta: the read_file error naming it. */
    write_delta(&fx, c, 0, 2, 0, "+c=1");
    load(&fx, c, 0, 3, &m, 0);
    ck_assert_int_eq(m.n, 3);
    size_t n;
    char *raw = slurp(p, &n);
    raw[1] ^= 1;
    spit(p, raw, n);
    load(&fx, c, 0, 3, &m, -SRT_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, p));
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "checksum mismatch"));
    free(raw);

    /* Valid checksum, bad records. */
    ck_assert_int_eq(srt_ckpt_write_file(p, "X", 1, &fx.err), 0);
    load(&fx, c, 0, 3, &m, -SRT_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "unknown record type"));
    ck_assert_int_eq(srt_ckpt_write_file(p, "P\5\0\0\0ab", 7, &fx.err), 0);
    load(&fx, c, 0, 3, &m, -SRT_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "runs past the end"));
    ck_assert_int_eq(srt_ckpt_write_file(p, "P\1\0\0\0a\1\0", 8, &fx.err), 0);
    load(&fx, c, 0, 3, &m, -SRT_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "runs past the end"));

    /* A callback error stops the replay and is returned. */
    write_delta(&fx, c, 0, 2, 0, "+c=1 +d=2");
    memset(&m, 0, sizeof m);
    m.fail_at = 1;
    srt_err_clear(&fx.err);
    ck_assert_int_eq(srt_ckpt_state_load(c, 0, 3, map_apply, &m, &fx.err), -SRT_ERR_QUERY);
    ck_assert_int_eq(m.calls, 2);

    srt_ckpt_close(c);
    fx_done(&fx);
}
END_TEST

/* ==== Purge ==== */

START_TEST(test_purge)
{
    Fx fx;
    fx_init(&fx);
    char d[512], p[512];
    path_in(d, sizeof d, fx.dir, "q");
    SrtCkpt *c;
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d, &c, &fx.err), 0);
    /* Batches 0..9 with commits; state versions 1..10 (batch b writes version b+1), a
       snapshot at 4 and at 8, deltas everywhere. */
    for (int64_t b = 0; b < 10; b++) {
        ck_assert_int_eq(srt_ckpt_write_offsets(c, b, 0, b, NULL, NULL, &fx.err), 0);
        ck_assert_int_eq(srt_ckpt_write_commit(c, b, 0, &fx.err), 0);
        char rec[64];
        snprintf(rec, sizeof rec, "+k%lld=%lld", (long long)b, (long long)b);
        write_delta(&fx, c, 0, b + 1, 0, rec);
    }
    write_delta(&fx, c, 0, 4, 1, "+k0=0 +k1=1 +k2=2 +k3=3");
    write_delta(&fx, c, 0, 8, 1, "+k0=0 +k1=1 +k2=2 +k3=3 +k4=4 +k5=5 +k6=6 +k7=7");
    spit(path_in(p, sizeof p, d, "state/0/notes.txt"), "x", 1);

    /* Keep batch 6 on: versions >= 6 need snapshot 4 and deltas 5.. */
    ck_assert_int_eq(srt_ckpt_purge(c, 6, &fx.err), 0);
    Map m;
    for (int64_t v = 6; v <= 10; v++) {
        load(&fx, c, 0, v, &m, 0);
        ck_assert_int_eq(m.n, (int)v);
    }
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "state/0/4.snapshot"), F_OK), 0);
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "state/0/3.delta"), F_OK), -1);
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "state/0/notes.txt"), F_OK), 0);
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "offsets/5"), F_OK), -1);
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "commits/5"), F_OK), -1);
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "offsets/6"), F_OK), 0);
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "commits/6"), F_OK), 0);
    int64_t wm, ts;
    SrtBuf b;
    srt_buf_init(&b, &fx.mem);
    ck_assert_int_eq(srt_ckpt_read_offsets(c, 6, &wm, &ts, &b, &fx.err), 0);
    ck_assert_int_eq(ts, 6);
    srt_buf_free(&b);
    ck_assert_int_eq(srt_ckpt_latest_offsets(c), 9);

    /* Keep 9 on: snapshot 8 becomes the base. */
    ck_assert_int_eq(srt_ckpt_purge(c, 9, &fx.err), 0);
    for (int64_t v = 9; v <= 10; v++) {
        load(&fx, c, 0, v, &m, 0);
        ck_assert_int_eq(m.n, (int)v);
    }
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "state/0/4.snapshot"), F_OK), -1);
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "state/0/8.snapshot"), F_OK), 0);
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "state/0/9.delta"), F_OK), 0);

    /* An operator without snapshots keeps all its deltas. */
    write_delta(&fx, c, 1, 1, 0, "+x=1");
    write_delta(&fx, c, 1, 2, 0, "+y=1");
    ck_assert_int_eq(srt_ckpt_purge(c, 20, &fx.err), 0);
    load(&fx, c, 1, 2, &m, 0);
    ck_assert_int_eq(m.n, 2);
    ck_assert_int_eq(srt_ckpt_latest_offsets(c), -1);
    ck_assert_int_eq(srt_ckpt_latest_commit(c), -1);

    srt_ckpt_close(c);
    fx_done(&fx);
}
END_TEST

/* ==== State schemas and keys read back ==== */

START_TEST(test_schema_rule)
{
    /* Spark's equalsIgnoreNameAndCompatibleNullability: count and types, names ignored. */
    ck_assert_int_eq(srt_state_schema_compatible("struct<a:string>", "struct<b:string>"), 1);
    ck_assert_int_eq(srt_state_schema_compatible("struct<a:string>", "struct<a:timestamp>"), 0);
    ck_assert_int_eq(srt_state_schema_compatible("struct<a:string>", "struct<a:string,b:int>"), 0);
    ck_assert_int_eq(srt_state_schema_compatible("struct<a:string,b:int>", "struct<a:string>"), 0);
    ck_assert_int_eq(srt_state_schema_compatible("struct<>", "struct<>"), 1);
    ck_assert_int_eq(srt_state_schema_compatible("struct<>", "struct<a:int>"), 0);
    ck_assert_int_eq(srt_state_schema_compatible(
                         "struct<window:struct<start:timestamp,end:timestamp>,`count(1)`:bigint>",
                         "struct<w:struct<s:timestamp,e:timestamp>,n:bigint>"),
                     1);
    ck_assert_int_eq(srt_state_schema_compatible("struct<w:struct<s:timestamp,e:timestamp>>",
                                                 "struct<w:struct<s:timestamp>>"),
                     0);
    ck_assert_int_eq(srt_state_schema_compatible("struct<a:array<int>>", "struct<b:array<int>>"), 1);
    ck_assert_int_eq(srt_state_schema_compatible("struct<a:array<int>>", "struct<b:array<bigint>>"),
                     0);
    ck_assert_int_eq(srt_state_schema_compatible("struct<a:int>", "struct<a:struct<b:int>>"), 0);
    ck_assert_int_eq(srt_state_schema_compatible("struct<`a``:b`:int>", "struct<x:int>"), 1);
    /* Interval types are words joined by spaces (DayTimeIntervalType.simpleString). */
    ck_assert_int_eq(srt_state_schema_compatible("struct<s:interval day to second,n:bigint>",
                                                 "struct<t:interval day to second,m:bigint>"),
                     1);
    ck_assert_int_eq(srt_state_schema_compatible("struct<s:interval hour>",
                                                 "struct<s:interval hour to second>"),
                     0);
    ck_assert_int_eq(srt_state_schema_compatible("struct<s:interval year to month>",
                                                 "struct<s:interval year>"),
                     0);
    /* Malformed text is reported as such. */
    ck_assert_int_eq(srt_state_schema_compatible("struct<a:int", "struct<a:int"), -1);
    ck_assert_int_eq(srt_state_schema_compatible("bigint", "bigint"), -1);
    ck_assert_int_eq(srt_state_schema_compatible("struct<a:int>x", "struct<a:int>x"), -1);
    ck_assert_int_eq(srt_state_schema_compatible("struct<:int>", "struct<:int>"), -1);
}
END_TEST

/* A key layout of GROUP BY s STRING, n BIGINT, t STRING: two null flags padded to 8, the
   length of s at 8, n at 16, the length of t at 24, the string bytes from 32; the null flags of
   s and t are bytes 0 and 2. */
static void key_layout(struct SrtStateSchema *s, struct SrtStateKeyString *strings)
{
    memset(s, 0, sizeof *s);
    s->name = "stateStoreSave";
    s->key = "struct<s:string,n:bigint,t:string>";
    s->value = "struct<count:bigint>";
    s->key_nulls = 3;
    s->key_fixed = 32;
    strings[0] = (struct SrtStateKeyString){8, 0, NULL};
    strings[1] = (struct SrtStateKeyString){24, 2, NULL};
    s->key_strings = strings;
    s->n_key_strings = 2;
}

static uint32_t make_key(uint8_t *k, uint64_t sn, uint64_t tn, const char *bytes)
{
    memset(k, 0, 32);
    memcpy(k + 8, &sn, 8);
    memcpy(k + 24, &tn, 8);
    size_t n = strlen(bytes);
    memcpy(k + 32, bytes, n);
    return 32 + (uint32_t)n;
}

START_TEST(test_state_key_check)
{
    struct SrtStateSchema s;
    struct SrtStateKeyString strings[2];
    key_layout(&s, strings);
    SrtErr err;
    uint8_t k[64];
    uint32_t n = make_key(k, 2, 3, "abxyz");
    srt_err_clear(&err);
    ck_assert_int_eq(srt_state_key_check(&s, k, n, &err), 0);
    /* Each check: a key that generated code would decode past its end, or misread. */
    struct {
        uint64_t sn, tn;
        const char *bytes;
        int cut, null_flag;
        const char *msg;
    } bad[] = {
        {6, 3, "abxyz", 0, 0, "gives its string at byte 8 a length of 6 bytes, but only 5"},
        {2, 4, "abxyz", 0, 0, "gives its string at byte 24 a length of 4 bytes, but only 3"},
        {UINT64_MAX, 0, "abxyz", 0, 0, "gives its string at byte 8 a length of 18446744073709551615"},
        {(uint64_t)1 << 32, 0, "", 0, 0, "a length of 4294967296 bytes, but only 0"},
        {1, 1, "abxyz", 0, 0, "has 3 bytes after its last string"},
        {0, 0, "", 1, 0, "has 31 bytes, fewer than the 32 bytes of its fixed part"},
        {2, 3, "abxyz", 0, 2, "has 2 as the null flag of key 1"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        n = make_key(k, bad[i].sn, bad[i].tn, bad[i].bytes) - (uint32_t)bad[i].cut;
        k[1] = (uint8_t)bad[i].null_flag;
        srt_err_clear(&err);
        /* A guarded copy: a check that read past the key would fault. */
        char *g = rt_guard((const char *)k, n);
        ck_assert_int_eq(srt_state_key_check(&s, (const uint8_t *)g, n, &err), -SRT_ERR_FORMAT);
        rt_guard_free(g, n);
        ck_assert_msg(strstr(err.msg, bad[i].msg) != NULL, "case %zu: %s", i, err.msg);
    }
    /* A NULL string keeps length 0: generated code decodes a NULL to an empty constant, and a
       length beyond it would be read from there. */
    n = make_key(k, 2, 3, "abxyz");
    k[1] = 0;
    k[2] = 1;
    srt_err_clear(&err);
    ck_assert_int_eq(srt_state_key_check(&s, k, n, &err), -SRT_ERR_FORMAT);
    ck_assert_msg(strstr(err.msg, "gives its NULL string at byte 24 a length of 3 bytes (0 expected)"),
                  "%s", err.msg);
    n = make_key(k, 5, 0, "abxyz");
    srt_err_clear(&err);
    ck_assert_int_eq(srt_state_key_check(&s, k, n, &err), 0);
    k[2] = 0;
    /* Without a registered layout nothing is checked. */
    memset(&s, 0, sizeof s);
    ck_assert_int_eq(srt_state_key_check(&s, k, 3, &err), 0);
}
END_TEST

/* A nested key (srt_key.c) read back: its bytes must be a value of its type. */
START_TEST(test_state_key_check_nested)
{
    SrtMem mem;
    SrtArena a;
    srt_mem_init(&mem);
    srt_arena_init(&a, &mem, 256);
    const SrtType *t = NULL;
    SrtErr err;
    srt_err_clear(&err);
    ck_assert_int_eq(srt_type_parse(&a, "array<string>", &t, &err), 0);
    struct SrtStateSchema s;
    struct SrtStateKeyString strings[1] = {{8, 0, t}};
    memset(&s, 0, sizeof s);
    s.name = "dedupe";
    s.key = "struct<tags:array<string>>";
    s.value = "struct<__dummy__:void>";
    s.key_nulls = 1;
    s.key_fixed = 16;
    s.key_strings = strings;
    s.n_key_strings = 1;
    /* ["a"]: count 1, the element's null byte 0, length 1, "a" */
    static const uint8_t value[] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 'a'};
    uint8_t k[32] = {0};
    uint64_t len = sizeof value;
    memcpy(k + 8, &len, 8);
    memcpy(k + 16, value, sizeof value);
    ck_assert_int_eq(srt_state_key_check(&s, k, 16 + (uint32_t)len, &err), 0);
    k[20] = 2; /* the element's null byte */
    ck_assert_int_eq(srt_state_key_check(&s, k, 16 + (uint32_t)len, &err), -SRT_ERR_FORMAT);
    ck_assert_msg(strstr(err.msg, "nested value at byte 8 (10 bytes) is not a value of its type"), "%s",
                  err.msg);
    k[20] = 0;
    k[16] = 2; /* two elements, one there */
    srt_err_clear(&err);
    ck_assert_int_eq(srt_state_key_check(&s, k, 16 + (uint32_t)len, &err), -SRT_ERR_FORMAT);
    /* A NULL array has no bytes, and none are checked. */
    k[0] = 1;
    memset(k + 8, 0, 8);
    srt_err_clear(&err);
    ck_assert_int_eq(srt_state_key_check(&s, k, 16, &err), 0);
    srt_arena_free(&a);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* A query definition with an aggregation (and optionally a dedup) of these schemas. */
static void def_with(SrtQueryDef *d, const char *agg_name, const char *key, const char *value,
                     const char *dedup_name)
{
    static SrtOpDef ops[2];
    memset(d, 0, sizeof *d);
    memset(ops, 0, sizeof ops);
    d->name = "q";
    d->ops = ops;
    if (agg_name) {
        SrtOpDef *o = &ops[d->n_ops++];
        o->kind = SRT_OPK_AGGREGATE;
        o->id = SRT_OP_AGG;
        o->schema.name = agg_name;
        o->schema.key = key;
        o->schema.value = value;
    }
    if (dedup_name) {
        SrtOpDef *o = &ops[d->n_ops++];
        o->kind = SRT_OPK_DEDUPLICATE;
        o->id = SRT_OP_DEDUP;
        o->schema.name = dedup_name;
        o->schema.key = "struct<id:bigint>";
        o->schema.value = "struct<__dummy__:void>";
    }
}

START_TEST(test_schema_file)
{
    Fx fx;
    fx_init(&fx);
    char d[300], p[400];
    snprintf(d, sizeof d, "%s/chk", fx.dir);
    SrtCkpt *c;
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d, &c, &fx.err), 0);
    SrtQueryDef q;
    /* First start: the file is written. */
    def_with(&q, "stateStoreSave", "struct<action:string>", "struct<count:bigint>", NULL);
    ck_assert_int_eq(srt_ckpt_check_schemas(c, &q, 0, &fx.mem, &fx.err), 0);
    size_t n;
    char *text = slurp(path_in(p, sizeof p, d, "state/0/_metadata/schema"), &n);
    ck_assert_ptr_nonnull(text);
    ck_assert_msg(strncmp(text, "v1\nstateStoreSave\nstruct<action:string>\nstruct<count:bigint>\n#crc32c ",
                          68) == 0,
                  "%s", text);
    free(text);
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "state/1/_metadata/schema"), F_OK), -1);
    /* Renamed: allowed, and the file keeps the first schema (Spark 3.5 does not rewrite). */
    def_with(&q, "stateStoreSave", "struct<kind:string>", "struct<n:bigint>", NULL);
    ck_assert_int_eq(srt_ckpt_check_schemas(c, &q, 3, &fx.mem, &fx.err), 0);
    text = slurp(path_in(p, sizeof p, d, "state/0/_metadata/schema"), &n);
    ck_assert_ptr_nonnull(strstr(text, "struct<action:string>"));
    free(text);
    /* Another key type: refused with both schemas. */
    def_with(&q, "stateStoreSave", "struct<time:timestamp>", "struct<count:bigint>", NULL);
    ck_assert_int_eq(srt_ckpt_check_schemas(c, &q, 3, &fx.mem, &fx.err), -SRT_ERR_QUERY);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "stateful operator 0 (stateStoreSave): Provided schema "
                                             "doesn't match to the schema for existing state!"));
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "- Provided key schema: struct<time:timestamp>\n"));
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "- Existing key schema: struct<action:string>\n"));
    /* Another value type only: refused too. */
    def_with(&q, "stateStoreSave", "struct<action:string>", "struct<max:string>", NULL);
    ck_assert_int_eq(srt_ckpt_check_schemas(c, &q, 3, &fx.mem, &fx.err), -SRT_ERR_QUERY);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "- Provided value schema: struct<max:string>\n"));
    /* Another operator kind in the same slot. */
    def_with(&q, "sessionWindowStateStoreSaveExec", "struct<action:string>", "struct<count:bigint>",
             NULL);
    ck_assert_int_eq(srt_ckpt_check_schemas(c, &q, 3, &fx.mem, &fx.err), -SRT_ERR_QUERY);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "written by a stateStoreSave operator, the query now "
                                             "has a sessionWindowStateStoreSaveExec operator"));
    /* An operator added after batches ran (no state of it), and one removed. */
    def_with(&q, "stateStoreSave", "struct<action:string>", "struct<count:bigint>", "dedupe");
    ck_assert_int_eq(srt_ckpt_check_schemas(c, &q, 3, &fx.mem, &fx.err), -SRT_ERR_QUERY);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "stateful operator 1 (dedupe) has no state"));
    def_with(&q, NULL, NULL, NULL, NULL);
    ck_assert_int_eq(srt_ckpt_check_schemas(c, &q, 3, &fx.mem, &fx.err), -SRT_ERR_QUERY);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "holds the state of stateful operator 0 "
                                             "(stateStoreSave) but the query has no aggregation"));
    /* A damaged schema file is reported, not trusted. */
    const char junk[] = "v1\nstateStoreSave\nstruct<a:int\nstruct<>\n";
    ck_assert_int_eq(srt_ckpt_write_file(path_in(p, sizeof p, d, "state/0/_metadata/schema"), junk,
                                         sizeof junk - 1, &fx.err),
                     0);
    def_with(&q, "stateStoreSave", "struct<a:int>", "struct<>", NULL);
    ck_assert_int_eq(srt_ckpt_check_schemas(c, &q, 3, &fx.mem, &fx.err), -SRT_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "state/0/_metadata/schema is not a state schema"));
    srt_ckpt_close(c);
    ck_assert_int_eq(fx.mem.in_use, 0);
    fx_done(&fx);
}
END_TEST

/* ==== Special files, planted links and leftovers ==== */

/* The temporary-name rule of srt_fs.c, which the checkpoint writes and removes and the
   files sink removes from its manifest directory: ".<name>.tmp-<pid>" and only that. */
START_TEST(test_temp_names)
{
    char t[64], want[64];
    ck_assert_int_eq(srt_fs_temp_path("dir/sub/12", t, sizeof t), 0);
    snprintf(want, sizeof want, "dir/sub/.12.tmp-%ld", (long)getpid());
    ck_assert_str_eq(t, want);
    ck_assert_uint_eq(srt_fs_temp_base(strrchr(t, '/') + 1), 2);
    ck_assert_int_eq(srt_fs_temp_path("metadata", t, sizeof t), 0);
    snprintf(want, sizeof want, ".metadata.tmp-%ld", (long)getpid());
    ck_assert_str_eq(t, want);
    ck_assert_uint_eq(srt_fs_temp_base(t), strlen("metadata"));
    ck_assert_int_eq(srt_fs_temp_path("/.x.tmp-1", t, sizeof t), 0);
    ck_assert_uint_eq(srt_fs_temp_base(t + 1), strlen(".x.tmp-1"));
    /* no file part; too long for out */
    errno = 0;
    ck_assert_int_eq(srt_fs_temp_path("dir/", t, sizeof t), -1);
    ck_assert_int_eq(errno, EINVAL);
    ck_assert_int_eq(srt_fs_temp_path("a-rather-long-file-name", t, 20), -1);
    ck_assert_int_eq(errno, ENAMETOOLONG);

    ck_assert_uint_eq(srt_fs_temp_base(".query-id.tmp-0"), strlen("query-id"));
    ck_assert_uint_eq(srt_fs_temp_base(".a.tmp-12.tmp-34"), strlen("a.tmp-12"));
    static const char *const not_temp[] = {
        "12.tmp-3", ".tmp-3", "..tmp-3x", ".12.tmp-", ".12.tmp-3a", ".12.tmp3", ".12.tmp-3.tmp-",
        ".12", "", ".part-00000-1.tmp", ".12.tmp--3", ".12.TMP-3",
    };
    for (size_t i = 0; i < sizeof not_temp / sizeof not_temp[0]; i++)
        ck_assert_msg(srt_fs_temp_base(not_temp[i]) == 0, "%s taken as a temporary", not_temp[i]);
}
END_TEST

START_TEST(test_create_temp_never_follows)
{
    Fx fx;
    fx_init(&fx);
    char target[300], tmp[300];
    snprintf(target, sizeof target, "%s/target", fx.dir);
    snprintf(tmp, sizeof tmp, "%s/.x.tmp-1", fx.dir);
    spit(target, "precious", 8);
    /* A link at the temporary name: the name is replaced, the target untouched. */
    ck_assert_int_eq(symlink(target, tmp), 0);
    int fd = srt_fs_create_temp(tmp, 0644);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "new", 3), 3);
    close(fd);
    size_t n;
    char *t = slurp(target, &n);
    ck_assert_str_eq(t, "precious");
    free(t);
    struct stat st;
    ck_assert_int_eq(lstat(tmp, &st), 0);
    ck_assert(S_ISREG(st.st_mode));
    /* A FIFO there: replaced too, never opened (an open for writing would block). */
    ck_assert_int_eq(unlink(tmp), 0);
    ck_assert_int_eq(mkfifo(tmp, 0644), 0);
    fd = srt_fs_create_temp(tmp, 0644);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(lstat(tmp, &st), 0);
    ck_assert(S_ISREG(st.st_mode));
    /* A directory cannot be replaced: an error, not a write elsewhere. */
    ck_assert_int_eq(unlink(tmp), 0);
    ck_assert_int_eq(mkdir(tmp, 0755), 0);
    ck_assert_int_eq(srt_fs_create_temp(tmp, 0644), -1);
    ck_assert_int_eq(rmdir(tmp), 0);
    /* srt_ckpt_write_file through a planted link of its own temporary name. */
    char file[300], ttmp[320];
    snprintf(file, sizeof file, "%s/f", fx.dir);
    snprintf(ttmp, sizeof ttmp, "%s/.f.tmp-%ld", fx.dir, (long)getpid());
    ck_assert_int_eq(symlink(target, ttmp), 0);
    ck_assert_int_eq(srt_ckpt_write_file(file, "data", 4, &fx.err), 0);
    t = slurp(target, &n);
    ck_assert_str_eq(t, "precious");
    free(t);
    ck_assert_int_eq(lstat(ttmp, &st), -1);
    fx_done(&fx);
}
END_TEST

START_TEST(test_read_special_files)
{
    Fx fx;
    fx_init(&fx);
    char p[300], target[300];
    SrtBuf b;
    srt_buf_init(&b, &fx.mem);
    snprintf(p, sizeof p, "%s/fifo", fx.dir);
    ck_assert_int_eq(mkfifo(p, 0644), 0);
    /* No writer ever comes: a blocking open would hang the test. */
    ck_assert_int_eq(srt_ckpt_read_file(p, &b, &fx.err), -SRT_ERR_IO);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "fifo is a FIFO, not a regular file"));
    snprintf(p, sizeof p, "%s/dir", fx.dir);
    ck_assert_int_eq(mkdir(p, 0755), 0);
    ck_assert_int_eq(srt_ckpt_read_file(p, &b, &fx.err), -SRT_ERR_IO);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "dir is a directory, not a regular file"));
    ck_assert_int_eq(srt_ckpt_read_file("/dev/zero", &b, &fx.err), -SRT_ERR_IO);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "/dev/zero is a device, not a regular file"));
    /* A link to a valid checkpoint file is refused as well. */
    snprintf(target, sizeof target, "%s/real", fx.dir);
    ck_assert_int_eq(srt_ckpt_write_file(target, "x", 1, &fx.err), 0);
    snprintf(p, sizeof p, "%s/link", fx.dir);
    ck_assert_int_eq(symlink(target, p), 0);
    ck_assert_int_eq(srt_ckpt_read_file(p, &b, &fx.err), -SRT_ERR_IO);
    ck_assert_ptr_nonnull(strstr(fx.err.msg, "link is a symbolic link, not a regular file"));
    ck_assert_int_eq(srt_ckpt_read_file(target, &b, &fx.err), 0);
    srt_buf_free(&b);
    fx_done(&fx);
}
END_TEST

START_TEST(test_open_removes_temps)
{
    Fx fx;
    fx_init(&fx);
    char d[300], p[400];
    snprintf(d, sizeof d, "%s/chk", fx.dir);
    SrtCkpt *c;
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d, &c, &fx.err), 0);
    srt_ckpt_close(c);
    static const char *const gone[] = {".metadata.tmp-1", "offsets/.3.tmp-123",
                                       "commits/.3.tmp-9", "state/0/.4.delta.tmp-55",
                                       "state/0/_metadata/.schema.tmp-6", "sources/0/.2.tmp-77"};
    static const char *const kept[] = {"offsets/.notes", "offsets/.3.tmp-", "offsets/.3.tmp-1x",
                                       "offsets/..tmp-1", "state/0/x.tmp-1"};
    mkdir(path_in(p, sizeof p, d, "state/0"), 0755);
    mkdir(path_in(p, sizeof p, d, "state/0/_metadata"), 0755);
    mkdir(path_in(p, sizeof p, d, "sources/0"), 0755);
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        spit(path_in(p, sizeof p, d, gone[i]), "x", 1);
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
        spit(path_in(p, sizeof p, d, kept[i]), "x", 1);
    /* A link of the pattern goes (not its target), a directory of the pattern stays. */
    char target[300];
    snprintf(target, sizeof target, "%s/target", fx.dir);
    spit(target, "t", 1);
    ck_assert_int_eq(symlink(target, path_in(p, sizeof p, d, "commits/.4.tmp-2")), 0);
    ck_assert_int_eq(mkdir(path_in(p, sizeof p, d, "commits/.5.tmp-2"), 0755), 0);
    ck_assert_int_eq(srt_ckpt_open(&fx.mem, d, &c, &fx.err), 0);
    srt_ckpt_close(c);
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        ck_assert_msg(access(path_in(p, sizeof p, d, gone[i]), F_OK) != 0, "%s is left", gone[i]);
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
        ck_assert_msg(access(path_in(p, sizeof p, d, kept[i]), F_OK) == 0, "%s is gone", kept[i]);
    struct stat st;
    ck_assert_int_eq(lstat(path_in(p, sizeof p, d, "commits/.4.tmp-2"), &st), -1);
    ck_assert_int_eq(access(target, F_OK), 0);
    ck_assert_int_eq(access(path_in(p, sizeof p, d, "commits/.5.tmp-2"), F_OK), 0);
    fx_done(&fx);
}
END_TEST

Suite *rt_ckpt_suite(void)
{
    Suite *s = suite_create("rt_ckpt");
    TCase *tc = tcase_create("files");
    tcase_add_test(tc, test_file_round_trip);
    tcase_add_test(tc, test_file_missing);
    tcase_add_test(tc, test_file_torn_and_flipped);
    tcase_add_test(tc, test_file_write_errors);
    tcase_add_test(tc, test_uuid4);
    tcase_add_test(tc, test_temp_names);
    tcase_add_test(tc, test_create_temp_never_follows);
    tcase_add_test(tc, test_read_special_files);
    tcase_add_test(tc, test_open_removes_temps);
    suite_add_tcase(s, tc);
    tc = tcase_create("logs");
    tcase_add_test(tc, test_open_metadata);
    tcase_add_test(tc, test_open_out_of_memory);
    tcase_add_test(tc, test_offsets_commits);
    tcase_add_test(tc, test_offsets_conf);
    tcase_add_test(tc, test_bad_log_entries);
    tcase_add_test(tc, test_latest_with_gaps_and_junk);
    suite_add_tcase(s, tc);
    tc = tcase_create("state");
    tcase_add_test(tc, test_state_replay);
    tcase_add_test(tc, test_state_errors);
    tcase_add_test(tc, test_purge);
    tcase_add_test(tc, test_schema_rule);
    tcase_add_test(tc, test_state_key_check);
    tcase_add_test(tc, test_state_key_check_nested);
    tcase_add_test(tc, test_schema_file);
    suite_add_tcase(s, tc);
    return s;
}
