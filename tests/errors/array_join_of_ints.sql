-- expect: 5:35: function 'array_join' expects an array of strings as argument 1, but 'xs' is of type array<int>
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, xs ARRAY<INT>, ss ARRAY<STRING>, b BIGINT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT array_join(xs, ',') FROM events;
