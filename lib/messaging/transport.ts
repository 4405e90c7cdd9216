/**
 * Typed request/response over extension messages. Answers travel in an envelope so an error thrown in the
 * background reaches the caller as an Error with its message, not as a silent `undefined`. Nothing here touches
 * the `browser` global: the content script's loader uses it without the polyfill.
 */
import type { Browser } from 'wxt/browser';
import { deliveryFailure, DeliveryError, RefusedError } from './errors';
import type { MessageType, RequestOf, ResponseOf } from './protocol';

const CHANNEL = 'gloss/1';

export interface Envelope<T = unknown> {
  channel: typeof CHANNEL;
  type: string;
  data: T;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export type Handlers<P> = {
  [K in MessageType<P>]: (data: RequestOf<P, K>, sender: Browser.runtime.MessageSender) => Promise<ResponseOf<P, K>> | ResponseOf<P, K>;
};

export function envelope<T>(type: string, data: T): Envelope<T> {
  return { channel: CHANNEL, type, data };
}

export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' && message !== null &&
    (message as Envelope).channel === CHANNEL && typeof (message as Envelope).type === 'string'
  );
}

/**
 * Checks a request before its handler runs: answers the checked value, or throws (the refusal's text). The
 * background's is `checkBackgroundRequest` (./contract.ts); it is passed in so that this file, which the content
 * script's loader uses, bundles no schemas.
 */
export type RequestCheck = (type: string, data: unknown) => unknown;

/** Handlers that check each request first (a refusal when the check throws) and get only the checked value. */
export function checkedHandlers<P>(handlers: Handlers<P>, check: RequestCheck): Handlers<P> {
  const checked: Record<string, unknown> = {};
  for (const [type, handler] of Object.entries(handlers as Record<string, (data: unknown, sender: Browser.runtime.MessageSender) => unknown>)) {
    checked[type] = (data: unknown, sender: Browser.runtime.MessageSender) => handler(check(type, data), sender);
  }
  return checked as Handlers<P>;
}

/**
 * Builds the function that answers one side's messages. It returns undefined
 * for messages that are not ours (so other listeners may answer) and a Reply
 * otherwise; it can be called directly in tests. With `check`, a request that
 * fails it is refused before any handler runs.
 */
export function createRouter<P>(handlers: Handlers<P>, check?: RequestCheck) {
  const routed = check ? checkedHandlers(handlers, check) : handlers;
  return (message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
    if (!isEnvelope(message)) return undefined;
    const handler = (routed as Record<string, Handlers<P>[MessageType<P>] | undefined>)[message.type];
    if (!Object.hasOwn(routed as object, message.type) || !handler) {
      return Promise.resolve({ ok: false, error: `Unknown message type: ${message.type}` });
    }
    return Promise.resolve()
      .then(() => (handler as (data: unknown, sender: Browser.runtime.MessageSender) => unknown)(message.data, sender))
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
      );
  };
}

function unwrap<T>(reply: Reply<T> | undefined, type: string): T {
  if (!reply) throw new DeliveryError(type, 'lost', 'no reply');
  if (!reply.ok) throw new RefusedError(type, reply.error);
  return reply.value;
}

/**
 * Pauses before each new attempt of a request that got no answer. Short and bounded: a stopped MV3 worker starts
 * again on the next message, usually within a few hundred milliseconds.
 */
export const RETRY_DELAYS_MS: readonly number[] = [100, 250, 500, 1000, 2000];

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Sends a request and unwraps its reply. A request that is safe to repeat (see RETRY_SAFE) is sent again when it
 * or its answer was lost; any other failure, and a refusal by the other side, is thrown at once.
 */
export async function request<T>(send: () => Promise<unknown>, type: string, retrySafe: boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let failure: DeliveryError;
    try {
      return unwrap((await send()) as Reply<T> | undefined, type);
    } catch (error) {
      if (error instanceof RefusedError) throw error;
      const delivery = deliveryFailure(type, error);
      if (!delivery) throw error;
      failure = delivery;
    }
    if (!retrySafe || failure.kind !== 'lost' || attempt >= RETRY_DELAYS_MS.length) throw failure;
    console.debug(`Gloss: no answer to ${type} (attempt ${attempt + 1}), sending it again:`, failure.detail);
    await sleep(RETRY_DELAYS_MS[attempt]!);
  }
}
