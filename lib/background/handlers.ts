/** The background's answers to every BackgroundProtocol message. */
import type { GlossDatabase } from '../model/database';
import { tagHandlers } from './tag-handlers';
import { LOCALES } from '../i18n';
import { CATALOGS } from '../i18n/catalogs';
import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import {
  annotationsForPage, correctArticle, createHighlight, deleteHighlight, highlightCount, reattachHighlight, restoreHighlight,
  saveStatuses, storageStats, updateHighlight,
} from './repository';
import type { BackgroundProtocol, Handlers } from '../messaging';
import {
  anchorStatesSchema, articleCorrectionSchema, articleDescriptionSchema, articleInputSchema, checked, highlightPatchSchema,
  highlightRecordSchema, idSchema, newHighlightSchema, noteEditorFocusSchema, pageAddressSchema, passSchema, selectorsSchema,
  urlKeySchema,
} from '../messaging/validate';
import { NoteEditorPasses } from './note-editor';
import {
  addressFor, assertExtension, assertOwnHighlight, assertOwnRestore, assertOwnRecord, classifySender, guardPageSenders,
} from './sender';

export interface BackgroundEffects {
  /** Highlights of a page changed: the tabs showing it repaint, except the tab that made the change (it knows). */
  highlightsChanged(urlKey: string, exceptTabId?: number): void;
  /** The note editor in a tab's popover asked to close it. */
  closePopover?(tabId: number): void;
}

export function backgroundHandlers(db: GlossDatabase, effects?: BackgroundEffects): Handlers<BackgroundProtocol> {
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
      if (typeof data === 'object' && data !== null && 'urlKey' in data) {
        assertExtension(from, "choose which page's highlights it reads");
        const key = checked(urlKeySchema, data.urlKey, 'URL key');
        const page = await annotationsForPage(db, key);
        return { ...page, address: { key, url: page.articles[0]?.url ?? `https://${key}` } };
      }
      const address = addressFor(from, checked(pageAddressSchema, data, 'page address'));
      return { ...(await annotationsForPage(db, address.key)), address };
    },
    'page.status': async (data, sender) => {
      let key: string;
      try {
        key = addressFor(classifySender(sender), checked(pageAddressSchema, data, 'page address')).key;
      } catch {
        return { key: null, highlights: 0 }; // not a page Gloss can annotate
      }
      return { key, highlights: await highlightCount(db, key) };
    },
    'address.resolve': (data, sender) => addressFor(classifySender(sender), checked(pageAddressSchema, data, 'page address')),
    'highlight.create': async (data, sender) => {
      // The article's address is never taken as sent: the background resolves it for the sender.
      const address = addressFor(classifySender(sender), checked(pageAddressSchema, data?.address, 'page address'));
      const description = checked(articleDescriptionSchema, data?.article, 'article');
      const article = checked(articleInputSchema, { ...description, url: address.url, urlKey: address.key }, 'article');
      return changed(await createHighlight(db, article, checked(newHighlightSchema, data?.highlight, 'highlight')), sender);
    },
    'highlight.update': async (data, sender) => {
      const id = checked(idSchema, data?.id, 'id');
      const patch = checked(highlightPatchSchema, data?.patch, 'patch');
      await assertOwnHighlight(db, classifySender(sender), id);
      return changed(await updateHighlight(db, id, patch), sender);
    },
    'highlight.delete': async (data, sender) => {
      const id = checked(idSchema, data?.id, 'id');
      await assertOwnHighlight(db, classifySender(sender), id);
      return changed(await deleteHighlight(db, id), sender);
    },
    'highlight.statuses': async (data, sender) => {
      const statuses = checked(anchorStatesSchema, data?.statuses, 'statuses');
      const from = classifySender(sender);
      await saveStatuses(db, statuses, (record) => assertOwnRecord(from, record));
      return null;
    },
    'highlight.reattach': async (data, sender) => {
      const id = checked(idSchema, data?.id, 'id');
      const address = addressFor(classifySender(sender), checked(pageAddressSchema, data?.address, 'page address'));
      const description = checked(articleDescriptionSchema, data?.article, 'article');
      const article = checked(articleInputSchema, { ...description, url: address.url, urlKey: address.key }, 'article');
      await assertOwnHighlight(db, classifySender(sender), id);
      return changed(await reattachHighlight(db, id, article, checked(selectorsSchema, data?.selectors, 'selectors')), sender);
    },
    'highlight.restore': async (data, sender) => {
      const record = checked(highlightRecordSchema, data?.highlight, 'highlight');
      await assertOwnRestore(db, classifySender(sender), record);
      await restoreHighlight(db, record);
      changed(record, sender);
      return null;
    },
    'noteEditor.open': async (data, sender) => {
      const id = checked(idSchema, data?.id, 'id');
      const focus = checked(noteEditorFocusSchema, data?.focus ?? null, 'focus');
      const from = classifySender(sender);
      if (from.kind !== 'page' || sender.tab?.id === undefined) throw new Error('Only a tab showing a page opens a note editor.');
      await assertOwnHighlight(db, from, id);
      return { token: passes.issue(id, sender.tab.id, focus) };
    },
    'noteEditor.claim': (data, sender) => passes.claim(db, checked(passSchema, data?.token, 'pass'), sender.tab?.id),
    'noteEditor.close': (data, sender) => {
      effects?.closePopover?.(passes.end(checked(passSchema, data?.token, 'pass'), sender.tab?.id));
      return null;
    },
    'article.correct': (data) =>
      correctArticle(db, checked(idSchema, data?.id, 'id'), checked(articleCorrectionSchema, data?.correction, 'correction')),
    'stats.get': () => storageStats(db),
    'i18n.catalog': (data) => CATALOGS[checked(v.picklist(LOCALES), data?.locale, 'locale')],
  });
}
