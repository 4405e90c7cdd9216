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

/** Parses an absolute (or, with `base`, relative) http(s) URL; null for anything else. */
export function parseHttpUrl(value: string | null | undefined, base?: string): URL | null {
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

/**
 * What a page says about its address. The content script reads these; only
 * the background decides which one is believed (lib/url/trust.ts).
 */
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

/** The address to cite and the key of a URL: no fragment, no tracking parameters. */
export function addressOf(url: URL): ResolvedAddress {
  const copy = new URL(url.href);
  copy.hash = '';
  return { url: stripTracking(copy), key: urlKey(copy.href)! };
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
