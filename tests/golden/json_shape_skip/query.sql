-- The JSON fast path's expected shape when the query does not read every column: a run of
-- keys it does not read (here `{"a":`, then `,"c":`) is matched and their values skipped by
-- one call (srt_json_shape_skip), the columns read (b, d) inline.  Lines that take it:
-- skipped strings, objects, arrays, a number, null, an escaped quote, spaces after ':' and
-- ','.  Lines that must leave it for the key loop and read exactly as before: a malformed
-- skipped value (the whole record is malformed: the corrupt-record column), another key
-- where a skipped one is expected, another order, a missing or an extra key, a space before
-- ',' or ':'.
-- expected.out was worked out by hand from the lines of data/a.json.
CREATE SOURCE events (a STRING, b BIGINT, c STRING, d STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO console SELECT b, d, _corrupt_record FROM events;
