-- expect: 7:10: the sqlite sink upserts the rows of update mode on the GROUP BY keys, so this key must also be a column of the SELECT list
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data', format = 'json');
CREATE SINK out WITH (connector = 'sqlite', path = 'x.db', table = 'counts');
INSERT INTO out
SELECT window(time, '1 hour') AS w, count(*) AS n FROM events
GROUP BY action, window(time, '1 hour')
WITH (outputMode = 'update');
