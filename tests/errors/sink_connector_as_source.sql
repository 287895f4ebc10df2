-- expect: 2:54: unknown connector 'console' (sources: files, rate, rate-micro-batch, socket, kafka)
CREATE SOURCE lines (value STRING) WITH (connector = 'console');
