/**
 * Structure detection for the content script, run once per DOM generation: the anchoring pass, a new highlight and
 * the popup's or side panel's summary all read the same result until the page's own content changes. Mutations of
 * Gloss's UI (its host element, the fallback painter's marks) do not count.
 */
import { GLOSS_UI_ATTRIBUTE } from '@/lib/anchoring';
import type { PageStructure } from '@/lib/article';
import { FALLBACK_MARK_TAG } from '@/lib/highlight';
import { detectComposed } from './flat-detection';

export type Detect = (doc: Document) => PageStructure;

/** True if a mutated node is part of Gloss's own UI or painting. */
export function isGlossNode(node: Node | null): boolean {
  const element = node?.nodeType === 1 ? (node as Element) : node?.parentElement;
  return Boolean(element?.closest(`[${GLOSS_UI_ATTRIBUTE}], ${FALLBACK_MARK_TAG}`));
}

/** True if a mutation is Gloss's own: inside its UI or marks, or adding or removing only those (mounting the UI). */
export function isGlossMutation(record: MutationRecord): boolean {
  if (isGlossNode(record.target)) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((node) => node.nodeType === 1 && isGlossNode(node));
}

export class PageDetection {
  private result: PageStructure | null = null;
  private readonly observer: MutationObserver;

  constructor(private readonly doc: Document, private readonly detect: Detect = detectComposed) {
    this.observer = new MutationObserver((records) => this.look(records));
    this.observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  private look(records: MutationRecord[]) {
    if (this.result && records.some((record) => !isGlossMutation(record))) this.result = null;
  }

  /**
   * Gloss just changed the page itself, synchronously (the wrapping painter, used where CSS.highlights is missing,
   * splits text nodes): what is queued now is ours. Page changes of earlier tasks were delivered already.
   */
  ownChangesDone() {
    this.observer.takeRecords();
  }

  /** The page's structure now: detected again only if the page changed since the last look. */
  current(): PageStructure {
    // Mutations of this very task have not been delivered to the callback yet.
    this.look(this.observer.takeRecords());
    if (this.result?.articles.some((article) => !article.root.isConnected)) this.result = null;
    this.result ??= this.detect(this.doc);
    return this.result;
  }

  stop() {
    this.observer.disconnect();
    this.result = null;
  }
}
