/* check_rt_operators.c - unit tests of a query's list of stateful operators (srt_operator.h). */
#include <check.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rt_testutil.h"
#include "srt_int.h"
#include "state/srt_operator.h"

/* The hand-written "generated" program: SELECT action, count(*) FROM (SELECT id, action FROM
   events DROP DUPLICATES (id)) GROUP BY action, complete mode, checkpointed. */
static const char *src_dir;
static int declare_ops = 1; /* 0: only the calls of programs before srt_prog_query_operator */

/* Key bytes as plan_build.c lays them out: [null flag][pad to 8][u64 length][string]. */
static uint32_t action_key(uint8_t *key, const char *s, uint32_t n)
{
    memset(key, 0, 16);
    uint64_t len = n;
    memcpy(key + 8, &len, 8);
    memcpy(key + 16, s, n);
    return 16 + n;
}

/* Records are {"id":N,"action":"S"}, fields in that order. */
static int64_t dd_count_process(SrtQuery *q, const char *buf, size_t len)
{
    SrtAggTable *dd = srt_query_dedup_table(q), *agg = srt_query_agg_table(q);
    const char *p = buf, *end = buf + len;
    int64_t rows = 0;
    while (p < end) {
        const char *le = srt_json_line_end(p, end);
        const char *s = srt_json_ws(p, le);
        const char *k, *act;
        uint32_t kn, act_n;
        int esc, st_id, st_act;
        int64_t id;
        if (s == le) {
            p = le + 1;
            continue;
        }
        srt_scratch_reset(q);
        s = srt_json_string_raw(s + 1, le, &k, &kn, &esc);
        s = s ? srt_json_i64(s + 1, le, &id, &st_id) : NULL;
        s = s ? srt_json_string_raw(s + 1, le, &k, &kn, &esc) : NULL;
        s = s ? srt_json_str(s + 1, le, q, &act, &act_n, &st_act) : NULL;
        if (!s || st_id != SRT_JV_OK || st_act != SRT_JV_OK || act_n > 64) {
            srt_query_fail_at(q, "unexpected record", p);
            return -1;
        }
        rows++;
        p = le + 1;
        uint8_t dkey[16] = {0};
        memcpy(dkey + 8, &id, 8);
        uint8_t *seen = srt_agg_upsert(dd, dkey, sizeof dkey, srt_hash(dkey, sizeof dkey));
        if (seen[8])
            continue;
        int64_t never = INT64_MAX;
        memcpy(seen, &never, 8);
        seen[8] = 1;
        uint8_t key[16 + 64];
        uint32_t n = action_key(key, act, act_n);
        ++*(int64_t *)srt_agg_upsert(agg, key, n, srt_hash(key, n));
    }
    return rows;
}

static int dd_count_emit(SrtQuery *q, const uint8_t *key, uint32_t key_len, const uint8_t *state,
                         SrtDatum *row)
{
    row[0].p = srt_batch_strdup(q, (const char *)key + 16, key_len - 16);
    row[0].n = key_len - 16;
    memcpy(&row[1].i, state, 8);
    return 1;
}

static void init_program(SrtProgram *p)
{
    int src = srt_prog_source(p, "events", "files");
    srt_prog_source_option(p, src, "path", src_dir);
    srt_prog_source_option(p, src, "format", "json");
    srt_prog_source_column(p, src, "id", "bigint");
    srt_prog_source_column(p, src, "action", "string");
    int sink = srt_prog_sink(p, "out", "console");
    int q = srt_prog_query(p, "counts", src, sink, dd_count_process);
    srt_prog_query_option(p, q, "outputMode", "complete");
    srt_prog_query_column(p, q, "action", "string", 0);
    srt_prog_query_column(p, q, "count", "bigint", 0);
    if (declare_ops) {
        srt_prog_query_operator(p, q, SRT_OP_DEDUP, SRT_OPK_DEDUPLICATE);
        srt_prog_query_operator(p, q, SRT_OP_AGG, SRT_OPK_AGGREGATE);
    }
    srt_prog_query_agg(p, q, 16, dd_count_emit);
    srt_prog_query_dedup(p, q);
    srt_prog_query_state(p, q, SRT_OP_DEDUP, "dedupe", "struct<id:bigint>",
                         "struct<__dummy__:void>", 1, 16);
    srt_prog_query_state(p, q, SRT_OP_AGG, "stateStoreSave", "struct<action:string>",
                         "struct<count:bigint>", 1, 16);
    srt_prog_query_state_string(p, q, SRT_OP_AGG, 8, 0);
}

static char dir[64], data[96], chk[96], prog_path[96];

static void write_data(const char *name, const char *text)
{
    char path[160];
    snprintf(path, sizeof path, "%s/%s", data, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static void setup(void)
{
    rt_make_temp_dir(dir, sizeof dir, "srt_ops");
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(chk, sizeof chk, "%s/chk", dir);
    snprintf(prog_path, sizeof prog_path, "%s/progress", dir);
    ck_assert_int_eq(mkdir(data, 0755), 0);
    src_dir = data;
    declare_ops = 1;
}

static void teardown(void)
{
    rt_remove_dir(dir);
}

typedef struct Run {
    int rc;
    char *out, *err;
} Run;

static Run run_query(void)
{
    char *argv[] = {"q", "--trigger",  "availableNow", "--checkpoint",
                    chk, "--progress", prog_path,      NULL};
    SrtMem mem;
    srt_mem_init(&mem);
    RtCapture out, err;
    rt_capture_open(&out);
    rt_capture_open(&err);
    SrtEnv env = {.mem = &mem, .out = out.f, .err = err.f};
    Run r;
    r.rc = srt_run(7, argv, init_program, &env);
    r.out = (char *)rt_capture_close(&out);
    r.err = (char *)rt_capture_close(&err);
    ck_assert_uint_eq(mem.in_use, 0);
    return r;
}

/* The last line of the progress file (a fresh string). */
static char *last_progress(void)
{
    FILE *f = fopen(prog_path, "r");
    ck_assert_ptr_nonnull(f);
    char line[8192], *last = NULL;
    while (fgets(line, sizeof line, f)) {
        free(last);
        last = strdup(line);
    }
    fclose(f);
    ck_assert_ptr_nonnull(last);
    return last;
}

static int count_of(const char *s, const char *what)
{
    int n = 0;
    for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

#define BANNER(n)                                                                                  \
    "-------------------------------------------\nBatch: " #n                                      \
    "\n-------------------------------------------\n"

/* The definition of the program's query as registered (without errors) into p. */
static const SrtQueryDef *registered(SrtProgram *p, SrtMem *mem)
{
    srt_mem_init(mem);
    srt_prog_init(p, mem);
    init_program(p);
    ck_assert_int_eq(p->err.code, 0);
    ck_assert_int_eq(p->n_queries, 1);
    ck_assert_uint_eq(p->queries[0].n_ops, 2);
    return &p->queries[0];
}

/* Registration: the operators in declaration order, by number, with their options. */
START_TEST(test_registration_list)
{
    SrtMem mem;
    SrtProgram p;
    const SrtQueryDef *d = registered(&p, &mem);
    ck_assert_int_eq(d->ops[0].kind, SRT_OPK_DEDUPLICATE);
    ck_assert_int_eq(d->ops[0].id, SRT_OP_DEDUP);
    ck_assert_str_eq(d->ops[0].schema.name, "dedupe");
    ck_assert_int_eq(d->ops[1].kind, SRT_OPK_AGGREGATE);
    ck_assert_int_eq(d->ops[1].id, SRT_OP_AGG);
    ck_assert_uint_eq(d->ops[1].state_size, 16);
    ck_assert_uint_eq(d->ops[1].schema.n_key_strings, 1);
    ck_assert_int_eq(d->ops[1].event_key_offset, -1);
    /* A number used twice, an unknown kind: the first error is kept. */
    srt_prog_query_operator(&p, 0, SRT_OP_AGG, SRT_OPK_DEDUPLICATE);
    ck_assert_int_eq(p.err.code, SRT_ERR_QUERY);
    ck_assert_str_eq(p.err.msg,
                     "query 'counts': stateful operator number 0 is invalid or used twice");
    srt_err_clear(&p.err);
    srt_prog_query_operator(&p, 0, 2, 99);
    ck_assert_str_eq(p.err.msg, "query 'counts': stateful operator 2 has unknown kind 99");
    srt_err_clear(&p.err);
    srt_prog_query_state(&p, 0, 5, "x", "struct<>", "struct<>", 0, 0);
    ck_assert_str_eq(p.err.msg, "query 'counts': unknown stateful operator 5");
    ck_assert_uint_eq(d->n_ops, 2);
    srt_prog_free(&p);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

static void merge_counts(uint8_t *dst, const uint8_t *src, SrtQuery *q)
{
    (void)q;
    *(int64_t *)dst += *(const int64_t *)src;
}

/* Without srt_prog_query_operator the older calls declare the operators themselves, in the
   order of the calls; srt_prog_query_session makes the aggregation a session window. */
START_TEST(test_registration_implicit)
{
    SrtMem mem;
    SrtProgram p;
    declare_ops = 0;
    const SrtQueryDef *d = registered(&p, &mem);
    ck_assert_int_eq(d->ops[0].id, SRT_OP_AGG);
    ck_assert_int_eq(d->ops[1].id, SRT_OP_DEDUP);
    srt_prog_query_session(&p, 0, 16, merge_counts);
    ck_assert_int_eq(d->ops[0].kind, SRT_OPK_SESSION_WINDOW);
    ck_assert_int_eq(d->ops[0].session_slot, 16);
    srt_prog_free(&p);
}
END_TEST

/* The operators of a running query: the list in order, lookup by number, the handles
   generated code uses. */
START_TEST(test_query_operators)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    ck_assert_ptr_nonnull(q);
    ck_assert_ptr_null(srt_query_agg_table(q));
    ck_assert_ptr_null(srt_query_op(q, SRT_OP_AGG));
    SrtOpDef defs[2] = {
        {.kind = SRT_OPK_DEDUPLICATE, .id = SRT_OP_DEDUP, .event_key_offset = -1},
        {.kind = SRT_OPK_AGGREGATE, .id = SRT_OP_AGG, .state_size = 8, .event_key_offset = -1}};
    SrtErr err = {0};
    ck_assert_int_eq(srt_query_ops_create(q, defs, 2, &err), 0);
    ck_assert_uint_eq(q->n_ops, 2);
    ck_assert_ptr_eq(q->ops[0]->vt, &srt_op_dedup_vt);
    ck_assert_ptr_eq(q->ops[1]->vt, &srt_op_agg_vt);
    ck_assert_ptr_eq(srt_query_op(q, SRT_OP_DEDUP), q->ops[0]);
    ck_assert_ptr_eq(srt_query_op(q, SRT_OP_AGG), q->ops[1]);
    ck_assert_ptr_null(srt_query_op(q, 2));
    ck_assert_ptr_null(srt_query_op(q, -1));
    ck_assert_ptr_eq(srt_query_agg_table(q), q->ops[1]->state);
    ck_assert_ptr_eq(srt_query_dedup_table(q), q->ops[0]->state);
    ck_assert_ptr_ne(srt_query_agg_table(q), srt_query_dedup_table(q));
    /* Late rows are counted per operator. */
    srt_query_dropped_late(q, SRT_OP_DEDUP, 3);
    srt_query_dropped_late(q, SRT_OP_AGG, 1);
    srt_query_dropped_late(q, 7, 5);
    ck_assert_int_eq(q->ops[0]->st.dropped, 3);
    ck_assert_int_eq(q->ops[1]->st.dropped, 1);
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);

    /* One number twice is refused; what was created is freed with the query. */
    q = srt_query_new_detached(&mem);
    defs[1].id = SRT_OP_DEDUP;
    ck_assert_int_eq(srt_query_ops_create(q, defs, 2, &err), -SRT_ERR_QUERY);
    ck_assert_str_eq(err.msg, "stateful operator 1: unknown kind 0 or number used twice");
    srt_query_free(q);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* Labels of operators in messages: by the Spark name a checkpoint recorded, else by number. */
START_TEST(test_labels)
{
    ck_assert_str_eq(srt_operator_label(0, "stateStoreSave"), "aggregation");
    ck_assert_str_eq(srt_operator_label(1, "dedupeWithinWatermark"), "deduplication");
    ck_assert_str_eq(srt_operator_label(0, "sessionWindowStateStoreSaveExec"), "aggregation");
    ck_assert_str_eq(srt_operator_label(3, "dedupe"), "deduplication");
    ck_assert_str_eq(srt_operator_label(1, NULL), "deduplication");
    ck_assert_str_eq(srt_operator_label(0, "unknown"), "aggregation");
    ck_assert_str_eq(srt_operator_label(4, NULL), "stateful operator");
}
END_TEST

/* Run the query: it prints the batch's table `rows` (after the header) and its progress lists
   both operators, the aggregation first, with these numRowsTotal and numRowsUpdated. */
static void expect_run(const char *banner, const char *rows, int agg_total, int agg_updated,
                       int dd_total, int dd_updated)
{
    Run r = run_query();
    ck_assert_msg(r.rc == 0, "rc %d: %s", r.rc, r.err);
    char want[512], agg[160], dd[160];
    snprintf(want, sizeof want,
             "%s+------+-----+\n|action|count|\n+------+-----+\n%s+------+-----+\n\n", banner,
             rows);
    ck_assert_str_eq(r.out, want);
    free(r.out);
    free(r.err);
    char *pj = last_progress();
    ck_assert_int_eq(count_of(pj, "\"operatorName\""), 2);
    snprintf(agg, sizeof agg,
             "\"stateOperators\":[{\"operatorName\":\"stateStoreSave\",\"numRowsTotal\":%d,"
             "\"numRowsUpdated\":%d,",
             agg_total, agg_updated);
    snprintf(dd, sizeof dd,
             "},{\"operatorName\":\"dedupe\",\"numRowsTotal\":%d,\"numRowsUpdated\":%d,", dd_total,
             dd_updated);
    const char *at_agg = strstr(pj, agg), *at_dd = strstr(pj, dd);
    ck_assert_msg(at_agg && at_dd && at_agg < at_dd, "%s", pj);
    free(pj);
}

/* DROP DUPLICATES then an aggregation: two stateOperators, the aggregation first as Spark's
   executedPlan.collect lists them; both states in the checkpoint and both restored. */
START_TEST(test_dedup_then_count_restart)
{
    write_data("f1.json", "{\"id\":1,\"action\":\"Open\"}\n"
                          "{\"id\":2,\"action\":\"Close\"}\n"
                          "{\"id\":1,\"action\":\"Open\"}\n"
                          "{\"id\":3,\"action\":\"Open\"}\n");
    expect_run(BANNER(0), "|  Open|    2|\n| Close|    1|\n", 2, 2, 3, 3);
    char path[160];
    snprintf(path, sizeof path, "%s/counts/state/0/1.delta", chk);
    ck_assert_int_eq(access(path, F_OK), 0);
    snprintf(path, sizeof path, "%s/counts/state/1/1.delta", chk);
    ck_assert_int_eq(access(path, F_OK), 0);
    /* The restart: id 2 was seen before (dropped only if the dedup keys came back), Open
       keeps its count (only if the groups came back). */
    write_data("f2.json", "{\"id\":2,\"action\":\"Close\"}\n"
                          "{\"id\":4,\"action\":\"Close\"}\n");
    expect_run(BANNER(1), "|  Open|    2|\n| Close|    2|\n", 2, 1, 4, 1);
}
END_TEST

/* A checkpoint holding the state of an operator number the query does not have (beyond
   the two of today) is refused, naming it. */
START_TEST(test_unknown_operator_state_refused)
{
    write_data("f1.json", "{\"id\":1,\"action\":\"Open\"}\n");
    Run r = run_query();
    ck_assert_msg(r.rc == 0, "rc %d: %s", r.rc, r.err);
    free(r.out);
    free(r.err);
    char path[160];
    /* A directory whose number no operator can have is not state. */
    snprintf(path, sizeof path, "%s/counts/state/999999999", chk);
    ck_assert_int_eq(mkdir(path, 0755), 0);
    r = run_query();
    ck_assert_msg(r.rc == 0, "rc %d: %s", r.rc, r.err);
    free(r.out);
    free(r.err);
    snprintf(path, sizeof path, "%s/counts/state/2", chk);
    ck_assert_int_eq(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/counts/state/2/1.delta", chk);
    ck_assert_int_eq(srt_ckpt_write_file(path, "", 0, &(SrtErr){0}), 0);
    r = run_query();
    ck_assert_int_ne(r.rc, 0);
    ck_assert_msg(strstr(r.err,
                         "holds the state of stateful operator 2 (stateful operator) but the "
                         "query has no stateful operator any more"),
                  "%s", r.err);
    free(r.out);
    free(r.err);
}
END_TEST

/* Several aggregation levels: an aggregation followed by another feeds it at output (its emit
   function sees no row and updates the next table), and makes no row itself. */
/* Count one row into the group key of level 2's table. */
static void count_up(SrtQuery *q, const void *key, uint32_t key_len)
{
    uint8_t *st = srt_agg_upsert(srt_query_agg_table_at(q, 2), key, key_len, srt_hash(key, key_len));
    int64_t c;
    memcpy(&c, st, sizeof c);
    c++;
    memcpy(st, &c, sizeof c);
}

static int feed_global_count(SrtQuery *q, const uint8_t *key, uint32_t key_len, const uint8_t *state,
                             SrtDatum *row)
{
    (void)key;
    (void)key_len;
    (void)state;
    ck_assert_ptr_null(row);
    count_up(q, "", 0);
    return 0;
}

/* A detached query with two aggregation levels (operators 0 and 2) in output mode mode. */
static SrtQuery *two_levels(SrtMem *mem, const SrtOpDef *defs, SrtOutMode mode)
{
    srt_mem_init(mem);
    SrtQuery *q = srt_query_new_detached(mem);
    ck_assert_ptr_nonnull(q);
    SrtErr err = {0};
    ck_assert_int_eq(srt_query_ops_create(q, defs, 2, &err), 0);
    q->mode = mode;
    return q;
}

START_TEST(test_agg_levels_feed)
{
    SrtMem mem;
    SrtOpDef defs[2] = {
        {.kind = SRT_OPK_AGGREGATE, .id = SRT_OP_AGG, .state_size = 16, .event_key_offset = -1,
         .session_slot = -1, .emit = feed_global_count},
        {.kind = SRT_OPK_AGGREGATE, .id = 2, .state_size = 16, .global = 1, .event_key_offset = -1,
         .session_slot = -1, .emit = feed_global_count}};
    SrtQuery *q = two_levels(&mem, defs, SRT_OUT_COMPLETE);
    ck_assert_ptr_eq(srt_query_agg_table_at(q, SRT_OP_AGG), srt_query_agg_table(q));
    ck_assert_ptr_ne(srt_query_agg_table_at(q, 2), srt_query_agg_table(q));
    ck_assert_ptr_null(srt_query_agg_table_at(q, SRT_OP_DEDUP));
    SrtAggTable *t = srt_query_agg_table(q);
    for (const char *k = "abc"; *k; k++)
        srt_agg_upsert(t, k, 1, srt_hash(k, 1));
    SrtOperator *op = srt_query_op(q, SRT_OP_AGG);
    ck_assert_int_eq(op->vt->output(op), 0);
    ck_assert_uint_eq(q->n_rows, 0);
    uint8_t *st = srt_agg_lookup(srt_query_agg_table_at(q, 2), "", 0, srt_hash("", 0));
    ck_assert_ptr_nonnull(st);
    int64_t c;
    memcpy(&c, st, sizeof c);
    ck_assert_int_eq(c, 3);
    srt_query_free(q);
}
END_TEST

/* A streaming chain (append mode): the level below feeds the next only the groups the
   watermark made final, keyed here by their event time (the first 8 key bytes). */
static int feed_by_time(SrtQuery *q, const uint8_t *key, uint32_t key_len, const uint8_t *state,
                        SrtDatum *row)
{
    (void)state;
    ck_assert_ptr_null(row);
    count_up(q, key, key_len);
    return 0;
}

START_TEST(test_agg_levels_append_final_only)
{
    SrtMem mem;
    SrtOpDef defs[2] = {
        {.kind = SRT_OPK_AGGREGATE, .id = SRT_OP_AGG, .state_size = 16, .event_key_offset = 0,
         .session_slot = -1, .emit = feed_by_time},
        {.kind = SRT_OPK_AGGREGATE, .id = 2, .state_size = 16, .event_key_offset = 0,
         .session_slot = -1, .emit = feed_by_time}};
    SrtQuery *q = two_levels(&mem, defs, SRT_OUT_APPEND);
    q->watermark_ms = 100; /* final: an event time at or before 100 000 µs */
    SrtAggTable *t = srt_query_agg_table(q);
    int64_t times[3] = {50000, 100000, 150000};
    for (int i = 0; i < 3; i++)
        srt_agg_upsert(t, (const uint8_t *)&times[i], 8, srt_hash(&times[i], 8));
    SrtOperator *op = srt_query_op(q, SRT_OP_AGG);
    ck_assert_int_eq(op->vt->output(op), 0);
    ck_assert_uint_eq(q->n_rows, 0);
    SrtAggTable *up = srt_query_agg_table_at(q, 2);
    for (int i = 0; i < 3; i++) {
        uint8_t *st = srt_agg_lookup(up, (const uint8_t *)&times[i], 8, srt_hash(&times[i], 8));
        if (i < 2)
            ck_assert_ptr_nonnull(st);
        else
            ck_assert_ptr_null(st); /* not final yet: stays below */
    }
    srt_query_free(q);
}
END_TEST

/* DISTINCT aggregates: one set of seen tuples per query, made on first use. */
START_TEST(test_distinct_table)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    ck_assert_ptr_nonnull(q);
    SrtAggTable *t = srt_query_distinct_table(q);
    ck_assert_ptr_nonnull(t);
    ck_assert_ptr_eq(srt_query_distinct_table(q), t);
    uint8_t *seen = srt_agg_upsert(t, "k1", 2, srt_hash("k1", 2));
    ck_assert_int_eq(seen[0], 0);
    seen[0] = 1;
    ck_assert_int_eq(srt_agg_upsert(t, "k1", 2, srt_hash("k1", 2))[0], 1);
    ck_assert_int_eq(srt_agg_upsert(t, "k2", 2, srt_hash("k2", 2))[0], 0);
    srt_query_free(q);
}
END_TEST

Suite *rt_operators_suite(void)
{
    Suite *s = suite_create("rt_operators");
    TCase *tc = tcase_create("operators");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_registration_list);
    tcase_add_test(tc, test_registration_implicit);
    tcase_add_test(tc, test_query_operators);
    tcase_add_test(tc, test_labels);
    tcase_add_test(tc, test_dedup_then_count_restart);
    tcase_add_test(tc, test_unknown_operator_state_refused);
    tcase_add_test(tc, test_agg_levels_feed);
    tcase_add_test(tc, test_agg_levels_append_final_only);
    tcase_add_test(tc, test_distinct_table);
    suite_add_tcase(s, tc);
    return s;
}
