"""spark_csv_multiline.py - a CSV file as Spark 3.5 reads it with multiLine = true.

MultiLineCSVDataSource hands each file whole to UnivocityParser.parseStream: univocity
2.9.1's CsvParser.beginParsing on the file's stream, the header (header = true) one parseNext,
then one parseNext per record (convertStream), each record converted by UnivocityParser.convert
and FailureSafeParser, a malformed one's text UnivocityParser.getCurrentInput
(currentParsedContent().stripLineEnd).

Translated statement by statement from univocity 2.9.1 (AbstractCharInputReader: nextChar with
its line separator detected by LineSeparatorDetector on the first buffer and normalised to
'\\n', getString, getQuotedString, skipWhitespace, currentParsedContent, the BOM skipped in
start; CsvParser: parseSingleDelimiterRecord, parseQuotedValue, processQuoteEscape,
parseValueProcessingEscape, handleUnescapedQuote(InValue) with STOP_AT_DELIMITER,
consumeValueOnEOF; AbstractParser: parseNext, handleEOF; ParserOutput: valueParsed,
emptyParsed, rowParsed; DefaultCharAppender: getAndReset, updateWhitespace), with the settings
CSVOptions.asParserSettings gives without lineSep: line separator detection on, line endings
normalised inside quotes, quoteEscape = escape, charToEscapeQuoteEscaping unset (univocity: the
escape unless it is the quote), comment processing off (the format's comment stays '#'),
nullValue and emptyValue "" by default, whitespace any char <= ' ' (skipBitsAsWhitespace: the
range starts at -1).  The file is one buffer (univocity's is 1 MB: the tests' files are small),
its characters Python's (the tests' files are ASCII).

Written from univocity's and Spark's sources, not from sluice's common/cm_csv_ml.c.
"""


import spark_csv_read
from spark_csv_read import EOF, NL  # NL: the format's normalized newline (newLine)


def ws(c):
    return c <= " "  # whitespaceRangeStart -1 < c, for every char


class Reader:
    """AbstractCharInputReader over one buffer holding the whole file."""

    def __init__(self, text):
        self.buf, self.length, self.i = text, len(text), 0
        self.record_start, self.tmp = 0, ""
        self.normalize = True
        self.ch = "\0"
        self.sep1, self.sep2 = self.detect(text) if text else ("\n", "\0")
        if self.length == 0:
            self.length = -1
        elif self.buf[0] == "\ufeff":  # start: a decoded BOM is skipped
            self.i = 1

    @staticmethod
    def detect(text):
        """LineSeparatorDetector.execute; none found: the system's, "\\n"."""
        s1 = s2 = "\0"
        for ch in text:
            if ch in "\r\n":
                if s1 == "\0":
                    s1 = ch
                else:
                    s2 = ch
                    break
            elif s1 != "\0":
                break
        if s1 == "\0":
            return "\n", "\0"
        if s1 == "\n":
            return "\n", "\0"
        return "\r", "\n" if s2 == "\n" else "\0"

    def update_buffer(self):
        """The end of the only buffer: what is left of the record goes to tmp, then EOF."""
        if self.length - self.record_start > 0:
            self.tmp += self.buf[self.record_start:self.length]
        self.record_start, self.i, self.length = 0, 0, -1

    def next_char(self):
        if self.length == -1:
            self.ch = "\0"
            raise EOF()
        ch = self.buf[self.i]
        self.i += 1
        if self.i >= self.length:
            self.update_buffer()
        if self.sep1 == ch and (self.sep2 == "\0" or
                                (self.length != -1 and self.sep2 == self.buf[self.i])):
            if self.normalize:
                ch = NL
                if self.sep2 == "\0":
                    self.ch = ch
                    return ch
                self.i += 1
                if self.i >= self.length:
                    if self.length != -1:
                        self.update_buffer()
                    else:
                        self.ch = ch
                        raise EOF()
        self.ch = ch
        return ch

    def skip_whitespace(self, ch, stop1, stop2):
        while ws(ch) and ch != stop1 and ch != NL and ch != stop2:
            ch = self.next_char()
        return ch

    def current_parsed_content(self):
        if not self.tmp:
            if self.i > self.record_start:
                return self.buf[self.record_start:self.i]
            return None
        out = self.tmp + (self.buf[self.record_start:self.i] if self.i > self.record_start else "")
        self.tmp = ""
        return out

    def current_parsed_content_length(self):
        return self.i - self.record_start + len(self.tmp)

    def mark_record_start(self):
        self.tmp = ""
        self.record_start = self.i % self.length

    def get_string(self, ch, stop, trim, null_value):
        if self.i == 0:
            return None
        i = self.i
        while ch != stop:
            if i >= self.length:
                return None
            if self.sep1 == ch and (self.sep2 == "\0" or self.sep2 == self.buf[i]):
                break
            ch = self.buf[i]
            i += 1
        pos, ln = self.i - 1, i - self.i
        self.i = i - 1
        if trim:
            i -= 2
            while True:
                if i < 0:  # 2.9.1 reads buffer[-1] (fixed later: univocity issue #449)
                    raise IndexError("univocity 2.9.1: Index -1 out of bounds")
                if not ws(self.buf[i]):
                    break
                ln -= 1
                i -= 1
        out = null_value if ln <= 0 else self.buf[pos:pos + ln]
        self.next_char()
        return out

    def skip_string(self, ch, stop):
        """skipString: getString's scan, nothing trimmed (a skipped value)."""
        if self.i == 0:
            return False
        i = self.i
        while ch != stop:
            if i >= self.length:
                return False
            if self.sep1 == ch and (self.sep2 == "\0" or self.sep2 == self.buf[i]):
                break
            ch = self.buf[i]
            i += 1
        self.i = i - 1
        self.next_char()
        return True

    def skip_quoted_string(self, quote, escape, stop1, stop2):
        """skipQuotedString: a quote after the escape counts as escaped whatever came before
        it; the first other quote followed by stop1 or stop2 ends the value."""
        if self.i == 0:
            return False
        i = self.i
        while True:
            if i >= self.length:
                return False
            ch = self.buf[i]
            self.ch = ch
            if ch == quote:
                if self.buf[i - 1] == escape:
                    i += 1
                    continue
                if i + 1 < self.length and self.buf[i + 1] in (stop1, stop2):
                    break
                return False
            elif (self.sep1 == ch and self.normalize and
                  (self.sep2 == "\0" or i + 1 < self.length and self.sep2 == self.buf[i + 1])):
                return False
            i += 1
        self.i = i + 1
        if self.i >= self.length:
            self.update_buffer()
        return True

    def get_quoted_string(self, quote, escape, escape_escape, stop1, stop2):
        if self.i == 0:
            return None
        i = self.i
        while True:
            if i >= self.length:
                return None
            ch = self.buf[i]
            self.ch = ch
            if ch == quote:
                if self.buf[i - 1] == escape:
                    return None
                if i + 1 < self.length and self.buf[i + 1] in (stop1, stop2):
                    break
                return None
            elif ch == escape:
                if i + 1 < self.length and self.buf[i + 1] in (quote, escape_escape):
                    return None
            elif (self.sep1 == ch and self.normalize and
                  (self.sep2 == "\0" or i + 1 < self.length and self.sep2 == self.buf[i + 1])):
                return None
            i += 1
        out = self.buf[self.i:i]
        self.i = i + 1
        if self.i >= self.length:
            self.update_buffer()
        return out


class Parser(spark_csv_read.Tokenizer):
    """CsvParser with Spark's settings (delimiter ',' unless given, STOP_AT_DELIMITER): the
    line model's processQuoteEscape, parseValueProcessingEscape, handleUnescapedQuote(InValue),
    emptyParsed and appendUntil over this file's reader; the rest here (the whole file's
    reader, getQuotedString's fast path leaving prev alone, whitespace down to '\\0')."""

    def __init__(self, text, sep=",", quote='"', escape="\\", lead=False, trail=False,
                 null_value="", empty_value="", select=None):
        self.input = Reader(text)
        self.select, self.selecting = select, False  # the line model's Tokenizer.select
        self.delim, self.quote, self.esc = sep, quote, escape
        self.esc_esc = "\0" if quote == escape else escape
        self.lead, self.trail = lead, trail
        self.null_value, self.empty_value = null_value, empty_value
        self.comment = "#"
        self.ch, self.prev, self.unescaped = "\0", "\0", False
        self.stopped = False

    def next_char(self):
        return self.input.next_char()

    # ---------------------------------------------------------- ParserOutput, the appender

    def reset_output(self):
        self.values, self.app, self.trim = [], [], False

    def value_parsed(self, value=None):
        if value is None:
            s = "".join(self.app)
            if self.trim:  # updateWhitespace
                n = len(s)
                while n > 0 and ws(s[n - 1]):
                    n -= 1
                s = s[:n]
            value = s if s else self.empty_value
            self.app = []
        self.values.append(value)

    # ---------------------------------------------------------- AbstractParser

    def parse_next(self):
        """The next record's values, or None at the end of the file."""
        inp = self.input
        if self.stopped:
            return None
        self.reset_output()
        try:
            while True:
                inp.mark_record_start()
                self.ch = inp.next_char()
                self.parse_record()
                if self.values:  # rowParsed: an empty line is no row (skipEmptyLines)
                    self.selecting = True
                    return self.values
        except EOF:
            row = self.handle_eof()
            self.stopped = True
            return row

    def handle_eof(self):
        consume = self.consume_value_on_eof()
        if self.values or consume:
            if self.app or consume:
                self.value_parsed()
            elif self.input.current_parsed_content_length() > 0:
                self.empty_parsed()
            return self.values if self.values else None
        if self.app or self.input.current_parsed_content_length() > 0:
            if not self.app:
                self.empty_parsed()
            else:
                self.value_parsed()
            return self.values
        return None

    def consume_value_on_eof(self):
        q = self.quote
        if self.ch == q:
            if self.prev == q:
                return True
            if not self.unescaped:
                self.app.append(q)
        out = self.prev != "\0" and self.ch not in (self.delim, NL, self.comment)
        self.ch = self.prev = "\0"
        return out

    # ---------------------------------------------------------- CsvParser

    def parse_record(self):
        inp, q, d = self.input, self.quote, self.delim
        if self.lead and ws(self.ch):
            self.ch = inp.skip_whitespace(self.ch, d, q)
        while self.ch != NL:
            if self.lead and ws(self.ch):
                self.ch = inp.skip_whitespace(self.ch, d, q)
            if self.ch == d or self.ch == NL:
                self.empty_parsed()
            else:
                self.unescaped, self.prev = False, "\0"
                if self.ch == q:
                    inp.normalize = True  # normalizeLineEndingsWithinQuotes: true without lineSep
                    if self.skipped():  # the Noop appender's length() is -1
                        if inp.skip_quoted_string(q, self.esc, d, NL):
                            self.value_parsed("skipped")  # nextChar as normalised in quotes
                            if self.after_fast_value():
                                return
                            continue
                    elif not self.app:
                        value = inp.get_quoted_string(q, self.esc, self.esc_esc, d, NL)
                        if value is not None:
                            self.value_parsed(self.empty_value if value == "" else value)
                            inp.normalize = True
                            if self.after_fast_value():
                                return
                            continue
                    self.trim = False  # trimQuotedTrailing
                    self.parse_quoted_value()
                    inp.normalize = True
                    self.value_parsed()
                elif self.skipped():
                    if inp.skip_string(self.ch, d):
                        self.ch = inp.ch
                    else:
                        self.ch = self.append_until(self.ch, d, NL)
                    self.app = []
                    self.value_parsed("skipped")
                else:
                    value = None
                    if not self.app:
                        value = inp.get_string(self.ch, d, self.trail, self.null_value)
                    if value is not None:
                        self.value_parsed(value)
                        self.ch = inp.ch
                    else:
                        self.trim = self.trail
                        self.ch = self.append_until(self.ch, d, NL)
                        self.value_parsed()
            if self.ch != NL:
                self.ch = inp.next_char()
                if self.ch == NL:
                    self.empty_parsed()

    def parse_quoted_value(self):
        inp, q, d, e = self.input, self.quote, self.delim, self.esc
        if self.prev != "\0":  # parseUnescapedQuotesUntilDelimiter
            self.app.insert(0, q)
            self.ch = inp.next_char()
            self.trim = self.trail
            self.ch = self.append_until(self.ch, d, NL)
            return
        self.ch = inp.next_char()
        while True:
            if self.prev == q and (ws(self.ch) or self.ch == d or self.ch == NL):
                break
            if self.ch != q and self.ch != e:
                if self.prev == q:
                    self.handle_unescaped_quote()
                    return
                if self.prev == e and e != "\0":
                    self.app.append(e)
                self.ch = self.append_until(self.ch, q, e, self.esc_esc)
                self.prev = self.ch
                self.ch = inp.next_char()
            else:
                self.process_quote_escape()
                self.prev = self.ch
                self.ch = inp.next_char()
                if self.unescaped and (self.ch == d or self.ch == NL):
                    return
        if self.ch != d and self.ch != NL and ws(self.ch):
            spaces = []
            while True:
                spaces.append(self.ch)
                self.ch = inp.next_char()
                if self.ch == NL:
                    return
                if not (ws(self.ch) and self.ch != d):
                    break
            if self.ch != d:
                self.app.append(q)
                self.app.extend(spaces)
                self.app.append(self.ch)  # parseUnescapedQuotesUntilDelimiter: always
                self.prev = self.ch
                self.parse_quoted_value()
        if self.ch != d and self.ch != NL:
            raise ValueError("univocity: Unexpected character following quoted value")


def strip_line_end(s):
    """Scala's StringOps.stripLineEnd: one trailing LF (CR LF) or FF."""
    if s and s[-1] in "\n\f":
        return s[:-2] if s[-1] == "\n" and s.endswith("\r\n") else s[:-1]
    return s


def read_file(text, n_cols, header=False, **opts):
    """The rows PERMISSIVE reads from one file of STRING columns: (values, corrupt) with values
    n_cols strings or None, corrupt the record's text when it is malformed, else None."""
    p = Parser(text, **opts)
    rows = []
    if header:
        p.parse_next()
    while True:
        toks = p.parse_next()
        if toks is None:
            return rows
        text_now = p.input.current_parsed_content()
        vals = (list(toks) + [None] * n_cols)[:n_cols]
        vals = [None if v is None or v == p.null_value else v for v in vals]
        bad = len(toks) != n_cols
        rows.append((vals, strip_line_end(text_now or "") if bad else None))
