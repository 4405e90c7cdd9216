/** Versions of an article: the texts Gloss saw on visits, kept compactly, and a word diff between two of them. */
export { normalizeArticleText, seenText, sha256Hex, type SeenText } from './text';
export { patchFrom, textOfVersion } from './patch';
export { firstOf, firstVersion, latestOf, overflow, visitChanges, type VersionChanges, type Visit } from './history';
export { changed, compactDiff, wordDiff, wordsOf, type DiffPart } from './word-diff';
