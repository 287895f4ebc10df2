-- Without the tz database (TZDIR names a directory that does not exist) a region zone in data
-- is an unknown zone, NULL as Spark's stringToTimestamp gives for one; fixed offsets and the
-- fixed Etc ids need no database.
CREATE SOURCE e (id INT, s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT id, CAST(s AS TIMESTAMP) AS c FROM e;
