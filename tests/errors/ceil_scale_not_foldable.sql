-- expect: 4:32: [NON_FOLDABLE_ARGUMENT] The function `ceil` requires the parameter `scale` to be a foldable expression of the type "INT", but the actual argument is a non-foldable.
CREATE SOURCE s (d DOUBLE, n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT ceil(d, n) FROM s;
