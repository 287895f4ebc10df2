/* srt_hash.c - srt_hash: a fast 64-bit hash for group keys, and srt_key_copy (inline helpers).
**
** Multiply-fold mixing: each step multiplies two 64-bit words into 128 bits and
** xors the halves.  Keys up to 16 bytes are read as two (possibly overlapping)
** words, so short keys cost two loads and three multiplies.  Never reads outside
** [p, p+n).
*/
#include <string.h>

#include "srt_abi.h"
#include "srt_hash_int.h"

uint64_t srt_hash(const void *key, uint32_t n)
{
    return srt_hash_body(key, n);
}

void srt_key_copy(void *dst, const void *src, uint64_t n)
{
    uint8_t *d = dst;
    const uint8_t *p = src;
    if (n > 16) {
        memcpy(d, p, n);
    } else if (n >= 8) {
        uint64_t a = srt_load64(p), b = srt_load64(p + n - 8);
        memcpy(d, &a, 8);
        memcpy(d + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, p, 4);
        memcpy(&b, p + n - 4, 4);
        memcpy(d, &a, 4);
        memcpy(d + n - 4, &b, 4);
    } else if (n > 0) {
        uint8_t a = p[0], m = p[n >> 1], z = p[n - 1];
        d[0] = a;
        d[n >> 1] = m;
        d[n - 1] = z;
    }
}
