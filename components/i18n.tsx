import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { intlTag, localeFor, translatorFrom, type Catalog, type Locale, type Translate } from '@/lib/i18n';
import { loadSettings, onSettingsChanged, type Settings } from '@/lib/settings';

export interface I18n {
  locale: Locale;
  t: Translate;
  /** For Intl.DateTimeFormat / NumberFormat. */
  intl: string;
}

/** Which catalog browser.i18n itself picked: Chromium follows --lang and the OS language there, while getUILanguage() may still say en-US. */
export function browserLocale(): Locale {
  try {
    return localeFor(browser.i18n.getMessage('uiLocale') || browser.i18n.getUILanguage());
  } catch {
    return localeFor(globalThis.navigator?.language);
  }
}

const chosenLocale = (settings: Settings): Locale => (settings.language === 'auto' ? browserLocale() : settings.language);

const I18nContext = createContext<I18n>({ locale: 'en', t: translatorFrom({}), intl: 'en' });

/**
 * Gives the tree its language: the user's choice in the options, else the
 * browser's. `catalogFor` supplies the strings: bundled in extension pages,
 * asked of the background in the content script.
 */
export function I18nProvider({ catalogFor, locale: fixed, children }: {
  catalogFor: (locale: Locale) => Catalog | Promise<Catalog>;
  locale?: Locale;
  children: ComponentChildren;
}) {
  const [locale, setLocale] = useState<Locale>(fixed ?? browserLocale());
  // A bundled catalog renders at once; one that must be fetched renders when it arrives.
  const [catalog, setCatalog] = useState<{ locale: Locale; messages: Catalog } | null>(() => {
    const messages = catalogFor(locale);
    return messages instanceof Promise ? null : { locale, messages };
  });
  useEffect(() => {
    if (fixed) return;
    void loadSettings().then((settings) => setLocale(chosenLocale(settings)), () => undefined);
    return onSettingsChanged((settings) => setLocale(chosenLocale(settings)));
  }, [fixed]);
  useEffect(() => {
    if (catalog?.locale === locale) return;
    let live = true;
    void Promise.resolve(catalogFor(locale)).then((messages) => live && setCatalog({ locale, messages }), () => undefined);
    return () => {
      live = false;
    };
  }, [locale]);
  if (!catalog) return null;
  const value: I18n = { locale: catalog.locale, t: translatorFrom(catalog.messages), intl: intlTag(catalog.locale) };
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
