-- The JSON fast path's expected shape (cg_json.c shape_record: the schema's keys in their
-- declared order, `{"time":` one 8-byte comparison, then `}\n`) and every line that must
-- leave it for the key loop and read exactly as before: keys in another order, a key that
-- has the expected one as a prefix or is a prefix of it, duplicate keys (the last wins, as
-- Spark's JacksonParser writes each field as it comes), spaces, an escaped value, a time as
-- text, nulls, "\r\n", a blank line, text after the record, a record cut off, a number of 20
-- digits, an unknown key first, a byte order mark, a missing or an extra key, a value of the
-- wrong type, and at the end of each file a line without '\n' ("}\n" and `{"time":` reaching
-- past the buffer).  Rows of a.json, then of the shorter b.json.
-- expected.out was worked out by hand (UTC; Python's datetime for the times).
CREATE SOURCE events (time TIMESTAMP, action STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO console SELECT time, action, _corrupt_record FROM events;
