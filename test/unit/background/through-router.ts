import type { Browser } from 'wxt/browser';
import { checkBackgroundRequest } from '../../../lib/messaging/contract';
import type { MessageType, ResponseOf } from '../../../lib/messaging/protocol';
import { createRouter, envelope, type Handlers } from '../../../lib/messaging/transport';

/**
 * Sends requests to handlers as the background does: through the router, which checks each request against its
 * message's schema (lib/messaging/contract.ts) before the handler runs. Answers the value; throws the refusal.
 */
export function throughRouter<P>(handlers: Handlers<P>) {
  const route = createRouter(handlers, checkBackgroundRequest);
  return async <K extends MessageType<P>>(type: K, data: unknown, sender: Browser.runtime.MessageSender): Promise<ResponseOf<P, K>> => {
    const reply = await route(envelope(type, data), sender);
    if (!reply) throw new Error('not a Gloss envelope');
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as ResponseOf<P, K>;
  };
}
