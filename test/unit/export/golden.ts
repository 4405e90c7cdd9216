/** Compares output with a golden file; `UPDATE_GOLDEN=1` rewrites it (review the diff before committing). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect } from 'vitest';

const GOLDEN = resolve(__dirname, '../../golden');

export function expectGolden(name: string, actual: string): void {
  const path = resolve(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`Golden file ${name} was missing and has been written: review it and rerun.`);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
