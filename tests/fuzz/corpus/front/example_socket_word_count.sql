-- Running word counts over lines of text read from a TCP socket (seed 002).  Start a
-- server first, for example `nc -lk 9999`, and type lines into it.  Every 2 seconds the
-- whole table of counts so far is printed.  When the server closes the connection the
-- source ends: the last lines are counted and the query stops.
CREATE SOURCE lines WITH (connector = 'socket', host = 'localhost', port = 9999);

CREATE SINK console WITH (connector = 'console');

INSERT INTO console
SELECT word, count(*) AS count
FROM (SELECT explode(split(value, ' ')) AS word FROM lines)
GROUP BY word
ORDER BY count DESC, word
WITH (name = 'word_counts', outputMode = 'complete', trigger = '2 seconds');
