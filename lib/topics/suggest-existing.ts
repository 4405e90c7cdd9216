/** Which of the user's existing tags fit a text: they are offered before new terms. */
import type { Candidate, TextField } from './candidates';
import type { TopicLanguage } from './language';
import { pluralStem } from '../text/stem';
import { foldTagName, tagLeaf } from '../tags/tag-names';

export interface TagFit {
  name: string;
  nameKey: string;
  occurrences: number;
  score: number;
  /** Candidate keys this tag stands for, so the same term is not suggested twice. */
  candidateKeys: string[];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const foldText = (text: string): string => text.normalize('NFKC').toUpperCase().toLowerCase();

function stemKey(leaf: string): string {
  return leaf.split(/\s+/u).filter(Boolean).map(pluralStem).join(' ');
}

/** Counts a tag's leaf in the text: as a substring for CJK, as whole words (plurals folded) for others. */
function countIn(fieldsFolded: readonly string[], leafFolded: string, latin: boolean): number[] {
  if (!latin) return fieldsFolded.map((text) => text.split(leafFolded).length - 1);
  const words = leafFolded.split(/\s+/u).map((word) => `${escapeRegExp(word)}(?:s|es|'s|’s)?`).join('\\s+');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'gu');
  return fieldsFolded.map((text) => text.match(pattern)?.length ?? 0);
}

export function fittingTags(tagNames: readonly string[], fields: readonly TextField[], candidates: readonly Candidate[], language: TopicLanguage): TagFit[] {
  if (tagNames.length === 0) return [];
  const folded = fields.map((f) => foldText(f.text));
  const candidateKeys = new Set(candidates.map((c) => c.key));
  const fits: TagFit[] = [];
  const seen = new Set<string>();
  for (const name of tagNames) {
    const nameKey = foldTagName(name);
    if (seen.has(nameKey)) continue;
    seen.add(nameKey);
    const leaf = foldTagName(tagLeaf(name));
    if ([...leaf].length < 2) continue;
    const latin = !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(leaf);
    const counts = countIn(folded, leaf, latin);
    const occurrences = counts.reduce((a, b) => a + b, 0);
    if (occurrences === 0) continue;
    const score = counts.reduce((sum, count, i) => sum + count * fields[i]!.weight, 0);
    const keys = [leaf, latin ? stemKey(leaf) : leaf].filter((key) => candidateKeys.has(key));
    fits.push({ name, nameKey, occurrences, score, candidateKeys: language === 'en' || !latin ? keys : [] });
  }
  return fits.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}
