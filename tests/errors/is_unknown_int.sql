-- expect: 5:24: IS UNKNOWN expects a boolean operand, but 'a' is of type int
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a IS UNKNOWN FROM s;
