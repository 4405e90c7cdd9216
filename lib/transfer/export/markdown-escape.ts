/**
 * Escaping so exported Markdown renders as the text the user saw, in
 * CommonMark, GFM and Obsidian alike.
 */

// Inline syntax of CommonMark/GFM plus Obsidian's ==mark==, %%comment%%, $math$ and ^block refs.
const INLINE_SPECIAL = /[\\`*_{}[\]<>#|~&$=%^!]/g;

/** Escapes a run of text so no character in it is read as Markdown or HTML. */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&');
}

// Block syntax that only matters at the start of a line: lists, headings, quotes, rules, tables.
function escapeLineStart(line: string): string {
  return line
    .replace(/^(\d{1,9})([.)])/, '$1\\$2')
    .replace(/^([-+])/, '\\$1');
}

/**
 * Escapes multi-line text. Leading and trailing spaces are trimmed per line
 * (indentation would turn a line into a code block, trailing spaces into a
 * line break); runs of blank lines collapse to one paragraph break.
 */
export function escapeBlock(text: string, escapeRun: (run: string) => string = escapeInline): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .map((line) => escapeLineStart(escapeRun(line)))
    .filter((line, i, all) => !(line === '' && i === all.length - 1));
}

// A hashtag as the user typed it in a note: `#` at a word start, then tag characters.
const NOTE_TOKENS = /(\[\[[^\[\]\n]+\]\])|((?:^|(?<=\s))#[\p{L}\p{N}_\/-]*[\p{L}_\/-][\p{L}\p{N}_\/-]*)/gu;

/**
 * Escapes a user's note, but keeps the Obsidian syntax they typed on purpose:
 * `#tags` (CJK included) and `[[wiki links]]`.
 */
export function escapeNoteRun(line: string): string {
  let out = '';
  let last = 0;
  for (const match of line.matchAll(NOTE_TOKENS)) {
    const index = match.index ?? 0;
    out += escapeInline(line.slice(last, index));
    const wiki = match[1];
    // Inside a wiki link only the characters that would end it early matter; there are none left.
    out += wiki ?? match[0];
    last = index + match[0].length;
  }
  return out + escapeInline(line.slice(last));
}

/**
 * Turns a tag name into a valid Obsidian/Logseq tag body: letters (any script),
 * digits, `_`, `-` and `/`; spaces and other characters become `-`; a tag made
 * only of digits gets a leading `_` since Obsidian would not read it as a tag.
 */
export function obsidianTag(name: string): string {
  let body = name
    .normalize('NFC')
    .replace(/^#+/, '')
    .replace(/[^\p{L}\p{M}\p{N}_\/-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-/]+|[-/]+$/g, '');
  if (body === '') return '';
  if (/^\p{N}+$/u.test(body)) body = `_${body}`;
  return body;
}

/** `#tag #other`, skipping names that leave nothing usable. */
export function hashtags(names: readonly string[]): string {
  const seen = new Set<string>();
  for (const name of names) {
    const tag = obsidianTag(name);
    if (tag) seen.add(`#${tag}`);
  }
  return [...seen].join(' ');
}

/**
 * Makes a URL safe as a Markdown link destination. Only http(s) addresses are
 * links: anything else (javascript:, data:… from an edited backup) gives ''.
 */
export function markdownUrl(url: string): string {
  if (!/^https?:\/\//i.test(url.trim())) return '';
  return url.trim().replace(/[\s()<>\\]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
