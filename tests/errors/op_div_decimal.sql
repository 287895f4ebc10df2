-- expect: 5:24: operator 'div' of a DECIMAL is not supported yet (cast it to BIGINT)
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT m div 2 FROM events;
