-- expect: 4:29: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "rand(1.0)" due to data type mismatch: Parameter 1 requires the ("INT" or "BIGINT") type, however "1.0" has the type "DECIMAL(2,1)".
CREATE SOURCE s (k STRING, v INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT rand(1.0) FROM s;
