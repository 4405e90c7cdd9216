import { useState } from 'preact/hooks';
import { askTab } from '@/lib/messaging';
import { summaryOfTab, targetTabId } from '@/lib/tabs/active-tab';
import { openSidePanel } from '@/lib/tabs/side-panel';
import { AppShell } from './AppShell';
import { useI18n } from './i18n';
import { useAsync } from './useAsync';

export function PopupApp() {
  const { t } = useI18n();
  const [state, reload] = useAsync(async () => {
    const tabId = await targetTabId();
    return { tabId, summary: await summaryOfTab(tabId) };
  });
  const [status, setStatus] = useState('');

  const highlight = async (tabId: number) => {
    try {
      const result = await askTab(tabId, 'content.highlightSelection', {});
      setStatus(result.ok ? t('highlightSaved') : t('noSelection'));
      reload();
    } catch (error) {
      setStatus(t('somethingWentWrong', error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <AppShell titleKey="popupTitle">
      {state.status === 'loading' && <p class="gloss-muted">{t('loading')}</p>}
      {state.status === 'error' && <p role="alert">{t('somethingWentWrong', state.error)}</p>}
      {state.status === 'ready' && !state.value.summary && <p class="gloss-card">{t('pageNotReachable')}</p>}
      {state.status === 'ready' && state.value.summary && (
        <>
          <section class="gloss-card" aria-label={t('popupTitle')}>
            <strong class="page-title">{state.value.summary.title}</strong>
            <p class="gloss-muted highlight-count">{t('highlightCount', state.value.summary.highlightCount)}</p>
          </section>
          <div class="gloss-actions">
            <button class="primary" onClick={() => highlight(state.value.tabId!)}>{t('highlightSelection')}</button>
            <button onClick={() => void openSidePanel().then(() => window.close(), (e: Error) => setStatus(e.message))}>
              {t('openSidePanel')}
            </button>
          </div>
          <p class="gloss-status" role="status">{status}</p>
        </>
      )}
    </AppShell>
  );
}
