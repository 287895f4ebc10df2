"""spark_uri.py - a python model of Spark 3.5's URL functions for funcdiff.py: parse_url
(urlExpressions.scala ParseUrl over java.net.URI's Parser, JDK 17), url_decode (UrlCodec over
java.net.URLDecoder.decode(s, "UTF-8")).

java.net.URI works on UTF-16 chars, so the model does too: a code point beyond the BMP is two
surrogate chars, each an "other" char (not ASCII, not a space, not a control).
"""

import re
import unicodedata


class URISyntaxException(Exception):
    pass


class IllegalArgument(Exception):
    """URLDecoder's IllegalArgumentException (UrlCodec.decode: CANNOT_DECODE_URL)."""


def _set(chars):
    return frozenset(chars)


# The character classes of URI (its L_/H_ masks), as sets of ASCII chars; ESCAPED marks a class
# whose scan also takes escapes and visible non-ASCII chars (L_ESCAPED).
DIGIT = _set("0123456789")
ALPHA = _set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
ALPHANUM = DIGIT | ALPHA
HEX = DIGIT | _set("ABCDEFabcdef")
MARK = _set("-_.!~*'()")
UNRESERVED = ALPHANUM | MARK
RESERVED = _set(";/?:@&=+$,[]")
ESCAPED = "escaped"
URIC = RESERVED | UNRESERVED | {ESCAPED}
PCHAR = UNRESERVED | {ESCAPED} | _set(":@&=+$,")
PATH = PCHAR | _set(";/")
DASH = _set("-")
DOT = _set(".")
USERINFO = UNRESERVED | {ESCAPED} | _set(";:&=+$,")
REG_NAME = UNRESERVED | {ESCAPED} | _set("$,;:@&=+")
SERVER = USERINFO | ALPHANUM | DASH | _set(".:@[]")
SERVER_PERCENT = SERVER | _set("%")
SCHEME = ALPHA | DIGIT | _set("+-.")
SCOPE_ID = ALPHANUM | _set("_.")


def is_space_char(c):
    """Character.isSpaceChar: SPACE_SEPARATOR, LINE_SEPARATOR, PARAGRAPH_SEPARATOR."""
    return unicodedata.category(chr(c)) in ("Zs", "Zl", "Zp")


def is_iso_control(c):
    return c <= 0x1F or 0x7F <= c <= 0x9F


class Parser:
    """URI.Parser.parse(false): the components as slices of the UTF-16 input."""

    def __init__(self, s):
        b = s.encode("utf-16-le", "surrogatepass")
        self.u = [int.from_bytes(b[k:k + 2], "little") for k in range(0, len(b), 2)]
        self.scheme = self.authority = self.user = self.host = None
        self.path = self.query = self.fragment = None
        self.v6 = 0  # ipv6byteCount

    def ch(self, p):
        return chr(self.u[p])

    def sub(self, b, e):
        """input.substring(b, e), then UTF8String.fromString (a lone surrogate is '?')."""
        t = b"".join(x.to_bytes(2, "little") for x in self.u[b:e]).decode("utf-16-le", "surrogatepass")
        return re.sub("[\ud800-\udfff]", "?", t)

    def at(self, p, n, c):
        return p < n and self.ch(p) == c

    def at_s(self, p, n, s):
        return n - p >= len(s) and all(self.ch(p + k) == s[k] for k in range(len(s)))

    def scan_stop(self, p, n, err, stop):
        """scan(start, end, err, stop): -1 at a char of err, else the first char of stop."""
        while p < n:
            c = self.ch(p)
            if c in err:
                return -1
            if c in stop:
                break
            p += 1
        return p

    def scan_char(self, p, n, c):
        return p + 1 if self.at(p, n, c) else p

    def match(self, p, cls):
        c = self.u[p]
        return c != 0 and c < 128 and chr(c) in cls

    def scan(self, p, n, cls):
        """scan(start, n, lowMask, highMask) with scanEscape for an ESCAPED class."""
        while p < n:
            if self.match(p, cls):
                p += 1
                continue
            if ESCAPED in cls:
                c = self.u[p]
                if c == ord("%"):
                    if p + 3 <= n and self.match(p + 1, HEX) and self.match(p + 2, HEX):
                        p += 3
                        continue
                    raise URISyntaxException("Malformed escape pair")
                if c > 128 and not is_space_char(c) and not is_iso_control(c):
                    p += 1
                    continue
            break
        return p

    def check_chars(self, p, n, cls, what):
        if self.scan(p, n, cls) < n:
            raise URISyntaxException("Illegal character in " + what)

    def parse(self):
        n = len(self.u)
        p = self.scan_stop(0, n, "/?#", ":")
        if p >= 0 and self.at(p, n, ":"):
            if p == 0:
                raise URISyntaxException("Expected scheme name")
            self.check_chars(0, 1, ALPHA, "scheme name")
            self.check_chars(1, p, SCHEME, "scheme name")
            self.scheme = self.sub(0, p)
            p += 1
            if self.at(p, n, "/"):
                p = self.parse_hierarchical(p, n)
            else:
                q = self.scan_stop(p, n, "", "#")
                if q <= p:
                    raise URISyntaxException("Expected scheme-specific part")
                self.check_chars(p, q, URIC, "opaque part")
                p = q
        else:
            p = self.parse_hierarchical(0, n)
        if self.at(p, n, "#"):
            self.check_chars(p + 1, n, URIC, "fragment")
            self.fragment = self.sub(p + 1, n)
            p = n
        if p < n:
            raise URISyntaxException("end of URI")

    def parse_hierarchical(self, p, n):
        if self.at(p, n, "/") and self.at(p + 1, n, "/"):
            p += 2
            q = self.scan_stop(p, n, "", "/?#")
            if q > p:
                p = self.parse_authority(p, q)
            elif q >= n:
                raise URISyntaxException("Expected authority")
        q = self.scan_stop(p, n, "", "?#")
        self.check_chars(p, q, PATH, "path")
        self.path = self.sub(p, q)
        p = q
        if self.at(p, n, "?"):
            p += 1
            q = self.scan_stop(p, n, "", "#")
            self.check_chars(p, q, URIC, "query")
            self.query = self.sub(p, q)
            p = q
        return p

    def parse_authority(self, p, n):
        if self.scan_stop(p, n, "", "]") > p:
            server_chars = self.scan(p, n, SERVER_PERCENT) == n
        else:
            server_chars = self.scan(p, n, SERVER) == n
        reg_chars = self.scan(p, n, REG_NAME) == n
        if reg_chars and not server_chars:
            self.authority = self.sub(p, n)
            return n
        q, ex = p, None
        if server_chars:
            try:
                q = self.parse_server(p, n)
                if q < n:
                    raise URISyntaxException("Expected end of authority")
                self.authority = self.sub(p, n)
            except URISyntaxException as x:
                self.user = self.host = None
                ex, q = x, p
        if q < n:
            if reg_chars:
                self.authority = self.sub(p, n)
            elif ex is not None:
                raise ex
            else:
                raise URISyntaxException("Illegal character in authority")
        return n

    def parse_server(self, p, n):
        q = self.scan_stop(p, n, "/?#", "@")
        if q >= p and self.at(q, n, "@"):
            self.check_chars(p, q, USERINFO, "user info")
            self.user = self.sub(p, q)
            p = q + 1
        if self.at(p, n, "["):
            p += 1
            q = self.scan_stop(p, n, "/?#", "]")
            if q > p and self.at(q, n, "]"):
                r = self.scan_stop(p, q, "", "%")
                if r > p:
                    self.parse_ipv6(p, r)
                    if r + 1 == q:
                        raise URISyntaxException("scope id expected")
                    self.check_chars(r + 1, q, SCOPE_ID, "scope id")
                else:
                    self.parse_ipv6(p, q)
                self.host = self.sub(p - 1, q + 1)
                p = q + 1
            else:
                raise URISyntaxException("Expected closing bracket for IPv6 address")
        else:
            q = self.parse_ipv4(p, n)
            if q <= p:
                q = self.parse_hostname(p, n)
            p = q
        if self.at(p, n, ":"):
            p += 1
            q = self.scan_stop(p, n, "", "/")
            if q > p:
                self.check_chars(p, q, DIGIT, "port number")
                if int(self.sub(p, q)) > 2**31 - 1:
                    raise URISyntaxException("Malformed port number")
                p = q
        if p < n:
            raise URISyntaxException("Expected port number")
        return p

    def scan_byte(self, p, n):
        q = self.scan(p, n, DIGIT)
        if q <= p:
            return q
        return p if int(self.sub(p, q)) > 255 else q

    def scan_ipv4(self, p, n, strict):
        m = self.scan(p, n, DIGIT | DOT)
        if m <= p or (strict and m != n):
            return -1
        q = p
        for k in range(4):
            q = self.scan_byte(p, m)
            if q <= p:
                break
            p = q
            if k == 3:
                if q < m:
                    break
                return q
            q = self.scan_char(p, m, ".")
            if q <= p:
                break
            p = q
        raise URISyntaxException("Malformed IPv4 address")

    def take_ipv4(self, p, n, expected):
        q = self.scan_ipv4(p, n, True)
        if q <= p:
            raise URISyntaxException("Expected " + expected)
        return q

    def parse_ipv4(self, p, n):
        try:
            q = self.scan_ipv4(p, n, False)
        except URISyntaxException:
            return -1
        if p < q < n and self.ch(q) != ":":
            q = -1
        if q > p:
            self.host = self.sub(p, q)
        return q

    def parse_hostname(self, start, n):
        p, last = start, -1
        while True:
            q = self.scan(p, n, ALPHANUM)
            if q <= p:
                break
            last = p
            p = q
            q = self.scan(p, n, ALPHANUM | DASH)
            if q > p:
                if self.ch(q - 1) == "-":
                    raise URISyntaxException("Illegal character in hostname")
                p = q
            q = self.scan_char(p, n, ".")
            if q <= p:
                break
            p = q
            if p >= n:
                break
        if p < n and not self.at(p, n, ":"):
            raise URISyntaxException("Illegal character in hostname")
        if last < 0:
            raise URISyntaxException("Expected hostname")
        if last > start and not self.match(last, ALPHA):
            raise URISyntaxException("Illegal character in hostname")
        self.host = self.sub(start, p)
        return p

    def parse_ipv6(self, start, n):
        p, compressed = start, False
        q = self.scan_hex_seq(p, n)
        if q > p:
            p = q
            if self.at_s(p, n, "::"):
                compressed = True
                p = self.scan_hex_post(p + 2, n)
            elif self.at(p, n, ":"):
                p = self.take_ipv4(p + 1, n, "IPv4 address")
                self.v6 += 4
        elif self.at_s(p, n, "::"):
            compressed = True
            p = self.scan_hex_post(p + 2, n)
        if p < n:
            raise URISyntaxException("Malformed IPv6 address")
        if self.v6 > 16:
            raise URISyntaxException("IPv6 address too long")
        if not compressed and self.v6 < 16:
            raise URISyntaxException("IPv6 address too short")
        if compressed and self.v6 == 16:
            raise URISyntaxException("Malformed IPv6 address")
        return p

    def scan_hex_post(self, p, n):
        if p == n:
            return p
        q = self.scan_hex_seq(p, n)
        if q > p:
            p = q
            if self.at(p, n, ":"):
                p = self.take_ipv4(p + 1, n, "hex digits or IPv4 address")
                self.v6 += 4
        else:
            p = self.take_ipv4(p, n, "hex digits or IPv4 address")
            self.v6 += 4
        return p

    def scan_hex_seq(self, p, n):
        q = self.scan(p, n, HEX)
        if q <= p or self.at(q, n, "."):
            return -1
        if q > p + 4:
            raise URISyntaxException("IPv6 hexadecimal digit sequence too long")
        self.v6 += 2
        p = q
        while p < n:
            if not self.at(p, n, ":") or self.at(p + 1, n, ":"):
                break
            p += 1
            q = self.scan(p, n, HEX)
            if q <= p:
                raise URISyntaxException("Expected digits for an IPv6 address")
            if self.at(q, n, "."):
                p -= 1
                break
            if q > p + 4:
                raise URISyntaxException("IPv6 hexadecimal digit sequence too long")
            self.v6 += 2
            p = q
        return p


PARTS = ("HOST", "PATH", "QUERY", "REF", "PROTOCOL", "FILE", "AUTHORITY", "USERINFO")


def java_regex_ok(key):
    """Keys the model hands to python's re: java.util.regex reads these the same way."""
    return re.fullmatch(r"[A-Za-z0-9_ .\u00e9=%+-]*", key) is not None


def parse_url(url, part, key=None):
    """ParseUrl.eval (non-ANSI): NULL for a URI that does not parse or a part it does not know
    (case-sensitive); getHost, getRawPath, getRawQuery, getRawFragment, getScheme,
    rawPath?rawQuery, getRawAuthority, getRawUserInfo; with a key, only QUERY, and group 2 of
    the first find of (&|^)key=([^&]*) in the query."""
    if key is not None and part != "QUERY":
        return None
    u = Parser(url)
    try:
        u.parse()
    except URISyntaxException:
        return None
    if part not in PARTS:
        return None
    v = {"HOST": u.host, "PATH": u.path, "QUERY": u.query, "REF": u.fragment,
         "PROTOCOL": u.scheme, "AUTHORITY": u.authority, "USERINFO": u.user,
         "FILE": None if u.path is None else u.path + ("?" + u.query if u.query is not None else "")
         }[part]
    if key is None or v is None:
        return v
    if not java_regex_ok(key):
        raise ValueError("key outside the model: %r" % key)
    m = re.search("(&|^)" + key + "=([^&]*)", v, flags=re.ASCII)
    return None if m is None else m.group(2)


def java_digit(c, radix):
    """Character.digit(char, radix): a Unicode decimal digit's value, or a Latin letter (ASCII
    or fullwidth) as 10..35; -1 when not below radix."""
    ch = chr(c)
    if unicodedata.category(ch) == "Nd":
        v = unicodedata.decimal(ch)
    elif "a" <= ch.lower() <= "z" and ch.isascii():
        v = ord(ch.lower()) - ord("a") + 10
    elif 0xFF21 <= c <= 0xFF3A:
        v = c - 0xFF21 + 10
    elif 0xFF41 <= c <= 0xFF5A:
        v = c - 0xFF41 + 10
    else:
        return -1
    return v if v < radix else -1


def parse_int16(chars):
    """Integer.parseInt(s, begin, end, 16) of two chars: an optional sign first; raises
    IllegalArgument for a NumberFormatException."""
    neg, k = False, 0
    if chars[0] < ord("0"):
        if chars[0] == ord("-"):
            neg = True
        elif chars[0] != ord("+"):
            raise IllegalArgument("NumberFormatException")
        k = 1
    v = 0
    for c in chars[k:]:
        d = java_digit(c, 16)
        if d < 0:
            raise IllegalArgument("NumberFormatException")
        v = v * 16 + d
    return -v if neg else v


def _cont(b):
    return (b & 0xC0) == 0x80


def java_utf8_decode(src):
    """new String(bytes, UTF_8) (JDK 17 String.decodeUTF8_UTF16, REPLACE): a malformed
    sequence is one U+FFFD per malformedN's length; an encoded surrogate is one U+FFFD."""
    out, sp, sl, R = [], 0, len(src), "\ufffd"
    while sp < sl:
        b1 = src[sp]
        sp += 1
        if b1 < 0x80:
            out.append(chr(b1))
        elif 0xC2 <= b1 <= 0xDF:
            if sp < sl:
                b2 = src[sp]
                sp += 1
                if not _cont(b2):
                    out.append(R)
                    sp -= 1
                else:
                    out.append(chr(((b1 & 0x1F) << 6) | (b2 & 0x3F)))
                continue
            out.append(R)
            break
        elif 0xE0 <= b1 <= 0xEF:
            if sp + 1 < sl:
                b2, b3 = src[sp], src[sp + 1]
                sp += 2
                if (b1 == 0xE0 and (b2 & 0xE0) == 0x80) or not _cont(b2) or not _cont(b3):
                    out.append(R)
                    sp -= 3  # malformed3: 1 or 2 bytes from b1
                    sp += 1 if (b1 == 0xE0 and (b2 & 0xE0) == 0x80) or not _cont(b2) else 2
                else:
                    c = ((b1 & 0x0F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F)
                    out.append(R if 0xD800 <= c <= 0xDFFF else chr(c))
                continue
            if sp < sl and ((b1 == 0xE0 and (src[sp] & 0xE0) == 0x80) or not _cont(src[sp])):
                out.append(R)
                continue
            sp += 1
            out.append(R)
            break
        elif 0xF0 <= b1 <= 0xF7:
            if sp + 2 < sl:
                b2, b3, b4 = src[sp], src[sp + 1], src[sp + 2]
                sp += 3
                uc = ((b1 & 0x07) << 18) | ((b2 & 0x3F) << 12) | ((b3 & 0x3F) << 6) | (b4 & 0x3F)
                if not (_cont(b2) and _cont(b3) and _cont(b4)) or not 0x10000 <= uc <= 0x10FFFF:
                    out.append(R)
                    sp -= 4
                    sp += _malformed4(src, sp)
                else:
                    out.append(chr(uc))
                continue
            if b1 > 0xF4 or (sp < sl and _malformed4_2(b1, src[sp])):
                out.append(R)
                continue
            sp += 1
            out.append(R)
            if sp < sl and not _cont(src[sp]):
                continue
            break
        else:
            out.append(R)
    return "".join(out)


def _malformed4_2(b1, b2):
    return (b1 == 0xF0 and not 0x90 <= b2 <= 0xBF) or (b1 == 0xF4 and (b2 & 0xF0) != 0x80) \
        or not _cont(b2)


def _malformed4(src, sp):
    """malformed4 (sp at b1): the length of the malformed sequence."""
    b1, b2 = src[sp], src[sp + 1]
    if b1 > 0xF4 or _malformed4_2(b1, b2):
        return 1
    return 2 if not _cont(src[sp + 2]) else 3


def url_decode(s):
    """URLDecoder.decode(s, UTF_8): '+' is ' '; a run of %XY escapes (each Integer.parseInt of
    the two chars, radix 16, a negative value refused) is bytes decoded as UTF-8 (malformed
    input replaced); a '%' without two chars after it refused."""
    b = s.encode("utf-16-le", "surrogatepass")
    u = [int.from_bytes(b[k:k + 2], "little") for k in range(0, len(b), 2)]
    n, i, out = len(u), 0, []
    while i < n:
        c = u[i]
        if c == ord("+"):
            out.append(" ")
            i += 1
        elif c == ord("%"):
            buf = bytearray()
            while i + 2 < n and c == ord("%"):
                v = parse_int16(u[i + 1:i + 3])
                if v < 0:
                    raise IllegalArgument("negative value")
                buf.append(v & 0xFF)
                i += 3
                if i < n:
                    c = u[i]
            if i < n and c == ord("%"):
                raise IllegalArgument("Incomplete trailing escape (%) pattern")
            out.append(java_utf8_decode(bytes(buf)))
        else:
            out.append(b"".join(x.to_bytes(2, "little") for x in [c]).decode("utf-16-le", "surrogatepass"))
            i += 1
    t = "".join(out)
    return t.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")
