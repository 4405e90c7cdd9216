import type { ComponentChildren } from 'preact';
import { useI18n } from './i18n';
import type { MessageKey } from '@/lib/i18n';

/** The frame every Gloss page shares: the product's name, the page's title, the content. */
export function AppShell({ titleKey, children }: { titleKey: MessageKey; children: ComponentChildren }) {
  const { t, locale } = useI18n();
  return (
    <div class="gloss-app" lang={locale === 'zh_CN' ? 'zh-CN' : 'en'}>
      <header class="gloss-header">
        <span class="gloss-brand" aria-hidden="true">G</span>
        <div>
          <h1 class="gloss-title">
            {t('extName')} <span class="gloss-subtitle">· {t(titleKey)}</span>
          </h1>
          <p class="gloss-tagline">{t('tagline')}</p>
        </div>
      </header>
      <main class="gloss-main">{children}</main>
    </div>
  );
}
