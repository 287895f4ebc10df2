-- expect: 8:47: Cannot resolve column name "e.device.os" among (time, user_id, device, tags).
CREATE SOURCE events (time TIMESTAMP, user_id STRING, device STRUCT<os STRING, version INT>, tags ARRAY<STRING>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- Whole struct and array columns are keys (golden dedup_nested_keys); a field is no column
-- name (Dataset.dropDuplicates matches the names of the columns).
INSERT INTO out
SELECT user_id FROM events e DROP DUPLICATES (e.device.os);
