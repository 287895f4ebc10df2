-- expect: 5:34: Cannot extract `year` from "INTERVAL '3' MONTH".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT date_part('year', INTERVAL '3' MONTH) AS x FROM events;
