-- expect: 5:29: function 'size' expects an array or a map as argument 1, but 'action' is of type string
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT size(action) FROM events;
