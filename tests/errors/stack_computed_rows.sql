-- expect: 5:30: stack with a computed number of rows is not supported yet (write the number)
CREATE SOURCE s (id INT, name STRING, value STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT stack(1 + 1, id) FROM s;
