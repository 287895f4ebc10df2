/* check_rt_sources.c - the value-row sources: rate (values and evenly spaced timestamps
** with and without ramp-up, offsets from an injected clock, chunks, availableNow, options),
** rate-micro-batch (batches, offsets, reading between stored offsets, availableNow) and
** socket (a loopback server in the test: partial lines, \r\n, offsets, commit, end of
** stream, includeTimestamp, connection refused, the WARN, the line length limit), plus whole
** queries through srt_run with hand-written value-row process functions.
*/
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "common/cm_connectors.h"
#include "rt_testutil.h"
#include "srt_int.h"

/* A clock the tests move by hand. */
typedef struct FakeClock {
    int64_t us;
} FakeClock;

static int64_t fake_now(void *ud)
{
    return ((FakeClock *)ud)->us;
}

#define T0_US 1700000000123456LL /* creation: 1700000000123 ms */
#define T0_MS 1700000000123LL

typedef struct Env {
    SrtMem mem;
    SrtArena arena;
    SrtOptions opts;
    SrtSource src;
    SrtErr err;
    SrtBuf end;
    SrtBuf start; /* the previous end */
    FakeClock clock;
    int opened;
} Env;

static void env_init(Env *e)
{
    memset(e, 0, sizeof *e);
    srt_mem_init(&e->mem);
    srt_arena_init(&e->arena, &e->mem, 1024);
    srt_buf_init(&e->end, &e->mem);
    srt_buf_init(&e->start, &e->mem);
    e->clock.us = T0_US;
}

static void env_opt(Env *e, const char *k, const char *v)
{
    ck_assert_int_eq(srt_opts_set(&e->opts, &e->arena, k, v), 0);
}

static int env_open(Env *e, const SrtSourceVt *vt)
{
    e->src.vt = vt;
    e->src.mem = &e->mem;
    e->src.name = "src";
    e->opened = 1;
    ck_assert_int_eq(srt_opts_bind(&e->opts, vt->connector, CM_ROLE_SOURCE), 0);
    SrtSchema schema = {NULL, 0};
    int rc = vt->open(&e->src, &e->opts, &schema, &e->err);
    if (rc == 0 && vt == &srt_source_rate_vt)
        srt_source_rate_set_clock(&e->src, fake_now, &e->clock);
    if (rc == 0 && vt == &srt_source_socket_vt)
        srt_source_socket_set_clock(&e->src, fake_now, &e->clock);
    return rc;
}

static void env_done(Env *e)
{
    if (e->opened)
        e->src.vt->close(&e->src);
    srt_buf_free(&e->end);
    srt_buf_free(&e->start);
    srt_arena_free(&e->arena);
    ck_assert_uint_eq(e->mem.in_use, 0);
}

/* What read delivered, as text: rows "value@ms" (rate: ms after T0_MS) separated by
   spaces, and the number of rows of each chunk. */
typedef struct Rows {
    char text[1 << 18];
    size_t len;
    int chunks[16];
    int n_chunks;
    int64_t n_rows;
    int n_cols; /* 2: rate (timestamp, value); 1 or 2: socket (value[, timestamp]) */
    int socket;
    int64_t first, last; /* rate values */
    int64_t stride;      /* rate: numPartitions, the step between a partition's values */
    int part;            /* rate: the partition of the last row */
} Rows;

static int collect(void *ctx, const char *what, const char *buf, size_t len, const SrtReadPos *at)
{
    Rows *r = ctx;
    int part = at ? at->partition : 0;
    ck_assert_str_eq(what, "src");
    size_t row_size = sizeof(SrtDatum) * (size_t)r->n_cols;
    ck_assert_uint_eq(len % row_size, 0);
    size_t n = len / row_size;
    ck_assert_uint_le(n, SRT_VALUE_CHUNK_ROWS);
    ck_assert_uint_gt(n, 0);
    if (r->n_chunks < 16)
        r->chunks[r->n_chunks] = (int)n;
    r->n_chunks++;
    const SrtDatum *d = (const SrtDatum *)(const void *)buf;
    for (size_t i = 0; i < n; i++, d += r->n_cols) {
        size_t room = sizeof r->text - r->len;
        int k;
        if (r->socket && r->n_cols == 1)
            k = snprintf(r->text + r->len, room, "%.*s|", (int)d[0].n, (const char *)d[0].p);
        else if (r->socket)
            k = snprintf(r->text + r->len, room, "%.*s@%lld|", (int)d[0].n, (const char *)d[0].p,
                         (long long)d[1].i);
        else
            k = snprintf(r->text + r->len, room, "%lld@%lld ", (long long)d[1].i,
                         (long long)((d[0].i - T0_MS * 1000) / 1000));
        if (!r->socket) {
            ck_assert_int_eq(d[0].i % 1000, 0); /* whole milliseconds */
            ck_assert(!d[0].is_null && !d[1].is_null);
            if (r->n_rows == 0) {
                r->first = d[1].i;
            } else if (part == r->part) { /* value order within a partition */
                ck_assert_int_eq(d[1].i, r->last + r->stride);
            } else { /* the next partition starts at the next value */
                ck_assert_int_eq(part, r->part + 1);
                ck_assert_int_eq(d[1].i, r->first + part);
            }
            r->last = d[1].i;
            r->part = part;
        }
        if (k > 0 && (size_t)k < room)
            r->len += (size_t)k;
        r->n_rows++;
    }
    return 0;
}

static void rows_init(Rows *r, int n_cols, int socket)
{
    memset(r, 0, sizeof *r);
    r->n_cols = n_cols;
    r->socket = socket;
    r->stride = 1;
}

/* Plan; on data read from the previous end to the new one and commit.  Returns has_data. */
static int step(Env *e, Rows *r)
{
    int has = -1;
    ck_assert_int_eq(e->src.vt->plan(&e->src, SRT_LIMIT_DEFAULT, &e->end, &has, &e->err), 0);
    if (!has)
        return 0;
    ck_assert_msg(e->src.vt->read(&e->src, e->start.n ? srt_buf_cstr(&e->start) : NULL,
                                  srt_buf_cstr(&e->end), collect, r, &e->err) == 0,
                  "%s", e->err.msg);
    ck_assert_int_eq(e->src.vt->commit(&e->src, srt_buf_cstr(&e->end), &e->err), 0);
    srt_buf_clear(&e->start);
    srt_buf_puts(&e->start, srt_buf_cstr(&e->end));
    return 1;
}

/* ======================================================================
** rate
** ====================================================================== */

/* A reader that makes the rows of the runs it is handed (SrtLender.rows, as srt_par.c's
   tasks do) in pieces of 7 rows, from the piece's first index, into collect. */
static int make_run(void *ctx, const char *what, const SrtRowRun *run, const SrtReadPos *at)
{
    SrtDatum d[7 * 2];
    memset(d, 0, sizeof d);
    ck_assert_int_eq(run->n_cols, 2);
    SrtDatum *all = calloc((size_t)run->n * 2 + 1, sizeof *all);
    ck_assert_ptr_nonnull(all);
    /* pieces made last to first: a piece depends on its indices alone */
    for (int64_t first = ((run->n - 1) / 7) * 7; first >= 0; first -= 7) {
        int64_t n = run->n - first < 7 ? run->n - first : 7;
        run->fill(run, first, n, d);
        memcpy(all + first * 2, d, sizeof *d * (size_t)(n * 2));
    }
    int rc = collect(ctx, what, (const char *)all, sizeof *all * (size_t)run->n * 2, at);
    free(all);
    return rc;
}

/* The batches of a rate source made by a reader of runs (make_run) are the rows read
   buffer by buffer: rampUpTime, numPartitions and rate-micro-batch. */
/* Scala 2.12's hash map orders (srt_scala_order.c): Spark's own example of a progress report
   (structured-streaming-programming-guide) lists a topic's partitions 0..4 as 2, 4, 1, 3, 0
   and 0..2 as 2, 1, 0; java.lang.String.hashCode; a trie of 6 Int keys. */
START_TEST(test_scala_orders)
{
    SrtMem m;
    srt_mem_init(&m);
    SrtMem *mem = &m;
    int32_t h[20];
    int ord[20];
    for (int i = 0; i < 20; i++)
        h[i] = ord[i] = i;
    ck_assert_int_eq(srt_scala_mutable_order(mem, h, 5, ord), 0);
    int want5[] = {2, 4, 1, 3, 0};
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(ord[i], want5[i]);
    for (int i = 0; i < 3; i++)
        ord[i] = i;
    ck_assert_int_eq(srt_scala_mutable_order(mem, h, 3, ord), 0);
    ck_assert_int_eq(ord[0], 2);
    ck_assert_int_eq(ord[1], 1);
    ck_assert_int_eq(ord[2], 0);
    /* 20 keys: the table grows from 16 to 32 buckets at the 13th */
    for (int i = 0; i < 20; i++)
        ord[i] = i;
    ck_assert_int_eq(srt_scala_mutable_order(mem, h, 20, ord), 0);
    int want20[] = {17, 8, 11, 2, 5, 14, 13, 4, 16, 7, 1, 10, 19, 18, 9, 3, 12, 15, 6, 0};
    for (int i = 0; i < 20; i++)
        ck_assert_int_eq(ord[i], want20[i]);
    ck_assert_int_eq(srt_java_string_hash("lines"), 102977279);
    ck_assert_int_eq(srt_kafka_tp_hash("lines", 1), 102977279 + 31 * 32);
    ck_assert_int_eq(srt_java_string_hash("a-much-longer-topic-name"), (int32_t)0x0f8a11b9);
    for (int i = 0; i < 4; i++)
        ord[i] = 3 - i;
    srt_scala_immutable_order(h, 4, ord); /* Map4: insertion order */
    ck_assert_int_eq(ord[0], 3);
    ck_assert_uint_eq(mem->in_use, 0);
}
END_TEST

/* A Kafka batch's input partitions (srt_kafka_parts.c); the expected numbers come from a
   transcription of KafkaOffsetRangeCalculator.getRanges's loops (pieces listed, then the
   piece holding each offset). */
static int32_t kpart(SrtKafkaPart *r, int n, int64_t min_parts, int i, int64_t offset)
{
    srt_kafka_parts_plan(r, n, min_parts);
    return srt_kafka_part_of(&r[i], offset);
}

START_TEST(test_kafka_parts)
{
    /* 2, 7 and 1 offsets, minPartitions 5: the 2 and the 1 stay whole (round(1.0), round(0.5)),
       the 7 makes 3 pieces of 2, 2 and 3 */
    SrtKafkaPart a[] = {{0, 2, 0, 0}, {0, 7, 0, 0}, {0, 1, 0, 0}};
    int32_t want_a[] = {1, 1, 2, 2, 3, 3, 3};
    for (int o = 0; o < 7; o++)
        ck_assert_int_eq(kpart(a, 3, 5, 1, o), want_a[o]);
    ck_assert_int_eq(kpart(a, 3, 5, 0, 1), 0);
    ck_assert_int_eq(kpart(a, 3, 5, 2, 0), 4);
    /* no minPartitions: a range each, an empty one none */
    SrtKafkaPart b[] = {{5, 8, 0, 0}, {3, 3, 0, 0}, {10, 14, 0, 0}};
    ck_assert_int_eq(kpart(b, 3, 0, 0, 5), 0);
    ck_assert_int_eq(kpart(b, 3, 0, 2, 13), 1);
    ck_assert_int_eq(b[1].first, -1);
    /* 2 offsets in 5 pieces: 0, 0, 0, 1, 1 offsets, the empty ones dropped */
    SrtKafkaPart c[] = {{0, 2, 0, 0}};
    ck_assert_int_eq(kpart(c, 1, 5, 0, 0), 0);
    ck_assert_int_eq(kpart(c, 1, 5, 0, 1), 1);
    /* 1 and 3 offsets, minPartitions 3: round(0.75) leaves the 1 whole, the 3 shares
       max(3 - 1, 1) = 2 pieces: 1, 2 */
    SrtKafkaPart e[] = {{0, 1, 0, 0}, {0, 3, 0, 0}};
    ck_assert_int_eq(kpart(e, 2, 3, 0, 0), 0);
    ck_assert_int_eq(kpart(e, 2, 3, 1, 0), 1);
    ck_assert_int_eq(kpart(e, 2, 3, 1, 1), 2);
    ck_assert_int_eq(kpart(e, 2, 3, 1, 2), 2);
    /* an end below the start makes no partition; round(1.5) = 2 pieces each for the others */
    SrtKafkaPart f[] = {{0, 4, 0, 0}, {9, 2, 0, 0}, {0, 4, 0, 0}};
    ck_assert_int_eq(kpart(f, 3, 3, 0, 3), 1);
    ck_assert_int_eq(kpart(f, 3, 3, 2, 0), 2);
    ck_assert_int_eq(kpart(f, 3, 3, 2, 3), 3);
    /* 10 offsets in 2^31 - 1 pieces: one offset a piece, without walking the empty ones */
    SrtKafkaPart g[] = {{100, 110, 0, 0}};
    ck_assert_int_eq(kpart(g, 1, INT32_MAX, 0, 109), 9);
    ck_assert_int_eq(g[0].parts, INT32_MAX);
}
END_TEST

START_TEST(test_rate_runs)
{
    SrtLender lender = {NULL, NULL, NULL, NULL, make_run};
    for (int micro = 0; micro < 2; micro++) {
        Rows want, got;
        for (int way = 0; way < 2; way++) {
            Env e;
            env_init(&e);
            env_opt(&e, micro ? "rowsPerBatch" : "rowsPerSecond", micro ? "250" : "100");
            if (!micro)
                env_opt(&e, "rampUpTime", "3");
            env_opt(&e, "numPartitions", "3");
            ck_assert_int_eq(env_open(&e, micro ? &srt_source_rate_micro_vt : &srt_source_rate_vt),
                             0);
            Rows *r = way ? &got : &want;
            lender.ctx = r;
            e.src.lender = way ? &lender : NULL;
            rows_init(r, 2, 0);
            r->stride = 3;
            if (!micro) { /* nothing before the first second */
                ck_assert_int_eq(step(&e, r), 0);
                e.clock.us += 5500000;
            }
            ck_assert_int_eq(step(&e, r), 1);
            env_done(&e);
        }
        ck_assert_int_eq(got.n_rows, want.n_rows);
        ck_assert_int_gt(got.n_rows, 100);
        ck_assert_str_eq(got.text, want.text);
    }
}
END_TEST

START_TEST(test_rate_values_and_timestamps)
{
    Env e;
    env_init(&e);
    env_opt(&e, "rowsPerSecond", "3");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    Rows r;
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 0); /* creation: nothing yet */
    e.clock.us += 999000;
    ck_assert_int_eq(step(&e, &r), 0); /* not one full second */
    e.clock.us += 1000;
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_str_eq(srt_buf_cstr(&e.end), "1");
    ck_assert_str_eq(r.text, "0@0 1@333 2@667 ");
    rows_init(&r, 2, 0);
    e.clock.us = T0_US + 3500000; /* (1, 3]: 6 values over 2000 ms */
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_str_eq(srt_buf_cstr(&e.end), "3");
    ck_assert_str_eq(r.text, "3@1000 4@1333 5@1667 6@2000 7@2333 8@2667 ");
    ck_assert_int_eq(step(&e, &r), 0); /* same second */
    /* the clock going back never moves offsets back */
    e.clock.us = T0_US + 1000;
    ck_assert_int_eq(step(&e, &r), 0);
    e.clock.us = T0_US + 4000000;
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_str_eq(r.text, "9@3000 10@3333 11@3667 ");
    env_done(&e);
}
END_TEST

START_TEST(test_rate_ramp_up)
{
    /* rowsPerSecond 10, rampUpTime 4 (a bare number is seconds): the speed grows by 2 per
       second, so valueAt(0..6) = 0 2 6 12 20 30 40 (Spark's own example). */
    Env e;
    env_init(&e);
    env_opt(&e, "rowsPerSecond", "10");
    env_opt(&e, "rampUpTime", "4");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    Rows r;
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 0);
    e.clock.us += 1000000;
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_str_eq(r.text, "0@0 1@500 ");
    rows_init(&r, 2, 0);
    e.clock.us = T0_US + 3000000; /* (1, 3]: [2, 12) over 2000 ms, 200 ms apart */
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_str_eq(r.text, "2@1000 3@1200 4@1400 5@1600 6@1800 7@2000 8@2200 9@2400 10@2600 "
                             "11@2800 ");
    rows_init(&r, 2, 0);
    e.clock.us = T0_US + 6999000; /* (3, 6]: [12, 40) over 3000 ms, 3000/28 ms apart */
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_str_eq(srt_buf_cstr(&e.end), "6");
    ck_assert_int_eq(r.first, 12);
    ck_assert_int_eq(r.last, 39);
    ck_assert_int_eq(r.n_rows, 28);
    ck_assert(strncmp(r.text, "12@3000 13@3107 14@3214 15@3321 16@3429 ", 40) == 0);
    ck_assert(strstr(r.text, " 39@5893 ") != NULL); /* 3000 + round(27 * 107.142857) */
    rows_init(&r, 2, 0);
    e.clock.us = T0_US + 8000000; /* (6, 8]: after the ramp, 10 per second */
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_int_eq(r.first, 40);
    ck_assert_int_eq(r.last, 59);
    ck_assert(strncmp(r.text, "40@6000 41@6100 ", 16) == 0);
    env_done(&e);
}
END_TEST

START_TEST(test_rate_ramp_up_slow_start)
{
    /* rowsPerSecond 1 with rampUpTime 2s: delta = 1/3 = 0, so the first 2 seconds have no
       rows (the batches still run, empty, as in Spark), then one row per second. */
    Env e;
    env_init(&e);
    env_opt(&e, "rampUpTime", "2s");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    Rows r;
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 0);
    e.clock.us += 2000000;
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_int_eq(r.n_rows, 0);
    ck_assert_int_eq(r.n_chunks, 0);
    e.clock.us += 2000000;
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_str_eq(r.text, "0@2000 1@3000 ");
    env_done(&e);
}
END_TEST

START_TEST(test_rate_rounding_and_chunks)
{
    Env e;
    env_init(&e);
    env_opt(&e, "rowsPerSecond", "10000");
    env_opt(&e, "numPartitions", "3");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    Rows r;
    rows_init(&r, 2, 0);
    r.stride = 3;
    ck_assert_int_eq(step(&e, &r), 0);
    e.clock.us += 1000000;
    ck_assert_int_eq(step(&e, &r), 1);
    /* three partitions in turn (0, 3, ...; 1, 4, ...; 2, 5, ...), of 3334, 3333 and 3333
       rows, each in buffers of SRT_RUN_CHUNK_ROWS (13 of 256 and one of 6, then 5 and 5) */
    ck_assert_int_eq(r.n_rows, 10000);
    ck_assert_int_eq(r.n_chunks, 42);
    ck_assert_int_eq(r.chunks[0], SRT_RUN_CHUNK_ROWS);
    ck_assert_int_eq(r.chunks[13], 3334 - 13 * SRT_RUN_CHUNK_ROWS);
    ck_assert_int_eq(r.chunks[14], SRT_RUN_CHUNK_ROWS);
    ck_assert_int_eq(r.first, 0);
    ck_assert_int_eq(r.part, 2);
    ck_assert_int_eq(r.last, 9998);
    /* 0.1 ms apart: 4 and 5 round to 0 and 1 (ties go up, as Java's Math.round) */
    ck_assert(strncmp(r.text, "0@0 3@0 6@1 9@1 12@1 15@2 ", 26) == 0);
    ck_assert(strstr(r.text, " 9999@1000 1@0 4@0 7@1 ") != NULL);
    ck_assert(strstr(r.text, " 9997@1000 2@0 5@1 8@1 ") != NULL);
    ck_assert(strstr(r.text, " 9998@1000 ") != NULL);
    env_done(&e);

    /* 62.5 ms apart: the ties 62.5 and 187.5 round up */
    env_init(&e);
    env_opt(&e, "rowsPerSecond", "16");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    rows_init(&r, 2, 0);
    step(&e, &r);
    e.clock.us += 1000000;
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert(strncmp(r.text, "0@0 1@63 2@125 3@188 4@250 ", 27) == 0);
    env_done(&e);
}
END_TEST

START_TEST(test_rate_available_now_and_once)
{
    Env e;
    env_init(&e);
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    ck_assert_int_eq(e.src.vt->snapshot(&e.src, &e.err), 0); /* 0 s elapsed at the start */
    e.clock.us += 5000000;
    Rows r;
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 0);
    env_done(&e);

    /* a snapshot later in the stream: plans stop at it */
    env_init(&e);
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 0);
    e.clock.us += 2500000;
    ck_assert_int_eq(e.src.vt->snapshot(&e.src, &e.err), 0);
    e.clock.us += 5000000;
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_str_eq(srt_buf_cstr(&e.end), "2");
    ck_assert_str_eq(r.text, "0@0 1@1000 ");
    ck_assert_int_eq(step(&e, &r), 0);
    env_done(&e);
}
END_TEST

START_TEST(test_rate_read_between_offsets)
{
    /* read(start, end) depends only on the offsets and the creation time */
    Env e;
    env_init(&e);
    env_opt(&e, "rowsPerSecond", "2");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    Rows r;
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 0);
    ck_assert_int_eq(e.src.vt->read(&e.src, "3", "5", collect, &r, &e.err), 0);
    ck_assert_str_eq(r.text, "6@3000 7@3500 8@4000 9@4500 ");
    rows_init(&r, 2, 0);
    ck_assert_int_eq(e.src.vt->read(&e.src, "4", "4", collect, &r, &e.err), 0);
    ck_assert_int_eq(r.n_rows, 0);
    ck_assert_int_eq(e.src.vt->read(&e.src, "5", "4", collect, &r, &e.err), -SRT_ERR_QUERY);
    ck_assert_str_eq(e.err.msg, "source 'src': invalid rate offsets 5 to 4");
    ck_assert_int_eq(e.src.vt->read(&e.src, NULL, "x", collect, &r, &e.err), -SRT_ERR_QUERY);
    ck_assert_int_eq(e.src.vt->read(&e.src, NULL, "4611686018427387904", collect, &r, &e.err),
                     -SRT_ERR_QUERY);
    ck_assert_str_eq(e.err.msg,
                     "source 'src': Integer overflow. Max offset with 2 rowsPerSecond is "
                     "4611686018427387903, but it's 4611686018427387904 now.");
    env_done(&e);
}
END_TEST

START_TEST(test_rate_describe_and_options)
{
    Env e;
    env_init(&e);
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    SrtBuf d;
    srt_buf_init(&d, &e.mem);
    e.src.vt->describe(&e.src, &d);
    ck_assert_str_eq(srt_buf_cstr(&d),
                     "RateStreamV2[rowsPerSecond=1, rampUpTimeSeconds=0, numPartitions=default");
    srt_buf_free(&d);
    env_done(&e);

    env_init(&e);
    env_opt(&e, "rowsPerSecond", "100");
    env_opt(&e, "rampUpTime", "1m");
    env_opt(&e, "numPartitions", "4");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    srt_buf_init(&d, &e.mem);
    e.src.vt->describe(&e.src, &d);
    ck_assert_str_eq(srt_buf_cstr(&d),
                     "RateStreamV2[rowsPerSecond=100, rampUpTimeSeconds=60, numPartitions=4");
    srt_buf_free(&d);
    env_done(&e);

    static const struct {
        const char *key, *value, *msg;
    } bad[] = {
        {"rowsPerSecond", "0",
         "source 'src': Invalid value '0' for option 'rowsPerSecond', must be a positive integer"},
        {"rowsPerSecond", "-5",
         "source 'src': Invalid value '-5' for option 'rowsPerSecond', must be a positive integer"},
        {"rampUpTime", "-1",
         "source 'src': Invalid value '-1'. The option 'rampUpTime' must not be negative"},
        {"rampUpTime", "soon",
         "source 'src': Invalid value 'soon' for option 'rampUpTime', must be a duration such as "
         "'10s' or '1 minute'"},
        {"numPartitions", "0",
         "source 'src': Invalid value '0' for option 'numPartitions', must be a positive integer"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        env_init(&e);
        env_opt(&e, bad[i].key, bad[i].value);
        ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), -SRT_ERR_OPTION);
        ck_assert_str_eq(e.err.msg, bad[i].msg);
        env_done(&e);
    }
    /* 500ms truncates to 0 s; "1 minute" is an interval */
    env_init(&e);
    env_opt(&e, "rampUpTime", "1 minute");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    srt_buf_init(&d, &e.mem);
    e.src.vt->describe(&e.src, &d);
    ck_assert(strstr(srt_buf_cstr(&d), "rampUpTimeSeconds=60,") != NULL);
    srt_buf_free(&d);
    env_done(&e);

    /* a schema other than the fixed one */
    env_init(&e);
    const SrtType *str;
    ck_assert_int_eq(srt_type_parse(&e.arena, "string", &str, &e.err), 0);
    SrtColumn cols[2] = {{"value", str, 0}, {"timestamp", str, 0}};
    SrtSchema schema = {cols, 2};
    e.src.vt = &srt_source_rate_vt;
    e.src.mem = &e.mem;
    e.src.name = "src";
    e.opened = 1;
    ck_assert_int_eq(e.src.vt->open(&e.src, &e.opts, &schema, &e.err), -SRT_ERR_OPTION);
    ck_assert_str_eq(e.err.msg, "source 'src': the rate source has the fixed schema (timestamp "
                                "TIMESTAMP, value BIGINT)");
    env_done(&e);
}
END_TEST

/* Out of memory at every allocation: an error, never a crash or a leak. */
START_TEST(test_rate_oom)
{
    for (int64_t n = 0; n < 4; n++) {
        Env e;
        env_init(&e);
        env_opt(&e, "rowsPerSecond", "5");
        e.mem.fail_after = n;
        int rc = env_open(&e, &srt_source_rate_vt);
        if (rc == 0) {
            int has = 0;
            rc = e.src.vt->plan(&e.src, SRT_LIMIT_DEFAULT, &e.end, &has, &e.err);
            e.clock.us += 1000000;
            if (rc == 0)
                rc = e.src.vt->plan(&e.src, SRT_LIMIT_DEFAULT, &e.end, &has, &e.err);
            Rows r;
            rows_init(&r, 2, 0);
            if (rc == 0 && has)
                rc = e.src.vt->read(&e.src, NULL, srt_buf_cstr(&e.end), collect, &r, &e.err);
        }
        if (rc < 0)
            ck_assert_int_eq(e.err.code, SRT_ERR_NOMEM);
        e.mem.fail_after = -1;
        env_done(&e);
    }
}
END_TEST

/* ======================================================================
** rate-micro-batch
** ====================================================================== */

START_TEST(test_micro_batches)
{
    Env e;
    env_init(&e);
    env_opt(&e, "rowsPerBatch", "3");
    env_opt(&e, "startTimestamp", "1000");
    env_opt(&e, "advanceMillisPerBatch", "500");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_micro_vt), 0);
    Rows r;
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 1); /* always has data, whatever the clock */
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"offset\":3,\"timestamp\":1500}");
    /* timestamps: startTimestamp + k * advance (ms), printed relative to T0_MS by collect */
    char want[256];
    snprintf(want, sizeof want, "0@%lld 1@%lld 2@%lld ", 1000 - T0_MS, 1000 - T0_MS, 1000 - T0_MS);
    ck_assert_str_eq(r.text, want);
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"offset\":6,\"timestamp\":2000}");
    snprintf(want, sizeof want, "3@%lld 4@%lld 5@%lld ", 1500 - T0_MS, 1500 - T0_MS, 1500 - T0_MS);
    ck_assert_str_eq(r.text, want);
    SrtBuf d;
    srt_buf_init(&d, &e.mem);
    e.src.vt->describe(&e.src, &d);
    ck_assert_str_eq(srt_buf_cstr(&d), "RatePerMicroBatchStream[rowsPerBatch=3, numPartitions=1, "
                                       "startTimestamp=1000, advanceMsPerBatch=500]");
    srt_buf_free(&d);
    env_done(&e);
}
END_TEST

/* Sources opened without options run with the defaults of their connector's spec
   (common/cm_connectors.c), not with values of their own. */
START_TEST(test_defaults_from_spec)
{
    const CmConnector *micro = cm_connector_find("rate-micro-batch", CM_ROLE_SOURCE);
    const CmConnector *rate = cm_connector_find("rate", CM_ROLE_SOURCE);
    const char *start = cm_opt_find(micro->opts, micro->n_opts, "startTimestamp")->def;
    const char *advance = cm_opt_find(micro->opts, micro->n_opts, "advanceMillisPerBatch")->def;
    const char *rows = cm_opt_find(rate->opts, rate->n_opts, "rowsPerSecond")->def;
    char want[256];
    Env e;
    env_init(&e);
    env_opt(&e, "rowsPerBatch", "2");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_micro_vt), 0);
    SrtBuf d;
    srt_buf_init(&d, &e.mem);
    e.src.vt->describe(&e.src, &d);
    snprintf(want, sizeof want,
             "RatePerMicroBatchStream[rowsPerBatch=2, numPartitions=1, startTimestamp=%s, "
             "advanceMsPerBatch=%s]",
             start, advance);
    ck_assert_str_eq(srt_buf_cstr(&d), want);
    srt_buf_free(&d);
    env_done(&e);
    env_init(&e);
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    srt_buf_init(&d, &e.mem);
    e.src.vt->describe(&e.src, &d);
    snprintf(want, sizeof want, "RateStreamV2[rowsPerSecond=%s, rampUpTimeSeconds=0, "
             "numPartitions=default", rows);
    ck_assert_str_eq(srt_buf_cstr(&d), want);
    srt_buf_free(&d);
    env_done(&e);
}
END_TEST

START_TEST(test_micro_restart_and_chunks)
{
    /* A new instance reads between stored offsets: exactly the rows in between, stamped with
       the start offset's timestamp (as Spark's partition reader). */
    Env e;
    env_init(&e);
    env_opt(&e, "rowsPerBatch", "5000");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_micro_vt), 0);
    Rows r;
    rows_init(&r, 2, 0);
    ck_assert_int_eq(e.src.vt->read(&e.src, "{\"offset\":5000,\"timestamp\":1000}",
                                    "{\"offset\": 10000, \"timestamp\": 2000}", collect, &r,
                                    &e.err),
                     0);
    ck_assert_int_eq(r.n_rows, 5000);
    ck_assert_int_eq(r.first, 5000);
    ck_assert_int_eq(r.last, 9999);
    ck_assert_int_eq(r.n_chunks, (5000 + SRT_RUN_CHUNK_ROWS - 1) / SRT_RUN_CHUNK_ROWS);
    ck_assert_int_eq(r.chunks[0], SRT_RUN_CHUNK_ROWS);
    ck_assert_int_eq(r.chunks[15], SRT_RUN_CHUNK_ROWS);
    char want[64];
    snprintf(want, sizeof want, "5000@%lld ", 1000 - T0_MS);
    ck_assert(strncmp(r.text, want, strlen(want)) == 0);
    /* the first batch from the initial offset */
    rows_init(&r, 2, 0);
    ck_assert_int_eq(
        e.src.vt->read(&e.src, NULL, "{\"offset\":5000,\"timestamp\":1000}", collect, &r, &e.err),
        0);
    ck_assert_int_eq(r.n_rows, 5000);
    ck_assert_int_eq(r.first, 0);
    ck_assert_int_eq(e.src.vt->read(&e.src, NULL, "{\"offset\":5}", collect, &r, &e.err),
                     -SRT_ERR_QUERY);
    ck_assert_str_eq(e.err.msg,
                     "source 'src': invalid rate-micro-batch offsets start to {\"offset\":5}");
    env_done(&e);
}
END_TEST

START_TEST(test_micro_available_now)
{
    Env e;
    env_init(&e);
    env_opt(&e, "rowsPerBatch", "2");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_micro_vt), 0);
    ck_assert_int_eq(e.src.vt->snapshot(&e.src, &e.err), 0);
    Rows r;
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"offset\":2,\"timestamp\":1000}");
    ck_assert_int_eq(step(&e, &r), 0);
    ck_assert_int_eq(step(&e, &r), 0);
    ck_assert_int_eq(r.n_rows, 2);
    env_done(&e);
}
END_TEST

START_TEST(test_micro_options)
{
    static const struct {
        const char *key, *value, *msg;
    } bad[] = {
        {NULL, NULL,
         "source 'src': option 'rowsPerBatch' is required for connector 'rate-micro-batch'"},
        {"rowsPerBatch", "0",
         "source 'src': Invalid value '0' for option 'rowsPerBatch', must be a positive integer"},
        {"startTimestamp", "-1",
         "source 'src': Invalid value '-1' for option 'startTimestamp', must be an integer"},
        {"advanceMillisPerBatch", "x",
         "source 'src': Invalid value 'x' for option 'advanceMillisPerBatch', must be an integer"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        Env e;
        env_init(&e);
        if (bad[i].key) {
            if (strcmp(bad[i].key, "rowsPerBatch") != 0)
                env_opt(&e, "rowsPerBatch", "1");
            env_opt(&e, bad[i].key, bad[i].value);
        }
        ck_assert_int_eq(env_open(&e, &srt_source_rate_micro_vt), -SRT_ERR_OPTION);
        ck_assert_str_eq(e.err.msg, bad[i].msg);
        env_done(&e);
    }
    /* advanceMillisPerBatch 0: every batch has the start timestamp */
    Env e;
    env_init(&e);
    env_opt(&e, "rowsPerBatch", "1");
    env_opt(&e, "advanceMillisPerBatch", "0");
    env_opt(&e, "startTimestamp", "7");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_micro_vt), 0);
    Rows r;
    rows_init(&r, 2, 0);
    step(&e, &r);
    step(&e, &r);
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"offset\":2,\"timestamp\":7}");
    env_done(&e);
}
END_TEST

/* ======================================================================
** socket
** ====================================================================== */

/* A listening loopback socket on a free port. */
static int listen_any(int *port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ck_assert_int_ge(fd, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    socklen_t len = sizeof a;
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    *port = ntohs(a.sin_port);
    return fd;
}

static void send_all(int fd, const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t k = write(fd, s, n);
        ck_assert_int_gt(k, 0);
        s += k;
        n -= (size_t)k;
    }
}

typedef struct SockEnv {
    Env e;
    int lfd, cfd; /* listening and accepted (server side) */
    int port;
    int saved_err; /* stderr while redirected */
    char err_path[128];
} SockEnv;

/* stderr into a temp file (the WARN lines). */
static void redirect_stderr(SockEnv *s)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(s->err_path, sizeof s->err_path, "%s/srt_sock_err-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(s->err_path);
    ck_assert_int_ge(fd, 0);
    fflush(stderr);
    s->saved_err = dup(2);
    ck_assert_int_eq(dup2(fd, 2), 2);
    close(fd);
}

/* Restore stderr; returns what was written to it (static buffer). */
static const char *restore_stderr(SockEnv *s)
{
    static char text[4096];
    fflush(stderr);
    dup2(s->saved_err, 2);
    close(s->saved_err);
    FILE *f = fopen(s->err_path, "r");
    ck_assert_ptr_nonnull(f);
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    unlink(s->err_path);
    return text;
}

static void sock_setup(SockEnv *s, int include_ts)
{
    env_init(&s->e);
    s->lfd = listen_any(&s->port);
    ck_assert_int_eq(listen(s->lfd, 4), 0);
    char port[16];
    snprintf(port, sizeof port, "%d", s->port);
    env_opt(&s->e, "host", "127.0.0.1");
    env_opt(&s->e, "port", port);
    if (include_ts)
        env_opt(&s->e, "includeTimestamp", "true");
    redirect_stderr(s);
    ck_assert_msg(env_open(&s->e, &srt_source_socket_vt) == 0, "%s", s->e.err.msg);
    s->cfd = accept(s->lfd, NULL, NULL);
    ck_assert_int_ge(s->cfd, 0);
}

static void sock_done(SockEnv *s)
{
    if (s->cfd >= 0)
        close(s->cfd);
    close(s->lfd);
    env_done(&s->e);
}

/* Plan until a batch has data (up to 5 s: loopback delivery is not instantaneous). */
static int step_wait(SockEnv *s, Rows *r)
{
    for (int i = 0; i < 5000; i++) {
        if (step(&s->e, r))
            return 1;
        if (s->e.src.vt->finished(&s->e.src))
            return 0;
        usleep(1000);
    }
    return 0;
}

START_TEST(test_socket_lines)
{
    SockEnv s;
    sock_setup(&s, 0);
    Rows r;
    rows_init(&r, 1, 1);
    ck_assert_int_eq(step(&s.e, &r), 0); /* nothing sent yet */
    send_all(s.cfd, "hello\nwor");
    ck_assert_int_eq(step_wait(&s, &r), 1);
    ck_assert_str_eq(srt_buf_cstr(&s.e.end), "0"); /* Spark's LongOffset: last line index */
    ck_assert_str_eq(r.text, "hello|");
    usleep(20000);
    ck_assert_int_eq(step(&s.e, &r), 0); /* "wor" waits for its end */
    ck_assert_int_eq(s.e.src.vt->finished(&s.e.src), 0);
    send_all(s.cfd, "ld\r\n\n");
    rows_init(&r, 1, 1);
    ck_assert_int_eq(step_wait(&s, &r), 1);
    ck_assert_str_eq(srt_buf_cstr(&s.e.end), "2");
    ck_assert_str_eq(r.text, "world||"); /* \r stripped; an empty line is a row */
    send_all(s.cfd, "x\r");
    rows_init(&r, 1, 1);
    ck_assert_int_eq(step_wait(&s, &r), 1);
    ck_assert_str_eq(r.text, "x|"); /* a \r ends its line at once (BufferedReader.readLine) */
    send_all(s.cfd, "\ny\rz\nlast"); /* the \n right after it, in the next read, ends nothing */
    rows_init(&r, 1, 1);
    ck_assert_int_eq(step_wait(&s, &r), 1);
    ck_assert_str_eq(r.text, "y|z|");
    /* the server closes: the final unterminated line, then the end */
    close(s.cfd);
    s.cfd = -1;
    rows_init(&r, 1, 1);
    ck_assert_int_eq(step_wait(&s, &r), 1);
    ck_assert_str_eq(srt_buf_cstr(&s.e.end), "6");
    ck_assert_str_eq(r.text, "last|");
    ck_assert_int_eq(s.e.src.vt->finished(&s.e.src), 1);
    ck_assert_int_eq(step(&s.e, &r), 0);
    SrtBuf d;
    srt_buf_init(&d, &s.e.mem);
    s.e.src.vt->describe(&s.e.src, &d);
    char want[64];
    snprintf(want, sizeof want, "TextSocketV2[host: 127.0.0.1, port: %d]", s.port);
    ck_assert_str_eq(srt_buf_cstr(&d), want);
    srt_buf_free(&d);
    const char *err = restore_stderr(&s);
    char want_err[256];
    snprintf(want_err, sizeof want_err,
             "WARN: The socket source should not be used for production applications! It does "
             "not support recovery.\nWARN: Stream closed by 127.0.0.1:%d\n",
             s.port);
    ck_assert_str_eq(err, want_err);
    sock_done(&s);
}
END_TEST

START_TEST(test_socket_eof_and_release)
{
    SockEnv s;
    sock_setup(&s, 0);
    /* Lines are kept until commit: plan two batches' worth, read, then commit. */
    send_all(s.cfd, "a\nb\n");
    Rows r;
    rows_init(&r, 1, 1);
    int has = 0;
    for (int i = 0; i < 5000 && !has; i++) {
        ck_assert_int_eq(s.e.src.vt->plan(&s.e.src, SRT_LIMIT_DEFAULT, &s.e.end, &has, &s.e.err),
                         0);
        if (!has)
            usleep(1000);
    }
    ck_assert_int_eq(has, 1);
    const char *end1 = srt_buf_cstr(&s.e.end);
    ck_assert(strcmp(end1, "0") == 0 || strcmp(end1, "1") == 0);
    if (strcmp(end1, "0") == 0) { /* "b\n" arrived a little later */
        ck_assert_int_eq(s.e.src.vt->commit(&s.e.src, "0", &s.e.err), 0);
        srt_buf_puts(&s.e.start, "0");
        ck_assert_int_eq(step_wait(&s, &r), 1);
    } else {
        ck_assert_int_eq(s.e.src.vt->read(&s.e.src, NULL, "1", collect, &r, &s.e.err), 0);
        ck_assert_str_eq(r.text, "a|b|");
        /* a read of released or unknown lines is an error */
        ck_assert_int_eq(s.e.src.vt->read(&s.e.src, NULL, "5", collect, &r, &s.e.err),
                         -SRT_ERR_QUERY);
        ck_assert_int_eq(s.e.src.vt->commit(&s.e.src, "1", &s.e.err), 0);
        ck_assert_int_eq(s.e.src.vt->read(&s.e.src, NULL, "1", collect, &r, &s.e.err),
                         -SRT_ERR_QUERY);
        ck_assert_str_eq(s.e.err.msg,
                         "source 'src': lines 0 to 1 are not available (kept: 2 to 1); "
                         "the socket source does not support recovery");
        srt_buf_puts(&s.e.start, "1");
    }
    /* many lines in one write, across chunks, then the end of the stream */
    char *big = malloc(10000 * 8 + 1);
    ck_assert_ptr_nonnull(big);
    size_t n = 0;
    for (int i = 0; i < 10000; i++)
        n += (size_t)sprintf(big + n, "%d\n", i);
    send_all(s.cfd, big);
    free(big);
    shutdown(s.cfd, SHUT_WR);
    int64_t rows = 0;
    int batches = 0;
    for (int i = 0; i < 5000 && !s.e.src.vt->finished(&s.e.src); i++) {
        rows_init(&r, 1, 1);
        if (step(&s.e, &r)) {
            rows += r.n_rows;
            batches++;
            for (int c = 0; c < r.n_chunks && c < 16; c++)
                ck_assert_int_le(r.chunks[c], SRT_VALUE_CHUNK_ROWS);
        } else {
            usleep(1000);
        }
    }
    ck_assert_int_eq(s.e.src.vt->finished(&s.e.src), 1);
    ck_assert_int_eq(rows, 10000);
    ck_assert_str_eq(srt_buf_cstr(&s.e.end), "10001");
    const char *err = restore_stderr(&s);
    char want[64];
    snprintf(want, sizeof want, "WARN: Stream closed by 127.0.0.1:%d\n", s.port);
    ck_assert_msg(strstr(err, want) != NULL, "%s", err);
    sock_done(&s);
}
END_TEST

/* A line longer than SRT_LINE_MAX: the plan fails naming the source, host, port and limit as
   soon as that much arrived without a newline (the server never ends the line). */
START_TEST(test_socket_line_too_long)
{
    SockEnv s;
    sock_setup(&s, 0);
    send_all(s.cfd, "short\n");
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) { /* the server: an endless line */
        static char block[65536];
        memset(block, 'x', sizeof block);
        for (;;)
            if (send(s.cfd, block, sizeof block, MSG_NOSIGNAL) < 0)
                _exit(0);
    }
    close(s.cfd);
    s.cfd = -1;
    int has = 0, rc = 0;
    int64_t lines = 0;
    for (int i = 0; i < 20000 && rc == 0; i++) {
        rc = s.e.src.vt->plan(&s.e.src, SRT_LIMIT_DEFAULT, &s.e.end, &has, &s.e.err);
        if (rc == 0 && has) {
            lines++;
            ck_assert_str_eq(srt_buf_cstr(&s.e.end), "0"); /* "short" only */
            ck_assert_int_eq(s.e.src.vt->commit(&s.e.src, "0", &s.e.err), 0);
        } else if (rc == 0) {
            usleep(1000);
        }
    }
    ck_assert_int_eq(rc, -SRT_ERR_FORMAT);
    ck_assert_int_le(lines, 1);
    char want[160];
    snprintf(want, sizeof want,
             "source 'src': a line from socket 127.0.0.1:%d is longer than 67108864 bytes, the "
             "limit of a line",
             s.port);
    ck_assert_str_eq(s.e.err.msg, want);
    restore_stderr(&s);
    sock_done(&s);
    kill(pid, SIGKILL); /* it shares the client's descriptor, so it would wait forever */
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
}
END_TEST

START_TEST(test_socket_include_timestamp)
{
    SockEnv s;
    sock_setup(&s, 1);
    Rows r;
    rows_init(&r, 2, 1);
    s.e.clock.us = 1469501675123999LL; /* receipt time, truncated to ms */
    send_all(s.cfd, "one\ntw");
    ck_assert_int_eq(step_wait(&s, &r), 1);
    ck_assert_str_eq(r.text, "one@1469501675123000|");
    s.e.clock.us += 2000000;
    send_all(s.cfd, "o\n");
    rows_init(&r, 2, 1);
    ck_assert_int_eq(step_wait(&s, &r), 1);
    ck_assert_str_eq(r.text, "two@1469501677123000|"); /* the time its end arrived */
    restore_stderr(&s);
    sock_done(&s);
}
END_TEST

START_TEST(test_socket_refused_and_options)
{
    /* a bound port nobody listens on refuses connections */
    int port;
    int fd = listen_any(&port);
    char ps[16];
    snprintf(ps, sizeof ps, "%d", port);
    SockEnv s;
    env_init(&s.e);
    env_opt(&s.e, "host", "127.0.0.1");
    env_opt(&s.e, "port", ps);
    redirect_stderr(&s);
    ck_assert_int_eq(env_open(&s.e, &srt_source_socket_vt), -SRT_ERR_IO);
    const char *err = restore_stderr(&s);
    ck_assert_str_eq(err, "WARN: The socket source should not be used for production "
                          "applications! It does not support recovery.\n");
    char want[160];
    snprintf(want, sizeof want, "source 'src': cannot connect to socket 127.0.0.1:%d: %s", port,
             strerror(ECONNREFUSED));
    ck_assert_str_eq(s.e.err.msg, want);
    env_done(&s.e);
    close(fd);

    static const struct {
        const char *host, *port, *its, *msg;
    } bad[] = {
        {NULL, "9", NULL, "source 'src': Set a host to read from with option(\"host\", ...)."},
        {"localhost", NULL, NULL,
         "source 'src': Set a port to read from with option(\"port\", ...)."},
        {"localhost", "http", NULL,
         "source 'src': Invalid value 'http' for option 'port', must be a positive integer"},
        {"localhost", "70000", NULL,
         "source 'src': Invalid value '70000' for option 'port', must be a port number (1 to "
         "65535)"},
        {"localhost", "9", "yes",
         "source 'src': includeTimestamp must be set to either \"true\" or \"false\""},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        env_init(&s.e);
        if (bad[i].host)
            env_opt(&s.e, "host", bad[i].host);
        if (bad[i].port)
            env_opt(&s.e, "port", bad[i].port);
        if (bad[i].its)
            env_opt(&s.e, "includeTimestamp", bad[i].its);
        redirect_stderr(&s);
        ck_assert_int_eq(env_open(&s.e, &srt_source_socket_vt), -SRT_ERR_OPTION);
        restore_stderr(&s);
        ck_assert_str_eq(s.e.err.msg, bad[i].msg);
        env_done(&s.e);
    }
    /* an unknown host */
    env_init(&s.e);
    env_opt(&s.e, "host", "no-such-host.invalid");
    env_opt(&s.e, "port", "9999");
    redirect_stderr(&s);
    ck_assert_int_eq(env_open(&s.e, &srt_source_socket_vt), -SRT_ERR_IO);
    restore_stderr(&s);
    const char *pre =
        "source 'src': cannot resolve socket host 'no-such-host.invalid' (port 9999): ";
    ck_assert_msg(strncmp(s.e.err.msg, pre, strlen(pre)) == 0, "%s", s.e.err.msg);
    env_done(&s.e);
}
END_TEST

/* ======================================================================
** Whole queries (srt_run) over value rows
** ====================================================================== */

static struct {
    const char *connector;
    int port;
} qcfg; /* test-only: what init_values registers */

/* SELECT * of the source, as generated code for a value-row source does it. */
static int64_t values_process(SrtQuery *q, const char *buf, size_t len)
{
    uint32_t n_cols = q->schema.n_cols;
    const SrtDatum *d = (const SrtDatum *)(const void *)buf;
    size_t n = len / (sizeof(SrtDatum) * n_cols);
    for (size_t i = 0; i < n; i++, d += n_cols) {
        SrtDatum *row = srt_out_row(q);
        for (uint32_t c = 0; c < n_cols; c++) {
            row[c] = d[c];
            if (q->schema.cols[c].type->kind == SRT_T_STRING)
                row[c].p = srt_batch_strdup(q, d[c].p, d[c].n);
        }
    }
    return (int64_t)n;
}

static void init_values(SrtProgram *p)
{
    int src = srt_prog_source(p, "in", qcfg.connector);
    int q;
    int sink = srt_prog_sink(p, "out", "console");
    if (strcmp(qcfg.connector, "socket") == 0) {
        char port[16];
        snprintf(port, sizeof port, "%d", qcfg.port);
        srt_prog_source_option(p, src, "host", "localhost");
        srt_prog_source_option(p, src, "port", port);
        srt_prog_source_column(p, src, "value", "string");
        q = srt_prog_query(p, "lines", src, sink, values_process);
        srt_prog_query_column(p, q, "value", "string", 0);
    } else {
        srt_prog_source_option(p, src, "rowsPerBatch", "2");
        srt_prog_source_option(p, src, "startTimestamp", "1469501675000");
        srt_prog_source_column(p, src, "timestamp", "timestamp");
        srt_prog_source_column(p, src, "value", "bigint");
        q = srt_prog_query(p, "rates", src, sink, values_process);
        srt_prog_query_column(p, q, "timestamp", "timestamp", 0);
        srt_prog_query_column(p, q, "value", "bigint", 0);
    }
    srt_prog_query_option(p, q, "outputMode", "append");
}

typedef struct RunOut {
    int rc;
    char *out, *err;
    size_t leaked;
} RunOut;

static RunOut run_values(const char *a1, const char *a2)
{
    char *argv[4] = {"q", (char *)a1, (char *)a2, NULL};
    int argc = 1 + (a1 != NULL) + (a2 != NULL);
    SrtMem mem;
    srt_mem_init(&mem);
    RtCapture out, err;
    rt_capture_open(&out);
    rt_capture_open(&err);
    SrtEnv env = {.mem = &mem, .out = out.f, .err = err.f};
    RunOut r;
    r.rc = srt_run(argc, argv, init_values, &env);
    r.out = (char *)rt_capture_close(&out);
    r.err = (char *)rt_capture_close(&err);
    r.leaked = mem.in_use;
    return r;
}

#define BANNER(n)                                                                                  \
    "-------------------------------------------\nBatch: " #n                                      \
    "\n-------------------------------------------\n"

START_TEST(test_query_rate_micro_batch)
{
    qcfg.connector = "rate-micro-batch";
    RunOut r = run_values("--max-batches", "2");
    ck_assert_msg(r.rc == 0, "rc %d: %s", r.rc, r.err);
    ck_assert_str_eq(r.out, BANNER(0) "+-------------------+-----+\n"
                                      "|          timestamp|value|\n"
                                      "+-------------------+-----+\n"
                                      "|2016-07-26 02:54:35|    0|\n"
                                      "|2016-07-26 02:54:35|    1|\n"
                                      "+-------------------+-----+\n"
                                      "\n" BANNER(1) "+-------------------+-----+\n"
                                                     "|          timestamp|value|\n"
                                                     "+-------------------+-----+\n"
                                                     "|2016-07-26 02:54:36|    2|\n"
                                                     "|2016-07-26 02:54:36|    3|\n"
                                                     "+-------------------+-----+\n"
                                                     "\n");
    ck_assert_uint_eq(r.leaked, 0);
    free(r.out);
    free(r.err);
}
END_TEST

START_TEST(test_query_socket_stops_at_end_of_stream)
{
    int lfd = listen_any(&qcfg.port);
    ck_assert_int_eq(listen(lfd, 4), 0);
    qcfg.connector = "socket";
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) { /* the server: two lines, a pause, a last line, then close */
        int c = accept(lfd, NULL, NULL);
        if (c < 0)
            _exit(1);
        const char *a = "first\nsecond\n", *b = "third";
        if (write(c, a, strlen(a)) < 0)
            _exit(1);
        usleep(200000);
        if (write(c, b, strlen(b)) < 0)
            _exit(1);
        close(c);
        _exit(0);
    }
    close(lfd);
    SockEnv s;
    redirect_stderr(&s);
    RunOut r = run_values(NULL, NULL);
    const char *err = restore_stderr(&s);
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(r.rc == 0, "rc %d: %s", r.rc, r.err);
    ck_assert_str_eq(r.err, "");
    ck_assert_msg(strstr(err, "WARN: The socket source should not be used") != NULL, "%s", err);
    ck_assert_msg(strstr(err, "WARN: Stream closed by localhost:") != NULL, "%s", err);
    ck_assert_msg(strstr(r.out, " first|\n") && strstr(r.out, "|second|\n") &&
                      strstr(r.out, "third|\n"),
                  "%s", r.out);
    ck_assert(strstr(r.out, "|value|") != NULL);
    ck_assert_uint_eq(r.leaked, 0);
    free(r.out);
    free(r.err);
}
END_TEST

START_TEST(test_query_socket_refused)
{
    int lfd = listen_any(&qcfg.port); /* bound, not listening */
    qcfg.connector = "socket";
    SockEnv s;
    redirect_stderr(&s);
    RunOut r = run_values(NULL, NULL);
    restore_stderr(&s);
    close(lfd);
    ck_assert_int_eq(r.rc, 1);
    char want[200];
    snprintf(want, sizeof want,
             "error: query 'lines' failed: source 'in': cannot connect to socket localhost:%d: ",
             qcfg.port);
    ck_assert_msg(strncmp(r.err, want, strlen(want)) == 0, "%s", r.err);
    ck_assert_str_eq(r.out, "");
    ck_assert_uint_eq(r.leaked, 0);
    free(r.out);
    free(r.err);
}
END_TEST

/* ======================================================================
** Checkpoints: the rate start time in log_dir, restore of rate and rate-micro-batch
** ====================================================================== */

START_TEST(test_rate_start_time_persisted)
{
    char ck[64], log[96], file[128];
    rt_make_temp_dir(ck, sizeof ck, "srt_rate_ckpt");
    snprintf(log, sizeof log, "%s/sources/0", ck);
    snprintf(file, sizeof file, "%s/0", log);
    Env e;
    env_init(&e);
    e.src.log_dir = log;
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    Rows r;
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 0); /* the first clock reading: written before any batch */
    SrtBuf b;
    srt_buf_init(&b, &e.mem);
    SrtErr err;
    ck_assert_int_eq(srt_ckpt_read_file(file, &b, &err), 0);
    ck_assert_str_eq(srt_buf_cstr(&b), "v1\n1700000000123\n");
    srt_buf_free(&b);
    e.clock.us += 3500000;
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_str_eq(srt_buf_cstr(&e.end), "3");
    ck_assert_str_eq(r.text, "0@0 1@1000 2@2000 ");
    env_done(&e);

    /* A restarted query 100 s later: same creation time, planning continues after "3". */
    env_init(&e);
    e.clock.us = T0_US + 100000000;
    e.src.log_dir = log;
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    ck_assert_msg(e.src.vt->restore(&e.src, "3", &e.err) == 0, "%s", e.err.msg);
    rows_init(&r, 2, 0);
    ck_assert_int_eq(e.src.vt->read(&e.src, "1", "3", collect, &r, &e.err), 0);
    ck_assert_str_eq(r.text, "1@1000 2@2000 "); /* a re-run gives the same rows */
    srt_buf_puts(&e.start, "3");
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_str_eq(srt_buf_cstr(&e.end), "100"); /* catches up in one batch */
    ck_assert_int_eq(r.n_rows, 97);
    ck_assert(strncmp(r.text, "3@3000 4@4000 ", 14) == 0);
    ck_assert_int_eq(r.last, 99);
    ck_assert_int_eq(step(&e, &r), 0);
    env_done(&e);

    /* A restore to an offset beyond the clock: nothing until the clock passes it. */
    env_init(&e);
    e.src.log_dir = log;
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    e.clock.us = T0_US + 5000000;
    ck_assert_int_eq(e.src.vt->restore(&e.src, "200", &e.err), 0);
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 0);
    ck_assert_int_eq(e.src.vt->restore(&e.src, "-1", &e.err), -SRT_ERR_FORMAT);
    env_done(&e);

    /* A corrupt start time file fails open, naming the file. */
    FILE *fp = fopen(file, "r+");
    ck_assert_ptr_nonnull(fp);
    fputc('x', fp);
    fclose(fp);
    env_init(&e);
    e.src.log_dir = log;
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), -SRT_ERR_FORMAT);
    ck_assert_msg(strstr(e.err.msg, file) != NULL, "%s", e.err.msg);
    env_done(&e);
    /* intact but not a time */
    ck_assert_int_eq(srt_ckpt_write_file(file, "v1\nsoon\n", 8, &err), 0);
    env_init(&e);
    e.src.log_dir = log;
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), -SRT_ERR_FORMAT);
    char want[256];
    snprintf(want, sizeof want,
             "source 'src': the rate source's start time file %s is malformed (expected v1 and a "
             "time in ms)",
             file);
    ck_assert_str_eq(e.err.msg, want);
    env_done(&e);

    /* The start time file is gone but batches were planned: restore fails. */
    ck_assert_int_eq(unlink(file), 0);
    env_init(&e);
    e.src.log_dir = log;
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    ck_assert_int_eq(e.src.vt->restore(&e.src, "3", &e.err), -SRT_ERR_FORMAT);
    snprintf(want, sizeof want,
             "source 'src': cannot restore offset 3: the start time file %s/0 is missing from the "
             "checkpoint",
             log);
    ck_assert_str_eq(e.err.msg, want);
    env_done(&e);
    /* without a checkpoint the creation time is the first reading, as before */
    env_init(&e);
    ck_assert_int_eq(env_open(&e, &srt_source_rate_vt), 0);
    ck_assert_int_eq(e.src.vt->restore(&e.src, "3", &e.err), -SRT_ERR_QUERY);
    env_done(&e);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", ck);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(test_micro_restore)
{
    Env e;
    env_init(&e);
    env_opt(&e, "rowsPerBatch", "3");
    env_opt(&e, "startTimestamp", "1000");
    env_opt(&e, "advanceMillisPerBatch", "500");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_micro_vt), 0);
    Rows first, r;
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 1);
    rows_init(&first, 2, 0);
    ck_assert_int_eq(step(&e, &first), 1); /* batch 1 */
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"offset\":6,\"timestamp\":2000}");
    env_done(&e);

    /* A new instance restored to batch 1's end: re-reads batch 1 identically, then goes on. */
    env_init(&e);
    env_opt(&e, "rowsPerBatch", "3");
    env_opt(&e, "startTimestamp", "1000");
    env_opt(&e, "advanceMillisPerBatch", "500");
    ck_assert_int_eq(env_open(&e, &srt_source_rate_micro_vt), 0);
    ck_assert_int_eq(
        e.src.vt->restore(&e.src, "{\"offset\":6,\"timestamp\":2000}", &e.err), 0);
    rows_init(&r, 2, 0);
    ck_assert_int_eq(e.src.vt->read(&e.src, "{\"offset\":3,\"timestamp\":1500}",
                                    "{\"offset\":6,\"timestamp\":2000}", collect, &r, &e.err),
                     0);
    ck_assert_str_eq(r.text, first.text);
    srt_buf_puts(&e.start, "{\"offset\":6,\"timestamp\":2000}");
    rows_init(&r, 2, 0);
    ck_assert_int_eq(step(&e, &r), 1);
    ck_assert_str_eq(srt_buf_cstr(&e.end), "{\"offset\":9,\"timestamp\":2500}");
    char want[256];
    snprintf(want, sizeof want, "6@%lld 7@%lld 8@%lld ", 2000 - T0_MS, 2000 - T0_MS,
             2000 - T0_MS);
    ck_assert_str_eq(r.text, want);
    ck_assert_int_eq(e.src.vt->restore(&e.src, "{\"offset\":6}", &e.err), -SRT_ERR_FORMAT);
    ck_assert_str_eq(e.err.msg, "source 'src': cannot restore rate-micro-batch from offset "
                                "{\"offset\":6} (expected {\"offset\":N,\"timestamp\":MS})");
    env_done(&e);
}
END_TEST

/* The kafka source without a broker: descriptions, option errors, and malformed offsets
   (restore, read) are errors, never crashes, and every byte is released. */
static void kafka_env(Env *e, const char *strategy, const char *value)
{
    env_init(e);
    env_opt(e, "kafka.bootstrap.servers", "127.0.0.1:1");
    env_opt(e, strategy, value);
}

static void kafka_describes(const char *strategy, const char *value, const char *want)
{
    Env e;
    kafka_env(&e, strategy, value);
    ck_assert_int_eq(env_open(&e, &srt_source_kafka_vt), 0);
    SrtBuf d;
    srt_buf_init(&d, &e.mem);
    e.src.vt->describe(&e.src, &d);
    ck_assert_str_eq(srt_buf_cstr(&d), want);
    srt_buf_clear(&d);
    ck_assert_int_eq(e.src.vt->latest(&e.src, &d), 0); /* nothing planned yet */
    e.src.vt->metrics(&e.src, "{\"t\":{\"0\":1}}", &d);
    ck_assert_uint_eq(d.n, 0);
    srt_buf_free(&d);
    env_done(&e);
}

START_TEST(test_kafka_describe)
{
    kafka_describes("subscribe", " t1 , ,t2,", "KafkaV2[Subscribe[t1, t2]]");
    kafka_describes("subscribePattern", " events-.* ", "KafkaV2[SubscribePattern[events-.*]]");
    kafka_describes("assign", " { \"b\" : [1, 0], \"a\":[7], \"c\":[]}", "KafkaV2[Assign[b-1, b-0, a-7]]");
}
END_TEST

static void kafka_refuses(const char *strategy, const char *value, const char *key, const char *v,
                          const char *want)
{
    Env e;
    kafka_env(&e, strategy, value);
    if (key)
        env_opt(&e, key, v);
    ck_assert_int_lt(env_open(&e, &srt_source_kafka_vt), 0);
    ck_assert_msg(strstr(e.err.msg, want) != NULL, "%s: %s", want, e.err.msg);
    env_done(&e);
}

START_TEST(test_kafka_options)
{
    kafka_refuses("subscribe", ",", NULL, NULL, "No topics to subscribe to");
    kafka_refuses("subscribePattern", "  ", NULL, NULL, "Pattern to subscribe is empty");
    kafka_refuses("subscribePattern", "a(", NULL, NULL, "invalid subscribePattern 'a('");
    kafka_refuses("assign", "[1]", NULL, NULL, "No topicpartitions to assign");
    kafka_refuses("assign", "{\"t\":[0,]}", NULL, NULL, "Expected e.g. {\"topicA\":[0,1]");
    kafka_refuses("assign", "{\"t\":[-1]}", NULL, NULL, "Expected e.g.");
    kafka_refuses("subscribe", "t", "startingOffsets", "{\"t\":{\"x\":1}}", "Expected e.g.");
    kafka_refuses("subscribe", "t", "startingOffsets", "{\"t\":{\"0\":99999999999999999999}}",
                  "Expected e.g.");
    kafka_refuses("subscribe", "t", "startingTimestamp", "12ab", "Expected a single long value, got 12ab");
    kafka_refuses("subscribe", "t", "maxOffsetsPerTrigger", "-1", "must be a non-negative integer");
    kafka_refuses("subscribe", "t", "kafka.no.such", "1", "No such configuration property");
}
END_TEST

START_TEST(test_kafka_malformed_offsets)
{
    static const char *const bad[] = {
        "",          "{",           "{}x",          "{\"t\":}",     "{\"t\":{\"0\"}}",
        "{\"t\":{\"0\":}}", "{\"t\":{0:1}}", "{\"\":{\"0\":1}}", "{\"t\":{\"0\":1,}}", "[1]",
        "{\"t\\\"\":{\"0\":1}}", "{\"t\":{\"4294967296\":1}}", "null",
    };
    Env e;
    kafka_env(&e, "subscribe", "t");
    ck_assert_int_eq(env_open(&e, &srt_source_kafka_vt), 0);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        srt_err_clear(&e.err);
        ck_assert_int_lt(e.src.vt->restore(&e.src, bad[i], &e.err), 0);
        ck_assert_msg(strstr(e.err.msg, "cannot restore the Kafka source") != NULL, "%s", e.err.msg);
        srt_err_clear(&e.err);
        ck_assert_int_lt(e.src.vt->read(&e.src, "{\"t\":{\"0\":0}}", bad[i], collect, NULL, &e.err), 0);
        ck_assert_msg(strstr(e.err.msg, "invalid Kafka offsets") != NULL, "%s", e.err.msg);
    }
    /* Well formed, but no initial offsets were ever chosen: restoring needs the checkpoint's. */
    srt_err_clear(&e.err);
    ck_assert_int_lt(e.src.vt->restore(&e.src, "{\"t\":{\"0\":1,\"1\":2}}", &e.err), 0);
    ck_assert_msg(strstr(e.err.msg, "initial offsets file") != NULL, "%s", e.err.msg);
    env_done(&e);
}
END_TEST

Suite *rt_sources_suite(void)
{
    Suite *s = suite_create("rt_sources");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_scala_orders);
    tcase_add_test(tc, test_kafka_parts);
    tcase_add_test(tc, test_rate_values_and_timestamps);
    tcase_add_test(tc, test_rate_ramp_up);
    tcase_add_test(tc, test_rate_ramp_up_slow_start);
    tcase_add_test(tc, test_rate_rounding_and_chunks);
    tcase_add_test(tc, test_rate_available_now_and_once);
    tcase_add_test(tc, test_rate_read_between_offsets);
    tcase_add_test(tc, test_rate_describe_and_options);
    tcase_add_test(tc, test_rate_oom);
    tcase_add_test(tc, test_rate_runs);
    tcase_add_test(tc, test_micro_batches);
    tcase_add_test(tc, test_defaults_from_spec);
    tcase_add_test(tc, test_micro_restart_and_chunks);
    tcase_add_test(tc, test_micro_available_now);
    tcase_add_test(tc, test_micro_options);
    tcase_add_test(tc, test_rate_start_time_persisted);
    tcase_add_test(tc, test_micro_restore);
    tcase_add_test(tc, test_socket_lines);
    tcase_add_test(tc, test_socket_eof_and_release);
    tcase_add_test(tc, test_socket_include_timestamp);
    tcase_add_test(tc, test_socket_line_too_long);
    tcase_add_test(tc, test_socket_refused_and_options);
    tcase_add_test(tc, test_query_rate_micro_batch);
    tcase_add_test(tc, test_query_socket_stops_at_end_of_stream);
    tcase_add_test(tc, test_query_socket_refused);
    tcase_add_test(tc, test_kafka_describe);
    tcase_add_test(tc, test_kafka_options);
    tcase_add_test(tc, test_kafka_malformed_offsets);
    suite_add_tcase(s, tc);
    return s;
}
