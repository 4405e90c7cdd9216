/**
 * Tag names: how they are cleaned up for display, folded for matching, and
 * validated. `Ｃｈｉｎａ`, `CHINA` and ` china ` are one tag; `politics/local`
 * is the tag `local` under `politics`.
 */
import { TAG_NAME_MAX_LENGTH } from '../model/limits';

export const TAG_PATH_SEPARATOR = '/';

/** What separates tags in typed or pasted text: commas (ASCII, full-width, 、), semicolons, newlines. */
export const TAG_SEPARATORS = /[,，、;；\n]/u;

// Control characters (C0, DEL, C1) and the line/paragraph separators.
const CONTROL_CHARS = /[\p{Cc}\u2028\u2029]/u;

/**
 * The name as it is stored and shown: NFC, whitespace collapsed, no blank
 * path segments, no spaces around `/`. Case and width are kept as typed.
 */
export function cleanTagName(raw: string): string {
  return raw
    .normalize('NFC')
    .split(TAG_PATH_SEPARATOR)
    .map((segment) => segment.replace(/\s+/gu, ' ').trim())
    .filter((segment) => segment.length > 0)
    .join(TAG_PATH_SEPARATOR);
}

/**
 * The matching key (TagRecord.nameKey): NFKC folds full-width and compatibility
 * forms (`Ｃｈｉｎａ` → `China`, `ｶﾀｶﾅ` → `カタカナ`), then a full case fold
 * (upper then lower maps `ß` to `ss`, Greek final sigma to sigma).
 */
export function foldTagName(raw: string): string {
  return cleanTagName(raw.normalize('NFKC')).toUpperCase().toLowerCase().normalize('NFKC');
}

export type TagNameProblem = 'empty' | 'too-long' | 'control-chars';

export type TagNameCheck = { ok: true; name: string; nameKey: string } | { ok: false; problem: TagNameProblem };

/** Cleans and validates a name the user typed. */
export function checkTagName(raw: string): TagNameCheck {
  if (CONTROL_CHARS.test(raw.replace(/[\t\n\r]/g, ' '))) return { ok: false, problem: 'control-chars' };
  const name = cleanTagName(raw);
  if (name.length === 0) return { ok: false, problem: 'empty' };
  if (name.length > TAG_NAME_MAX_LENGTH) return { ok: false, problem: 'too-long' };
  return { ok: true, name, nameKey: foldTagName(name) };
}

/** Splits what the user typed or pasted into tag names (see TAG_SEPARATORS). */
export function splitTagInput(raw: string): string[] {
  return raw
    .split(TAG_SEPARATORS)
    .map(cleanTagName)
    .filter((name) => name.length > 0);
}

/** Keeps the first of names that fold to the same key, in order. */
export function uniqueTagNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const key = foldTagName(name);
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/**
 * True when `tagName` is the filter's tag or sits under it (`politics/local` under `politics`),
 * whatever the case and width of either (`Politics/Local` is under `politics`).
 */
export function tagIsWithin(tagName: string, filterName: string): boolean {
  const tag = foldTagName(tagName);
  const filter = foldTagName(filterName);
  return tag === filter || tag.startsWith(filter + TAG_PATH_SEPARATOR);
}

/** The last path segment, shown in the tree: `politics/local` → `local`. */
export function tagLeaf(name: string): string {
  const segments = name.split(TAG_PATH_SEPARATOR);
  return segments[segments.length - 1] ?? name;
}
