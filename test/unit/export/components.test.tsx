// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackupPanel, ExportDialog, TemplateEditor } from '@/components/export';
import { OptionsApp } from '@/components/OptionsApp';
import { ExportButton } from '@/components/sidepanel/ExportButton';
import { createRouter, type BackgroundProtocol } from '@/lib/messaging';
import { loadSettings, saveSettings } from '@/lib/settings';
import { EXPORT_FORMATS } from '@/lib/transfer/export/formats';
import { mount as mountInDom, settle } from '../mount';
import type { ExportScope } from '@/lib/transfer/export/source';
import { RestoreAbortedError } from '@/lib/transfer/import';
import { guardianStory, leadStory } from './fixtures';

let root: HTMLElement;
function mount(node: preact.ComponentChild) {
  root = mountInDom(node);
}
function click(selector: string) {
  const button = root.querySelector<HTMLButtonElement>(selector);
  if (!button) throw new Error(`no ${selector}`);
  act(() => button.click());
}

describe('ExportDialog', () => {
  it('exports the current article as Markdown through the save callback', async () => {
    const scopes: ExportScope[] = [];
    const save = vi.fn(async () => undefined);
    mount(<ExportDialog load={async (s) => (scopes.push(s), [leadStory()])} currentArticleIds={['art-zh-lead']} save={save} />);
    click('.export-download');
    // Markdown first loads the citation style (here it cannot, so the built-in citation line stands in).
    await vi.waitFor(() => expect(save).toHaveBeenCalled(), { timeout: 20_000 });
    await settle();
    expect(scopes).toEqual([{ kind: 'articles', ids: ['art-zh-lead'] }]);
    const [blob, name] = save.mock.calls[0] as unknown as [Blob, string];
    expect(name).toBe('「小屋场」撬动基层治理「大能量」.md');
    expect(await blob.text()).toContain('# 「小屋场」撬动基层治理「大能量」');
    expect(root.querySelector('[role=status]')!.textContent).toBe('Saved 「小屋场」撬动基层治理「大能量」.md.');
  });

  it('copies the chosen format and says when there is nothing to export', async () => {
    const copy = vi.fn(async (_text: string) => undefined);
    let bundles = [guardianStory()];
    mount(<ExportDialog load={async () => bundles} copy={copy} initialFormat="ris" />);
    click('.export-copy');
    await settle();
    expect(copy.mock.calls[0]![0]).toMatch(/^TY {2}- NEWS\r\n/);
    bundles = [];
    click('.export-copy');
    await settle();
    expect(root.querySelector('[role=status]')!.textContent).toBe('Nothing to export in this selection.');
  });

  it('applies template edits at once even when the host does not pass the saved value back', async () => {
    const saved: (string | null)[] = [];
    const save = vi.fn(async () => undefined);
    mount(<ExportDialog load={async () => [guardianStory()]} template={null} onTemplateChange={(t) => saved.push(t)} save={save} />);
    click('.export-dialog .link-button');
    await settle();
    const area = root.querySelector<HTMLTextAreaElement>('.export-template-source')!;
    act(() => {
      area.value = '## {{title}}';
      area.dispatchEvent(new Event('input'));
    });
    expect(saved).toEqual(['## {{title}}']);
    expect(root.querySelector('.export-preview')!.textContent).toBe(`## ${guardianStory().article.title.replace('|', '\\|')}\n`);
    click('.export-download');
    await settle();
    const [blob] = save.mock.calls[0] as unknown as [Blob];
    expect(await blob.text()).toBe(`## ${guardianStory().article.title.replace('|', '\\|')}\n`);
  });
});

describe('default export format', () => {
  it('is chosen among exactly the formats the export dialog offers, and the dialog starts on it', async () => {
    await saveSettings({ exportFormat: 'bibtex' });
    // The options page also shows what is stored; a background that knows of nothing answers it.
    const stats = createRouter<Pick<BackgroundProtocol, 'stats.get'>>({ 'stats.get': () => ({ articles: 0, highlights: 0, tags: 0 }) });
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) => stats(message, {})) as never);
    mount(<OptionsApp />);
    await settle();
    const field = [...root.querySelectorAll('label.field')].find((label) => label.textContent?.includes('Default format'))!;
    const choice = field.querySelector('select')!;
    expect([...choice.options].map((option) => option.value)).toEqual([...EXPORT_FORMATS]);
    expect(choice.value).toBe('bibtex');
    act(() => {
      choice.value = 'ris';
      choice.dispatchEvent(new Event('change'));
    });
    await settle();
    expect((await loadSettings()).exportFormat).toBe('ris');

    mount(<ExportButton />);
    click('.export-button');
    await settle();
    const format = root.querySelector<HTMLSelectElement>('.export-dialog .export-format')!;
    expect([...format.options].map((option) => option.value)).toEqual([...EXPORT_FORMATS]);
    expect(format.value).toBe('ris');
    send.mockRestore();
  });
});

describe('TemplateEditor', () => {
  it('previews live, reports where an error is, and resets to the default', () => {
    const onChange = vi.fn();
    mount(<TemplateEditor value={'# {{title}}\n{{#highlights}}'} onChange={onChange} sample={guardianStory()} />);
    expect(root.querySelector('[role=alert]')!.textContent).toBe('Error at line 2, column 1: "{{#highlights}}" is never closed');
    expect(root.querySelector('.export-preview')).toBeNull();
    click('button');
    expect(onChange).toHaveBeenCalledWith(null);
  });

  it('renders the preview of a valid template', () => {
    mount(<TemplateEditor value={'# {{title}} ({{count}})'} onChange={() => undefined} sample={leadStory()} />);
    expect(root.querySelector('.export-preview')!.textContent).toBe('# 「小屋场」撬动基层治理「大能量」 (4)\n');
  });
});

describe('BackupPanel', () => {
  it('leaves out its card and heading when the host provides them', () => {
    mount(<BackupPanel makeBackup={async () => new Blob([])} preview={vi.fn()} restore={vi.fn()} bare />);
    expect(root.querySelector('h2')).toBeNull();
    expect(root.querySelector('.backup-panel')!.classList.contains('gloss-card')).toBe(false);
    expect(root.querySelector('.backup-panel')!.getAttribute('aria-label')).toBe('Backup and restore');
  });

  it('previews a restore, shows progress, and cancels it', async () => {
    const preview = vi.fn(async () => ({
      articles: { added: 1, updated: 0, skipped: 0 }, highlights: { added: 3, updated: 1, skipped: 2 }, tags: { added: 0, updated: 0, skipped: 4 }, withoutArticle: 0,
      changes: [{ record: 'highlight' as const, label: 'the quote', field: 'note' as const, from: 'old note', to: 'new note' }],
      moreChanges: 3,
      leftOut: { noQuote: 0, notWeb: 2 },
    }));
    const restore = vi.fn((_records: unknown, options: { signal?: AbortSignal; onProgress?: (p: { done: number; total: number }) => void }) => {
      options.onProgress?.({ done: 1, total: 5 });
      return new Promise<never>((_, reject) => options.signal!.addEventListener('abort', () => reject(new RestoreAbortedError())));
    });
    mount(<BackupPanel makeBackup={async () => new Blob([])} preview={preview} restore={restore as never} />);
    const input = root.querySelector<HTMLInputElement>('.restore-file')!;
    const text = JSON.stringify({ format: 'gloss-backup', version: 1, schemaVersion: 1, exportedAt: 'x', articles: [], highlights: [], tags: [] });
    Object.defineProperty(input, 'files', { value: [new File([text], 'backup.json')] });
    act(() => void input.dispatchEvent(new Event('change')));
    await settle();
    const shown = root.querySelector('.restore-preview')!.textContent;
    expect(shown).toContain('Highlights: 3 to add, 1 to update, 2 already there');
    // Field by field, bounded, and what the file left out.
    expect(root.querySelector('.restore-changes')!.textContent).toBe('the quote — Note: «old note» → «new note»');
    expect(shown).toContain('…and 3 more changes.');
    expect(shown).toContain('2 annotations are left out: their page is not a web address (only http: and https: pages are accepted).');
    click('.restore-apply');
    await settle();
    expect(root.textContent).toContain('1 of 5');
    const cancel = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!;
    act(() => cancel.click());
    await settle();
    expect(root.querySelector('[role=status]')!.textContent).toBe('Restore cancelled. Nothing was changed.');
  });

  it('shows a clear message for a hostile file and never calls restore', async () => {
    const restore = vi.fn();
    mount(<BackupPanel makeBackup={async () => new Blob([])} preview={vi.fn()} restore={restore} />);
    const input = root.querySelector<HTMLInputElement>('.restore-file')!;
    const file = new File(['{"format":"gloss-backup","__proto__":{"x":1}}'], 'evil.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    act(() => void input.dispatchEvent(new Event('change')));
    await settle();
    expect(root.querySelector('[role=status]')!.textContent).toMatch(/^This file can't be restored\. The file contains forbidden keys\./);
    expect(restore).not.toHaveBeenCalled();
  });
});
