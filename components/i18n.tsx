import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { intlTag, localeFor, translator, type Locale, type Translate } from '@/lib/i18n';
import { loadSettings, onSettingsChanged, type Settings } from '@/lib/settings';

interface I18n {
  locale: Locale;
  t: Translate;
  /** For Intl.DateTimeFormat / NumberFormat. */
  intl: string;
}

function browserLocale(): Locale {
  try {
    // Which catalog browser.i18n itself picked: Chromium follows --lang and the OS
    // language there, while getUILanguage() and @@ui_locale may still say en-US.
    return localeFor(browser.i18n.getMessage('uiLocale') || browser.i18n.getUILanguage());
  } catch {
    return localeFor(globalThis.navigator?.language);
  }
}

function i18nFor(locale: Locale): I18n {
  return { locale, t: translator(locale), intl: intlTag(locale) };
}

const chosenLocale = (settings: Settings): Locale => (settings.language === 'auto' ? browserLocale() : settings.language);

const I18nContext = createContext<I18n>(i18nFor('en'));

/** Gives the app its language: the user's choice in the options, else the browser's. */
export function I18nProvider({ locale, children }: { locale?: Locale; children: ComponentChildren }) {
  const [current, setCurrent] = useState<Locale>(locale ?? browserLocale());
  useEffect(() => {
    if (locale) return;
    void loadSettings().then((settings) => setCurrent(chosenLocale(settings)), () => undefined);
    return onSettingsChanged((settings) => setCurrent(chosenLocale(settings)));
  }, [locale]);
  useEffect(() => {
    document.documentElement.lang = intlTag(current);
  }, [current]);
  return <I18nContext.Provider value={i18nFor(current)}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
