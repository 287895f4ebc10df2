/* kafka_mock.c - a Kafka cluster for tests: librdkafka's mock cluster on loopback, served to
** other processes (sluice executables, kcat) until its standard input closes.
**
**   kafka_mock [--brokers N] [--topic NAME:PARTITIONS]...
**
** Prints the bootstrap address ("127.0.0.1:PORT,...") as its first line of output, then reads
** commands, one per line, answering each with "ok" or "error: ...":
**   topic NAME PARTITIONS    create a topic
**   down BROKER | up BROKER  take a broker (1..N) down or bring it back
** End of input or SIGTERM stops the cluster.  With KAFKA_MOCK_DEBUG set to librdkafka debug
** contexts (e.g. "mock": each request, response and log append), the cluster's debug log goes
** to standard error, a line "NANOSECONDS FACILITY MESSAGE" each, stamped with CLOCK_MONOTONIC
** (bench/latency_probe.py --mock-log reads the appends).  Topics a client names that do not
** exist are created with the mock's default of 4 partitions, as a broker with auto-creation
** would.
*/
#define _POSIX_C_SOURCE 200809L
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int usage(void)
{
    fprintf(stderr, "usage: kafka_mock [--brokers N] [--topic NAME:PARTITIONS]...\n");
    return 2;
}

static int create_topic(rd_kafka_mock_cluster_t *mc, const char *name, int partitions, int brokers)
{
    int rf = brokers < 3 ? brokers : 3;
    rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(mc, name, partitions, rf);
    if (err) {
        fprintf(stderr, "kafka_mock: cannot create topic '%s': %s\n", name, rd_kafka_err2str(err));
        return -1;
    }
    return 0;
}

static void command(rd_kafka_mock_cluster_t *mc, char *line, int brokers)
{
    char name[256];
    int n;
    rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR_NO_ERROR;
    if (sscanf(line, "topic %255s %d", name, &n) == 2) {
        if (n < 1 || create_topic(mc, name, n, brokers) < 0) {
            printf("error: cannot create topic %s\n", name);
            return;
        }
    } else if (sscanf(line, "down %d", &n) == 1 && n >= 1 && n <= brokers) {
        err = rd_kafka_mock_broker_set_down(mc, n);
    } else if (sscanf(line, "up %d", &n) == 1 && n >= 1 && n <= brokers) {
        err = rd_kafka_mock_broker_set_up(mc, n);
    } else {
        printf("error: unknown command\n");
        return;
    }
    if (err)
        printf("error: %s\n", rd_kafka_err2str(err));
    else
        printf("ok\n");
}

/* KAFKA_MOCK_DEBUG's log lines, stamped with the clock other processes read. */
static void log_stamped(const rd_kafka_t *rk, int level, const char *fac, const char *buf)
{
    (void)rk;
    (void)level;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    fprintf(stderr, "%lld %s %s\n", (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec, fac, buf);
}

/* The handle's logging: none, or KAFKA_MOCK_DEBUG's contexts stamped.  0, or -1 (errstr). */
static int set_logging(rd_kafka_conf_t *conf, char *errstr, size_t size)
{
    const char *debug = getenv("KAFKA_MOCK_DEBUG");
    if (!debug || !*debug)
        return rd_kafka_conf_set(conf, "log_level", "0", errstr, size) == RD_KAFKA_CONF_OK ? 0 : -1;
    rd_kafka_conf_set_log_cb(conf, log_stamped);
    return rd_kafka_conf_set(conf, "debug", debug, errstr, size) == RD_KAFKA_CONF_OK ? 0 : -1;
}

int main(int argc, char **argv)
{
    int brokers = 3;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--brokers") == 0 && i + 1 < argc)
            brokers = atoi(argv[++i]);
    if (brokers < 1 || brokers > 16)
        return usage();

    char errstr[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    if (set_logging(conf, errstr, sizeof errstr) < 0) {
        fprintf(stderr, "kafka_mock: %s\n", errstr);
        return 1;
    }
    /* The handle only hosts the cluster; it never talks to it. */
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!rk) {
        fprintf(stderr, "kafka_mock: %s\n", errstr);
        return 1;
    }
    rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(rk, brokers);
    if (!mc) {
        fprintf(stderr, "kafka_mock: cannot start the mock cluster\n");
        rd_kafka_destroy(rk);
        return 1;
    }
    int rc = 0;
    for (int i = 1; i < argc && rc == 0; i++) {
        if (strcmp(argv[i], "--brokers") == 0) {
            i++;
        } else if (strcmp(argv[i], "--topic") == 0 && i + 1 < argc) {
            char name[256];
            int parts;
            if (sscanf(argv[++i], "%255[^:]:%d", name, &parts) != 2 || parts < 1)
                rc = usage();
            else if (create_topic(mc, name, parts, brokers) < 0)
                rc = 1;
        } else {
            rc = usage();
        }
    }
    if (rc == 0) {
        printf("%s\n", rd_kafka_mock_cluster_bootstraps(mc));
        fflush(stdout);
        signal(SIGPIPE, SIG_IGN);
        char line[512];
        while (fgets(line, sizeof line, stdin)) {
            command(mc, line, brokers);
            fflush(stdout);
        }
    }
    rd_kafka_mock_cluster_destroy(mc);
    rd_kafka_destroy(rk);
    return rc;
}
