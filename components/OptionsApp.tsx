import { useEffect, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS } from '@/lib/highlight/colors';
import { userErrorText } from '@/lib/messaging';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, siteKey, type Settings } from '@/lib/settings';
import { EXPORT_FORMATS } from '@/lib/transfer/export/formats';
import { CITATION_STYLES, defaultCitationStyle, type CitationStyle } from '@/lib/transfer/export/citation-styles';
import type { MessageKey } from '@/lib/i18n';
import { refreshAllTabs } from '@/lib/tabs/broadcast';
import { AppShell } from './AppShell';
import { db } from './data/db';
import { BackupPanel, databaseActions, EXPORT_FORMAT_LABELS } from './export';
import { ColorDot } from './ColorDot';
import { useI18n } from './i18n';
import { storageStats } from './data/queries';
import { useQuery } from './data/useQuery';

const CITATION_STYLE_LABELS: Record<CitationStyle, MessageKey> = {
  apa: 'citationStyleApa',
  'chicago-author-date': 'citationStyleChicago',
  mla: 'citationStyleMla',
  'gbt7714-numeric': 'citationStyleGbtNumeric',
  'gbt7714-author-date': 'citationStyleGbtAuthorDate',
};

const SITE = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

export function OptionsApp() {
  const { t, locale } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => void loadSettings().then(setSettings), []);
  const update = async (patch: Partial<Settings>) => {
    setSettings(await saveSettings(patch));
    setStatus(t('settingsSaved'));
  };

  return (
    <AppShell titleKey="optionsTitle">
      {settings == null ? (
        <p class="gloss-muted">{t('loading')}</p>
      ) : (
        <div class="options">
          <ColorsSection settings={settings} update={update} />
          <SitesSection settings={settings} update={update} />
          <section class="gloss-card">
            <h2>{t('languageHeading')}</h2>
            <select aria-label={t('languageHeading')} value={settings.language} onChange={(e) => void update({ language: (e.target as HTMLSelectElement).value as Settings['language'] })}>
              <option value="auto">{t('langAuto')}</option>
              <option value="en" lang="en">English</option>
              <option value="zh_CN" lang="zh-CN">简体中文</option>
            </select>
          </section>
          <section class="gloss-card">
            <h2>{t('exportHeading')}</h2>
            <label class="field">
              <span>{t('exportFormatLabel')}</span>
              <select value={settings.exportFormat} onChange={(e) => void update({ exportFormat: (e.target as HTMLSelectElement).value as Settings['exportFormat'] })}>
                {EXPORT_FORMATS.map((format) => <option key={format} value={format}>{t(EXPORT_FORMAT_LABELS[format])}</option>)}
              </select>
            </label>
            <label class="field">
              <span>{t('optionsCitationStyle')}</span>
              <select
                class="citation-style"
                aria-describedby="citation-style-help"
                value={settings.citationStyle === 'auto' ? defaultCitationStyle(locale) : settings.citationStyle}
                onChange={(e) => void update({ citationStyle: (e.target as HTMLSelectElement).value as CitationStyle })}
              >
                {CITATION_STYLES.map((style) => <option key={style} value={style}>{t(CITATION_STYLE_LABELS[style])}</option>)}
              </select>
            </label>
            <p class="gloss-muted" id="citation-style-help">{t('optionsCitationStyleHelp')}</p>
          </section>
          <section class="gloss-card">
            <h2>{t('backupHeading')}</h2>
            <BackupPanel bare {...databaseActions(db)} onRestored={() => void refreshAllTabs()} />
          </section>
          <StorageSection />
        </div>
      )}
      <p class="gloss-status" role="status">{status}</p>
    </AppShell>
  );
}

interface SectionProps {
  settings: Settings;
  update: (patch: Partial<Settings>) => Promise<void>;
}

function ColorsSection({ settings, update }: SectionProps) {
  const { t } = useI18n();
  return (
    <section class="gloss-card">
      <h2>{t('colorsHeading')}</h2>
      <ul class="gloss-list color-list">
        {HIGHLIGHT_COLORS.map((color) => (
          <li key={color.id} class="color-row">
            <ColorDot color={color.id} label={t(color.nameKey)} />
            <input
              type="text"
              maxLength={40}
              aria-label={t('colorNameLabel', t(color.nameKey))}
              placeholder={t(color.nameKey)}
              value={settings.colorNames[color.id] ?? ''}
              onChange={(e) => void update({ colorNames: { ...settings.colorNames, [color.id]: (e.target as HTMLInputElement).value.trim() } })}
            />
            <label class="default-color">
              <input type="radio" name="default-color" checked={settings.defaultColor === color.id} onChange={() => void update({ defaultColor: color.id })} />
              {t('defaultColor')}
            </label>
          </li>
        ))}
      </ul>
      <button onClick={() => void update({ colorNames: DEFAULT_SETTINGS.colorNames })}>{t('resetColorNames')}</button>
    </section>
  );
}

function SitesSection({ settings, update }: SectionProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    let host = draft.trim().toLowerCase();
    try {
      if (host.includes('/')) host = new URL(host.includes('://') ? host : `http://${host}`).hostname;
    } catch {
      /* checked below */
    }
    host = siteKey(host);
    if (!SITE.test(host)) return setError(t('invalidSite'));
    setError('');
    setDraft('');
    if (!settings.disabledSites.includes(host)) void update({ disabledSites: [...settings.disabledSites, host] });
  };
  return (
    <section class="gloss-card">
      <h2>{t('sitesHeading')}</h2>
      {settings.disabledSites.length === 0 ? (
        <p class="gloss-muted">{t('noDisabledSites')}</p>
      ) : (
        <ul class="gloss-list site-list">
          {settings.disabledSites.map((site) => (
            <li key={site} class="site-row">
              <span>{site}</span>
              <button aria-label={t('removeSite', site)} onClick={() => void update({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}>×</button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add}>
        <input type="text" aria-label={t('addSiteLabel')} placeholder={t('addSiteLabel')} value={draft} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />
        <button type="submit">{t('addSite')}</button>
      </form>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}

function StorageSection() {
  const { t, intl } = useI18n();
  const [stats] = useQuery(storageStats, []);
  const [persisted, refreshPersisted] = useQuery(async () => ({
    persisted: (await navigator.storage?.persisted?.()) ?? false,
    estimate: (await navigator.storage?.estimate?.()) ?? null,
  }), []);
  const n = (value: number) => new Intl.NumberFormat(intl).format(value);
  const bytes = (value: number | undefined) =>
    new Intl.NumberFormat(intl, { style: 'unit', unit: value != null && value > 1e9 ? 'gigabyte' : 'megabyte', maximumFractionDigits: 1 }).format(
      (value ?? 0) / (value != null && value > 1e9 ? 1e9 : 1e6),
    );
  return (
    <section class="gloss-card">
      <h2>{t('storageHeading')}</h2>
      {stats.status === 'error' && <p role="alert">{userErrorText(t, stats.error)}</p>}
      {stats.status === 'ready' && (
        <p class="storage-summary">{t('storageSummary', n(stats.value.articles), n(stats.value.highlights), n(stats.value.tags))}</p>
      )}
      {persisted.status === 'ready' && (
        <>
          {persisted.value.estimate && <p class="gloss-muted">{t('spaceUsed', bytes(persisted.value.estimate.usage), bytes(persisted.value.estimate.quota))}</p>}
          <p>{persisted.value.persisted ? t('storagePersisted') : t('storageNotPersisted')}</p>
          {!persisted.value.persisted && (
            <button onClick={() => void navigator.storage.persist().then(refreshPersisted)}>{t('requestPersist')}</button>
          )}
        </>
      )}
    </section>
  );
}
