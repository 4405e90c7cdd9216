// npm run check:layers: lib/ is built in layers that import only downward (README.md, "Layout").
// Fails, naming the file, the import and both layers, on an import that goes up a layer or sideways
// between two folders of one tier; components/ and entrypoints/ sit above lib/.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Lowest first. A folder may import its own files and any folder of a lower tier, never one beside or above it. */
export const LIB_TIERS = [
  ['model'],
  ['text', 'url', 'i18n'],
  ['article', 'anchoring', 'highlight', 'tags', 'versions'],
  ['search'],
  ['db'],
  ['transfer', 'topics'],
  ['messaging', 'settings'],
  ['background', 'content', 'tabs'],
];

/** Above lib/, in this order: components/ may import lib/; entrypoints/ may import both. */
const APP_TIERS = ['components', 'entrypoints'];

/** Migrations do what they did when they shipped: they import nothing from the live code. */
const FROZEN = 'lib/db/migrations/';

const ALIASES = ['@@/', '~~/', '@/', '~/'];
const SOURCE = /\.(ts|tsx|mts)$/;

/** Where a file sits: `{ tier, name }` (name is `lib/db`, `components`…), or null outside the layered folders. */
function layerOf(path) {
  const [top, folder] = path.split('/');
  if (APP_TIERS.includes(top)) return { tier: LIB_TIERS.length + APP_TIERS.indexOf(top), name: top };
  if (top !== 'lib') return null;
  const tier = LIB_TIERS.findIndex((folders) => folders.includes(folder));
  return { tier, name: `lib/${folder}` };
}

/** The repository path an import points at, or null for packages. */
function targetOf(file, specifier) {
  const alias = ALIASES.find((prefix) => specifier.startsWith(prefix));
  if (alias) return posix.normalize(specifier.slice(alias.length));
  if (specifier.startsWith('.')) return posix.normalize(posix.join(posix.dirname(file), specifier));
  return null;
}

/** Every import, `import type`, `export … from` and `import()` specifier of a source text. */
export function importsOf(text) {
  return ts.preProcessFile(text, true, true).importedFiles.map((ref) => ref.fileName);
}

/** The reason an import breaks the layers, or null when it is allowed. */
function problem(file, target) {
  if (file.startsWith(FROZEN) && ['lib', ...APP_TIERS].includes(target.split('/')[0])) {
    return `a frozen migration imports nothing from the live code (${FROZEN})`;
  }
  const from = layerOf(file);
  const to = layerOf(target);
  if (!from || !to) return null;
  if (from.tier < 0) return `${from.name} is in no layer: add it to LIB_TIERS in scripts/check-layers.mjs`;
  if (to.tier < 0) return `${to.name} is in no layer: add it to LIB_TIERS in scripts/check-layers.mjs`;
  if (from.name === to.name || to.tier < from.tier) return null;
  if (to.tier === from.tier) return `${from.name} and ${to.name} are side by side in one tier: neither may import the other`;
  return `${from.name} (tier ${from.tier}) may not import ${to.name} (tier ${to.tier}), which is above it`;
}

/** Violations among `files` (repository paths, `/`-separated), reading each with `read`. */
export function checkLayers(files, read) {
  const violations = [];
  for (const file of files) {
    if (!SOURCE.test(file) || !layerOf(file)) continue;
    for (const specifier of importsOf(read(file))) {
      const target = targetOf(file, specifier);
      const reason = target && problem(file, target);
      if (reason) violations.push({ file, specifier, reason, message: `${file}: import '${specifier}': ${reason}` });
    }
  }
  return violations;
}

/** The source files of lib/, components/ and entrypoints/ under `root`, as repository paths. */
export function layeredFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE.test(name)) out.push(relative(root, path).split(sep).join('/'));
    }
  };
  for (const top of ['lib', ...APP_TIERS]) if (existsSync(join(root, top))) walk(join(root, top));
  return out.sort();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const files = layeredFiles(root);
  const violations = checkLayers(files, (file) => readFileSync(join(root, file), 'utf8'));
  for (const v of violations) console.error(v.message);
  if (violations.length > 0) {
    console.error(`\n${violations.length} import(s) break the layers (lowest first): ${LIB_TIERS.map((t) => t.join(' ')).join(' < ')} < ${APP_TIERS.join(' < ')}`);
    process.exit(1);
  }
  console.log(`Layers: ${files.length} files import only downward.`);
}
