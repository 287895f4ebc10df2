-- expect: 4:24: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "(k IN (true))" due to data type mismatch: Input to `in` should all be the same type, but it's ["BOOLEAN", "STRING"].
CREATE SOURCE s (k BOOLEAN) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k IN ('true') FROM s;
