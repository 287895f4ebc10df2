-- expect: 5:24: syntax error: 'substring' does not take PLACING (only OVERLAY(s PLACING r FROM pos [FOR len]) does)
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT substring(s PLACING s FROM 1) FROM events;
