/* srt_dtpattern.c - the check of a datetime pattern read from a column (date_format,
** from_unixtime, to_timestamp and the functions that parse with it): Spark 3.5 builds the
** formatter of such a pattern per row (ToTimestamp.eval, DateFormatClass.eval: getFormatter)
** and the exception a refused pattern throws fails the query; common/cm_dtpattern.c, which the
** compiler checks constant patterns with, gives the message. The last pattern that passed is
** kept per use in SrtQuery, so a column of one pattern is checked once.
*/
#include <string.h>

#include "common/cm_dtpattern.h"
#include "srt_int.h"

int32_t srt_dt_pattern_ok(SrtQuery *q, const char *fmt, uint32_t n, int32_t use)
{
    uint32_t *kept = &q->dtpat_ok_n[use];
    if (*kept == n + 1 && memcmp(q->dtpat_ok[use], fmt, n) == 0)
        return 1;
    char *msg = srt_scratch_alloc(q, CM_DT_PATTERN_MSG_ROOM(n));
    if (cm_dt_pattern_check(fmt, n, (CmDtPatternUse)use, msg)) {
        srt_query_fail(q, msg);
        return 0;
    }
    if (n < SRT_DTPAT_CACHED) {
        memcpy(q->dtpat_ok[use], fmt, n);
        *kept = n + 1;
    }
    return 1;
}
