-- expect: 4:22: [DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve "(d + d)" due to data type mismatch: the binary operator requires the input type ("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH" or "INTERVAL"), not "DATE".
CREATE SOURCE e (d DATE, b BOOLEAN) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT d + d FROM e;
