-- expect: 3:43: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "try_avg(d)" due to data type mismatch: Parameter 1 requires the "NUMERIC" or "ANSI INTERVAL" type, however "d" has the type "DATE".
CREATE TABLE t (k STRING, d DATE) WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT k, count(*) AS n, try_avg(DISTINCT d) FROM t GROUP BY k;
