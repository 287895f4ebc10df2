-- expect: 2:27: CSV data source does not support map<string,int> data type.
CREATE SOURCE e (a INT, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'csv');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT a FROM e;
