import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { compileMarkdownTemplate, defaultTemplate, DEFAULT_TEMPLATE, toMarkdown, toMarkdownFiles } from '@/lib/transfer/export/markdown';
import { textFragmentUrl } from '@/lib/anchoring/text-fragment';
import { escapeInline, markdownUrl } from '@/lib/transfer/export/markdown-escape';
import { blockIds } from '@/lib/transfer/export/markdown-context';
import { inReadingOrder } from '@/lib/transfer/export/order';
import { TemplateSyntaxError } from '@/lib/transfer/export/template';
import { allBundles, guardianStory, leadStory, portalStory } from './fixtures';
import { expectGolden } from './golden';

function frontMatter(markdown: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) throw new Error('no front matter');
  return load(match[1]!);
}

// Passage links come from lib/anchoring's textFragmentUrl, which has its own tests; the golden files hold a
// placeholder so they pin only this module's output, and the test below checks each link is that function's.
const withoutFragments = (md: string) => md.replace(/#:~:text=[^)\s>]+/g, '#:~:text=FRAGMENT');

describe('toMarkdown', () => {
  it('matches the golden file for the 衡阳日报 lead story', () => {
    expectGolden('markdown/zh-lead.md', withoutFragments(toMarkdown([leadStory()])));
  });

  it('matches the golden file for the 石鼓区 portal story', () => {
    expectGolden('markdown/zh-portal.md', withoutFragments(toMarkdown([portalStory()])));
  });

  it('matches the golden file for the Guardian story', () => {
    expectGolden('markdown/en-guardian.md', withoutFragments(toMarkdown([guardianStory()])));
  });

  it('links every highlight with the text fragment URL of its quote, in reading order', () => {
    for (const bundle of [leadStory(), guardianStory()]) {
      const links = [...toMarkdown([bundle]).matchAll(/\[↗\]\(([^)]+)\)/g)].map((m) => m[1]);
      const expected = inReadingOrder(bundle.highlights).anchored.map((h) => markdownUrl(textFragmentUrl(bundle.article.url, h.selectors.quote)));
      expect(links).toEqual(expected);
      expect(links.every((link) => link!.includes('#:~:text='))).toBe(true);
    }
  });

  it('writes front matter that parses back to the article metadata', () => {
    const bundle = leadStory();
    const data = frontMatter(toMarkdown([bundle])) as Record<string, unknown>;
    expect(data.title).toBe('「小屋场」撬动基层治理「大能量」');
    expect(data.kicker).toBe(bundle.article.kicker);
    expect(data.author).toEqual(['周瑞华', '谭明星', '罗军']);
    expect(data.author_roles).toEqual(['全媒体记者', '通讯员', '通讯员']);
    expect(data.publication).toBe('衡阳日报');
    expect(data.source).toBe(bundle.article.url);
    expect(data.published).toBe('2022-09-05');
    expect(data.tags).toEqual(['基层治理', '信访-工作']);
    expect(data.language).toBe('zh-CN');
  });

  it.each([
    'Title: with "quotes", #hash and \'apostrophes\'',
    '---\nkey: value\n...',
    '- [a] {b} & *c* | @d `e` %f',
    'tab\there, NUL\u0000, bell\u0007, LS\u2028 BOM\ufeff, 😀 and 中文',
    'yes',
    '123',
  ])('keeps the front matter valid YAML for the title %j', (title) => {
    const bundle = guardianStory();
    bundle.article.title = title;
    const data = frontMatter(toMarkdown([bundle])) as Record<string, unknown>;
    expect(data.title).toBe(title);
  });

  it('lists highlights in reading order and orphans last, under their heading', () => {
    const md = toMarkdown([leadStory()]);
    const first = md.indexOf('衡南县'); // start of paragraph 0
    const third = md.indexOf('原文已改');
    const heading = md.indexOf('## Not found on the page any more');
    expect(first).toBeGreaterThan(0);
    expect(md.indexOf('— *evidence*')).toBeGreaterThan(md.indexOf('— *key point*'));
    expect(md.indexOf('— *question*')).toBeGreaterThan(md.indexOf('— *evidence*'));
    expect(heading).toBeGreaterThan(md.indexOf('— *question*'));
    expect(third).toBeGreaterThan(heading);
  });

  it('escapes Markdown and HTML in notes but keeps #tags and [[links]] the user typed', () => {
    const md = toMarkdown([leadStory()]);
    expect(md).toContain('\\*\\*注意\\*\\*: \\<b\\>不是\\</b\\>粗体');
    expect(md).toContain('#基层治理 见 [[信访制度]]');
    const en = toMarkdown([guardianStory()]);
    expect(en).toContain('1\\. Greed — \\*the\\* cause?');
    expect(en).toContain('\\<script\\>alert(1)\\</script\\> \\`code\\` #whales');
    expect(en).not.toMatch(/<script>/);
  });

  it('turns highlight tags into valid Obsidian tags', () => {
    const md = toMarkdown([leadStory()]);
    expect(md).toContain('#信访-工作 #_2022');
    expect(md).toContain('#基层治理');
  });

  it('keeps a multi-paragraph quote inside its block quote', () => {
    const md = toMarkdown([leadStory()]);
    const quote = /> (.*)\n>\n> (.*)\n>\n> — \*evidence\*/.exec(md);
    expect(quote).not.toBeNull();
  });

  it('links each highlight to its passage with a text fragment', () => {
    const md = toMarkdown([guardianStory()]);
    expect(md).toMatch(/\[↗\]\(https:\/\/www\.theguardian\.com\/[^)\s]+#:~:text=[^)\s]+\)/);
  });

  it('never links a non-http address from an edited backup', () => {
    const bundle = guardianStory();
    bundle.article.url = 'javascript:alert(document.cookie)';
    const md = toMarkdown([bundle]);
    expect(md).not.toMatch(/\]\(javascript:|<javascript:/);
    expect(md).toContain('source: "javascript:alert(document.cookie)"');
  });

  it('puts an Obsidian block id, derived from the highlight id, on its own line after each quote', () => {
    const bundle = leadStory();
    const md = toMarkdown([bundle]);
    const ids = [...md.matchAll(/\n\n\^(gloss-[a-z0-9-]+)\n\n/g)].map((m) => m[1]);
    expect(ids).toHaveLength(bundle.highlights.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^gloss-[0-9a-f]{6}$/.test(id!))).toBe(true);
    // Stable: the same ids whatever order the highlights come in or what else changed.
    const again = leadStory();
    again.highlights.reverse();
    again.highlights[0]!.note = 'edited later';
    expect([...toMarkdown([again]).matchAll(/\^(gloss-[a-z0-9-]+)/g)].map((m) => m[1])).toEqual(ids);
  });

  it('numbers block ids that would clash within one note', () => {
    // Find two ids whose 6-digit block ids are equal (about 5,000 tries by the birthday bound).
    const template = leadStory().highlights[0]!;
    const seen = new Map<string, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; !pair && i < 100_000; i++) {
      const id = `h${i}`;
      const blockId = blockIds([{ ...template, id }]).get(id)!;
      const earlier = seen.get(blockId);
      if (earlier) pair = [earlier, id];
      else seen.set(blockId, id);
    }
    expect(pair).not.toBeNull();
    const ids = blockIds(pair!.map((id) => ({ ...template, id })));
    expect(ids.get(pair![1])).toBe(`${ids.get(pair![0])}-2`);
  });

  it('gives a Logseq template the highlight id for an id:: property', () => {
    const bundle = leadStory();
    const md = toMarkdown([bundle], { template: '{{#highlights}}- {{quote}}\n  id:: {{id}}\n{{/highlights}}' });
    const first = inReadingOrder(bundle.highlights).anchored[0]!;
    expect(md).toContain(`  id:: ${first.id}\n`);
  });

  it('joins several articles in one file without front matter after the first', () => {
    const md = toMarkdown(allBundles());
    expect(md.startsWith('---\n')).toBe(false);
    expect(md.split('\n---\n').length).toBe(3);
    expect(md).toContain('# 从“最多跑一次”到“一次都不用跑”');
  });
});

describe('templates', () => {
  it('gives back the default template with one call', () => {
    expect(defaultTemplate()).toBe(DEFAULT_TEMPLATE);
    expect(toMarkdown([portalStory()], { template: defaultTemplate() })).toBe(toMarkdown([portalStory()]));
  });

  it('renders a custom template with loops and conditionals', () => {
    const template = '## {{title}}\n{{#highlights}}\n- {{quote}}{{#note}} ({{note}}){{/note}}{{^note}} (no note){{/note}} {{tags}}\n{{/highlights}}\n';
    const md = toMarkdown([portalStory()], { template });
    expect(md).toBe(`## 从“最多跑一次”到“一次都不用跑”\n- ${escapeInline(portalStory().highlights[0]!.selectors.quote.exact)} (no note) #政务\n`);
  });

  it.each([
    ['{{title}\n', 1, 1, 'Unclosed'],
    ['ok\n{{#highlights}}\n{{quote}}\n', 2, 1, 'never closed'],
    ['{{#highlights}}\n{{/orphans}}', 2, 1, 'expected'],
    ['a\nb {{titel}}', 2, 3, 'Unknown name "titel"'],
    ['{{/highlights}}', 1, 1, 'closes nothing'],
  ])('reports where a syntax error is: %j', (source, line, column, words) => {
    let error: unknown;
    try {
      compileMarkdownTemplate(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    expect((error as TemplateSyntaxError).line).toBe(line);
    expect((error as TemplateSyntaxError).column).toBe(column);
    expect((error as Error).message).toContain(words);
  });
});

describe('toMarkdownFiles', () => {
  it('names one file per article from its title, CJK kept', () => {
    const names = [...toMarkdownFiles(allBundles())].map((f) => f.name);
    expect(names).toEqual([
      '「小屋场」撬动基层治理「大能量」.md',
      '从“最多跑一次”到“一次都不用跑”.md',
      "'What is the sea telling us_'_ Māori tribes fearful over whale strandings _ Eleanor Ainge Roy.md",
    ]);
  });
});
