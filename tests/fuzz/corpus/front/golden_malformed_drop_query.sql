-- DROPMALFORMED: malformed lines are dropped; valid lines with missing or mistyped fields stay.
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json', mode = 'DROPMALFORMED');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT action, count(*) AS count, count(time) AS with_time FROM events GROUP BY action ORDER BY action
WITH (outputMode = 'complete');
