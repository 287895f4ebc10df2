-- expect: 5:59: grouping by a value of type struct<city:string,state:string> is not supported yet; group by its fields instead
CREATE SOURCE events (user_id STRING, geo STRUCT<city: STRING, state: STRING>)
  WITH (connector = 'files', path = 'data', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT geo, count(*) FROM events GROUP BY geo WITH (outputMode = 'update');
