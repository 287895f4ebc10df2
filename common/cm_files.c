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

size_t cm_lines_sep(char *p, size_t n, bool at_end, unsigned char sep, bool *bad)
{
    *bad = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == sep) {
            p[i] = '\n';
        } else if (c == '\n') {
            *bad = true;
            return i;
        } else if (c == '\r') {
            if (i + 1 == n && !at_end)
                return i;
            if (i + 1 == n || (unsigned char)p[i + 1] == sep) {
                *bad = true;
                return i;
            }
        }
    }
    return n;
}
