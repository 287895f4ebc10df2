-- expect: 7:25: CSV data source does not support array<void> data type.
-- expect: 7:39: CSV data source does not support map<void,void> data type.
-- expect: 7:51: CSV data source does not support struct<> data type.
CREATE SOURCE e (a INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK c WITH (connector = 'files', path = 'out/c', format = 'csv');
-- CSVFileFormat.supportDataType: no ARRAY (array() is ARRAY<VOID>), MAP or STRUCT
INSERT INTO c SELECT a, array() AS x, map() AS m, struct() AS s FROM e
WITH (checkpointLocation = 'chk');
