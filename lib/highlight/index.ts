export { colorOf, DEFAULT_COLOR_ID, HIGHLIGHT_COLORS, highlightName, type HighlightColor } from './colors';
export { highlightsAtPoint } from './hit-test';
export { installPageStyles, pageIsDark, pageStylesheet, FALLBACK_MARK_TAG } from './page-styles';
export { createPainter, type Painted, type Painter } from './painter';
