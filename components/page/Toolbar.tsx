import { useI18n } from '@/components/i18n';
import { HIGHLIGHT_COLORS } from '@/lib/highlight';
import type { UiController, UiState } from '@/lib/content/ui-state';
import { placeNear } from './placement';
import { trusted } from './trusted';

export function Toolbar({ ui, toolbar }: { ui: UiController; toolbar: NonNullable<UiState['toolbar']> }) {
  const { t } = useI18n();
  const position = placeNear(toolbar.box, 300, 40);
  return (
    <div
      class="toolbar"
      role="toolbar"
      aria-label={t('hlToolbarLabel')}
      style={position}
      // Keep the page's selection alive while the user clicks our buttons.
      onMouseDown={(event) => event.preventDefault()}
    >
      {HIGHLIGHT_COLORS.map((color, index) => (
        <button
          key={color.id}
          class="swatch"
          data-color={color.id}
          style={{ background: color.swatch }}
          title={t('hlHighlightAs', ui.colorNames[color.id] || t(color.nameKey), index + 1)}
          aria-label={t('hlHighlightAs', ui.colorNames[color.id] || t(color.nameKey), index + 1)}
          onClick={trusted(() => void ui.highlight(color.id))}
        />
      ))}
      <span class="sep" />
      <button class="text-button" data-action="note" title="n" onClick={trusted(() => void ui.highlight(undefined, 'note'))}>
        {t('hlAddNote')}
      </button>
      <button class="text-button" data-action="tag" onClick={trusted(() => void ui.highlight(undefined, 'tags'))}>
        {t('hlAddTag')}
      </button>
      <button class="text-button" data-action="copy" onClick={trusted(() => void ui.copyQuote())}>
        {t('hlCopyQuote')}
      </button>
    </div>
  );
}
