-- expect: 7:1: files sink 'out' is already written by a query above: two queries cannot write one files sink (their part files and _spark_metadata would overwrite each other); give each query its own sink and path
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO out SELECT action, time FROM events WHERE action = 'Open'
  WITH (name = 'opens', checkpointLocation = 'chk/opens');
INSERT INTO out SELECT action, time FROM events WHERE action = 'Close'
  WITH (name = 'closes', checkpointLocation = 'chk/closes');
