-- expect: 3:48: LIMIT is supported only in the outermost SELECT of a batch query yet
CREATE TABLE devices (device STRING, owner STRING) WITH (connector = 'files', path = 'devices');
SELECT d FROM (SELECT device AS d FROM devices LIMIT 2) AS t ORDER BY d;
