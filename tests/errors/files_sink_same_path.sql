-- expect: 8:1: files sink 'closes' has the same path './out//' as files sink 'opens', which a query above already writes: two queries cannot write one directory (their part files and _spark_metadata would overwrite each other); give each query its own path
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK opens WITH (connector = 'files', path = 'out', format = 'json');
CREATE SINK closes WITH (connector = 'files', path = './out//', format = 'csv');
INSERT INTO opens SELECT action, time FROM events WHERE action = 'Open'
  WITH (checkpointLocation = 'chk/opens');
INSERT INTO closes SELECT action, time FROM events WHERE action = 'Close'
  WITH (checkpointLocation = 'chk/closes');
