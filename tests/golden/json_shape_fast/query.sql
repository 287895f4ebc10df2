-- The expected shape's fast values (cg_json_fast.c, cg_json.c shape_value): ten digits of
-- epoch seconds and a string of up to 7 bytes, each followed right away by `,` or `}\n`, are
-- read inline; every other line leaves them for the exact readers and must read as before:
-- spaces around the values, 9 or 11 digits, a leading zero, a sign, a fraction, an exponent,
-- a number too large for a TIMESTAMP, a letter inside or after the digits, a string of 8 or 9
-- bytes, escapes, a raw tab, a non-ASCII string, null, a number for a STRING, text after
-- the record, "\r\n", duplicate and missing keys, and at the end of each file a line without
-- '\n' (the room the fast values need runs past the buffer, or ends right after their
-- separator: c.json and d.json hold a record cut off there).  The same lines are read by two
-- sources whose shapes are (time, action) and (action, time): each line is the other's miss.
-- The ten digits' one test of two overlapping words: the first and last values it takes
-- (1000000000, 9999999999, zeros and nines at every place); at each of the ten places a byte
-- just under '0' ('/') or just over '9' (':') after the key of either shape, or a letter;
-- a space, and UTF-8 sequences at several places (bytes 0x80 to 0xB9 and from 0xBA up).
-- expected.out is computed by model.py.
CREATE SOURCE by_time (time TIMESTAMP, action STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SOURCE by_action (action STRING, time TIMESTAMP, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 1000);
INSERT INTO console SELECT time, action, _corrupt_record FROM by_time WITH (name = 'by_time');
INSERT INTO console SELECT action, time, _corrupt_record FROM by_action
  WITH (name = 'by_action');
