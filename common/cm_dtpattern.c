/* cm_dtpattern.c - the datetime pattern check of Spark 3.5's TimestampFormatter: the messages
** of the exceptions building a formatter throws, which the compiler reports for a constant
** pattern and the runtime fails the query with for one read from a column.
*/
#include "common/cm_dtpattern.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Spark 3.5's TimestampFormatter(pattern, isParsing): DateTimeFormatterHelper
   .convertIncompatiblePattern throws IllegalArgumentException, part by part of the pattern
   split at quotes, for a week-based letter (weekBasedLetters Y W w u e c), then an unsupported
   one (unsupportedLetters A B n N p, and for parsing unsupportedLettersForParsing E F q Q), then
   a too long run (unsupportedPatternLengths: five of G M L E Q q, seven y); then
   DateTimeFormatterBuilder.appendPattern (parsePattern, parseField) for a letter it does not
   know or a count it refuses; Iso8601TimestampFormatter.validatePatternString then throws
   SparkUpgradeException (INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION)
   instead when Java's legacy SimpleDateFormat accepts the pattern (checkLegacyFormatter).
   Spark builds the formatter of a constant pattern once (ToTimestamp.formatterOption,
   DateFormatClass.formatterOption) and of any other per row (getFormatter in eval); neither
   exception is a parse error (ToTimestamp's isParseError), so the query fails. */

/* Room for the message of a pattern of n bytes: CM_DT_PATTERN_MSG_ROOM(n). */
#define MSG_ROOM(n) CM_DT_PATTERN_MSG_ROOM(n)

/* Letters SimpleDateFormat takes (Java 8+). */
static bool legacy_letter(char c)
{
    return c && strchr("GyMdkHmsSEDFwWahKzZYuXL", c) != NULL;
}

/* Letters DateTimeFormatter.ofPattern knows (Java 8-17). */
static bool modern_letter(char c)
{
    return c && strchr("GuyDMLdQqYwWEecFaBhKkHmsSAnNVvzOXxZpg", c) != NULL;
}

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The length of the run of c at p[i] (before n). */
static uint32_t run_length(const char *p, uint32_t n, uint32_t i)
{
    uint32_t run = 1;
    while (i + run < n && p[i + run] == p[i])
        run++;
    return run;
}

/* convertIncompatiblePattern's check of the unquoted part p[0, n): its message into msg, or
   false. */
static bool helper_problem(const char *p, uint32_t n, bool parsing, char *msg)
{
    for (uint32_t i = 0; i < n; i++)
        if (p[i] && strchr("YWwuec", p[i])) {
            snprintf(msg, MSG_ROOM(0),
                     "All week-based patterns are unsupported since Spark 3.0, "
                     "detected: %c, Please use the SQL function EXTRACT instead",
                     p[i]);
            return true;
        }
    for (uint32_t i = 0; i < n; i++)
        if (p[i] && (strchr("ABnNp", p[i]) || (parsing && strchr("EFqQ", p[i])))) {
            snprintf(msg, MSG_ROOM(0), "Illegal pattern character: %c", p[i]);
            return true;
        }
    for (uint32_t i = 0; i < n; i += run_length(p, n, i))
        if (p[i] && ((strchr("GMLEQq", p[i]) && run_length(p, n, i) >= 5) ||
                     (p[i] == 'y' && run_length(p, n, i) >= 7))) {
            snprintf(msg, MSG_ROOM(0), "Too many pattern letters: %c", p[i]);
            return true;
        }
    return false;
}

/* DateTimeFormatterBuilder.parseField's refusal of `run` letters c into msg, or false. */
static bool builder_field_problem(char c, uint32_t run, char *msg)
{
    const char *why = NULL;
    if (!modern_letter(c))
        why = "Unknown pattern letter";
    else if (c == 'V' && run != 2)
        why = "Pattern letter count must be 2";
    else if (c == 'O' && run != 1 && run != 4)
        why = "Pattern letter count must be 1 or 4";
    else if (c == 'v' && run != 1 && run != 4)
        why = "Wrong number of pattern letters";
    else if ((c == 'a' && run > 1) || (strchr("dhHkKms", c) && run > 2) || (c == 'D' && run > 3) ||
             (strchr("XxZ", c) && run > 5) || (c == 'z' && run > 4))
        why = "Too many pattern letters";
    if (why)
        snprintf(msg, MSG_ROOM(0), "%s: %c", why, c);
    return why != NULL;
}

/* DateTimeFormatterBuilder.appendPattern's refusal of p[0, n) into msg unless *why (then true);
   *legacy is cleared when SimpleDateFormat refuses it too (a letter it does not know, more than
   three X, a quote left open). Parsing a pattern with an S, Spark appends its quoted parts
   itself (createBuilderWithVarLengthSecondFraction), so a quote left open is no error then. */
static void builder_problem(const char *p, uint32_t n, bool parsing, bool *why, bool *legacy,
                            char *msg)
{
    bool quoted = false, has_s = memchr(p, 'S', n) != NULL;
    int optional = 0;
    for (uint32_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == '\'') {
            quoted = !quoted;
            continue;
        }
        if (quoted)
            continue;
        if (!*why && (c == '{' || c == '}' || c == '#')) {
            snprintf(msg, MSG_ROOM(0), "Pattern includes reserved character: '%c'", c);
            *why = true;
        }
        if (!*why && c == ']' && optional == 0) {
            snprintf(msg, MSG_ROOM(0), "Pattern invalid as it contains ] without previous [");
            *why = true;
        }
        optional += c == '[' ? 1 : c == ']' && optional > 0 ? -1 : 0;
        if (!is_letter(c))
            continue;
        uint32_t run = run_length(p, n, i);
        if (!legacy_letter(c) || (c == 'X' && run > 3))
            *legacy = false;
        if (!*why)
            *why = builder_field_problem(c, run, msg);
        i += run - 1; /* the run is one field */
    }
    if (quoted) {
        *legacy = false;
        if (!*why && !(parsing && has_s)) {
            snprintf(msg, MSG_ROOM(n), "Pattern ends with an incomplete string literal: %.*s",
                     (int)n, p);
            *why = true;
        }
    }
}

int cm_sql_string_value(const char *p, uint32_t n, char *out)
{
    int k = 0;
    out[k++] = '\'';
    for (uint32_t i = 0; i < n; i++) {
        if (p[i] == '\\' || p[i] == '\'')
            out[k++] = '\\';
        out[k++] = p[i];
    }
    out[k++] = '\'';
    out[k] = '\0';
    return k;
}

int cm_dt_pattern_problem(const char *p, uint32_t n, int parsing, char *msg)
{
    bool why = false, legacy = true, quoted = false;
    for (uint32_t i = 0, start = 0; i <= n && !why; i++) {
        if (i < n && p[i] != '\'')
            continue;
        if (!quoted)
            why = helper_problem(p + start, i - start, parsing, msg);
        quoted = !quoted;
        start = i + 1;
    }
    builder_problem(p, n, parsing, &why, &legacy, msg);
    if (!why)
        return 0;
    if (!legacy)
        return 1;
    /* QueryExecutionErrors.failToRecognizePatternAfterUpgradeError: error class
       INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION, whose message is the
       class's "You may get a different result due to the upgrading to" and the subclass's
       lines "Spark >= 3.0:" and "Fail to recognize <pattern> ..." joined by a newline; the
       pattern as toSQLValue gives it, the config as toSQLConf, the docroot
       SparkBuildInfo.spark_doc_root. */
    int k = snprintf(msg, MSG_ROOM(n),
                     "[INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION] You may "
                     "get a different result due to the upgrading to Spark >= 3.0:\nFail to "
                     "recognize ");
    k += cm_sql_string_value(p, n, msg + k);
    snprintf(msg + k, MSG_ROOM(n) - (size_t)k,
             " pattern in the DateTimeFormatter. 1) You can set "
             "\"spark.sql.legacy.timeParserPolicy\" to \"LEGACY\" to restore the behavior before "
             "Spark 3.0. 2) You can form a valid datetime pattern with the guide from "
             "'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.");
    return 2;
}

void cm_dt_ntz_pattern_message(const char *p, uint32_t n, char *msg)
{
    /* _LEGACY_ERROR_TEMP_2130 (no error class in the message) */
    int k = snprintf(msg, MSG_ROOM(n), "Fail to recognize ");
    k += cm_sql_string_value(p, n, msg + k);
    snprintf(msg + k, MSG_ROOM(n) - (size_t)k,
             " pattern in the DateTimeFormatter. You can form a valid datetime pattern with the "
             "guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.");
}

int cm_dt_pattern_check(const char *p, uint32_t n, CmDtPatternUse use, char *msg)
{
    if (!cm_dt_pattern_problem(p, n, use != CM_DTPAT_FORMAT, msg))
        return 0;
    if (use == CM_DTPAT_PARSE_NTZ) /* validatePatternString(checkLegacy = false) */
        cm_dt_ntz_pattern_message(p, n, msg);
    return 1;
}
