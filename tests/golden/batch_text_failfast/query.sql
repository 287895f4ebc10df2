-- A text table: word count through an explode subquery, as a batch query; then the same
-- files read as a FAILFAST json table fail the run (exit 1) after the first result is shown.
CREATE TABLE lines WITH (connector = 'files', path = 'data/events', format = 'text');
CREATE TABLE bad (n INT) WITH (connector = 'files', path = 'data/events', format = 'json',
                               mode = 'FAILFAST');

SELECT word, count(*) AS count
FROM (SELECT explode(split(value, ' ')) AS word FROM lines)
GROUP BY word ORDER BY count DESC, word LIMIT 4;
SELECT count(DISTINCT word) AS words FROM (SELECT explode(split(value, ' ')) AS word FROM lines);
SELECT n FROM bad;
SELECT value FROM lines;
