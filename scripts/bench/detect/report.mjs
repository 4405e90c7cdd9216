// bench:detect figures: per corpus and half, per extractor; readable tables and the JSON object.
import { mean, median, quantile, snippetTotals } from './score.mjs';

export const EXTRACTORS = ['gloss', 'readability', 'defuddle'];
/** A page where one extractor is this far below the better of the other two is a "miss". */
const MISS_GAP = 0.2;

/** `scored`: [{ page, rows, f1, ms: { name: number } }] of one bucket → figures per extractor. */
export function summarize(scored) {
  const figures = { pages: scored.length, stories: scored.reduce((n, item) => n + item.rows.length, 0) };
  for (const name of EXTRACTORS) {
    const cells = scored.flatMap((item) => item.rows.map((row) => row[name]));
    const rate = (field) => {
      const values = cells.map((cell) => cell[field]).filter((value) => value !== null && value !== undefined);
      return { n: values.length, rate: values.length ? values.filter(Boolean).length / values.length : null };
    };
    const bodies = cells.map((cell) => cell.body).filter(Boolean);
    const snippets = cells.map((cell) => cell.snippets).filter(Boolean);
    const pageF1 = scored.map((item) => item.f1[name]).filter((value) => typeof value === 'number');
    const others = EXTRACTORS.filter((other) => other !== name);
    const misses = scored.filter((item) => {
      const best = Math.max(...others.map((other) => item.f1[other] ?? 0));
      return typeof item.f1[name] === 'number' && item.f1[name] <= best - MISS_GAP + 1e-9;
    });
    const times = scored.map((item) => item.ms[name]).filter((value) => typeof value === 'number');
    figures[name] = {
      title: rate('title'), author: rate('author'), date: rate('date'), site: rate('site'),
      // Body F1 over expected stories (news-zh has 6 on 3 pages); snippet-labelled pages use their page snippet F1.
      meanF1: mean(bodies.length ? bodies.map((body) => body.f1) : pageF1),
      medianF1: median(bodies.length ? bodies.map((body) => body.f1) : pageF1),
      precision: bodies.length ? mean(bodies.map((body) => body.precision)) : null,
      recall: bodies.length ? mean(bodies.map((body) => body.recall)) : null,
      snippets: snippets.length ? snippetTotals(snippets) : null,
      below05: pageF1.filter((value) => value < 0.5).length,
      missesVsBestOther: misses.length,
      medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95),
    };
  }
  return figures;
}

const fmt = (value, digits = 3) => (value === null || value === undefined ? '–' : typeof value === 'number' ? value.toFixed(digits) : String(value));
const pct = (rate) => (!rate || rate.rate === null ? '–' : `${(rate.rate * 100).toFixed(1)}% (${rate.n})`);
const table = (header, rows) => [header.join(' | '), header.map(() => '---').join(' | '), ...rows.map((row) => row.join(' | '))].map((line) => `| ${line} |`).join('\n');

/** `buckets`: [[label, half, figures]] → the printed report. */
export function formatTables(buckets, overall, synthetic) {
  const out = [];
  const bodyRows = [];
  const snippetRows = [];
  const metaRows = [];
  for (const [corpus, half, figures] of buckets) {
    for (const name of EXTRACTORS) {
      const s = figures[name];
      const lead = [corpus, half, figures.pages, name];
      const tail = [s.below05, name === 'gloss' ? s.missesVsBestOther : `(${s.missesVsBestOther})`, fmt(s.medianMs, 1), fmt(s.p95Ms, 1)];
      if (s.snippets) {
        const t = s.snippets;
        snippetRows.push([...lead, `${fmt(t.passRate * 100, 1)}%`, fmt(t.precision), fmt(t.recall), fmt(t.f1), fmt(s.meanF1), fmt(s.medianF1), ...tail]);
      } else {
        bodyRows.push([...lead, fmt(s.meanF1), fmt(s.medianF1), fmt(s.precision), fmt(s.recall), ...tail]);
      }
      if ([s.title, s.author, s.date, s.site].some((rate) => rate.n)) metaRows.push([...lead, pct(s.title), pct(s.author), pct(s.date), pct(s.site)]);
    }
  }
  const tailHeader = ['F1<0.5', '≥0.2 below best other', 'median ms', 'p95 ms'];
  if (bodyRows.length) out.push('Body text (bag-of-tokens F1 vs the labelled body)\n', table(['corpus', 'half', 'pages', 'extractor', 'mean F1', 'median F1', 'mean P', 'mean R', ...tailHeader], bodyRows), '');
  if (snippetRows.length) out.push('trafilatura-dev snippets (pass rate; pooled snippet P/R/F1 as trafilatura reports it; per-page snippet F1 mean/median)\n', table(['corpus', 'half', 'pages', 'extractor', 'pass', 'P', 'R', 'F1', 'mean page F1', 'median page F1', ...tailHeader], snippetRows), '');
  if (metaRows.length) out.push('Metadata accuracy where labelled (n = labelled stories)\n', table(['corpus', 'half', 'pages', 'extractor', 'title', 'author', 'date', 'publication'], metaRows), '');
  out.push(`Time over all ${overall.pages} pages: ${EXTRACTORS.map((name) => `${name} median ${fmt(overall[name].medianMs, 1)} / p95 ${fmt(overall[name].p95Ms, 1)} ms`).join('; ')}; gloss median / readability median = ${fmt(overall.glossOverReadability, 2)}`);
  if (synthetic) out.push(`Synthetic page, ${synthetic.elements} elements (median of 3): ${EXTRACTORS.map((name) => `${name} ${fmt(synthetic[name], 1)} ms`).join(', ')}`);
  return out.join('\n');
}

/** Median and p95 per extractor over every page, and Gloss's median as a share of Readability's. */
export function overallTimes(scored) {
  const overall = { pages: scored.length };
  for (const name of EXTRACTORS) {
    const times = scored.map((item) => item.ms[name]);
    overall[name] = { medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95) };
  }
  overall.glossOverReadability = overall.gloss.medianMs && overall.readability.medianMs ? overall.gloss.medianMs / overall.readability.medianMs : null;
  return overall;
}
