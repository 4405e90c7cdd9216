/** Turns one story's blocks (header lines + body blocks) into a DetectedArticle. */
import type { Block } from './blocks';
import { isEditorLine, parseBylineLine, parseCreditList, parseDateline, parseEditorLine } from './byline';
import { markedUpBylines } from './bylines-dom';
import { markedUpDate } from './dates-dom';
import { isDateOnlyLine, parseTextDate } from './dates';
import { continuedFromMarker, continuedToMarker, isBoilerplate, isMetaLine, looksTruncated, summaryText } from './lines';
import type { Person } from '../model/records';
import type { BlockKind, Continuation, DetectedArticle } from './types';
import { cleanText, hasCjk } from './text';

/** What the page as a whole says (metadata, edition), which every story on it inherits where it says nothing. */
export type PageContext = Pick<DetectedArticle, 'publishedDate' | 'modifiedDate' | 'siteName' | 'section' | 'page' | 'source' | 'lang'> & {
  title: string | null;
  metaAuthors: string[];
  now?: Date;
};

export interface Region {
  root: Element;
  titleBlock: Block | null;
  /** Title text chosen from heading and metadata, when it is not simply the heading's text. */
  title?: string | null;
  kickerBlocks: Block[];
  subtitleBlock: Block | null;
  headerBlocks: Block[];
  bodyBlocks: Block[];
}

/** Joins <br>-split heading lines: nothing between CJK, a space between words. */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    if (!out) out = line;
    else out += hasCjk(out.slice(-1)) || hasCjk(line.charAt(0)) ? line : ` ${line}`;
  }
  return cleanText(out);
}

const LABEL_WORDS = '来源|稿源|作者|撰稿|文|编辑|责任编辑|责编|审核|记者|通讯员|摄影|浏览量|浏览|点击|字体|字号|发布时间|时间|日期';
// "作者：X", "作者 : X", "【作者】X", "作者｜X".
const LABELS = new RegExp(`(?:[【\\[](${LABEL_WORDS})[】\\]]|(${LABEL_WORDS})\\s*[：:｜|])\\s*`, 'g');

/** "2022-09-05 07:58:12 来源：衡阳日报 作者：唐翔 编辑：邓可" → labelled values. */
export function parseInfoLine(text: string): { source: string | null; authors: Person[]; editors: Person[] } {
  const line = cleanText(text);
  const found: { label: string; value: string }[] = [];
  const matches = [...line.matchAll(LABELS)];
  matches.forEach((match, index) => {
    const end = matches[index + 1]?.index ?? line.length;
    found.push({ label: match[1] ?? match[2]!, value: line.slice(match.index! + match[0].length, end).trim() });
  });
  let source: string | null = null;
  const authors: Person[] = [];
  const editors: Person[] = [];
  for (const { label, value } of found) {
    const first = value.split(/[\s【\[|]/)[0] ?? '';
    if ((label === '来源' || label === '稿源') && first) source ??= first;
    if (label === '作者' || label === '撰稿' || label === '文' || label === '记者' || label === '通讯员' || label === '摄影') {
      const role = label === '作者' || label === '撰稿' || label === '文' ? null : label;
      for (const credit of parseCreditList(value.split(/[【\[|]/)[0] ?? '')) authors.push({ name: credit.name, role: credit.role ?? role });
    }
    if (/编辑|责编|审核/.test(label)) editors.push(...parseEditorLine(`${label}：${value.split(/[【\[|]/)[0] ?? ''}`));
  }
  // "来源：新华网 记者 伊琳 李清芬": a role word and names without a colon, inside an info line.
  const unlabelled = /(?:^|\s)(全媒体记者|特约记者|本报记者|记者|通讯员|实习生)\s+([\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,4})(?=\s|$)/.exec(line);
  if (unlabelled && !authors.length) {
    for (const credit of parseCreditList(`${unlabelled[1]} ${unlabelled[2]}`)) authors.push(credit);
  }
  return { source, authors, editors };
}

const NAME_LIST = /^[\u4e00-\u9fff]{2,3}(?:(?:、|\s+)[\u4e00-\u9fff]{2,3}){1,4}$/;
const LEAD_LINES = 6;
// Words that stand alone under a title as often as a name does.
const SECTION_WORDS = /^(?:引言|前言|序言|导语|摘要|提要|正文|简介|背景|目录|附录|结语|按语|说明|公告|通知)$/;

/** A line of one or more Chinese names between a heading-like line (the title again) and the first paragraph. */
function isNameLine(line: string, previous: string, next: string): boolean {
  if (!NAME_LIST.test(line) && (!/^[\u4e00-\u9fff]{2,3}$/.test(line) || SECTION_WORDS.test(line))) return false;
  const headingLike = previous.length <= 40 && !/[，,。；;！？]/.test(previous) && !NAME_LIST.test(previous);
  return headingLike && (next.length >= 30 || /[。！？]/.test(next));
}

const HIDDEN_COPY = '[hidden], [style*="display:none" i], [style*="display: none" i], [style*="visibility:hidden" i], [style*="visibility: hidden" i]';

function mergeCredits(target: Person[], more: Person[]): void {
  for (const credit of more) {
    const existing = target.find((item) => item.name === credit.name);
    if (existing) existing.role ??= credit.role;
    else target.push({ ...credit });
  }
}

function isCaptionElement(element: Element): boolean {
  if (element.closest('figcaption, figure, caption')) return true;
  const hint = `${element.getAttribute('class') ?? ''}`;
  return /caption|credit|(?:^|[-_\s])(tpsm|pic-?desc|img-?desc|photo-?desc|photo|image)(?:[-_\s]|$)/i.test(hint);
}

function kindOf(element: Element): BlockKind {
  const tag = element.tagName.toUpperCase();
  if (/^H[1-6]$/.test(tag)) return 'heading';
  if (tag === 'LI' || tag === 'DD' || tag === 'DT') return 'list-item';
  if (element.closest('blockquote')) return 'quote';
  return 'paragraph';
}

/** "Analysis by Jane Doe, CNN Editor | Site" → "Jane Doe"; URLs and long phrases are dropped. */
export function cleanMetaAuthor(raw: string): string | null {
  let name = cleanText(raw).replace(/^(?:analysis|opinion|commentary|text|текст|story)?\s*[:：]?\s*by[:\s]+/i, '').replace(/^by[:\s]+/i, '');
  name = name.split(/\s+\|\s+|\s*,\s*|\s+[-–—]\s+/)[0]!.trim();
  if (!name || name.length > 60 || /^https?:|@|\d{3,}/.test(name) || name.split(/\s+/).length > 5) return null;
  return name;
}

export function buildArticle(region: Region, context: PageContext, storyKey: string): DetectedArticle {
  const authors: Person[] = [];
  const editors: Person[] = [];
  let source: string | null = null;
  let summary: string | null = null;
  let bylineText: string | null = null;
  let headerDate: string | null = null;

  for (const block of region.headerBlocks) {
    const text = block.text;
    const summaryValue = summaryText(text);
    if (summaryValue) {
      summary ??= summaryValue;
      continue;
    }
    const byline = parseBylineLine(text);
    if (byline && !/[：:]/.test(text)) {
      bylineText ??= cleanText(text);
      mergeCredits(authors, byline);
      continue;
    }
    const info = parseInfoLine(text);
    source ??= info.source;
    mergeCredits(authors, info.authors);
    mergeCredits(editors, info.editors);
    if (byline && !info.authors.length) mergeCredits(authors, byline);
    // A bare list of two or more names under the title ("赵延东、风笑天") is the byline.
    if (!byline && !info.authors.length && NAME_LIST.test(cleanText(text))) {
      mergeCredits(authors, cleanText(text).split(/[、\s]+/).map((name) => ({ name, role: null })));
    }
    headerDate ??= parseTextDate(text, context.now);
  }

  const paragraphs: string[] = [];
  const paragraphElements: Element[] = [];
  const paragraphKinds: BlockKind[] = [];
  const captions: string[] = [];
  const captionElements: Element[] = [];
  let continuedFrom: Continuation | null = null;
  let continuedTo: Continuation | null = null;

  const seen = new Set<string>();
  for (const block of region.bodyBlocks) {
    const text = block.text;
    if (isEditorLine(text)) {
      mergeCredits(editors, parseEditorLine(text));
      continue;
    }
    const summaryValue = summaryText(text);
    if (summaryValue) {
      summary ??= summaryValue;
      continue;
    }
    if (isBoilerplate(text)) {
      const info = parseInfoLine(text);
      source ??= info.source;
      mergeCredits(authors, info.authors);
      mergeCredits(editors, info.editors);
      // "作者：… 来源：… 发布日期：9/17/2004 5:54:13 AM" in the body: its date is the story's.
      if (isMetaLine(text)) headerDate ??= parseTextDate(text, context.now);
      continue;
    }
    if (isCaptionElement(block.element)) {
      captions.push(cleanText(text));
      captionElements.push(block.element);
      continue;
    }
    const kind = kindOf(block.element);
    const pieces = kind === 'heading' ? [joinLines(block.lines)] : block.lines.map(cleanText).filter(Boolean);
    for (const piece of pieces) {
      // Pages that print the body twice (a hidden print/share copy) would repeat every paragraph.
      if (piece.length >= 20 && seen.has(piece) && block.element.closest(HIDDEN_COPY)) continue;
      seen.add(piece);
      paragraphs.push(piece);
      paragraphElements.push(block.element);
      paragraphKinds.push(kind);
    }
  }

  // Lead-ins and markers at the edges of the body.
  const dropAt = (index: number) => {
    paragraphs.splice(index, 1);
    paragraphElements.splice(index, 1);
    paragraphKinds.splice(index, 1);
  };
  while (paragraphs.length) {
    const first = paragraphs[0]!;
    const from = continuedFromMarker(first);
    if (from && !continuedFrom) {
      continuedFrom = from.continuation;
      if (from.rest) paragraphs[0] = from.rest;
      else dropAt(0);
      continue;
    }
    const byline = first.length <= 40 ? parseBylineLine(first) : null;
    if (byline) {
      bylineText ??= first;
      mergeCredits(authors, byline);
      dropAt(0);
      continue;
    }
    break;
  }
  // Header lines the title search left in the body: the short lines before its first sentence.
  for (let index = 0; index < Math.min(paragraphs.length - 1, LEAD_LINES);) {
    const line = paragraphs[index]!;
    if (line.length > 80 || /[。！？]/.test(line)) break;
    const byline = parseBylineLine(line);
    const info = byline || !isMetaLine(line) ? null : parseInfoLine(line);
    const date = line.length <= 60 && !/[，,；;]/.test(line) ? parseTextDate(line, context.now) : null;
    if (byline || info && (info.authors.length || info.editors.length || info.source || date)) {
      bylineText ??= byline ? line : null;
      mergeCredits(authors, byline ?? info!.authors);
      if (info) mergeCredits(editors, info.editors);
      source ??= info?.source ?? null;
      headerDate ??= date;
      dropAt(index);
      continue;
    }
    headerDate ??= date;
    // A bare dateline ("November 30, 2026") left between the title and the first sentence.
    if (isDateOnlyLine(line)) {
      headerDate ??= parseTextDate(line, context.now);
      dropAt(index);
      continue;
    }
    if (!authors.length && index > 0 && isNameLine(line, paragraphs[index - 1]!, paragraphs[index + 1]!)) {
      mergeCredits(authors, line.split(/[、\s]+/).map((name) => ({ name, role: null })));
      dropAt(index);
      continue;
    }
    index++;
  }
  let dateline: string | null = null;
  let datelineInline = false;
  if (paragraphs.length) {
    const lead = parseDateline(paragraphs[0]!);
    if (lead) {
      dateline = lead.text;
      datelineInline = lead.rest.length > 0;
      mergeCredits(authors, lead.credits);
      if (lead.rest) paragraphs[0] = lead.rest;
      else dropAt(0);
    }
  }
  while (paragraphs.length) {
    const last = paragraphs[paragraphs.length - 1]!;
    const to = continuedToMarker(last);
    if (to && !continuedTo) {
      continuedTo = to.continuation;
      if (to.rest) paragraphs[paragraphs.length - 1] = to.rest;
      else dropAt(paragraphs.length - 1);
      continue;
    }
    const byline = last.length <= 40 ? parseBylineLine(last.replace(/^[（(]|[)）]$/g, '')) : null;
    if (byline && paragraphs.length > 1) {
      mergeCredits(authors, byline);
      dropAt(paragraphs.length - 1);
      continue;
    }
    break;
  }
  // "……定期获得信息交流。(信报记者 蔡雪婧)": a credit closing the last paragraph; the text stays as printed.
  for (const last of paragraphs.slice(-2)) {
    const tail = /[（(]([^（）()]{2,30})[)）]\s*$/.exec(last);
    const credits = tail ? parseBylineLine(tail[1]!) : null;
    if (credits?.some((credit) => credit.role)) mergeCredits(authors, credits);
  }
  // Names from metadata fill in people the page printed without roles.
  // Single article: look anywhere on the page; one of many stories: only inside its own block.
  const searchScope: ParentNode = storyKey === '0' ? region.root.ownerDocument ?? region.root : region.root;
  if (!authors.length) mergeCredits(authors, markedUpBylines(searchScope, region.root));
  for (const raw of context.metaAuthors) {
    const name = cleanMetaAuthor(raw);
    if (name && !authors.some((credit) => credit.name.toLowerCase() === name.toLowerCase())) mergeCredits(authors, [{ name, role: null }]);
  }

  const title = region.title ?? (region.titleBlock ? joinLines(region.titleBlock.lines) : context.title ?? '');
  return {
    root: region.root,
    titleElement: region.titleBlock?.element ?? null,
    paragraphElements,
    paragraphKinds,
    captionElements,
    storyKey,
    kicker: region.kickerBlocks.length ? joinLines(region.kickerBlocks.flatMap((block) => block.lines)) : null,
    title,
    subtitle: region.subtitleBlock ? joinLines(region.subtitleBlock.lines) : null,
    authors: authors.filter((credit) => !editors.some((editor) => editor.name === credit.name)),
    editors,
    dateline,
    datelineInline,
    bylineText,
    publishedDate: context.publishedDate ?? headerDate ?? markedUpDate(searchScope, region.root, context.now),
    modifiedDate: context.modifiedDate,
    siteName: context.siteName,
    section: context.section,
    page: context.page,
    source: source ?? context.source,
    summary,
    lang: context.lang,
    paragraphs,
    captions,
    continuedFrom,
    continuedTo,
    truncatedStart: !dateline && !continuedFrom && paragraphs.length > 0 && looksTruncated(paragraphs[0]!),
  };
}
