-- expect: 2:36: a static table cannot have a WATERMARK
CREATE TABLE devices (t TIMESTAMP, WATERMARK FOR t AS t - INTERVAL '1 minute')
  WITH (connector = 'files', path = 'devices');
