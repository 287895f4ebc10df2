-- expect: 3:16: collect_list in an aggregation over an aggregation is not supported yet
CREATE TABLE events (action STRING, user STRING) WITH (connector = 'files', path = 'events');
SELECT action, collect_list(n) FROM (SELECT action, user, count(*) AS n FROM events GROUP BY action, user)
GROUP BY action;
