/* cm_json_opts.h - Spark 3.5's JSONOptions parser switches, the Jackson 2.15 JsonReadFeatures
** JSONOptions.buildJsonFactory turns on or off, and the rewriting of a record written with them
** into the strict JSON the readers read (cm_json_lex.h).
**
** The files source (runtime/src/core/srt_query.c), from_json, schema inference and
** schema_of_json never read a relaxed record themselves: with a switch set they read its
** normal form, which holds the same values (Jackson's getText, getXxxValue) in the strict
** syntax.  So the readers, and the generated record parser with its fast paths, stay as they
** are for Spark's defaults.  The normal form of a record is its first value (what Jackson
** reads; the rest of the line is never looked at): comments dropped, names and single-quoted
** strings in double quotes, leading zeros dropped (Jackson's _verifyNoLeadingZeroes keeps
** them out of the number's text), escapes Jackson accepts only by a switch and raw control
** characters written as standard escapes.  A record the switches leave malformed becomes a
** text every reader finds malformed (CM_JSON_NORM_BAD).
**
** What this does not model: the first character of an unquoted name outside ASCII is taken
** to be a name character whatever it is (Jackson asks Character.isJavaIdentifierPart).
*/
#ifndef CM_JSON_OPTS_H
#define CM_JSON_OPTS_H

#include <stdbool.h>
#include <stddef.h>

/* The switches as flags; all clear: Spark's defaults (single quotes and the non-numeric
   numbers allowed, everything else refused). */
enum {
    CM_JSON_COMMENTS = 1 << 0,         /* allowComments: ALLOW_JAVA_COMMENTS */
    CM_JSON_UNQUOTED_NAMES = 1 << 1,   /* allowUnquotedFieldNames */
    CM_JSON_NO_SINGLE_QUOTES = 1 << 2, /* allowSingleQuotes = false */
    CM_JSON_LEADING_ZEROS = 1 << 3,    /* allowNumericLeadingZeros */
    CM_JSON_NO_NONNUM = 1 << 4,        /* allowNonNumericNumbers = false */
    CM_JSON_ANY_ESCAPE = 1 << 5,       /* allowBackslashEscapingAnyCharacter */
    CM_JSON_CONTROL_CHARS = 1 << 6     /* allowUnquotedControlChars */
};

/* One switch: its JSONOptions key, its flag, and whether the value "true" (else "false")
   sets the flag. */
typedef struct CmJsonOptKey {
    const char *key;
    unsigned flag;
    bool set_by_true;
} CmJsonOptKey;

extern const CmJsonOptKey cm_json_opt_keys[];
extern const int cm_json_n_opt_keys;

/* The flags of the options get(ctx, key) gives (NULL: not given; a value other than true or
   false, in any case, is taken as not given: the callers refused it before). */
unsigned cm_json_opt_flags(const char *(*get)(const void *ctx, const char *key), const void *ctx);

/* The most bytes cm_json_norm writes for a record of n bytes. */
static inline size_t cm_json_norm_cap(size_t n)
{
    return 6 * n + 8;
}

typedef enum CmJsonNorm {
    CM_JSON_NORM_BLANK, /* no value (spaces and comments): no record; nothing written */
    CM_JSON_NORM_OK,    /* out holds the value's normal form */
    CM_JSON_NORM_BAD    /* malformed: out holds CM_JSON_BAD_TEXT */
} CmJsonNorm;

/* What a malformed record is written as: DEL, which no reader takes for the start of a value
   nor for a blank (cm_csv_blank_line). */
#define CM_JSON_BAD_TEXT "\x7F"

/* The normal form of the record [p, end) (no '\n' in it; a leading byte order mark is
   skipped, as the reader skips it) under flags, into out (room for cm_json_norm_cap bytes);
   *out_n its length. */
CmJsonNorm cm_json_norm(const char *p, const char *end, unsigned flags, char *out, size_t *out_n);

#endif
