/** Page-level facts shared by every story: edition (e-paper), site, section, dates, language. */
import { dateFromUrl, parseTextDate } from './dates';
import type { PageMetadata } from './metadata';
import type { PageContext } from './story';
import { cleanText, countCjk } from './text';
import type { Edition } from './types';

const PAPER_SUFFIX = /(数字报刊|数字报|电子报|电子版|数字版)$/;
const PAGE_LABEL = /第\s*([0-9A-Z]{1,3})\s*版\s*[：:]?\s*([\u4e00-\u9fffA-Za-z·]{0,10})/;
/** "A01版：要闻" (no 第), and labelled "版次：A01 版名：要闻". */
const BARE_PAGE = /(?:^|[^\dA-Za-z])([A-Z]?\d{2,3})\s*版\s*[：:]\s*([\u4e00-\u9fffA-Za-z·]{1,10})/;
const PAGE_NO = /版\s*次\s*[：:]\s*([A-Z]?\d{1,3})/;
const PAGE_NAME = /版\s*名\s*[：:]\s*([\u4e00-\u9fffA-Za-z·]{1,10})/;
/** The page in an e-paper address: "…_20220905_1-01.htm", "node_A01.html" (a bare node_2 is a serial, not a page). */
const URL_PAGE = /[_-]([A-Z]?\d{2})\.s?html?(?:[?#]|$)/;

/** 版次 and 版名 from the title, the page's lines, else the address. */
function pageOf(title: string, headText: string, url: string): { page: string | null; name: string | null } {
  const labelled = PAGE_LABEL.exec(title) ?? PAGE_LABEL.exec(headText) ?? BARE_PAGE.exec(title) ?? BARE_PAGE.exec(headText);
  const page = labelled?.[1] ?? PAGE_NO.exec(headText)?.[1] ?? URL_PAGE.exec(url)?.[1] ?? null;
  return { page: page ? page.padStart(2, '0') : null, name: labelled?.[2] || PAGE_NAME.exec(headText)?.[1] || null };
}

function paperFromTitle(title: string): string | null {
  for (const part of title.split(/\s*(?:--|[-_|–—])\s*/)) {
    const clean = cleanText(part);
    if (PAPER_SUFFIX.test(clean)) return clean.replace(PAPER_SUFFIX, '') || null;
  }
  return null;
}

/** E-paper edition facts from the title, the address and the page's masthead and info lines. */
export function readEdition(doc: Document, url: string, meta: PageMetadata, headText: string): Edition | null {
  const title = doc.title ?? '';
  const paper = paperFromTitle(title) ?? /《([^》]{2,12}(?:报|刊))》/.exec(headText)?.[1] ?? null;
  const pageMatch = PAGE_LABEL.exec(title) ?? PAGE_LABEL.exec(headText) ?? BARE_PAGE.exec(title);
  const looksEpaper = meta.founder || /\/(?:html|content)\/\d{4}-\d{2}\/\d{2}\/(?:node|content)_\d+\.html?/.test(url) || (!!paper && (!!pageMatch || !!dateFromUrl(url)));
  if (!looksEpaper) return null;
  const founderDate = doc.querySelector('founder-date')?.textContent;
  const date = (founderDate && parseTextDate(founderDate)) || dateFromUrl(url) || parseTextDate(title);
  const issueNo = /第\s*\d{3,6}\s*号/.exec(headText)?.[0].replace(/\s+/g, '') ?? null;
  const { page, name } = pageOf(title, headText, url);
  return {
    paper,
    date: date ? date.slice(0, 10) : null,
    issueNo,
    page,
    pageName: name,
  };
}

function guessLang(text: string): string | null {
  const sample = text.slice(0, 2000);
  if (!sample) return null;
  return countCjk(sample) > sample.length * 0.2 ? 'zh' : null;
}

export function pageContext(meta: PageMetadata, edition: Edition | null, url: string, sampleText: string, now?: Date): PageContext {
  return {
    title: meta.titles[0] ?? null,
    metaAuthors: meta.authors,
    publishedDate: edition?.date ?? meta.publishedDate ?? null,
    modifiedDate: meta.modifiedDate,
    // An e-paper is cited by its masthead (衡阳日报), not by the site that hosts it.
    siteName: edition?.paper ?? meta.siteName ?? meta.titleSite,
    section: edition?.pageName ?? meta.section,
    page: edition?.page ?? null,
    source: meta.source ?? edition?.paper ?? null,
    lang: meta.lang ?? guessLang(sampleText),
    now,
  };
}

/** Date from the address, used only when nothing else gave one. */
export function urlDate(url: string): string | null {
  return dateFromUrl(url);
}
