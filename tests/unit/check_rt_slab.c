/* check_rt_slab.c - unit tests of the slab of FIFO allocations (srt_slab.c): allocations larger
 * than a chunk, an empty slab, every allocation released, give-backs and out of memory. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "srt_int.h"

/* Nothing allocated: sweep and free do nothing; the first allocation makes a chunk. */
START_TEST(test_empty)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSlab s;
    srt_slab_init(&s, &mem);
    srt_slab_sweep(&s);
    srt_slab_free(&s);
    ck_assert_uint_eq(mem.in_use, 0);
    ck_assert_uint_eq(s.bytes, 0);
    void *p = srt_slab_alloc(&s, 1);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq((uintptr_t)p % 8, 0);
    ck_assert_uint_gt(s.bytes, 0);
    srt_slab_free(&s);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* An allocation larger than a chunk gets a chunk of its own between the ordinary ones, and
   goes with its release like any other. */
START_TEST(test_larger_than_chunk)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSlab s;
    srt_slab_init(&s, &mem);
    const size_t big = (size_t)3 << 20; /* past the largest chunk (1 MiB) */
    uint8_t *a = srt_slab_alloc(&s, 100);
    uint8_t *b = srt_slab_alloc(&s, big);
    uint8_t *c = srt_slab_alloc(&s, 100);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_nonnull(c);
    memset(a, 1, 100);
    memset(b, 2, big);
    memset(c, 3, 100);
    ck_assert_uint_ge(s.bytes, big + ((size_t)64 << 10));
    /* released in order: b's chunk goes, a's (not the newest) too, c's stays as the newest */
    SrtSlabChunk *at = NULL;
    srt_slab_release(&s, &at, a, 100);
    srt_slab_release(&s, &at, b, big);
    srt_slab_sweep(&s);
    ck_assert_uint_lt(s.bytes, big);
    ck_assert_int_eq(c[99], 3);
    at = NULL;
    srt_slab_release(&s, &at, c, 100);
    srt_slab_sweep(&s);
    /* the newest chunk stays, bumped from its start again */
    uint8_t *d = srt_slab_alloc(&s, 100);
    ck_assert_ptr_eq(d, c);
    /* a large allocation given back at once (a row that could not be kept) */
    uint8_t *e = srt_slab_alloc(&s, big);
    ck_assert_ptr_nonnull(e);
    srt_slab_unalloc(&s, e, big);
    ck_assert_uint_eq(s.newest->live, 0);
    srt_slab_sweep(&s);
    srt_slab_free(&s);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* Many chunks' worth of allocations, all released: every chunk but the newest goes; then the
   slab fills again from that one. */
START_TEST(test_all_released)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSlab s;
    srt_slab_init(&s, &mem);
    enum { N = 40000 };
    static void *ps[N];
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < N; i++) {
            size_t n = 8 + (size_t)(i % 13) * 8;
            ps[i] = srt_slab_alloc(&s, n);
            ck_assert_ptr_nonnull(ps[i]);
            memset(ps[i], i & 0xff, n);
        }
        SrtSlabChunk *at = NULL;
        for (int i = 0; i < N; i++)
            srt_slab_release(&s, &at, ps[i], 8 + (size_t)(i % 13) * 8);
        srt_slab_sweep(&s);
        ck_assert_ptr_eq(s.oldest, s.newest);
        ck_assert_uint_eq(s.newest->live, 0);
    }
    srt_slab_free(&s);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

/* Out of memory: an allocation that needs a chunk fails with NULL, leaving the slab as it was;
   an absurd size fails without asking. */
START_TEST(test_out_of_memory)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtSlab s;
    srt_slab_init(&s, &mem);
    mem.fail_after = 0;
    ck_assert_ptr_null(srt_slab_alloc(&s, 16));
    ck_assert_ptr_null(s.newest);
    ck_assert_uint_eq(s.bytes, 0);
    mem.fail_after = 1;
    void *a = srt_slab_alloc(&s, 16);
    ck_assert_ptr_nonnull(a);
    size_t bytes = s.bytes;
    ck_assert_ptr_nonnull(srt_slab_alloc(&s, 16)); /* fits in the chunk: no allocation */
    ck_assert_ptr_null(srt_slab_alloc(&s, (size_t)1 << 20));
    ck_assert_uint_eq(s.bytes, bytes);
    mem.fail_after = -1;
    ck_assert_ptr_null(srt_slab_alloc(&s, SIZE_MAX - 4));
    srt_slab_free(&s);
    ck_assert_uint_eq(mem.in_use, 0);
}
END_TEST

Suite *rt_slab_suite(void)
{
    Suite *s = suite_create("rt_slab");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_empty);
    tcase_add_test(tc, test_larger_than_chunk);
    tcase_add_test(tc, test_all_released);
    tcase_add_test(tc, test_out_of_memory);
    suite_add_tcase(s, tc);
    return s;
}
