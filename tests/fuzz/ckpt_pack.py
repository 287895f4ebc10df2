#!/usr/bin/env python3
"""ckpt_pack.py - turn a checkpoint directory into a fuzz_ckpt input (and back).

  ckpt_pack.py pack DIR [PATH...] > input     files of DIR (all, or those named), relative
  ckpt_pack.py unpack INPUT DIR               write an input's files under DIR

A file with a valid trailer is packed as "@@ <path>" without the trailer (the target adds
it again); any other file as "@@! <path>" with its bytes as they are.  unpack writes the
files as the target stores them, so a finding can be examined with the real executable.
"""
import os
import re
import sys

TRAILER = re.compile(rb"#crc32c ([0-9a-f]{8}) ([0-9]{1,20})\n\Z")


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def strip(data):
    m = TRAILER.search(data)
    if not m:
        return None
    body = data[:m.start()]
    if int(m.group(2)) != len(body) or int(m.group(1), 16) != crc32c(body):
        return None
    return body


def pack(root, names):
    if not names:
        names = sorted(os.path.relpath(os.path.join(d, f), root)
                       for d, _, fs in os.walk(root) for f in fs)
    sections = []
    for name in names:
        data = open(os.path.join(root, name), "rb").read()
        body = strip(data)
        if body is None:
            sections.append(b"@@! " + name.encode() + b"\n" + data)
        else:
            sections.append(b"@@ " + name.encode() + b"\n" + body)
    # The newline before a header separates sections; it is no part of the body before it.
    sys.stdout.buffer.write(b"\n".join(sections))


def unpack(path, root):
    data = open(path, "rb").read()
    # Sections start at a line beginning with "@@ " or "@@! " (as fuzz_ckpt.c splits them).
    starts = [m.start() for m in re.finditer(rb"(?m)^@@", data)]
    for i, s in enumerate(starts):
        e = starts[i + 1] - 1 if i + 1 < len(starts) else len(data)
        nl = data.find(b"\n", s, e)
        head, body = (data[s:nl], data[nl + 1:e]) if nl >= 0 else (data[s:e], b"")
        raw = head.startswith(b"@@! ")
        if not raw and not head.startswith(b"@@ "):
            continue
        name = head[4 if raw else 3:].decode(errors="replace")
        if not re.fullmatch(r"[A-Za-z0-9._/-]{1,200}", name) or name.startswith("/") or \
                any(c.startswith("..") for c in name.split("/")):
            continue
        full = os.path.join(root, name)
        os.makedirs(os.path.dirname(full) or ".", exist_ok=True)
        if not raw:
            body += b"#crc32c %08x %d\n" % (crc32c(body), len(body))
        open(full, "wb").write(body)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "pack":
        pack(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 4 and sys.argv[1] == "unpack":
        unpack(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
