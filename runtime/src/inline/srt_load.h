/* srt_load.h - loads of 8 and 4 bytes at any alignment (the machine's byte order), for the
** hashes (srt_hash_int.h, srt_xxh64.c) and the state tables that pack records in bytes.
*/
#ifndef SRT_LOAD_H
#define SRT_LOAD_H

#include <stdint.h>
#include <string.h>

static inline uint64_t srt_load64(const void *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static inline uint32_t srt_load32(const void *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

#endif
