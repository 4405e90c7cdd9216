/** Classifies single lines of page text: boilerplate, continuation markers, summaries, headings. */
import type { Block } from './blocks';
import type { Continuation } from './types';
import { cleanText } from './text';

const BOILERPLATE = [
  /^[【\[]?(?:来源|作者|编辑|责任编辑|责编|审核|校对|稿件来源|文章来源|本文来源|原标题|点击|扫码|关注)[】\]]?\s*[：:]/,
  /版权所有|版权声明|all rights reserved|copyright\s*(?:©|\(c\)|\d{4})|ICP备|公网安备|未经(?:书面)?授权|不得转载|转载请注明|违法和不良信息/i,
  /^(?:分享到|分享|打印本页|关闭窗口|返回顶部|上一篇|下一篇|相关新闻|相关阅读|推荐阅读|延伸阅读)\s*[：:]?/,
  /^(?:share|share this|print|email|advertisement|related|related tags|read more|sign up|subscribe|don['’]t miss|see also|more from \S+|most popular|trending now|you may also like|recommended)\b[\s:.!]*$/i,
  /^(?:published|updated|posted|last updated|first published)\b[\s:]*.{0,60}\d{4}.{0,60}$/i,
];

export function isBoilerplate(text: string): boolean {
  const line = cleanText(text);
  if (line.length > 200) return false;
  return BOILERPLATE.some((pattern) => pattern.test(line));
}

const FROM_MARKER = /^[（(]?\s*(上接第?\s*([0-9一二三四五六七八九十A-Z]{1,3})\s*版[^）)]{0,10})\s*[)）]?/;
const TO_MARKER = /[（(]?\s*((?:下转|转|接)第?\s*([0-9一二三四五六七八九十A-Z]{1,3})\s*版[^）)]{0,10})\s*[)）]?\s*$/;
// A page label in an English jump line: "page A6", "p. 12", "Pg 3", or a bare section page ("A6").
const EN_PAGE = String.raw`(?:(?:page|pg\.?|p\.)\s*([A-Z]?\d{1,3}[A-Z]?)|([A-Z]\d{1,2}))`;
const EN_FROM_MARKER = new RegExp(String.raw`^[(\[]?\s*((?:continued|cont(?:'d|\.)?)\s+from\s+${EN_PAGE})\s*[)\]]?\.?`, 'i');
const EN_TO_MARKER = new RegExp(String.raw`[(\[]?\s*((?:continued|cont(?:'d|\.)?)\s+on\s+${EN_PAGE})\s*[)\]]?\.?\s*$`, 'i');
// "See MAYOR, Page A6": the jump word is in capitals, which tells it from "see you on page 5".
const EN_SEE_MARKER = /[(\[]?\s*([Ss]ee\s+[A-Z][A-Z'’ -]*[A-Z],?\s+(?:on\s+)?(?:[Pp]age|P\.)\s*([A-Z]?\d{1,3}[A-Z]?))\s*[)\]]?\.?\s*$/;

/** 上接第1版 / "Continued from page A1" at the start of a paragraph (or alone). */
export function continuedFromMarker(text: string): { continuation: Continuation; rest: string } | null {
  const line = cleanText(text);
  const zh = FROM_MARKER.exec(line);
  const match = zh ?? EN_FROM_MARKER.exec(line);
  if (!match) return null;
  const rest = line.slice(match[0].length).trim();
  const page = zh ? match[2]! : (match[2] ?? match[3])!;
  return { continuation: { page, marker: match[0].trim(), markerInline: rest.length > 0 }, rest };
}

/** 转第2版 / （下转第2版） / "Continued on page A6" / "See MAYOR, Page A6" at the end of a paragraph (or alone). */
export function continuedToMarker(text: string): { continuation: Continuation; rest: string } | null {
  const line = cleanText(text);
  const zh = TO_MARKER.exec(line);
  const match = zh ?? EN_TO_MARKER.exec(line) ?? EN_SEE_MARKER.exec(line);
  if (!match || match[0].length > (zh ? 20 : 40)) return null;
  const page = zh ? match[2]! : (match[2] ?? match[3])!;
  return { continuation: { page, marker: match[0].trim() }, rest: line.slice(0, match.index).trim() };
}

const CJK_DIGITS = '〇一二三四五六七八九';

/** A page label for comparing: `第01版`, `1`, `一` and `01` are one page, `A06` and `a6` another. */
export function pageLabelKey(label: string): string {
  let key = cleanText(label).toUpperCase().replace(/^第|版$/g, '').replace(/^(?:PAGE|PG\.?|P\.)\s*/, '');
  // 十 to 十九, 二十…: the only Chinese numerals a newspaper's page count needs.
  key = key.replace(/([一二三四五六七八九]?)十([一二三四五六七八九]?)/, (_, tens: string, ones: string) =>
    String((tens ? CJK_DIGITS.indexOf(tens) : 1) * 10 + (ones ? CJK_DIGITS.indexOf(ones) : 0)));
  key = key.replace(/[〇一二三四五六七八九]/g, (digit) => String(CJK_DIGITS.indexOf(digit)));
  return key.replace(/\d+/, (digits) => String(Number(digits)));
}

/** "[摘要]…" or "摘要：…" boxes: kept as the summary, never a paragraph. */
export function summaryText(text: string): string | null {
  const match = /^[\[【]?(?:摘要|内容提要|导读|核心提示)[\]】]?\s*[：:]?\s*(.+)$/s.exec(cleanText(text));
  return match ? match[1]!.trim() : null;
}

/** The body begins mid-sentence: it opens with closing punctuation, a lower-case word, or closes a quote it never opened. */
export function looksTruncated(first: string): boolean {
  const text = cleanText(first);
  if (!text) return false;
  if (/^[，。、；：？！”’）》」』…,.;:)]/.test(text)) return true;
  if (/^[a-z]/.test(text)) return true;
  const sentence = text.split(/[。！？]/)[0] ?? '';
  const close = sentence.indexOf('”');
  const open = sentence.indexOf('“');
  return close >= 0 && (open < 0 || open > close);
}

const HEADING_CLASS = /(?:^|[-_\s])(title|tit|headline|heading|zt|bt|biaoti|art-title|article-title|entry-title|post-title|story-title)(?:[-_\s]|$)/i;
const KICKER_CLASS = /(?:^|[-_\s])(yt|kicker|overline|eyebrow|pretitle|pre-title|intro-?title|yinti)(?:[-_\s]|$)/i;
const SUBTITLE_CLASS = /(?:^|[-_\s])(ft|fbt|subtitle|sub-title|subhead|dek|standfirst|deck|futi)(?:[-_\s]|$)/i;

function classOf(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.id}`;
}

export type HeadingHint = 'title' | 'kicker' | 'subtitle' | null;

export function headingHint(element: Element): HeadingHint {
  const hint = classOf(element);
  if (SUBTITLE_CLASS.test(hint)) return 'subtitle';
  if (KICKER_CLASS.test(hint)) return 'kicker';
  if (HEADING_CLASS.test(hint)) return 'title';
  return null;
}

const HEADING_LEVEL: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };

export function headingLevel(element: Element): number {
  return HEADING_LEVEL[element.tagName.toUpperCase()] ?? 0;
}

/** How title-like a block looks: font size when the page has layout, plus a little for tag and class. */
const rankCache = new WeakMap<Element, number>();

export function headingRank(block: Block): number {
  const cached = rankCache.get(block.element);
  if (cached !== undefined) return cached;
  const rank = computeRank(block.element);
  rankCache.set(block.element, rank);
  return rank;
}

function computeRank(element: Element): number {
  const level = headingLevel(element);
  const hint = headingHint(element);
  const markup = level ? 34 - level * 3 : hint === 'title' ? 24 : hint ? 17 : 14;
  const view = element.ownerDocument?.defaultView;
  try {
    if (view && typeof view.getComputedStyle === 'function') {
      const style = view.getComputedStyle(element);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 600 || style.fontWeight === 'bold';
      if (size > 0) return size + (bold ? 3 : 0) + markup / 10;
    }
  } catch {
    // No layout: markup alone.
  }
  return markup;
}

/** A date, a 第01版 line, 来源/作者 info: short lines around the title that are not headings. */
export function isMetaLine(text: string): boolean {
  const line = cleanText(text);
  if (line.length > 120) return false;
  if (/^(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|发布时间|时间|日期|来源|作者|编辑|浏览|点击|字号|字体|【)/.test(line)) return true;
  if (/第\s*\w{1,3}\s*版/.test(line) && line.length < 60) return true;
  return /(?:来源|作者|编辑)\s*[：:]/.test(line);
}
