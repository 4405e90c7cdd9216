import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toMarkdownFiles } from '@/lib/transfer/export/markdown';
import { zipFiles } from '@/lib/transfer/export/zip';
import { allBundles } from './fixtures';

describe('zipFiles', () => {
  it('stores one Markdown file per article under its title, CJK names intact', async () => {
    const files = [...toMarkdownFiles(allBundles())];
    const blob = await zipFiles(files, { mtime: new Date(Date.UTC(2026, 0, 1)) });
    const entries = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(Object.keys(entries)).toEqual(files.map((f) => f.name));
    for (const file of files) expect(strFromU8(entries[file.name]!)).toBe(file.content);
    // General-purpose flag bit 11 (UTF-8 names) in the first local header, so unzip tools don't garble CJK names.
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(bytes[7]! & 0x08).toBe(0x08);
  });

  it('numbers files whose titles collide', async () => {
    const [bundle] = allBundles();
    const blob = await zipFiles(toMarkdownFiles([bundle!, bundle!, bundle!]));
    const names = Object.keys(unzipSync(new Uint8Array(await blob.arrayBuffer())));
    expect(names).toEqual(['「小屋场」撬动基层治理「大能量」.md', '「小屋场」撬动基层治理「大能量」 (2).md', '「小屋场」撬动基层治理「大能量」 (3).md']);
  });

  it('reports progress and stops when cancelled', async () => {
    const bundles = Array.from({ length: 120 }, () => allBundles()[2]!);
    const controller = new AbortController();
    const seen: number[] = [];
    const zipping = zipFiles(toMarkdownFiles(bundles), {
      total: bundles.length,
      signal: controller.signal,
      onProgress: ({ done, total }) => {
        seen.push(done);
        expect(total).toBe(120);
        if (done === 60) controller.abort();
      },
    });
    await expect(zipping).rejects.toThrow();
    expect(seen.at(-1)).toBe(60);
  });
});
