/* cm_csv_ml.h - CSV records over several lines (multiLine = true): how Spark 3.5's
** MultiLineCSVDataSource reads a file, which univocity 2.9.1's CsvParser parses whole
** (UnivocityParser.parseStream: beginParsing on the file's stream, parseNext per record),
** shared by schema inference (sema_infer.c), the files source's header (srt_source_files.c)
** and the generated record parser (srt_csv_ml.c, cg_text.c).
**
** A record is what CsvParser.parseNext returns, with Spark's settings (CSVOptions
** .asParserSettings without lineSep: line separator detection on, line endings normalised
** inside quotes too, STOP_AT_DELIMITER, quoteEscape = escape, charToEscapeQuoteEscaping =
** escape when it differs from the quote, comment processing only with the comment option):
**   - the line separator is the first of "\n", "\r\n", "\r" the file holds
**     (LineSeparatorDetector; none: "\n"): AbstractCharInputReader.nextChar reads it as one
**     '\n' (the parser's newLine, Format.getNormalizedNewline), and a lone '\n' is a '\n'
**     too, so both end a record outside quotes;
**   - a quoted value runs over line ends, each separator in it read as '\n' (so "\r\n"
**     inside quotes is "\n" in a file whose separator is "\r\n"), a lone '\r' or '\n' as it is;
**   - with lineSep (Format.setLineSeparator: no detection, setNormalizeLineEndingsWithinQuotes
**     false) the separator is lineSep; one character is also newLine (Format
**     .setLineSeparator sets normalizedNewline), so a '\n' is data, while with two newLine
**     stays '\n' and a lone '\n' ends a record too; inside quotes (parseQuotedValue, up to
**     the byte after the closing quote) the separator is its bytes, so two characters after
**     a closing quote are an unescaped quote (Spark's "limitation of supporting multi-char
**     'lineSep' within quotes") unless the first is whitespace and the second '\n' ("\r\n");
**   - an unquoted value is the bytes up to the delimiter or the separator as the file spells
**     it (getString), so a lone '\n' inside one (a file of "\r\n" lines) is part of it,
**     unless the value reaches the end of the file (then appendUntil: up to any '\n');
**   - an empty line is no record (ParserOutput.rowParsed skips a row of no values); a line
**     of spaces is a record of one value (no trim, unlike the line reader's filter); with the
**     comment option a record starting with it is skipped up to the next separator;
**   - an unterminated quote runs to the end of the file (AbstractParser.handleEOF keeps
**     the value).
** The record's text (UnivocityParser.getCurrentInput: currentParsedContent, what was read
** since the record started, line end included, then Scala 2.12's stripLineEnd, which drops
** one trailing "\n", "\r\n" or form feed) is what a corrupt record column holds.
** The parser's prev character, which a record at the end of the file inherits from the one
** before (consumeValueOnEOF: ignoreLeadingWhiteSpace with a last line of spaces reads it as
** emptyValue then), is CmCsvMl.prev, carried by the callers from record to record.
** univocity 2.9.1's getString trims an unquoted value's trailing whitespace
** (ignoreTrailingWhiteSpace) walking back without a bound (univocity issue #449, fixed after
** 2.9.1): a value of whitespace alone ended by the delimiter or a line end, with nothing but
** whitespace before it since the file's first byte, reads before its buffer, and the
** ArrayIndexOutOfBoundsException fails Spark's task; rec->spark_fails says so.
** Not modelled: univocity's fast paths fall back at the end of its 1 MB input buffer and
** the separator is detected in that first buffer only, which only a file with a first
** line longer than that, or with line ends of two kinds, can tell apart.
*/
#ifndef CM_CSV_ML_H
#define CM_CSV_ML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/cm_csv_lex.h"

/* The line separator of a file p[0, n): the lineSep option's bytes when line_sep is not NULL
   (one or two ASCII characters), else LineSeparatorDetector's on its first bytes. */
enum { CM_NL_LF = 0, CM_NL_CRLF = 1, CM_NL_CR = 2, CM_NL_GIVEN = 4 };
int cm_csv_ml_nl(const char *line_sep, const char *p, size_t n);

/* The reader's syntax: sep, quote, esc as cm_csv_lex.h's bytes (0xFF: off); comment NULL or
   its bytes (one character); nl cm_csv_ml_nl's; trim_leading, trim_trailing:
   ignoreLeadingWhiteSpace and ignoreTrailingWhiteSpace for reading; prev: the parser's
   prev character when the record at p starts (CsvParser keeps it from record to record: the
   CmCsvRec.prev of the record before, 0 at the file's start); at_file_start: p is the file's
   first byte (no byte order mark before it). */
typedef struct CmCsvMl {
    int sep, quote, esc;
    const char *comment;
    size_t comment_n;
    int nl;
    bool trim_leading, trim_trailing;
    int prev;
    bool at_file_start;
    const char *sel; /* NULL: univocity reads every value; else '1' per field it reads, '0' per
                        field it skips (a column Spark prunes), fields past its end skipped */
} CmCsvMl;

/* A value: raw is where its field starts in the input.  kind CM_CSV_PLAIN: s[0, n) are input
   bytes, and n == 0 is univocity's nullValue (ParserOutput.emptyParsed, getString of nothing);
   CM_CSV_EMPTY: its emptyValue (n 0: valueParsed of an empty appender, a quoted empty value
   or one trimmed to nothing); CM_CSV_QUOTED: s[0, n) is the value (n > 0), in the caller's out;
   CM_CSV_ENCODED: a quoted value whose bytes were not written (out NULL), n its length.
   The layout is the runtime ABI's SrtCsvTok. */
typedef struct CmCsvTok {
    const char *raw, *s;
    uint32_t n;
    int32_t kind;
} CmCsvTok;

/* One record. */
typedef struct CmCsvRec {
    const char *start;    /* its first byte (after skipped empty and comment lines) */
    const char *text_end; /* its text is [start, text_end) */
    const char *next;     /* where the next record starts */
    int n_toks;           /* its values; 0: no record before the end */
    bool too_deep;        /* nested unescaped quotes deeper than the parser follows */
    bool spark_fails;     /* univocity 2.9.1 throws here (see above): no record */
    int prev;             /* the parser's prev character after it (CmCsvMl.prev) */
} CmCsvRec;

/* What a reader says when rec->spark_fails. */
#define CM_CSV_ML_SPARK_FAILS CM_CSV_SPARK_FAILS_AT("the file")

/* Parse the record at p (p < end: the rest of a file, its first byte after a record or at
   the file's start past a byte order mark): its first cap values into toks, quoted ones
   written to out (room for rec->next - rec->start bytes) unless out is NULL. */
void cm_csv_ml_record(const CmCsvMl *o, const char *p, const char *end, char *out, CmCsvTok *toks,
                      int cap, CmCsvRec *rec);

#endif
