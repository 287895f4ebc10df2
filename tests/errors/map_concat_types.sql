-- expect: 5:36: map_concat arguments must have a common type: 'map(1, true)' of type map<int,boolean> does not match the type map<string,int> of the others
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT map_concat(m, map(1, true)) FROM e;
