/* srt_sink_db.c - what the database sinks (postgres, sqlite) share: the table's columns from the
** query's schema, and values as the text a database reads.
**
** Columns: one per visible schema column, named as the column, except that a time window
** (struct<start:timestamp,end:timestamp>, what window() and session_window() give) becomes
** two TIMESTAMP columns <name>_start and <name>_end: what a Spark user writing a batch over
** JDBC selects (Spark's JDBC writer has no type for a struct: JdbcUtils.getJdbcType throws
** "Can't get JDBC type for struct<...>"), and a window key can then be the table's key.
** Other structs and arrays are written as JSON (srt_write_json_value, as to_json), a void
** column (a bare NULL) is refused as Spark's JDBC writer refuses NullType.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "srt_int.h"

static int is_window(const SrtType *t)
{
    return t->kind == SRT_T_STRUCT && t->n_fields == 2 && strcmp(t->fields[0].name, "start") == 0 &&
           strcmp(t->fields[1].name, "end") == 0 && t->fields[0].type->kind == SRT_T_TIMESTAMP &&
           t->fields[1].type->kind == SRT_T_TIMESTAMP;
}

static int is_key(const SrtSink *k, uint32_t col)
{
    for (uint32_t i = 0; i < k->n_keys; i++)
        if (k->keys[i] == col)
            return 1;
    return 0;
}

static int add_col(SrtSink *k, SrtDbTable *t, const char *name, size_t name_len, const char *suffix,
                   uint32_t src, int field, const SrtType *type, SrtErr *err)
{
    if (srt_mem_grow(k->mem, (void **)&t->cols, &t->cap, sizeof *t->cols, t->n + 1) < 0)
        return srt_err_nomem(err, t->what);
    SrtBuf b;
    srt_buf_init(&b, k->mem);
    srt_buf_put(&b, name, name_len);
    srt_buf_puts(&b, suffix);
    const char *s = srt_buf_cstr(&b);
    char *copy = b.oom ? NULL : srt_arena_strdup(&t->arena, s);
    srt_buf_free(&b);
    if (!copy)
        return srt_err_nomem(err, t->what);
    for (uint32_t i = 0; i < t->n; i++)
        if (srt_str_ieq(t->cols[i].name, copy))
            return srt_err_set(err, SRT_ERR_QUERY,
                               "%s: the table would have the column \"%s\" twice (names are "
                               "compared ignoring case): rename one with AS",
                               t->what, copy);
    SrtDbCol *c = &t->cols[t->n++];
    c->name = copy;
    c->src = src;
    c->field = field;
    c->type = type;
    c->key = is_key(k, src);
    t->n_keys += (uint32_t)c->key;
    return 0;
}

int srt_db_table_init(SrtSink *k, SrtDbTable *t, const char *connector, const SrtSchema *schema,
                      SrtErr *err)
{
    memset(t, 0, sizeof *t);
    srt_arena_init(&t->arena, k->mem, 1024);
    snprintf(t->what, sizeof t->what, "%s sink '%.100s'", connector, k->name);
    for (uint32_t i = 0; i < schema->n_cols; i++) {
        const SrtColumn *col = &schema->cols[i];
        if (col->hidden)
            continue;
        const char *name = col->name;
        int rc;
        if (col->type->kind == SRT_T_VOID)
            return srt_err_set(err, SRT_ERR_QUERY,
                               "%s: column \"%s\" is a bare NULL (type void), which no database "
                               "column holds: cast it to the type it should have",
                               t->what, name);
        if (is_window(col->type)) {
            if ((rc = add_col(k, t, name, strlen(name), "_start", i, 0, col->type->fields[0].type, err)) < 0 ||
                (rc = add_col(k, t, name, strlen(name), "_end", i, 1, col->type->fields[1].type, err)) < 0)
                return rc;
        } else if ((rc = add_col(k, t, name, strlen(name), "", i, -1, col->type, err)) < 0) {
            return rc;
        }
    }
    if (t->n == 0)
        return srt_err_set(err, SRT_ERR_QUERY, "%s: the query has no column to write", t->what);
    if (k->mode == SRT_SINK_UPSERT && t->n_keys == 0)
        return srt_err_set(err, SRT_ERR_QUERY,
                           "%s: update mode upserts on the GROUP BY keys, and the query's result "
                           "does not have them all as columns",
                           t->what);
    return 0;
}

void srt_db_table_free(SrtSink *k, SrtDbTable *t)
{
    srt_mem_free(k->mem, t->cols, sizeof *t->cols * t->cap);
    srt_arena_free(&t->arena);
    memset(t, 0, sizeof *t);
}

/* One identifier of text at *p into arena memory; NULL when there is none. */
static const char *ident(SrtDbTable *t, const char **p, int fold)
{
    const char *s = *p;
    SrtBuf b;
    srt_buf_init(&b, t->arena.mem);
    if (*s == '"') {
        for (s++; *s && !(s[0] == '"' && s[1] != '"'); s++) {
            if (*s == '"')
                s++;
            srt_buf_putc(&b, *s);
        }
        if (*s != '"' || b.n == 0) {
            srt_buf_free(&b);
            return NULL;
        }
        s++;
    } else {
        int c = (unsigned char)*s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80)) {
            srt_buf_free(&b);
            return NULL;
        }
        for (; *s; s++) {
            c = (unsigned char)*s;
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '$' || c >= 0x80))
                break;
            srt_buf_putc(&b, (char)(fold && c >= 'A' && c <= 'Z' ? c + 32 : c));
        }
    }
    *p = s;
    char *out = b.oom ? NULL : srt_arena_strdup(&t->arena, srt_buf_cstr(&b));
    srt_buf_free(&b);
    return out;
}

int srt_db_table_name(SrtDbTable *t, const char *text, int fold, SrtErr *err)
{
    const char *p = text ? text : "";
    const char *first = ident(t, &p, fold), *second = NULL;
    int ok = first != NULL;
    if (ok && *p == '.') {
        p++;
        second = ident(t, &p, fold);
        ok = second != NULL;
    }
    if (!ok || *p)
        return srt_err_set(err, SRT_ERR_OPTION,
                           "%s: option 'table' = '%s' is not a table name ([schema.]name; a name "
                           "with other characters goes in double quotes)",
                           t->what, text ? text : "");
    t->schema = second ? first : NULL;
    t->name = second ? second : first;
    SrtBuf b;
    srt_buf_init(&b, t->arena.mem);
    if (t->schema) {
        srt_db_quote_ident(t->schema, &b);
        srt_buf_putc(&b, '.');
    }
    srt_db_quote_ident(t->name, &b);
    t->qname = b.oom ? NULL : srt_arena_strdup(&t->arena, srt_buf_cstr(&b));
    srt_buf_free(&b);
    return t->qname ? 0 : srt_err_nomem(err, t->what);
}

const SrtDatum *srt_db_value(const SrtDbCol *c, const SrtDatum *row)
{
    const SrtDatum *d = &row[c->src];
    if (c->field < 0 || d->is_null)
        return d;
    return &((const SrtDatum *)d->p)[c->field];
}

void srt_db_quote_ident(const char *name, SrtBuf *out)
{
    srt_buf_putc(out, '"');
    for (const char *s = name; *s; s++) {
        if (*s == '"')
            srt_buf_putc(out, '"');
        srt_buf_putc(out, *s);
    }
    srt_buf_putc(out, '"');
}

void srt_db_text(const SrtDatum *d, const SrtType *t, SrtBuf *out)
{
    char tmp[64];
    switch (t->kind) {
    case SRT_T_BOOLEAN:
        srt_buf_puts(out, d->i ? "true" : "false");
        break;
    case SRT_T_INT:
    case SRT_T_BIGINT:
        srt_buf_printf(out, "%lld", (long long)d->i);
        break;
    case SRT_T_DOUBLE:
    case SRT_T_FLOAT:
        /* digits that read back as the same double (float: the same float), and the
           spellings PostgreSQL reads for the values that are not numbers */
        if (isnan(d->d))
            srt_buf_puts(out, "NaN");
        else if (isinf(d->d))
            srt_buf_puts(out, d->d > 0 ? "Infinity" : "-Infinity");
        else
            srt_buf_printf(out, t->kind == SRT_T_FLOAT ? "%.9g" : "%.17g", d->d);
        break;
    case SRT_T_DECIMAL:
        srt_buf_put(out, tmp, srt_fmt_decimal(srt_datum_dec(d), t->scale, 1, tmp));
        break;
    case SRT_T_STRING:
        srt_buf_put(out, d->p, d->n);
        break;
    case SRT_T_TIMESTAMP:
        srt_buf_put(out, tmp, srt_ts_format(d->i, tmp));
        break;
    case SRT_T_DATE:
        srt_buf_put(out, tmp, srt_date_text(d->i, tmp));
        break;
    case SRT_T_STRUCT:
    case SRT_T_ARRAY:
        srt_write_json_value(d, t, out);
        break;
    case SRT_T_VOID:
        break;
    }
}
