-- expect: 2:57: unknown connector 'kafkaa' (sources: files)
CREATE SOURCE events (time TIMESTAMP) WITH (connector = 'kafkaa', path = 'x');
