-- map_from_entries (MapFromEntries through ArrayBasedMapBuilder, spark.sql.mapKeyDedupPolicy
-- EXCEPTION): DOUBLE keys are normalised, so -0.0 repeats 0.0 and the query fails with
-- [DUPLICATED_MAP_KEY] naming the key as given (Double.toString: -0.0).
CREATE SOURCE s (id INT, e ARRAY<STRUCT<k: DOUBLE, v: STRING>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT id, map_from_entries(e) AS m FROM s WITH (name = 'dup');
