/* srt_sink_kafka.c - the `kafka` sink: each batch's rows as Kafka records through librdkafka,
** as Spark's KafkaWriter / KafkaRowWriter write them; at least once, or exactly once with
** exactlyOnce = 'true' (Kafka transactions).
**
** Columns (found by exact name, the first of each; the compiler checked their types, see
** compiler/sema/sema_sink_kafka.c): value (string; a NULL value is a record with a null
** value), key (string, optional; NULL or absent: no key), topic (string; the `topic` option,
** trimmed, wins over it; a NULL topic fails the batch with Spark's NullPointerException
** message), partition (int, optional; NULL or absent: the partitioner chooses; sluice sets
** librdkafka's murmur2_random, which places a keyed record where the Java client's default
** partitioner does, murmur2 of the key, and a record without key on a random partition),
** headers (array<struct<key:string,value:binary>>, optional: the record's headers in order, as
** KafkaWriteTask makes RecordHeaders; a NULL array: none).
**
** Options: kafka.<name> = value goes to librdkafka as <name> (kafka.bootstrap.servers
** required; key/value.serializer and transactional.id are refused by the compiler).
** message.timeout.ms defaults to 120000, the Java producer's delivery.timeout.ms, so an
** unreachable cluster fails a batch after two minutes as Spark's does (set
** kafka.message.timeout.ms for less); with exactlyOnce it defaults to transaction.timeout.ms
** (60000) when that is lower, as librdkafka requires.
**
** At least once (default; Spark's KafkaDataWriter): produce every row, flush, and fail the
** batch if any record was not delivered (the error names how many and the first cause,
** plus the last error the client reported about the cluster, e.g. a refused connection).
** The failed batch is not committed to the checkpoint, so a restart writes it again:
** records delivered before the failure are then duplicated.  Spark does the same.
**
** Exactly once (exactlyOnce = 'true'; sluice's, Spark has no such mode): a transactional
** producer, transactional.id = "sluice-<query id>-<sink name>" (the query id comes from the
** checkpoint, so it is the same after a restart: init_transactions at open fences a previous
** incarnation and aborts its open transaction).  One transaction per batch with rows:
** begin, produce, flush, then send_offsets_to_transaction commits, atomically with the
** records, the "offset" batch id + 1 for partition 0 of every topic the batch wrote in the
** consumer group of the same name (a group no consumer joins; the offsets are only this
** sink's record of committed batches), then commit.  The fence: on the first batch after
** open (the only one that can be a re-run of a batch whose transaction committed before the
** crash, when commits/N of the checkpoint was not yet written), the sink reads that group's
** committed offsets for the batch's topics; an offset above the batch id means the batch's
** transaction committed, and the batch is skipped.  A batch without rows writes nothing.
** Consumers must read with isolation.level = read_committed to see each record once.
**
** What the test cluster (librdkafka's mock, tests/tools/kafka_mock) can show and what not:
** the transactional calls succeed against it and a restarted producer fences the old one;
** but the mock (librdkafka 2.0.2) delivers the records of aborted transactions to
** read_committed consumers and discards the offsets of TxnOffsetCommit, so the fence never
** finds a committed batch there.  Exactly-once delivery needs a real broker to be proven.
*/
#include <ctype.h>
#include <inttypes.h>
#include <librdkafka/rdkafka.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "srt_int.h"

#define KAFKA_PREFIX "kafka."
/* The Java producer's delivery.timeout.ms, librdkafka's message.timeout.ms. */
#define KAFKA_DEFAULT_TIMEOUT_MS "120000"

typedef struct KafkaSink {
    const char *name; /* borrowed: the sink's name, for the client's log lines */
    rd_kafka_t *rk;
    rd_kafka_conf_t *group_conf; /* exactly once: the base settings, for the committed lookup */
    char *topic;                 /* the topic option, trimmed; NULL: the topic column */
    size_t topic_size;
    int c_topic, c_key, c_value, c_partition, c_headers; /* column indexes, -1: absent */
    int exactly_once;
    int fence_checked;   /* exactly once: the first batch was compared with the group */
    int timeout_ms;      /* message.timeout.ms: bounds flushes and transaction calls */
    char txn_id[128];    /* exactly once: transactional.id and consumer group */
    /* The current batch's delivery reports. */
    size_t n_failed;
    char first_failure[256];
    char last_error[256]; /* the client's last error about the cluster (error callback) */
    SrtBuf buf;           /* NUL-terminated topic names */
} KafkaSink;

/* Delivery report: counts records that failed (served by rd_kafka_flush / poll). */
static void on_delivery(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque)
{
    SRT_UNUSED(rk);
    KafkaSink *s = opaque;
    if (!m->err)
        return;
    if (s->n_failed++ == 0)
        snprintf(s->first_failure, sizeof s->first_failure, "%s (topic '%s', partition %" PRId32 ")",
                 rd_kafka_err2str(m->err), m->rkt ? rd_kafka_topic_name(m->rkt) : "?", m->partition);
}

static void on_error(rd_kafka_t *rk, int err, const char *reason, void *opaque)
{
    SRT_UNUSED(rk);
    SRT_UNUSED(err);
    KafkaSink *s = opaque;
    snprintf(s->last_error, sizeof s->last_error, "%s", reason);
}

/* The client's log lines (from its own threads), as sluice's warnings on stderr. */
static void on_log(const rd_kafka_t *rk, int level, const char *fac, const char *buf)
{
    SRT_UNUSED(level);
    const KafkaSink *s = rd_kafka_opaque(rk);
    fprintf(stderr, "WARN: kafka sink '%s': %s: %s\n", s ? s->name : "?", fac, buf);
}

/* The group lookup's client shares the producer's settings: its warnings that producer
   settings do not apply to it (CONFWARN) are expected and dropped. */
static void on_group_log(const rd_kafka_t *rk, int level, const char *fac, const char *buf)
{
    if (strcmp(fac, "CONFWARN") != 0)
        on_log(rk, level, fac, buf);
}

/* The column types the sink writes as bytes: STRING (UTF-8), and Spark's BinaryType once
   sluice has it (then `|| k == SRT_T_BINARY`). */
static int is_bytes(SrtKind k)
{
    return k == SRT_T_STRING || k == SRT_T_BINARY;
}

static int is_string(SrtKind k)
{
    return k == SRT_T_STRING;
}

static int is_int(SrtKind k)
{
    return k == SRT_T_INT;
}

/* *out: the first visible column called name (-1: none); the compiler checked its type. */
static int is_array(SrtKind k)
{
    return k == SRT_T_ARRAY;
}

static int find_col(const SrtSchema *schema, const char *name, int (*ok)(SrtKind), SrtSink *k,
                    int *out, SrtErr *err)
{
    *out = -1;
    for (uint32_t i = 0; i < schema->n_cols; i++) {
        if (schema->cols[i].hidden || strcmp(schema->cols[i].name, name) != 0)
            continue;
        if (!ok(schema->cols[i].type->kind))
            return srt_err_set(err, SRT_ERR_OPTION, "kafka sink '%s': column '%s' has the wrong type",
                               k->name, name);
        *out = (int)i;
        return 0;
    }
    return 0;
}

/* librdkafka's settings from the kafka.* options, with sluice's defaults first. */
static int make_conf(SrtSink *k, const SrtOptions *opts, rd_kafka_conf_t **out, SrtErr *err)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char why[512];
    /* The Java client's placement of keyed records: murmur2 of the key (its
       DefaultPartitioner); librdkafka's default hashes with CRC32. */
    if (rd_kafka_conf_set(conf, "message.timeout.ms", KAFKA_DEFAULT_TIMEOUT_MS, why, sizeof why) !=
            RD_KAFKA_CONF_OK ||
        rd_kafka_conf_set(conf, "partitioner", "murmur2_random", why, sizeof why) !=
            RD_KAFKA_CONF_OK) {
        rd_kafka_conf_destroy(conf);
        return srt_err_set(err, SRT_ERR_OPTION, "kafka sink '%s': %s", k->name, why);
    }
    size_t plen = strlen(KAFKA_PREFIX);
    for (int i = 0; i < opts->n; i++) {
        const char *key = opts->v[i].key;
        if (strncasecmp(key, KAFKA_PREFIX, plen) != 0 || !key[plen])
            continue;
        if (rd_kafka_conf_set(conf, key + plen, opts->v[i].value, why, sizeof why) !=
            RD_KAFKA_CONF_OK) {
            rd_kafka_conf_destroy(conf);
            return srt_err_set(err, SRT_ERR_OPTION, "kafka sink '%s': option '%s': %s", k->name,
                               key, why);
        }
    }
    *out = conf;
    return 0;
}

static int kafka_fail(SrtSink *k, SrtErr *err, const char *what, rd_kafka_error_t *e)
{
    int rc = srt_err_set(err, SRT_ERR_IO, "kafka sink '%s': %s: %s", k->name, what,
                         rd_kafka_error_string(e));
    rd_kafka_error_destroy(e);
    return rc;
}

static int kafka_open(SrtSink *k, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    KafkaSink *s = srt_mem_calloc(k->mem, sizeof *s);
    if (!s)
        return srt_err_nomem(err, "kafka sink");
    k->impl = s;
    s->name = k->name;
    s->c_topic = -1;
    srt_buf_init(&s->buf, k->mem);
    int rc;
    const char *topic = srt_opts_get(opts, "topic");
    /* With the topic option the topic column is not looked at (KafkaWriter.topicExpression). */
    if ((!topic && (rc = find_col(schema, "topic", is_string, k, &s->c_topic, err)) < 0) ||
        (rc = find_col(schema, "key", is_bytes, k, &s->c_key, err)) < 0 ||
        (rc = find_col(schema, "value", is_bytes, k, &s->c_value, err)) < 0 ||
        (rc = find_col(schema, "partition", is_int, k, &s->c_partition, err)) < 0 ||
        (rc = find_col(schema, "headers", is_array, k, &s->c_headers, err)) < 0)
        return rc;
    if (topic) { /* Spark: Option(options.get(TOPIC_OPTION_KEY)).map(_.trim) */
        while (isspace((unsigned char)*topic))
            topic++;
        size_t n = strlen(topic);
        while (n > 0 && isspace((unsigned char)topic[n - 1]))
            n--;
        if (!(s->topic = srt_mem_alloc(k->mem, n + 1)))
            return srt_err_nomem(err, "kafka sink");
        memcpy(s->topic, topic, n);
        s->topic[n] = '\0';
        s->topic_size = n + 1;
    }
    if (s->c_value < 0)
        return srt_err_set(err, SRT_ERR_OPTION, "kafka sink '%s': Required attribute 'value' not found",
                           k->name);
    if (!s->topic && s->c_topic < 0)
        return srt_err_set(err, SRT_ERR_OPTION,
                           "kafka sink '%s': topic option required when no 'topic' attribute is "
                           "present. Use the topic option for setting a topic.",
                           k->name);
    if ((rc = srt_opts_bool(opts, "exactlyOnce", &s->exactly_once, err)) < 0)
        return rc;
    rd_kafka_conf_t *conf = NULL;
    if ((rc = make_conf(k, opts, &conf, err)) < 0)
        return rc;
    char why[512], val[32];
    size_t vn = sizeof val;
    if (s->exactly_once && !srt_opts_get(opts, "kafka.message.timeout.ms") &&
        !srt_opts_get(opts, "kafka.delivery.timeout.ms") &&
        rd_kafka_conf_get(conf, "transaction.timeout.ms", val, &vn) == RD_KAFKA_CONF_OK &&
        atoi(val) < atoi(KAFKA_DEFAULT_TIMEOUT_MS) &&
        rd_kafka_conf_set(conf, "message.timeout.ms", val, why, sizeof why) != RD_KAFKA_CONF_OK) {
        rd_kafka_conf_destroy(conf);
        return srt_err_set(err, SRT_ERR_OPTION, "kafka sink '%s': %s", k->name, why);
    }
    vn = sizeof val;
    s->timeout_ms = 120000;
    if (rd_kafka_conf_get(conf, "message.timeout.ms", val, &vn) == RD_KAFKA_CONF_OK)
        s->timeout_ms = atoi(val) > 0 ? atoi(val) : s->timeout_ms;
    if (s->exactly_once) {
        if (!k->query_id) {
            rd_kafka_conf_destroy(conf);
            return srt_err_set(err, SRT_ERR_OPTION,
                               "kafka sink '%s': exactlyOnce = 'true' needs a checkpointLocation "
                               "(the transactional id is derived from the query id)",
                               k->name);
        }
        snprintf(s->txn_id, sizeof s->txn_id, "sluice-%s-%s", k->query_id, k->name);
        s->group_conf = rd_kafka_conf_dup(conf);
        if (rd_kafka_conf_set(conf, "transactional.id", s->txn_id, why, sizeof why) !=
                RD_KAFKA_CONF_OK ||
            rd_kafka_conf_set(s->group_conf, "group.id", s->txn_id, why, sizeof why) !=
                RD_KAFKA_CONF_OK ||
            rd_kafka_conf_set(s->group_conf, "enable.auto.commit", "false", why, sizeof why) !=
                RD_KAFKA_CONF_OK) {
            rd_kafka_conf_destroy(conf);
            return srt_err_set(err, SRT_ERR_OPTION, "kafka sink '%s': %s", k->name, why);
        }
    }
    if (s->group_conf) {
        rd_kafka_conf_set_opaque(s->group_conf, s);
        rd_kafka_conf_set_log_cb(s->group_conf, on_group_log);
    }
    rd_kafka_conf_set_opaque(conf, s);
    rd_kafka_conf_set_dr_msg_cb(conf, on_delivery);
    rd_kafka_conf_set_error_cb(conf, on_error);
    rd_kafka_conf_set_log_cb(conf, on_log);
    if (!(s->rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, why, sizeof why))) {
        rd_kafka_conf_destroy(conf);
        return srt_err_set(err, SRT_ERR_OPTION, "kafka sink '%s': %s", k->name, why);
    }
    if (s->exactly_once) {
        rd_kafka_error_t *e = rd_kafka_init_transactions(s->rk, s->timeout_ms);
        if (e)
            return kafka_fail(k, err, "cannot initialise the transactional producer", e);
    }
    return 0;
}

/* The row's topic as a C string in s->buf, or NULL for a NULL topic. */
static const char *row_topic(KafkaSink *s, const SrtDatum *row)
{
    if (s->topic)
        return s->topic;
    const SrtDatum *d = &row[s->c_topic];
    if (d->is_null)
        return NULL;
    srt_buf_clear(&s->buf);
    srt_buf_put(&s->buf, d->p, d->n);
    return srt_buf_cstr(&s->buf);
}

/* The row's headers column as librdkafka headers (*out NULL: no column or a NULL array).  A
   NULL element or header key fails the batch, as KafkaWriteTask's RecordHeader of a null key
   throws; a NULL value is a header without value. */
static int make_headers(SrtSink *k, KafkaSink *s, int64_t batch_id, const SrtDatum *row,
                        rd_kafka_headers_t **out, SrtErr *err)
{
    *out = NULL;
    if (s->c_headers < 0 || row[s->c_headers].is_null)
        return 0;
    const SrtDatum *arr = &row[s->c_headers], *elems = arr->p;
    rd_kafka_headers_t *h = rd_kafka_headers_new(arr->n);
    for (uint32_t i = 0; i < arr->n; i++) {
        const SrtDatum *f = elems[i].is_null ? NULL : elems[i].p;
        if (!f || f[0].is_null) {
            rd_kafka_headers_destroy(h);
            return srt_err_set(err, SRT_ERR_QUERY,
                               "kafka sink '%s': batch %" PRId64 ": a header or its key is null",
                               k->name, batch_id);
        }
        rd_kafka_header_add(h, f[0].n ? f[0].p : "", (ssize_t)f[0].n,
                            f[1].is_null ? NULL : f[1].n ? f[1].p : "", f[1].is_null ? 0 : (ssize_t)f[1].n);
    }
    *out = h;
    return 0;
}

/* Produce one row; waits for room when librdkafka's queue is full. */
static int produce_row(SrtSink *k, KafkaSink *s, int64_t batch_id, const SrtDatum *row, SrtErr *err)
{
    const char *topic = row_topic(s, row);
    if (!topic)
        return srt_err_set(err, SRT_ERR_QUERY,
                           "kafka sink '%s': batch %" PRId64 ": null topic present in the data. "
                           "Use the topic option for setting a default topic.",
                           k->name, batch_id);
    if (s->buf.oom)
        return srt_err_nomem(err, "kafka sink");
    const SrtDatum *key = s->c_key >= 0 && !row[s->c_key].is_null ? &row[s->c_key] : NULL;
    const SrtDatum *val = row[s->c_value].is_null ? NULL : &row[s->c_value];
    int32_t part = s->c_partition >= 0 && !row[s->c_partition].is_null
                       ? (int32_t)row[s->c_partition].i
                       : RD_KAFKA_PARTITION_UA;
    /* Kafka's ProducerRecord refuses a negative partition (librdkafka would take -1 as
       "unassigned" and let the partitioner choose). */
    if (s->c_partition >= 0 && !row[s->c_partition].is_null && row[s->c_partition].i < 0)
        return srt_err_set(err, SRT_ERR_QUERY,
                           "kafka sink '%s': batch %" PRId64 ": Invalid partition: %" PRId64
                           ". Partition number should always be non-negative or null.",
                           k->name, batch_id, row[s->c_partition].i);
    for (;;) {
        rd_kafka_headers_t *hdrs = NULL;
        int rc = make_headers(k, s, batch_id, row, &hdrs, err);
        if (rc < 0)
            return rc;
        rd_kafka_resp_err_t e = rd_kafka_producev(
            s->rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(part),
            RD_KAFKA_V_KEY(key ? (void *)key->p : NULL, key ? key->n : 0),
            RD_KAFKA_V_VALUE(val ? (void *)val->p : NULL, val ? val->n : 0),
            RD_KAFKA_V_HEADERS(hdrs), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
        if (e == RD_KAFKA_RESP_ERR_NO_ERROR)
            return 0; /* the record owns the headers */
        if (hdrs)
            rd_kafka_headers_destroy(hdrs);
        if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL)
            return srt_err_set(err, SRT_ERR_IO,
                               "kafka sink '%s': batch %" PRId64 ": cannot produce to topic '%s': %s",
                               k->name, batch_id, topic, rd_kafka_err2str(e));
        rd_kafka_poll(s->rk, 100);
    }
}

/* Wait until every record produced was delivered or failed; fail if one failed. */
static int flush_batch(SrtSink *k, KafkaSink *s, int64_t batch_id, size_t n_rows, SrtErr *err)
{
    while (rd_kafka_outq_len(s->rk) > 0) {
        rd_kafka_flush(s->rk, 500);
        /* Stopped (SIGINT/SIGTERM) while records wait, e.g. for an unreachable cluster:
           give up on the batch rather than wait for message.timeout.ms. */
        int left = rd_kafka_outq_len(s->rk);
        if (left > 0 && srt_stop_requested()) {
            rd_kafka_purge(s->rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
            rd_kafka_flush(s->rk, 1000);
            return srt_err_set(err, SRT_ERR_IO,
                               "kafka sink '%s': batch %" PRId64 ": stopped with %d records not yet "
                               "delivered; the batch runs again when the query restarts",
                               k->name, batch_id, left);
        }
    }
    if (s->n_failed == 0)
        return 0;
    return srt_err_set(err, SRT_ERR_IO,
                       "kafka sink '%s': batch %" PRId64 ": %zu of %zu records were not delivered: "
                       "%s%s%s",
                       k->name, batch_id, s->n_failed, n_rows, s->first_failure,
                       s->last_error[0] ? "; last error from the cluster: " : "", s->last_error);
}

/* The distinct topics of the batch (exactly once: where its batch id is recorded), as a
   partition list of partition 0 of each, offsets unset. */
static rd_kafka_topic_partition_list_t *batch_topics(KafkaSink *s, SrtDatum *const *rows,
                                                     size_t n_rows)
{
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
    for (size_t i = 0; i < n_rows; i++) {
        const char *t = row_topic(s, rows[i]);
        if (t && !rd_kafka_topic_partition_list_find(l, t, 0))
            rd_kafka_topic_partition_list_add(l, t, 0);
        if (s->topic)
            break;
    }
    return l;
}

/* Exactly once: has batch_id's transaction committed already (the group's offsets)?  1, 0. */
static int batch_committed(SrtSink *k, KafkaSink *s, int64_t batch_id,
                           rd_kafka_topic_partition_list_t *topics, SrtErr *err)
{
    char why[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_dup(s->group_conf);
    rd_kafka_t *c = rd_kafka_new(RD_KAFKA_CONSUMER, conf, why, sizeof why);
    if (!c) {
        rd_kafka_conf_destroy(conf);
        return srt_err_set(err, SRT_ERR_IO, "kafka sink '%s': %s", k->name, why);
    }
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_copy(topics);
    rd_kafka_resp_err_t e = rd_kafka_committed(c, l, s->timeout_ms);
    int done = 0;
    for (int i = 0; !e && i < l->cnt; i++)
        if (!l->elems[i].err && l->elems[i].offset > batch_id)
            done = 1;
    rd_kafka_topic_partition_list_destroy(l);
    rd_kafka_destroy(c);
    if (e)
        return srt_err_set(err, SRT_ERR_IO,
                           "kafka sink '%s': batch %" PRId64 ": cannot read the committed batches "
                           "of group '%s': %s",
                           k->name, batch_id, s->txn_id, rd_kafka_err2str(e));
    return done;
}

/* Exactly once: the batch in one transaction with its batch id (see the header). */
static int write_transaction(SrtSink *k, KafkaSink *s, int64_t batch_id, SrtDatum *const *rows,
                             size_t n_rows, SrtErr *err)
{
    rd_kafka_topic_partition_list_t *topics = batch_topics(s, rows, n_rows);
    int rc = 0;
    if (!s->fence_checked) {
        rc = batch_committed(k, s, batch_id, topics, err);
        if (rc < 0) {
            rd_kafka_topic_partition_list_destroy(topics);
            return rc;
        }
        s->fence_checked = 1;
        if (rc == 1) { /* committed before the restart: skipped */
            rd_kafka_topic_partition_list_destroy(topics);
            return 0;
        }
    }
    rd_kafka_error_t *e = rd_kafka_begin_transaction(s->rk);
    if (e) {
        rd_kafka_topic_partition_list_destroy(topics);
        return kafka_fail(k, err, "cannot begin a transaction", e);
    }
    for (size_t i = 0; rc == 0 && i < n_rows; i++)
        rc = produce_row(k, s, batch_id, rows[i], err);
    if (rc == 0)
        rc = flush_batch(k, s, batch_id, n_rows, err);
    if (rc == 0) {
        for (int i = 0; i < topics->cnt; i++)
            topics->elems[i].offset = batch_id + 1;
        rd_kafka_consumer_group_metadata_t *g = rd_kafka_consumer_group_metadata_new(s->txn_id);
        e = rd_kafka_send_offsets_to_transaction(s->rk, topics, g, s->timeout_ms);
        rd_kafka_consumer_group_metadata_destroy(g);
        if (!e)
            e = rd_kafka_commit_transaction(s->rk, s->timeout_ms);
        if (e) {
            char what[96];
            snprintf(what, sizeof what, "batch %" PRId64 ": cannot commit its transaction", batch_id);
            rc = kafka_fail(k, err, what, e);
        }
    }
    rd_kafka_topic_partition_list_destroy(topics);
    if (rc < 0) {
        /* Best effort: a restart's init_transactions aborts it anyway. */
        rd_kafka_error_t *a = rd_kafka_abort_transaction(s->rk, s->timeout_ms);
        if (a)
            rd_kafka_error_destroy(a);
    }
    return rc;
}

static int kafka_write(SrtSink *k, int64_t batch_id, SrtDatum *const *rows, size_t n_rows,
                       const SrtSchema *schema, SrtErr *err)
{
    SRT_UNUSED(schema);
    KafkaSink *s = k->impl;
    s->n_failed = 0;
    s->first_failure[0] = '\0';
    if (n_rows == 0)
        return 0;
    if (s->exactly_once)
        return write_transaction(k, s, batch_id, rows, n_rows, err);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n_rows; i++)
        rc = produce_row(k, s, batch_id, rows[i], err);
    /* Spark's KafkaDataWriter flushes on commit and on abort alike. */
    int frc = flush_batch(k, s, batch_id, n_rows, rc < 0 ? &(SrtErr){0} : err);
    return rc < 0 ? rc : frc;
}

static void kafka_close(SrtSink *k)
{
    KafkaSink *s = k->impl;
    if (!s)
        return;
    if (s->rk) {
        /* Every batch flushed before it returned: nothing is left to deliver. */
        rd_kafka_purge(s->rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
        rd_kafka_destroy(s->rk);
    }
    if (s->group_conf)
        rd_kafka_conf_destroy(s->group_conf);
    if (s->topic)
        srt_mem_free(k->mem, s->topic, s->topic_size);
    srt_buf_free(&s->buf);
    srt_mem_free(k->mem, s, sizeof *s);
    k->impl = NULL;
}

/* Spark's progress names the sink by its table: KafkaSourceProvider$KafkaTable@<hash>. */
static void kafka_describe(SrtSink *k, SrtBuf *out)
{
    SRT_UNUSED(k);
    srt_buf_puts(out, "org.apache.spark.sql.kafka010.KafkaSourceProvider$KafkaTable");
}

const SrtSinkVt srt_sink_kafka_vt = {
    .connector = "kafka",
    .open = kafka_open,
    .write = kafka_write,
    .close = kafka_close,
    .describe = kafka_describe,
};
