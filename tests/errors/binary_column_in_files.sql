-- expect: 2:35: type binary cannot be read from files: reading BINARY columns (base64 in JSON) is not supported yet
CREATE SOURCE events (k STRING, b BINARY) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k FROM events;
