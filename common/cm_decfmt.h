/* cm_decfmt.h - java.text.DecimalFormat patterns as Spark's format_number(x, 'pattern') applies
** them (FormatNumber: applyLocalizedPattern with DecimalFormatSymbols(Locale.US), HALF_EVEN):
** the pattern rule the compiler checks a constant pattern with and the runtime formats with.
**
** Supported: a prefix and a suffix of literal characters ('quoted' text, '' for a quote, '%'
** multiplying by 100, U+2030 per mille by 1000), the number part ('#' digits, then '0' digits,
** ',' grouping (the size is the digits after the last ','), '.' then '0' and '#' fraction
** digits), and a negative subpattern after ';' (its prefix and suffix; its number part is
** ignored, as Java does).  Not supported (refused with a reason): exponent patterns ('E'),
** the currency sign U+00A4, and a pattern without a digit.
*/
#ifndef CM_DECFMT_H
#define CM_DECFMT_H

#include <stdbool.h>
#include <stddef.h>

#define CM_DECFMT_AFFIX 64 /* bytes of a prefix or suffix, NUL included */

typedef struct CmDecFmt {
    char pos_prefix[CM_DECFMT_AFFIX], pos_suffix[CM_DECFMT_AFFIX];
    char neg_prefix[CM_DECFMT_AFFIX], neg_suffix[CM_DECFMT_AFFIX];
    int min_int;       /* minimumIntegerDigits */
    int min_frac;      /* minimumFractionDigits */
    int max_frac;      /* maximumFractionDigits */
    int grouping;      /* groupingSize, 0: no grouping */
    bool always_point; /* decimalSeparatorAlwaysShown ("#,##0.") */
    int multiplier;    /* 1, 100 ('%') or 1000 (per mille) */
} CmDecFmt;

/* Parse pattern p[0, n) (empty: Spark's "#,###,###,###,###,###,##0") into *f, following
   DecimalFormat.applyPattern.  NULL, or the text in why (200 bytes or more) of why the
   pattern is malformed, Java's exception ("java.lang.IllegalArgumentException: Malformed
   pattern \"...\""), or not supported here ("an exponent (E) is not supported in ..."). */
const char *cm_decfmt_parse(const char *p, size_t n, CmDecFmt *f, char *why, size_t why_size);

#endif
