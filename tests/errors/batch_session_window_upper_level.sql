-- expect: 4:18: session_window in an aggregation over an aggregation is not supported yet
CREATE TABLE events (time TIMESTAMP, action STRING) WITH (connector = 'files', path = 'events');
SELECT action, count(*) FROM (SELECT action, min(time) AS t FROM events GROUP BY action)
GROUP BY action, session_window(t, '5 minutes');
