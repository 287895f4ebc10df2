-- expect: 2:28: Text data source does not support bigint data type.
CREATE SOURCE lines (value BIGINT) WITH (connector = 'files', path = 'in', format = 'text');
