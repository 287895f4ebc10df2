/* cm_files.c - the listing rule and order of a files source's directory (cm_files.h). */
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
