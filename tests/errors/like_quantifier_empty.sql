-- expect: 4:22: Expected something between '(' and ')'.
CREATE SOURCE t (s STRING) WITH (connector = 'files', path = 'data', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT s NOT ILIKE ALL () AS x FROM t;
