-- expect: 5:37: mode of a value of type binary is not supported yet
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, price DECIMAL(10,2), WATERMARK FOR time AS time - INTERVAL '1 minute')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, mode(CAST(action AS BINARY)) FROM events GROUP BY action WITH (outputMode = 'update');
