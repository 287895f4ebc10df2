-- expect: 5:32: function 'collect_list' takes 1 argument, but 2 were given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, price DECIMAL(10,2), tags ARRAY<STRING>, WATERMARK FOR time AS time - INTERVAL '1 minute')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, collect_list(n, 1) FROM events GROUP BY action WITH (outputMode = 'update');
