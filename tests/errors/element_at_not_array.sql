-- expect: 5:35: function 'element_at' expects an array or a map as argument 1, but 'action' is of type string
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, xs ARRAY<INT>, ss ARRAY<STRING>, b BIGINT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT element_at(action, 1) FROM events;
