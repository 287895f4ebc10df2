-- expect: 7:12: cannot resolve column 'window.start' (available: time, action)
-- expect: 7:54: cannot resolve column 'window.end' (available: time, action)
-- expect: 9:24: cannot resolve column 'window.start' (available: time, action)
CREATE SOURCE events (time TIMESTAMP, action STRING) WITH (connector = 'files', path = 'data/events');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT max(window.start), count(*) FROM events WHERE window.end > time GROUP BY window(time, '10 minutes')
WITH (outputMode = 'complete');
INSERT INTO out SELECT window.start, count(*) FROM events GROUP BY action WITH (outputMode = 'complete');
