-- encode (Encode: String.getBytes(charset)) and decode (StringDecode: new String(bytes,
-- charset)), shown in hex (python3: 'aé€😀'.encode('utf-8' / 'utf-16-be' / ...)): ASCII and
-- ISO-8859-1 write '?' for what they cannot hold (one for 😀, a surrogate pair); UTF-16 is a
-- byte-order mark and big-endian, nothing for ''.  Decoding: ill-formed UTF-8 is U+FFFD (EF BF
-- BD) per maximal subpart (FF, FE, a truncated ED or E2 82), an odd last UTF-16 byte too;
-- UTF-16 reads a mark (FF FE: little-endian) and drops it, big-endian without one.
CREATE SOURCE e (s STRING, h STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT hex(encode(s, 'UTF-8')) AS u8, hex(encode(s, 'US-ASCII')) AS asc, hex(encode(s, 'iso-8859-1')) AS l1,
       hex(encode(s, 'UTF-16BE')) AS be, hex(encode(s, 'UTF-16LE')) AS le, hex(encode(s, 'UTF-16')) AS u16,
       hex(decode(unhex(h), 'UTF-8')) AS d8, hex(decode(unhex(h), 'UTF-16')) AS d16,
       hex(decode(unhex(h), 'ISO-8859-1')) AS dl1, decode(encode(s, 'UTF-16LE'), 'utf-16le') AS rt
FROM e;
