"""ckpt_crc.py - the checksum trailer of sluice's checkpoint files, for tests.

Every file the runtime writes to a checkpoint or a _spark_metadata directory ends with
"#crc32c <8 lowercase hex> <decimal byte length>\\n" over the bytes before it (CRC-32C,
Castagnoli, reflected: srt_ckpt.c).  As a module: crc32c(data), sign(body) (body with its
trailer).  As a script:

    ckpt_crc.py DIR...   every file under the DIRs (hidden temporaries and part files aside)
                         carries a valid trailer; the others are printed, exit status 1.
"""
import os
import sys

_TABLE = []
for _i in range(256):
    _c = _i
    for _ in range(8):
        _c = (_c >> 1) ^ 0x82F63B78 if _c & 1 else _c >> 1
    _TABLE.append(_c)


def crc32c(data):
    c = 0xFFFFFFFF
    for b in data:
        c = _TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def sign(body):
    return body + b"#crc32c %08x %d\n" % (crc32c(body), len(body))


def valid(data):
    cut = data.rfind(b"#crc32c ", 0, len(data) - 1)
    if cut < 0 or not data.endswith(b"\n"):
        return False
    try:
        _, h, n = data[cut:].decode().split()
        return int(n) == cut and int(h, 16) == crc32c(data[:cut])
    except ValueError:
        return False


def main(dirs):
    bad = 0
    for top in dirs:
        for d, _, files in os.walk(top):
            for f in files:
                if f.startswith(".") or f.startswith("part-"):
                    continue
                p = os.path.join(d, f)
                data = open(p, "rb").read()
                if not valid(data):
                    print("  torn or corrupt file: %s (%d bytes)" % (p, len(data)))
                    bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
