/* srt_nested.c - values of nested types (STRUCT, ARRAY, MAP) for generated code: reading
** them from JSON and copying them into batch memory.
**
** Generated code names a nested type by its Spark simpleString, a constant of the
** generated module ("array<struct<price:double,quantity:bigint>>").  Each query
** parses a given constant once and remembers it by address (srt_query_type), so the
** per-record cost is one short lookup.
**
** Layout (srt_abi.h): a STRUCT datum points at SrtDatum[n_fields], an ARRAY datum at
** SrtDatum[n], a MAP datum at its n keys then its n values; elements and fields are datums of
** their own types.  Values read from
** JSON live in the query's per-record scratch memory; strings may point into the
** input buffer.  srt_batch_copy_value() makes a value independent of both.
*/
#include <stdbool.h>
#include <string.h>

#include "srt_int.h"

/* ======================================================================
** Types by address
** ====================================================================== */

const SrtType *srt_query_type(SrtQuery *q, const char *text)
{
    for (size_t i = 0; i < q->n_types; i++)
        if (q->types[i].text == text)
            return q->types[i].type;
    const SrtType *t = NULL;
    SrtErr err;
    srt_err_clear(&err);
    if (srt_type_parse(&q->meta, text, &t, &err) < 0) {
        if (err.code == SRT_ERR_NOMEM)
            srt_query_oom(q, "nested type");
        /* A malformed constant is a compiler bug; fail loudly but cleanly. */
        srt_query_fail(q, err.msg);
        return NULL;
    }
    if (q->n_types == q->cap_types &&
        srt_mem_grow(q->mem, (void **)&q->types, &q->cap_types, sizeof *q->types, q->n_types + 1) < 0)
        srt_query_oom(q, "nested type");
    q->types[q->n_types].text = text;
    q->types[q->n_types].type = t;
    q->n_types++;
    return t;
}

/* ======================================================================
** JSON to datums
** ====================================================================== */

/* How a value of the wrong type somewhere inside a value went (Spark 3.4+ partial results,
   JacksonParser.convertObject/convertArray with spark.sql.json.enablePartialResults, true by
   default): J_HARD, the value is NULL and the nearest enclosing struct catches it; J_PARTIAL,
   the value is kept with the bad parts NULL.  Either way the record is malformed. */
enum { J_FINE = 0, J_PARTIAL = 1, J_HARD = 2 };

/* The timestampFormat, dateFormat and timestampNTZFormat patterns a value is read with
   (srt_json_value_fmt); NULL or *_on false: Spark's default parsing.  no_nonnum:
   allowNonNumericNumbers = false (a DOUBLE or FLOAT refuses strings, srt_json_f64_strict). */
typedef struct JTime {
    const char *ts;
    uint32_t ts_n;
    const char *date;
    uint32_t date_n;
    const char *ntz;
    uint32_t ntz_n;
    bool ts_on, date_on, no_nonnum, ntz_on;
} JTime;

static const char *json_value(SrtQuery *q, const SrtType *t, const char *p, const char *end,
                              SrtDatum *out, const JTime *tf, int depth, int *bad);

/* After an item of a list closed by `close` ('}' or ']'): the next item (*more 1), or the
   closing character (*more 0); NULL when neither follows. */
static const char *list_next(const char *p, const char *end, char close, int *more)
{
    p = srt_json_ws(p, end);
    *more = p < end && *p == ',';
    if (*more)
        return srt_json_ws(p + 1, end);
    return p < end && *p == close ? p : NULL;
}

/* '{' ... '}' into the fields of a struct; unknown keys are skipped, missing fields NULL.
   A field of the wrong type is NULL (or partial) and makes the struct partial
   (JacksonParser.convertObject catches the field's failure).  With a key repeated, the last
   value whose converter returns wins: a partial struct or array replaces an earlier value, a
   value of the wrong type does not ({"x": 1, "x": "s"} keeps 1; convertObject updates the
   row only when the converter returns or throws a partial result). */
static const char *json_struct(SrtQuery *q, const SrtType *t, const char *p, const char *end,
                               SrtDatum *out, const JTime *tf, int depth, int *bad)
{
    SrtDatum *f = srt_scratch_alloc(q, sizeof *f * (t->n_fields ? t->n_fields : 1));
    for (uint32_t i = 0; i < t->n_fields; i++) {
        memset(&f[i], 0, sizeof f[i]);
        f[i].is_null = 1;
    }
    p = srt_json_ws(p + 1, end);
    if (p < end && *p == '}')
        goto done;
    for (;;) {
        const char *k;
        uint32_t kn;
        int esc;
        p = srt_json_string_raw(p, end, &k, &kn, &esc);
        if (!p)
            return NULL;
        p = srt_json_ws(p, end);
        if (p >= end || *p != ':')
            return NULL;
        p = srt_json_ws(p + 1, end);
        if (esc) { /* compared decoded, as Jackson's getCurrentName */
            char *d = srt_scratch_alloc(q, kn);
            if (!d)
                return NULL;
            kn = srt_json_unescape(k, kn, d);
            k = d;
        }
        int idx = -1;
        for (uint32_t i = 0; i < t->n_fields; i++)
            if (strlen(t->fields[i].name) == kn && memcmp(t->fields[i].name, k, kn) == 0) {
                idx = (int)i;
                break;
            }
        if (idx >= 0) {
            int fb = J_FINE;
            SrtDatum v;
            p = json_value(q, t->fields[idx].type, p, end, &v, tf, depth + 1, &fb);
            if (fb != J_HARD) /* a failed converter leaves what a same key gave the field */
                f[idx] = v;
            if (fb != J_FINE)
                *bad = J_PARTIAL;
        } else
            p = srt_json_skip(p, end);
        int more;
        if (!p || !(p = list_next(p, end, '}', &more)))
            return NULL;
        if (!more)
            break;
    }
done:
    out->is_null = 0;
    out->p = f;
    out->n = t->n_fields;
    return p + 1;
}

/* '[' ... ']' into an array of elements, grown in scratch memory.  An element that is
   partial keeps the array (partial); any other failure of an element makes the whole array
   NULL (JacksonParser.convertArray catches only PartialValueException). */
static const char *json_array(SrtQuery *q, const SrtType *t, const char *p, const char *end,
                              SrtDatum *out, const JTime *tf, int depth, int *bad)
{
    uint32_t n = 0, cap = 4;
    SrtDatum *v = srt_scratch_alloc(q, sizeof *v * cap);
    p = srt_json_ws(p + 1, end);
    if (p < end && *p == ']')
        goto done;
    for (;;) {
        if (n == cap) {
            SrtDatum *nv = srt_scratch_alloc(q, sizeof *nv * cap * 2);
            memcpy(nv, v, sizeof *v * n);
            v = nv;
            cap *= 2;
        }
        int eb = J_FINE;
        p = json_value(q, t->elem, p, end, &v[n], tf, depth + 1, &eb);
        if (!p)
            return NULL;
        if (eb > *bad)
            *bad = eb;
        n++;
        int more;
        if (!(p = list_next(p, end, ']', &more)))
            return NULL;
        if (!more)
            break;
    }
done:
    out->is_null = *bad == J_HARD;
    out->p = *bad == J_HARD ? NULL : v;
    out->n = *bad == J_HARD ? 0 : n;
    return p + 1;
}

/* '{' ... '}' into a MAP<STRING, T> (JacksonParser.convertMap): every key in order, duplicates
   kept (ArrayBasedMapData of the keys and values as read, no builder); a value of the wrong
   type is NULL (or partial) and makes the map partial. */
static const char *json_map(SrtQuery *q, const SrtType *t, const char *p, const char *end,
                            SrtDatum *out, const JTime *tf, int depth, int *bad)
{
    uint32_t n = 0, cap = 4;
    SrtDatum *k = srt_scratch_alloc(q, sizeof *k * cap), *v = srt_scratch_alloc(q, sizeof *v * cap);
    p = srt_json_ws(p + 1, end);
    if (p < end && *p == '}')
        goto done;
    for (;;) {
        if (n == cap) {
            SrtDatum *nk = srt_scratch_alloc(q, sizeof *nk * cap * 2);
            SrtDatum *nv = srt_scratch_alloc(q, sizeof *nv * cap * 2);
            memcpy(nk, k, sizeof *k * n);
            memcpy(nv, v, sizeof *v * n);
            k = nk, v = nv, cap *= 2;
        }
        const char *s;
        uint32_t sn;
        int esc;
        p = srt_json_string_raw(p, end, &s, &sn, &esc);
        if (!p)
            return NULL;
        if (esc) {
            char *d = srt_scratch_alloc(q, sn ? sn : 1);
            sn = srt_json_unescape(s, sn, d);
            s = d;
        }
        memset(&k[n], 0, sizeof k[n]);
        k[n].p = s;
        k[n].n = sn;
        p = srt_json_ws(p, end);
        if (p >= end || *p != ':')
            return NULL;
        p = srt_json_ws(p + 1, end);
        int vb = J_FINE;
        p = json_value(q, t->elem, p, end, &v[n], tf, depth + 1, &vb);
        if (!p)
            return NULL;
        if (vb != J_FINE)
            *bad = J_PARTIAL;
        n++;
        int more;
        if (!(p = list_next(p, end, '}', &more)))
            return NULL;
        if (!more)
            break;
    }
done:;
    SrtDatum *kv = srt_scratch_alloc(q, sizeof *kv * (2 * n + 1));
    memcpy(kv, k, sizeof *k * n);
    memcpy(kv + n, v, sizeof *v * n);
    out->is_null = 0;
    out->p = kv;
    out->n = n;
    return p + 1;
}

/* One value of type t at p; malformed text returns NULL.  A valid value of another type
   makes out NULL and *bad J_HARD; a struct or array with such a value inside sets *bad. */
static const char *json_value(SrtQuery *q, const SrtType *t, const char *p, const char *end,
                              SrtDatum *out, const JTime *tf, int depth, int *bad)
{
    memset(out, 0, sizeof *out);
    out->is_null = 1;
    if (p >= end || depth > 512)
        return NULL;
    int st = SRT_JV_OK;
    const char *r = NULL;
    switch (t->kind) {
    case SRT_T_STRUCT:
        if (*p == '{')
            return json_struct(q, t, p, end, out, tf, depth, bad);
        break;
    case SRT_T_ARRAY:
        if (*p == '[')
            return json_array(q, t, p, end, out, tf, depth, bad);
        break;
    case SRT_T_MAP:
        if (*p == '{')
            return json_map(q, t, p, end, out, tf, depth, bad);
        break;
    case SRT_T_VOID: /* never a source column (sema refuses it) */
        break;
    case SRT_T_DT_INTERVAL: /* JacksonParser: Cast of a string (srt_json_iv) */
    case SRT_T_YM_INTERVAL:
        r = srt_json_iv(q, p, end,
                        t->precision << 4 | t->scale |
                            (t->kind == SRT_T_YM_INTERVAL ? SRT_IV_YEAR_MONTH : 0),
                        &out->i, &st);
        break;
    case SRT_T_BOOLEAN:
        r = srt_json_bool(p, end, &out->i, &st);
        break;
    case SRT_T_INT:
        r = srt_json_i32(p, end, &out->i, &st);
        break;
    case SRT_T_TINYINT: /* Jackson's getByteValue: -128..255, (byte) wraps */
        r = srt_json_integral(p, end, INT8_MIN, 255, &out->i, &st);
        out->i = (int8_t)out->i;
        break;
    case SRT_T_SMALLINT: /* getShortValue */
        r = srt_json_integral(p, end, INT16_MIN, INT16_MAX, &out->i, &st);
        break;
    case SRT_T_BIGINT:
        r = srt_json_i64(p, end, &out->i, &st);
        break;
    case SRT_T_DOUBLE:
        if (tf && tf->no_nonnum)
            r = srt_json_f64_strict(p, end, &out->d, &st);
        else
            r = srt_json_f64(p, end, &out->d, &st);
        break;
    case SRT_T_FLOAT: {
        float f = 0;
        if (tf && tf->no_nonnum)
            r = srt_json_f32_strict(p, end, &f, &st);
        else
            r = srt_json_f32(p, end, &f, &st);
        out->d = f;
        break;
    }
    case SRT_T_DECIMAL: {
        srt_i128 v = 0;
        r = srt_json_dec(p, end, t->precision, t->scale, &v, &st);
        srt_datum_set_dec(out, v);
        break;
    }
    case SRT_T_TIMESTAMP:
        if (tf && tf->ts_on)
            r = srt_json_ts_fmt(q, p, end, tf->ts, tf->ts_n, &out->i, &st);
        else
            r = srt_json_ts(p, end, &out->i, &st);
        break;
    case SRT_T_TIMESTAMP_NTZ:
        if (tf && tf->ntz_on)
            r = srt_json_ts_ntz_fmt(q, p, end, tf->ntz, tf->ntz_n, &out->i, &st);
        else
            r = srt_json_ts_ntz(q, p, end, &out->i, &st);
        break;
    case SRT_T_DATE:
        if (tf && tf->date_on)
            r = srt_json_date_fmt(q, p, end, tf->date, tf->date_n, &out->i, &st);
        else
            r = srt_json_date(p, end, &out->i, &st);
        if (r && st == SRT_JV_OK) {
            int64_t d = out->i / 86400000000LL;
            out->i = out->i % 86400000000LL < 0 ? d - 1 : d;
        }
        break;
    case SRT_T_STRING: {
        const char *s = NULL;
        uint32_t n = 0;
        r = srt_json_str(p, end, q, &s, &n, &st);
        out->p = s;
        out->n = n;
        break;
    }
    case SRT_T_BINARY: { /* JacksonParser: a string's getBinaryValue (base64) */
        const char *s = NULL;
        uint32_t n = 0;
        r = srt_json_str(p, end, q, &s, &n, &st);
        if (r && st == SRT_JV_OK) {
            unsigned char *b = srt_scratch_alloc(q, n / 4 * 3 + 1);
            long k = srt_base64_decode(s, n, b);
            if (k < 0)
                st = SRT_JV_BADTYPE;
            out->p = b;
            out->n = k < 0 ? 0 : (uint32_t)k;
        }
        break;
    }
    }
    if (t->kind != SRT_T_STRUCT && t->kind != SRT_T_ARRAY && t->kind != SRT_T_MAP) {
        if (r && st == SRT_JV_OK) {
            out->is_null = 0;
        } else {
            memset(out, 0, sizeof *out);
            out->is_null = 1;
        }
        if (r && st != SRT_JV_OK && st != SRT_JV_NULL)
            *bad = J_HARD;
        return r;
    }
    /* null, or a value of another type: skip it, the datum stays NULL. */
    r = srt_json_skip(p, end);
    if (r && *p != 'n')
        *bad = J_HARD;
    return r;
}

static const char *json_top(SrtQuery *q, const char *type, const JTime *tf, const char *p,
                            const char *end, SrtDatum *out, int *st)
{
    const SrtType *t = srt_query_type(q, type);
    if (!t) {
        *st = SRT_JV_NULL;
        return srt_json_skip(p, end);
    }
    int bad = J_FINE;
    const char *r = json_value(q, t, p, end, out, tf, 0, &bad);
    if (bad == J_FINE)
        *st = r && !out->is_null ? SRT_JV_OK : SRT_JV_NULL;
    else
        *st = bad == J_PARTIAL ? SRT_JV_PARTIAL : SRT_JV_BADTYPE;
    return r;
}

const char *srt_json_value(SrtQuery *q, const char *type, const char *p, const char *end,
                           SrtDatum *out, int *st)
{
    return json_top(q, type, NULL, p, end, out, st);
}

const char *srt_json_value_fmt(SrtQuery *q, const char *type, const char *ts_fmt, uint32_t ts_n,
                               const char *date_fmt, uint32_t date_n, const char *ntz_fmt,
                               uint32_t ntz_n, int32_t which, const char *p, const char *end,
                               SrtDatum *out, int *st)
{
    JTime tf = {.ts = ts_fmt,
                .ts_n = ts_n,
                .date = date_fmt,
                .date_n = date_n,
                .ntz = ntz_fmt,
                .ntz_n = ntz_n,
                .ts_on = (which & 1) != 0,
                .date_on = (which & 2) != 0,
                .no_nonnum = (which & 4) != 0,
                .ntz_on = (which & 8) != 0};
    return json_top(q, type, &tf, p, end, out, st);
}

/* ======================================================================
** Copies into batch memory
** ====================================================================== */

int srt_value_copy(SrtArena *a, const SrtType *t, SrtDatum *d)
{
    if (d->is_null)
        return 0;
    switch (t->kind) {
    case SRT_T_STRING:
    case SRT_T_BINARY: {
        char *c = srt_arena_alloc(a, d->n ? d->n : 1);
        if (!c)
            return -SRT_ERR_NOMEM;
        if (d->n)
            memcpy(c, d->p, d->n);
        d->p = c;
        return 0;
    }
    case SRT_T_STRUCT:
    case SRT_T_ARRAY:
    case SRT_T_MAP: {
        uint32_t n = srt_nested_count(t, d);
        SrtDatum *v = srt_arena_alloc(a, sizeof *v * (n ? n : 1));
        if (!v)
            return -SRT_ERR_NOMEM;
        if (n)
            memcpy(v, d->p, sizeof *v * n);
        for (uint32_t i = 0; i < n; i++) {
            int rc = srt_value_copy(a, srt_nested_child(t, d, i), &v[i]);
            if (rc < 0)
                return rc;
        }
        d->p = v;
        return 0;
    }
    default:
        return 0;
    }
}

void srt_batch_copy_value(SrtQuery *q, const char *type, SrtDatum *d)
{
    const SrtType *t = srt_query_type(q, type);
    if (t && srt_value_copy(&q->batch, t, d) < 0)
        srt_query_oom(q, "batch memory");
}
