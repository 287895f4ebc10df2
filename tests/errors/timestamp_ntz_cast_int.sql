-- expect: 6:24: cannot cast 't' of type timestamp_ntz to int
-- Cast.canCast: a TIMESTAMP_NTZ casts to STRING, DATE and TIMESTAMP only
CREATE SOURCE ev (k STRING, t TIMESTAMP_NTZ, l TIMESTAMP)
  WITH (connector = 'files', path = 'data/ev', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(t AS INT) AS x FROM ev;
