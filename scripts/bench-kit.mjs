// Shared pieces of the benchmark scripts: paths, Chromium flags, bundling an entry with Vite, statistics.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = resolve(ROOT, '../shared');

/** The e2e harness's Chromium flags, read from test/e2e/harness.ts so there is one list. */
export function chromiumArgs() {
  const source = readFileSync(join(ROOT, 'test/e2e/harness.ts'), 'utf8');
  const list = /CHROMIUM_ARGS\s*=\s*\[([\s\S]*?)\]/.exec(source)?.[1];
  if (!list) throw new Error('CHROMIUM_ARGS not found in test/e2e/harness.ts');
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** Bundles one entry for the browser with Vite's library mode (the `@` alias as in the app). */
export async function bundleEntry({ entry, outDir, fileName, format = 'es', name, minify = false }) {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    resolve: { alias: { '@': ROOT } },
    build: {
      outDir,
      emptyOutDir: true,
      minify,
      lib: { entry: join(ROOT, entry), formats: [format], name, fileName: () => fileName },
      // Dexie's "\uffff" must stay escaped (see wxt.config.ts).
      rolldownOptions: { output: { charset: 'ascii' } },
    },
  });
  return join(outDir, fileName);
}

export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export const median = (values) => quantile(values, 0.5);
