/** Tag and topic messages, answered by the background (lib/background/tag-handlers.ts); part of BackgroundProtocol. */
import type { TagCarriers, TagDeletion, TagRewriteResult } from '../db/tags';
import type { TagUsage } from '../db/tags-ranking';
import type { TagRecord } from '../model/records';
import type { TopicSuggestion } from '../topics/suggest';

export interface TagsProtocol {
  'tags.list': { request: null; response: TagUsage[] };
  'tags.rename': { request: { name: string; newName: string }; response: TagRewriteResult };
  'tags.merge': { request: { sources: string[]; target: string }; response: TagRewriteResult };
  'tags.recolour': { request: { name: string; color: string | null }; response: TagRecord };
  'tags.carriers': { request: { name: string }; response: TagCarriers };
  'tags.delete': { request: { name: string }; response: TagDeletion };
  'topics.forArticle': { request: { articleId: string; limit?: number }; response: TopicSuggestion[] };
  'topics.forHighlight': { request: { highlightId: string; limit?: number }; response: TopicSuggestion[] };
}
