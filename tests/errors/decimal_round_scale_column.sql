-- expect: 4:33: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "round(d, n)" due to data type mismatch: the input scale should be a foldable "INT" expression; however, got "n".
CREATE SOURCE events (d DECIMAL(10,2), n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT round(d, n) AS r FROM events;
