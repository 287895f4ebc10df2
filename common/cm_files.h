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

/* JSON with multiLine = true: the n bytes at p are part of one record, the whole file
   (Spark's MultiLineJsonDataSource): each '\n' is made a '\r', which Jackson reads alike and
   which ends no line for the readers (a lone '\r' is then never made a line end). */
void cm_lines_whole(char *p, size_t n);

/* Where a line ends with the lineSep option, the k bytes `sep` (k >= 1): HadoopFileLinesReader
   makes a LineRecordReader with that delimiter, whose LineReader.readCustomLine ends a line at
   the leftmost whole sep alone, searching again from the byte after the start of a partial
   match that fails ("\r" and "\n" are bytes of the line unless sep holds them).  p[0, n) is
   compacted in place: each sep becomes one '\n', so the readers split there as without the
   option; the compacted length goes to *out (a byte offset in the file is the compacted one
   plus k - 1 for each '\n' before it, cm_lines_sep_bytes).  The readers also end a line at
   every '\n' and drop a '\r' before a line end or the end of the file, which Spark does not
   with lineSep: a '\n' that is not part of a sep, and a '\r' just before a sep or ending the
   file (at_end), would be read differently, so *bad is set and the offset of the first such
   byte returned (the bytes before it compacted).  Otherwise *bad is false and the number of
   bytes settled returned: n, or less when !at_end and the last bytes are a '\r' or the start
   of a sep that the bytes after them decide.  json: the records are JSON, where Jackson reads
   '\n' and '\r' alike (whitespace between tokens, a control character refused inside a
   string): a '\n' becomes a '\r' and a '\r' before a sep or ending the file stays
   (whitespace the readers drop), never bad (lf CM_SEP_JSON); the corrupt-record column reads
   such a record's text again from the file (srt_json_sep_line).  swap: a sep that the readers
   take back (cm_lines_swap, lf CM_SEP_SWAP): of one byte, each sep and each '\n' trade places
   (length kept), never bad; of several (text), each '\n' becomes CM_LINES_FF and a '\r' stays,
   bad at the first byte that makes the file hold both a '\n' and a CM_LINES_FF (*seen: what
   the file's bytes before p held, 0 at its start, kept by the caller across calls). */
enum { CM_SEP_PLAIN, CM_SEP_JSON, CM_SEP_SWAP };
size_t cm_lines_sep(char *p, size_t n, bool at_end, const char *sep, size_t k, int lf, size_t *out,
                    bool *bad, unsigned *seen);

/* The byte a text record's '\n' becomes with a lineSep of several bytes (cm_lines_swap): 0xFF,
   never a byte of UTF-8. */
#define CM_LINES_FF 0xFF

/* Whether the records of a text or CSV file with the lineSep `sep` (NULL: not set) keep their
   '\n's and '\r's as Spark's do (LineReader.readCustomLine splits at sep alone, and
   TextFileFormat and UnivocityParser read those bytes as data): for a sep of one byte S (json:
   JSON, which keeps CM_SEP_JSON's rule) the source swaps S and '\n' (cm_lines_sep with
   CM_SEP_SWAP), so the readers split at '\n' as ever, and the readers make each S of a
   record's text a '\n' again, in place (cm_lines_unswap) and keep a '\r' before its end.
   For text (text: the format is text) with a sep of several bytes, S is CM_LINES_FF, which
   each '\n' of a record becomes.  Returns S, or -1 when the source does not swap. */
int cm_lines_swap(const char *sep, bool json, bool text);

/* The text p[0, n) of a record swapped with sep (cm_lines_swap) made the file's again: each
   sep a '\n' (idempotent: no sep is left in a swapped record). */
void cm_lines_unswap(char *p, size_t n, char sep);

/* The bytes of a file that the compacted p[0, n) (cm_lines_sep with a sep of k bytes) came
   from: n, plus k - 1 for each '\n' (a sep). */
int64_t cm_lines_sep_bytes(const char *p, size_t n, size_t k);

#endif
