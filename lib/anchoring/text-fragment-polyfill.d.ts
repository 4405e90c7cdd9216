// Types for the part of text-fragments-polyfill 6.7.0 that Gloss uses (the package ships none).
declare module 'text-fragments-polyfill/dist/fragment-generation-utils.js' {
  export function isValidRangeForFragmentGeneration(range: Range): boolean;
  /** Exported for the package's tests; pinned to 6.7.0, where these move a range's edges into text nodes and grow it to whole words, in place. */
  export const forTesting: {
    moveRangeEdgesToTextNodes(range: Range): void;
    expandRangeStartToWordBound(range: Range): void;
    expandRangeEndToWordBound(range: Range): void;
  };
}

declare module 'text-fragments-polyfill/text-fragment-utils' {
  export interface TextFragment {
    textStart: string;
    textEnd?: string;
    prefix?: string;
    suffix?: string;
  }
  /** The ranges a text directive matches: the first two at most. */
  export function processTextFragmentDirective(fragment: TextFragment, doc?: Document, root?: Node): Range[];
}
