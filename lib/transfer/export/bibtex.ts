/**
 * BibTeX, written by hand. citation-js 0.9 (core + plugin-bibtex) was tried
 * first: it turned Chinese titles and site names into empty fields and made
 * keys like `undefined2022undefined`, so it is not used. Output is UTF-8
 * (biber, BibTeX8 and modern BibTeX read it); LaTeX specials are escaped.
 */
import type { ArticleRecord } from '../../model/records';
import type { CslName } from './citation';
import { toCslItems, type CslItem } from './csl';

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', $: '\\$', '&': '\\&', '%': '\\%', '#': '\\#', _: '\\_',
  '^': '\\textasciicircum{}', '~': '\\textasciitilde{}',
};

export function latexEscape(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\{}$&%#_^~]/g, (ch) => LATEX_SPECIALS[ch]!);
}

function bibName(name: CslName): string {
  // Braces keep a literal (CJK, organisation) name whole instead of being split at spaces.
  if ('literal' in name) return `{${latexEscape(name.literal)}}`;
  const family = latexEscape(name.family);
  const given = name.given ? latexEscape(name.given) : '';
  const suffix = name.suffix ? latexEscape(name.suffix) : '';
  return [/\s/.test(family) ? `{${family}}` : family, suffix, given].filter(Boolean).join(', ');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDate(parts: number[] | undefined): string | null {
  if (!parts?.length) return null;
  return parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-');
}

function entry(item: CslItem): string {
  const issued = item.issued?.['date-parts'][0];
  const fields: [string, string | null][] = [
    ['author', item.author?.length ? item.author.map(bibName).join(' and ') : null],
    ['editor', item.editor?.length ? item.editor.map(bibName).join(' and ') : null],
    // Double braces keep the title's capitalisation as published.
    ['title', `{${latexEscape(item.title)}}`],
    // The publication: a newspaper's `journal` (biblatex reads it as journaltitle), a web page's `organization`.
    [item.type === 'webpage' ? 'organization' : 'journal', item['container-title'] ? latexEscape(item['container-title']) : null],
    ['year', issued?.[0] ? String(issued[0]) : null],
    ['month', issued?.[1] ? MONTHS[issued[1] - 1] ?? null : null],
    ['date', isoDate(issued)],
    ['pages', item.page ? latexEscape(item.page) : null],
    // url is read verbatim by biblatex and \url: only braces, backslashes and spaces would break it.
    ['url', item.URL.replace(/[{}\\\s]/g, (ch) => encodeURIComponent(ch))],
    ['urldate', isoDate(item.accessed['date-parts'][0])],
    ['language', item.language ? latexEscape(item.language) : null],
    ['note', item.section ? latexEscape(item.section) : null],
  ];
  const body = fields
    .filter((field): field is [string, string] => field[1] !== null && field[1] !== '')
    // A month is written as the BibTeX macro (unbraced) so styles can localise it.
    .map(([name, value]) => (name === 'month' ? `  month = ${value},` : `  ${name} = {${value}},`));
  // A newspaper story is an @article in BibTeX and biblatex alike; a web page is biblatex's @online.
  return `@${item.type === 'webpage' ? 'online' : 'article'}{${item.id},\n${body.join('\n')}\n}`;
}

export function toBibtex(articles: readonly ArticleRecord[]): string {
  return `${toCslItems(articles).map(entry).join('\n\n')}\n`;
}
