-- expect: 6:40: joins between two streams are not supported yet
CREATE SOURCE events (time TIMESTAMP, k INT, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM events a JOIN events b ON a.k = b.k;
