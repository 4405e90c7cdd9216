/**
 * A highlight's `seq`: its number in the postings. It is `createdAt` (ms)
 * times 1,000 plus a tie-breaker, so sorted postings list highlights in
 * annotation order, a time range is a key range, and the newest matches are
 * the last keys. Kept below 2^53, so every seq is an exact double.
 */

export const TIES = 1000;
/** Year 2223: `createdAt` beyond it (or before 1970, or not a number) is clamped, never lost. */
const MAX_TIME = 8e12;

export function seqBase(createdAt: unknown): number {
  const time = typeof createdAt === 'number' && Number.isFinite(createdAt) ? Math.floor(createdAt) : 0;
  return Math.min(MAX_TIME, Math.max(0, time)) * TIES;
}

/** FNV-1a of the id: spreads highlights made in one millisecond over the tie-breakers. */
function tieOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % TIES;
}

/** The seq to try first, and the next ones to try when another highlight holds it. */
export function seqCandidate(id: string, createdAt: unknown, attempt = 0): number {
  return seqBase(createdAt) + ((tieOf(id) + attempt) % TIES);
}

/** Whether a stored seq still fits its row (createdAt unchanged). */
export function seqFits(seq: unknown, createdAt: unknown): seq is number {
  return typeof seq === 'number' && Number.isInteger(seq) && seq - (seq % TIES) === seqBase(createdAt);
}

/** The `createdAt` (ms) a seq stands for: time-range filters work on keys alone. */
export const seqTime = (seq: number): number => Math.floor(seq / TIES);
