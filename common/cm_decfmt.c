/* cm_decfmt.c - DecimalFormat patterns for format_number (cm_decfmt.h), after
** java.text.DecimalFormat.applyPattern (JDK 8 to 17) with Locale.US symbols.
*/
#include "common/cm_decfmt.h"

#include <stdio.h>
#include <string.h>

#define PER_MILLE "\xe2\x80\xb0" /* U+2030 */
#define CURRENCY "\xc2\xa4"      /* U+00A4 */

/* Java's IllegalArgumentException for a malformed pattern (what starts with a capital), or
   why a pattern Java takes is not supported (in lower case). */
static const char *fail(char *why, size_t size, const char *what, const char *p, size_t n)
{
    bool java = what[0] >= 'A' && what[0] <= 'Z';
    snprintf(why, size, "%s%s \"%.*s\"", java ? "java.lang.IllegalArgumentException: " : "", what,
             (int)(n > 80 ? 80 : n), p);
    return why;
}

static bool put(char *affix, size_t *k, const char *s, size_t n)
{
    if (*k + n >= CM_DECFMT_AFFIX)
        return false;
    memcpy(affix + *k, s, n);
    *k += n;
    affix[*k] = '\0';
    return true;
}

const char *cm_decfmt_parse(const char *p, size_t n, CmDecFmt *f, char *why, size_t why_size)
{
    why[0] = '\0';
    static const char dflt[] = "#,###,###,###,###,###,##0"; /* FormatNumber's defaultFormat */
    if (n == 0) {
        p = dflt;
        n = sizeof dflt - 1;
    }
    memset(f, 0, sizeof *f);
    f->multiplier = 1;
    int left = 0, zeros = 0, right = 0, grouping = -1, decimal = -1;
    size_t number_len = 0; /* of the positive subpattern's number part (phaseOneLength) */
    bool negative = false;
    size_t pos = 0;
    for (int j = 1; j >= 0 && pos <= n; j--) {
        char *prefix = j ? f->pos_prefix : f->neg_prefix, *suffix = j ? f->pos_suffix : f->neg_suffix;
        char *affix = prefix;
        size_t k = 0;
        int phase = 0;
        bool quoted = false;
        size_t skip = number_len;
        for (; pos < n; pos++) {
            char c = p[pos];
            if (phase == 1) {
                if (j == 0) { /* the negative number part: as long as the positive one, ignored */
                    if (--skip == 0) {
                        phase = 2;
                        affix = suffix;
                        k = 0;
                    }
                    continue;
                }
                if (c == '#') {
                    if (zeros > 0)
                        right++;
                    else
                        left++;
                    if (grouping >= 0 && decimal < 0)
                        grouping++;
                } else if (c == '0') {
                    if (right > 0)
                        return fail(why, why_size, "Unexpected '0' in pattern", p, n);
                    zeros++;
                    if (grouping >= 0 && decimal < 0)
                        grouping++;
                } else if (c == ',') {
                    grouping = 0;
                } else if (c == '.') {
                    if (decimal >= 0)
                        return fail(why, why_size, "Multiple decimal separators in pattern", p, n);
                    decimal = left + zeros + right;
                } else if (c == 'E') {
                    return fail(why, why_size, "an exponent (E) is not supported in the pattern", p, n);
                } else {
                    phase = 2;
                    affix = suffix;
                    k = 0;
                    pos--;
                    continue;
                }
                number_len++;
                continue;
            }
            if (c == '\'') { /* '' is a quote, in quoted text or not; a lone one opens or closes it */
                if (pos + 1 < n && p[pos + 1] == '\'') {
                    pos++;
                    if (!put(affix, &k, "'", 1))
                        return fail(why, why_size, "the prefix or suffix is too long in the pattern", p, n);
                } else {
                    quoted = !quoted;
                }
                continue;
            }
            if (quoted) {
                /* quoted text is literal (below) */
            } else if (c == '#' || c == '0' || c == ',' || c == '.') {
                if (phase == 2)
                    return fail(why, why_size, "a digit or separator in the suffix is not supported in the pattern", p, n);
                phase = 1;
                pos--;
                continue;
            } else if (c == ';') {
                if (phase == 0 || j == 0)
                    return fail(why, why_size, "Unquoted special character ';' in pattern", p, n);
                negative = true;
                pos++;
                break;
            } else if (c == '%' || (n - pos >= 3 && memcmp(p + pos, PER_MILLE, 3) == 0)) {
                bool pct = c == '%';
                if (f->multiplier != 1 && j == 1)
                    return fail(why, why_size, "Too many percent/per mille characters in pattern", p, n);
                if (j == 1)
                    f->multiplier = pct ? 100 : 1000;
                if (!put(affix, &k, pct ? "%" : PER_MILLE, pct ? 1 : 3))
                    return fail(why, why_size, "the prefix or suffix is too long in the pattern", p, n);
                pos += pct ? 0 : 2;
                continue;
            } else if (n - pos >= 2 && memcmp(p + pos, CURRENCY, 2) == 0) {
                return fail(why, why_size, "the currency sign is not supported in the pattern", p, n);
            }
            if (!put(affix, &k, &p[pos], 1))
                return fail(why, why_size, "the prefix or suffix is too long in the pattern", p, n);
        }
        if (quoted)
            return fail(why, why_size, "Malformed pattern", p, n);
        if (j == 1) {
            if (left + zeros == 0 && decimal < 0)
                return fail(why, why_size, "a pattern without a digit (# or 0) is not supported", p, n);
            if (zeros == 0 && left > 0 && decimal >= 0) { /* "###.###", "###." and ".###" */
                int m = decimal == 0 ? 1 : decimal;
                right = left - m;
                left = m - 1;
                zeros = 1;
            }
            if ((decimal < 0 && right > 0) || (decimal >= 0 && (decimal < left || decimal > left + zeros)) ||
                grouping == 0)
                return fail(why, why_size, "Malformed pattern", p, n);
            if (left + zeros == 0)
                return fail(why, why_size, "a pattern without an integer digit (# or 0) is not supported", p, n);
            int total = left + zeros + right;
            int at = decimal >= 0 ? decimal : total;
            f->min_int = at - left;
            f->max_frac = decimal >= 0 ? total - decimal : 0;
            f->min_frac = decimal >= 0 && left + zeros - decimal > 0 ? left + zeros - decimal : 0;
            f->grouping = grouping > 0 ? grouping : 0;
            f->always_point = decimal == 0 || decimal == total;
            if (!negative)
                break;
        }
    }
    if (!negative || (strcmp(f->neg_prefix, f->pos_prefix) == 0 && strcmp(f->neg_suffix, f->pos_suffix) == 0)) {
        size_t k = 0;
        f->neg_prefix[0] = '\0';
        if (!put(f->neg_prefix, &k, "-", 1) || !put(f->neg_prefix, &k, f->pos_prefix, strlen(f->pos_prefix)))
            return fail(why, why_size, "the prefix or suffix is too long in the pattern", p, n);
        memcpy(f->neg_suffix, f->pos_suffix, sizeof f->neg_suffix);
    }
    return NULL;
}
