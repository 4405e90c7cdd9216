/** Parsers for printed credit lines: bylines, datelines, editor lines (Chinese and English). */
import type { Person } from '../model/records';
import { cleanText, hasCjk } from './text';

// Longest first, so 全媒体记者 wins over 记者.
const ROLE_WORDS = [
  '全媒体记者', '融媒体记者', '首席记者', '特约记者', '见习记者', '实习记者', '摄影记者', '本报记者', '特约通讯员',
  '通讯员', '实习生', '记者', '文/图', '文／图', '图/文', '图／文', '摄影', '撰文', '整理', '编译', '主持人', '文', '图', '摄',
];
const ROLE_PATTERN = ROLE_WORDS.map((word) => word.replace('/', '\\/')).join('|');
const ROLE_TOKEN = new RegExp(`^(.*?)(${ROLE_PATTERN})(?:[：:／/])?(.*)$`);
const EDITOR_ROLES = '责任编辑|值班编辑|执行编辑|特约编辑|编辑|责编|审核|审校|校对|终审|二审|三审|一审|美编|统筹|监制|制作';
const EDITOR_LINE = new RegExp(`(${EDITOR_ROLES})\\s*[：:]\\s*([^：:]*?)(?=\\s*(?:${EDITOR_ROLES}|作者|来源|[（(【\\[]|$))`, 'g');
const CJK_NAME = /^[\u4e00-\u9fff·•]{2,5}$/;
const LATIN_NAME = /^[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]*){0,3}$/u;
// Clock and zone words that look like capitalised names.
const NOT_NAME = /^(?:AM|PM|GMT|UTC|CET|CEST|MEZ|MESZ|Uhr)$/;
// "信报记者", "新华网记者": an outlet glued to a role word is a role, not a name.
const OUTLET_ROLE = /^[\u4e00-\u9fff]{1,10}?(记者|通讯员|实习生)$/;

function isName(token: string): boolean {
  return (CJK_NAME.test(token) && !OUTLET_ROLE.test(token)) || (LATIN_NAME.test(token) && !NOT_NAME.test(token));
}

function pushCredit(list: Person[], name: string, role: string | null): void {
  const clean = name.replace(/^[■●□◆▲★·•\s]+|[\s,，、;；]+$/g, '');
  if (!clean || !isName(clean)) return;
  const existing = list.find((credit) => credit.name === clean);
  if (existing) {
    if (!existing.role && role) existing.role = role;
    return;
  }
  list.push({ name: clean, role });
}

/** "全媒体记者 周瑞华 通讯员 谭明星 罗军" → people with the role word printed before them. */
export function parseCreditList(text: string): Person[] {
  const credits: Person[] = [];
  let role: string | null = null;
  const tokens = cleanText(text).replace(/^[■●□◆▲★]+/, '').split(/[\s、，,;；]+/).filter(Boolean);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token === '摄' || token === '摄影') {
      // "胡亚华 摄": the role follows the name.
      const last = credits[credits.length - 1];
      if (last && !last.role) last.role = token;
      continue;
    }
    if (isName(token) && !ROLE_WORDS.includes(token)) {
      pushCredit(credits, token, role);
      continue;
    }
    if (!ROLE_WORDS.includes(token) && OUTLET_ROLE.test(token)) {
      // The longest role word it ends with: 信报全媒体记者 → 全媒体记者.
      role = ROLE_WORDS.find((word) => token.endsWith(word))!;
      continue;
    }
    const match = ROLE_TOKEN.exec(token);
    if (!match) continue;
    role = match[2]!;
    if (match[3]) pushCredit(credits, match[3], role);
  }
  return credits;
}

/** Editor credits: 编辑：邓可, 责任编辑：刘颖, 审核 X, "Edited by X". */
export function parseEditorLine(text: string): Person[] {
  const credits: Person[] = [];
  const line = cleanText(text).replace(/[【】[\]]/g, ' ');
  for (const match of line.matchAll(EDITOR_LINE)) {
    for (const name of match[2]!.split(/[\s、，,/／]+/)) pushCredit(credits, name, match[1]!);
  }
  const english = /^edited by\s+(.+)$/i.exec(line);
  if (english) for (const name of english[1]!.split(/\s*(?:,|\band\b|&)\s*/)) pushCredit(credits, name, 'Edited by');
  return credits;
}

export function isEditorLine(text: string): boolean {
  const line = cleanText(text);
  if (line.length > 80) return false;
  return new RegExp(`^[【\\[(（]?(${EDITOR_ROLES})\\s*[：:]`).test(line) || /^edited by\s/i.test(line);
}

const ENGLISH_ROLE = /\b(staff writer|writer|reporter|correspondent|editor|columnist|contributor|producer|photographer|analyst|critic|associated press|reuters|afp|bloomberg)\b/i;

/** "By X and Y", "By X, Staff Writer", "X | Reuters" → people. */
// "… am 21. April 2020", "… on Monday, …", "… / 22.04.2020 / 06:15": the date after a name is not part of it.
const DATE_TAIL = /\s*(?:[|•·/–—-]\s*)?(?:\b(?:am|on|le|el|den|vom|um|at|published|updated|veröffentlicht)\s+)?(?:\d|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b).*$/i;
const LATIN_LABEL = /^(?:by|par|von|por|door|di|autor|autorin|author|auteur|autora)(?:\s*:\s*|\s+)/i;

export function parseEnglishByline(text: string): Person[] {
  const line = cleanText(text).replace(LATIN_LABEL, '').replace(DATE_TAIL, '');
  const credits: Person[] = [];
  const [main, agency] = line.split(/\s+\|\s+/);
  const parts = (main ?? '').split(/\s*,\s*/);
  let role: string | null = agency?.trim() || null;
  if (parts.length > 1 && ENGLISH_ROLE.test(parts[parts.length - 1]!)) role = parts.pop()!.trim();
  for (const part of parts) {
    for (const name of part.split(/\s+(?:and|And|AND|und|UND|et|y|e|&)\s+|\s*;\s*/)) {
      if (/^[A-Z]/.test(name) && name.split(/\s+/).length <= 4) pushCredit(credits, name.trim(), role);
    }
  }
  return credits;
}

const BYLINE_LABELS = '文\\/图|图\\/文|作者|撰文|本报记者|记者|撰稿人|撰稿|文|图';
// 作者：X, 作者 : X, 作者｜X, 【作者】X, 文/X (not 文/图).
const LABELLED = new RegExp(`^(?:[【\\[](${BYLINE_LABELS})[】\\]]|(${BYLINE_LABELS})\\s*(?:[：:｜|]|[／/](?![图文])))\\s*(.+)$`);
const NEXT_LABEL = /\s*[【\[]?(?:来源|发布|时间|日期|编辑|责编|审核|浏览|点击)[】\]]?\s*[：:]/;

/** A line that is only a byline: "■衡阳日报全媒体记者 周琪", "作者：唐翔", "By Jane Doe", "文/图 张三". */
export function parseBylineLine(text: string): Person[] | null {
  const line = cleanText(text);
  // Latin bylines may carry a long date tail ("Von X am Samstag, 19. Oktober 2019 um 11:14 Uhr").
  if (!line || line.length > (hasCjk(line) ? 60 : 80)) return null;
  const labelled = LABELLED.exec(line);
  if (labelled) {
    // "作者：张三 来源：新华社": the value stops at the next label.
    const credits = parseCreditList(labelled[3]!.split(NEXT_LABEL)[0]!);
    const label = labelled[1] ?? labelled[2]!;
    const role = /^(作者|撰稿|撰稿人)$/.test(label) ? null : label;
    for (const credit of credits) credit.role ??= role;
    return credits.length ? credits : null;
  }
  const posted = /^([^\s：:]{2,20})\s*发表于\s*\d/.exec(line);
  if (posted) return [{ name: posted[1]!, role: null }];
  if (/^(?:(?:by|par|von|por|door)(?:\s*:\s*|\s+)|(?:autor|autorin|author|auteur|autora)\s*:\s*)\p{Lu}/iu.test(line) && line.split(/\s+/).length <= 14) {
    const credits = parseEnglishByline(line);
    return credits.length ? credits : null;
  }
  if (/^[■●□◆▲★]/.test(line) || new RegExp(`^(?:[\\u4e00-\\u9fff]{0,12}\\s?)(?:${ROLE_PATTERN})`).test(line)) {
    if (/[。！？]/.test(line)) return null;
    const credits = parseCreditList(line);
    const withRole = credits.filter((credit) => credit.role);
    return withRole.length ? credits : null;
  }
  return null;
}

export interface Dateline {
  text: string;
  credits: Person[];
  rest: string;
}

const ZH_DATELINE =
  /^((?:据)?(?:[\u4e00-\u9fff]{0,10}(?:报|网|社|台|刊|闻|媒)讯|[\u4e00-\u9fff]{0,12}\d{1,2}月\d{1,2}日(?:电|讯)|(?:新华社|中新社|中新网|人民网|央视网|本报)[\u4e00-\u9fff]{1,6}电)(?:\s*[（(]([^（()）]{1,80})[)）])?)/;
const EN_DATELINE =
  /^([A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][A-Za-z.]*\.?(?:\s+\d{1,2})?)?\s*(?:\([A-Za-z .&]{2,30}\)\s*)?[—–-]{1,2})\s*/;

/** Splits a lead-in such as 衡阳日报讯 (记者 X) or "WASHINGTON (AP) —" off the first paragraph. */
export function parseDateline(paragraph: string): Dateline | null {
  const text = paragraph.replace(/^[\s\u00a0\u3000]+/, '');
  const zh = ZH_DATELINE.exec(text);
  if (zh) {
    const credits = zh[2] ? parseCreditList(zh[2]) : [];
    return { text: zh[1]!, credits, rest: text.slice(zh[1]!.length).replace(/^[\s\u00a0\u3000]+/, '') };
  }
  const en = EN_DATELINE.exec(text);
  if (en && /[A-Z]{3}/.test(en[1]!)) {
    return { text: en[1]!.trim(), credits: [], rest: text.slice(en[0].length) };
  }
  return null;
}
