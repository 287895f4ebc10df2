/* cm_tz.h - region time zones: the compiler reads the rules of a zone the query names from
** the build machine's tz database (cm_tzfile.c) into a constant table it embeds in the
** executable; the runtime evaluates that table (cm_tz.c) as java.time's ZoneRules does, so
** executables need no tzdata for those.  A zone found only in data is read the same way by
** the runtime from its machine's tz database, on first use (runtime/src/core/srt_zone.c).
**
** The table is an array of int64_t (so codegen emits it as one i64 array constant):
**   [CM_TZ_N]      n, the number of transitions (only those that change the UTC offset)
**   [CM_TZ_RULE]   1 when a daylight-saving rule (the TZif footer's POSIX TZ string) decides
**                  the offset after the last transition; 0: the last offset holds for ever
**   [CM_TZ_STD], [CM_TZ_DST]   the rule's standard and daylight offsets (seconds east of UTC)
**   [CM_TZ_START .. +4], [CM_TZ_END .. +4]   the rule's dates: CM_TZ_JULIAN1 (Jn: day 1..365,
**                  February 29 never counted), CM_TZ_JULIAN0 (n: day 0..365), CM_TZ_MONTH
**                  (Mm.w.d: month, week 1..5 (5 the last), weekday 0 = Sunday), then the
**                  local time of the change in seconds (may be negative or beyond 24 h);
**                  start is the change to daylight time (read in standard time), end back
**   [CM_TZ_HEAD ..]       at[n]: the transitions, seconds since the epoch (UTC), ascending
**   [CM_TZ_HEAD + n ..]   off[n + 1]: off[0] before at[0], off[i + 1] from at[i] on
** Offsets are seconds east of UTC.  The length is CM_TZ_LEN(n).
*/
#ifndef CM_TZ_H
#define CM_TZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    CM_TZ_N,
    CM_TZ_RULE,
    CM_TZ_STD,
    CM_TZ_DST,
    CM_TZ_START,
    CM_TZ_END = CM_TZ_START + 5,
    CM_TZ_HEAD = CM_TZ_END + 5,
};
#define CM_TZ_LEN(n) ((size_t)CM_TZ_HEAD + 2 * (size_t)(n) + 1)

enum { CM_TZ_JULIAN1 = 1, CM_TZ_JULIAN0, CM_TZ_MONTH };

/* ==== Evaluation (cm_tz.c; also in the runtime's inline bitcode) ==== */

/* The offset in force at UTC second t (ZoneRules.getOffset(Instant)). */
int32_t cm_tz_offset_at(const int64_t *z, int64_t t);

/* The offset ZonedDateTime.of(local, zone) gives the local date-time local_s (seconds since
   1970-01-01T00:00 of local time) plus a fraction (frac: whether it has one): the valid
   offset; in a gap or an overlap the offset before the transition (ZoneRules.getOffsetInfo:
   in a gap java.time moves the time later by the gap's length and takes the offset after,
   which is the same instant; in an overlap it takes the earlier offset).  The instant is
   local_s - the result. */
int32_t cm_tz_local_offset(const int64_t *z, int64_t local_s, bool frac);

/* CmZoneLocal's question (cm_time.h) of the table z: cm_tz_offset_at(z, t) with instant,
   else cm_tz_local_offset(z, t, frac). */
static inline int32_t cm_tz_rules_offset(const int64_t *z, bool instant, int64_t t, bool frac)
{
    return instant ? cm_tz_offset_at(z, t) : cm_tz_local_offset(z, t, frac);
}

/* ==== Zone ids and the tz database (cm_tzfile.c; the compiler, and the runtime's
   srt_zone.c for zones found in data) ==== */

/* What a zone id names: Spark's DateTimeUtils.getZoneId(id) = ZoneId.of(id, SHORT_IDS). */
typedef enum {
    CM_ZONE_FIXED,   /* off_s: a constant offset (cm_zone_offset) */
    CM_ZONE_RULES,   /* table: the region's rules (malloc'ed, len entries) */
    CM_ZONE_INVALID, /* msg: the exception ZoneId.of throws (java.time's text) */
} CmZoneKind;

typedef struct CmZone {
    CmZoneKind kind;
    int32_t off_s;
    int64_t *table;
    size_t len;
    char region[64]; /* CM_ZONE_RULES: the tz database id (after SHORT_IDS) */
    char msg[160];
    bool no_db; /* CM_ZONE_INVALID: the tz database directory (cm_tz_dir) is missing */
} CmZone;

/* The tz database directory: $TZDIR, or /usr/share/zoneinfo. */
const char *cm_tz_dir(void);

/* Resolves the zone id s[0, n) as getZoneId does, reading a region's rules from the tz
   database under $TZDIR or /usr/share/zoneinfo.  The caller frees z->table. */
void cm_zone_resolve(const char *s, size_t n, CmZone *z);

/* CmZoneLocal (cm_time.h) over cm_zone_resolve: the compiler's reading of region zones in
   timestamp strings. */
bool cm_zone_local_offset(const char *s, size_t n, bool instant, int64_t t, bool frac,
                          int32_t *off_s);

/* Parses the TZif file (version 2 or later; the 64-bit data and the footer) of len bytes
   into a new table (*out, malloc'ed, *out_len entries); false if it is not one. */
bool cm_tzif_parse(const unsigned char *buf, size_t len, int64_t **out, size_t *out_len);

/* Parses a POSIX TZ string (the TZif footer, RFC 8536 3.3) into the rule fields of z
   ([CM_TZ_RULE .. CM_TZ_HEAD)); *std_off gets its standard offset.  False if malformed. */
bool cm_tz_posix_parse(const char *s, size_t n, int64_t *z, int32_t *std_off);

#endif
