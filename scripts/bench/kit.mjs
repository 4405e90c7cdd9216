// What the benchmarks share besides the harness: statistics, and real news text to build test data from.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from '../harness/paths.mjs';

export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export const median = (values) => quantile(values, 0.5);

/** Sentences of real news text: Chinese from the news-zh fixtures' truth, English from scrapinghub-dev's bodies. */
export function newsSentences() {
  const zh = [];
  const fixtures = join(SHARED, 'fixtures/news-zh');
  for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.expected.json')).sort()) {
    for (const article of JSON.parse(readFileSync(join(fixtures, file), 'utf8')).articles) {
      for (const paragraph of article.paragraphs) zh.push(...paragraph.split(/(?<=[。！？；])/u).filter((s) => s.length > 4));
    }
  }
  const en = [];
  for (const body of scrapinghubBodies()) en.push(...body.split(/(?<=[.!?])\s+/u).filter((s) => s.length > 20));
  return { zh: [...new Set(zh)], en: [...new Set(en)] };
}

/** The article bodies of scrapinghub-dev's ground truth. */
export function scrapinghubBodies() {
  const truth = JSON.parse(readFileSync(join(SHARED, 'corpus/scrapinghub-dev/ground-truth.json'), 'utf8'));
  return Object.values(truth).map((entry) => entry.articleBody);
}
