-- expect: 5:33: function 'contains' expects a string as argument 1, but 'struct(n)' is of type struct<n:int>
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT contains(struct(n), 'a') FROM events;
