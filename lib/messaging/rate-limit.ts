/**
 * A per-tab token bucket for the background: a page can make its content
 * script send requests (it cannot send them itself), and a flood from one tab
 * must not slow Gloss down for every other tab and the extension's own pages.
 * Beyond the limit a request is refused at once with a plain error, before any work.
 */
import type { Browser } from 'wxt/browser';
import type { Handlers } from './transport';

export interface RateLimit {
  /** Requests a tab may send at once. */
  burst: number;
  /** Requests per second it may send after that, sustained. */
  perSecond: number;
}

/**
 * Far above real use: the busiest real sender is the anchoring pass saving one status per highlight,
 * one message after another (a page with 1,000 changed highlights sends 1,000 in about a second here).
 */
export const TAB_RATE_LIMIT: RateLimit = { burst: 2000, perSecond: 500 };

export const RATE_LIMITED_MESSAGE = 'Gloss is getting too many requests from this page at once; try again in a moment.';

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one token from `key`'s bucket; false when it is empty. */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
    bucket.at = now;
    if (this.buckets.size > 1000) this.forgetFull(now);
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Buckets that would be full again say nothing: drop them so closed tabs do not pile up. */
  private forgetFull(now: number) {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond >= this.limit.burst) this.buckets.delete(key);
    }
  }
}

/**
 * Wraps every handler so that requests from content scripts count against their tab's bucket.
 * Extension pages (their URL starts with `extensionOrigin`) are not limited: they are Gloss itself.
 */
export function limitPerTab<P>(handlers: Handlers<P>, extensionOrigin: string, buckets = new TokenBuckets(TAB_RATE_LIMIT)): Handlers<P> {
  const limited: Record<string, unknown> = {};
  for (const [type, handler] of Object.entries(handlers as Record<string, (data: unknown, sender: Browser.runtime.MessageSender) => unknown>)) {
    limited[type] = (data: unknown, sender: Browser.runtime.MessageSender) => {
      const fromExtensionPage = Boolean(sender.url?.startsWith(extensionOrigin));
      if (!fromExtensionPage && !buckets.take(`tab:${sender.tab?.id ?? 'none'}`)) throw new Error(RATE_LIMITED_MESSAGE);
      return handler(data, sender);
    };
  }
  return limited as Handlers<P>;
}
