-- expect: 5:24: cannot cast 'INTERVAL '1' DAY' of type interval day to double
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(INTERVAL '1' DAY AS DOUBLE) AS x FROM events;
