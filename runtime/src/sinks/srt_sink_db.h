/* srt_sink_db.h - what the database sinks (srt_sink_postgres.c, srt_sink_sqlite.c) share,
** implemented in srt_sink_db.c.
*/
#ifndef SRT_SINK_DB_H
#define SRT_SINK_DB_H

#include "srt_int.h"

/* What the database sinks share (sinks/srt_sink_db.c): the table's columns, one per visible
   schema column except a time window struct<start:timestamp,end:timestamp>, which is two
   (<name>_start, <name>_end); other structs and arrays are JSON text. */
typedef struct SrtDbCol {
    const char *name;     /* the table's column (in SrtDbTable.arena) */
    uint32_t src;         /* the schema column it comes from */
    int field;            /* -1: that column's value; 0, 1: its window's start, end */
    const SrtType *type;  /* of the value written */
    int key;              /* one of the key columns of the sink (SrtSink.keys) */
} SrtDbCol;

typedef struct SrtDbTable {
    SrtDbCol *cols;
    size_t cap;
    uint32_t n, n_keys;
    SrtArena arena;
    char what[160];       /* "postgres sink 'out'", the start of every message */
    /* The table (srt_db_table_name): its schema (NULL: none given) and name as the database
       knows them, and the SQL text naming it, "schema"."name". */
    const char *schema, *name, *qname;
} SrtDbTable;

/* The columns of schema for k (its keys and mode set); refuses a void column, two columns
   of one name (ignoring case) and update mode without key columns.  0 or -err. */
int srt_db_table_init(SrtSink *k, SrtDbTable *t, const char *connector, const SrtSchema *schema,
                      SrtErr *err);
void srt_db_table_free(SrtSink *k, SrtDbTable *t);
/* The `table` option read as Spark's JDBC writer reads `dbtable`, SQL naming a table:
   [schema.]name, each part an identifier, unquoted (a letter or _, then letters, digits, _ or
   $; folded to lower case when fold is set, as PostgreSQL does) or in double quotes ("" for a
   quote).  Sets t->schema, name, qname.  0 or -SRT_ERR_OPTION. */
int srt_db_table_name(SrtDbTable *t, const char *text, int fold, SrtErr *err);
/* The value of column c in row (NULL when is_null is set). */
const SrtDatum *srt_db_value(const SrtDbCol *c, const SrtDatum *row);
/* A non-NULL value as the text a database reads: an atomic one as Spark casts it to a string
   (srt_show_datum: true/false, doubles as Java prints them, which read back as the same
   number, NaN, Infinity, -Infinity, decimals as plain digits, timestamps
   "2016-07-26 02:54:35.123" in UTC, dates "2016-07-26"), structs and arrays as JSON. */
void srt_db_text(const SrtDatum *d, const SrtType *t, SrtBuf *out);
/* The columns' quoted names (keys_only: the key columns'), separated by ", ". */
void srt_db_put_cols(const SrtDbTable *t, int keys_only, SrtBuf *out);
/* A batch's error: "; batch N was not written" appended to err's message; returns rc. */
int srt_db_batch_failed(int rc, int64_t batch_id, SrtErr *err);
/* The sink's description in progress records: "ForeachBatchSink", as Spark's foreachBatch. */
void srt_db_describe(SrtSink *k, SrtBuf *out);
/* name as a quoted SQL identifier ("a""b"). */
void srt_db_quote_ident(const char *name, SrtBuf *out);

#endif
