/**
 * Reading a backup file: size check, nesting check, JSON parse that refuses
 * prototype keys, version check, then full validation. Every failure is a BackupError with a
 * message the user can act on; nothing touches the database here.
 */
import * as v from 'valibot';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../backup';
import { CURRENT_VERSION } from '../../db/schema';
import { backupSchema, type RecordSet } from './backup-schema';

/** Larger files are refused before they are read into memory. */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

/**
 * Gloss's own files nest 6 levels at most and other tools' annotations a few more; deeper files are refused before
 * parsing (a reviver recursing through 100,000 levels overflows the stack, which used to read as "truncated").
 */
export const MAX_NESTING = 64;

export type BackupProblem = 'too-large' | 'too-deep' | 'not-json' | 'hostile' | 'not-a-backup' | 'newer-version' | 'invalid';

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
  if (nestingExceeds(text, MAX_NESTING)) {
    throw new BackupError('too-deep', `The file nests lists and objects more than ${MAX_NESTING} levels deep, which no backup or annotation file does.`);
  }
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

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const [OPEN_LIST, OPEN_OBJECT, CLOSE_LIST, CLOSE_OBJECT] = [0x5b, 0x7b, 0x5d, 0x7d];

/** True when brackets outside strings nest deeper than `limit`; one pass, strings skipped with indexOf. */
export function nestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip to the closing quote: one preceded by an even number of backslashes.
      for (;;) {
        const end = text.indexOf('"', i + 1);
        if (end < 0) return false; // unterminated string: JSON.parse reports it
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
        i = end;
        if (slashes % 2 === 0) break;
      }
    } else if (c === OPEN_LIST || c === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_LIST || c === CLOSE_OBJECT) depth--;
  }
  return false;
}

export async function readTextFile(file: Blob): Promise<string> {
  if (file.size > MAX_BACKUP_BYTES) {
    throw new BackupError('too-large', `The file is ${Math.round(file.size / 1048576)} MB; the limit is ${MAX_BACKUP_BYTES / 1048576} MB.`);
  }
  return file.text();
}

const KINDS: Record<string, string> = {
  string: 'text', number: 'a number', boolean: 'true or false', array: 'a list',
  object: 'an object', strict_object: 'an object', loose_object: 'an object', null: 'null',
};

/** valibot's issue in plain words: "missing", "unknown field", "should be a number, not "yesterday"". */
function plainIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind !== 'schema') return issue.message;
  const received = issue.received.length > 40 ? `${issue.received.slice(0, 40)}…` : issue.received;
  if (issue.type.endsWith('object') && issue.expected === 'never') return 'unknown field';
  if (received === 'undefined') return 'missing';
  const expected = KINDS[issue.type] ?? (issue.type === 'picklist' || issue.type === 'literal' ? `one of ${issue.expected}` : issue.expected);
  return `should be ${expected}, not ${received}`;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return `${path ? `${path}: ` : ''}${plainIssue(issue)}`;
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
  return { schemaVersion: backup.schemaVersion, exportedAt: backup.exportedAt, articles: backup.articles, highlights: backup.highlights, tags: backup.tags, versions: backup.versions, snapshots: backup.snapshots };
}

export async function parseBackupFile(file: Blob): Promise<ParsedBackup> {
  return parseBackup(await readTextFile(file));
}
