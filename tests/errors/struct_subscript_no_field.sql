-- expect: 5:24: [FIELD_NOT_FOUND] No such struct field `zz` in `a`, `b`.
CREATE SOURCE events (time TIMESTAMP, s STRUCT<a: INT, b: STRING>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT s['zz'] FROM events;
