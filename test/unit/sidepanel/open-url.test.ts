import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openUrl } from '@/components/sidepanel/open-url';

describe('opening a stored article from the library', () => {
  it('opens web pages and nothing else', () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    openUrl('https://news.example/story');
    for (const url of ['data:text/html,<script>alert(1)</script>', 'javascript:alert(1)', 'file:///etc/passwd']) openUrl(url);
    expect(create.mock.calls).toEqual([[{ url: 'https://news.example/story' }]]);
  });
});
