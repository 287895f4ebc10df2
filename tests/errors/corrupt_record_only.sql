-- expect: 6:1: Since Spark 2.3, the queries from raw JSON/CSV files are disallowed when the referenced columns only include the internal corrupt record column (named _corrupt_record by default). For example: spark.read.schema(schema).csv(file).filter($"_corrupt_record".isNotNull).count() and spark.read.schema(schema).csv(file).select("_corrupt_record").show(). Instead, you can cache or save the parsed results and then send the same query. For example, val df = spark.read.schema(schema).csv(file).cache() and then df.filter($"_corrupt_record".isNotNull).count().
-- JsonFileFormat.buildReader (CSVFileFormat too) refuses a scan whose required columns are
-- the corrupt-record column alone (QueryCompilationErrors.queryFromRawFilesIncludeCorruptRecordColumnError).
CREATE SOURCE s (a INT, _corrupt_record STRING) WITH (connector = 'files', path = 'j', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT _corrupt_record FROM s WHERE _corrupt_record IS NOT NULL;
