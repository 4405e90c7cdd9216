/**
 * Deep links: the text fragments Gloss builds for a highlight resolve to the
 * highlighted passage, checked with text-fragments-polyfill's own matcher in
 * Chromium, on Chinese and English pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../../scripts/harness/bundle.mjs';
import { textFragmentUrl } from '../../lib/anchoring/text-fragment';
import { launchChromium, ROOT, sharedFixtureRoute, startServer, type Launched, type StaticServer } from './harness';
import { corpusRoute } from './highlight-helpers';

const POLYFILL = readFileSync(join(ROOT, 'node_modules/text-fragments-polyfill/src/text-fragment-utils.js'));
let browser: Launched;
let server: StaticServer;
let generator: string;

beforeAll(async () => {
  server = await startServer((path) =>
    path === '/tfp.js' ? { body: POLYFILL, contentType: 'text/javascript' } : (sharedFixtureRoute(path) ?? corpusRoute(path)),
  );
  browser = await launchChromium();
  generator = readFileSync(await bundleEntry({
    entry: join(ROOT, 'test/e2e/fragment-entry.ts'), outDir: join(ROOT, '.cache/e2e-fragment'), fileName: 'fragment.js', format: 'iife', name: 'GlossFragment',
  }), 'utf8');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Quotes as Gloss stores them: passages of paragraphs with 32 characters of the body's text either side. */
function quotesOn(path: string, picks: [number, number, number][]) {
  return async () => {
    const page = await browser.context.newPage();
    await page.goto(server.origin + path);
    const quotes = await page.evaluate((picks) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest('script, style, noscript') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      let text = '';
      const starts = new Map<Node, number>();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        starts.set(n, text.length);
        text += (n as Text).data;
      }
      const paragraphs = [...document.querySelectorAll('p')].filter((p) => p.childNodes.length === 1 && (p.textContent ?? '').trim().length > 60);
      return picks.map(([which, from, length]) => {
        const node = paragraphs[which]!.firstChild!;
        const body = (node as Text).data;
        const lead = body.length - body.trimStart().length;
        const start = starts.get(node)! + lead + from;
        const end = start + length;
        return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
      });
    }, picks);
    // The polyfill is an ES module: load it with a module script (test code's import() is rewritten by Vitest).
    await page.addScriptTag({ type: 'module', content: "import * as tfp from '/tfp.js'; window.tfp = tfp;" });
    await page.waitForFunction(() => 'tfp' in window);
    const found = [];
    for (const quote of quotes) {
      const url = textFragmentUrl(page.url(), quote);
      const texts = await page.evaluate(async (hash) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const tfp = (window as any).tfp;
        const parsed = tfp.parseFragmentDirectives(tfp.getFragmentDirectives(hash));
        return (tfp.processTextFragmentDirective(parsed.text[0]) as Range[]).map((r) => r.toString().replace(/\s+/g, ' ').trim());
      }, new URL(url).hash);
      found.push({ exact: quote.exact.replace(/\s+/g, ' ').trim(), texts });
    }
    await page.close();
    return found;
  };
}

describe('text fragment deep links', () => {
  it('resolve to the passage on a Chinese page', async () => {
    const results = await quotesOn('/fixtures/news-zh/02-founder-article-lead.html', [[1, 4, 20], [2, 10, 150], [3, 0, 12]])();
    expectWholeWordMatches(results);
  });

  it('resolve to the passage on an English news page', async () => {
    const results = await quotesOn('/corpus/bdb56ac83513635db1d8b9eb46b2da4c0de8da2f1f28f5bf5163df3eb3d3ec06.html', [[1, 0, 40], [3, 0, 300], [5, 0, 25]])();
    expectWholeWordMatches(results);
  });

  it('link a passage across two paragraphs by its first and last words', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/fixtures/news-zh/02-founder-article-lead.html`);
    await page.addScriptTag({ type: 'module', content: "import * as tfp from '/tfp.js'; window.tfp = tfp;" });
    await page.waitForFunction(() => 'tfp' in window);
    const url = textFragmentUrl(page.url(), { exact: '变群众上访为干部下访', prefix: '', suffix: '' });
    const across = textFragmentUrl(page.url(), {
      exact: '有效降低上访率。恳谈会由县级干部牵头\n\u3000\u3000屋场恳谈会成功的关键是让群众',
      prefix: '纠正认识偏差，',
      suffix: '把心里话说出来',
    });
    const texts = await page.evaluate((hashes) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const tfp = (window as any).tfp;
      return hashes.map((hash) =>
        (tfp.processTextFragmentDirective(tfp.parseFragmentDirectives(tfp.getFragmentDirectives(hash)).text[0]) as Range[]).map((r) => r.toString()),
      );
    }, [new URL(url).hash, new URL(across).hash]);
    expect(texts[0]).toEqual(['变群众上访为干部下访']);
    expect(texts[1]).toHaveLength(1);
    expect(texts[1]![0]).toMatch(/^有效降低上访率[\s\S]*屋场恳谈会成功的关键是让群众$/);
    await page.close();
  });
});

describe('fragments made on the live page', () => {
  it('an image caption repeated in its <noscript>: the suffix alone tells the copies apart', async () => {
    // The polyfill's matcher reads <noscript> text (Chromium does not), and that copy also sits between
    // the caption and the paragraph before it, so a prefix cannot reach the caption.
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/fixtures/news-zh/02-founder-article-lead.html`);
    await page.setContent(
      '<p>Stocks fell amid protests in the city.</p><div><a><img alt=""><noscript><img alt="Trade talks stall again"></noscript></a>' +
        '<span><a href="#">Trade talks stall again</a></span></div><p>Analysts expect a rebound.</p>',
    );
    await page.addScriptTag({ content: generator });
    await page.addScriptTag({ type: 'module', content: "import * as tfp from '/tfp.js'; window.tfp = tfp;" });
    await page.waitForFunction(() => 'tfp' in window);
    const { fragment, found } = await page.evaluate(() => {
      const caption = document.querySelector('span a')!.firstChild as Text;
      const range = document.createRange();
      range.selectNodeContents(caption);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const made = (window as any).glossFragmentOfRange(range);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const matches = (window as any).tfp.processTextFragmentDirective(made) as Range[];
      return { fragment: made, found: matches.map((r) => r.startContainer.parentElement!.tagName) };
    });
    expect(fragment).toMatchObject({ textStart: 'Trade talks stall again', suffix: 'Analysts' });
    expect(fragment.prefix).toBeUndefined();
    expect(found).toEqual(['A']);
    await page.close();
  });
});

/** Each link resolves to exactly one range: the quote, grown at most to the whole words around it. */
function expectWholeWordMatches(results: { exact: string; texts: string[] }[]) {
  for (const { exact, texts } of results) {
    expect(texts, exact).toHaveLength(1);
    expect(texts[0]).toContain(exact);
    expect(texts[0]!.length - exact.length).toBeLessThan(24);
  }
}
