-- expect: 2:15: The rate source does not support a user-specified schema.
CREATE SOURCE ticks (timestamp TIMESTAMP, value BIGINT) WITH (connector = 'rate');
