-- ckpt.sql - the fuzz_ckpt target's queries: one of each stateful operator, so a restart
-- decodes every kind of state (groups with numeric and string aggregates, dedup keys,
-- session windows, a chain of two aggregations, a stream-stream join's snapshots and deltas)
-- besides metadata, offsets, commits and the files sources' logs.
CREATE SOURCE events (
    id BIGINT,
    user STRING,
    amount DOUBLE,
    time TIMESTAMP,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = '.', format = 'json');
CREATE SOURCE clicks (
    id BIGINT,
    tag STRING,
    ctime TIMESTAMP,
    WATERMARK FOR ctime AS ctime - INTERVAL '10 minutes'
) WITH (connector = 'files', path = '.', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT window(time, '10 minutes') AS w, user, count(*) AS n, sum(amount) AS total,
       avg(amount) AS mean, min(user) AS lo, max(user) AS hi, max(time) AS last
FROM events
GROUP BY window(time, '10 minutes'), user
WITH (name = 'agg', outputMode = 'complete');
INSERT INTO out
SELECT id, user, time FROM events DROP DUPLICATES (id, time)
WITH (name = 'dedup');
INSERT INTO out
SELECT user, session_window(time, '5 minutes') AS session, count(*) AS n, sum(amount) AS total, min(time) AS first
FROM events
GROUP BY user, session_window(time, '5 minutes')
WITH (name = 'session', outputMode = 'append');
INSERT INTO out
SELECT window(window_time(w), '1 hour') AS hour, sum(n) AS n, max(hi) AS hi
FROM (SELECT window(time, '10 minutes') AS w, user, count(*) AS n, max(user) AS hi
      FROM events GROUP BY window(time, '10 minutes'), user)
GROUP BY window(window_time(w), '1 hour')
WITH (name = 'chain', outputMode = 'append');
INSERT INTO out
SELECT e.id, e.user, e.time, c.tag, c.ctime, c.s
FROM events e
LEFT OUTER JOIN (SELECT id, tag, ctime, named_struct('id', id, 'len', length(tag)) AS s FROM clicks) c
  ON e.id = c.id AND c.ctime BETWEEN e.time AND e.time + INTERVAL 20 MINUTES
WITH (name = 'join');
