import { askBackground } from '@/lib/messaging';
import { summaryOfTab, targetTabId } from '@/lib/tabs/active-tab';
import { AppShell } from './AppShell';
import { useI18n } from './i18n';
import { useAsync } from './useAsync';

export function SidePanelApp() {
  const { t } = useI18n();
  const [state] = useAsync(async () => {
    const summary = await summaryOfTab(await targetTabId());
    if (!summary?.urlKey) return { summary, highlights: [] };
    const { highlights } = await askBackground('annotations.forPage', { urlKey: summary.urlKey });
    return { summary, highlights: highlights.sort((a, b) => a.createdAt - b.createdAt) };
  });

  return (
    <AppShell titleKey="sidepanelTitle">
      {state.status === 'loading' && <p class="gloss-muted">{t('loading')}</p>}
      {state.status === 'error' && <p role="alert">{t('somethingWentWrong', state.error)}</p>}
      {state.status === 'ready' && state.value.highlights.length === 0 && <p class="gloss-card">{t('emptyPanel')}</p>}
      {state.status === 'ready' && state.value.highlights.length > 0 && (
        <ul class="gloss-list">
          {state.value.highlights.map((h) => (
            <li key={h.id} class="gloss-card">
              <blockquote class="gloss-quote">{h.selectors.quote.exact}</blockquote>
            </li>
          ))}
        </ul>
      )}
    </AppShell>
  );
}
