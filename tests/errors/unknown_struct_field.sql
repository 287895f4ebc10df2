-- expect: 6:15: [FIELD_NOT_FOUND] No such struct field `begin` in `start`, `end`.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT window.begin, cnt
FROM (SELECT window(time, '1 hour') AS window, count(*) AS cnt FROM events GROUP BY window(time, '1 hour'))
WITH (outputMode = 'complete');
