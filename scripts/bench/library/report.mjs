// The table of `npm run bench:library` (v2 | v3 | the issue's target), then one JSON line with every figure.
import { median, quantile } from '../kit.mjs';

// Issue 13's targets. At 250,000 it names only these three; the others are for 100,000 highlights.
const TARGETS_100K = { restoreMs: 10_000, indexRatio: 1, renameMs: 500, mergeMs: 500, firstScreenMs: 150, searchP95Ms: 50, overviewMs: 100 };
const TARGETS_250K = { restoreMs: 30_000, firstScreenMs: 300, searchP95Ms: 200 };

const ms = (value) => (value == null ? '—' : value < 1000 ? `${value.toFixed(1)} ms` : `${(value / 1000).toFixed(2)} s`);
const mb = (bytes) => (bytes == null ? '—' : `${(bytes / 1048576).toFixed(1)} MB`);
const p95 = (values) => quantile(values, 0.95);
// Columns line up in a terminal: CJK characters take two cells.
const cells = (text) => [...text].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/u.test(c) ? 2 : 1), 0);
const pad = (text, width) => text + ' '.repeat(Math.max(0, width - cells(text)));
// Tenths of a millisecond are all a shared machine's timings are worth.
const rounded = (_key, value) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 10) / 10 : value);

/** Figures of one side, in the shape of the JSON line. */
function sideFigures(side, data) {
  const restored = data.restored[side];
  const indexBytes = data.rowsAlone ? restored.storageBytes - data.rowsAlone.bytes : null;
  const search = Object.fromEntries(
    Object.entries(data.searches).map(([label, { query, filters, runs, counts }]) => {
      const times = runs[side].map((run) => run.ms);
      const { plan, shown } = runs[side][0];
      return [label, { query, filters, plan, shown, p50Ms: median(times), p95Ms: p95(times), count: counts[side].count, countMs: counts[side].ms }];
    }),
  );
  const allTimes = Object.values(data.searches).flatMap(({ runs }) => runs[side].map((run) => run.ms));
  const screens = data.firstScreens[side].map((run) => run.ms);
  const overview = data.overviews[side];
  const { renameMs = null, mergeMs = null, renamed = null, merged = null, error } = data.retags[side];
  return {
    restore: restored,
    indexBytes,
    indexRatio: indexBytes === null ? null : indexBytes / data.rowsAlone.bytes,
    backup: { ms: data.backups[side].ms, chars: data.backups[side].chars },
    retag: { renameMs, renamed, mergeMs, merged, ...(error && { error }) },
    firstScreen: { medianMs: median(screens), p95Ms: p95(screens) },
    search,
    searchAll: { p50Ms: median(allTimes), p95Ms: p95(allTimes) },
    overview: Object.fromEntries(['weekMs', 'monthMs', 'topTagsMs'].map((key) => [key, median(overview.map((run) => run[key]))])),
    heapBytes: data.heap[side],
  };
}

/** Whether both sides gave the same answers (null with one side). */
function sameAnswers(data) {
  if (data.sides.length < 2) return null;
  const [a, b] = data.sides;
  const same = (runs) => runs[a][0].fingerprint === runs[b][0].fingerprint;
  return {
    backup: data.backups[a].fingerprint === data.backups[b].fingerprint,
    firstScreen: same(data.firstScreens),
    overview: same(data.overviews),
    search: Object.fromEntries(
      Object.entries(data.searches).map(([label, { runs, counts }]) => [label, same(runs) && counts[a].count === counts[b].count]),
    ),
    retag: data.retags[a].error || data.retags[b].error ? undefined : data.retags[a].renamed === data.retags[b].renamed && data.retags[a].merged === data.retags[b].merged,
  };
}

export function report(data) {
  const targets = data.highlights >= 250_000 ? TARGETS_250K : TARGETS_100K;
  const figures = Object.fromEntries(data.sides.map((side) => [side, sideFigures(side, data)]));
  const same = sameAnswers(data);
  const columns = ['v2', 'v3'];
  const rows = [];
  // One table row: the label, a cell per side, the target and whether the current side (v3) meets it.
  const row = (label, cell, target = null, value = null, { sameAs } = {}) => {
    const met = target === null || value === null || value(figures.v3) === null ? '' : value(figures.v3) <= target.limit ? 'yes' : 'NO';
    rows.push([label, ...columns.map((side) => (figures[side] ? cell(figures[side]) : '')), target?.text ?? '', met, sameAs === undefined || same === null ? '' : sameAs ? 'same' : 'DIFFER']);
  };
  const has = (key) => key in targets;
  const limit = (key, text) => (has(key) ? { limit: targets[key], text } : null);
  const v3 = (read) => (figures.v3 ? read : null);

  row('restore: parse + apply', (f) => ms(f.restore.restoreMs), limit('restoreMs', `≤ ${targets.restoreMs / 1000} s`), v3((f) => f.restore.restoreMs));
  row('  parse / apply', (f) => `${ms(f.restore.parseMs)} / ${ms(f.restore.applyMs)}`);
  row('storage after restore', (f) => mb(f.restore.storageBytes));
  if (data.rowsAlone) {
    row(`  beyond the rows alone (${mb(data.rowsAlone.bytes)}), every index`, (f) => `${mb(f.indexBytes)} (${f.indexRatio.toFixed(2)}×)`);
    row('  search index payload / rows alone', (f) => `${mb(f.restore.indexPayloadBytes)} (${(f.restore.indexPayloadBytes / data.rowsAlone.bytes).toFixed(2)}×)`, limit('indexRatio', '≤ 1.00× rows'), v3((f) => f.restore.indexPayloadBytes / data.rowsAlone.bytes));
  }
  row('backup of every record', (f) => ms(f.backup.ms), null, null, { sameAs: same?.backup });
  row(`rename a tag on ${data.carried.count.toLocaleString('en')} highlights`, (f) => ms(f.retag.renameMs), limit('renameMs', '≤ 0.5 s'), v3((f) => f.retag.renameMs), { sameAs: same?.retag });
  row('  then merge it into another tag', (f) => ms(f.retag.mergeMs), limit('mergeMs', '≤ 0.5 s'), v3((f) => f.retag.mergeMs));
  row('first screen (30 articles) median', (f) => ms(f.firstScreen.medianMs), null, null, { sameAs: same?.firstScreen });
  row('  p95', (f) => ms(f.firstScreen.p95Ms), limit('firstScreenMs', `≤ ${targets.firstScreenMs} ms`), v3((f) => f.firstScreen.p95Ms));
  const searchTarget = limit('searchP95Ms', `p95 ≤ ${targets.searchP95Ms} ms`);
  for (const [label, { query, filters }] of Object.entries(data.searches)) {
    const filtered = Object.keys(filters).length ? ` ${JSON.stringify(filters).replace(/"/g, '')}` : '';
    row(`search ${label}: ${query}${filtered}`, (f) => `${ms(f.search[label].p50Ms)} / ${ms(f.search[label].p95Ms)}`, searchTarget, v3((f) => f.search[label].p95Ms), { sameAs: same?.search[label] });
  }
  row('search, all queries p50 / p95', (f) => `${ms(f.searchAll.p50Ms)} / ${ms(f.searchAll.p95Ms)}`, searchTarget, v3((f) => f.searchAll.p95Ms));
  for (const label of Object.keys(data.searches)) row(`countMatches ${label}`, (f) => `${ms(f.search[label].countMs)} (${f.search[label].count})`);
  const overviewTarget = limit('overviewMs', '≤ 100 ms');
  row('overview: activity by week', (f) => ms(f.overview.weekMs), overviewTarget, v3((f) => f.overview.weekMs), { sameAs: same?.overview });
  row('  activity by month', (f) => ms(f.overview.monthMs), overviewTarget, v3((f) => f.overview.monthMs));
  row('  top tags', (f) => ms(f.overview.topTagsMs), overviewTarget, v3((f) => f.overview.topTagsMs));
  row('JS heap after the queries (after GC)', (f) => mb(f.heapBytes));

  console.log(`\nLibrary, ${data.highlights.toLocaleString('en')} highlights / ${data.articles.toLocaleString('en')} articles, ${data.reps} timed runs per figure (after one warm-up)`);
  for (const side of data.sides) console.log(`  ${side}: ${data.trees[side]}${side === 'v2' ? ` (${data.reference})` : ''}, schema ${figures[side].restore.schemaVersion}, rows ${JSON.stringify(figures[side].restore.tables)}`);
  if (data.highlights !== 100_000 && data.highlights !== 250_000) console.log(`  targets are the issue's for ${data.highlights >= 250_000 ? 250 : 100},000 highlights`);
  const header = ['', ...columns, 'target', 'v3 meets', 'answers'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => cells(r[i]))));
  for (const r of [header, ...rows]) console.log(r.map((cell, i) => pad(cell, widths[i])).join('  ').trimEnd());
  for (const side of data.sides) if (figures[side].retag.error) console.log(`${side}: rename/merge failed: ${figures[side].retag.error}`);
  console.log(JSON.stringify({
    highlights: data.highlights, articles: data.articles, reps: data.reps, reference: data.reference, trees: data.trees,
    carriedTag: data.carried, targets, rowsAlone: data.rowsAlone, ...figures, sameAnswers: same,
  }, rounded));
}
