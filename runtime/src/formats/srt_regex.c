/* srt_regex.c - regular expressions for regexp_extract, split and regexp_replace (out of line: cold and slow).
**
** Spark uses java.util.regex; common/cm_regex.c compiles the Java pattern with PCRE2 (the
** same code the compiler validated constant patterns with) and matches it; this file
** caches compiled patterns and implements Spark's functions on top
** (sql/catalyst/.../expressions/regexpExpressions.scala: RegExpExtract, RegExpReplace;
** StringSplit through UTF8String.split and java.lang.String.split).
**
** Compiled patterns are cached per query (SrtQuery.regex): patterns that codegen knows
** to be constant are "pinned" and live as long as the query; other patterns share a
** small ring, so a pattern that changes on every row does not grow memory.  The cache
** and its entries are allocated through the query's SrtMem; PCRE2's own tables come from
** libc's malloc (cm_regex_free releases them with the pattern).
*/
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "common/cm_regex.h"
#include "common/cm_utf8.h"
#include "srt_int.h"
#include "inline/srt_sbuf.h"

#define RING 8

struct SrtRegex {
    char *pat; /* the Java pattern as given (owned) */
    uint32_t pat_n;
    CmRegex *cm;
};

typedef struct SrtRegexCache {
    SrtRegex **pinned;
    size_t n_pinned, cap_pinned;
    SrtRegex *ring[RING];
    int ring_next;
} SrtRegexCache;

/* ======================================================================
** The cache
** ====================================================================== */

static void regex_free(SrtMem *m, SrtRegex *r)
{
    if (!r)
        return;
    cm_regex_free(r->cm);
    srt_mem_free(m, r->pat, (size_t)r->pat_n + 1);
    srt_mem_free(m, r, sizeof *r);
}

void srt_regex_cache_free(SrtQuery *q)
{
    SrtRegexCache *c = q->regex;
    if (!c)
        return;
    for (size_t i = 0; i < c->n_pinned; i++)
        regex_free(q->mem, c->pinned[i]);
    for (int i = 0; i < RING; i++)
        regex_free(q->mem, c->ring[i]);
    srt_mem_free(q->mem, c->pinned, sizeof *c->pinned * c->cap_pinned);
    srt_mem_free(q->mem, c, sizeof *c);
    q->regex = NULL;
}

static SrtRegexCache *cache_of(SrtQuery *q)
{
    if (!q->regex) {
        SrtRegexCache *c = srt_mem_calloc(q->mem, sizeof *c);
        if (!c)
            srt_query_oom(q, "regular expressions");
        q->regex = c;
    }
    return q->regex;
}

/* Compile pat; NULL after failing the query with the reason. */
static SrtRegex *regex_new(SrtQuery *q, const char *pat, uint32_t n)
{
    SrtRegex *r = srt_mem_calloc(q->mem, sizeof *r);
    char *copy = r ? srt_mem_alloc(q->mem, (size_t)n + 1) : NULL;
    if (!copy) {
        if (r)
            srt_mem_free(q->mem, r, sizeof *r);
        srt_query_oom(q, "regular expressions");
    }
    r->pat = copy;
    r->pat_n = n;
    if (n)
        memcpy(r->pat, pat, n);
    r->pat[n] = '\0';
    char err[240], msg[480];
    r->cm = cm_regex_compile(pat, n, err, sizeof err);
    if (!r->cm) {
        snprintf(msg, sizeof msg, "invalid regular expression '%.*s': %s", (int)(n > 200 ? 200 : n),
                 pat, err);
        regex_free(q->mem, r);
        srt_query_fail(q, msg);
        return NULL;
    }
    return r;
}

static int same(const SrtRegex *r, const char *pat, uint32_t n)
{
    return r && r->pat_n == n && (n == 0 || memcmp(r->pat, pat, n) == 0);
}

const SrtRegex *srt_regex_get(SrtQuery *q, const char *pat, uint32_t n, int32_t pin)
{
    SrtRegexCache *c = cache_of(q);
    for (size_t i = 0; i < c->n_pinned; i++)
        if (same(c->pinned[i], pat, n))
            return c->pinned[i];
    SrtRegex *r = NULL;
    for (int i = 0; i < RING; i++)
        if (same(c->ring[i], pat, n)) {
            r = c->ring[i];
            if (!pin)
                return r;
            c->ring[i] = NULL; /* moves to the pinned list */
        }
    if (!r && !(r = regex_new(q, pat, n)))
        return NULL;
    if (pin) {
        if (c->n_pinned == c->cap_pinned &&
            srt_mem_grow(q->mem, (void **)&c->pinned, &c->cap_pinned, sizeof *c->pinned,
                         c->n_pinned + 1) < 0) {
            regex_free(q->mem, r);
            srt_query_oom(q, "regular expressions");
        }
        c->pinned[c->n_pinned++] = r;
        return r;
    }
    regex_free(q->mem, c->ring[c->ring_next]);
    c->ring[c->ring_next] = r;
    c->ring_next = (c->ring_next + 1) % RING;
    return r;
}

/* ======================================================================
** Matching
** ====================================================================== */

/* The first match in s[0, n) at or after from: 1 with *ov set, 0, or -1 after failing
   the query (the match could not finish). */
static int find(SrtQuery *q, const SrtRegex *r, const char *s, uint32_t n, uint32_t from,
                const size_t **ov)
{
    char err[200];
    int rc = cm_regex_find(r->cm, s, n, from, ov, err, sizeof err);
    if (rc < 0)
        srt_query_fail(q, err);
    return rc;
}

/* RLike.matches (regexpExpressions.scala): regex.matcher(str).find(0), a match anywhere. */
int srt_rlike(SrtQuery *q, const SrtRegex *r, const char *s, uint32_t n)
{
    const size_t *ov;
    return r ? find(q, r, s, n, 0, &ov) : -1;
}

/* RegExpInStr.nullSafeEval (regexpExpressions.scala): m.find, then m.toMatchResult.start() + 1,
   an index of the Java String: a code point of 4 UTF-8 bytes is two units, any other one. */
int32_t srt_regexp_instr(SrtQuery *q, const SrtRegex *r, const char *s, uint32_t n)
{
    uint32_t b = 0, e = 0;
    int rc = srt_regex_group(q, r, s, n, 0, &b, &e);
    if (rc <= 0)
        return rc;
    int32_t units = 0;
    for (uint32_t i = 0; i < b; i += cm_utf8_lead_len((unsigned char)s[i]))
        units += cm_utf8_lead_len((unsigned char)s[i]) == 4 ? 2 : 1;
    return units + 1;
}

/* RegExpExtractBase.checkGroupIndex, on a match only: false after failing the query. */
static bool group_ok(SrtQuery *q, const SrtRegex *r, int32_t idx, const char *fn)
{
    int groups = cm_regex_groups(r->cm);
    if (idx >= 0 && idx <= groups)
        return true;
    char msg[160];
    if (idx < 0)
        snprintf(msg, sizeof msg, "%s: The specified group index cannot be less than zero", fn);
    else
        snprintf(msg, sizeof msg,
                 "%s: Regex group count is %d, but the specified group index is %d", fn, groups,
                 idx);
    srt_query_fail(q, msg);
    return false;
}

int srt_regexp_extract(SrtQuery *q, const SrtRegex *r, const char *s, uint32_t n, int32_t idx,
                       const char **out, uint32_t *out_n)
{
    *out = s;
    *out_n = 0;
    if (!r)
        return -1;
    const size_t *ov;
    int rc = find(q, r, s, n, 0, &ov);
    if (rc <= 0)
        return rc;
    if (!group_ok(q, r, idx, "regexp_extract"))
        return -1;
    if (ov[2 * idx] == CM_REGEX_UNSET)
        return 0; /* the group did not take part in the match: "" as Spark */
    *out = s + ov[2 * idx];
    *out_n = (uint32_t)(ov[2 * idx + 1] - ov[2 * idx]);
    return 0;
}

int srt_regex_group(SrtQuery *q, const SrtRegex *r, const char *s, uint32_t n, int idx, uint32_t *b,
                    uint32_t *e)
{
    const size_t *ov;
    int rc = r ? find(q, r, s, n, 0, &ov) : -1;
    if (rc <= 0)
        return rc;
    if (idx > cm_regex_groups(r->cm) || ov[2 * idx] == CM_REGEX_UNSET)
        return 0;
    *b = (uint32_t)ov[2 * idx];
    *e = (uint32_t)ov[2 * idx + 1];
    return 1;
}

/* Append s[b, e) to the growing datum array. */
static void push(SrtQuery *q, SrtDatum **v, uint32_t *n, uint32_t *cap, const char *s, uint32_t b,
                 uint32_t e)
{
    if (*n == *cap) {
        uint32_t nc = *cap ? *cap * 2 : 8;
        SrtDatum *nv = srt_scratch_alloc(q, sizeof *nv * nc);
        if (*n)
            memcpy(nv, *v, sizeof *nv * *n);
        *v = nv;
        *cap = nc;
    }
    SrtDatum *d = &(*v)[(*n)++];
    memset(d, 0, sizeof *d);
    d->p = s + b;
    d->n = e - b;
}

/* Where the next find starts after the match [ms, me): Java's Matcher.find moves one
   character on after an empty match (n + 1: no more). */
static uint32_t next_from(const char *s, uint32_t n, uint32_t ms, uint32_t me)
{
    if (me != ms)
        return me;
    return me < n ? me + cm_utf8_lead_len((unsigned char)s[me]) : n + 1;
}

int srt_regexp_extract_all(SrtQuery *q, const SrtRegex *r, const char *s, uint32_t n,
                           int32_t idx, const void **out, uint32_t *out_n)
{
    SrtDatum *v = NULL;
    uint32_t cnt = 0, cap = 0, from = 0;
    *out = NULL;
    *out_n = 0;
    if (!r)
        return -1;
    const size_t *ov;
    int rc = 0;
    while (from <= n && (rc = find(q, r, s, n, from, &ov)) > 0) {
        if (!group_ok(q, r, idx, "regexp_extract_all"))
            return -1;
        if (ov[2 * idx] == CM_REGEX_UNSET)
            push(q, &v, &cnt, &cap, s, 0, 0);
        else
            push(q, &v, &cnt, &cap, s, (uint32_t)ov[2 * idx], (uint32_t)ov[2 * idx + 1]);
        from = next_from(s, n, (uint32_t)ov[0], (uint32_t)ov[1]);
    }
    if (rc < 0)
        return -1;
    *out = v;
    *out_n = cnt;
    return 0;
}

int srt_split(SrtQuery *q, const SrtRegex *r, const char *s, uint32_t n, int32_t limit,
              const void **out, uint32_t *out_n)
{
    SrtDatum *v = NULL;
    uint32_t cnt = 0, cap = 0;
    *out = NULL;
    *out_n = 0;
    if (!r)
        return -1;
    if (limit == 0)
        limit = -1; /* Spark: no Java "drop trailing empty strings" */
    if (n > 0 && r->pat_n == 0) {
        /* Spark 3.4+: an empty pattern splits into code points, no trailing "". */
        uint32_t i = 0;
        while (i < n) {
            uint32_t e = i + cm_utf8_lead_len((unsigned char)s[i]);
            if (e > n || (limit > 0 && cnt == (uint32_t)limit - 1))
                e = n;
            push(q, &v, &cnt, &cap, s, i, e);
            i = e;
        }
        *out = v;
        *out_n = cnt;
        return 0;
    }
    /* java.util.regex.Pattern.split(input, limit) */
    uint32_t index = 0, from = 0;
    int limited = limit > 0, rc = 0;
    const size_t *ov;
    while (from <= n && (rc = find(q, r, s, n, from, &ov)) > 0) {
        uint32_t ms = (uint32_t)ov[0], me = (uint32_t)ov[1];
        if (!limited || cnt < (uint32_t)limit - 1) {
            if (!(index == 0 && ms == 0 && me == 0)) { /* no leading "" for an empty match */
                push(q, &v, &cnt, &cap, s, index, ms);
                index = me;
            }
        } else if (cnt == (uint32_t)limit - 1) {
            push(q, &v, &cnt, &cap, s, index, n);
            index = me;
        }
        from = next_from(s, n, ms, me);
    }
    if (rc < 0)
        return -1;
    if (index == 0) {
        cnt = 0;
        push(q, &v, &cnt, &cap, s, 0, n);
    } else if (!limited || cnt < (uint32_t)limit) {
        push(q, &v, &cnt, &cap, s, index, n);
    }
    *out = v;
    *out_n = cnt;
    return 0;
}

/* The result of regexp_replace, grown in scratch memory. */
/* cm_regex_expand's output callback: into an SrtSBuf. */
static void buf_put(void *ctx, const char *p, size_t n)
{
    srt_sbuf_put(ctx, p, n);
}

/* RegExpReplace.nullSafeEval: a Matcher whose region starts at position - 1 (UTF-16
   units, as String.length counts), then Matcher.appendReplacement per find and appendTail.
   The region's bounds are opaque and anchoring: the text before it is not seen by ^, \b
   or lookbehind, which matching s + b as its own subject gives.  (A position inside a
   surrogate pair starts the region at the next code point.) */
int srt_regexp_replace(SrtQuery *q, const SrtRegex *r, const char *s, uint32_t n, const char *rep,
                       uint32_t rep_n, int32_t pos, const char **out, uint32_t *out_n)
{
    *out = s;
    *out_n = n;
    if (!r)
        return -1;
    int64_t units = 0, target = (int64_t)pos - 1;
    uint32_t b = 0;
    while (b < n && units < target) {
        uint32_t k = cm_utf8_lead_len((unsigned char)s[b]);
        units += k == 4 ? 2 : 1;
        b = b + k > n ? n : b + k;
    }
    if (target != 0 && b >= n && units <= target)
        return 0; /* position - 1 >= length: s as it is */
    const char *sub = s + b;
    uint32_t sub_n = n - b, from = 0, last = 0;
    SrtSBuf out_buf = {q, NULL, 0, 0};
    const size_t *ov;
    int rc = 0, matched = 0;
    char err[200];
    while (from <= sub_n && (rc = find(q, r, sub, sub_n, from, &ov)) > 0) {
        uint32_t ms = (uint32_t)ov[0], me = (uint32_t)ov[1];
        if (!matched++)
            buf_put(&out_buf, s, b); /* appendReplacement copies from 0, before the region */
        buf_put(&out_buf, sub + last, ms - last);
        if (cm_regex_expand(r->cm, rep, rep_n, sub, ov, buf_put, &out_buf, err, sizeof err) < 0) {
            char msg[240];
            snprintf(msg, sizeof msg, "regexp_replace: %s", err);
            srt_query_fail(q, msg);
            return -1;
        }
        last = me;
        from = me == ms ? (me < sub_n ? me + cm_utf8_lead_len((unsigned char)sub[me]) : sub_n + 1) : me;
    }
    if (rc < 0)
        return -1;
    if (!matched)
        return 0; /* no match: s as it is */
    buf_put(&out_buf, sub + last, sub_n - last);
    *out = out_buf.n ? out_buf.p : s;
    *out_n = (uint32_t)out_buf.n;
    return 0;
}
