-- sentences(str[, lang, country]) (Spark 3.5's Sentences, stringExpressions.scala): the text
-- split by Java's sentence BreakIterator, each sentence by its word BreakIterator, keeping the
-- words whose first char is a letter or digit.  Expected output from model.py: the results of
-- Spark's getSentences code run on Java 17's BreakIterator (the locale does not change the
-- rules but for Thai).  Named sentences(s, , ) (Literal("") defaults, printed bare).
CREATE SOURCE t (i INT, s STRING)
WITH (connector = 'files', path = 'data/t', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT i, sentences(s), sentences(s, 'en', 'US') = sentences(s) AS same,
       size(sentences(s, NULL, 'x')) AS n
FROM t
WITH (name = 'sentences', checkpointLocation = 'chk/sentences');
