-- expect: 3:16: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "mean(ts)" due to data type mismatch: Parameter 1 requires the "NUMERIC" or "ANSI INTERVAL" type, however "ts" has the type "TIMESTAMP".
CREATE TABLE t (k STRING, ts TIMESTAMP) WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT k, mean(ts) FROM t GROUP BY k;
