/* srt_source_kafka.c - the `kafka` source connector (librdkafka), as Spark 3.5's
** KafkaMicroBatchStream reads Kafka: rows `key BINARY, value BINARY, topic STRING,
** partition INT, offset BIGINT, timestamp TIMESTAMP, timestampType INT` and, with
** includeHeaders = true, `headers ARRAY<STRUCT<key: STRING, value: BINARY>>` as value rows.
**
** Offsets are Spark's KafkaSourceOffset JSON, {"topic":{"0":next offset to read,...},...}
** (JsonUtils.partitionOffsets), topics and partitions in the order of its Scala hash maps
** (srt_scala_order.c).  The source plans every batch itself: plan()
** lists the partitions of the subscription (metadata of all topics: `subscribe` names,
** `subscribePattern` a Java regex through cm_regex, `assign` a fixed list), asks for their
** latest offsets (one ListOffsets request per leader for all of them), applies the rate limit
** and returns the end offsets; read() fetches exactly [start, end) of each partition (never a
** group subscription, never a commit to Kafka).  The rows come out partition after partition
** in the order of Spark's input partitions (batch_order), each partition read in bulk from its
** own queue (rd_kafka_queue_get_partition, not forwarded to the consumer's queue) while the next
** partitions of the batch are already fetching (rd_kafka_incremental_assign at their start
** offsets, KAFKA_AHEAD at once); records fetched beyond a range's end are dropped, the next
** batch fetches them again.  Each row says the Spark input partition it is read in (a range,
** or with minPartitions a piece of one: srt_kafka_parts.c).  A partition read to its latest
** offset stays assigned (a tail, KTail): its fetcher goes on, what it brings waits in memory,
** the next plan ends the
** partition's range where that ends (so the batch never waits for a fetch), and the first
** record arriving in its queue wakes a query on the default trigger (wait_fd).  While every
** partition is a tail, a batch sends no request: the plan takes the latest offsets from the
** fetchers' last responses (the partitions listed again every KAFKA_META_MS) and the read
** checks no offsets for a range its tail holds.  Metadata and offsets are asked on a second
** client, never behind a held fetch.  The consumer settings
** sluice chooses (open_consumer) give way to the query's kafka.* options.
**
** Initial offsets (startingOffsets / startingTimestamp) are chosen at the first plan and kept
** in the checkpoint as sources/<i>/0 ("v1" and the JSON, Spark's
** KafkaSourceInitialOffsetWriter), so a restart before the first batch committed reads the
** same data.  restore(end) continues after the logged end offsets.
**
** Spark's rules copied here: a partition that appears after the start (new partition or new
** topic) starts at its earliest offset, reported as data loss when that is not 0
** (KafkaOffsetReaderAdmin.getOffsetRangesFromResolvedOffsets); a start below the earliest
** available offset, or an end below the start, is data loss; data loss fails the query with
** Spark's message when failOnDataLoss is true and is a warning on stderr otherwise (the
** source then reads what is left).  maxOffsetsPerTrigger splits the limit over the
** partitions in proportion to what they have (KafkaMicroBatchStream.rateLimit);
** minOffsetsPerTrigger waits for that many offsets unless maxTriggerDelay passed since the
** last batch.  Gaps inside a range (compacted topics) are skipped.
**
** An unreachable broker: fetchOffset.numRetries attempts (default 3, Spark's) of at most
** kafkaConsumer.pollTimeoutMs (capped at 10 s) each, fetchOffset.retryIntervalMs (1000 ms)
** apart, then an error naming kafka.bootstrap.servers.
**
** Headers (KafkaRecordToRowConverter.toInternalRowWithHeaders): the record's headers in their
** order, a header's value NULL when Kafka's is null; a record without headers has a NULL
** array (not an empty one).  The datums of a chunk's headers live in one growing array of
** the source; rows refer to it by index until flush_rows turns the indices into pointers.
*/
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <librdkafka/rdkafka.h>

#include "common/cm_interval.h"
#include "common/cm_regex.h"
#include "srt_int.h"

#define KCOLS 8 /* key, value, topic, partition, offset, timestamp, timestampType[, headers] */
#define K_EARLIEST (-2)
#define K_LATEST (-1)
#define KAFKA_AHEAD 3    /* partitions of a batch fetching at once */
#define KAFKA_KICK_MS 10 /* a partition's queue empty that long: wake_fetcher */
#define KAFKA_TAILS 32   /* partitions kept assigned between batches at most */
#define KAFKA_META_MS 100 /* a caught-up source's metadata is asked at most this often */

typedef struct KPart {
    char *topic; /* owned */
    int32_t part;
    int64_t off;
    int seq; /* the order it was put in (parse_offsets: the JSON's) */
} KPart;

/* A map topic-partition -> offset, sorted by (topic, partition). */
typedef struct KOffs {
    KPart *v;
    int n, cap;
    int seqs; /* puts so far */
} KOffs;

typedef enum KStrategy { K_SUBSCRIBE, K_PATTERN, K_ASSIGN } KStrategy;

/* Records fetched beyond a range's end, in offset order, kept for the next range. */
typedef struct KStash {
    rd_kafka_message_t **v;
    int at, n, cap; /* v[at..n) are still to be read */
} KStash;

/* A partition kept assigned after a batch whose range ended at its latest offset (a caught-up
   partition): the next batch reads on from its queue, with what was fetched beyond the range,
   instead of assigning it again, and a record arriving in the queue writes to the source's
   wake pipe (rd_kafka_queue_io_event_enable), which wakes a query on the default trigger at
   once (SrtSourceVt.wait_fd) instead of at its next 10 ms poll. */
typedef struct KTail {
    char *topic; /* owned */
    int32_t part;
    int64_t next;        /* where the next range must start to read on from the queue */
    int64_t eof;         /* the latest end of partition the fetcher reported (0: none) */
    int capped;          /* the last settle left records in the queue */
    rd_kafka_queue_t *q; /* owned reference */
    KStash stash;
} KTail;

typedef struct Kafka {
    SrtMem *mem;
    rd_kafka_t *rk;   /* the client that fetches (assigned the batch's partitions and tails) */
    rd_kafka_t *meta; /* the client that asks for metadata and offsets */
    const char *servers;
    KStrategy strategy;
    const char *strategy_text; /* the option's value */
    char **topics;             /* subscribe */
    int n_topics;
    CmRegex *pattern;  /* subscribePattern */
    KOffs assigned;    /* assign (offsets unused) */
    const char *starting; /* startingOffsets text */
    int has_start_ts;
    int64_t start_ts_ms;
    int64_t max_offsets; /* maxOffsetsPerTrigger, -1: none */
    int64_t min_offsets; /* minOffsetsPerTrigger, -1: none */
    int64_t min_parts;   /* minPartitions, -1: none */
    int64_t max_delay_us;
    int fail_on_loss;
    int retries;
    int64_t retry_ms, poll_ms;
    int64_t queued_min; /* librdkafka's queued.min.messages (0: unknown) */
    int started; /* initial offsets known */
    KOffs initial;
    KOffs planned; /* end of the last planned batch (or the initial offsets) */
    int planned_here; /* planned holds the end of a batch this process planned (not restored) */
    KOffs latest;  /* the latest offsets seen by the last plan */
    int have_latest;
    int snapshot;
    KOffs snap; /* availableNow: never plan beyond */
    int64_t last_trigger_ms; /* delayBatch's lastTriggerMillis */
    SrtDatum *rows;
    rd_kafka_message_t **msgs;
    int32_t chunk_part; /* the Spark input partition of the rows in rows (srt_kafka_parts.c) */
    int headers;    /* includeHeaders */
    int ncols;      /* KCOLS, or KCOLS - 1 without headers */
    SrtDatum *hdrs; /* the chunk's headers: per record n STRUCT datums, then 2n field datums */
    size_t n_hdrs, cap_hdrs;
    KTail **tails; /* the partitions kept assigned between batches (KAFKA_TAILS at most) */
    int n_tails;
    int wake[2]; /* the wake pipe (read end, write end); -1 before the first tail */
    int64_t meta_us; /* when the latest offsets were last asked (srt_mono_us) */
} Kafka;

static void tails_settle(Kafka *k);
static struct KTail *tail_find(const Kafka *k, const char *topic, int32_t part);
static int64_t tail_end(const struct KTail *t);
static void tails_prune(Kafka *k, const KOffs *parts);

/* Empty the wake pipe (tails, below): a plan sees whatever woke it. */
static void wake_drain(Kafka *k)
{
    char buf[256];
    if (k->wake[0] >= 0)
        while (read(k->wake[0], buf, sizeof buf) > 0) {
        }
}

/* ==== offset maps ==== */

static void offs_free(Kafka *k, KOffs *o)
{
    for (int i = 0; i < o->n; i++)
        srt_mem_free(k->mem, o->v[i].topic, strlen(o->v[i].topic) + 1);
    if (o->v)
        srt_mem_free(k->mem, o->v, sizeof *o->v * (size_t)o->cap);
    memset(o, 0, sizeof *o);
}

static int kp_cmp(const char *t1, int32_t p1, const char *t2, int32_t p2)
{
    int c = strcmp(t1, t2);
    return c ? c : (p1 > p2) - (p1 < p2);
}

/* The index of (topic, part), or -1. */
static int offs_find(const KOffs *o, const char *topic, int32_t part)
{
    int lo = 0, hi = o->n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = kp_cmp(o->v[mid].topic, o->v[mid].part, topic, part);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* Set (topic, part) to off, inserting in order.  0 or -NOMEM. */
static int offs_put(Kafka *k, KOffs *o, const char *topic, size_t tn, int32_t part, int64_t off)
{
    char name[256];
    if (tn >= sizeof name)
        tn = sizeof name - 1;
    memcpy(name, topic, tn);
    name[tn] = '\0';
    int at = offs_find(o, name, part);
    if (at >= 0) {
        o->v[at].off = off;
        return 0;
    }
    if (o->n == o->cap) {
        int cap = o->cap ? o->cap * 2 : 8;
        KPart *v = srt_mem_calloc(k->mem, sizeof *v * (size_t)cap);
        if (!v)
            return -SRT_ERR_NOMEM;
        if (o->n)
            memcpy(v, o->v, sizeof *v * (size_t)o->n);
        if (o->v)
            srt_mem_free(k->mem, o->v, sizeof *o->v * (size_t)o->cap);
        o->v = v;
        o->cap = cap;
    }
    char *t = srt_mem_alloc(k->mem, tn + 1);
    if (!t)
        return -SRT_ERR_NOMEM;
    memcpy(t, name, tn + 1);
    int i = o->n;
    while (i > 0 && kp_cmp(o->v[i - 1].topic, o->v[i - 1].part, name, part) > 0) {
        o->v[i] = o->v[i - 1];
        i--;
    }
    o->v[i] = (KPart){t, part, off, o->seqs++};
    o->n++;
    return 0;
}

static int offs_copy(Kafka *k, KOffs *dst, const KOffs *src)
{
    offs_free(k, dst);
    for (int i = 0; i < src->n; i++)
        if (offs_put(k, dst, src->v[i].topic, strlen(src->v[i].topic), src->v[i].part, src->v[i].off) < 0)
            return -SRT_ERR_NOMEM;
    return 0;
}

/* Spark's JsonUtils.partitionOffsets: {"t":{"0":5,"1":7}}, the topics and each topic's
   partitions in the order of the Scala mutable.HashMaps it writes (srt_scala_order.c), filled
   in (topic, partition) order.  Out of memory: out->oom. */
static void offs_json(Kafka *k, const KOffs *o, SrtBuf *out)
{
    size_t size = sizeof(int32_t) * (size_t)(o->n ? o->n : 1);
    int32_t *th = srt_mem_alloc(k->mem, size), *ph = srt_mem_alloc(k->mem, size);
    int *starts = srt_mem_alloc(k->mem, size), *tord = srt_mem_alloc(k->mem, size);
    int *pord = srt_mem_alloc(k->mem, size);
    int nt = 0, ok = th && ph && starts && tord && pord;
    for (int i = 0; ok && i < o->n; i++)
        if (i == 0 || strcmp(o->v[i - 1].topic, o->v[i].topic) != 0) {
            th[nt] = srt_java_string_hash(o->v[i].topic);
            tord[nt] = nt;
            starts[nt++] = i;
        }
    ok = ok && srt_scala_mutable_order(k->mem, th, nt, tord) == 0;
    srt_buf_putc(out, '{');
    for (int t = 0; ok && t < nt; t++) {
        int first = starts[tord[t]], np = (tord[t] + 1 < nt ? starts[tord[t] + 1] : o->n) - first;
        for (int i = 0; i < np; i++) {
            ph[i] = o->v[first + i].part;
            pord[i] = i;
        }
        ok = srt_scala_mutable_order(k->mem, ph, np, pord) == 0;
        srt_buf_puts(out, t ? "," : "");
        srt_write_json_string(o->v[first].topic, strlen(o->v[first].topic), out);
        for (int i = 0; ok && i < np; i++)
            srt_buf_printf(out, "%s\"%d\":%" PRId64, i ? "," : ":{",
                           (int)o->v[first + pord[i]].part, o->v[first + pord[i]].off);
        srt_buf_putc(out, '}');
    }
    srt_buf_putc(out, '}');
    out->oom |= !ok;
    void *bufs[] = {th, ph, starts, tord, pord};
    for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++)
        if (bufs[i])
            srt_mem_free(k->mem, bufs[i], size);
}

/* ==== a small reader for the offset and assign JSON ==== */

typedef struct JR {
    const char *p, *end;
} JR;

static void jr_ws(JR *j)
{
    while (j->p < j->end && isspace((unsigned char)*j->p))
        j->p++;
}

static int jr_char(JR *j, char c)
{
    jr_ws(j);
    if (j->p < j->end && *j->p == c) {
        j->p++;
        return 1;
    }
    return 0;
}

/* A string without escapes (topic names and partition numbers have none). */
static int jr_str(JR *j, const char **s, size_t *n)
{
    if (!jr_char(j, '"'))
        return 0;
    const char *b = j->p;
    while (j->p < j->end && *j->p != '"') {
        if (*j->p == '\\')
            return 0;
        j->p++;
    }
    if (j->p >= j->end)
        return 0;
    *s = b;
    *n = (size_t)(j->p - b);
    j->p++;
    return 1;
}

static int jr_int(JR *j, int64_t *v)
{
    jr_ws(j);
    const char *b = j->p;
    if (j->p < j->end && *j->p == '-')
        j->p++;
    if (j->p >= j->end || !isdigit((unsigned char)*j->p))
        return 0;
    int64_t x = 0;
    while (j->p < j->end && isdigit((unsigned char)*j->p)) {
        if (__builtin_mul_overflow(x, 10, &x) || __builtin_add_overflow(x, *j->p - '0', &x))
            return 0;
        j->p++;
    }
    *v = *b == '-' ? -x : x;
    return 1;
}

static int parse_part(const char *s, size_t n, int32_t *out)
{
    int64_t v = 0;
    if (n == 0 || n > 10)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    if (v > INT32_MAX)
        return 0;
    *out = (int32_t)v;
    return 1;
}

/* {"t":{"0":5}} (offsets) or, with lists, {"t":[0,1]} (assign).  1 if well formed. */
static int parse_offsets(Kafka *k, const char *text, int lists, KOffs *out)
{
    JR j = {text, text + strlen(text)};
    offs_free(k, out);
    if (!jr_char(&j, '{'))
        return 0;
    if (jr_char(&j, '}'))
        goto end;
    do {
        const char *t;
        size_t tn;
        if (!jr_str(&j, &t, &tn) || tn == 0 || !jr_char(&j, ':') || !jr_char(&j, lists ? '[' : '{'))
            return 0;
        if (!jr_char(&j, lists ? ']' : '}')) {
            do {
                const char *ps;
                size_t pn;
                int32_t part;
                int64_t off = 0;
                if (lists) {
                    int64_t v;
                    if (!jr_int(&j, &v) || v < 0 || v > INT32_MAX)
                        return 0;
                    part = (int32_t)v;
                } else if (!jr_str(&j, &ps, &pn) || !parse_part(ps, pn, &part) || !jr_char(&j, ':') ||
                           !jr_int(&j, &off)) {
                    return 0;
                }
                if (offs_put(k, out, t, tn, part, off) < 0)
                    return 0;
            } while (jr_char(&j, ','));
            if (!jr_char(&j, lists ? ']' : '}'))
                return 0;
        }
    } while (jr_char(&j, ','));
    if (!jr_char(&j, '}'))
        return 0;
end:
    jr_ws(&j);
    return j.p == j.end;
}

/* ==== errors ==== */

static const char LOSS_TRUE[] =
    "Some data may have been lost because they are not available in Kafka any more; either the\n"
    " data was aged out by Kafka or the topic may have been deleted before all the data in the\n"
    " topic was processed. If you don't want your streaming query to fail on such cases, set the\n"
    " source option \"failOnDataLoss\" to \"false\".\n";
static const char LOSS_FALSE[] =
    "Some data may have been lost because they are not available in Kafka any more; either the\n"
    " data was aged out by Kafka or the topic may have been deleted before all the data in the\n"
    " topic was processed. If you want your streaming query to fail on such cases, set the source\n"
    " option \"failOnDataLoss\" to \"true\".\n";

/* KafkaMicroBatchStream.reportDataLoss: fail, or warn and go on. */
static int data_loss(SrtSource *s, Kafka *k, const char *msg, SrtErr *err)
{
    if (k->fail_on_loss)
        return srt_err_set(err, SRT_ERR_QUERY, "source '%s': %s. \n%s", s->name, msg, LOSS_TRUE);
    fprintf(stderr, "WARN KafkaMicroBatchStream: %s. \n%s", msg, LOSS_FALSE);
    return 0;
}

static int opt_error(SrtSource *s, SrtErr *err, const char *fmt, ...) SRT_PRINTF(3, 4);
static int opt_error(SrtSource *s, SrtErr *err, const char *fmt, ...)
{
    char msg[sizeof err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return srt_err_set(err, SRT_ERR_OPTION, "source '%s': %s", s->name, msg);
}

/* ==== talking to the brokers ==== */

static void sleep_ms(int64_t ms)
{
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR && !srt_stop_requested())
        ;
}

static int meta_timeout(const Kafka *k)
{
    return (int)(k->poll_ms < 10000 ? k->poll_ms : 10000);
}

/* One request to the brokers (metadata or a partition's offsets). */
typedef struct KReq {
    const char *topic; /* NULL: metadata of every topic */
    int32_t part;
    const struct rd_kafka_metadata **md;
    int64_t *lo, *hi;
} KReq;

/* The request with Spark's bounded retries (fetchOffset.numRetries, retryIntervalMs). */
static rd_kafka_resp_err_t with_retries(Kafka *k, const KReq *r)
{
    rd_kafka_resp_err_t e = RD_KAFKA_RESP_ERR_NO_ERROR;
    for (int attempt = 1; attempt <= k->retries; attempt++) {
        e = r->topic ? rd_kafka_query_watermark_offsets(k->meta, r->topic, r->part, r->lo, r->hi, meta_timeout(k))
                     : rd_kafka_metadata(k->meta, 1, NULL, r->md, meta_timeout(k));
        if (e == RD_KAFKA_RESP_ERR_NO_ERROR || srt_stop_requested())
            break;
        if (attempt < k->retries)
            sleep_ms(k->retry_ms);
    }
    return e;
}

/* Metadata of every topic. */
static int get_metadata(SrtSource *s, Kafka *k, const struct rd_kafka_metadata **md, SrtErr *err)
{
    KReq r = {.md = md};
    rd_kafka_resp_err_t e = with_retries(k, &r);
    if (e == RD_KAFKA_RESP_ERR_NO_ERROR)
        return 0;
    return srt_err_set(err, SRT_ERR_IO,
                       "source '%s': cannot reach the Kafka brokers %s (kafka.bootstrap.servers) "
                       "after %d attempts: %s",
                       s->name, k->servers, k->retries, rd_kafka_err2str(e));
}

/* The earliest and the latest offset of a partition. */
static int watermarks(SrtSource *s, Kafka *k, const char *topic, int32_t part, int64_t *lo,
                      int64_t *hi, SrtErr *err)
{
    KReq r = {.topic = topic, .part = part, .lo = lo, .hi = hi};
    rd_kafka_resp_err_t e = with_retries(k, &r);
    if (e == RD_KAFKA_RESP_ERR_NO_ERROR)
        return 0;
    return srt_err_set(err, SRT_ERR_IO,
                       "source '%s': cannot fetch the offsets of %s-%d from the Kafka brokers %s "
                       "after %d attempts: %s",
                       s->name, topic, (int)part, k->servers, k->retries, rd_kafka_err2str(e));
}

/* The earliest (which K_EARLIEST) or the latest (K_LATEST) offset of every partition of parts,
   into its off: one ListOffsets request per leader for all of them (offsets_for_times with
   Kafka's special timestamps -2 and -1, what query_watermark_offsets asks one partition at a
   time), with Spark's retries. */
static int list_offsets(SrtSource *s, Kafka *k, KOffs *parts, int64_t which, SrtErr *err)
{
    rd_kafka_resp_err_t e = RD_KAFKA_RESP_ERR_NO_ERROR;
    int bad = 0; /* the partition an error names */
    for (int attempt = 1; parts->n && attempt <= k->retries; attempt++) {
        rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(parts->n);
        if (!l)
            return srt_err_nomem(err, "kafka partitions");
        for (int i = 0; i < parts->n; i++)
            rd_kafka_topic_partition_list_add(l, parts->v[i].topic, parts->v[i].part)->offset = which;
        e = rd_kafka_offsets_for_times(k->meta, l, meta_timeout(k));
        for (int i = 0; e == RD_KAFKA_RESP_ERR_NO_ERROR && i < l->cnt; i++) {
            const rd_kafka_topic_partition_t *tp = &l->elems[i];
            int at = offs_find(parts, tp->topic, tp->partition);
            if (tp->err || tp->offset < 0 || at < 0) {
                e = tp->err ? tp->err : RD_KAFKA_RESP_ERR__NO_OFFSET;
                bad = at < 0 ? 0 : at;
            } else {
                parts->v[at].off = tp->offset;
            }
        }
        rd_kafka_topic_partition_list_destroy(l);
        if (e == RD_KAFKA_RESP_ERR_NO_ERROR || srt_stop_requested())
            break;
        if (attempt < k->retries)
            sleep_ms(k->retry_ms);
    }
    if (e == RD_KAFKA_RESP_ERR_NO_ERROR)
        return 0;
    return srt_err_set(err, SRT_ERR_IO,
                       "source '%s': cannot fetch the offsets of %s-%d from the Kafka brokers %s "
                       "after %d attempts: %s",
                       s->name, parts->v[bad].topic, (int)parts->v[bad].part, k->servers, k->retries,
                       rd_kafka_err2str(e));
}

static int topic_wanted(Kafka *k, const char *name)
{
    switch (k->strategy) {
    case K_SUBSCRIBE:
        for (int i = 0; i < k->n_topics; i++)
            if (strcmp(k->topics[i], name) == 0)
                return 1;
        return 0;
    case K_PATTERN: { /* Pattern.matcher(topic).matches(): compiled as \A(?:p)\z */
        const size_t *ov;
        char rerr[128];
        return cm_regex_find(k->pattern, name, strlen(name), 0, &ov, rerr, sizeof rerr) > 0;
    }
    case K_ASSIGN:
        return 0;
    }
    return 0;
}

/* The partitions of the subscription now (offsets 0). */
static int list_partitions(SrtSource *s, Kafka *k, KOffs *out, SrtErr *err)
{
    offs_free(k, out);
    if (k->strategy == K_ASSIGN)
        return offs_copy(k, out, &k->assigned) < 0 ? srt_err_nomem(err, "kafka partitions") : 0;
    const struct rd_kafka_metadata *md = NULL;
    int rc = get_metadata(s, k, &md, err);
    if (rc < 0)
        return rc;
    for (int i = 0; i < md->topic_cnt && rc == 0; i++) {
        const struct rd_kafka_metadata_topic *t = &md->topics[i];
        if (t->err || !topic_wanted(k, t->topic))
            continue;
        for (int p = 0; p < t->partition_cnt && rc == 0; p++)
            if (offs_put(k, out, t->topic, strlen(t->topic), t->partitions[p].id, 0) < 0)
                rc = srt_err_nomem(err, "kafka partitions");
    }
    rd_kafka_metadata_destroy(md);
    return rc;
}

/* startingTimestamp: the first offset with a timestamp >= ts (offsetsForTimes), the latest
   offset where there is none (Spark's strategy "latest" would be an option; "error" is the
   default and fails as Spark does). */
static int offsets_for_time(SrtSource *s, Kafka *k, KOffs *parts, SrtErr *err)
{
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(parts->n ? parts->n : 1);
    if (!l)
        return srt_err_nomem(err, "kafka partitions");
    for (int i = 0; i < parts->n; i++)
        rd_kafka_topic_partition_list_add(l, parts->v[i].topic, parts->v[i].part)->offset = k->start_ts_ms;
    rd_kafka_resp_err_t e = rd_kafka_offsets_for_times(k->meta, l, meta_timeout(k) * k->retries);
    int rc = 0;
    if (e)
        rc = srt_err_set(err, SRT_ERR_IO, "source '%s': cannot find the offsets for startingTimestamp %" PRId64 " at %s: %s",
                         s->name, k->start_ts_ms, k->servers, rd_kafka_err2str(e));
    for (int i = 0; rc == 0 && i < l->cnt; i++) {
        rd_kafka_topic_partition_t *tp = &l->elems[i];
        if (tp->err || tp->offset < 0)
            rc = srt_err_set(err, SRT_ERR_QUERY,
                             "source '%s': No offset matched from request of topic-partition %s-%d "
                             "and timestamp %" PRId64 ".",
                             s->name, tp->topic, (int)tp->partition, k->start_ts_ms);
        else
            parts->v[offs_find(parts, tp->topic, tp->partition)].off = tp->offset;
    }
    rd_kafka_topic_partition_list_destroy(l);
    return rc;
}

/* ==== open ==== */

static char *dup_str(Kafka *k, const char *s, size_t n)
{
    char *d = srt_mem_alloc(k->mem, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* The option's value or its spec's default (-1 when it has neither: no limit). */
static int get_long(SrtSource *s, const SrtOptions *opts, const char *key, int64_t min, int64_t *out,
                    SrtErr *err)
{
    const char *v = srt_opts_value(opts, key);
    *out = -1;
    if (!v)
        return 0;
    char *e;
    errno = 0;
    long long x = strtoll(v, &e, 10);
    if (errno || e == v || *e || x < min)
        return opt_error(s, err, "Invalid value '%s' for option '%s', must be %s", v, key,
                         min > 0 ? "a positive integer" : "a non-negative integer");
    *out = x;
    return 0;
}

/* SubscribeStrategy: the comma list, trimmed, empty names dropped. */
static int open_subscribe(SrtSource *s, Kafka *k, const char *sub, SrtErr *err)
{
    k->strategy = K_SUBSCRIBE;
    k->strategy_text = sub;
    k->topics = srt_mem_calloc(k->mem, sizeof *k->topics * (strlen(sub) / 2 + 1));
    if (!k->topics)
        return srt_err_nomem(err, "kafka topics");
    for (const char *p = sub; *p;) {
        const char *c = strchr(p, ',');
        const char *e = c ? c : p + strlen(p);
        const char *b = p;
        while (b < e && isspace((unsigned char)*b))
            b++;
        const char *t = e;
        while (t > b && isspace((unsigned char)t[-1]))
            t--;
        if (t > b && !(k->topics[k->n_topics++] = dup_str(k, b, (size_t)(t - b))))
            return srt_err_nomem(err, "kafka topics");
        p = c ? c + 1 : e;
    }
    if (k->n_topics == 0)
        return opt_error(s, err, "No topics to subscribe to as specified value for option 'subscribe' is '%s'",
                         sub);
    return 0;
}

/* SubscribePatternStrategy: a Java regex that must match a whole topic name, compiled as
   \A(?:p)\z (Pattern.matcher(topic).matches()). */
static int open_pattern(SrtSource *s, Kafka *k, const char *pat, SrtErr *err)
{
    const char *given = pat;
    k->strategy = K_PATTERN;
    while (isspace((unsigned char)*pat))
        pat++;
    size_t n = strlen(pat);
    while (n && isspace((unsigned char)pat[n - 1]))
        n--;
    if (!(k->strategy_text = dup_str(k, pat, n)))
        return srt_err_nomem(err, "kafka pattern");
    if (n == 0)
        return opt_error(s, err,
                         "Pattern to subscribe is empty as specified value for option 'subscribePattern' is '%s'",
                         given);
    char rerr[256] = "out of memory";
    SrtBuf whole;
    srt_buf_init(&whole, k->mem);
    srt_buf_puts(&whole, "\\A(?:");
    srt_buf_put(&whole, pat, n);
    srt_buf_puts(&whole, ")\\z");
    k->pattern = whole.oom ? NULL : cm_regex_compile(srt_buf_cstr(&whole), whole.n, rerr, sizeof rerr);
    srt_buf_free(&whole);
    if (!k->pattern)
        return opt_error(s, err, "invalid subscribePattern '%s': %s", k->strategy_text, rerr);
    return 0;
}

/* AssignStrategy: {"topicA":[0,1],"topicB":[2]} (JsonUtils.partitions). */
static int open_assign(SrtSource *s, Kafka *k, const char *asg, SrtErr *err)
{
    k->strategy = K_ASSIGN;
    k->strategy_text = asg;
    const char *a = asg;
    while (isspace((unsigned char)*a))
        a++;
    if (*a != '{')
        return opt_error(s, err, "No topicpartitions to assign as specified value for option 'assign' is '%s'",
                         asg);
    if (!parse_offsets(k, asg, 1, &k->assigned))
        return opt_error(s, err, "Expected e.g. {\"topicA\":[0,1],\"topicB\":[0,1]}, got %s", asg);
    return 0;
}

/* KafkaSourceProvider.validateGeneralOptions and strategy(): exactly one of subscribe,
   subscribePattern, assign (sema checks the same; the executable checks again). */
static int open_strategy(SrtSource *s, Kafka *k, const SrtOptions *opts, SrtErr *err)
{
    const char *sub = srt_opts_get(opts, "subscribe"), *pat = srt_opts_get(opts, "subscribePattern"),
               *asg = srt_opts_get(opts, "assign");
    int n_strat = !!sub + !!pat + !!asg;
    if (n_strat != 1)
        return opt_error(s, err, "%s of the following options %s specified for Kafka source: subscribe, "
                                 "subscribepattern, assign. See the docs for more details.",
                         n_strat ? "Only one" : "One", n_strat ? "can be" : "must be");
    k->servers = srt_opts_get(opts, "kafka.bootstrap.servers");
    if (!k->servers)
        return opt_error(s, err, "Option 'kafka.bootstrap.servers' must be specified for configuring Kafka consumer");
    if (sub)
        return open_subscribe(s, k, sub, err);
    if (pat)
        return open_pattern(s, k, pat, err);
    return open_assign(s, k, asg, err);
}

/* startingTimestamp (getKafkaOffsetRangeLimit: "Expected a single long value") and
   startingOffsets (latest, earliest or JsonUtils.partitionOffsets's JSON). */
static int open_start(SrtSource *s, Kafka *k, const SrtOptions *opts, SrtErr *err)
{
    k->starting = srt_opts_get(opts, "startingOffsets");
    const char *sts = srt_opts_get(opts, "startingTimestamp");
    if (sts) {
        char *e;
        errno = 0;
        while (isspace((unsigned char)*sts))
            sts++;
        k->start_ts_ms = strtoll(sts, &e, 10);
        while (isspace((unsigned char)*e))
            e++;
        if (errno || e == sts || *e)
            return opt_error(s, err, "Expected a single long value, got %s", sts);
        k->has_start_ts = 1;
    }
    if (k->starting && !srt_str_ieq(k->starting, "latest") && !srt_str_ieq(k->starting, "earliest")) {
        KOffs tmp = {0};
        int ok = parse_offsets(k, k->starting, 0, &tmp);
        offs_free(k, &tmp);
        if (!ok)
            return opt_error(s, err, "Expected e.g. {\"topicA\":{\"0\":23,\"1\":-1},\"topicB\":{\"0\":-2}}, got %s",
                             k->starting);
    }
    return 0;
}

/* The rate limits, data loss, retries and the options Spark only warns about or that are
   not offered yet. */
static int open_limits(SrtSource *s, Kafka *k, const SrtOptions *opts, SrtErr *err)
{
    int64_t retries;
    int rc;
    if ((rc = get_long(s, opts, "maxOffsetsPerTrigger", 0, &k->max_offsets, err)) < 0 ||
        (rc = get_long(s, opts, "minOffsetsPerTrigger", 0, &k->min_offsets, err)) < 0 ||
        (rc = get_long(s, opts, "fetchOffset.numRetries", 1, &retries, err)) < 0 ||
        (rc = get_long(s, opts, "fetchOffset.retryIntervalMs", 0, &k->retry_ms, err)) < 0 ||
        (rc = get_long(s, opts, "kafkaConsumer.pollTimeoutMs", 1, &k->poll_ms, err)) < 0 ||
        (rc = get_long(s, opts, "minPartitions", 1, &k->min_parts, err)) < 0 ||
        (rc = srt_opts_bool(opts, "failOnDataLoss", &k->fail_on_loss, err)) < 0)
        return rc;
    k->retries = retries > 1000 ? 1000 : (int)retries;
    if (k->min_offsets >= 0 && k->max_offsets >= 0 && k->min_offsets > k->max_offsets)
        return opt_error(s, err,
                         "The value of minOffsetPerTrigger(%" PRId64 ") is higher than the maxOffsetsPerTrigger(%" PRId64 ").",
                         k->min_offsets, k->max_offsets);
    const char *delay = srt_opts_value(opts, "maxTriggerDelay");
    if (!delay || !cm_duration_parse(delay, 1000000, &k->max_delay_us) || k->max_delay_us < 0)
        return opt_error(s, err, "Invalid value '%s' for option 'maxTriggerDelay', must be a duration such as '15m'",
                         delay ? delay : "");
    if ((rc = srt_opts_bool(opts, "includeHeaders", &k->headers, err)) < 0)
        return rc;
    k->ncols = k->headers ? KCOLS : KCOLS - 1;
    if (srt_opts_get(opts, "kafka.group.id")) /* KafkaSourceProvider: logWarning */
        fprintf(stderr,
                "WARN KafkaSourceProvider: Kafka option 'kafka.group.id' has been set on this query, it is\n"
                " not recommended to set this option. This option is unsafe to use since multiple concurrent\n"
                " queries or sources using the same group id will interfere with each other as they are part\n"
                " of the same consumer group. Restarted queries may also suffer interference from the\n"
                " previous run having the same group id. The user should have only one query per group id,\n"
                " and/or set the option 'kafka.session.timeout.ms' to be very small so that the Kafka\n"
                " consumers from the previous query are marked dead by the Kafka group coordinator before the\n"
                " restarted query starts running.\n");
    return 0;
}

/* The consumer: sluice's fixed settings, a group id, then every kafka.* option. */
static int open_consumer(SrtSource *s, Kafka *k, const SrtOptions *opts, SrtErr *err)
{
    char cerr[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    if (!conf)
        return srt_err_nomem(err, "kafka configuration");
    /* fetch.wait.max.ms: how long a broker holds a fetch of partitions that are at their end
       (librdkafka's default 500 ms); a partition assigned meanwhile on that broker waits as
       long for its first records, so short.  socket.nagle.disable: wake_fetcher's request
       goes out at once next to an outstanding fetch (the Java client never uses Nagle).
       queued.min.messages: the records a partition's queue prefetches (librdkafka's default
       100000); fewer hold less memory (about 250 bytes a record besides the value) and fetch
       less beyond a range's end, with a wake_fetcher every half of it (bench/kafka_bench.sh:
       a third less CPU). */
    static const char *const fixed[][2] = {
        {"enable.auto.commit", "false"}, {"enable.auto.offset.store", "false"},
        {"enable.partition.eof", "true"}, {"auto.offset.reset", "error"},
        {"fetch.wait.max.ms", "10"},      {"socket.nagle.disable", "true"},
        {"queued.min.messages", "20000"}, {"log_level", "0"},
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        rd_kafka_conf_set(conf, fixed[i][0], fixed[i][1], cerr, sizeof cerr);
    /* librdkafka's assign needs a group id; nothing joins the group or commits to it.
       Spark's streamingUniqueGroupId: groupIdPrefix-<random>, or kafka.group.id (below). */
    const char *prefix = srt_opts_get(opts, "groupIdPrefix");
    char gid[160];
    snprintf(gid, sizeof gid, "%.100s-%016llx-executor", prefix ? prefix : "spark-kafka-source",
             (unsigned long long)(srt_now_us() ^ ((uint64_t)(uintptr_t)k << 16)));
    rd_kafka_conf_set(conf, "group.id", gid, cerr, sizeof cerr);
    for (int i = 0; i < opts->n; i++) {
        const char *key = opts->v[i].key;
        if (strncasecmp(key, "kafka.", 6) == 0 &&
            rd_kafka_conf_set(conf, key + 6, opts->v[i].value, cerr, sizeof cerr) != RD_KAFKA_CONF_OK) {
            rd_kafka_conf_destroy(conf);
            return opt_error(s, err, "option '%s': %s", key, cerr);
        }
    }
    char qmin[32];
    size_t qmin_n = sizeof qmin;
    if (rd_kafka_conf_get(conf, "queued.min.messages", qmin, &qmin_n) == RD_KAFKA_CONF_OK)
        k->queued_min = strtoll(qmin, NULL, 10);
    /* Two clients: k->rk fetches, k->meta asks for metadata and offsets.  A broker answers
       the requests of one connection in order, so on the fetching client's connection a
       ListOffsets request would wait behind a fetch held for fetch.wait.max.ms. */
    rd_kafka_conf_t *meta_conf = rd_kafka_conf_dup(conf);
    if (!meta_conf) {
        rd_kafka_conf_destroy(conf);
        return srt_err_nomem(err, "kafka configuration");
    }
    k->rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, cerr, sizeof cerr);
    if (!k->rk) {
        rd_kafka_conf_destroy(conf);
        rd_kafka_conf_destroy(meta_conf);
        return srt_err_set(err, SRT_ERR_IO, "source '%s': cannot create a Kafka consumer: %s", s->name, cerr);
    }
    k->meta = rd_kafka_new(RD_KAFKA_CONSUMER, meta_conf, cerr, sizeof cerr);
    if (!k->meta) {
        rd_kafka_conf_destroy(meta_conf);
        return srt_err_set(err, SRT_ERR_IO, "source '%s': cannot create a Kafka consumer: %s", s->name, cerr);
    }
    return 0;
}

/* The initial offsets an earlier run chose (log_dir/0: "v1" and the JSON). */
static int load_initial(SrtSource *s, Kafka *k, SrtErr *err)
{
    char file[PATH_MAX];
    snprintf(file, sizeof file, "%s/0", s->log_dir);
    SrtBuf b;
    srt_buf_init(&b, k->mem);
    int rc = srt_ckpt_read_file(file, &b, err);
    if (rc == 0) {
        const char *p = srt_buf_cstr(&b);
        if (strncmp(p, "v1\n", 3) != 0 || !parse_offsets(k, p + 3, 0, &k->initial))
            rc = srt_err_set(err, SRT_ERR_FORMAT, "source '%s': the initial Kafka offsets file %s is malformed",
                             s->name, file);
        else if (offs_copy(k, &k->planned, &k->initial) < 0)
            rc = srt_err_nomem(err, "kafka offsets");
        else
            k->started = 1;
    } else if (rc == 1) {
        rc = 0; /* a new query: the first plan writes it */
    }
    srt_buf_free(&b);
    return rc;
}

static int kafka_open(SrtSource *s, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    Kafka *k = srt_mem_calloc(s->mem, sizeof *k);
    if (!k)
        return srt_err_nomem(err, "kafka source");
    s->impl = k;
    k->mem = s->mem;
    k->wake[0] = k->wake[1] = -1;
    int rc = srt_source_check_schema(s, opts, schema, err);
    if (rc == 0)
        rc = open_strategy(s, k, opts, err);
    if (rc == 0)
        rc = open_start(s, k, opts, err);
    if (rc == 0)
        rc = open_limits(s, k, opts, err);
    if (rc == 0)
        rc = open_consumer(s, k, opts, err);
    if (rc == 0 && s->log_dir)
        rc = load_initial(s, k, err);
    return rc;
}

/* ==== planning ==== */

/* Spark's getOrCreateInitialPartitionOffsets: startingTimestamp, else startingOffsets
   (latest by default), written to the checkpoint before the first batch. */
static int start(SrtSource *s, Kafka *k, SrtErr *err)
{
    KOffs parts = {0};
    int rc = list_partitions(s, k, &parts, err);
    if (rc < 0)
        goto out;
    if (k->has_start_ts) {
        rc = offsets_for_time(s, k, &parts, err);
    } else if (!k->starting || srt_str_ieq(k->starting, "latest") || srt_str_ieq(k->starting, "earliest")) {
        rc = list_offsets(s, k, &parts, k->starting && srt_str_ieq(k->starting, "earliest") ? K_EARLIEST : K_LATEST,
                          err);
    } else {
        /* KafkaOffsetReaderAdmin.fetchSpecificOffsets: every partition named, -2 / -1 resolved. */
        KOffs spec = {0};
        parse_offsets(k, k->starting, 0, &spec);
        int same = spec.n == parts.n;
        for (int i = 0; same && i < spec.n; i++)
            same = kp_cmp(spec.v[i].topic, spec.v[i].part, parts.v[i].topic, parts.v[i].part) == 0;
        if (!same) {
            SrtBuf a, b;
            srt_buf_init(&a, k->mem);
            srt_buf_init(&b, k->mem);
            offs_json(k, &spec, &a);
            offs_json(k, &parts, &b);
            rc = srt_err_set(err, SRT_ERR_OPTION,
                             "source '%s': If startingOffsets contains specific offsets, you must "
                             "specify all TopicPartitions.\nUse -1 for latest, -2 for earliest.\n"
                             "Specified: %s Assigned: %s",
                             s->name, srt_buf_cstr(&a), srt_buf_cstr(&b));
            srt_buf_free(&a);
            srt_buf_free(&b);
        }
        for (int i = 0; rc == 0 && i < spec.n; i++) {
            int64_t lo, hi;
            if ((rc = watermarks(s, k, spec.v[i].topic, spec.v[i].part, &lo, &hi, err)) < 0)
                break;
            /* An offset out of the partition's range is kept: the first read reports the
               data loss (KafkaOffsetReaderAdmin passes specific offsets through). */
            int64_t want = spec.v[i].off;
            parts.v[i].off = want == K_EARLIEST ? lo : want == K_LATEST ? hi : want;
        }
        offs_free(k, &spec);
    }
    if (rc < 0)
        goto out;
    if (s->log_dir) {
        SrtBuf b;
        srt_buf_init(&b, k->mem);
        srt_buf_puts(&b, "v1\n");
        offs_json(k, &parts, &b);
        char file[PATH_MAX];
        snprintf(file, sizeof file, "%s/0", s->log_dir);
        if (b.oom)
            rc = srt_err_nomem(err, "kafka offsets");
        else if ((rc = srt_fs_mkdirs(s->log_dir, "source log", err)) == 0)
            rc = srt_ckpt_write_file(file, srt_buf_cstr(&b), b.n, err);
        srt_buf_free(&b);
        if (rc < 0)
            goto out;
    }
    if (offs_copy(k, &k->initial, &parts) < 0 || offs_copy(k, &k->planned, &parts) < 0)
        rc = srt_err_nomem(err, "kafka offsets");
    else
        k->started = 1;
out:
    offs_free(k, &parts);
    return rc;
}

/* The latest offsets of every partition of the subscription now. */
static int fetch_latest(SrtSource *s, Kafka *k, KOffs *out, SrtErr *err)
{
    int rc = list_partitions(s, k, out, err);
    if (rc == 0)
        rc = list_offsets(s, k, out, K_LATEST, err);
    if (rc == 0)
        k->meta_us = srt_mono_us();
    return rc;
}

/* The latest offsets without a request, when every partition of the subscription is a tail
   and the partitions were listed less than KAFKA_META_MS ago: each partition's high watermark
   from its fetcher's last response (rd_kafka_get_watermark_offsets; a caught-up partition's
   fetch comes back at least every fetch.wait.max.ms), at least where its tail's records end.
   The batch is the same as with a request (a tail's range ends where its records end); only
   the latest offset reported may be a fetch older.  1 when done, 0 when a request is needed. */
static int latest_from_tails(Kafka *k, KOffs *out)
{
    if (!k->have_latest || k->latest.n == 0 || srt_mono_us() - k->meta_us > KAFKA_META_MS * 1000 ||
        offs_copy(k, out, &k->latest) < 0)
        return 0;
    for (int i = 0; i < out->n; i++) {
        const KTail *t = tail_find(k, out->v[i].topic, out->v[i].part);
        int64_t lo, hi;
        if (!t || t->next < 0 ||
            rd_kafka_get_watermark_offsets(k->rk, t->topic, t->part, &lo, &hi) || hi < 0) {
            offs_free(k, out);
            return 0;
        }
        out->v[i].off = hi > tail_end(t) ? hi : tail_end(t);
    }
    return 1;
}

static int kafka_snapshot(SrtSource *s, SrtErr *err)
{
    Kafka *k = s->impl;
    int rc = k->started ? 0 : start(s, k, err);
    if (rc == 0 && (rc = fetch_latest(s, k, &k->snap, err)) == 0)
        k->snapshot = 1;
    return rc;
}

/* Where a partition absent from `from` starts: its earliest offset (rateLimit's fromNew). */
static int begin_of(SrtSource *s, Kafka *k, const KOffs *from, const char *topic, int32_t part,
                    int64_t *begin, SrtErr *err)
{
    int at = offs_find(from, topic, part);
    if (at >= 0) {
        *begin = from->v[at].off;
        return 0;
    }
    int64_t hi;
    return watermarks(s, k, topic, part, begin, &hi, err);
}

static int kafka_plan(SrtSource *s, SrtReadLimit lim, SrtBuf *end, int *has_data, SrtErr *err)
{
    Kafka *k = s->impl;
    *has_data = 0;
    wake_drain(k);
    tails_settle(k);
    int rc = k->started ? 0 : start(s, k, err);
    if (rc < 0)
        return rc;
    KOffs until = {0};
    /* availableNow: the offsets prefetched when the query started are the latest ones
       (prepareForTriggerAvailableNow), so nothing beyond them is planned. */
    if (k->snapshot) {
        if (offs_copy(k, &until, &k->snap) < 0)
            rc = srt_err_nomem(err, "kafka offsets");
    } else if (!latest_from_tails(k, &until)) {
        rc = fetch_latest(s, k, &until, err);
    }
    if (rc < 0)
        goto out;
    if (offs_copy(k, &k->latest, &until) < 0) {
        rc = srt_err_nomem(err, "kafka offsets");
        goto out;
    }
    k->have_latest = 1;
    /* A partition kept assigned (a tail) ends where what its fetcher brought ends: the batch
       reads it from memory, never waiting for a fetch; the tail's queue wakes the query when
       more comes.  availableNow's snapshot is read to its end. */
    if (!k->snapshot)
        tails_prune(k, &until);
    for (int i = 0; !k->snapshot && i < until.n; i++) {
        const KTail *t = tail_find(k, until.v[i].topic, until.v[i].part);
        int at = offs_find(&k->planned, until.v[i].topic, until.v[i].part);
        if (t && at >= 0 && t->next == k->planned.v[at].off && tail_end(t) < until.v[i].off)
            until.v[i].off = tail_end(t);
    }
    /* Sizes per partition (KafkaMicroBatchStream.rateLimit). */
    int64_t *sizes = srt_mem_calloc(k->mem, sizeof *sizes * (size_t)(until.n ? until.n : 1));
    int64_t *begins = srt_mem_calloc(k->mem, sizeof *begins * (size_t)(until.n ? until.n : 1));
    if (!sizes || !begins) {
        rc = srt_err_nomem(err, "kafka offsets");
        goto free_sizes;
    }
    double total = 0;
    for (int i = 0; i < until.n; i++) {
        if ((rc = begin_of(s, k, &k->planned, until.v[i].topic, until.v[i].part, &begins[i], err)) < 0)
            goto free_sizes;
        int64_t size = until.v[i].off - begins[i];
        sizes[i] = size > 0 ? size : 0;
        total += (double)sizes[i];
    }
    /* ReadMinRows (KafkaMicroBatchStream.delayBatch): no batch while fewer than
       minOffsetsPerTrigger offsets are new (a new partition counts from 0), unless
       maxTriggerDelay passed since the last trigger; the last trigger starts at 0, so the
       first plan never waits. */
    if (lim == SRT_LIMIT_DEFAULT && k->min_offsets >= 0) {
        int64_t now_ms = srt_now_us() / 1000;
        if (now_ms - k->last_trigger_ms >= k->max_delay_us / 1000) {
            k->last_trigger_ms = now_ms;
        } else {
            double fresh = 0;
            for (int i = 0; i < until.n; i++) {
                int at = offs_find(&k->planned, until.v[i].topic, until.v[i].part);
                fresh += (double)(until.v[i].off - (at >= 0 ? k->planned.v[at].off : 0));
            }
            if (fresh < (double)k->min_offsets)
                goto free_sizes;
            k->last_trigger_ms = now_ms;
        }
    }
    if (lim == SRT_LIMIT_DEFAULT && k->max_offsets >= 0 && total >= 1) {
        for (int i = 0; i < until.n; i++) {
            if (!sizes[i])
                continue;
            double prorate = (double)k->max_offsets * ((double)sizes[i] / total);
            int64_t pl = (int64_t)(prorate < 1 ? ceil(prorate) : floor(prorate));
            int64_t off = pl > INT64_MAX - begins[i] ? INT64_MAX : begins[i] + pl;
            if (off < until.v[i].off)
                until.v[i].off = off;
        }
    }
    /* A batch when the end differs from the start (MicroBatchExecution): a partition moved,
       appeared or disappeared, even without records. */
    int moved = until.n != k->planned.n;
    for (int i = 0; !moved && i < until.n; i++)
        moved = kp_cmp(until.v[i].topic, until.v[i].part, k->planned.v[i].topic, k->planned.v[i].part) != 0 ||
                until.v[i].off != k->planned.v[i].off;
    if (moved && until.n > 0) {
        srt_buf_clear(end);
        offs_json(k, &until, end);
        if (end->oom) {
            rc = srt_err_nomem(err, "offsets");
            goto free_sizes;
        }
        if (offs_copy(k, &k->planned, &until) < 0) {
            rc = srt_err_nomem(err, "kafka offsets");
            goto free_sizes;
        }
        k->planned_here = 1;
        *has_data = 1;
    }
free_sizes:
    if (sizes)
        srt_mem_free(k->mem, sizes, sizeof *sizes * (size_t)(until.n ? until.n : 1));
    if (begins)
        srt_mem_free(k->mem, begins, sizeof *begins * (size_t)(until.n ? until.n : 1));
out:
    offs_free(k, &until);
    return rc;
}

/* ==== reading ==== */

static void release(Kafka *k, int n)
{
    for (int i = 0; i < n; i++)
        rd_kafka_message_destroy(k->msgs[i]);
    k->n_hdrs = 0;
}

static int flush_rows(SrtSource *s, Kafka *k, int *n, SrtReadFn fn, void *ctx)
{
    if (*n == 0)
        return 0;
    for (int i = 0; k->headers && i < *n; i++) {
        SrtDatum *h = &k->rows[(size_t)(i + 1) * KCOLS - 1]; /* headers: only with ncols == KCOLS */
        if (h->is_null)
            continue;
        SrtDatum *elems = &k->hdrs[h->i], *fields = elems + h->n;
        for (uint32_t j = 0; j < h->n; j++)
            elems[j].p = &fields[2 * j];
        h->p = elems;
        h->i = 0;
    }
    SrtReadPos at = {.line = 1, .partition = k->chunk_part};
    int rc = fn(ctx, s->name, (const char *)k->rows,
                sizeof(SrtDatum) * (size_t)*n * (size_t)k->ncols, &at);
    release(k, *n);
    *n = 0;
    return rc;
}

/* The record's headers into r: i the index of its datums in k->hdrs (flush_rows makes it a
   pointer), n their number; NULL without headers. */
static int to_headers(Kafka *k, SrtDatum *r, rd_kafka_message_t *m)
{
    rd_kafka_headers_t *hs = NULL;
    size_t n = rd_kafka_message_headers(m, &hs) == RD_KAFKA_RESP_ERR_NO_ERROR ? rd_kafka_header_cnt(hs) : 0;
    r->is_null = n == 0;
    if (n == 0)
        return 0;
    if (srt_mem_grow(k->mem, (void **)&k->hdrs, &k->cap_hdrs, sizeof *k->hdrs, k->n_hdrs + 3 * n) < 0)
        return -1;
    SrtDatum *elems = &k->hdrs[k->n_hdrs], *fields = elems + n;
    memset(elems, 0, sizeof *elems * 3 * n);
    for (size_t j = 0; j < n; j++) {
        const char *name = "";
        const void *val = NULL;
        size_t size = 0;
        rd_kafka_header_get_all(hs, j, &name, &val, &size);
        elems[j].n = 2;
        fields[2 * j].p = name;
        fields[2 * j].n = (uint32_t)strlen(name);
        fields[2 * j + 1].is_null = val == NULL;
        fields[2 * j + 1].p = val ? val : "";
        fields[2 * j + 1].n = val ? (uint32_t)size : 0;
    }
    r->i = (int64_t)k->n_hdrs;
    r->n = (uint32_t)n;
    k->n_hdrs += 3 * n;
    return 0;
}

static int to_row(Kafka *k, SrtDatum *r, rd_kafka_message_t *m, const char *topic, uint32_t topic_n,
                  int32_t part)
{
    /* every field of every datum written (no memset of the row first) */
    r[0] = (SrtDatum){.p = m->key ? m->key : "", .n = (uint32_t)m->key_len, .is_null = m->key == NULL};
    r[1] = (SrtDatum){.p = m->payload ? m->payload : "", .n = (uint32_t)m->len, .is_null = m->payload == NULL};
    r[2] = (SrtDatum){.p = topic, .n = topic_n};
    r[3] = (SrtDatum){.i = part};
    r[4] = (SrtDatum){.i = m->offset};
    rd_kafka_timestamp_type_t tt;
    int64_t ms = rd_kafka_message_timestamp(m, &tt);
    /* Kafka's TimestampType ids: NO_TIMESTAMP_TYPE -1, CREATE_TIME 0, LOG_APPEND_TIME 1 */
    r[5] = (SrtDatum){.i = ms * 1000};
    r[6] = (SrtDatum){.i = tt == RD_KAFKA_TIMESTAMP_CREATE_TIME ? 0 : tt == RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME ? 1 : -1};
    if (k->headers)
        r[7] = (SrtDatum){0};
    return k->headers ? to_headers(k, &r[7], m) : 0;
}

/* One partition's part of a batch: records [from, until), read from the partition's own queue
   (its messages are not forwarded to the consumer's queue, so that every partition of the
   batch fetches at once while the rows come out in (topic, partition) order). */
typedef struct KRange {
    const char *topic;
    uint32_t topic_n;
    int32_t part;
    int64_t from, until;
    rd_kafka_queue_t *q;
    int assigned;
    int keep;     /* caught up: stays assigned as a tail after the batch */
    KTail *tail;  /* the tail it reads on from, or NULL */
    KStash stash; /* what its queue held beyond its end (handed to its tail) */
    SrtKafkaPart sp; /* Spark's input partitions of the range (its planned offsets) */
} KRange;

/* librdkafka (before 2.1's fetch.queue.backoff.ms) stops fetching a partition whose queue holds
   queued.min.messages records and looks again only when its broker's thread wakes up, at the
   latest after a second: a queue drained faster than that waits idle.  Any request to the
   partition's leader wakes that thread; this one asks for the partition's latest offset. */
static void wake_fetcher(Kafka *k, const KRange *r)
{
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
    if (!l)
        return;
    rd_kafka_topic_partition_list_add(l, r->topic, r->part)->offset = K_LATEST;
    rd_kafka_offsets_for_times(k->rk, l, 100); /* only a nudge: its answer is not needed */
    rd_kafka_topic_partition_list_destroy(l);
}

/* ==== tails: caught-up partitions kept assigned between batches ==== */

static void stash_free(Kafka *k, KStash *st)
{
    for (int i = st->at; i < st->n; i++)
        rd_kafka_message_destroy(st->v[i]);
    if (st->v)
        srt_mem_free(k->mem, st->v, sizeof *st->v * (size_t)st->cap);
    *st = (KStash){0};
}

static int stash_push(Kafka *k, KStash *st, rd_kafka_message_t *m)
{
    if (st->n == st->cap) {
        int ncap = st->cap ? st->cap * 2 : 64;
        rd_kafka_message_t **nv =
            srt_mem_realloc(k->mem, st->v, sizeof *nv * (size_t)st->cap, sizeof *nv * (size_t)ncap);
        if (!nv)
            return -1;
        st->v = nv;
        st->cap = ncap;
    }
    st->v[st->n++] = m;
    return 0;
}

/* Up to want stashed records below until into got; -1 when the stash begins at or beyond until
   (what is left of the range does not exist: a gap, as transaction markers leave). */
static ssize_t stash_take(KStash *st, rd_kafka_message_t **got, size_t want, int64_t until)
{
    if (st->at < st->n && st->v[st->at]->offset >= until)
        return -1;
    ssize_t cnt = 0;
    while (st->at < st->n && (size_t)cnt < want && st->v[st->at]->offset < until)
        got[cnt++] = st->v[st->at++];
    if (st->at == st->n)
        st->at = st->n = 0;
    return cnt;
}

/* The wake pipe: both ends non-blocking (librdkafka's threads write to it) and close-on-exec. */
static int wake_open(Kafka *k)
{
    if (pipe(k->wake) < 0) {
        k->wake[0] = k->wake[1] = -1;
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        fcntl(k->wake[i], F_SETFL, fcntl(k->wake[i], F_GETFL) | O_NONBLOCK);
        fcntl(k->wake[i], F_SETFD, FD_CLOEXEC);
    }
    return 0;
}

static KTail *tail_find(const Kafka *k, const char *topic, int32_t part)
{
    for (int i = 0; i < k->n_tails; i++)
        if (k->tails[i]->part == part && strcmp(k->tails[i]->topic, topic) == 0)
            return k->tails[i];
    return NULL;
}

/* Unassign a tail's partition and free it. */
static void tail_drop(Kafka *k, KTail *t)
{
    rd_kafka_queue_io_event_enable(t->q, -1, NULL, 0);
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
    if (l) {
        rd_kafka_topic_partition_list_add(l, t->topic, t->part);
        rd_kafka_error_t *e = rd_kafka_incremental_unassign(k->rk, l);
        if (e)
            rd_kafka_error_destroy(e);
        rd_kafka_topic_partition_list_destroy(l);
    }
    rd_kafka_message_t *left[256];
    ssize_t cnt;
    while ((cnt = rd_kafka_consume_batch_queue(t->q, 0, left, sizeof left / sizeof left[0])) > 0)
        for (ssize_t i = 0; i < cnt; i++)
            rd_kafka_message_destroy(left[i]);
    rd_kafka_queue_destroy(t->q);
    stash_free(k, &t->stash);
    for (int i = 0; i < k->n_tails; i++)
        if (k->tails[i] == t)
            k->tails[i] = k->tails[--k->n_tails];
    srt_mem_free(k->mem, t->topic, strlen(t->topic) + 1);
    srt_mem_free(k->mem, t, sizeof *t);
}

static void tails_drop_all(Kafka *k)
{
    while (k->n_tails)
        tail_drop(k, k->tails[0]);
}

/* Range r was read to its end and is caught up: keep its partition assigned as a tail (the
   queue and the stash move to it).  0, or -1 when it cannot be kept (then r is unchanged). */
static int tail_keep(Kafka *k, KRange *r)
{
    KTail *t = r->tail;
    if (!t) {
        if (k->n_tails >= KAFKA_TAILS)
            return -1;
        if (k->wake[0] < 0 && wake_open(k) < 0)
            return -1;
        if (!k->tails && !(k->tails = srt_mem_calloc(k->mem, sizeof *k->tails * KAFKA_TAILS)))
            return -1;
        if (!(t = srt_mem_calloc(k->mem, sizeof *t)))
            return -1;
        if (!(t->topic = dup_str(k, r->topic, r->topic_n))) {
            srt_mem_free(k->mem, t, sizeof *t);
            return -1;
        }
        t->part = r->part;
        t->q = r->q;
        rd_kafka_queue_io_event_enable(t->q, k->wake[1], "1", 1);
        k->tails[k->n_tails++] = t;
    }
    t->next = r->until;
    t->stash = r->stash;
    r->stash = (KStash){0};
    r->q = NULL;
    r->tail = NULL;
    r->assigned = 0;
    return 0;
}

/* After a batch: a tail whose queue or stash holds records already has the next batch's data,
   and its queue wrote no event for them (it was not empty): wake the query now. */
static void tails_wake_if_ready(Kafka *k)
{
    for (int i = 0; i < k->n_tails; i++) {
        KTail *t = k->tails[i];
        if (t->stash.at < t->stash.n || rd_kafka_queue_length(t->q) > 0) {
            ssize_t w = write(k->wake[1], "1", 1);
            SRT_UNUSED(w); /* a full pipe already wakes */
            return;
        }
    }
}

/* Move what the tails' queues hold into their stashes (records from t->next on; the EOF events
   the fetcher leaves at the end of a partition are dropped), so every queue is empty again: a
   queue writes its wake event only when a record makes it non-empty. */
static void tails_settle(Kafka *k)
{
    rd_kafka_message_t *got[256];
    /* A tail holds at most half of queued.min.messages in memory besides its queue (whose
       length stops its fetcher); one that reaches that is behind, not caught up: it is dropped
       by the next batch, which reads the partition as any other (three at a time), so memory
       stays bounded by KAFKA_TAILS tails of 1.5 x queued.min.messages records. */
    int cap = k->queued_min > 1 ? (int)(k->queued_min < INT_MAX ? k->queued_min / 2 : INT_MAX / 2) : 50000;
    for (int i = 0; i < k->n_tails; i++) {
        KTail *t = k->tails[i];
        ssize_t cnt;
        t->capped = 0;
        while (!(t->capped = t->stash.n - t->stash.at >= cap) &&
               (cnt = rd_kafka_consume_batch_queue(t->q, 0, got, sizeof got / sizeof got[0])) > 0)
            for (ssize_t j = 0; j < cnt; j++) {
                rd_kafka_message_t *m = got[j];
                int64_t last = t->stash.n > t->stash.at ? t->stash.v[t->stash.n - 1]->offset : t->next - 1;
                if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF && m->offset > t->eof)
                    t->eof = m->offset; /* every record below it came before it */
                if (m->err || m->offset <= last) {
                    rd_kafka_message_destroy(m);
                } else if (stash_push(k, &t->stash, m) < 0) { /* no memory: fetch it again */
                    rd_kafka_message_destroy(m);
                    t->next = -1; /* no range starts there: the next batch drops the tail */
                }
            }
        if (t->capped)
            t->next = -1; /* behind: dropped by the next batch (above) */
    }
}

/* Drop the tails of partitions no longer in parts (a topic deleted, or no longer matching
   subscribePattern). */
static void tails_prune(Kafka *k, const KOffs *parts)
{
    for (int i = k->n_tails - 1; i >= 0; i--)
        if (offs_find(parts, k->tails[i]->topic, k->tails[i]->part) < 0)
            tail_drop(k, k->tails[i]);
}

/* Where what a tail fetched ends: after its last record in memory, or at the end of partition
   the fetcher reported beyond it (a gap, as a transaction's commit marker leaves, is known
   empty only then). */
static int64_t tail_end(const KTail *t)
{
    int64_t end = t->stash.n > t->stash.at ? t->stash.v[t->stash.n - 1]->offset + 1 : t->next;
    return !t->capped && t->eof > end ? t->eof : end;
}

static int kafka_wait_fd(SrtSource *s)
{
    const Kafka *k = s->impl;
    return k && k->n_tails > 0 && !k->snapshot ? k->wake[0] : -1;
}

/* The rows of one partition's range into k->rows (from *n on), flushed by chunks: records are
   taken as many at a time as the chunk has room and the range has offsets (never a record
   beyond the range's end: those that were fetched are dropped and fetched again by the next
   batch).  A chunk holds one Spark input partition's rows (r->sp): a record of the next piece
   flushes it first. */
static int drain_range(SrtSource *s, Kafka *k, KRange *r, int *n, SrtReadFn fn, void *ctx, SrtErr *err)
{
    char msg[512];
    int rc = 0;
    int64_t next = r->from;
    /* When reads began to bring no record (-1: the last one brought one); the clock is read
       only then, not once a record. */
    int64_t idle_since = -1;
    int full = 0; /* the queue held queued.min.messages since the last wake_fetcher */
    while (next < r->until && rc == 0) {
        if (srt_stop_requested())
            return srt_err_set(err, SRT_ERR_INTERRUPTED, "source '%s': interrupted", s->name);
        size_t room = (size_t)(SRT_VALUE_CHUNK_ROWS - *n);
        size_t want = r->until - next < (int64_t)room ? (size_t)(r->until - next) : room;
        rd_kafka_message_t **got = &k->msgs[*n];
        /* What is there without waiting, else wait for one record (a wait for `want` of them
           would sit out its timeout whenever a range has gaps). */
        ssize_t cnt = stash_take(&r->stash, got, want, r->until);
        if (cnt < 0 || (cnt == 0 && r->tail && !r->tail->capped && r->tail->eof >= r->until &&
                        rd_kafka_queue_length(r->q) == 0)) {
            next = r->until; /* what is left of the range holds no record */
            break;
        }
        if (cnt == 0)
            cnt = rd_kafka_consume_batch_queue(r->q, 0, got, want);
        if (cnt <= 0)
            cnt = rd_kafka_consume_batch_queue(r->q, KAFKA_KICK_MS, got, 1);
        if (cnt <= 0) {
            wake_fetcher(k, r);
            cnt = rd_kafka_consume_batch_queue(r->q, 100, got, 1);
        }
        /* A queue that held queued.min.messages stopped its fetches: wake them once half of
           it is read, before it runs dry. */
        if (k->queued_min > 0 && cnt > 0) {
            int64_t queued = (int64_t)rd_kafka_queue_length(r->q);
            if (queued + cnt >= k->queued_min)
                full = 1;
            if (full && queued < k->queued_min / 2 && r->until - next > queued) {
                full = 0;
                wake_fetcher(k, r);
            }
        }
        int kept = 0;
        for (ssize_t j = 0; j < cnt; j++) {
            rd_kafka_message_t *m = got[j];
            if (rc < 0) {
                rd_kafka_message_destroy(m);
            } else if (m->err) {
                if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                    if (m->offset >= r->until)
                        next = r->until;
                } else if (m->err == RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE ||
                           m->err == RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET) {
                    snprintf(msg, sizeof msg, "Cannot fetch offset %" PRId64 " (TopicPartition: %s-%d): %s", next,
                             r->topic, (int)r->part, rd_kafka_message_errstr(m));
                    rc = data_loss(s, k, msg, err);
                    next = r->until; /* failOnDataLoss = false: what is left of the range is gone */
                }
                /* other errors are transient (the consumer retries); the timeout bounds them */
                rd_kafka_message_destroy(m);
            } else if (m->offset < next || m->offset >= r->until) {
                if (m->offset >= r->until)
                    next = r->until;
                /* A range that stays assigned keeps what it fetched beyond its end. */
                if (m->offset < r->until || !r->keep || stash_push(k, &r->stash, m) < 0) {
                    if (m->offset >= r->until)
                        r->keep = 0;
                    rd_kafka_message_destroy(m);
                }
            } else if (*n > 0 && srt_kafka_part_of(&r->sp, m->offset) != k->chunk_part &&
                       (rc = flush_rows(s, k, n, fn, ctx)) < 0) { /* a chunk is one partition's */
                rd_kafka_message_destroy(m);
            } else {
                k->chunk_part = srt_kafka_part_of(&r->sp, m->offset);
                next = m->offset + 1;
                kept++;
                k->msgs[*n] = m; /* *n <= the index of got[j]: the kept ones close ranks */
                if (to_row(k, &k->rows[(size_t)*n * (size_t)k->ncols], m, r->topic, r->topic_n, r->part) < 0)
                    rc = srt_err_nomem(err, "kafka headers");
                ++*n;
            }
        }
        if (rc < 0)
            break;
        if (kept) {
            idle_since = -1; /* errors alone (a broker down) never reset the timeout */
        } else { /* no record: time out after pollTimeoutMs of these */
            int64_t now = srt_mono_us();
            if (idle_since < 0)
                idle_since = now;
            if (now - idle_since > k->poll_ms * 1000) {
                snprintf(msg, sizeof msg, "Timed out after %" PRId64 " ms reading %s-%d at offset %" PRId64 " from %s",
                         k->poll_ms, r->topic, (int)r->part, next, k->servers);
                rc = srt_err_set(err, SRT_ERR_IO, "source '%s': %s", s->name, msg);
            }
        }
        if (rc == 0 && *n == SRT_VALUE_CHUNK_ROWS)
            rc = flush_rows(s, k, n, fn, ctx);
    }
    return rc;
}

/* Start (assign != 0) or stop fetching range r: an incremental (un)assignment of its partition
   (no group: nothing else is assigned but the ranges of this batch).  Before the assignment the
   partition's queue stops forwarding to the consumer's queue; the fetch start keeps it so. */
static int fetch_range(SrtSource *s, Kafka *k, KRange *r, int assign, SrtErr *err)
{
    if (assign) { /* a tail at the range's start reads on; another one is dropped */
        KTail *t = tail_find(k, r->topic, r->part);
        if (t && t->next == r->from) {
            r->tail = t;
            r->q = t->q;
            r->stash = t->stash;
            t->stash = (KStash){0};
            r->assigned = 1;
            return 0;
        }
        if (t)
            tail_drop(k, t);
    } else if (r->keep && tail_keep(k, r) == 0) {
        return 0;
    } else if (r->tail) {
        KTail *t = r->tail;
        t->stash = r->stash; /* freed with it */
        r->stash = (KStash){0};
        r->q = NULL;
        r->tail = NULL;
        r->assigned = 0;
        tail_drop(k, t);
        return 0;
    } else {
        stash_free(k, &r->stash);
    }
    if (assign && !(r->q = rd_kafka_queue_get_partition(k->rk, r->topic, r->part)))
        return srt_err_set(err, SRT_ERR_IO, "source '%s': no queue for %s-%d", s->name, r->topic, (int)r->part);
    if (assign) {
        rd_kafka_queue_forward(r->q, NULL);
    } else { /* what was fetched beyond the range: freed now, not when the queue is next read */
        rd_kafka_message_t *left[256];
        ssize_t cnt;
        while ((cnt = rd_kafka_consume_batch_queue(r->q, 0, left, sizeof left / sizeof left[0])) > 0)
            for (ssize_t i = 0; i < cnt; i++)
                rd_kafka_message_destroy(left[i]);
    }
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
    if (!l)
        return srt_err_nomem(err, "kafka partitions");
    rd_kafka_topic_partition_list_add(l, r->topic, r->part)->offset = r->from;
    rd_kafka_error_t *e = assign ? rd_kafka_incremental_assign(k->rk, l) : rd_kafka_incremental_unassign(k->rk, l);
    rd_kafka_topic_partition_list_destroy(l);
    int rc = 0;
    if (e) {
        rc = srt_err_set(err, SRT_ERR_IO, "source '%s': cannot %s %s-%d: %s", s->name, assign ? "assign" : "unassign",
                         r->topic, (int)r->part, rd_kafka_error_string(e));
        rd_kafka_error_destroy(e);
    } else {
        r->assigned = assign;
    }
    if (!assign) {
        rd_kafka_queue_destroy(r->q);
        r->q = NULL;
    }
    return rc;
}

/* The ranges of a batch in (topic, partition) order, each drained in turn from its own queue
   while the next KAFKA_AHEAD - 1 partitions fetch (every partition at once would hold up to
   queued.min.messages records of each in memory); rows in chunks of one Spark input partition
   each (a range, or a piece of it with minPartitions: srt_kafka_parts.c).  A
   partition is unassigned once its range is read, and the records fetched beyond its end are
   dropped (the next batch fetches them again), unless it stays assigned as a tail (keep). */
static int read_ranges(SrtSource *s, Kafka *k, KRange *rs, int nr, SrtReadFn fn, void *ctx, SrtErr *err)
{
    int rc = 0, n = 0;
    for (int i = 0; i < nr && i < KAFKA_AHEAD && rc == 0; i++)
        rc = fetch_range(s, k, &rs[i], 1, err);
    for (int i = 0; i < nr && rc == 0; i++) {
        rc = drain_range(s, k, &rs[i], &n, fn, ctx, err);
        if (rc == 0)
            rc = fetch_range(s, k, &rs[i], 0, err);
        if (rc == 0 && i + KAFKA_AHEAD < nr)
            rc = fetch_range(s, k, &rs[i + KAFKA_AHEAD], 1, err);
    }
    if (rc == 0)
        rc = flush_rows(s, k, &n, fn, ctx);
    else
        release(k, n);
    int assigned = 0; /* after an error: what is still assigned */
    for (int i = 0; i < nr; i++) {
        assigned |= rs[i].assigned;
        if (rs[i].q && !rs[i].tail)
            rd_kafka_queue_destroy(rs[i].q);
        stash_free(k, &rs[i].stash);
        rs[i].assigned = 0;
        rs[i].q = NULL;
        rs[i].tail = NULL;
    }
    if (rc < 0 && k->n_tails) {
        tails_drop_all(k);
        assigned = 1;
    }
    if (assigned)
        rd_kafka_assign(k->rk, NULL);
    if (rc == 0)
        tails_wake_if_ready(k);
    return rc;
}

/* Is [begin, end) of a partition in the memory of its tail (fetched since, so it exists)? */
static int range_in_tail(const Kafka *k, const KPart *u, int64_t begin)
{
    const KTail *t = tail_find(k, u->topic, u->part);
    return t && t->next == begin && begin < u->off && u->off <= tail_end(t);
}

/* The partitions of until whose earliest and latest offsets the data loss checks need: all but
   those whose range its tail already holds (the records were fetched, so the broker has them:
   nothing to check, as KafkaDataConsumer.get checks nothing for the records it fetched). */
static int bounds_wanted(Kafka *k, const KOffs *from, const KOffs *until, KOffs *out)
{
    for (int i = 0; i < until->n; i++) {
        const KPart *u = &until->v[i];
        int at = offs_find(from, u->topic, u->part);
        if ((at < 0 || !range_in_tail(k, u, from->v[at].off)) &&
            offs_put(k, out, u->topic, strlen(u->topic), u->part, 0) < 0)
            return -1;
    }
    return 0;
}

/* Is until the end of the batch this process planned last (not one read from the log)? */
static int planned_here(const Kafka *k, const KOffs *until)
{
    int same = k->planned_here && until->n == k->planned.n;
    for (int i = 0; same && i < until->n; i++)
        same = kp_cmp(until->v[i].topic, until->v[i].part, k->planned.v[i].topic,
                      k->planned.v[i].part) == 0 &&
               until->v[i].off == k->planned.v[i].off;
    return same;
}

/* Insertion sort of ord[0..n) by key[] (stable). */
static void sort_by(int *ord, int n, const int64_t *key)
{
    for (int i = 1; i < n; i++) {
        int e = ord[i], j = i;
        for (; j > 0 && key[ord[j - 1]] > key[e]; j--)
            ord[j] = ord[j - 1];
        ord[j] = e;
    }
}

/* The order of the batch's input partitions in Spark, which the console sink prints them in:
   KafkaOffsetReaderAdmin.getOffsetRangesFromResolvedOffsets keeps the key order of the end
   offsets' immutable Map (srt_scala_order.c).  A batch planned here ends at the Map
   listOffsets made (Admin.listOffsets' java.util.HashMap, in its bucket order, copied into a
   mutable.HashMap, then toMap; rateLimit keeps the order); a batch read again from the
   offsets log ends at the Map JsonUtils.partitionOffsets reads, in the JSON's order.  Maps of
   more than 4 entries are hash tries either way.  Partitions that share a bucket of the
   java.util.HashMap are taken in (topic, partition) order (Kafka's order there is the order
   of the request's own maps).  ord: indices into until.  0 or -1 out of memory. */
static int batch_order(Kafka *k, const KOffs *until, int *ord)
{
    int n = until->n;
    size_t hsize = sizeof(int32_t) * (size_t)(n ? n : 1),
           ksize = sizeof(int64_t) * (size_t)(n ? n : 1);
    int32_t *h = srt_mem_alloc(k->mem, hsize);
    int64_t *key = srt_mem_alloc(k->mem, ksize);
    int rc = h && key ? 0 : -1;
    int fresh = rc == 0 && planned_here(k, until);
    int cap = n <= 1 ? 2 : n <= 3 ? 4 : 8; /* new HashMap<>(n) after n puts (n <= 4) */
    for (int i = 0; rc == 0 && i < n; i++) {
        h[i] = srt_kafka_tp_hash(until->v[i].topic, until->v[i].part);
        uint32_t spread = (uint32_t)h[i] ^ ((uint32_t)h[i] >> 16);
        key[i] = fresh ? (int64_t)(spread & (uint32_t)(cap - 1)) : until->v[i].seq;
        ord[i] = i;
    }
    if (rc == 0) {
        sort_by(ord, n, key);
        if (fresh)
            rc = srt_scala_mutable_order(k->mem, h, n, ord);
        srt_scala_immutable_order(h, n, ord);
    }
    if (h)
        srt_mem_free(k->mem, h, hsize);
    if (key)
        srt_mem_free(k->mem, key, ksize);
    return rc;
}

/* Where each partition of the batch starts and ends, with Spark's data loss checks
   (KafkaOffsetReaderAdmin.getOffsetRangesFromResolvedOffsets, then the partition's earliest
   and latest offsets as KafkaDataConsumer.get checks them): the ranges to read, in Spark's
   order (batch_order), each with Spark's input partitions of its planned offsets
   (KafkaOffsetRangeCalculator.getRanges, before the reader's data loss checks moved them). */
static int plan_ranges(SrtSource *s, Kafka *k, const KOffs *from, const KOffs *until, KRange *rs, int *nr,
                       SrtErr *err)
{
    KOffs lo = {0}, hi = {0};
    char msg[512];
    int rc = 0;
    *nr = 0;
    for (int i = 0; rc == 0 && i < from->n; i++)
        if (offs_find(until, from->v[i].topic, from->v[i].part) < 0) {
            snprintf(msg, sizeof msg, "Set(%s-%d) are gone. Some data may have been missed", from->v[i].topic,
                     (int)from->v[i].part);
            rc = data_loss(s, k, msg, err);
        }
    /* The earliest and the latest offset of the partitions to check: two requests for all of
       them (none when every range is in its tail's memory, as a caught-up query's are). */
    if (rc == 0 && (bounds_wanted(k, from, until, &lo) < 0 || offs_copy(k, &hi, &lo) < 0))
        rc = srt_err_nomem(err, "kafka offsets");
    if (rc == 0 && (rc = list_offsets(s, k, &lo, K_EARLIEST, err)) == 0)
        rc = list_offsets(s, k, &hi, K_LATEST, err);
    size_t ord_size = sizeof(int) * (size_t)(until->n ? until->n : 1),
           sp_size = sizeof(SrtKafkaPart) * (size_t)(until->n ? until->n : 1);
    int *ord = rc == 0 ? srt_mem_alloc(k->mem, ord_size) : NULL;
    int *src = rc == 0 ? srt_mem_alloc(k->mem, ord_size) : NULL; /* rs[i] plans sp[src[i]] */
    SrtKafkaPart *sp = rc == 0 ? srt_mem_calloc(k->mem, sp_size) : NULL;
    if (rc == 0 && (!ord || !src || !sp || batch_order(k, until, ord) < 0))
        rc = srt_err_nomem(err, "kafka offsets");
    for (int j = 0; rc == 0 && j < until->n; j++) {
        const KPart *u = &until->v[ord[j]];
        int at = offs_find(from, u->topic, u->part);
        int b = offs_find(&lo, u->topic, u->part); /* -1: the range is in its tail's memory */
        int64_t begin, end = u->off;
        if (at < 0) {
            begin = lo.v[b].off;
            if (begin != 0) {
                snprintf(msg, sizeof msg,
                         "Added partition %s-%d starts from %" PRId64 " instead of 0. Some data may have been missed",
                         u->topic, (int)u->part, begin);
                if ((rc = data_loss(s, k, msg, err)) < 0)
                    break;
            }
        } else {
            begin = from->v[at].off;
        }
        sp[j] = (SrtKafkaPart){.from = begin, .until = end};
        if (end < begin) {
            snprintf(msg, sizeof msg,
                     "Partition %s-%d's offset was changed from %" PRId64 " to %" PRId64 ", some data may have been missed",
                     u->topic, (int)u->part, begin, end);
            rc = data_loss(s, k, msg, err);
            continue;
        }
        if (b >= 0 && begin < lo.v[b].off) {
            snprintf(msg, sizeof msg,
                     "Cannot fetch offset %" PRId64
                     " (TopicPartition: %s-%d). The earliest available offset is %" PRId64,
                     begin, u->topic, (int)u->part, lo.v[b].off);
            if ((rc = data_loss(s, k, msg, err)) < 0)
                break;
            begin = lo.v[b].off;
        }
        if (b >= 0 && end > hi.v[b].off) {
            snprintf(msg, sizeof msg,
                     "Cannot fetch records in [%" PRId64 ", %" PRId64
                     ") of %s-%d: the latest offset is %" PRId64,
                     hi.v[b].off, end, u->topic, (int)u->part, hi.v[b].off);
            if ((rc = data_loss(s, k, msg, err)) < 0)
                break;
            end = hi.v[b].off;
        }
        if (begin < end) {
            src[*nr] = j;
            rs[(*nr)++] = (KRange){.topic = u->topic, .topic_n = (uint32_t)strlen(u->topic), .part = u->part,
                                   .from = begin, .until = end};
        }
    }
    if (rc == 0) {
        srt_kafka_parts_plan(sp, until->n, k->min_parts);
        for (int i = 0; i < *nr; i++)
            rs[i].sp = sp[src[i]];
    }
    if (ord)
        srt_mem_free(k->mem, ord, ord_size);
    if (src)
        srt_mem_free(k->mem, src, ord_size);
    if (sp)
        srt_mem_free(k->mem, sp, sp_size);
    offs_free(k, &lo);
    offs_free(k, &hi);
    return rc;
}

static int kafka_read(SrtSource *s, const char *start_json, const char *end_json, SrtReadFn fn, void *ctx,
                      SrtErr *err)
{
    Kafka *k = s->impl;
    KOffs from = {0}, until = {0};
    KRange *rs = NULL;
    int rc = 0, nr = 0;
    if (!k->rows) {
        k->rows = srt_mem_calloc(k->mem, sizeof(SrtDatum) * SRT_VALUE_CHUNK_ROWS * KCOLS);
        k->msgs = srt_mem_calloc(k->mem, sizeof *k->msgs * SRT_VALUE_CHUNK_ROWS);
        if (!k->rows || !k->msgs)
            return srt_err_nomem(err, "kafka rows");
    }
    if (!start_json && !k->started)
        rc = start(s, k, err);
    if (rc == 0 && ((start_json && !parse_offsets(k, start_json, 0, &from)) ||
                    (!start_json && offs_copy(k, &from, &k->initial) < 0) || !end_json ||
                    !parse_offsets(k, end_json, 0, &until)))
        rc = srt_err_set(err, SRT_ERR_QUERY, "source '%s': invalid Kafka offsets %s to %s", s->name,
                         start_json ? start_json : "start", end_json ? end_json : "null");
    size_t rs_size = sizeof *rs * (size_t)(until.n ? until.n : 1);
    if (rc == 0 && !(rs = srt_mem_calloc(k->mem, rs_size)))
        rc = srt_err_nomem(err, "kafka ranges");
    if (rc == 0)
        rc = plan_ranges(s, k, &from, &until, rs, &nr, err);
    /* A range ending at the latest offset the last plan saw stays assigned (a tail). */
    for (int i = 0; rc == 0 && i < nr && !k->snapshot && k->have_latest; i++) {
        int at = offs_find(&k->latest, rs[i].topic, rs[i].part);
        rs[i].keep = (at >= 0 && k->latest.v[at].off == rs[i].until) || tail_find(k, rs[i].topic, rs[i].part);
    }
    if (rc == 0 && nr)
        rc = read_ranges(s, k, rs, nr, fn, ctx, err);
    if (rs)
        srt_mem_free(k->mem, rs, rs_size);
    offs_free(k, &from);
    offs_free(k, &until);
    return rc;
}

static int kafka_restore(SrtSource *s, const char *end, SrtErr *err)
{
    Kafka *k = s->impl;
    KOffs o = {0};
    if (!end || !parse_offsets(k, end, 0, &o)) {
        offs_free(k, &o);
        return srt_err_set(err, SRT_ERR_FORMAT, "source '%s': cannot restore the Kafka source from offset %s",
                           s->name, end ? end : "null");
    }
    int rc = offs_copy(k, &k->planned, &o) < 0 ? srt_err_nomem(err, "kafka offsets") : 0;
    k->planned_here = 0;
    offs_free(k, &o);
    if (rc == 0 && !k->started)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "source '%s': cannot restore offset %s: the initial offsets file %s/0 is "
                           "missing from the checkpoint",
                           s->name, end, s->log_dir ? s->log_dir : "(none)");
    return rc;
}

static int kafka_commit(SrtSource *s, const char *end, SrtErr *err)
{
    SRT_UNUSED(s);
    SRT_UNUSED(end);
    SRT_UNUSED(err);
    return 0; /* Spark's KafkaMicroBatchStream.commit does nothing either */
}

static void kafka_close(SrtSource *s)
{
    Kafka *k = s->impl;
    if (!k)
        return;
    if (k->rk) {
        tails_drop_all(k);
        rd_kafka_destroy(k->rk);
    }
    if (k->meta)
        rd_kafka_destroy(k->meta);
    if (k->tails)
        srt_mem_free(k->mem, k->tails, sizeof *k->tails * KAFKA_TAILS);
    if (k->wake[0] >= 0) {
        close(k->wake[0]);
        close(k->wake[1]);
    }
    for (int i = 0; i < k->n_topics; i++)
        srt_mem_free(k->mem, k->topics[i], strlen(k->topics[i]) + 1);
    if (k->topics)
        srt_mem_free(k->mem, k->topics, sizeof *k->topics * (strlen(k->strategy_text) / 2 + 1));
    if (k->strategy == K_PATTERN && k->strategy_text)
        srt_mem_free(k->mem, (char *)k->strategy_text, strlen(k->strategy_text) + 1);
    if (k->pattern)
        cm_regex_free(k->pattern);
    offs_free(k, &k->assigned);
    offs_free(k, &k->initial);
    offs_free(k, &k->planned);
    offs_free(k, &k->latest);
    offs_free(k, &k->snap);
    if (k->rows)
        srt_mem_free(k->mem, k->rows, sizeof(SrtDatum) * SRT_VALUE_CHUNK_ROWS * KCOLS);
    if (k->msgs)
        srt_mem_free(k->mem, k->msgs, sizeof *k->msgs * SRT_VALUE_CHUNK_ROWS);
    if (k->hdrs)
        srt_mem_free(k->mem, k->hdrs, sizeof *k->hdrs * k->cap_hdrs);
    srt_mem_free(k->mem, k, sizeof *k);
    s->impl = NULL;
}

/* The partitions of `assign` in the order written (JsonUtils.partitions), "a-0, a-1, b-3"; the
   text was checked by open(). */
static void describe_assign(const char *text, SrtBuf *out)
{
    JR j = {text, text + strlen(text)};
    int n = 0;
    jr_char(&j, '{');
    do {
        const char *t;
        size_t tn;
        int64_t part;
        if (!jr_str(&j, &t, &tn) || !jr_char(&j, ':') || !jr_char(&j, '['))
            return;
        while (jr_int(&j, &part)) {
            srt_buf_printf(out, "%s%.*s-%d", n++ ? ", " : "", (int)tn, t, (int)part);
            jr_char(&j, ',');
        }
        jr_char(&j, ']');
    } while (jr_char(&j, ','));
}

/* KafkaMicroBatchStream.toString: KafkaV2[<the ConsumerStrategy>], e.g.
   KafkaV2[Subscribe[t1, t2]], KafkaV2[SubscribePattern[t.*]], KafkaV2[Assign[t-0, t-1]]. */
static void kafka_describe(SrtSource *s, SrtBuf *out)
{
    Kafka *k = s->impl;
    srt_buf_puts(out, "KafkaV2[");
    switch (k->strategy) {
    case K_SUBSCRIBE:
        srt_buf_puts(out, "Subscribe[");
        for (int i = 0; i < k->n_topics; i++)
            srt_buf_printf(out, "%s%s", i ? ", " : "", k->topics[i]);
        break;
    case K_PATTERN:
        srt_buf_printf(out, "SubscribePattern[%s", k->strategy_text);
        break;
    case K_ASSIGN:
        srt_buf_puts(out, "Assign[");
        describe_assign(k->strategy_text, out);
        break;
    }
    srt_buf_puts(out, "]]");
}

/* SupportsAdmissionControl.reportLatestOffset: what the last plan saw, before the limit. */
static int kafka_latest(SrtSource *s, SrtBuf *out)
{
    Kafka *k = s->impl;
    if (!k->have_latest || k->latest.n == 0) /* an empty KafkaSourceOffset is null */
        return 0;
    offs_json(k, &k->latest, out);
    return 1;
}

/* KafkaMicroBatchStream.metrics: offsets behind the latest of each partition. */
static void kafka_metrics(SrtSource *s, const char *consumed, SrtBuf *out)
{
    Kafka *k = s->impl;
    KOffs c = {0};
    if (!consumed || !k->have_latest || !parse_offsets(k, consumed, 0, &c))
        goto out;
    int64_t mn = INT64_MAX, mx = INT64_MIN;
    double sum = 0;
    int n = 0;
    for (int i = 0; i < k->latest.n; i++) {
        int at = offs_find(&c, k->latest.v[i].topic, k->latest.v[i].part);
        if (at < 0)
            continue; /* Spark would fail on the missing key; it has no consumed offset */
        int64_t behind = k->latest.v[i].off - c.v[at].off;
        mn = behind < mn ? behind : mn;
        mx = behind > mx ? behind : mx;
        sum += (double)behind;
        n++;
    }
    if (n) {
        char avg[40];
        avg[srt_fmt_double(sum / n, avg)] = '\0'; /* Double.toString */
        srt_buf_printf(out, "{\"avgOffsetsBehindLatest\":\"%s\",\"maxOffsetsBehindLatest\":\"%" PRId64
                            "\",\"minOffsetsBehindLatest\":\"%" PRId64 "\"}",
                       avg, mx, mn);
    }
out:
    offs_free(k, &c);
}

const SrtSourceVt srt_source_kafka_vt = {
    .connector = "kafka",
    .open = kafka_open,
    .snapshot = kafka_snapshot,
    .plan = kafka_plan,
    .read = kafka_read,
    .commit = kafka_commit,
    .close = kafka_close,
    .describe = kafka_describe,
    .restore = kafka_restore,
    .latest = kafka_latest,
    .metrics = kafka_metrics,
    .wait_fd = kafka_wait_fd,
    .group = &srt_kafka_group_vt,
};
