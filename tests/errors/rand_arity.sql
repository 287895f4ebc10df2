-- expect: 4:24: function 'rand' takes 0 to 1 arguments, but 2 were given
CREATE SOURCE s (k STRING, v INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT rand(1, 2) FROM s;
