-- expect: 5:1: Since Spark 2.3, the queries from raw JSON/CSV files are disallowed when the referenced columns only include the internal corrupt record column (named _corrupt_record by default). For example: spark.read.schema(schema).csv(file).filter($"_corrupt_record".isNotNull).count() and spark.read.schema(schema).csv(file).select("_corrupt_record").show(). Instead, you can cache or save the parsed results and then send the same query. For example, val df = spark.read.schema(schema).csv(file).cache() and then df.filter($"_corrupt_record".isNotNull).count().
-- count(*) over a filter on the corrupt-record column: the scan requires that column alone.
CREATE TABLE t (a INT, bad STRING) WITH (connector = 'files', path = 'c', format = 'csv', columnNameOfCorruptRecord = 'bad');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) AS n FROM t WHERE bad IS NOT NULL;
