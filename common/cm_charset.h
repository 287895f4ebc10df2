/* cm_charset.h - the charsets encode() and decode() know (Java's names and aliases), the one
** table the compiler (constant charsets) and the runtime (srt_strmore.c) share.
*/
#ifndef CM_CHARSET_H
#define CM_CHARSET_H

#include <stddef.h>
#include <string.h>
#include <strings.h>

enum { CM_CS_UTF8, CM_CS_ASCII, CM_CS_LATIN1, CM_CS_UTF16BE, CM_CS_UTF16LE, CM_CS_UTF16 };

/* The charset named s[0, n) (case-insensitive, as Java's Charset.forName), or -1. */
static inline int cm_charset_code(const char *s, size_t n)
{
    static const struct { const char *name; int code; } names[] = {
        {"UTF-8", CM_CS_UTF8},         {"UTF8", CM_CS_UTF8},          {"US-ASCII", CM_CS_ASCII},
        {"ASCII", CM_CS_ASCII},        {"ISO-8859-1", CM_CS_LATIN1},  {"ISO8859_1", CM_CS_LATIN1},
        {"ISO8859-1", CM_CS_LATIN1},   {"LATIN1", CM_CS_LATIN1},      {"UTF-16BE", CM_CS_UTF16BE},
        {"UTF_16BE", CM_CS_UTF16BE},   {"UTF-16LE", CM_CS_UTF16LE},   {"UTF_16LE", CM_CS_UTF16LE},
        {"UTF-16", CM_CS_UTF16},       {"UTF_16", CM_CS_UTF16},       {"UTF16", CM_CS_UTF16},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i].name) == n && strncasecmp(names[i].name, s, n) == 0)
            return names[i].code;
    return -1;
}

#endif
