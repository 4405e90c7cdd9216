import { describe, expect, it, vi } from 'vitest';
import { downloadBlob, downloadName } from '@/lib/transfer/export/download';

function fakeDocument() {
  const clicked: { href: string; download: string }[] = [];
  const link = { href: '', download: '', rel: '', style: {} as Record<string, string>, click: () => clicked.push({ href: link.href, download: link.download }), remove: vi.fn() };
  const doc = { createElement: () => link, body: { append: vi.fn() } } as unknown as Document;
  return { doc, clicked, link };
}

describe('downloads', () => {
  it('keeps the extension and makes the name safe', () => {
    expect(downloadName('a/b:c?.md')).toBe('a_b_c_.md');
    expect(downloadName('「小屋场」.zip')).toBe('「小屋场」.zip');
    expect(downloadName('.md')).toBe('gloss-export.md');
  });

  it('saves through a temporary Blob link under a safe name', () => {
    const { doc, clicked, link } = fakeDocument();
    downloadBlob(new Blob(['hello']), 'a:b.md', doc);
    expect(clicked).toEqual([{ href: expect.stringMatching(/^blob:/), download: 'a_b.md' }]);
    expect(link.remove).toHaveBeenCalled();
  });
});
