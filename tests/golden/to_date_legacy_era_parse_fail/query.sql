-- A pattern with G (era) under Spark 3.5's default spark.sql.legacy.timeParserPolicy
-- EXCEPTION: the legacy parser, a non-lenient SimpleDateFormat, reads the era's short and
-- long names in any case (AD, BC, Anno Domini, Before Christ; not the narrow A and B), and a
-- BC year by the Julian calendar (45 BC is a leap year, 44 BC is not).  '2024-01-05 AD' and
-- '0044-03-15 BC' parse; '2024-01-05 A' and '0044-02-29 Before Christ' are NULL in both
-- parsers; '0045-2-29 Before Christ' only the legacy parser reads (M with one digit): batch 0
-- fails with INCONSISTENT_BEHAVIOR_CROSS_VERSION.PARSE_DATETIME_BY_NEW_PARSER.
CREATE SOURCE src (s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT s, to_date(s, 'yyyy-MM-dd G') AS d FROM src WITH (name = 'parse');
