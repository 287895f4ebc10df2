-- expect: 5:27: function 'if' expects a boolean expression, but 'action' is of type string
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT if(action, 1, 2) FROM events;
