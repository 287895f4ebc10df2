-- expect: 3:42: option 'path' is given twice
CREATE SOURCE events (time TIMESTAMP)
  WITH (connector = 'files', path = 'a', PATH = 'b');
