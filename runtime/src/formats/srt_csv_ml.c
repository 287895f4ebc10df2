/* srt_csv_ml.c - CSV records over several lines for generated record parsers (multiLine =
** true): univocity's records as common/cm_csv_ml.h reads them, quoted values decoded into
** the query's scratch memory.
*/
#include "common/cm_csv_lex.h"
#include "common/cm_csv_ml.h"
#include "srt_int.h"

_Static_assert(sizeof(SrtCsvTok) == sizeof(CmCsvTok) &&
                   offsetof(SrtCsvTok, kind) == offsetof(CmCsvTok, kind),
               "SrtCsvTok is cm_csv_ml's CmCsvTok");

const char *srt_csv_ml_record(SrtQuery *q, const char *p, const char *end, int sep, int quote,
                              int esc, const char *comment, uint32_t cn, int flags, SrtCsvTok *toks,
                              int32_t cap, SrtCsvRec *out, const char *sel)
{
    /* the file's first record (no header) reaches every appender (srt_csv_line_skip) */
    if (q->cur_at.csv_first)
        sel = NULL;
    q->cur_at.csv_first = 0;
    CmCsvMl o = {sep,
                 quote,
                 esc,
                 comment,
                 cn,
                 q->cur_at.csv_nl,
                 (flags & SRT_CSV_TRIM_LEADING) != 0,
                 (flags & SRT_CSV_TRIM_TRAILING) != 0,
                 q->cur_at.csv_prev,
                 p == q->cur_buf && q->cur_at.byte == 0,
                 sel};
    CmCsvRec rec;
    CmCsvTok *t = (CmCsvTok *)toks;
    cm_csv_ml_record(&o, p, end, NULL, t, cap, &rec);
    if (rec.too_deep) {
        srt_query_fail_at(q, "a CSV record nests unescaped quotes deeper than the reader follows",
                          p);
        srt_query_bail(q);
    }
    if (rec.spark_fails) {
        srt_query_fail_at(q, CM_CSV_ML_SPARK_FAILS, rec.start);
        srt_query_bail(q);
    }
    q->cur_at.csv_prev = rec.prev;
    for (int i = 0; i < rec.n_toks && i < cap; i++) {
        if (t[i].kind == CM_CSV_ENCODED) { /* again, writing the quoted values */
            char *vals = srt_scratch_alloc(q, (size_t)(rec.next - rec.start) + 1);
            cm_csv_ml_record(&o, p, end, vals, t, cap, &rec);
            break;
        }
    }
    *out = (SrtCsvRec){rec.start, rec.text_end, rec.n_toks};
    return rec.next;
}
