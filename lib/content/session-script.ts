/** Where the loader finds the rest of the content script (entrypoints/content-session.ts, built by WXT). */
export const SESSION_SCRIPT = '/content-session.js';
/** The global, in the content script's own world (pages cannot see it), where that script leaves its starter. */
export const SESSION_GLOBAL = '__glossStartSession';
