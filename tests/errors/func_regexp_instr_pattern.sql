-- expect: 5:40: invalid regular expression '(': Unclosed group near index 1
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regexp_instr(s, '(') FROM events;
