/* kafka_commit.c - a consumer group's committed offset, for tests: print it, or commit one.
**
**   kafka_commit BOOTSTRAP GROUP TOPIC PARTITION           print the committed offset
**   kafka_commit BOOTSTRAP GROUP TOPIC PARTITION OFFSET    commit OFFSET (synchronously)
**
** The Kafka sink's exactly-once mode records a batch as committed offsets of its group in
** the batch's transaction (srt_sink_kafka.c); librdkafka's mock cluster discards offsets
** committed in a transaction, so tests seed the state such a commit leaves with this tool.
*/
#include <librdkafka/rdkafka.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 5 && argc != 6) {
        fprintf(stderr, "usage: kafka_commit BOOTSTRAP GROUP TOPIC PARTITION [OFFSET]\n");
        return 2;
    }
    char why[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    if (rd_kafka_conf_set(conf, "bootstrap.servers", argv[1], why, sizeof why) != RD_KAFKA_CONF_OK ||
        rd_kafka_conf_set(conf, "group.id", argv[2], why, sizeof why) != RD_KAFKA_CONF_OK ||
        rd_kafka_conf_set(conf, "enable.auto.commit", "false", why, sizeof why) != RD_KAFKA_CONF_OK) {
        fprintf(stderr, "kafka_commit: %s\n", why);
        return 1;
    }
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, why, sizeof why);
    if (!rk) {
        fprintf(stderr, "kafka_commit: %s\n", why);
        return 1;
    }
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_t *tp = rd_kafka_topic_partition_list_add(l, argv[3], atoi(argv[4]));
    rd_kafka_resp_err_t err;
    if (argc == 6) {
        tp->offset = strtoll(argv[5], NULL, 10);
        err = rd_kafka_commit(rk, l, 0);
    } else {
        err = rd_kafka_committed(rk, l, 10000);
        if (!err)
            err = tp->err;
        if (!err)
            printf("%lld\n", (long long)tp->offset);
    }
    if (err)
        fprintf(stderr, "kafka_commit: %s\n", rd_kafka_err2str(err));
    rd_kafka_topic_partition_list_destroy(l);
    rd_kafka_destroy(rk);
    return err ? 1 : 0;
}
