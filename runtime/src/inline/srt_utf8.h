/* srt_utf8.h - UTF-8 steps every runtime text function shares: a code point's length from its
** lead byte, as Spark's UTF8String counts it, and the encoding of a code point.
*/
#ifndef SRT_UTF8_H
#define SRT_UTF8_H

#include <stdint.h>

/* Bytes of the code point whose lead byte is c: UTF8String.numBytesForFirstByte, where a
   continuation byte or an invalid lead byte (0xF8..0xFF) counts as one. */
static inline uint32_t srt_utf8_lead_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
}

/* Code point cp (< 0x110000) as UTF-8 into o (4 bytes of room); returns its length. */
static inline uint32_t srt_utf8_put(uint32_t cp, char *o)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

#endif
