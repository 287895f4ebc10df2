-- expect: 5:45: function 'regexp_instr' expects an integer as argument 3, but 'a' is of type array<int>
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regexp_instr(s, 'x', a) FROM events;
