/**
 * The background's answers to the tag and topic messages (TagsProtocol, in
 * lib/messaging/tags-protocol.ts). Extension pages call e.g.
 * `askBackground('tags.rename', { name, newName })`; the background owns the
 * database and tells the tabs whose highlights changed to repaint.
 */
import * as v from 'valibot';
import type { GlossDatabase } from '../model/database';
import type { Handlers } from '../messaging/transport';
import type { TagsProtocol } from '../messaging/tags-protocol';
import { checked } from '../messaging/validate';
import { TAG_NAME_MAX_LENGTH } from '../model/limits';
import { createTopicService } from '../topics/service';
import { countTagCarriers, deleteTag, mergeTags, recolourTag, renameTag } from '../db/tags';
import { listTagUsage } from '../db/tags-ranking';

const tagName = v.pipe(v.string(), v.minLength(1), v.maxLength(TAG_NAME_MAX_LENGTH));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)));
const colour = v.nullable(v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i)));

export function tagHandlers(db: GlossDatabase, effects?: { highlightsChanged(urlKey: string): void }): Handlers<TagsProtocol> {
  const topics = createTopicService(db);
  const announce = <T extends { urlKeys: string[] }>(result: T): T => {
    for (const urlKey of result.urlKeys) effects?.highlightsChanged(urlKey);
    return result;
  };
  return {
    'tags.list': () => listTagUsage(db),
    'tags.rename': async (data) => announce(await renameTag(db, checked(tagName, data?.name, 'tag name'), checked(tagName, data?.newName, 'new tag name'))),
    'tags.merge': async (data) =>
      announce(await mergeTags(db, checked(v.pipe(v.array(tagName), v.minLength(1), v.maxLength(100)), data?.sources, 'source tags'), checked(tagName, data?.target, 'target tag'))),
    'tags.recolour': async (data) => recolourTag(db, checked(tagName, data?.name, 'tag name'), checked(colour, data?.color, 'colour')),
    'tags.carriers': async (data) => countTagCarriers(db, checked(tagName, data?.name, 'tag name')),
    'tags.delete': async (data) => announce(await deleteTag(db, checked(tagName, data?.name, 'tag name'))),
    'topics.forArticle': async (data) => topics.suggestForArticle(checked(id, data?.articleId, 'article id'), checked(limit, data?.limit, 'limit')),
    'topics.forHighlight': async (data) => topics.suggestForHighlight(checked(id, data?.highlightId, 'highlight id'), checked(limit, data?.limit, 'limit')),
  };
}
