/* cm_files.h - which files of a directory a files source reads, and in what order: the
** one rule schema inference (compiler) and the files source (runtime) both follow, and
** where a line of a file ends.
*/
#ifndef CM_FILES_H
#define CM_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether a directory entry is a data file: Spark's InMemoryFileIndex skips names that
   start with '.' or '_' (hidden files, _spark_metadata, _SUCCESS); the caller also keeps
   only regular files. */
bool cm_file_listed(const char *name);

/* The order files are taken in: oldest modification time first, then by name in byte
   order (latestFirst reverses it). Negative, zero or positive, as for qsort. */
int cm_file_order(int64_t a_mtime_ns, const char *a_name, int64_t b_mtime_ns,
                  const char *b_name, bool latest_first);

/* Where a line ends, as Spark reads the lines of a text, JSON or CSV file (without the
   lineSep option): HadoopFileLinesReader makes a LineRecordReader without a delimiter, whose
   LineReader.readDefaultLine ends a line at "\n", at "\r\n" and at a "\r" not followed by
   "\n" (also at the end of the file).  CSV reads the same lines (TextInputCSVDataSource.readFile)
   and univocity parses each alone, so no line separator of univocity's is involved.
   The readers split at '\n' and drop a '\r' just before it, so each "\r" of p[0, n) that
   ends a line alone is rewritten to '\n', in place (the length, and so every byte offset,
   stays).  A '\r' in the last byte is left for the bytes after it unless at_end: the
   number of bytes settled (n, or n - 1 then) is returned. */
size_t cm_lines_lf(char *p, size_t n, bool at_end);

#endif
