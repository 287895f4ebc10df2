-- expect: 2:27: type map<int,string> cannot be read from files: a MAP read from JSON has STRING keys
CREATE SOURCE e (a INT, m MAP<INT, STRING>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT a FROM e;
