-- expect: 11:54: ON expects a boolean expression, but 'name' is of type string
-- expect: 12:24: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `d`.`name` cannot be resolved. Did you mean one of the following? [`e`.`k`, `e`.`time`, `e`.`action`].
-- expect: 13:66: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `e`.`nope` cannot be resolved. Did you mean one of the following? [`e`.`k`, `d`.`k`, `d`.`name`, `e`.`time`, `e`.`action`].
-- (a join of a stream with a table runs: no error)
-- (a join of a stream with a table runs: no error)
-- (a join of a stream with a table runs: no error)
CREATE SOURCE events (time TIMESTAMP, k INT, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM events e JOIN dim d ON d.name;
INSERT INTO out SELECT d.name FROM events e LEFT SEMI JOIN dim d ON d.k = e.k;
INSERT INTO out SELECT e.* FROM events e LEFT ANTI JOIN dim d ON e.nope = d.k;
