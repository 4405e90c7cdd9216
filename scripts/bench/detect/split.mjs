// The tune/check split of every dev corpus, shared by every script that reports halves:
// SHA-256 of the page id (UTF-8), first hex digit 0-7 → 'tune', 8-f → 'check'.
import { createHash } from 'node:crypto';

/** @param {string} id  @returns {'tune' | 'check'} */
export function halfOf(id) {
  const first = createHash('sha256').update(String(id), 'utf8').digest('hex')[0];
  return parseInt(first, 16) < 8 ? 'tune' : 'check';
}
