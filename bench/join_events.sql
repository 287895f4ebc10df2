-- The join benchmark query: the 20 M events joined with a 10,000-row table on a key computed
-- from the event (its time in seconds modulo 10,000), counted per (region, action).  Run from
-- the repository root (bench/join_bench.sh does this; it writes bench/data/dim first).
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'bench/data/events', format = 'json');
CREATE TABLE dim (k BIGINT, region STRING)
  WITH (connector = 'files', path = 'bench/data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 1000, truncate = false);
INSERT INTO out
SELECT d.region, e.action, count(*) AS count
FROM events e JOIN dim d ON unix_timestamp(e.time) % 10000 = d.k
GROUP BY d.region, e.action
ORDER BY region, action
WITH (outputMode = 'complete');
