-- expect: 3:55: DISTINCT aggregates in a session window aggregation are not supported yet
CREATE TABLE events (time TIMESTAMP, owner STRING, n INT) WITH (connector = 'files', path = 'events');
SELECT owner, session_window(time, '5 minutes') AS s, sum(DISTINCT n) FROM events
GROUP BY owner, session_window(time, '5 minutes');
