/* check_rt_agg.c - the group table: upsert/lookup over many keys, growth with stable
** state addresses, updated-in-batch tracking, insertion order, memory accounting, a
** fail-after-N allocation sweep; eviction (srt_agg_remove_if, srt_agg_delete) with its
** compaction and flat memory in a steady state, STRING slots, the checkpoint encoding of
** states (srt_agg_encode_state / srt_agg_restore); partial tables folded in order
** (srt_agg_merge_from, srt_agg_clear); the table's generation (srt_agg_gen); plus the hash and
** the bump arena.
*/
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"

typedef struct Counter {
    int64_t count;
    int64_t sum;
} Counter;

static int key_of(int i, char *buf)
{
    return snprintf(buf, 32, "key-%d", i * 7919);
}

/* srt_key_copy: memcpy's result for every length up to 40 (the overlapping-word paths up to
   16, memcpy above), at every alignment; nothing outside [dst, dst + n) written. */
START_TEST(test_key_copy)
{
    uint8_t src[64], dst[96], want[96];
    for (int i = 0; i < 64; i++)
        src[i] = (uint8_t)(i * 37 + 11);
    for (uint64_t n = 0; n <= 40; n++)
        for (int so = 0; so < 8; so++)
            for (int d0 = 8; d0 < 16; d0++) {
                memset(dst, 0xA5, sizeof dst);
                memset(want, 0xA5, sizeof want);
                memcpy(want + d0, src + so, n);
                srt_key_copy(dst + d0, src + so, n);
                ck_assert_msg(memcmp(dst, want, sizeof dst) == 0, "n %llu, src +%d, dst +%d",
                              (unsigned long long)n, so, d0);
            }
}
END_TEST

START_TEST(test_hash)
{
    const char *s = "the quick brown fox jumps over the lazy dog, twice over";
    uint32_t n = (uint32_t)strlen(s);
    /* deterministic, length-sensitive, every prefix different */
    for (uint32_t len = 0; len <= n; len++) {
        ck_assert_uint_eq(srt_hash(s, len), srt_hash(s, len));
        for (uint32_t k = 0; k < len; k++)
            ck_assert(srt_hash(s, len) != srt_hash(s, k));
    }
    char zeros[64] = {0};
    for (uint32_t a = 0; a < 64; a++)
        for (uint32_t b = a + 1; b < 64; b++)
            ck_assert(srt_hash(zeros, a) != srt_hash(zeros, b));
    /* No full 64-bit collisions and balanced low bits over 100k short keys. */
    enum { N = 100000, BUCKETS = 1024 };
    static uint64_t hs[N];
    static int buckets[BUCKETS];
    for (int i = 0; i < N; i++) {
        char buf[32];
        int len = key_of(i, buf);
        hs[i] = srt_hash(buf, (uint32_t)len);
        buckets[hs[i] & (BUCKETS - 1)]++;
    }
    for (int i = 0; i < BUCKETS; i++)
        ck_assert_msg(buckets[i] > N / BUCKETS / 2 && buckets[i] < N / BUCKETS * 2, "bucket %d: %d",
                      i, buckets[i]);
    /* Counted, then asserted once: a check assertion per pair is slow under the sanitizers. */
    int collisions = 0;
    for (int i = 1; i < N; i++)
        for (int j = i - 1; j >= 0 && j > i - 50; j--)
            collisions += hs[i] == hs[j];
    ck_assert_int_eq(collisions, 0);
}
END_TEST

START_TEST(test_upsert_many)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *t = srt_agg_new(&mem, sizeof(Counter));
    ck_assert_ptr_nonnull(t);
    enum { N = 50000 };
    static uint8_t *first[N];
    char buf[32];
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < N; i++) {
            int len = key_of(i, buf);
            uint8_t *st = srt_agg_upsert(t, buf, (uint32_t)len, srt_hash(buf, (uint32_t)len));
            ck_assert_uint_eq((uintptr_t)st % 16, 0);
            Counter *c = (Counter *)st;
            if (round == 0) {
                ck_assert_int_eq(c->count, 0); /* zeroed on creation */
                first[i] = st;
            } else {
                ck_assert_ptr_eq(st, first[i]); /* stable across growth */
            }
            c->count++;
            c->sum += i;
        }
    }
    ck_assert_uint_eq(srt_agg_count(t), N);
    for (int i = 0; i < N; i++) {
        int len = key_of(i, buf);
        Counter *c = (Counter *)srt_agg_lookup(t, buf, (uint32_t)len, srt_hash(buf, (uint32_t)len));
        ck_assert_ptr_nonnull(c);
        ck_assert_int_eq(c->count, 3);
        ck_assert_int_eq(c->sum, 3 * i);
    }
    ck_assert_ptr_null(srt_agg_lookup(t, "absent", 6, srt_hash("absent", 6)));
    ck_assert_uint_gt(srt_agg_bytes(t), N * (16 + sizeof(Counter)));
    ck_assert_uint_le(srt_agg_bytes(t), mem.in_use);
    srt_agg_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* Keys that differ only in length or content share hashes only when equal. */
START_TEST(test_key_shapes)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *t = srt_agg_new(&mem, 8);
    char zeros[300] = {0};
    for (uint32_t len = 0; len < 300; len++)
        *(int64_t *)srt_agg_upsert(t, zeros, len, srt_hash(zeros, len)) += len + 1;
    ck_assert_uint_eq(srt_agg_count(t), 300);
    for (uint32_t len = 0; len < 300; len++)
        ck_assert_int_eq(*(int64_t *)srt_agg_lookup(t, zeros, len, srt_hash(zeros, len)), len + 1);
    /* A colliding hash value with different keys still keeps them apart. */
    *(int64_t *)srt_agg_upsert(t, "a", 1, 42) = 1;
    *(int64_t *)srt_agg_upsert(t, "b", 1, 42) = 2;
    ck_assert_int_eq(*(int64_t *)srt_agg_lookup(t, "a", 1, 42), 1);
    ck_assert_int_eq(*(int64_t *)srt_agg_lookup(t, "b", 1, 42), 2);
    srt_agg_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

typedef struct Seen {
    char keys[64][16];
    int n;
} Seen;

static int collect(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    Seen *s = ctx;
    ck_assert_uint_lt(key_len, 16);
    memcpy(s->keys[s->n], key, key_len);
    s->keys[s->n][key_len] = '\0';
    ck_assert_int_eq(*(int64_t *)state, key[0]); /* state written below: first byte */
    s->n++;
    return 0;
}

static void touch(SrtAggTable *t, const char *k)
{
    uint32_t n = (uint32_t)strlen(k);
    *(int64_t *)srt_agg_upsert(t, k, n, srt_hash(k, n)) = (unsigned char)k[0];
}

START_TEST(test_updated_and_order)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *t = srt_agg_new(&mem, 40); /* odd size: stride 48 */
    const char *batch0[] = {"pear", "apple", "fig", "apple", "kiwi", "pear"};
    for (size_t i = 0; i < 6; i++)
        touch(t, batch0[i]);
    ck_assert_uint_eq(srt_agg_updated_count(t), 4);
    Seen s = {.n = 0};
    srt_agg_foreach(t, collect, &s);
    ck_assert_int_eq(s.n, 4);
    ck_assert_str_eq(s.keys[0], "pear");
    ck_assert_str_eq(s.keys[1], "apple");
    ck_assert_str_eq(s.keys[2], "fig");
    ck_assert_str_eq(s.keys[3], "kiwi");

    srt_agg_begin_batch(t);
    ck_assert_uint_eq(srt_agg_updated_count(t), 0);
    s.n = 0;
    srt_agg_foreach_updated(t, collect, &s);
    ck_assert_int_eq(s.n, 0);
    /* Touched out of insertion order plus one new key: reported in the order of their first
       update in the batch. */
    touch(t, "kiwi");
    touch(t, "plum");
    touch(t, "apple");
    touch(t, "kiwi");
    ck_assert_uint_eq(srt_agg_updated_count(t), 3);
    s.n = 0;
    srt_agg_foreach_updated(t, collect, &s);
    ck_assert_int_eq(s.n, 3);
    ck_assert_str_eq(s.keys[0], "kiwi");
    ck_assert_str_eq(s.keys[1], "plum");
    ck_assert_str_eq(s.keys[2], "apple");
    s.n = 0;
    srt_agg_foreach(t, collect, &s);
    ck_assert_int_eq(s.n, 5);
    ck_assert_str_eq(s.keys[4], "plum");
    /* lookup does not mark */
    srt_agg_begin_batch(t);
    ck_assert_ptr_nonnull(srt_agg_lookup(t, "fig", 3, srt_hash("fig", 3)));
    ck_assert_uint_eq(srt_agg_updated_count(t), 0);
    srt_agg_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

static int stop_at_two(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    (void)key;
    (void)key_len;
    (void)state;
    return ++*(int *)ctx == 2 ? 7 : 0;
}

START_TEST(test_foreach_stop)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *t = srt_agg_new(&mem, 8);
    touch(t, "a");
    touch(t, "b");
    touch(t, "c");
    int calls = 0;
    ck_assert_int_eq(srt_agg_foreach(t, stop_at_two, &calls), 7);
    ck_assert_int_eq(calls, 2);
    srt_agg_free(t);
}
END_TEST

/* Fail the Nth allocation for every N: no crash, -NOMEM only, the table stays usable
   and consistent, nothing leaks. */
START_TEST(test_oom_sweep)
{
    enum { KEYS = 3000 };
    char buf[32];
    int saw_success = 0;
    for (int64_t n = 0; n < 60 && !saw_success; n++) {
        SrtMem mem;
        srt_mem_init(&mem);
        mem.fail_after = n;
        SrtAggTable *t = srt_agg_new(&mem, 16);
        if (!t) {
            ck_assert_uint_eq(mem.in_use, 0);
            continue;
        }
        int ok = 0, failed_at = -1;
        for (int i = 0; i < KEYS; i++) {
            int len = key_of(i, buf);
            uint8_t *st;
            int rc = srt_agg_find_or_add(t, buf, (uint32_t)len, srt_hash(buf, (uint32_t)len), &st);
            if (rc < 0) {
                ck_assert_int_eq(rc, -SRT_ERR_NOMEM);
                failed_at = i;
                break;
            }
            *(int64_t *)st = i;
            ok++;
        }
        ck_assert_uint_eq(srt_agg_count(t), (size_t)ok);
        for (int i = 0; i < ok; i++) {
            int len = key_of(i, buf);
            int64_t *st =
                (int64_t *)srt_agg_lookup(t, buf, (uint32_t)len, srt_hash(buf, (uint32_t)len));
            ck_assert_ptr_nonnull(st);
            ck_assert_int_eq(*st, i);
        }
        if (failed_at < 0)
            saw_success = 1;
        /* After memory comes back the same insert succeeds. */
        mem.fail_after = -1;
        if (failed_at >= 0) {
            int len = key_of(failed_at, buf);
            uint8_t *st;
            ck_assert_int_eq(
                srt_agg_find_or_add(t, buf, (uint32_t)len, srt_hash(buf, (uint32_t)len), &st), 0);
            ck_assert_uint_eq(srt_agg_count(t), (size_t)ok + 1);
        }
        srt_agg_free(t);
        ck_assert_uint_eq(mem.in_use, 0);
    }
    ck_assert(saw_success);
}
END_TEST

START_TEST(test_arena)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtArena a;
    srt_arena_init(&a, &mem, 256);
    char *prev = NULL;
    for (int i = 0; i < 1000; i++) {
        size_t n = (size_t)(i % 97) + 1;
        char *p = srt_arena_alloc(&a, n);
        ck_assert_ptr_nonnull(p);
        ck_assert_uint_eq((uintptr_t)p % 16, 0);
        memset(p, 0xAB, n);
        ck_assert(p != prev);
        prev = p;
    }
    char *big = srt_arena_alloc(&a, 100000);
    ck_assert_ptr_nonnull(big);
    memset(big, 1, 100000);
    size_t held = a.bytes;
    srt_arena_reset(&a);
    ck_assert_uint_le(a.bytes, held);
    ck_assert_uint_eq(a.bytes, mem.in_use);
    /* After a reset the kept chunk is reused without allocating. */
    uint64_t allocs = mem.n_allocs;
    for (int i = 0; i < 100; i++)
        ck_assert_ptr_nonnull(srt_arena_alloc(&a, 64));
    ck_assert_uint_eq(mem.n_allocs, allocs);
    ck_assert_ptr_nonnull(srt_arena_alloc(&a, 0));
    mem.fail_after = 0;
    ck_assert_ptr_null(srt_arena_alloc(&a, 1 << 24));
    mem.fail_after = -1;
    srt_arena_free(&a);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* ======================================================================
** Eviction, compaction, string slots and the checkpoint form of states
** ====================================================================== */

static uint8_t *up(SrtAggTable *t, const char *k)
{
    uint32_t n = (uint32_t)strlen(k);
    return srt_agg_upsert(t, k, n, srt_hash(k, n));
}

static uint8_t *look(SrtAggTable *t, const char *k)
{
    uint32_t n = (uint32_t)strlen(k);
    return srt_agg_lookup(t, k, n, srt_hash(k, n));
}

/* The sums of the groups in iteration order. */
typedef struct Sums {
    int64_t v[20000];
    size_t n;
} Sums;

/* srt_agg_merge_from's groups: the state each group of the source was merged into. */
typedef struct MergedInto {
    SrtAggTable *dst;
    uint8_t **groups;
    size_t i;
} MergedInto;

static int check_merged(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    (void)state;
    MergedInto *m = ctx;
    ck_assert_ptr_eq(m->groups[m->i++],
                     srt_agg_lookup(m->dst, key, key_len, srt_hash(key, key_len)));
    return 0;
}

static int collect_sums(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    (void)key;
    (void)key_len;
    Sums *s = ctx;
    ck_assert_uint_lt(s->n, 20000);
    s->v[s->n++] = ((Counter *)state)->sum;
    return 0;
}

static int count_calls_remove_odd(void *ctx, const uint8_t *key, uint32_t key_len,
                                  const uint8_t *state)
{
    (void)key;
    (void)key_len;
    ++*(int *)ctx;
    return ((const Counter *)state)->sum % 2 != 0;
}

static int remove_all(void *ctx, const uint8_t *key, uint32_t key_len, const uint8_t *state)
{
    (void)ctx;
    (void)key;
    (void)key_len;
    (void)state;
    return 1;
}

static int keep_all(void *ctx, const uint8_t *key, uint32_t key_len, const uint8_t *state)
{
    (void)ctx;
    (void)key;
    (void)key_len;
    (void)state;
    return 0;
}

START_TEST(test_remove_half)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *t = srt_agg_new(&mem, sizeof(Counter));
    enum { N = 10000 };
    char buf[32];
    for (int i = 0; i < N; i++) {
        key_of(i, buf);
        Counter *c = (Counter *)up(t, buf);
        c->count = 1;
        c->sum = i;
    }
    size_t before = srt_agg_bytes(t);
    ck_assert_uint_eq(before, mem.in_use); /* the table is all this SrtMem holds */
    ck_assert_uint_eq(srt_agg_updated_count(t), N);

    int calls = 0;
    size_t removed = 99;
    ck_assert_int_eq(srt_agg_remove_if(t, count_calls_remove_odd, &calls, &removed), 0);
    ck_assert_int_eq(calls, N);
    ck_assert_uint_eq(removed, N / 2);
    ck_assert_uint_eq(srt_agg_count(t), N / 2);
    ck_assert_uint_eq(srt_agg_updated_count(t), 0); /* cleared as by begin_batch */
    for (int i = 0; i < N; i++) {
        key_of(i, buf);
        Counter *c = (Counter *)look(t, buf);
        if (i % 2) {
            ck_assert_ptr_null(c);
        } else {
            ck_assert_ptr_nonnull(c);
            ck_assert_int_eq(c->sum, i);
            ck_assert_int_eq(c->count, 1);
        }
    }
    static Sums s;
    s.n = 0;
    ck_assert_int_eq(srt_agg_foreach(t, collect_sums, &s), 0);
    ck_assert_uint_eq(s.n, N / 2);
    for (size_t k = 0; k < s.n; k++)
        ck_assert_int_eq(s.v[k], 2 * (int64_t)k); /* insertion order kept */
    size_t after = srt_agg_bytes(t);
    ck_assert_uint_eq(after, mem.in_use);
    ck_assert_uint_lt(after, before);

    /* An old group updated after the removal is reported as updated again. */
    ck_assert_int_eq(((Counter *)up(t, "key-0"))->sum, 0);
    ck_assert_uint_eq(srt_agg_updated_count(t), 1);
    /* Re-adding the removed groups: fresh zero states, after the survivors in order. */
    for (int i = 1; i < N; i += 2) {
        key_of(i, buf);
        Counter *c = (Counter *)up(t, buf);
        ck_assert_int_eq(c->count, 0);
        ck_assert_int_eq(c->sum, 0);
        c->count = 1;
        c->sum = i;
    }
    ck_assert_uint_eq(srt_agg_count(t), N);
    s.n = 0;
    srt_agg_foreach(t, collect_sums, &s);
    ck_assert_uint_eq(s.n, N);
    for (size_t k = 0; k < N / 2; k++) {
        ck_assert_int_eq(s.v[k], 2 * (int64_t)k);
        ck_assert_int_eq(s.v[N / 2 + k], 2 * (int64_t)k + 1);
    }
    /* Re-adding reuses the reclaimed memory: the chunks grow again from a size in
       proportion to the survivors, so at most a chunk more than the first peak. */
    ck_assert_uint_le(srt_agg_bytes(t), before + before / 4);

    /* Remove everything: the chunks go, the index shrinks to its first size. */
    ck_assert_int_eq(srt_agg_remove_if(t, remove_all, NULL, &removed), 0);
    ck_assert_uint_eq(removed, N);
    ck_assert_uint_eq(srt_agg_count(t), 0);
    ck_assert_uint_eq(srt_agg_bytes(t), mem.in_use);
    ck_assert_uint_lt(srt_agg_bytes(t), 4096); /* table, 16 slots, the updated list */
    s.n = 0;
    srt_agg_foreach(t, collect_sums, &s);
    ck_assert_uint_eq(s.n, 0);
    ((Counter *)up(t, "again"))->sum = 7;
    ck_assert_int_eq(((Counter *)look(t, "again"))->sum, 7);
    ck_assert_uint_eq(srt_agg_count(t), 1);
    srt_agg_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

static int remove_mod100_eq(void *ctx, const uint8_t *key, uint32_t key_len, const uint8_t *state)
{
    (void)key;
    (void)key_len;
    return ((const Counter *)state)->sum % 100 == *(int *)ctx;
}

/* Small removals leave dead entries (no compaction, addresses kept) until a quarter
   of the entry bytes is dead; then a compaction reclaims them. */
START_TEST(test_remove_few_then_compact)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *t = srt_agg_new(&mem, sizeof(Counter));
    enum { N = 10000 };
    char buf[32];
    for (int i = 0; i < N; i++) {
        key_of(i, buf);
        ((Counter *)up(t, buf))->sum = i;
    }
    size_t peak = srt_agg_bytes(t);
    key_of(5, buf);
    uint8_t *st5 = look(t, buf);
    int moved = 0;
    for (int r = 0; r < 40; r++) {
        size_t removed;
        ck_assert_int_eq(srt_agg_remove_if(t, remove_mod100_eq, &r, &removed), 0);
        ck_assert_uint_eq(removed, N / 100);
        ck_assert_uint_eq(srt_agg_count(t), (size_t)(N - (r + 1) * N / 100));
        ck_assert_uint_eq(srt_agg_bytes(t), mem.in_use);
        key_of(5, buf); /* a compaction shows as group 5 moving */
        if (r < 5) {
            ck_assert_ptr_eq(look(t, buf), st5); /* 1..5 % dead: no compaction yet */
        } else if (look(t, buf) != st5) {
            moved = 1;
        }
        for (int i = 0; i < N; i += 7) {
            key_of(i, buf);
            Counter *c = (Counter *)look(t, buf);
            if (i % 100 <= r)
                ck_assert_ptr_null(c);
            else
                ck_assert_int_eq(c->sum, i);
        }
    }
    ck_assert_int_eq(moved, 1); /* 40 % removed: compacted at least once */
    static Sums s;
    s.n = 0;
    srt_agg_foreach(t, collect_sums, &s);
    ck_assert_uint_eq(s.n, N - 40 * N / 100);
    for (size_t k = 1; k < s.n; k++)
        ck_assert_int_lt(s.v[k - 1], s.v[k]);
    /* Adding back what was removed stays near the first peak. */
    for (int i = N; i < N + 4000; i++) {
        key_of(i, buf);
        ((Counter *)up(t, buf))->sum = i;
    }
    ck_assert_uint_le(srt_agg_bytes(t), peak + peak / 4);
    srt_agg_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* A window-like state: batch number, then a STRING min/max slot at offset 8. */
typedef struct WinState {
    int64_t batch;
    const char *s;
    uint32_t len;
    uint32_t has;
} WinState;

static int older_than(void *ctx, const uint8_t *key, uint32_t key_len, const uint8_t *state)
{
    (void)key;
    (void)key_len;
    return ((const WinState *)state)->batch < *(int64_t *)ctx;
}

static int check_win_string(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    (void)ctx;
    const WinState *w = (const WinState *)state;
    char want[64];
    int n = snprintf(want, sizeof want, "last-%.*s", (int)key_len, (const char *)key);
    ck_assert_uint_eq(w->len, (uint32_t)n);
    ck_assert_int_eq(memcmp(w->s, want, (size_t)n), 0);
    return 0;
}

/* 1000 batches of 1000 new groups each, groups older than 2 batches evicted after each
   batch (as a watermark does with windows): memory stays flat. */
START_TEST(test_steady_state)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *t = srt_agg_new(&mem, sizeof(WinState));
    uint32_t off = 8;
    ck_assert_int_eq(srt_agg_set_string_slots(t, &off, 1), 0);
    enum { BATCHES = 1000, PER = 1000 };
    static size_t bytes[BATCHES], in_use[BATCHES];
    char key[32], val[64];
    for (int64_t b = 0; b < BATCHES; b++) {
        srt_agg_begin_batch(t);
        for (int i = 0; i < PER; i++) {
            int kn = snprintf(key, sizeof key, "%lld:%d", (long long)b, i);
            WinState *w =
                (WinState *)srt_agg_upsert(t, key, (uint32_t)kn, srt_hash(key, (uint32_t)kn));
            w->batch = b;
            /* three improvements: two of them become garbage in the string arena */
            for (int r = 0; r < 3; r++) {
                int vn = r < 2 ? snprintf(val, sizeof val, "v%d-%s-padding", r, key)
                               : snprintf(val, sizeof val, "last-%s", key);
                w->s = srt_agg_strdup(t, val, (uint32_t)vn);
                w->len = (uint32_t)vn;
                w->has = 1;
            }
        }
        int64_t keep_from = b - 2;
        size_t removed;
        ck_assert_int_eq(srt_agg_remove_if(t, older_than, &keep_from, &removed), 0);
        ck_assert_uint_eq(removed, b >= 3 ? PER : 0);
        ck_assert_uint_eq(srt_agg_count(t), (size_t)(b < 2 ? b + 1 : 3) * PER);
        bytes[b] = srt_agg_bytes(t);
        in_use[b] = mem.in_use;
        ck_assert_uint_eq(bytes[b], in_use[b]);
        if (b % 100 == 99)
            ck_assert_int_eq(srt_agg_foreach(t, check_win_string, NULL), 0);
    }
    size_t max_mid = 0, max_last = 0, max_mid_mem = 0, max_last_mem = 0;
    for (int b = 100; b < 500; b++) {
        max_mid = bytes[b] > max_mid ? bytes[b] : max_mid;
        max_mid_mem = in_use[b] > max_mid_mem ? in_use[b] : max_mid_mem;
    }
    for (int b = 500; b < BATCHES; b++) {
        max_last = bytes[b] > max_last ? bytes[b] : max_last;
        max_last_mem = in_use[b] > max_last_mem ? in_use[b] : max_last_mem;
    }
    ck_assert_msg(max_last * 10 <= max_mid * 12, "bytes grew: %zu then %zu", max_mid, max_last);
    ck_assert_msg(max_last_mem * 10 <= max_mid_mem * 12, "in_use grew: %zu then %zu", max_mid_mem,
                  max_last_mem);
    /* And within a small factor of what 3000 live groups need (entry + key + string). */
    ck_assert_msg(max_last < (size_t)3000 * (16 + 32 + 16 + 20) * 6, "bytes %zu", max_last);
    /* The peak was reached early: not a slow climb to a ceiling. */
    ck_assert_uint_le(mem.peak * 10, max_mid_mem * 25);
    srt_agg_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

START_TEST(test_delete)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *t = srt_agg_new(&mem, sizeof(Counter));
    enum { N = 2000 };
    char buf[32];
    for (int i = 0; i < N; i++) {
        key_of(i, buf);
        ((Counter *)up(t, buf))->sum = i;
    }
    for (int i = 0; i < N; i += 3) {
        int n = key_of(i, buf);
        ck_assert_int_eq(srt_agg_delete(t, buf, (uint32_t)n), 0);
    }
    ck_assert_int_eq(srt_agg_delete(t, "absent", 6), 0);
    ck_assert_int_eq(srt_agg_delete(t, "key-0", 5), 0); /* already gone */
    size_t live = N - (N + 2) / 3;
    ck_assert_uint_eq(srt_agg_count(t), live);
    for (int i = 0; i < N; i++) {
        key_of(i, buf);
        Counter *c = (Counter *)look(t, buf);
        if (i % 3 == 0)
            ck_assert_ptr_null(c);
        else
            ck_assert_int_eq(c->sum, i);
    }
    static Sums s;
    s.n = 0;
    srt_agg_foreach(t, collect_sums, &s);
    ck_assert_uint_eq(s.n, live);
    for (size_t k = 0; k < s.n; k++)
        ck_assert_int_ne(s.v[k] % 3, 0);
    /* Re-insert: a fresh zero state, iterated after the others. */
    Counter *c = (Counter *)up(t, "key-0");
    ck_assert_int_eq(c->sum, 0);
    ck_assert_int_eq(c->count, 0);
    c->sum = -1;
    s.n = 0;
    srt_agg_foreach(t, collect_sums, &s);
    ck_assert_uint_eq(s.n, live + 1);
    ck_assert_int_eq(s.v[live], -1);
    /* A compaction (nothing removed by the predicate) reclaims the deleted entries. */
    size_t before = srt_agg_bytes(t), removed;
    ck_assert_int_eq(srt_agg_remove_if(t, keep_all, NULL, &removed), 0);
    ck_assert_uint_eq(removed, 0);
    ck_assert_uint_eq(srt_agg_bytes(t), mem.in_use);
    ck_assert_uint_le(srt_agg_bytes(t), before);
    for (int i = 1; i < N; i++) {
        key_of(i, buf);
        c = (Counter *)look(t, buf);
        if (i % 3 == 0)
            ck_assert_ptr_null(c);
        else
            ck_assert_int_eq(c->sum, i);
    }
    ck_assert_int_eq(((Counter *)look(t, "key-0"))->sum, -1);

    /* Deleting a group updated in this batch takes it off the updated list. */
    srt_agg_begin_batch(t);
    touch(t, "apple");
    touch(t, "fig");
    touch(t, "kiwi");
    ck_assert_uint_eq(srt_agg_updated_count(t), 3);
    ck_assert_int_eq(srt_agg_delete(t, "fig", 3), 0);
    ck_assert_uint_eq(srt_agg_updated_count(t), 2);
    Seen seen = {.n = 0};
    srt_agg_foreach_updated(t, collect, &seen);
    ck_assert_int_eq(seen.n, 2);
    ck_assert_str_eq(seen.keys[0], "apple");
    ck_assert_str_eq(seen.keys[1], "kiwi");
    touch(t, "fig"); /* back, as a new group */
    ck_assert_uint_eq(srt_agg_updated_count(t), 3);
    ck_assert_int_eq(*(int64_t *)look(t, "fig"), 'f');
    srt_agg_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* Random upserts, deletes and removals over a small key space (long probe clusters in
   a small index) against a model of which groups exist, their values and their order. */
static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

enum { MODEL_KEYS = 300 };
typedef struct Model {
    int present[MODEL_KEYS];
    int64_t val[MODEL_KEYS];
    uint64_t order[MODEL_KEYS]; /* insertion number */
    int seen[MODEL_KEYS];
    int64_t last_order;
    int visited;
} Model;

static int model_key(int k, char *buf)
{
    return snprintf(buf, 32, "m%d", k * 31);
}

static int remove_val_mod3(void *ctx, const uint8_t *key, uint32_t key_len, const uint8_t *state)
{
    (void)ctx;
    (void)key;
    (void)key_len;
    return *(const int64_t *)state % 3 == 0;
}

static int model_visit(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    Model *m = ctx;
    char buf[32];
    ck_assert_uint_lt(key_len, sizeof buf);
    memcpy(buf, key, key_len);
    buf[key_len] = '\0';
    int k = atoi(buf + 1) / 31;
    ck_assert_int_lt(k, MODEL_KEYS);
    ck_assert_int_eq(model_key(k, buf), (int)key_len);
    ck_assert_int_eq(memcmp(buf, key, key_len), 0);
    ck_assert(m->present[k]);
    ck_assert(!m->seen[k]);
    m->seen[k] = 1;
    ck_assert_int_eq(*(int64_t *)state, m->val[k]);
    ck_assert_int_gt((int64_t)m->order[k], m->last_order); /* insertion order */
    m->last_order = (int64_t)m->order[k];
    m->visited++;
    return 0;
}

START_TEST(test_random_model)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *t = srt_agg_new(&mem, 8);
    static Model m;
    memset(&m, 0, sizeof m);
    uint64_t rng = 0x9E3779B97F4A7C15ull, next_order = 1;
    char buf[32];
    for (int op = 0; op < 60000; op++) {
        uint64_t r = rng_next(&rng);
        int k = (int)(r % MODEL_KEYS);
        int n = model_key(k, buf);
        switch ((r >> 20) % 16) {
        case 0:
        case 1:
        case 2:
        case 3:
        case 4:
        case 5:
        case 6: /* upsert */
            *(int64_t *)srt_agg_upsert(t, buf, (uint32_t)n, srt_hash(buf, (uint32_t)n)) = op;
            if (!m.present[k])
                m.order[k] = next_order++;
            m.present[k] = 1;
            m.val[k] = op;
            break;
        case 7:
        case 8:
        case 9:
        case 10:
        case 11: /* delete */
            ck_assert_int_eq(srt_agg_delete(t, buf, (uint32_t)n), 0);
            m.present[k] = 0;
            break;
        case 12: {
            if ((r >> 40) % 50)
                break;
            size_t removed, want = 0;
            for (int j = 0; j < MODEL_KEYS; j++)
                if (m.present[j] && m.val[j] % 3 == 0) {
                    m.present[j] = 0;
                    want++;
                }
            ck_assert_int_eq(srt_agg_remove_if(t, remove_val_mod3, NULL, &removed), 0);
            ck_assert_uint_eq(removed, want);
            break;
        }
        case 13:
            srt_agg_begin_batch(t);
            break;
        default: { /* lookup */
            int64_t *v = (int64_t *)srt_agg_lookup(t, buf, (uint32_t)n, srt_hash(buf, (uint32_t)n));
            if (m.present[k]) {
                ck_assert_ptr_nonnull(v);
                ck_assert_int_eq(*v, m.val[k]);
            } else {
                ck_assert_ptr_null(v);
            }
        }
        }
        if (op % 500 == 0) {
            int live = 0;
            for (int j = 0; j < MODEL_KEYS; j++)
                live += m.present[j];
            ck_assert_uint_eq(srt_agg_count(t), (size_t)live);
            memset(m.seen, 0, sizeof m.seen);
            m.last_order = 0;
            m.visited = 0;
            srt_agg_foreach(t, model_visit, &m);
            ck_assert_int_eq(m.visited, live);
            ck_assert_uint_eq(srt_agg_bytes(t), mem.in_use);
        }
    }
    srt_agg_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

static int fail_at_fiftieth(void *ctx, const uint8_t *key, uint32_t key_len, const uint8_t *state)
{
    (void)key;
    (void)key_len;
    (void)state;
    return ++*(int *)ctx == 50 ? -SRT_ERR_QUERY : 1;
}

/* A predicate error stops the walk and leaves the table as it was. */
START_TEST(test_remove_if_error)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *t = srt_agg_new(&mem, sizeof(Counter));
    char buf[32];
    for (int i = 0; i < 100; i++) {
        key_of(i, buf);
        ((Counter *)up(t, buf))->sum = i;
    }
    size_t bytes = srt_agg_bytes(t), removed = 5;
    int calls = 0;
    ck_assert_int_eq(srt_agg_remove_if(t, fail_at_fiftieth, &calls, &removed), -SRT_ERR_QUERY);
    ck_assert_int_eq(calls, 50);
    ck_assert_uint_eq(removed, 0);
    ck_assert_uint_eq(srt_agg_count(t), 100);
    ck_assert_uint_eq(srt_agg_updated_count(t), 100);
    ck_assert_uint_eq(srt_agg_bytes(t), bytes);
    static Sums s;
    s.n = 0;
    srt_agg_foreach(t, collect_sums, &s);
    ck_assert_uint_eq(s.n, 100);
    for (int i = 0; i < 100; i++) {
        ck_assert_int_eq(s.v[i], i);
        key_of(i, buf);
        ck_assert_int_eq(((Counter *)look(t, buf))->sum, i);
    }
    /* No mark is left behind: the next removal removes exactly what it is asked to. */
    calls = 0;
    ck_assert_int_eq(srt_agg_remove_if(t, count_calls_remove_odd, &calls, &removed), 0);
    ck_assert_int_eq(calls, 100);
    ck_assert_uint_eq(removed, 50);
    ck_assert_uint_eq(srt_agg_count(t), 50);
    srt_agg_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* Two STRING slots after an int64: a at 8 (len 16, has 20), b at 24 (len 32, has 36). */
typedef struct TwoStr {
    int64_t x;
    const char *a;
    uint32_t a_len, a_has;
    const char *b;
    uint32_t b_len, b_has;
} TwoStr;
static const uint32_t two_str_slots[2] = {8, 24};

static int two_key(int i, char *buf)
{
    return snprintf(buf, 32, "g%05d", i);
}

/* a: "alpha-<i>" repeated i % 7 times; b: NULL for i % 3 == 0, "" for 1, "b<i>" for 2. */
static int two_a(int i, char *out)
{
    int n = 0;
    for (int r = 0; r < i % 7 + 1; r++)
        n += snprintf(out + n, 256 - (size_t)n, "alpha-%d", i);
    return n;
}

static void two_fill(SrtAggTable *t, TwoStr *st, int i)
{
    char v[256];
    st->x = i;
    int n = two_a(i, v);
    st->a = srt_agg_strdup(t, v, (uint32_t)n);
    st->a_len = (uint32_t)n;
    st->a_has = 1;
    if (i % 3 == 1) {
        st->b = srt_agg_strdup(t, "", 0);
        st->b_len = 0;
        st->b_has = 1;
    } else if (i % 3 == 2) {
        n = snprintf(v, sizeof v, "b%d", i);
        st->b = srt_agg_strdup(t, v, (uint32_t)n);
        st->b_len = (uint32_t)n;
        st->b_has = 1;
    }
}

static void two_check(const TwoStr *st, int i)
{
    char v[256];
    ck_assert_int_eq(st->x, i);
    int n = two_a(i, v);
    ck_assert_uint_eq(st->a_len, (uint32_t)n);
    ck_assert_int_eq(memcmp(st->a, v, (size_t)n), 0);
    ck_assert_uint_eq(st->a_has, 1);
    if (i % 3 == 0) {
        ck_assert_uint_eq(st->b_len, 0);
        ck_assert_uint_eq(st->b_has, 0);
    } else if (i % 3 == 1) {
        ck_assert_ptr_nonnull(st->b);
        ck_assert_uint_eq(st->b_len, 0);
        ck_assert_uint_eq(st->b_has, 1);
    } else {
        n = snprintf(v, sizeof v, "b%d", i);
        ck_assert_uint_eq(st->b_len, (uint32_t)n);
        ck_assert_int_eq(memcmp(st->b, v, (size_t)n), 0);
    }
}

static int remove_x_mod4(void *ctx, const uint8_t *key, uint32_t key_len, const uint8_t *state)
{
    (void)ctx;
    (void)key;
    (void)key_len;
    return ((const TwoStr *)state)->x % 4 == 0;
}

START_TEST(test_string_slots)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *t = srt_agg_new(&mem, sizeof(TwoStr));
    /* Slots must lie inside the state and not overlap. */
    uint32_t bad1[1] = {sizeof(TwoStr) - 8};
    uint32_t bad2[2] = {8, 16};
    ck_assert_int_eq(srt_agg_set_string_slots(t, bad1, 1), -SRT_ERR_FORMAT);
    ck_assert_int_eq(srt_agg_set_string_slots(t, bad2, 2), -SRT_ERR_FORMAT);
    ck_assert_int_eq(srt_agg_set_string_slots(t, two_str_slots, 2), 0);
    ck_assert_uint_eq(srt_agg_bytes(t), mem.in_use);
    enum { N = 3000 };
    char key[32];
    for (int i = 0; i < N; i++) {
        two_key(i, key);
        TwoStr *st = (TwoStr *)up(t, key);
        /* many improvements per group: lots of garbage in the string memory */
        for (int r = 0; r < 5; r++)
            two_fill(t, st, i);
    }
    size_t before = srt_agg_bytes(t);
    /* Remove a quarter: compaction moves states and re-packs their strings. */
    size_t removed;
    ck_assert_int_eq(srt_agg_remove_if(t, remove_x_mod4, NULL, &removed), 0);
    ck_assert_uint_eq(removed, N / 4);
    ck_assert_uint_eq(srt_agg_bytes(t), mem.in_use);
    ck_assert_uint_lt(srt_agg_bytes(t) * 2, before); /* the garbage strings are gone */
    for (int i = 0; i < N; i++) {
        two_key(i, key);
        const TwoStr *st = (const TwoStr *)look(t, key);
        if (i % 4 == 0) {
            ck_assert_ptr_null(st);
        } else {
            ck_assert_ptr_nonnull(st);
            two_check(st, i);
            if (i % 3 == 0)
                ck_assert_ptr_null(st->b); /* never set: stays NULL */
        }
    }
    /* Improvements go on after a compaction, and a keep-all pass re-packs the strings
       once the garbage outweighs them (no group removed). */
    for (int r = 0; r < 6; r++)
        for (int i = 1; i < N; i += 4) {
            two_key(i, key);
            two_fill(t, (TwoStr *)up(t, key), i);
        }
    size_t grown = srt_agg_bytes(t);
    ck_assert_int_eq(srt_agg_remove_if(t, keep_all, NULL, &removed), 0);
    ck_assert_uint_eq(removed, 0);
    ck_assert_uint_lt(srt_agg_bytes(t), grown);
    ck_assert_uint_eq(srt_agg_bytes(t), mem.in_use);
    for (int i = 1; i < N; i++) {
        two_key(i, key);
        const TwoStr *st = (const TwoStr *)look(t, key);
        if (i % 4)
            two_check(st, i);
    }
    /* Clearing the slots: compaction leaves strings where they are. */
    ck_assert_int_eq(srt_agg_set_string_slots(t, NULL, 0), 0);
    ck_assert_uint_eq(srt_agg_bytes(t), mem.in_use);
    srt_agg_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* Keys and encoded states of a table, in iteration order. */
typedef struct Dump {
    const SrtAggTable *t;
    SrtBuf keys, vals;
    uint32_t key_len[4096], val_len[4096];
    size_t n;
} Dump;

static int dump_visit(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    Dump *d = ctx;
    ck_assert_uint_lt(d->n, 4096);
    srt_buf_put(&d->keys, key, key_len);
    size_t before = d->vals.n;
    srt_agg_encode_state(d->t, state, &d->vals);
    d->key_len[d->n] = key_len;
    d->val_len[d->n] = (uint32_t)(d->vals.n - before);
    d->n++;
    return 0;
}

static void dump_init(Dump *d, const SrtAggTable *t, SrtMem *m)
{
    d->t = t;
    srt_buf_init(&d->keys, m);
    srt_buf_init(&d->vals, m);
    d->n = 0;
}

static void dump_free(Dump *d)
{
    srt_buf_free(&d->keys);
    srt_buf_free(&d->vals);
}

START_TEST(test_encode_restore)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *a = srt_agg_new(&mem, sizeof(TwoStr));
    ck_assert_int_eq(srt_agg_set_string_slots(a, two_str_slots, 2), 0);
    enum { N = 1000 };
    char key[32];
    for (int i = 0; i < N; i++) {
        two_key(i, key);
        two_fill(a, (TwoStr *)up(a, key), i);
    }
    static Dump da, db;
    dump_init(&da, a, &mem);
    ck_assert_int_eq(srt_agg_foreach(a, dump_visit, &da), 0);
    ck_assert_uint_eq(da.n, N);
    /* The layout: the state with its pointers zeroed, then the strings in slot order. */
    {
        const char *v = da.vals.p + da.val_len[0] + da.val_len[1]; /* group 2 */
        char want[256];
        TwoStr st;
        memcpy(&st, v, sizeof st);
        ck_assert_ptr_null(st.a);
        ck_assert_ptr_null(st.b);
        ck_assert_int_eq(st.x, 2);
        int n = two_a(2, want);
        ck_assert_uint_eq(st.a_len, (uint32_t)n);
        n += snprintf(want + n, sizeof want - (size_t)n, "b2");
        ck_assert_uint_eq(da.val_len[2], sizeof(TwoStr) + (uint32_t)n);
        ck_assert_int_eq(memcmp(v + sizeof(TwoStr), want, (size_t)n), 0);
    }

    SrtAggTable *b = srt_agg_new(&mem, sizeof(TwoStr));
    ck_assert_int_eq(srt_agg_set_string_slots(b, two_str_slots, 2), 0);
    SrtErr err = {0};
    size_t ko = 0, vo = 0;
    for (size_t i = 0; i < da.n; i++) {
        ck_assert_int_eq(srt_agg_restore(b, da.keys.p + ko, da.key_len[i],
                                         (const uint8_t *)da.vals.p + vo, da.val_len[i], &err),
                         0);
        ko += da.key_len[i];
        vo += da.val_len[i];
    }
    ck_assert_uint_eq(srt_agg_count(b), N);
    ck_assert_uint_eq(srt_agg_updated_count(b), 0); /* restore does not mark */
    for (int i = 0; i < N; i++) {
        two_key(i, key);
        two_check((const TwoStr *)look(b, key), i);
    }
    /* Encoding the restored table gives the same bytes, in the same order. */
    dump_init(&db, b, &mem);
    srt_agg_foreach(b, dump_visit, &db);
    ck_assert_uint_eq(db.n, da.n);
    ck_assert_uint_eq(db.keys.n, da.keys.n);
    ck_assert_uint_eq(db.vals.n, da.vals.n);
    ck_assert_int_eq(memcmp(db.keys.p, da.keys.p, da.keys.n), 0);
    ck_assert_int_eq(memcmp(db.vals.p, da.vals.p, da.vals.n), 0);

    /* Restoring onto an existing group replaces its state (group 5 gets 2's values). */
    const uint8_t *v2 = (const uint8_t *)da.vals.p + da.val_len[0] + da.val_len[1];
    ck_assert_int_eq(srt_agg_restore(b, "g00005", 6, v2, da.val_len[2], &err), 0);
    ck_assert_uint_eq(srt_agg_count(b), N);
    two_check((const TwoStr *)look(b, "g00005"), 2);
    /* The restored strings survive a compaction. */
    size_t removed;
    ck_assert_int_eq(srt_agg_remove_if(b, remove_x_mod4, NULL, &removed), 0);
    ck_assert_uint_eq(removed, N / 4);
    two_check((const TwoStr *)look(b, "g00005"), 2);
    for (int i = 6; i < N; i++) {
        two_key(i, key);
        if (i % 4)
            two_check((const TwoStr *)look(b, key), i);
    }

    /* Without string slots the encoding is the state itself. */
    SrtAggTable *c = srt_agg_new(&mem, sizeof(Counter));
    Counter cv = {3, 42};
    SrtBuf out;
    srt_buf_init(&out, &mem);
    srt_agg_encode_state(c, (const uint8_t *)&cv, &out);
    ck_assert_uint_eq(out.n, sizeof cv);
    ck_assert_int_eq(memcmp(out.p, &cv, sizeof cv), 0);
    ck_assert_int_eq(srt_agg_restore(c, "k", 1, (const uint8_t *)out.p, (uint32_t)out.n, &err), 0);
    const Counter *got = (const Counter *)look(c, "k");
    ck_assert_int_eq(got->count, 3);
    ck_assert_int_eq(got->sum, 42);
    srt_buf_free(&out);
    srt_agg_free(c);

    dump_free(&da);
    dump_free(&db);
    srt_agg_free(a);
    srt_agg_free(b);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

START_TEST(test_restore_malformed)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *t = srt_agg_new(&mem, sizeof(TwoStr));
    ck_assert_int_eq(srt_agg_set_string_slots(t, two_str_slots, 2), 0);
    uint8_t v[sizeof(TwoStr) + 8];
    TwoStr st = {.x = 1, .a_len = 5, .a_has = 1, .b_len = 3, .b_has = 1};
    memcpy(v, &st, sizeof st);
    memcpy(v + sizeof st, "hellobye", 8);
    SrtErr err = {0};
    /* too short for the state */
    ck_assert_int_eq(srt_agg_restore(t, "k", 1, v, sizeof(TwoStr) - 1, &err), -SRT_ERR_FORMAT);
    ck_assert_int_eq(err.code, SRT_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err.msg, "fewer than"));
    /* string lengths that do not add up: one byte missing, one extra */
    srt_err_clear(&err);
    ck_assert_int_eq(srt_agg_restore(t, "k", 1, v, sizeof v - 1, &err), -SRT_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err.msg, "string value"));
    uint8_t longer[sizeof v + 1];
    memcpy(longer, v, sizeof v);
    longer[sizeof v] = 'x';
    ck_assert_int_eq(srt_agg_restore(t, "k", 1, longer, sizeof longer, &err), -SRT_ERR_FORMAT);
    /* a huge length field */
    uint8_t huge[sizeof v];
    memcpy(huge, v, sizeof v);
    uint32_t big = 0xFFFFFFFFu;
    memcpy(huge + 16, &big, 4);
    ck_assert_int_eq(srt_agg_restore(t, "k", 1, huge, sizeof huge, &err), -SRT_ERR_FORMAT);
    ck_assert_uint_eq(srt_agg_count(t), 0);
    ck_assert_ptr_null(look(t, "k"));
    /* the well-formed bytes restore */
    ck_assert_int_eq(srt_agg_restore(t, "k", 1, v, sizeof v, &err), 0);
    const TwoStr *got = (const TwoStr *)look(t, "k");
    ck_assert_int_eq(memcmp(got->a, "hello", 5), 0);
    ck_assert_int_eq(memcmp(got->b, "bye", 3), 0);
    /* and a malformed replacement leaves the group as it was */
    ck_assert_int_eq(srt_agg_restore(t, "k", 1, huge, sizeof huge, &err), -SRT_ERR_FORMAT);
    got = (const TwoStr *)look(t, "k");
    ck_assert_uint_eq(got->a_len, 5);
    ck_assert_int_eq(memcmp(got->a, "hello", 5), 0);
    srt_agg_free(t);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* Group i's encoded TwoStr state (into v); its length. */
static uint32_t two_encoded(SrtAggTable *scratch, int i, SrtBuf *v)
{
    TwoStr st = {0};
    two_fill(scratch, &st, i);
    srt_buf_clear(v);
    srt_agg_encode_state(scratch, (const uint8_t *)&st, v);
    ck_assert(!v->oom);
    return (uint32_t)v->n;
}

static int count_visit(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    (void)key;
    (void)key_len;
    (void)state;
    ++*(size_t *)ctx;
    return 0;
}

/* Fail the Nth allocation of restores, removals and inserts: only -NOMEM, the table
   stays consistent, usable and freeable, nothing leaks. */
START_TEST(test_eviction_oom)
{
    SrtMem good;
    srt_mem_init(&good);
    SrtAggTable *scratch = srt_agg_new(&good, sizeof(TwoStr));
    ck_assert_int_eq(srt_agg_set_string_slots(scratch, two_str_slots, 2), 0);
    SrtBuf v;
    srt_buf_init(&v, &good);
    char key[32];
    int saw_success = 0;
    for (int64_t n = 0; n < 200 && !saw_success; n++) {
        SrtMem mem;
        srt_mem_init(&mem);
        SrtAggTable *t = srt_agg_new(&mem, sizeof(TwoStr));
        ck_assert_int_eq(srt_agg_set_string_slots(t, two_str_slots, 2), 0);
        for (int i = 0; i < 1500; i++) {
            two_key(i, key);
            two_fill(t, (TwoStr *)up(t, key), i);
        }
        mem.fail_after = n;
        SrtErr err = {0};
        int failed = 0, next = 1500;
        /* rounds of: restore 300 new groups, evict a quarter, insert 300 new groups */
        for (int round = 0; round < 4 && !failed; round++) {
            for (int k = 0; k < 300 && !failed; k++, next++) {
                two_key(next, key);
                uint32_t len = two_encoded(scratch, next, &v);
                int rc = srt_agg_restore(t, key, 6, (const uint8_t *)v.p, len, &err);
                if (rc < 0) {
                    ck_assert_int_eq(rc, -SRT_ERR_NOMEM);
                    ck_assert_int_eq(err.code, SRT_ERR_NOMEM);
                    ck_assert_ptr_null(look(t, key));
                    failed = 1;
                }
            }
            size_t removed;
            if (!failed)
                ck_assert_int_eq(srt_agg_remove_if(t, remove_x_mod4, NULL, &removed),
                                 0); /* never NOMEM */
            for (int k = 0; k < 300 && !failed; k++, next++) {
                int kn = two_key(next, key);
                uint8_t *st;
                int rc =
                    srt_agg_find_or_add(t, key, (uint32_t)kn, srt_hash(key, (uint32_t)kn), &st);
                if (rc < 0) {
                    ck_assert_int_eq(rc, -SRT_ERR_NOMEM);
                    ck_assert_ptr_null(look(t, key));
                    failed = 1;
                } else {
                    ((TwoStr *)st)->x = next; /* no strings: srt_agg_strdup would fail the query */
                }
            }
        }
        if (!failed)
            saw_success = 1;
        /* consistent: every attempted key is there with its values or absent */
        size_t found = 0, visited = 0;
        for (int i = 0; i < next; i++) {
            two_key(i, key);
            const TwoStr *st = (const TwoStr *)look(t, key);
            if (!st)
                continue;
            found++;
            ck_assert_int_eq(st->x, i);
            if (st->a_has)
                two_check(st, i);
        }
        ck_assert_uint_eq(found, srt_agg_count(t));
        srt_agg_foreach(t, count_visit, &visited);
        ck_assert_uint_eq(visited, found);
        ck_assert_uint_eq(srt_agg_bytes(t), mem.in_use);
        /* memory back: the table works on */
        mem.fail_after = -1;
        two_key(next, key);
        uint32_t len = two_encoded(scratch, next, &v);
        ck_assert_int_eq(srt_agg_restore(t, key, 6, (const uint8_t *)v.p, len, &err), 0);
        two_check((const TwoStr *)look(t, key), next);
        size_t removed;
        ck_assert_int_eq(srt_agg_remove_if(t, remove_all, NULL, &removed), 0);
        ck_assert_uint_eq(srt_agg_count(t), 0);
        srt_agg_free(t);
        ck_assert_uint_eq(mem.in_use, 0);
    }
    ck_assert(saw_success);

    /* set_string_slots without memory keeps the previous slots. */
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *t = srt_agg_new(&mem, sizeof(TwoStr));
    uint32_t one = 8;
    ck_assert_int_eq(srt_agg_set_string_slots(t, &one, 1), 0);
    mem.fail_after = 0;
    ck_assert_int_eq(srt_agg_set_string_slots(t, two_str_slots, 2), -SRT_ERR_NOMEM);
    mem.fail_after = -1;
    TwoStr st = {0};
    two_fill(scratch, &st, 2);
    srt_buf_clear(&v);
    srt_agg_encode_state(t, (const uint8_t *)&st, &v);
    ck_assert_uint_eq(v.n, sizeof(TwoStr) + st.a_len); /* only slot a is encoded */
    srt_agg_free(t);
    ck_assert_uint_eq(mem.in_use, 0);

    /* A removal with no memory at all still removes and compacts (in place). */
    srt_mem_init(&mem);
    t = srt_agg_new(&mem, sizeof(TwoStr));
    ck_assert_int_eq(srt_agg_set_string_slots(t, two_str_slots, 2), 0);
    for (int i = 0; i < 4000; i++) {
        two_key(i, key);
        two_fill(t, (TwoStr *)up(t, key), i);
    }
    mem.fail_after = 0;
    size_t removed;
    ck_assert_int_eq(srt_agg_remove_if(t, remove_x_mod4, NULL, &removed), 0);
    ck_assert_uint_eq(removed, 1000);
    for (int i = 0; i < 4000; i++) {
        two_key(i, key);
        const TwoStr *s2 = (const TwoStr *)look(t, key);
        if (i % 4 == 0)
            ck_assert_ptr_null(s2);
        else
            two_check(s2, i);
    }
    ck_assert_uint_eq(srt_agg_bytes(t), mem.in_use);
    mem.fail_after = -1;
    srt_agg_free(t);
    ck_assert_uint_eq(mem.in_use, 0);

    srt_buf_free(&v);
    srt_agg_free(scratch);
    ck_assert_uint_eq(good.in_use, 0);
}
END_TEST

/* SrtMergeFn of Counter states. */
static void add_counters(uint8_t *dst, const uint8_t *src, SrtQuery *q)
{
    (void)q;
    Counter *d = (Counter *)dst;
    const Counter *c = (const Counter *)src;
    d->count += c->count;
    d->sum += c->sum;
}

typedef struct Walk {
    char keys[2048][16];
    Counter st[2048];
    int n;
} Walk;

static int walk(void *ctx, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    Walk *w = ctx;
    ck_assert_int_lt(w->n, 2048);
    ck_assert_uint_lt(key_len, 16);
    memcpy(w->keys[w->n], key, key_len);
    w->keys[w->n][key_len] = '\0';
    w->st[w->n++] = *(Counter *)state;
    return 0;
}

static void walks_equal(const Walk *a, const Walk *b)
{
    ck_assert_int_eq(a->n, b->n);
    for (int i = 0; i < a->n; i++) {
        ck_assert_str_eq(a->keys[i], b->keys[i]);
        ck_assert_int_eq(a->st[i].count, b->st[i].count);
        ck_assert_int_eq(a->st[i].sum, b->st[i].sum);
    }
}

/* Rows cut into runs at random places, each run counted into one reused partial table
   (cleared after each fold) and folded into the state, give the state (groups, order,
   updated list) one table fed row by row gives, over several batches. */
START_TEST(test_merge_partials)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *one = srt_agg_new(&mem, sizeof(Counter));
    SrtAggTable *state = srt_agg_new(&mem, sizeof(Counter));
    SrtAggTable *part = srt_agg_new(&mem, sizeof(Counter));
    srand(11);
    for (int batch = 0; batch < 6; batch++) {
        srt_agg_begin_batch(one);
        srt_agg_begin_batch(state);
        int rows = 1 + rand() % 5000;
        int groups = batch % 2 ? 1500 : 40; /* many groups (index cleared whole) or few */
        int run = 0;
        for (int r = 0; r < rows; r++) {
            char buf[16];
            int n = snprintf(buf, sizeof buf, "g%d", (rand() % groups) * 37);
            int64_t v = rand() % 1000 - 500;
            Counter *c = (Counter *)srt_agg_upsert(one, buf, (uint32_t)n, srt_hash(buf, (uint32_t)n));
            c->count++;
            c->sum += v;
            c = (Counter *)srt_agg_upsert(part, buf, (uint32_t)n, srt_hash(buf, (uint32_t)n));
            c->count++;
            c->sum += v;
            if (++run == 1 + rand() % 700 || r == rows - 1) {
                static uint8_t *merged[5000];
                ck_assert_int_eq(srt_agg_merge_from(state, part, add_counters, merged), 0);
                MergedInto m = {state, merged, 0}; /* part's i-th group went to merged[i] */
                srt_agg_foreach(part, check_merged, &m);
                ck_assert_uint_eq(m.i, srt_agg_count(part));
                srt_agg_clear(part);
                ck_assert_uint_eq(srt_agg_count(part), 0);
                run = 0;
            }
        }
        static Walk a, b;
        a.n = b.n = 0;
        srt_agg_foreach(one, walk, &a);
        srt_agg_foreach(state, walk, &b);
        walks_equal(&a, &b);
        a.n = b.n = 0;
        srt_agg_foreach_updated(one, walk, &a);
        srt_agg_foreach_updated(state, walk, &b);
        walks_equal(&a, &b);
    }
    /* A cleared table finds nothing and starts a new insertion order. */
    ck_assert_ptr_null(srt_agg_lookup(part, "g0", 2, srt_hash("g0", 2)));
    touch(part, "zz");
    Seen s = {.n = 0};
    srt_agg_foreach(part, collect, &s);
    ck_assert_int_eq(s.n, 1);
    srt_agg_free(one);
    srt_agg_free(state);
    srt_agg_free(part);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* A STRING max kept in a state of 16 bytes: pointer at 0, length at 8, has at 12 (the
   generated layout); merged as generated code merges it (the greater of the two, src's
   pointer taken as it is). */
static void merge_max_str(uint8_t *dst, const uint8_t *src, SrtQuery *q)
{
    (void)q;
    const char *dp, *sp;
    uint32_t dn, sn, dh, sh;
    memcpy(&dp, dst, 8), memcpy(&dn, dst + 8, 4), memcpy(&dh, dst + 12, 4);
    memcpy(&sp, src, 8), memcpy(&sn, src + 8, 4), memcpy(&sh, src + 12, 4);
    if (sh && (!dh || srt_str_cmp(sp, sn, dp, dn) > 0)) {
        memcpy(dst, &sp, 8);
        memcpy(dst + 8, &sn, 4);
        dh = 1;
        memcpy(dst + 12, &dh, 4);
    }
}

static void put_max(SrtAggTable *t, const char *key, const char *v)
{
    uint8_t *st = srt_agg_upsert(t, key, (uint32_t)strlen(key), srt_hash(key, (uint32_t)strlen(key)));
    uint32_t n = (uint32_t)strlen(v), has = 1;
    const char *c = srt_agg_strdup(t, v, n);
    memcpy(st, &c, 8);
    memcpy(st + 8, &n, 4);
    memcpy(st + 12, &has, 4);
}

static const char *max_of(SrtAggTable *t, const char *key, uint32_t *n)
{
    const uint8_t *st = srt_agg_lookup(t, key, (uint32_t)strlen(key), srt_hash(key, (uint32_t)strlen(key)));
    ck_assert_ptr_nonnull(st);
    const char *p;
    memcpy(&p, st, 8);
    memcpy(n, st + 8, 4);
    return p;
}

/* A string a merge takes from a partial table is copied into the state's table: clearing
   and reusing the partial (its strings overwritten) leaves the state's strings intact. */
START_TEST(test_merge_strings)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *state = srt_agg_new(&mem, 16), *part = srt_agg_new(&mem, 16);
    const uint32_t slot = 0;
    ck_assert_int_eq(srt_agg_set_string_slots(state, &slot, 1), 0);
    ck_assert_int_eq(srt_agg_set_string_slots(part, &slot, 1), 0);
    put_max(state, "a", "mango");
    put_max(part, "a", "apple");  /* smaller: the state keeps its own */
    put_max(part, "b", "cherry"); /* new group: taken from the partial */
    ck_assert_int_eq(srt_agg_merge_from(state, part, merge_max_str, NULL), 0);
    srt_agg_clear(part);
    put_max(part, "a", "zebra"); /* greater: taken */
    put_max(part, "x", "a longer string than the others");
    ck_assert_int_eq(srt_agg_merge_from(state, part, merge_max_str, NULL), 0);
    srt_agg_clear(part);
    for (int i = 0; i < 50; i++) /* the partial's string memory written over */
        put_max(part, "junk", "################################");
    uint32_t n;
    const char *p = max_of(state, "a", &n);
    ck_assert_int_eq(n, 5);
    ck_assert_int_eq(memcmp(p, "zebra", 5), 0);
    p = max_of(state, "b", &n);
    ck_assert_int_eq(n, 6);
    ck_assert_int_eq(memcmp(p, "cherry", 6), 0);
    srt_agg_free(state);
    srt_agg_free(part);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* srt_agg_gen, what a generated loop's kept group cache holds by: unique among tables and
   never 0; kept by upserts (growth of the index included: states do not move) and a
   lookup; new at every batch, delete, restore, fold into the table, clear and removal. */
START_TEST(test_gen)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtAggTable *t = srt_agg_new(&mem, sizeof(Counter));
    SrtAggTable *u = srt_agg_new(&mem, sizeof(Counter));
    uint64_t g = srt_agg_gen(t);
    ck_assert(g != 0 && srt_agg_gen(u) != 0 && srt_agg_gen(u) != g);
    char buf[32];
    uint8_t *first = up(t, "first");
    for (int i = 0; i < 5000; i++) { /* the index grows from 16 slots */
        key_of(i, buf);
        up(t, buf);
    }
    ck_assert_ptr_eq(up(t, "first"), first);
    ck_assert_ptr_nonnull(look(t, "first"));
    ck_assert_uint_eq(srt_agg_gen(t), g);
    uint64_t seen[8];
    int n = 0;
    seen[n++] = g;
    srt_agg_begin_batch(t);
    seen[n++] = srt_agg_gen(t);
    ck_assert_int_eq(srt_agg_delete(t, "first", 5), 0);
    seen[n++] = srt_agg_gen(t);
    Counter c = {1, 2};
    SrtErr err;
    srt_err_clear(&err);
    ck_assert_int_eq(srt_agg_restore(t, "first", 5, (const uint8_t *)&c, sizeof c, &err), 0);
    seen[n++] = srt_agg_gen(t);
    up(u, "first");
    ck_assert_int_eq(srt_agg_merge_from(t, u, add_counters, NULL), 0);
    seen[n++] = srt_agg_gen(t);
    size_t removed;
    ck_assert_int_eq(srt_agg_remove_if(t, keep_all, NULL, &removed), 0);
    seen[n++] = srt_agg_gen(t);
    srt_agg_clear(u);
    seen[n++] = srt_agg_gen(u);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            ck_assert_msg(seen[i] != seen[j], "generations %d and %d equal", i, j);
    srt_agg_free(t);
    srt_agg_free(u);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

Suite *rt_agg_suite(void)
{
    Suite *s = suite_create("rt_agg");
    TCase *tc = tcase_create("table");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_hash);
    tcase_add_test(tc, test_key_copy);
    tcase_add_test(tc, test_upsert_many);
    tcase_add_test(tc, test_key_shapes);
    tcase_add_test(tc, test_updated_and_order);
    tcase_add_test(tc, test_foreach_stop);
    tcase_add_test(tc, test_oom_sweep);
    tcase_add_test(tc, test_arena);
    tcase_add_test(tc, test_merge_partials);
    tcase_add_test(tc, test_merge_strings);
    tcase_add_test(tc, test_gen);
    suite_add_tcase(s, tc);
    TCase *ev = tcase_create("eviction");
    tcase_set_timeout(ev, 120);
    tcase_add_test(ev, test_remove_half);
    tcase_add_test(ev, test_remove_few_then_compact);
    tcase_add_test(ev, test_steady_state);
    tcase_add_test(ev, test_delete);
    tcase_add_test(ev, test_random_model);
    tcase_add_test(ev, test_remove_if_error);
    tcase_add_test(ev, test_string_slots);
    tcase_add_test(ev, test_encode_restore);
    tcase_add_test(ev, test_restore_malformed);
    tcase_add_test(ev, test_eviction_oom);
    suite_add_tcase(s, ev);
    return s;
}
