/** The search index in its own table (work in progress on main: replaced by the real builder next). */
import type { Transaction } from 'dexie';

export async function rebuildSearchIndex(_tx: Transaction): Promise<void> {
  throw new Error('rebuildSearchIndex: not built yet');
}
