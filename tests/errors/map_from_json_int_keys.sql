-- expect: 5:35: [DATATYPE_MISMATCH.INVALID_JSON_MAP_KEY_TYPE] Cannot resolve "map<int,string>" due to data type mismatch: Input schema "MAP<INT, STRING>" can only contain "STRING" as a key type for a "MAP".
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT from_json(s, 'map<int,string>') AS j FROM e;
