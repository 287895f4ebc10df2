/* srt_clock.c - clocks, sleeping, and parsing trigger specifications (Spark's Trigger). */
#include <errno.h>
#include <string.h>
#include <time.h>

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
    for (;;) {
        int64_t left = until_us - srt_now_us();
        if (left <= 0 || srt_stop_requested())
            return;
        if (left > 100000) /* wake up now and then: the clock may jump */
            left = 100000;
        struct timespec ts = {(time_t)(left / 1000000), (long)(left % 1000000) * 1000};
        nanosleep(&ts, NULL); /* EINTR from a stop signal is fine */
    }
}

int srt_trigger_parse(const char *s, SrtTrigger *t, SrtErr *err)
{
    memset(t, 0, sizeof *t);
    if (!s || srt_str_ieq(s, "default") || *s == '\0') {
        t->kind = SRT_TRIG_DEFAULT;
        return 0;
    }
    if (srt_str_ieq(s, "once")) {
        t->kind = SRT_TRIG_ONCE;
        return 0;
    }
    if (srt_str_ieq(s, "availableNow") || srt_str_ieq(s, "available-now") ||
        srt_str_ieq(s, "available_now")) {
        t->kind = SRT_TRIG_AVAILABLE_NOW;
        return 0;
    }
    int64_t us;
    if (srt_parse_duration_us(s, &us) < 0)
        return srt_err_set(err, SRT_ERR_OPTION,
                           "invalid trigger '%s': expected availableNow, once, default or an "
                           "interval such as '5 seconds'",
                           s);
    t->kind = us == 0 ? SRT_TRIG_DEFAULT : SRT_TRIG_INTERVAL;
    t->interval_us = us;
    return 0;
}
