-- expect: 5:36: function 'element_at' expects a value of the map's key type string as argument 2, but 'array(1)' is of type array<int>
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT element_at(m, array(1)) FROM e;
