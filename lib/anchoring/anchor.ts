/** Finds stored selectors in a live page: any number of highlights against one text walk. */
import type { AnchorStatus, TextPositionSelector, TextQuoteSelector } from '@/lib/model/records';
import { matchQuote, SearchableText, type MatchOptions } from './quote-match';
import { buildTextIndex, rangeOfOffsets, type TextIndex } from './text-index';

export interface Selectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector | null;
}

/** A pass always decides: a status other than 'unknown'. */
export type AnchorStatusResult = Exclude<AnchorStatus, 'unknown'>;

export interface AnchorResult {
  status: AnchorStatusResult;
  range: Range | null;
  /** The text now at the anchor (differs from the quote when fuzzy). */
  text: string | null;
  /** Text offsets of the anchor in the root's text. */
  start: number | null;
  end: number | null;
  score: number;
}

const ORPHAN: AnchorResult = { status: 'orphan', range: null, text: null, start: null, end: null, score: 0 };

/** A root's text, walked once, ready to anchor any number of highlights. */
export class Anchorer {
  readonly index: TextIndex;
  private readonly searchable: SearchableText;
  constructor(root: Node, private readonly options: MatchOptions = {}) {
    this.index = buildTextIndex(root);
    this.searchable = new SearchableText(this.index.text);
  }

  anchor(selectors: Selectors): AnchorResult {
    const quote = selectors?.quote;
    if (!quote || typeof quote.exact !== 'string' || !quote.exact) return ORPHAN;
    const match = matchQuote(
      this.searchable,
      { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '', start: selectors.position?.start ?? null },
      this.options,
    );
    if (!match) return ORPHAN;
    const range = rangeOfOffsets(this.index, match.start, match.end);
    if (!range) return ORPHAN;
    return {
      status: match.kind === 'exact' ? 'anchored' : 'anchored-fuzzy',
      range,
      text: this.index.text.slice(match.start, match.end),
      start: match.start,
      end: match.end,
      score: match.score,
    };
  }
}
