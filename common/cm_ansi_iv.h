/* cm_ansi_iv.h - Spark 3.5's ANSI interval values as text: IntervalUtils.toDayTimeIntervalString
** and toYearMonthIntervalString (ANSI_STYLE), castStringToDTInterval and castStringToYMInterval.
** Shared by the compiler (literal names, constant casts) and the runtime (the console, CAST,
** the JSON and CSV sinks), and compiled into the inline bitcode.
**
** A day-time interval (DayTimeIntervalType) is microseconds, a year-month interval
** (YearMonthIntervalType) months; both carry a start and an end field.  Nothing here allocates.
*/
#ifndef CM_ANSI_IV_H
#define CM_ANSI_IV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* DayTimeIntervalType's fields (DAY = 0 ... SECOND = 3) and YearMonthIntervalType's. */
enum { CM_DT_DAY, CM_DT_HOUR, CM_DT_MINUTE, CM_DT_SECOND };
enum { CM_YM_YEAR, CM_YM_MONTH };

/* Room for any value's text: "INTERVAL '-106751991 04:00:54.775808' DAY TO SECOND". */
#define CM_IV_TEXT_MAX 64

/* toDayTimeIntervalString(us, ANSI_STYLE, from, to) into out (CM_IV_TEXT_MAX bytes, no NUL
   needed by callers); returns the length. */
size_t cm_dti_format(int64_t us, int from, int to, char *out);
/* toYearMonthIntervalString(months, ANSI_STYLE, from, to). */
size_t cm_ymi_format(int32_t months, int from, int to, char *out);

/* Why a string is no interval of the target type; with detail, Spark's message. */
typedef enum CmIvCastError {
    CM_IVC_OK,
    CM_IVC_FORMAT,         /* "Interval string does not match ... format of ..." */
    CM_IVC_FORMAT_WRAPPED, /* the same inside "Error parsing interval ... string: " */
    CM_IVC_RANGE,          /* "requirement failed: hour 24 outside range [0, 23]" */
    CM_IVC_RANGE_WRAPPED,  /* the same inside "Error parsing interval ... string: " */
    CM_IVC_OVERFLOW,       /* "long overflow" */
    CM_IVC_INT_OVERFLOW    /* "Error parsing interval year-month string: integer overflow" */
} CmIvCastError;

typedef struct CmIvCastErr {
    CmIvCastError kind;
    char detail[96]; /* the requirement's text for the RANGE kinds */
} CmIvCastErr;

/* castStringToDTInterval(s, from, to): s trimmed (UTF8String.trimAll), then the target's own
   form ("[+|-]d h:m:s.n" for DAY TO SECOND, ...) bare or as its ANSI literal
   ("INTERVAL '1 02:03:04.5' DAY TO SECOND", any case), or a single number for a single field.
   Returns false with *err set when Spark throws. */
bool cm_dti_parse(const char *s, size_t n, int from, int to, int64_t *out, CmIvCastErr *err);
/* castStringToYMInterval(s, from, to): "[+|-]y-m", a single number, or their literals. */
bool cm_ymi_parse(const char *s, size_t n, int from, int to, int32_t *out, CmIvCastErr *err);

/* Spark's message for err of casting s[0, n) to the type (day-time if dt), into out (cap
   bytes, NUL-terminated, the input cut to fit); returns its length. */
size_t cm_iv_cast_message(const CmIvCastErr *err, bool dt, int from, int to, const char *s,
                          size_t n, char *out, size_t cap);

/* The simpleString of the types: "interval day to second", "interval year" (upper case
   for the SQL spelling); NULL for fields out of order. */
const char *cm_dt_type_name(int from, int to, bool upper);
const char *cm_ym_type_name(int from, int to, bool upper);

#endif
