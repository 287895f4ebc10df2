CREATE SOURCE events (t TIMESTAMP, b BOOLEAN, p STRUCT<x: INT, tags: ARRAY<STRING>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT t, b, CAST(t AS BOOLEAN) AS tb, CAST(b AS TIMESTAMP) AS bt,
       CAST(p AS STRUCT<x: INT, tags: ARRAY<STRING>>) AS same, CAST(p.tags AS ARRAY<STRING>) AS tags
FROM events;
