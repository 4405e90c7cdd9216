// Types for corpora.mjs (plain JS so the bench runs without a build).
export interface CorpusPage {
  corpus: string;
  id: string;
  half: 'tune' | 'check';
  type: string;
  bytes: Buffer;
  charset: string;
  path: string;
  url: string | null;
  truth: unknown[];
}
export const SPLIT_CORPORA: string[];
export function loadPages(options?: { only?: string[] | null; limit?: number }): CorpusPage[];
