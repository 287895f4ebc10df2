-- expect: 5:34: Cannot extract `fortnight` from "d".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT date_part('fortnight', d) FROM events;
