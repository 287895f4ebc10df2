-- expect: 4:35: Queries with streaming sources must be executed with writeStream.start(); write INSERT INTO a sink to run a streaming query
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT action, count(*) AS n FROM events GROUP BY action;
