/* srt_sparkhash.h - how Spark's hash functions see a DOUBLE and a wide DECIMAL, shared by the
** xxHash64 and Murmur3 helpers (srt_xxh64.c, srt_murmur3.c).
**
** InterpretedHashFunction.hash (hash.scala) hashes a Double as the long of
** java.lang.Double.doubleToLongBits, -0.0 as 0.0 and every NaN as the canonical NaN; and a
** Decimal wider than Decimal.MAX_LONG_DIGITS (18) as the bytes of
** d.toJavaBigDecimal.unscaledValue().toByteArray: the shortest big-endian two's complement of
** the value, at least one byte (0 is {0}).
*/
#ifndef SRT_SPARKHASH_H
#define SRT_SPARKHASH_H

#include <stdint.h>
#include <string.h>

#include "srt_abi.h"

/* The bits Spark hashes for the double v. */
static inline int64_t srt_java_double_bits(double v)
{
    uint64_t bits;
    if (v == 0.0)
        bits = 0; /* 0.0 and -0.0 */
    else if (v != v)
        bits = 0x7ff8000000000000ull; /* Double.doubleToLongBits of any NaN */
    else
        memcpy(&bits, &v, 8);
    return (int64_t)bits;
}

/* Writes the 16 big-endian bytes of v into be; returns where toByteArray's bytes start. */
static inline uint32_t srt_javabig_bytes(srt_i128 v, uint8_t be[16])
{
    unsigned __int128 u = (unsigned __int128)v;
    for (int i = 15; i >= 0; i--) {
        be[i] = (uint8_t)u;
        u >>= 8;
    }
    uint32_t k = 0; /* leading bytes that only repeat the sign of the next one */
    while (k < 15 &&
           ((be[k] == 0x00 && !(be[k + 1] & 0x80)) || (be[k] == 0xFF && (be[k + 1] & 0x80))))
        k++;
    return k;
}

#endif
