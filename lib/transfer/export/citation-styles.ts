/**
 * The citation styles Gloss ships (public/csl/, CC BY-SA 3.0, from the CSL
 * project). Only names and files here: settings, read by every content
 * script, import this list, never the citation engine.
 */
export const CITATION_STYLES = ['apa', 'chicago-author-date', 'mla', 'gbt7714-numeric', 'gbt7714-author-date'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** The CSL file of each style, under /csl/ in the extension. */
export const STYLE_FILES: Readonly<Record<CitationStyle, string>> = {
  apa: 'apa.csl',
  'chicago-author-date': 'chicago-author-date.csl',
  mla: 'modern-language-association.csl',
  'gbt7714-numeric': 'china-national-standard-gb-t-7714-2015-numeric.csl',
  'gbt7714-author-date': 'china-national-standard-gb-t-7714-2015-author-date.csl',
};

/** The locales shipped: APA, Chicago and MLA are English styles; the GB/T styles name zh-CN themselves. */
export const CSL_LOCALES = ['en-US', 'zh-CN'] as const;
export type CslLocale = (typeof CSL_LOCALES)[number];

export const localeFile = (locale: CslLocale): string => `locales-${locale}.xml`;

/** The style a user starts with: what their teachers most likely ask for in their interface language. */
export function defaultCitationStyle(uiLanguage: string): CitationStyle {
  return /^zh/i.test(uiLanguage) ? 'gbt7714-numeric' : 'apa';
}
