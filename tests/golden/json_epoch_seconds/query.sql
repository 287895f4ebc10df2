-- A TIMESTAMP read from JSON numbers of every shape around srt_json_ts's fast path (ten
-- digits of epoch seconds, then a token end; everything else srt_json_ts_rest), and the
-- record's end right after it: as Spark 3.5's JacksonParser reads them (JSONOptions
-- defaults), an integer is seconds (-0 too), a fraction or an exponent is a value of the
-- wrong type (the record malformed with its other fields: partial results), and a leading
-- zero, a '+' or a letter after the digits is not JSON (the whole record NULL).  A line
-- ending in "\r\n", the last line without '\n', a record cut off at the end of the file.
-- expected.out was computed by Python (datetime in UTC, the console table by hand).
CREATE SOURCE events (user STRING, time TIMESTAMP, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO console SELECT user, time, _corrupt_record FROM events;
