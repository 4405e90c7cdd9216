/**
 * The highlights of the page in this tab: loaded through the background,
 * anchored, painted, kept in step with edits made here or elsewhere.
 */
import { buildTextIndex, describe, fragmentOfRange, rangeOfOffsets, textFragmentUrl, type AnchorStatusResult } from '@/lib/anchoring';
import type { ArticleRecord, HighlightRecord } from '@/lib/model/records';
import { createPainter, installPageStyles, type Painter } from '@/lib/highlight';
import { newUuid } from '@/lib/model/uuid';
import {
  askBackground, type AnchorReport, type AnchorState, type BackgroundProtocol, type HighlightPatch, type HighlightSelectionResult,
  type MessageType, type RequestOf, type ResolvedAddress, type ResponseOf,
} from '@/lib/messaging';
import { anchorRecords } from './anchoring-pass';
import { reportArticleVisits } from './article-visits';
import { storyInScope } from '@/lib/model/records';
import { articleOfRange, articlesOfPage, inFrame, wholePage, WHOLE_PAGE_STORY, type PageArticle } from './articles';
import { frameScope, type FrameScope } from './frame-scope';
import { PageDetection } from './detection';
import { claimsSignature, PageAddressWatch } from './page-address';

/** How the content script reaches the background: the real messaging, or a stand-in in tests and benchmarks. */
export interface ContentBackend {
  ask<K extends MessageType<BackgroundProtocol>>(type: K, data: RequestOf<BackgroundProtocol, K>): Promise<ResponseOf<BackgroundProtocol, K>>;
}

export const MESSAGING_BACKEND: ContentBackend = { ask: (type, data) => askBackground(type, data) };

export interface PageHighlightsOptions {
  backend?: ContentBackend;
  detection?: PageDetection;
  /** The loader's watch, so claims seen before the rest of Gloss loaded still count as seen. */
  addressWatch?: PageAddressWatch;
  /** Where the document's highlights belong; found from the window's frames unless given (tests). */
  scope?: FrameScope;
}

export interface LiveHighlight {
  record: HighlightRecord;
  status: AnchorStatusResult;
  range: Range | null;
  /** Text at the anchor when it differs from the quote. */
  currentText: string | null;
}

export interface NewHighlightOptions {
  color: string;
  note?: string;
  tags?: string[];
}

export class PageHighlights {
  private painterInstance: Painter | null = null;
  private readonly live = new Map<string, LiveHighlight>();
  private readonly listeners = new Set<() => void>();
  private removeStyles: (() => void) | null = null;
  private readonly shadowStyles = new Map<ShadowRoot, () => void>();
  /** The page's key as the background resolved it (the background decides, from the tab's real URL). */
  private key: string | null = null;
  private resolved: { signature: string; address: ResolvedAddress | null } | null = null;
  private readonly addressWatch: PageAddressWatch;
  private readonly backend: ContentBackend;
  readonly detection: PageDetection;
  /** Where this document's highlights belong: its own address, or (an inline frame) the embedding page's. */
  readonly scope: FrameScope;
  private storedArticles: ArticleRecord[] = [];
  /** The page key whose articles' texts were reported (once per page: lib/content/article-visits.ts). */
  private visitReported: string | null = null;
  /** Counts this page's own writes (create, update, delete), so that a stale load can tell it is stale. */
  private writes = 0;

  constructor(private readonly win: Window, options: PageHighlightsOptions = {}) {
    this.backend = options.backend ?? MESSAGING_BACKEND;
    this.detection = options.detection ?? new PageDetection(win.document);
    this.addressWatch = options.addressWatch ?? new PageAddressWatch();
    this.scope = options.scope ?? frameScope(win);
  }

  /** Created on first use: a page without highlights never touches the highlight registry. */
  get painter(): Painter {
    this.painterInstance ??= createPainter(this.win);
    return this.painterInstance;
  }

  get doc(): Document {
    return this.win.document;
  }

  /** Called after every change, for the in-page UI. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        console.debug('Gloss: UI update failed', error);
      }
    }
  }

  list(): LiveHighlight[] {
    return [...this.live.values()];
  }

  get(id: string): LiveHighlight | undefined {
    return this.live.get(id);
  }

  pageKey(): string | null {
    return this.key;
  }

  /** The page's address as the background resolves it; asks again only when the page's claims changed. */
  async address(): Promise<ResolvedAddress | null> {
    const claims = this.addressWatch.claims(this.doc);
    const signature = claimsSignature(claims);
    if (this.resolved?.signature !== signature) {
      this.resolved = { signature, address: await this.backend.ask('address.resolve', claims) };
    }
    return this.resolved.address;
  }

  private ensureStyles(range: Range) {
    this.removeStyles ??= installPageStyles(this.doc);
    // A passage in an open shadow root needs the rules in that root too.
    const tree = range.startContainer.getRootNode();
    if (tree !== this.doc && 'host' in tree && !this.shadowStyles.has(tree as ShadowRoot)) {
      this.shadowStyles.set(tree as ShadowRoot, installPageStyles(tree as ShadowRoot));
    }
  }

  private paint(entry: LiveHighlight) {
    if (!entry.range) return;
    this.ensureStyles(entry.range);
    this.painter.paint(entry.record.id, entry.range, entry.record.color);
    this.detection.ownChangesDone();
  }

  private unpaint(id: string) {
    this.painter.unpaint(id);
    this.detection.ownChangesDone();
  }

  /** Loads the page's highlights and anchors the ones not already painted on their text. */
  async load(): Promise<AnchorReport> {
    const claims = this.addressWatch.claims(this.doc);
    const signature = claimsSignature(claims);
    let writes = this.writes;
    let reply = await this.backend.ask('annotations.forPage', claims);
    // A reply asked for before one of our own writes finished may not hold it: it would bring back a
    // highlight just deleted or drop one just made. Ask again (writes are rare; three tries bound it).
    for (let attempt = 0; attempt < 3 && writes !== this.writes; attempt++) {
      writes = this.writes;
      reply = await this.backend.ask('annotations.forPage', claims);
    }
    const { address } = reply;
    // The page's inline frames keep their own stories (and the page keeps its own): each anchors only what is its.
    const articles = reply.articles.filter((a) => storyInScope(a.storyKey, this.scope.storyPrefix));
    const elsewhere = new Set(reply.articles.filter((a) => !storyInScope(a.storyKey, this.scope.storyPrefix)).map((a) => a.id));
    const highlights = reply.highlights.filter((h) => !elsewhere.has(h.articleId));
    if (claimsSignature(this.addressWatch.claims(this.doc)) !== signature) return this.report(); // navigated away meanwhile
    if (address.key !== this.key) this.reset();
    this.key = address.key;
    this.resolved = { signature, address };
    this.storedArticles = articles;
    const incoming = new Set(highlights.map((h) => h.id));
    for (const id of [...this.live.keys()]) if (!incoming.has(id)) this.forget(id);
    for (const record of highlights) {
      const entry = this.live.get(record.id);
      if (entry) entry.record = record;
      else this.live.set(record.id, { record, status: 'orphan', range: null, currentText: null });
    }
    return this.reanchor();
  }

  /** Anchors again only the highlights that are not painted on their text; painted ones stay as they are. */
  reanchor(): AnchorReport {
    const toAnchor: HighlightRecord[] = [];
    for (const entry of this.live.values()) {
      if (entry.range && this.stillPainted(entry)) this.paint(entry); // repaints only if the colour changed
      else toAnchor.push(entry.record);
    }
    if (toAnchor.length) {
      for (const { record, result } of anchorRecords(this.doc, this.articles(), this.storedArticles, toAnchor)) {
        const currentText = result.status === 'anchored-fuzzy' ? result.text : null;
        const entry: LiveHighlight = { record, status: result.status, range: result.range, currentText };
        this.live.set(record.id, entry);
        if (entry.range) this.paint(entry);
        else this.unpaint(record.id);
      }
    }
    this.changed();
    return this.report();
  }

  /** True if a painted range still covers the text it was anchored to (the page may have re-rendered). */
  stillPainted(entry: LiveHighlight): boolean {
    const range = entry.range;
    if (!range || !range.startContainer.isConnected || range.collapsed) return false;
    return range.toString().trim() === (entry.currentText ?? entry.record.selectors.quote.exact).trim();
  }

  /** Highlights that need another anchoring attempt: orphans, and painted ones whose text went away. */
  needsAnchoring(): boolean {
    for (const entry of this.live.values()) if (entry.status === 'orphan' || !this.stillPainted(entry)) return true;
    return false;
  }

  /**
   * Saves the anchoring outcomes that differ from the stored ones, in one message; orphans only when `settled`
   * (content may still arrive).
   */
  async persistStatuses(settled: boolean): Promise<void> {
    const changed: AnchorState[] = [];
    for (const entry of this.live.values()) {
      const { record } = entry;
      if (entry.status === 'orphan' && !settled) continue;
      if (record.status === entry.status && (record.currentText ?? null) === entry.currentText) continue;
      record.status = entry.status;
      record.currentText = entry.currentText;
      changed.push({ id: record.id, status: entry.status, currentText: entry.currentText });
    }
    if (!changed.length) return;
    await this.backend.ask('highlight.statuses', { statuses: changed }).catch(
      (error: unknown) => console.debug('Gloss: could not save anchoring statuses', error),
    );
  }

  /** Once per page, when its content settled: the stored articles' texts now, for their versions. */
  async reportVisit(): Promise<void> {
    const key = this.key;
    if (key === null || this.visitReported === key || !this.storedArticles.length) return;
    this.visitReported = key;
    const onPage = this.articles();
    await reportArticleVisits((request) => this.backend.ask('article.seen', request), this.addressWatch.claims(this.doc), this.storedArticles, onPage);
  }

  /** The document's articles as detected now, under this frame's story keys. */
  private articles(): PageArticle[] {
    return inFrame(articlesOfPage(this.doc, this.detection.current()), this.scope.storyPrefix);
  }

  report(): AnchorReport {
    // A range the page re-rendered away is not anchored, whatever the last pass found.
    const highlights = this.list().map((e) => ({ id: e.record.id, status: this.stillPainted(e) ? e.status : 'orphan', currentText: e.currentText }));
    return {
      anchored: highlights.filter((h) => h.status === 'anchored').length,
      fuzzy: highlights.filter((h) => h.status === 'anchored-fuzzy').length,
      orphans: highlights.filter((h) => h.status === 'orphan').length,
      highlights,
    };
  }

  /** Where a range would be stored: its article, its selectors, and how to paint exactly what is stored. */
  private passage(range: Range) {
    const located = articleOfRange(this.articles(), range);
    if (!located.ok && located.reason === 'spans-articles') return { ok: false as const, reason: 'spans-articles' as const };
    // Text outside every detected story (a caption, a sidebar) still belongs to the page.
    const article: PageArticle | null = (located.ok ? located.article : null) ?? wholePage(this.doc, this.scope.storyPrefix + WHOLE_PAGE_STORY);
    if (!article) return { ok: false as const, reason: 'not-annotatable' as const };
    const index = buildTextIndex(article.root);
    const description = describe(article.root, range, index);
    if (!description) return { ok: false as const, reason: 'no-selection' as const };
    const body = this.doc.body;
    const pageDescription = body && body !== article.root ? describe(body, range) : description;
    // The link's fragment is made from the passage as stored (trimmed), on the live page.
    const fragment = fragmentOfRange(rangeOfOffsets(index, description.position.start, description.position.end) ?? range);
    return {
      ok: true as const,
      article,
      selectors: {
        quote: description.quote, position: description.position, pagePosition: pageDescription?.position ?? null,
        ...(fragment ? { fragment } : {}),
      },
      // Paint exactly the trimmed passage that was stored.
      paintable: () => rangeOfOffsets(index, description.position.start, description.position.end),
    };
  }

  private painted(record: HighlightRecord, range: Range | null) {
    const entry: LiveHighlight = { record, status: range ? 'anchored' : 'orphan', range, currentText: null };
    this.key = record.urlKey;
    this.live.set(record.id, entry);
    this.writes++;
    this.paint(entry);
    this.changed();
  }

  /** Saves a highlight for `range` and paints it. */
  async create(range: Range, options: NewHighlightOptions): Promise<HighlightSelectionResult> {
    const passage = this.passage(range);
    if (!passage.ok) return passage;
    // The id is made here, where the user acted: if the worker stops before answering, the request is sent
    // again with the same id and the background returns the record it already stored instead of a copy.
    const record = await this.backend.ask('highlight.create', {
      article: passage.article.describe(),
      address: this.addressWatch.claims(this.doc),
      highlight: { id: newUuid(), selectors: passage.selectors, color: options.color, note: options.note ?? '', tags: options.tags ?? [] },
    });
    this.painted(record, passage.paintable());
    return { ok: true, highlight: record };
  }

  /** Moves a highlight (typically an orphan) onto a new passage: one stored change, same id, note and tags. */
  async reattach(id: string, range: Range): Promise<boolean> {
    if (!this.live.has(id)) return false;
    const passage = this.passage(range);
    if (!passage.ok) return false;
    const record = await this.backend.ask('highlight.reattach', {
      id, article: passage.article.describe(), address: this.addressWatch.claims(this.doc), selectors: passage.selectors,
    });
    this.unpaint(id);
    this.painted(record, passage.paintable());
    return true;
  }

  async update(id: string, patch: HighlightPatch): Promise<void> {
    const entry = this.live.get(id);
    if (!entry) return;
    entry.record = await this.backend.ask('highlight.update', { id, patch });
    this.writes++;
    this.paint(entry);
    this.changed();
  }

  /** Deletes a highlight; returns the deleted record (for undo). */
  async remove(id: string): Promise<HighlightRecord | null> {
    const removed = await this.backend.ask('highlight.delete', { id });
    this.writes++;
    this.forget(id);
    this.changed();
    return removed;
  }

  /** Puts a deleted highlight back (undo) and paints it again. */
  async restore(record: HighlightRecord): Promise<void> {
    await this.backend.ask('highlight.restore', { highlight: record });
    await this.load();
  }

  private forget(id: string) {
    this.unpaint(id);
    this.live.delete(id);
  }

  /** Drops everything painted (SPA navigation to another page). */
  reset() {
    this.painterInstance?.clear();
    this.live.clear();
    this.changed();
  }

  scrollTo(id: string): boolean {
    const range = this.live.get(id)?.range;
    if (!range || !range.startContainer.isConnected) return false;
    const element = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return Boolean(element);
  }

  deepLink(id: string): string | null {
    const entry = this.live.get(id);
    return entry ? textFragmentUrl(this.scope.addressDoc.URL, entry.record.selectors.quote, entry.record.selectors.fragment) : null;
  }

  dispose() {
    this.detection.stop();
    this.painterInstance?.clear();
    this.removeStyles?.();
    this.removeStyles = null;
    for (const remove of this.shadowStyles.values()) remove();
    this.shadowStyles.clear();
    this.live.clear();
    this.listeners.clear();
  }
}
