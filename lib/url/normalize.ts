/**
 * One key per article address, so the same story reached through a share link,
 * a tracking link or its canonical URL finds the same highlights.
 */

const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid',
  'mc_cid', 'mc_eid', 'mkt_tok', '_hsenc', '_hsmi', 'hsctatracking', 'oly_anon_id', 'oly_enc_id',
  'vero_id', 'ncid', 'cmpid', 'ocid', 'sr_share', 'smid', 'smtyp', 'spm', 'share_token',
  'xtor', 'at_medium', 'at_campaign', 'ito', 'ref_src', 'ref_url', '__twitter_impression',
  'wt_mc', 'wt.mc_id', 'scm', 'from', 'isappinstalled', 'share_source', 'share_medium',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || lower.startsWith('pk_') || TRACKING_PARAMS.has(lower);
}

/** The host without a leading "www." and without "m." mobile prefixes, for same-site checks. */
function siteOf(hostname: string): string {
  const labels = hostname.toLowerCase().split('.');
  // Last two labels, or three where the second-level label is a generic one (co.uk, com.cn).
  const generic = /^(co|com|net|org|gov|edu|ac|or|ne|go)$/;
  const take = labels.length >= 3 && generic.test(labels[labels.length - 2] ?? '') ? 3 : 2;
  return labels.slice(-take).join('.');
}

function parseHttpUrl(value: string | null | undefined, base?: string): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Normalizes one URL to its key: lower-case host, no "www.", no default port,
 * no fragment, no tracking parameters, remaining parameters sorted, no trailing
 * slash (except the root). The scheme is dropped: http and https are one page.
 * Returns null for anything that is not an http(s) URL.
 */
export function urlKey(value: string): string | null {
  const url = parseHttpUrl(value);
  if (!url) return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const params = searchEntries(url)
    .filter(([name]) => !isTrackingParam(name))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a < b ? -1 : 1));
  const query = params.length
    ? '?' + params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
    : '';
  let path = url.pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return `${host}${port}${path}${query}`;
}

export interface PageAddress {
  /** The address the browser shows. */
  location: string;
  /** `<link rel=canonical href>` as written on the page, if any. */
  canonical?: string | null;
  /** `<meta property=og:url content>`, if any. */
  ogUrl?: string | null;
}

export interface ResolvedAddress {
  /** The URL to cite and link to. */
  url: string;
  /** The key that identifies the article in the database. */
  key: string;
}

/**
 * Picks the article's address: the canonical link, else og:url, else the
 * location. A page may only claim an address on its own site, so a hostile
 * page cannot attach its highlights to another site's article.
 */
export function resolveAddress(address: PageAddress): ResolvedAddress | null {
  const location = parseHttpUrl(address.location);
  if (!location) return null;
  const site = siteOf(location.hostname);
  for (const candidate of [address.canonical, address.ogUrl]) {
    const url = parseHttpUrl(candidate, location.href);
    if (url && siteOf(url.hostname) === site) {
      url.hash = '';
      return { url: stripTracking(url), key: urlKey(url.href)! };
    }
  }
  location.hash = '';
  return { url: stripTracking(location), key: urlKey(location.href)! };
}

function stripTracking(url: URL): string {
  for (const [name] of searchEntries(url)) {
    if (isTrackingParam(name)) url.searchParams.delete(name);
  }
  return url.href;
}

/**
 * The query's name/value pairs. forEach, not the iterators: in a Firefox
 * content script URLSearchParams iterators are not iterable across the sandbox.
 */
function searchEntries(url: URL): [string, string][] {
  const entries: [string, string][] = [];
  url.searchParams.forEach((value, name) => entries.push([name, value]));
  return entries;
}

/** Reads the address claims from a live document. */
export function pageAddressOf(doc: Document): PageAddress {
  return {
    location: doc.location?.href ?? doc.URL,
    canonical: doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    ogUrl: doc.querySelector('meta[property="og:url" i]')?.getAttribute('content'),
  };
}
