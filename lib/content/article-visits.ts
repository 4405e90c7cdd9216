/**
 * Tells the background what the page's stored articles say now, once per page once its content settled, so it can
 * keep a new version when an article changed since it was clipped (lib/versions). Only articles Gloss already
 * stores, found again by detection; text outside every story is not compared (it holds the page's ads and menus).
 */
import type { ArticleRecord } from '@/lib/model/records';
import { isWholePageStory } from '@/lib/model/records';
import type { PageArticle } from './articles';
import type { AddressClaims } from './page-address';
import type { BackgroundProtocol, RequestOf } from '@/lib/messaging';

export async function reportArticleVisits(
  send: (request: RequestOf<BackgroundProtocol, 'article.seen'>) => Promise<unknown>,
  address: AddressClaims,
  stored: readonly ArticleRecord[],
  onPage: readonly PageArticle[],
): Promise<void> {
  for (const article of stored) {
    if (isWholePageStory(article.storyKey)) continue;
    const found = onPage.find((candidate) => candidate.storyKey === article.storyKey);
    if (!found) continue;
    const { text } = found.describe();
    await send({ address, storyKey: article.storyKey, text, modifiedDate: found.modifiedDate })
      .catch((error: unknown) => console.debug('Gloss: could not report the article\'s text', error));
  }
}
