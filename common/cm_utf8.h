/* cm_utf8.h - the UTF-8 steps the compiler and the runtime share: a code point's length from
** its lead byte, as Spark's UTF8String counts it, the encoding of a code point, and a lenient
** decoding step (LIKE patterns, in cm_like.h, and the runtime's text functions).  Static
** inline: the runtime's helpers using them are inlined into generated code.
**
** Not Java's decoder: an invalid byte here is a code point of its own (UTF8String's view),
** where String(byte[], UTF_8) would give U+FFFD (the runtime's srt_utf8_decode does that).
*/
#ifndef CM_UTF8_H
#define CM_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Bytes of the code point whose lead byte is c: UTF8String.numBytesForFirstByte, where a
   continuation byte or an invalid lead byte (0xF8..0xFF) counts as one. */
static inline uint32_t cm_utf8_lead_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
}

/* Code point cp (< 0x110000) as UTF-8 into o (4 bytes of room); returns its length. */
static inline uint32_t cm_utf8_put(uint32_t cp, char *o)
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

/* The code point at s[*i] (within n), *i moved past it.  An invalid or truncated sequence
   reads as its first byte, a code point of its own. */
static inline uint32_t cm_utf8_next(const char *s, size_t n, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = u[*i];
    size_t len = cm_utf8_lead_len(u[*i]);
    if (len == 1 || *i + len > n) {
        (*i)++;
        return c;
    }
    uint32_t v = c & (0x3Fu >> (len - 1));
    for (size_t k = 1; k < len; k++) {
        if ((u[*i + k] & 0xC0) != 0x80) {
            (*i)++;
            return c;
        }
        v = v << 6 | (u[*i + k] & 0x3Fu);
    }
    *i += len;
    return v;
}

#endif
