import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import type { UiController } from '@/lib/content/ui-state';
import { BucketBar } from './BucketBar';
import { Popover } from './Popover';
import { Toolbar } from './Toolbar';
import { trusted } from './trusted';

/** Everything Gloss shows inside the page: toolbar, popover, bucket bar, messages. */
export function PageUi({ ui }: { ui: UiController }) {
  const { t } = useI18n();
  const [, setUiVersion] = useState(0);
  const [highlightsVersion, setHighlightsVersion] = useState(0);
  useEffect(() => {
    const offUi = ui.subscribe(() => setUiVersion((n) => n + 1));
    const offHighlights = ui.highlights.subscribe(() => setHighlightsVersion((n) => n + 1));
    // Catch up with anything that changed between mounting and subscribing.
    setUiVersion((n) => n + 1);
    setHighlightsVersion((n) => n + 1);
    return () => {
      offUi();
      offHighlights();
    };
  }, [ui]);
  const { toolbar, popover, message } = ui.state;
  const entry = popover ? ui.highlights.get(popover.id) : undefined;
  return (
    <div class="layer">
      {toolbar && <Toolbar ui={ui} toolbar={toolbar} />}
      {popover && entry && <Popover ui={ui} popover={popover} entry={entry} />}
      <BucketBar ui={ui} version={highlightsVersion} />
      {message && (
        <div class="message" role="status">
          {message.detail !== undefined ? t(message.key, message.detail) : t(message.key)}
          {message.undo && (
            <button class="text-button undo" data-action="undo" onClick={trusted(message.undo)}>
              {t('hlUndo')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
