import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { colorOf, HIGHLIGHT_COLORS } from '@/lib/highlight';
import type { LiveHighlight } from '@/lib/content/page-highlights';
import type { UiController, UiState } from '@/lib/content/ui-state';
import { placeNear } from './placement';
import { trusted } from './trusted';

const parseTags = (value: string) =>
  [...new Set(value.split(/[,，、]/).map((tag) => tag.trim()).filter(Boolean))].slice(0, 100).map((tag) => tag.slice(0, 200));

export function Popover({ ui, popover, entry }: { ui: UiController; popover: NonNullable<UiState['popover']>; entry: LiveHighlight }) {
  const { t } = useI18n();
  const { record } = entry;
  const [note, setNote] = useState(record.note);
  const [tags, setTags] = useState(record.tags.join(', '));
  const noteField = useRef<HTMLTextAreaElement>(null);
  const tagsField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setNote(record.note);
    setTags(record.tags.join(', '));
  }, [record.id]);
  useEffect(() => {
    if (popover.focus === 'note') noteField.current?.focus();
    if (popover.focus === 'tags') tagsField.current?.focus();
  }, [popover.id, popover.focus]);

  const dirty = note !== record.note || tags !== record.tags.join(', ');
  const save = () => void ui.run(() => ui.highlights.update(record.id, { note, tags: parseTags(tags) }));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') ui.closePopover();
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save();
    event.stopPropagation(); // typing here is not a page shortcut
  };

  return (
    <div
      class="popover"
      role="dialog"
      aria-label={t('hlPopoverLabel')}
      style={{ ...placeNear(popover.box, 320, 260), '--swatch': colorOf(record.color).swatch }}
      onKeyDown={trusted(onKeyDown)}
    >
      <div class="popover-head">
        {HIGHLIGHT_COLORS.map((color) => (
          <button
            key={color.id}
            class="swatch"
            data-color={color.id}
            style={{ background: color.swatch }}
            aria-pressed={color.id === record.color}
            title={ui.colorNames[color.id] || t(color.nameKey)}
            aria-label={ui.colorNames[color.id] || t(color.nameKey)}
            onClick={trusted(() => void ui.run(() => ui.highlights.update(record.id, { color: color.id })))}
          />
        ))}
        <span class="grow" />
        <button class="text-button" data-action="close" aria-label={t('hlClose')} onClick={trusted(() => ui.closePopover())}>
          ✕
        </button>
      </div>
      <blockquote class="quote">{record.selectors.quote.exact}</blockquote>
      {entry.status === 'anchored-fuzzy' && entry.currentText !== null && (
        <div class="changed" data-status="anchored-fuzzy">
          <span>{t('hlFuzzyNotice')}</span>
          <span>
            {t('hlSavedText')}: <del>{record.selectors.quote.exact}</del>
          </span>
          <span>
            {t('hlCurrentText')}: <ins>{entry.currentText}</ins>
          </span>
        </div>
      )}
      <textarea
        ref={noteField}
        value={note}
        placeholder={t('hlNotePlaceholder')}
        aria-label={t('hlAddNote')}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      <input
        ref={tagsField}
        value={tags}
        placeholder={t('hlTagsPlaceholder')}
        aria-label={t('hlAddTag')}
        onInput={(event) => setTags(event.currentTarget.value)}
      />
      <div class="actions">
        <button class="text-button" data-action="link" onClick={trusted(() => void ui.copy(ui.highlights.deepLink(record.id) ?? ''))}>
          {t('hlCopyLink')}
        </button>
        <button class="text-button danger" data-action="delete" onClick={trusted(() => void ui.remove(record.id))}>
          {t('hlDelete')}
        </button>
        <button class="primary" data-action="save" disabled={!dirty} onClick={trusted(save)}>
          {t('hlSave')}
        </button>
      </div>
    </div>
  );
}
