-- expect: 5:30: Generators are not supported when it's nested in expressions, but got: json_tuple(value, a)
CREATE SOURCE s (id INT, name STRING, value STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT upper(json_tuple(value, 'a')) FROM s;
