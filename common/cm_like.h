/* cm_like.h - what a LIKE pattern may hold, as Spark's StringUtils.escapeLikeRegex reads it:
** the one rule the compiler (a constant pattern is refused before the query runs) and the
** runtime's matcher (srt_like, a pattern from the data fails the batch) follow.  Static
** inline: the matcher is inlined into generated code.
**
** A pattern is read by code points.  The escape character (ESCAPE 'c', '\' without one) makes
** the next code point literal, which must be '_', '%' or the escape character itself; any
** other one after it, or an escape character at the end, is an invalid pattern.  '_' matches
** one code point, '%' any run of them, anything else itself.
*/
#ifndef CM_LIKE_H
#define CM_LIKE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The code point at s[*i] (within n), *i moved past it.  An invalid or truncated sequence
   reads as its first byte, a code point of its own. */
static inline uint32_t cm_like_next(const char *s, size_t n, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = u[*i];
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
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

/* c as UTF-8 into out (room for 4); the number of bytes. */
static inline size_t cm_like_put_utf8(char *out, uint32_t c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | c >> 6);
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | c >> 12);
        out[1] = (char)(0x80 | (c >> 6 & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | c >> 18);
    out[1] = (char)(0x80 | (c >> 12 & 0x3F));
    out[2] = (char)(0x80 | (c >> 6 & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* s (n bytes) as a SQL string literal at *at of out (cap bytes, kept terminated): quoted, with
   backslashes and quotes escaped, as Spark's Literal.sql prints a STRING. */
static inline void cm_like_put_sql(char *out, size_t cap, size_t *at, const char *s, size_t n)
{
    for (size_t i = 0; i <= n + 1 && *at + 3 < cap; i++) {
        char c = i == 0 || i == n + 1 ? '\'' : s[i - 1];
        if (i > 0 && i <= n && (c == '\\' || c == '\''))
            out[(*at)++] = '\\';
        out[(*at)++] = c;
    }
    out[*at] = '\0';
}

/* 0 if pattern p (n bytes) is valid with escape esc; else -1 with Spark's message in msg
   (cap > 0 bytes): INVALID_FORMAT.ESC_IN_THE_MIDDLE / ESC_AT_THE_END, as
   QueryCompilationErrors.escapeCharacterInTheMiddleError / escapeCharacterAtTheEndError
   word them, the pattern and the character as SQL strings. */
static inline int cm_like_check(const char *p, size_t n, uint32_t esc, char *msg, size_t cap)
{
    size_t i = 0;
    while (i < n) {
        if (cm_like_next(p, n, &i) != esc)
            continue;
        size_t at = i, len = 0;
        if (i < n) {
            uint32_t c = cm_like_next(p, n, &i);
            if (c == '_' || c == '%' || c == esc)
                continue;
            len = i - at;
        }
        size_t k = (size_t)snprintf(msg, cap, "The format is invalid: ");
        k = k < cap ? k : cap - 1;
        cm_like_put_sql(msg, cap, &k, p, n);
        if (at == n) {
            snprintf(msg + k, cap - k, ". The escape character is not allowed to end with.");
        } else {
            int w = snprintf(msg + k, cap - k, ". The escape character is not allowed to precede ");
            k += w > 0 && (size_t)w < cap - k ? (size_t)w : 0;
            cm_like_put_sql(msg, cap, &k, p + at, len);
            if (k + 1 < cap) {
                msg[k++] = '.';
                msg[k] = '\0';
            }
        }
        return -1;
    }
    return 0;
}

#endif
