// @ts-check
// Builds lib/article/index.ts into a browser IIFE (global `GlossDetect`) in .cache/detector/.
// `node scripts/detect/bundle.mjs` rebuilds it and prints its path.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../harness/bundle.mjs';
import { ROOT } from '../harness/paths.mjs';

export const BUNDLE = join(ROOT, '.cache/detector/gloss-detect.iife.js');

/** @param {string} dir  @returns {number} */
function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(path) : stat.mtimeMs);
  }
  return newest;
}

/** Builds the bundle unless it is newer than every file in lib/article. Returns its path. */
export async function buildDetector({ force = false } = {}) {
  if (!force && existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs > newestSource(join(ROOT, 'lib/article'))) return BUNDLE;
  return bundleEntry({ entry: 'lib/article/index.ts', outDir: dirname(BUNDLE), fileName: basename(BUNDLE), format: 'iife', name: 'GlossDetect' });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildDetector({ force: true }).then((path) => console.log(path));
}
