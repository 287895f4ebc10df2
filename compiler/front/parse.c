/* parse.c - drives the flex scanner and the bison parser over one query file (see parse.h).
**
** The scanner and the parser share one ParseCtx (grammar/parser.y): the parser
** reads it as `pc`, the scanner as yyextra.  Nodes and strings go to the
** caller's arena; the only malloc'd memory is flex's buffers and bison's
** stacks, released before returning on every path.  Also holds the two
** helpers the grammar actions need that are about text rather than the AST.
*/
#include "front/parse.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/cm_utf8.h"
#include "parser.h"
#include "lexer.h"

/* ==== Helpers for grammar actions ==== */

/* '-' x.  As in Spark's grammar (number: MINUS? INTEGER_VALUE | MINUS? DECIMAL_VALUE |
   MINUS? EXPONENT_VALUE | MINUS? DOUBLE_LITERAL | MINUS? BIGDECIMAL_LITERAL; AstBuilder's
   visitIntegerLiteral, visitDecimalLiteral ...) a minus right before a number literal belongs
   to the literal, so -2147483648 is an INT, -9223372036854775808 a BIGINT and ceil(-0.1) is
   named CEIL(-0.1); -(2147483648) stays a negated BIGINT.  A DECIMAL keeps its text, '-' first. */
AstExpr *parse_negate(ParseCtx *pc, AstExpr *x, SrcSpan x_span, SrcSpan span)
{
    char c = pc->file->text[x_span.begin];
    bool number = (c >= '0' && c <= '9') || c == '.'; /* the literal itself, not '(' or '-' */
    if (number && x->kind == AST_INT && !x->u.int_negated) {
        x->u.ival = (int64_t)(0 - (uint64_t)x->u.ival);
        x->u.int_negated = true;
    } else if (number && x->kind == AST_DECIMAL) {
        x->u.str = arena_sprintf(pc->arena, "-%s", x->u.str);
    } else if (number && x->kind == AST_DOUBLE) {
        x->u.dval = -x->u.dval;
    } else {
        return ast_unary(pc->arena, UOP_NEG, x, span);
    }
    x->span = span;
    return x;
}

/* DATE '...', TIMESTAMP '...', TIMESTAMP_LTZ '...', TIMESTAMP_NTZ '...' (Spark's
   typeConstructor): a cast of the string that sema folds, failing with Spark's
   INVALID_TYPED_LITERAL where the text is no value (AstBuilder.visitTypeConstructor). */
AstExpr *parse_typed_literal(ParseCtx *pc, const char *keyword, const char *text, SrcSpan text_span,
                             const Type *type, SrcSpan kw_span, SrcSpan span)
{
    AstExpr *e = ast_new_cast(pc->arena, ast_new_string(pc->arena, AST_STRING, text, text_span),
                              type, kw_span, span);
    e->u.cast.typed_literal = keyword;
    return e;
}

/* s RLIKE pat and s REGEXP pat: Spark's AstBuilder makes both RLike(s, pat), the expression
   of the function rlike(s, pat) (named `RLIKE(s, pat)`), so they are that call. */
AstExpr *parse_rlike(ParseCtx *pc, AstExpr *s, AstExpr *pat, SrcSpan op_span, SrcSpan span)
{
    AstExprList args = ast_list_append(pc->arena, (AstExprList){0}, s);
    args = ast_list_append(pc->arena, args, pat);
    return ast_new_call(pc->arena, "rlike", op_span, &args, false, (AstFlag){0}, span);
}

/* x [NOT] LIKE|ILIKE pattern [ESCAPE 'c'].  The escape must be one character (AstBuilder:
   QueryParsingErrors.invalidEscapeStringError, INVALID_ESC; Java counts UTF-16 units, so a
   character outside the BMP is refused too). */
static AstExpr *like_node(ParseCtx *pc, AstExpr *x, AstExpr *pat, bool ci, bool negated,
                          const char *escape, SrcSpan escape_span, SrcSpan span)
{
    AstExpr *e = ast_new_like(pc->arena, x, pat, negated, span);
    e->u.like.ci = ci;
    if (escape) {
        size_t n = strlen(escape), i = 0;
        uint32_t c = n ? cm_utf8_next(escape, n, &i) : 0;
        if (n == 0 || i != n || c > 0xFFFF) {
            diag_error(pc->diag, escape_span,
                       "Found an invalid escape string: %s. The escape string must contain only one "
                       "character.", escape);
            return NULL;
        }
        e->u.like.escape = c;
    }
    return e;
}

/* x [NOT] LIKE pat [ESCAPE escape] (ILIKE: ci), or, with pat a call any(...) or some(...),
   x [NOT] LIKE ANY (...): Spark's grammar takes ANY and SOME here as quantifiers. */
AstExpr *parse_like(ParseCtx *pc, AstExpr *x, AstExpr *pat, bool ci, bool negated, const char *escape,
                    SrcSpan escape_span, SrcSpan span)
{
    if (!escape && pat->kind == AST_CALL && !pat->u.call.star && !pat->u.call.distinct &&
        !pat->u.call.filter && !pat->u.call.has_over &&
        (strcasecmp(pat->u.call.name, "any") == 0 || strcasecmp(pat->u.call.name, "some") == 0))
        return parse_like_quantified(pc, x, &pat->u.call.args, ci, negated, false, span);
    return like_node(pc, x, pat, ci, negated, escape, escape_span, span);
}

/* x [NOT] (LIKE | ILIKE) (ANY | SOME | ALL) (p, ...) (pats NULL: "()"), as Spark 3.5's
   AstBuilder builds it: with every pattern a string literal, LikeAny, NotLikeAny, LikeAll or
   NotLikeAll of x (of lower(x), the patterns lowered, for ILIKE); else the OR (ANY) or AND
   (ALL) of x [NOT] LIKE p, left-deep.  Both give the same values (a NULL pattern makes a
   no-match NULL: MultiLikeBase.hasNull), so sluice builds the OR or AND and names it as Spark
   names the expression it built (AstExpr.multi_like). */
AstExpr *parse_like_quantified(ParseCtx *pc, AstExpr *x, const AstExprList *pats, bool ci,
                               bool negated, bool all, SrcSpan span)
{
    if (!pats || pats->n == 0) {
        diag_error(pc->diag, span, "Expected something between '(' and ')'.");
        return NULL;
    }
    AstExpr *e = NULL;
    bool literals = true;
    for (int i = 0; i < pats->n; i++) {
        AstExpr *p = pats->items[i];
        literals &= p->kind == AST_STRING;
        AstExpr *l = like_node(pc, x, p, ci, negated, NULL, p->span, span);
        if (!l)
            return NULL;
        e = e ? ast_binary(pc->arena, all ? BOP_AND : BOP_OR, e, l, span) : l;
    }
    if (literals) {
        static const char *const names[2][2] = {{"likeany", "likeall"},
                                                {"notlikeany", "notlikeall"}};
        e->multi_like = names[negated][all];
        e->multi_arg = x;
        if (ci) {
            AstExprList one = ast_list_append(pc->arena, (AstExprList){0}, x);
            e->multi_arg = ast_new_call(pc->arena, "lower", x->span, &one, false, (AstFlag){0}, x->span);
        }
    }
    return e;
}

/* like(x, p[, escape]) and ilike(x, p[, escape]): Spark's Like and ILike as the operators
   build them, the escape a string literal of one character.  Any other form stays a call of
   name, whose row in functions.def gives the argument count's error and refuses the rest. */
AstExpr *parse_like_call(ParseCtx *pc, const char *name, bool ci, SrcSpan name_span,
                         const AstExprList *args, SrcSpan span)
{
    const char *escape = NULL;
    if (args->n == 3) {
        const AstExpr *c = args->items[2];
        size_t i = 0, n = c->kind == AST_STRING ? strlen(c->u.str) : 0;
        uint32_t cp = n ? cm_utf8_next(c->u.str, n, &i) : 0;
        if (c->kind == AST_STRING && n > 0 && i == n && cp <= 0xFFFF)
            escape = c->u.str;
    }
    if (args->n == 2 || escape)
        return parse_like(pc, args->items[0], args->items[1], ci, false, escape, span, span);
    return ast_new_call(pc->arena, name, name_span, args, false, (AstFlag){0}, span);
}

/* x IS [NOT] TRUE|FALSE: AstBuilder makes EqualNullSafe(x, literal), inverted by NOT. */
AstExpr *parse_is_bool(ParseCtx *pc, AstExpr *x, AstExpr *lit, bool negated, SrcSpan is_span,
                       SrcSpan span)
{
    AstExpr *e = ast_binary(pc->arena, BOP_NSEQ, x, lit, is_span);
    return negated ? ast_unary(pc->arena, UOP_NOT, e, span) : e;
}

/* name(x FROM src) and name([BOTH | LEADING | TRAILING] [x] FROM src) (side 0, 1, 2; -1 for
   none): only TRIM takes them (Spark's grammar), as StringTrim, StringTrimLeft and
   StringTrimRight of src with the characters x, which are the calls trim(x, src), ltrim(x, src)
   and rtrim(x, src) (their two-argument form, trimStr first); without x, trim(src) ... */
AstExpr *parse_from_call(ParseCtx *pc, const char *name, SrcSpan name_span, int side, AstExpr *x,
                         AstExpr *src, SrcSpan span)
{
    static const char *const trims[] = {"trim", "ltrim", "rtrim"};
    if (strcasecmp(name, "extract") == 0 && side < 0 && x) {
        /* EXTRACT(field FROM source): Spark's Extract, the field an identifier */
        if (x->kind != AST_COLUMN || x->u.name.n != 1) {
            diag_error(pc->diag, x->span, "syntax error: EXTRACT expects a field name (YEAR, MONTH, ...) before FROM");
            return NULL;
        }
        AstExprList args = ast_list_append(pc->arena, (AstExprList){0},
                                           ast_new_string(pc->arena, AST_STRING, x->u.name.parts[0], x->span));
        args = ast_list_append(pc->arena, args, src);
        return ast_new_call(pc->arena, "extract", name_span, &args, false, (AstFlag){0}, span);
    }
    if (strcasecmp(name, "trim") != 0) {
        diag_error(pc->diag, name_span,
                   "syntax error: '%s' does not take FROM (only TRIM([BOTH | LEADING | TRAILING] "
                   "[chars] FROM s) and EXTRACT(field FROM x) do)", name);
        return NULL;
    }
    AstExprList args = {0};
    if (x)
        args = ast_list_append(pc->arena, args, x);
    args = ast_list_append(pc->arena, args, src);
    return ast_new_call(pc->arena, trims[side < 0 ? 0 : side], name_span, &args, false, (AstFlag){0},
                        span);
}

/* ROLLUP (sets) and CUBE (sets): AstBuilder.visitGroupingAnalytics refuses an empty set in
   them (QueryParsingErrors.invalidGroupingSetError). */
AstFrom *parse_natural_join(ParseCtx *pc, AstJoinType type, AstFrom *left, AstFrom *right,
                            SrcSpan join_span, SrcSpan span)
{
    if (type == JOIN_CROSS) {
        /* AstBuilder.withJoinRelations: QueryParsingErrors.naturalCrossJoinUnsupportedError,
           at the relation the join extends */
        diag_error(pc->diag, span,
                   "[UNSUPPORTED_FEATURE.NATURAL_CROSS_JOIN] The feature is not supported: "
                   "NATURAL CROSS JOIN.");
        return NULL;
    }
    AstFrom *f = ast_new_join(pc->arena, type, left, right, join_span, span);
    f->join->natural = true;
    return f;
}

AstGrouping *parse_grouping(ParseCtx *pc, AstGroupingKind kind, const PtrVec *sets, SrcSpan span)
{
    for (int i = 0; i < sets->n; i++) {
        const AstGrouping *g = sets->items[i];
        if (g->sets[0].n == 0) {
            diag_error(pc->diag, span, "Empty set in %s grouping sets is not supported.",
                       kind == AGS_ROLLUP ? "ROLLUP" : "CUBE");
            return NULL;
        }
    }
    return ast_new_grouping(pc->arena, kind, sets, span);
}

/* GROUP BY a, b WITH ROLLUP | WITH CUBE | GROUPING SETS (...) (AstBuilder.visitAggregationClause,
   its second form): Rollup or Cube of the sets (a), (b); GroupingSets of the sets with a, b as
   its userGivenGroupByExprs.  Spark's grammar takes only expressions before these words. */
AstSelect *parse_group_hive(ParseCtx *pc, AstSelect *sel, const AstGroupList *items,
                            AstGroupingKind kind, const PtrVec *sets, SrcSpan at, SrcSpan kw_span,
                            SrcSpan span)
{
    PtrVec one = {0};
    for (int i = 0; i < items->exprs.n; i++) {
        AstExpr *e = items->exprs.items[i];
        if (!e) {
            diag_error(pc->diag, at, "syntax error: %s follows only a list of expressions",
                       kind == AGS_ROLLUP ? "WITH ROLLUP"
                       : kind == AGS_CUBE ? "WITH CUBE"
                                          : "GROUPING SETS");
            return NULL;
        }
        AstExprList l = ast_list_append(pc->arena, (AstExprList){0}, e);
        ptrvec_push(pc->arena, &one, ast_grouping_set(pc->arena, &l, e->span));
    }
    AstGrouping *g = ast_new_grouping(pc->arena, kind, sets ? sets : &one, span_join(kw_span, at));
    if (kind == AGS_SETS)
        g->user = items->exprs;
    AstGroupList list = ast_group_list_add(pc->arena, (AstGroupList){0}, NULL, g);
    return ast_select_group_items(sel, &list, kw_span, span);
}

/* name(x AS type): only TRY_CAST takes it (Spark's grammar: TRY_CAST '(' expression AS
   dataType ')'), the call try_cast(CAST(x AS type)) that sema_func.c's bind_try_cast reads. */
AstExpr *parse_as_call(ParseCtx *pc, const char *name, SrcSpan name_span, AstExpr *x,
                       const Type *type, SrcSpan type_span, SrcSpan span)
{
    if (strcasecmp(name, "try_cast") != 0) {
        diag_error(pc->diag, name_span,
                   "syntax error: '%s' does not take AS (only CAST(x AS type) and "
                   "TRY_CAST(x AS type) do)", name);
        return NULL;
    }
    AstExprList args = ast_list_append(pc->arena, (AstExprList){0},
                                       ast_new_cast(pc->arena, x, type, type_span, span));
    return ast_new_call(pc->arena, "try_cast", name_span, &args, false, (AstFlag){0}, span);
}

/* One value unit pair of an interval literal as Spark's visitMultiUnitsInterval concatenates
   it for stringToInterval: " value unit".  A number keeps its sign as written ("-1"); a string
   value must hold no letter (SPARK-32840: INTERVAL '1 day 2' HOUR), and a '-' before it
   negates it by text ('-5' becomes 5, '5' becomes -5); a '+' changes nothing.  NULL after an
   error at span. */
const char *parse_interval_pair(ParseCtx *pc, int sign, const char *value, bool is_string,
                                const char *unit, SrcSpan span)
{
    if (!is_string)
        return arena_sprintf(pc->arena, " %s%s %s", sign < 0 ? "-" : sign > 0 ? "+" : "", value,
                             unit);
    for (const char *c = value; *c; c++)
        if (isalpha((unsigned char)*c)) {
            diag_error(pc->diag, span,
                       "Can only use numbers in the interval value part for multiple unit value "
                       "pairs interval form, but got invalid value: %s", value);
            return NULL;
        }
    if (sign < 0)
        value = value[0] == '-' ? value + 1 : arena_sprintf(pc->arena, "-%s", value);
    return arena_sprintf(pc->arena, " %s %s", value, unit);
}

/* INTERVAL [sign] 'value' from TO to: Spark's visitUnitToUnitInterval applies the sign to the
   value's text as above; sema checks the pair of units and reads the value. */
AstExpr *parse_interval_to(ParseCtx *pc, int sign, const char *value, const char *from,
                           const char *to, SrcSpan span)
{
    if (sign < 0)
        value = value[0] == '-' ? value + 1 : arena_sprintf(pc->arena, "-%s", value);
    return ast_new_interval(pc->arena, value, false, from, to, span);
}

/* POSITION(sub IN s): Spark's visitPosition, new StringLocate(sub, s), which is the call
   locate(sub, s) (named locate(sub, s, 1), not position). */
AstExpr *parse_position(ParseCtx *pc, const char *name, SrcSpan name_span, AstExpr *sub,
                        AstExpr *s, SrcSpan span)
{
    (void)name;
    AstExprList args = ast_list_append(pc->arena, (AstExprList){0}, sub);
    args = ast_list_append(pc->arena, args, s);
    return ast_new_call(pc->arena, "locate", name_span, &args, false, (AstFlag){0}, span);
}

/* name(s PLACING r FROM pos [FOR len]): only OVERLAY takes it (Spark's grammar, #overlay:
   Overlay(s, r, pos, len), or new Overlay(s, r, pos) without FOR), the call
   overlay(s, r, pos[, len]). */
AstExpr *parse_overlay(ParseCtx *pc, const char *name, SrcSpan name_span, AstExpr *s, AstExpr *r,
                       AstExpr *pos, AstExpr *len, SrcSpan span)
{
    if (strcasecmp(name, "overlay") != 0) {
        diag_error(pc->diag, name_span,
                   "syntax error: '%s' does not take PLACING (only OVERLAY(s PLACING r FROM pos "
                   "[FOR len]) does)",
                   name);
        return NULL;
    }
    AstExprList args = ast_list_append(pc->arena, (AstExprList){0}, s);
    args = ast_list_append(pc->arena, args, r);
    args = ast_list_append(pc->arena, args, pos);
    if (len)
        args = ast_list_append(pc->arena, args, len);
    return ast_new_call(pc->arena, "overlay", name_span, &args, false, (AstFlag){0}, span);
}

/* FIRST, LAST and ANY_VALUE are keywords of Spark 3.5's grammar with rules of their own that
   take IGNORE NULLS inside the parentheses (AstBuilder's visitFirst: First(x, ignoreNulls),
   visitLast, visitAny_value); first_value and the others are only functionCall's names. */
AstExpr *parse_ignore_nulls_arg(ParseCtx *pc, const char *name, SrcSpan name_span, AstExpr *x,
                                SrcSpan ignore_span, SrcSpan span)
{
    if (strcasecmp(name, "first") != 0 && strcasecmp(name, "last") != 0 &&
        strcasecmp(name, "any_value") != 0) {
        diag_error(pc->diag, ignore_span,
                   "syntax error: '%s' does not take IGNORE NULLS inside its parentheses (only "
                   "FIRST, LAST and ANY_VALUE(x IGNORE NULLS) do; write %s(...) IGNORE NULLS)",
                   name, name);
        return NULL;
    }
    AstExprList args = ast_list_append(pc->arena, (AstExprList){0}, x);
    AstExpr *e = ast_new_call(pc->arena, name, name_span, &args, false, (AstFlag){0}, span);
    return ast_call_nulls(e, AST_IGNORE_NULLS, ignore_span);
}

/* name(p) WITHIN GROUP (ORDER BY x [ASC | DESC] [NULLS ...]): Spark 3.5's #percentile rule takes
   it after PERCENTILE_CONT or PERCENTILE_DISC with one percentage, no DISTINCT (AstBuilder's
   visitPercentile: PercentileCont(x, p[, reverse]), PercentileDisc(x, p[, reverse]); the
   NULLS ordering is not read).  The call keeps its name with args (x, p). */
AstExpr *parse_within_group(ParseCtx *pc, AstExpr *call, const AstOrderItem *order, SrcSpan span)
{
    const char *name = call->u.call.name;
    bool named = name && (strcasecmp(name, "percentile_cont") == 0 ||
                          strcasecmp(name, "percentile_disc") == 0);
    if (!named) {
        diag_error(pc->diag, call->u.call.name_span,
                   "syntax error: '%s' does not take WITHIN GROUP (only PERCENTILE_CONT(p) and "
                   "PERCENTILE_DISC(p) WITHIN GROUP (ORDER BY x) do)",
                   name ? name : "?");
        return NULL;
    }
    if (call->u.call.args.n != 1 || call->u.call.distinct || call->u.call.star) {
        diag_error(pc->diag, call->span,
                   "syntax error: %s(...) WITHIN GROUP takes one percentage: %s(p) WITHIN GROUP "
                   "(ORDER BY x)",
                   name, name);
        return NULL;
    }
    AstExpr *p = call->u.call.args.items[0];
    AstExprList args = ast_list_append(pc->arena, (AstExprList){0}, order->expr);
    args = ast_list_append(pc->arena, args, p);
    AstExpr *e =
        ast_new_call(pc->arena, name, call->u.call.name_span, &args, false, (AstFlag){0}, span);
    e->u.call.within = order->desc ? 2 : 1;
    return e;
}

/* The source text of a span, copied into the arena. */
const char *parse_text(ParseCtx *pc, SrcSpan span)
{
    return arena_strndup(pc->arena, pc->file->text + span.begin, span.end - span.begin);
}

/* false (after an error at e) if e is nested deeper than AST_MAX_DEPTH. */
bool parse_depth_ok(ParseCtx *pc, const AstExpr *e)
{
    if (e->depth <= AST_MAX_DEPTH)
        return true;
    diag_error(pc->diag, e->span,
               "the expression is nested too deeply: more than %d levels of operators, calls, "
               "CASE or CAST (split it, or use IN (...) for a list of values)", AST_MAX_DEPTH);
    return false;
}

/* A column list holds at most one WATERMARK: the AST has one slot, and Spark one delay. */
bool parse_set_watermark(ParseCtx *pc, AstTableElems *elems, AstWatermark *wm)
{
    if (elems->watermark) {
        diag_error(pc->diag, wm->span, "only one WATERMARK clause is allowed in a column list");
        return false;
    }
    elems->watermark = wm;
    return true;
}

/* ==== The parser's lexer ==== */

/* Up to two tokens read ahead of the parser (PostgreSQL's base_yylex does the same, for the
   same reason: the grammar stays LALR(1) while Spark's unreserved words keep being names), and
   the last token handed to it. */
typedef struct LexAhead {
    int n;
    int tok[2];
    SL_YYSTYPE val[2];
    SrcSpan loc[2];
    int prev;
    int depth;        /* parentheses open */
    int lateral;      /* 1 + depth where LATERAL came, 0: none open */
    bool lateral_end; /* prev is the ')' of LATERAL VIEW's call */
} LexAhead;

static int next_token(LexAhead *la, SL_YYSTYPE *val, SrcSpan *loc, yyscan_t scanner)
{
    if (!la->n)
        return sl_yylex(val, loc, scanner);
    int tok = la->tok[0];
    *val = la->val[0];
    *loc = la->loc[0];
    la->n--;
    la->tok[0] = la->tok[1];
    la->val[0] = la->val[1];
    la->loc[0] = la->loc[1];
    return tok;
}

/* The i-th token after the one being handed over (0 or 1), read on demand. */
static int peek_token(LexAhead *la, int i, yyscan_t scanner)
{
    while (la->n <= i) {
        la->tok[la->n] = sl_yylex(&la->val[la->n], &la->loc[la->n], scanner);
        la->n++;
    }
    return la->tok[i];
}

/* Is the token at loc the unquoted word w (any case)? */
static bool is_word(const ParseCtx *pc, SrcSpan loc, const char *w)
{
    size_t n = strlen(w);
    return loc.end - loc.begin == n && strncasecmp(pc->file->text + loc.begin, w, n) == 0;
}

/* ignore or respect followed by NULLS is one token (IGNORE NULLS, RESPECT NULLS: Spark's
   functionCall nullsOption, and first | last | any_value '(' expr IGNORE NULLS ')') right after
   a call's ')' or when ')' follows: everywhere else (SELECT ignore nulls, ORDER BY ignore NULLS
   FIRST, LATERAL VIEW explode(a) ignore nulls: alias and column) the word stays a name. */
static int nulls_option(LexAhead *la, int tok, SrcSpan *loc, bool ignore, yyscan_t scanner)
{
    if (la->lateral_end || peek_token(la, 0, scanner) != TOK_NULLS ||
        (la->prev != ')' && peek_token(la, 1, scanner) != ')'))
        return tok;
    loc->end = la->loc[0].end;
    SL_YYSTYPE unused;
    SrcSpan nulls;
    next_token(la, &unused, &nulls, scanner);
    return ignore ? TOK_IGNORE_NULLS : TOK_RESPECT_NULLS;
}

/* sort, cluster, distribute followed by BY are one token (SORT BY ...), tablesample followed
   by '(' is TABLESAMPLE (Spark's queryOrganization and sample), ignore and respect followed by
   NULLS are nulls_option's; every other token is sl_yylex's. */
static int merge_words(ParseCtx *pc, LexAhead *la, int tok, SrcSpan *loc, yyscan_t scanner)
{
    if (tok != TOK_IDENT)
        return tok;
    if (is_word(pc, *loc, "ignore") || is_word(pc, *loc, "respect"))
        return nulls_option(la, tok, loc, is_word(pc, *loc, "ignore"), scanner);
    static const struct {
        const char *word;
        int next, tok;
    } pairs[] = {{"sort", TOK_BY, TOK_SORT_BY},
                 {"cluster", TOK_BY, TOK_CLUSTER_BY},
                 {"distribute", TOK_BY, TOK_DISTRIBUTE_BY},
                 {"tablesample", '(', TOK_TABLESAMPLE}};
    int k = 0;
    while (k < 4 && !is_word(pc, *loc, pairs[k].word))
        k++;
    if (k == 4 || peek_token(la, 0, scanner) != pairs[k].next)
        return tok;
    if (pairs[k].next == TOK_BY) { /* the pair is one token */
        SL_YYSTYPE unused;
        SrcSpan by;
        next_token(la, &unused, &by, scanner);
        loc->end = by.end;
    }
    return pairs[k].tok;
}

int parse_lex(SL_YYSTYPE *val, SrcSpan *loc, yyscan_t scanner)
{
    ParseCtx *pc = sl_yyget_extra(scanner);
    if (!pc->ahead)
        pc->ahead = ARENA_NEW(pc->arena, LexAhead);
    LexAhead *la = pc->ahead;
    int tok = merge_words(pc, la, next_token(la, val, loc, scanner), loc, scanner);
    la->prev = tok;
    la->depth += tok == '(' ? 1 : tok == ')' && la->depth > 0 ? -1 : 0;
    la->lateral_end = tok == ')' && la->lateral == la->depth + 1;
    if (la->lateral_end)
        la->lateral = 0;
    if (tok == TOK_LATERAL)
        la->lateral = la->depth + 1;
    return tok;
}

/* ==== Driver ==== */

static bool scanner_open(ParseCtx *pc, yyscan_t *scanner, Arena *arena, Diag *diag, const SrcFile *file)
{
    memset(pc, 0, sizeof *pc);
    pc->arena = arena;
    pc->diag = diag;
    pc->file = file;
    sb_init(&pc->buf, arena);
    if (file->len > INT_MAX - 2) {
        diag_fatal(diag, "'%s' is too large to parse", file->name);
        return false;
    }
    if (sl_yylex_init_extra(pc, scanner) != 0) {
        diag_fatal(diag, "cannot initialise the scanner: out of memory");
        return false;
    }
    sl_yy_scan_bytes(file->text, (int)file->len, *scanner);
    return true;
}

/* Parse a whole script: see parse.h.  Stops at the first error (lexical or syntax). */
AstScript *parse_script(Arena *arena, Diag *diag, const SrcFile *file)
{
    ParseCtx pc;
    yyscan_t scanner;
    if (!scanner_open(&pc, &scanner, arena, diag, file))
        return NULL;
    int errors_before = diag->n_errors;
    int rc = sl_yyparse(scanner, &pc);
    sl_yylex_destroy(scanner); /* also frees the buffer made by sl_yy_scan_bytes */
    if (rc == 0 && pc.script && diag->n_errors == errors_before)
        return pc.script;
    if (diag->n_errors == errors_before) {
        SrcSpan end = {0, file->len, file->len};
        diag_error(diag, end, "syntax error");
    }
    return NULL;
}

/* ==== Token dump ==== */

static void put_double(StrBuf *sb, double v)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, sizeof buf, "%.17g", v);
    sb_puts(sb, buf);
}

/* Lexes the whole file into `NAME[(value)]@begin-end` items separated by spaces, e.g.
   `SELECT@0-6 identifier(a)@7-8 ','@8-9 string("it's")@10-17`.  Returns false after
   reporting a lexical error (out then holds the tokens before it). */
bool parse_dump_tokens(StrBuf *out, Arena *arena, Diag *diag, const SrcFile *file)
{
    ParseCtx pc;
    yyscan_t scanner;
    if (!scanner_open(&pc, &scanner, arena, diag, file))
        return false;
    bool ok = true;
    for (;;) {
        SL_YYSTYPE val;
        SrcSpan loc;
        int tok = sl_yylex(&val, &loc, scanner);
        if (tok == TOK_EOI)
            break;
        if (tok == TOK_SL_YYerror) {
            ok = false;
            break;
        }
        if (out->len)
            sb_putc(out, ' ');
        parse_put_token_name(out, tok);
        switch (tok) {
        case TOK_IDENT:
            sb_printf(out, "(%s)", val.str);
            break;
        case TOK_STRING_LIT:
            sb_putc(out, '(');
            ast_dump_quoted(out, val.str, '"');
            sb_putc(out, ')');
            break;
        case TOK_INTEGER_LIT:
            sb_printf(out, "(%lld)", (long long)val.ival);
            break;
        case TOK_DECIMAL_LIT:
            sb_putc(out, '(');
            put_double(out, val.dval);
            sb_putc(out, ')');
            break;
        default:
            break;
        }
        sb_printf(out, "@%u-%u", (unsigned)loc.begin, (unsigned)loc.end);
    }
    sl_yylex_destroy(scanner);
    return ok;
}
