/* cm_swar.h - bytes of a 64-bit word tested at once (SIMD within a register), for scanners.
**
** cm_swar_eq(w, c) sets the high bit of each byte of w equal to c: the bytes of w ^ c*ONES
** that are zero, found as (x - ONES) & ~x.  A borrow only runs upwards, so the lowest flag is
** always a true match (a byte above one may be flagged falsely): on a little-endian load,
** __builtin_ctzll(mask) >> 3 is the index of the first match.  Masks of several bytes are
** or-ed before taking the lowest.
*/
#ifndef CM_SWAR_H
#define CM_SWAR_H

#include <stdint.h>

#define CM_SWAR_ONES 0x0101010101010101ull
#define CM_SWAR_HIGHS 0x8080808080808080ull

static inline uint64_t cm_swar_eq(uint64_t w, unsigned char c)
{
    uint64_t x = w ^ (CM_SWAR_ONES * c);
    return (x - CM_SWAR_ONES) & ~x & CM_SWAR_HIGHS;
}

#endif
