/** Import entry points: backups and W3C Web Annotation collections, previewed then applied in one transaction. */
import type { GlossDatabase } from '../../model/database';
import type { RecordSet } from './backup-schema';
import { verifiedSnapshots } from './restore-snapshots';
import { backupFromData, parseBackup, parseJsonSafely, readTextFile } from './backup-parse';
import { applyRestore, type RestoreOptions } from './restore-apply';
import type { FieldChange } from './restore-merge';
import { planRestore, summarize, type RestorePlan } from './restore-plan';
import { recordsFromWebAnnotations } from './web-annotation';

export { BackupError, MAX_BACKUP_BYTES, parseBackup, type BackupProblem } from './backup-parse';
export { applyRestore, RestoreAbortedError, type RestoreOptions, type RestoreProgress } from './restore-apply';
export { planRestore, summarize, type RestorePlan, type RestoreSummary } from './restore-plan';
export type { FieldChange } from './restore-merge';

/** The preview lists this many field changes and counts the rest. */
export const PREVIEW_CHANGES = 50;

export interface RestorePreview extends ReturnType<typeof summarize> {
  withoutArticle: number;
  /** The first PREVIEW_CHANGES changes to stored fields, and how many more there are. */
  changes: FieldChange[];
  moreChanges: number;
  leftOut: { noQuote: number; notWeb: number };
}

export type ImportKind = 'gloss-backup' | 'web-annotation';

/** Reads a file the user picked: a Gloss backup or a Web Annotation collection. Throws BackupError. */
export async function readImportFile(file: Blob): Promise<{ kind: ImportKind; records: RecordSet }> {
  const text = await readTextFile(file);
  return recordsFromText(text);
}

export function recordsFromText(text: string): { kind: ImportKind; records: RecordSet } {
  const data = parseJsonSafely(text);
  if (data && typeof data === 'object' && (data as { format?: unknown }).format === 'gloss-backup') {
    return { kind: 'gloss-backup', records: backupFromData(data) };
  }
  return { kind: 'web-annotation', records: recordsFromWebAnnotations(data) };
}

/** What a restore would add, update and skip, and which stored fields it changes, without writing anything. */
export async function previewRestore(db: GlossDatabase, records: RecordSet): Promise<RestorePreview> {
  const { kept: snapshots } = await verifiedSnapshots(records.snapshots ?? []);
  const plan = await db.transaction('r', [db.articles, db.highlights, db.tags, db.versions, db.snapshots], () => planRestore(db, { ...records, snapshots }));
  return {
    ...summarize(plan),
    withoutArticle: plan.withoutArticle,
    changes: plan.changes.slice(0, PREVIEW_CHANGES),
    moreChanges: Math.max(0, plan.changes.length - PREVIEW_CHANGES),
    leftOut: records.leftOut ?? { noQuote: 0, notWeb: 0 },
  };
}

/** Parses, validates and restores a backup text; the database is unchanged when anything fails. */
export async function restoreBackupText(db: GlossDatabase, text: string, options: RestoreOptions = {}): Promise<RestorePlan> {
  return applyRestore(db, parseBackup(text), options);
}
