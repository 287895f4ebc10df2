CREATE SOURCE events (time TIMESTAMP, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT action, session_window.start AS s, session_window.end, count(*) AS c FROM events
GROUP BY action, session_window(time, '5 minutes')
HAVING session_window.end > TIMESTAMP '2016-07-26 10:00:00'
ORDER BY session_window.start DESC
WITH (outputMode = 'complete');
INSERT INTO out
SELECT date_format(window.start, 'HH:mm') AS hm, window AS w2, count(*) AS c FROM events
GROUP BY window(time, '10 minutes', '5 minutes') HAVING count(*) > 0 AND hour(window.end) = 10
ORDER BY window.end
WITH (outputMode = 'complete');
INSERT INTO out
SELECT window.start, window.end AS e, window, count(*) AS c FROM events GROUP BY window(time, '10 minutes')
WITH (outputMode = 'complete');
