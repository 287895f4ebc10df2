-- expect: 5:28: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "hex(a)" due to data type mismatch: Parameter 1 requires the ("BIGINT" or "BINARY" or "STRING") type, however "a" has the type "ARRAY<INT>".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT hex(a) FROM events;
