import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
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

  it('uses browser.downloads when it works', async () => {
    const { doc, clicked } = fakeDocument();
    const download = vi.spyOn(fakeBrowser.downloads, 'download').mockResolvedValue(7 as never);
    expect(await downloadBlob(new Blob(['hello']), 'a:b.md', doc)).toBe('downloads-api');
    expect(download).toHaveBeenCalledWith({ url: expect.stringMatching(/^blob:/), filename: 'a_b.md', saveAs: false });
    expect(clicked).toEqual([]);
  });

  it('falls back to a Blob link when browser.downloads refuses', async () => {
    const { doc, clicked, link } = fakeDocument();
    vi.spyOn(fakeBrowser.downloads, 'download').mockRejectedValue(new Error('no permission'));
    const how = await downloadBlob(new Blob(['hello']), 'notes.md', doc);
    expect(how).toBe('link');
    expect(clicked).toEqual([{ href: expect.stringMatching(/^blob:/), download: 'notes.md' }]);
    expect(link.remove).toHaveBeenCalled();
  });
});
