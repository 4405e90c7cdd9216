import { loadBundles } from '@/lib/transfer/export/source';
import { toMarkdown } from '@/lib/transfer/export/markdown';
import { HIGHLIGHT_COLORS } from '@/lib/highlight/colors';
import type { Translate } from '@/lib/i18n';
import { loadSettings } from '@/lib/settings';
import { currentCiter } from './citation';
import { db } from './data/db';
import { articleIdsOfPage } from './data/queries';

/** This page's notes as Markdown, with the user's colour names and template. Null when the page has no highlights. */
export async function pageMarkdown(urlKey: string, t: Translate, uiLocale = 'en'): Promise<{ markdown: string; title: string } | null> {
  const ids = await articleIdsOfPage(urlKey);
  const bundles = (await loadBundles(db, { kind: 'articles', ids })).filter((b) => b.highlights.length > 0);
  if (bundles.length === 0) return null;
  const settings = await loadSettings();
  const colorNames = Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c.id, settings.colorNames[c.id]?.trim() || t(c.nameKey)]));
  // The citation line in the chosen CSL style; the built-in line should the style not load.
  const citer = await currentCiter(uiLocale).catch(() => null);
  const cite = citer ? (article: (typeof bundles)[number]['article']) => citer.cite(article).markdown : undefined;
  return {
    markdown: toMarkdown(bundles, { colorNames, template: settings.markdownTemplate ?? undefined, cite }),
    title: bundles[0]!.article.title,
  };
}
