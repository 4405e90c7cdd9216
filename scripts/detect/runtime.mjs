// Shared by `npm run detect`, `npm run bench:detect` and the e2e fixture test: run the detector bundle
// (and, for the benchmark, Readability and Defuddle) inside headless Chromium with layout.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../harness/chromium.mjs';
import { ROOT } from '../harness/paths.mjs';
import { BUNDLE, buildDetector } from './bundle.mjs';

/** The charset a page's bytes declare, else utf-8 when they decode cleanly, else GB18030. */
export function sniffCharset(bytes) {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared) return declared;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Path part of a claimed address, for serving a page at the same shape of URL. */
export function pathOf(url, fallback) {
  try {
    const parsed = new URL(url);
    return parsed.pathname || fallback;
  } catch {
    return fallback;
  }
}

// In-page helper: visible text of an extractor's HTML output, one line per block element, so that
// words of adjacent paragraphs do not run together (textContent would join "end.</p><p>Start").
const BLOCK_TEXT = `
globalThis.glossBlockText = (html) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const el of doc.body.querySelectorAll('address,article,aside,blockquote,br,dd,div,dl,dt,figcaption,figure,footer,h1,h2,h3,h4,h5,h6,header,hr,li,ol,p,pre,section,table,td,th,tr,ul')) {
    el.after(doc.createTextNode('\\n'));
  }
  return doc.body.textContent ?? '';
};`;

export async function launchBrowser({ allowNetwork = false } = {}) {
  await buildDetector();
  const detector = readFileSync(BUNDLE, 'utf8');
  const readability = readFileSync(join(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');
  // Defuddle's browser build (UMD): defines the global class `Defuddle`.
  const defuddle = readFileSync(join(ROOT, 'node_modules/defuddle/dist/index.js'), 'utf8');
  const chromium = await launchChromium({ context: { bypassCSP: true } });
  const { context } = chromium;
  // Corpus pages must never reach the internet (and must not hang waiting for it).
  await context.route('**', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1' || allowNetwork) return route.continue();
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  return {
    page,
    async open(url) {
      await page.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => page.waitForLoadState('domcontentloaded'));
    },
    /** Runs the detector on the open page; returns the CLI JSON object (plus extras for the bench). */
    async detect(input, claimedUrl, now, anchors = []) {
      await page.addScriptTag({ content: detector });
      return page.evaluate(({ input, claimedUrl, now, anchors }) => {
        const detect = globalThis.GlossDetect;
        const start = performance.now();
        const structure = detect.detectPage(document, { url: claimedUrl ?? undefined, now: now ? new Date(now) : undefined });
        const ms = performance.now() - start;
        const json = detect.toDetectJson(structure, input, ms);
        json.extra = structure.articles.map((article) => ({
          datelineInline: article.datelineInline, bylineText: article.bylineText, source: article.source, summary: article.summary,
          truncatedStart: article.truncatedStart, continuedFrom: article.continuedFrom, continuedTo: article.continuedTo,
          storyKey: article.storyKey, root: article.root === document.body ? 'body' : article.root.tagName,
          // Which of the given CSS selectors name exactly this article's root element.
          rootMatches: anchors.filter((selector) => document.querySelector(selector) === article.root),
        }));
        json.edition = structure.edition ?? null;
        json.nonArticles = structure.nonArticles.map((item) => ({ kind: item.kind, textStart: item.textStart }));
        return json;
      }, { input, claimedUrl, now: now ? now.toISOString() : null, anchors });
    },
    /** Runs Readability on a clone of the open page; text with a line break after each block. */
    async readability() {
      await page.addScriptTag({ content: readability + BLOCK_TEXT });
      return page.evaluate(() => {
        const start = performance.now();
        let result = null;
        try {
          result = new globalThis.Readability(document.cloneNode(true)).parse();
        } catch {
          result = null;
        }
        const ms = performance.now() - start;
        return {
          ms, title: result?.title ?? null, byline: result?.byline ?? null, publishedTime: result?.publishedTime ?? null,
          siteName: result?.siteName ?? null, text: globalThis.glossBlockText(result?.content ?? ''),
        };
      });
    },
    /** Runs Defuddle on a clone of the open page, given the page's claimed address (as a reader would have it). */
    async defuddle(claimedUrl) {
      await page.addScriptTag({ content: defuddle + BLOCK_TEXT });
      return page.evaluate((claimedUrl) => {
        const start = performance.now();
        let result = null;
        try {
          result = new globalThis.Defuddle(document.cloneNode(true), { url: claimedUrl ?? undefined, useAsync: false }).parse();
        } catch {
          result = null;
        }
        const ms = performance.now() - start;
        return {
          ms, title: result?.title || null, author: result?.author || null, published: result?.published || null,
          site: result?.site || null, text: globalThis.glossBlockText(result?.content ?? ''),
        };
      }, claimedUrl);
    },
    close: () => chromium.close(),
  };
}
