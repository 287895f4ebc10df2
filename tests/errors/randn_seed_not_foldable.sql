-- expect: 4:30: [SEED_EXPRESSION_IS_UNFOLDABLE] The seed expression "v" of the expression "randn(v)" must be foldable.
CREATE SOURCE s (k STRING, v INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT randn(v) FROM s;
