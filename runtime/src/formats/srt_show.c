/* srt_show.c - values and tables as Spark 3.5's Dataset.show() prints them: cells are
** ToPrettyString (NULL as "NULL", at the top level and inside structs and arrays; structs
** {a, b}, arrays [a, b], maps {k -> v, k2 -> v2}, doubles as Java's Double.toString, decimals plain, binary in hex),
** widths count East-Asian wide characters as 2, cells longer than `truncate` become
** s[0:truncate-3] + "...".  Spark 3.0-3.4 cast the cells to strings instead, which printed
** "null".  CAST of a nested value to STRING (Cast.castToString) prints the same but for NULL
** inside ("null"), BINARY (its bytes) and DECIMAL (Decimal.toString).
*/
#include <inttypes.h>
#include <string.h>

#include "common/cm_ansi_iv.h"
#include "srt_int.h"

/* v in decimal at out (at most 20 bytes), its length returned: printf's "%" PRId64 without
   printf (a table of many rows prints one a cell). */
static size_t put_int(int64_t v, char *out)
{
    char d[20];
    int k = 0;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do
        d[k++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    size_t n = 0;
    if (v < 0)
        out[n++] = '-';
    while (k > 0)
        out[n++] = d[--k];
    return n;
}

/* A value as ToPrettyString prints it, or (cast) as Cast.castToString does inside a nested
   value: NULL inside as "null", BINARY as its bytes, DECIMAL as Decimal.toString. */
static void put_value(const SrtDatum *d, const SrtType *t, int cast, SrtBuf *out)
{
    /* the widest: an interval, or -0. and 38 digits; a double fits too */
    char tmp[CM_IV_TEXT_MAX > SRT_DECIMAL_TEXT ? CM_IV_TEXT_MAX : SRT_DECIMAL_TEXT];
    if (d->is_null) { /* ToPrettyString's nullString; castToString's "null" */
        srt_buf_put(out, cast ? "null" : "NULL", 4);
        return;
    }
    switch (t->kind) {
    case SRT_T_BOOLEAN:
        srt_buf_puts(out, d->i ? "true" : "false");
        break;
    case SRT_T_TINYINT:
    case SRT_T_SMALLINT:
    case SRT_T_INT:
    case SRT_T_BIGINT:
        srt_buf_put(out, tmp, put_int(d->i, tmp));
        break;
    case SRT_T_DOUBLE:
        srt_buf_put(out, tmp, srt_fmt_double(d->d, tmp));
        break;
    case SRT_T_FLOAT:
        srt_buf_put(out, tmp, srt_fmt_float((float)d->d, tmp));
        break;
    case SRT_T_DECIMAL: /* ToPrettyString: toPlainString; castToString: Decimal.toString */
        srt_buf_put(out, tmp, srt_fmt_decimal(srt_datum_dec(d), t->scale, !cast, tmp));
        break;
    case SRT_T_STRING:
        if (d->n)
            srt_buf_put(out, d->p, d->n);
        break;
    case SRT_T_BINARY: /* Dataset.showString: "[41 42]", two upper-case hex digits a byte */
        if (cast) { /* UTF8String.fromBytes */
            if (d->n)
                srt_buf_put(out, d->p, d->n);
            break;
        }
        srt_buf_putc(out, '[');
        for (uint32_t i = 0; i < d->n; i++)
            srt_buf_printf(out, i ? " %02X" : "%02X", ((const unsigned char *)d->p)[i]);
        srt_buf_putc(out, ']');
        break;
    case SRT_T_TIMESTAMP:
    case SRT_T_TIMESTAMP_NTZ: /* Cast.castToString: the local date-time, as a TIMESTAMP in UTC */
        srt_buf_put(out, tmp, srt_ts_format(d->i, tmp));
        break;
    case SRT_T_DATE:
        srt_buf_put(out, tmp, srt_date_text(d->i, tmp));
        break;
    case SRT_T_DT_INTERVAL: /* Cast.castToString: toDayTimeIntervalString, ANSI_STYLE */
        srt_buf_put(out, tmp, cm_dti_format(d->i, t->precision, t->scale, tmp));
        break;
    case SRT_T_YM_INTERVAL:
        srt_buf_put(out, tmp, cm_ymi_format((int32_t)d->i, t->precision, t->scale, tmp));
        break;
    case SRT_T_STRUCT:
    case SRT_T_ARRAY: {
        const SrtDatum *f = d->p;
        uint32_t n = srt_nested_count(t, d);
        srt_buf_putc(out, t->kind == SRT_T_STRUCT ? '{' : '[');
        for (uint32_t i = 0; i < n; i++) {
            if (i)
                srt_buf_put(out, ", ", 2);
            put_value(&f[i], srt_nested_child(t, d, i), cast, out);
        }
        srt_buf_putc(out, t->kind == SRT_T_STRUCT ? '}' : ']');
        break;
    }
    case SRT_T_MAP: { /* {k1 -> v1, k2 -> v2} */
        const SrtDatum *e = d->p;
        srt_buf_putc(out, '{');
        for (uint32_t i = 0; i < d->n; i++) {
            if (i)
                srt_buf_put(out, ", ", 2);
            put_value(&e[i], t->key, cast, out);
            srt_buf_put(out, " -> ", 4);
            put_value(&e[d->n + i], t->elem, cast, out);
        }
        srt_buf_putc(out, '}');
        break;
    }
    case SRT_T_VOID: /* every value is NULL (above) */
        break;
    }
}

void srt_show_datum(const SrtDatum *d, const SrtType *t, SrtBuf *out)
{
    put_value(d, t, 0, out);
}

void srt_cast_nested_str(SrtQuery *q, const char *type, const SrtDatum *d, const char **out,
                         uint32_t *out_n)
{
    *out = "";
    *out_n = 0;
    const SrtType *t = srt_query_type(q, type);
    if (!t || d->is_null)
        return;
    SrtBuf b;
    srt_buf_init(&b, q->mem);
    put_value(d, t, 1, &b);
    char *s = srt_scratch_alloc(q, b.n ? b.n : 1);
    if (b.oom || !s) {
        srt_buf_free(&b);
        srt_query_oom(q, "a value cast to a string");
    }
    memcpy(s, b.p, b.n);
    *out = s;
    *out_n = (uint32_t)b.n;
    srt_buf_free(&b);
}

/* The code point at s[*i] (advancing *i); invalid bytes count as one unit each. */
static uint32_t next_cp(const char *s, size_t n, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    size_t k = c < 0x80 ? 1 : c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (*i + k > n)
        k = 1;
    uint32_t cp = c;
    if (k == 2)
        cp = (uint32_t)(c & 0x1F) << 6 | ((unsigned char)s[*i + 1] & 0x3F);
    else if (k == 3)
        cp = (uint32_t)(c & 0x0F) << 12 | (uint32_t)((unsigned char)s[*i + 1] & 0x3F) << 6 |
             ((unsigned char)s[*i + 2] & 0x3F);
    else if (k == 4)
        cp = (uint32_t)(c & 0x07) << 18 | (uint32_t)((unsigned char)s[*i + 1] & 0x3F) << 12 |
             (uint32_t)((unsigned char)s[*i + 2] & 0x3F) << 6 | ((unsigned char)s[*i + 3] & 0x3F);
    *i += k;
    return cp;
}

/* Spark's Utils.fullWidthRegex ranges. */
static int is_full_width(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE10 && cp <= 0xFE19) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
           (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
}

/* Java String.length: UTF-16 code units. */
static size_t utf16_len(const char *s, size_t n)
{
    size_t units = 0;
    for (size_t i = 0; i < n;)
        units += next_cp(s, n, &i) >= 0x10000 ? 2 : 1;
    return units;
}

size_t srt_show_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) { /* ASCII: one column */
            w++;
            i++;
            continue;
        }
        uint32_t cp = next_cp(s, n, &i);
        w += cp >= 0x10000 ? 2 : is_full_width(cp) ? 2 : 1;
    }
    return w;
}

/* Bytes of the longest prefix of at most `units` UTF-16 units; *half is set when Java's
   substring(0, units) would end inside a surrogate pair, keeping a lone high surrogate
   that System.out's UTF-8 encoder prints as '?'. */
static size_t prefix_bytes(const char *s, size_t n, size_t units, int *half)
{
    size_t i = 0, u = 0;
    *half = 0;
    while (i < n) {
        size_t j = i;
        size_t cu = next_cp(s, n, &j) >= 0x10000 ? 2 : 1;
        if (u + cu > units) {
            *half = u < units;
            break;
        }
        u += cu;
        i = j;
    }
    return i;
}

/* s[0, n) onto out with the meta-characters escaped as Dataset.getRows does for the header
   and every cell (SchemaUtils.escapeMetaCharacters, Spark 3.2+, SPARK-33690): \n \r \t \f
   \b, U+000B as \v and U+0007 as \a, each a backslash and a letter. */
static void put_escaped(SrtBuf *out, const char *s, size_t n)
{
    if (!n)
        return;
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] - 7u > 6u) /* not one of the seven, U+0007 to U+000D */
            continue;
        const char *e = NULL;
        switch (s[i]) {
        case '\n': e = "\\n"; break;
        case '\r': e = "\\r"; break;
        case '\t': e = "\\t"; break;
        case '\f': e = "\\f"; break;
        case '\b': e = "\\b"; break;
        case '\v': e = "\\v"; break;
        case '\a': e = "\\a"; break;
        default: continue;
        }
        srt_buf_put(out, s + from, i - from);
        srt_buf_put(out, e, 2);
        from = i + 1;
    }
    srt_buf_put(out, s + from, n - from);
}

typedef struct Cell {
    size_t off, len, width;
} Cell;

static void put_cell(SrtBuf *out, const char *text, const Cell *c, size_t width, int right)
{
    size_t pad = width > c->width ? width - c->width : 0;
    if (right)
        srt_buf_fill(out, ' ', pad);
    srt_buf_put(out, text + c->off, c->len);
    if (!right)
        srt_buf_fill(out, ' ', pad);
}

static void put_sep(SrtBuf *out, const size_t *widths, uint32_t n)
{
    srt_buf_putc(out, '+');
    for (uint32_t i = 0; i < n; i++) {
        srt_buf_fill(out, '-', widths[i]);
        srt_buf_putc(out, '+');
    }
    srt_buf_putc(out, '\n');
}

void srt_show_table(const SrtSchema *schema, SrtDatum *const *rows, size_t n_rows, int64_t num_rows,
                    int truncate, SrtBuf *out)
{
    SrtMem *m = out->mem;
    uint32_t nv = 0;
    uint32_t *vis = srt_mem_alloc(m, sizeof *vis * (schema->n_cols + 1u));
    if (!vis) {
        out->oom = 1;
        return;
    }
    for (uint32_t i = 0; i < schema->n_cols; i++)
        if (!schema->cols[i].hidden)
            vis[nv++] = i;
    if (num_rows < 0)
        num_rows = 0;
    size_t shown = n_rows < (uint64_t)num_rows ? n_rows : (size_t)num_rows;
    size_t n_cells = (shown + 1) * nv;
    Cell *cells = srt_mem_alloc(m, sizeof *cells * (n_cells ? n_cells : 1));
    size_t *widths = srt_mem_alloc(m, sizeof *widths * (nv ? nv : 1));
    SrtBuf text, raw;
    srt_buf_init(&text, m);
    srt_buf_init(&raw, m);
    if (!cells || !widths) {
        out->oom = 1;
        goto done;
    }
    for (uint32_t c = 0; c < nv; c++) {
        const char *name = schema->cols[vis[c]].name;
        Cell *cell = &cells[c];
        cell->off = text.n;
        put_escaped(&text, name, strlen(name));
        cell->len = text.n - cell->off;
        widths[c] = 3;
    }
    for (size_t r = 0; r < shown; r++) {
        for (uint32_t c = 0; c < nv; c++) {
            Cell *cell = &cells[(r + 1) * nv + c];
            cell->off = text.n;
            srt_buf_clear(&raw);
            srt_show_datum(&rows[r][vis[c]], schema->cols[vis[c]].type, &raw);
            put_escaped(&text, raw.p, raw.n);
            cell->len = text.n - cell->off;
            text.oom |= raw.oom;
            if (text.oom)
                break;
            if (truncate > 0 && utf16_len(text.p + cell->off, cell->len) > (size_t)truncate) {
                int half;
                size_t keep = (size_t)truncate - (truncate < 4 ? 0 : 3);
                text.n = cell->off + prefix_bytes(text.p + cell->off, cell->len, keep, &half);
                if (half)
                    srt_buf_putc(&text, '?');
                if (truncate >= 4)
                    srt_buf_put(&text, "...", 3);
                cell->len = text.n - cell->off;
            }
        }
    }
    if (text.oom) {
        out->oom = 1;
        goto done;
    }
    for (size_t i = 0; i < n_cells; i++) {
        cells[i].width = srt_show_width(text.p + cells[i].off, cells[i].len);
        if (cells[i].width > widths[i % nv])
            widths[i % nv] = cells[i].width;
    }
    int right = truncate > 0;
    put_sep(out, widths, nv);
    for (size_t r = 0; r <= shown; r++) {
        srt_buf_putc(out, '|');
        for (uint32_t c = 0; c < nv; c++) {
            put_cell(out, text.p, &cells[r * nv + c], widths[c], right);
            srt_buf_putc(out, '|');
        }
        srt_buf_putc(out, '\n');
        if (r == 0)
            put_sep(out, widths, nv);
    }
    put_sep(out, widths, nv);
    if (n_rows > shown)
        srt_buf_printf(out, "only showing top %" PRId64 " %s\n", num_rows, num_rows == 1 ? "row" : "rows");
done:
    srt_buf_free(&text);
    srt_buf_free(&raw);
    srt_mem_free(m, cells, sizeof *cells * (n_cells ? n_cells : 1));
    srt_mem_free(m, widths, sizeof *widths * (nv ? nv : 1));
    srt_mem_free(m, vis, sizeof *vis * (schema->n_cols + 1u));
}
