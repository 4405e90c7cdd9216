import { describe, expect, it } from 'vitest';
import { TabFrames } from '../../lib/background/tab-frames';

/** A stand-in for storage.session: what one worker wrote, the next one reads. */
function memoryArea() {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (key: string) => (key in items ? { [key]: structuredClone(items[key]) } : {}),
    set: async (values: Record<string, unknown>) => void Object.assign(items, structuredClone(values)),
  };
}

describe('the frames of each tab', () => {
  it('lists the page first, then the frames that ran Gloss in the order they were made, each once', async () => {
    const frames = new TabFrames(null);
    await frames.seen(3, 12);
    await frames.seen(3, 5);
    await frames.seen(3, 12);
    await frames.seen(3, 0);
    await frames.seen(4, 9);
    expect(await frames.of(3)).toEqual([0, 5, 12]);
    expect(await frames.of(4)).toEqual([0, 9]);
    expect(await frames.of(99)).toEqual([0]);
    await frames.forget(3);
    expect(await frames.of(3)).toEqual([0]);
  });

  it('keeps them across a restart of the worker, and ignores what is not a frame list', async () => {
    const area = memoryArea();
    const before = new TabFrames(area);
    await before.seen(7, 21);
    await new Promise((done) => setTimeout(done, 0));
    area.items['gloss:tab-frames'] = { ...(area.items['gloss:tab-frames'] as object), 8: 'garbage', 9: [4, 'x', -1, 2.5] };
    const after = new TabFrames(area);
    expect(await after.of(7)).toEqual([0, 21]);
    expect(await after.of(8)).toEqual([0]);
    expect(await after.of(9)).toEqual([0, 4]);
  });

  it('forgets the oldest frames of a page that loads very many', async () => {
    const frames = new TabFrames(null);
    for (let id = 1; id <= 60; id++) await frames.seen(1, id);
    const listed = await frames.of(1);
    expect(listed).toHaveLength(41);
    expect(listed.slice(0, 2)).toEqual([0, 21]);
  });
});
