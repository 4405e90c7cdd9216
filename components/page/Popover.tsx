import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useI18n } from '@/components/i18n';
import { colorOf, HIGHLIGHT_COLORS } from '@/lib/highlight';
import { askBackground, userErrorText } from '@/lib/messaging';
import type { LiveHighlight } from '@/lib/content/page-highlights';
import type { UiController, UiState } from '@/lib/content/ui-state';
import { placeNear } from './placement';
import { trusted } from './trusted';

/** The note editor page (entrypoints/note-editor), framed so what the user types there is out of the page's reach. */
const EDITOR_PAGE = '/note-editor.html';

export function Popover({ ui, popover, entry }: { ui: UiController; popover: NonNullable<UiState['popover']>; entry: LiveHighlight }) {
  const { t } = useI18n();
  const { record } = entry;
  const [editor, setEditor] = useState<{ src: string } | { error: unknown } | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  // One pass per opening; the editor loads the note itself from the background.
  useEffect(() => {
    let current = true;
    setEditor(null);
    askBackground('noteEditor.open', { id: popover.id, focus: popover.focus }).then(
      ({ token }) => current && setEditor({ src: `${browser.runtime.getURL(EDITOR_PAGE)}#${token}` }),
      (error: unknown) => current && setEditor({ error }),
    );
    return () => {
      current = false;
    };
  }, [popover.id]);
  // The frame takes the focus for the field the editor focuses (the `n` key: write a note).
  const focusEditor = () => {
    if (popover.focus) frame.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') ui.closePopover();
    event.stopPropagation(); // keys on the popover's buttons are not page shortcuts
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
      {editor && 'src' in editor && (
        <iframe ref={frame} class="note-editor" src={editor.src} title={t('hlAddNote')} onLoad={focusEditor} />
      )}
      {editor && 'error' in editor && <div class="changed" role="alert">{userErrorText(t, editor.error)}</div>}
      <div class="actions">
        <button class="text-button" data-action="link" onClick={trusted(() => void ui.copy(ui.highlights.deepLink(record.id) ?? ''))}>
          {t('hlCopyLink')}
        </button>
        <button class="text-button danger" data-action="delete" onClick={trusted(() => void ui.remove(record.id))}>
          {t('hlDelete')}
        </button>
      </div>
    </div>
  );
}
