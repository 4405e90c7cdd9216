/**
 * A highlight's `seq`: its number in the postings. It is `createdAt` (ms)
 * times 1,000 plus a tie-breaker, so sorted postings list highlights in
 * annotation order, a time range is a key range, and the newest matches are
 * the last keys. Kept below 2^53, so every seq is an exact double.
 */

export const TIES = 1000;
/**
 * More than TIES highlights in one millisecond (a bulk import stamping one
 * time) spill into the following milliseconds, up to this many: their order
 * and time filters are then off by those few milliseconds, never wrong by more.
 */
const SPILL_MS = 1000;
export const MAX_ATTEMPTS = TIES * SPILL_MS;
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
  return seqBase(createdAt) + Math.floor(attempt / TIES) * TIES + ((tieOf(id) + attempt) % TIES);
}

/** Whether a stored seq still fits its row (createdAt unchanged). */
export function seqFits(seq: unknown, createdAt: unknown): seq is number {
  const base = seqBase(createdAt);
  return typeof seq === 'number' && Number.isInteger(seq) && seq >= base && seq < base + MAX_ATTEMPTS;
}

/** Gives each row needing one a seq that no other row of the batch and none in `taken` holds. */
export function assignSeqs(rows: readonly { id: string; createdAt: unknown; seq?: number }[], taken: Set<number>): void {
  for (const row of rows) {
    let attempt = 0;
    let seq = seqCandidate(row.id, row.createdAt);
    while (taken.has(seq) && ++attempt < MAX_ATTEMPTS) seq = seqCandidate(row.id, row.createdAt, attempt);
    if (taken.has(seq)) throw new Error(`Too many highlights share the time of highlight ${row.id}`);
    taken.add(seq);
    row.seq = seq;
  }
}

/** The `createdAt` (ms) a seq stands for: time-range filters work on keys alone. */
export const seqTime = (seq: number): number => Math.floor(seq / TIES);
