-- expect: 4:24: [DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "pmod(d, (n > 0))" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("DECIMAL(10,2)" and "BOOLEAN").
CREATE SOURCE events (d DECIMAL(10,2), n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT pmod(d, n > 0) AS p FROM events;
