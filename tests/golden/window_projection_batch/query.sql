-- window() in the SELECT list of a batch query without aggregation (Spark's TimeWindowing):
-- a tumbling window gives a row its window, a sliding one a row per window it falls in (the
-- latest first), a NULL or missing time no row.
CREATE TABLE events (time TIMESTAMP, user STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');

-- tumbling
SELECT user, window(time, '30 minutes') AS w, n FROM events
WITH (truncate = false);

-- sliding, the size a multiple of the slide (every candidate window holds the time)
SELECT user, window(time, '1 hour', '20 minutes') AS w FROM events
WITH (truncate = false);

-- sliding, the size no multiple of the slide, with a start offset, after a WHERE
SELECT user, window(time, '25 minutes', '10 minutes', '3 minutes') AS w FROM events
WHERE n > 1
WITH (truncate = false);

-- the window's fields in the query over it, the same window() twice
SELECT user, w.start, w.end, s
FROM (SELECT user, window(time, '1 hour', '30 minutes') AS w,
             window(time, '1 hour', '30 minutes').start AS s FROM events)
WITH (truncate = false);
