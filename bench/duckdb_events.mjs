// duckdb_events.mjs - the events benchmark query run by DuckDB (the comparison peer).
//
//   node bench/duckdb_events.mjs --data DIR [--threads N|default] [--runs N] [--out FILE]
//                                [--join DIM_DIR]
//
// Runs the batch form of "count per (action, 1-hour tumbling window)" over
// DIR/*.json --runs times, each in a fresh in-memory instance, and prints one
// JSON line: {"system", "threads", "times_s", "median_s", "groups"}.
// The result is written to FILE (or stdout) as sorted "action,window_start,count"
// lines, window_start as 'yyyy-MM-dd HH:mm:ss' UTC, for comparison with sluice.
// With --join, the query of bench/join_bench.sh instead: the events joined with the table
// DIM_DIR/*.json on time % 10000 = k, counted per (region, action): "region,action,count".
// Needs @duckdb/node-api (npm install --prefix bench).
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';

function parseArgs(argv) {
  const a = { data: null, threads: 'default', runs: 5, out: null, join: null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`missing value for ${k}`);
    if (k === '--data') a.data = v;
    else if (k === '--threads') a.threads = v;
    else if (k === '--runs') a.runs = Number.parseInt(v, 10);
    else if (k === '--out') a.out = v;
    else if (k === '--join') a.join = v;
    else throw new Error(`unknown option ${k}`);
    i++;
  }
  if (!a.data || !(a.runs > 0)) throw new Error('usage: duckdb_events.mjs --data DIR [--threads N|default] [--runs N] [--out FILE]');
  return a;
}

const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;

function query(dir, join) {
  const glob = sqlString(`${dir.replace(/\/+$/, '')}/*.json`);
  if (join) {
    const dims = sqlString(`${join.replace(/\/+$/, '')}/*.json`);
    return `SELECT d.region, e.action, count(*) AS n
FROM read_json(${glob}, format = 'newline_delimited', columns = {time: 'BIGINT', action: 'VARCHAR'}) e
JOIN read_json(${dims}, format = 'newline_delimited', columns = {k: 'BIGINT', region: 'VARCHAR'}) d
  ON e.time % 10000 = d.k
GROUP BY ALL`;
  }
  // The timed query is the brief's batch SQL; the outer SELECT only formats ~10^4 result rows.
  return `SELECT action, strftime(w, '%Y-%m-%d %H:%M:%S') AS window_start, n
FROM (
  SELECT action, time_bucket(INTERVAL 1 hour, to_timestamp(time)) AS w, count(*) AS n
  FROM read_json(${glob}, format = 'newline_delimited',
                 columns = {time: 'BIGINT', action: 'VARCHAR'})
  GROUP BY ALL
)`;
}

async function runOnce(args) {
  const t0 = process.hrtime.bigint();
  const options = args.threads === 'default' ? {} : { threads: String(args.threads) };
  const instance = await DuckDBInstance.create(':memory:', options);
  const conn = await instance.connect();
  await conn.run("SET TimeZone = 'UTC'");
  if (args.threads !== 'default') await conn.run(`SET threads = ${Number.parseInt(args.threads, 10)}`);
  const reader = await conn.runAndReadAll(query(args.data, args.join));
  const rows = reader.getRowsJS();
  const t1 = process.hrtime.bigint();
  conn.closeSync();
  instance.closeSync();
  return { seconds: Number(t1 - t0) / 1e9, rows };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const show = (v) => (v === null || v === undefined ? 'null' : String(v));

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const times = [];
  let rows = null;
  for (let i = 0; i < args.runs; i++) {
    const r = await runOnce(args);
    times.push(r.seconds);
    rows = r.rows;
  }
  const lines = rows.map((r) => `${show(r[0])},${show(r[1])},${show(r[2])}`);
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)); // byte order, like LC_ALL=C sort
  const text = lines.join('\n') + (lines.length ? '\n' : '');
  if (args.out) writeFileSync(args.out, text);
  else process.stdout.write(text);
  const report = {
    system: 'duckdb',
    threads: args.threads,
    times_s: times.map((t) => Number(t.toFixed(4))),
    median_s: Number(median(times).toFixed(4)),
    groups: lines.length,
  };
  (args.out ? process.stdout : process.stderr).write(JSON.stringify(report) + '\n');
}

main().catch((e) => {
  process.stderr.write(`duckdb_events: ${e.stack || e}\n`);
  process.exit(1);
});
