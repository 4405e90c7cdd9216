import { useEffect, useRef, useState } from 'preact/hooks';
import { databaseActions, ExportDialog } from '@/components/export';
import { HIGHLIGHT_COLORS } from '@/lib/highlight/colors';
import { loadSettings, saveSettings, type Settings } from '@/lib/settings';
import { db } from '../data/db';
import { useI18n } from '../i18n';
import { useColorNames } from '../useColorNames';

/** "Export…": the export dialog in a modal, with this page's articles offered first. */
export function ExportButton({ currentArticleIds, tagNames }: { currentArticleIds?: readonly string[]; tagNames?: readonly string[] }) {
  const { t } = useI18n();
  const colorName = useColorNames();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    if (open) void loadSettings().then(setSettings);
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);
  const colorNames = Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c.id, colorName(c.id)]));
  return (
    <>
      <button class="export-button" onClick={() => setOpen(true)}>{t('exportButton')}</button>
      <dialog ref={dialog} class="export-modal" aria-label={t('exportTitle')} onClose={() => setOpen(false)}>
        {open && settings && (
          <>
            <div class="modal-head">
              <h2>{t('exportTitle')}</h2>
              <button onClick={() => setOpen(false)}>{t('close')}</button>
            </div>
            <ExportDialog
              bare
              load={databaseActions(db).load}
              currentArticleIds={currentArticleIds}
              tagNames={tagNames}
              colorNames={colorNames}
              template={settings.markdownTemplate}
              onTemplateChange={(markdownTemplate) => void saveSettings({ markdownTemplate }).then(setSettings)}
              initialFormat={settings.exportFormat}
            />
          </>
        )}
      </dialog>
    </>
  );
}
