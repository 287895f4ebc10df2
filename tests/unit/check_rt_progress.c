/* check_rt_progress.c - Spark's StreamingQueryProgress and StreamingQueryStatus JSON
** (srt_progress.c): the full record of the reference example byte for byte in compact
** form, the omission rules (eventTime, durationMs, NaN/infinite rates, customMetrics),
** nulls, offsets embedded as compact JSON or as strings when they are not JSON, and the
** ring of recent progress records (wraparound, ownership, out of memory).
*/
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "srt_int.h"

/* The epoch ms of the reference example's timestamps (§9.3). */
#define MS_TRIGGER 1711949610000LL   /* 2024-04-01T05:33:30.000Z */
#define MS_AVG 1469500392345LL       /* 2016-07-26T02:33:12.345Z */
#define MS_MAX 1469503211000LL       /* 2016-07-26T03:20:11.000Z */
#define MS_MIN 1469498283000LL       /* 2016-07-26T01:58:03.000Z */
#define MS_WATERMARK 1469499011000LL /* 2016-07-26T02:10:11.000Z */

static const SrtStateOpProgress example_op = {
    .operator_name = "stateStoreSave",
    .num_rows_total = 6,
    .num_rows_updated = 4,
    .all_updates_time_ms = 40,
    .num_rows_removed = 0,
    .all_removals_time_ms = 0,
    .commit_time_ms = 180,
    .memory_used_bytes = 90000,
    .num_rows_dropped_by_watermark = 0,
    .num_state_store_instances = 1,
};

/* The values of the reference example. */
static void example(SrtProgress *p)
{
    memset(p, 0, sizeof *p);
    p->id = "8b1f3c3a-c82e-4549-a73f-791131dd4b0d";
    p->run_id = "03193ddd-5c93-498c-b93e-915a4e6e4aec";
    p->name = "counts";
    p->timestamp_ms = MS_TRIGGER;
    p->batch_id = 3;
    p->num_input_rows = 1000;
    p->input_rows_per_second = 99.8;
    p->processed_rows_per_second = 512.3;
    p->duration_ms[SRT_DUR_ADD_BATCH] = 1502;
    p->duration_ms[SRT_DUR_COMMIT_OFFSETS] = 25;
    p->duration_ms[SRT_DUR_GET_BATCH] = 12;
    p->duration_ms[SRT_DUR_LATEST_OFFSET] = 8;
    p->duration_ms[SRT_DUR_QUERY_PLANNING] = 60;
    p->duration_ms[SRT_DUR_TRIGGER_EXECUTION] = 1952;
    p->duration_ms[SRT_DUR_WAL_COMMIT] = 30;
    p->has_watermark = 1;
    p->has_event_stats = 1;
    p->event_min_ms = MS_MIN;
    p->event_max_ms = MS_MAX;
    p->event_avg_ms = MS_AVG;
    p->watermark_ms = MS_WATERMARK;
    p->ops = &example_op;
    p->n_ops = 1;
    p->source_description = "FileStreamSource[file:/data/events]";
    p->start_offset = "{ \"logOffset\" : 2 }"; /* pretty, as the example prints it */
    p->end_offset = "{\"logOffset\":3}";
    p->latest_offset = NULL;
    p->sink_description = "org.apache.spark.sql.execution.streaming.ConsoleTable$@242a1511";
    p->sink_output_rows = 6;
}

/* The example in compact form: customMetrics is empty here and so left out, one shuffle
   partition and one state store instance. */
static const char example_json[] =
    "{\"id\":\"8b1f3c3a-c82e-4549-a73f-791131dd4b0d\","
    "\"runId\":\"03193ddd-5c93-498c-b93e-915a4e6e4aec\","
    "\"name\":\"counts\","
    "\"timestamp\":\"2024-04-01T05:33:30.000Z\","
    "\"batchId\":3,"
    "\"numInputRows\":1000,"
    "\"inputRowsPerSecond\":99.8,"
    "\"processedRowsPerSecond\":512.3,"
    "\"durationMs\":{\"addBatch\":1502,\"commitOffsets\":25,\"getBatch\":12,\"latestOffset\":8,"
    "\"queryPlanning\":60,\"triggerExecution\":1952,\"walCommit\":30},"
    "\"eventTime\":{\"avg\":\"2016-07-26T02:33:12.345Z\",\"max\":\"2016-07-26T03:20:11.000Z\","
    "\"min\":\"2016-07-26T01:58:03.000Z\",\"watermark\":\"2016-07-26T02:10:11.000Z\"},"
    "\"stateOperators\":[{\"operatorName\":\"stateStoreSave\",\"numRowsTotal\":6,"
    "\"numRowsUpdated\":4,\"allUpdatesTimeMs\":40,\"numRowsRemoved\":0,\"allRemovalsTimeMs\":0,"
    "\"commitTimeMs\":180,\"memoryUsedBytes\":90000,\"numRowsDroppedByWatermark\":0,"
    "\"numShufflePartitions\":1,\"numStateStoreInstances\":1}],"
    "\"sources\":[{\"description\":\"FileStreamSource[file:/data/events]\","
    "\"startOffset\":{\"logOffset\":2},\"endOffset\":{\"logOffset\":3},\"latestOffset\":null,"
    "\"numInputRows\":1000,\"inputRowsPerSecond\":99.8,\"processedRowsPerSecond\":512.3}],"
    "\"sink\":{\"description\":"
    "\"org.apache.spark.sql.execution.streaming.ConsoleTable$@242a1511\",\"numOutputRows\":6}}";

typedef struct Fx {
    SrtMem mem;
    SrtBuf out;
} Fx;

static void fx_init(Fx *fx)
{
    srt_mem_init(&fx->mem);
    srt_buf_init(&fx->out, &fx->mem);
}

static const char *fx_progress(Fx *fx, const SrtProgress *p)
{
    srt_buf_clear(&fx->out);
    srt_progress_json(p, &fx->out);
    ck_assert(!fx->out.oom);
    return srt_buf_cstr(&fx->out);
}

static void fx_done(Fx *fx)
{
    srt_buf_free(&fx->out);
    ck_assert_uint_eq(fx->mem.in_use, 0);
}

/* The text between the first occurrence of from and the next occurrence of to (inclusive
   of both), so a test can compare one part of a record. */
static void slice(const char *s, const char *from, const char *to, char *dst, size_t n)
{
    const char *b = strstr(s, from);
    ck_assert_msg(b != NULL, "'%s' not in %s", from, s);
    const char *e = strstr(b + strlen(from), to);
    ck_assert_msg(e != NULL, "'%s' not after '%s' in %s", to, from, s);
    size_t len = (size_t)(e + strlen(to) - b);
    ck_assert_uint_lt(len, n);
    memcpy(dst, b, len);
    dst[len] = '\0';
}

/* ==== Progress ==== */

START_TEST(test_full_record)
{
    Fx fx;
    fx_init(&fx);
    SrtProgress p;
    example(&p);
    const char *j = fx_progress(&fx, &p);
    ck_assert_str_eq(j, example_json);
    ck_assert_ptr_null(strchr(j, '\n'));
    fx_done(&fx);
}
END_TEST

START_TEST(test_no_watermark_no_event_time)
{
    Fx fx;
    fx_init(&fx);
    SrtProgress p;
    example(&p);
    p.has_watermark = 0; /* the stats alone do not make eventTime appear */
    const char *j = fx_progress(&fx, &p);
    ck_assert_ptr_null(strstr(j, "eventTime"));
    ck_assert_ptr_nonnull(strstr(j, "\"walCommit\":30},\"stateOperators\":["));
    fx_done(&fx);
}
END_TEST

START_TEST(test_watermark_without_rows)
{
    Fx fx;
    fx_init(&fx);
    SrtProgress p;
    example(&p);
    p.has_event_stats = 0;
    p.watermark_ms = 0;
    char part[256];
    slice(fx_progress(&fx, &p), "\"eventTime\"", "}", part, sizeof part);
    ck_assert_str_eq(part, "\"eventTime\":{\"watermark\":\"1970-01-01T00:00:00.000Z\"}");
    fx_done(&fx);
}
END_TEST

START_TEST(test_durations)
{
    Fx fx;
    fx_init(&fx);
    SrtProgress p;
    example(&p);
    for (int i = 0; i < SRT_DUR_N; i++)
        p.duration_ms[i] = -1;
    const char *j = fx_progress(&fx, &p);
    ck_assert_ptr_null(strstr(j, "durationMs"));
    ck_assert_ptr_nonnull(strstr(j, "\"processedRowsPerSecond\":512.3,\"eventTime\":{"));

    /* An idle trigger: only latestOffset and triggerExecution, zero included. */
    p.duration_ms[SRT_DUR_LATEST_OFFSET] = 0;
    p.duration_ms[SRT_DUR_TRIGGER_EXECUTION] = 3;
    char part[256];
    slice(fx_progress(&fx, &p), "\"durationMs\"", "}", part, sizeof part);
    ck_assert_str_eq(part, "\"durationMs\":{\"latestOffset\":0,\"triggerExecution\":3}");
    fx_done(&fx);
}
END_TEST

START_TEST(test_rates)
{
    Fx fx;
    fx_init(&fx);
    SrtProgress p;
    example(&p);
    p.num_input_rows = 0;
    p.input_rows_per_second = NAN;
    p.processed_rows_per_second = INFINITY;
    const char *j = fx_progress(&fx, &p);
    ck_assert_ptr_null(strstr(j, "RowsPerSecond"));
    ck_assert_ptr_nonnull(strstr(j, "\"numInputRows\":0,\"durationMs\":{"));
    ck_assert_ptr_nonnull(strstr(j, "\"latestOffset\":null,\"numInputRows\":0}]"));

    /* Java's Double.toString: 0.0, 1.0E7, 1.0E-4, 2.5. */
    p.input_rows_per_second = 0.0;
    p.processed_rows_per_second = 1e7;
    j = fx_progress(&fx, &p);
    ck_assert_ptr_nonnull(
        strstr(j, "\"numInputRows\":0,\"inputRowsPerSecond\":0.0,\"processedRowsPerSecond\":1.0E7,"
                  "\"durationMs\""));
    p.input_rows_per_second = 1e-4;
    p.processed_rows_per_second = -INFINITY;
    j = fx_progress(&fx, &p);
    ck_assert_ptr_nonnull(strstr(j, "\"inputRowsPerSecond\":1.0E-4,\"durationMs\""));
    ck_assert_ptr_nonnull(strstr(j, "\"inputRowsPerSecond\":1.0E-4}]"));
    fx_done(&fx);
}
END_TEST

START_TEST(test_nulls)
{
    Fx fx;
    fx_init(&fx);
    SrtProgress p;
    example(&p);
    p.name = NULL;
    p.start_offset = NULL;
    p.batch_id = 0;
    const char *j = fx_progress(&fx, &p);
    ck_assert_ptr_nonnull(strstr(j, "\"runId\":\"03193ddd-5c93-498c-b93e-915a4e6e4aec\","
                                    "\"name\":null,\"timestamp\":"));
    ck_assert_ptr_nonnull(strstr(j, "\"startOffset\":null,\"endOffset\":{\"logOffset\":3},"));
    ck_assert_ptr_nonnull(strstr(j, "\"batchId\":0,"));
    fx_done(&fx);
}
END_TEST

START_TEST(test_no_state_operators)
{
    Fx fx;
    fx_init(&fx);
    SrtProgress p;
    example(&p);
    p.ops = NULL;
    p.n_ops = 0;
    const char *j = fx_progress(&fx, &p);
    ck_assert_ptr_nonnull(strstr(j, "\"stateOperators\":[],\"sources\":[{"));

    SrtStateOpProgress two[2] = {example_op, example_op};
    two[1].operator_name = "dedupe";
    two[1].num_rows_total = 9;
    p.ops = two;
    p.n_ops = 2;
    j = fx_progress(&fx, &p);
    ck_assert_ptr_nonnull(strstr(j, "\"numStateStoreInstances\":1},{\"operatorName\":\"dedupe\","
                                    "\"numRowsTotal\":9,"));
    ck_assert_ptr_null(strstr(j, "customMetrics"));
    fx_done(&fx);
}
END_TEST

START_TEST(test_escapes_and_negative_numbers)
{
    Fx fx;
    fx_init(&fx);
    SrtProgress p;
    example(&p);
    p.name = "a \"quoted\"\nname";
    p.sink_description = "FileSink[out/o\\x]";
    p.sink_output_rows = -1; /* v1 sinks */
    const char *j = fx_progress(&fx, &p);
    ck_assert_ptr_nonnull(strstr(j, "\"name\":\"a \\\"quoted\\\"\\nname\","));
    ck_assert_ptr_nonnull(
        strstr(j, "\"sink\":{\"description\":\"FileSink[out/o\\\\x]\",\"numOutputRows\":-1}}"));
    ck_assert_ptr_null(strchr(j, '\n'));
    fx_done(&fx);
}
END_TEST

START_TEST(test_offsets)
{
    Fx fx;
    fx_init(&fx);
    SrtProgress p;
    example(&p);
    char part[512];

    /* Nested JSON is compacted, strings inside kept as they are. */
    p.start_offset = " {\n \"t\" : { \"0\" : 534 , \"1\":[1, -2.5e3, true,false, null] },\n"
                     "  \"s\": \"a b\\u00e9\" }\n";
    slice(fx_progress(&fx, &p), "\"startOffset\"", ",\"endOffset\"", part, sizeof part);
    ck_assert_str_eq(part, "\"startOffset\":{\"t\":{\"0\":534,\"1\":[1,-2.5e3,true,false,null]},"
                           "\"s\":\"a b\\u00e9\"},\"endOffset\"");

    /* Scalars are JSON too. */
    p.start_offset = "42";
    slice(fx_progress(&fx, &p), "\"startOffset\"", ",\"endOffset\"", part, sizeof part);
    ck_assert_str_eq(part, "\"startOffset\":42,\"endOffset\"");
    p.start_offset = "{}";
    slice(fx_progress(&fx, &p), "\"startOffset\"", ",\"endOffset\"", part, sizeof part);
    ck_assert_str_eq(part, "\"startOffset\":{},\"endOffset\"");

    /* Not JSON: a string, as Spark's tryParse falls back to. */
    static const char *bad[] = {
        "{\"logOffset\":", "{\"a\":1}}", "", "nope", "{\"a\" 1}", "[1,]", "01", "\"x\ny\"", "1.",
    };
    static const char *want[] = {
        "\"startOffset\":\"{\\\"logOffset\\\":\",\"endOffset\"",
        "\"startOffset\":\"{\\\"a\\\":1}}\",\"endOffset\"",
        "\"startOffset\":\"\",\"endOffset\"",
        "\"startOffset\":\"nope\",\"endOffset\"",
        "\"startOffset\":\"{\\\"a\\\" 1}\",\"endOffset\"",
        "\"startOffset\":\"[1,]\",\"endOffset\"",
        "\"startOffset\":\"01\",\"endOffset\"",
        "\"startOffset\":\"\\\"x\\ny\\\"\",\"endOffset\"",
        "\"startOffset\":\"1.\",\"endOffset\"",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        p.start_offset = bad[i];
        slice(fx_progress(&fx, &p), "\"startOffset\"", ",\"endOffset\"", part, sizeof part);
        ck_assert_str_eq(part, want[i]);
    }

    /* Deep nesting is refused (as a string), never a stack overflow. */
    char deep[4001];
    memset(deep, '[', 4000);
    deep[4000] = '\0';
    p.start_offset = deep;
    const char *j = fx_progress(&fx, &p);
    ck_assert_ptr_nonnull(strstr(j, "\"startOffset\":\"[[[["));
    fx_done(&fx);
}
END_TEST

START_TEST(test_timestamps)
{
    Fx fx;
    fx_init(&fx);
    SrtProgress p;
    example(&p);
    p.timestamp_ms = 1469501675001LL; /* ms kept, UTC */
    p.has_event_stats = 1;
    p.event_min_ms = -1; /* before the epoch */
    const char *j = fx_progress(&fx, &p);
    ck_assert_ptr_nonnull(strstr(j, "\"timestamp\":\"2016-07-26T02:54:35.001Z\","));
    ck_assert_ptr_nonnull(strstr(j, "\"min\":\"1969-12-31T23:59:59.999Z\","));
    p.event_max_ms = INT64_MAX; /* out of range: clamped, never undefined */
    j = fx_progress(&fx, &p);
    ck_assert_ptr_nonnull(strstr(j, "\"max\":\""));
    fx_done(&fx);
}
END_TEST

START_TEST(test_oom_is_sticky)
{
    Fx fx;
    fx_init(&fx);
    SrtProgress p;
    example(&p);
    fx.mem.fail_after = 0;
    srt_progress_json(&p, &fx.out);
    ck_assert(fx.out.oom);
    ck_assert_str_eq(srt_buf_cstr(&fx.out), "");
    fx.mem.fail_after = -1;
    fx_done(&fx);
}
END_TEST

/* ==== Status ==== */

START_TEST(test_status)
{
    Fx fx;
    fx_init(&fx);
    SrtStatus s = {"Waiting for data to arrive", 0, 0};
    srt_status_json(&s, &fx.out);
    ck_assert_str_eq(srt_buf_cstr(&fx.out), "{\"message\":\"Waiting for data to arrive\","
                                            "\"isDataAvailable\":false,\"isTriggerActive\":false}");
    srt_buf_clear(&fx.out);
    SrtStatus t = {"Getting offsets from FileStreamSource[file:/d \"x\"]", 1, 1};
    srt_status_json(&t, &fx.out);
    ck_assert_str_eq(srt_buf_cstr(&fx.out),
                     "{\"message\":\"Getting offsets from FileStreamSource[file:/d \\\"x\\\"]\","
                     "\"isDataAvailable\":true,\"isTriggerActive\":true}");
    srt_buf_clear(&fx.out);
    SrtStatus u = {NULL, 0, 1};
    srt_status_json(&u, &fx.out);
    ck_assert_str_eq(srt_buf_cstr(&fx.out),
                     "{\"message\":null,\"isDataAvailable\":false,\"isTriggerActive\":true}");
    fx_done(&fx);
}
END_TEST

/* ==== Ring ==== */

START_TEST(test_ring_empty)
{
    SrtMem m;
    srt_mem_init(&m);
    SrtProgressRing r;
    srt_progress_ring_init(&r, &m);
    ck_assert_ptr_null(srt_progress_ring_get(&r, 0));
    ck_assert_ptr_null(srt_progress_ring_get(&r, -1));
    ck_assert_int_eq(srt_progress_ring_add(&r, "{\"a\":1}", 7), 0);
    ck_assert_str_eq(srt_progress_ring_get(&r, 0), "{\"a\":1}");
    ck_assert_ptr_null(srt_progress_ring_get(&r, 1));
    srt_progress_ring_free(&r);
    ck_assert_uint_eq(m.in_use, 0);
    srt_progress_ring_free(&r); /* twice is harmless */
}
END_TEST

START_TEST(test_ring_wraparound)
{
    SrtMem m;
    srt_mem_init(&m);
    SrtProgressRing r;
    srt_progress_ring_init(&r, &m);
    char rec[64];
    for (int i = 0; i < 150; i++) {
        int n = snprintf(rec, sizeof rec, "{\"batchId\":%d}", i);
        ck_assert_int_eq(srt_progress_ring_add(&r, rec, (size_t)n), 0);
        memset(rec, 'x', sizeof rec); /* the ring keeps its own copy */
    }
    ck_assert_int_eq(r.n, 150);
    ck_assert_str_eq(srt_progress_ring_get(&r, 0), "{\"batchId\":149}");
    ck_assert_str_eq(srt_progress_ring_get(&r, 1), "{\"batchId\":148}");
    ck_assert_str_eq(srt_progress_ring_get(&r, 99), "{\"batchId\":50}");
    ck_assert_ptr_null(srt_progress_ring_get(&r, 100));
    ck_assert_ptr_null(srt_progress_ring_get(&r, 149));
    for (int k = 0; k < SRT_RECENT_PROGRESS; k++) {
        snprintf(rec, sizeof rec, "{\"batchId\":%d}", 149 - k);
        ck_assert_str_eq(srt_progress_ring_get(&r, k), rec);
    }
    /* Exactly 100 copies are held: the oldest were freed. */
    size_t held = 0;
    for (int i = 0; i < SRT_RECENT_PROGRESS; i++)
        held += r.len[i] + 1;
    ck_assert_uint_eq(m.in_use, held);
    srt_progress_ring_free(&r);
    ck_assert_uint_eq(m.in_use, 0);
}
END_TEST

START_TEST(test_ring_oom)
{
    SrtMem m;
    srt_mem_init(&m);
    SrtProgressRing r;
    srt_progress_ring_init(&r, &m);
    ck_assert_int_eq(srt_progress_ring_add(&r, "one", 3), 0);
    m.fail_after = 0;
    ck_assert_int_eq(srt_progress_ring_add(&r, "two", 3), -SRT_ERR_NOMEM);
    m.fail_after = -1;
    ck_assert_int_eq(r.n, 1);
    ck_assert_str_eq(srt_progress_ring_get(&r, 0), "one");
    ck_assert_ptr_null(srt_progress_ring_get(&r, 1));
    srt_progress_ring_free(&r);
    ck_assert_uint_eq(m.in_use, 0);
}
END_TEST

/* One process call as generated code makes it (srt_abi.h): the n times ms of partition part
   through srt_query_event_run, srt_event_mean_add (or, in a parallel task, srt_event_log) and
   srt_query_event_times. */
static void event_call(SrtQuery *q, int32_t part, const int64_t *ms, size_t n)
{
    double avg;
    int64_t count, min = 0, max = 0;
    q->cur_at.partition = part;
    int logs = srt_query_event_run(q, &avg, &count);
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || ms[i] < min)
            min = ms[i];
        if (i == 0 || ms[i] > max)
            max = ms[i];
        if (logs) {
            srt_event_log(q, ms[i]);
            continue;
        }
        count++;
        avg = srt_event_mean_add(avg, count, ms[i]);
    }
    srt_query_event_times(q, (int64_t)n, min, max, avg, count);
}

/* A batch of one input whose process calls read calls[i] (partition, then times ms, ending
   with END) on q's thread, or, split, each call in a parallel task of its own folded in order
   (srt_par.c): the batch's eventTime.avg. */
#define END INT64_MIN

static int64_t avg_of(const int64_t (*calls)[8], size_t n, int split)
{
    SrtMem mem;
    SrtQuery q, w;
    SrtInput in, win;
    srt_mem_init(&mem);
    memset(&q, 0, sizeof q);
    memset(&w, 0, sizeof w);
    memset(&in, 0, sizeof in);
    memset(&win, 0, sizeof win);
    q.in = &in;
    q.n_in = 1;
    q.mem = &mem;
    w.in = &win;
    w.n_in = 1;
    w.mem = &mem;
    w.par_task = 1;
    srt_event_begin_batch(&q);
    for (size_t i = 0; i < n; i++) {
        size_t k = 1;
        while (k < 8 && calls[i][k] != END)
            k++;
        event_call(split ? &w : &q, (int32_t)calls[i][0], &calls[i][1], k - 1);
        if (split) {
            srt_event_fold(&q, 0, &w);
            memset(&win, 0, sizeof win);
        }
    }
    srt_event_log_free(&w);
    ck_assert_uint_eq(mem.in_use, 0);
    return srt_event_avg_ms(&q);
}

/* 2024-04-01 12:00:00 in ms, and that plus s seconds */
#define T0 1711972800000LL
#define AT(s) (T0 + (s)*1000LL)

/* The batch's eventTime.avg (srt_event.c): each partition's running mean in a double
   (EventTimeStats.add), the partitions merged in turn (EventTimeStats.merge), truncated toward
   zero as avg.toLong; the same whether a partition is read in one call or several, on q's
   thread or in parallel tasks replayed by the fold.  The expected values are Python's floats
   running the same Scala expressions. */
START_TEST(test_event_time_avg)
{
    /* 10 then 9: 9.5, reported 9 */
    static const int64_t down[][8] = {{0, 10, 9, END}};
    /* -1, -2, -2: -1.6666666666666667, reported -1 */
    static const int64_t neg[][8] = {{0, -1, -2, -2, END}};
    /* 12:00:00, :01, :02, :03, :06, :17, :22, :29: the exact mean is 12:00:10, the double
       1711972809999.9998 (reported .999); the same in three calls of the partition */
    static const int64_t whole[][8] = {{0, AT(0), AT(1), AT(2), AT(3), AT(6), AT(17), AT(22)},
                                       {0, AT(29), END}};
    static const int64_t whole3[][8] = {
        {0, AT(0), AT(1), AT(2), END}, {0, AT(3), AT(6), AT(17), END}, {0, AT(22), AT(29), END}};
    /* three partitions merged in turn: 1711972814999.9998 (the exact mean and one running
       mean over the rows give 12:00:15), the last one read in two calls */
    static const int64_t parts[][8] = {{0, AT(0), AT(2), AT(4), AT(7), AT(9), AT(34), END},
                                       {1, AT(5), AT(6), AT(29), END},
                                       {2, AT(17), END},
                                       {2, AT(52), END}};
    /* two partitions: 1711972885000.0 (one running mean over the rows: .999) */
    static const int64_t two[][8] = {{0, AT(60), AT(61), AT(94), AT(100), AT(109), END},
                                     {1, AT(70), AT(89), AT(97), END}};
    /* a partition without rows, then rows */
    static const int64_t empty[][8] = {{0, END}, {1, 7, END}};
    for (int split = 0; split < 2; split++) {
        ck_assert_int_eq(avg_of(down, 1, split), 9);
        ck_assert_int_eq(avg_of(neg, 1, split), -1);
        ck_assert_int_eq(avg_of(whole, 2, split), AT(10) - 1);
        ck_assert_int_eq(avg_of(whole3, 3, split), AT(10) - 1);
        ck_assert_int_eq(avg_of(parts, 4, split), AT(15) - 1);
        ck_assert_int_eq(avg_of(two, 2, split), AT(85));
        ck_assert_int_eq(avg_of(empty, 2, split), 7);
        ck_assert_int_eq(avg_of(down, 0, split), 0); /* no event time: 0 */
    }
}
END_TEST

/* One batch of a query of several inputs: input `in` saw one event at `ms`; the next watermark. */
static int64_t batch_of(SrtQuery *q, uint32_t in, int64_t ms)
{
    srt_event_begin_batch(q);
    q->cur_in = in;
    if (ms >= 0)
        event_call(q, 0, &ms, 1);
    int64_t wm = srt_event_next_watermark(q);
    q->watermark_ms = wm;
    return wm;
}

/* A UNION ALL of two watermarked sources (srt_event.c, Spark's WatermarkTracker with the min
   policy): an input that never saw a row counts as 0, each input's watermark only moves
   forward, the query's is the minimum and never moves back; progress reports the event times
   of the first input that saw some. */
START_TEST(test_watermark_min_over_inputs)
{
    SrtInputDef defs[2] = {{0, NULL, 0, 1, 10000000, NULL},
                           {1, NULL, 0, 1, 0, NULL}}; /* delays 10 s and 0 */
    SrtQueryDef def;
    SrtInput in[2];
    SrtQuery q;
    memset(&def, 0, sizeof def);
    memset(in, 0, sizeof in);
    memset(&q, 0, sizeof q);
    def.inputs = defs;
    def.n_inputs = 2;
    def.has_watermark = 1;
    q.def = &def;
    q.in = in;
    q.n_in = 2;
    ck_assert_int_eq(batch_of(&q, 1, 50000), 0);     /* input 0 has seen nothing: 0 */
    ck_assert_ptr_eq(srt_event_stats(&q), &in[1].ev);
    ck_assert_int_eq(batch_of(&q, 0, 100000), 50000); /* min(100 s - 10 s, 50 s) */
    ck_assert_int_eq(batch_of(&q, 1, 20000), 50000); /* input 1 does not move back */
    ck_assert_int_eq(batch_of(&q, 1, 200000), 90000); /* now input 0 holds it */
    ck_assert_int_eq(batch_of(&q, 0, -1), 90000);     /* no rows: nothing moves */
    ck_assert_ptr_null(srt_event_stats(&q));
}
END_TEST

Suite *rt_progress_suite(void)
{
    Suite *s = suite_create("rt_progress");
    TCase *tc = tcase_create("progress");
    tcase_add_test(tc, test_full_record);
    tcase_add_test(tc, test_event_time_avg);
    tcase_add_test(tc, test_watermark_min_over_inputs);
    tcase_add_test(tc, test_no_watermark_no_event_time);
    tcase_add_test(tc, test_watermark_without_rows);
    tcase_add_test(tc, test_durations);
    tcase_add_test(tc, test_rates);
    tcase_add_test(tc, test_nulls);
    tcase_add_test(tc, test_no_state_operators);
    tcase_add_test(tc, test_escapes_and_negative_numbers);
    tcase_add_test(tc, test_offsets);
    tcase_add_test(tc, test_timestamps);
    tcase_add_test(tc, test_oom_is_sticky);
    suite_add_tcase(s, tc);
    tc = tcase_create("status");
    tcase_add_test(tc, test_status);
    suite_add_tcase(s, tc);
    tc = tcase_create("ring");
    tcase_add_test(tc, test_ring_empty);
    tcase_add_test(tc, test_ring_wraparound);
    tcase_add_test(tc, test_ring_oom);
    suite_add_tcase(s, tc);
    return s;
}
