/**
 * What can go wrong between Gloss's contexts, and how to say it to a person.
 * The browser's own texts ("Could not establish connection. Receiving end does
 * not exist.", "The message port closed before a response was received.") mean
 * nothing to a reader: they go to console.debug, the UI shows a sentence of ours.
 */
import type { MessageKey, Translate } from '../i18n';

/**
 * The request may not have arrived, or its answer was lost: the MV3 worker was
 * stopped, was starting, or the extension was reloaded under the page.
 */
export class DeliveryError extends Error {
  constructor(
    readonly type: string,
    /** `lost`: worth sending again; `reloaded`: this page's Gloss is cut off until it is reloaded. */
    readonly kind: 'lost' | 'reloaded',
    /** The browser's text, for debugging only. */
    readonly detail: string,
  ) {
    super(`No answer to ${type}: ${detail}`);
    this.name = 'DeliveryError';
  }
}

/** The other side answered, and its answer was an error (invalid input, a missing record, a full disk). */
export class RefusedError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
    this.name = 'RefusedError';
  }
}

/** Texts Chrome and Firefox give when a message or its answer did not get through. */
const LOST = [
  /Receiving end does not exist/i,
  /message port closed before a response was received/i,
  /message channel closed before a response was received/i,
  /Message manager disconnected/i,
  /Conduits.*destroyed/i,
];
const RELOADED = [/Extension context invalidated/i];

/** Classifies an error thrown by `runtime.sendMessage` / `tabs.sendMessage`; null if it is not a delivery failure. */
export function deliveryFailure(type: string, error: unknown): DeliveryError | null {
  if (error instanceof DeliveryError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (RELOADED.some((pattern) => pattern.test(text))) return new DeliveryError(type, 'reloaded', text);
  if (LOST.some((pattern) => pattern.test(text))) return new DeliveryError(type, 'lost', text);
  return null;
}

/** The plain-language message for an error that reached the user; the raw one goes to the console. */
export function userErrorKey(error: unknown): MessageKey {
  const delivery = error instanceof DeliveryError ? error : deliveryFailure('', error);
  if (delivery) return delivery.kind === 'reloaded' ? 'errReloaded' : 'errNoAnswer';
  if (error instanceof RefusedError) return 'errRefused';
  return 'errUnexpected';
}

/** `userErrorKey`, translated; logs the raw error for debugging. */
export function userErrorText(t: Translate, error: unknown): string {
  console.debug('Gloss:', error);
  return t(userErrorKey(error));
}
