// @ts-check
// Bundles an entry for the browser with Vite's library mode, with the app's `@` alias.
import { isAbsolute, join } from 'node:path';
import { ROOT } from './paths.mjs';

/**
 * @param {object} options
 * @param {string} options.entry  absolute, or relative to the repository
 * @param {string} options.outDir
 * @param {string} options.fileName
 * @param {'es' | 'iife'} [options.format]
 * @param {string} [options.name]  the global an IIFE defines
 * @param {boolean} [options.minify]
 * @param {Record<string, string>} [options.alias]  more module aliases (a stand-in for `wxt/browser` on a plain page; `@` to bundle another tree's lib/)
 * @returns {Promise<string>} the bundle's path
 */
export async function bundleEntry({ entry, outDir, fileName, format = 'es', name, minify = false, alias = {} }) {
  // Loaded here: the detect CLI needs Vite only when its bundle is stale.
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: { '@': ROOT, ...alias } },
    build: {
      outDir,
      emptyOutDir: true,
      minify,
      lib: { entry: isAbsolute(entry) ? entry : join(ROOT, entry), formats: [format], name, fileName: () => fileName },
      // Dexie's "\uffff" must stay escaped (see wxt.config.ts).
      rolldownOptions: { output: { charset: 'ascii' } },
    },
  });
  return join(outDir, fileName);
}
