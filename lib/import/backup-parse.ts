/**
 * Reading a backup file: size check, JSON parse that refuses prototype keys,
 * version check, then full validation. Every failure is a BackupError with a
 * message the user can act on; nothing touches the database here.
 */
import * as v from 'valibot';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../db/backup';
import { CURRENT_VERSION } from '../db/schema';
import { backupSchema, type RecordSet } from './backup-schema';

/** Larger files are refused before they are read into memory. */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

export type BackupProblem = 'too-large' | 'not-json' | 'hostile' | 'not-a-backup' | 'newer-version' | 'invalid';

export class BackupError extends Error {
  constructor(
    readonly problem: BackupProblem,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const HOSTILE_KEY_TEXT = /"(__proto__|constructor|prototype)"\s*:/;

function hostile(key: string): BackupError {
  return new BackupError('hostile', `The file contains the forbidden key "${key}".`);
}

/**
 * JSON.parse that throws on keys that could pollute prototypes when objects
 * are later merged. A scan of the raw text finds them as normally written; a
 * file with `\u` escapes (which could spell a key in disguise) is parsed with a
 * reviver that checks every key, about twice as slow.
 */
export function parseJsonSafely(text: string): unknown {
  const plain = HOSTILE_KEY_TEXT.exec(text);
  if (plain) throw hostile(plain[1]!);
  try {
    if (!text.includes('\\u')) return JSON.parse(text);
    return JSON.parse(text, (key, value) => {
      if (HOSTILE_KEYS.has(key)) throw hostile(key);
      return value;
    });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackupError('not-json', `The file is not valid JSON, or it is incomplete (truncated): ${detail}`);
  }
}

export async function readTextFile(file: Blob): Promise<string> {
  if (file.size > MAX_BACKUP_BYTES) {
    throw new BackupError('too-large', `The file is ${Math.round(file.size / 1048576)} MB; the limit is ${MAX_BACKUP_BYTES / 1048576} MB.`);
  }
  return file.text();
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return `${path ? `${path}: ` : ''}${issue.message}`;
}

export function checkEnvelope(data: unknown): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('not-a-backup', 'This is not a Gloss backup file.');
  }
  const { version, schemaVersion } = data as { version?: unknown; schemaVersion?: unknown };
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupError('newer-version', `This backup was made by a newer version of Gloss (backup format ${version}). Update Gloss, then restore it.`);
  }
  if (typeof schemaVersion === 'number' && schemaVersion > CURRENT_VERSION) {
    throw new BackupError('newer-version', `This backup was made by a newer version of Gloss (database version ${schemaVersion}). Update Gloss, then restore it.`);
  }
}

export function validateRecords<T extends v.GenericSchema>(schema: T, data: unknown, what: string): v.InferOutput<T> {
  const result = v.safeParse(schema, data, { abortEarly: true });
  if (!result.success) throw new BackupError('invalid', `The ${what} is damaged or was changed by hand: ${describeIssue(result.issues[0])}`);
  return result.output;
}

export interface ParsedBackup extends RecordSet {
  schemaVersion: number;
  exportedAt: string;
}

/** Parses and validates a backup; throws BackupError. */
export function parseBackup(text: string): ParsedBackup {
  return backupFromData(parseJsonSafely(text));
}

/** Validates already parsed JSON (parsed with parseJsonSafely) as a backup. */
export function backupFromData(data: unknown): ParsedBackup {
  checkEnvelope(data);
  const backup = validateRecords(backupSchema, data, 'backup');
  return { schemaVersion: backup.schemaVersion, exportedAt: backup.exportedAt, articles: backup.articles, highlights: backup.highlights, tags: backup.tags };
}

export async function parseBackupFile(file: Blob): Promise<ParsedBackup> {
  return parseBackup(await readTextFile(file));
}
