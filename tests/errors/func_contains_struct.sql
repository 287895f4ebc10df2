-- expect: 5:33: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "contains(struct(n), a)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "struct(n)" has the type "STRUCT<n: INT>".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT contains(struct(n), 'a') FROM events;
