/* srt_sink_postgres.c - the `postgres` sink: each batch into a PostgreSQL table in one
** transaction, exactly once across restarts (Spark's foreachBatch writing over JDBC, keyed on
** the batch id).
**
** Options: table ([schema.]name as SQL names it, srt_db_table_name; created when missing), url
** (a libpq connection string "host=... dbname=..." or URI "postgresql://host:port/db"; a "jdbc:"
** prefix is dropped; absent: libpq's defaults, PGHOST, PGPORT ...), user and password (override
** the url's).
**
** Columns (srt_sink_db.c) and their types: BOOLEAN, INTEGER, BIGINT, DOUBLE PRECISION, REAL,
** NUMERIC(p,s), TEXT, TIMESTAMPTZ (Spark's TIMESTAMP is an instant, written in UTC; Spark 4's
** PostgresDialect.getJDBCType creates TIMESTAMP WITH TIME ZONE too, 3.5's TIMESTAMP),
** TIMESTAMP for a TIMESTAMP_NTZ (its local date-time, JdbcUtils' TIMESTAMP), DATE,
** <element type>[] for an array of one of those (as PostgresDialect), and JSONB for structs
** and other arrays (as to_json writes them; Spark's JDBC writer has no type for them).  An
** existing table must have every column (names compared exactly, as quoted identifiers) with a
** type that holds the values: the type above, or a wider one (bigint for INT, double precision
** for FLOAT, numeric or numeric(p',s) with as many integer digits for DECIMAL, character varying
** for STRING, timestamp without time zone (it then holds UTC) for TIMESTAMP, only that one for
** TIMESTAMP_NTZ, json or text for JSON).  Else open refuses it, before the first batch.
**
** A batch (SrtSink.mode) is sent with COPY (no SQL is built from values): append copies the
** rows into the table; replace deletes every row first; upsert copies them into a temporary
** table and runs INSERT ... SELECT ... ON CONFLICT (keys) DO UPDATE.  Upsert needs a unique
** index on exactly the key columns: a table sluice creates has UNIQUE NULLS NOT DISTINCT
** (keys) (PostgreSQL 15+; older servers get UNIQUE (keys), where NULL keys never match), an
** existing one without such an index is refused at open.
**
** Exactly once: with a checkpoint, the table _sluice_batches(query_id, table_name, batch_id)
** holds the last batch each query wrote into each table, read FOR UPDATE and updated in the
** batch's transaction; a batch at or below it is skipped (a re-run after a crash writes
** nothing twice).  Without a checkpoint there is nothing to resume, and nothing is recorded.
** Any error rolls the whole batch back; the message carries the server's (no password).
*/
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "sinks/srt_sink_db.h"

#define PG_BATCHES "_sluice_batches"
#define PG_STAGE "_sluice_stage"
/* COPY data is handed to libpq whenever this much has accumulated. */
#define PG_COPY_FLUSH ((size_t)1 << 20)

typedef struct PgSink {
    PGconn *conn;
    SrtDbTable t;
    SrtBuf sql, copy, qtable; /* qtable: the table's name as a quoted identifier */
} PgSink;

/* ==== Errors ==== */

/* libpq's message on one line: newlines and the tabs after them become "; ". */
static void put_oneline(SrtBuf *b, const char *msg)
{
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        n--;
    for (size_t i = 0; i < n; i++) {
        if (msg[i] == '\n') {
            srt_buf_puts(b, "; ");
            while (i + 1 < n && (msg[i + 1] == '\t' || msg[i + 1] == ' '))
                i++;
        } else {
            srt_buf_putc(b, msg[i]);
        }
    }
}

/* "<what>: <doing>: <server message>[: <detail>]" from res (NULL: the connection's message). */
static int pg_err(PgSink *s, int code, const char *doing, const PGresult *res, SrtErr *err)
{
    SrtBuf b;
    srt_buf_init(&b, s->t.arena.mem);
    const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    const char *detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
    if (primary) {
        srt_buf_puts(&b, primary);
        if (detail) {
            srt_buf_puts(&b, ": ");
            put_oneline(&b, detail);
        }
    } else {
        put_oneline(&b, s->conn ? PQerrorMessage(s->conn) : "out of memory");
    }
    int rc = srt_err_set(err, code, "%s: %s: %s", s->t.what, doing, srt_buf_cstr(&b));
    srt_buf_free(&b);
    return rc;
}

/* 0 when res has status want (PGRES_COMMAND_OK, PGRES_TUPLES_OK ...); *out (if given)
   receives it to PQclear, else it is cleared. */
static int result(PgSink *s, PGresult *res, ExecStatusType want, const char *doing, PGresult **out,
                  SrtErr *err)
{
    if (PQresultStatus(res) != want) {
        int rc = pg_err(s, SRT_ERR_IO, doing, res, err);
        PQclear(res);
        return rc;
    }
    if (out)
        *out = res;
    else
        PQclear(res);
    return 0;
}

/* Run sql with n text parameters (result). */
static int run(PgSink *s, const char *sql, int n, const char *const *vals, ExecStatusType want,
               const char *doing, PGresult **out, SrtErr *err)
{
    return result(s, PQexecParams(s->conn, sql, n, NULL, vals, NULL, NULL, 0), want, doing, out, err);
}

static int run_buf(PgSink *s, const char *doing, SrtErr *err)
{
    if (s->sql.oom)
        return srt_err_nomem(err, s->t.what);
    return run(s, srt_buf_cstr(&s->sql), 0, NULL, PGRES_COMMAND_OK, doing, NULL, err);
}

/* ==== Connecting ==== */

/* Notices (e.g. "relation already exists, skipping") are not the query's output. */
static void ignore_notice(void *arg, const char *message)
{
    SRT_UNUSED(arg);
    SRT_UNUSED(message);
}

static int connect_db(PgSink *s, const SrtOptions *opts, SrtErr *err)
{
    const char *keys[6], *vals[6];
    int n = 0;
    const char *url = srt_opts_get(opts, "url");
    if (url && strncmp(url, "jdbc:", 5) == 0)
        url += 5;
    if (url && *url)
        keys[n] = "dbname", vals[n++] = url; /* expanded: a conninfo string or URI */
    const char *user = srt_opts_get(opts, "user"), *password = srt_opts_get(opts, "password");
    if (user)
        keys[n] = "user", vals[n++] = user;
    if (password)
        keys[n] = "password", vals[n++] = password;
    keys[n] = "application_name", vals[n++] = "sluice";
    keys[n] = "client_encoding", vals[n++] = "UTF8";
    keys[n] = NULL, vals[n] = NULL;
    s->conn = PQconnectdbParams(keys, vals, 1);
    if (PQstatus(s->conn) != CONNECTION_OK)
        return pg_err(s, SRT_ERR_IO, "cannot connect", NULL, err);
    PQsetNoticeProcessor(s->conn, ignore_notice, NULL);
    return 0;
}

/* ==== The table ==== */

/* An array of an atomic type is a PostgreSQL array (PostgresDialect.getJDBCType: ArrayType of
   an AtomicType is "<element type>[]"); other arrays and structs are JSON. */
static int pg_array(const SrtType *t)
{
    if (t->kind != SRT_T_ARRAY)
        return 0;
    SrtKind e = t->elem->kind;
    return e != SRT_T_STRUCT && e != SRT_T_ARRAY && e != SRT_T_VOID;
}

static void put_type(SrtBuf *b, const SrtType *t)
{
    if (pg_array(t)) {
        put_type(b, t->elem);
        srt_buf_puts(b, "[]");
        return;
    }
    switch (t->kind) {
    case SRT_T_BOOLEAN: srt_buf_puts(b, "BOOLEAN"); break;
    case SRT_T_TINYINT: /* PostgresDialect: ShortType | ByteType => SMALLINT */
    case SRT_T_SMALLINT:
        srt_buf_puts(b, "SMALLINT");
        break;
    case SRT_T_INT: srt_buf_puts(b, "INTEGER"); break;
    case SRT_T_BIGINT: srt_buf_puts(b, "BIGINT"); break;
    case SRT_T_DOUBLE: srt_buf_puts(b, "DOUBLE PRECISION"); break;
    case SRT_T_FLOAT: srt_buf_puts(b, "REAL"); break;
    case SRT_T_DECIMAL: srt_buf_printf(b, "NUMERIC(%d,%d)", t->precision, t->scale); break;
    case SRT_T_DT_INTERVAL: /* refused by sema: JdbcUtils has no JDBC type for intervals */
    case SRT_T_YM_INTERVAL:
    case SRT_T_STRING:
    case SRT_T_VOID: srt_buf_puts(b, "TEXT"); break;
    case SRT_T_TIMESTAMP: srt_buf_puts(b, "TIMESTAMPTZ"); break;
    /* JdbcUtils.getCommonJDBCType: TimestampNTZType => TIMESTAMP (PostgresDialect has no rule
       of its own): timestamp without time zone */
    case SRT_T_TIMESTAMP_NTZ:
        srt_buf_puts(b, "TIMESTAMP");
        break;
    case SRT_T_DATE: srt_buf_puts(b, "DATE"); break;
    case SRT_T_BINARY: srt_buf_puts(b, "BYTEA"); break; /* PostgresDialect: BinaryType */
    case SRT_T_STRUCT:
    case SRT_T_ARRAY:
    case SRT_T_MAP: srt_buf_puts(b, "JSONB"); break;
    }
}

/* Whether a column of format_type() text `have` holds values of type t. */
static int fits(const SrtType *t, const char *have)
{
    size_t n = strlen(have);
    if (pg_array(t)) {
        char elem[128];
        if (n < 3 || n >= sizeof elem || strcmp(have + n - 2, "[]") != 0)
            return 0;
        memcpy(elem, have, n - 2);
        elem[n - 2] = '\0';
        return fits(t->elem, elem);
    }
    switch (t->kind) {
    case SRT_T_BOOLEAN: return strcmp(have, "boolean") == 0;
    case SRT_T_TINYINT:
    case SRT_T_SMALLINT:
        return strcmp(have, "smallint") == 0 || strcmp(have, "integer") == 0 ||
               strcmp(have, "bigint") == 0;
    case SRT_T_INT: return strcmp(have, "integer") == 0 || strcmp(have, "bigint") == 0;
    case SRT_T_BIGINT: return strcmp(have, "bigint") == 0;
    case SRT_T_DOUBLE: return strcmp(have, "double precision") == 0;
    case SRT_T_FLOAT: return strcmp(have, "real") == 0 || strcmp(have, "double precision") == 0;
    case SRT_T_DECIMAL: {
        int p, sc;
        if (strcmp(have, "numeric") == 0)
            return 1;
        return sscanf(have, "numeric(%d,%d)", &p, &sc) == 2 && sc == t->scale &&
               p - sc >= t->precision - t->scale;
    }
    case SRT_T_DT_INTERVAL: /* refused by sema: JdbcUtils has no JDBC type for intervals */
    case SRT_T_YM_INTERVAL:
    case SRT_T_STRING:
    case SRT_T_VOID: return strcmp(have, "text") == 0 || strncmp(have, "character varying", 17) == 0;
    case SRT_T_TIMESTAMP_NTZ: /* a local date-time: written without a zone */
        return strcmp(have, "timestamp without time zone") == 0;
    case SRT_T_TIMESTAMP:
        return strcmp(have, "timestamp with time zone") == 0 ||
               strcmp(have, "timestamp without time zone") == 0;
    case SRT_T_DATE: return strcmp(have, "date") == 0;
    case SRT_T_BINARY: return strcmp(have, "bytea") == 0;
    case SRT_T_STRUCT:
    case SRT_T_ARRAY:
    case SRT_T_MAP:
        return strcmp(have, "jsonb") == 0 || strcmp(have, "json") == 0 || strcmp(have, "text") == 0;
    }
    return 0;
}

/* The existing table's columns against ours (*exists = 0 when there is no such table). */
static int check_table(PgSink *s, int *exists, SrtErr *err)
{
    static const char sql[] =
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
        "WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped "
        "ORDER BY a.attnum";
    const char *vals[1] = {srt_buf_cstr(&s->qtable)};
    PGresult *res = NULL;
    int rc = run(s, sql, 1, vals, PGRES_TUPLES_OK, "cannot read the table's columns", &res, err);
    if (rc < 0)
        return rc;
    int rows = PQntuples(res);
    *exists = rows > 0;
    for (uint32_t i = 0; rc == 0 && rows > 0 && i < s->t.n; i++) {
        const SrtDbCol *c = &s->t.cols[i];
        int r = 0;
        while (r < rows && strcmp(PQgetvalue(res, r, 0), c->name) != 0)
            r++;
        SrtBuf want;
        srt_buf_init(&want, s->t.arena.mem);
        put_type(&want, c->type);
        if (r == rows)
            rc = srt_err_set(err, SRT_ERR_QUERY, "%s: table %s has no column \"%s\" (%s)",
                             s->t.what, srt_buf_cstr(&s->qtable), c->name, srt_buf_cstr(&want));
        else if (!fits(c->type, PQgetvalue(res, r, 1)))
            rc = srt_err_set(err, SRT_ERR_QUERY,
                             "%s: column \"%s\" of table %s is %s, which cannot hold the query's "
                             "values (%s)",
                             s->t.what, c->name, srt_buf_cstr(&s->qtable), PQgetvalue(res, r, 1),
                             srt_buf_cstr(&want));
        srt_buf_free(&want);
    }
    PQclear(res);
    return rc;
}

static int create_table(PgSink *s, SrtErr *err)
{
    srt_buf_clear(&s->sql);
    srt_buf_printf(&s->sql, "CREATE TABLE IF NOT EXISTS %s (", srt_buf_cstr(&s->qtable));
    for (uint32_t i = 0; i < s->t.n; i++) {
        srt_buf_puts(&s->sql, i ? ", " : "");
        srt_db_quote_ident(s->t.cols[i].name, &s->sql);
        srt_buf_putc(&s->sql, ' ');
        put_type(&s->sql, s->t.cols[i].type);
    }
    if (s->t.n_keys) {
        srt_buf_puts(&s->sql, PQserverVersion(s->conn) >= 150000 ? ", UNIQUE NULLS NOT DISTINCT ("
                                                                  : ", UNIQUE (");
        srt_db_put_cols(&s->t, 1, &s->sql);
        srt_buf_putc(&s->sql, ')');
    }
    srt_buf_putc(&s->sql, ')');
    return run_buf(s, "cannot create the table", err);
}

/* Update mode: the temporary table rows are copied into, and the statement upserting them. */
static int prepare_upsert(PgSink *s, SrtErr *err)
{
    srt_buf_clear(&s->sql);
    srt_buf_puts(&s->sql, "CREATE TEMPORARY TABLE " PG_STAGE " ON COMMIT DELETE ROWS AS SELECT ");
    srt_db_put_cols(&s->t, 0, &s->sql);
    srt_buf_printf(&s->sql, " FROM %s WITH NO DATA", srt_buf_cstr(&s->qtable));
    int rc = run_buf(s, "cannot create a temporary table", err);
    if (rc < 0)
        return rc;
    srt_buf_clear(&s->sql);
    srt_buf_printf(&s->sql, "INSERT INTO %s (", srt_buf_cstr(&s->qtable));
    srt_db_put_cols(&s->t, 0, &s->sql);
    srt_buf_puts(&s->sql, ") SELECT ");
    srt_db_put_cols(&s->t, 0, &s->sql);
    srt_buf_puts(&s->sql, " FROM pg_temp." PG_STAGE " ON CONFLICT (");
    srt_db_put_cols(&s->t, 1, &s->sql);
    srt_buf_puts(&s->sql, ") DO ");
    if (s->t.n_keys == s->t.n)
        srt_buf_puts(&s->sql, "NOTHING");
    for (uint32_t i = 0, first = 1; i < s->t.n; i++) {
        if (s->t.cols[i].key)
            continue;
        srt_buf_puts(&s->sql, first ? "UPDATE SET " : ", ");
        first = 0;
        srt_db_quote_ident(s->t.cols[i].name, &s->sql);
        srt_buf_puts(&s->sql, " = EXCLUDED.");
        srt_db_quote_ident(s->t.cols[i].name, &s->sql);
    }
    if (s->sql.oom)
        return srt_err_nomem(err, s->t.what);
    /* ON CONFLICT finds its unique index when the statement is planned: plan it now. */
    PGresult *res = PQprepare(s->conn, "upsert", srt_buf_cstr(&s->sql), 0, NULL);
    if (PQresultStatus(res) == PGRES_COMMAND_OK) {
        PQclear(res);
        res = PQexec(s->conn, "EXPLAIN (COSTS OFF) EXECUTE upsert");
    }
    if (PQresultStatus(res) != PGRES_COMMAND_OK && PQresultStatus(res) != PGRES_TUPLES_OK) {
        srt_buf_clear(&s->sql);
        srt_buf_puts(&s->sql, "update mode needs a unique index on the key columns (");
        srt_db_put_cols(&s->t, 1, &s->sql);
        srt_buf_puts(&s->sql, ")");
        rc = pg_err(s, SRT_ERR_QUERY, srt_buf_cstr(&s->sql), res, err);
    }
    PQclear(res);
    return rc;
}

static int prepare_batches(PgSink *s, SrtErr *err)
{
    int rc = run(s,
                 "CREATE TABLE IF NOT EXISTS " PG_BATCHES " (query_id TEXT NOT NULL, "
                 "table_name TEXT NOT NULL, batch_id BIGINT NOT NULL, "
                 "PRIMARY KEY (query_id, table_name))",
                 0, NULL, PGRES_COMMAND_OK, "cannot create " PG_BATCHES, NULL, err);
    if (rc < 0)
        return rc;
    static const char *const stmts[2][2] = {
        {"get_batch", "SELECT batch_id FROM " PG_BATCHES
                      " WHERE query_id = $1 AND table_name = $2 FOR UPDATE"},
        {"put_batch", "INSERT INTO " PG_BATCHES " (query_id, table_name, batch_id) "
                      "VALUES ($1, $2, $3) ON CONFLICT (query_id, table_name) "
                      "DO UPDATE SET batch_id = EXCLUDED.batch_id"}};
    for (int i = 0; i < 2 && rc == 0; i++) {
        PGresult *res = PQprepare(s->conn, stmts[i][0], stmts[i][1], 0, NULL);
        if (PQresultStatus(res) != PGRES_COMMAND_OK)
            rc = pg_err(s, SRT_ERR_IO, "cannot prepare the batch record", res, err);
        PQclear(res);
    }
    return rc;
}

static int pg_open(SrtSink *k, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    PgSink *s = srt_mem_calloc(k->mem, sizeof *s);
    if (!s)
        return srt_err_nomem(err, "postgres sink");
    k->impl = s;
    srt_buf_init(&s->sql, k->mem);
    srt_buf_init(&s->copy, k->mem);
    srt_buf_init(&s->qtable, k->mem);
    int rc = srt_db_table_init(k, &s->t, "postgres", schema, err);
    if (rc < 0)
        return rc;
    if ((rc = srt_db_table_name(&s->t, srt_opts_get(opts, "table"), 1, err)) < 0)
        return rc;
    srt_buf_puts(&s->qtable, s->t.qname);
    if (s->qtable.oom)
        return srt_err_nomem(err, s->t.what);
    if ((rc = connect_db(s, opts, err)) < 0)
        return rc;
    int exists = 0;
    if ((rc = check_table(s, &exists, err)) < 0)
        return rc;
    if (!exists && (rc = create_table(s, err)) < 0)
        return rc;
    if (k->query_id && (rc = prepare_batches(s, err)) < 0)
        return rc;
    if (k->mode == SRT_SINK_UPSERT && (rc = prepare_upsert(s, err)) < 0)
        return rc;
    return 0;
}

/* ==== Writing ==== */

/* A non-NULL value as PostgreSQL reads it: srt_db_text, timestamps with their zone (UTC), an
   array of atomic values as an array literal {"a",NULL,"b"}. */
static void put_value(SrtBuf *b, const SrtDatum *d, const SrtType *t)
{
    if (pg_array(t)) {
        const SrtDatum *e = d->p;
        srt_buf_putc(b, '{');
        for (uint32_t i = 0; i < d->n; i++) {
            srt_buf_puts(b, i ? "," : "");
            if (e[i].is_null) {
                srt_buf_puts(b, "NULL");
                continue;
            }
            size_t from = b->n;
            put_value(b, &e[i], t->elem);
            /* quote the element: a backslash before each quote and backslash */
            size_t len = b->n - from, extra = 0;
            for (size_t k = 0; k < len; k++)
                extra += b->p[from + k] == '"' || b->p[from + k] == '\\';
            srt_buf_fill(b, ' ', extra + 2);
            if (b->oom)
                return;
            char *p = b->p + from;
            size_t w = len + extra + 2;
            p[--w] = '"';
            for (size_t k = len; k-- > 0;) {
                p[--w] = p[k];
                if (p[k] == '"' || p[k] == '\\')
                    p[--w] = '\\';
            }
            p[0] = '"';
        }
        srt_buf_putc(b, '}');
        return;
    }
    if (t->kind == SRT_T_BINARY) { /* bytea's hex input form, \x4142 */
        static const char hex[] = "0123456789abcdef";
        const unsigned char *p = d->p;
        srt_buf_puts(b, "\\x");
        for (uint32_t i = 0; i < d->n; i++) {
            srt_buf_putc(b, hex[p[i] >> 4]);
            srt_buf_putc(b, hex[p[i] & 15]);
        }
        return;
    }
    srt_db_text(d, t, b);
    if (t->kind == SRT_T_TIMESTAMP)
        srt_buf_puts(b, "+00");
}

/* Append text as a field of COPY's text format: backslash, tab, newline, CR escaped. */
static void put_copy_text(SrtBuf *b, const char *p, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i], e = c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : 0;
        if (!e)
            continue;
        srt_buf_put(b, p + from, i - from);
        srt_buf_putc(b, '\\');
        srt_buf_putc(b, e);
        from = i + 1;
    }
    srt_buf_put(b, p + from, n - from);
}

static int flush_copy(PgSink *s, SrtErr *err)
{
    if (s->copy.oom)
        return srt_err_nomem(err, s->t.what);
    if (s->copy.n && PQputCopyData(s->conn, s->copy.p, (int)s->copy.n) != 1)
        return pg_err(s, SRT_ERR_IO, "cannot send rows", NULL, err);
    srt_buf_clear(&s->copy);
    return 0;
}

/* COPY the rows into the table (or the temporary table of update mode). */
static int copy_rows(PgSink *s, SrtDatum *const *rows, size_t n_rows, int stage, SrtErr *err)
{
    srt_buf_clear(&s->sql);
    srt_buf_printf(&s->sql, "COPY %s (", stage ? "pg_temp." PG_STAGE : srt_buf_cstr(&s->qtable));
    srt_db_put_cols(&s->t, 0, &s->sql);
    srt_buf_puts(&s->sql, ") FROM STDIN");
    int rc = run(s, srt_buf_cstr(&s->sql), 0, NULL, PGRES_COPY_IN, "cannot start COPY", NULL, err);
    if (rc < 0)
        return rc;
    SrtBuf val;
    srt_buf_init(&val, s->t.arena.mem);
    srt_buf_clear(&s->copy);
    for (size_t r = 0; r < n_rows && rc == 0; r++) {
        for (uint32_t i = 0; i < s->t.n; i++) {
            const SrtDatum *d = srt_db_value(&s->t.cols[i], rows[r]);
            if (i)
                srt_buf_putc(&s->copy, '\t');
            if (d->is_null) {
                srt_buf_puts(&s->copy, "\\N");
                continue;
            }
            srt_buf_clear(&val);
            put_value(&val, d, s->t.cols[i].type);
            put_copy_text(&s->copy, val.p ? val.p : "", val.n);
        }
        srt_buf_putc(&s->copy, '\n');
        if (s->copy.n >= PG_COPY_FLUSH || val.oom)
            rc = val.oom ? srt_err_nomem(err, s->t.what) : flush_copy(s, err);
    }
    srt_buf_free(&val);
    if (rc == 0)
        rc = flush_copy(s, err);
    if (PQputCopyEnd(s->conn, rc == 0 ? NULL : "sluice: batch abandoned") != 1 && rc == 0)
        rc = pg_err(s, SRT_ERR_IO, "cannot end COPY", NULL, err);
    PGresult *res = NULL;
    while ((res = PQgetResult(s->conn)) != NULL) {
        if (rc == 0 && PQresultStatus(res) != PGRES_COMMAND_OK)
            rc = pg_err(s, SRT_ERR_IO, "cannot copy the rows", res, err);
        PQclear(res);
    }
    if (s->copy.cap > ((size_t)4 << 20))
        srt_buf_free(&s->copy);
    return rc;
}

static int run_prepared(PgSink *s, const char *name, int n, const char *const *vals,
                        ExecStatusType want, const char *doing, PGresult **out, SrtErr *err)
{
    return result(s, PQexecPrepared(s->conn, name, n, vals, NULL, NULL, 0), want, doing, out, err);
}

/* The batch's statements, inside its transaction; *skip = 1 when it was written before. */
static int write_rows(SrtSink *k, PgSink *s, int64_t batch_id, SrtDatum *const *rows,
                      size_t n_rows, int *skip, SrtErr *err)
{
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)batch_id);
    const char *vals[3] = {k->query_id, s->t.qname, id};
    int rc;
    *skip = 0;
    if (k->query_id) {
        PGresult *res = NULL;
        if ((rc = run_prepared(s, "get_batch", 2, vals, PGRES_TUPLES_OK, "cannot read " PG_BATCHES,
                               &res, err)) < 0)
            return rc;
        *skip = PQntuples(res) > 0 && strtoll(PQgetvalue(res, 0, 0), NULL, 10) >= batch_id;
        PQclear(res);
        if (*skip)
            return 0;
    }
    if (k->mode == SRT_SINK_REPLACE) {
        srt_buf_clear(&s->sql);
        srt_buf_printf(&s->sql, "DELETE FROM %s", srt_buf_cstr(&s->qtable));
        if ((rc = run_buf(s, "cannot empty the table", err)) < 0)
            return rc;
    }
    int upsert = k->mode == SRT_SINK_UPSERT;
    if ((rc = copy_rows(s, rows, n_rows, upsert, err)) < 0)
        return rc;
    if (upsert && (rc = run_prepared(s, "upsert", 0, NULL, PGRES_COMMAND_OK, "cannot upsert the rows",
                                     NULL, err)) < 0)
        return rc;
    if (k->query_id)
        rc = run_prepared(s, "put_batch", 3, vals, PGRES_COMMAND_OK, "cannot record the batch", NULL,
                          err);
    return rc;
}

static int pg_write(SrtSink *k, int64_t batch_id, SrtDatum *const *rows, size_t n_rows,
                    const SrtSchema *schema, SrtErr *err)
{
    SRT_UNUSED(schema);
    PgSink *s = k->impl;
    int rc = run(s, "BEGIN", 0, NULL, PGRES_COMMAND_OK, "cannot begin a transaction", NULL, err);
    if (rc < 0)
        return rc;
    int skip = 0;
    rc = write_rows(k, s, batch_id, rows, n_rows, &skip, err);
    if (rc == 0)
        rc = run(s, skip ? "ROLLBACK" : "COMMIT", 0, NULL, PGRES_COMMAND_OK, "cannot commit",
                 NULL, err);
    if (rc == 0)
        return 0;
    if (PQtransactionStatus(s->conn) != PQTRANS_IDLE)
        PQclear(PQexec(s->conn, "ROLLBACK"));
    return srt_db_batch_failed(rc, batch_id, err);
}

static void pg_close(SrtSink *k)
{
    PgSink *s = k->impl;
    if (!s)
        return;
    PQfinish(s->conn);
    srt_db_table_free(k, &s->t);
    srt_buf_free(&s->sql);
    srt_buf_free(&s->copy);
    srt_buf_free(&s->qtable);
    srt_mem_free(k->mem, s, sizeof *s);
    k->impl = NULL;
}

const SrtSinkVt srt_sink_postgres_vt = {
    .connector = "postgres",
    .open = pg_open,
    .write = pg_write,
    .close = pg_close,
    .describe = srt_db_describe, /* ForeachBatchSink */
    .v1 = 1,                     /* ForeachBatchSink is a v1 Sink: numOutputRows -1 */
};
