-- Seed 003: the append-mode filter over inferred activity data with malformed lines, which
-- make inference add the _corrupt_record column (PERMISSIVE); trigger once.
CREATE SOURCE activity WITH (connector = 'files', path = 'data/activity', inferSchema = true);
CREATE SINK simple_transform WITH (connector = 'console', numRows = 60, truncate = false);
INSERT INTO simple_transform
SELECT gt, model, arrival_time, creation_time, _corrupt_record FROM activity
WHERE (gt LIKE '%stairs%' AND gt IS NOT NULL) OR _corrupt_record IS NOT NULL
WITH (name = 'simple_transform', outputMode = 'append', trigger = 'once');
