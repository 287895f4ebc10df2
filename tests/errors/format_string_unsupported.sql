-- expect: 4:36: function 'format_string' expects only %s %S %d %x %X %o %f %% %n conversions as argument 1, but '%e' is of type string
CREATE SOURCE e (d DOUBLE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT format_string('%e', d) FROM e;
