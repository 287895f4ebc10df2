/* check_rt_agg.c - the group table: upsert/lookup over many keys, growth with stable
** state addresses, updated-in-batch tracking, insertion order, memory accounting, a
** fail-after-N allocation sweep; plus the hash and the bump arena it relies on.
*/
#include <check.h>
#include <stdio.h>
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
        ck_assert_msg(buckets[i] > N / BUCKETS / 2 && buckets[i] < N / BUCKETS * 2, "bucket %d: %d", i,
                      buckets[i]);
    for (int i = 1; i < N; i++)
        for (int j = i - 1; j >= 0 && j > i - 50; j--)
            ck_assert(hs[i] != hs[j]);
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
    /* Touched out of insertion order plus one new key: reported in insertion order. */
    touch(t, "kiwi");
    touch(t, "plum");
    touch(t, "apple");
    touch(t, "kiwi");
    ck_assert_uint_eq(srt_agg_updated_count(t), 3);
    s.n = 0;
    srt_agg_foreach_updated(t, collect, &s);
    ck_assert_int_eq(s.n, 3);
    ck_assert_str_eq(s.keys[0], "apple");
    ck_assert_str_eq(s.keys[1], "kiwi");
    ck_assert_str_eq(s.keys[2], "plum");
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
            int64_t *st = (int64_t *)srt_agg_lookup(t, buf, (uint32_t)len, srt_hash(buf, (uint32_t)len));
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
            ck_assert_int_eq(srt_agg_find_or_add(t, buf, (uint32_t)len, srt_hash(buf, (uint32_t)len), &st), 0);
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

Suite *rt_agg_suite(void)
{
    Suite *s = suite_create("rt_agg");
    TCase *tc = tcase_create("table");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_hash);
    tcase_add_test(tc, test_upsert_many);
    tcase_add_test(tc, test_key_shapes);
    tcase_add_test(tc, test_updated_and_order);
    tcase_add_test(tc, test_foreach_stop);
    tcase_add_test(tc, test_oom_sweep);
    tcase_add_test(tc, test_arena);
    suite_add_tcase(s, tc);
    return s;
}
