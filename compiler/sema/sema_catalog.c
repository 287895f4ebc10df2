/* sema_catalog.c - CREATE SOURCE/TABLE/SINK and the WITH options of sources, sinks and queries.
**
** Options are data: one CmOptSpec table per connector (key, kind of value, required,
** default) in common/cm_connectors.c, shared with the runtime, so a new connector is one
** spec there plus its implementation.  Keys
** match case-insensitively and are stored with the table's spelling; values are
** stored as text in canonical form (true/false, json, PERMISSIVE), followed by
** the defaults of options that were not written (SOption.is_default).
** Must not: look at files or the network (a path is checked when the query runs).
*/
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/cm_interval.h"
#include "common/cm_connectors.h"
#include "sema/sema_int.h"

/* ==== Option tables ==== */

/* The connector specs and query options are common/cm_connectors.c's: the runtime finds
   its implementations by the same names. */

static const char *role_word(unsigned role)
{
    return role == CM_ROLE_SINK ? "sink" : role == CM_ROLE_TABLE ? "table" : "source";
}

/* "files, ..." of the connectors usable in a role. */
static const char *connector_list(SemaCtx *sc, unsigned role)
{
    StrBuf sb;
    sb_init(&sb, sc->arena);
    for (int i = 0; i < cm_n_connectors; i++) {
        if (!(cm_connectors[i].roles & role))
            continue;
        if (sb.len)
            sb_puts(&sb, ", ");
        sb_puts(&sb, cm_connectors[i].name);
    }
    return sb.data;
}

/* ==== Option values ==== */

/* The text of an option value; NULL (after an error) if it is not a literal. */
static const char *option_text(SemaCtx *sc, const AstOption *o)
{
    const AstExpr *v = o->value;
    if (v && v->kind == AST_UNARY && v->u.unary.op == UOP_NEG && v->u.unary.arg &&
        (v->u.unary.arg->kind == AST_INT || v->u.unary.arg->kind == AST_DOUBLE)) {
        const AstExpr *a = v->u.unary.arg;
        if (a->kind == AST_INT)
            return arena_sprintf(sc->arena, "-%lld", (long long)a->u.ival);
        return arena_sprintf(sc->arena, "-%.17g", a->u.dval);
    }
    if (v) {
        switch (v->kind) {
        case AST_STRING:
            return v->u.str ? v->u.str : "";
        case AST_INT: /* 9223372036854775808 is read as INT64_MIN (ast.h) */
            return v->u.int_negated ? arena_sprintf(sc->arena, "%lld", (long long)v->u.ival)
                                    : arena_sprintf(sc->arena, "%llu", (unsigned long long)v->u.ival);
        case AST_DOUBLE:
            return arena_sprintf(sc->arena, "%.17g", v->u.dval);
        case AST_BOOL:
            return v->u.ival ? "true" : "false";
        case AST_COLUMN:
            if (v->u.name.n == 1 && v->u.name.parts && v->u.name.parts[0])
                return v->u.name.parts[0];
            break;
        default:
            break;
        }
    }
    diag_error(sc->diag, v ? v->span : o->span,
               "option '%s' expects a literal value such as 'text', 42 or true",
               o->key ? o->key : "?");
    return NULL;
}

/* Is word one of the '|'-separated alternatives (any case)? Returns its canonical spelling. */
static const char *choice_find(SemaCtx *sc, const char *alts, const char *word)
{
    size_t wl = strlen(word);
    for (const char *p = alts; p && *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n == wl && strncasecmp(p, word, n) == 0)
            return arena_strndup(sc->arena, p, n);
        p = bar ? bar + 1 : p + n;
    }
    return NULL;
}

static const char *choice_list(SemaCtx *sc, const char *alts)
{
    StrBuf sb;
    sb_init(&sb, sc->arena);
    for (const char *p = alts; *p; p++) {
        if (*p == '|')
            sb_puts(&sb, ", ");
        else
            sb_putc(&sb, *p);
    }
    return sb.data;
}

static bool parse_pos_int(const char *s)
{
    if (!*s)
        return false;
    for (const char *p = s; *p; p++)
        if (!isdigit((unsigned char)*p))
            return false;
    errno = 0;
    long long v = strtoll(s, NULL, 10);
    return errno == 0 && v > 0 && v <= 2147483647LL;
}

/* java.lang.Integer.parseInt: an optional '+' or '-', then at least one ASCII digit, the value
   within -2^31 .. 2^31-1. */
static bool parse_java_int(const char *s, long long *out)
{
    const char *p = s + (*s == '+' || *s == '-');
    if (!*p)
        return false;
    long long v = 0;
    for (; *p; p++) {
        if (!isdigit((unsigned char)*p))
            return false;
        v = v * 10 + (*p - '0');
        if (v > 2147483648LL)
            return false;
    }
    v = *s == '-' ? -v : v;
    if (v > 2147483647LL)
        return false;
    *out = v;
    return true;
}

/* 0 .. 2^63-1 written with digits only. */
static bool parse_nonneg_int(const char *s)
{
    if (!*s)
        return false;
    for (const char *p = s; *p; p++)
        if (!isdigit((unsigned char)*p))
            return false;
    errno = 0;
    (void)strtoll(s, NULL, 10);
    return errno == 0;
}

/* The canonical text of a trigger value, or NULL after an error (common/cm_interval.c,
   the executable's --trigger rule). */
static const char *trigger_text(SemaCtx *sc, SrcSpan at, const char *v)
{
    static const char *const words[] = {"default", "once", "availableNow"};
    CmTrigger t;
    char msg[512];
    if (cm_trigger_parse(v, &t, msg, sizeof msg) != CM_TRIGGER_OK) {
        diag_error(sc->diag, at, "%s", msg);
        return NULL;
    }
    switch (t.kind) {
    case CM_TRIGGER_DEFAULT:
        if (strcasecmp(v, "default") == 0)
            return words[0];
        break;
    case CM_TRIGGER_INTERVAL: break;
    case CM_TRIGGER_ONCE: return words[1];
    case CM_TRIGGER_AVAILABLE_NOW: return words[2];
    }
    return arena_strdup(sc->arena, v);
}

/* Check one written value against its spec; the canonical text, or NULL after an error. */
static const char *check_value(SemaCtx *sc, const CmOptSpec *spec, const AstOption *o, const char *v)
{
    SrcSpan at = o->value ? o->value->span : o->span;
    const char *canon = v;
    switch (spec->kind) {
    case CM_OPT_STRING:
        if (spec->required && !*v) {
            diag_error(sc->diag, at, "option '%s' must not be empty", spec->key);
            return NULL;
        }
        break;
    case CM_OPT_POS_INT:
    case CM_OPT_PORT:
        if (spec->java_int_nonpos) {
            long long x;
            if (!parse_java_int(v, &x)) {
                diag_error(sc->diag, at, "For input string: \"%s\"", v);
                return NULL;
            }
            if (x <= 0) {
                diag_error(sc->diag, at, "%s", spec->java_int_nonpos);
                return NULL;
            }
            return arena_sprintf(sc->arena, "%lld", x);
        }
        if (!parse_pos_int(v)) {
            diag_error(sc->diag, at,
                       "Invalid value '%s' for option '%s', must be a positive integer", v,
                       spec->key);
            return NULL;
        }
        if (spec->kind == CM_OPT_PORT && strtoll(v, NULL, 10) > 65535) {
            diag_error(sc->diag, at,
                       "Invalid value '%s' for option '%s', must be a port number (1 to 65535)",
                       v, spec->key);
            return NULL;
        }
        break;
    case CM_OPT_NONNEG:
        if (!parse_nonneg_int(v)) {
            diag_error(sc->diag, at,
                       "Invalid value '%s' for option '%s', must be a non-negative integer", v,
                       spec->key);
            return NULL;
        }
        break;
    case CM_OPT_BOOL:
        if (strcasecmp(v, "true") != 0 && strcasecmp(v, "false") != 0 && spec->scala_bool) {
            diag_error(sc->diag, at, "For input string: \"%s\"", v);
            return NULL;
        }
        if (strcasecmp(v, "true") != 0 && strcasecmp(v, "false") != 0) {
            diag_error(sc->diag, at,
                       "Invalid value '%s' for option '%s', must be 'true' or 'false'", v,
                       spec->key);
            return NULL;
        }
        canon = strcasecmp(v, "true") == 0 ? "true" : "false";
        break;
    case CM_OPT_DURATION: {
        int64_t us;
        if (sema_parse_duration(v, &us) != 0 || us < 0) {
            diag_error(
                sc->diag, at,
                "Invalid value '%s' for option '%s', must be a duration such as '7d' or '1 hour'",
                v, spec->key);
            return NULL;
        }
        break;
    }
    case CM_OPT_CHOICE:
        if (spec->conf_check) {
            char msg[512];
            if (cm_conf_choice(spec, v, msg, sizeof msg) < 0) {
                diag_error(sc->diag, at, "%s", msg);
                return NULL;
            }
            break; /* kept as written */
        }
        canon = choice_find(sc, spec->choices, v);
        if (!canon) {
            diag_error(sc->diag, at, "Invalid value '%s' for option '%s', must be one of %s", v,
                       spec->key, choice_list(sc, spec->choices));
            return NULL;
        }
        break;
    case CM_OPT_TRIGGER:
        canon = trigger_text(sc, at, v);
        if (!canon)
            return NULL;
        break;
    }
    if (spec->not_yet && choice_find(sc, spec->not_yet, canon)) {
        if (spec->kind == CM_OPT_BOOL)
            diag_error(sc->diag, at, "%s is not supported yet", spec->key);
        else
            diag_error(sc->diag, at, "%s '%s' is not supported yet", spec->key, canon);
        return NULL;
    }
    return canon;
}

/* ==== Validating a WITH list ==== */

typedef struct OptCheck {
    const CmOptSpec *specs;
    int n_specs;
    const char *what;      /* for unknown keys: "for connector 'files'" or NULL (query) */
    SrcSpan owner_span;    /* where a missing option is reported */
    const char *connector; /* stored first when set */
    const AstOption *connector_opt;
} OptCheck;

static void unknown_option(SemaCtx *sc, const OptCheck *oc, const AstOption *o)
{
    const char *names[64];
    int n = 0;
    for (int i = 0; i < oc->n_specs && n < 64; i++)
        if (!oc->specs[i].refused)
            names[n++] = oc->specs[i].key;
    const char *near = sema_did_you_mean(o->key, names, n);
    for (int i = 0; i < oc->n_specs; i++)
        if (oc->specs[i].spark && strcasecmp(oc->specs[i].spark, o->key) == 0)
            near = oc->specs[i].key;
    StrBuf hint;
    sb_init(&hint, sc->arena);
    if (near) {
        sb_printf(&hint, "did you mean '%s'?", near);
    } else {
        sb_puts(&hint, "valid: ");
        for (int i = 0; i < n; i++)
            sb_printf(&hint, "%s%s", i ? ", " : "", names[i]);
    }
    if (oc->what)
        diag_error(sc->diag, o->key_span, "unknown option '%s' %s (%s)", o->key, oc->what,
                   hint.data);
    else
        diag_error(sc->diag, o->key_span, "unknown query option '%s' (%s)", o->key, hint.data);
}

/* Validate options[] against a table; fills *out (connector first, then as written, then defaults).
 */
static void check_options(SemaCtx *sc, const OptCheck *oc, const AstOption *options, int n,
                          SOptions *out)
{
    int cap = n + oc->n_specs + 1;
    out->items = ARENA_NEW_N(sc->arena, SOption, cap);
    out->n = 0;
    if (oc->connector) {
        SOption *so = &out->items[out->n++];
        so->key = "connector";
        so->value = oc->connector;
        so->span = oc->connector_opt->span;
        so->value_span =
            oc->connector_opt->value ? oc->connector_opt->value->span : oc->connector_opt->span;
    }
    bool seen[64] = {false};
    int at[64]; /* where out holds the option of spec k */
    bool by_alias[64] = {false};
    for (int i = 0; i < n; i++) {
        const AstOption *o = &options[i];
        if (!o->key || o == oc->connector_opt)
            continue;
        if (oc->connector && strcasecmp(o->key, "connector") == 0) {
            diag_error(sc->diag, o->key_span, "option 'connector' is given twice");
            continue;
        }
        const CmOptSpec *found = cm_opt_find(oc->specs, oc->n_specs, o->key);
        int k = found ? (int)(found - oc->specs) : -1;
        if (k < 0) {
            unknown_option(sc, oc, o);
            continue;
        }
        bool prefix = cm_opt_is_prefix(found);
        bool alias = found->alias && strcasecmp(found->alias, o->key) == 0;
        if (!prefix && seen[k] && alias != by_alias[k]) {
            /* sep and its alias delimiter: Spark reads sep when both are given */
            const char *v = option_text(sc, o);
            const char *canon = v ? check_value(sc, found, o, v) : NULL;
            if (!alias && canon && by_alias[k]) {
                if (at[k] < 0) {
                    at[k] = out->n++;
                    out->items[at[k]].key = found->key;
                }
                SOption *so = &out->items[at[k]];
                so->value = canon;
                so->span = o->span;
                so->value_span = o->value ? o->value->span : o->span;
                by_alias[k] = false;
            }
            continue;
        }
        if (prefix ? soptions_find(out, o->key) != NULL : seen[k]) {
            diag_error(sc->diag, o->key_span, "option '%s' is given twice",
                       prefix ? o->key : oc->specs[k].key);
            continue;
        }
        seen[k] = true;
        by_alias[k] = alias;
        at[k] = -1;
        if (found->refused) {
            diag_error(sc->diag, o->key_span, "%s", found->refused);
            continue;
        }
        const char *v = option_text(sc, o);
        if (!v)
            continue;
        const char *canon = check_value(sc, &oc->specs[k], o, v);
        if (!canon)
            continue;
        at[k] = out->n;
        SOption *so = &out->items[out->n++];
        so->key = prefix ? arena_strdup(sc->arena, o->key) : oc->specs[k].key;
        so->value = canon;
        so->span = o->span;
        so->value_span = o->value ? o->value->span : o->span;
    }
    for (int j = 0; j < oc->n_specs; j++) {
        const CmOptSpec *spec = &oc->specs[j];
        if (seen[j] || cm_opt_is_prefix(spec))
            continue;
        if (spec->required) {
            if (spec->missing)
                diag_error(sc->diag, oc->owner_span, "%s", spec->missing);
            else if (oc->connector)
                diag_error(sc->diag, oc->owner_span, "option '%s' is required for connector '%s'",
                           spec->key, oc->connector);
            else
                diag_error(sc->diag, oc->owner_span, "option '%s' is required", spec->key);
        } else if (spec->def) {
            SOption *so = &out->items[out->n++];
            so->key = spec->key;
            so->value = spec->def;
            so->span = so->value_span = oc->owner_span;
            so->is_default = true;
        }
    }
    /* Groups of which exactly one option must be given (kafka: subscribe | subscribePattern |
       assign), reported with the messages of the group's first row. */
    for (int j = 0; j < oc->n_specs; j++) {
        const CmOptSpec *g = &oc->specs[j];
        bool first = g->one_of != NULL;
        for (int m = 0; first && m < j; m++)
            if (oc->specs[m].one_of && strcmp(oc->specs[m].one_of, g->one_of) == 0)
                first = false;
        if (!first)
            continue;
        int given = 0;
        for (int m = j; m < oc->n_specs; m++)
            if (seen[m] && oc->specs[m].one_of && strcmp(oc->specs[m].one_of, g->one_of) == 0)
                given++;
        if (given == 0 && g->missing)
            diag_error(sc->diag, oc->owner_span, "%s", g->missing);
        else if (given > 1 && g->conflict)
            diag_error(sc->diag, oc->owner_span, "%s", g->conflict);
    }
}

/* Find the connector option and its spec; reports a missing or unknown connector. */
static const CmConnector *find_connector(SemaCtx *sc, const AstStmt *st, unsigned role,
                                           const AstOption **opt_out)
{
    const AstOption *opt = NULL;
    for (int i = 0; i < st->n_options; i++)
        if (st->options[i].key && strcasecmp(st->options[i].key, "connector") == 0) {
            opt = &st->options[i];
            break;
        }
    *opt_out = opt;
    if (!opt) {
        diag_error(sc->diag, st->name_span, "option 'connector' is required for %s '%s'",
                   role_word(role), st->name ? st->name : "?");
        return NULL;
    }
    const char *v = option_text(sc, opt);
    if (!v)
        return NULL;
    const CmConnector *c = cm_connector_find(v, role);
    if (c)
        return c;
    diag_error(sc->diag, opt->value ? opt->value->span : opt->span,
               "unknown connector '%s' (%ss: %s)", v, role_word(role), connector_list(sc, role));
    return NULL;
}

/* ==== CREATE statements ==== */

/* Names of sources, tables and sinks share one namespace (FROM and INSERT INTO would
   otherwise be ambiguous to a reader).  Returns false if the name is taken. */
static bool check_new_name(SemaCtx *sc, const AstStmt *st, unsigned role)
{
    if (!st->name) {
        diag_error(sc->diag, st->span, "%s has no name", role_word(role));
        return false;
    }
    SSource *src = sema_find_source(sc, st->name);
    SSink *sink = sema_find_sink(sc, st->name);
    unsigned old = src ? (src->is_static ? CM_ROLE_TABLE : CM_ROLE_SOURCE) : sink ? CM_ROLE_SINK : 0;
    if (!old)
        return true;
    if (old == role)
        diag_error(sc->diag, st->name_span, "%s '%s' is already defined", role_word(role),
                   st->name);
    else
        diag_error(sc->diag, st->name_span, "'%s' is already defined as a %s", st->name,
                   role_word(old));
    return false;
}

/* A BINARY anywhere in t (the file readers have no BINARY column reader). */
static bool has_binary(const Type *t)
{
    if (t->kind == TY_BINARY)
        return true;
    if (t->kind == TY_ARRAY)
        return has_binary(t->elem);
    if (t->kind == TY_MAP)
        return has_binary(t->key) || has_binary(t->elem);
    for (int i = 0; t->kind == TY_STRUCT && i < t->n_fields; i++)
        if (has_binary(t->fields[i].type))
            return true;
    return false;
}

static void check_columns(SemaCtx *sc, const AstStmt *st, SSource *src)
{
    src->schema.cols = ARENA_NEW_N(sc->arena, SColumn, st->n_columns + 1);
    for (int i = 0; i < st->n_columns; i++) {
        const AstColumnDef *cd = &st->columns[i];
        if (!cd->name || !cd->type)
            continue;
        bool dup = false;
        for (int j = 0; j < src->schema.n; j++)
            if (strcasecmp(src->schema.cols[j].name, cd->name) == 0)
                dup = true;
        if (dup) {
            diag_error(sc->diag, cd->span, "duplicate column '%s' in %s '%s'", cd->name,
                       src->is_static ? "table" : "source", src->name);
            continue;
        }
        if (cd->type->kind == TY_NULL) {
            diag_error(sc->diag, cd->type_span, "type %s cannot be used for a column",
                       type_name(sc->arena, cd->type));
            continue;
        }
        if (has_binary(cd->type)) {
            diag_error(sc->diag, cd->type_span,
                       "type %s cannot be read from files: reading BINARY columns (base64 in "
                       "JSON) is not supported yet",
                       type_name(sc->arena, cd->type));
            continue;
        }
        if (type_has_map(cd->type) && !sema_json_map_keys(cd->type)) {
            diag_error(sc->diag, cd->type_span,
                       "type %s cannot be read from files: a MAP read from JSON has STRING keys",
                       type_name(sc->arena, cd->type));
            continue;
        }
        SColumn *c = &src->schema.cols[src->schema.n++];
        c->name = cd->name;
        c->type = cd->type;
        c->span = cd->span;
    }
}

/*
** WATERMARK FOR col AS col [- INTERVAL 'delay']   (Spark's withWatermark(col, delay))
** The column must be a TIMESTAMP of the source; a month counts as 31 days, as in
** Spark's IntervalUtils.getDuration.
*/
static void check_watermark(SemaCtx *sc, const AstWatermark *wm, SSource *src)
{
    if (src->is_static) {
        diag_error(sc->diag, wm->span, "a static table cannot have a WATERMARK");
        return;
    }
    int col = -1;
    for (int i = 0; wm->column && i < src->schema.n; i++)
        if (strcasecmp(src->schema.cols[i].name, wm->column) == 0)
            col = i;
    if (col < 0) {
        /* withWatermark's UnresolvedAttribute over the source's columns */
        sema_unresolved_schema_column(sc, wm->column_span, wm->column ? wm->column : "?", NULL,
                                      &src->schema);
        return;
    }
    const SColumn *c = &src->schema.cols[col];
    if (c->type->kind != TY_TIMESTAMP) {
        diag_error(sc->diag, wm->column_span,
                   "Event time must be defined on a window or a timestamp, but '%s' is of type %s",
                   c->name, type_name(sc->arena, c->type));
        return;
    }
    const AstExpr *e = wm->expr;
    const AstExpr *lhs = e, *rhs = NULL;
    if (e && e->kind == AST_BINARY && e->u.binary.op == BOP_SUB) {
        lhs = e->u.binary.lhs;
        rhs = e->u.binary.rhs;
    }
    bool same_col = lhs && lhs->kind == AST_COLUMN && lhs->u.name.n == 1 && lhs->u.name.parts &&
                    lhs->u.name.parts[0] && strcasecmp(lhs->u.name.parts[0], c->name) == 0;
    bool delay_ok = !rhs || rhs->kind == AST_INTERVAL || (rhs->kind == AST_STRING && rhs->u.str);
    if (!same_col || !delay_ok) {
        diag_error(sc->diag, e ? e->span : wm->span,
                   "watermark for '%s' must be defined as %s - INTERVAL '<delay>'", c->name,
                   c->name);
        return;
    }
    int64_t months = 0, us = 0;
    if (rhs) {
        if (!sema_duration_literal(sc, rhs, &months, &us))
            return;
        us += months * 31 * 86400000000LL;
        if (us < 0) {
            diag_error(sc->diag, rhs->span, "delay threshold (%s) should not be negative.",
                       sema_duration_text(rhs));
            return;
        }
    }
    SWatermark *w = ARENA_NEW(sc->arena, SWatermark);
    w->column = col;
    w->delay_us = us;
    w->span = wm->span;
    src->watermark = w;
}

/* A connector's fixed schema (cm_connectors.c: rate and rate-micro-batch timestamp, value;
   socket value[, timestamp with includeTimestamp = true]; kafka's columns[, headers with
   includeHeaders = true]): a column list is refused with
   Spark's message; one holding only a WATERMARK is allowed.  Returns false for connectors
   without one. */
static bool fixed_schema(SemaCtx *sc, SSource *src, const AstStmt *st, const CmConnector *cs)
{
    if (!cs->cols)
        return false;
    if (st->n_columns > 0)
        diag_error(sc->diag, st->name_span,
                   "The %s source does not support a user-specified schema.", cs->name);
    SColumn *cols = ARENA_NEW_N(sc->arena, SColumn, cs->n_cols);
    int n = 0;
    for (int i = 0; i < cs->n_cols; i++) {
        const CmFixedCol *fc = &cs->cols[i];
        if (fc->when) {
            const SOption *on = soptions_find(&src->options, fc->when);
            if (!on || strcmp(on->value, "true") != 0)
                continue;
        }
        const Type *t = NULL;
        switch (fc->type) {
        case CM_COL_STRING: t = &type_string; break;
        case CM_COL_BIGINT: t = &type_bigint; break;
        case CM_COL_TIMESTAMP: t = &type_timestamp; break;
        case CM_COL_BINARY: t = &type_binary; break;
        case CM_COL_INT: t = &type_int; break;
        case CM_COL_HEADERS: {
            static const TypeField kv[] = {{"key", &type_string}, {"value", &type_binary}};
            t = type_array(sc->arena, type_struct(sc->arena, 2, kv));
            break;
        }
        }
        cols[n++] = (SColumn){fc->name, t, st->name_span, fc->never_null};
    }
    src->schema.cols = cols;
    src->schema.n = n;
    return true;
}

/* CREATE SOURCE name [(columns [, WATERMARK ...])] WITH (options)
   CREATE TABLE name (columns) WITH (options) */
void sema_create_source(SemaCtx *sc, const AstStmt *st)
{
    bool fixed = false;
    unsigned role = st->kind == STMT_CREATE_TABLE ? CM_ROLE_TABLE : CM_ROLE_SOURCE;
    bool fresh = check_new_name(sc, st, role);
    SSource *src = ARENA_NEW(sc->arena, SSource);
    src->name = st->name ? st->name : "?";
    src->span = st->name_span;
    src->is_static = role == CM_ROLE_TABLE;
    check_columns(sc, st, src);

    const AstOption *copt;
    const CmConnector *cs = find_connector(sc, st, role, &copt);
    if (cs) {
        src->connector = cs->name;
        char what[64];
        snprintf(what, sizeof what, "for connector '%s'", cs->name);
        OptCheck oc = {cs->opts, cs->n_opts, what, st->name_span, cs->name, copt};
        check_options(sc, &oc, st->options, st->n_options, &src->options);
        const SOption *fmt = soptions_find(&src->options, "format");
        src->format = fmt ? fmt->value : NULL;
        /* format options, text's fixed schema, the schema requirement, inferSchema */
        if (strcmp(cs->name, "files") == 0) {
            sema_read_options(sc, src); /* before inference, which reads as the reader */
            sema_files_schema(sc, src, st);
        }
        fixed = fixed_schema(sc, src, st, cs);
    }
    if (st->has_columns && st->n_columns == 0 && !fixed)
        diag_error(sc->diag, st->name_span, "%s '%s' must have at least one column",
                   role_word(role), src->name);
    if (st->watermark)
        check_watermark(sc, st->watermark, src);
    if (fresh) {
        src->index = sc->sources.n;
        ptrvec_push(sc->arena, &sc->sources, src);
    }
}

/* CREATE SINK name WITH (options) */
void sema_create_sink(SemaCtx *sc, const AstStmt *st)
{
    bool fresh = check_new_name(sc, st, CM_ROLE_SINK);
    SSink *sink = ARENA_NEW(sc->arena, SSink);
    sink->name = st->name ? st->name : "?";
    sink->span = st->name_span;
    if (st->has_columns)
        diag_error(sc->diag, st->name_span,
                   "a sink takes no column list: its columns are those of the query");
    const AstOption *copt;
    const CmConnector *cs = find_connector(sc, st, CM_ROLE_SINK, &copt);
    if (cs) {
        sink->connector = cs->name;
        char what[64];
        snprintf(what, sizeof what, "for connector '%s'", cs->name);
        OptCheck oc = {cs->sink_opts, cs->n_sink_opts, what, st->name_span, cs->name, copt};
        check_options(sc, &oc, st->options, st->n_options, &sink->options);
        if (strcmp(cs->name, "files") == 0)
            sema_sink_write_options(sc, sink);
    }
    if (fresh) {
        sink->index = sc->sinks.n;
        ptrvec_push(sc->arena, &sc->sinks, sink);
    }
}

SSink *sema_show_sink(SemaCtx *sc, const AstStmt *st)
{
    const CmConnector *cs = cm_connector_find("console", CM_ROLE_SINK);
    int k = 1;
    for (int i = 0; i < sc->queries.n; i++)
        k += ((const SQuery *)sc->queries.items[i])->show;
    SSink *sink = ARENA_NEW(sc->arena, SSink);
    sink->name = arena_sprintf(sc->arena, "show_%d", k);
    sink->span = st->name_span;
    sink->connector = cs->name;
    OptCheck oc = {cs->sink_opts, cs->n_sink_opts, "for a SELECT statement (show)", st->name_span,
                   NULL, NULL};
    SOptions opts;
    check_options(sc, &oc, st->options, st->n_options, &opts);
    /* connector first, as check_options stores it for a CREATE SINK */
    sink->options.items = ARENA_NEW_N(sc->arena, SOption, opts.n + 1);
    sink->options.items[0] = (SOption){.key = "connector", .value = cs->name, .span = st->span,
                                       .value_span = st->span, .is_default = true};
    memcpy(sink->options.items + 1, opts.items, sizeof *opts.items * (size_t)opts.n);
    sink->options.n = opts.n + 1;
    sink->index = sc->sinks.n;
    ptrvec_push(sc->arena, &sc->sinks, sink);
    return sink;
}

/* ==== Query options ==== */

/* WITH (name = .., outputMode = .., trigger = .., checkpointLocation = ..) of an INSERT. */
void sema_query_options(SemaCtx *sc, SQuery *q, const AstStmt *st)
{
    OptCheck oc = {cm_query_opts, cm_n_query_opts, NULL, st->span, NULL, NULL};
    check_options(sc, &oc, st->options, st->n_options, &q->options);
    const SOption *o = soptions_find(&q->options, "name");
    if (o && !o->is_default) {
        if (!*o->value)
            diag_error(sc->diag, o->value_span, "option 'name' must not be empty");
        for (int i = 0; i < sc->queries.n; i++) {
            const SQuery *p = sc->queries.items[i];
            if (p->name && strcasecmp(p->name, o->value) == 0) {
                diag_error(sc->diag, o->value_span, "query name '%s' is already used", o->value);
                break;
            }
        }
        q->name = o->value;
    }
    o = soptions_find(&q->options, "outputMode");
    q->mode = MODE_APPEND;
    if (o && strcmp(o->value, "update") == 0)
        q->mode = MODE_UPDATE;
    else if (o && strcmp(o->value, "complete") == 0)
        q->mode = MODE_COMPLETE;
    o = soptions_find(&q->options, "trigger");
    q->trigger = TRIGGER_DEFAULT;
    CmTrigger t;
    if (cm_trigger_parse(o ? o->value : NULL, &t, NULL, 0) != CM_TRIGGER_OK)
        t.kind = CM_TRIGGER_DEFAULT; /* reported by check_value */
    switch (t.kind) {
    case CM_TRIGGER_DEFAULT: break; /* ProcessingTime(0) is Spark's default trigger */
    case CM_TRIGGER_INTERVAL:
        q->trigger = TRIGGER_INTERVAL;
        q->trigger_ms = t.interval_ms;
        break;
    case CM_TRIGGER_ONCE: q->trigger = TRIGGER_ONCE; break;
    case CM_TRIGGER_AVAILABLE_NOW: q->trigger = TRIGGER_AVAILABLE_NOW; break;
    }
}
