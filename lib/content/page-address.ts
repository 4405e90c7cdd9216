/**
 * The address claims the content script sends for its page, minus stale ones.
 *
 * Single-page apps change the address with `history.pushState` and often leave
 * `<link rel=canonical>` / `og:url` as they were for the first story: believed,
 * story B's highlights would be stored under story A. So the claims are
 * remembered at load and at each navigation; after a navigation a claim that
 * did not change with the address is stale and dropped (the address bar wins),
 * unless it names the new address's own path (a pushState that only changed
 * query parameters, e.g. `?page=2`, keeps the article's canonical).
 * The background still decides which claim to believe (lib/url/trust.ts).
 */
import { pageAddressOf, parseHttpUrl, urlKey, type PageAddress } from '@/lib/url/normalize';
import { frameScope } from './frame-scope';

export type AddressClaims = Required<PageAddress>;

type Claimed = Pick<AddressClaims, 'canonical' | 'ogUrl'>;

export class PageAddressWatch {
  /** Key of the location at the last look (fragment and tracking parameters aside). */
  private at: string | null = null;
  private lastSeen: Claimed | null = null;
  /** The claims as they were at the previous location; null until the first navigation. */
  private previous: Claimed | null = null;

  /** Looks at the page now and returns the claims worth sending. */
  claims(doc: Document): AddressClaims {
    // An inline frame's page is the document embedding it.
    const page = pageAddressOf(doc.defaultView ? frameScope(doc.defaultView).addressDoc : doc);
    const now: Claimed = { canonical: page.canonical ?? null, ogUrl: page.ogUrl ?? null };
    const at = urlKey(page.location) ?? page.location;
    if (this.at !== null && at !== this.at) this.previous = this.lastSeen;
    this.at = at;
    this.lastSeen = now;
    return {
      location: page.location,
      canonical: this.fresh(now.canonical, this.previous?.canonical, page.location),
      ogUrl: this.fresh(now.ogUrl, this.previous?.ogUrl, page.location),
    };
  }

  private fresh(value: string | null, before: string | null | undefined, location: string): string | null {
    if (value === null || this.previous === null || value !== before) return value;
    return samePath(value, location) ? value : null;
  }
}

/** True if a claim names the same page as the location, query parameters aside. */
function samePath(claim: string, location: string): boolean {
  const a = pathKey(claim, location);
  return a !== null && a === pathKey(location);
}

function pathKey(value: string, base?: string): string | null {
  const url = parseHttpUrl(value, base);
  if (!url) return null;
  url.search = '';
  return urlKey(url.href);
}

/** One string per set of claims, to tell whether the page moved while a request was out. */
export const claimsSignature = (claims: AddressClaims): string =>
  JSON.stringify([claims.location, claims.canonical, claims.ogUrl]);
