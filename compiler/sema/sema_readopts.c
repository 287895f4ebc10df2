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

void sema_read_options(SemaCtx *sc, SSource *src)
{
    SReadOpts *r = &src->read;
    memset(r, 0, sizeof *r);
    if (!src->format || strcmp(src->format, "text") == 0)
        return;
    datetime_pattern(sc, src, "timestampFormat", &r->ts_fmt, &r->ts_never);
    datetime_pattern(sc, src, "dateFormat", &r->date_fmt, &r->date_never);
}
