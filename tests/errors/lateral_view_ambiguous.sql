-- expect: 5:22: Reference `k` is ambiguous, could be: [`s`.`k`, `t`.`k`].
CREATE SOURCE s (k STRING, arr ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT k FROM s LATERAL VIEW explode(arr) t AS k;
