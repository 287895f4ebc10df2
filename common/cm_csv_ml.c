/* cm_csv_ml.c - CSV records over several lines (cm_csv_ml.h): univocity 2.9.1's CsvParser
** (parseNext, parseSingleDelimiterRecord, parseQuotedValue, processQuoteEscape,
** parseValueProcessingEscape, consumeValueOnEOF, AbstractParser.handleEOF) and its
** AbstractCharInputReader (nextChar, getString, skipWhitespace, skipLines), followed step by
** step with Spark's settings folded in.  univocity ends a record at the end of the input by
** throwing EOFException from nextChar; here next() longjmps to the record's handler.
*/
#include "common/cm_csv_ml.h"

#include <setjmp.h>
#include <string.h>

#include "common/cm_csv_lex.h"

/* Nested unescaped quotes (handleUnescapedQuoteInValue inside parseValueProcessingEscape)
   recurse in univocity as here; deeper than this the record is refused. */
#define ML_MAX_DEPTH 4096

typedef struct Ps {
    const CmCsvMl *o;
    const char *p, *end; /* the next byte to read */
    int ch, prev;        /* the parser's ch and prev ('\0': none) */
    int s1, s2, nn;      /* the line separator's bytes (s2 -1: one) and newLine (line_syntax) */
    bool norm, norm_q;   /* normalizeLineEndings now, and inside quotes */
    bool unescaped;
    int sep, q, x, ee; /* delimiter, quote (-2: off), quoteEscape and escapeEscape ('\0': off) */
    jmp_buf eof;
    /* output: the values so far, the current appender's at out + used */
    char *out;
    size_t used, len, ws; /* ws: whitespace ending the appender (updateWhitespace) */
    bool trim;            /* ParserOutput.trim */
    const char *raw;      /* the current field's first byte */
    CmCsvTok *toks;
    int cap, column;
    const char *start;
    const char *input; /* p as given: the file's first byte when o->at_file_start */
    int depth;
    int n_sel; /* o->sel's fields */
} Ps;

int cm_csv_ml_nl(const char *line_sep, const char *p, size_t n)
{
    if (line_sep) /* CSVOptions.lineSeparator: 1 or 2 ASCII bytes (sema) */
        return CM_NL_GIVEN | (unsigned char)line_sep[0] << 8 | (unsigned char)line_sep[1] << 16;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\n')
            return CM_NL_LF;
        if (p[i] == '\r')
            return i + 1 < n && p[i + 1] == '\n' ? CM_NL_CRLF : CM_NL_CR;
    }
    return CM_NL_LF; /* Format.getSystemLineSeparator on Linux */
}

/* The reader's separator (lineSeparator1, lineSeparator2: -1 none) and the parser's newLine
   (Format.getNormalizedNewline: a one-character lineSep sets it, else '\n'), and whether a
   separator inside quotes reads as newLine (normalizeLineEndingsWithinQuotes: not with
   lineSep and multiLine). */
static void line_syntax(Ps *ps, int nl)
{
    ps->nn = '\n';
    ps->norm_q = true;
    ps->s2 = -1;
    switch (nl) {
    case CM_NL_LF:
        ps->s1 = '\n';
        return;
    case CM_NL_CRLF:
        ps->s1 = '\r';
        ps->s2 = '\n';
        return;
    case CM_NL_CR:
        ps->s1 = '\r';
        return;
    }
    ps->s1 = nl >> 8 & 0xFF;
    ps->s2 = nl >> 16 & 0xFF ? nl >> 16 & 0xFF : -1;
    ps->nn = ps->s2 < 0 ? ps->s1 : '\n';
    ps->norm_q = false;
}

/* The separator at p (the byte c just read, p after it): its second byte's count, -1 none. */
static int sep_here(const Ps *ps, int c, const char *p)
{
    if (c != ps->s1)
        return -1;
    if (ps->s2 < 0)
        return 0;
    return p < ps->end && (unsigned char)*p == ps->s2 ? 1 : -1;
}

/* AbstractCharInputReader.nextChar: a separator reads as newLine while normalizeLineEndings
   (off inside quotes when !norm_q), else as its bytes. */
static int next(Ps *ps)
{
    if (ps->p >= ps->end)
        longjmp(ps->eof, 1);
    int c = (unsigned char)*ps->p++;
    int more = sep_here(ps, c, ps->p);
    if (more < 0 || !ps->norm)
        return c;
    ps->p += more;
    return ps->nn;
}

static bool is_ws(int c)
{
    return c >= 0 && c <= ' '; /* whitespaceRangeStart is -1: '\0' too */
}

static void append(Ps *ps, int c)
{
    if (ps->out)
        ps->out[ps->used + ps->len] = (char)c;
    ps->len++;
    ps->ws = is_ws(c) ? ps->ws + 1 : 0;
}

static void prepend(Ps *ps, int c)
{
    if (ps->out) {
        memmove(ps->out + ps->used + 1, ps->out + ps->used, ps->len);
        ps->out[ps->used] = (char)c;
    }
    if (ps->len++ == 0)
        ps->ws = is_ws(c);
}

/* A value of the record: its token when within cap. */
static void put(Ps *ps, const char *s, size_t n, int kind)
{
    if (ps->column < ps->cap)
        ps->toks[ps->column] = (CmCsvTok){ps->raw, s, (uint32_t)n, kind};
    ps->column++;
}

/* ParserOutput.emptyParsed: nullValue (raw at the input's end: not at a quote). */
static void empty_parsed(Ps *ps)
{
    ps->raw = ps->end;
    put(ps, ps->end, 0, CM_CSV_PLAIN);
}

/* ParserOutput.valueParsed(): the appender's value (its trailing whitespace dropped when
   trim), emptyValue when that is empty (DefaultCharAppender.getAndReset). */
static void value_parsed(Ps *ps)
{
    size_t n = ps->len - (ps->trim ? ps->ws : 0);
    if (n == 0)
        put(ps, ps->raw, 0, CM_CSV_EMPTY);
    else
        put(ps, ps->out ? ps->out + ps->used : NULL, n, ps->out ? CM_CSV_QUOTED : CM_CSV_ENCODED);
    ps->used += ps->len;
    ps->len = ps->ws = 0;
}

/* appender.appendUntil(ch, input, a, b, c): returns the stop character. */
static int append_until(Ps *ps, int c, int a, int b, int d)
{
    for (; c != a && c != b && c != d; c = next(ps))
        append(ps, c);
    return c;
}

static void parse_value_escape(Ps *ps);

/* CsvParser.handleUnescapedQuoteInValue (STOP_AT_DELIMITER). */
static void unescaped_in_value(Ps *ps)
{
    if (++ps->depth > ML_MAX_DEPTH)
        longjmp(ps->eof, 2);
    append(ps, ps->q);
    ps->prev = ps->ch;
    parse_value_escape(ps);
    ps->depth--;
}

/* CsvParser.processQuoteEscape. */
static void quote_escape(Ps *ps)
{
    int ch = ps->ch, prev = ps->prev;
    if (ch == ps->x && prev == ps->ee && ps->ee != 0) {
        append(ps, ps->x);
        ps->ch = 0;
    } else if (prev == ps->x) {
        if (ch == ps->q) {
            append(ps, ps->q);
            ps->ch = 0;
        } else {
            append(ps, prev);
        }
    } else if (ch == ps->q && prev == ps->q) {
        append(ps, ps->q);
    } else if (prev == ps->q) {
        unescaped_in_value(ps);
    }
}

/* CsvParser.parseValueProcessingEscape. */
static void parse_value_escape(Ps *ps)
{
    while (ps->ch != ps->sep && ps->ch != ps->nn) {
        if (ps->ch != ps->q && ps->ch != ps->x) {
            if (ps->prev == ps->q) {
                unescaped_in_value(ps);
                return;
            }
            append(ps, ps->ch);
        } else {
            quote_escape(ps);
        }
        ps->prev = ps->ch;
        ps->ch = next(ps);
    }
}

/* CsvParser.parseQuotedValue (keepQuotes off, no trimming inside quotes). */
static void parse_quoted(Ps *ps)
{
    if (ps->prev != 0) { /* parseUnescapedQuotesUntilDelimiter */
        prepend(ps, ps->q);
        ps->ch = next(ps);
        ps->trim = ps->o->trim_trailing;
        ps->ch = append_until(ps, ps->ch, ps->sep, ps->nn, ps->nn);
        return;
    }
    ps->ch = next(ps);
    for (;;) {
        if (ps->prev == ps->q && (is_ws(ps->ch) || ps->ch == ps->sep || ps->ch == ps->nn))
            break;
        if (ps->ch != ps->q && ps->ch != ps->x) {
            if (ps->prev == ps->q) { /* handleUnescapedQuote (STOP_AT_DELIMITER) */
                ps->unescaped = true;
                append(ps, ps->q);
                append(ps, ps->ch);
                ps->prev = ps->ch;
                parse_quoted(ps);
                return;
            }
            if (ps->prev == ps->x && ps->x != 0)
                append(ps, ps->x);
            ps->ch = append_until(ps, ps->ch, ps->q, ps->x, ps->ee);
            ps->prev = ps->ch;
            ps->ch = next(ps);
        } else {
            quote_escape(ps);
            ps->prev = ps->ch;
            ps->ch = next(ps);
            if (ps->unescaped && (ps->ch == ps->sep || ps->ch == ps->nn))
                return;
        }
    }
    /* whitespace after the quoted value: dropped, unless more follows it */
    if (ps->ch != ps->sep && ps->ch != ps->nn && is_ws(ps->ch)) {
        const char *ws = ps->p - 1; /* whitespace is read as it is (never a separator) */
        do {
            ps->ch = next(ps);
            if (ps->ch == ps->nn)
                return;
        } while (is_ws(ps->ch) && ps->ch != ps->sep);
        if (ps->ch != ps->sep) {
            append(ps, ps->q);
            for (const char *w = ws; w < ps->p - 1; w++)
                append(ps, (unsigned char)*w);
            append(ps, ps->ch);
            ps->prev = ps->ch;
            parse_quoted(ps);
        }
    }
}

/* Would AbstractCharInputReader.getQuotedString read the quoted value whose opening quote is
   at p - 1 (a value without escapes or line ends, its closing quote followed by the
   delimiter or newLine)?  Its value is parse_quoted's, but it leaves the parser's prev as
   it was (0), which consumeValueOnEOF reads. */
static bool fast_quoted(const Ps *ps, const char *p)
{
    for (const char *i = p;; i++) {
        if (i >= ps->end)
            return false;
        int c = (unsigned char)*i;
        bool more = i + 1 < ps->end;
        int next = more ? (unsigned char)i[1] : -1;
        if (c == ps->q)
            return (unsigned char)i[-1] != ps->x && more && (next == ps->sep || next == ps->nn);
        if (c == ps->x) {
            if (more && (next == ps->q || next == ps->ee))
                return false;
        } else if (c == ps->s1 && ps->norm_q && (ps->s2 < 0 || next == ps->s2)) {
            return false;
        }
    }
}

/* Does univocity skip the current value (its appender the NoopCharAppender, CmCsvMl.sel)? */
static bool skipped(const Ps *ps)
{
    return ps->o->sel && !(ps->column < ps->n_sel && ps->o->sel[ps->column] == '1');
}

/* AbstractCharInputReader.skipQuotedString(quote, quoteEscape, delimiter, newLine), the
   opening quote just read (at p - 1): a quote whose byte before is the escape counts as
   escaped whatever came before that escape; the first other quote followed by the delimiter
   or newLine ends the value: then p is past that quote.  false where it gives up (a quote
   followed by anything else, the end of the input, or a line separator while line endings
   are normalised inside quotes), and parseQuotedValue reads the value. */
static bool skip_quoted(Ps *ps)
{
    if (ps->p >= ps->end) /* `i == 0`: the quote was the input's last character */
        return false;
    for (const char *i = ps->p; i < ps->end; i++) {
        int c = (unsigned char)*i;
        bool more = i + 1 < ps->end;
        int next = more ? (unsigned char)i[1] : -1;
        if (c == ps->q) {
            if ((unsigned char)i[-1] == ps->x)
                continue;
            if (more && (next == ps->sep || next == ps->nn)) {
                ps->p = i + 1;
                return true;
            }
            return false;
        }
        if (c == ps->s1 && ps->norm && (ps->s2 < 0 || next == ps->s2))
            return false;
    }
    return false;
}

/* AbstractCharInputReader.getString (doNotEscapeUnquotedValues): the value from ch (just
   read, at p - 1) up to the delimiter or the file's separator; false when the scan reaches
   the end of the input (the caller then appends). */
static bool get_string(Ps *ps)
{
    const char *first = ps->p - 1, *i = ps->p;
    int c = ps->ch;
    for (; c != ps->sep; c = (unsigned char)*i++) {
        if (i >= ps->end)
            return false;
        if (sep_here(ps, c, i) >= 0)
            break;
    }
    size_t n = (size_t)(i - 1 - first);
    if (ps->o->trim_trailing && !skipped(ps)) { /* skipString: the same end, nothing trimmed */
        while (n > 0 && is_ws((unsigned char)first[n - 1]))
            n--;
        if (n == 0 && ps->o->at_file_start) { /* 2.9.1 walks on, past the buffer's start? */
            const char *w = first;
            while (w > ps->input && is_ws((unsigned char)w[-1]))
                w--;
            if (w == ps->input)
                longjmp(ps->eof, 3);
        }
    }
    ps->p = i - 1;
    put(ps, first, n, CM_CSV_PLAIN);
    ps->ch = next(ps);
    return true;
}

/* AbstractCharInputReader.skipWhitespace(ch, delimiter, quote). */
static int skip_ws(Ps *ps, int c)
{
    while (is_ws(c) && c != ps->sep && c != ps->nn && c != ps->q)
        c = next(ps);
    return c;
}

/* CsvParser.parseSingleDelimiterRecord. */
static void parse_record(Ps *ps)
{
    bool lead = ps->o->trim_leading;
    if (lead && is_ws(ps->ch))
        ps->ch = skip_ws(ps, ps->ch);
    while (ps->ch != ps->nn) {
        if (lead && is_ws(ps->ch))
            ps->ch = skip_ws(ps, ps->ch);
        ps->raw = ps->p - 1;
        if (ps->ch == ps->sep || ps->ch == ps->nn) {
            empty_parsed(ps);
        } else {
            ps->unescaped = false;
            ps->prev = 0;
            if (ps->ch == ps->q) {
                ps->trim = false; /* trimQuotedTrailing */
                ps->norm = ps->norm_q; /* enableNormalizeLineEndings(...InQuotes) */
                bool skip = skipped(ps);
                if (skip && skip_quoted(ps)) {
                    /* valueParsed, then nextChar with line endings still normalised as
                       inside quotes; the end of the input ends the record (its EOFException
                       caught there) */
                    put(ps, ps->raw, 0, CM_CSV_PLAIN);
                    if (ps->p >= ps->end)
                        return;
                    ps->ch = next(ps);
                    if (ps->ch == ps->sep) {
                        if (ps->p >= ps->end) {
                            empty_parsed(ps);
                            return;
                        }
                        ps->ch = next(ps);
                        if (ps->ch == ps->nn)
                            empty_parsed(ps);
                    }
                    continue;
                }
                bool fast = !skip && fast_quoted(ps, ps->p); /* getQuotedString: length 0 */
                parse_quoted(ps);
                ps->norm = true;
                value_parsed(ps);
                if (fast)
                    ps->prev = 0;
            } else if (!get_string(ps)) {
                ps->trim = ps->o->trim_trailing;
                const char *first = ps->p - 1;
                ps->ch = append_until(ps, ps->ch, ps->sep, ps->nn, ps->nn);
                ps->len = ps->ws = 0; /* the bytes as they are: put from the input */
                size_t n = (size_t)(ps->p - 1 - first);
                while (ps->trim && n > 0 && is_ws((unsigned char)first[n - 1]))
                    n--;
                put(ps, first, n, n ? CM_CSV_PLAIN : CM_CSV_EMPTY); /* valueParsed */
            }
        }
        if (ps->ch != ps->nn) {
            ps->ch = next(ps);
            if (ps->ch == ps->nn)
                empty_parsed(ps);
        }
    }
}

/* CsvParser.consumeValueOnEOF (the format's comment is '#' even with comment processing
   off). */
static bool consume_on_eof(Ps *ps)
{
    if (ps->ch == ps->q) {
        if (ps->prev == ps->q)
            return true;
        if (!ps->unescaped)
            append(ps, ps->q);
    }
    int comment = ps->o->comment && ps->o->comment_n == 1 ? (unsigned char)ps->o->comment[0] : '#';
    bool out = ps->prev != 0 && ps->ch != ps->sep && ps->ch != ps->nn && ps->ch != comment;
    ps->ch = ps->prev = 0;
    return out;
}

/* AbstractParser.handleEOF: the record the end of the input ends, if any. */
static void handle_eof(Ps *ps)
{
    bool consume = consume_on_eof(ps);
    bool content = ps->p > ps->start; /* currentParsedContentLength() > 0 */
    if (ps->column != 0 || consume) {
        if (ps->len > 0 || consume)
            value_parsed(ps);
        else if (content)
            empty_parsed(ps);
    } else if (ps->len > 0 || content) {
        if (ps->len == 0)
            empty_parsed(ps);
        else
            value_parsed(ps);
    }
}

/* Does the record at p start with the comment (AbstractParser.inComment: ch == comment)? */
static bool at_comment(const Ps *ps, const char *p)
{
    const CmCsvMl *o = ps->o;
    return o->comment && o->comment_n && (size_t)(ps->end - p) >= o->comment_n &&
           memcmp(p, o->comment, o->comment_n) == 0;
}

/* skipLines(1): up to after the file's next separator, or the end. */
static const char *skip_line(const Ps *ps, const char *p)
{
    while (p < ps->end) {
        int c = (unsigned char)*p++;
        int more = sep_here(ps, c, p);
        if (more >= 0)
            return p + more;
    }
    return p;
}

/* Scala 2.12's StringOps.stripLineEnd: one trailing LF (with a CR before it) or FF. */
static const char *strip_line_end(const char *s, const char *e)
{
    if (e > s && (e[-1] == '\n' || e[-1] == '\f')) {
        bool crlf = e[-1] == '\n' && e - s >= 2 && e[-2] == '\r';
        e -= crlf ? 2 : 1;
    }
    return e;
}

void cm_csv_ml_record(const CmCsvMl *o, const char *p, const char *end, char *out, CmCsvTok *toks,
                      int cap, CmCsvRec *rec)
{
    Ps ps = {.o = o, .p = p, .end = end, .out = out, .toks = toks, .cap = cap, .input = p};
    ps.sep = o->sep;
    ps.q = o->quote == 0xFF ? -2 : o->quote;
    ps.x = o->esc == 0xFF ? 0 : o->esc;
    ps.ee = ps.x != ps.q ? ps.x : 0;
    line_syntax(&ps, o->nl);
    ps.prev = o->prev;
    ps.n_sel = o->sel ? (int)strlen(o->sel) : 0;
    rec->too_deep = rec->spark_fails = false;
    for (;;) { /* parseNext */
        ps.start = ps.p;
        ps.norm = true;
        ps.column = 0;
        ps.used = ps.len = ps.ws = 0;
        int why = setjmp(ps.eof);
        if (why >= 2) {
            rec->too_deep = why == 2;
            rec->spark_fails = why == 3;
            ps.column = 0;
            ps.p = ps.end;
            break;
        }
        if (why == 1) {
            handle_eof(&ps);
            break;
        }
        if (at_comment(&ps, ps.p)) {
            ps.ch = (unsigned char)*ps.p;
            ps.p = skip_line(&ps, ps.p);
            continue;
        }
        ps.ch = next(&ps);
        parse_record(&ps);
        if (ps.column > 0)
            break;
    }
    rec->start = ps.start;
    rec->next = ps.p;
    rec->text_end = strip_line_end(ps.start, ps.p);
    rec->n_toks = ps.column;
    rec->prev = ps.prev;
}
