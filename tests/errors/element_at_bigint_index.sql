-- expect: 5:39: function 'element_at' expects an integer (INT) as argument 2, but 'b' is of type bigint
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, xs ARRAY<INT>, ss ARRAY<STRING>, b BIGINT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT element_at(xs, b) FROM events;
