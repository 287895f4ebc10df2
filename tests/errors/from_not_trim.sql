-- expect: 5:24: syntax error: 'upper' does not take FROM (only TRIM([BOTH | LEADING | TRAILING] [chars] FROM s) and EXTRACT(field FROM x) do)
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT upper('x' FROM s) FROM s;
