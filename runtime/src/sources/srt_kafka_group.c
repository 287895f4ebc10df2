/* srt_kafka_group.c - the kafka source's consumerGroup membership: one librdkafka consumer per
** process in the group (cooperative-sticky), whose assigned partitions stay paused: it never
** reads a record and never commits an offset (offsets live in each lane's checkpoint, see
** core/srt_group.c); it only tells the scheduler which partitions this process owns.
**
** The rebalance callback runs inside poll(), which the scheduler calls between batches only:
** a revoked partition's lane is closed (its lock released) before the revocation is
** acknowledged with rd_kafka_incremental_unassign, so the next owner never finds it running.
** Partitions lost (session timed out) are closed the same way.
*/
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <librdkafka/rdkafka.h>

#include "srt_int.h"

struct SrtGroupMember {
    SrtMem *mem;
    rd_kafka_t *rk;
    SrtGroupChangeFn fn; /* during poll() */
    void *ctx;
    SrtErr *err;
};

static const char *group_wanted(const SrtOptions *opts)
{
    const char *g = srt_opts_get(opts, "consumerGroup");
    return g && *g ? g : NULL;
}

static void tell(SrtGroupMember *m, const rd_kafka_topic_partition_list_t *l, int assigned)
{
    for (int i = 0; i < l->cnt && m->fn; i++)
        m->fn(m->ctx, l->elems[i].topic, l->elems[i].partition, assigned);
}

static void rebalance(rd_kafka_t *rk, rd_kafka_resp_err_t e, rd_kafka_topic_partition_list_t *l, void *opaque)
{
    SrtGroupMember *m = opaque;
    rd_kafka_error_t *ke = NULL;
    if (e == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        ke = rd_kafka_incremental_assign(rk, l);
        if (!ke) {
            rd_kafka_pause_partitions(rk, l); /* membership only: the lanes read */
            tell(m, l, 1);
        }
    } else {
        tell(m, l, 0); /* closed before the group may hand them on */
        ke = rd_kafka_incremental_unassign(rk, l);
    }
    if (ke) {
        if (!m->err->code)
            srt_err_set(m->err, SRT_ERR_IO, "consumerGroup: cannot acknowledge a rebalance: %s",
                        rd_kafka_error_string(ke));
        rd_kafka_error_destroy(ke);
    }
}

static void member_free(SrtGroupMember *m)
{
    if (m)
        srt_mem_free(m->mem, m, sizeof *m);
}

static int group_join(const SrtOptions *opts, const char *source, SrtMem *mem, SrtGroupMember **out,
                      SrtErr *err)
{
    *out = NULL;
    char cerr[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    SrtGroupMember *m = srt_mem_calloc(mem, sizeof *m);
    if (m)
        m->mem = mem;
    if (!conf || !m) {
        member_free(m);
        if (conf)
            rd_kafka_conf_destroy(conf);
        return srt_err_nomem(err, "consumer group");
    }
    static const char *const fixed[][2] = {
        {"enable.auto.commit", "false"},
        {"enable.auto.offset.store", "false"},
        {"partition.assignment.strategy", "cooperative-sticky"},
        {"log_level", "0"},
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        rd_kafka_conf_set(conf, fixed[i][0], fixed[i][1], cerr, sizeof cerr);
    /* kafka.* options (kafka.session.timeout.ms ...) apply to the member too; group.id is the
       group's, whatever kafka.group.id says (that one names the lanes' fetching clients). */
    for (int i = 0; i < opts->n; i++) {
        const char *key = opts->v[i].key;
        if (strncasecmp(key, "kafka.", 6) == 0 && !srt_str_ieq(key, "kafka.group.id") &&
            rd_kafka_conf_set(conf, key + 6, opts->v[i].value, cerr, sizeof cerr) != RD_KAFKA_CONF_OK) {
            rd_kafka_conf_destroy(conf);
            member_free(m);
            return srt_err_set(err, SRT_ERR_OPTION, "source '%s': option '%s': %s", source, key, cerr);
        }
    }
    rd_kafka_conf_set(conf, "group.id", group_wanted(opts), cerr, sizeof cerr);
    rd_kafka_conf_set_rebalance_cb(conf, rebalance);
    rd_kafka_conf_set_opaque(conf, m);
    if (!(m->rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, cerr, sizeof cerr))) {
        rd_kafka_conf_destroy(conf);
        member_free(m);
        return srt_err_set(err, SRT_ERR_IO, "source '%s': cannot create the group's consumer: %s", source, cerr);
    }
    rd_kafka_poll_set_consumer(m->rk);
    *out = m;
    /* The subscription: subscribe's topics, or subscribePattern as librdkafka's regex (a name
       starting with "^"), anchored at both ends: Spark's pattern matches whole topic names. */
    const char *sub = srt_opts_get(opts, "subscribe"), *pat = srt_opts_get(opts, "subscribePattern");
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(8);
    if (sub) {
        for (const char *s = sub; *s;) {
            size_t n = strcspn(s, ",");
            char t[256];
            snprintf(t, sizeof t, "%.*s", (int)n, s);
            char *a = t, *b = t + strlen(t);
            while (*a == ' ')
                a++;
            while (b > a && b[-1] == ' ')
                *--b = '\0';
            if (*a)
                rd_kafka_topic_partition_list_add(l, a, RD_KAFKA_PARTITION_UA);
            s += n + (s[n] == ',');
        }
    } else if (pat) {
        char re[512];
        snprintf(re, sizeof re, "^(%.500s)$", pat);
        rd_kafka_topic_partition_list_add(l, re, RD_KAFKA_PARTITION_UA);
    }
    rd_kafka_resp_err_t e = rd_kafka_subscribe(m->rk, l);
    rd_kafka_topic_partition_list_destroy(l);
    if (e)
        return srt_err_set(err, SRT_ERR_IO, "source '%s': cannot subscribe the consumer group: %s", source,
                           rd_kafka_err2str(e));
    return 0;
}

static int group_poll(SrtGroupMember *m, SrtGroupChangeFn fn, void *ctx, SrtErr *err)
{
    m->fn = fn;
    m->ctx = ctx;
    m->err = err;
    rd_kafka_message_t *msg;
    while ((msg = rd_kafka_consumer_poll(m->rk, 0)) != NULL)
        rd_kafka_message_destroy(msg); /* errors are retried by librdkafka; no records: paused */
    char fe[256];
    if (rd_kafka_fatal_error(m->rk, fe, sizeof fe) && !err->code)
        srt_err_set(err, SRT_ERR_IO, "consumerGroup: %s", fe);
    m->fn = NULL;
    return err->code ? -err->code : 0;
}

static void group_leave(SrtGroupMember *m)
{
    if (!m)
        return;
    /* The callback may still revoke: the caller has closed every lane, so nothing to tell. */
    SrtErr ignored;
    srt_err_clear(&ignored);
    m->err = &ignored;
    m->fn = NULL;
    rd_kafka_consumer_close(m->rk);
    rd_kafka_destroy(m->rk);
    member_free(m);
}

static int group_narrow(SrtOptions *opts, SrtArena *a, const char *topic, int32_t part)
{
    char assign[320];
    snprintf(assign, sizeof assign, "{\"%.256s\":[%d]}", topic, (int)part);
    srt_opts_unset(opts, "subscribe");
    srt_opts_unset(opts, "subscribePattern");
    srt_opts_unset(opts, "consumerGroup");
    return srt_opts_set(opts, a, "assign", assign);
}

const SrtGroupVt srt_kafka_group_vt = {
    .wanted = group_wanted,
    .join = group_join,
    .poll = group_poll,
    .leave = group_leave,
    .narrow = group_narrow,
};
