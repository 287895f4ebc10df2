-- expect: 6:35: LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported
CREATE SOURCE events (time TIMESTAMP, k INT, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM dim ANTI JOIN events USING (k);
