#!/usr/bin/env python3
# model.py - the expected output of to_binary, computed apart from sluice: a python model of
# Spark 3.5's ToBinary (stringExpressions.scala): Hex.unhex for 'hex', UnBase64.isValidBase64
# then java.util.Base64's MIME decoder for 'base64', the UTF-8 bytes for 'utf-8'/'utf8', NULL
# for what try_to_binary refuses; applied to data/part-0.json, printed as the console sink's
# show() (truncate = false): a BINARY as [XX XX], STRING meta characters escaped.
#
#   python3 model.py > expected.out
import base64
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from spark_show import batch as show_batch  # noqa: E402

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
# Character.isWhitespace: space/line/paragraph separators but no-break ones, \t..\r, U+001C..1F
JAVA_WS = set(" \t\n\x0b\f\r\x1c\x1d\x1e\x1f\u1680\u2028\u2029\u205f\u3000") | \
    {chr(c) for c in range(0x2000, 0x200B) if c != 0x2007}


def unhex(s):
    """Hex.unhex: None for a non-hex character; an odd length reads the first digit alone."""
    if any(c not in "0123456789abcdefABCDEF" for c in s):
        return None
    if len(s) % 2:
        s = "0" + s
    return bytes.fromhex(s)


def valid_base64(s):
    """UnBase64.isValidBase64, over the Java chars of s."""
    position = pad = 0
    for c in s:
        if c in B64:
            if pad:
                return False
            position += 1
        elif c == "=":
            pad += 1
            if pad > 2 or position % 4 < 2:
                return False
        elif c not in JAVA_WS or pad:
            return False
    return (position + pad) % 4 == 0 if pad else position % 4 != 1


def unbase64(s):
    """The MIME decoder of a text valid_base64 accepts: the alphabet's characters, decoded."""
    body = "".join(c for c in s if c in B64)
    return base64.b64decode(body + "=" * (-len(body) % 4))


def to_binary(s, fmt):
    if s is None:
        return None
    if fmt == "hex":
        return unhex(s)
    if fmt == "base64":
        return unbase64(s) if valid_base64(s) else None
    return s.encode("utf-8")


def cell(v):
    if v is None:
        return "NULL"
    if isinstance(v, bytes):
        return "[" + " ".join("%02X" % b for b in v) + "]"
    return v.replace("\t", "\\t").replace("\n", "\\n")  # SchemaUtils.escapeMetaCharacters


rows = []
with open("data/part-0.json", encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        s, i = r.get("s"), r.get("i")
        si = None if i is None else str(i)
        rows.append([cell(x) for x in (
            s, to_binary(s, "hex"), to_binary(s, "base64"), to_binary(s, "utf-8"),
            to_binary(s, "utf-8"), None, None, to_binary(si, "hex"), to_binary(si, "utf-8"))])
names = ["s", "h", "b64", "u", "u8", "bad", "to_binary(s, NULL)", "ih", "iu"]
print("\n".join(show_batch(0, names, rows)))
