export { Anchorer, type AnchorResult, type AnchorStatusResult, type Selectors } from './anchor';
export { describe, describeOffsets, trimOffsets, CONTEXT_LENGTH, type Description } from './describe';
export { matchQuote, similarity, SearchableText, type MatchOptions, type QuoteTarget, type TextMatch } from './quote-match';
export { buildTextIndex, flatChildren, offsetsOfRange, rangeOfOffsets, GLOSS_UI_ATTRIBUTE, type TextIndex } from './text-index';
export { textDirective, fragmentDirective, textFragmentUrl, encodeTextDirectiveTerm } from './text-fragment';
export { fragmentOfRange } from './fragment-of-range';
