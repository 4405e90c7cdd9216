import { useState } from 'preact/hooks';
import { TagInput } from '@/components/tags';
import type { TagUsage } from '@/lib/db/tags-ranking';
import type { HighlightRecord } from '@/lib/model/records';
import { askBackground } from '@/lib/messaging';
import type { TopicSuggestion } from '@/lib/topics/suggest';
import { useI18n } from '../i18n';

/** A highlight's tags as chips; "Tags…" opens the tag input with autocomplete and topic suggestions. */
export function HighlightTags({ highlight, onChange }: { highlight: HighlightRecord; onChange: (tags: string[]) => Promise<void> }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [known, setKnown] = useState<TagUsage[]>([]);
  const [suggestions, setSuggestions] = useState<TopicSuggestion[]>([]);

  const open = () => {
    setEditing(true);
    // Loaded when asked for: suggestions read the library, which every card need not do.
    void askBackground('tags.list', null).then(setKnown, () => undefined);
    void askBackground('topics.forHighlight', { highlightId: highlight.id, limit: 8 }).then(setSuggestions, () => undefined);
  };

  if (editing) {
    return (
      <div class="tag-editor">
        <TagInput value={highlight.tags} onChange={(tags) => void onChange(tags)} known={known} suggestions={suggestions} autoFocus />
        <button class="link-button" onClick={() => setEditing(false)}>{t('doneEditingTags')}</button>
      </div>
    );
  }
  return (
    <div class="tag-row">
      {highlight.tags.length > 0 && (
        <ul class="tag-chips">
          {highlight.tags.map((tag) => <li class="tag-chip" key={tag}>{tag}</li>)}
        </ul>
      )}
      <button class="link-button" onClick={open}>{t('editTags')}</button>
    </div>
  );
}
