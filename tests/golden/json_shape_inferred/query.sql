-- The JSON fast path's expected shape when the schema is inferred: Spark sorts the inferred
-- columns by name (_corrupt_record, action, time), the files write {"time":..,"action":..};
-- inference notes the key order of the last record that had all the keys (SSource.key_order)
-- and the shape expects that order (cg_json.c shape_order), the columns staying in Spark's
-- order.  Lines in that order (with spaces, a null, a number for the STRING column) take the
-- shape; the others must read exactly as before: the sorted order, a missing key, a record
-- cut off (the corrupt-record column, which the shape never expects), duplicate keys (the
-- last wins, as Spark's JacksonParser writes each field as it comes).
-- expected.out was worked out by hand from the lines of data/a.json.
CREATE SOURCE events WITH (connector = 'files', path = 'data/events', format = 'json',
  inferSchema = true);
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO console SELECT time, action, _corrupt_record FROM events;
