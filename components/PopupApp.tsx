import { useEffect, useState } from 'preact/hooks';
import { copyText, downloadText } from '@/lib/transfer/export/download';
import type { MessageKey } from '@/lib/i18n';
import { askTab, userErrorText, type HighlightSelectionResult } from '@/lib/messaging';
import { frameSummaries, pagesOfFrames, selectionFrame } from '@/lib/tabs/frames';
import { isSiteDisabled, loadSettings, saveSettings, withSiteEnabled, type Settings } from '@/lib/settings';
import { summaryOfTab, targetTabId } from '@/lib/tabs/active-tab';
import { openSidePanel } from '@/lib/tabs/side-panel';
import { AppShell } from './AppShell';
import { StoryHeader } from './StoryHeader';
import { useI18n } from './i18n';
import { useQuery } from './data/useQuery';
import { pageMarkdown } from './page-markdown';
import { pageData } from './data/queries';
import { copyPageCitations } from './citation';

/** The page at a glance: what Gloss detected, how many highlights, and quick actions. */
/** What the popup says when the page could not highlight the selection. */
const POPUP_REASONS: Record<Extract<HighlightSelectionResult, { ok: false }>['reason'], MessageKey> = {
  'no-selection': 'noSelection',
  'not-annotatable': 'noSelection',
  'spans-articles': 'hlSpansArticles',
  unreadable: 'selectionUnreadable',
  'not-saved': 'hlNotSaved',
};

export function PopupApp() {
  const { t, locale } = useI18n();
  const [state, reload] = useQuery(async () => {
    const tabId = await targetTabId();
    // The stories of the tab's frames with an address of their own (an e-paper's story frames), below the page's.
    const [summary, frames] = await Promise.all([summaryOfTab(tabId), tabId == null ? [] : frameSummaries(tabId)]);
    return { tabId, summary, framePages: pagesOfFrames(frames).framePages };
  }, []);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => void loadSettings().then(setSettings), []);
  const report = (error: unknown) => setStatus(userErrorText(t, error));

  if (state.status === 'loading') return <AppShell titleKey="popupTitle"><p class="gloss-muted">{t('loading')}</p></AppShell>;
  if (state.status === 'error') return <AppShell titleKey="popupTitle"><p role="alert">{userErrorText(t, state.error)}</p></AppShell>;
  const { tabId, summary, framePages } = state.value;
  const host = summary ? new URL(summary.url).hostname : null;
  const siteOn = !(settings && host && isSiteDisabled(settings, host));

  const highlight = async () => {
    try {
      const result = await askTab(tabId!, 'content.highlightSelection', {}, await selectionFrame(tabId!));
      // Nothing selected where Gloss runs: the selection may be in a frame it cannot enter.
      const inClosedFrame = !result.ok && result.reason === 'no-selection' && (summary?.closedFrames ?? 0) > 0;
      setStatus(t(result.ok ? 'highlightSaved' : inClosedFrame ? 'selectionInClosedFrame' : POPUP_REASONS[result.reason]));
      reload();
    } catch (error) {
      report(error);
    }
  };
  const withMarkdown = (use: (md: { markdown: string; title: string }) => unknown, done: string) => async () => {
    try {
      const md = summary?.urlKey ? await pageMarkdown(summary.urlKey, t, locale) : null;
      if (!md) return setStatus(t('emptyPanel'));
      await use(md);
      setStatus(done);
    } catch (error) {
      report(error);
    }
  };
  const copyCitations = async () => {
    try {
      const { articles } = await pageData(summary?.urlKey ?? null);
      if (!articles.length) return setStatus(t('emptyPanel'));
      await copyPageCitations(articles, locale);
      setStatus(t('citationCopied'));
    } catch {
      setStatus(t('citationFailed'));
    }
  };
  const toggleSite = async (enabled: boolean) => {
    if (!settings || !host) return;
    const next = await saveSettings({ disabledSites: withSiteEnabled(settings, host, enabled) });
    setSettings(next);
    setStatus(enabled ? t('glossOnReload') : t('glossOffReload'));
  };

  return (
    <AppShell titleKey="popupTitle">
      {!summary ? (
        <p class="gloss-card">{t('pageNotReachable')}</p>
      ) : (
        <>
          <section class="gloss-card page-summary" aria-label={t('popupTitle')}>
            {summary.stories.length === 0 && <strong class="page-title">{summary.title}</strong>}
            {summary.stories.length === 1 && <StoryHeader story={summary.stories[0]!} />}
            {summary.stories.length > 1 && (
              <>
                <strong class="page-title">{t('storiesCount', summary.stories.length)}</strong>
                <ul class="story-list">
                  {summary.stories.map((story) => <li key={story.storyKey}>{story.title}</li>)}
                </ul>
              </>
            )}
            {summary.pageKind === 'none' && !framePages.length && <p class="gloss-muted no-article">{t('noArticleDetected')}</p>}
            <p class="gloss-muted highlight-count">{t('highlightCount', summary.highlightCount)}</p>
            {framePages.length > 0 && (
              <>
                <h3 class="section-heading">{t('framesStoriesHeading')}</h3>
                <ul class="story-list frame-stories">
                  {framePages.flatMap((page) =>
                    page.summary.stories.length
                      ? page.summary.stories.map((story) => <li key={`${page.frameId}:${story.storyKey}`}>{story.title}</li>)
                      : [<li key={page.frameId}>{page.summary.title || page.summary.url}</li>],
                  )}
                </ul>
              </>
            )}
          </section>
          <div class="gloss-actions popup-actions">
            <button class="primary" onClick={highlight} disabled={!siteOn}>{t('highlightSelection')}</button>
            <button onClick={() => void openSidePanel().then(() => window.close(), report)}>{t('openSidePanel')}</button>
            <button onClick={withMarkdown(({ markdown }) => copyText(markdown), t('copied'))}>{t('copyMarkdown')}</button>
            <button class="copy-citation" onClick={() => void copyCitations()}>{t('copyCitation')}</button>
            <button onClick={withMarkdown(({ markdown, title }) => downloadText(markdown, `${title}.md`, 'text/markdown;charset=utf-8'), t('saved'))}>
              {t('exportArticle')}
            </button>
          </div>
          {host && settings && (
            <label class="site-switch">
              <input type="checkbox" checked={siteOn} onChange={(e) => void toggleSite((e.target as HTMLInputElement).checked)} />
              {t('glossOnSite', host.replace(/^www\./, ''))}
            </label>
          )}
        </>
      )}
      <p class="gloss-status" role="status">{status}</p>
    </AppShell>
  );
}
