/* cm_connectors.c - the connector specs and query options (cm_connectors.h). */
#include "common/cm_connectors.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define N_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Spark's file source (FileStreamOptions) plus the JSON and CSV readers' options.
   `format` defaults to json (Spark's default is parquet, which sluice does not read).
   header .. escape are the CSV reader's (their defaults are dropped for other formats,
   sema_infer.c); text has no options of its own. */
static const CmOptSpec files_source_opts[] = {
    {.key = "path", .kind = CM_OPT_STRING, .required = true},
    {.key = "format", .kind = CM_OPT_CHOICE, .def = "json", .choices = "json|csv|text"},
    {.key = "maxFilesPerTrigger", .kind = CM_OPT_POS_INT},
    {.key = "latestFirst", .kind = CM_OPT_BOOL, .def = "false"},
    {.key = "maxFileAge", .kind = CM_OPT_DURATION, .def = "7d"},
    {.key = "mode",
     .kind = CM_OPT_CHOICE,
     .def = "PERMISSIVE",
     .choices = "PERMISSIVE|DROPMALFORMED|FAILFAST"},
    {.key = "columnNameOfCorruptRecord", .kind = CM_OPT_STRING, .def = "_corrupt_record"},
    {.key = "inferSchema", .kind = CM_OPT_BOOL, .def = "false"},
    {.key = "header", .kind = CM_OPT_BOOL, .def = "false"},
    {.key = "sep", .kind = CM_OPT_STRING, .def = ",", .alias = "delimiter"},
    {.key = "quote", .kind = CM_OPT_STRING, .def = "\""},
    {.key = "escape", .kind = CM_OPT_STRING, .def = "\\"},
    {.key = "lineSep", .kind = CM_OPT_STRING}, /* json, csv, text: checked in sema_infer.c */
    /* json: each file one record (sema_infer.c); csv: records over lines (cm_csv_ml.h) */
    {.key = "multiLine", .kind = CM_OPT_BOOL},
    /* json and csv: the readers' options (sema_readopts.c) */
    {.key = "timestampFormat", .kind = CM_OPT_STRING},
    {.key = "dateFormat", .kind = CM_OPT_STRING},
    {.key = "timestampNTZFormat", .kind = CM_OPT_STRING}, /* TIMESTAMP_NTZ columns only */
    /* csv (CSVOptions); the whitespace options' read defaults are false */
    {.key = "nullValue", .kind = CM_OPT_STRING},
    {.key = "emptyValue", .kind = CM_OPT_STRING},
    {.key = "nanValue", .kind = CM_OPT_STRING},
    {.key = "positiveInf", .kind = CM_OPT_STRING},
    {.key = "negativeInf", .kind = CM_OPT_STRING},
    {.key = "ignoreLeadingWhiteSpace", .kind = CM_OPT_BOOL},
    {.key = "ignoreTrailingWhiteSpace", .kind = CM_OPT_BOOL},
    {.key = "comment", .kind = CM_OPT_STRING},
    {.key = "enforceSchema", .kind = CM_OPT_BOOL}, /* false with a header: sema_readopts.c */
    /* csv inferSchema: whether a column of dates is a DATE (else TIMESTAMP); default true */
    {.key = "prefersDate", .kind = CM_OPT_BOOL},
    /* json (JSONOptions): the parser's switches (common/cm_json_opts.h) */
    {.key = "allowComments", .kind = CM_OPT_BOOL, .scala_bool = true},
    {.key = "allowUnquotedFieldNames", .kind = CM_OPT_BOOL, .scala_bool = true},
    {.key = "allowSingleQuotes", .kind = CM_OPT_BOOL, .scala_bool = true},
    {.key = "allowNumericLeadingZeros", .kind = CM_OPT_BOOL, .scala_bool = true},
    {.key = "allowNonNumericNumbers", .kind = CM_OPT_BOOL, .scala_bool = true},
    {.key = "allowBackslashEscapingAnyCharacter", .kind = CM_OPT_BOOL, .scala_bool = true},
    {.key = "allowUnquotedControlChars", .kind = CM_OPT_BOOL, .scala_bool = true},
    /* json inferSchema (JsonInferSchema) */
    {.key = "primitivesAsString", .kind = CM_OPT_BOOL, .scala_bool = true},
    {.key = "prefersDecimal", .kind = CM_OPT_BOOL, .scala_bool = true},
    {.key = "dropFieldIfAllNull", .kind = CM_OPT_BOOL, .scala_bool = true},
};

/* Spark's file sink (FileStreamSink) with the JSON/CSV writers' options.  `format` defaults
   to json (Spark's default parquet is not offered); header .. ignoreTrailingWhiteSpace are
   read for csv only, with Spark's defaults for writing. */
static const CmOptSpec files_sink_opts[] = {
    {.key = "path", .kind = CM_OPT_STRING, .required = true},
    {.key = "format", .kind = CM_OPT_CHOICE, .def = "json", .choices = "json|csv"},
    {.key = "header", .kind = CM_OPT_BOOL, .def = "false"},
    {.key = "sep", .kind = CM_OPT_STRING, .def = ",", .alias = "delimiter"},
    {.key = "quote", .kind = CM_OPT_STRING, .def = "\""},
    {.key = "escape", .kind = CM_OPT_STRING, .def = "\\"},
    {.key = "ignoreLeadingWhiteSpace", .kind = CM_OPT_BOOL, .def = "true"},
    {.key = "ignoreTrailingWhiteSpace", .kind = CM_OPT_BOOL, .def = "true"},
    /* json and csv: TIMESTAMP_NTZ values with this pattern (JSONOptions, CSVOptions'
       timestampNTZFormatInWrite; sema_readopts.c checks it) */
    {.key = "timestampNTZFormat", .kind = CM_OPT_STRING},
};

/* Spark's console sink (ConsoleSinkProvider). */
static const CmOptSpec console_sink_opts[] = {
    {.key = "numRows", .kind = CM_OPT_POS_INT, .def = "20"},
    {.key = "truncate", .kind = CM_OPT_BOOL, .def = "true"},
};

/* Spark's rate source (RateStreamProvider).  rampUpTime is Spark's timeStringAsSec (a bare
   number is seconds) or an interval.  numPartitions has no default so that the runtime's
   description prints "numPartitions=default" as Spark. */
static const CmOptSpec rate_source_opts[] = {
    {.key = "rowsPerSecond", .kind = CM_OPT_POS_INT, .def = "1"},
    {.key = "rampUpTime", .kind = CM_OPT_DURATION, .def = "0s"},
    {.key = "numPartitions", .kind = CM_OPT_POS_INT},
};

/* Spark's rate-micro-batch source (RatePerMicroBatchProvider). */
static const CmOptSpec rate_micro_source_opts[] = {
    {.key = "rowsPerBatch", .kind = CM_OPT_POS_INT, .required = true},
    {.key = "startTimestamp", .kind = CM_OPT_NONNEG, .def = "0"},
    {.key = "advanceMillisPerBatch", .kind = CM_OPT_NONNEG, .def = "1000"},
    {.key = "numPartitions", .kind = CM_OPT_POS_INT},
};

/* Spark's socket source (TextSocketSourceProvider). */
static const CmOptSpec socket_source_opts[] = {
    {.key = "host",
     .kind = CM_OPT_STRING,
     .required = true,
     .missing = "Set a host to read from with option(\"host\", ...)."},
    {.key = "port",
     .kind = CM_OPT_PORT,
     .required = true,
     .missing = "Set a port to read from with option(\"port\", ...)."},
    {.key = "includeTimestamp", .kind = CM_OPT_BOOL, .def = "false"},
    {.key = "numPartitions", .kind = CM_OPT_POS_INT},
};

/* The postgres sink (runtime/src/sinks/srt_sink_postgres.c): what a foreachBatch writing each
   batch over JDBC does, exactly once.  `table` is Spark's JDBC `dbtable`; `url` a libpq
   connection string or URI (absent: libpq's defaults, PGHOST ...); user and password
   override the url's. */
static const CmOptSpec postgres_sink_opts[] = {
    {.key = "table", .kind = CM_OPT_STRING, .required = true, .spark = "dbtable"},
    {.key = "url", .kind = CM_OPT_STRING},
    {.key = "user", .kind = CM_OPT_STRING},
    {.key = "password", .kind = CM_OPT_STRING},
};

/* The sqlite sink (runtime/src/sinks/srt_sink_sqlite.c): the same into an SQLite file. */
static const CmOptSpec sqlite_sink_opts[] = {
    {.key = "path", .kind = CM_OPT_STRING, .required = true},
    {.key = "table", .kind = CM_OPT_STRING, .required = true, .spark = "dbtable"},
};

/* Spark's Kafka sink (KafkaSourceProvider.createSink, KafkaWriter): kafka.<name> options go
   to librdkafka as <name>; bootstrap.servers is the producer's one required setting (Kafka's
   ProducerConfig message).  Serializers are refused as Spark's kafkaParamsForProducer refuses
   them; transactional.id is sluice's to derive (exactlyOnce, srt_sink_kafka.c). */
static const CmOptSpec kafka_sink_opts[] = {
    {.key = "kafka.bootstrap.servers",
     .kind = CM_OPT_STRING,
     .required = true,
     .missing = "Missing required configuration \"bootstrap.servers\" which has no default value."},
    {.key = "topic", .kind = CM_OPT_STRING},
    {.key = "exactlyOnce", .kind = CM_OPT_BOOL, .def = "false"},
    {.key = "kafka.key.serializer",
     .kind = CM_OPT_STRING,
     .refused = "Kafka option 'key.serializer' is not supported as keys are serialized with "
                "ByteArraySerializer."},
    {.key = "kafka.value.serializer",
     .kind = CM_OPT_STRING,
     .refused = "Kafka option 'value.serializer' is not supported as value are serialized with "
                "ByteArraySerializer."},
    {.key = "kafka.transactional.id",
     .kind = CM_OPT_STRING,
     .refused = "Kafka option 'transactional.id' is not supported: with exactlyOnce = 'true' "
                "the sink derives it from the query id in the checkpoint"},
    {.key = "kafka.*", .kind = CM_OPT_STRING},
};

/* The exec sink, sluice's foreachBatch: each batch's rows as JSON Lines on the standard
   input of `/bin/sh -c command` (srt_sink_exec.c). */
static const CmOptSpec exec_sink_opts[] = {
    {.key = "command", .kind = CM_OPT_STRING, .required = true},
};

/* Spark's memory sink (MemorySink): the query's rows as an in-memory table named by the
   query's name, read through the executable's HTTP server (srt_sink_memory.c).  maxRows is
   sluice's bound (Spark keeps every row): beyond it the oldest whole batches are dropped. */
static const CmOptSpec memory_sink_opts[] = {
    {.key = "maxRows", .kind = CM_OPT_POS_INT, .def = "1000000"},
};

/* RateStreamProvider.SCHEMA and RatePerMicroBatchProvider's: timestamp, value. */
static const CmFixedCol rate_cols[] = {
    {"timestamp", CM_COL_TIMESTAMP, NULL, true},
    {"value", CM_COL_BIGINT, NULL, true},
};

/* TextSocketSourceProvider: value, and timestamp with includeTimestamp = true. */
static const CmFixedCol socket_cols[] = {
    {"value", CM_COL_STRING, NULL, false},
    {"timestamp", CM_COL_TIMESTAMP, "includeTimestamp", false},
};

/* Spark's Kafka source (KafkaSourceProvider.validateGeneralOptions, KafkaMicroBatchStream):
   exactly one of subscribe, subscribePattern, assign; every kafka.* key goes to librdkafka
   but the ones Spark refuses, with Spark's messages. */
static const CmOptSpec kafka_source_opts[] = {
    {.key = "kafka.bootstrap.servers",
     .kind = CM_OPT_STRING,
     .required = true,
     .missing =
         "Option 'kafka.bootstrap.servers' must be specified for configuring Kafka consumer"},
    {.key = "subscribe",
     .kind = CM_OPT_STRING,
     .one_of = "strategy",
     .missing = "One of the following options must be specified for Kafka source: subscribe, "
                "subscribepattern, assign. See the docs for more details.",
     .conflict = "Only one of the following options can be specified for Kafka source: subscribe, "
                 "subscribepattern, assign. See the docs for more details."},
    {.key = "subscribePattern", .kind = CM_OPT_STRING, .one_of = "strategy"},
    {.key = "assign", .kind = CM_OPT_STRING, .one_of = "strategy"},
    {.key = "startingOffsets", .kind = CM_OPT_STRING, .def = "latest"},
    {.key = "startingTimestamp", .kind = CM_OPT_STRING},
    {.key = "maxOffsetsPerTrigger", .kind = CM_OPT_NONNEG},
    {.key = "minOffsetsPerTrigger", .kind = CM_OPT_NONNEG},
    {.key = "maxTriggerDelay", .kind = CM_OPT_DURATION, .def = "15m"},
    {.key = "failOnDataLoss", .kind = CM_OPT_BOOL, .def = "true"},
    {.key = "includeHeaders", .kind = CM_OPT_BOOL, .def = "false"},
    {.key = "fetchOffset.numRetries", .kind = CM_OPT_POS_INT, .def = "3"},
    {.key = "fetchOffset.retryIntervalMs", .kind = CM_OPT_NONNEG, .def = "1000"},
    /* Spark: spark.network.timeout, 120 s. */
    {.key = "kafkaConsumer.pollTimeoutMs", .kind = CM_OPT_POS_INT, .def = "120000"},
    {.key = "groupIdPrefix", .kind = CM_OPT_STRING},
    /* KafkaSourceProvider.validateGeneralOptions: params(minPartitions).toInt, then
       require > 0 (IllegalArgumentException). */
    {.key = "minPartitions",
     .kind = CM_OPT_POS_INT,
     .java_int_nonpos = "minPartitions must be positive"},
    /* sluice's own (Spark has none): share the partitions among processes in this Kafka
       consumer group, a lane per partition (runtime/src/core/srt_group.c); sema checks the
       rest (subscribe or subscribePattern, checkpointLocation, stateless, one source). */
    {.key = "consumerGroup", .kind = CM_OPT_STRING},
    {.key = "kafka.auto.offset.reset",
     .kind = CM_OPT_STRING,
     .refused =
         "\nKafka option 'auto.offset.reset' is not supported.\nInstead set the source option "
         "'startingoffsets' to 'earliest' or 'latest'\nto specify where to start. Structured "
         "Streaming manages which offsets are consumed\ninternally, rather than relying on the "
         "kafkaConsumer to do it. This will ensure that no\ndata is missed when new "
         "topics/partitions are dynamically subscribed. Note that\n'startingoffsets' only "
         "applies when a new Streaming query is started, and\nthat resuming will always pick up "
         "from where the query left off. See the docs for more\ndetails.\n"},
    {.key = "kafka.key.deserializer",
     .kind = CM_OPT_STRING,
     .refused = "Kafka option 'key.deserializer' is not supported as keys are deserialized as byte "
                "arrays with ByteArrayDeserializer. Use DataFrame operations to explicitly "
                "deserialize the keys."},
    {.key = "kafka.value.deserializer",
     .kind = CM_OPT_STRING,
     .refused = "Kafka option 'value.deserializer' is not supported as values are deserialized as "
                "byte arrays with ByteArrayDeserializer. Use DataFrame operations to explicitly "
                "deserialize the values."},
    {.key = "kafka.enable.auto.commit",
     .kind = CM_OPT_STRING,
     .refused = "Kafka option 'enable.auto.commit' is not supported"},
    {.key = "kafka.interceptor.classes",
     .kind = CM_OPT_STRING,
     .refused = "Kafka option 'interceptor.classes' is not supported"},
    {.key = "endingOffsets",
     .kind = CM_OPT_STRING,
     .refused = "ending offset not valid in streaming queries"},
    {.key = "endingOffsetsByTimestamp",
     .kind = CM_OPT_STRING,
     .refused = "ending timestamp not valid in streaming queries"},
    {.key = "kafka.*", .kind = CM_OPT_STRING},
};

/* KafkaRecordToRowConverter.kafkaSchema; headers with includeHeaders = true
   (KafkaRecordToRowConverter.headersType). */
static const CmFixedCol kafka_cols[] = {
    {"key", CM_COL_BINARY, NULL, false},
    {"value", CM_COL_BINARY, NULL, false},
    {"topic", CM_COL_STRING, NULL, false},
    {"partition", CM_COL_INT, NULL, false},
    {"offset", CM_COL_BIGINT, NULL, false},
    {"timestamp", CM_COL_TIMESTAMP, NULL, false},
    {"timestampType", CM_COL_INT, NULL, false},
    {"headers", CM_COL_HEADERS, "includeHeaders", false},
};

const CmConnector cm_connectors[] = {
    {"files", CM_ROLE_SOURCE | CM_ROLE_TABLE | CM_ROLE_SINK, files_source_opts,
     N_OF(files_source_opts), files_sink_opts, N_OF(files_sink_opts), NULL, 0, CM_INPUT_FORMAT, NULL,
     .checkpoint_required = true},
    {"console", CM_ROLE_SINK, NULL, 0, console_sink_opts, N_OF(console_sink_opts), NULL, 0,
     CM_INPUT_VALUES, NULL, false, false, false},
    {"rate", CM_ROLE_SOURCE, rate_source_opts, N_OF(rate_source_opts), NULL, 0, rate_cols,
     N_OF(rate_cols), CM_INPUT_VALUES, NULL, false, false, false},
    {"rate-micro-batch", CM_ROLE_SOURCE, rate_micro_source_opts, N_OF(rate_micro_source_opts),
     NULL, 0, rate_cols, N_OF(rate_cols), CM_INPUT_VALUES, NULL, false, false, false},
    {"socket", CM_ROLE_SOURCE, socket_source_opts, N_OF(socket_source_opts), NULL, 0,
     socket_cols, N_OF(socket_cols), CM_INPUT_VALUES, NULL, false, false, false},
    {"postgres", CM_ROLE_SINK, NULL, 0, postgres_sink_opts, N_OF(postgres_sink_opts), NULL, 0,
     CM_INPUT_VALUES, "libpq", .upsert_keys = true},
    {"sqlite", CM_ROLE_SINK, NULL, 0, sqlite_sink_opts, N_OF(sqlite_sink_opts), NULL, 0,
     CM_INPUT_VALUES, "sqlite3", .upsert_keys = true},
    {"kafka", CM_ROLE_SOURCE | CM_ROLE_SINK, kafka_source_opts, N_OF(kafka_source_opts),
     kafka_sink_opts, N_OF(kafka_sink_opts), kafka_cols, N_OF(kafka_cols), CM_INPUT_VALUES,
     "rdkafka", .checkpoint_required = true},
    {"exec", CM_ROLE_SINK, NULL, 0, exec_sink_opts, N_OF(exec_sink_opts), NULL, 0,
     CM_INPUT_VALUES, NULL, false, false, false},
    {"memory", CM_ROLE_SINK, NULL, 0, memory_sink_opts, N_OF(memory_sink_opts), NULL, 0,
     CM_INPUT_VALUES, NULL, .name_required = true},
};
const int cm_n_connectors = N_OF(cm_connectors);

/* Query options: Spark's queryName, outputMode, trigger and checkpointLocation, and for a
   batch query writing a files sink DataFrameWriter.mode (SaveMode: "error" is
   "errorifexists", Spark's default). */
const CmOptSpec cm_query_opts[] = {
    {.key = "name", .kind = CM_OPT_STRING, .spark = "queryName"},
    {.key = "outputMode",
     .kind = CM_OPT_CHOICE,
     .def = "append",
     .choices = "append|update|complete"},
    {.key = "trigger", .kind = CM_OPT_TRIGGER, .def = "default"},
    {.key = "checkpointLocation", .kind = CM_OPT_STRING},
    {.key = "mode",
     .kind = CM_OPT_CHOICE,
     .def = "errorifexists",
     .choices = "errorifexists|error|default|overwrite|append|ignore"},
    /* SQLConf.STREAMING_MULTIPLE_WATERMARK_POLICY: stringConf, transform(_.toLowerCase(
       Locale.ROOT)), checkValue(Set("min", "max").contains, ...), default "min" (the global
       watermark over several watermarked inputs: WatermarkTracker, srt_event.c). */
    {.key = CM_WATERMARK_POLICY,
     .kind = CM_OPT_CHOICE,
     .def = "min",
     .choices = "min|max",
     .conf_check = "Invalid value for '" CM_WATERMARK_POLICY "'. Valid values are 'min' and "
                   "'max'"},
};
const int cm_n_query_opts = N_OF(cm_query_opts);

int cm_conf_choice(const CmOptSpec *spec, const char *value, char *msg, size_t n)
{
    size_t vl = strlen(value);
    int k = 0;
    for (const char *p = spec->choices; p && *p; k++) {
        const char *bar = strchr(p, '|');
        size_t cl = bar ? (size_t)(bar - p) : strlen(p);
        if (cl == vl && strncasecmp(p, value, cl) == 0)
            return k;
        p = bar ? bar + 1 : p + cl;
    }
    /* the value as the conf's transform left it: toLowerCase(Locale.ROOT), here of the ASCII
       letters only (a non-ASCII letter stays as written) */
    int at = snprintf(msg, n, "'%s' in %s is invalid. %s", value, spec->key, spec->conf_check);
    for (size_t i = 1; at > 0 && i <= vl && i < n; i++)
        if (msg[i] >= 'A' && msg[i] <= 'Z')
            msg[i] = (char)(msg[i] - 'A' + 'a');
    return -1;
}

const CmConnector *cm_connector_find(const char *name, unsigned role)
{
    for (int i = 0; name && i < cm_n_connectors; i++)
        if ((!role || (cm_connectors[i].roles & role)) &&
            strcasecmp(cm_connectors[i].name, name) == 0)
            return &cm_connectors[i];
    return NULL;
}

const char *cm_group_sink_refusal(const CmConnector *spec, bool complete)
{
    if (spec && spec->name_required)
        return "is not supported: each partition's lane would keep a table of the same name";
    if (spec && spec->upsert_keys && complete)
        return "in complete mode replaces the whole table every batch, so each partition's lane "
               "would delete the rows of the others; use update mode (a lane upserts only its own "
               "keys) or append mode";
    return NULL;
}

bool cm_opt_is_prefix(const CmOptSpec *spec)
{
    size_t n = strlen(spec->key);
    return n >= 2 && spec->key[n - 2] == '.' && spec->key[n - 1] == '*';
}

const CmOptSpec *cm_opt_find(const CmOptSpec *opts, int n, const char *key)
{
    for (int i = 0; key && i < n; i++)
        if (strcasecmp(opts[i].key, key) == 0)
            return &opts[i];
    for (int i = 0; key && i < n; i++)
        if (opts[i].alias && strcasecmp(opts[i].alias, key) == 0)
            return &opts[i];
    for (int i = 0; key && i < n; i++) {
        size_t k = strlen(opts[i].key) - 1; /* the prefix with its '.' */
        if (cm_opt_is_prefix(&opts[i]) && strlen(key) > k && strncasecmp(opts[i].key, key, k) == 0)
            return &opts[i];
    }
    return NULL;
}
