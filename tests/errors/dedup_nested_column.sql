-- expect: 7:47: DROP DUPLICATES expects columns of its input, but 'device.os' is a field of a struct column
CREATE SOURCE events (time TIMESTAMP, user_id STRING, device STRUCT<os STRING, version INT>, tags ARRAY<STRING>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- Whole struct and array columns are keys (golden dedup_nested_keys); a field is not a column.
INSERT INTO out
SELECT user_id FROM events e DROP DUPLICATES (e.device.os);
