/** Both UI catalogs, bundled: for extension pages and the background (not the content script). */
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import { translatorFrom, type Catalog, type Locale } from './index';

export const CATALOGS: Record<Locale, Catalog> = { en, zh_CN: zhCN };

export function translator(locale: Locale) {
  return translatorFrom(CATALOGS[locale], CATALOGS.en);
}
