/* srt_murmur3.c - Spark's Murmur3 hash of values, for hash() (inline helpers).
**
** The hash is Spark's Murmur3_x86_32 (common/unsafe/.../hash/Murmur3_x86_32.java): hashInt
** for 4-byte values, hashLong for 8-byte ones (low word first), and for byte strings the
** legacy hashUnsafeBytes that Murmur3HashFunction uses (hash.scala): whole 4-byte words read
** little-endian, then each remaining byte sign-extended and mixed as a word of its own (not
** the standard tail, which hashUnsafeBytes2 has).  How a value of each type is hashed is
** InterpretedHashFunction.hash, the same as xxhash64's (srt_xxh64.c): DOUBLE as the long of
** its bits with -0.0 as 0 and every NaN as Java's canonical NaN, a DECIMAL of more than 18
** digits as the bytes of its unscaled BigInteger (srt_sparkhash.h).
*/
#include <string.h>

#include "srt_abi.h"
#include "srt_sparkhash.h"

static inline uint32_t m3_rotl(uint32_t x, int r)
{
    return (x << r) | (x >> (32 - r));
}

static inline uint32_t m3_mix_k1(uint32_t k1)
{
    k1 *= 0xcc9e2d51u;
    k1 = m3_rotl(k1, 15);
    return k1 * 0x1b873593u;
}

static inline uint32_t m3_mix_h1(uint32_t h1, uint32_t k1)
{
    h1 ^= k1;
    h1 = m3_rotl(h1, 13);
    return h1 * 5u + 0xe6546b64u;
}

static inline int32_t m3_fmix(uint32_t h1, uint32_t len)
{
    h1 ^= len;
    h1 ^= h1 >> 16;
    h1 *= 0x85ebca6bu;
    h1 ^= h1 >> 13;
    h1 *= 0xc2b2ae35u;
    h1 ^= h1 >> 16;
    return (int32_t)h1;
}

int32_t srt_m3_i32(int32_t v, int32_t seed)
{
    return m3_fmix(m3_mix_h1((uint32_t)seed, m3_mix_k1((uint32_t)v)), 4);
}

int32_t srt_m3_i64(int64_t v, int32_t seed)
{
    uint64_t u = (uint64_t)v;
    uint32_t h1 = m3_mix_h1((uint32_t)seed, m3_mix_k1((uint32_t)u));
    h1 = m3_mix_h1(h1, m3_mix_k1((uint32_t)(u >> 32)));
    return m3_fmix(h1, 8);
}

int32_t srt_m3_f64(double v, int32_t seed)
{
    return srt_m3_i64(srt_java_double_bits(v), seed);
}

int32_t srt_m3_bytes(const void *data, uint32_t n, int32_t seed)
{
    const uint8_t *p = data;
    uint32_t aligned = n - n % 4;
    uint32_t h1 = (uint32_t)seed;
    for (uint32_t i = 0; i < aligned; i += 4) {
        uint32_t w;
        memcpy(&w, p + i, 4);
        h1 = m3_mix_h1(h1, m3_mix_k1(w));
    }
    for (uint32_t i = aligned; i < n; i++) /* Platform.getByte: a signed byte */
        h1 = m3_mix_h1(h1, m3_mix_k1((uint32_t)(int32_t)(int8_t)p[i]));
    return m3_fmix(h1, n);
}

int32_t srt_m3_dec(srt_i128 v, int32_t seed)
{
    uint8_t be[16];
    uint32_t k = srt_javabig_bytes(v, be);
    return srt_m3_bytes(be + k, 16 - k, seed);
}
