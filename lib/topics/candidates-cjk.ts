/**
 * Chinese, Japanese and Korean candidates. Intl.Segmenter's dictionary splits
 * rare words into pieces (`屋|场|恳|谈|会`, `信|访`), so adjacent segments are
 * joined into n-grams, and an n-gram is kept when it recurs or stands in a
 * heading. Names of places and bodies are recognised by their last character
 * (衡南县, 信访局), and quoted phrases (「屋场恳谈会+信访」) are kept whole.
 */
import { CandidateBag, countOccurrences, foldKey, MAX_FIELD_CHARS, quotedPhrases, type TextField } from './candidates';
import { type TopicLanguage, wordSegmenter } from './language';
import { isStopWord, KOREAN_PARTICLES } from './stopwords';

const MAX_PARTS = 5;
const MAX_CHARS = 8;

/** Endings of names of places, bodies and institutions. */
const ENTITY_SUFFIX: Record<'zh' | 'ja' | 'ko', RegExp> = {
  zh: /(?:县|区|市|省|州|镇|乡|村|街道|局|厅|委|会|院|所|署|办|部|团|社|公司|集团|大学|学院|医院|银行|中心|协会|党)$/u,
  ja: /(?:県|都|府|市|区|町|村|省|庁|局|党|社|大学|銀行|協会|委員会|会議|病院|研究所)$/u,
  ko: /(?:시|도|군|구|읍|면|동|부|청|처|위원회|대학교|대학|은행|공사|협회|당)$/u,
};

/** Common words that end like a name but are not one (干部 ends like 外交部, 社会 like 协会). */
const NOT_ENTITY_ENDING = /(?:干部|全部|内部|外部|局部|部分|社会|机会|不会|开会|学会|体会|只会|城市|都市|超市|上市|股市|农村|乡村|地区)$/u;

/** Latin letters or digits inside CJK text: only acronyms and names like `5G`, `GDP` are kept. */
const HAS_ASCII_DIGIT = /[0-9０-９%％.]/u;
const LATIN_ACRONYM = /^[A-Z][A-Z0-9]{1,9}$/u;
/** Text that NFKC and case folding leave as is (half-width katakana ｶﾅ and compatibility ideographs excluded). */
const PURE_CJK = /^(?:(?![\uFF61-\uFFDC\uF900-\uFAFF\u3131-\u318E])[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul} ])+$/u;
const KATAKANA = /^[\p{Script=Katakana}ー]+$/u;

function koreanStem(word: string): string {
  for (const particle of KOREAN_PARTICLES) {
    if (word.length - particle.length >= 2 && word.endsWith(particle)) return word.slice(0, -particle.length);
  }
  return word;
}

/** Runs of word segments between punctuation or spaces. */
function wordRuns(text: string, language: TopicLanguage): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const { segment, isWordLike } of wordSegmenter(language).segment(text)) {
    if (isWordLike) {
      const previous = run[run.length - 1];
      // ICU cuts katakana compounds (コロナ|ウイルス): one loanword compound is one term.
      if (language === 'ja' && previous !== undefined && KATAKANA.test(previous) && KATAKANA.test(segment)) run[run.length - 1] = previous + segment;
      else run.push(language === 'ko' ? koreanStem(segment) : segment);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function usableSegment(segment: string, language: TopicLanguage): boolean {
  if (HAS_ASCII_DIGIT.test(segment)) return false;
  if (/^\p{Script=Latin}/u.test(segment)) return LATIN_ACRONYM.test(segment);
  return !isStopWord(segment, language);
}

interface Gram {
  text: string;
  parts: number;
  segments: string[];
  count: number;
  /** Occurrences per field, to weigh them. */
  fieldCounts: number[];
  inHeading: boolean;
}

/** `index` mode (for library statistics) also keeps phrases said once. */
export function collectCjkCandidates(fields: readonly TextField[], language: 'zh' | 'ja' | 'ko', bag: CandidateBag, mode: 'suggest' | 'index' = 'suggest'): void {
  const texts = fields.map((field) => field.text.slice(0, MAX_FIELD_CHARS));
  const grams = new Map<string, Gram>();
  texts.forEach((text, index) => {
    const heading = fields[index]!.heading === true;
    for (const run of wordRuns(text, language)) {
      const usable = run.map((segment) => usableSegment(segment, language));
      for (let start = 0; start < run.length; start++) {
        let joined = '';
        for (let parts = 1; parts <= MAX_PARTS && start + parts <= run.length; parts++) {
          const segment = run[start + parts - 1]!;
          if (!usable[start + parts - 1]) break;
          joined += language === 'ko' && parts > 1 ? ' ' + segment : segment;
          if (joined.length > MAX_CHARS) break;
          if (joined.length < 2) continue;
          let gram = grams.get(joined);
          if (!gram) {
            gram = { text: joined, parts, segments: run.slice(start, start + parts), count: 0, fieldCounts: texts.map(() => 0), inHeading: false };
            grams.set(joined, gram);
          }
          gram.count += 1;
          gram.fieldCounts[index]! += 1;
          gram.inHeading ||= heading;
        }
      }
    }
  });

  const suffix = ENTITY_SUFFIX[language];
  // Counts come from the segmented text: the same string cut differently (衡|南县, 衡南|县) is still one gram.
  // Scanning the raw text per gram instead was quadratic on long pages.
  const add = (text: string, parts: number, fieldCounts: readonly number[], quoted: boolean, support = 0) => {
    const entity = text.length >= 3 && suffix.test(text) && !NOT_ENTITY_ENDING.test(text);
    // Pure CJK text folds to itself; only mixed text (full-width Latin, acronyms) needs the full fold.
    const key = PURE_CJK.test(text) ? text : foldKey(text);
    fieldCounts.forEach((times, index) => {
      if (times > 0) bag.add(key, text, fields[index]!, { parts, entity, quoted, support }, times);
    });
  };

  for (const gram of grams.values()) {
    if (gram.parts > 1 && gram.count < 2 && mode === 'suggest') {
      // Said once, in a heading: only a pair of dictionary words (基层|治理), judged by how often its words recur.
      if (!gram.inHeading || gram.parts > 2 || gram.segments.some((s) => s.length < 2)) continue;
      add(gram.text, gram.parts, gram.fieldCounts, false, gram.segments.reduce((sum, s) => sum + (grams.get(s)?.count ?? 0), 0));
      continue;
    }
    add(gram.text, gram.parts, gram.fieldCounts, false);
  }
  const quoted = new Set<string>();
  texts.forEach((text) => quotedPhrases(text, MAX_CHARS + 2).forEach((phrase) => quoted.add(phrase)));
  for (const phrase of quoted) {
    const existing = bag.byKey.get(foldKey(phrase));
    if (existing) existing.quoted = true;
    // A quoted phrase the segmenter never produced as a gram: count it in the raw text (few such phrases).
    else add(phrase, 1, texts.map((text) => countOccurrences(text, phrase)), true);
  }
}
