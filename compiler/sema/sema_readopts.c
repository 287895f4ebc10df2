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
**
** timestampNTZFormat: a TIMESTAMP_NTZ is read with TimestampFormatter(..., forTimestampNTZ =
** true).parseWithoutTimeZone(s, false) and written with its format(LocalDateTime).  Its
** pattern is validated without the legacy check (validatePatternString(checkLegacy =
** false)): any pattern it refuses throws SparkRuntimeException (failToRecognizePatternError),
** which a reader takes as a bad value (ntz_never) and a writer fails the query with.  A value
** whose parse reads a zone or offset is refused (cannotParseStringAsDataTypeError), so a
** pattern with a zone letter parses nothing (ntz_never); writing, LocalDateTime has no zone
** for one to print (java.time: Unsupported field: OffsetSeconds), but in an optional section
** [...], which then prints nothing.
*/
#include <string.h>
#include <strings.h>

#include "common/cm_json_opts.h"
#include "sema/sema_int.h"

/* timestampFormat or dateFormat of opts: the pattern into *fmt, *never when no value
   parses (parsing); for writing (!parsing) a pattern the formatter refuses is an error. */
static void datetime_pattern(SemaCtx *sc, const SOptions *opts, const char *key, bool parsing,
                             const char **fmt, bool *never)
{
    const SOption *o = soptions_find(opts, key);
    *fmt = NULL;
    *never = false;
    if (!o)
        return;
    uint32_t n = (uint32_t)strlen(o->value);
    char *why = arena_alloc(sc->arena, CM_DT_PATTERN_MSG_ROOM(n));
    int problem = cm_dt_pattern_problem(o->value, n, parsing, why);
    if (problem == 2 || (problem && !parsing)) /* 2: SparkUpgradeException fails the query */
        diag_error(sc->diag, o->value_span, "%s", why);
    *fmt = o->value;
    *never = problem != 0;
}

/* The zone letters of a pattern (V z O X x Z v) outside quotes: *outside when one is outside an
   optional section [...] too. */
static bool pattern_zone(const char *p, bool *outside)
{
    bool quoted = false, any = false;
    int optional = 0;
    *outside = false;
    for (; *p; p++) {
        if (*p == '\'')
            quoted = !quoted;
        else if (!quoted && (*p == '[' || *p == ']'))
            optional += *p == '[' ? 1 : optional > 0 ? -1 : 0;
        else if (!quoted && strchr("VzOXxZv", *p)) {
            any = true;
            *outside |= optional == 0;
        }
    }
    return any;
}

/* timestampNTZFormat of opts: the pattern into *fmt, *never when no value parses (parsing);
   for writing, a pattern the formatter refuses, or one that writes a zone, is an error (Spark
   fails the query when it writes). */
static void ntz_pattern(SemaCtx *sc, const SOptions *opts, bool parsing, const char **fmt,
                        bool *never)
{
    const SOption *o = soptions_find(opts, "timestampNTZFormat");
    *fmt = NULL;
    *never = false;
    if (!o)
        return;
    bool outside;
    uint32_t n = (uint32_t)strlen(o->value);
    char *why = arena_alloc(sc->arena, CM_DT_PATTERN_MSG_ROOM(n));
    bool refused = cm_dt_pattern_problem(o->value, n, parsing, why) != 0;
    bool zone = pattern_zone(o->value, &outside);
    if (refused && !parsing) {
        cm_dt_ntz_pattern_message(o->value, n, why);
        diag_error(sc->diag, o->value_span, "%s", why);
    } else if (outside && !parsing)
        diag_error(sc->diag, o->value_span,
                   "timestampNTZFormat '%s' writes a zone, which a TIMESTAMP_NTZ has not: Spark "
                   "fails the query writing one (java.time: %s)",
                   o->value,
                   strpbrk(o->value, "Vzv") ? "Unable to extract ZoneId from temporal"
                                            : "Unsupported field: OffsetSeconds");
    *fmt = o->value;
    *never = refused || (parsing && zone);
}

/* A string option's value, or dflt. */
static const char *text_opt(const SOptions *opts, const char *key, const char *dflt)
{
    const SOption *o = soptions_find(opts, key);
    return o ? o->value : dflt;
}

static bool bool_opt(const SOptions *opts, const char *key)
{
    const SOption *o = soptions_find(opts, key);
    return o && strcmp(o->value, "true") == 0;
}

/* comment: CSVOptions.getChar ("" is '\u0000', which isCommentSet takes as none; more than
   one UTF-16 unit is paramExceedOneCharError); NULL when none. */
static const char *comment_opt(SemaCtx *sc, const SOptions *opts)
{
    const SOption *o = soptions_find(opts, "comment");
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
    const SOptions *opts = &src->options;
    r->null_value = text_opt(opts, "nullValue", "");
    r->empty_value = text_opt(opts, "emptyValue", "");
    r->nan_value = text_opt(opts, "nanValue", "NaN");
    r->pos_inf = text_opt(opts, "positiveInf", "Inf");
    r->neg_inf = text_opt(opts, "negativeInf", "-Inf");
    r->trim_leading = bool_opt(opts, "ignoreLeadingWhiteSpace");
    r->trim_trailing = bool_opt(opts, "ignoreTrailingWhiteSpace");
    r->comment = comment_opt(sc, opts);
    /* enforceSchema = false makes CSVHeaderChecker compare each file's header with the
       schema (the files source, srt_prog_query_csv_header), which reads a header line with
       lineSep set only in multiLine mode. */
    const SOption *enforce = soptions_find(opts, "enforceSchema");
    r->check_header = enforce && strcmp(enforce->value, "false") == 0 && bool_opt(opts, "header");
    const SOption *multi = soptions_find(opts, "multiLine");
    const SOption *sep = soptions_find(opts, "lineSep");
    if (r->check_header && sep && !(multi && strcmp(multi->value, "true") == 0))
        diag_error(sc->diag, enforce->value_span,
                   "enforceSchema = false with lineSep (checking each file's header against the "
                   "schema) is not supported yet without multiLine = true");
    const SOption *dates = soptions_find(opts, "prefersDate");
    r->no_dates = dates && strcmp(dates->value, "false") == 0;
    r->csv_custom = *r->null_value || *r->empty_value || strcmp(r->nan_value, "NaN") != 0 ||
                    strcmp(r->pos_inf, "Inf") != 0 || strcmp(r->neg_inf, "-Inf") != 0 ||
                    r->trim_leading || r->trim_trailing || r->comment;
}

static const char *soption_value(const void *opts, const char *key)
{
    const SOption *o = soptions_find(opts, key);
    return o ? o->value : NULL;
}

/* JSONOptions: the parser's switches, and the inference's primitivesAsString, prefersDecimal
   and dropFieldIfAllNull (values already "true" or "false"). */
void sema_json_options(const SOptions *opts, SReadOpts *r)
{
    r->json_flags = cm_json_opt_flags(soption_value, opts);
    r->primitives_as_string = bool_opt(opts, "primitivesAsString");
    r->prefers_decimal = bool_opt(opts, "prefersDecimal");
    r->drop_all_null = bool_opt(opts, "dropFieldIfAllNull");
}

void sema_read_options(SemaCtx *sc, SSource *src)
{
    SReadOpts *r = &src->read;
    memset(r, 0, sizeof *r);
    if (!src->format || strcmp(src->format, "text") == 0)
        return;
    datetime_pattern(sc, &src->options, "timestampFormat", true, &r->ts_fmt, &r->ts_never);
    datetime_pattern(sc, &src->options, "dateFormat", true, &r->date_fmt, &r->date_never);
    ntz_pattern(sc, &src->options, true, &r->ntz_fmt, &r->ntz_never);
    if (strcmp(src->format, "csv") == 0)
        csv_options(sc, src, r);
    else if (strcmp(src->format, "json") == 0)
        sema_json_options(&src->options, r);
    const SOption *multi = soptions_find(&src->options, "multiLine");
    if (multi && strcmp(multi->value, "true") == 0) {
        /* csv: univocity reads a file whole (cm_csv_ml.h), lineSep its separator
           (CSVOptions.asParserSettings), which the byte reader takes in ASCII only */
        const SOption *sep = soptions_find(&src->options, "lineSep");
        bool ascii = true;
        for (const char *c = sep ? sep->value : ""; *c; c++)
            ascii &= (unsigned char)*c < 0x80;
        if (strcmp(src->format, "csv") == 0 && !ascii)
            diag_error(sc->diag, sep->value_span,
                       "a lineSep that is not ASCII with multiLine = true for csv is not "
                       "supported yet");
        r->whole = true;
    }
}

void sema_sink_write_options(SemaCtx *sc, const SSink *sink)
{
    const char *fmt;
    bool never;
    ntz_pattern(sc, &sink->options, false, &fmt, &never);
}

/* ==== from_json and to_json (JsonToStructs, StructsToJson) ==== */

/* The JSONOptions keys the functions read, in their canonical spelling (JSONOptions takes a
   CaseInsensitiveMap; other keys are ignored, as Spark ignores them): whether JSONOptions
   reads it with Scala's toBoolean when it is made, and whether sluice refuses it for now
   (JF_NOT_YET: any value).  from_json reads with the parser switches (the text's normal form,
   codegen/cg_from_json.c); to_json's generator, and from_json, ignore the inference options. */
enum { JF_BOOL = 1, JF_NOT_YET = 2 };
static const struct {
    const char *key;
    int flags;
} json_fn_keys[] = {
    {"timestampFormat", 0},
    {"dateFormat", 0},
    {"mode", 0},
    {"columnNameOfCorruptRecord", 0},
    {"ignoreNullFields", JF_BOOL},
    {"pretty", JF_BOOL},
    {"timestampNTZFormat", 0},
    {"timeZone", JF_NOT_YET},
    {"allowComments", JF_BOOL},
    {"allowUnquotedFieldNames", JF_BOOL},
    {"allowSingleQuotes", JF_BOOL},
    {"allowNumericLeadingZeros", JF_BOOL},
    {"allowNonNumericNumbers", JF_BOOL},
    {"allowBackslashEscapingAnyCharacter", JF_BOOL},
    {"allowUnquotedControlChars", JF_BOOL},
    {"primitivesAsString", JF_BOOL},
    {"prefersDecimal", JF_BOOL},
    {"dropFieldIfAllNull", JF_BOOL},
    {"enableDateTimeParsingFallback", JF_BOOL | JF_NOT_YET},
    {"writeNonAsciiCharacterAsCodePoint", JF_BOOL | JF_NOT_YET},
};

#define N_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *canonical_json_key(const char *key)
{
    for (int i = 0; i < N_OF(json_fn_keys); i++)
        if (strcasecmp(key, json_fn_keys[i].key) == 0)
            return json_fn_keys[i].key;
    return key;
}

/* map(k1, v1, ...) of constant strings as options (a later key replaces an earlier one, as
   ArrayBasedMapData.toScalaMap); false after Spark's message for anything else. */
static bool json_fn_map(Binder *b, const SExpr *m, const AstExpr *at, SOptions *out)
{
    SemaCtx *sc = b->sc;
    if (m->kind != SX_CALL || m->u.call.fn != FN_MAP) { /* ExprUtils.convertToMapData */
        diag_error(sc->diag, at->span,
                   "[INVALID_OPTIONS.NON_MAP_FUNCTION] Invalid options: Must use the `map()` "
                   "function for options.");
        return false;
    }
    if (m->type->key->kind != TY_STRING || m->type->elem->kind != TY_STRING) {
        diag_error(sc->diag, at->span,
                   "[INVALID_OPTIONS.NON_STRING_TYPE] Invalid options: A type of keys and values "
                   "in `map()` must be string, but got \"%s\".",
                   sema_map_sql_type(sc->arena, m->type));
        return false;
    }
    int n = m->u.call.n_args / 2;
    out->items = ARENA_NEW_N(sc->arena, SOption, n ? n : 1);
    out->n = 0;
    for (int i = 0; i < n; i++) {
        const SExpr *k = m->u.call.args[2 * i], *v = m->u.call.args[2 * i + 1];
        if (!sema_fn_is_string_const(k) || !sema_fn_is_string_const(v)) {
            /* Spark evaluates the map when it builds the function: a column fails there
               (Cannot evaluate expression), a NULL with a NullPointerException */
            diag_error(sc->diag, (sema_fn_is_string_const(k) ? v : k)->span,
                       "Invalid options: the keys and values of `map()` must be constant "
                       "strings, not NULL");
            return false;
        }
        const char *key = canonical_json_key(k->u.value.s);
        SOption *o = (SOption *)soptions_find(out, key);
        if (!o)
            o = &out->items[out->n++];
        *o = (SOption){.key = key, .value = v->u.value.s, .span = k->span, .value_span = v->span};
    }
    return true;
}

bool sema_scala_bool(SemaCtx *sc, SOption *o)
{
    if (strcasecmp(o->value, "true") != 0 && strcasecmp(o->value, "false") != 0) {
        diag_error(sc->diag, o->value_span, "For input string: \"%s\"", o->value);
        return false;
    }
    o->value = strcasecmp(o->value, "true") == 0 ? "true" : "false";
    return true;
}

/* Each option given that JSONOptions reads: a boolean one must be Scala's StringOps.toBoolean
   (true or false in any case), and one sluice does not read yet is refused; false after the
   message. */
static bool json_fn_keys_ok(SemaCtx *sc, SFunc fn, SOptions *opts)
{
    for (int i = 0; i < N_OF(json_fn_keys); i++) {
        SOption *o = (SOption *)soptions_find(opts, json_fn_keys[i].key);
        int flags = json_fn_keys[i].flags;
        if (!o)
            continue;
        if ((flags & JF_BOOL) && !sema_scala_bool(sc, o))
            return false;
        if (flags & JF_NOT_YET) {
            diag_error(sc->diag, o->span, "%s option '%s' = '%s' is not supported yet",
                       sema_func_name(fn), o->key, o->value);
            return false;
        }
    }
    return true;
}

/* JsonToStructs.parser: the mode (ParseMode.fromString: an unknown name is PERMISSIVE) and
   the corrupt-record field (ExprUtils.verifyColumnNameOfCorruptRecord). */
static bool from_json_options(SemaCtx *sc, const SOptions *opts, const Type *rt, SrcSpan at,
                              SJsonFnOpts *r)
{
    datetime_pattern(sc, opts, "timestampFormat", true, &r->read.ts_fmt, &r->read.ts_never);
    datetime_pattern(sc, opts, "dateFormat", true, &r->read.date_fmt, &r->read.date_never);
    ntz_pattern(sc, opts, true, &r->read.ntz_fmt, &r->read.ntz_never);
    const SOption *mode = soptions_find(opts, "mode");
    if (mode && strcasecmp(mode->value, "DROPMALFORMED") == 0) {
        diag_error(sc->diag, mode->value_span,
                   "from_json() doesn't support the DROPMALFORMED mode. Acceptable modes are "
                   "PERMISSIVE and FAILFAST.");
        return false;
    }
    r->failfast = mode && strcasecmp(mode->value, "FAILFAST") == 0;
    r->read.json_flags = cm_json_opt_flags(soption_value, opts); /* JacksonParser's factory */
    /* spark.sql.columnNameOfCorruptRecord's default */
    r->corrupt = text_opt(opts, "columnNameOfCorruptRecord", "_corrupt_record");
    for (int i = 0; rt->kind == TY_STRUCT && i < rt->n_fields; i++)
        if (strcmp(rt->fields[i].name, r->corrupt) == 0 && rt->fields[i].type->kind != TY_STRING) {
            const SOption *o = soptions_find(opts, "columnNameOfCorruptRecord");
            diag_error(sc->diag, o ? o->value_span : at,
                       "The field for corrupt records must be string type and nullable");
            return false;
        }
    return true;
}

const SJsonFnOpts *sema_json_fn_options(Binder *b, SFunc fn, const Type *rt, const SExpr *opts_arg,
                                        const AstExpr *at)
{
    SemaCtx *sc = b->sc;
    SOptions opts = {0};
    if (opts_arg && !json_fn_map(b, opts_arg, at, &opts))
        return NULL;
    if (!json_fn_keys_ok(sc, fn, &opts))
        return NULL;
    SJsonFnOpts *r = ARENA_NEW(sc->arena, SJsonFnOpts);
    memset(r, 0, sizeof *r);
    int errs = diag_errors(sc->diag);
    if (fn == FN_FROM_JSON) {
        if (!from_json_options(sc, &opts, rt, at->span, r))
            return NULL;
    } else { /* JacksonGenerator: the write patterns, ignoreNullFields, pretty */
        bool never;
        datetime_pattern(sc, &opts, "timestampFormat", false, &r->ts_write, &never);
        datetime_pattern(sc, &opts, "dateFormat", false, &r->date_write, &never);
        ntz_pattern(sc, &opts, false, &r->ntz_write, &never);
        const SOption *nulls = soptions_find(&opts, "ignoreNullFields");
        r->write_nulls = nulls && strcmp(nulls->value, "false") == 0;
        r->pretty = bool_opt(&opts, "pretty");
    }
    return diag_errors(sc->diag) > errs ? NULL : r;
}
