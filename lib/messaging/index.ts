import { browser } from 'wxt/browser';
import type { BackgroundProtocol, ContentProtocol, MessageType, RequestOf, ResponseOf } from './protocol';
import { limitPerTab } from './rate-limit';
import { envelope, listen, unwrap, type Handlers, type Reply } from './transport';

export type * from './protocol';
export { createRouter, type Handlers, type Reply } from './transport';
export { RATE_LIMITED_MESSAGE } from './rate-limit';

/** Asks the background (from a content script or an extension page). */
export async function askBackground<K extends MessageType<BackgroundProtocol>>(
  type: K,
  data: RequestOf<BackgroundProtocol, K>,
): Promise<ResponseOf<BackgroundProtocol, K>> {
  const reply = (await browser.runtime.sendMessage(envelope(type, data))) as Reply<ResponseOf<BackgroundProtocol, K>>;
  return unwrap(reply, type);
}

/** Asks the content script of a tab (from the background or an extension page). */
export async function askTab<K extends MessageType<ContentProtocol>>(
  tabId: number,
  type: K,
  data: RequestOf<ContentProtocol, K>,
): Promise<ResponseOf<ContentProtocol, K>> {
  const reply = (await browser.tabs.sendMessage(tabId, envelope(type, data))) as Reply<ResponseOf<ContentProtocol, K>>;
  return unwrap(reply, type);
}

/** Answers every context's requests; each tab's content script is rate-limited (rate-limit.ts). */
export const answerInBackground = (handlers: Handlers<BackgroundProtocol>) => listen(limitPerTab(handlers, browser.runtime.getURL('/')));
export const answerInContent = (handlers: Handlers<ContentProtocol>) => listen(handlers);
