-- url_decode of a malformed escape (Spark's UrlCodec.decode: URLDecoder throws "Illegal hex
-- characters in escape (%) pattern" for %2s) fails the query with CANNOT_DECODE_URL,
-- whatever spark.sql.ansi.enabled says; the second row fails batch 0, so nothing is shown.
CREATE SOURCE s (id INT, e STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT id, url_decode(e) AS d FROM s WITH (name = 'decode');
