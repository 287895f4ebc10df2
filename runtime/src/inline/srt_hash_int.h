/* srt_hash_int.h - srt_hash's body, for srt_hash.c and for srt_agg_upsert_key (srt_agg_hit.c),
** which hashes a key and looks it up in one call (the algorithm: srt_hash.c).
*/
#ifndef SRT_HASH_INT_H
#define SRT_HASH_INT_H

#include <stdint.h>
#include <string.h>

#include "srt_load.h"

#define H_K0 0x9e3779b97f4a7c15ull
#define H_K1 0xd6e8feb86659fd93ull
#define H_K2 0xa0761d6478bd642full
#define H_K3 0xe7037ed1a0b428dbull

static inline uint64_t h_fold(uint64_t a, uint64_t b)
{
    unsigned __int128 r = (unsigned __int128)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static inline uint64_t srt_hash_body(const void *key, uint32_t n)
{
    const uint8_t *p = key;
    uint64_t seed = H_K0 ^ ((uint64_t)n * H_K3);
    uint64_t a, b;
    if (n <= 16) {
        if (n >= 8) {
            a = srt_load64(p);
            b = srt_load64(p + n - 8);
        } else if (n >= 4) {
            a = srt_load32(p);
            b = srt_load32(p + n - 4);
        } else if (n > 0) {
            a = ((uint64_t)p[0] << 16) | ((uint64_t)p[n >> 1] << 8) | p[n - 1];
            b = 0;
        } else {
            a = b = 0;
        }
    } else {
        uint32_t i = n;
        uint64_t s1 = seed, s2 = seed ^ H_K2;
        while (i > 32) {
            s1 = h_fold(srt_load64(p) ^ H_K1, srt_load64(p + 8) ^ s1);
            s2 = h_fold(srt_load64(p + 16) ^ H_K2, srt_load64(p + 24) ^ s2);
            p += 32;
            i -= 32;
        }
        if (i > 16) {
            s1 = h_fold(srt_load64(p) ^ H_K1, srt_load64(p + 8) ^ s1);
            p += 16;
            i -= 16;
        }
        seed = s1 ^ s2;
        /* The last 16 bytes of the key (overlapping what was mixed already). */
        a = srt_load64(p + i - 16);
        b = srt_load64(p + i - 8);
    }
    return h_fold(H_K1 ^ n, h_fold(a ^ H_K1, b ^ seed ^ H_K2));
}

#endif
