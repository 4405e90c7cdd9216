/** Which tokenizer a text needs: CJK scripts go through Intl.Segmenter's dictionaries. */

export type TopicLanguage = 'zh' | 'ja' | 'ko' | 'en';

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const LATIN = /\p{Script=Latin}/gu;

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * The declared language when it is one we know (`zh-CN` → zh), else a guess from
 * the scripts of a sample: kana means Japanese, Hangul Korean, Han Chinese.
 * Languages we have no lists for fall back to the English (space-separated) path.
 */
export function detectTopicLanguage(text: string, declared?: string | null): TopicLanguage {
  const tag = declared?.toLowerCase().split(/[-_]/)[0];
  if (tag === 'zh' || tag === 'ja' || tag === 'ko' || tag === 'en') return tag;
  const sample = text.slice(0, 2000);
  const kana = countMatches(sample, KANA);
  const hangul = countMatches(sample, HANGUL);
  const han = countMatches(sample, HAN);
  const latin = countMatches(sample, LATIN);
  if (kana > 0 && kana * 10 >= han) return 'ja';
  if (hangul > han && hangul > latin / 4) return 'ko';
  if (han > latin / 4) return 'zh';
  return 'en';
}

const segmenters = new Map<TopicLanguage, Intl.Segmenter>();

/** One Segmenter per language: building one loads ICU data, which costs more than segmenting an article. */
export function wordSegmenter(language: TopicLanguage): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}
