/** Which background messages may be resent; kept apart from ./contract.ts so that askBackground bundles no schemas. */
import type { BackgroundProtocol } from './contract';
import type { MessageType } from './protocol';

/**
 * Background requests that may be sent again when the answer was lost (the MV3 worker stopped after acting and before
 * replying): doing one twice leaves what doing it once does. `highlight.create` is, because it carries the id made
 * where the user acted and is stored put-if-absent. Renames, merges and tag deletions are not: they are sent once.
 */
export const RETRY_SAFE = {
  'annotations.forPage': true,
  'highlight.create': true,
  'highlight.update': true,
  'highlight.delete': true,
  'highlight.statuses': true,
  'highlight.reattach': true,
  'highlight.restore': true,
  'page.status': true,
  'article.correct': true,
  'stats.get': true,
  'i18n.catalog': true,
  'tags.list': true,
  'tags.carriers': true,
  'tags.recolour': true,
  'topics.forArticle': true,
  'topics.forHighlight': true,
} as const satisfies Partial<Record<MessageType<BackgroundProtocol>, true>>;
