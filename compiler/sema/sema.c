/* sema.c - the driver of semantic analysis: statements in order, queries, names.
**
** Walks the script once.  CREATE statements enter the catalog (sema_catalog.c);
** each INSERT becomes an SQuery whose SELECT is bound by sema_select.c and then
** checked against the streaming rules of sema_stream.c.  Nothing here stops at
** an error: every statement is looked at, and sema_check() returns NULL at the
** end if diag counted any error.  Must not: print anything but diagnostics.
*/
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "sema/sema_int.h"

/* ==== Catalog lookups and small shared helpers ==== */

SSource *sema_find_source(SemaCtx *sc, const char *name)
{
    if (!name)
        return NULL;
    for (int i = 0; i < sc->sources.n; i++) {
        SSource *s = sc->sources.items[i];
        if (strcasecmp(s->name, name) == 0)
            return s;
    }
    return NULL;
}

SSink *sema_find_sink(SemaCtx *sc, const char *name)
{
    if (!name)
        return NULL;
    for (int i = 0; i < sc->sinks.n; i++) {
        SSink *s = sc->sinks.items[i];
        if (strcasecmp(s->name, name) == 0)
            return s;
    }
    return NULL;
}

const char *sema_schema_names(SemaCtx *sc, const SSchema *s)
{
    StrBuf sb;
    sb_init(&sb, sc->arena);
    for (int i = 0; s && i < s->n; i++) {
        if (i)
            sb_puts(&sb, ", ");
        sb_puts(&sb, s->cols[i].name ? s->cols[i].name : "?");
    }
    return sb.data;
}

/* Optimal string alignment distance: edits plus adjacent transpositions (nmae -> name).
   Three rolling rows: i-2, i-1 and i. */
int sema_edit_distance(const char *a, const char *b)
{
    enum { MAXLEN = 100 };
    size_t la = strlen(a), lb = strlen(b);
    if (la > MAXLEN || lb > MAXLEN)
        return MAXLEN;
    int rows[3][MAXLEN + 1];
    for (size_t j = 0; j <= lb; j++)
        rows[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int *cur = rows[i % 3], *prev = rows[(i - 1) % 3], *prev2 = rows[(i + 1) % 3];
        cur[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
            int best = prev[j - 1] + (ca != cb);
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == cb && prev2[j - 2] + 1 < best)
                best = prev2[j - 2] + 1;
            cur[j] = best;
        }
    }
    return rows[la % 3][lb];
}

/* A suggestion is offered when at most a third of the word (and at least one
   letter) differs: maxFilePerTrigger -> maxFilesPerTrigger, but not foo -> path. */
const char *sema_did_you_mean(const char *word, const char *const *names, int n)
{
    const char *best = NULL;
    int best_d = 0;
    int limit = (int)strlen(word) / 3;
    if (limit < 1)
        limit = 1;
    for (int i = 0; i < n; i++) {
        int d = sema_edit_distance(word, names[i]);
        if (d <= limit && (!best || d < best_d)) {
            best = names[i];
            best_d = d;
        }
    }
    return best;
}

/* ==== Names for dumps and messages ==== */

const SOption *soptions_find(const SOptions *opts, const char *key)
{
    if (!opts || !key)
        return NULL;
    for (int i = 0; i < opts->n; i++)
        if (strcasecmp(opts->items[i].key, key) == 0)
            return &opts->items[i];
    return NULL;
}

static const SFuncInfo func_info[] = {
#define FN(id, name, min_args, max_args, sig, sym) {name, min_args, max_args, FSIG_##sig, sym},
#include "sema/functions.def"
#undef FN
};

const SFuncInfo *sema_func_info(SFunc fn)
{
    return &func_info[fn];
}

static const struct {
    SFunc fn;
    const char *list;
} func_arity[] = {
#define FN(id, name, min_args, max_args, sig, sym)
#define FN_ARITY(id, list) {FN_##id, list},
#include "sema/functions.def"
#undef FN
#undef FN_ARITY
};

const char *sema_func_arity(SFunc fn)
{
    for (size_t i = 0; i < sizeof func_arity / sizeof func_arity[0]; i++)
        if (func_arity[i].fn == fn)
            return func_arity[i].list;
    return NULL;
}

const Type *sema_func_cast_type(SFunc fn)
{
    switch (fn) {
    case FN_CAST_BOOLEAN: return &type_boolean;
    case FN_CAST_TINYINT: return &type_tinyint;
    case FN_CAST_SMALLINT: return &type_smallint;
    case FN_CAST_INT: return &type_int;
    case FN_CAST_BIGINT: return &type_bigint;
    case FN_CAST_FLOAT: return &type_float;
    case FN_CAST_DOUBLE: return &type_double;
    case FN_CAST_DECIMAL: return sema_dec_bounded(10, 0); /* DecimalType.USER_DEFAULT */
    case FN_CAST_DATE: return &type_date;
    case FN_CAST_TIMESTAMP: return &type_timestamp;
    case FN_CAST_BINARY: return &type_binary;
    case FN_CAST_STRING: return &type_string;
    default: return NULL;
    }
}

int sema_date_part(const char *s, uint32_t n)
{
    static const struct { const char *name; SDatePart part; } names[] = {
        {"YEAR", DP_YEAR}, {"Y", DP_YEAR}, {"YEARS", DP_YEAR}, {"YR", DP_YEAR},
        {"YRS", DP_YEAR}, {"YEAROFWEEK", DP_YEAROFWEEK}, {"QUARTER", DP_QUARTER},
        {"QTR", DP_QUARTER}, {"MONTH", DP_MONTH}, {"MON", DP_MONTH}, {"MONS", DP_MONTH},
        {"MONTHS", DP_MONTH}, {"WEEK", DP_WEEK}, {"W", DP_WEEK}, {"WEEKS", DP_WEEK},
        {"DAY", DP_DAY}, {"D", DP_DAY}, {"DAYS", DP_DAY}, {"DAYOFWEEK", DP_DAYOFWEEK},
        {"DOW", DP_DAYOFWEEK}, {"DAYOFWEEK_ISO", DP_DAYOFWEEK_ISO}, {"DOW_ISO", DP_DAYOFWEEK_ISO},
        {"DOY", DP_DOY}, {"HOUR", DP_HOUR}, {"H", DP_HOUR}, {"HOURS", DP_HOUR}, {"HR", DP_HOUR},
        {"HRS", DP_HOUR}, {"MINUTE", DP_MINUTE}, {"M", DP_MINUTE}, {"MIN", DP_MINUTE},
        {"MINS", DP_MINUTE}, {"MINUTES", DP_MINUTE}, {"SECOND", DP_SECOND}, {"S", DP_SECOND},
        {"SEC", DP_SECOND}, {"SECONDS", DP_SECOND}, {"SECS", DP_SECOND},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i].name) == n && strncasecmp(names[i].name, s, n) == 0)
            return names[i].part;
    return -1;
}

bool sema_func_is_length(SFunc fn)
{
    return fn == FN_LENGTH || fn == FN_CHAR_LENGTH || fn == FN_CHARACTER_LENGTH || fn == FN_LEN;
}

bool sema_func_is_to_timestamp(SFunc fn)
{
    return fn == FN_TO_TIMESTAMP || fn == FN_TRY_TO_TIMESTAMP || fn == FN_TO_TIMESTAMP_LTZ;
}

const char *sema_func_name(SFunc fn)
{
    if ((int)fn < 0 || fn >= FN__COUNT)
        return "?";
    if (fn == FN_SPECIAL_DATETIME) /* no sql name: EXPLAIN shows special_datetime(word, batch) */
        return "special_datetime";
    return func_info[fn].name;
}

static const SAggInfo agg_info[] = {
#define AGG(id, name, spark, body, min_args, max_args, merge, moments, doubles, flags)             \
    {name, spark, AGGB_##body, min_args, max_args, AGGM_##merge, moments, doubles, flags},
#define AGG_NAME(sql, id, form)
#include "sema/aggregates.def"
#undef AGG
#undef AGG_NAME
};

const SAggInfo *sema_agg_info(SAggKind kind)
{
    return &agg_info[kind];
}

bool sema_agg_has(SAggKind kind, unsigned flag)
{
    return (agg_info[kind].flags & flag) != 0;
}

const char *sema_agg_name(SAggKind kind)
{
    if ((int)kind < 0 || (size_t)kind >= sizeof agg_info / sizeof agg_info[0])
        return "?";
    return agg_info[kind].name;
}

const char *sema_mode_name(OutputMode mode)
{
    switch (mode) {
    case MODE_APPEND:
        return "Append";
    case MODE_UPDATE:
        return "Update";
    case MODE_COMPLETE:
        return "Complete";
    }
    return "?";
}

/* ==== Queries ==== */

/* INSERT INTO sink SELECT ... [WITH (options)], or SELECT ... [WITH (options)] on its own
   (a batch query shown on the console as Dataset.show()). */
/* The database sinks write through Spark's JDBC rules: JdbcUtils.getCommonJDBCType has no type
   for an ANSI interval (cannotGetJdbcTypeError), anywhere in a column's type (a TIMESTAMP_NTZ
   is its TIMESTAMP, the sinks' timestamp without a zone). */
static const Type *interval_in(const Type *t)
{
    if (type_is_ansi_interval(t))
        return t;
    if (t->kind == TY_ARRAY || t->kind == TY_MAP)
        return interval_in(t->elem) ? interval_in(t->elem) : t->key ? interval_in(t->key) : NULL;
    for (int i = 0; t->kind == TY_STRUCT && i < t->n_fields; i++)
        if (interval_in(t->fields[i].type))
            return interval_in(t->fields[i].type);
    return NULL;
}

static void refuse_db_intervals(SemaCtx *sc, const SQuery *q)
{
    if (!q->sink || !q->sink->connector || !q->select ||
        (strcmp(q->sink->connector, "postgres") != 0 && strcmp(q->sink->connector, "sqlite") != 0))
        return;
    for (int i = 0; i < q->select->output.n; i++) {
        const Type *t = q->select->output.cols[i].type;
        if (t && interval_in(t))
            diag_error(sc->diag, q->select->output.cols[i].span, "Can't get JDBC type for %s.",
                       type_name(sc->arena, interval_in(t)));
    }
}

static void check_insert(SemaCtx *sc, const AstStmt *st)
{
    SQuery *q = ARENA_NEW(sc->arena, SQuery);
    q->span = st->span;
    q->index = sc->queries.n;
    q->limit = -1;
    q->show = st->kind == STMT_SELECT;
    q->sink = q->show ? NULL : sema_find_sink(sc, st->name);
    int errors_before = diag_errors(sc->diag);
    if (!q->sink && st->name) {
        SSource *src = sema_find_source(sc, st->name);
        if (src)
            diag_error(sc->diag, st->name_span, "'%s' is a %s, not a sink", st->name,
                       src->is_static ? "table" : "source");
        else
            diag_error(sc->diag, st->name_span, "unknown sink '%s'", st->name);
    }
    /* The SELECT first, then the WITH options after it: diagnostics come in text order. */
    if (st->query) {
        sc->batch_query = sema_stream_reads_table(sc, st->query);
        q->batch = sc->batch_query;
        q->select = sema_bind_select(sc, st->query);
        refuse_db_intervals(sc, q);
    }
    bool bind_ok = diag_errors(sc->diag) == errors_before;
    if (q->show)
        q->sink = sema_show_sink(sc, st);
    else
        sema_query_options(sc, q, st);
    if (st->query && bind_ok)
        sema_partition_check(sc, q);
    if (st->query)
        sema_stream_check_query(sc, q, st, bind_ok);
    sc->batch_query = false;
    ptrvec_push(sc->arena, &sc->queries, q);
}

static bool name_taken(SemaCtx *sc, const char *name, const SQuery *self)
{
    for (int i = 0; i < sc->queries.n; i++) {
        SQuery *o = sc->queries.items[i];
        if (o != self && o->name && strcasecmp(o->name, name) == 0)
            return true;
    }
    return false;
}

/*
** Query names.  Spark's default name is null; sluice needs one for progress,
** checkpoints and messages, so a query without `name` is called after its sink
** when it is the only query writing there ("counts"), else "<sink>_<k>" with k
** its 1-based ordinal among that sink's queries ("counts_2").  A default that
** collides with another query's name gets a further "_<n>" suffix.  Explicit
** names must be unique (case-insensitive, like every name in sluice); that is
** checked with the query's options (sema_query_options).
*/
static void name_queries(SemaCtx *sc)
{
    for (int i = 0; i < sc->queries.n; i++) {
        SQuery *q = sc->queries.items[i];
        if (q->name)
            continue;
        const char *sink = q->sink ? q->sink->name : "query";
        int n_same = 0, ordinal = 0;
        for (int j = 0; j < sc->queries.n; j++) {
            SQuery *p = sc->queries.items[j];
            if (p->sink == q->sink) {
                n_same++;
                if (j <= i)
                    ordinal++;
            }
        }
        const char *base = n_same == 1 ? sink : arena_sprintf(sc->arena, "%s_%d", sink, ordinal);
        const char *name = base;
        for (int k = 2; name_taken(sc, name, q); k++)
            name = arena_sprintf(sc->arena, "%s_%d", base, k);
        q->name = name;
    }
}

/* ==== The entry point ==== */

/*
** Bind and check a script (see sema.h).  Statements are processed in order, so a
** query can only use sources and sinks created above it (as in SQL scripts).
** Returns NULL if any error was reported; the program lives in arena.
*/
SProgram *sema_check(Arena *arena, Diag *diag, const AstScript *script)
{
    SemaCtx ctx = {0};
    SemaCtx *sc = &ctx;
    sc->arena = arena;
    sc->diag = diag;
    int errors_before = diag_errors(diag);
    for (int i = 0; script && i < script->n_stmts; i++) {
        const AstStmt *st = script->stmts[i];
        if (!st)
            continue;
        switch (st->kind) {
        case STMT_CREATE_SOURCE:
        case STMT_CREATE_TABLE:
            sema_create_source(sc, st);
            break;
        case STMT_CREATE_SINK:
            sema_create_sink(sc, st);
            break;
        case STMT_INSERT:
        case STMT_SELECT:
            check_insert(sc, st);
            break;
        }
    }
    name_queries(sc);
    if (diag_errors(diag) != errors_before)
        return NULL;
    SProgram *p = ARENA_NEW(arena, SProgram);
    p->sources = (SSource **)sc->sources.items;
    p->n_sources = sc->sources.n;
    p->sinks = (SSink **)sc->sinks.items;
    p->n_sinks = sc->sinks.n;
    p->queries = (SQuery **)sc->queries.items;
    p->n_queries = sc->queries.n;
    return p;
}
