-- expect: 4:36: Delimiter cannot be empty string
-- expect: 4:48: quote cannot be more than one character
CREATE TABLE devices (device STRING, owner STRING)
  WITH (connector = 'files', sep = '', quote = '""', path = 'devices.csv', format = 'csv');
