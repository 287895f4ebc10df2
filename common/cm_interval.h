/* cm_interval.h - Spark's interval strings, duration options and triggers: the one parser
** of window sizes, watermark delays, `trigger` and `--trigger`, maxFileAge and rampUpTime,
** shared by the compiler (sluice check) and the runtime (the executable's options).
*/
#ifndef CM_INTERVAL_H
#define CM_INTERVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Spark's CalendarInterval: months, days and microseconds, each with its own sign. */
typedef struct CmInterval {
    int32_t months;
    int32_t days;
    int64_t us;
} CmInterval;

/* Why a string is not an interval: Spark's INVALID_INTERVAL_FORMAT sub-classes. */
typedef enum CmIntervalError {
    CM_IV_OK,
    CM_IV_EMPTY,         /* INPUT_IS_EMPTY: "" or "interval" alone */
    CM_IV_PREFIX,        /* INVALID_PREFIX: "intervalx 1 second" */
    CM_IV_NUMBER,        /* UNRECOGNIZED_NUMBER: a word where a number should be */
    CM_IV_VALUE,         /* INVALID_VALUE: "10seconds", "1.x second" */
    CM_IV_PRECISION,     /* INVALID_PRECISION: more than 9 fraction digits */
    CM_IV_FRACTION,      /* INVALID_FRACTION: a fraction on a unit other than seconds */
    CM_IV_UNIT,          /* INVALID_UNIT: "500 ms" (Spark's units are whole words) */
    CM_IV_MISSING_NUMBER, /* MISSING_NUMBER: "1 second -" */
    CM_IV_MISSING_UNIT,  /* MISSING_UNIT: "10" */
    CM_IV_OVERFLOW       /* ARITHMETIC_EXCEPTION */
} CmIntervalError;

/*
** Spark's IntervalUtils.stringToInterval (case-insensitive, surrounding whitespace
** ignored): ['interval'] { ['+'|'-'] number unit } with number digits['.'digits] or
** '.'digits (a fraction for seconds only, at most 9 digits, truncated to µs) and unit one
** of year, month, week, day, hour, minute, second, millisecond, microsecond, each
** singular or plural.  On error, *word (if not NULL) is the offending word of s and
** *word_n its length.
*/
CmIntervalError cm_interval_parse(const char *s, CmInterval *out, const char **word,
                                  int *word_n);
/* The same on the n bytes at s (a NUL among them is no whitespace: not an interval). */
CmIntervalError cm_interval_parse_n(const char *s, size_t n, CmInterval *out, const char **word,
                                    int *word_n);

/* A sentence saying what is wrong, for messages ("'ms' is not a unit: use year, ..."). */
const char *cm_interval_error_text(CmIntervalError e);

/* days * 1 day + us, as Spark's TimeWindow and ProcessingTimeTrigger add them; false on
   overflow. */
bool cm_interval_day_time_us(const CmInterval *iv, int64_t *out_us);

/*
** Spark's JavaUtils.timeStringAs: `[-]digits[suffix]` after trimming, any case, suffix one
** of us, ms, s, m, min, h, d; no suffix means `unit_us`.  The result in µs, truncated to a
** multiple of unit_us as TimeUnit.convert does (timeStringAsMs: 1000, AsSec: 1000000).
*/
bool cm_time_string(const char *s, int64_t unit_us, int64_t *out_us);

/* A duration option (maxFileAge, rampUpTime): cm_time_string, else a day-time interval
   string ("1 hour"). */
bool cm_duration_parse(const char *s, int64_t unit_us, int64_t *out_us);

typedef enum CmTriggerKind {
    CM_TRIGGER_DEFAULT,       /* ProcessingTime(0): the next batch as soon as possible */
    CM_TRIGGER_INTERVAL,      /* ProcessingTime(interval) */
    CM_TRIGGER_ONCE,          /* Trigger.Once */
    CM_TRIGGER_AVAILABLE_NOW  /* Trigger.AvailableNow */
} CmTriggerKind;

typedef enum CmTriggerError {
    CM_TRIGGER_OK,
    CM_TRIGGER_NOT_INTERVAL, /* neither a word nor an interval: see *iv_err */
    CM_TRIGGER_MONTHS,       /* Doesn't support month or year interval: <s> */
    CM_TRIGGER_NEGATIVE,     /* requirement failed: the interval of trigger should not be negative */
    CM_TRIGGER_OVERFLOW
} CmTriggerError;

typedef struct CmTrigger {
    CmTriggerKind kind;
    int64_t interval_ms; /* CM_TRIGGER_INTERVAL */
} CmTrigger;

/*
** A trigger: default, once or availableNow (any case), or Trigger.ProcessingTime(s)
** (ProcessingTimeTrigger.apply: stringToInterval, no months, days + µs truncated to
** milliseconds, not negative; 0 ms is the default trigger).  NULL is the default trigger.
** On error, the message for `trigger = ...` and --trigger alike goes to msg[0, msg_n)
** (msg may be NULL).
*/
CmTriggerError cm_trigger_parse(const char *s, CmTrigger *t, char *msg, size_t msg_n);

#endif
