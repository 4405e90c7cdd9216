/**
 * UI strings, read from the same `_locales/<lang>/messages.json` files the
 * browser uses for the manifest. Loading them ourselves (rather than through
 * browser.i18n.getMessage) lets the user pick a language other than the
 * browser's in the options.
 */
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';

export type MessageKey = keyof typeof en;
export type Locale = 'en' | 'zh_CN';

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalog = Record<string, MessageEntry>;

const catalogs: Record<Locale, Catalog> = { en, zh_CN: zhCN };

/** Maps a BCP 47 tag (navigator.language, browser.i18n.getUILanguage()) to a supported locale. */
export function localeFor(tag: string | null | undefined): Locale {
  return tag && /^zh([-_]|$)/i.test(tag) ? 'zh_CN' : 'en';
}

/** The BCP 47 tag for Intl formatting. */
export function intlTag(locale: Locale): string {
  return locale === 'zh_CN' ? 'zh-CN' : 'en';
}

/** Fills a message the way browser.i18n does: $NAME$ placeholders pointing at $1, $2… */
export function format(entry: MessageEntry, substitutions: readonly (string | number)[]): string {
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const index = Number(content.replace('$', '')) - 1;
    text = text.replaceAll(new RegExp(`\\$${name}\\$`, 'gi'), String(substitutions[index] ?? ''));
  }
  return text;
}

export function translator(locale: Locale) {
  return (key: MessageKey, ...substitutions: (string | number)[]): string => {
    const entry = catalogs[locale][key] ?? catalogs.en[key];
    return entry ? format(entry, substitutions) : key;
  };
}

export type Translate = ReturnType<typeof translator>;
