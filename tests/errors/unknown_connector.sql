-- expect: 2:57: unknown connector 'kafkaa' (sources: files, rate, rate-micro-batch, socket, kafka)
CREATE SOURCE events (time TIMESTAMP) WITH (connector = 'kafkaa', path = 'x');
