import { browser, type Browser } from 'wxt/browser';
import { RETRY_SAFE, type BackgroundProtocol, type ContentProtocol, type MessageType, type RequestOf, type ResponseOf } from './protocol';
import { limitPerTab } from './rate-limit';
import { createRouter, envelope, request, type Handlers } from './transport';

export type * from './protocol';
export { DeliveryError, RefusedError, userErrorKey, userErrorText } from './errors';
export { createRouter, type Handlers, type Reply } from './transport';
export { RATE_LIMITED_MESSAGE } from './rate-limit';

/**
 * Asks the background (from a content script or an extension page). Requests that are safe to repeat are sent
 * again when the MV3 worker stopped before answering; failures arrive as DeliveryError or RefusedError.
 */
export function askBackground<K extends MessageType<BackgroundProtocol>>(
  type: K,
  data: RequestOf<BackgroundProtocol, K>,
): Promise<ResponseOf<BackgroundProtocol, K>> {
  return request(() => browser.runtime.sendMessage(envelope(type, data)), type, Object.hasOwn(RETRY_SAFE, type));
}

/** Asks the content script of a tab (from the background or an extension page). */
export function askTab<K extends MessageType<ContentProtocol>>(
  tabId: number,
  type: K,
  data: RequestOf<ContentProtocol, K>,
): Promise<ResponseOf<ContentProtocol, K>> {
  // Not repeated: a content script that does not answer is not there (a page Gloss cannot run on).
  return request(() => browser.tabs.sendMessage(tabId, envelope(type, data)), type, false);
}

/** Answers every context's requests; each tab's content script is rate-limited (rate-limit.ts). */
export function answerInBackground(handlers: Handlers<BackgroundProtocol>): () => void {
  const router = createRouter(limitPerTab(handlers, browser.runtime.getURL('/')));
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => router(message, sender);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
