-- expect: 5:55: [NON_FOLDABLE_ARGUMENT] The function `to_varchar` requires the parameter `format` to be a foldable expression of the type "STRING", but the actual argument is a non-foldable.
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_varchar(encode(s, 'utf-8'), s) FROM events;
