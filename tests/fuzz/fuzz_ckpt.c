/* fuzz_ckpt.c - libFuzzer target: restarting from a damaged checkpoint directory.
**
** An input is a checkpoint directory written as sections, each a header line then the
** file's bytes up to the newline before the next header line (or the end of the input):
**     @@ <path>      the bytes, stored with a valid checksum trailer (srt_ckpt_write_file),
**                    so the decoders behind the checksum see them
**     @@! <path>     the bytes stored as they are (the trailer check itself is fuzzed)
** <path> is relative to the root of --checkpoint: <query>/metadata, <query>/offsets/<N>,
** <query>/commits/<N>, <query>/sources/0/<N>, <query>/state/<op>/<v>.delta|.snapshot, for
** the queries of queries/ckpt.sql: agg (groups with string aggregates, complete mode),
** dedup, session, chain (an aggregation over a windowed one: states 0 and 2) and join (a
** LEFT OUTER stream-stream join of events and clicks with a struct column: its snapshots and
** deltas, <query>/sources/1/<N> the clicks' log).  Paths of other characters than
** [A-Za-z0-9._-/] or with a '..' component are skipped.
**
** Per input: every file is read back with srt_ckpt_read_file, then each query is started
** on the directory (srt_query_new: metadata, offsets, commits, the sources' logs, state
** replay) and, when it starts, runs one batch with empty sources (output of the restored
** state, state re-encoding and eviction, offsets/commit logging).  Errors are expected;
** crashes, sanitizer reports, leaks and hangs are findings.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_query.h"
#include "fuzz_util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static SrtMem mem;
static SrtProgram prog;
static SrtEnv env;
static char root[4096];
static char ckpt_root[4096 + 16];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_temp_dir("ckpt", root);
    snprintf(ckpt_root, sizeof ckpt_root, "%s/ckpt", root);
    srt_mem_init(&mem);
    fuzz_program(&prog, &mem);
    env = (SrtEnv){.mem = &mem, .out = fuzz_output(), .err = fuzz_output(), .checkpoint = ckpt_root};
    return 0;
}

static int path_ok(const char *p, size_t n)
{
    if (n == 0 || n > 200 || p[0] == '/')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-' || c == '/'))
            return 0;
        if (c == '.' && i + 1 < n && p[i + 1] == '.' && (i == 0 || p[i - 1] == '/'))
            return 0;
    }
    return 1;
}

/* Store one section's file under the checkpoint root and read it back. */
static void put_file(const char *path, size_t path_n, int raw, const char *p, size_t n)
{
    if (!path_ok(path, path_n))
        return;
    char full[8192], dir[8192];
    snprintf(full, sizeof full, "%s/%.*s", ckpt_root, (int)path_n, path);
    snprintf(dir, sizeof dir, "%s", full);
    *strrchr(dir, '/') = '\0';
    SrtErr err;
    srt_err_clear(&err);
    if (srt_fs_mkdirs(dir, "fuzz", &err) < 0)
        return;
    if (raw) {
        FILE *f = fopen(full, "wb");
        if (!f)
            return;
        fwrite(p, 1, n, f);
        fclose(f);
    } else if (srt_ckpt_write_file(full, p, n, &err) < 0) {
        return;
    }
    SrtBuf back;
    srt_buf_init(&back, &mem);
    srt_ckpt_read_file(full, &back, &err);
    srt_buf_free(&back);
}

/* Split the input into sections and store them. */
static void put_sections(const char *p, size_t n)
{
    const char *e = p + n;
    while (p < e) {
        /* a header line: "@@ path\n" or "@@! path\n" */
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        const char *hend = nl ? nl : e;
        int raw = hend - p >= 4 && memcmp(p, "@@! ", 4) == 0;
        int header = raw || (hend - p >= 3 && memcmp(p, "@@ ", 3) == 0);
        const char *body = nl ? nl + 1 : e;
        /* the body: up to the next line starting with "@@" */
        const char *q = body;
        while (q < e && !(e - q >= 2 && q[0] == '@' && q[1] == '@' && (q == body || q[-1] == '\n'))) {
            const char *next = memchr(q, '\n', (size_t)(e - q));
            q = next ? next + 1 : e;
        }
        if (header) {
            const char *path = p + (raw ? 4 : 3);
            /* the newline before the next header separates, it is not part of the body */
            const char *bend = q < e && q > body ? q - 1 : q;
            put_file(path, (size_t)(hend - path), raw, body, (size_t)(bend - body));
        }
        p = q;
    }
}

/* Start query qi on the checkpoint and, if that works, run one batch. */
static void restart(int qi)
{
    SrtQuery *q = NULL;
    SrtErr err;
    srt_err_clear(&err);
    if (srt_query_new(&prog, qi, &env, NULL, -1, &q, &err) == 0) {
        fuzz_use_input_source(q); /* no input set: the batch reads nothing */
        if (!q->replay) {
            char end[64];
            snprintf(end, sizeof end, "{\"logOffset\":%lld}", (long long)q->batch_id);
            for (uint32_t i = 0; i < q->n_in; i++) {
                srt_buf_clear(&q->in[i].end_offset);
                srt_buf_puts(&q->in[i].end_offset, end);
            }
        }
        if (srt_query_run_batch(q) < 0)
            fprintf(env.err, "query %d: batch failed: %s\n", qi, q->err.msg);
        else
            fprintf(env.err, "query %d: restarted at batch %lld\n", qi, (long long)q->batch_id - 1);
    } else {
        fprintf(env.err, "query %d: %s\n", qi, err.msg);
    }
    srt_query_free(q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1 << 20))
        return 0;
    fuzz_clear_dir(ckpt_root);
    put_sections((const char *)data, size);
    for (int i = 0; i < prog.n_queries; i++)
        restart(i);
    return 0;
}
