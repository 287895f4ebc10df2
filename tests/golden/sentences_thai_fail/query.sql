-- sentences with a Thai locale: Java's word BreakIterator for language "th" (new Locale
-- lower-cases it) breaks by a dictionary, which sluice does not have: the run fails rather
-- than answer otherwise than Spark.  Row 2's language TH fails batch 0, so nothing is shown.
CREATE SOURCE src (s STRING, l STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT s, sentences(s, l, 'TH') AS w FROM src WITH (name = 'thai');
