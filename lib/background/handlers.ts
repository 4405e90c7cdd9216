/** The background's answers to every BackgroundProtocol message. */
import type { GlossDatabase } from '../model/database';
import { tagHandlers } from './tag-handlers';
import { CATALOGS } from '../i18n/catalogs';
import type { Browser } from 'wxt/browser';
import {
  annotationsForPage, correctArticle, createHighlight, deleteHighlight, highlightCount, reattachHighlight, restoreHighlight,
  saveStatuses, storageStats, updateHighlight,
} from './repository';
import type { ArticleDescription, BackgroundProtocol, Handlers, ResolvedAddress } from '../messaging';
import { articleInputSchema, checked } from '../messaging/validate';
import { NoteEditorPasses } from './note-editor';
import type { TabFrames } from './tab-frames';
import { recordVisit } from '../db/versions';
import { seenText } from '../versions';
import {
  addressFor, assertExtension, assertOwnHighlight, assertOwnRestore, assertOwnRecord, classifySender, guardPageSenders,
} from './sender';

export interface BackgroundEffects {
  /** Highlights of a page changed: the tabs showing it repaint, except the tab that made the change (it knows). */
  /** null: every tab (a tag rename or merge may show on any page). */
  highlightsChanged(urlKey: string | null, exceptTabId?: number): void;
  /** The note editor in a tab's popover asked to close it. */
  closePopover?(tabId: number): void;
}

/**
 * The article to store: the description as sent, at the address the background resolved. Not a request check
 * (the router has checked the request against lib/messaging/contract.ts): this checks what the background
 * composed, e.g. that a normalised address still fits.
 */
function articleAt(description: ArticleDescription, address: ResolvedAddress) {
  return checked(articleInputSchema, { ...description, url: address.url, urlKey: address.key }, 'article');
}

/** Every handler gets a request its message's schema (lib/messaging/contract.ts) has checked. */
export function backgroundHandlers(db: GlossDatabase, effects?: BackgroundEffects, frames?: TabFrames): Handlers<BackgroundProtocol> {
  const changed = <T extends { urlKey: string } | null>(record: T, sender: Browser.runtime.MessageSender): T => {
    // A content script repaints its own change itself; the side panel's changes go to every tab.
    const own = classifySender(sender).kind === 'page' ? sender.tab?.id : undefined;
    if (record) effects?.highlightsChanged(record.urlKey, own);
    return record;
  };
  const passes = new NoteEditorPasses();
  // Web pages get only what their content script needs, for their own site (./sender.ts).
  return guardPageSenders<BackgroundProtocol>({
    ...tagHandlers(db, effects),
    'annotations.forPage': async (data, sender) => {
      const from = classifySender(sender);
      if ('urlKey' in data) {
        assertExtension(from, "choose which page's highlights it reads");
        const key = data.urlKey;
        const page = await annotationsForPage(db, key);
        return { ...page, address: { key, url: page.articles[0]?.url ?? `https://${key}` } };
      }
      const address = addressFor(from, data);
      return { ...(await annotationsForPage(db, address.key)), address };
    },
    'page.status': async (data, sender) => {
      if (sender.tab?.id !== undefined && sender.frameId !== undefined) await frames?.seen(sender.tab.id, sender.frameId);
      let key: string;
      try {
        key = addressFor(classifySender(sender), data).key;
      } catch {
        return { key: null, highlights: 0 }; // not a page Gloss can annotate
      }
      return { key, highlights: await highlightCount(db, key) };
    },
    'tab.frames': async ({ tabId }) => frames?.of(tabId) ?? [0],
    'address.resolve': (data, sender) => addressFor(classifySender(sender), data),
    'highlight.create': async (data, sender) => {
      // The article's address is never taken as sent: the background resolves it for the sender.
      const article = articleAt(data.article, addressFor(classifySender(sender), data.address));
      return changed(await createHighlight(db, article, data.highlight), sender);
    },
    'highlight.update': async (data, sender) => {
      await assertOwnHighlight(db, classifySender(sender), data.id);
      return changed(await updateHighlight(db, data.id, data.patch), sender);
    },
    'highlight.delete': async (data, sender) => {
      await assertOwnHighlight(db, classifySender(sender), data.id);
      return changed(await deleteHighlight(db, data.id), sender);
    },
    'highlight.statuses': async (data, sender) => {
      const from = classifySender(sender);
      await saveStatuses(db, data.statuses, (record) => assertOwnRecord(from, record));
      return null;
    },
    'highlight.reattach': async (data, sender) => {
      const article = articleAt(data.article, addressFor(classifySender(sender), data.address));
      await assertOwnHighlight(db, classifySender(sender), data.id);
      return changed(await reattachHighlight(db, data.id, article, data.selectors), sender);
    },
    'highlight.restore': async (data, sender) => {
      const record = data.highlight;
      await assertOwnRestore(db, classifySender(sender), record);
      await restoreHighlight(db, record);
      changed(record, sender);
      return null;
    },
    'noteEditor.open': async (data, sender) => {
      const { id, focus } = data;
      const from = classifySender(sender);
      if (from.kind !== 'page' || sender.tab?.id === undefined) throw new Error('Only a tab showing a page opens a note editor.');
      await assertOwnHighlight(db, from, id);
      return { token: passes.issue(id, sender.tab.id, focus) };
    },
    'noteEditor.claim': (data, sender) => passes.claim(db, data.token, sender.tab?.id),
    'noteEditor.close': (data, sender) => {
      effects?.closePopover?.(passes.end(data.token, sender.tab?.id));
      return null;
    },
    'article.seen': async (data, sender) => {
      // The page's own key, resolved for the sender: a page can only add versions of its own articles.
      const { key } = addressFor(classifySender(sender), data.address);
      const article = await db.articles.where('[urlKey+storyKey]').equals([key, data.storyKey]).first();
      if (!article) throw new Error(`This page has no stored article "${data.storyKey}".`);
      const seen = await seenText(data.text);
      return { added: await recordVisit(db, article, { ...seen, at: Date.now(), modifiedDate: data.modifiedDate }) };
    },
    'article.correct': (data) => correctArticle(db, data.id, data.correction),
    'stats.get': () => storageStats(db),
    'i18n.catalog': (data) => CATALOGS[data.locale],
  });
}
