// live.js - draws the live page (index.html) from the HTTP API of a sluice executable run with
// --serve, polled every second: per query the charts of Spark's Structured Streaming UI
// (StreamingQueryStatisticsPage: input rate, process rate, input rows, batch duration, operation
// duration by durationMs key, global watermark gap, aggregated state operator metrics); per memory
// table its rows and a chart of one column by another (bar or line, like Databricks' display()).
// Plain SVG, no dependencies.  Every point carries data-* attributes with the values it draws
// (tests/tools/run_live_page.sh checks them against the API).  Chart choices live in the URL's
// fragment (#TABLE.key=COL&TABLE.value=COL&TABLE.agg=sum&TABLE.kind=line), so a view can be shared.
'use strict';

(function () {
  const POLL_MS = 1000;
  const MAX_TABLE_ROWS = 500;   // rows shown in a table (the chart uses them all)
  const MAX_CATEGORIES = 100;   // keys shown in a table chart
  const SVG = 'http://www.w3.org/2000/svg';
  const W = 520, H = 190, ML = 58, MR = 14, MT = 10, MB = 34;
  // Okabe-Ito: distinguishable with colour-vision deficiencies.
  const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#7f7f7f', '#f0e442'];
  const NUMERIC = /^(tinyint|smallint|int|integer|bigint|long|short|byte|float|real|double|decimal(\(.*\))?)$/i;

  let token = sessionStorage.getItem('sluice-serve-token') || '';
  const queryCards = new Map();   // query name -> {el, sig}
  const tableCards = new Map();   // table name -> {el, sig, batch, rows, data, chart}
  const prefs = readPrefs();      // table name -> {key, value, agg, kind}

  const $ = (id) => document.getElementById(id);
  const enc = encodeURIComponent;

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    setAttrs(e, attrs);
    for (const k of kids) if (k != null) e.append(k);
    return e;
  }
  function svgEl(tag, attrs, ...kids) {
    const e = document.createElementNS(SVG, tag);
    setAttrs(e, attrs);
    for (const k of kids) if (k != null) e.append(k);
    return e;
  }
  function setAttrs(e, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }

  // ---- the API ----

  class AuthError extends Error {}

  async function api(path) {
    const headers = token ? { Authorization: 'Bearer ' + token } : {};
    const r = await fetch(path, { headers, cache: 'no-store' });
    if (r.status === 401) throw new AuthError('unauthorized');
    if (!r.ok) {
      let msg = r.status + ' ' + r.statusText;
      try { msg = (await r.json()).error || msg; } catch (e) { /* not JSON */ }
      throw new Error(path + ': ' + msg);
    }
    return r.json();
  }

  // One round: fetch everything (a table only when it holds another batch than the one shown,
  // none before its first batch), then redraw what changed.  Paused while the tab is hidden.
  async function poll() {
    if (document.hidden) { setTimeout(poll, POLL_MS); return; }
    let queries, tables, progress, data;
    try {
      [queries, tables] = await Promise.all([api('api/queries'), api('api/tables')]);
      progress = await Promise.all(
        queries.map((q) => api('api/queries/' + enc(q.name) + '/progress')));
      data = await Promise.all(tables.map((t) => {
        const card = tableCards.get(t.name);
        if (card && card.data && card.batch === t.batchId && card.rows === t.rows) return card.data;
        if (t.batchId === null || t.batchId === undefined)
          return { name: t.name, batchId: null, columns: t.columns || [], rows: [] };
        return api('api/tables/' + enc(t.name) + '?format=json');
      }));
    } catch (e) {
      if (e instanceof AuthError) {
        $('auth').hidden = false;
        problem(token ? 'The token was refused.' : 'This server needs a token.');
        return; // polling resumes when a token is entered
      }
      problem('Cannot reach the executable: ' + e.message);
      setTimeout(poll, POLL_MS);
      return;
    }
    try {
      renderQueries(queries, progress);
      renderTables(tables, data);
      problem(null);
      $('updated').textContent = 'updated ' + fmtTime(Date.now()) + ' · every second';
    } catch (e) {
      problem('Cannot draw the answers of the executable: ' + e.message);
      console.error(e);
    }
    setTimeout(poll, POLL_MS);
  }

  function problem(text) {
    const p = $('problem');
    if (text === null) { if (!p.hidden) { p.hidden = true; p.textContent = ''; } return; }
    if (p.textContent !== text) p.textContent = text;
    p.hidden = false;
  }

  // ---- formatting ----

  function fmtNum(v) {
    if (!Number.isFinite(v)) return String(v);
    const a = Math.abs(v);
    if (a !== 0 && (a >= 1e9 || a < 1e-3)) return v.toExponential(2);
    if (Number.isInteger(v)) return v.toLocaleString('en-US');
    return v.toLocaleString('en-US', { maximumFractionDigits: a < 10 ? 3 : 1 });
  }
  function fmtBytes(n) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return (i ? n.toFixed(1) : String(n)) + ' ' + units[i];
  }
  // HH:MM:SS, and .mmm when fine (an axis spanning under 10 s: batches a few ms apart).
  function fmtTime(ms, fine) {
    const d = new Date(ms);
    const s = d.toLocaleTimeString('en-GB', { hour12: false });
    return fine ? s + '.' + String(d.getMilliseconds()).padStart(3, '0') : s;
  }
  // A value of the json table format as Spark's show() prints it: structs {a, b}, arrays [a, b].
  // With the column's Spark type (a simple string: struct<a:t,...>, array<t>, map<k,v>), a
  // timestamp prints as show() prints it in UTC (2016-07-26 02:00:00, fraction without trailing
  // zeros) and a map as {k -> v}.
  function fmtValue(v, type) {
    return fmtTyped(v, type === undefined ? null : parseType(type));
  }
  function fmtTyped(v, t) {
    if (v === null || v === undefined) return 'null';
    if (Array.isArray(v)) return '[' + v.map((x) => fmtTyped(x, t && t.elem)).join(', ') + ']';
    if (typeof v === 'object') {
      if (t && t.kind === 'map')
        return '{' + Object.entries(v).map(([k, x]) => fmtTyped(k, t.key) + ' -> ' + fmtTyped(x, t.value)).join(', ') + '}';
      const field = (k) => t && t.fields ? (t.fields.find((f) => f.name === k) || {}).type : null;
      return '{' + Object.entries(v).map(([k, x]) => fmtTyped(x, field(k))).join(', ') + '}';
    }
    if (t && t.kind === 'timestamp' && typeof v === 'string') {
      const m = /^(\d{4,}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(v);
      if (m) {
        const frac = (m[3] || '').replace(/0+$/, '');
        return m[1] + ' ' + m[2] + (frac ? '.' + frac : '');
      }
    }
    return String(v);
  }
  // A Spark type string as a tree: {kind: struct, fields}, {kind: array, elem}, {kind: map,
  // key, value} or {kind: NAME} (timestamp, string, decimal(10,2), ...).
  const typeCache = new Map();
  function parseType(str) {
    if (typeCache.has(str)) return typeCache.get(str);
    let i = 0;
    const one = () => {
      const m = /^[a-z_0-9]+(\(\d+,\s*\d+\))?/i.exec(str.slice(i));
      const name = m ? m[0].toLowerCase() : '';
      i += name.length;
      if (str[i] !== '<') return { kind: name.replace(/\(.*/, '') };
      i++; // '<'
      let t;
      if (name === 'array') t = { kind: 'array', elem: one() };
      else if (name === 'map') { const key = one(); i++; t = { kind: 'map', key, value: one() }; }
      else {
        t = { kind: 'struct', fields: [] };
        while (i < str.length && str[i] !== '>') {
          const c = str.indexOf(':', i);
          const fname = str.slice(i, c).replace(/^`|`$/g, '');
          i = c + 1;
          t.fields.push({ name: fname, type: one() });
          if (str[i] === ',') i++;
        }
      }
      i++; // '>'
      return t;
    };
    const t = one();
    typeCache.set(str, t);
    return t;
  }
  // A number from the API; NaN and missing ones count 0, as Spark's UI does (withNumberInvalid).
  function num(v) {
    const n = Number(v);
    return v === null || v === undefined || !Number.isFinite(n) ? 0 : n;
  }
  // The value axis of values from vmin to vmax, always with 0: rounded ends lo and top, a step
  // of 1, 2, 2.5 or 5 times a power of ten (about 4 grid lines), and y() mapping a value.
  function valueScale(vmin, vmax) {
    const lo0 = Math.min(0, vmin), hi0 = Math.max(0, vmax);
    const span = hi0 - lo0;
    let step = 0.25;
    if (span > 0) {
      const raw = span / 4;
      const mag = Math.pow(10, Math.floor(Math.log10(raw)));
      step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((x) => x >= raw);
    }
    const lo = lo0 < 0 ? -Math.ceil(-lo0 / step - 1e-9) * step : 0;
    const top = span > 0 ? lo + Math.ceil((hi0 - lo) / step - 1e-9) * step : 1;
    return { lo, top, step, y: (v) => MT + (1 - (v - lo) / (top - lo)) * (H - MT - MB) };
  }

  // ---- charts ----

  // A time-line chart.  series: [{key, label, points: [{batch, t, v}]}]; stacked: areas summed
  // bottom-up in series order (Spark's "Operation Duration"); unit names the values.
  function timeline(id, title, unit, series, stacked) {
    const all = series.flatMap((s) => s.points);
    const fig = el('figure', { class: 'chart', 'data-chart': id });
    const last = series.length === 1 && all.length ? all[all.length - 1].v : null;
    fig.append(el('figcaption', {},
      el('span', { text: title }),
      el('span', { class: 'last', text: last === null ? unit : 'last ' + fmtNum(last) + ' ' + unit })));
    const ts = all.map((p) => p.t);
    const t0 = Math.min(...ts), t1 = Math.max(...ts);
    // Stacked: the top of each series is the sum of those below it, record by record (stacked
    // series have one point per progress record; a batch id can repeat in idle records).
    const base = [];
    const tops = series.map((s) => s.points.map((p, j) => {
      const b = stacked ? (base[j] || 0) : 0;
      if (stacked) base[j] = b + p.v;
      return { p, lo: b, hi: b + p.v };
    }));
    const vmax = Math.max(0, ...tops.flat().map((x) => x.hi));
    const scale = valueScale(Math.min(0, ...tops.flat().map((x) => x.hi)), vmax);
    const x = (t) => t1 === t0 ? ML + (W - ML - MR) / 2 : ML + (t - t0) / (t1 - t0) * (W - ML - MR);
    const y = scale.y;
    const svg = svgEl('svg', {
      viewBox: `0 0 ${W} ${H}`, role: 'img',
      'aria-label': `${title} (${unit}) over ${new Set(all.map((p) => p.batch)).size} batches` +
        (last === null ? '' : `, last ${fmtNum(last)}`) + `, highest ${fmtNum(vmax)}`,
    });
    axes(svg, scale, unit);
    const mid = (t0 + t1) / 2;
    const fine = t1 - t0 < 10000;
    for (const [t, anchor] of t1 === t0 ? [[t0, 'middle']] : [[t0, 'start'], [mid, 'middle'], [t1, 'end']])
      svg.append(svgEl('text', { x: x(t), y: H - MB + 16, 'text-anchor': anchor, text: fmtTime(t, fine) }));
    series.forEach((s, i) => {
      const colour = PALETTE[i % PALETTE.length];
      const row = tops[i];
      const g = svgEl('g', { 'data-series': s.key });
      if (stacked && row.length > 1) {
        const up = row.map((q) => `${x(q.p.t)},${y(q.hi)}`);
        const down = row.slice().reverse().map((q) => `${x(q.p.t)},${y(q.lo)}`);
        g.append(svgEl('polygon', { class: 'area', points: up.concat(down).join(' '), fill: colour, stroke: colour }));
      } else if (!stacked && row.length > 1) {
        g.append(svgEl('polyline', { class: 'series', points: row.map((q) => `${x(q.p.t)},${y(q.hi)}`).join(' '), stroke: colour }));
      }
      for (const q of row) {
        g.append(svgEl('circle', {
          cx: x(q.p.t), cy: y(q.hi), r: 3, fill: colour,
          'data-batch': q.p.batch, 'data-t': q.p.t, 'data-v': q.p.v,
        }, svgEl('title', { text: `batch ${q.p.batch} at ${fmtTime(q.p.t)}: ${s.label} ${fmtNum(q.p.v)} ${unit}` })));
      }
      svg.append(g);
    });
    fig.append(svg);
    if (series.length > 1) fig.append(legend(series.map((s) => s.label)));
    return fig;
  }

  // Grid lines and labels of the value axis.
  function axes(svg, scale, unit) {
    for (let i = 0; scale.lo + i * scale.step <= scale.top + 1e-9; i++) {
      const v = scale.lo + i * scale.step, y = scale.y(v);
      svg.append(svgEl('line', { class: 'grid', x1: ML, x2: W - MR, y1: y, y2: y }));
      svg.append(svgEl('text', { x: ML - 6, y: y + 4, 'text-anchor': 'end', text: fmtNum(v) }));
    }
    svg.append(svgEl('line', { class: 'axis', x1: ML, x2: ML, y1: MT, y2: H - MB }));
    if (unit) svg.append(svgEl('text', {
      x: 12, y: MT + (H - MT - MB) / 2, 'text-anchor': 'middle',
      transform: `rotate(-90 12 ${MT + (H - MT - MB) / 2})`, text: unit,
    }));
  }

  function legend(labels) {
    const ul = el('ul', { class: 'legend' });
    labels.forEach((label, i) => ul.append(
      el('li', {}, el('span', { style: 'background:' + PALETTE[i % PALETTE.length], 'aria-hidden': 'true' }), label)));
    return ul;
  }

  // Axis labels of keys: their common start (of 4+ characters) cut to an ellipsis, then each
  // cut to 18 characters.
  function shortLabels(keys) {
    let n = 0;
    if (keys.length > 1)
      while (n < keys[0].length && keys.every((k) => k[n] === keys[0][n])) n++;
    const cut = n >= 4 ? keys.map((k) => '…' + k.slice(n)) : keys;
    return cut.map((k) => (k.length > 18 ? k.slice(0, 17) + '…' : k));
  }

  // A chart of one value per key.  points: [{key, v}] in display order; kind: bar or line.
  function categoryChart(points, kind, valueLabel, keyLabel) {
    const scale = valueScale(Math.min(...points.map((p) => p.v)), Math.max(...points.map((p) => p.v)));
    const y = scale.y;
    const svg = svgEl('svg', {
      viewBox: `0 0 ${W} ${H}`, role: 'img',
      'aria-label': `${kind} chart of ${valueLabel} by ${keyLabel}, ${points.length} keys`,
    });
    axes(svg, scale, '');
    const band = (W - ML - MR) / Math.max(1, points.length);
    const cx = (i) => ML + band * (i + 0.5);
    // Key labels: at most 8, without the start all keys share ({2024-04-01T12:...}), slanted
    // when they do not fit their band; the full key is in each point's tooltip.
    const every = Math.max(1, Math.ceil(points.length / 8));
    const labels = shortLabels(points.map((p) => p.key));
    const slant = labels.some((l) => l.length * 6.5 > band * every);
    points.forEach((p, i) => {
      if (i % every !== 0) return;
      const x0 = cx(i), y0 = H - MB + 14;
      svg.append(svgEl('text', slant
        ? { x: x0, y: y0, 'text-anchor': 'end', transform: `rotate(-25 ${x0} ${y0})`, text: labels[i] }
        : { x: x0, y: y0, 'text-anchor': 'middle', text: labels[i] }));
    });
    const colour = PALETTE[0];
    const g = svgEl('g', { 'data-series': valueLabel });
    if (kind === 'line' && points.length > 1)
      g.append(svgEl('polyline', { class: 'series', stroke: colour, points: points.map((p, i) => `${cx(i)},${y(p.v)}`).join(' ') }));
    points.forEach((p, i) => {
      const tip = svgEl('title', { text: `${p.key}: ${valueLabel} ${fmtNum(p.v)}` });
      const attrs = { 'data-key': p.key, 'data-v': p.v, fill: colour };
      if (kind === 'bar') {
        const w = Math.max(1, band * 0.8);
        const y0 = y(0), y1 = y(p.v);
        g.append(svgEl('rect', Object.assign(attrs, {
          class: 'bar', x: cx(i) - w / 2, width: w, y: Math.min(y0, y1), height: Math.max(Math.abs(y0 - y1), 0.5),
        }), tip));
      } else {
        g.append(svgEl('circle', Object.assign(attrs, { cx: cx(i), cy: y(p.v), r: 3.5 }), tip));
      }
    });
    svg.append(g);
    return svg;
  }

  // ---- queries ----

  // The charts of StreamingQueryStatisticsPage.generateStatTable from recentProgress records.
  function queryCharts(records) {
    const t = (p) => Date.parse(p.timestamp);
    const progress = records.filter((p) => Number.isFinite(t(p)));
    const one = (key, label, f) => [{ key, label, points: progress.map((p) => ({ batch: p.batchId, t: t(p), v: f(p) })) }];
    const out = [
      timeline('input-rate', 'Input Rate', 'records/sec', one('input-rate', 'input rate', (p) => num(p.inputRowsPerSecond))),
      timeline('process-rate', 'Process Rate', 'records/sec', one('process-rate', 'process rate', (p) => num(p.processedRowsPerSecond))),
      timeline('input-rows', 'Input Rows', 'records', one('input-rows', 'input rows', (p) => num(p.numInputRows))),
      timeline('batch-duration', 'Batch Duration', 'ms', one('batch-duration', 'batch duration',
        (p) => num(p.batchDuration !== undefined ? p.batchDuration : (p.durationMs || {}).triggerExecution))),
    ];
    // Operation Duration: every durationMs key but triggerExecution, which spans the others.
    const keys = [...new Set(progress.flatMap((p) => Object.keys(p.durationMs || {})))]
      .filter((k) => k !== 'triggerExecution').sort();
    if (keys.length)
      out.push(timeline('operation-duration', 'Operation Duration', 'ms', keys.map((k) => ({
        key: k, label: k, points: progress.map((p) => ({ batch: p.batchId, t: t(p), v: num((p.durationMs || {})[k]) })),
      })), true));
    const lastp = progress[progress.length - 1];
    // Global Watermark Gap: batch timestamp - watermark in seconds, for batches with a watermark > 0.
    if (lastp.eventTime && lastp.eventTime.watermark !== undefined) {
      const pts = progress.filter((p) => p.eventTime && p.eventTime.watermark !== undefined && Date.parse(p.eventTime.watermark) > 0)
        .map((p) => ({ batch: p.batchId, t: t(p), v: (t(p) - Date.parse(p.eventTime.watermark)) / 1000 }));
      if (pts.length)
        out.push(timeline('watermark-gap', 'Global Watermark Gap', 'seconds', [{ key: 'watermark-gap', label: 'watermark gap', points: pts }]));
    }
    if (lastp.stateOperators && lastp.stateOperators.length) {
      const sum = (field) => (p) => (p.stateOperators || []).reduce((a, o) => a + num(o[field]), 0);
      for (const [id, title, unit, field] of [
        ['state-rows-total', 'Aggregated Number Of Total State Rows', 'records', 'numRowsTotal'],
        ['state-rows-updated', 'Aggregated Number Of Updated State Rows', 'records', 'numRowsUpdated'],
        ['state-memory', 'Aggregated State Memory Used In Bytes', 'bytes', 'memoryUsedBytes'],
        ['state-rows-dropped', 'Aggregated Number Of Rows Dropped By Watermark', 'records', 'numRowsDroppedByWatermark'],
      ])
        out.push(timeline(id, title, unit, one(id, title.toLowerCase(), sum(field))));
    }
    return out;
  }

  function fact(term, value) {
    return el('div', {}, el('dt', { text: term }), el('dd', {}, value));
  }

  function queryCard(q, progress) {
    const card = el('article', { class: 'card query', 'data-query': q.name, 'aria-labelledby': 'q-' + q.name });
    card.append(el('h3', { id: 'q-' + q.name, text: q.name }));
    const status = q.status || {};
    const dl = el('dl', { class: 'facts' },
      fact('state', el('span', { class: 'badge ' + (q.active ? 'active' : 'stopped'), text: q.active ? 'active' : 'stopped' })),
      fact('status', status.message || '-'),
      fact('last batch', q.lastBatchId === null || q.lastBatchId === undefined ? 'none yet' : String(q.lastBatchId)),
      fact('sink', q.sink || '-'),
      fact('id', q.id || '-'),
      fact('run id', q.runId || '-'));
    card.append(dl);
    if (!progress.length) {
      card.append(el('p', { class: 'empty', text: 'No visualization information available (no batch yet).' }));
    } else {
      card.append(el('div', { class: 'charts' }, ...queryCharts(progress)));
    }
    return card;
  }

  function renderQueries(queries, progress) {
    renderCards($('queries'), $('queries-empty'), queryCards, queries,
      (q, i) => JSON.stringify([q, progress[i]]),
      (q, i) => ({ el: queryCard(q, progress[i]) }));
  }

  // Keeps one card per named item in box, in the order they first came: a card is built again
  // only when its signature changed (then entry.after runs once it is in the page), and removed
  // when its item is gone.
  function renderCards(box, empty, cards, items, sigOf, build) {
    empty.hidden = items.length > 0;
    const seen = new Set();
    items.forEach((item, i) => {
      seen.add(item.name);
      const sig = sigOf(item, i);
      const old = cards.get(item.name);
      if (old && old.sig === sig) return;
      const entry = build(item, i, old);
      entry.sig = sig;
      cards.set(item.name, entry);
      if (old) old.el.replaceWith(entry.el); else box.append(entry.el);
      if (entry.after) entry.after();
    });
    for (const [name, c] of cards)
      if (!seen.has(name)) { c.el.remove(); cards.delete(name); }
  }

  // ---- memory tables ----

  function readPrefs() {
    const out = {};
    for (const [k, v] of new URLSearchParams(location.hash.slice(1))) {
      const dot = k.lastIndexOf('.');
      if (dot <= 0) continue;
      const table = k.slice(0, dot), field = k.slice(dot + 1);
      if (!['key', 'value', 'agg', 'kind'].includes(field)) continue;
      (out[table] = out[table] || {})[field] = v;
    }
    return out;
  }
  function writePrefs() {
    const sp = new URLSearchParams();
    for (const [table, p] of Object.entries(prefs))
      for (const f of ['key', 'value', 'agg', 'kind']) if (p[f]) sp.set(table + '.' + f, p[f]);
    history.replaceState(null, '', '#' + sp.toString());
  }

  // The chart's settings: the user's where they name existing columns, else the first non-numeric
  // column as key and the first other numeric column as value (the row count when there is none).
  function choices(name, columns) {
    const p = prefs[name] || {};
    const names = columns.map((c) => c.name);
    const numeric = columns.filter((c) => NUMERIC.test(c.type)).map((c) => c.name);
    const firstText = columns.find((c) => !NUMERIC.test(c.type));
    const key = names.includes(p.key) ? p.key : (firstText || columns[0] || { name: '' }).name;
    const value = p.value === '*' || numeric.includes(p.value) ? p.value : (numeric.find((n) => n !== key) || '*');
    const agg = ['sum', 'avg', 'min', 'max'].includes(p.agg) ? p.agg : 'sum';
    const kind = p.kind === 'line' ? 'line' : 'bar';
    return { key, value, agg, kind, numeric };
  }

  // The value per key: rows grouped by the key's text, the value column aggregated (nulls skipped)
  // or the rows counted; keys sorted by number when all are numbers, else by text.
  function aggregate(data, c) {
    const ki = data.columns.findIndex((col) => col.name === c.key);
    const vi = c.value === '*' ? -1 : data.columns.findIndex((col) => col.name === c.value);
    const groups = new Map();
    let allNum = true;
    for (const row of data.rows) {
      const raw = row[ki];
      const key = fmtValue(raw, data.columns[ki].type);
      if (typeof raw !== 'number') allNum = false;
      let g = groups.get(key);
      if (!g) groups.set(key, g = { key, raw, n: 0, sum: 0, min: Infinity, max: -Infinity });
      if (vi < 0) { g.n++; continue; }
      const v = row[vi];
      if (v === null || v === undefined || !Number.isFinite(Number(v))) continue;
      const x = Number(v);
      g.n++; g.sum += x; g.min = Math.min(g.min, x); g.max = Math.max(g.max, x);
    }
    const out = [...groups.values()].filter((g) => vi < 0 || g.n > 0).map((g) => ({
      key: g.key, raw: g.raw,
      v: vi < 0 ? g.n : c.agg === 'sum' ? g.sum : c.agg === 'avg' ? g.sum / g.n : c.agg === 'min' ? g.min : g.max,
    }));
    out.sort(allNum ? (a, b) => a.raw - b.raw : (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return out;
  }

  function select(label, options, value, onchange) {
    const s = el('select', {});
    for (const [v, text] of options) s.append(el('option', { value: v, text, selected: v === value }));
    s.value = value;
    s.addEventListener('change', () => onchange(s.value));
    return el('label', {}, label, s);
  }

  function tableChart(name, data) {
    const c = choices(name, data.columns);
    const wrap = el('div', {});
    const set = (field) => (v) => {
      (prefs[name] = prefs[name] || {})[field] = v;
      writePrefs();
      const card = tableCards.get(name);
      card.chart.replaceWith(card.chart = tableChart(name, data));
      focusSelect(card.chart, field);
    };
    const cols = data.columns.map((col) => [col.name, col.name]);
    const values = [['*', 'number of rows']].concat(c.numeric.map((n) => [n, n]));
    const aggSel = select('aggregation', [['sum', 'sum'], ['avg', 'average'], ['min', 'min'], ['max', 'max']], c.agg, set('agg'));
    if (c.value === '*') aggSel.querySelector('select').disabled = true;
    const controls = el('div', { class: 'controls', role: 'group', 'aria-label': 'chart of ' + name },
      select('key', cols, c.key, set('key')),
      select('value', values, c.value, set('value')),
      aggSel,
      select('chart', [['bar', 'bar'], ['line', 'line']], c.kind, set('kind')));
    controls.querySelectorAll('select').forEach((s, i) => s.setAttribute('data-field', ['key', 'value', 'agg', 'kind'][i]));
    wrap.append(controls);
    const points = aggregate(data, c);
    const shown = points.slice(0, MAX_CATEGORIES);
    const valueLabel = c.value === '*' ? 'number of rows' : `${c.agg}(${c.value})`;
    const fig = el('figure', {
      class: 'chart', 'data-chart': 'table', 'data-key': c.key, 'data-value': c.value,
      'data-agg': c.agg, 'data-kind': c.kind,
    });
    fig.append(el('figcaption', {}, el('span', { text: `${valueLabel} by ${c.key}` }),
      el('span', { class: 'last', text: points.length > shown.length ? `first ${shown.length} of ${points.length} keys` : `${points.length} keys` })));
    if (shown.length) fig.append(categoryChart(shown, c.kind, valueLabel, c.key));
    else fig.append(el('p', { class: 'empty', text: 'No rows to chart.' }));
    wrap.append(fig);
    return wrap;
  }

  function focusSelect(root, field) {
    const s = root.querySelector(`select[data-field="${field}"]`);
    if (s) s.focus();
  }

  function rowsTable(name, data) {
    const numeric = data.columns.map((c) => NUMERIC.test(c.type));
    const shown = data.rows.slice(0, MAX_TABLE_ROWS);
    const table = el('table', { class: 'rows', 'data-table': name, 'data-batch': data.batchId });
    table.append(el('caption', {
      text: `${name}, batch ${data.batchId === null || data.batchId === undefined ? '-' : data.batchId}: ` +
        (shown.length < data.rows.length ? `first ${shown.length} of ${data.rows.length} rows` : `${data.rows.length} rows`),
    }));
    table.append(el('thead', {}, el('tr', {}, ...data.columns.map((c) =>
      el('th', { scope: 'col' }, c.name, el('span', { class: 'type', text: c.type }))))));
    const body = el('tbody', {});
    for (const row of shown)
      body.append(el('tr', {}, ...row.map((v, i) => el('td', {
        class: v === null || v === undefined ? 'null' : numeric[i] ? 'num' : null, text: fmtValue(v, data.columns[i].type),
      }))));
    table.append(body);
    return el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'rows of ' + name }, table);
  }

  function tableCard(t) {
    const card = el('article', { class: 'card memtable', 'data-table-card': t.name, 'aria-labelledby': 't-' + t.name });
    card.append(el('h3', { id: 't-' + t.name, text: t.name }));
    card.append(el('dl', { class: 'facts' },
      fact('query', t.query || '-'),
      fact('batch', t.batchId === null || t.batchId === undefined ? 'none yet' : String(t.batchId)),
      fact('rows', fmtNum(num(t.rows))),
      fact('size', fmtBytes(num(t.bytes)))));
    return card;
  }

  // A table's card changes only with its list entry: its rows are fetched again only when the
  // entry's batch or row count changed.  The focused chart control stays focused.
  function renderTables(tables, data) {
    renderCards($('tables'), $('tables-empty'), tableCards, tables, (t) => JSON.stringify(t), (t, i, old) => {
      const focused = old && old.el.contains(document.activeElement) ? document.activeElement.getAttribute('data-field') : null;
      const entry = { el: tableCard(t), batch: t.batchId, rows: t.rows, data: data[i] };
      entry.chart = tableChart(t.name, data[i]);
      entry.el.append(el('div', { class: 'table-body' }, entry.chart, rowsTable(t.name, data[i])));
      if (focused) entry.after = () => focusSelect(entry.el, focused);
      return entry;
    });
  }

  // ---- start ----

  $('auth').addEventListener('submit', (ev) => {
    ev.preventDefault();
    token = $('auth-token').value.trim();
    sessionStorage.setItem('sluice-serve-token', token);
    $('auth').hidden = true;
    problem(null);
    poll();
  });
  poll();
})();
