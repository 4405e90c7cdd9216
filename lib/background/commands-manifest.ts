/** The keyboard command's manifest entry (read by wxt.config.ts, so no browser imports here). */
export const HIGHLIGHT_COMMAND = 'highlight-selection';

export const HIGHLIGHT_COMMAND_MANIFEST = {
  [HIGHLIGHT_COMMAND]: { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_highlightSelection__' },
};
