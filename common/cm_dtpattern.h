/* cm_dtpattern.h - the check of a datetime pattern Spark 3.5's TimestampFormatter makes when
** it builds the formatter (cm_dtpattern.c): the compiler refuses a constant pattern with it, the
** runtime fails the query with it for a pattern read from a column.
*/
#ifndef CM_DTPATTERN_H
#define CM_DTPATTERN_H

#include <stddef.h>
#include <stdint.h>

/* How a pattern is used: formatting (date_format, from_unixtime), parsing (to_timestamp,
   to_date, unix_timestamp: TimestampFormatter's isParsing), parsing without the legacy check
   (to_timestamp_ntz: validatePatternString(checkLegacy = false)). */
typedef enum { CM_DTPAT_FORMAT, CM_DTPAT_PARSE, CM_DTPAT_PARSE_NTZ } CmDtPatternUse;

/* Bytes a message about a pattern of n bytes needs at most. */
#define CM_DT_PATTERN_MSG_ROOM(n) (2 * (size_t)(n) + 640)

/* p[0, n) as QueryExecutionErrors' toSQLValue prints a string (Literal.sql): in single quotes,
   a quote or backslash escaped with a backslash; into out (2 * n + 3 bytes), its length. */
int cm_sql_string_value(const char *p, uint32_t n, char *out);

/* Datetime pattern p[0, n) as Spark 3.5's TimestampFormatter/DateFormatter check it
   (isParsing = parsing): 0 when valid, else its message into msg (CM_DT_PATTERN_MSG_ROOM(n)
   bytes) and 1 for the IllegalArgumentException (Java's legacy SimpleDateFormat refuses the
   pattern too), 2 for the SparkUpgradeException (DATETIME_PATTERN_RECOGNITION: the legacy
   formatter accepts it). */
int cm_dt_pattern_problem(const char *p, uint32_t n, int parsing, char *msg);
/* QueryExecutionErrors.failToRecognizePatternError's message (validatePatternString without
   the legacy check) into msg (CM_DT_PATTERN_MSG_ROOM(n) bytes). */
void cm_dt_ntz_pattern_message(const char *p, uint32_t n, char *msg);
/* What building the formatter of p[0, n) for use throws: 0 when nothing, else 1 and its
   message into msg (CM_DT_PATTERN_MSG_ROOM(n) bytes). Neither exception is a parse error
   (DateTimeException, ParseException), so Spark fails the query with it. */
int cm_dt_pattern_check(const char *p, uint32_t n, CmDtPatternUse use, char *msg);

#endif
