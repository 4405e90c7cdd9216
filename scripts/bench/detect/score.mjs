// Scoring for bench:detect: text normalization, body precision/recall/F1, title/author/date matching.

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/gu;

/** NFKC, lower case, NBSP/U+3000 as spaces, whitespace collapsed. */
export function normalize(text) {
  return String(text ?? '').normalize('NFKC').toLowerCase().replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

export function isCjkText(text) {
  const sample = text.slice(0, 5000);
  const cjk = sample.match(CJK)?.length ?? 0;
  const letters = sample.match(/\p{L}/gu)?.length ?? 1;
  return cjk / letters > 0.3;
}

/** Tokens: CJK text → every letter/digit character; other text → words of letters/digits. */
export function tokens(text, cjk) {
  const clean = normalize(text);
  if (cjk) return clean.match(/[\p{L}\p{N}]/gu) ?? [];
  return clean.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** Bag-of-tokens precision / recall / F1 of `got` against `want`. */
export function prf(got, want) {
  const cjk = isCjkText(want || got);
  const wantTokens = tokens(want, cjk);
  const gotTokens = tokens(got, cjk);
  if (!wantTokens.length) return null;
  const counts = new Map();
  for (const token of wantTokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  let overlap = 0;
  for (const token of gotTokens) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(token, left - 1);
    }
  }
  const precision = gotTokens.length ? overlap / gotTokens.length : 0;
  const recall = overlap / wantTokens.length;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

const fold = (text) => normalize(text).replace(/["'“”‘’「」『』《》\s.,:;!?，。：；！？·・\-–—|_()（）[\]【】]/g, '');

/** "Title | Site" → "Title" (the longest part between separators). */
export function withoutSiteName(title) {
  const parts = String(title).split(/\s+[|–—-]\s+|\s*[_|]\s*|\s+::\s+|\s+·\s+/).map((part) => part.trim()).filter(Boolean);
  return parts.reduce((best, part) => (part.length > best.length ? part : best), '') || String(title);
}

/** Same title, ignoring case, spaces, punctuation, quotes and a site name joined by | - – — _ :: ·. */
export function titleMatches(got, want) {
  if (!want) return null;
  if (!got) return false;
  const a = fold(got);
  const b = fold(want);
  if (a === b || a === fold(withoutSiteName(want)) || fold(withoutSiteName(got)) === b) return true;
  // The site name before or after the title: "Title | Site", "Site - Title".
  const wanted = normalize(want);
  const have = normalize(got);
  if (wanted.startsWith(have) && /^\s*[|\-–—_:·[(（]/.test(wanted.slice(have.length))) return true;
  return wanted.endsWith(have) && /[|\-–—_:·]\s*$/.test(wanted.slice(0, wanted.length - have.length));
}

const DATE_TAIL = /\s*(?:updated|published|posted|last updated)?:?\s*(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d.*$|\d.*$/i;

/**
 * Every expected name appears in what was extracted (and something was extracted).
 * Expected bylines are cleaned first: first line only, "By"/"Par" dropped, date tails cut;
 * a byline that is only a date is not a byline (null: not counted).
 */
export function authorMatches(got, want) {
  if (!want) return null;
  const firstLine = String(want).split('\n').map((line) => line.trim()).find(Boolean) ?? '';
  const cleaned = firstLine.replace(/^\s*(?:by|par|von|door)\s+/i, '').replace(DATE_TAIL, '').trim();
  if (!fold(cleaned)) return null;
  const separators = isCjkText(cleaned) ? /\s*(?:,|、|;|；|\s{2,}|\|)\s*/ : /\s*(?:,|;|\band\b|&|\|)\s*/i;
  const names = cleaned.split(separators).map(fold).filter(Boolean);
  const have = fold(String(got ?? '').replace(/^\s*by\s+/i, ''));
  if (!have || !names.length) return false;
  return names.every((name) => have.includes(name));
}

/** The calendar date as printed: YYYY-MM-DD from ISO or "2005-5-7 21:23" forms. */
export function dateOnly(value) {
  const match = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(String(value ?? ''));
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : null;
}

export function dateMatches(got, want) {
  const wanted = dateOnly(want);
  if (!wanted) return null;
  return dateOnly(got) === wanted;
}

/** Visible text of an HTML fragment (for Readability's expected.html). */
export function htmlToText(html) {
  return String(html)
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}

export function quantile(values, q) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

export const mean = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

export const median = (values) => quantile(values, 0.5);

/** trafilatura-dev's normalization (its README): NFC, every whitespace run (NBSP included) to one space, trimmed. */
export function snippetNormalize(text) {
  return String(text ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * One page of trafilatura-dev: TP = `with` snippet found, FN = missing, FP = `without` found, TN = absent.
 * The page passes when every `with` is found and no `without` is; an empty extraction fails.
 * `f1` is the page's own snippet F1, 2TP / (2TP + FP + FN), for per-page comparisons.
 */
export function scoreSnippets(text, withSnippets, withoutSnippets) {
  const hay = snippetNormalize(text);
  const found = (snippet) => hay.length > 0 && hay.includes(snippetNormalize(snippet));
  const tp = withSnippets.filter(found).length;
  const fp = withoutSnippets.filter(found).length;
  const fn = withSnippets.length - tp;
  const tn = withoutSnippets.length - fp;
  const denominator = 2 * tp + fp + fn;
  return { tp, fn, fp, tn, pass: hay.length > 0 && fn === 0 && fp === 0, f1: denominator ? (2 * tp) / denominator : 0 };
}

/** Snippet precision / recall / F1 / accuracy over pooled counts, as trafilatura reports them. */
export function snippetTotals(pages) {
  const sum = (key) => pages.reduce((total, page) => total + page[key], 0);
  const tp = sum('tp');
  const fn = sum('fn');
  const fp = sum('fp');
  const tn = sum('tn');
  const precision = tp + fp ? tp / (tp + fp) : null;
  const recall = tp + fn ? tp / (tp + fn) : null;
  const f1 = precision && recall ? (2 * precision * recall) / (precision + recall) : precision === null || recall === null ? null : 0;
  const all = tp + fn + fp + tn;
  return { tp, fn, fp, tn, precision, recall, f1, accuracy: all ? (tp + tn) / all : null, passRate: pages.length ? pages.filter((page) => page.pass).length / pages.length : null };
}

/** Same publication, ignoring case, spaces and punctuation; one name may contain the other ("BBC" / "BBC News"). */
export function siteMatches(got, want) {
  if (!want || !fold(want)) return null;
  const have = fold(got ?? '');
  if (!have) return false;
  const wanted = fold(want);
  return have === wanted || have.includes(wanted) || (have.length >= 2 && wanted.includes(have));
}

/**
 * Scores one page for each extractor. `outputs`: { name: [{ title, author, date, site, text }] } (stories in
 * page order; Readability and Defuddle give one). With one expected story the whole extracted text counts;
 * with several, the story whose title matches (else the one at the same position).
 * Returns { rows: [{ name: { title, author, date, site, body, snippets } }], f1: { name: page F1 | null } },
 * the page F1 being body F1 (or snippet F1 on snippet-labelled pages), averaged over expected stories.
 */
export function scorePage(truths, outputs) {
  const rows = truths.map((truth, index) => {
    const row = {};
    for (const [name, stories] of Object.entries(outputs)) {
      const story = stories.find((candidate) => titleMatches(candidate.title, truth.title)) ?? stories[index] ?? stories[0] ?? null;
      const text = truths.length > 1 ? story?.text ?? '' : stories.map((candidate) => candidate.text).join('\n');
      row[name] = {
        title: titleMatches(story?.title, truth.title),
        author: authorMatches(story?.author, truth.author),
        date: dateMatches(story?.date, truth.date),
        site: siteMatches(story?.site, truth.site),
        body: truth.body ? prf(text, truth.body) : null,
        snippets: truth.snippets ? scoreSnippets(text, truth.snippets.with, truth.snippets.without) : null,
      };
    }
    return row;
  });
  const f1 = {};
  for (const name of Object.keys(outputs)) {
    const values = rows.map((row) => row[name].snippets?.f1 ?? row[name].body?.f1).filter((value) => typeof value === 'number');
    f1[name] = mean(values);
  }
  return { rows, f1 };
}
