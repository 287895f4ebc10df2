-- map_from_entries (MapFromEntries through ArrayBasedMapBuilder.put): a NULL key in a struct
-- that is itself not NULL fails the query with [NULL_MAP_KEY]; the first row's map is fine,
-- the second fails batch 0, so nothing is shown.
CREATE SOURCE s (id INT, e ARRAY<STRUCT<k: STRING, v: INT>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT id, map_from_entries(e) AS m FROM s WITH (name = 'nullkey');
