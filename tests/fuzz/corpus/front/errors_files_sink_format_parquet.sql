-- expect: 2:67: Invalid value 'parquet' for option 'format', must be one of json, csv
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'parquet');
