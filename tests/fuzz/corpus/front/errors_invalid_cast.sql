-- expect: 5:24: cannot cast 'window' of type struct<start:timestamp,end:timestamp> to bigint
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(window AS BIGINT) FROM (SELECT window(time, '1 hour') AS window, count(*) FROM events GROUP BY window(time, '1 hour')) WITH (outputMode = 'update');
