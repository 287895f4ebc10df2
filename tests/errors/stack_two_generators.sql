-- expect: 5:38: Only one generator allowed per select clause but found 2: stack(1, id), json_tuple(value, a)
CREATE SOURCE s (id INT, name STRING, value STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT stack(1, id), json_tuple(value, 'a') FROM s;
