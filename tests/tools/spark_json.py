"""spark_json.py - a python model of Spark 3.5's JSON path functions (get_json_object,
json_array_length, json_object_keys) over a model of Jackson 2.15's ReaderBasedJsonParser
(with Spark's SharedFactory features ALLOW_UNESCAPED_CONTROL_CHARS and ALLOW_SINGLE_QUOTES)
and its JsonGenerator, for funcdiff.py.

The parser is a token stream as Jackson's is: an error is raised only when the token that
holds it is read, so text after the part a function reads is never looked at.
"""

import re

from spark_show import java_double


class JsonError(Exception):
    """JsonProcessingException: the functions return NULL."""


class Unsupported(Exception):
    """A value the model does not cover (a lone surrogate, a huge array index)."""


START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY = "{", "}", "[", "]"
FIELD_NAME, STRING, INT, FLOAT, LITERAL = "name", "string", "int", "float", "literal"

NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r",
           "'": "'"}  # \' only because ALLOW_SINGLE_QUOTES is on (_handleUnrecognizedCharacterEscape)


class Parser:
    """JsonParser.nextToken / skipChildren / currentToken over a str (Spark hands Jackson a
    Reader of the UTF-8 text: CreateJacksonParser.utf8String)."""

    def __init__(self, text):
        self.s, self.i = text, 0
        self.stack = []  # per open container: [kind, count of values so far]
        self.tok, self.val = None, None
        self.expect_value = False  # after a FIELD_NAME

    def ws(self):
        """Jackson's _skipWSOrEnd: space, tab, CR, LF; other chars below 0x20 are errors."""
        while self.i < len(self.s) and self.s[self.i] in " \t\r\n":
            self.i += 1
        if self.i < len(self.s) and self.s[self.i] < " ":
            raise JsonError("illegal character")
        return self.s[self.i] if self.i < len(self.s) else None

    def next_token(self):
        c = self.ws()
        if self.expect_value:
            if c != ":":
                raise JsonError("expected ':'")
            self.i += 1
            self.expect_value = False
            return self.value(self.ws())
        if self.stack:
            kind, count = self.stack[-1]
            close = "}" if kind == "{" else "]"
            if c is None:
                raise JsonError("Unexpected end-of-input")
            if c == close:
                self.i += 1
                self.stack.pop()
                self.tok = END_OBJECT if kind == "{" else END_ARRAY
                return self.tok
            if count:
                if c != ",":
                    raise JsonError("expected comma")
                self.i += 1
                c = self.ws()
            self.stack[-1][1] += 1
            if kind == "{":
                if c not in ("'", '"'):
                    raise JsonError("expected field name")
                self.val = self.string(c)
                self.expect_value = True
                self.tok = FIELD_NAME
                return self.tok
            if c == "]" or c == ",":
                raise JsonError("missing value")  # ALLOW_MISSING_VALUES, ALLOW_TRAILING_COMMA off
            return self.value(c)
        if c is None:
            self.tok = None
            return None
        return self.value(c, root=True)

    def value(self, c, root=False):
        if c is None:
            raise JsonError("Unexpected end-of-input")
        if c in "{[":
            self.i += 1
            self.stack.append([c, 0])
            self.tok = START_OBJECT if c == "{" else START_ARRAY
        elif c in "\"'":
            self.val = self.string(c)
            self.tok = STRING
        elif c == "-" or c.isdigit() and c < "\x80":
            self.number(root)
        else:
            self.literal()
        return self.tok

    def string(self, quote):
        """_finishString / _parseName: escapes decoded, raw control chars kept."""
        self.i += 1
        out = []
        while True:
            if self.i >= len(self.s):
                raise JsonError("end-of-input in string")
            ch = self.s[self.i]
            self.i += 1
            if ch == quote:  # Java's UTF-16: a \\u escaped surrogate pair is one code point
                return "".join(out).encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")
            if ch != "\\":
                out.append(ch)
                continue
            if self.i >= len(self.s):
                raise JsonError("end-of-input in escape")
            e = self.s[self.i]
            self.i += 1
            if e == "u":
                h = self.s[self.i:self.i + 4]
                if not re.fullmatch(r"[0-9a-fA-F]{4}", h):
                    raise JsonError("bad \\u escape")
                self.i += 4
                out.append(chr(int(h, 16)))
            elif e in ESCAPES:
                out.append(ESCAPES[e])
            else:
                raise JsonError("Unrecognized character escape")

    def number(self, root):
        m = NUMBER.match(self.s, self.i)
        if not m:
            raise JsonError("bad number")
        end = m.end()
        nxt = self.s[end] if end < len(self.s) else None
        if nxt is not None and (nxt.isdigit() and nxt < "\x80" or nxt in ".eE"):
            raise JsonError("bad number")  # leading zero, "1.", "1e", "1.2.3"
        if root and nxt is not None and nxt not in " \t\r\n":
            raise JsonError("missing root whitespace")  # _verifyRootSpace
        self.i = end
        self.val = m.group(0)
        self.tok = FLOAT if m.group(2) or m.group(3) else INT

    def literal(self):
        """_matchTrue/_matchFalse/_matchNull: the word, then no Java identifier part."""
        for w in ("true", "false", "null"):
            if self.s.startswith(w, self.i):
                end = self.i + len(w)
                nxt = self.s[end] if end < len(self.s) else None
                if nxt is not None and nxt >= "0" and nxt not in "]}" and (
                        nxt.isalnum() or nxt in "_$" or not nxt.isascii()):
                    raise JsonError("Unrecognized token")
                self.i = end
                self.val = w
                self.tok = LITERAL
                return
        raise JsonError("Unrecognized token")

    def skip_children(self):
        if self.tok not in (START_OBJECT, START_ARRAY):
            return
        depth = len(self.stack)
        while True:
            self.next_token()
            if len(self.stack) < depth:
                return


def json_quote(s, utf8):
    """JsonGenerator.writeString: '"', '\\' and chars below 0x20 escaped (short forms for
    \\b \\t \\n \\f \\r, else \\u00XX in upper-case hex: CharTypes.sOutputEscapes128);
    UTF8JsonGenerator (utf8) also escapes each UTF-16 surrogate (_outputMultiByteChar), the
    WriterBasedJsonGenerator of a `[*]` buffer does not."""
    out = ['"']
    for ch in s:
        if utf8 and ord(ch) > 0xFFFF:
            u = ord(ch) - 0x10000
            out.append("\\u%04X\\u%04X" % (0xD800 + (u >> 10), 0xDC00 + (u & 0x3FF)))
            continue
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch < " ":
            out.append({"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}.get(
                ch, "\\u%04X" % ord(ch)))
        elif 0xD800 <= ord(ch) <= 0xDFFF:
            raise Unsupported()
        else:
            out.append(ch)
    return "".join(out) + '"'


def scalar_text(p, utf8):
    """copyCurrentEvent of a scalar: writeNumber(int/long/BigInteger) or
    writeNumber(getDoubleValue()) (Double.toString; not finite written as a quoted string:
    QUOTE_NON_NUMERIC_NUMBERS), writeString, true/false/null."""
    if p.tok == INT:
        return str(int(p.val))
    if p.tok == FLOAT:
        d = float(p.val)
        txt = java_double(d)
        return '"' + txt + '"' if d in (float("inf"), float("-inf")) else txt
    if p.tok == STRING:
        return json_quote(p.val, utf8)
    return p.val


def copy_structure(p, utf8):
    """JsonGenerator.copyCurrentStructure: compact JSON of the current value."""
    if p.tok is None:
        raise JsonError("No current event to copy")
    if p.tok in (START_OBJECT, START_ARRAY):
        obj = p.tok == START_OBJECT
        parts = []
        while True:
            t = p.next_token()
            if t in (END_OBJECT, END_ARRAY):
                break
            if obj:
                name = json_quote(p.val, utf8)
                p.next_token()
                parts.append(name + ":" + copy_structure(p, utf8))
            else:
                parts.append(copy_structure(p, utf8))
        return ("{" if obj else "[") + ",".join(parts) + ("}" if obj else "]")
    return scalar_text(p, utf8)


# ---------------------------------------------------------------- JsonPathParser

def parse_path(path):
    """JsonPathParser: root '$', then nodes `.*` / `['*']` (Wildcard), `.name` (name: [^.[]+)
    / `['name']` (name: [^'?]+), `[*]` / `[n]`; None when it does not parse. A scala
    RegexParsers skips whitespace (\\s+) before its string literals and regexes only, not
    before Char literals ('$', '.', '[', '*', ']': Parsers.accept), and at the end (phrase)."""
    def skip(j):
        while j < len(path) and path[j] in " \t\n\r\f\x0b":
            j += 1
        return j
    if not path.startswith("$"):
        return None
    i, out = 1, []
    while True:
        j = skip(i)
        if path.startswith(".*", j) or path.startswith("['*']", j):  # literal(".*") | "['*']"
            out.append(("wild",))
            i = j + (2 if path[j] == "." else 5)
            continue
        if path.startswith(".", i):  # '.' ~> "[^\\.\\[]+".r
            m = re.compile(r"[^.\[]+").match(path, skip(i + 1))
            if m:
                out += [("key",), ("named", m.group(0))]
                i = m.end()
                continue
        if path.startswith("['", j):  # "['" ~> "[^\\'\\?]+".r <~ "']"
            m = re.compile(r"[^'?]+").match(path, skip(j + 2))
            if m and path.startswith("']", skip(m.end())):
                out += [("key",), ("named", m.group(0))]
                i = skip(m.end()) + 2
                continue
        if path.startswith("[", i):  # '[' ~> ('*' | "\\d+".r) <~ ']'
            if path.startswith("*", i + 1):
                e, op = i + 2, ("wild",)
            else:
                m = re.compile(r"[0-9]+").match(path, skip(i + 1))
                if not m:
                    return None
                if len(m.group(0)) > 18:
                    raise Unsupported()  # toLong throws out of the parser
                e, op = m.end(), ("index", int(m.group(0)))
            if path.startswith("]", e):
                out += [("sub",), op]
                i = e + 1
                continue
        return out if j >= len(path) else None


# ---------------------------------------------------------------- GetJsonObject.evaluatePath

class Gen:
    """The output: a list of written values (a generator at root or inside an array); utf8
    for Spark's UTF8JsonGenerator, not for the StringWriter one of a `[*]` buffer."""

    def __init__(self, utf8):
        self.parts, self.utf8 = [], utf8


def evaluate(p, g, style, path):
    tok = p.tok
    if tok == STRING and not path and style == "raw":
        g.parts.append(p.val)  # writeRaw: the string without quotes
        if any(0xD800 <= ord(c) <= 0xDFFF for c in p.val):
            raise Unsupported()
        return True
    if tok == START_ARRAY and not path and style == "flatten":
        dirty = False
        while p.next_token() != END_ARRAY:
            dirty |= evaluate(p, g, style, [])
        return dirty
    if not path:
        g.parts.append(copy_structure(p, g.utf8))
        return True
    head = path[0]
    if tok == START_OBJECT and head == ("key",):
        dirty = False
        while p.next_token() != END_OBJECT:
            if dirty:
                p.skip_children()
            else:
                dirty = evaluate(p, g, style, path[1:])
        return dirty
    if tok == START_ARRAY and path[:2] == [("sub",), ("wild",)] and path[2:4] == [("sub",), ("wild",)]:
        inner = Gen(g.utf8)
        dirty = False
        while p.next_token() != END_ARRAY:
            dirty |= evaluate(p, inner, "flatten", path[4:])
        g.parts.append("[" + ",".join(inner.parts) + "]")
        return dirty
    if tok == START_ARRAY and path[:2] == [("sub",), ("wild",)] and style != "quoted":
        inner = Gen(False)
        dirty = 0
        while p.next_token() != END_ARRAY:
            dirty += 1 if evaluate(p, inner, "quoted" if style == "raw" else style, path[2:]) else 0
        buf = "[" + ",".join(inner.parts) + "]"
        if dirty > 1:
            g.parts.append(buf)
        elif dirty == 1:
            g.parts.append(buf[1:-1])
        return dirty > 0
    if tok == START_ARRAY and path[:2] == [("sub",), ("wild",)]:
        inner = Gen(g.utf8)
        dirty = False
        while p.next_token() != END_ARRAY:
            dirty |= evaluate(p, inner, "quoted", path[2:])
        g.parts.append("[" + ",".join(inner.parts) + "]")
        return dirty
    if tok == START_ARRAY and head == ("sub",) and path[1][0] == "index":
        rest = path[2:]
        st = "quoted" if rest[:2] == [("sub",), ("wild",)] else style
        p.next_token()
        return array_index(p, lambda: evaluate(p, g, st, rest), path[1][1])
    if tok == FIELD_NAME and head[0] == "named" and p.val == head[1]:
        if p.next_token() == LITERAL and p.val == "null":
            return False
        return evaluate(p, g, style, path[1:])
    if tok == FIELD_NAME and head == ("wild",):
        p.next_token()
        return evaluate(p, g, style, path[1:])
    p.skip_children()
    return False


def array_index(p, f, i):
    while True:
        if p.tok == END_ARRAY:
            return False
        if i == 0:
            dirty = f()
            while p.next_token() != END_ARRAY:
                p.skip_children()
            return dirty
        p.skip_children()
        p.next_token()
        i -= 1


def get_json_object(json, path):
    """GetJsonObject.eval: NULL for a path that does not parse, malformed JSON or no match;
    the generator's root values are separated by a space (Jackson's root separator)."""
    parsed = parse_path(path)
    if parsed is None:
        return None
    p = Parser(json)
    g = Gen(True)
    try:
        p.next_token()
        matched = evaluate(p, g, "raw", parsed)
    except JsonError:
        return None
    return " ".join(g.parts) if matched else None


def json_array_length(json):
    """LengthOfJsonArray: NULL unless the first token starts an array; each element skipped."""
    p = Parser(json)
    try:
        if p.next_token() != START_ARRAY:
            return None
        n = 0
        while p.next_token() != END_ARRAY:
            n += 1
            p.skip_children()
        return n
    except JsonError:
        return None


def json_object_keys(json):
    """JsonObjectKeys: NULL unless the first token starts an object; its field names in order."""
    p = Parser(json)
    try:
        if p.next_token() != START_OBJECT:
            return None
        keys = []
        while p.next_token() != END_OBJECT:
            keys.append(p.val)
            p.next_token()
            p.skip_children()
        # UTF8String.fromString: String.getBytes(UTF_8) writes a lone surrogate as '?'
        return [re.sub("[\ud800-\udfff]", "?", k) for k in keys]
    except JsonError:
        return None
