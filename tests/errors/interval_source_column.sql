-- expect: 2:41: type interval day to second cannot be read from a source yet: declare the column STRING and CAST it (CAST(c AS INTERVAL DAY TO SECOND))
CREATE SOURCE events (time TIMESTAMP, d INTERVAL DAY TO SECOND)
  WITH (connector = 'files', path = 'data/events', format = 'json');
