-- expect: 3:34: unknown option 'numrow' for a SELECT statement (show) (did you mean 'numRows'?)
CREATE TABLE devices (device STRING, owner STRING) WITH (connector = 'files', path = 'devices');
SELECT device FROM devices WITH (numrow = 5);
