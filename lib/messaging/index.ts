import { browser } from 'wxt/browser';
import type { BackgroundProtocol } from './contract';
import type { ContentProtocol, MessageType, RequestOf, ResponseOf } from './protocol';
import { RETRY_SAFE } from './retry-safe';
import { envelope, request } from './transport';

export type * from './protocol';
export type { BackgroundProtocol, TagsProtocol } from './contract';
export { RETRY_SAFE } from './retry-safe';
export { DeliveryError, RefusedError, userErrorKey, userErrorText } from './errors';
export { createRouter, type Handlers, type Reply, type RequestCheck } from './transport';
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
