/* srt_sink_sqlite.c - the `sqlite` sink: each batch into a table of an SQLite database file in
** one transaction, exactly once across restarts (Spark's foreachBatch writing over JDBC, keyed
** on the batch id).
**
** Options: path (the database file, created when missing), table ([schema.]name, the schema an
** attached database; srt_db_table_name; created when missing).
** Columns (srt_sink_db.c) and their declared types: BOOLEAN (0/1), INTEGER, BIGINT, DOUBLE,
** REAL, TEXT for STRING, for DECIMAL (its exact digits: SQLite has no exact decimal, a
** NUMERIC column would round to 15 digits) and for structs and arrays (JSON), TIMESTAMP
** ("2016-07-26 02:54:35.123", UTC, as SQLite's date functions read it; a TIMESTAMP_NTZ its
** local date-time so) and DATE ("2016-07-26").  NaN is stored as NULL (SQLite has no NaN).
** An existing table must have every column with a declared type of the affinity of the one
** above (INTEGER for the integers, REAL for DOUBLE and FLOAT, TEXT for STRING, DECIMAL and
** JSON, NUMERIC or TEXT for BOOLEAN, TIMESTAMP, TIMESTAMP_NTZ and DATE;
** sqlite.org/datatype3.html section 3.1), or open refuses it.
**
** A batch (SrtSink.mode): append inserts the rows; upsert updates the row whose key
** columns hold the same values (NULL matching NULL, as Spark groups them: "k IS ?") and
** inserts the rows that matched none; replace deletes every row of the table first.  A
** new table with key columns gets a unique index on them.
**
** Exactly once: with a checkpoint, the table _sluice_batches(query_id, table_name, batch_id)
** holds the last batch each query wrote into each table, updated in the batch's transaction;
** a batch at or below it is skipped (a re-run after a crash writes nothing twice).  Without
** a checkpoint there is nothing to resume, and nothing is recorded.  Any error (a constraint,
** SQLITE_FULL, a lock held past the 5 s busy timeout) rolls the whole batch back.
*/
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "sinks/srt_sink_db.h"

#define SQLITE_BATCHES "_sluice_batches"
#define SQLITE_BUSY_MS 5000

typedef struct SqlSink {
    sqlite3 *db;
    SrtDbTable t;
    const char *table; /* t.qname */
    sqlite3_stmt *insert, *update, *clear, *get_batch, *put_batch;
    SrtBuf sql, val;
} SqlSink;

/* "<what>: <doing>: <sqlite's message>". */
static int db_err(SqlSink *s, int code, const char *doing, SrtErr *err)
{
    return srt_err_set(err, code, "%s: %s: %s", s->t.what, doing,
                       s->db ? sqlite3_errmsg(s->db) : "out of memory");
}

static int prepare(SqlSink *s, sqlite3_stmt **st, const char *doing, SrtErr *err)
{
    const char *sql = srt_buf_cstr(&s->sql);
    if (s->sql.oom)
        return srt_err_nomem(err, s->t.what);
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK)
        return db_err(s, SRT_ERR_QUERY, doing, err);
    return 0;
}

static int exec(SqlSink *s, const char *sql, const char *doing, SrtErr *err)
{
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return db_err(s, SRT_ERR_IO, doing, err);
    return 0;
}

/* ==== The table ==== */

static const char *decl_type(const SrtType *t)
{
    switch (t->kind) {
    case SRT_T_BOOLEAN: return "BOOLEAN";
    case SRT_T_TINYINT:
    case SRT_T_SMALLINT:
    case SRT_T_INT: return "INTEGER";
    case SRT_T_BIGINT: return "BIGINT";
    case SRT_T_DOUBLE: return "DOUBLE";
    case SRT_T_FLOAT: return "REAL";
    case SRT_T_TIMESTAMP: /* its instant in UTC */
    case SRT_T_TIMESTAMP_NTZ:
        return "TIMESTAMP"; /* its local date-time */
    case SRT_T_DATE: return "DATE";
    case SRT_T_BINARY: return "BLOB";
    case SRT_T_DECIMAL:
    case SRT_T_STRING:
    case SRT_T_STRUCT:
    case SRT_T_ARRAY:
    case SRT_T_MAP:
    case SRT_T_DT_INTERVAL: /* refused by sema: JdbcUtils has no JDBC type for intervals */
    case SRT_T_YM_INTERVAL:
    case SRT_T_VOID: return "TEXT";
    }
    return "TEXT";
}

typedef enum Affinity { AFF_INTEGER, AFF_TEXT, AFF_BLOB, AFF_REAL, AFF_NUMERIC } Affinity;

/* The affinity of a declared type, by SQLite's rules (datatype3.html, 3.1). */
static Affinity affinity(const char *decl)
{
    char up[128];
    size_t n = 0;
    for (; decl[n] && n < sizeof up - 1; n++)
        up[n] = (char)(decl[n] >= 'a' && decl[n] <= 'z' ? decl[n] - 32 : decl[n]);
    up[n] = '\0';
    if (strstr(up, "INT"))
        return AFF_INTEGER;
    if (strstr(up, "CHAR") || strstr(up, "CLOB") || strstr(up, "TEXT"))
        return AFF_TEXT;
    if (n == 0 || strstr(up, "BLOB"))
        return AFF_BLOB;
    if (strstr(up, "REAL") || strstr(up, "FLOA") || strstr(up, "DOUB"))
        return AFF_REAL;
    return AFF_NUMERIC;
}

static int fits(const SrtType *t, Affinity a)
{
    switch (t->kind) {
    case SRT_T_TINYINT:
    case SRT_T_SMALLINT:
    case SRT_T_INT:
    case SRT_T_BIGINT: return a == AFF_INTEGER;
    case SRT_T_DOUBLE:
    case SRT_T_FLOAT: return a == AFF_REAL;
    case SRT_T_BOOLEAN: return a == AFF_NUMERIC || a == AFF_INTEGER;
    case SRT_T_TIMESTAMP:
    case SRT_T_TIMESTAMP_NTZ:
    case SRT_T_DATE: return a == AFF_NUMERIC || a == AFF_TEXT;
    case SRT_T_BINARY: return a == AFF_BLOB;
    case SRT_T_DECIMAL:
    case SRT_T_STRING:
    case SRT_T_STRUCT:
    case SRT_T_ARRAY:
    case SRT_T_MAP:
    case SRT_T_DT_INTERVAL: /* refused by sema: JdbcUtils has no JDBC type for intervals */
    case SRT_T_YM_INTERVAL:
    case SRT_T_VOID: return a == AFF_TEXT;
    }
    return 0;
}

/* The existing table's columns against ours (*exists = 0 when there is no such table). */
static int check_table(SqlSink *s, int *exists, SrtErr *err)
{
    sqlite3_stmt *st;
    srt_buf_clear(&s->sql);
    srt_buf_puts(&s->sql, "SELECT name, type FROM pragma_table_info(?1, ?2)");
    int rc = prepare(s, &st, "cannot read the table's columns", err);
    if (rc < 0)
        return rc;
    sqlite3_bind_text(st, 1, s->t.name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, s->t.schema ? s->t.schema : "main", -1, SQLITE_STATIC);
    uint8_t *seen = srt_mem_calloc(s->t.arena.mem, s->t.n);
    if (!seen) {
        sqlite3_finalize(st);
        return srt_err_nomem(err, s->t.what);
    }
    *exists = 0;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW && rc == 0) {
        *exists = 1;
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const char *decl = (const char *)sqlite3_column_text(st, 1);
        for (uint32_t i = 0; name && i < s->t.n; i++) {
            const SrtDbCol *c = &s->t.cols[i];
            if (!srt_str_ieq(c->name, name))
                continue;
            seen[i] = 1;
            if (!fits(c->type, affinity(decl ? decl : "")))
                rc = srt_err_set(err, SRT_ERR_QUERY,
                                 "%s: column \"%s\" of table %s is declared '%s', which cannot "
                                 "hold the query's %s values (declare it %s)",
                                 s->t.what, name, s->table, decl ? decl : "", decl_type(c->type),
                                 decl_type(c->type));
        }
    }
    if (rc == 0 && step != SQLITE_DONE && step != SQLITE_ROW)
        rc = db_err(s, SRT_ERR_IO, "cannot read the table's columns", err);
    sqlite3_finalize(st);
    for (uint32_t i = 0; rc == 0 && *exists && i < s->t.n; i++)
        if (!seen[i])
            rc = srt_err_set(err, SRT_ERR_QUERY, "%s: table %s has no column \"%s\"",
                             s->t.what, s->table, s->t.cols[i].name);
    srt_mem_free(s->t.arena.mem, seen, s->t.n);
    return rc;
}

static int create_table(SqlSink *s, SrtErr *err)
{
    srt_buf_clear(&s->sql);
    srt_buf_puts(&s->sql, "CREATE TABLE IF NOT EXISTS ");
    srt_buf_puts(&s->sql, s->table);
    srt_buf_puts(&s->sql, " (");
    for (uint32_t i = 0; i < s->t.n; i++) {
        srt_buf_puts(&s->sql, i ? ", " : "");
        srt_db_quote_ident(s->t.cols[i].name, &s->sql);
        srt_buf_printf(&s->sql, " %s", decl_type(s->t.cols[i].type));
    }
    srt_buf_puts(&s->sql, ")");
    if (s->t.n_keys) {
        SrtBuf idx;
        srt_buf_init(&idx, s->t.arena.mem);
        srt_buf_printf(&idx, "%s_key", s->t.name);
        srt_buf_puts(&s->sql, "; CREATE UNIQUE INDEX IF NOT EXISTS ");
        if (s->t.schema) {
            srt_db_quote_ident(s->t.schema, &s->sql);
            srt_buf_putc(&s->sql, '.');
        }
        srt_db_quote_ident(srt_buf_cstr(&idx), &s->sql);
        srt_buf_free(&idx);
        srt_buf_puts(&s->sql, " ON ");
        srt_db_quote_ident(s->t.name, &s->sql);
        srt_buf_puts(&s->sql, " (");
        srt_db_put_cols(&s->t, 1, &s->sql);
        srt_buf_puts(&s->sql, ")");
    }
    if (s->sql.oom)
        return srt_err_nomem(err, s->t.what);
    return exec(s, srt_buf_cstr(&s->sql), "cannot create the table", err);
}

/* The statements of a batch: ?i is the value of column i (1-based) in both insert and update. */
static int prepare_all(SqlSink *s, SrtErr *err)
{
    int rc;
    srt_buf_clear(&s->sql);
    srt_buf_puts(&s->sql, "INSERT INTO ");
    srt_buf_puts(&s->sql, s->table);
    srt_buf_puts(&s->sql, " (");
    srt_db_put_cols(&s->t, 0, &s->sql);
    srt_buf_puts(&s->sql, ") VALUES (");
    for (uint32_t i = 0; i < s->t.n; i++)
        srt_buf_printf(&s->sql, "%s?%u", i ? ", " : "", i + 1);
    srt_buf_puts(&s->sql, ")");
    if ((rc = prepare(s, &s->insert, "cannot prepare the insert", err)) < 0)
        return rc;
    if (s->t.n_keys) {
        srt_buf_clear(&s->sql);
        srt_buf_puts(&s->sql, "UPDATE ");
        srt_buf_puts(&s->sql, s->table);
        srt_buf_puts(&s->sql, " SET ");
        for (uint32_t i = 0; i < s->t.n; i++) {
            srt_buf_puts(&s->sql, i ? ", " : "");
            srt_db_quote_ident(s->t.cols[i].name, &s->sql);
            srt_buf_printf(&s->sql, " = ?%u", i + 1);
        }
        srt_buf_puts(&s->sql, " WHERE ");
        int first = 1;
        for (uint32_t i = 0; i < s->t.n; i++) {
            if (!s->t.cols[i].key)
                continue;
            srt_buf_puts(&s->sql, first ? "" : " AND ");
            first = 0;
            srt_db_quote_ident(s->t.cols[i].name, &s->sql);
            srt_buf_printf(&s->sql, " IS ?%u", i + 1);
        }
        if ((rc = prepare(s, &s->update, "cannot prepare the update", err)) < 0)
            return rc;
    }
    srt_buf_clear(&s->sql);
    srt_buf_puts(&s->sql, "DELETE FROM ");
    srt_buf_puts(&s->sql, s->table);
    return prepare(s, &s->clear, "cannot prepare the delete", err);
}

static int prepare_batches(SqlSink *s, SrtErr *err)
{
    int rc = exec(s,
                  "CREATE TABLE IF NOT EXISTS " SQLITE_BATCHES " (query_id TEXT NOT NULL, "
                  "table_name TEXT NOT NULL, batch_id BIGINT NOT NULL, "
                  "PRIMARY KEY (query_id, table_name))",
                  "cannot create " SQLITE_BATCHES, err);
    if (rc < 0)
        return rc;
    srt_buf_clear(&s->sql);
    srt_buf_puts(&s->sql, "SELECT batch_id FROM " SQLITE_BATCHES " WHERE query_id = ?1 AND "
                          "table_name = ?2");
    if ((rc = prepare(s, &s->get_batch, "cannot prepare the batch lookup", err)) < 0)
        return rc;
    srt_buf_clear(&s->sql);
    srt_buf_puts(&s->sql, "INSERT INTO " SQLITE_BATCHES " (query_id, table_name, batch_id) "
                          "VALUES (?1, ?2, ?3) ON CONFLICT (query_id, table_name) "
                          "DO UPDATE SET batch_id = excluded.batch_id");
    return prepare(s, &s->put_batch, "cannot prepare the batch record", err);
}

static int sqlite_open(SrtSink *k, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    SqlSink *s = srt_mem_calloc(k->mem, sizeof *s);
    if (!s)
        return srt_err_nomem(err, "sqlite sink");
    k->impl = s;
    srt_buf_init(&s->sql, k->mem);
    srt_buf_init(&s->val, k->mem);
    int rc = srt_db_table_init(k, &s->t, "sqlite", schema, err);
    if (rc < 0)
        return rc;
    const char *path = srt_opts_get(opts, "path");
    if (!path || !*path)
        return srt_err_set(err, SRT_ERR_OPTION, "%s: option 'path' is required", s->t.what);
    if ((rc = srt_db_table_name(&s->t, srt_opts_get(opts, "table"), 0, err)) < 0)
        return rc;
    s->table = s->t.qname;
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        rc = srt_err_set(err, SRT_ERR_IO, "%s: cannot open database '%s': %s", s->t.what, path,
                         s->db ? sqlite3_errmsg(s->db) : "out of memory");
        return rc;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, SQLITE_BUSY_MS);
    int exists = 0;
    if ((rc = check_table(s, &exists, err)) < 0)
        return rc;
    if (!exists && (rc = create_table(s, err)) < 0)
        return rc;
    if (k->query_id && (rc = prepare_batches(s, err)) < 0)
        return rc;
    return prepare_all(s, err);
}

/* Bind the values of row to st as ?1..?n. */
static int bind_row(SqlSink *s, sqlite3_stmt *st, const SrtDatum *row, SrtErr *err)
{
    for (uint32_t i = 0; i < s->t.n; i++) {
        const SrtDbCol *c = &s->t.cols[i];
        const SrtDatum *d = srt_db_value(c, row);
        int idx = (int)i + 1, rc;
        if (d->is_null) {
            rc = sqlite3_bind_null(st, idx);
        } else {
            switch (c->type->kind) {
            case SRT_T_BOOLEAN:
            case SRT_T_TINYINT:
            case SRT_T_SMALLINT:
            case SRT_T_INT:
            case SRT_T_BIGINT:
                rc = sqlite3_bind_int64(st, idx, d->i);
                break;
            case SRT_T_DOUBLE:
            case SRT_T_FLOAT:
                rc = sqlite3_bind_double(st, idx, d->d);
                break;
            case SRT_T_BINARY:
                rc = sqlite3_bind_blob64(st, idx, d->n ? d->p : "", d->n, SQLITE_TRANSIENT);
                break;
            case SRT_T_DECIMAL:
            case SRT_T_STRING:
            case SRT_T_TIMESTAMP:
            case SRT_T_DATE:
            case SRT_T_STRUCT:
            case SRT_T_ARRAY:
            case SRT_T_MAP:
            case SRT_T_DT_INTERVAL: /* refused by sema */
            case SRT_T_TIMESTAMP_NTZ:
            case SRT_T_YM_INTERVAL:
            case SRT_T_VOID:
                srt_buf_clear(&s->val);
                srt_db_text(d, c->type, &s->val);
                if (s->val.oom)
                    return srt_err_nomem(err, s->t.what);
                rc = sqlite3_bind_text64(st, idx, s->val.n ? s->val.p : "", s->val.n,
                                         SQLITE_TRANSIENT, SQLITE_UTF8);
                break;
            }
        }
        if (rc != SQLITE_OK)
            return db_err(s, SRT_ERR_IO, "cannot bind a value", err);
    }
    return 0;
}

static int step_done(SqlSink *s, sqlite3_stmt *st, const char *doing, SrtErr *err)
{
    int rc = sqlite3_step(st);
    int ret = rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : db_err(s, SRT_ERR_IO, doing, err);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return ret;
}

/* The batch's statements, inside its transaction; *skip = 1 when it was written before. */
static int write_rows(SrtSink *k, SqlSink *s, int64_t batch_id, SrtDatum *const *rows,
                      size_t n_rows, int *skip, SrtErr *err)
{
    int rc;
    *skip = 0;
    if (k->query_id) {
        sqlite3_bind_text(s->get_batch, 1, k->query_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(s->get_batch, 2, s->table, -1, SQLITE_STATIC);
        int step = sqlite3_step(s->get_batch);
        if (step == SQLITE_ROW && sqlite3_column_int64(s->get_batch, 0) >= batch_id)
            *skip = 1;
        sqlite3_reset(s->get_batch);
        if (step != SQLITE_ROW && step != SQLITE_DONE)
            return db_err(s, SRT_ERR_IO, "cannot read " SQLITE_BATCHES, err);
        if (*skip)
            return 0;
    }
    if (k->mode == SRT_SINK_REPLACE && (rc = step_done(s, s->clear, "cannot empty the table", err)) < 0)
        return rc;
    for (size_t r = 0; r < n_rows; r++) {
        if (k->mode == SRT_SINK_UPSERT) {
            if ((rc = bind_row(s, s->update, rows[r], err)) < 0 ||
                (rc = step_done(s, s->update, "cannot update a row", err)) < 0)
                return rc;
            if (sqlite3_changes(s->db) > 0)
                continue;
        }
        if ((rc = bind_row(s, s->insert, rows[r], err)) < 0 ||
            (rc = step_done(s, s->insert, "cannot insert a row", err)) < 0)
            return rc;
    }
    if (k->query_id) {
        sqlite3_bind_text(s->put_batch, 1, k->query_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(s->put_batch, 2, s->table, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s->put_batch, 3, batch_id);
        if ((rc = step_done(s, s->put_batch, "cannot record the batch", err)) < 0)
            return rc;
    }
    return 0;
}

static int sqlite_write(SrtSink *k, int64_t batch_id, SrtDatum *const *rows, size_t n_rows,
                        const SrtSchema *schema, SrtErr *err)
{
    SRT_UNUSED(schema);
    SqlSink *s = k->impl;
    int rc = exec(s, "BEGIN IMMEDIATE", "cannot begin a transaction", err);
    if (rc < 0)
        return rc;
    int skip;
    rc = write_rows(k, s, batch_id, rows, n_rows, &skip, err);
    if (rc == 0 && !skip && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        rc = db_err(s, SRT_ERR_IO, "cannot commit", err);
    if (rc == 0 && !skip)
        return 0;
    if (sqlite3_get_autocommit(s->db) == 0)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc < 0 ? srt_db_batch_failed(rc, batch_id, err) : rc;
}

static void sqlite_close(SrtSink *k)
{
    SqlSink *s = k->impl;
    if (!s)
        return;
    sqlite3_finalize(s->insert);
    sqlite3_finalize(s->update);
    sqlite3_finalize(s->clear);
    sqlite3_finalize(s->get_batch);
    sqlite3_finalize(s->put_batch);
    sqlite3_close(s->db);
    srt_db_table_free(k, &s->t);
    srt_buf_free(&s->sql);
    srt_buf_free(&s->val);
    srt_mem_free(k->mem, s, sizeof *s);
    k->impl = NULL;
}

const SrtSinkVt srt_sink_sqlite_vt = {
    .connector = "sqlite",
    .open = sqlite_open,
    .write = sqlite_write,
    .close = sqlite_close,
    .describe = srt_db_describe, /* ForeachBatchSink */
    .v1 = 1,                     /* ForeachBatchSink is a v1 Sink: numOutputRows -1 */
};
