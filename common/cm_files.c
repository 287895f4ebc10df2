/* cm_files.c - the listing rule and order of a files source's directory, and where a line
** of a file ends (cm_files.h). */
#include "common/cm_files.h"

#include <string.h>

bool cm_file_listed(const char *name)
{
    return name[0] != '.' && name[0] != '_';
}

int cm_file_order(int64_t a_mtime_ns, const char *a_name, int64_t b_mtime_ns,
                  const char *b_name, bool latest_first)
{
    int c;
    if (a_mtime_ns != b_mtime_ns)
        c = a_mtime_ns < b_mtime_ns ? -1 : 1;
    else
        c = strcmp(a_name, b_name);
    return latest_first ? -c : c;
}

size_t cm_lines_lf(char *p, size_t n, bool at_end)
{
    /* memchr: a file without '\r' costs one vectorised pass, a "\r\n" file one call per line */
    char *r = p, *e = p + n;
    while ((r = memchr(r, '\r', (size_t)(e - r))) != NULL) {
        if (r + 1 == e) {
            if (!at_end)
                return n - 1;
            *r = '\n';
            break;
        }
        if (r[1] != '\n')
            *r = '\n';
        r++;
    }
    return n;
}

void cm_lines_whole(char *p, size_t n)
{
    for (char *e = p + n; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
        *p = '\r';
}

/* Whether p[0, n) starts with sep[0, k), when the bytes after p[n) may still complete it:
   1 a whole sep, 0 none, -1 a start that the next bytes decide. */
static int sep_at(const char *p, size_t n, const char *sep, size_t k)
{
    size_t m = n < k ? n : k;
    if (memcmp(p, sep, m) != 0)
        return 0;
    return m == k ? 1 : -1;
}

int cm_lines_swap(const char *sep, bool json, bool text)
{
    if (json || !sep || !sep[0])
        return -1;
    return !sep[1] ? (unsigned char)sep[0] : text ? CM_LINES_FF : -1;
}

/* cm_lines_sep with a sep of one byte that the readers take back (cm_lines_swap): each sep
   and each '\n' trade places, in place. */
static size_t lines_swap(char *p, size_t n, char sep, size_t *out)
{
    if (sep != '\n')
        for (size_t i = 0; i < n; i++)
            p[i] = p[i] == sep ? '\n' : p[i] == '\n' ? sep : p[i];
    *out = n;
    return n;
}

void cm_lines_unswap(char *p, size_t n, char sep)
{
    if (sep != '\n')
        for (char *e = p + n; (p = memchr(p, sep, (size_t)(e - p))) != NULL; p++)
            *p = '\n';
}

/* A byte of a file read with CM_SEP_SWAP and a sep of several bytes: a '\n' becomes
   CM_LINES_FF; *bad when the file (*seen, CM_SEEN_*) holds both a '\n' and a CM_LINES_FF. */
enum { CM_SEEN_LF = 1, CM_SEEN_FF = 2 };
static unsigned char swap_ff(unsigned char c, unsigned *seen, bool *bad)
{
    if (c != '\n' && c != CM_LINES_FF)
        return c;
    *seen |= c == '\n' ? CM_SEEN_LF : CM_SEEN_FF;
    *bad = *seen == (CM_SEEN_LF | CM_SEEN_FF);
    return CM_LINES_FF;
}

size_t cm_lines_sep(char *p, size_t n, bool at_end, const char *sep, size_t k, int lf, size_t *out,
                    bool *bad, unsigned *seen)
{
    *bad = false;
    if (lf == CM_SEP_SWAP && k == 1)
        return lines_swap(p, n, sep[0], out);
    bool json = lf == CM_SEP_JSON, ff = lf == CM_SEP_SWAP;
    size_t o = 0, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)p[i];
        int s = c == (unsigned char)sep[0] ? sep_at(p + i, n - i, sep, k) : 0;
        if (s == 1) {
            p[o++] = '\n';
            i += k;
            continue;
        }
        if (s < 0 && !at_end)
            break; /* the start of a sep, or data: the next bytes tell */
        if (ff) {
            c = swap_ff(c, seen, bad);
            if (*bad)
                break;
        } else if (c == '\n' && json) {
            c = '\r';
        } else if (c == '\n') {
            *bad = true;
            break;
        } else if (c == '\r' && !json) {
            int after = i + 1 < n ? sep_at(p + i + 1, n - i - 1, sep, k) : -1;
            if (after < 0 && !at_end)
                break;
            if (after == 1 || i + 1 == n) {
                *bad = true;
                break;
            }
        }
        p[o++] = (char)c;
        i++;
    }
    *out = o;
    return i;
}

int64_t cm_lines_sep_bytes(const char *p, size_t n, size_t k)
{
    int64_t seps = 0;
    if (k > 1)
        for (const char *e = p + n; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
            seps++;
    return (int64_t)n + seps * (int64_t)(k - 1);
}
