/**
 * Who is asking the background, and what they may touch.
 *
 * Extension pages (side panel, popup, options) are Gloss's own code: trusted.
 * A content script lives in a web page that may be hostile, so its page is
 * known from `sender.url` (the frame's real address, which the page cannot
 * forge across origins; an inline frame's is its origin), its canonical / og:url are only claims, and it may
 * read and change only the highlights of its own site (lib/url/trust.ts).
 */
import { browser, type Browser } from 'wxt/browser';
import type { GlossDatabase } from '../model/database';
import type { HighlightRecord } from '../model/records';
import type { Handlers } from '../messaging/transport';
import type { PageAddress, ResolvedAddress } from '../url/normalize';
import { parseHttpUrl } from '../url/normalize';
import { resolveAddress, siteOf, siteOfKey } from '../url/trust';

export type Sender = { kind: 'extension' } | { kind: 'page'; url: URL };

/** The messages a content script needs; web pages get every other one refused. */
const PAGE_MESSAGES = new Set([
  'page.status', 'annotations.forPage', 'address.resolve', 'highlight.create', 'highlight.update', 'highlight.delete',
  'highlight.statuses', 'highlight.reattach', 'highlight.restore', 'i18n.catalog', 'noteEditor.open',
  'article.seen',
]);

const schemeAndHost = (url: URL) => `${url.protocol}//${url.host}`;

function parseUrl(value: string | undefined): URL | null {
  try {
    return value ? new URL(value) : null;
  } catch {
    return null;
  }
}

/** Classifies a message's sender by the origin of its URL (extension pages opened as tabs count as extension pages). */
export function classifySender(
  sender: Browser.runtime.MessageSender,
  extensionOrigin: string = schemeAndHost(new URL(browser.runtime.getURL('/'))),
): Sender {
  const url = parseUrl(sender.url);
  if (url && schemeAndHost(url) === extensionOrigin) return { kind: 'extension' };
  const page = parseHttpUrl(sender.url);
  if (page) return { kind: 'page', url: page };
  // An inline frame (srcdoc, about:blank) has its embedding page's origin, which the browser reports: it may
  // claim that origin's addresses, as the page could (a sandboxed frame's origin is "null": refused).
  const inline = url?.protocol === 'about:' ? parseHttpUrl(sender.origin) : null;
  if (inline) return { kind: 'page', url: inline };
  throw new Error('Gloss answers only its own pages and the web pages it runs on.');
}

/** Refuses, for web pages, every message but the few their content script needs. */
export function guardPageSenders<P>(handlers: Handlers<P>, extensionOrigin?: string): Handlers<P> {
  const guarded: Record<string, unknown> = {};
  for (const [type, handler] of Object.entries(handlers as Record<string, (data: unknown, sender: Browser.runtime.MessageSender) => unknown>)) {
    guarded[type] = (data: unknown, sender: Browser.runtime.MessageSender) => {
      if (classifySender(sender, extensionOrigin).kind === 'page' && !PAGE_MESSAGES.has(type)) {
        throw new Error(`"${type}" is for Gloss's own pages; a web page cannot ask for it.`);
      }
      return handler(data, sender);
    };
  }
  return guarded as Handlers<P>;
}

/**
 * The address a request is about. For a web page the location is its real URL; a location
 * claim is taken only on the same origin (where the page could pushState to it anyway), which
 * keeps single-page navigations right when the browser reports the address of the first load.
 */
export function addressFor(from: Sender, claims: PageAddress): ResolvedAddress {
  let location = claims.location;
  if (from.kind === 'page') {
    const claimed = parseHttpUrl(location);
    location = claimed && claimed.origin === from.url.origin ? claimed.href : from.url.href;
  }
  const address = resolveAddress({ ...claims, location });
  if (!address) throw new Error('Only http(s) pages can be annotated.');
  return address;
}

/** A web page may ask about a page by its key only if that page is on its own site. */
function onOwnSite(from: Sender, urlKey: string): boolean {
  return from.kind === 'extension' || siteOfKey(urlKey) === siteOf(from.url);
}

function refuseOtherSite(id: string): never {
  throw new Error(`Highlight ${id} belongs to a page on another site; a page can change only its own site's highlights.`);
}

/** A stored highlight the sender wants to change must be on its own site. */
export function assertOwnRecord(from: Sender, record: Pick<HighlightRecord, 'id' | 'urlKey'>): void {
  if (!onOwnSite(from, record.urlKey)) refuseOtherSite(record.id);
}

/** Before an id-based change: the stored highlight, if any, must be on the sender's site. */
export async function assertOwnHighlight(db: GlossDatabase, from: Sender, id: string): Promise<void> {
  if (from.kind === 'extension') return;
  const existing = await db.highlights.get(id);
  if (existing) assertOwnRecord(from, existing);
}

/** Before an undo: the record, any highlight it replaces and the article it joins are all on the sender's site. */
export async function assertOwnRestore(db: GlossDatabase, from: Sender, record: HighlightRecord): Promise<void> {
  if (from.kind === 'extension') return;
  if (!onOwnSite(from, record.urlKey)) refuseOtherSite(record.id);
  await assertOwnHighlight(db, from, record.id);
  const article = await db.articles.get(record.articleId);
  if (article?.urlKey !== record.urlKey) throw new Error(`Highlight ${record.id} cannot be put back: its article is not on this page.`);
}

/** Only Gloss's own pages may name a page by its key. */
export function assertExtension(from: Sender, what: string): void {
  if (from.kind !== 'extension') throw new Error(`A web page cannot ${what}.`);
}
