-- expect: 5:62: from_csv with multiLine = true is not supported yet (univocity then takes the line separator from the first value a task parses)
-- expect: 6:53: multiLine flag can be true or false.
CREATE SOURCE events (k STRING, j STRING, n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT from_csv(j, 'x INT', map('multiLine', 'TRUE')) AS a,
  from_csv(j, 'x INT', map('sep', ';', 'multiline', 'yes')) AS b,
  from_csv(j, 'x INT', map('multiLine', 'false')) AS c FROM events;
