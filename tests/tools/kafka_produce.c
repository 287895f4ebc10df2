/* kafka_produce.c - produce records with a key, a timestamp and a chosen partitioner, for tests.
**
**   kafka_produce BOOTSTRAP TOPIC < records
**
** Each input line is "PARTITION KEY TIMESTAMP_MS VALUE" (VALUE is the rest of the line):
** PARTITION "-" lets the partitioner place the record, KEY "-" is a NULL key.  The partitioner
** is librdkafka's murmur2_random, the Java client's default for keyed records
** (murmur2(key) & 0x7fffffff modulo the partition count; a NULL key goes to a random
** partition).  kcat can set neither the timestamp nor, without -X, that partitioner.  Exits 1
** if a record was not delivered.
*/
#include <librdkafka/rdkafka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed;

static void on_delivery(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque)
{
    (void)rk;
    (void)opaque;
    if (m->err) {
        fprintf(stderr, "kafka_produce: %s\n", rd_kafka_err2str(m->err));
        failed = 1;
    }
}

/* One input line: 0, or -1 after printing why. */
static int produce_line(rd_kafka_t *rk, const char *topic, char *line)
{
    line[strcspn(line, "\n")] = '\0';
    char *part = strtok(line, " "), *key = strtok(NULL, " "), *ts = strtok(NULL, " ");
    char *value = strtok(NULL, "");
    if (!part || !key || !ts || !value) {
        fprintf(stderr, "kafka_produce: expected PARTITION KEY TIMESTAMP_MS VALUE\n");
        return -1;
    }
    int32_t p = strcmp(part, "-") == 0 ? RD_KAFKA_PARTITION_UA : (int32_t)atoi(part);
    bool null_key = strcmp(key, "-") == 0;
    rd_kafka_resp_err_t err;
    do {
        err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(p),
                                RD_KAFKA_V_KEY(null_key ? NULL : key, null_key ? 0 : strlen(key)),
                                RD_KAFKA_V_VALUE(value, strlen(value)),
                                RD_KAFKA_V_TIMESTAMP(strtoll(ts, NULL, 10)),
                                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL)
            rd_kafka_poll(rk, 100);
    } while (err == RD_KAFKA_RESP_ERR__QUEUE_FULL);
    if (err) {
        fprintf(stderr, "kafka_produce: %s\n", rd_kafka_err2str(err));
        return -1;
    }
    rd_kafka_poll(rk, 0);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: kafka_produce BOOTSTRAP TOPIC < records\n");
        return 2;
    }
    char why[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    if (rd_kafka_conf_set(conf, "bootstrap.servers", argv[1], why, sizeof why) ||
        rd_kafka_conf_set(conf, "partitioner", "murmur2_random", why, sizeof why)) {
        fprintf(stderr, "kafka_produce: %s\n", why);
        return 1;
    }
    rd_kafka_conf_set_dr_msg_cb(conf, on_delivery);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, why, sizeof why);
    if (!rk) {
        fprintf(stderr, "kafka_produce: %s\n", why);
        return 1;
    }
    char line[4096];
    int rc = 0;
    while (!rc && fgets(line, sizeof line, stdin))
        rc = produce_line(rk, argv[2], line);
    if (rd_kafka_flush(rk, 30000)) {
        fprintf(stderr, "kafka_produce: records not delivered in 30 s\n");
        rc = -1;
    }
    rd_kafka_destroy(rk);
    return rc < 0 || failed ? 1 : 0;
}
