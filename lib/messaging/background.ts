/**
 * The background's side of messaging: answers every context's requests. Apart from ./index.ts because it bundles
 * the schemas (./contract.ts), which the content script and the extension pages that only ask do not need.
 */
import { browser, type Browser } from 'wxt/browser';
import { checkBackgroundRequest, type BackgroundProtocol } from './contract';
import { limitPerTab } from './rate-limit';
import { checkedHandlers, createRouter, type Handlers } from './transport';

/**
 * Answers every context's requests. A tab's content script is rate-limited first (rate-limit.ts: a flood of
 * requests, valid or not, costs no more than the limit lets through); then every request is checked against its
 * message's schema (./contract.ts) before its handler runs.
 */
export function answerInBackground(handlers: Handlers<BackgroundProtocol>): () => void {
  const router = createRouter(limitPerTab(checkedHandlers(handlers, checkBackgroundRequest), browser.runtime.getURL('/')));
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => router(message, sender);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
