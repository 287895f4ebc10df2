-- expect: 9:48: DROP DUPLICATES on struct<os:string,version:int> column 'device' is not supported yet
-- expect: 11:28: DROP DUPLICATES on struct<os:string,version:int> column 'device' is not supported yet
-- expect: 11:28: DROP DUPLICATES on array<string> column 'tags' is not supported yet
-- expect: 13:47: DROP DUPLICATES expects columns of its input, but 'device.os' is a field of a struct column
CREATE SOURCE events (time TIMESTAMP, user_id STRING, device STRUCT<os STRING, version INT>, tags ARRAY<STRING>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT * FROM events DROP DUPLICATES (user_id, device);
INSERT INTO out
SELECT user_id FROM events DROP DUPLICATES;
INSERT INTO out
SELECT user_id FROM events e DROP DUPLICATES (e.device.os);
