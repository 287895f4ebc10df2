-- PERMISSIVE with a corrupt-record column: malformed lines arrive whole in _corrupt_record.
CREATE SOURCE events (time TIMESTAMP, action STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO out
SELECT time, action, _corrupt_record FROM events
WHERE _corrupt_record IS NOT NULL OR action IS NULL OR time IS NULL
WITH (outputMode = 'append');
