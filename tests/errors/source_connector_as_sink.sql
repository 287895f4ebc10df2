-- expect: 2:35: unknown connector 'files' (sinks: console)
CREATE SINK out WITH (connector = 'files', path = 'out');
