/** Limits shared by the UI, the background's validation and the tag operations. */

/** Longest tag name, in UTF-16 code units, after cleaning. */
export const TAG_NAME_MAX_LENGTH = 200;
/** Most tags one highlight or article carries. */
export const TAGS_PER_ITEM_MAX = 100;
