/* srt_clock.c - clocks, sleeping, and parsing trigger specifications (Spark's Trigger). */
#define _GNU_SOURCE /* ppoll */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <time.h>

#include "common/cm_interval.h"
#include "srt_int.h"

int64_t srt_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int64_t srt_mono_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

void srt_sleep_until(int64_t until_us)
{
    srt_wait_until(until_us, NULL, 0);
}

int srt_wait_until(int64_t until_us, struct pollfd *fds, int n)
{
    for (;;) {
        int64_t left = until_us - srt_now_us();
        if (left <= 0 || srt_stop_requested())
            return 0;
        if (left > 100000) /* wake up now and then: the clock may jump */
            left = 100000;
        /* poll's milliseconds would round a 10 ms poll's last fraction up to a whole one:
           ppoll takes the exact time. */
        struct timespec ts = {(time_t)(left / 1000000), (long)(left % 1000000) * 1000};
        int k = ppoll(fds, (nfds_t)n, &ts, NULL);
        if (k > 0)
            return k; /* EINTR (a stop signal) and timeouts go round again */
    }
}

/* The one trigger rule of `trigger = ...` and --trigger (common/cm_interval.c). */
int srt_trigger_parse(const char *s, SrtTrigger *t, SrtErr *err)
{
    memset(t, 0, sizeof *t);
    CmTrigger ct;
    char msg[512];
    if (cm_trigger_parse(s, &ct, msg, sizeof msg) != CM_TRIGGER_OK)
        return srt_err_set(err, SRT_ERR_OPTION, "%s", msg);
    switch (ct.kind) {
    case CM_TRIGGER_DEFAULT: t->kind = SRT_TRIG_DEFAULT; break;
    case CM_TRIGGER_INTERVAL: t->kind = SRT_TRIG_INTERVAL; break;
    case CM_TRIGGER_ONCE: t->kind = SRT_TRIG_ONCE; break;
    case CM_TRIGGER_AVAILABLE_NOW: t->kind = SRT_TRIG_AVAILABLE_NOW; break;
    }
    t->interval_us = ct.interval_ms * 1000;
    return 0;
}
