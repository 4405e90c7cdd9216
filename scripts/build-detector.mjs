// Builds lib/article/index.ts into a browser IIFE (global `GlossDetect`) in .cache/detector/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(ROOT, '.cache/detector/gloss-detect.iife.js');

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
  const { build } = await import('vite');
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: { '@': ROOT } },
    build: {
      outDir: dirname(BUNDLE),
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(ROOT, 'lib/article/index.ts'), formats: ['iife'], name: 'GlossDetect', fileName: () => 'gloss-detect.iife.js' },
      rolldownOptions: { output: { charset: 'ascii' } },
    },
  });
  return BUNDLE;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildDetector({ force: true }).then((path) => console.log(path));
}
