/* cm_numfmt.h - Spark 3.5's number format of to_number, try_to_number and to_char
** (catalyst/util/ToNumberParser.scala): the format's tokens, the checks the analyzer makes
** of it (checkInputDataTypes: Spark's INVALID_FORMAT sub-classes), the DECIMAL it parses to,
** and the parse of a string and the formatting of a decimal.  One rule for sema (the type and
** the errors of a constant format) and the runtime (the values).  Must not: allocate.
**
** The format is upper-cased first (ToNumberBase: toUpperCase(Locale.ROOT); here ASCII letters
** only: any other letter is an unrecognized character either way).  Its grammar:
** [MI | S] [$] [0 | 9 | G | ,]* [. | D] [0 | 9]* [$] [PR | MI | S], PR's `<` prepended.
*/
#ifndef CM_NUMFMT_H
#define CM_NUMFMT_H

#include <stddef.h>
#include <stdint.h>

__extension__ typedef __int128 cm_i128;

/* A format of at most this many bytes (longer ones are refused by sema as not supported). */
#define CM_NUMFMT_MAX 128

typedef enum CmNfKind {
    CM_NF_GROUP,  /* DigitGroups: digit runs and thousands separators, items[first, +n) */
    CM_NF_POINT,  /* DecimalPoint: . or D */
    CM_NF_DOLLAR, /* DollarSign */
    CM_NF_SIGN,   /* OptionalPlusOrMinusSign: S */
    CM_NF_MINUS,  /* OptionalMinusSign: MI */
    CM_NF_OPEN,   /* OpeningAngleBracket: PR's `<`, always first */
    CM_NF_CLOSE,  /* ClosingAngleBracket: PR's `>` */
    CM_NF_BAD     /* InvalidUnrecognizedCharacter: ch */
} CmNfKind;

typedef enum CmNfItemKind {
    CM_NFI_EXACT,  /* ExactlyAsManyDigits(num): a run starting with 0 before the point */
    CM_NFI_ATMOST, /* AtMostAsManyDigits(num) */
    CM_NFI_COMMA   /* ThousandsSeparator: , or G */
} CmNfItemKind;

typedef struct CmNfItem {
    uint8_t kind; /* CmNfItemKind */
    uint8_t num;  /* digits of a run */
} CmNfItem;

typedef struct CmNfTok {
    uint8_t kind; /* CmNfKind */
    uint8_t n;    /* CM_NF_GROUP: its items, in the format's order */
    uint8_t first;
    uint32_t ch; /* CM_NF_BAD: the character (a code point) */
} CmNfTok;

typedef struct CmNumFmt {
    CmNfTok tok[CM_NUMFMT_MAX + 1];
    CmNfItem item[CM_NUMFMT_MAX];
    int n_tok, n_item;
    int precision, scale;          /* DecimalType(precision, scale) of to_number */
    char upper[CM_NUMFMT_MAX + 1]; /* the format upper-cased, as messages print it */
    size_t upper_n;
} CmNumFmt;

/* Tokenizes fmt[0, n) (n <= CM_NUMFMT_MAX) into *f and checks it as
   ToNumberParser.checkInputDataTypes does: NULL when valid, else Spark's message of the error
   class INVALID_FORMAT.<sub> without its "[...]" prefix, written into why (the sub-class into
   *sub). */
const char *cm_numfmt_compile(const char *fmt, size_t n, CmNumFmt *f, const char **sub, char *why,
                              size_t why_size);

/* ToNumberParser.parse of s[0, n) (UTF-8) by the valid format f: 1 with the unscaled value at
   f->scale in *out, 0 when it does not match the format (Spark's MISMATCH_INPUT, NULL for
   try_to_number), or -1 when Spark 3.5 fails with java.math.BigDecimal's exception (no digit
   at all, scale 0): *java_msg is its text ("java.lang.NumberFormatException" or
   "java.lang.NumberFormatException: No digits found."). */
int cm_numfmt_parse(const CmNumFmt *f, const char *s, size_t n, cm_i128 *out,
                    const char **java_msg);

/* ToNumberParser.format of the DECIMAL whose unscaled value v has scale s: the text into out
   (room for 2 * CM_NUMFMT_MAX + 8 bytes); returns its length. */
size_t cm_numfmt_format(const CmNumFmt *f, cm_i128 v, int s, char *out);

#endif
