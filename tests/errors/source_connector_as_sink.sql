-- expect: 2:35: unknown connector 'rate' (sinks: files, console, kafka, exec)
CREATE SINK out WITH (connector = 'rate', rowsPerSecond = 10);
