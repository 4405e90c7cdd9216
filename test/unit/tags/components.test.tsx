// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { mount as mountInDom, settle } from '../mount';
import { TagInput, TagManager, TagTree, type TagManagerActions } from '@/components/tags';
import type { TagUsage } from '@/lib/db/tags-ranking';

let root: HTMLElement;
function mount(node: preact.ComponentChild) {
  root = mountInDom(node);
}
const $ = <T extends Element = HTMLElement>(selector: string) => {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
};
const key = (target: Element, name: string) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true })));
function type(input: HTMLInputElement, text: string) {
  act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const NOW = Date.now();
const usage = (name: string, highlights: number, color: string | null = null): TagUsage => ({
  id: name, name, nameKey: name.toLowerCase(), color, highlights, articles: 0, lastUsedAt: NOW,
});
const KNOWN = [usage('China', 5), usage('Chinese politics', 1), usage('基层治理', 3), usage('economy', 2)];

function Harness({ initial = [] as string[], suggestions = [] as { name: string }[], onChange = (_: string[]) => {} }) {
  const [tags, setTags] = useState(initial);
  return <TagInput value={tags} known={KNOWN} suggestions={suggestions} onChange={(next) => (setTags(next), onChange(next))} />;
}

describe('TagInput', () => {
  it('is a combobox whose list opens, moves with the arrows and adds with Enter', () => {
    const changes: string[][] = [];
    mount(<Harness onChange={(tags) => changes.push(tags)} />);
    const input = $<HTMLInputElement>('input[role=combobox]');
    act(() => input.focus());
    type(input, 'chi');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const options = [...root.querySelectorAll('[role=option]')].map((o) => o.textContent);
    expect(options[0]).toContain('China');
    expect(options.at(-1)).toBe('Create “chi”');
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    const active = input.getAttribute('aria-activedescendant')!;
    expect(root.querySelector(`#${CSS.escape(active)}`)!.textContent).toContain('Chinese politics');
    key(input, 'Enter');
    expect(changes.at(-1)).toEqual(['Chinese politics']);
    expect(input.value).toBe('');
    expect(root.querySelector('[role=status]')!.textContent).toBe('Added tag Chinese politics.');
  });

  it('adds several with commas, uses a known spelling, and removes the last with Backspace', () => {
    const changes: string[][] = [];
    mount(<Harness onChange={(tags) => changes.push(tags)} />);
    const input = $<HTMLInputElement>('input[role=combobox]');
    type(input, 'ｃｈｉｎａ, 信访，politics / local, rest');
    expect(changes.at(-1)).toEqual(['China', '信访', 'politics/local']);
    expect(input.value).toBe(' rest');
    type(input, 'economy');
    key(input, ',');
    expect(changes.at(-1)).toEqual(['China', '信访', 'politics/local', 'economy']);
    key(input, 'Backspace');
    expect(changes.at(-1)).toEqual(['China', '信访', 'politics/local']);
    expect([...root.querySelectorAll('.gloss-tag-chip span')].map((s) => s.textContent)).toEqual(['China', '信访', 'politics/local']);
    act(() => $<HTMLButtonElement>('button[aria-label="Remove tag 信访"]').click());
    expect(changes.at(-1)).toEqual(['China', 'politics/local']);
  });

  it('keeps what was typed as a tag when the field loses focus', () => {
    const changes: string[][] = [];
    mount(<Harness onChange={(tags) => changes.push(tags)} />);
    const input = $<HTMLInputElement>('input[role=combobox]');
    act(() => input.focus());
    type(input, '基层治理');
    act(() => input.blur());
    expect(changes.at(-1)).toEqual(['基层治理']);
    expect(input.value).toBe('');
  });

  it('says why a name is refused and closes the list on Escape', () => {
    mount(<Harness />);
    const input = $<HTMLInputElement>('input[role=combobox]');
    type(input, 'x'.repeat(201));
    key(input, 'Enter');
    expect($('[role=alert]').textContent).toBe('A tag can have at most 200 characters.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    type(input, 'eco');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    key(input, 'Escape');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('offers suggestions not yet chosen as buttons that add them', () => {
    const changes: string[][] = [];
    mount(<Harness initial={['衡南县']} suggestions={[{ name: '屋场恳谈会' }, { name: '衡南县' }]} onChange={(tags) => changes.push(tags)} />);
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.gloss-tag-suggestion')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Add suggested tag 屋场恳谈会']);
    act(() => buttons[0]!.click());
    expect(changes.at(-1)).toEqual(['衡南县', '屋场恳谈会']);
    expect(root.querySelectorAll('.gloss-tag-suggestion')).toHaveLength(0);
  });
});

describe('TagTree', () => {
  it('moves with the keyboard, opens branches and filters by path', () => {
    const onSelect = vi.fn();
    mount(<TagTree tags={[{ name: 'politics/local', count: 2 }, { name: 'politics', count: 1 }, { name: 'economy', count: 4 }]} selected={null} onSelect={onSelect} />);
    const items = () => [...root.querySelectorAll<HTMLElement>('[role=treeitem]')];
    expect(items().map((i) => i.textContent)).toEqual(['All tags', 'economy4', '▸politics3']);
    expect(items()[0]!.getAttribute('aria-selected')).toBe('true');
    expect(items().filter((i) => i.tabIndex === 0)).toHaveLength(1);
    act(() => items()[0]!.focus());
    key(items()[0]!, 'End');
    expect(document.activeElement).toBe(items()[2]);
    expect(items()[2]!.getAttribute('aria-expanded')).toBe('false');
    key(items()[2]!, 'ArrowRight');
    expect(items()[2]!.getAttribute('aria-expanded')).toBe('true');
    expect(items()[3]!.getAttribute('aria-level')).toBe('2');
    key(items()[2]!, 'ArrowRight');
    expect(document.activeElement).toBe(items()[3]);
    key(items()[3]!, 'Enter');
    expect(onSelect).toHaveBeenLastCalledWith('politics/local');
    key(items()[3]!, 'ArrowLeft');
    expect(document.activeElement).toBe(items()[2]);
    key(items()[2]!, 'Home');
    key(items()[0]!, ' ');
    expect(onSelect).toHaveBeenLastCalledWith(null);
  });
});

describe('TagManager', () => {
  function actions(): TagManagerActions & { calls: string[] } {
    const calls: string[] = [];
    const result = (name: string, outcome: 'renamed' | 'merged') => ({ outcome, tag: { id: 'x', name, nameKey: name.toLowerCase(), color: null, createdAt: 0 }, highlights: 7, articles: 1, urlKeys: [] });
    return {
      calls,
      rename: async (from, to) => (calls.push(`rename ${from}→${to}`), result(to, KNOWN.some((k) => k.name === to) ? 'merged' : 'renamed')),
      merge: async (from, to) => (calls.push(`merge ${from.join()}→${to}`), result(to, 'merged')),
      recolour: async (name, color) => calls.push(`colour ${name} ${color}`),
      countCarriers: async () => ({ highlights: 5, articles: 2 }),
      remove: async (name) => (calls.push(`delete ${name}`), { highlights: 5, articles: 2, urlKeys: [] }),
    };
  }

  it('asks before a rename that merges, and before deleting says how many carry the tag', async () => {
    const api = actions();
    const onChanged = vi.fn();
    mount(<TagManager tags={KNOWN} actions={api} onChanged={onChanged} />);
    const row = () => [...root.querySelectorAll('.gloss-tag-manager-row')].find((r) => r.querySelector('.gloss-tag-manager-name')!.textContent === 'economy')!;
    act(() => [...row().querySelectorAll('button')].find((b) => b.textContent === 'Rename')!.click());
    const field = row().querySelector('input')!;
    type(field, 'ＣＨＩＮＡ');
    act(() => void row().querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(row().querySelector('[role=alertdialog]')!.textContent).toContain('“China” already exists. Merge “economy” into it?');
    expect(api.calls).toEqual([]);
    act(() => row().querySelector<HTMLButtonElement>('[role=alertdialog] button')!.click());
    await settle();
    expect(api.calls).toEqual(['rename economy→China']);
    expect($('[role=status]').textContent).toBe('Merged into “China” on 7 highlights.');
    expect(onChanged).toHaveBeenCalledTimes(1);

    act(() => [...row().querySelectorAll('button')].find((b) => b.textContent === 'Delete')!.click());
    await settle();
    expect(row().querySelector('[role=alertdialog]')!.textContent).toContain('It is on 5 highlights and 2 articles');
    act(() => row().querySelector<HTMLButtonElement>('[role=alertdialog] button.is-danger')!.click());
    await settle();
    expect(api.calls.at(-1)).toBe('delete economy');
    expect($('[role=status]').textContent).toBe('Deleted “economy” from 5 highlights.');
  });

  it('recolours by name and reports a failure', async () => {
    const api = actions();
    api.merge = async () => {
      throw new Error('disk full');
    };
    mount(<TagManager tags={KNOWN} actions={api} />);
    const select = root.querySelector<HTMLSelectElement>('select[aria-label="Colour of China"]')!;
    act(() => {
      select.value = '#3a9a5b';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(api.calls).toEqual(['colour China #3a9a5b']);
    const row = root.querySelectorAll('.gloss-tag-manager-row')[0]!;
    act(() => [...row.querySelectorAll('button')].find((b) => b.textContent === 'Merge…')!.click());
    act(() => void row.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await settle();
    expect($('[role=alert]').textContent).toBe("Couldn't change the tag: disk full");
  });
});
