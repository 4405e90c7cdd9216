import { describe, expect, it } from 'vitest';
import { colorOf, createPainter, HIGHLIGHT_COLORS, pageStylesheet } from '@/lib/highlight';

/** The CSS Custom Highlight API's shape: a registry of named Highlight sets of ranges. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

function fakeWindow() {
  const registry = new Map<string, FakeHighlight>();
  return { registry, win: { CSS: { highlights: registry }, Highlight: FakeHighlight } as unknown as Window };
}

const range = (label: string) => ({ label }) as unknown as Range;

describe('createPainter with the CSS Custom Highlight API', () => {
  it('keeps one highlight per colour and moves a range when its colour changes', () => {
    const { registry, win } = fakeWindow();
    const painter = createPainter(win);
    expect(painter.mode).toBe('custom-highlight');
    const a = range('a');
    const b = range('b');
    painter.paint('1', a, 'yellow');
    painter.paint('2', b, 'yellow');
    expect([...registry.get('gloss-yellow')!]).toEqual([a, b]);
    painter.paint('1', a, 'blue');
    expect([...registry.get('gloss-yellow')!]).toEqual([b]);
    expect([...registry.get('gloss-blue')!]).toEqual([a]);
    expect(registry.get('gloss-blue')!.priority).toBeGreaterThan(registry.get('gloss-yellow')!.priority);
    painter.unpaint('2');
    expect(registry.get('gloss-yellow')!.size).toBe(0);
    expect([...painter.all()].map((p) => p.id)).toEqual(['1']);
  });

  it('registers its highlight again if the page cleared the registry', () => {
    const { registry, win } = fakeWindow();
    const painter = createPainter(win);
    painter.paint('1', range('a'), 'green');
    registry.clear();
    painter.paint('2', range('b'), 'green');
    expect(registry.get('gloss-green')!.size).toBe(2);
  });

  it('paints unknown colour ids in the default colour', () => {
    const { registry, win } = fakeWindow();
    createPainter(win).paint('1', range('a'), 'teal-from-the-future');
    expect(registry.get('gloss-yellow')!.size).toBe(1);
    expect(colorOf('nope').id).toBe('yellow');
  });

  it('clear() removes its highlights from the registry', () => {
    const { registry, win } = fakeWindow();
    const painter = createPainter(win);
    painter.paint('1', range('a'), 'pink');
    painter.clear();
    expect(registry.has('gloss-pink')).toBe(false);
  });
});

describe('pageStylesheet', () => {
  it('styles every colour for screen and print, with different backgrounds on dark pages', () => {
    const light = pageStylesheet(false);
    const dark = pageStylesheet(true);
    for (const color of HIGHLIGHT_COLORS) {
      expect(light).toContain(`::highlight(gloss-${color.id}) { background-color: ${color.light}; }`);
      expect(dark).toContain(`::highlight(gloss-${color.id}) { background-color: ${color.dark}; }`);
    }
    expect(light).toMatch(/@media print \{ ::highlight\(gloss-yellow\)[^}]*print-color-adjust: exact/);
  });
});
