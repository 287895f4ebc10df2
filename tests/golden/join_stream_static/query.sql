-- Stream-static joins: the events stream probes the dim table (NULL keys, a duplicate key).
CREATE SOURCE events (id INT, k INT, kb BIGINT, time TIMESTAMP, WATERMARK FOR time AS time - INTERVAL '10 seconds')
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING, w DOUBLE)
WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');

-- inner, with a condition besides the key
INSERT INTO out SELECT e.id, d.name, d.w FROM events e JOIN dim d ON e.k = d.k AND d.w > 0.5
WITH (name = 'inner', checkpointLocation = 'chk/inner');

-- left outer: events without a match get NULLs
INSERT INTO out SELECT e.id, e.k, d.name FROM events e LEFT OUTER JOIN dim d ON e.k = d.k
WITH (name = 'left_outer', checkpointLocation = 'chk/left_outer');

-- left semi and left anti
INSERT INTO out SELECT id FROM events e LEFT SEMI JOIN dim d ON e.k = d.k AND d.w > 1
WITH (name = 'semi', checkpointLocation = 'chk/semi');
INSERT INTO out SELECT * FROM events LEFT ANTI JOIN dim USING (k)
WITH (name = 'anti', checkpointLocation = 'chk/anti');

-- right outer with the stream on the right; an INT key against a BIGINT one
INSERT INTO out SELECT d.name, e.id FROM dim d RIGHT OUTER JOIN events e ON d.k = e.kb
WITH (name = 'right_outer', checkpointLocation = 'chk/right_outer');

-- cross join, filtered after it
INSERT INTO out SELECT e.id, d.k, d.name FROM events e CROSS JOIN dim d WHERE e.id IN (1, 7)
WITH (name = 'cross', checkpointLocation = 'chk/cross');

-- a windowed count after the join, in append mode: the watermark passes through the join
INSERT INTO out SELECT window(e.time, '1 minute') AS w, d.name, count(*) AS n
FROM events e JOIN dim d USING (k)
GROUP BY window(e.time, '1 minute'), d.name
WITH (name = 'windowed', outputMode = 'append', checkpointLocation = 'chk/windowed');
