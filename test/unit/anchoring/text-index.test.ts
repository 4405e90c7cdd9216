import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { describeOffsets, trimOffsets } from '@/lib/anchoring/describe';
import { buildTextIndex } from '@/lib/anchoring/text-index';

const page = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;

describe('buildTextIndex', () => {
  it('joins text nodes in document order and leaves out scripts, styles and Gloss UI', () => {
    const doc = page('<p>One <b>two</b></p><script>var x = 1</script><style>p{}</style><div data-gloss-ui>toolbar</div><p>three</p>');
    const index = buildTextIndex(doc.body);
    expect(index.text).toBe('One twothree');
    expect(index.nodes.map((n) => n.data)).toEqual(['One ', 'two', 'three']);
    expect(index.starts).toEqual([0, 4, 7]);
  });

  it('describes a passage across elements with trimmed whitespace and 32 characters of context', () => {
    const doc = page(`<p>${'a'.repeat(40)} first paragraph ends.</p>\n  <p>Second paragraph starts here ${'b'.repeat(40)}</p>`);
    const index = buildTextIndex(doc.body);
    const start = index.text.indexOf(' ends.');
    const end = index.text.indexOf('here') + 4;
    const description = describeOffsets(index, start, end)!;
    expect(description.quote.exact).toBe('ends.\n  Second paragraph starts here');
    expect(description.quote.prefix).toBe(index.text.slice(start + 1 - 32, start + 1));
    expect(description.quote.suffix).toBe(` ${'b'.repeat(31)}`);
    expect(description.position).toEqual({ type: 'TextPositionSelector', start: start + 1, end });
  });

  it('refuses a whitespace-only selection, including the ideographic space', () => {
    const index = buildTextIndex(page('<p>a \u3000\u00a0 b</p>').body);
    expect(describeOffsets(index, 1, 5)).toBeNull();
    expect(trimOffsets('\u3000记者\u3000', 0, 4)).toEqual({ start: 1, end: 3 });
  });
});

describe('buildTextIndex on hostile markup', () => {
  it('walks nesting deeper than the call stack without throwing', () => {
    const depth = 20_000;
    const doc = page('<div id="top"></div><p>after</p>');
    let parent = doc.getElementById('top')!;
    for (let i = 0; i < depth; i++) {
      const child = doc.createElement('span');
      parent.appendChild(child);
      parent = child;
    }
    parent.appendChild(doc.createTextNode('deep'));
    const index = buildTextIndex(doc.body);
    expect(index.text).toBe('deepafter');
  });
});
