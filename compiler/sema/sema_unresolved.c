/* sema_unresolved.c - Spark 3.5's messages for names that do not resolve: a column
** (UNRESOLVED_COLUMN, its suggestions ordered as CheckAnalysis orders them), a column of
** DROP DUPLICATES (Dataset.dropDuplicates' _LEGACY_ERROR_TEMP_1201), a function
** (UNRESOLVED_ROUTINE) and a call's number of arguments (WRONG_NUM_ARGS,
** FunctionRegistry's wrongNumArgsError).
**
** One builder per error class: every caller reports through these.  Must not: decide
** whether a name resolves (sema_expr.c, sema_func.c do), only say that it did not.
*/
#include <stdlib.h>
#include <string.h>

#include "common/cm_utf8.h"
#include "sema/sema_int.h"

/* ==== Identifiers as Spark prints them ==== */

/* catalyst.util.quoteIfNeeded: bare if [a-zA-Z0-9_]+ and not all digits, else quoted
   (quoteIdentifier, sb_put_backquoted). */
void sema_put_if_needed(StrBuf *sb, const char *name)
{
    bool word = *name != '\0', digits = true;
    for (const char *p = name; *p; p++) {
        word = word && (*p == '_' || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
                        (*p >= 'A' && *p <= 'Z'));
        digits = digits && *p >= '0' && *p <= '9';
    }
    if (word && !digits)
        sb_puts(sb, name);
    else
        sb_put_backquoted(sb, name);
}

const char *sema_sql_id(Arena *arena, const char *const *parts, int n)
{
    StrBuf sb;
    sb_init(&sb, arena);
    for (int i = 0; i < n; i++) {
        if (i)
            sb_putc(&sb, '.');
        sb_put_backquoted(&sb, parts[i]);
    }
    return sb.data;
}

/* ==== UNRESOLVED_COLUMN ==== */

/* s as UTF-16 code units (a Java String), in arena memory; *n its length. */
static uint16_t *utf16(Arena *arena, const char *s, size_t *n)
{
    size_t len = strlen(s), k = 0;
    uint16_t *u = ARENA_NEW_N(arena, uint16_t, 2 * len + 1);
    for (size_t i = 0; i < len;) {
        uint32_t cp = cm_utf8_next(s, len, &i);
        if (cp >= 0x10000) {
            u[k++] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
            u[k++] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            u[k++] = (uint16_t)cp;
        }
    }
    *n = k;
    return u;
}

/* commons-text LevenshteinDistance.apply (no threshold): insertions, deletions and
   substitutions of UTF-16 code units, case-sensitive. */
static int levenshtein(Arena *arena, const char *a, const char *b)
{
    size_t na, nb;
    const uint16_t *ua = utf16(arena, a, &na), *ub = utf16(arena, b, &nb);
    int *row = ARENA_NEW_N(arena, int, nb + 1);
    for (size_t j = 0; j <= nb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= nb; j++) {
            int up = row[j];
            int best = diag + (ua[i - 1] != ub[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[nb];
}

typedef struct Suggestion {
    const SNameCand *cand;
    int order;            /* the candidate's position (its exprId's order) */
    const uint16_t *name; /* cand->name in UTF-16, for Java's String.compareTo */
    size_t name_n;
    const char *shown;
    int distance;
} Suggestion;

/* AttributeSet.toSeq: sortBy (name, exprId), the names compared as Java Strings (by UTF-16
   code units). */
static int by_name(const void *x, const void *y)
{
    const Suggestion *a = x, *b = y;
    for (size_t i = 0; i < a->name_n && i < b->name_n; i++)
        if (a->name[i] != b->name[i])
            return (int)a->name[i] - (int)b->name[i];
    if (a->name_n != b->name_n)
        return a->name_n < b->name_n ? -1 : 1;
    return a->order - b->order;
}

/* Seq.sortBy(distance) is stable: ties keep the order by name. */
static int by_distance(const void *x, const void *y)
{
    const Suggestion *a = x, *b = y;
    return a->distance != b->distance ? a->distance - b->distance : a->order - b->order;
}

static bool same_qual(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* StringUtils.orderSuggestedIdentifiersBySimilarity: the qualifier is dropped when the name
   has one part and every candidate has the same qualifier; each candidate quoted
   (quoteNameParts) and ordered by its Levenshtein distance to base (stable). */
static void order_suggestions(Arena *arena, Suggestion *s, int n, int n_parts, const char *base)
{
    for (int i = 0; i < n; i++)
        s[i].name = utf16(arena, s[i].cand->name, &s[i].name_n);
    qsort(s, (size_t)n, sizeof *s, by_name);
    for (int i = 0; i < n; i++)
        s[i].order = i;
    bool strip = n_parts == 1;
    for (int i = 1; strip && i < n; i++)
        strip = same_qual(s[i].cand->qual, s[0].cand->qual);
    for (int i = 0; i < n; i++) {
        const char *parts[2] = {s[i].cand->qual, s[i].cand->name};
        bool qual = !strip && parts[0];
        s[i].shown = sema_sql_id(arena, qual ? parts : parts + 1, qual ? 2 : 1);
        s[i].distance = levenshtein(arena, s[i].shown, base);
    }
    qsort(s, (size_t)n, sizeof *s, by_distance);
}

void sema_unresolved_column(SemaCtx *sc, SrcSpan at, const char *const *parts, int n_parts,
                            const SNameCand *cands, int n)
{
    StrBuf base;
    sb_init(&base, sc->arena);
    for (int i = 0; i < n_parts; i++) {
        if (i)
            sb_putc(&base, '.');
        sema_put_if_needed(&base, parts[i]);
    }
    const char *object = sema_sql_id(sc->arena, parts, n_parts);
    if (n == 0) {
        /* ErrorClassesJsonReader joins the class's and the empty subclass's message with a
           space */
        diag_error(sc->diag, at,
                   "[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column or function parameter with "
                   "name %s cannot be resolved. ",
                   object);
        return;
    }
    Suggestion *s = ARENA_NEW_N(sc->arena, Suggestion, n);
    for (int i = 0; i < n; i++)
        s[i] = (Suggestion){&cands[i], i, NULL, 0, NULL, 0};
    order_suggestions(sc->arena, s, n, n_parts, base.data);
    StrBuf proposal; /* unresolvedAttributeError: candidates.take(5) */
    sb_init(&proposal, sc->arena);
    for (int i = 0; i < n && i < 5; i++)
        sb_printf(&proposal, "%s%s", i ? ", " : "", s[i].shown);
    diag_error(sc->diag, at,
               "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name %s "
               "cannot be resolved. Did you mean one of the following? [%s].",
               object, proposal.data);
}

void sema_unresolved_schema_column(SemaCtx *sc, SrcSpan at, const char *name, const char *rel,
                                   const SSchema *schema)
{
    SNameCand *c = ARENA_NEW_N(sc->arena, SNameCand, schema->n ? schema->n : 1);
    for (int i = 0; i < schema->n; i++)
        c[i] = (SNameCand){rel, schema->cols[i].name};
    sema_unresolved_column(sc, at, &name, 1, c, schema->n);
}

void sema_drop_duplicates_unresolved(SemaCtx *sc, SrcSpan at, const char *name,
                                     const SSchema *schema)
{
    diag_error(sc->diag, at, "Cannot resolve column name \"%s\" among (%s).", name,
               sema_schema_names(sc, schema));
}

/* ==== UNRESOLVED_ROUTINE and WRONG_NUM_ARGS ==== */

void sema_unresolved_routine(SemaCtx *sc, SrcSpan at, const char *name)
{
    /* SessionCatalog.failFunctionLookup: the search path of a session in `default` */
    diag_error(sc->diag, at,
               "[UNRESOLVED_ROUTINE] Cannot resolve function %s on search path [`system`."
               "`builtin`, `system`.`session`, `spark_catalog`.`default`].",
               sema_sql_id(sc->arena, &name, 1));
}

void sema_wrong_num_args(Binder *b, const AstExpr *e, const char *fn, const char *expected)
{
    diag_error(b->sc->diag, e->span,
               "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The %s requires %s parameters but the "
               "actual number is %d. Please, refer to "
               "'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.",
               sema_sql_id(b->sc->arena, &fn, 1), expected, e->u.call.args.n);
}

void sema_arity_error(Binder *b, const AstExpr *call, const char *name, int min, int max,
                      const char *list)
{
    StrBuf sb;
    sb_init(&sb, b->sc->arena);
    if (list)
        sb_puts(&sb, list);
    else if (max >= 64) /* a Seq[Expression] constructor checks "> n" itself */
        sb_printf(&sb, "> %d", min - 1);
    else if (min == max)
        sb_printf(&sb, "%d", min);
    else
        for (int k = min; k <= max; k++)
            sb_printf(&sb, "%s%d%s", k == min ? "[" : ", ", k, k == max ? "]" : "");
    sema_wrong_num_args(b, call, name, sb.data);
}
