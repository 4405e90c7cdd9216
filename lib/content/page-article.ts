/**
 * What the content script records about the page's article with a highlight.
 * Until structure detection (lib/article) lands this is the whole page as one story.
 */
import type { ArticleInput } from '@/lib/messaging';
import { pageAddressOf, resolveAddress } from '@/lib/url/normalize';

const MAX_CLIPPED_TEXT = 1_000_000;

export function pageArticle(doc: Document): ArticleInput | null {
  const address = resolveAddress(pageAddressOf(doc));
  if (!address) return null;
  const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
  return {
    url: address.url,
    urlKey: address.key,
    storyKey: '0',
    title: (meta('meta[property="og:title"]') ?? doc.title ?? '').trim().slice(0, 2000),
    kicker: null,
    subtitle: null,
    authors: [],
    editors: [],
    siteName: meta('meta[property="og:site_name"]'),
    section: meta('meta[property="article:section"]'),
    publishedDate: meta('meta[property="article:published_time"]'),
    lang: doc.documentElement.lang || null,
    text: (doc.body?.innerText ?? '').slice(0, MAX_CLIPPED_TEXT),
  };
}
