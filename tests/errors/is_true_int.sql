-- expect: 5:24: cannot compare 'a' of type int with 'true' of type boolean
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a IS TRUE FROM s;
