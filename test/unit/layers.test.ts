/** The layer check (scripts/check-layers.mjs) and the cycle check that `npm test` runs, shown to fail when they should. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers, layeredFiles } from '../../scripts/check-layers.mjs';

const ROOT = resolve(__dirname, '../..');

/** Runs the check on an in-memory tree: path → source. */
const check = (tree: Record<string, string>) => checkLayers(Object.keys(tree), (file) => tree[file]!);

const CLEAN = {
  'lib/model/records.ts': 'export interface Row { id: string }\n',
  'lib/search/terms.ts': "import type { Row } from '../model/records';\nexport const terms = (row: Row) => [row.id];\n",
  'lib/db/database.ts': "import { terms } from '@/lib/search/terms';\nimport type { Row } from '../model/records';\nexport const index = (row: Row) => terms(row);\n",
  'lib/db/migrations/v2.ts': "import type { Transaction } from 'dexie';\nexport const up = (tx: Transaction) => tx;\n",
  'components/List.tsx': "import { index } from '@/lib/db/database';\nexport const List = () => index({ id: 'a' });\n",
  'entrypoints/page/main.tsx': "import { List } from '../../components/List';\nList();\n",
};

describe('layer check', () => {
  it('passes a tree that imports only downward', () => {
    expect(check(CLEAN)).toEqual([]);
  });

  it('fails on an upward import, naming the file, the import and both layers', () => {
    const violations = check({ ...CLEAN, 'lib/model/records.ts': "import type { index } from '../db/database';\nexport type Row = { id: string; i?: typeof index };\n" });
    expect(violations.map((v) => v.message)).toEqual([
      "lib/model/records.ts: import '../db/database': lib/model (tier 0) may not import lib/db (tier 4), which is above it",
    ]);
  });

  it('sees every form of import: aliases, `import type`, `export … from`, side effects, import()', () => {
    const upward = [
      "import { index } from '@/lib/db/database';",
      "import type { index as i } from '~/lib/db/database';",
      "export { index } from '../db/database';",
      "export type * from '../db';",
      "import '../db/database';",
      "const lazy = () => import('../db/database');",
    ];
    for (const line of upward) {
      expect(check({ ...CLEAN, 'lib/search/terms.ts': `${line}\n` }), line).toHaveLength(1);
    }
  });

  it('fails sideways between folders of one tier, lib importing the app, and a migration importing live code', () => {
    const messages = check({
      ...CLEAN,
      'lib/article/detect.ts': "import { anchor } from '../anchoring/anchor';\n",
      'lib/tags/tree.ts': "import { List } from '../../components/List';\n",
      'components/List.tsx': "import '../entrypoints/page/main';\n",
      'lib/db/migrations/v2.ts': "import { terms } from '../../search/terms';\n",
      'lib/misc/helper.ts': "import type { Row } from '../model/records';\n",
    }).map((v) => v.reason);
    expect(messages.sort()).toEqual([
      'lib/article and lib/anchoring are side by side in one tier: neither may import the other',
      'components (tier 8) may not import entrypoints (tier 9), which is above it',
      'a frozen migration imports nothing from the live code (lib/db/migrations/)',
      'lib/misc is in no layer: add it to LIB_TIERS in scripts/check-layers.mjs',
      'lib/tags (tier 2) may not import components (tier 8), which is above it',
    ].sort());
  });

  it('passes on this repository', () => {
    expect(checkLayers(layeredFiles(ROOT), (file) => readFileSync(join(ROOT, file), 'utf8')).map((v) => v.message)).toEqual([]);
  });
});

describe('cycle check', () => {
  const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['check:cycles'] as string;
  // The flags `npm run check:cycles` passes, without its globs and --tsconfig (the temp files have none).
  const flags = script.split(/\s+/).filter((arg) => arg.startsWith('--') && arg !== '--tsconfig');
  const dpdm = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-cycles-'));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      return spawnSync(join(ROOT, 'node_modules/.bin/dpdm'), [...flags, 'circular:1', ...Object.keys(files)], { cwd: dir, encoding: 'utf8' }).status;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('counts type imports (no -T) and fails on a cycle made of them', () => {
    expect(script).not.toMatch(/\s-T\b|--transform/);
    expect(dpdm({ 'a.ts': "import type { B } from './b';\nexport type A = { b?: B };\n", 'b.ts': "import type { A } from './a';\nexport type B = { a?: A };\n" })).toBe(1);
    expect(dpdm({ 'a.ts': "import type { B } from './b';\nexport type A = { b?: B };\n", 'b.ts': 'export type B = { n: number };\n' })).toBe(0);
  });
});
