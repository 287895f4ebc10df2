-- version() (Spark's SparkVersion: SPARK_VERSION_SHORT + " " + SPARK_REVISION) is
-- "3.5.2 sluice-<sluice's version>": the Spark version sluice follows first, so a check that
-- splits it off keeps working, and sluice where Spark has its git revision. Named version().
CREATE SOURCE src (id INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT id, version(), split(version(), ' ')[0] AS spark FROM src;
