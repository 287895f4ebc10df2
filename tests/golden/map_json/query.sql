-- MAP values in and out of JSON (Spark 3.5): a source column of type
-- MAP<STRING, MAP<STRING, DOUBLE>> (JacksonParser.convertMap), from_json with a map schema
-- (JsonToStructs, PERMISSIVE: a value of another type NULL and the map kept, a non-object or
-- malformed text NULL, duplicate keys kept as read), to_json and the JSON files sink
-- (JacksonGenerator.writeMapData: a NULL value written as null).  expected.out is recomputed by
-- tests/tools/check_map_goldens.py (ctest map_json_reference).
CREATE SOURCE events (k STRING, j STRING, m MAP<STRING, MAP<STRING, DOUBLE>>)
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false);
CREATE SINK files WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO console
SELECT k, from_json(j, 'map<string,int>') AS fj, m, to_json(m) AS tj, m['p']['u'] AS pu
FROM events WITH (name = 'parsed');
INSERT INTO files
SELECT k, from_json(j, 'map<string,int>') AS fj, m FROM events WITH (name = 'json_out', checkpointLocation = 'ck');
