/** Limits shared by the UI, the background's validation and the tag operations. */

/** Longest tag name, in UTF-16 code units, after cleaning. */
export const TAG_NAME_MAX_LENGTH = 200;
/** Most tags one highlight or article carries. */
export const TAGS_PER_ITEM_MAX = 100;
/** Most characters of an article's text kept as clipped (the proof of what the page said). */
export const MAX_CLIPPED_TEXT = 1_000_000;
/** Most characters of an article's text a visit reports for comparison with its stored versions. */
export const MAX_SEEN_TEXT = MAX_CLIPPED_TEXT;
/** Versions kept per article besides the first: the newest ones (the first is always kept). */
export const MAX_LATER_VERSIONS = 10;
