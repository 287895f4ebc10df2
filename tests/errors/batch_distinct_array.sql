-- expect: 3:30: DISTINCT of a value of type array<int> is not supported yet
CREATE TABLE events (owner STRING, tags ARRAY<INT>) WITH (connector = 'files', path = 'events');
SELECT owner, count(DISTINCT tags) FROM events GROUP BY owner;
