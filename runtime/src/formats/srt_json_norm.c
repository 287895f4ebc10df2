/* srt_json_norm.c - JSON read with JSONOptions' parser switches.  A json files source: each
** buffer's records in their normal form (common/cm_json_opts.h), which the generated record
** parser reads as it reads strict JSON, and the way back to the lines as written, for the
** corrupt-record column and the position of a FAILFAST error.  from_json: the normal form of
** one string (srt_json_norm_text).  allowNonNumericNumbers = false: the DOUBLE and FLOAT
** readers that refuse strings (srt_json_f64_strict).  With Spark's defaults nothing here runs.
**
** The normal buffer has a line for each line of the one read (a blank line for a line with
** no value, CM_JSON_BAD_TEXT for a malformed one), so line numbers stay; each line's start
** in both is kept, in order.
**
** Also the corrupt-record text of a json source with multiLine = true: the file read again
** (srt_json_file_text), whatever the switches; with lineSep, a record's (srt_json_sep_line).
*/
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/cm_json_opts.h"
#include "srt_int.h"

static const char *opts_get(const void *opts, const char *key)
{
    return srt_opts_get(opts, key);
}

static unsigned input_flags(const SrtQuery *q)
{
    const SrtSourceDef *sd = &q->prog->sources[q->def->inputs[q->cur_in].source];
    const char *fmt = srt_opts_value(&sd->opts, "format");
    if (strcmp(sd->connector, "files") != 0 || !fmt || strcmp(fmt, "json") != 0)
        return 0;
    return cm_json_opt_flags(opts_get, &sd->opts);
}

unsigned srt_json_norm_flags(SrtQuery *q)
{
    if (!q->in || q->cur_in >= q->n_in)
        return input_flags(q);
    SrtInput *in = &q->in[q->cur_in];
    if (!in->json_flags_known) { /* once: the buffers are many */
        in->json_flags = input_flags(q);
        in->json_flags_known = 1;
    }
    return in->json_flags;
}

int srt_json_norm_begin(SrtQuery *q, unsigned flags, const char *buf, size_t len, const char **out,
                        size_t *out_len)
{
    size_t lines = 1;
    for (const char *s = buf; (s = memchr(s, '\n', (size_t)(buf + len - s))) != NULL; s++)
        lines++;
    SrtJsonNorm *jn = &q->jnorm;
    jn->cap = cm_json_norm_cap(len) + lines;
    jn->n_lines = lines;
    jn->buf = srt_mem_alloc(q->mem, jn->cap);
    jn->at = srt_mem_alloc(q->mem, 2 * lines * sizeof *jn->at);
    if (!jn->buf || !jn->at) {
        srt_json_norm_end(q);
        return -1;
    }
    jn->orig = buf;
    char *o = jn->buf;
    const char *p = buf, *e = buf + len;
    for (size_t i = 0; i < lines; i++) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        const char *le = nl ? nl : e;
        jn->at[2 * i] = (size_t)(o - jn->buf);
        jn->at[2 * i + 1] = (size_t)(p - buf);
        size_t k;
        cm_json_norm(p, le, flags, o, &k);
        o += k;
        if (nl)
            *o++ = '\n';
        p = nl ? nl + 1 : e;
    }
    *out = jn->buf;
    *out_len = (size_t)(o - jn->buf);
    return 0;
}

void srt_json_norm_end(SrtQuery *q)
{
    SrtJsonNorm *jn = &q->jnorm;
    srt_mem_free(q->mem, jn->buf, jn->cap);
    srt_mem_free(q->mem, jn->at, 2 * jn->n_lines * sizeof *jn->at);
    memset(jn, 0, sizeof *jn);
}

/* The index of the normal line holding pos. */
static size_t line_of(const SrtJsonNorm *jn, const char *pos)
{
    size_t off = (size_t)(pos - jn->buf), lo = 0, hi = jn->n_lines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (jn->at[2 * mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

const char *srt_json_norm_origin(const SrtQuery *q, const char *pos)
{
    const SrtJsonNorm *jn = &q->jnorm;
    if (!jn->buf || !pos || pos < jn->buf || pos > jn->buf + jn->cap)
        return pos;
    return jn->orig + jn->at[2 * line_of(jn, pos) + 1];
}

const char *srt_json_orig_line(SrtQuery *q, const char *line, uint32_t *n)
{
    const char *s = srt_json_norm_origin(q, line);
    const char *e = q->cur_buf + q->cur_len, *nl = memchr(s, '\n', (size_t)(e - s));
    const char *le = nl ? nl : e;
    if (le > s && le[-1] == '\r')
        le--;
    *n = (uint32_t)(le - s);
    return s;
}

/* The bytes [off, off + want) of the file being read (q->cur_what), read again into scratch
   memory, *n of them (fewer when the file was cut shorter meanwhile); want < 0: the whole
   file.  A file that cannot be read fails the query, as the IOException fails Spark's task. */
static const char *read_again(SrtQuery *q, int64_t off, int64_t want, uint32_t *n)
{
    static const char none[1] = "";
    *n = 0;
    const char *path = q->cur_what;
    int fd = path ? open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK) : -1;
    struct stat st;
    const char *why = fd < 0 || fstat(fd, &st) < 0 ? strerror(errno) : NULL;
    size_t size = why ? 0 : want < 0 ? (size_t)st.st_size : (size_t)want, got = 0;
    if (!why && size > SRT_LINE_MAX)
        why = "longer than the limit of a line";
    char *b = why ? NULL : srt_scratch_alloc(q, size + 1);
    while (b && got < size) {
        ssize_t r = pread(fd, b + got, size - got, (off_t)off + (off_t)got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) { /* cut shorter meanwhile: the bytes that are there */
            why = r < 0 ? strerror(errno) : NULL;
            break;
        }
        got += (size_t)r;
    }
    if (fd >= 0)
        close(fd);
    if (why || !b) {
        char msg[512];
        snprintf(msg, sizeof msg, "cannot read the file again for its corrupt record: %s",
                 why ? why : "out of memory");
        srt_query_fail(q, msg);
        return none;
    }
    *n = (uint32_t)got;
    return b;
}

/* MultiLineJsonDataSource.readFile: a malformed file's record is partitionedFileString,
   the file opened again and read whole (UTF8String.fromBytes(ByteStreams.toByteArray)): its
   bytes as they are then. */
const char *srt_json_file_text(SrtQuery *q, uint32_t *n)
{
    return read_again(q, 0, -1, n);
}

/* With lineSep, LineReader.readCustomLine hands Jackson the bytes between two seps as they
   are, a '\r' before the sep and any '\n' included, and the record literal is that text
   (JsonDataSource's TextInputJsonDataSource).  The files source made each '\n' a '\r'
   (cm_lines_sep, CM_SEP_JSON), so a line holding a '\r' is read again from the file, where its
   bytes start at the offset srt_read_span gives (the line's length is the file's). */
const char *srt_json_sep_line(SrtQuery *q, const char *line, const char *le, uint32_t *n)
{
    const char *s = srt_json_norm_origin(q, line), *b = q->cur_buf, *e = b + q->cur_len;
    if (s != line) { /* read with the parser switches: the line as read, in q->cur_buf */
        const char *nl = memchr(s, '\n', (size_t)(e - s));
        le = nl ? nl : e;
    }
    size_t len = (size_t)(le - s);
    *n = (uint32_t)len;
    if (!memchr(s, '\r', len) || !q->cur_what || !b || s < b || le > e)
        return s;
    return read_again(q, q->cur_at.byte + srt_read_span(&q->cur_at, b, (size_t)(s - b)),
                      (int64_t)len, n);
}

const char *srt_json_norm_text(SrtQuery *q, const char *s, uint32_t n, uint32_t flags,
                               uint32_t *out_n)
{
    static const char none[1] = ""; /* out of memory: the query fails, the text is empty */
    char *o = srt_scratch_alloc(q, cm_json_norm_cap(n));
    size_t k = 0;
    if (!o) {
        *out_n = 0;
        return none;
    }
    cm_json_norm(s, s + n, flags, o, &k);
    *out_n = (uint32_t)k;
    return o;
}

/* JacksonParser's DoubleType and FloatType converters: a VALUE_STRING of at least one
   character is NaN or an infinity only `if options.allowNonNumericNumbers`, else
   StringAsDataTypeException (an empty one is no value of the type either); the other
   tokens as srt_json_f64 and srt_json_f32 read them. */
static const char *string_refused(const char *p, const char *end, int *st)
{
    const char *s;
    uint32_t n;
    int esc;
    const char *q = srt_json_string_raw(p, end, &s, &n, &esc);
    if (q)
        *st = SRT_JV_BADTYPE;
    return q;
}

const char *srt_json_f64_strict(const char *p, const char *end, double *out, int *st)
{
    if (p < end && (*p == '"' || *p == '\''))
        return string_refused(p, end, st);
    return srt_json_f64(p, end, out, st);
}

const char *srt_json_f32_strict(const char *p, const char *end, float *out, int *st)
{
    if (p < end && (*p == '"' || *p == '\''))
        return string_refused(p, end, st);
    return srt_json_f32(p, end, out, st);
}
