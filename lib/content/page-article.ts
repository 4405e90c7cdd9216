/**
 * What the content script records about the page's article with a highlight.
 * The whole page as one story, for pages where detection finds none and text outside every story.
 */
import type { ArticleDescription } from '@/lib/messaging';
import { MAX_CLIPPED_TEXT } from '@/lib/model/limits';


export function pageArticle(doc: Document): ArticleDescription {
  const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
  return {
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
