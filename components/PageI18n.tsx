import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { CATALOGS } from '@/lib/i18n/catalogs';
import { I18nProvider, useI18n } from './i18n';

/** The extension page's <html lang> follows the UI language (screen readers, fonts, axe). */
function DocumentLang() {
  const { intl } = useI18n();
  useEffect(() => {
    document.documentElement.lang = intl;
  }, [intl]);
  return null;
}

/** The language provider for extension pages, with both catalogs bundled. */
export function PageI18n({ children }: { children: ComponentChildren }) {
  return (
    <I18nProvider catalogFor={(locale) => CATALOGS[locale]}>
      <DocumentLang />
      {children}
    </I18nProvider>
  );
}
