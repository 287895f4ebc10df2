-- expect: 3:19: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "try_sum(xs)" due to data type mismatch: Parameter 1 requires the "NUMERIC" or "ANSI INTERVAL" type, however "xs" has the type "ARRAY<INT>".
CREATE TABLE t (k STRING, xs ARRAY<INT>) WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT k, TRY_SUM(xs) FROM t GROUP BY k;
