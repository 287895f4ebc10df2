-- expect: 4:39: format_number: java.lang.IllegalArgumentException: Unexpected '0' in pattern "0.#0"
CREATE SOURCE e (d DOUBLE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT format_number(d, '0.#0') AS s FROM e;
