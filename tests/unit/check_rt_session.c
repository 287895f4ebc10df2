/* check_rt_session.c - the session-window state table (srt_session.c): merging of
** overlapping and touching sessions with the merge function (in order), separate lists per
** key, visit order and the key copy with the slot filled, removal while visiting
** (append-mode eviction) with flat memory over many batches, stopping a visit, checkpoint
** restore round trips, bad input, a randomized comparison with a brute-force model, and a
** fail-after-N allocation sweep that checks a failed call leaves the table unchanged and
** leak-free; folding a batch's partial buffers into the state in Spark's order.
*/
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"

/* An assertion for hot loops: check records every passing ck_assert, which costs a write
   per call; this one only reports failures. */
#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c))                                                                                  \
            ck_abort_msg("%s:%d: assertion '%s' failed", __FILE__, __LINE__, #c);                  \
    } while (0)

/* The state of the tests' aggregation: a row count, a sum of row times, and a trace of
   merges (dst = dst * 16^digits(src) + src, in hex digits) to check their order. */
typedef struct St {
    int64_t count;
    int64_t sum;
    uint64_t trace;
} St;

static void st_merge(uint8_t *dst_state, const uint8_t *src_state, SrtQuery *q)
{
    (void)q;
    St *d = (St *)dst_state;
    const St *s = (const St *)src_state;
    d->count += s->count;
    d->sum += s->sum;
    uint64_t shift = 1;
    for (uint64_t v = s->trace; v; v >>= 4)
        shift <<= 4;
    d->trace = d->trace * shift + s->trace;
}

/* Keys: an int32 user id, 4 bytes of padding, then the 16-byte slot (slot_offset 8). */
#define KEY_LEN 24u
#define SLOT 8u

static void make_key(uint8_t *key, int32_t uid)
{
    memset(key, 0, KEY_LEN);
    memcpy(key, &uid, 4);
}

static SrtSessions *new_table(SrtMem *m)
{
    SrtSessions *t = srt_sessions_new(m, sizeof(St), SLOT, st_merge);
    ck_assert_ptr_nonnull(t);
    return t;
}

/* A batch table: points [ts, end) in arrival order, found by (key, ts, end). */
static SrtSessions *new_batch(SrtMem *m)
{
    SrtSessions *t = srt_sessions_new_batch(m, sizeof(St), SLOT, st_merge);
    ck_assert_ptr_nonnull(t);
    return t;
}

/* One row of user uid at time ts with gap: its session's state after the update. */
static St *row(SrtSessions *t, int32_t uid, int64_t ts, int64_t gap)
{
    uint8_t key[KEY_LEN];
    make_key(key, uid);
    uint8_t *st = NULL;
    int rc = srt_sessions_upsert(t, key, KEY_LEN, srt_hash(key, KEY_LEN), ts, ts + gap, &st);
    CHECK(rc == 0);
    CHECK((st) != NULL);
    CHECK(((uintptr_t)st % 16) == (0));
    St *s = (St *)st;
    s->count++;
    s->sum += ts;
    return s;
}

/* A session as a visit saw it. */
typedef struct Seen {
    int32_t uid;
    int64_t start, end;
    St st;
} Seen;

typedef struct Collect {
    Seen *v;
    size_t n, cap;
    int64_t evict_at;  /* remove sessions with end <= evict_at; INT64_MIN: keep all */
    size_t stop_after; /* return -7 at the visit with this index (SIZE_MAX: never) */
    size_t visits;
    uint32_t slot, key_len;
} Collect;

static void collect_init(Collect *c)
{
    memset(c, 0, sizeof *c);
    c->evict_at = INT64_MIN;
    c->stop_after = SIZE_MAX;
    c->slot = SLOT;
    c->key_len = KEY_LEN;
}

static int collect_fn(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state,
                      int64_t start, int64_t end)
{
    Collect *c = ctx;
    CHECK((key_len) == (c->key_len));
    int64_t ks, ke;
    memcpy(&ks, key + c->slot, 8);
    memcpy(&ke, key + c->slot + 8, 8);
    CHECK((ks) == (start));
    CHECK((ke) == (end));
    CHECK(((uintptr_t)state % 16) == (0));
    if (c->visits++ == c->stop_after)
        return -7;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->v = realloc(c->v, c->cap * sizeof *c->v);
        CHECK((c->v) != NULL);
    }
    Seen *s = &c->v[c->n++];
    memcpy(&s->uid, key, 4);
    s->start = start;
    s->end = end;
    memcpy(&s->st, state, sizeof s->st);
    return end <= c->evict_at ? 1 : 0;
}

/* Every session, checking the invariant: per key sorted by start, never overlapping nor
   touching (in a batch table: distinct points [ts, end) in any order); keys contiguous (one
   list each).  Caller frees c->v. */
static void snapshot_of(SrtSessions *t, Collect *c, int batch)
{
    collect_init(c);
    size_t removed = 99;
    ck_assert_int_eq(srt_sessions_visit(t, collect_fn, c, &removed), 0);
    ck_assert_uint_eq(removed, 0);
    ck_assert_uint_eq(c->n, srt_sessions_count(t));
    for (size_t i = 0; i < c->n; i++) {
        CHECK(c->v[i].start <= c->v[i].end);
        if (i > 0 && c->v[i].uid == c->v[i - 1].uid &&
            !(batch ? c->v[i - 1].start != c->v[i].start || c->v[i - 1].end != c->v[i].end
                    : c->v[i - 1].end < c->v[i].start))
            ck_abort_msg("sessions of key %d overlap or touch: [%lld,%lld) [%lld,%lld)",
                         c->v[i].uid, (long long)c->v[i - 1].start, (long long)c->v[i - 1].end,
                         (long long)c->v[i].start, (long long)c->v[i].end);
        if (i > 0 && c->v[i].uid != c->v[i - 1].uid) /* a new run: its key was not seen */
            for (size_t j = 0; j < i; j++)
                if (j == 0 || c->v[j].uid != c->v[j - 1].uid)
                    if (c->v[j].uid == c->v[i].uid)
                        ck_abort_msg("key %d visited in two runs", c->v[i].uid);
    }
}

static void snapshot(SrtSessions *t, Collect *c)
{
    snapshot_of(t, c, 0);
}

static void expect(const Seen *s, int32_t uid, int64_t start, int64_t end, int64_t count)
{
    if (s->uid != uid || s->start != start || s->end != end || s->st.count != count)
        ck_abort_msg("expected key %d [%lld,%lld) count %lld, got key %d [%lld,%lld) count %lld",
                     uid, (long long)start, (long long)end, (long long)count, s->uid,
                     (long long)s->start, (long long)s->end, (long long)s->st.count);
}

/* A session a test expects: its key, bounds, row count and trace of merges. */
typedef struct Want {
    int32_t uid;
    int64_t start, end, count;
    uint64_t trace;
} Want;

/* t holds exactly the n sessions of want, in its order. */
static void expect_traces(SrtSessions *t, const Want *want, size_t n)
{
    Collect c;
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, n);
    for (size_t i = 0; i < n; i++) {
        expect(&c.v[i], want[i].uid, want[i].start, want[i].end, want[i].count);
        ck_assert_uint_eq(c.v[i].st.trace, want[i].trace);
    }
    free(c.v);
}

/* One session [start, end) of user uid with a trace digit, put in as it is. */
static void put(SrtSessions *t, int32_t uid, int64_t start, int64_t end, uint64_t trace)
{
    uint8_t key[KEY_LEN];
    make_key(key, uid);
    uint8_t *st = NULL;
    ck_assert_int_eq(srt_sessions_upsert(t, key, KEY_LEN, srt_hash(key, KEY_LEN), start, end, &st), 0);
    St *v = (St *)st;
    v->count = 1;
    v->trace = trace;
}

/* srt_sessions_fold merges a batch's partial buffers [ts, ts + gap) with the state in one
   pass by start, the state first on a tie: the trace shows the order. */
START_TEST(test_fold_order)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = new_table(&mem), *b = new_batch(&mem);
    put(t, 1, 10, 20, 0xA);
    put(t, 1, 40, 50, 0xB);
    put(b, 1, 30, 45, 0x3); /* arrival order is not the order of the merge */
    put(b, 1, 10, 25, 0x2);
    put(b, 1, 5, 20, 0x1);
    put(b, 2, 200, 215, 0x5);
    put(b, 2, 100, 115, 0x4);
    size_t n_put, n_gone;
    ck_assert_int_eq(srt_sessions_fold(t, b, &n_put, &n_gone), 0);
    /* [5,20) + A[10,20) + [10,25): one session; [30,45) does not reach it but takes B */
    ck_assert_uint_eq(n_put, 4);  /* every session of keys 1 and 2 */
    ck_assert_uint_eq(n_gone, 2); /* A and B: their starts are no session's start now */
    static const Want want[] = {
        {1, 5, 25, 3, 0x1A2}, {1, 30, 50, 2, 0x3B}, {2, 100, 115, 1, 0x4}, {2, 200, 215, 1, 0x5}};
    expect_traces(t, want, 4);
    Collect c;
    /* b is left as it was: points in arrival order */
    snapshot_of(b, &c, 1);
    ck_assert_uint_eq(c.n, 5);
    static const int64_t points[][2] = {{1, 30}, {1, 10}, {1, 5}, {2, 200}, {2, 100}};
    for (size_t i = 0; i < 5; i++)
        expect(&c.v[i], (int32_t)points[i][0], points[i][1], points[i][1] + 15, 1);
    free(c.v);
    /* a table that is not a batch table is refused */
    ck_assert_int_eq(srt_sessions_fold(t, t, &n_put, &n_gone), -SRT_ERR_FORMAT);
    srt_sessions_free(b);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* st_merge that first marks an initialized (all zero) dst with the trace digit F. */
static void init_merge(uint8_t *dst_state, const uint8_t *src_state, SrtQuery *q)
{
    St *d = (St *)dst_state;
    if (d->count == 0 && d->sum == 0 && d->trace == 0)
        d->trace = 0xF;
    st_merge(dst_state, src_state, q);
}

/* Every session a fold puts starts as the merge of its first part into an initialized buffer
   (MergingSessionsIterator: initializeBuffer, then processRow), stored sessions of the
   batch's keys too; the sessions of keys the batch has not are left as they are. */
START_TEST(test_fold_from_initial)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = srt_sessions_new(&mem, sizeof(St), SLOT, init_merge);
    SrtSessions *b = srt_sessions_new_batch(&mem, sizeof(St), SLOT, init_merge);
    ck_assert_ptr_nonnull(t);
    ck_assert_ptr_nonnull(b);
    put(t, 1, 10, 20, 0xA);
    put(t, 1, 50, 60, 0xB);
    put(t, 3, 500, 510, 0xD);
    put(b, 1, 15, 30, 0x1);
    put(b, 1, 100, 115, 0x2);
    put(b, 2, 7, 20, 0x3);
    size_t n_put, n_gone;
    ck_assert_int_eq(srt_sessions_fold(t, b, &n_put, &n_gone), 0);
    ck_assert_uint_eq(n_put, 4);  /* every session of keys 1 and 2; key 3 is not put */
    ck_assert_uint_eq(n_gone, 0); /* A's start stays its session's */
    static const Want want[] = {{1, 10, 30, 2, 0xFA1},
                                {1, 50, 60, 1, 0xFB},
                                {1, 100, 115, 1, 0xF2},
                                {3, 500, 510, 1, 0xD},
                                {2, 7, 20, 1, 0xF3}};
    expect_traces(t, want, 5);
    srt_sessions_free(b);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* One row of user uid at ts, its session ending at end, into a batch table: its point made
   (count 1, the trace digit) or merged with the row's own state, as a batch's partial
   aggregate. */
static void batch_row_to(SrtSessions *t, int32_t uid, int64_t ts, int64_t end, uint64_t digit)
{
    uint8_t key[KEY_LEN];
    make_key(key, uid);
    size_t before = srt_sessions_count(t);
    uint8_t *st = NULL;
    CHECK(srt_sessions_upsert(t, key, KEY_LEN, srt_hash(key, KEY_LEN), ts, end, &st) == 0);
    St one = {1, ts, digit};
    if (srt_sessions_count(t) > before)
        memcpy(st, &one, sizeof one);
    else
        st_merge(st, (const uint8_t *)&one, NULL);
}

/* The batch tables' gap of the tests that use one. */
#define BATCH_GAP 5

/* One row of user uid at ts, its session [ts, ts + BATCH_GAP), into a batch table. */
static void batch_row(SrtSessions *t, int32_t uid, int64_t ts, uint64_t digit)
{
    batch_row_to(t, uid, ts, ts + BATCH_GAP, digit);
}

/* --threads: the batch tables of tasks merged in task order (srt_sessions_merge_from) are
   the table one thread makes from all the rows: the same keys in the same order, the same
   point sessions in the same arrival order, the partials of one (key, ts) merged in row
   order (the trace). */
START_TEST(test_merge_from_tasks)
{
    SrtMem mem;
    srt_mem_init(&mem);
    static const struct {
        int task;
        int32_t uid;
        int64_t ts;
        uint64_t digit;
    } rows[] = {{0, 1, 10, 1}, {0, 2, 5, 2},    {0, 1, 10, 3},   {0, 1, 20, 4},   {1, 3, 7, 5},
                {1, 1, 10, 6}, {1, 2, 5, 7},    {1, 1, 15, 8},   {1, 3, 12, 0xB}, {1, 3, 8, 0xC},
                {2, 2, 9, 9},  {2, 1, 20, 0xA}, {2, 2, 40, 0xD}, {2, 2, 30, 0xE}};
    SrtSessions *one = new_batch(&mem), *q = new_batch(&mem);
    SrtSessions *task[3] = {new_batch(&mem), new_batch(&mem), new_batch(&mem)};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        batch_row(one, rows[i].uid, rows[i].ts, rows[i].digit);
        batch_row(task[rows[i].task], rows[i].uid, rows[i].ts, rows[i].digit);
    }
    for (int k = 0; k < 3; k++)
        ck_assert_int_eq(srt_sessions_merge_from(q, task[k], st_merge), 0);
    Collect a, b;
    snapshot_of(one, &a, 1);
    snapshot_of(q, &b, 1);
    ck_assert_uint_eq(a.n, 10); /* key 1: 10, 20, 15; key 2: 5, 9, 40, 30; key 3: 7, 12, 8 */
    ck_assert_uint_eq(b.n, a.n);
    for (size_t i = 0; i < a.n; i++) {
        expect(&b.v[i], a.v[i].uid, a.v[i].start, a.v[i].end, a.v[i].st.count);
        ck_assert_int_eq(b.v[i].st.sum, a.v[i].st.sum);
        ck_assert_uint_eq(b.v[i].st.trace, a.v[i].st.trace);
    }
    expect(&a.v[0], 1, 10, 15, 3); /* key 1 first; (1, 10): rows 1, 3 (task 0), 6 (task 1) */
    ck_assert_uint_eq(a.v[0].st.trace, 0x136);
    free(a.v);
    free(b.v);
    /* a task's point found in the merged table by the task's key number (the replay of its
       logged values): task 1's keys are 3, 1, 2 in the order of their first rows */
    batch_row(task[1], 1, 15, 0xF);
    ck_assert_uint_eq(srt_sessions_last_key(task[1]), 1);
    batch_row(task[1], 2, 5, 0xF);
    ck_assert_uint_eq(srt_sessions_last_key(task[1]), 2);
    const SrtSessPoint pts[] = {{0, 12, 17}, {1, 10, 15}, {1, 15, 20}, {0, 7, 12},
                                {1, 10, 15}, {2, 5, 10},  {0, 8, 13}};
    uint8_t *states[7];
    ck_assert_int_eq(srt_sessions_points(q, task[1], pts, 7, states), 0);
    const St *p = (const St *)(const void *)states[0];
    ck_assert_int_eq(p->count, 1); /* (3, 12): row 0xB */
    ck_assert_uint_eq(p->trace, 0xB);
    p = (const St *)(const void *)states[1];
    ck_assert_int_eq(p->count, 3); /* (1, 10): rows 1, 3, 6 */
    ck_assert_ptr_eq(states[4], states[1]);
    ck_assert_uint_eq(((const St *)(const void *)states[2])->trace, 0x8);    /* (1, 15) */
    ck_assert_uint_eq(((const St *)(const void *)states[3])->trace, 0x5);    /* (3, 7) */
    ck_assert_uint_eq(((const St *)(const void *)states[5])->trace, 0x27);   /* (2, 5) */
    ck_assert_uint_eq(((const St *)(const void *)states[6])->trace, 0xC);    /* (3, 8) */
    const SrtSessPoint none[] = {{1, 11, 16}}, no_key[] = {{3, 12, 17}},
                       not_there[] = {{1, 5, 10}}, other_end[] = {{1, 10, 11}};
    ck_assert_int_eq(srt_sessions_points(q, task[1], none, 1, states), -SRT_ERR_FORMAT);
    ck_assert_int_eq(srt_sessions_points(q, task[1], other_end, 1, states), -SRT_ERR_FORMAT);
    ck_assert_int_eq(srt_sessions_points(q, task[1], no_key, 1, states), -SRT_ERR_FORMAT);
    /* task 2's key 1 is user 1, which has no point 5 */
    ck_assert_int_eq(srt_sessions_points(q, task[2], not_there, 1, states), -SRT_ERR_FORMAT);
    /* a table of another layout is refused, q unchanged */
    SrtSessions *other = srt_sessions_new(&mem, sizeof(St), 0, st_merge);
    batch_row(task[0], 4, 1, 1);
    ck_assert_int_eq(srt_sessions_merge_from(other, task[0], st_merge), -SRT_ERR_FORMAT);
    ck_assert_uint_eq(srt_sessions_count(other), 0);
    srt_sessions_free(other);
    /* so is a table of the other kind */
    other = new_table(&mem);
    ck_assert_int_eq(srt_sessions_merge_from(other, task[0], st_merge), -SRT_ERR_FORMAT);
    ck_assert_int_eq(srt_sessions_merge_from(task[0], other, st_merge), -SRT_ERR_FORMAT);
    srt_sessions_free(other);
    for (int k = 0; k < 3; k++)
        srt_sessions_free(task[k]);
    srt_sessions_free(q);
    srt_sessions_free(one);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* A batch whose files come newest first: every row's time is before all of its key's
   earlier rows.  Each row costs one probe (a sorted insert would move the key's whole list
   each time: about 10^11 bytes here); the fold sorts the points and gives the sessions in
   order of start, rows of one time merged in arrival order. */
START_TEST(test_batch_backwards)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *b = new_batch(&mem), *t = new_table(&mem);
    enum { N = 300000, KEYS = 3 };
    for (int64_t i = N - 1; i >= 0; i--) {
        batch_row(b, (int32_t)(i % KEYS), i * 10, 1);
        if (i % 7 == 0)
            batch_row(b, (int32_t)(i % KEYS), i * 10, 2); /* a second row of that time */
    }
    ck_assert_uint_eq(srt_sessions_count(b), N);
    uint8_t key[KEY_LEN];
    make_key(key, 1);
    uint8_t *st;
    ck_assert_int_eq(srt_sessions_upsert(b, key, KEY_LEN, srt_hash(key, KEY_LEN), 5, 4, &st),
                     -SRT_ERR_FORMAT); /* a session ending before it starts */
    size_t n_put, n_gone;
    ck_assert_int_eq(srt_sessions_fold(t, b, &n_put, &n_gone), 0); /* gap 5 < 10 apart */
    ck_assert_uint_eq(n_put, N);
    ck_assert_uint_eq(n_gone, 0);
    Collect c;
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, N);
    /* keys in order of their first rows (N - 1, N - 2, N - 3 mod 3), each by start */
    size_t at = 0;
    for (int k = 0; k < KEYS; k++) {
        int32_t uid = (int32_t)((N - 1 - k) % KEYS);
        for (int64_t i = uid; i < N; i += KEYS, at++) {
            const Seen *v = &c.v[at];
            CHECK(v->uid == uid && v->start == i * 10 && v->end == i * 10 + 5);
            CHECK(v->st.count == (i % 7 == 0 ? 2 : 1) && v->st.trace == (i % 7 == 0 ? 0x12 : 1));
        }
    }
    ck_assert_uint_eq(at, N);
    free(c.v);
    srt_sessions_free(b);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* A per-row gap (or one with months): rows of one time whose sessions end apart are points
   of their own, the partial buffers of Spark's aggregate grouped by the session struct, and
   the fold takes them by start, then end (SessionWindowStateStoreRestoreExec's ordering),
   each merging into the session before it while it starts at or before its end. */
START_TEST(test_batch_points_by_end)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *b = new_batch(&mem), *t = new_table(&mem);
    batch_row_to(b, 1, 10, 40, 0x1);
    batch_row_to(b, 1, 10, 20, 0x2);
    batch_row_to(b, 1, 10, 40, 0x3); /* joins the first point */
    batch_row_to(b, 1, 30, 35, 0x4);
    batch_row_to(b, 1, 50, 60, 0x5);
    batch_row_to(b, 2, 7, 9, 0x6);
    batch_row_to(b, 2, 7, 8, 0x7);
    ck_assert_uint_eq(srt_sessions_count(b), 6);
    put(t, 2, 7, 7, 0x8); /* a stored session first on a tie of starts */
    size_t n_put, n_gone;
    ck_assert_int_eq(srt_sessions_fold(t, b, &n_put, &n_gone), 0);
    ck_assert_uint_eq(n_put, 3);
    ck_assert_uint_eq(n_gone, 0);
    Collect c;
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 3);
    /* [10, 20) 2, then [10, 40) 1 3 (end 40), [30, 35) 4 inside it; [50, 60) 5 apart */
    expect(&c.v[0], 2, 7, 9, 3);
    ck_assert_uint_eq(c.v[0].st.trace, 0x876);
    expect(&c.v[1], 1, 10, 40, 4);
    ck_assert_uint_eq(c.v[1].st.trace, 0x2134);
    expect(&c.v[2], 1, 50, 60, 1);
    free(c.v);
    srt_sessions_free(b);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

static int same_snapshots(const Collect *a, const Collect *b);

/* A batch table against a model (a count and a trace per (key, ts)) on orders of time that
   drive each of its paths: random times (wide, and few that repeat); files of rows in time order
   with small jitter, sharing their boundary seconds, read in random order; times running backwards;
   rows in order with some far back; many small files (more spans than it keeps, more runs than a
   key keeps).  Halfway, a visit that would remove points is refused, the table unchanged. */
START_TEST(test_batch_points_vs_model)
{
    enum { KEYS = 3, TMAX = 20000, ROWS = 12000 };
    int pattern = _i;
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = new_batch(&mem);
    static St model[KEYS][TMAX][2]; /* [1]: the rows whose session ends later */
    static uint8_t mark[KEYS][TMAX][2];
    memset(model, 0, sizeof model);
    static int64_t times[ROWS];
    uint64_t x = 7 + (uint64_t)pattern;
#define RND() (x = x * 6364136223846793005ull + 1442695040888963407ull, (x >> 33))
    if (pattern == 1 || pattern == 4) { /* files in random order */
        int files = pattern == 1 ? 8 : 200, per = ROWS / files, perm[200];
        for (int f = 0; f < files; f++)
            perm[f] = f;
        for (int f = files - 1; f > 0; f--) {
            int r = (int)(RND() % (uint64_t)(f + 1)), tmp = perm[f];
            perm[f] = perm[r];
            perm[r] = tmp;
        }
        int64_t span = TMAX / files;
        for (int f = 0; f < files; f++)
            for (int i = 0; i < per; i++) {
                int64_t ts = perm[f] * span + (int64_t)i * span / per + (int64_t)(RND() % 7) - 3;
                if (i == 0)
                    ts = perm[f] * span; /* the file before ends in this second */
                if (i == per - 1)
                    ts = (perm[f] + 1) * span; /* the next file's first second */
                times[f * per + i] = ts < 0 ? 0 : ts >= TMAX ? TMAX - 1 : ts;
            }
    } else {
        for (int i = 0; i < ROWS; i++) {
            int64_t ts = pattern == 0   ? (int64_t)(RND() % TMAX)
                         : pattern == 5 ? (int64_t)(RND() % 500)
                         : pattern == 2 ? TMAX - 1 - (int64_t)i * TMAX / ROWS
                                        : (int64_t)i * TMAX / ROWS;
            if (pattern == 3 && i % 50 == 49)
                ts -= 100 + (int64_t)(RND() % 900);
            times[i] = ts < 0 ? 0 : ts;
        }
    }
    for (int i = 0; i < ROWS; i++) {
        int64_t ts = times[i];
        /* key 0 has the boundary seconds of the files (a multiple of their span) */
        int32_t uid = pattern % 3 == 1 && ts % (TMAX / (pattern == 1 ? 8 : 200)) == 0
                          ? 0
                          : (int32_t)(RND() % KEYS);
        uint64_t digit = 1 + (uint64_t)i % 15;
        size_t before = srt_sessions_count(t);
        /* random times: two gaps (a per-row one), the same time making two points */
        int later = pattern == 0 || pattern == 5 ? (int)(RND() % 2) : 0;
        batch_row_to(t, uid, ts, ts + BATCH_GAP + later, digit);
        St one = {1, ts, digit};
        St *m = &model[uid][ts][later];
        CHECK((srt_sessions_count(t) > before) == (m->count == 0));
        if (m->count == 0)
            *m = one;
        else
            st_merge((uint8_t *)m, (const uint8_t *)&one, NULL);
        if (i == ROWS / 2) { /* a batch table's positions are its index: no removal */
            Collect a, b;
            snapshot_of(t, &a, 1);
            collect_init(&b);
            b.evict_at = INT64_MAX;
            ck_assert_int_eq(srt_sessions_visit(t, collect_fn, &b, NULL), -SRT_ERR_FORMAT);
            free(b.v);
            snapshot_of(t, &b, 1);
            ck_assert(same_snapshots(&a, &b));
            free(a.v);
            free(b.v);
        }
    }
#undef RND
    Collect c;
    snapshot_of(t, &c, 1);
    size_t want = 0;
    for (int k = 0; k < KEYS; k++)
        for (int q = 0; q < TMAX; q++)
            want += (model[k][q][0].count != 0) + (model[k][q][1].count != 0);
    ck_assert_uint_eq(c.n, want);
    memset(mark, 0, sizeof mark);
    for (size_t i = 0; i < c.n; i++) {
        const Seen *v = &c.v[i];
        int64_t later = v->end - v->start - BATCH_GAP;
        CHECK(v->uid >= 0 && v->uid < KEYS && v->start >= 0 && v->start < TMAX);
        CHECK(later == 0 || later == 1);
        const St *m = &model[v->uid][v->start][later];
        CHECK(!mark[v->uid][v->start][later]);
        mark[v->uid][v->start][later] = 1;
        CHECK(m->count == v->st.count && m->sum == v->st.sum && m->trace == v->st.trace);
    }
    free(c.v);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

START_TEST(test_merge_one_key)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = new_table(&mem);
    row(t, 1, 10, 5);
    row(t, 1, 12, 5);
    row(t, 1, 30, 5);
    Collect c;
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 2);
    expect(&c.v[0], 1, 10, 17, 2);
    ck_assert_int_eq(c.v[0].st.sum, 22);
    expect(&c.v[1], 1, 30, 35, 1);
    free(c.v);

    /* [20,25) touches nothing: 17 < 20 and 25 < 30. */
    row(t, 1, 20, 5);
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 3);
    expect(&c.v[0], 1, 10, 17, 2);
    expect(&c.v[1], 1, 20, 25, 1);
    expect(&c.v[2], 1, 30, 35, 1);
    free(c.v);

    /* [16,21) bridges [10,17) and [20,25) into [10,25). */
    St *s = row(t, 1, 16, 5);
    ck_assert_int_eq(s->count, 4);
    ck_assert_int_eq(s->sum, 10 + 12 + 20 + 16);
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 2);
    expect(&c.v[0], 1, 10, 25, 4);
    expect(&c.v[1], 1, 30, 35, 1);
    free(c.v);
    ck_assert_uint_eq(srt_sessions_count(t), 2);

    /* A row inside a session only counts; one that extends it widens it. */
    row(t, 1, 11, 5);
    row(t, 1, 31, 5);
    snapshot(t, &c);
    expect(&c.v[0], 1, 10, 25, 5);
    expect(&c.v[1], 1, 30, 36, 2);
    free(c.v);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

START_TEST(test_touching)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = new_table(&mem);
    row(t, 7, 10, 5); /* [10,15) */
    row(t, 7, 15, 5); /* [15,20): starts at the end -> [10,20) */
    Collect c;
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 1);
    expect(&c.v[0], 7, 10, 20, 2);
    free(c.v);
    row(t, 7, 4, 5); /* [4,9): 9 < 10, separate */
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 2);
    expect(&c.v[0], 7, 4, 9, 1);
    expect(&c.v[1], 7, 10, 20, 2);
    free(c.v);
    row(t, 7, 5, 5); /* [5,10): overlaps [4,9), ends where [10,20) starts -> [4,20) */
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 1);
    expect(&c.v[0], 7, 4, 20, 4);
    free(c.v);
    row(t, 7, 25, 5); /* [25,30) */
    row(t, 7, 20, 5); /* [20,25): touches both neighbours -> [4,30) */
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 1);
    expect(&c.v[0], 7, 4, 30, 6);
    ck_assert_int_eq(c.v[0].st.sum, 10 + 15 + 4 + 5 + 25 + 20);
    free(c.v);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* Several sessions joined by one row merge into the first in order. */
START_TEST(test_merge_order)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = new_table(&mem);
    for (int i = 1; i <= 9; i++) {
        St *s = row(t, 3, i * 10, 2); /* [10,12) [20,22) ... [90,92) */
        s->trace = (uint64_t)i;
    }
    ck_assert_uint_eq(srt_sessions_count(t), 9);
    /* [31,75) joins [30,32) .. [70,72): 3 absorbs 4, 5, 6, 7 in that order. */
    St *s = row(t, 3, 31, 44);
    ck_assert_uint_eq(s->trace, 0x34567);
    ck_assert_int_eq(s->count, 6);
    Collect c;
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 5);
    expect(&c.v[0], 3, 10, 12, 1);
    expect(&c.v[1], 3, 20, 22, 1);
    expect(&c.v[2], 3, 30, 75, 6);
    expect(&c.v[3], 3, 80, 82, 1);
    expect(&c.v[4], 3, 90, 92, 1);
    free(c.v);
    /* A row starting before everything and ending after everything: one session, the
       earlier start kept. */
    s = row(t, 3, 0, 200);
    ck_assert_uint_eq(s->trace, 0x123456789ull);
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 1);
    expect(&c.v[0], 3, 0, 200, 11);
    free(c.v);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

START_TEST(test_keys_interleaved)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = new_table(&mem);
    /* keys first seen in the order 5, 2, 9 */
    row(t, 5, 100, 10);
    row(t, 2, 100, 10);
    row(t, 5, 50, 10);
    row(t, 9, 0, 10);
    row(t, 2, 105, 10);
    row(t, 5, 200, 10);
    row(t, 2, 300, 10);
    row(t, 9, 10, 10);
    Collect c;
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 6);
    expect(&c.v[0], 5, 50, 60, 1);
    expect(&c.v[1], 5, 100, 110, 1);
    expect(&c.v[2], 5, 200, 210, 1);
    expect(&c.v[3], 2, 100, 115, 2);
    expect(&c.v[4], 2, 300, 310, 1);
    expect(&c.v[5], 9, 0, 20, 2);
    free(c.v);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* Variable-length string keys with the slot first; the slot bytes of the caller's key
   are not trusted to be zero. */
typedef struct StrCollect {
    char names[64][16];
    int64_t start[64], end[64], count[64];
    int n;
} StrCollect;

static int str_fn(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state, int64_t start,
                  int64_t end)
{
    StrCollect *c = ctx;
    ck_assert_int_lt(c->n, 64);
    ck_assert_uint_ge(key_len, 16);
    ck_assert_uint_lt(key_len - 16, 16);
    int64_t ks, ke;
    memcpy(&ks, key, 8);
    memcpy(&ke, key + 8, 8);
    ck_assert_int_eq(ks, start);
    ck_assert_int_eq(ke, end);
    memcpy(c->names[c->n], key + 16, key_len - 16);
    c->names[c->n][key_len - 16] = 0;
    c->start[c->n] = start;
    c->end[c->n] = end;
    c->count[c->n] = ((St *)state)->count;
    c->n++;
    return 0;
}

static void str_row(SrtSessions *t, const char *name, int64_t ts, int64_t garbage)
{
    uint8_t key[64];
    uint32_t n = (uint32_t)strlen(name);
    memset(key, 0, 16);
    memcpy(key + 16, name, n);
    memcpy(key, &garbage, 8); /* the slot as left by a previous row */
    memcpy(key + 8, &garbage, 8);
    uint64_t h = srt_hash(key, 16 + n); /* of these bytes, not of K */
    uint8_t *st;
    ck_assert_int_eq(srt_sessions_upsert(t, key, 16 + n, h, ts, ts + 10, &st), 0);
    ((St *)st)->count++;
}

START_TEST(test_string_keys)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = srt_sessions_new(&mem, sizeof(St), 0, st_merge);
    ck_assert_ptr_nonnull(t);
    str_row(t, "bob", 0, 0);
    str_row(t, "alice", 0, 123456);
    str_row(t, "bo", 5, -1);
    str_row(t, "bob", 5, 77); /* joins bob's [0,10) although the slot holds garbage */
    str_row(t, "alice", 100, 0);
    str_row(t, "", 3, 5);
    StrCollect c = {0};
    ck_assert_int_eq(srt_sessions_visit(t, str_fn, &c, NULL), 0);
    ck_assert_int_eq(c.n, 5);
    ck_assert_str_eq(c.names[0], "bob");
    ck_assert_int_eq(c.start[0], 0);
    ck_assert_int_eq(c.end[0], 15);
    ck_assert_int_eq(c.count[0], 2);
    ck_assert_str_eq(c.names[1], "alice");
    ck_assert_int_eq(c.end[1], 10);
    ck_assert_str_eq(c.names[2], "alice");
    ck_assert_int_eq(c.start[2], 100);
    ck_assert_str_eq(c.names[3], "bo");
    ck_assert_int_eq(c.count[3], 1);
    ck_assert_str_eq(c.names[4], "");
    ck_assert_int_eq(c.start[4], 3);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

START_TEST(test_evict_and_continue)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = new_table(&mem);
    row(t, 1, 0, 10);  /* [0,10) */
    row(t, 2, 5, 10);  /* [5,15) */
    row(t, 1, 20, 10); /* [20,30) */
    row(t, 3, 8, 2);   /* [8,10) */
    row(t, 2, 40, 10); /* [40,50) */
    size_t before = srt_sessions_bytes(t);
    ck_assert_uint_ge(before, 5 * (16 + sizeof(St)));
    /* Append with watermark 15: [0,10) [5,15) [8,10) are final. */
    Collect c;
    collect_init(&c);
    c.evict_at = 15;
    size_t removed = 0;
    ck_assert_int_eq(srt_sessions_visit(t, collect_fn, &c, &removed), 0);
    ck_assert_uint_eq(removed, 3);
    ck_assert_uint_eq(c.n, 5);
    free(c.v);
    ck_assert_uint_eq(srt_sessions_count(t), 2);
    ck_assert_uint_lt(srt_sessions_bytes(t), before);
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 2);
    expect(&c.v[0], 1, 20, 30, 1);
    expect(&c.v[1], 2, 40, 50, 1);
    free(c.v);
    /* Key 3 lost its last session: it comes back as a new key, last in order; key 1 keeps
       its place and merges as before. */
    row(t, 3, 100, 10);
    row(t, 1, 29, 10);
    row(t, 2, 0, 1);
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 4);
    expect(&c.v[0], 1, 20, 39, 2);
    expect(&c.v[1], 2, 0, 1, 1);
    expect(&c.v[2], 2, 40, 50, 1);
    expect(&c.v[3], 3, 100, 110, 1);
    free(c.v);
    /* Everything goes; the table stays usable. */
    collect_init(&c);
    c.evict_at = INT64_MAX;
    ck_assert_int_eq(srt_sessions_visit(t, collect_fn, &c, &removed), 0);
    ck_assert_uint_eq(removed, 4);
    free(c.v);
    ck_assert_uint_eq(srt_sessions_count(t), 0);
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 0);
    free(c.v);
    row(t, 4, 1, 1);
    ck_assert_uint_eq(srt_sessions_count(t), 1);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

START_TEST(test_visit_stop)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = new_table(&mem);
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < 4; i++)
            row(t, k, i * 100, 10);
    Collect c;
    collect_init(&c);
    c.evict_at = INT64_MAX; /* remove everything visited ... */
    c.stop_after = 6;       /* ... until the 7th visit (key 1, session 2) stops the walk */
    size_t removed = 0;
    ck_assert_int_eq(srt_sessions_visit(t, collect_fn, &c, &removed), -7);
    ck_assert_uint_eq(removed, 6);
    free(c.v);
    ck_assert_uint_eq(srt_sessions_count(t), 6);
    snapshot(t, &c);
    ck_assert_uint_eq(c.n, 6);
    expect(&c.v[0], 1, 200, 210, 1);
    expect(&c.v[1], 1, 300, 310, 1);
    for (int i = 0; i < 4; i++)
        expect(&c.v[2 + i], 2, i * 100, i * 100 + 10, 1);
    free(c.v);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* 2000 batches of add + evict: memory stays flat once the window of live sessions is
   full, although keys come and go and every batch uses new times. */
START_TEST(test_steady_memory)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = new_table(&mem);
    size_t warm_max = 0, later_max = 0, later_min = SIZE_MAX;
    int64_t total_rows = 0, emitted_rows = 0;
    for (int b = 0; b < 2000; b++) {
        /* 40 keys per batch out of a population that drifts (new keys keep arriving),
           each with a few rows spread over the batch's second */
        for (int i = 0; i < 40; i++) {
            int32_t uid = b * 13 + i * 7;
            for (int r = 0; r < 3; r++) {
                row(t, uid, (int64_t)b * 1000 + i * 20 + r * 300, 200);
                total_rows++;
            }
        }
        Collect c;
        collect_init(&c);
        c.evict_at = (int64_t)b * 1000 - 3000; /* watermark 3 s behind */
        size_t removed = 0;
        ck_assert_int_eq(srt_sessions_visit(t, collect_fn, &c, &removed), 0);
        for (size_t i = 0; i < c.n; i++)
            if (c.v[i].end <= c.evict_at)
                emitted_rows += c.v[i].st.count;
        free(c.v);
        ck_assert_uint_eq(srt_sessions_bytes(t) <= mem.in_use, 1);
        ck_assert_uint_eq(srt_sessions_bytes(t), mem.in_use);
        if (b >= 100 && b < 200 && mem.in_use > warm_max)
            warm_max = mem.in_use;
        if (b >= 1800) {
            if (mem.in_use > later_max)
                later_max = mem.in_use;
            if (mem.in_use < later_min)
                later_min = mem.in_use;
        }
    }
    ck_assert_msg(later_max <= warm_max + warm_max / 4, "memory grew: %zu then %zu", warm_max,
                  later_max);
    ck_assert_uint_gt(later_min, 0);
    /* Every row is in exactly one session: emitted ones plus those still held. */
    Collect c;
    snapshot(t, &c);
    for (size_t i = 0; i < c.n; i++)
        emitted_rows += c.v[i].st.count;
    free(c.v);
    ck_assert_int_eq(emitted_rows, total_rows);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* After a burst, evicting gives the memory back: index, entries, key bytes and session
   arrays shrink. */
START_TEST(test_shrink_after_burst)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = new_table(&mem);
    for (int i = 0; i < 20000; i++)
        row(t, i, i, 5);
    for (int i = 0; i < 2000; i++)
        row(t, -1, (int64_t)i * 10, 5); /* one key with 2000 sessions */
    size_t big = srt_sessions_bytes(t);
    ck_assert_uint_gt(big, 22000 * (16 + sizeof(St)));
    /* keep the newest tenth of everything */
    Collect c;
    collect_init(&c);
    c.evict_at = 18005;
    size_t removed = 0;
    ck_assert_int_eq(srt_sessions_visit(t, collect_fn, &c, &removed), 0);
    free(c.v);
    ck_assert_uint_eq(removed, 18001 + 1801);
    ck_assert_uint_eq(srt_sessions_count(t), 22000 - removed);
    size_t tenth = srt_sessions_bytes(t);
    ck_assert_msg(tenth < big / 4, "%zu bytes for a tenth, %zu for all", tenth, big);
    ck_assert_uint_eq(tenth, mem.in_use);
    collect_init(&c);
    c.evict_at = INT64_MAX;
    ck_assert_int_eq(srt_sessions_visit(t, collect_fn, &c, &removed), 0);
    free(c.v);
    ck_assert_uint_eq(srt_sessions_count(t), 0);
    ck_assert_msg(srt_sessions_bytes(t) < 2048, "%zu bytes for an empty table",
                  srt_sessions_bytes(t));
    ck_assert_uint_eq(srt_sessions_bytes(t), mem.in_use);
    row(t, 5, 5, 5);
    ck_assert_uint_eq(srt_sessions_count(t), 1);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);

    /* One key whose long list of sessions gets short: its array shrinks. */
    t = new_table(&mem);
    for (int i = 0; i < 4000; i++)
        row(t, 1, (int64_t)i * 10, 5);
    big = srt_sessions_bytes(t);
    collect_init(&c);
    c.evict_at = 39595; /* keeps the last 40 */
    ck_assert_int_eq(srt_sessions_visit(t, collect_fn, &c, &removed), 0);
    free(c.v);
    ck_assert_uint_eq(srt_sessions_count(t), 40);
    ck_assert_msg(srt_sessions_bytes(t) < big / 10, "%zu bytes for 40 sessions, %zu for 4000",
                  srt_sessions_bytes(t), big);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* A saved session: key with the slot filled, and the state. */
typedef struct Saved {
    uint8_t key[KEY_LEN];
    St st;
} Saved;

typedef struct SaveAll {
    Saved v[1024];
    int n;
} SaveAll;

static int save_fn(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state, int64_t start,
                   int64_t end)
{
    SaveAll *s = ctx;
    SRT_UNUSED(start);
    SRT_UNUSED(end);
    ck_assert_uint_eq(key_len, KEY_LEN);
    ck_assert_int_lt(s->n, 1024);
    memcpy(s->v[s->n].key, key, KEY_LEN);
    memcpy(&s->v[s->n].st, state, sizeof(St));
    s->n++;
    return 0;
}

static int same_snapshots(const Collect *a, const Collect *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->v[i].uid != b->v[i].uid || a->v[i].start != b->v[i].start ||
            a->v[i].end != b->v[i].end || memcmp(&a->v[i].st, &b->v[i].st, sizeof(St)) != 0)
            return 0;
    return 1;
}

START_TEST(test_restore_roundtrip)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = new_table(&mem);
    uint64_t x = 12345;
    for (int i = 0; i < 300; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        St *s = row(t, (int32_t)(x >> 60), (int64_t)((x >> 20) % 5000), 7 + (int64_t)(x >> 58));
        s->trace = x >> 40;
    }
    SaveAll *saved = calloc(1, sizeof *saved);
    ck_assert_ptr_nonnull(saved);
    ck_assert_int_eq(srt_sessions_visit(t, save_fn, saved, NULL), 0);
    ck_assert_int_eq(saved->n, (int)srt_sessions_count(t));
    ck_assert_int_gt(saved->n, 40);

    SrtSessions *r = new_table(&mem);
    SrtErr err;
    srt_err_clear(&err);
    for (int i = 0; i < saved->n; i++)
        ck_assert_int_eq(srt_sessions_restore(r, saved->v[i].key, KEY_LEN,
                                              (const uint8_t *)&saved->v[i].st, sizeof(St), &err),
                         0);
    Collect a, b;
    snapshot(t, &a);
    snapshot(r, &b);
    ck_assert(same_snapshots(&a, &b));
    free(a.v);
    free(b.v);
    /* Restored keys are found by rows with the slot zeroed: new rows extend them. */
    for (int i = 0; i < 300; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        int32_t uid = (int32_t)(x >> 60);
        int64_t ts = (int64_t)((x >> 20) % 6000), gap = 7 + (int64_t)(x >> 58);
        row(t, uid, ts, gap)->trace += 1;
        row(r, uid, ts, gap)->trace += 1;
    }
    snapshot(t, &a);
    snapshot(r, &b);
    ck_assert(same_snapshots(&a, &b));
    free(a.v);
    free(b.v);

    /* A restored session overlapping one already there merges into it. */
    srt_sessions_free(r);
    r = new_table(&mem);
    row(r, 1, 10, 10)->trace = 1; /* [10,20) */
    uint8_t key[KEY_LEN];
    make_key(key, 1);
    int64_t se[2] = {15, 40};
    memcpy(key + SLOT, se, 16);
    St in = {5, 100, 2};
    ck_assert_int_eq(srt_sessions_restore(r, key, KEY_LEN, (const uint8_t *)&in, sizeof in, &err),
                     0);
    snapshot(r, &b);
    ck_assert_uint_eq(b.n, 1);
    expect(&b.v[0], 1, 10, 40, 6);
    ck_assert_int_eq(b.v[0].st.sum, 110);
    ck_assert_uint_eq(b.v[0].st.trace, 0x12);
    free(b.v);
    /* A new one keeps its exact bounds and state. */
    se[0] = 100;
    se[1] = 101;
    memcpy(key + SLOT, se, 16);
    ck_assert_int_eq(srt_sessions_restore(r, key, KEY_LEN, (const uint8_t *)&in, sizeof in, &err),
                     0);
    snapshot(r, &b);
    ck_assert_uint_eq(b.n, 2);
    expect(&b.v[1], 1, 100, 101, 5);
    ck_assert_uint_eq(b.v[1].st.trace, 2);
    free(b.v);

    /* Bad lengths and bounds are format errors that name the problem. */
    ck_assert_int_eq(
        srt_sessions_restore(r, key, KEY_LEN, (const uint8_t *)&in, sizeof in - 8, &err),
        -SRT_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err.msg, "state has 24"));
    ck_assert_int_eq(srt_sessions_restore(r, key, SLOT + 15, (const uint8_t *)&in, sizeof in, &err),
                     -SRT_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err.msg, "too few"));
    se[0] = 50;
    se[1] = 40;
    memcpy(key + SLOT, se, 16);
    ck_assert_int_eq(srt_sessions_restore(r, key, KEY_LEN, (const uint8_t *)&in, sizeof in, &err),
                     -SRT_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err.msg, "before it starts"));
    ck_assert_uint_eq(srt_sessions_count(r), 2);

    free(saved);
    srt_sessions_free(t);
    srt_sessions_free(r);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

START_TEST(test_bad_upsert)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = new_table(&mem);
    uint8_t key[KEY_LEN] = {0};
    uint8_t *st = (uint8_t *)1;
    ck_assert_int_eq(srt_sessions_upsert(t, key, SLOT + 15, 0, 0, 1, &st), -SRT_ERR_FORMAT);
    ck_assert_ptr_null(st);
    ck_assert_int_eq(srt_sessions_upsert(t, key, KEY_LEN, srt_hash(key, KEY_LEN), 10, 9, &st),
                     -SRT_ERR_FORMAT);
    ck_assert_uint_eq(srt_sessions_count(t), 0);
    /* An empty session [10,10) is allowed and touches [5,10) and [10,20). */
    ck_assert_int_eq(srt_sessions_upsert(t, key, KEY_LEN, srt_hash(key, KEY_LEN), 10, 10, &st), 0);
    row(t, 0, 5, 5);
    row(t, 0, 10, 10);
    ck_assert_uint_eq(srt_sessions_count(t), 1);
    srt_sessions_free(t);
    srt_sessions_free(NULL);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* Random rows against a brute-force model: per key, the sessions are the connected
   components (touching counts) of the rows' intervals; counts add up. */
typedef struct Iv {
    int64_t s, e, count;
} Iv;

static int model_add(Iv *v, int n, int64_t s, int64_t e)
{
    Iv cur = {s, e, 1};
    for (int i = 0; i < n;) {
        if (v[i].s <= cur.e && cur.s <= v[i].e) { /* absorb it and start over */
            cur.s = v[i].s < cur.s ? v[i].s : cur.s;
            cur.e = v[i].e > cur.e ? v[i].e : cur.e;
            cur.count += v[i].count;
            memmove(&v[i], &v[i + 1], (size_t)(n - i - 1) * sizeof *v);
            n--;
            i = 0;
        } else {
            i++;
        }
    }
    int pos = n;
    while (pos > 0 && v[pos - 1].s > cur.s)
        pos--;
    memmove(&v[pos + 1], &v[pos], (size_t)(n - pos) * sizeof *v);
    v[pos] = cur;
    return n + 1;
}

START_TEST(test_random_vs_model)
{
    enum { KEYS = 6, MAXS = 4000 };
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = new_table(&mem);
    static Iv model[KEYS][MAXS];
    int nm[KEYS] = {0};
    int order[KEYS], n_order = 0;
    uint64_t x = 99;
    for (int i = 0; i < 20000; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        int k = (int)((x >> 33) % KEYS);
        int64_t ts = (int64_t)((x >> 8) % 100000);
        int64_t gap = 1 + (int64_t)((x >> 50) % 40);
        int seen = 0;
        for (int j = 0; j < n_order; j++)
            seen |= order[j] == k;
        if (!seen)
            order[n_order++] = k;
        row(t, k, ts, gap);
        nm[k] = model_add(model[k], nm[k], ts, ts + gap);
        ck_assert_int_lt(nm[k], MAXS);
        if (i % 2500 == 2499 || i == 19999) {
            Collect c;
            snapshot(t, &c);
            size_t p = 0;
            for (int j = 0; j < n_order; j++) {
                int kk = order[j];
                for (int s = 0; s < nm[kk]; s++, p++) {
                    ck_assert_uint_lt(p, c.n);
                    expect(&c.v[p], kk, model[kk][s].s, model[kk][s].e, model[kk][s].count);
                }
            }
            ck_assert_uint_eq(p, c.n);
            free(c.v);
        }
    }
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* A workload touching every allocation point: new table, new keys (index, entries, key
   bytes, session arrays, scratch), new sessions of old keys (array growth), merges,
   restores of new and existing keys, evicting visits that shrink and compact.  Each call
   that fails must fail with -NOMEM and leave the table as it was; the workload is then
   repeated without failures to the end and must give the reference result.  For a batch
   table (the loop's second run) every row and restore is a point [a, a], and there are
   no evicting visits. */
typedef struct Op {
    int kind; /* 0 row, 1 evict visit, 2 restore */
    int32_t uid;
    int64_t a, b; /* row: ts, gap; evict: watermark; restore: start, end */
} Op;

static int n_ops(Op *ops, int batch)
{
    int n = 0;
    for (int i = 0; i < 60; i++) {
        ops[n++] = (Op){0, i % 23, (i * 37) % 400, 5};
        ops[n++] = (Op){0, i % 23, (i * 37) % 400 + 100, 5};
    }
    for (int i = 0; i < 30; i++)
        ops[n++] = (Op){0, 3, i * 10, 3}; /* 30 sessions for one key */
    ops[n++] = (Op){0, 3, 0, 400};        /* merges them */
    ops[n++] = (Op){1, 0, 250, 0};
    for (int i = 0; i < 40; i++)
        ops[n++] = (Op){2, 100 + i % 20, 1000 + i * 3, 1002 + i * 3};
    ops[n++] = (Op){2, 5, 0, 1000};
    ops[n++] = (Op){1, 0, 1060, 0};
    for (int i = 0; i < 40; i++)
        ops[n++] = (Op){0, 200 + i, 5000, 5};
    ops[n++] = (Op){1, 0, 100000, 0};
    for (int i = 0; i < 10; i++)
        ops[n++] = (Op){0, 300 + i, 7000, 5};
    if (!batch)
        return n;
    int w = 0; /* a batch table is never visited to remove */
    for (int i = 0; i < n; i++) {
        if (ops[i].kind == 1)
            continue;
        ops[w] = ops[i];
        ops[w++].b = ops[i].kind == 0 ? 0 : ops[i].a;
    }
    return w;
}

static int run_op(SrtSessions *t, const Op *op)
{
    uint8_t key[KEY_LEN];
    make_key(key, op->uid);
    if (op->kind == 0) {
        uint8_t *st;
        int rc =
            srt_sessions_upsert(t, key, KEY_LEN, srt_hash(key, KEY_LEN), op->a, op->a + op->b, &st);
        if (rc == 0)
            ((St *)st)->count++;
        return rc;
    }
    if (op->kind == 1) {
        Collect c;
        collect_init(&c);
        c.evict_at = op->a;
        int rc = srt_sessions_visit(t, collect_fn, &c, NULL);
        free(c.v);
        return rc;
    }
    int64_t se[2] = {op->a, op->b};
    memcpy(key + SLOT, se, 16);
    St st = {3, op->a, 0};
    SrtErr err;
    srt_err_clear(&err);
    int rc = srt_sessions_restore(t, key, KEY_LEN, (const uint8_t *)&st, sizeof st, &err);
    if (rc == -SRT_ERR_NOMEM)
        CHECK((strstr(err.msg, "out of memory")) != NULL);
    return rc;
}

START_TEST(test_oom_sweep)
{
    int batch = _i;
    SrtSessions *(*make)(SrtMem *, uint32_t, uint32_t, SrtMergeFn) =
        batch ? srt_sessions_new_batch : srt_sessions_new;
    static Op ops[512];
    int n = n_ops(ops, batch);
    ck_assert_int_lt(n, 512);
    /* reference */
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = make(&mem, sizeof(St), SLOT, st_merge);
    for (int i = 0; i < n; i++)
        ck_assert_int_eq(run_op(t, &ops[i]), 0);
    Collect ref;
    snapshot_of(t, &ref, batch);
    ck_assert_uint_eq(ref.n, batch ? 241 : 10); /* what the last eviction leaves: uids 300..309 */
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);

    int failures = 0;
    for (int64_t fa = 0;; fa++) {
        srt_mem_init(&mem);
        mem.fail_after = fa;
        t = make(&mem, sizeof(St), SLOT, st_merge);
        if (!t) {
            ck_assert_uint_eq(mem.in_use, 0);
            failures++;
            continue;
        }
        int failed_at = -1;
        for (int i = 0; i < n; i++) {
            int64_t budget = mem.fail_after;
            mem.fail_after = -1;
            Collect before;
            snapshot_of(t, &before, batch);
            size_t bytes_before = srt_sessions_bytes(t);
            mem.fail_after = budget;
            int rc = run_op(t, &ops[i]);
            if (rc != 0) {
                ck_assert_int_eq(rc, -SRT_ERR_NOMEM);
                mem.fail_after = -1;
                Collect after;
                snapshot_of(t, &after, batch);
                ck_assert_msg(same_snapshots(&before, &after), "op %d changed the table on OOM", i);
                ck_assert_uint_ge(srt_sessions_bytes(t), bytes_before);
                ck_assert_uint_eq(srt_sessions_bytes(t), mem.in_use);
                free(after.v);
                failed_at = i;
            }
            free(before.v);
            if (failed_at >= 0)
                break;
        }
        if (failed_at < 0) { /* the budget was enough for everything */
            Collect got;
            snapshot_of(t, &got, batch);
            ck_assert(same_snapshots(&ref, &got));
            free(got.v);
            srt_sessions_free(t);
            ck_assert_uint_eq(mem.in_use, 0);
            break;
        }
        failures++;
        /* The table still works: finish the workload without failures. */
        for (int i = failed_at; i < n; i++)
            ck_assert_int_eq(run_op(t, &ops[i]), 0);
        Collect got;
        snapshot_of(t, &got, batch);
        ck_assert(same_snapshots(&ref, &got));
        free(got.v);
        srt_sessions_free(t);
        ck_assert_uint_eq(mem.in_use, 0);
    }
    ck_assert_int_gt(failures, 20);
    free(ref.v);
}
END_TEST

/* A table's first allocation failing gives NULL. */
START_TEST(test_new_oom)
{
    SrtMem mem;
    srt_mem_init(&mem);
    mem.fail_after = 0;
    ck_assert_ptr_null(srt_sessions_new(&mem, 8, 0, st_merge));
    ck_assert_uint_eq(mem.in_use, 0);
    mem.fail_after = -1;
    SrtSessions *t = srt_sessions_new(&mem, 0, 0, NULL); /* no state, no merge */
    ck_assert_ptr_nonnull(t);
    uint8_t key[16] = {0};
    uint8_t *st;
    ck_assert_int_eq(srt_sessions_upsert(t, key, 16, srt_hash(key, 16), 0, 5, &st), 0);
    ck_assert_uint_eq((uintptr_t)st % 16, 0);
    ck_assert_int_eq(srt_sessions_upsert(t, key, 16, srt_hash(key, 16), 8, 9, &st), 0);
    ck_assert_int_eq(srt_sessions_upsert(t, key, 16, srt_hash(key, 16), 5, 8, &st), 0);
    ck_assert_uint_eq(srt_sessions_count(t), 1);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* A STRING state (max of the values, as min/max keep one: pointer, u32 length, u32 has). */
typedef struct StrSt {
    const char *p;
    uint32_t n, has;
} StrSt;

static void str_max_merge(uint8_t *dst_state, const uint8_t *src_state, SrtQuery *q)
{
    (void)q;
    StrSt *d = (StrSt *)dst_state;
    const StrSt *s = (const StrSt *)src_state;
    if (!s->has)
        return;
    uint32_t m = d->n < s->n ? d->n : s->n;
    int c = d->has ? memcmp(s->p, d->p, m) : 1;
    if (!d->has || c > 0 || (c == 0 && s->n > d->n))
        *d = *s;
}

/* A row's value v in the batch table b at time ts (a point [ts, ts + 5)). */
static void str_put(SrtSessions *b, int32_t uid, int64_t ts, const char *v)
{
    uint8_t key[KEY_LEN];
    make_key(key, uid);
    uint8_t *st;
    ck_assert_int_eq(srt_sessions_upsert(b, key, KEY_LEN, srt_hash(key, KEY_LEN), ts, ts + 5, &st),
                     0);
    StrSt x = {srt_sessions_strdup(b, v, (uint32_t)strlen(v)), (uint32_t)strlen(v), 1};
    ck_assert_ptr_nonnull(x.p);
    str_max_merge(st, (const uint8_t *)&x, NULL);
}

typedef struct StrSeen {
    char v[4][64];
    int64_t start[4];
    int n;
    int64_t evict_before; /* remove sessions that start before this */
    SrtBuf *enc;          /* when set, each kept state encoded (the last one's) */
    const SrtSessions *t;
} StrSeen;

static int str_visit(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state, int64_t start,
                     int64_t end)
{
    (void)key;
    (void)key_len;
    (void)end;
    StrSeen *s = ctx;
    if (start < s->evict_before)
        return 1;
    const StrSt *st = (const StrSt *)state;
    CHECK(s->n < 4 && st->has);
    uint32_t n = st->n < 63 ? st->n : 63; /* a long one's first bytes, its last checked */
    CHECK(st->n < 63 || st->p[st->n - 1] == 'a');
    memcpy(s->v[s->n], st->p, n);
    s->v[s->n][n] = '\0';
    s->start[s->n++] = start;
    if (s->enc) {
        srt_buf_clear(s->enc);
        srt_sessions_encode_state(s->t, state, s->enc);
    }
    return 0;
}

static SrtSessions *str_table(SrtMem *m, int batch)
{
    SrtSessions *t =
        (batch ? srt_sessions_new_batch : srt_sessions_new)(m, sizeof(StrSt), SLOT, str_max_merge);
    uint32_t off = 0;
    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(srt_sessions_set_string_slots(t, &off, 1), 0);
    return t;
}

/* Restore the state encoded in enc (then freed) as uid's session [start, end) into r; one
   byte short, it is refused. */
static void restore_encoded(SrtSessions *r, SrtBuf *enc, int32_t uid, int64_t start, int64_t end)
{
    uint8_t key[KEY_LEN];
    make_key(key, uid);
    int64_t se[2] = {start, end};
    memcpy(key + SLOT, se, 16);
    SrtErr err;
    srt_err_clear(&err);
    const uint8_t *p = (const uint8_t *)enc->p;
    ck_assert_int_eq(srt_sessions_restore(r, key, KEY_LEN, p, (uint32_t)enc->n, &err), 0);
    ck_assert_int_lt(srt_sessions_restore(r, key, KEY_LEN, p, (uint32_t)enc->n - 1, &err), 0);
    srt_buf_free(enc);
}

/* ---- collected values: a list and a set of INT per session ---- */

static const SrtCollectSlot col_slots[2] = {{0, SRT_COLLECT_INT},
                                            {16, SRT_COLLECT_INT | SRT_COLLECT_SET}};

static void no_merge(uint8_t *dst, const uint8_t *src, SrtQuery *q)
{
    (void)dst, (void)src, (void)q; /* the table merges the collect slots itself */
}

/* A table (batch: a batch table) of 32-byte states with the two collect slots. */
static SrtSessions *slots_table(SrtMem *m, int batch, const SrtCollectSlot *slots)
{
    SrtSessions *t = (batch ? srt_sessions_new_batch : srt_sessions_new)(m, 32, SLOT, no_merge);
    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(srt_sessions_set_collect_slots(t, slots, 2), 0);
    return t;
}

/* Fold batch table b into t and free it: the sessions put. */
static size_t fold_free(SrtSessions *t, SrtSessions *b)
{
    size_t put, gone;
    ck_assert_int_eq(srt_sessions_fold(t, b, &put, &gone), 0);
    srt_sessions_free(b);
    return put;
}

static SrtSessions *col_table(SrtMem *m, int batch)
{
    return slots_table(m, batch, col_slots);
}

/* A row of uid at ts (session [ts, ts + 10)) with value v into both slots of batch table b. */
static void col_put(SrtMem *m, SrtSessions *b, int32_t uid, int64_t ts, int64_t v)
{
    uint8_t key[KEY_LEN], *st;
    make_key(key, uid);
    uint64_t h = srt_hash(key, KEY_LEN);
    ck_assert_int_eq(srt_sessions_upsert(b, key, KEY_LEN, h, ts, ts + 10, &st), 0);
    for (int k = 0; k < 2; k++) {
        SrtCollect *c;
        memcpy(&c, st + col_slots[k].offset, sizeof c);
        ck_assert_int_eq(srt_collect_push(m, &c, col_slots[k].kind, 1, 0, v, 0, NULL, 0), 0);
        memcpy(st + col_slots[k].offset, &c, sizeof c);
    }
}

typedef struct ColSeen {
    SrtMem *m;
    int64_t evict_before;
    int n;
    char text[4][96]; /* per session: "list|set" */
    SrtBuf *enc;      /* the last session encoded */
    const SrtSessions *t;
} ColSeen;

static void col_text(SrtMem *m, const uint8_t *state, uint32_t k, char *out, size_t size)
{
    SrtCollect *c;
    memcpy(&c, state + col_slots[k].offset, sizeof c);
    uint32_t *order;
    int64_t n = srt_collect_order(m, c, col_slots[k].kind, &order);
    size_t len = strlen(out);
    for (int64_t i = 0; i < n; i++) {
        SrtDatum d;
        srt_collect_datum(c, col_slots[k].kind, order[i], &d);
        len += (size_t)snprintf(out + len, size - len, i ? ",%lld" : "%lld", (long long)d.i);
    }
    srt_collect_free_order(m, c, col_slots[k].kind, order);
}

static int col_visit(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state, int64_t start,
                     int64_t end)
{
    (void)key, (void)key_len, (void)end;
    ColSeen *s = ctx;
    char *out = s->text[s->n++];
    out[0] = '\0';
    col_text(s->m, state, 0, out, 96);
    strcat(out, "|");
    col_text(s->m, state, 1, out, 96);
    if (s->enc) {
        srt_buf_clear(s->enc);
        srt_sessions_encode_state(s->t, state, s->enc);
    }
    return start < s->evict_before;
}

START_TEST(test_collect_slots)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = col_table(&mem, 0);
    /* batch 1: uid 1's points 10 (5, 3), 0 (7) and 30 (5): [0, 20) and [30, 40) */
    SrtSessions *b = col_table(&mem, 1);
    col_put(&mem, b, 1, 10, 5);
    col_put(&mem, b, 1, 0, 7);
    col_put(&mem, b, 1, 10, 3);
    col_put(&mem, b, 1, 30, 5);
    ck_assert_uint_eq(fold_free(t, b), 2);
    size_t put, gone;
    /* batch 2: a point at 20 joins both stored sessions, after [0, 20) (stored first) */
    b = col_table(&mem, 1);
    col_put(&mem, b, 1, 20, 9);
    col_put(&mem, b, 1, 20, 7);
    ck_assert_int_eq(srt_sessions_fold(t, b, &put, &gone), 0);
    srt_sessions_free(b);
    ck_assert_uint_eq(gone, 1);
    ck_assert_uint_eq(srt_sessions_bytes(t), mem.in_use);
    SrtBuf enc;
    srt_buf_init(&enc, &mem);
    ColSeen s = {.m = &mem, .evict_before = INT64_MIN, .enc = &enc, .t = t};
    ck_assert_int_eq(srt_sessions_visit(t, col_visit, &s, NULL), 0);
    ck_assert_int_eq(s.n, 1);
    /* the set: B(B(S')), S' = B(B(S1) ++ B(B([9, 7])) ++ B(S30)), S1 = B(B(B([7])) ++
       B(B([5, 3]))), S30 = B(B(B([5]))) in Scala's HashSet (the goldens' model.py) */
    ck_assert_str_eq(s.text[0], "7,5,3,9,7,5|9,5,3,7");

    /* the checkpoint form restored into another table */
    SrtSessions *r = col_table(&mem, 0), *twice = col_table(&mem, 0);
    uint8_t key[KEY_LEN];
    make_key(key, 2);
    int64_t se[2] = {0, 40};
    memcpy(key + SLOT, se, 16);
    SrtErr err;
    srt_err_clear(&err);
    for (int i = 0; i < 2;
         i++) /* the second merges into the first: values appended, a set's once */
        ck_assert_int_eq(srt_sessions_restore(twice, key, KEY_LEN, (const uint8_t *)enc.p,
                                              (uint32_t)enc.n, &err),
                         0);
    restore_encoded(r, &enc, 2, 0, 40);
    ColSeen rs = {.m = &mem, .evict_before = INT64_MAX};
    ck_assert_int_eq(srt_sessions_visit(r, col_visit, &rs, NULL), 0);
    ck_assert_str_eq(rs.text[0], s.text[0]);
    ColSeen ts = {.m = &mem, .evict_before = INT64_MIN};
    ck_assert_int_eq(srt_sessions_visit(twice, col_visit, &ts, NULL), 0);
    ck_assert_int_eq(ts.n, 1);
    ck_assert_int_eq(strncmp(ts.text[0], "7,5,3,9,7,5,7,5,3,9,7,5|", 24), 0);
    ck_assert_uint_eq(strlen(ts.text[0]), 24 + strlen("9,5,3,7"));
    ck_assert_uint_eq(srt_sessions_bytes(twice),
                      mem.in_use - srt_sessions_bytes(t) - srt_sessions_bytes(r));
    srt_sessions_free(twice);
    ck_assert_uint_eq(srt_sessions_count(r), 0); /* evicted: its values freed */
    srt_sessions_free(r);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* ---- percentile_approx's digest and histogram_numeric's bins behind collect slots ---- */

static const SrtCollectSlot dig_slots[2] = {{0, SRT_COLLECT_DOUBLE | SRT_COLLECT_QUANTILE},
                                            {16, SRT_COLLECT_DOUBLE | SRT_COLLECT_HISTOGRAM}};

static SrtSessions *dig_table(SrtMem *m, int batch)
{
    return slots_table(m, batch, dig_slots);
}

/* A row of uid at ts (session [ts, ts + 10)) with value x into both slots of batch table b. */
static void dig_put(SrtMem *m, SrtSessions *b, int32_t uid, int64_t ts, double x)
{
    uint8_t key[KEY_LEN], *st;
    make_key(key, uid);
    ck_assert_int_eq(srt_sessions_upsert(b, key, KEY_LEN, srt_hash(key, KEY_LEN), ts, ts + 10, &st),
                     0);
    SrtQuantile *d;
    SrtHistogram *h;
    memcpy(&d, st, sizeof d);
    memcpy(&h, st + 16, sizeof h);
    ck_assert_int_eq(srt_quantile_push(m, &d, 1, 0.1, x), 0);
    ck_assert_int_eq(srt_histogram_push(m, &h, 1, 2, x), 0);
    memcpy(st, &d, sizeof d);
    memcpy(st + 16, &h, sizeof h);
}

static int dig_visit(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state, int64_t start,
                     int64_t end)
{
    (void)key, (void)key_len, (void)start, (void)end;
    ColSeen *s = ctx;
    srt_buf_clear(s->enc);
    srt_sessions_encode_state(s->t, state, s->enc);
    s->n++;
    return 0;
}

/* Points 0 (1, 2, 10) and 5 (20) make one session: its digest counts 4 values, and its bins are
   P0 = [(1.5, 2), (10, 1)] (trimmed at nb 2) with 20 merged in (NumericHistogram.merge: the
   closest pair, 1.5 and 10, made their weighted mean); both survive a checkpoint round trip,
   and nothing leaks. */
START_TEST(test_digest_slots)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = dig_table(&mem, 0), *b = dig_table(&mem, 1);
    dig_put(&mem, b, 1, 0, 1);
    dig_put(&mem, b, 1, 5, 20);
    dig_put(&mem, b, 1, 0, 2);
    dig_put(&mem, b, 1, 0, 10);
    ck_assert_uint_eq(fold_free(t, b), 1);
    ck_assert_uint_eq(srt_sessions_bytes(t), mem.in_use);
    SrtBuf enc, again;
    srt_buf_init(&enc, &mem);
    srt_buf_init(&again, &mem);
    ColSeen s = {.m = &mem, .enc = &enc, .t = t};
    ck_assert_int_eq(srt_sessions_visit(t, dig_visit, &s, NULL), 0);
    ck_assert_int_eq(s.n, 1);
    const uint8_t *p = (const uint8_t *)enc.p + 32; /* after the fixed bytes */
    ck_assert_uint_eq(srt_get_u64(p + 8), 4);       /* the digest's count */
    p += 24 + 24 * srt_get_u64(p + 16);
    ck_assert_uint_eq(srt_get_u64(p), 2); /* nb, then 2 bins */
    ck_assert_uint_eq(srt_get_u64(p + 8), 2);
    double x = 1.5 * (2.0 / 3.0);
    x += 10.0 / 3.0 * 1.0;
    ck_assert(srt_get_double(p + 16) == x && srt_get_double(p + 24) == 3.0);
    ck_assert(srt_get_double(p + 32) == 20.0 && srt_get_double(p + 40) == 1.0);

    SrtSessions *r = dig_table(&mem, 0);
    uint8_t key[KEY_LEN];
    make_key(key, 1);
    int64_t se[2] = {0, 15};
    memcpy(key + SLOT, se, 16);
    SrtErr err;
    srt_err_clear(&err);
    ck_assert_int_eq(
        srt_sessions_restore(r, key, KEY_LEN, (const uint8_t *)enc.p, (uint32_t)enc.n, &err), 0);
    ColSeen rs = {.m = &mem, .enc = &again, .t = r};
    ck_assert_int_eq(srt_sessions_visit(r, dig_visit, &rs, NULL), 0);
    ck_assert_uint_eq(again.n, enc.n);
    ck_assert_int_eq(memcmp(again.p, enc.p, enc.n), 0);
    srt_buf_free(&enc);
    srt_buf_free(&again);
    srt_sessions_free(r);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* STRING slots: a fold and a task merge copy what they take from the batch table (which is
   then freed and its memory reused), the strings survive a checkpoint round trip, and
   replaced ones are reclaimed after evictions. */
START_TEST(test_string_slots)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSessions *t = str_table(&mem, 0);
    SrtSessions *b = str_table(&mem, 1), *task = str_table(&mem, 1);
    str_put(b, 1, 0, "mango");
    str_put(b, 1, 100, "cherry");
    str_put(task, 1, 3, "zebra");
    str_put(task, 2, 0, "kiwi");
    ck_assert_int_eq(srt_sessions_merge_from(b, task, str_max_merge), 0);
    srt_sessions_free(task);
    size_t put, gone;
    ck_assert_int_eq(srt_sessions_fold(t, b, &put, &gone), 0);
    srt_sessions_free(b);
    void *junk = malloc(1 << 16);
    memset(junk, 'X', 1 << 16);
    free(junk);
    SrtBuf enc;
    srt_buf_init(&enc, &mem);
    StrSeen s = {.evict_before = INT64_MIN, .enc = &enc, .t = t};
    ck_assert_int_eq(srt_sessions_visit(t, str_visit, &s, NULL), 0);
    ck_assert_int_eq(s.n, 3);
    ck_assert_str_eq(s.v[0], "zebra"); /* [0, 8) of uid 1 */
    ck_assert_str_eq(s.v[1], "cherry");
    ck_assert_str_eq(s.v[2], "kiwi"); /* the last encoded */
    ck_assert_uint_eq(enc.n, sizeof(StrSt) + 4);

    /* restore kiwi under uid 3 into a new table */
    SrtSessions *r = str_table(&mem, 0);
    restore_encoded(r, &enc, 3, 7, 12);
    StrSeen rs = {.evict_before = INT64_MIN};
    ck_assert_int_eq(srt_sessions_visit(r, str_visit, &rs, NULL), 0);
    ck_assert_int_eq(rs.n, 1);
    ck_assert_str_eq(rs.v[0], "kiwi");
    ck_assert_int_eq(rs.start[0], 7);
    srt_sessions_free(r);

    /* batches of long strings, each evicted by the next: memory stays flat */
    char big[2000];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    size_t most = 0;
    for (int64_t i = 0; i < 400; i++) {
        b = str_table(&mem, 1);
        big[0] = (char)('a' + i % 26);
        str_put(b, 4, 1000 + 10 * i, big);
        ck_assert_int_eq(srt_sessions_fold(t, b, &put, &gone), 0);
        srt_sessions_free(b);
        StrSeen ev = {.evict_before = 1000 + 10 * i};
        ck_assert_int_eq(srt_sessions_visit(t, str_visit, &ev, NULL), 0);
        ck_assert_int_eq(ev.n, 1);
        ck_assert_int_eq(ev.v[0][0], big[0]);
        if (i > 100 && srt_sessions_bytes(t) > most)
            most = srt_sessions_bytes(t);
    }
    ck_assert_uint_lt(most, (size_t)200 << 10);
    ck_assert_uint_eq(srt_sessions_bytes(t), mem.in_use);
    srt_sessions_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

Suite *rt_session_suite(void)
{
    Suite *s = suite_create("rt_session");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_merge_one_key);
    tcase_add_test(tc, test_touching);
    tcase_add_test(tc, test_merge_order);
    tcase_add_test(tc, test_keys_interleaved);
    tcase_add_test(tc, test_string_keys);
    tcase_add_test(tc, test_evict_and_continue);
    tcase_add_test(tc, test_visit_stop);
    tcase_add_test(tc, test_steady_memory);
    tcase_add_test(tc, test_shrink_after_burst);
    tcase_add_test(tc, test_restore_roundtrip);
    tcase_add_test(tc, test_bad_upsert);
    tcase_add_test(tc, test_random_vs_model);
    tcase_add_loop_test(tc, test_oom_sweep, 0, 2);
    tcase_add_test(tc, test_new_oom);
    tcase_add_test(tc, test_fold_order);
    tcase_add_test(tc, test_fold_from_initial);
    tcase_add_test(tc, test_string_slots);
    tcase_add_test(tc, test_collect_slots);
    tcase_add_test(tc, test_digest_slots);
    tcase_add_test(tc, test_merge_from_tasks);
    tcase_add_test(tc, test_batch_backwards);
    tcase_add_test(tc, test_batch_points_by_end);
    tcase_add_loop_test(tc, test_batch_points_vs_model, 0, 6);
    suite_add_tcase(s, tc);
    return s;
}
