/* srt_sink_console.c - the console sink: each batch as Spark's ConsoleWrite prints it,
** a "Batch: N" banner between 43-dash lines, then show(numRows, truncate) of all its
** rows, then a blank line; written in one piece and flushed per batch.  A batch query's
** result is the show() output alone.
*/
#include <errno.h>
#include <string.h>

#include "srt_int.h"

typedef struct Console {
    int64_t num_rows; /* numRows, default 20 */
    int truncate;     /* 20 when truncate=true, else 0 */
    SrtBuf buf;       /* the batch's text */
} Console;

static int console_open(SrtSink *k, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    SRT_UNUSED(schema);
    Console *c = srt_mem_calloc(k->mem, sizeof *c);
    if (!c)
        return srt_err_nomem(err, "console sink");
    k->impl = c;
    srt_buf_init(&c->buf, k->mem);
    int trunc = 0;
    int rc = srt_opts_int(opts, "numRows", INT32_MIN, &c->num_rows, err);
    if (rc < 0)
        return rc;
    if ((rc = srt_opts_bool(opts, "truncate", &trunc, err)) < 0)
        return rc;
    c->truncate = trunc ? 20 : 0;
    return 0;
}

static int console_write(SrtSink *k, int64_t batch_id, SrtDatum *const *rows, size_t n_rows,
                         const SrtSchema *schema, SrtErr *err)
{
    Console *c = k->impl;
    static const char dashes[] = "-------------------------------------------\n";
    srt_buf_clear(&c->buf);
    if (!k->batch) { /* a batch query's result is Dataset.show() alone */
        srt_buf_puts(&c->buf, dashes);
        srt_buf_printf(&c->buf, "Batch: %lld\n", (long long)batch_id);
        srt_buf_puts(&c->buf, dashes);
    }
    srt_show_table(schema, rows, n_rows, c->num_rows, c->truncate, &c->buf);
    srt_buf_putc(&c->buf, '\n');
    if (c->buf.oom)
        return srt_err_nomem(err, "console output");
    if (fwrite(c->buf.p, 1, c->buf.n, k->out) != c->buf.n || fflush(k->out) != 0)
        return srt_err_set(err, SRT_ERR_IO, "console sink: cannot write to standard output: %s",
                           strerror(errno));
    /* Keep a big buffer from one large batch from pinning memory forever. */
    if (c->buf.cap > ((size_t)4 << 20))
        srt_buf_free(&c->buf);
    return 0;
}

static void console_close(SrtSink *k)
{
    Console *c = k->impl;
    if (!c)
        return;
    srt_buf_free(&c->buf);
    srt_mem_free(k->mem, c, sizeof *c);
    k->impl = NULL;
}

static void console_describe(SrtSink *k, SrtBuf *out)
{
    SRT_UNUSED(k);
    srt_buf_puts(out, "org.apache.spark.sql.execution.streaming.ConsoleTable$");
}

const SrtSinkVt srt_sink_console_vt = {
    .connector = "console",
    .open = console_open,
    .write = console_write,
    .close = console_close,
    .describe = console_describe,
};
