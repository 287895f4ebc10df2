/* srt_clock.c - clocks, sleeping, and parsing trigger specifications (Spark's Trigger). */
#include <errno.h>
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

/* The one trigger rule of `trigger = ...` and --trigger (common/cm_interval.c). */
int srt_trigger_parse(const char *s, SrtTrigger *t, SrtErr *err)
{
    memset(t, 0, sizeof *t);
    if (!s) {
        t->kind = SRT_TRIG_DEFAULT;
        return 0;
    }
    CmTriggerKind kind = CM_TRIGGER_DEFAULT;
    int64_t ms;
    CmIntervalError iv_err;
    switch (cm_trigger_parse(s, &kind, &ms, &iv_err)) {
    case CM_TRIGGER_OK: break;
    case CM_TRIGGER_NOT_INTERVAL:
        return srt_err_set(err, SRT_ERR_OPTION,
                           "invalid trigger '%s': expected availableNow, once, default or an "
                           "interval such as '5 seconds' (%s)",
                           s, cm_interval_error_text(iv_err));
    case CM_TRIGGER_MONTHS:
        return srt_err_set(err, SRT_ERR_OPTION, "Doesn't support month or year interval: %s", s);
    case CM_TRIGGER_NEGATIVE:
        return srt_err_set(err, SRT_ERR_OPTION,
                           "requirement failed: the interval of trigger should not be negative");
    case CM_TRIGGER_OVERFLOW:
        return srt_err_set(err, SRT_ERR_OPTION, "invalid trigger '%s': the interval is out of range",
                           s);
    }
    switch (kind) {
    case CM_TRIGGER_DEFAULT: t->kind = SRT_TRIG_DEFAULT; break;
    case CM_TRIGGER_INTERVAL: t->kind = SRT_TRIG_INTERVAL; break;
    case CM_TRIGGER_ONCE: t->kind = SRT_TRIG_ONCE; break;
    case CM_TRIGGER_AVAILABLE_NOW: t->kind = SRT_TRIG_AVAILABLE_NOW; break;
    }
    t->interval_us = ms * 1000;
    return 0;
}
