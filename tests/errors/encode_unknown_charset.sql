-- expect: 4:32: function 'encode' expects UTF-8, US-ASCII, ISO-8859-1 or UTF-16[BE|LE] as argument 2, but 'EBCDIC' is of type string
CREATE SOURCE e (s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT encode(s, 'EBCDIC') FROM e;
