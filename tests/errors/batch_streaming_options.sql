-- expect: 6:9: option 'trigger' is for streaming queries: this query reads only static tables, so it runs once as a batch query
-- expect: 6:32: option 'checkpointLocation' is for streaming queries: this query reads only static tables, so it runs once as a batch query
CREATE TABLE devices (device STRING, owner STRING) WITH (connector = 'files', path = 'devices');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT device, owner FROM devices
  WITH (trigger = '5 seconds', checkpointLocation = 'chk');
