-- expect: 4:39: format_number: an exponent (E) is not supported in the pattern "0.00E0"
CREATE SOURCE e (d DOUBLE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT format_number(d, '0.00E0') AS s FROM e;
