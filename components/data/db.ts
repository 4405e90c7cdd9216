import { openDatabase } from '@/lib/db/database';

/** The extension pages' handle on Gloss's database (the same origin as the background's). Writes that change what a page shows go through the background, so its tabs repaint. */
export const db = openDatabase();
