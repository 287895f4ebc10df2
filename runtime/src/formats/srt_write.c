/* srt_write.c - rows as text exactly as Spark's writers produce them, for every sink that
** writes text (files today; exec, kafka and others later).  Kept apart from any file
** handling: each function appends one value, one row or one header to an SrtBuf and
** never adds a line separator (the caller does).
**
** JSON is Spark's JacksonGenerator with default options: keys in column order, NULL
** fields left out (ignoreNullFields, also inside structs), NULL array elements as
** null, Jackson's string escapes (\" \\ \b \f \n \r \t, other control characters as
** \u00XX with upper-case hex, '/' and non-ASCII bytes as they are), doubles as Java's
** Double.toString with NaN and the infinities quoted, timestamps as
** yyyy-MM-dd'T'HH:mm:ss.SSSXXX in UTC ("2016-07-26T02:54:35.000Z"), dates as yyyy-MM-dd.
**
** CSV is univocity's CsvWriter with the settings Spark passes (CSVOptions.asWriterSettings):
** NULL is an empty field, an empty string is "" (emptyValue), surrounding whitespace
** (characters 1..32) is trimmed (ignoreLeading/TrailingWhiteSpace default true for
** writing), a value is quoted when it contains the separator, the quote character, \r or
** \n, when it starts with the quote character, or, in the first field of a record, with
** univocity's comment character '#'.  Inside quotes the quote character is preceded by
** the escape character and the escape character itself is doubled (univocity's
** charToEscapeQuoteEscaping defaults to the escape character when it differs from the
** quote).  Values are formatted as in JSON, without quotes.
*/
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "common/cm_ansi_iv.h"
#include "srt_int.h"

/* ======================================================================
** Scalars shared by both formats
** ====================================================================== */

uint32_t srt_fmt_ts_iso(int64_t us, char *out)
{
    int64_t frac = us % 1000000;
    if (frac < 0)
        frac += 1000000;
    /* Whole seconds print without a fraction: "yyyy-MM-dd HH:mm:ss". */
    uint32_t n = srt_ts_format(us - frac, out);
    char *sp = memchr(out, ' ', n);
    if (sp)
        *sp = 'T';
    int ms = (int)(frac / 1000);
    out[n++] = '.';
    out[n++] = (char)('0' + ms / 100);
    out[n++] = (char)('0' + ms / 10 % 10);
    out[n++] = (char)('0' + ms % 10);
    out[n++] = 'Z';
    out[n] = '\0';
    return n;
}

uint32_t srt_fmt_date(int64_t days, char *out)
{
    return srt_date_text(days, out);
}

/* The text of a scalar as both writers print it (unquoted), into tmp (64 bytes);
   NULL for STRING (its bytes are the datum's) and nested types. */
static const char *scalar_text(const SrtDatum *d, const SrtType *t, char *tmp, uint32_t *n)
{
    switch (t->kind) {
    case SRT_T_BOOLEAN:
        *n = d->i ? 4 : 5;
        return d->i ? "true" : "false";
    case SRT_T_TINYINT:
    case SRT_T_SMALLINT:
    case SRT_T_INT:
    case SRT_T_BIGINT: {
        int k = snprintf(tmp, 64, "%" PRId64, d->i);
        *n = k > 0 ? (uint32_t)k : 0;
        return tmp;
    }
    case SRT_T_DOUBLE:
        *n = srt_fmt_double(d->d, tmp);
        return tmp;
    case SRT_T_FLOAT:
        *n = srt_fmt_float((float)d->d, tmp);
        return tmp;
    case SRT_T_TIMESTAMP:
        *n = srt_fmt_ts_iso(d->i, tmp);
        return tmp;
    case SRT_T_TIMESTAMP_NTZ: /* timestampNTZFormat's default yyyy-MM-dd'T'HH:mm:ss[.SSS]
                                 (JSONOptions, CSVOptions): the optional fraction is always printed
                               */
        *n = srt_fmt_ts_iso(d->i, tmp) - 1; /* without the 'Z' */
        tmp[*n] = '\0';
        return tmp;
    case SRT_T_DATE:
        *n = srt_fmt_date(d->i, tmp);
        return tmp;
    case SRT_T_DT_INTERVAL: /* JacksonGenerator, UnivocityGenerator: toDayTimeIntervalString */
        *n = (uint32_t)cm_dti_format(d->i, t->precision, t->scale, tmp);
        return tmp;
    case SRT_T_YM_INTERVAL: /* toYearMonthIntervalString, ANSI_STYLE */
        *n = (uint32_t)cm_ymi_format((int32_t)d->i, t->precision, t->scale, tmp);
        return tmp;
    case SRT_T_DECIMAL: /* Decimal.toString: JacksonGenerator's writeNumber(BigDecimal), univocity's toString */
        *n = srt_fmt_decimal(srt_datum_dec(d), t->scale, 0, tmp);
        return tmp;
    case SRT_T_STRING:
    case SRT_T_BINARY:
    case SRT_T_STRUCT:
    case SRT_T_ARRAY:
    case SRT_T_MAP:
    case SRT_T_VOID:
        break;
    }
    *n = 0;
    return NULL;
}

/* ======================================================================
** JSON
** ====================================================================== */

void srt_write_json_string(const char *s, size_t n, SrtBuf *out)
{
    static const char hex[] = "0123456789ABCDEF";
    srt_buf_putc(out, '"');
    size_t run = 0; /* start of the bytes not yet copied */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        srt_buf_put(out, s + run, i - run);
        run = i + 1;
        char esc[6] = {'\\', 0, 0, 0, 0, 0};
        size_t k = 2;
        switch (c) {
        case '"':
        case '\\':
            esc[1] = (char)c;
            break;
        case '\b':
            esc[1] = 'b';
            break;
        case '\f':
            esc[1] = 'f';
            break;
        case '\n':
            esc[1] = 'n';
            break;
        case '\r':
            esc[1] = 'r';
            break;
        case '\t':
            esc[1] = 't';
            break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            k = 6;
            break;
        }
        srt_buf_put(out, esc, k);
    }
    srt_buf_put(out, s + run, n - run);
    srt_buf_putc(out, '"');
}

/* How to_json writes with options (StructsToJson's JSONOptions, JacksonGenerator); NULL:
   Spark's defaults, as the files sink writes.  nesting: the objects open, for pretty. */
typedef struct JStyle {
    SrtQuery *q;                             /* NULL: no timestamp or date pattern */
    const char *ts_fmt, *date_fmt, *ntz_fmt; /* NULL: the default patterns */
    uint32_t ts_n, date_n, ntz_n;
    bool write_nulls, pretty;
    int nesting;
} JStyle;

static void json_value(const SrtDatum *d, const SrtType *t, JStyle *st, SrtBuf *out);

/* Jackson's DefaultPrettyPrinter: DefaultIndenter's line feed and two spaces a level for
   objects, FixedSpaceIndenter's one space for arrays, " : " after a field name. */
static void pretty_line(const JStyle *st, SrtBuf *out)
{
    srt_buf_putc(out, '\n');
    for (int i = 0; i < st->nesting; i++)
        srt_buf_put(out, "  ", 2);
}

/* Before the k-th entry of an object: ',' after the first, the pretty printer's
   indentation (beforeObjectEntries, writeObjectEntrySeparator). */
static void object_entry(JStyle *st, uint32_t k, SrtBuf *out)
{
    if (k)
        srt_buf_putc(out, ',');
    if (st && st->pretty)
        pretty_line(st, out);
}

static void object_open(JStyle *st, SrtBuf *out)
{
    srt_buf_putc(out, '{');
    if (st && st->pretty)
        st->nesting++;
}

/* writeEndObject: the indentation of the enclosing level, or " " for an empty object. */
static void object_close(JStyle *st, uint32_t entries, SrtBuf *out)
{
    if (st && st->pretty) {
        st->nesting--;
        if (entries)
            pretty_line(st, out);
        else
            srt_buf_putc(out, ' ');
    }
    srt_buf_putc(out, '}');
}

static void field_name(const char *name, size_t n, const JStyle *st, SrtBuf *out)
{
    srt_write_json_string(name, n, out);
    if (st && st->pretty)
        srt_buf_put(out, " : ", 3);
    else
        srt_buf_putc(out, ':');
}

/* The fields of a struct (or the columns of a row) as one object; NULLs left out
   (ignoreNullFields), or written as null with write_nulls. */
static void json_object(const SrtDatum *vals, const SrtField *fields, const SrtColumn *cols,
                        uint32_t n, JStyle *st, SrtBuf *out)
{
    uint32_t k = 0;
    object_open(st, out);
    for (uint32_t i = 0; i < n; i++) {
        const char *name = fields ? fields[i].name : cols[i].name;
        const SrtType *t = fields ? fields[i].type : cols[i].type;
        if ((cols && cols[i].hidden) || (vals[i].is_null && !(st && st->write_nulls)))
            continue;
        object_entry(st, k++, out);
        field_name(name, strlen(name), st, out);
        json_value(&vals[i], t, st, out);
    }
    object_close(st, k, out);
}

static const char b64_chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

size_t srt_base64_chars(const void *p, size_t n, char *out)
{
    const unsigned char *b = p;
    size_t at = 0;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)b[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)b[i + 1] << 8;
        if (i + 2 < n)
            v |= b[i + 2];
        out[at++] = b64_chars[v >> 18];
        out[at++] = b64_chars[(v >> 12) & 63];
        out[at++] = i + 1 < n ? b64_chars[(v >> 6) & 63] : '=';
        out[at++] = i + 2 < n ? b64_chars[v & 63] : '=';
    }
    return at;
}

void srt_base64_encode(const void *p, size_t n, SrtBuf *out)
{
    const unsigned char *b = p;
    char q[4 * 64];
    for (size_t i = 0; i < n; i += 3 * 64) /* 64 groups of 3 bytes at a time */
        srt_buf_put(out, q, srt_base64_chars(b + i, n - i < 3 * 64 ? n - i : 3 * 64, q));
}

int srt_base64_digit(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

long srt_base64_decode(const char *s, size_t n, unsigned char *out)
{
    if (n % 4)
        return -1;
    long k = 0;
    for (size_t i = 0; i < n; i += 4) {
        int pad = 0;
        uint32_t v = 0;
        for (int j = 0; j < 4; j++) {
            unsigned char c = (unsigned char)s[i + j];
            int d = srt_base64_digit(c);
            if (c == '=' && i + 4 == n && j >= 2 && (j == 3 || s[i + 3] == '=')) {
                pad++;
                d = 0;
            } else if (d < 0 || pad) {
                return -1;
            }
            v = v << 6 | (uint32_t)d;
        }
        out[k++] = (unsigned char)(v >> 16);
        if (pad < 2)
            out[k++] = (unsigned char)(v >> 8);
        if (pad < 1)
            out[k++] = (unsigned char)v;
    }
    return k;
}

/* A TIMESTAMP_NTZ with the timestampNTZFormat pattern (TimestampFormatter.format(
   LocalDateTime), srt_date_format_into's local mode) into b, cleared first. */
static void ntz_with_pattern(int64_t us, const char *fmt, uint32_t fmt_n, SrtBuf *b)
{
    srt_buf_clear(b);
    srt_buf_fill(b, ' ', SRT_DATE_FORMAT_ROOM(fmt_n));
    if (!b->oom)
        b->n = srt_date_format_into(us, fmt, fmt_n, 1, b->p);
}

/* A TIMESTAMP, DATE or TIMESTAMP_NTZ with the timestampFormat, dateFormat or
   timestampNTZFormat pattern (TimestampFormatter, DateFormatter.format: a date as its
   midnight); false without one. */
static bool time_with_pattern(const SrtDatum *d, const SrtType *t, const JStyle *st, SrtBuf *out)
{
    if (t->kind == SRT_T_TIMESTAMP_NTZ) {
        if (!st || !st->ntz_fmt)
            return false;
        SrtBuf b;
        srt_buf_init(&b, out->mem);
        ntz_with_pattern(d->i, st->ntz_fmt, st->ntz_n, &b);
        srt_write_json_string(b.p ? b.p : "", b.n, out);
        srt_buf_free(&b);
        return true;
    }
    if (!st || !st->q)
        return false;
    const char *fmt = !st ? NULL : t->kind == SRT_T_TIMESTAMP ? st->ts_fmt : st->date_fmt;
    if (!fmt)
        return false;
    const char *s;
    uint32_t n;
    if (t->kind == SRT_T_TIMESTAMP)
        srt_date_format(st->q, d->i, fmt, st->ts_n, &s, &n);
    else
        srt_date_format(st->q, d->i * 86400000000LL, fmt, st->date_n, &s, &n);
    srt_write_json_string(s, n, out);
    return true;
}

static void json_value(const SrtDatum *d, const SrtType *t, JStyle *st, SrtBuf *out)
{
    char tmp[64];
    uint32_t n;
    if (d->is_null) {
        srt_buf_put(out, "null", 4);
        return;
    }
    switch (t->kind) {
    case SRT_T_STRING:
        srt_write_json_string(d->p, d->p ? d->n : 0, out);
        return;
    case SRT_T_BINARY: /* JacksonGenerator: writeBinary, base64 with padding */
        srt_buf_putc(out, '"');
        srt_base64_encode(d->p, d->n, out);
        srt_buf_putc(out, '"');
        return;
    case SRT_T_DOUBLE:
    case SRT_T_FLOAT:
        n = t->kind == SRT_T_FLOAT ? srt_fmt_float((float)d->d, tmp) : srt_fmt_double(d->d, tmp);
        if (isfinite(d->d)) {
            srt_buf_put(out, tmp, n);
        } else { /* Jackson's QUOTE_NON_NUMERIC_NUMBERS */
            srt_buf_putc(out, '"');
            srt_buf_put(out, tmp, n);
            srt_buf_putc(out, '"');
        }
        return;
    case SRT_T_DT_INTERVAL: /* JacksonGenerator: writeString of the ANSI text */
    case SRT_T_YM_INTERVAL:
    case SRT_T_TIMESTAMP:
    case SRT_T_TIMESTAMP_NTZ:
    case SRT_T_DATE: {
        if (t->kind != SRT_T_DT_INTERVAL && t->kind != SRT_T_YM_INTERVAL &&
            time_with_pattern(d, t, st, out))
            return;
        const char *s = scalar_text(d, t, tmp, &n);
        srt_buf_putc(out, '"');
        srt_buf_put(out, s, n);
        srt_buf_putc(out, '"');
        return;
    }
    case SRT_T_STRUCT:
        if (!d->p && t->n_fields) {
            srt_buf_put(out, "null", 4);
            return;
        }
        json_object(d->p, t->fields, NULL, t->n_fields, st, out);
        return;
    case SRT_T_ARRAY: { /* the pretty printer: "[ 1, 2 ]", "[ ]" */
        const SrtDatum *e = d->p;
        uint32_t count = e ? d->n : 0;
        bool pretty = st && st->pretty;
        srt_buf_putc(out, '[');
        for (uint32_t i = 0; i < count; i++) {
            if (i)
                srt_buf_putc(out, ',');
            if (pretty)
                srt_buf_putc(out, ' ');
            json_value(&e[i], t->elem, st, out);
        }
        if (pretty)
            srt_buf_putc(out, ' ');
        srt_buf_putc(out, ']');
        return;
    }
    case SRT_T_MAP: { /* JacksonGenerator.writeMapData: each key's toString as a field name,
                         a NULL value as null */
        const SrtDatum *e = d->p;
        SrtBuf key;
        srt_buf_init(&key, out->mem);
        object_open(st, out);
        for (uint32_t i = 0; i < d->n; i++) {
            object_entry(st, i, out);
            srt_buf_clear(&key);
            srt_java_text(&e[i], t->key, &key);
            field_name(key.p, key.n, st, out);
            json_value(&e[d->n + i], t->elem, st, out);
        }
        object_close(st, d->n, out);
        srt_buf_free(&key);
        return;
    }
    case SRT_T_BOOLEAN:
    case SRT_T_TINYINT:
    case SRT_T_SMALLINT:
    case SRT_T_INT:
    case SRT_T_BIGINT:
    case SRT_T_DECIMAL: {
        const char *s = scalar_text(d, t, tmp, &n);
        srt_buf_put(out, s, n);
        return;
    }
    case SRT_T_VOID: /* every value is NULL (above) */
        return;
    }
}

void srt_write_json_value(const SrtDatum *d, const SrtType *t, SrtBuf *out)
{
    json_value(d, t, NULL, out);
}

/* The text in b as a function's result in scratch memory of q (b freed); fails the query
   (out of memory) for what. */
static void scratch_result(SrtQuery *q, SrtBuf *b, const char **out, uint32_t *out_n,
                           const char *what)
{
    char *p = b->oom ? NULL : srt_scratch_alloc(q, b->n ? b->n : 1);
    if (p) {
        memcpy(p, b->p, b->n);
        *out = p;
        *out_n = (uint32_t)b->n;
    }
    srt_buf_free(b);
    if (!p)
        srt_query_oom(q, what);
}

static void to_json_with(SrtQuery *q, const char *type, const SrtDatum *d, JStyle *st,
                         const char **out, uint32_t *out_n)
{
    *out = "";
    *out_n = 0;
    const SrtType *t = srt_query_type(q, type);
    if (!t)
        return;
    SrtBuf b;
    srt_buf_init(&b, q->mem);
    json_value(d, t, st, &b);
    scratch_result(q, &b, out, out_n, "to_json");
}

void srt_to_json(SrtQuery *q, const char *type, const SrtDatum *d, const char **out,
                 uint32_t *out_n)
{
    to_json_with(q, type, d, NULL, out, out_n);
}

void srt_to_json_opts(SrtQuery *q, const char *type, const SrtDatum *d, const char *ts_fmt,
                      uint32_t ts_n, const char *date_fmt, uint32_t date_n, const char *ntz_fmt,
                      uint32_t ntz_n, int32_t flags, const char **out, uint32_t *out_n)
{
    JStyle st = {q,      ts_fmt, date_fmt,         ntz_fmt,          ts_n,
                 date_n, ntz_n,  (flags & 1) != 0, (flags & 2) != 0, 0};
    to_json_with(q, type, d, &st, out, out_n);
}

void srt_write_json_row(const SrtSchema *schema, const SrtDatum *row, SrtBuf *out)
{
    json_object(row, NULL, schema->cols, schema->n_cols, NULL, out);
}

void srt_write_json_row_ntz(const SrtSchema *schema, const SrtDatum *row, const char *ntz_fmt,
                            uint32_t ntz_n, SrtBuf *out)
{
    JStyle st = {.ntz_fmt = ntz_fmt, .ntz_n = ntz_n};
    json_object(row, NULL, schema->cols, schema->n_cols, ntz_fmt ? &st : NULL, out);
}

/* ======================================================================
** CSV
** ====================================================================== */

void srt_csv_style_default(SrtCsvStyle *st)
{
    st->sep = ',';
    st->quote = '"';
    st->escape = '\\';
    st->trim_leading = 1;
    st->trim_trailing = 1;
    st->ntz_fmt = NULL;
    st->ntz_n = 0;
}

/* A one-character option: "\t" as written in SQL text means a tab (Spark's toChar).  Without
   a value or a default *out is left as it is. */
static int csv_char(const SrtOptions *o, const char *key, char *out, SrtErr *err)
{
    const char *v = srt_opts_value(o, key);
    if (!v)
        return 0;
    if (strcmp(v, "\\t") == 0) {
        *out = '\t';
        return 0;
    }
    if (v[0] == '\0')
        return srt_err_set(err, SRT_ERR_OPTION, "option '%s' cannot be an empty string", key);
    if (v[1] != '\0' || (unsigned char)v[0] >= 0x80 || v[0] == '\n' || v[0] == '\r')
        return srt_err_set(err, SRT_ERR_OPTION,
                           "option '%s' must be a single ASCII character other than a line "
                           "break, not '%s'",
                           key, v);
    *out = v[0];
    return 0;
}

int srt_csv_style_from_opts(const SrtOptions *o, SrtCsvStyle *st, SrtErr *err)
{
    int rc;
    srt_csv_style_default(st);
    if ((rc = csv_char(o, "sep", &st->sep, err)) < 0 ||
        (rc = csv_char(o, "quote", &st->quote, err)) < 0 ||
        (rc = csv_char(o, "escape", &st->escape, err)) < 0 ||
        (rc = srt_opts_bool(o, "ignoreLeadingWhiteSpace", &st->trim_leading, err)) < 0 ||
        (rc = srt_opts_bool(o, "ignoreTrailingWhiteSpace", &st->trim_trailing, err)) < 0)
        return rc;
    if (st->sep == st->quote)
        return srt_err_set(err, SRT_ERR_OPTION,
                           "options 'sep' and 'quote' cannot be the same character ('%c')",
                           st->sep);
    return 0;
}

int srt_csv_supports(const SrtType *t)
{
    return t->kind != SRT_T_STRUCT && t->kind != SRT_T_ARRAY && t->kind != SRT_T_MAP &&
           t->kind != SRT_T_BINARY;
}

/* univocity's whitespace: characters 1..32 (NUL is not trimmed at the start). */
static int csv_ws(unsigned char c)
{
    return c >= 1 && c <= ' ';
}

/* Append s[from, to) between quotes with the quote and escape characters escaped. */
static void csv_quoted(const char *s, size_t from, size_t to, const SrtCsvStyle *st, SrtBuf *out)
{
    char esc_esc = st->quote == st->escape ? '\0' : st->escape;
    srt_buf_putc(out, st->quote);
    size_t run = from;
    for (size_t i = from; i < to; i++) {
        char c = s[i];
        if (c == st->quote) {
            srt_buf_put(out, s + run, i - run);
            srt_buf_putc(out, st->escape);
            run = i; /* the quote itself follows */
        } else if (c == st->escape && esc_esc) {
            srt_buf_put(out, s + run, i - run);
            srt_buf_putc(out, esc_esc);
            run = i;
        }
    }
    srt_buf_put(out, s + run, to - run);
    srt_buf_putc(out, st->quote);
}

void srt_write_csv_field(const char *s, size_t n, int is_null, int first, const SrtCsvStyle *st,
                         SrtBuf *out)
{
    if (is_null) /* nullValue "" */
        return;
    size_t from = 0, to = n;
    if (st->trim_leading)
        while (from < n && csv_ws((unsigned char)s[from]))
            from++;
    if (st->trim_trailing && to > from && csv_ws((unsigned char)s[to - 1]))
        while (to > from && (unsigned char)s[to - 1] <= ' ')
            to--;
    /* Trailing whitespace that is trimmed still asks for quotes ("a\n" -> "a" quoted). */
    int quote = first && n > 0 && s[0] == '#'; /* univocity's default comment character */
    for (size_t i = from; i < n && !quote; i++) {
        char c = s[i];
        quote = c == st->sep || c == st->quote || c == '\n' || c == '\r';
    }
    if (from == to) {
        /* Nothing left (empty, or only whitespace): univocity writes emptyValue "\"\"", as
           it is when unquoted, escaped inside quotes when the original needed quoting.
           (With ignoreLeadingWhiteSpace=false univocity writes an all-blank value as
           \"\" without quotes; sluice keeps the readable "\"\"".) */
        if (quote)
            csv_quoted("\"\"", 0, 2, st, out);
        else
            srt_buf_put(out, "\"\"", 2);
        return;
    }
    if (quote)
        csv_quoted(s, from, to, st, out);
    else
        srt_buf_put(out, s + from, to - from);
}

/* The fields of a struct (or the visible columns of a row) as one CSV record. */
static void csv_record(const SrtDatum *vals, const SrtField *fields, const SrtColumn *cols,
                       uint32_t n_vals, const SrtCsvStyle *st, SrtBuf *out)
{
    char tmp[64];
    int first = 1;
    SrtBuf ntz;
    srt_buf_init(&ntz, out->mem);
    for (uint32_t i = 0; i < n_vals; i++) {
        const SrtType *t = fields ? fields[i].type : cols[i].type;
        if (cols && cols[i].hidden)
            continue;
        if (!first)
            srt_buf_putc(out, st->sep);
        const SrtDatum *d = &vals[i];
        const char *s = NULL;
        uint32_t n = 0;
        if (!d->is_null) {
            if (t->kind == SRT_T_STRING) {
                s = d->p ? d->p : "";
                n = d->p ? d->n : 0;
            } else if (t->kind == SRT_T_TIMESTAMP_NTZ && st->ntz_fmt) {
                ntz_with_pattern(d->i, st->ntz_fmt, st->ntz_n, &ntz);
                s = ntz.p ? ntz.p : "";
                n = (uint32_t)ntz.n;
            } else if (srt_csv_supports(t)) {
                s = scalar_text(d, t, tmp, &n);
            } else {
                /* Refused when the sink opens (to_csv: by sema); never reached. */
                s = "";
            }
        }
        srt_write_csv_field(s, n, d->is_null, first, st, out);
        first = 0;
    }
    srt_buf_free(&ntz);
}

void srt_write_csv_row(const SrtSchema *schema, const SrtDatum *row, const SrtCsvStyle *st,
                       SrtBuf *out)
{
    csv_record(row, NULL, schema->cols, schema->n_cols, st, out);
}

void srt_to_csv(SrtQuery *q, const char *type, const SrtDatum *d, int64_t style, const char **out,
                uint32_t *out_n)
{
    *out = "";
    *out_n = 0;
    const SrtType *t = srt_query_type(q, type);
    if (!t || (!d->p && t->n_fields))
        return;
    SrtCsvStyle st = {(char)(style & 0xFF),
                      (char)(style >> 8 & 0xFF),
                      (char)(style >> 16 & 0xFF),
                      (int)(style >> 24 & 1),
                      (int)(style >> 25 & 1),
                      NULL,
                      0};
    SrtBuf b;
    srt_buf_init(&b, q->mem);
    csv_record(d->p, t->fields, NULL, t->n_fields, &st, &b);
    scratch_result(q, &b, out, out_n, "to_csv");
}

void srt_write_csv_header(const SrtSchema *schema, const SrtCsvStyle *st, SrtBuf *out)
{
    int first = 1;
    for (uint32_t i = 0; i < schema->n_cols; i++) {
        const SrtColumn *c = &schema->cols[i];
        if (c->hidden)
            continue;
        if (!first)
            srt_buf_putc(out, st->sep);
        srt_write_csv_field(c->name, strlen(c->name), 0, first, st, out);
        first = 0;
    }
}
