-- expect: 6:24: [DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve "CAST(t AS INT)" due to data type mismatch: cannot cast "TIMESTAMP_NTZ" to "INT".
-- Cast.canCast: a TIMESTAMP_NTZ casts to STRING, DATE and TIMESTAMP only
CREATE SOURCE ev (k STRING, t TIMESTAMP_NTZ, l TIMESTAMP)
  WITH (connector = 'files', path = 'data/ev', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(t AS INT) AS x FROM ev;
