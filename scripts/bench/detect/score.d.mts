// Types of score.mjs, for the unit tests (the scripts are plain JavaScript).
export interface Prf { precision: number; recall: number; f1: number }
export interface SnippetScore { tp: number; fn: number; fp: number; tn: number; pass: boolean; f1: number }
export interface SnippetTotals {
  tp: number; fn: number; fp: number; tn: number;
  precision: number | null; recall: number | null; f1: number | null; accuracy: number | null; passRate: number | null;
}
export interface StoryTruth {
  title: string | null; author: string | null; date: string | null; site: string | null; body: string | null;
  snippets: { with: string[]; without: string[] } | null;
}
export interface StoryOutput { title: string | null; author: string | null; date: string | null; site: string | null; text: string }
export interface CellScore {
  title: boolean | null; author: boolean | null; date: boolean | null; site: boolean | null; body: Prf | null; snippets: SnippetScore | null;
}

export function normalize(text: unknown): string;
export function isCjkText(text: string): boolean;
export function tokens(text: string, cjk: boolean): string[];
export function prf(got: string, want: string): Prf | null;
export function withoutSiteName(title: string): string;
export function titleMatches(got: string | null | undefined, want: string | null | undefined): boolean | null;
export function authorMatches(got: string | null | undefined, want: string | null | undefined): boolean | null;
export function dateOnly(value: unknown): string | null;
export function dateMatches(got: string | null | undefined, want: string | null | undefined): boolean | null;
export function htmlToText(html: string): string;
export function quantile(values: number[], q: number): number | null;
export function mean(values: number[]): number | null;
export function median(values: number[]): number | null;
export function snippetNormalize(text: unknown): string;
export function scoreSnippets(text: string, withSnippets: string[], withoutSnippets: string[]): SnippetScore;
export function snippetTotals(pages: SnippetScore[]): SnippetTotals;
export function siteMatches(got: string | null | undefined, want: string | null | undefined): boolean | null;
export function scorePage(
  truths: StoryTruth[],
  outputs: Record<string, StoryOutput[]>,
): { rows: Record<string, CellScore>[]; f1: Record<string, number | null> };
