-- input_file_name() (Spark's InputFileName): the URI of the file a row was read from, the
-- file's SparkPath as FileScanRDD sets it: "file://" and the absolute path, a space as %20
-- and '%' as %25 (java.net.URI's quoting of a path), other characters kept ('é').  The directory
-- part depends on where the test runs, so the query shows what follows data/events/.
CREATE SOURCE s (v INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT v, substring_index(input_file_name(), 'data/events/', -1) AS file,
       input_file_name() LIKE 'file:///%/data/events/%' AS uri, typeof(input_file_name())
FROM s;
