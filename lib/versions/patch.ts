/**
 * Later versions are kept as line diffs against the first version's text: unified diffs without headers or context
 * (the base is always that exact text), so a one-paragraph change costs about that paragraph.
 */
import { applyPatch, createPatch, OMIT_HEADERS } from 'diff';
import type { VersionRecord } from '../model/records';

export function patchFrom(first: string, text: string): string {
  return createPatch('article', first, text, '', '', { context: 0, headerOptions: OMIT_HEADERS });
}

/** A version's full text, given the article's first version. */
export function textOfVersion(version: Pick<VersionRecord, 'text' | 'patch'>, first: Pick<VersionRecord, 'text'>): string {
  if (version.text !== null) return version.text;
  if (first.text === null || version.patch === null) throw new Error('A version holds neither its text nor a patch against a first version.');
  const text = applyPatch(first.text, version.patch);
  if (text === false) throw new Error('A version does not apply to its article\'s first version.');
  return text;
}
