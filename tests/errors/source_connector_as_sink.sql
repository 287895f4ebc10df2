-- expect: 2:35: unknown connector 'rate' (sinks: files, console, postgres, sqlite)
CREATE SINK out WITH (connector = 'rate', rowsPerSecond = 10);
