-- Column names of timestampadd and timestampdiff: with a unit first, the parser makes
-- dateadd, date_add and timestampadd Spark's TimestampAdd and datediff, date_diff and
-- timestampdiff its TimestampDiff (AstBuilder.visitTimestampadd/visitTimestampdiff), whose
-- sql is timestampadd(<unit as written>, ...) and timestampdiff(...) whatever name called them.
CREATE SOURCE s (k INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT dateadd(day, k, DATE '2020-01-01'), date_add(Hour, k, DATE '2020-01-01'),
       timestampadd(MONTH, 1, DATE '2020-01-31'),
       datediff(minute, DATE '2020-01-01', DATE '2020-01-02'),
       date_diff(WEEK, DATE '2020-01-01', DATE '2020-03-01'),
       timestampdiff(second, DATE '2020-01-01', DATE '2020-01-02')
FROM s;
