-- expect: 5:41: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "map_from_entries(e)" due to data type mismatch: Parameter 1 requires the "ARRAY" of pair "STRUCT" type, however "e" has the type "ARRAY<STRUCT<k: STRING, v: INT, w: INT>>".
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING, e ARRAY<STRUCT<k: STRING, v: INT, w: INT>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT map_from_entries(e) FROM events;
