-- expect: 11:54: ON expects a boolean expression, but 'name' is of type string
-- expect: 11:40: Inner join of a stream with a static table is valid in Spark but not supported yet
-- expect: 12:45: LeftSemi join of a stream with a static table is valid in Spark but not supported yet
-- expect: 12:24: cannot resolve column 'd.name' (available: time, k, action)
-- expect: 13:66: cannot resolve column 'e.nope' (available: time, k, action, k, name)
-- expect: 13:42: LeftAnti join of a stream with a static table is valid in Spark but not supported yet
CREATE SOURCE events (time TIMESTAMP, k INT, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM events e JOIN dim d ON d.name;
INSERT INTO out SELECT d.name FROM events e LEFT SEMI JOIN dim d ON d.k = e.k;
INSERT INTO out SELECT e.* FROM events e LEFT ANTI JOIN dim d ON e.nope = d.k;
