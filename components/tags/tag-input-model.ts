/**
 * What the tag input does with typed text, as pure functions (tested without
 * a DOM): split on commas, validate, prefer the spelling of a known tag, keep
 * one copy per folded name, stay under the per-item limit.
 */
import { rankTagsForInput, type RankedTag, type TagUsage } from '@/lib/db/tags-ranking';
import { checkTagName, foldTagName, TAG_SEPARATORS, type TagNameProblem } from '@/lib/tags/tag-names';
import { TAGS_PER_ITEM_MAX } from '@/lib/model/limits';

export type TagInputProblem = TagNameProblem | 'too-many';

export interface CommitResult {
  tags: string[];
  added: string[];
  /** The first problem met, if any; valid names are still added. */
  problem: TagInputProblem | null;
}

/** A known tag's spelling wins: typing `ｃｈｉｎａ` adds the existing `China`. */
export function resolveTagName(name: string, known: readonly Pick<TagUsage, 'name' | 'nameKey'>[]): string {
  const key = foldTagName(name);
  return known.find((tag) => tag.nameKey === key)?.name ?? name;
}

/** Adds each name (already split) to the current tags. */
export function addTagNames(
  current: readonly string[],
  rawNames: readonly string[],
  known: readonly Pick<TagUsage, 'name' | 'nameKey'>[] = [],
  max = TAGS_PER_ITEM_MAX,
): CommitResult {
  const tags = [...current];
  const keys = new Set(tags.map(foldTagName));
  const added: string[] = [];
  let problem: TagInputProblem | null = null;
  for (const raw of rawNames) {
    const check = checkTagName(raw);
    if (!check.ok) {
      problem ??= check.problem;
      continue;
    }
    if (keys.has(check.nameKey)) continue;
    if (tags.length >= max) {
      problem ??= 'too-many';
      break;
    }
    const name = resolveTagName(check.name, known);
    tags.push(name);
    keys.add(check.nameKey);
    added.push(name);
  }
  return { tags, added, problem };
}

/**
 * Splits typed or pasted text at separators. Everything before the last
 * separator is complete; the rest stays in the field. `force` (Enter, blur)
 * completes the rest too.
 */
export function splitTyped(text: string, force: boolean): { complete: string[]; rest: string } {
  const parts = text.split(TAG_SEPARATORS);
  const rest = force ? '' : (parts.pop() ?? '');
  return { complete: parts.map((p) => p.trim()).filter(Boolean), rest };
}

export type TagOption = { kind: 'tag'; tag: RankedTag } | { kind: 'create'; name: string };

/** The listbox: ranked known tags, then `Create “…”` when the text is a new valid name. */
export function tagOptions(typed: string, known: readonly TagUsage[], selected: readonly string[], now?: number, limit = 8): TagOption[] {
  const options: TagOption[] = rankTagsForInput(known, typed, { exclude: selected, limit, now }).map((tag) => ({ kind: 'tag', tag }));
  const check = checkTagName(typed);
  if (check.ok) {
    const exists = known.some((tag) => tag.nameKey === check.nameKey) || selected.some((name) => foldTagName(name) === check.nameKey);
    if (!exists) options.push({ kind: 'create', name: check.name });
  }
  return options;
}

/** Moves the active option with wrap-around; -1 means none. */
export function moveActive(active: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (active < 0) return step === 1 ? 0 : count - 1;
  return (active + step + count) % count;
}
