import { browser } from 'wxt/browser';

/** Opens an article's page in a new tab. */
export const openUrl = (url: string) => void browser.tabs.create({ url });
