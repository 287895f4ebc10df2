-- expect: 6:38: RightOuter join with a streaming DataFrame/Dataset on the left and a static DataFrame/DataSet on the right not supported
CREATE SOURCE events (time TIMESTAMP, k INT, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM events NATURAL RIGHT JOIN dim;
