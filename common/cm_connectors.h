/* cm_connectors.h - the connectors as data: one spec per connector (name, roles, options
** with their kind, default, required flag and valid values, fixed schema, input kind),
** the one table sluice check validates against and the runtime finds implementations by.
**
** Adding a connector: one row in cm_connectors.c plus its implementation (a source or sink
** vtable in runtime/src/sources or sinks, listed in srt_connectors.c); the unit test
** check_common_connectors proves each spec has an implementation and vice versa.
*/
#ifndef CM_CONNECTORS_H
#define CM_CONNECTORS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum CmOptKind {
    CM_OPT_STRING,   /* any text; a required one must not be empty */
    CM_OPT_POS_INT,  /* 1 .. 2^31-1, Spark's "must be a positive integer" */
    CM_OPT_PORT,     /* a positive integer that is a port number (1 .. 65535) */
    CM_OPT_BOOL,     /* true | false, any case */
    CM_OPT_DURATION, /* '7d', '10s', '1 hour' (cm_duration_parse) */
    CM_OPT_CHOICE,   /* one of `choices` ("a|b|c"), any case; stored as spelled there */
    CM_OPT_TRIGGER,  /* once | availableNow | default | an interval (cm_trigger_parse) */
    CM_OPT_NONNEG    /* 0 .. 2^63-1 (Spark's getLong with a "must be non-negative" check) */
} CmOptKind;

typedef struct CmOptSpec {
    const char *key; /* canonical spelling; keys match case-insensitively.  A key ending in
                        ".*" ("kafka.*") stands for every key with that prefix, kept as
                        written (a library's own options, passed through) */
    CmOptKind kind;
    bool required;
    const char *def;     /* default value (canonical text), NULL if none */
    const char *choices; /* CM_OPT_CHOICE */
    const char *not_yet; /* values refused for now ("csv|text"), NULL if none */
    const char *spark;   /* Spark's spelling when it differs (queryName), for did-you-mean */
    const char *alias;   /* another key Spark reads for it (delimiter for sep); the key wins
                            when both are given, as Spark's getOrElse(key, getOrElse(alias)) */
    const char *missing; /* required: Spark's message when it is absent, NULL: the usual one */
    const char *refused; /* Spark's message refusing the option when it is given, NULL: allowed */
    /* Exactly one option of a group (rows with the same `one_of` name) must be given; the
       group's first row has Spark's messages: `missing` when none is, `conflict` when
       several are. */
    const char *one_of;
    const char *conflict;
    /* CM_OPT_BOOL read by Spark with Scala's StringOps.toBoolean (JSONOptions): a value
       other than true or false is its IllegalArgumentException "For input string: ..." */
    bool scala_bool;
    /* CM_OPT_POS_INT read by Spark with Scala's StringOps.toInt (Integer.parseInt: a sign,
       digits, an Int; else its NumberFormatException "For input string: ...") and refused
       when <= 0 with this message (KafkaSourceProvider's minPartitions); NULL: the usual
       "must be a positive integer" for anything else than 1 .. 2^31-1 in digits */
    const char *java_int_nonpos;
    /* A Spark SQL conf given as a query option (spark.sql.streaming.multipleWatermarkPolicy):
       its CM_OPT_CHOICE value matches in any case (the conf's transform(_.toLowerCase)) and is
       kept as written, as Spark keeps the text a conf was set to; a bad one is
       ConfigBuilder.checkValue's message around this errorMsg (cm_conf_choice). */
    const char *conf_check;
} CmOptSpec;

enum { CM_ROLE_SOURCE = 1, CM_ROLE_TABLE = 2, CM_ROLE_SINK = 4 };

/* The column types a fixed schema uses. */
typedef enum CmColType {
    CM_COL_STRING,
    CM_COL_BIGINT,
    CM_COL_TIMESTAMP,
    CM_COL_BINARY,
    CM_COL_INT,
    CM_COL_HEADERS /* ARRAY<STRUCT<key: STRING, value: BINARY>>, Spark's Kafka headersType */
} CmColType;

/* A column of a connector's fixed schema; `when` names a boolean option that must be true
   for the column to exist (socket's includeTimestamp), NULL: always. */
typedef struct CmFixedCol {
    const char *name;
    CmColType type;
    const char *when;
    bool never_null; /* the source's rows never hold NULL there (no flag read) */
} CmFixedCol;

/* What a source hands the generated code: text in the format its `format` option names
   (json, csv, text), or rows of values the runtime made (rate, socket). */
typedef enum CmInputKind { CM_INPUT_FORMAT, CM_INPUT_VALUES } CmInputKind;

typedef struct CmConnector {
    const char *name;
    unsigned roles; /* CM_ROLE_* */
    const CmOptSpec *opts; /* as a source or table */
    int n_opts;
    const CmOptSpec *sink_opts; /* as a sink */
    int n_sink_opts;
    const CmFixedCol *cols; /* a fixed schema (a column list is refused), NULL: none */
    int n_cols;
    CmInputKind input;
    /* The system library its implementation needs, a key of the build's library table
       ("rdkafka", "libpq", "sqlite3"; CMakeLists.txt), NULL: libc only.  Such an
       implementation is linked into an executable only when the program names the connector:
       its vtable is srt_source_<name>_vt / srt_sink_<name>_vt, which the runtime's registry
       refers to weakly and the driver asks the linker for (with the library). */
    const char *lib;
    /* A sink: update mode writes the changed groups of an aggregation by their GROUP BY keys
       (an upsert keyed on them, as a foreachBatch writing over JDBC does), so every key must
       be a column of the result (postgres, sqlite). */
    bool upsert_keys;
    /* A sink that needs a checkpointLocation: Spark runs only console, memory, foreach,
       foreachBatch and noop sinks without one (DataStreamWriter.SOURCES_ALLOW_ONE_TIME_QUERY,
       StreamingQueryManager.createQuery). */
    bool checkpoint_required;
    /* A sink that needs the query's `name` (Spark's queryName): memory, whose table it names
       (DataStreamWriter.startInternal). */
    bool name_required;
} CmConnector;

extern const CmConnector cm_connectors[];
extern const int cm_n_connectors;

/* The options of every query (Spark's queryName, outputMode, trigger, checkpointLocation,
   and the conf spark.sql.streaming.multipleWatermarkPolicy). */
extern const CmOptSpec cm_query_opts[];
extern const int cm_n_query_opts;

/* SQLConf.STREAMING_MULTIPLE_WATERMARK_POLICY: a query option, and a key of the conf the
   offsets log records (OffsetSeqMetadata.relevantSQLConfs). */
#define CM_WATERMARK_POLICY "spark.sql.streaming.multipleWatermarkPolicy"

/* The value of a conf option (spec->conf_check set): the index of value among spec->choices
   (any case), or -1 with Spark's message in msg[0, n): ConfigBuilder.checkValue's
   "'<value lower-cased>' in <key> is invalid. <conf_check>" (an IllegalArgumentException
   when the conf is set). */
int cm_conf_choice(const CmOptSpec *spec, const char *value, char *msg, size_t n);

/* The connector named name (any case) that can play `role` (0: any), or NULL. */
const CmConnector *cm_connector_find(const char *name, unsigned role);

/* Why a query under kafka's consumerGroup, each partition a lane writing its own batches,
   cannot write to the sink `spec` in its output mode (complete: complete mode), as the end of
   "consumerGroup: the <name> sink ..."; NULL when it can (sema_stream.c refuses it at build
   time, srt_group.c at run time). */
const char *cm_group_sink_refusal(const CmConnector *spec, bool complete);

/* The spec of option key (any case) in opts[0, n), or NULL.  An exact key wins over an
   alias, an alias over a prefix key ("kafka.*"). */
const CmOptSpec *cm_opt_find(const CmOptSpec *opts, int n, const char *key);
/* Is spec a prefix key ("kafka.*")? */
bool cm_opt_is_prefix(const CmOptSpec *spec);

#endif
