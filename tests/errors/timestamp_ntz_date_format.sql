-- expect: 6:36: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "date_format(t, yyyy)" due to data type mismatch: Parameter 1 requires the "TIMESTAMP" type, however "t" has the type "TIMESTAMP_NTZ".
-- DateFormatClass takes TimestampType, and 3.5's ImplicitTypeCasts has no TIMESTAMP_NTZ -> TIMESTAMP
CREATE SOURCE ev (k STRING, t TIMESTAMP_NTZ, l TIMESTAMP)
  WITH (connector = 'files', path = 'data/ev', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT date_format(t, 'yyyy') AS x FROM ev;
