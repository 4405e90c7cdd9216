/**
 * The export and backup UI. Both components take functions rather than a
 * database, so any page can mount them; `databaseActions(db)` gives the usual ones.
 */
import { backupToBlob } from '@/lib/transfer/backup';
import type { GlossDatabase } from '@/lib/model/database';
import { loadBundles, type ExportScope, type LoadOptions } from '@/lib/transfer/export/source';
import { applyRestore, previewRestore } from '@/lib/transfer/import';

export { BackupPanel, type BackupPanelProps, type PreviewSummary } from './BackupPanel';
export { EXPORT_FORMAT_LABELS, ExportDialog, type ExportDialogProps } from './ExportDialog';
export { TemplateEditor, type TemplateEditorProps } from './TemplateEditor';

export function databaseActions(db: GlossDatabase) {
  return {
    load: (scope: ExportScope, options?: LoadOptions) => loadBundles(db, scope, options),
    makeBackup: (options: Parameters<typeof backupToBlob>[1]) => backupToBlob(db, options),
    preview: (records: Parameters<typeof previewRestore>[1]) => previewRestore(db, records),
    restore: (records: Parameters<typeof applyRestore>[1], options: Parameters<typeof applyRestore>[2]) => applyRestore(db, records, options),
  };
}
