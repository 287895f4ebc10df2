/* srt_csv_line.c - CSV lines (multiLine = false) for generated record parsers: what univocity's
** parser carries from line to line of a file: the columns it skips once its first line is
** read (Spark's column pruning), and univocity 2.9.1's getString failure (cm_csv_lex.h).
*/
#include "common/cm_csv_lex.h"
#include "srt_int.h"

_Static_assert((int)SRT_CSV_SKIP == (int)CM_CSV_SKIP &&
                   (int)SRT_CSV_TRIM_TAIL == (int)CM_CSV_TRIM_TAIL,
               "the ABI's esc flags are cm_csv_lex's");

int32_t srt_csv_line_skip(SrtQuery *q)
{
    /* ParserOutput.rowParsed picks the selected columns (initializeColumnsToExtract: the
       NoopCharAppender for the others) once the parser's first row is parsed, so a file's first
       line reaches every value's appender; with header = true that line is the header
       (CSVHeaderChecker: tokenizer.parseLine(header)), which the files source reads. */
    if (q->cur_at.csv_first) {
        q->cur_at.csv_first = 0;
        return 0;
    }
    return SRT_CSV_SKIP;
}

void srt_csv_line_check(SrtQuery *q, const char *p, const char *end, int sep, int quote, int esc,
                        const char *sel)
{
    if (cm_csv_ws_fails(p, end, sep, quote, esc, esc & CM_CSV_SKIP ? sel : NULL)) {
        srt_query_fail_at(q, CM_CSV_LINE_SPARK_FAILS, p);
        srt_query_bail(q);
    }
}
