/* srt_input_file.c - input_file_name(): the file the current row was read from, as Spark names it.
**
** Spark 3.5's InputFileName gives FileScanRDD's current PartitionedFile path, its SparkPath's
** urlEncoded form: the listed file's qualified Hadoop Path as a URI string (Path.toUri.toString:
** makeQualified gives a local path the empty authority, so "file://" then the absolute path),
** with the characters java.net.URI's path may not hold percent-encoded (srt_fs_put_uri_path:
** a space as %20, '%' as %25) and other characters kept as they are, as the source log
** writes it.  A relative path option is resolved against the working directory, as Hadoop
** qualifies it, without following symbolic links.  Rows that do not come from a file (Kafka,
** rate, socket) get the empty string, Spark's value outside a file scan.  The URI of the
** last file is kept, so a file's rows share one string.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "srt_int.h"

/* Append the absolute, normalised form of path (resolved against the working directory):
   "." segments and empty ones dropped, ".." removing the segment before it (URI.normalize). */
static void put_absolute(SrtBuf *b, const char *path)
{
    SrtBuf full;
    srt_buf_init(&full, b->mem);
    if (path[0] != '/') {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd))
            srt_buf_puts(&full, cwd);
        srt_buf_putc(&full, '/');
    }
    srt_buf_puts(&full, path);
    const char *s = full.p ? full.p : "";
    size_t n = full.n, start = b->n;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == '/')
            i++;
        size_t j = i;
        while (j < n && s[j] != '/')
            j++;
        size_t len = j - i;
        if (len == 0 || (len == 1 && s[i] == '.')) {
            /* nothing */
        } else if (len == 2 && s[i] == '.' && s[i + 1] == '.') {
            while (b->n > start && b->p[b->n - 1] != '/')
                b->n--;
            if (b->n > start)
                b->n--; /* the '/' before the removed segment */
        } else {
            srt_buf_putc(b, '/');
            srt_buf_put(b, s + i, len);
        }
        i = j;
    }
    if (b->n == start)
        srt_buf_putc(b, '/');
    srt_buf_free(&full);
}

void srt_input_file_name(SrtQuery *q, const char **out, uint32_t *out_n)
{
    *out = "";
    *out_n = 0;
    if (!q->cur_what || !q->cur_at.file)
        return;
    if (!q->file_uri_what || strcmp(q->file_uri_what, q->cur_what) != 0) {
        if (!q->file_uri.mem)
            srt_buf_init(&q->file_uri, q->mem);
        srt_buf_clear(&q->file_uri);
        SrtBuf abs;
        srt_buf_init(&abs, q->mem);
        put_absolute(&abs, q->cur_what);
        srt_buf_puts(&q->file_uri, "file://");
        srt_fs_put_uri_path(&q->file_uri, abs.p ? abs.p : "", abs.n);
        srt_buf_free(&abs);
        srt_input_file_free_what(q);
        size_t wn = strlen(q->cur_what);
        if ((q->file_uri_what = srt_mem_alloc(q->mem, wn + 1)))
            memcpy(q->file_uri_what, q->cur_what, wn + 1);
        if (q->file_uri.oom || !q->file_uri_what)
            srt_query_fail(q, "input_file_name: out of memory");
    }
    *out = q->file_uri.p ? q->file_uri.p : "";
    *out_n = (uint32_t)q->file_uri.n;
}

void srt_input_file_free_what(SrtQuery *q)
{
    if (q->file_uri_what)
        srt_mem_free(q->mem, q->file_uri_what, strlen(q->file_uri_what) + 1);
    q->file_uri_what = NULL;
}

void srt_input_file_free(SrtQuery *q)
{
    srt_input_file_free_what(q);
    if (q->file_uri.mem)
        srt_buf_free(&q->file_uri);
}
