-- expect: 5:44: [UNSUPPORTED_GENERATOR.NOT_GENERATOR] The generator is not supported: `upper` is expected to be a generator. However, it is not a generator.
CREATE SOURCE s (k STRING, arr ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT k FROM s LATERAL VIEW upper(k) t AS x;
