-- expect: 4:32: function 'bit_count' expects an integer or a boolean as argument 1, but 'd' is of type double
CREATE SOURCE e (d DOUBLE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT bit_count(d) FROM e;
