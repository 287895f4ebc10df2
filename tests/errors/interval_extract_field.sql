-- expect: 5:32: Cannot extract `HOUR` from "INTERVAL '1' DAY".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT extract(HOUR FROM INTERVAL '1' DAY) AS x FROM events;
