/* srt_sink_db.c - what the database sinks (postgres, sqlite) share: the table's columns from the
** query's schema, and values as the text a database reads.
**
** Columns: one per visible schema column, named as the column, except that a time window
** (struct<start:timestamp,end:timestamp>, what window() and session_window() give; over a
** TIMESTAMP_NTZ both are timestamp_ntz) becomes two columns <name>_start and <name>_end of its
** bounds' type: what a Spark user writing a batch over
** JDBC selects (Spark's JDBC writer has no type for a struct: JdbcUtils.getJdbcType throws
** "Can't get JDBC type for struct<...>"), and a window key can then be the table's key.
** Other structs and arrays are written as JSON (srt_write_json_value, as to_json), a void
** column (a bare NULL) is refused as Spark's JDBC writer refuses NullType.
*/
#include <stdio.h>
#include <string.h>

#include "sinks/srt_sink_db.h"

static int is_window(const SrtType *t)
{
    if (t->kind != SRT_T_STRUCT || t->n_fields != 2 || strcmp(t->fields[0].name, "start") != 0 ||
        strcmp(t->fields[1].name, "end") != 0)
        return 0;
    SrtKind k = t->fields[0].type->kind;
    return (k == SRT_T_TIMESTAMP || k == SRT_T_TIMESTAMP_NTZ) && t->fields[1].type->kind == k;
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
    if (t->kind == SRT_T_STRUCT || t->kind == SRT_T_ARRAY || t->kind == SRT_T_MAP)
        srt_write_json_value(d, t, out);
    else
        srt_show_datum(d, t, out);
}

void srt_db_put_cols(const SrtDbTable *t, int keys_only, SrtBuf *out)
{
    int first = 1;
    for (uint32_t i = 0; i < t->n; i++) {
        if (keys_only && !t->cols[i].key)
            continue;
        srt_buf_puts(out, first ? "" : ", ");
        first = 0;
        srt_db_quote_ident(t->cols[i].name, out);
    }
}

int srt_db_batch_failed(int rc, int64_t batch_id, SrtErr *err)
{
    size_t n = strlen(err->msg);
    snprintf(err->msg + n, sizeof err->msg - n, "; batch %lld was not written", (long long)batch_id);
    return rc;
}

void srt_db_describe(SrtSink *k, SrtBuf *out)
{
    SRT_UNUSED(k);
    srt_buf_puts(out, "ForeachBatchSink");
}
