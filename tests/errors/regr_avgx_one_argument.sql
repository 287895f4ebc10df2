-- expect: 5:24: function 'regr_avgx' takes 2 arguments, but 1 was given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regr_avgx(n) FROM events WITH (outputMode = 'complete');
