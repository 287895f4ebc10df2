-- expect: 6:36: function 'date_format' expects a timestamp as argument 1, but 't' is of type timestamp_ntz
-- DateFormatClass takes TimestampType, and 3.5's ImplicitTypeCasts has no TIMESTAMP_NTZ -> TIMESTAMP
CREATE SOURCE ev (k STRING, t TIMESTAMP_NTZ, l TIMESTAMP)
  WITH (connector = 'files', path = 'data/ev', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT date_format(t, 'yyyy') AS x FROM ev;
