/* cm_files.h - which files of a directory a files source reads, and in what order: the
** one rule schema inference (compiler) and the files source (runtime) both follow.
*/
#ifndef CM_FILES_H
#define CM_FILES_H

#include <stdbool.h>
#include <stdint.h>

/* Whether a directory entry is a data file: Spark's InMemoryFileIndex skips names that
   start with '.' or '_' (hidden files, _spark_metadata, _SUCCESS); the caller also keeps
   only regular files. */
bool cm_file_listed(const char *name);

/* The order files are taken in: oldest modification time first, then by name in byte
   order (latestFirst reverses it). Negative, zero or positive, as for qsort. */
int cm_file_order(int64_t a_mtime_ns, const char *a_name, int64_t b_mtime_ns,
                  const char *b_name, bool latest_first);

#endif
