-- expect: 5:37: function 'regexp_instr' expects a string as argument 1, but 'a' is of type array<int>
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regexp_instr(a, 'x') FROM events;
