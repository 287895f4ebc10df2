/* srt_xxh64.c - Spark's xxHash64 of values and the HLL++ register update (inline helpers).
**
** The hash is Spark's XXH64 (sql/catalyst/.../expressions/XXH64.java): hashInt for 4-byte
** values, hashLong for 8-byte ones, hashUnsafeBytes for byte strings, all reading memory
** little-endian.  How a value of each type is hashed is XxHash64Function
** (InterpretedHashFunction.hash in hash.scala): BOOLEAN as the int 0/1, INT and DATE (days)
** as ints, BIGINT and TIMESTAMP (µs) as longs, DOUBLE as the long of its bits with -0.0
** hashed as 0 and every NaN as Java's canonical NaN (doubleToLongBits), STRING as its
** UTF-8 bytes, a DECIMAL of at most 18 digits as the long of its unscaled value and a wider
** one as the bytes of BigInteger.toByteArray of it; a struct chains its fields through the
** seed, a NULL leaves the seed.
** srt_hll_add is the per-record part of HyperLogLogPlusPlusHelper.update.
*/
#include <string.h>

#include "srt_abi.h"
#include "srt_load.h"
#include "srt_sparkhash.h"

#define XXH_P1 0x9E3779B185EBCA87ull
#define XXH_P2 0xC2B2AE3D27D4EB4Full
#define XXH_P3 0x165667B19E3779F9ull
#define XXH_P4 0x85EBCA77C2B2AE63ull
#define XXH_P5 0x27D4EB2F165667C5ull

static inline uint64_t xxh_rotl(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

static inline uint64_t xxh_fmix(uint64_t h)
{
    h ^= h >> 33;
    h *= XXH_P2;
    h ^= h >> 29;
    h *= XXH_P3;
    h ^= h >> 32;
    return h;
}

static inline uint64_t xxh_round(uint64_t acc, uint64_t lane)
{
    acc += lane * XXH_P2;
    acc = xxh_rotl(acc, 31);
    return acc * XXH_P1;
}

static inline uint64_t xxh_merge(uint64_t h, uint64_t v)
{
    h ^= xxh_round(0, v);
    return h * XXH_P1 + XXH_P4;
}

uint64_t srt_xxh64_i32(int32_t v, uint64_t seed)
{
    uint64_t h = seed + XXH_P5 + 4u;
    h ^= (uint64_t)(uint32_t)v * XXH_P1;
    h = xxh_rotl(h, 23) * XXH_P2 + XXH_P3;
    return xxh_fmix(h);
}

uint64_t srt_xxh64_i64(int64_t v, uint64_t seed)
{
    uint64_t h = seed + XXH_P5 + 8u;
    h ^= xxh_rotl((uint64_t)v * XXH_P2, 31) * XXH_P1;
    h = xxh_rotl(h, 27) * XXH_P1 + XXH_P4;
    return xxh_fmix(h);
}

uint64_t srt_xxh64_f64(double v, uint64_t seed)
{
    return srt_xxh64_i64(srt_java_double_bits(v), seed);
}

uint64_t srt_xxh64_bytes(const void *data, uint32_t n, uint64_t seed)
{
    const uint8_t *p = data;
    uint64_t off = 0, h;
    if (n >= 32) {
        uint64_t v1 = seed + XXH_P1 + XXH_P2, v2 = seed + XXH_P2, v3 = seed, v4 = seed - XXH_P1;
        do {
            v1 = xxh_round(v1, srt_load64(p + off));
            v2 = xxh_round(v2, srt_load64(p + off + 8));
            v3 = xxh_round(v3, srt_load64(p + off + 16));
            v4 = xxh_round(v4, srt_load64(p + off + 24));
            off += 32;
        } while (off <= (uint64_t)n - 32);
        h = xxh_rotl(v1, 1) + xxh_rotl(v2, 7) + xxh_rotl(v3, 12) + xxh_rotl(v4, 18);
        h = xxh_merge(h, v1);
        h = xxh_merge(h, v2);
        h = xxh_merge(h, v3);
        h = xxh_merge(h, v4);
    } else {
        h = seed + XXH_P5;
    }
    h += n;
    while (off + 8 <= n) {
        h ^= xxh_round(0, srt_load64(p + off));
        h = xxh_rotl(h, 27) * XXH_P1 + XXH_P4;
        off += 8;
    }
    if (off + 4 <= n) {
        h ^= (uint64_t)srt_load32(p + off) * XXH_P1;
        h = xxh_rotl(h, 23) * XXH_P2 + XXH_P3;
        off += 4;
    }
    while (off < n) {
        h ^= p[off] * XXH_P5;
        h = xxh_rotl(h, 11) * XXH_P1;
        off++;
    }
    return xxh_fmix(h);
}

/* InterpretedHashFunction.hash of a Decimal whose precision exceeds Decimal.MAX_LONG_DIGITS:
   hashUnsafeBytes of its unscaled BigInteger's toByteArray (srt_sparkhash.h). */
uint64_t srt_xxh64_dec(srt_i128 v, uint64_t seed)
{
    uint8_t be[16];
    uint32_t k = srt_javabig_bytes(v, be);
    return srt_xxh64_bytes(be + k, 16 - k, seed);
}

void srt_hll_add(uint64_t *words, int32_t p, uint64_t x)
{
    uint32_t idx = (uint32_t)(x >> (64 - p));
    uint64_t w = (x << p) | (1ull << (p - 1));
    uint64_t pw = (uint64_t)__builtin_clzll(w) + 1u; /* w != 0: the padding bit is set */
    uint32_t wo = idx / 10u;
    uint32_t shift = 6u * (idx - wo * 10u);
    uint64_t mask = 63ull << shift;
    uint64_t word = words[wo];
    if (pw > ((word & mask) >> shift))
        words[wo] = (word & ~mask) | (pw << shift);
}
