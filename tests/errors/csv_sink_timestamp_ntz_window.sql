-- expect: 6:23: CSV data source does not support struct<start:timestamp_ntz,end:timestamp_ntz> data type.
-- The window of a TIMESTAMP_NTZ is a struct of two TIMESTAMP_NTZ (TimeWindow.dataType), which
-- CSVFileFormat.supportDataType refuses as it does any struct.
CREATE SOURCE events (time TIMESTAMP_NTZ) WITH (connector = 'files', path = 'in', format = 'json');
CREATE SINK cs WITH (connector = 'files', path = 'out', format = 'csv');
INSERT INTO cs SELECT window(time, '10 minutes') AS w FROM events WITH (checkpointLocation = 'c');
