-- expect: 5:28: aggregate function 'count' cannot be used inside another aggregate function
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT max(count(*)) FROM events WITH (outputMode = 'complete');
