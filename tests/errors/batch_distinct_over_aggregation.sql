-- expect: 3:8: SELECT DISTINCT over an aggregation is not supported yet in batch queries
CREATE TABLE devices (device STRING, owner STRING) WITH (connector = 'files', path = 'devices');
SELECT DISTINCT count(*) AS n FROM devices GROUP BY owner;
