-- expect: 5:24: function 'regexp_instr' takes 2 to 3 arguments, but 1 was given
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regexp_instr(s) FROM events;
