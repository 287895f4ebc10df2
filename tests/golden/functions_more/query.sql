-- substring, concat, trim, regexp_extract, split/size, round, floor, ceil, to_timestamp,
-- from_unixtime, unix_timestamp and current_timestamp, with Spark's generated names.
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO out
SELECT action, substring(action, 2), substr(action, 2, 3), substr(action, -3, 2) AS tail2,
       substring(action, 0, 1) AS first,
       concat(action, '@', hour(time), ':', minute(time), ':', second(time)) AS tag,
       concat(action, CASE WHEN action = 'Open' THEN NULL ELSE '!' END) AS maybe,
       trim(concat('  ', lower(action), ' ')) AS t, ltrim(concat('  ', action)) AS lt,
       rtrim(concat(action, '  ')) AS rt,
       regexp_extract(action, '^([A-Z])([a-z]+)$', 2) AS re2,
       regexp_extract(concat(action, '-', second(time)), '([a-z]+)-(\\d+)', 2) AS sec,
       regexp_extract(action, concat('(', substring(action, 1, 1), ')(.*)'), 2) AS dyn,
       size(split(action, 'e')) AS parts, size(split('a,b,,c,,', ',')) AS commas,
       size(split(action, '[oe]', 2)) AS lim,
       unix_timestamp(time) % 1000 AS x,
       round(unix_timestamp(time) % 1000 / 4.0D, 1) AS r4, round(unix_timestamp(time) % 10 / 2.0D) AS r2,
       round(-(unix_timestamp(time) % 10) / 2.0D) AS rn, round(unix_timestamp(time) % 1000, -1) AS ri,
       floor(-(unix_timestamp(time) % 100) / 7.0D) AS fl, ceil(-(unix_timestamp(time) % 100) / 7.0D) AS ce,
       from_unixtime(unix_timestamp(time)) AS fu,
       from_unixtime(unix_timestamp(time), 'dd/MM/yyyy HH:mm') AS fu2,
       to_timestamp(from_unixtime(unix_timestamp(time), 'dd/MM/yyyy HH:mm'), 'dd/MM/yyyy HH:mm') AS back,
       unix_timestamp(concat('2016-07-26 ', date_format(time, 'HH:mm:ss'))) - unix_timestamp(time) AS diff,
       to_timestamp(date_format(time, 'yyyy-MM-dd HH:mm:ss')) AS lenient,
       to_timestamp(action, 'yyyy') AS bad, unix_timestamp(action) AS bad2,
       current_timestamp() > TIMESTAMP '2020-01-01 00:00:00' AS now_ok,
       unix_timestamp() > 1600000000 AS unix_ok
FROM events;
