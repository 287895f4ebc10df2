-- expect: 4:36: function 'format_string' expects only %s %S %d %x %X %o %f %e %E %g %G %a %A %% %n conversions as argument 1, but '%c' is of type string
CREATE SOURCE e (d DOUBLE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT format_string('%c', d) FROM e;
