// @ts-check
// Where things are: the repository, the shared corpora and fixtures beside it, the built extensions.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(ROOT, '../shared');
export const CHROME_DIST = join(ROOT, '.output/chrome-mv3');
export const FIREFOX_DIST = join(ROOT, '.output/firefox-mv2');
