/** The background's answers to every BackgroundProtocol message. */
import type { GlossDatabase } from '../db/database';
import { annotationsForPage, createHighlight, deleteHighlight, storageStats, updateHighlight } from '../db/repository';
import type { BackgroundProtocol, Handlers } from '../messaging';
import { articleInputSchema, checked, highlightPatchSchema, idSchema, newHighlightSchema, urlKeySchema } from '../messaging/validate';

export function backgroundHandlers(db: GlossDatabase): Handlers<BackgroundProtocol> {
  return {
    'annotations.forPage': (data) => annotationsForPage(db, checked(urlKeySchema, data?.urlKey, 'URL key')),
    'highlight.create': (data) =>
      createHighlight(
        db,
        checked(articleInputSchema, data?.article, 'article'),
        checked(newHighlightSchema, data?.highlight, 'highlight'),
      ),
    'highlight.update': (data) =>
      updateHighlight(db, checked(idSchema, data?.id, 'id'), checked(highlightPatchSchema, data?.patch, 'patch')),
    'highlight.delete': (data) => deleteHighlight(db, checked(idSchema, data?.id, 'id')),
    'stats.get': () => storageStats(db),
  };
}
