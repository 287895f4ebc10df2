-- expect: 4:22: regexp_extract_all: regex group count is 0, but the specified group index is 1
CREATE SOURCE e (s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT regexp_extract_all(s, '[0-9]+') FROM e;
