-- Seed 004: e-commerce events with a nested schema (STRUCT and ARRAY columns) inferred
-- from the files; email traffic with a mobile flag, append mode, '1 second' trigger.
CREATE SOURCE events WITH (connector = 'files', path = 'data/events', inferSchema = true,
  maxFilesPerTrigger = 1);
CREATE SINK email_traffic WITH (connector = 'console', numRows = 6);
INSERT INTO email_traffic
SELECT user_id, event_timestamp, device IN ('iOS', 'Android') AS mobile
FROM events WHERE traffic_source = 'email'
WITH (name = 'email_traffic', outputMode = 'append', trigger = '1 second');
