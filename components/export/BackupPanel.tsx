import { useState } from 'preact/hooks';
import type { BackupProgress } from '@/lib/transfer/backup';
import { downloadBlob } from '@/lib/transfer/export/download';
import { isoDay } from '@/lib/transfer/export/types';
import type { RecordSet } from '@/lib/transfer/import/backup-schema';
import {
  BackupError, readImportFile, RestoreAbortedError, type BackupProblem, type RestoreOptions, type RestorePlan, type RestorePreview,
} from '@/lib/transfer/import';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n';
import './export.css';
import { RestorePreviewList } from './RestorePreviewList';
import { useTask } from './useTask';

export type PreviewSummary = RestorePreview;

export interface BackupPanelProps {
  /** Makes a full backup (e.g. `(o) => backupToBlob(db, o)`). */
  makeBackup: (options: { signal: AbortSignal; onProgress: (p: BackupProgress) => void }) => Promise<Blob>;
  /** What a restore would do (e.g. `(r) => previewRestore(db, r)`). */
  preview: (records: RecordSet) => Promise<PreviewSummary>;
  /** Applies it in one transaction (e.g. `(r, o) => applyRestore(db, r, o)`). */
  restore: (records: RecordSet, options: RestoreOptions) => Promise<RestorePlan>;
  save?: (blob: Blob, fileName: string) => Promise<unknown>;
  /** Called after a successful restore, e.g. to refresh lists. */
  onRestored?: () => void;
  /** Without its own card and heading, for a host that provides them. */
  bare?: boolean;
}

const PROBLEM_KEYS: Record<BackupProblem, MessageKey> = {
  'too-large': 'restoreProblemTooLarge',
  'too-deep': 'restoreProblemTooDeep',
  'not-json': 'restoreProblemNotJson',
  hostile: 'restoreProblemHostile',
  'not-a-backup': 'restoreProblemNotBackup',
  'newer-version': 'restoreProblemNewer',
  invalid: 'restoreProblemInvalid',
};

const abortedByUser = (error: unknown) => error instanceof RestoreAbortedError || (error instanceof DOMException && error.name === 'AbortError');

/** Full backup download, and restore from a file: preview first, then one transaction with progress and cancel. */
export function BackupPanel({ makeBackup, preview, restore, save, onRestored, bare }: BackupPanelProps) {
  const { t } = useI18n();
  const task = useTask();
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState<{ records: RecordSet; summary: PreviewSummary } | null>(null);

  const explain = (error: unknown) => {
    if (error instanceof BackupError) return t('restoreRejected', t(PROBLEM_KEYS[error.problem]), error.message);
    return t('restoreFailed', error instanceof Error ? error.message : String(error));
  };

  async function backup() {
    setStatus('');
    try {
      const blob = await task.run((signal, onProgress) => makeBackup({ signal, onProgress }));
      const name = `gloss-backup-${isoDay(Date.now())}.json`;
      await (save ?? downloadBlob)(blob, name);
      setStatus(t('exportSavedStatus', name));
    } catch (error) {
      setStatus(abortedByUser(error) ? t('exportCancelled') : t('exportFailed', error instanceof Error ? error.message : String(error)));
    }
  }

  async function choose(file: File | undefined) {
    setPending(null);
    setStatus('');
    if (!file) return;
    try {
      const { records } = await readImportFile(file);
      setPending({ records, summary: await preview(records) });
    } catch (error) {
      setStatus(explain(error));
    }
  }

  async function apply() {
    if (!pending) return;
    try {
      const plan = await task.run((signal, onProgress) => restore(pending.records, { signal, onProgress }));
      const written = [plan.articles, plan.highlights, plan.tags].reduce((n, p) => n + p.add.length + p.update.length, 0);
      setPending(null);
      setStatus(t('restoreDone', written));
      onRestored?.();
    } catch (error) {
      setStatus(abortedByUser(error) ? t('restoreCancelled') : explain(error));
    }
  }

  return (
    <section class={bare ? 'backup-panel' : 'gloss-card backup-panel'} aria-label={t('backupHeading')}>
      {!bare && <h2 class="section-heading">{t('backupHeading')}</h2>}
      <div class="gloss-actions">
        <button type="button" class="backup-download" disabled={task.running} onClick={() => void backup()}>{t('backupDownload')}</button>
      </div>
      <label class="field">
        {t('restoreChoose')}
        <input type="file" class="restore-file" accept=".json,.jsonld,application/json,application/ld+json" disabled={task.running}
          onChange={(e) => void choose((e.target as HTMLInputElement).files?.[0])} />
      </label>
      {pending && (
        <div class="restore-preview">
          <RestorePreviewList preview={pending.summary} />
          <div class="gloss-actions">
            <button type="button" class="primary restore-apply" disabled={task.running} onClick={() => void apply()}>{t('restoreApply')}</button>
          </div>
        </div>
      )}
      {task.running && (
        <div class="gloss-actions">
          {task.progress && (
            <progress max={task.progress.total} value={task.progress.done} aria-label={t('exportProgress', task.progress.done, task.progress.total)} />
          )}
          {task.progress && <span class="gloss-muted">{t('exportProgress', task.progress.done, task.progress.total)}</span>}
          <button type="button" onClick={task.cancel}>{t('cancel')}</button>
        </div>
      )}
      <p class="gloss-status" role="status">{status}</p>
    </section>
  );
}
