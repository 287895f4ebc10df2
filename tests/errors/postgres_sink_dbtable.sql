-- expect: 3:64: unknown option 'dbtable' for connector 'postgres' (did you mean 'table'?)
-- expect: 3:13: option 'table' is required for connector 'postgres'
CREATE SINK out WITH (connector = 'postgres', url = 'host=db', dbtable = 'counts');
