-- expect: 4:31: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "rand(1)" due to data type mismatch: Parameter 1 requires the ("INT" or "BIGINT") type, however "1" has the type "STRING".
CREATE SOURCE s (k STRING, v INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT random('1') FROM s;
