-- expect: 5:24: [DATATYPE_MISMATCH.INVALID_JSON_SCHEMA] Cannot resolve "to_json(a)" due to data type mismatch: Input schema "INT" must be a struct, an array or a map.
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_json(a) FROM s;
