-- Java regular expressions: the answers java.util.regex (and so Spark) gives where a POSIX
-- engine would differ ('a|ab' takes 'a'), lookaround, back references, named groups in
-- replacements, \b around non-ASCII letters, and regexp_replace's position (NULL gives NULL).
CREATE SOURCE lines WITH (connector = 'files', path = 'data/text', format = 'text');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT value,
       regexp_extract(value, 'a|ab', 0) AS alt,
       regexp_extract(value, '(\\w+)@(\\w+)', 2) AS host,
       regexp_extract(value, '(?<=\\$)\\d+', 0) AS price,
       regexp_replace(value, '(?<user>\\w+)@(?<host>\\w+)', '${host}/$1') AS swapped,
       regexp_replace(value, '\\s+', ' ') AS squeezed,
       regexp_replace(value, 'a', 'A', 3) AS from3,
       regexp_replace(value, '\\b(\\p{L})', '<$1>') AS initials,
       regexp_replace(value, '(\\w)\\1', '[$1\\$]') AS doubles,
       split(value, '(?=\\p{Lu})') AS camel,
       split(value, '[ ,]+', 2) AS first_rest,
       regexp_replace(value, 'é$', 'E') AS last_e,
       regexp_replace(value, 'a', CAST(NULL AS STRING)) AS null_rep,
       regexp_replace(value, 'a', 'b', CAST(NULL AS INT)) AS null_pos
FROM lines;
