-- url_encode and url_decode (Spark 3.4+'s UrlEncode and UrlDecode: UrlCodec over
-- java.net.URLEncoder and URLDecoder with UTF-8): a-z A-Z 0-9 . - * _ kept, ' ' as '+', any
-- other character's UTF-8 bytes as upper-case %XY; decoding takes '+' as ' ' and each run
-- of escapes as UTF-8 bytes (U+FFFD for ill-formed ones); Integer.parseInt reads the two
-- characters after '%', so a sign and any Unicode decimal digit (or fullwidth letter) pass.
-- url_decode's result is shown url_encode'd (control characters and U+FFFD as escapes).
-- Expected values worked out by hand from URLEncoder and URLDecoder.
CREATE SOURCE src (id INT, s STRING, e STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO o
SELECT id, url_encode(s), url_encode(url_decode(e)) AS d, length(url_decode(e)) AS d_len, url_decode(url_encode(s)) = s AS round_trip,
       url_encode(id) AS n
FROM src;
