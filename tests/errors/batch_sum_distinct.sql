-- expect: 3:15: DISTINCT aggregates other than count(DISTINCT x) of one value are not supported yet in batch queries
CREATE TABLE devices (device STRING, owner STRING, n INT) WITH (connector = 'files', path = 'devices');
SELECT owner, sum(DISTINCT n) AS total FROM devices GROUP BY owner;
