-- expect: 5:37: mode of a value of type decimal(10,2) is not supported yet
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, price DECIMAL(10,2), tags ARRAY<STRING>, WATERMARK FOR time AS time - INTERVAL '1 minute')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, mode(price) FROM events GROUP BY action WITH (outputMode = 'update');
