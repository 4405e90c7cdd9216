import { browser } from 'wxt/browser';
import { urlKey } from '@/lib/url/normalize';

/**
 * Opens an article's page in a new tab. Only web pages: a `data:` or `javascript:` address stored by an older
 * import would otherwise open the file's own content.
 */
export const openUrl = (url: string) => {
  if (urlKey(url)) void browser.tabs.create({ url });
};
