import { TagManager, type TagManagerActions } from '@/components/tags';
import { askBackground, userErrorText } from '@/lib/messaging';
import { useI18n } from '../i18n';
import { tagList } from '../data/queries';
import { useQuery } from '../data/useQuery';

/** "Tags": every tag with its use, to rename, merge, recolour or delete (through the background, which repaints pages). */
export function TagsView() {
  const { t } = useI18n();
  const [tags] = useQuery(tagList, []);
  const actions: TagManagerActions = {
    rename: (name, newName) => askBackground('tags.rename', { name, newName }),
    merge: (sources, target) => askBackground('tags.merge', { sources, target }),
    recolour: (name, color) => askBackground('tags.recolour', { name, color }),
    countCarriers: (name) => askBackground('tags.carriers', { name }),
    remove: (name) => askBackground('tags.delete', { name }),
  };
  if (tags.status === 'loading') return <p class="gloss-muted">{t('loading')}</p>;
  if (tags.status === 'error') return <p role="alert">{userErrorText(t, tags.error)}</p>;
  if (tags.value.length === 0) return <p class="gloss-card empty-state">{t('noTagsYet')}</p>;
  return <TagManager tags={tags.value} actions={actions} />;
}
