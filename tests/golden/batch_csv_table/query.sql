-- A CSV table with a header and inferred types as batch queries.
CREATE TABLE people WITH (connector = 'files', path = 'data/events', format = 'csv',
                          header = true, inferSchema = true);

SELECT city, count(*) AS people, avg(age) AS mean_age FROM people GROUP BY city ORDER BY city;
SELECT * FROM people ORDER BY age DESC;
SELECT DISTINCT * FROM people ORDER BY name LIMIT 2;
