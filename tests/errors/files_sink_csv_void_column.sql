-- expect: 5:16: CSV data source does not support void data type.
CREATE SOURCE events (action STRING) WITH (connector = 'files', path = 'data/events');
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'csv');
INSERT INTO out
SELECT action, NULL AS nothing FROM events WITH (checkpointLocation = 'ck');
