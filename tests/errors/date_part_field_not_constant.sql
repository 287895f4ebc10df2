-- expect: 5:34: The function `date_part` requires the parameter `field` to be a foldable expression of the type "STRING", but the actual argument is a non-foldable.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT date_part(action, d) FROM events;
