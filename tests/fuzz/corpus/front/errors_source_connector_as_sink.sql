-- expect: 2:35: unknown connector 'rate' (sinks: files, console)
CREATE SINK out WITH (connector = 'rate', rowsPerSecond = 10);
