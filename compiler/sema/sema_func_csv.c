/* sema_func_csv.c - the CSV and schema functions of functions.def (Spark 3.5's
** csvExpressions.scala and jsonExpressions.scala): from_csv and to_csv (CsvToStructs,
** StructsToCsv) typed, their options checked and folded into a BIGINT constant in args[1]
** (sema.h's SCSV_*) for codegen; schema_of_json and schema_of_csv (SchemaOfJson,
** SchemaOfCsv) evaluated here, as Spark folds them, into the STRING constant of the type
** they infer (sema_infer.c), written as DataType.sql writes it: so
** from_json(j, schema_of_json('...')) has a literal schema.
**
** Options are a map() of string literals (ExprUtils.convertToMapData; keys case-insensitive,
** as CaseInsensitiveMap reads them, the last of two spellings winning).  Each function takes
** the few listed below; any other option is refused as not supported yet.
*/
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "sema/sema_int.h"

/* ==== Options ==== */

/* The options a function takes, canonical spelling first; "delimiter" is read as "sep" unless
   both are given (CSVOptions: sep, else delimiter). */
static const char *const from_csv_keys[] = {
    "sep", "delimiter", "quote", "escape", "mode", "columnNameOfCorruptRecord", "multiLine", NULL};
static const char *const to_csv_keys[] = {
    "sep", "delimiter", "quote", "escape", "ignoreLeadingWhiteSpace", "ignoreTrailingWhiteSpace",
    NULL};
static const char *const schema_of_csv_keys[] = {"sep", "delimiter", "quote", "escape", NULL};
/* SchemaOfJson: JSONOptions' parser switches (buildJsonFactory) and what JsonInferSchema reads
   (all booleans) */
static const char *const schema_of_json_keys[] = {"allowComments",
                                                  "allowUnquotedFieldNames",
                                                  "allowSingleQuotes",
                                                  "allowNumericLeadingZeros",
                                                  "allowNonNumericNumbers",
                                                  "allowBackslashEscapingAnyCharacter",
                                                  "allowUnquotedControlChars",
                                                  "primitivesAsString",
                                                  "prefersDecimal",
                                                  "dropFieldIfAllNull",
                                                  NULL};

static const char *canonical_key(const char *const *keys, const char *k)
{
    for (int i = 0; keys[i]; i++)
        if (strcasecmp(keys[i], k) == 0)
            return strcmp(keys[i], "delimiter") == 0 ? "sep" : keys[i];
    return NULL;
}

/* One option into out: a later spelling of the same key replaces it, "delimiter" never
   replaces a "sep". */
static void put_option(Arena *a, SOptions *out, const char *key, const char *written,
                       const SExpr *k, const SExpr *v)
{
    SOption *o = (SOption *)soptions_find(out, key);
    if (o && strcasecmp(written, "delimiter") == 0)
        return;
    if (!o) {
        SOption *items = ARENA_NEW_N(a, SOption, out->n + 1);
        if (out->n)
            memcpy(items, out->items, sizeof(SOption) * (size_t)out->n);
        out->items = items;
        o = &out->items[out->n++];
    }
    *o = (SOption){key, v->u.value.s, span_join(k->span, v->span), v->span, false};
}

/* The options map m of fn (at: its AST) into out; false after an error. */
static bool read_options(Binder *b, SFunc fn, const AstExpr *at, const SExpr *m,
                         const char *const *keys, SOptions *out)
{
    const char *name = sema_func_name(fn);
    if (m->kind != SX_CALL || m->u.call.fn != FN_MAP) {
        diag_error(b->sc->diag, at->span,
                   "[INVALID_OPTIONS.NON_MAP_FUNCTION] Invalid options: Must use the `map()` "
                   "function for options.");
        return false;
    }
    if (m->u.call.n_args && (m->type->key->kind != TY_STRING || m->type->elem->kind != TY_STRING)) {
        diag_error(b->sc->diag, at->span,
                   "[INVALID_OPTIONS.NON_STRING_TYPE] Invalid options: A type of keys and values "
                   "in `map()` must be string, but got \"%s\".",
                   sema_map_sql_type(b->sc->arena, m->type));
        return false;
    }
    for (int i = 0; i + 1 < m->u.call.n_args; i += 2) {
        const SExpr *k = m->u.call.args[i], *v = m->u.call.args[i + 1];
        if (!sema_fn_is_string_const(k) || !sema_fn_is_string_const(v)) {
            diag_error(b->sc->diag, sema_fn_is_string_const(k) ? v->span : k->span,
                       "%s options other than string literals are not supported yet", name);
            return false;
        }
        for (int j = 0; j < i; j += 2)
            if (strcmp(m->u.call.args[j]->u.value.s, k->u.value.s) == 0) {
                diag_error(b->sc->diag, k->span,
                           "[DUPLICATED_MAP_KEY] Duplicate map key %s was found, please check "
                           "the input data. If you want to remove the duplicated keys, you can "
                           "set \"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key "
                           "inserted at last takes precedence.",
                           k->u.value.s);
                return false;
            }
        const char *key = canonical_key(keys, k->u.value.s);
        if (!key) {
            diag_error(b->sc->diag, k->span, "%s option '%s' is not supported yet", name,
                       k->u.value.s);
            return false;
        }
        put_option(b->sc->arena, out, key, k->u.value.s, k, v);
    }
    return true;
}

/* CSVOptions.getBool: true or false, in any case. */
static bool bool_option(Binder *b, const SOptions *o, const char *key, bool dflt, bool *ok)
{
    const SOption *v = soptions_find(o, key);
    if (!v)
        return dflt;
    if (strcasecmp(v->value, "true") == 0 || strcasecmp(v->value, "false") == 0)
        return strcasecmp(v->value, "true") == 0;
    diag_error(b->sc->diag, v->value_span, "%s flag can be true or false.", key);
    *ok = false;
    return dflt;
}

/* The folded options: a BIGINT constant (sema.h's SCSV_*). */
static SExpr *style_const(Binder *b, const int chars[3], int64_t more, SrcSpan span)
{
    SExpr *c = sema_new_expr(b->sc, SX_CONST, &type_bigint, span);
    c->u.value.i = (int64_t)chars[0] << SCSV_SEP_SHIFT | (int64_t)chars[1] << SCSV_QUOTE_SHIFT |
                   (int64_t)chars[2] << SCSV_ESC_SHIFT | more;
    return c;
}

/* ==== from_csv and to_csv ==== */

/* CsvToStructs's schema (ExprUtils.evalSchemaExpr): a STRUCT. */
static const Type *from_csv_schema(Binder *b, const AstExpr *at, const SExpr *schema)
{
    const Type *t = sema_fn_ddl_type(b, at, schema, "from_csv");
    if (t && t->kind != TY_STRUCT) {
        diag_error(b->sc->diag, at->span,
                   "[INVALID_SCHEMA.NON_STRUCT_TYPE] The input schema \"%s\" is not a valid "
                   "schema string. The input expression should be evaluated to struct type, but "
                   "got \"%s\".",
                   sema_expr_sql(b->sc, b->blk, at), sema_map_sql_type(b->sc->arena, t));
        return NULL;
    }
    return t;
}

/* The parse mode and the corrupt-record field of from_csv: its index, -1 when the schema has
   none, -2 after an error. */
static int from_csv_corrupt(Binder *b, const SOptions *o, const Type *t, SrcSpan at)
{
    const SOption *mode = soptions_find(o, "mode");
    if (mode && strcasecmp(mode->value, "DROPMALFORMED") == 0) {
        /* CsvToStructs.parser: QueryCompilationErrors.parseModeUnsupportedError */
        diag_error(b->sc->diag, mode->value_span,
                   "from_csv() doesn't support the DROPMALFORMED mode. Acceptable modes are "
                   "PERMISSIVE and FAILFAST.");
        return -2;
    }
    if (mode && strcasecmp(mode->value, "FAILFAST") == 0) {
        diag_error(b->sc->diag, mode->value_span,
                   "from_csv's FAILFAST mode is not supported yet (PERMISSIVE is)");
        return -2;
    }
    const SOption *c = soptions_find(o, "columnNameOfCorruptRecord");
    const char *name = c ? c->value : "_corrupt_record";
    for (int i = 0; i < t->n_fields; i++) {
        if (strcmp(t->fields[i].name, name) != 0)
            continue;
        if (t->fields[i].type->kind != TY_STRING) { /* ExprUtils.verifyColumnNameOfCorruptRecord */
            diag_error(b->sc->diag, at,
                       "The field for corrupt records must be string type and nullable");
            return -2;
        }
        return i;
    }
    return -1;
}

/* multiLine: false is Spark's default; true only turns on univocity's line separator
   detection (CSVOptions.asParserSettings: setLineSeparatorDetectionEnabled), which CsvToStructs'
   parser, one per task, runs on the first value it parses (parseLine keeps its reader, and
   what it found, for the values after), so a value's fields depend on which value came first. */
static bool from_csv_multiline(Binder *b, const SOptions *o)
{
    bool ok = true;
    if (!bool_option(b, o, "multiLine", false, &ok))
        return ok;
    diag_error(b->sc->diag, soptions_find(o, "multiLine")->value_span,
               "from_csv with multiLine = true is not supported yet (univocity then takes the "
               "line separator from the first value a task parses)");
    return false;
}

static bool type_from_csv(Binder *b, const AstExpr *e, SExpr **args, int n, const Type **rt,
                          int *bad, const char **want)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    const Type *t = from_csv_schema(b, asts[1], args[1]);
    SOptions o = {NULL, 0};
    int chars[3];
    if (!t || (n > 2 && !read_options(b, FN_FROM_CSV, asts[2], args[2], from_csv_keys, &o)) ||
        !sema_csv_chars(b->sc, &o, chars))
        return false;
    int corrupt = from_csv_corrupt(b, &o, t, asts[1]->span);
    if (corrupt == -2 || !from_csv_multiline(b, &o))
        return false;
    for (int i = 0; i < t->n_fields; i++) {
        const Type *ft = t->fields[i].type;
        if (i == corrupt || type_is_csv_field(ft))
            continue;
        const char *ty = sema_map_sql_type(b->sc->arena, ft);
        if (type_is_nested(ft)) /* UnivocityParser.makeConverter throws when it builds */
            diag_error(b->sc->diag, asts[1]->span,
                       "from_csv: field '%s' is %s: a CSV field is one atomic value",
                       t->fields[i].name, ty);
        else
            diag_error(b->sc->diag, asts[1]->span,
                       "from_csv of a field of type %s ('%s') is not supported yet", ty,
                       t->fields[i].name);
        return false;
    }
    if (!(args[0] = sema_fn_string_only_arg(b, args[0])))
        *bad = 0, *want = "\"STRING\""; /* CsvToStructs: ExpectsInputTypes StringType */
    for (int i = 1; i < n; i++)
        args[i] =
            style_const(b, chars, (int64_t)(corrupt + 1) << SCSV_CORRUPT_SHIFT, asts[i]->span);
    *rt = t;
    return true;
}

/* StructsToCsv: a STRUCT of atomic fields (UnivocityGenerator writes another field's Java
   toString, which Spark 3.5 leaves as the object's default text). */
static bool type_to_csv(Binder *b, const AstExpr *e, SExpr **args, int n, const Type **rt, int *bad,
                        const char **want)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    SOptions o = {NULL, 0};
    int chars[3];
    bool ok = true;
    *rt = &type_string;
    if (args[0]->type->kind != TY_STRUCT) {
        *bad = 0, *want = "\"STRUCT\""; /* StructsToCsv: ExpectsInputTypes StructType */
        return true;
    }
    const Type *t = args[0]->type;
    for (int i = 0; i < t->n_fields; i++) {
        const Type *ft = t->fields[i].type;
        if (type_is_csv_field(ft) || ft->kind == TY_NULL)
            continue;
        diag_error(b->sc->diag, asts[0]->span,
                   "to_csv of a struct with a field of type %s ('%s') is not supported yet",
                   sema_map_sql_type(b->sc->arena, ft), t->fields[i].name);
        return false;
    }
    if ((n > 1 && !read_options(b, FN_TO_CSV, asts[1], args[1], to_csv_keys, &o)) ||
        !sema_csv_chars(b->sc, &o, chars))
        return false;
    for (int i = 1; i < 3; i++)
        if (chars[i] == 0xFF) {
            const SOption *q = soptions_find(&o, i == 1 ? "quote" : "escape");
            diag_error(b->sc->diag, q->value_span,
                       "to_csv with an empty %s (no %s character) is not supported yet", q->key,
                       q->key);
            return false;
        }
    int64_t trim = (int64_t)bool_option(b, &o, "ignoreLeadingWhiteSpace", true, &ok)
                       << SCSV_TRIM_LEADING_BIT |
                   (int64_t)bool_option(b, &o, "ignoreTrailingWhiteSpace", true, &ok)
                       << SCSV_TRIM_TRAILING_BIT;
    if (n > 1)
        args[1] = style_const(b, chars, trim, asts[1]->span);
    return ok;
}

bool sema_type_csv_fn(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n, const Type **rt,
                      int *bad, const char **want)
{
    return fn == FN_FROM_CSV ? type_from_csv(b, e, args, n, rt, bad, want)
                             : type_to_csv(b, e, args, n, rt, bad, want);
}

/* ==== schema_of_json and schema_of_csv ==== */

/* QuotingUtils.quoteIfNeeded: a name of letters, digits and '_' that is not all digits as it
   is, else between backquotes (doubled inside). */
static void put_name(StrBuf *sb, const char *name)
{
    bool plain = *name != '\0', digits = true;
    for (const char *p = name; *p; p++) {
        plain = plain && (isalnum((unsigned char)*p) || *p == '_');
        digits = digits && isdigit((unsigned char)*p);
    }
    if (plain && !digits)
        sb_puts(sb, name);
    else
        sb_put_backquoted(sb, name);
}

/* DataType.sql (StructField.sql: quoteIfNeeded(name): type): STRUCT<a: BIGINT, `b c`:
   ARRAY<STRING>>. */
static void put_sql(StrBuf *sb, const Type *t)
{
    if (t->kind == TY_STRUCT) {
        sb_puts(sb, "STRUCT<");
        for (int i = 0; i < t->n_fields; i++) {
            if (i)
                sb_puts(sb, ", ");
            put_name(sb, t->fields[i].name);
            sb_puts(sb, ": ");
            put_sql(sb, t->fields[i].type);
        }
        sb_putc(sb, '>');
    } else if (t->kind == TY_ARRAY) {
        sb_puts(sb, "ARRAY<");
        put_sql(sb, t->elem);
        sb_putc(sb, '>');
    } else {
        sb_puts(sb, type_sql_name(sb->arena, t));
    }
}

/* Foldable (Expression.foldable): no column, aggregate, window, generator or lambda
   variable inside. */
static SWalk foldable_node(const SExpr *x, void *ctx)
{
    (void)ctx;
    switch (x->kind) {
    case SX_COLUMN:
    case SX_GROUP_REF:
    case SX_AGG_REF:
    case SX_WINDOW:
    case SX_EXPLODE:
    case SX_LAMBDA_VAR:
        return WALK_ABORT;
    case SX_CONST:
    case SX_FIELD:
    case SX_INDEX:
    case SX_NOT:
    case SX_NEG:
    case SX_CAST:
    case SX_ARITH:
    case SX_CMP:
    case SX_AND:
    case SX_OR:
    case SX_CONCAT:
    case SX_IS_NULL:
    case SX_LIKE:
    case SX_IN:
    case SX_CASE:
    case SX_CALL:
        return WALK_CONTINUE;
    }
    return WALK_ABORT;
}

bool sema_foldable(const SExpr *x)
{
    return sema_walk_expr(x, foldable_node, NULL);
}

/* SchemaOfJson/SchemaOfCsv.checkInputDataTypes: the input a foldable, non-NULL STRING. */
static bool schema_input_ok(Binder *b, const AstExpr *e, const char *input, const SExpr *x)
{
    const AstExpr *at = e->u.call.args.items[0];
    if (!sema_foldable(x))
        return sema_mismatch(b, e, at->span, "NON_FOLDABLE_INPUT",
                             sema_non_foldable_msg(b, input,
                                                   sema_map_sql_type(b->sc->arena, x->type),
                                                   sema_expr_sql(b->sc, b->blk, at), false));
    if (x->kind == SX_CONST && x->u.value.is_null)
        return sema_mismatch(b, e, at->span, "UNEXPECTED_NULL",
                             arena_sprintf(b->sc->arena, "The %s must not be null.", input));
    if (x->type->kind != TY_STRING) {
        sema_unexpected_input_type(b, e, 0, "\"STRING\"", x->type);
        return false;
    }
    if (x->kind != SX_CONST) {
        diag_error(b->sc->diag, at->span,
                   "%s of a constant expression other than a string literal is not supported "
                   "yet",
                   e->u.call.name);
        return false;
    }
    return true;
}

SExpr *sema_bind_schema_of(Binder *b, const AstExpr *e, SFunc fn, SExpr **args)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    bool json = fn == FN_SCHEMA_OF_JSON;
    SOptions o = {NULL, 0};
    int chars[3];
    if (!schema_input_ok(b, e, json ? "json" : "csv", args[0]) ||
        (e->u.call.args.n > 1 &&
         !read_options(b, fn, asts[1], args[1], json ? schema_of_json_keys : schema_of_csv_keys,
                       &o)) ||
        (!json && !sema_csv_chars(b->sc, &o, chars)))
        return NULL;
    const SValue *v = &args[0]->u.value;
    const Type *t;
    if (json) {
        SReadOpts ro = {0};
        const char *why;
        for (int i = 0; i < o.n; i++) /* JSONOptions reads each with Scala's toBoolean */
            if (!sema_scala_bool(b->sc, &o.items[i]))
                return NULL;
        sema_json_options(&o, &ro);
        if (!(t = sema_infer_json_value(b->sc, v->s, v->n, &ro, &why))) {
            diag_error(b->sc->diag, asts[0]->span, "%s",
                       why ? why
                           : "schema_of_json: the input is not valid JSON (Spark fails with "
                             "Jackson's parse error)");
            return NULL;
        }
    } else {
        if (v->n == 0) { /* CsvParser.parseLine gives no record */
            diag_error(b->sc->diag, asts[0]->span,
                       "assertion failed: Parsed CSV record should not be null.");
            return NULL;
        }
        t = sema_infer_csv_record(b->sc, v->s, v->n, chars);
    }
    StrBuf sb;
    sb_init(&sb, b->sc->arena);
    put_sql(&sb, t);
    SExpr *r = sema_new_expr(b->sc, SX_CONST, &type_string, e->span);
    r->u.value.s = sb.data;
    r->u.value.n = (uint32_t)strlen(sb.data);
    return r;
}
