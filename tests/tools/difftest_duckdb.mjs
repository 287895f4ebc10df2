// difftest_duckdb.mjs - run difftest.py's DuckDB side: queries over JSON Lines tables.
//
//   node tests/tools/difftest_duckdb.mjs SPEC.json
//
// SPEC is {"setup": [sql, ...], "queries": [sql, ...]}: the setup statements (views over
// read_json, macros modelling Spark's rules) run once, then each query; one JSON line per
// query is printed: {"rows": [[string|null, ...], ...]} or {"error": message}. Every value is
// turned into a string by DuckDB (difftest.py casts each output column to VARCHAR).
// Needs @duckdb/node-api (npm install --prefix bench), resolved through bench/node_modules.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', 'bench', 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

async function main() {
  const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await instance.connect();
  await conn.run("SET TimeZone = 'UTC'");
  for (const s of spec.setup) await conn.run(s);
  const out = [];
  for (const q of spec.queries) {
    try {
      const reader = await conn.runAndReadAll(q);
      const rows = reader.getRowsJS().map((r) => r.map((v) => (v === null || v === undefined ? null : String(v))));
      out.push(JSON.stringify({ rows }));
    } catch (e) {
      out.push(JSON.stringify({ error: String(e.message || e) }));
    }
  }
  process.stdout.write(out.join('\n') + '\n');
  conn.closeSync();
  instance.closeSync();
}

main().catch((e) => {
  process.stderr.write(`difftest_duckdb: ${e.stack || e}\n`);
  process.exit(1);
});
