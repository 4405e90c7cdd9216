/** Bylines marked up as such (rel=author, itemprop=author, .byline, .author) when no credit line was found near the title. */
import { parseEnglishByline, parseCreditList } from './byline';
import { cleanText, hasCjk } from './text';
import type { Person } from '../model/records';

const SELECTOR = '[rel="author"], [itemprop~="author"], [class*="byline" i], [class*="author" i], [id*="byline" i]';
const NOT_BYLINE = /(?:bio|avatar|image|photo|img|social|follow|about|more|list|comment|box|wrapper|container|info)\b/i;

function fromText(text: string): Person[] {
  // "By Jane Doe March 25, 2015", "By Jane Doe Updated 3:46 PM": drop the date tail.
  const line = cleanText(text)
    .replace(/\s*(?:updated|published|posted|last updated)?:?\s*(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d.*$/i, '')
    .replace(/\s*\d{4}[-/年].*$/, '');
  if (!line || line.length > 240) return [];
  if (hasCjk(line)) return parseCreditList(line.replace(/^(?:作者|记者|文)[：:\s]*/, ''));
  // "By Jane Doe, Senior Staff Technologist, ACLU…": the name is before the first comma.
  return parseEnglishByline(line.split(/\s*,\s*/)[0]!);
}

function firstCredits(elements: Element[]): Person[] {
  for (const element of elements) {
    if (element.closest('nav, footer, aside, [class*="comment" i]')) continue;
    const className = element.getAttribute('class') ?? '';
    if (NOT_BYLINE.test(className) && !/byline/i.test(className)) continue;
    const text = cleanText((element.getAttribute('content') ?? element.textContent ?? '').slice(0, 2000));
    if (text.length < 3 || text.length > 240) continue;
    const credits = fromText(text);
    if (credits.length) return credits;
  }
  return [];
}

/** The first marked-up byline inside `within` (the story's block), else anywhere in `root`. */
export function markedUpBylines(root: ParentNode, within: Element | null): Person[] {
  // The story's block is a small subtree: searching it first spares most pages a whole-document query.
  if (within) {
    const own = firstCredits([...(within.matches(SELECTOR) ? [within] : []), ...Array.from(within.querySelectorAll(SELECTOR)).slice(0, 40)]);
    if (own.length || root === within) return own;
  }
  const elements = Array.from(root.querySelectorAll(SELECTOR)).slice(0, 40);
  return firstCredits(within ? elements.filter((element) => !within.contains(element)) : elements);
}
