-- expect: 6:43: Queries without streaming sources cannot be executed with writeStream.start()
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
CREATE TABLE devices (device STRING, owner STRING) WITH (connector = 'files', path = 'devices');
INSERT INTO out SELECT device, owner FROM devices;
