-- expect: 11:24: Reference `k` is ambiguous, could be: [`e`.`k`, `d`.`k`].
-- expect: 12:56: Reference `k` is ambiguous, could be: [`e`.`k`, `d`.`k`].
-- expect: 13:24: Reference `d`.`k` is ambiguous, could be: [`d`.`k`, `d`.`k`].
-- (a join of a stream with a table runs: no error)
-- (a join of a stream with a table runs: no error)
-- (a join of a stream with a table runs: no error)
CREATE SOURCE events (time TIMESTAMP, k INT, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k FROM events e JOIN dim d ON e.k = d.k;
INSERT INTO out SELECT e.k FROM events e JOIN dim d ON k = 1;
INSERT INTO out SELECT d.k FROM events d JOIN dim d ON true;
