/**
 * Which address a page may claim. A page can say anything in `<link rel=canonical>`
 * and `og:url`; Gloss follows such a claim only within the page's own site, so a
 * page can neither read nor write another site's highlights by naming its address.
 *
 * "Site" is the registrable domain from the Public Suffix List, private section
 * included: `a.github.io` and `b.github.io` are two sites (anyone can own one),
 * `www.example.co.uk` and `example.co.uk` are one. Hosts with no registrable
 * domain (IP addresses, `localhost`, single labels) are a site of their own,
 * port included. Background only: the list is too large for the content script.
 */
import { parse } from 'tldts';
import { addressOf, parseHttpUrl, type PageAddress, type ResolvedAddress } from './normalize';

/** The site of a URL: its registrable domain, or host and port where it has none. */
export function siteOf(url: URL): string {
  const { domain, isIp } = parse(url.hostname, { allowPrivateDomains: true });
  return isIp || !domain ? url.host.toLowerCase() : domain;
}

export function sameSite(a: URL, b: URL): boolean {
  return siteOf(a) === siteOf(b);
}

/** The site of a stored URL key (`host[:port]/path?query`), or null if it is not one. */
export function siteOfKey(key: string): string | null {
  const url = parseHttpUrl(`http://${key}`);
  return url ? siteOf(url) : null;
}

/**
 * Picks the article's address: the canonical link, else og:url, else the
 * location. A claim is followed only on the location's own site.
 */
export function resolveAddress(address: PageAddress): ResolvedAddress | null {
  const location = parseHttpUrl(address.location);
  if (!location) return null;
  for (const candidate of [address.canonical, address.ogUrl]) {
    const url = parseHttpUrl(candidate, location.href);
    if (url && sameSite(url, location)) return addressOf(url);
  }
  return addressOf(location);
}
