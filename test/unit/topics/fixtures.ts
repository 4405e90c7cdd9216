import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';

/** ../shared next to the repository: read at test time, never copied. */
export const SHARED = resolve(__dirname, '../../../../shared');

export interface ExpectedArticle {
  title: string;
  kicker: string | null;
  subtitle: string | null;
  paragraphs: string[];
}

export function newsZhArticles(fixture: string): ExpectedArticle[] {
  return JSON.parse(readFileSync(resolve(SHARED, 'fixtures/news-zh', `${fixture}.expected.json`), 'utf8')).articles;
}

export function englishBodies(): Record<string, { articleBody: string; url: string }> {
  return JSON.parse(readFileSync(resolve(SHARED, 'corpus/scrapinghub-dev/ground-truth.json'), 'utf8'));
}

/** The page's <title>, from the gzipped HTML next to the ground truth. */
export function englishTitle(id: string): string {
  const html = gunzipSync(readFileSync(resolve(SHARED, 'corpus/scrapinghub-dev/html', `${id}.html.gz`))).toString('utf8');
  return /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? '';
}
