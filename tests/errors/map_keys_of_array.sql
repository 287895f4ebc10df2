-- expect: 5:31: function 'map_keys' expects a map as argument 1, but 'array(1)' is of type array<int>
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT map_keys(array(1)) FROM e;
