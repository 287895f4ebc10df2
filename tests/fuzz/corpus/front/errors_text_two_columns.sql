-- expect: 2:22: Text data source supports only a single column, and you have 2 columns.
CREATE SOURCE lines (value STRING, n INT) WITH (connector = 'files', path = 'in', format = 'text');
