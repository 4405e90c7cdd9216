// Test data for bench:anchor: a 200-paragraph article from real news text, stored
// highlights on it, and edited copies with a known true location for each highlight.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../seeded-random.mjs';

export const random = seededRandom;

let nextWordId = 0;
const word = (text) => ({ id: nextWordId++, text, original: text });

/** 200 paragraphs of English news text from the scrapinghub-dev ground truth (distinct, 150–600 characters). */
export function sourceParagraphs(shared, count = 200) {
  const truth = JSON.parse(readFileSync(join(shared, 'corpus/scrapinghub-dev/ground-truth.json'), 'utf8'));
  const seen = new Set();
  const out = [];
  for (const id of Object.keys(truth).sort()) {
    for (const paragraph of truth[id].articleBody.split('\n')) {
      const text = paragraph.trim().replace(/\s+/g, ' ');
      if (text.length < 150 || text.length > 600 || !/^[\x20-\x7e\u2018-\u201d\u2013\u2014]+$/.test(text) || seen.has(text)) continue;
      seen.add(text);
      out.push(text);
      if (out.length === count) return out;
    }
  }
  return out;
}

export function makeArticle(paragraphs) {
  return paragraphs.map((text) => text.split(' ').map(word));
}

/** The article's HTML and the exact text its <article> element will have (paragraphs joined by newlines). */
export function render(article, rand = random(7)) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const html = [];
  const texts = [];
  for (const words of article) {
    // Some inline markup, so text nodes are split like on real pages.
    const parts = words.map((w) => (rand() < 0.04 ? `<em>${escape(w.text)}</em>` : rand() < 0.03 ? `<a href="#x">${escape(w.text)}</a>` : escape(w.text)));
    html.push(`<p>${parts.join(' ')}</p>`);
    texts.push(words.map((w) => w.text).join(' '));
  }
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench article</title></head><body><h1>Bench article</h1><article>${html.join('\n')}</article></body></html>`,
    text: texts.join('\n'),
  };
}

/** Character span of words [from, to] (paragraph, index) in the rendered text. */
function spanOf(article, from, to) {
  let offset = 0;
  let start = -1;
  for (let p = 0; p < article.length; p++) {
    for (let i = 0; i < article[p].length; i++) {
      if (p === from.p && i === from.i) start = offset;
      offset += article[p][i].text.length;
      if (p === to.p && i === to.i) return { start, end: offset };
      offset += 1; // the space, or the newline after the paragraph
    }
  }
  throw new Error('span out of the article');
}

/** `count` highlights of 3–40 words; about one in ten runs into the next paragraph. */
export function pickHighlights(article, count, rand) {
  const out = [];
  while (out.length < count) {
    const p = Math.floor(rand() * article.length);
    const i = Math.floor(rand() * article[p].length);
    let length = 3 + Math.floor(rand() * 38);
    if (rand() < 0.15) length = 1 + Math.floor(rand() * 2); // short quotes: the hard case
    let q = p;
    let j = i + length - 1;
    if (j >= article[p].length) {
      if (rand() < 0.3 && p + 1 < article.length) {
        q = p + 1;
        j = Math.min(article[q].length - 1, j - article[p].length);
      } else {
        j = article[p].length - 1;
      }
    }
    const ids = [];
    for (let pp = p; pp <= q; pp++) for (let ii = pp === p ? i : 0; ii <= (pp === q ? j : article[pp].length - 1); ii++) ids.push(article[pp][ii].id);
    out.push({ ...spanOf(article, { p, i }, { p: q, i: j }), wordIds: ids });
  }
  return out;
}

const FILLER = 'Officials said the figures would be reviewed again next month as more data became available to the team'.split(' ');

/**
 * An edited copy: words substituted, inserted and deleted, paragraphs inserted
 * and removed, a paragraph split. Words keep their ids, so the truth for each
 * highlight is where its surviving words went.
 */
export function edit(article, rand, strength = 1) {
  const copy = article.map((words) => words.map((w) => ({ ...w })));
  const out = [];
  for (const words of copy) {
    if (rand() < 0.05 * strength) continue; // paragraph removed
    if (rand() < 0.05 * strength) out.push(Array.from({ length: 12 + Math.floor(rand() * 30) }, () => word(FILLER[Math.floor(rand() * FILLER.length)])));
    if (rand() < 0.35 * strength) {
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
        const at = Math.floor(rand() * words.length);
        const kind = rand();
        if (kind < 0.5) words[at].text = words[at].text.length > 3 ? words[at].text.slice(0, -2) + 'ed' : 'new';
        else if (kind < 0.75) words.splice(at, 0, word(FILLER[Math.floor(rand() * FILLER.length)]));
        else if (words.length > 4) words.splice(at, 1);
      }
    }
    if (rand() < 0.03 * strength && words.length > 20) {
      const cut = Math.floor(words.length / 2);
      out.push(words.slice(0, cut), words.slice(cut));
    } else out.push(words);
  }
  return out;
}

/** Where each highlight's surviving words are in the edited article (null when none survive). */
export function truthIn(edited, highlights) {
  const position = new Map();
  let offset = 0;
  for (const words of edited) {
    for (const w of words) {
      position.set(w.id, { start: offset, end: offset + w.text.length, changed: w.text !== w.original });
      offset += w.text.length + 1;
    }
  }
  return highlights.map((h) => {
    const kept = h.wordIds.map((id) => position.get(id)).filter(Boolean);
    const unchanged = kept.filter((k) => !k.changed).length;
    if (!kept.length) return null;
    return { start: kept[0].start, end: kept[kept.length - 1].end, survived: unchanged / h.wordIds.length };
  });
}
