-- expect: 11:58: USING column `name` cannot be resolved on the left side of the join. The left-side columns: [`time`, `k`, `action`].
-- expect: 11:40: Inner join of a stream with a static table is valid in Spark but not supported yet
-- expect: 12:58: USING column `action` cannot be resolved on the right side of the join. The right-side columns: [`k`, `name`].
-- expect: 12:40: Inner join of a stream with a static table is valid in Spark but not supported yet
-- expect: 13:58: Inner join of a stream with a static table is valid in Spark but not supported yet
-- expect: 13:85: cannot resolve column 'nope' (available: k, time, action, name)
CREATE SOURCE events (time TIMESTAMP, k INT, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM events e JOIN dim d USING (name);
INSERT INTO out SELECT * FROM events e JOIN dim d USING (action);
INSERT INTO out SELECT d.k, e.k, k, d.name FROM events e JOIN dim d USING (k) WHERE nope;
