-- Spark 3.5 hash.scala (Md5, Sha1, Sha2, Crc32) and stringExpressions.scala (Base64, UnBase64,
-- Hex, Unhex).  Expected values computed with python3 (hashlib.md5/sha1/sha224/sha256/sha384/
-- sha512 of the UTF-8 bytes as lower-case hex, zlib.crc32, base64.b64encode, bytes.hex upper):
--   md5('Spark SQL') = 14ab8df5135825bc9f5ff7c30609f02f, md5('') = d41d8cd98f00b204e9800998ecf8427e,
--   sha1('') = da39a3ee5e6b4b0d3255bfef95601890afd80709, crc32('Spark SQL') = 2521631539,
--   base64('héllo wörld 𝄞') = aMOpbGxvIHfDtnJsZCDwnYSe, sha2(s, 0) = sha256, sha2(s, 100) NULL.
-- unbase64 is java.util.Base64's MIME decoder: characters outside the alphabet are skipped, so
-- unbase64('héll') decodes 'hll' (86 59); 'Spar' is 4A 96 AB.  hex of a BIGINT is
-- Long.toHexString in capitals (-1 is FFFFFFFFFFFFFFFF); hex(b / 2) casts the DOUBLE to BIGINT;
-- unhex of an odd length reads the first digit alone ('4a4B0' is 04 A4 B0), of a non-hex
-- character NULL, of '' the empty binary; md5(unhex('00ff')) = d07d34efac6328007ad67c7e0a985e00.
-- (unbase64 of '4a4B0', a dangling fifth character, would fail the query as Java throws.)
CREATE SOURCE s (s STRING, n BIGINT, b INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT s, md5(s), sha1(s), sha(s) AS sh, crc32(s), base64(s), unbase64(substr(s, 1, 4)) AS ub,
       unbase64(base64(s)) AS rb
FROM s;
INSERT INTO o
SELECT s, b, sha2(s, b) AS s2, sha2(s, 0) AS s0
FROM s;
INSERT INTO o
SELECT n, hex(n), hex(s) AS hs, unhex(s) AS uh, hex(unhex(hex(s))) AS rt, md5(unhex('00ff')) AS mb,
       base64(unhex(hex(s))) AS bb, hex(b / 2) AS hd
FROM s;
