import { askBackground } from '@/lib/messaging';
import { AppShell } from './AppShell';
import { useI18n } from './i18n';
import { useAsync } from './useAsync';

export function OptionsApp() {
  const { t, intl } = useI18n();
  const [stats] = useAsync(() => askBackground('stats.get', null));
  const n = (value: number) => new Intl.NumberFormat(intl).format(value);
  return (
    <AppShell titleKey="optionsTitle">
      {stats.status === 'loading' && <p class="gloss-muted">{t('loading')}</p>}
      {stats.status === 'error' && <p role="alert">{t('somethingWentWrong', stats.error)}</p>}
      {stats.status === 'ready' && (
        <p class="gloss-card storage-summary">
          {t('storageSummary', n(stats.value.articles), n(stats.value.highlights), n(stats.value.tags))}
        </p>
      )}
    </AppShell>
  );
}
