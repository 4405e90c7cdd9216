// Near-duplicate test data for bench:anchor: passages of the same shape (police log entries,
// list items, a repeated sentence template, table rows as text), highlights on some of them,
// and edited copies where each highlighted passage is deleted (truth: orphan), edited (truth:
// its own place) or left alone, while its neighbours of the same shape remain.
import { makeArticle, random } from './data.mjs';

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const two = (n) => String(n).padStart(2, '0');

// Each block: a heading, a template and the choices for each of its slots.
const BLOCKS = [
  {
    heading: 'Police log, Saturday.',
    slots: [
      Array.from({ length: 40 }, (_, i) => `${two(6 + (i % 16))}:${two((i * 17) % 60)}`),
      ['car', 'van', 'lorry', 'motorbike'],
      ['Mill', 'Church', 'Station', 'High', 'Park', 'Queen'],
      ['Street', 'Road', 'Lane', 'Avenue'],
      ['no one was arrested', 'one man was arrested', 'two women were arrested', 'the driver was warned', 'a fine was issued'],
    ],
    entry: ([time, vehicle, street, kind, outcome]) => `At ${time} a ${vehicle} was stopped on ${street} ${kind} and ${outcome}.`,
  },
  {
    heading: 'Method.',
    slots: [
      ['Cook', 'Fry', 'Stew', 'Braise'],
      ['onions', 'carrots', 'leeks', 'peppers', 'mushrooms', 'shallots'],
      ['slowly', 'gently', 'briefly'],
      ['butter', 'olive oil', 'stock'],
      ['golden', 'sweet', 'silky', 'glossy', 'tender'],
    ],
    entry: ([verb, what, how, fat, result]) => `${verb} the ${what} ${how} in ${fat} until they are soft and ${result}.`,
  },
  {
    heading: 'How the rounds went.',
    slots: [
      ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'],
      ['home team', 'visitors', 'champions'],
      ['one goal', 'two goals', 'three goals', 'no goals'],
      ['crowd', 'coach', 'captain'],
      ['result', 'referee', 'pitch'],
      ['fair', 'poor', 'a surprise', 'expected'],
    ],
    entry: ([round, who, goals, speaker, what, verdict]) => `In the ${round} round the ${who} scored ${goals} and the ${speaker} said the ${what} was ${verdict}.`,
  },
  {
    heading: 'Results by ward.',
    slots: [
      ['Northfield', 'Southmead', 'Eastville', 'Westbury', 'Redland', 'Hengrove', 'Clifton'],
      ['Labour', 'Green', 'Conservative', 'Liberal Democrat'],
      Array.from({ length: 60 }, (_, i) => `1,${100 + i * 13}`),
      Array.from({ length: 20 }, (_, i) => `${20 + i}%`),
    ],
    entry: ([ward, party, votes, turnout]) => `${ward} | ${party} | ${votes} votes | turnout ${turnout}`,
  },
];
/** Entries of a block differ in at least this many slots, as real log entries or rows do (fewer would be copies). */
const MIN_DIFFERENT_SLOTS = 3;

function entries(block, count, rand) {
  const chosen = [];
  for (let attempt = 0; chosen.length < count && attempt < 10_000; attempt++) {
    const values = block.slots.map((choices) => pick(rand, choices));
    if (chosen.every((other) => values.filter((v, i) => v !== other[i]).length >= MIN_DIFFERENT_SLOTS)) chosen.push(values);
  }
  return chosen.map(block.entry);
}
const ENTRIES_PER_BLOCK = 24;
const HIGHLIGHTS_PER_BLOCK = 12;

/** Paragraphs (words with ids, as makeArticle makes them) and the highlighted ones: whole entries or a run of ≥ 5 words. */
export function nearDuplicateArticle(rand = random(11)) {
  const lines = [];
  const entryLines = [];
  for (const block of BLOCKS) {
    lines.push(block.heading);
    const first = lines.length;
    lines.push(...entries(block, ENTRIES_PER_BLOCK, rand));
    entryLines.push(Array.from({ length: ENTRIES_PER_BLOCK }, (_, i) => first + i));
  }
  lines.push('Sources: the police, the council and the club.');
  const article = makeArticle(lines);
  const highlights = [];
  for (const block of entryLines) {
    const chosen = [...block].sort(() => rand() - 0.5).slice(0, HIGHLIGHTS_PER_BLOCK);
    for (const p of chosen) {
      const words = article[p];
      const whole = rand() < 0.5 || words.length < 8;
      const from = whole ? 0 : 1 + Math.floor(rand() * (words.length - 6));
      const to = whole ? words.length - 1 : Math.min(words.length - 1, from + 4 + Math.floor(rand() * (words.length - from - 4)));
      highlights.push({ paragraph: p, wordIds: words.slice(from, to + 1).map((w) => w.id), from, to });
    }
  }
  return { article, highlights };
}

/** Changes one word of a passage the way an editor would: a typo, a changed word, or a corrected figure. */
function editEntry(words, rand) {
  const figures = words.filter((w) => /\d/.test(w.text));
  const plain = words.filter((w) => /^[a-z]{4,}[.,]?$/.test(w.text));
  const kind = rand();
  if (figures.length && kind < 0.3) {
    const w = pick(rand, figures);
    w.text = w.text.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));
  } else if (plain.length && kind < 0.65) {
    const w = pick(rand, plain);
    w.text = w.text.slice(0, 1) + w.text[2] + w.text[1] + w.text.slice(3); // two letters swapped
  } else if (plain.length) {
    const w = pick(rand, plain);
    w.text = w.text.replace(/^[a-z]+/, pick(rand, ['quickly', 'later', 'again', 'there']));
  }
}

/** An edited copy: each highlighted passage deleted (4 in 10), edited (4 in 10) or left alone; other passages stay. */
export function editNearDuplicates({ article, highlights }, rand) {
  const fate = new Map(highlights.map((h) => [h.paragraph, rand() < 0.4 ? 'deleted' : rand() < 0.67 ? 'edited' : 'kept']));
  const out = [];
  article.forEach((words, p) => {
    if (fate.get(p) === 'deleted') return;
    const copy = words.map((w) => ({ ...w }));
    if (fate.get(p) === 'edited') editEntry(copy, rand);
    out.push(copy);
  });
  return out;
}
