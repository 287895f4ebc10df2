-- expect: 5:24: [DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve "(INTERVAL '1' DAY % INTERVAL '2' DAY)" due to data type mismatch: the binary operator requires the input type "NUMERIC", not "INTERVAL DAY".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT INTERVAL '1' DAY % INTERVAL '2' DAY AS x FROM events;
