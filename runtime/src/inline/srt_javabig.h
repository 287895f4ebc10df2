/* srt_javabig.h - a DECIMAL's unscaled value as Java's BigInteger.toByteArray gives it.
**
** Spark hashes a Decimal wider than Decimal.MAX_LONG_DIGITS (18) as the bytes of
** d.toJavaBigDecimal.unscaledValue().toByteArray (InterpretedHashFunction.hash in
** hash.scala): the shortest big-endian two's complement of the value, at least one byte
** (0 is {0}).  Shared by the xxHash64 and Murmur3 helpers.
*/
#ifndef SRT_JAVABIG_H
#define SRT_JAVABIG_H

#include <stdint.h>

#include "srt_abi.h"

/* Writes the 16 big-endian bytes of v into be; returns where toByteArray's bytes start. */
static inline uint32_t srt_javabig_bytes(srt_i128 v, uint8_t be[16])
{
    unsigned __int128 u = (unsigned __int128)v;
    for (int i = 15; i >= 0; i--) {
        be[i] = (uint8_t)u;
        u >>= 8;
    }
    uint32_t k = 0; /* leading bytes that only repeat the sign of the next one */
    while (k < 15 && ((be[k] == 0x00 && !(be[k + 1] & 0x80)) || (be[k] == 0xFF && (be[k + 1] & 0x80))))
        k++;
    return k;
}

#endif
