-- expect: 7:25: the postgres sink upserts the rows of update mode on the GROUP BY keys, so this key must also be a column of the SELECT list
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data', format = 'json');
CREATE SINK out WITH (connector = 'postgres', table = 'counts');
INSERT INTO out
SELECT n FROM (SELECT action, count(*) AS n FROM events
               GROUP BY action)
WITH (outputMode = 'update');
