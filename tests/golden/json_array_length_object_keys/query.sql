-- Spark 3.5's LengthOfJsonArray and JsonObjectKeys (jsonExpressions.scala): a Jackson parser
-- (ALLOW_SINGLE_QUOTES, ALLOW_UNESCAPED_CONTROL_CHARS) reads the first token, which must be
-- START_ARRAY (START_OBJECT) or the result is NULL; then every element is skipped with
-- skipChildren (every field's name collected, its value skipped) up to the matching close
-- bracket, and what follows is never read ('[1,2] trailing garbage' is 2, '{"a":1} {"b":2}'
-- is [a]). A parse error before that (a trailing comma, a leading zero, an unquoted name, a
-- bad literal, the end of the text) gives NULL, as do '', NULL and scalars. Keys are decoded
-- (\u00e9, a surrogate pair), kept in order with repeats and the empty name; an unpaired
-- surrogate becomes '?' (UTF8String.fromString). Expected values worked out by hand.
CREATE SOURCE s (id INT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO o
SELECT id, json_array_length(s), json_object_keys(s), size(json_object_keys(s)) AS n,
       json_array_length('[1, [2, 3]]') AS c
FROM s;
