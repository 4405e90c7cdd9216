/**
 * The background's answers to the tag and topic messages (TAGS_CONTRACT, in
 * lib/messaging/contract.ts, which checks their requests). Extension pages call e.g.
 * `askBackground('tags.rename', { name, newName })`; the background owns the
 * database and tells the tabs whose highlights changed to repaint.
 */
import type { GlossDatabase } from '../model/database';
import type { Handlers } from '../messaging/transport';
import type { TagsProtocol } from '../messaging/contract';
import { createTopicService } from '../topics/service';
import { countTagCarriers, deleteTag, mergeTags, recolourTag, renameTag } from '../db/tags';
import { listTagUsage } from '../db/tags-ranking';

export function tagHandlers(db: GlossDatabase, effects?: { highlightsChanged(urlKey: string | null): void }): Handlers<TagsProtocol> {
  const topics = createTopicService(db);
  // null: any page may show the tag, so every tab repaints.
  const announce = <T extends { urlKeys: string[] | null }>(result: T): T => {
    if (result.urlKeys === null) effects?.highlightsChanged(null);
    else for (const urlKey of result.urlKeys) effects?.highlightsChanged(urlKey);
    return result;
  };
  return {
    'tags.list': () => listTagUsage(db),
    'tags.rename': async (data) => announce(await renameTag(db, data.name, data.newName)),
    'tags.merge': async (data) => announce(await mergeTags(db, data.sources, data.target)),
    'tags.recolour': async (data) => recolourTag(db, data.name, data.color),
    'tags.carriers': async (data) => countTagCarriers(db, data.name),
    'tags.delete': async (data) => announce(await deleteTag(db, data.name)),
    'topics.forArticle': async (data) => topics.suggestForArticle(data.articleId, data.limit),
    'topics.forHighlight': async (data) => topics.suggestForHighlight(data.highlightId, data.limit),
  };
}
