/* srt_uuid.c - uuid(): a random version 4 UUID per call, as Spark's Uuid prints it.
**
** Spark's Uuid (misc.scala) draws two longs from an XORShiftRandom seeded per partition and
** prints java.util.UUID of them with the version set to 4 and the variant to 2 (RFC 4122):
** 36 lower-case characters, 8-4-4-4-12.  The values are random, so no run gives Spark's; here
** each thread draws from its own xorshift128+ generator, seeded once from getrandom(2).
*/
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "srt_int.h"

static _Thread_local uint64_t rng_s[2];
static _Thread_local int rng_seeded;

static void rng_seed(void)
{
    uint64_t s[2] = {0, 0};
    if (getrandom(s, sizeof s, 0) != (ssize_t)sizeof s) { /* no entropy source: time and pid */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        s[0] = (uint64_t)ts.tv_nsec * 0x9E3779B97F4A7C15ull ^ (uint64_t)ts.tv_sec;
        s[1] = (uint64_t)getpid() * 0xBF58476D1CE4E5B9ull ^ (uint64_t)(uintptr_t)&rng_s;
    }
    rng_s[0] = s[0] | 1u; /* never both zero */
    rng_s[1] = s[1];
    rng_seeded = 1;
}

static uint64_t rng_next(void)
{
    if (!rng_seeded)
        rng_seed();
    uint64_t x = rng_s[0], y = rng_s[1];
    rng_s[0] = y;
    x ^= x << 23;
    rng_s[1] = x ^ y ^ (x >> 17) ^ (y >> 26);
    return rng_s[1] + y;
}

void srt_uuid(SrtQuery *q, const char **out, uint32_t *out_n)
{
    static const char digits[] = "0123456789abcdef";
    uint64_t hi = (rng_next() & ~0xF000ull) | 0x4000ull;                         /* version 4 */
    uint64_t lo = (rng_next() | 0x8000000000000000ull) & ~0x4000000000000000ull; /* variant 2 */
    char *o = srt_scratch_alloc(q, 37);
    int k = 0;
    for (int i = 0; i < 32; i++) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            o[k++] = '-';
        uint64_t w = i < 16 ? hi : lo;
        o[k++] = digits[(w >> (60 - 4 * (i % 16))) & 15];
    }
    o[k] = '\0';
    *out = o;
    *out_n = 36;
}
