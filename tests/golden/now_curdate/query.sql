-- now() is Spark's Now, a current_timestamp named now(); curdate() (3.4) builds
-- CurrentDate(), named current_date().  Both are the batch's timestamp (and its day), the same
-- for every row.
CREATE SOURCE s (k INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT k, now() = current_timestamp() AS same_ts, curdate() = current_date() AS same_day,
       date_format(now(), 'yyyy') >= '2026', year(curdate()) >= 2026
FROM s;
