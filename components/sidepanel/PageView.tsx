import { useEffect, useState } from 'preact/hooks';
import type { ArticleRecord, HighlightRecord } from '@/lib/model/records';
import { inReadingOrder } from '@/lib/transfer/export/order';
import { continuedStories } from '@/lib/article/continued';
import { textFragmentUrl } from '@/lib/anchoring/text-fragment';
import { isWholePageStory } from '@/lib/model/records';
import { askBackground, askTab, frameWithSelection, userErrorText } from '@/lib/messaging';
import { scrollToHighlight } from '@/lib/tabs/frames';
import { copyArticleCitation, copyHighlightCitation } from '../citation';
import { useI18n } from '../i18n';
import { Toast, type ToastMessage } from '../Toast';
import { useColorNames } from '../useColorNames';
import { orphansLastSeen, pageData, type PageData } from '../data/queries';
import { useQuery } from '../data/useQuery';
import { StoryHeader } from '../StoryHeader';
import { ArticleCard } from './ArticleCard';
import { ArticleChanges } from './ArticleChanges';
import { ExportButton } from './ExportButton';
import { HighlightCard, type HighlightActions } from './HighlightCard';
import { HighlightTags } from './HighlightTags';
import { PageSnapshots } from './PageSnapshots';
import type { TargetPage } from './useTargetPage';

const FIRST_SCREEN = 40;

/** "This page": the page's articles, each with its highlights in reading order, then the orphans. */
export function PageView({ target }: { target: TargetPage }) {
  const { t, locale } = useI18n();
  const colorName = useColorNames();
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const urlKey = target.summary?.urlKey ?? null;
  const frameIds = [target.frameId, ...target.inlineFrames];
  const [data] = useQuery<PageData>(() => pageData(urlKey, target.tabId, frameIds), [urlKey, target.tabId, frameIds.join(',')]);
  // Orphans say when their passage was last seen on the page (the article's versions keep what it said).
  const orphanList = data.status === 'ready' ? data.value.highlights.filter((h) => h.status === 'orphan') : [];
  const [lastSeen] = useQuery(() => orphansLastSeen(orphanList), [orphanList.map((h) => h.id).join(',')]);
  // The first screenful renders at once, the rest right after, so a long list never delays the panel.
  const [shown, setShown] = useState(FIRST_SCREEN);
  useEffect(() => {
    if (data.status !== 'ready' || shown >= data.value.highlights.length) return;
    const timer = setTimeout(() => setShown(Number.POSITIVE_INFINITY), 0);
    return () => clearTimeout(timer);
  }, [data.status, shown]);
  const fail = (error: unknown) => setToast({ text: userErrorText(t, error) });
  const copied = (copy: Promise<unknown>) => void copy.then(() => setToast({ text: t('citationCopied') }), () => setToast({ text: t('citationFailed') }));
  const articleOf = (h: HighlightRecord) => (data.status === 'ready' ? data.value.articles.find((a) => a.id === h.articleId) : undefined);

  const actions: HighlightActions = {
    jump: (h) => {
      if (target.tabId != null) void scrollToHighlight(target.tabId, frameIds, h.id).catch(fail);
    },
    saveNote: (h, note) => askBackground('highlight.update', { id: h.id, patch: { note } }).then(() => undefined, fail),
    saveTags: (h, tags) => askBackground('highlight.update', { id: h.id, patch: { tags } }).then(() => undefined, fail),
    remove: (h) => {
      void askBackground('highlight.delete', { id: h.id }).then((deleted) => {
        if (!deleted) return;
        setToast({
          text: t('deleted'),
          action: { label: t('undo'), run: () => void askBackground('highlight.restore', { highlight: deleted }).catch(fail) },
        });
      }, fail);
    },
    copyCitation: (h) => {
      const article = articleOf(h);
      if (article) copied(copyHighlightCitation(h, article, locale));
    },
    reattach: (h) => {
      if (target.tabId == null) return;
      const tabId = target.tabId;
      void frameWithSelection(tabId, frameIds).then((frameId) => askTab(tabId, 'content.reattach', { highlightId: h.id }, frameId)).then(
        (result) => setToast({ text: result.ok ? t('reattached') : t('reattachNeedsSelection') }),
        fail,
      );
    },
  };

  if (data.status === 'loading') return <p class="gloss-muted">{t('loading')}</p>;
  if (data.status === 'error') return <p role="alert">{userErrorText(t, data.error)}</p>;
  const { articles, highlights, otherParts } = data.value;
  const partsById = new Map(otherParts.map((a) => [a.id, a]));
  // A highlight on another page of a continued story opens that page at its passage.
  const partActions: HighlightActions = {
    ...actions,
    jump: (h) => {
      const part = partsById.get(h.articleId);
      if (part) window.open(textFragmentUrl(part.url, h.selectors.quote), '_blank', 'noopener');
      else actions.jump(h);
    },
  };
  const card = (h: HighlightRecord, place?: string) => (
    <li key={h.id}>
      <HighlightCard
        highlight={h}
        colorName={colorName(h.color)}
        place={place}
        lastSeenAt={lastSeen.status === 'ready' ? lastSeen.value.get(h.id) : undefined}
        actions={partActions}
        renderTags={(x) => <HighlightTags highlight={x} onChange={(tags) => actions.saveTags(x, tags)} />}
      />
    </li>
  );
  const { orphans } = inReadingOrder(highlights);
  // Highlights outside every detected story belong to the page as a whole (story key 'page').
  const stories = articles.filter((a) => !isWholePageStory(a.storyKey));
  const storyLabel = (article: ArticleRecord) =>
    isWholePageStory(article.storyKey)
      ? t('outsideStories')
      : stories.length > 1
        ? t('storyLabel', stories.indexOf(article) + 1, stories.length)
        : undefined;
  let budget = shown;
  const take = <T,>(list: T[]): T[] => {
    const part = list.slice(0, Math.max(0, budget));
    budget -= part.length;
    return part;
  };

  return (
    <div class="page-view">
      {(target.summary?.closedFrames ?? 0) > 0 && <p class="gloss-muted closed-frames" role="note">{t('closedFrames', target.summary!.closedFrames)}</p>}
      {highlights.length > 0 && (
        <div class="view-actions">
          <ExportButton currentArticleIds={[...articles, ...otherParts].map((a) => a.id)} tagNames={[...new Set(highlights.flatMap((h) => h.tags))]} />
        </div>
      )}
      {articles.length === 0 && (
        <>
          {(target.summary?.stories.length ?? 0) > 0 && (
            <section class="gloss-card detected" aria-label={t('detectedHeading')}>
              <h3 class="section-heading">{t('detectedHeading')}</h3>
              {target.summary!.stories.map((story) => <StoryHeader key={story.storyKey} story={story} />)}
            </section>
          )}
          {target.summary?.pageKind === 'none' && <p class="gloss-muted">{t('noArticleDetected')}</p>}
          <p class="gloss-card empty-state">{t('emptyPanel')}</p>
        </>
      )}
      {continuedStories([...articles, ...otherParts]).filter((group) => group.some((a) => !partsById.has(a.id))).map((group) => {
        // A continued story: its parts on this page and others, their highlights together in reading order.
        const article = group.find((a) => !partsById.has(a.id))!;
        const partOf = new Map(group.map((a, i) => [a.id, i]));
        const own = inReadingOrder(highlights.filter((h) => partOf.has(h.articleId)), (h) => partOf.get(h.articleId)!).anchored;
        const pages = group.map((a) => a.page).filter((page): page is string => !!page);
        const place = (h: HighlightRecord) => {
          const part = group[partOf.get(h.articleId)!]!;
          return group.length > 1 && part.page ? t('pageLabel', part.page) : undefined;
        };
        return (
          <section class="article-section" key={article.id}>
            <ArticleCard
              article={article}
              label={storyLabel(article)}
              onCorrect={(correction) => askBackground('article.correct', { id: article.id, correction }).then(() => undefined)}
              onCopyCitation={() => copied(copyArticleCitation(article, locale))}
            />
            {group.length > 1 && pages.length > 0 && <p class="gloss-muted continued-story">{t('continuedStory', pages.join(', '))}</p>}
            <ArticleChanges articleId={article.id} />
            <h3 class="section-heading">{t('highlightsHeading', own.length)}</h3>
            <ul class="gloss-list highlight-list">{take(own).map((h) => card(h, place(h)))}</ul>
          </section>
        );
      })}
      {orphans.length > 0 && (
        <section class="orphans" aria-labelledby="orphans-heading">
          <h3 class="section-heading" id="orphans-heading">{t('orphansHeading', orphans.length)}</h3>
          <p class="gloss-muted">{t('orphanExplain')}</p>
          <ul class="gloss-list highlight-list">{take(orphans).map((h) => card(h))}</ul>
        </section>
      )}
      {articles.length > 0 && target.frameId === 0 && <PageSnapshots tabId={target.tabId} article={articles[0]!} onMessage={(text) => setToast({ text })} />}
      <Toast toast={toast} onClose={() => setToast(null)} />
    </div>
  );
}
