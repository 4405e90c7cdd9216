/**
 * UI strings, in the format of the `_locales/<lang>/messages.json` files the
 * browser uses for the manifest. Loading them ourselves (rather than through
 * browser.i18n.getMessage) lets the user pick a language other than the
 * browser's in the options. The catalogs themselves live in ./catalogs, so the
 * content script can do without bundling them (it asks the background).
 */
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type Locale = 'en' | 'zh_CN';
export const LOCALES: readonly Locale[] = ['en', 'zh_CN'];

export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalog = Record<string, MessageEntry>;

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
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), Number(content.replace('$', '')) - 1]));
  // One pass, with a function: a value (a note or title from an imported file) may itself contain `$&`, `$1` or `$NAME$`.
  return entry.message.replace(/\$(\w+)\$/g, (whole, name: string) => {
    const index = placeholders.get(name.toLowerCase());
    return index === undefined ? whole : String(substitutions[index] ?? '');
  });
}

/** A translate function over a catalog, falling back to another catalog, then to the key itself. */
export function translatorFrom(catalog: Catalog, fallback: Catalog = {}) {
  return (key: MessageKey, ...substitutions: (string | number)[]): string => {
    const entry = catalog[key] ?? fallback[key];
    return entry ? format(entry, substitutions) : key;
  };
}

export type Translate = ReturnType<typeof translatorFrom>;
