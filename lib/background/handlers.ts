/** The background's answers to every BackgroundProtocol message. */
import type { GlossDatabase } from '../db/database';
import { tagHandlers } from '../db/tags-messages';
import { LOCALES } from '../i18n';
import { CATALOGS } from '../i18n/catalogs';
import * as v from 'valibot';
import {
  annotationsForPage, correctArticle, createHighlight, deleteHighlight, restoreHighlight, storageStats, updateHighlight,
} from '../db/repository';
import type { BackgroundProtocol, Handlers } from '../messaging';
import {
  articleCorrectionSchema, articleInputSchema, checked, highlightPatchSchema, highlightRecordSchema, idSchema,
  newHighlightSchema, urlKeySchema,
} from '../messaging/validate';

export interface BackgroundEffects {
  /** Highlights of a page changed: the tabs showing it repaint. */
  highlightsChanged(urlKey: string): void;
}

export function backgroundHandlers(db: GlossDatabase, effects?: BackgroundEffects): Handlers<BackgroundProtocol> {
  const changed = <T extends { urlKey: string } | null>(record: T): T => {
    if (record) effects?.highlightsChanged(record.urlKey);
    return record;
  };
  return {
    ...tagHandlers(db, effects),
    'annotations.forPage': (data) => annotationsForPage(db, checked(urlKeySchema, data?.urlKey, 'URL key')),
    'highlight.create': async (data) =>
      changed(
        await createHighlight(
          db,
          checked(articleInputSchema, data?.article, 'article'),
          checked(newHighlightSchema, data?.highlight, 'highlight'),
        ),
      ),
    'highlight.update': async (data) =>
      changed(await updateHighlight(db, checked(idSchema, data?.id, 'id'), checked(highlightPatchSchema, data?.patch, 'patch'))),
    'highlight.delete': async (data) => changed(await deleteHighlight(db, checked(idSchema, data?.id, 'id'))),
    'highlight.restore': async (data) => {
      const record = checked(highlightRecordSchema, data?.highlight, 'highlight');
      await restoreHighlight(db, record);
      changed(record);
      return null;
    },
    'article.correct': (data) =>
      correctArticle(db, checked(idSchema, data?.id, 'id'), checked(articleCorrectionSchema, data?.correction, 'correction')),
    'stats.get': () => storageStats(db),
    'i18n.catalog': (data) => CATALOGS[checked(v.picklist(LOCALES), data?.locale, 'locale')],
  };
}
