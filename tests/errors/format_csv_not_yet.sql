-- expect: 3:61: format 'csv' is not supported yet
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'csv');
