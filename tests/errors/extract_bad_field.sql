-- expect: 5:32: Cannot extract `FORTNIGHT` from "ts".
CREATE SOURCE s (a INT, s STRING, ts TIMESTAMP)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT EXTRACT(FORTNIGHT FROM ts) FROM s;
