-- Word counts over text files (format = 'text': one row per line in `value`, empty lines
-- included, no trailing newline needed), in update mode: each batch prints the words whose
-- counts changed.  split() takes a Java regex; '[ ,]+' splits on runs of spaces and commas.
CREATE SOURCE lines WITH (connector = 'files', path = 'data/text', format = 'text',
                          maxFilesPerTrigger = 1);
CREATE SINK console WITH (connector = 'console');
INSERT INTO console
SELECT lower(word) AS word, count(*) AS count
FROM (SELECT explode(split(value, '[ ,]+')) AS word FROM lines)
WHERE word <> ''
GROUP BY lower(word)
WITH (name = 'words', outputMode = 'update');
INSERT INTO console
SELECT value, length(value) AS n, size(split(value, ' ')) AS parts FROM lines
WITH (name = 'raw_lines');
