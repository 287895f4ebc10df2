/* cm_dtparse.h - text read with a Java DateTimeFormatter pattern (cm_dtparse.c): Spark 3.5's
** Iso8601TimestampFormatter and Iso8601DateFormatter as the runtime's to_timestamp, to_date,
** the readers' timestampFormat/dateFormat and the compiler's CSV schema inference use them.
*/
#ifndef CM_DTPARSE_H
#define CM_DTPARSE_H

#include <stdint.h>

/* A region zone id (pattern letters V and z): nonzero when s[0, n) is one, its rules into
   *rules (NULL for a fixed zone) and its fixed offset into *off_s.  The runtime passes
   srt_zone_region (its zones, the tz database's ids as written); NULL knows none. */
typedef int (*CmZoneRegion)(const char *s, uint32_t n, int32_t *off_s, const int64_t **rules);

/* s[0, n) read with pattern fmt[0, fmt_n), all of it: the local date and time in *local_s
   (seconds since 1970-01-01T00:00) and *micros, the offset of the zone it names (0 without
   one) in *off_s.  0, or -1 when the text does not match the pattern or names no valid
   date and time (ResolverStyle.STRICT). */
int cm_dt_parse(const char *s, uint32_t n, const char *fmt, uint32_t fmt_n, CmZoneRegion region,
                int64_t *local_s, int64_t *micros, int64_t *off_s);

/* Whether Spark 3.5's legacy parser of to_timestamp, to_date and unix_timestamp (a
   non-lenient java.text.SimpleDateFormat of pattern fmt, Locale.US, parse(String)) accepts
   s[0, n): 1 or 0 (cm_dtlegacy.c). */
int cm_dt_legacy_accepts(const char *s, uint32_t n, const char *fmt, uint32_t fmt_n);

#endif
