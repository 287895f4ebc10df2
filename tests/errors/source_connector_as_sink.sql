-- expect: 2:35: unknown connector 'rate' (sinks: files, console, postgres, sqlite, kafka, exec, memory)
CREATE SINK out WITH (connector = 'rate', rowsPerSecond = 10);
