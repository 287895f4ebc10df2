-- expect: 2:46: unknown option 'color' for connector 'console' (valid: numRows, truncate)
CREATE SINK out WITH (connector = 'console', color = true);
