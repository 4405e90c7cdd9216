/** Date parsing to ISO 8601 from meta values and printed text (Chinese and English forms). */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
// Non-English month prefixes (German, French, Spanish); English goes by its own 3 letters.
Object.assign(MONTHS, { mär: 3, mai: 5, okt: 10, dez: 12, fév: 2, avr: 4, juin: 6, juil: 7, aoû: 8, déc: 12, ene: 1, abr: 4, ago: 8, set: 9, dic: 12 });
const MONTH = `(${Object.keys(MONTHS).sort((x, y) => y.length - x.length).join('|')})\\p{L}*`;
const monthOf = (word: string) => MONTHS[word.toLowerCase()];

const pad = (value: number) => String(value).padStart(2, '0');

function validDate(year: number, month: number, day: number): boolean {
  return year >= 1990 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function isoOf(year: number, month: number, day: number, time?: { h: number; m: number; s?: number } | null, offset?: string | null): string | null {
  if (!validDate(year, month, day)) return null;
  let out = `${year}-${pad(month)}-${pad(day)}`;
  if (time && time.h < 24 && time.m < 60) {
    out += `T${pad(time.h)}:${pad(time.m)}`;
    if (time.s !== undefined && !Number.isNaN(time.s)) out += `:${pad(time.s)}`;
    if (offset) out += offset === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  }
  return out;
}

function timeAfter(rest: string): { h: number; m: number; s?: number; pm?: boolean } | null {
  const match = /^\D{0,4}?(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?/i.exec(rest);
  if (!match) return null;
  let hour = Number(match[1]);
  const marker = match[4]?.toLowerCase();
  if (marker?.startsWith('p') && hour < 12) hour += 12;
  if (marker?.startsWith('a') && hour === 12) hour = 0;
  return { h: hour, m: Number(match[2]), s: match[3] ? Number(match[3]) : undefined };
}

/** Parses ISO-like machine dates: 2022-09-05T07:58:12+08:00, 2022-09-05 07:58:12, 20220905. */
export function parseMachineDate(value: string): string | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(text);
  if (iso) {
    const time = iso[4] ? { h: Number(iso[4]), m: Number(iso[5]), s: iso[6] ? Number(iso[6]) : undefined } : null;
    return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]), time, iso[7] ?? null);
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return isoOf(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return parseTextDate(text);
}

const RELATIVE_EN = /\b(\d+|an?|one)\s+(second|minute|hour|day|week|month)s?\s+ago\b/i;
const RELATIVE_ZH = /(\d+)\s*(秒|分钟|小时|天|周|个月)前/;
const UNIT_MS: Record<string, number> = {
  second: 1e3, minute: 6e4, hour: 36e5, day: 864e5, week: 6048e5, month: 2592e6,
  秒: 1e3, 分钟: 6e4, 小时: 36e5, 天: 864e5, 周: 6048e5, 个月: 2592e6,
};

function relative(text: string, now: Date | undefined): string | null {
  if (!now) return null;
  let ms: number | null = null;
  const en = RELATIVE_EN.exec(text);
  if (en) ms = (/^\d+$/.test(en[1]!) ? Number(en[1]) : 1) * UNIT_MS[en[2]!.toLowerCase()]!;
  const zh = RELATIVE_ZH.exec(text);
  if (!en && zh) ms = Number(zh[1]) * UNIT_MS[zh[2]!]!;
  if (ms === null) {
    if (/刚刚|just now/i.test(text)) ms = 0;
    else if (/\b(yesterday)\b|昨天/i.test(text)) ms = 864e5;
    else return null;
  }
  const at = new Date(now.getTime() - ms);
  const needsTime = ms < 864e5;
  return needsTime ? at.toISOString().replace(/\.\d{3}Z$/, 'Z') : at.toISOString().slice(0, 10);
}

const MONTH_FIRST = new RegExp(`(?<!\\p{L})${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu');
// "5 September 2022", "5. September 2022", "21 avril 2020", "5 de mayo de 2022".
const DAY_FIRST = new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(?:de\\s+)?${MONTH}(?!\\p{L})\\.?,?\\s+(?:de\\s+)?(\\d{4})(?!\\d)`, 'iu');

/**
 * Finds the first date printed in a piece of text: 2022年9月5日 08:30, 2022-09-05 08:30,
 * 2022/9/5, 2022.09.05, Sept. 5, 2022, 5 September 2022, "5 hours ago" (needs `now`).
 */
export function parseTextDate(text: string, now?: Date): string | null {
  const zh = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (zh) return isoOf(Number(zh[1]), Number(zh[2]), Number(zh[3]), timeAfter(text.slice(zh.index + zh[0].length)));
  const numeric = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/.exec(text);
  if (numeric) {
    const rest = text.slice(numeric.index + numeric[0].length);
    const offset = /^(?:T?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})/.exec(rest.replace(/^ /, 'T'))?.[1] ?? null;
    return isoOf(Number(numeric[1]), Number(numeric[3]), Number(numeric[4]), timeAfter(rest.replace(/^T/, ' ')), offset);
  }
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) {
    return isoOf(Number(monthFirst[3]), monthOf(monthFirst[1]!)!, Number(monthFirst[2]), timeAfter(text.slice(monthFirst.index + monthFirst[0].length)));
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    return isoOf(Number(dayFirst[3]), monthOf(dayFirst[2]!)!, Number(dayFirst[1]), timeAfter(text.slice(dayFirst.index + dayFirst[0].length)));
  }
  // 05.09.2022 (day first, as printed in Europe).
  const dotted = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?![\d.]\d)/.exec(text);
  if (dotted) return isoOf(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]), timeAfter(text.slice(dotted.index + dotted[0].length)));
  // 9/17/2004 5:54:13 AM: slashes are read only when the order is certain (a day above 12, or a US clock).
  const slashed = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/.exec(text);
  if (slashed) {
    const [a, b] = [Number(slashed[1]), Number(slashed[2])];
    const rest = text.slice(slashed.index + slashed[0].length);
    const time = timeAfter(rest);
    const usClock = /^\D{0,4}?\d{1,2}:\d{2}(?::\d{2})?\s*[ap]\.?m\b/i.test(rest);
    if (a > 12 && b <= 12) return isoOf(Number(slashed[3]), b, a, time);
    if (b > 12 || usClock) return isoOf(Number(slashed[3]), a, b, time);
  }
  return relative(text, now);
}

const WEEKDAY = /(?<!\p{L})(?:mon|tue|wed|thu|fri|sat|sun)\p{L}*\.?/giu;
const MONTH_WORD = new RegExp(`(?<!\\p{L})${MONTH}\\.?`, 'giu');

/**
 * True for a line that is a printed date and nothing else ("November 30, 2026", "2026年11月30日 星期一 08:30",
 * "Mon 30.11.2026, 8:30 am"): a dateline above the story, not a sentence of its body.
 */
export function isDateOnlyLine(text: string): boolean {
  if (text.length > 60 || !parseTextDate(text)) return false;
  const rest = text
    .replace(MONTH_WORD, '')
    .replace(WEEKDAY, '')
    .replace(/星期.|周[一二三四五六日天]|[年月日时分秒]|(?<!\p{L})[ap]\.?m\.?(?!\p{L})|(?<!\p{L})(?:at|um|uhr|de|le)(?!\p{L})/giu, '');
  return !/[\p{L}]/u.test(rest);
}

/** A date from an address: /2022-09/05/, /2022/09/05/, /20220905/, t20220905_. */
export function dateFromUrl(url: string): string | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const match = /(?:^|[/_t])(20\d{2}|19\d{2})[-/]?(\d{2})[-/]?(\d{2})(?=[/_.-])/.exec(path);
  if (!match) return null;
  return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
}
