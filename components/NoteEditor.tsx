/**
 * The note and tags of one highlight, edited in an extension page that the
 * in-page popover frames: keys typed and text selected here belong to another
 * origin, so the annotated page's listeners and getSelection() never see them.
 * It edits only the highlight its one-time pass opened (lib/background/note-editor.ts)
 * and acts only on the user's own input.
 *
 * No effects here: in Firefox (headless ESR, in our end-to-end test) Preact's effects
 * did not run in this framed page, so it is rendered once the highlight is known
 * (entrypoints/note-editor/main.tsx) and focuses its field by ref.
 */
import { useState } from 'preact/hooks';
import type { HighlightRecord } from '@/lib/model/records';
import { TAG_NAME_MAX_LENGTH, TAGS_PER_ITEM_MAX } from '@/lib/model/limits';
import { askBackground, RefusedError, userErrorText, type NoteEditorFocus } from '@/lib/messaging';
import { splitTagInput, uniqueTagNames } from '@/lib/tags/tag-names';
import { useI18n } from './i18n';
import { trusted } from './page/trusted';

// Cut to the limits the background checks, so an over-long entry is shortened rather than the save refused.
const parseTags = (value: string) =>
  uniqueTagNames(splitTagInput(value)).slice(0, TAGS_PER_ITEM_MAX).map((tag) => tag.slice(0, TAG_NAME_MAX_LENGTH));

/** Shown instead of the editor when it cannot open (no valid pass, the highlight was deleted, no answer). */
export function EditorUnavailable({ error }: { error: unknown }) {
  const { t } = useI18n();
  const refused = error instanceof RefusedError;
  if (refused) console.debug('Gloss:', error);
  return <p class="status error" role="alert">{refused ? t('hlEditorUnavailable') : userErrorText(t, error)}</p>;
}

export function NoteEditor({ pass, highlight, focus }: { pass: string; highlight: HighlightRecord; focus: NoteEditorFocus }) {
  const { t } = useI18n();
  const [record, setRecord] = useState(highlight);
  const [note, setNote] = useState(highlight.note);
  const [tags, setTags] = useState(highlight.tags.join(', '));
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [noteField, setNoteField] = useState<HTMLTextAreaElement | null>(null);

  const dirty = note !== record.note || tags !== record.tags.join(', ');
  const save = async () => {
    if (!dirty) return;
    try {
      // The reply is the record as stored: what "saved" means.
      const saved = await askBackground('highlight.update', { id: record.id, patch: { note, tags: parseTags(tags) } });
      setRecord(saved);
      setNote(saved.note);
      setTags(saved.tags.join(', '));
      setStatus({ error: false, text: t('hlNoteSaved') });
    } catch (error) {
      setStatus({ error: true, text: userErrorText(t, error) });
    }
    // The save button turns disabled: keep the focus (and Escape) in the editor.
    noteField?.focus();
  };
  // Escape closes on key-up: the whole key stroke stays in the frame (closing on key-down would hand the
  // page the key-up once the frame is gone).
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key === 'Escape') void askBackground('noteEditor.close', { token: pass }).catch(() => undefined);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save();
  };
  const focusOnce = (wanted: NoteEditorFocus) => (element: HTMLElement | null) => {
    if (element && focus === wanted && !element.dataset.focused) {
      element.dataset.focused = 'yes';
      element.focus();
    }
  };

  return (
    <div class="editor" onKeyDown={trusted(onKeyDown)} onKeyUp={trusted(onKeyUp)}>
      <textarea
        ref={(element) => {
          if (element !== noteField) setNoteField(element);
          focusOnce('note')(element);
        }}
        value={note}
        placeholder={t('hlNotePlaceholder')}
        aria-label={t('hlAddNote')}
        onInput={(event) => {
          setNote(event.currentTarget.value);
          setStatus(null);
        }}
      />
      <input
        ref={focusOnce('tags')}
        value={tags}
        placeholder={t('hlTagsPlaceholder')}
        aria-label={t('hlAddTag')}
        onInput={(event) => {
          setTags(event.currentTarget.value);
          setStatus(null);
        }}
      />
      <div class="actions">
        <span class={status?.error ? 'status error' : 'status'} role="status">{status?.text}</span>
        <button data-action="save" disabled={!dirty} onClick={trusted(() => void save())}>
          {t('hlSave')}
        </button>
      </div>
    </div>
  );
}
