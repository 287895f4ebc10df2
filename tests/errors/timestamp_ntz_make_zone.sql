-- expect: 6:24: function 'make_timestamp_ntz' takes 6 arguments, but 7 were given
-- MakeTimestamp of TimestampNTZType takes no zone (Spark: Expected: 6; Found: 7)
CREATE SOURCE ev (k STRING, t TIMESTAMP_NTZ, l TIMESTAMP)
  WITH (connector = 'files', path = 'data/ev', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT make_timestamp_ntz(2021, 7, 11, 6, 30, 45.678, 'CET') AS x FROM ev;
