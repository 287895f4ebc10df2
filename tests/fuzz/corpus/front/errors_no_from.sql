-- expect: 5:17: Queries without streaming sources cannot be executed with writeStream.start()
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT 1 AS one;
