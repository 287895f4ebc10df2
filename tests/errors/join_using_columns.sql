-- expect: 11:58: USING column `name` cannot be resolved on the left side of the join. The left-side columns: [`time`, `k`, `action`].
-- expect: 12:58: USING column `action` cannot be resolved on the right side of the join. The right-side columns: [`k`, `name`].
-- expect: 13:85: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `nope` cannot be resolved. Did you mean one of the following? [`e`.`k`, `d`.`name`, `e`.`time`, `e`.`action`].
-- (a join of a stream with a table runs: no error)
-- (a join of a stream with a table runs: no error)
-- (a join of a stream with a table runs: no error)
CREATE SOURCE events (time TIMESTAMP, k INT, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM events e JOIN dim d USING (name);
INSERT INTO out SELECT * FROM events e JOIN dim d USING (action);
INSERT INTO out SELECT d.k, e.k, k, d.name FROM events e JOIN dim d USING (k) WHERE nope;
