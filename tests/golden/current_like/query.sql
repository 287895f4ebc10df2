-- current_database, current_schema, current_catalog, current_user, user (Spark's
-- CurrentDatabase, CurrentCatalog and CurrentUser, which ReplaceCurrentLike makes constants):
-- 'default', 'default', 'spark_catalog', and $SPARK_USER (test.conf sets it) twice. Spark 3.5
-- names current_schema() current_database() and user() current_user() (their prettyNames).
CREATE SOURCE src (id INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, current_database(), CURRENT_SCHEMA(), current_catalog(), current_user(), user(),
       length(current_user()) AS n
FROM src;
