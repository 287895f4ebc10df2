/* sema_readopts.c - the json and csv reader options of a files source, as Spark 3.5's
** CSVOptions and JSONOptions read them: their values are checked here (Spark's messages) and
** decoded into SSource.read, which the generated record parsers specialise on
** (codegen/cg_text.c, cg_json.c, cg_reader.c).  Keys, kinds and defaults are the files
** source's rows in common/cm_connectors.c; an option of the other format is accepted and
** ignored, as Spark ignores it.
**
** timestampFormat, dateFormat: UnivocityParser and JacksonParser parse a TIMESTAMP (DATE)
** with TimestampFormatter (DateFormatter) of this pattern, and with the option set
** enableDateTimeParsingFallback defaults to false: a value that does not match is a bad
** value (the record malformed, by its mode), never read the default way.  The formatter is
** made, and its pattern checked, at the first value converted: a pattern Java's legacy
** SimpleDateFormat accepts throws SparkUpgradeException, which the readers let through
** (the query fails; refused here with its message), any other bad pattern an
** IllegalArgumentException, which makes every such value bad (ts_never, date_never).
*/
#include <string.h>

#include "sema/sema_int.h"

/* timestampFormat or dateFormat: the pattern into *fmt, *never when no value parses. */
static void datetime_pattern(SemaCtx *sc, const SSource *src, const char *key, const char **fmt,
                             bool *never)
{
    const SOption *o = soptions_find(&src->options, key);
    *fmt = NULL;
    *never = false;
    if (!o)
        return;
    bool fails_query;
    const char *why = sema_datetime_pattern_problem(sc->arena, o->value, (uint32_t)strlen(o->value),
                                                    true, &fails_query);
    if (fails_query)
        diag_error(sc->diag, o->value_span, "%s", why);
    *fmt = o->value;
    *never = why != NULL;
}

/* A string option's value, or dflt. */
static const char *text_opt(const SSource *src, const char *key, const char *dflt)
{
    const SOption *o = soptions_find(&src->options, key);
    return o ? o->value : dflt;
}

static bool bool_opt(const SSource *src, const char *key)
{
    const SOption *o = soptions_find(&src->options, key);
    return o && strcmp(o->value, "true") == 0;
}

/* comment: CSVOptions.getChar ("" is '\u0000', which isCommentSet takes as none; more than
   one UTF-16 unit is paramExceedOneCharError); NULL when none. */
static const char *comment_opt(SemaCtx *sc, const SSource *src)
{
    const SOption *o = soptions_find(&src->options, "comment");
    if (!o || !*o->value)
        return NULL;
    size_t units = 0;
    for (const unsigned char *p = (const unsigned char *)o->value; *p; p++)
        units += ((*p & 0xC0) != 0x80) + ((*p & 0xF8) == 0xF0); /* 4 bytes: a surrogate pair */
    if (units > 1) {
        diag_error(sc->diag, o->value_span, "comment cannot be more than one character");
        return NULL;
    }
    return o->value;
}

/* CSVOptions: nullValue, emptyValue (emptyValueInRead), nanValue, positiveInf, negativeInf,
   ignoreLeadingWhiteSpaceInRead, ignoreTrailingWhiteSpaceInRead, comment. */
static void csv_options(SemaCtx *sc, const SSource *src, SReadOpts *r)
{
    r->null_value = text_opt(src, "nullValue", "");
    r->empty_value = text_opt(src, "emptyValue", "");
    r->nan_value = text_opt(src, "nanValue", "NaN");
    r->pos_inf = text_opt(src, "positiveInf", "Inf");
    r->neg_inf = text_opt(src, "negativeInf", "-Inf");
    r->trim_leading = bool_opt(src, "ignoreLeadingWhiteSpace");
    r->trim_trailing = bool_opt(src, "ignoreTrailingWhiteSpace");
    r->comment = comment_opt(sc, src);
    /* enforceSchema = false makes CSVHeaderChecker compare each file's header with the
       schema (and fail the query when they differ): not done by the files source yet. */
    const SOption *enforce = soptions_find(&src->options, "enforceSchema");
    if (enforce && strcmp(enforce->value, "false") == 0 && bool_opt(src, "header"))
        diag_error(sc->diag, enforce->value_span,
                   "enforceSchema = false with header = true (checking each file's header against "
                   "the schema) is not supported yet");
    r->csv_custom = *r->null_value || *r->empty_value || strcmp(r->nan_value, "NaN") != 0 ||
                    strcmp(r->pos_inf, "Inf") != 0 || strcmp(r->neg_inf, "-Inf") != 0 ||
                    r->trim_leading || r->trim_trailing || r->comment;
}

void sema_read_options(SemaCtx *sc, SSource *src)
{
    SReadOpts *r = &src->read;
    memset(r, 0, sizeof *r);
    if (!src->format || strcmp(src->format, "text") == 0)
        return;
    datetime_pattern(sc, src, "timestampFormat", &r->ts_fmt, &r->ts_never);
    datetime_pattern(sc, src, "dateFormat", &r->date_fmt, &r->date_never);
    if (strcmp(src->format, "csv") == 0)
        csv_options(sc, src, r);
}
