-- expect: 5:61: function 'window' expects a timestamp as argument 1, but 'action' is of type string
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events GROUP BY window(action, '1 hour') WITH (outputMode = 'complete');
