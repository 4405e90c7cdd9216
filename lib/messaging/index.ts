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

/**
 * Asks the content script of one frame of a tab (from the background or an extension page); frame 0 is the tab's
 * page itself. Every frame runs its own content script: a message without a frame would go to all of them and the
 * first to answer would win.
 */
export function askTab<K extends MessageType<ContentProtocol>>(
  tabId: number,
  type: K,
  data: RequestOf<ContentProtocol, K>,
  frameId = 0,
): Promise<ResponseOf<ContentProtocol, K>> {
  // Not repeated: a content script that does not answer is not there (a page Gloss cannot run on).
  return request(() => browser.tabs.sendMessage(tabId, envelope(type, data), { frameId }), type, false);
}

/** Tells every frame of a tab (no answer is awaited beyond the first: for notices such as "highlights changed"). */
export async function tellTab<K extends MessageType<ContentProtocol>>(tabId: number, type: K, data: RequestOf<ContentProtocol, K>): Promise<void> {
  await browser.tabs.sendMessage(tabId, envelope(type, data)).catch(() => undefined);
}

/**
 * The frame of a tab where the user selected text last, among `frameIds` (frames that do not answer are skipped);
 * 0, the page itself, when none has a selection. "Highlight selection" from the popup, a command or the context
 * menu acts there.
 */
export async function frameWithSelection(tabId: number, frameIds: readonly number[]): Promise<number> {
  if (frameIds.length <= 1) return frameIds[0] ?? 0;
  const answers = await Promise.all(
    frameIds.map((frameId) => askTab(tabId, 'content.selection', null, frameId).then((reply) => ({ frameId, at: reply.selectedAt }), () => null)),
  );
  let best: { frameId: number; at: number } | null = null;
  for (const answer of answers) if (answer?.at != null && (!best || answer.at > best.at)) best = { frameId: answer.frameId, at: answer.at };
  return best?.frameId ?? 0;
}
