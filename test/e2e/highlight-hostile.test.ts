/**
 * Gloss on a hostile page: page CSS aimed at everything, scripts that patch
 * DOM APIs and throw, deep nesting, form fields, a page shadow root. Nothing
 * of Gloss's may reach the console as an error, and highlighting still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type Launched, type StaticServer } from './harness';
import { collectGlossErrors, highlightWithKey, paintedTexts, selectText, waitForPainted } from './highlight-helpers';
import { uiOf } from './page-ui';

const HOSTILE = `<!doctype html><html><head><meta charset="utf-8"><title>Hostile</title>
<style>
  * { all: unset !important; display: block !important; color: #eee !important; background: #111 !important; }
  gloss-page-ui, [data-gloss-ui] { display: none !important; opacity: 0 !important; }
  ::highlight(gloss-yellow) { background: transparent !important; }
</style>
<script>
  // Page scripts that break things for anyone sharing the main world.
  Range.prototype.getBoundingClientRect = () => { throw new Error('page says no'); };
  Node.prototype.contains = () => { throw new Error('page says no'); };
  Selection.prototype.collapseToEnd = () => { throw new Error('page says no'); };
  Object.defineProperty(document, 'adoptedStyleSheets', { get() { throw new Error('no'); }, set() { throw new Error('no'); } });
  setInterval(() => { throw new Error('the page itself is noisy'); }, 200);
  customElements.define('gloss-page-ui', class extends HTMLElement { constructor() { super(); throw new Error('taken'); } });
</script></head><body>
<article><h1>Hostile page</h1>
<p id="target">The committee approved the revised harbour budget after a long night of debate.</p>
<p>Second paragraph with <b>bold</b> and <i>italic</i> words in it for good measure.</p>
<form><input id="field" value="text typed in a form field"><textarea id="area">text in a textarea</textarea></form>
<div id="deep"></div>
<div id="shadow-host"></div>
</article>
<script>
  let node = document.getElementById('deep');
  for (let i = 0; i < 600; i++) { const c = document.createElement('span'); node.appendChild(c); node = c; }
  node.textContent = 'deeply nested text at the bottom';
  document.getElementById('shadow-host').attachShadow({ mode: 'open' }).innerHTML = '<p>text inside the page shadow root</p>';
</script>
</body></html>`;

let browser: Launched;
let server: StaticServer;

beforeAll(async () => {
  server = await startServer((path) => (path === '/hostile.html' ? { body: HOSTILE, contentType: 'text/html; charset=utf-8' } : null));
  browser = await launchChromium({ extension: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Gloss on a hostile page', () => {
  it('highlights, ignores form fields, survives a reload, and never reports an error', async () => {
    const page = await browser.context.newPage();
    const errors = collectGlossErrors(page);
    await page.goto(`${server.origin}/hostile.html`);

    // Form fields are the user's own text: no toolbar.
    await page.focus('#field');
    await page.evaluate(() => (document.getElementById('field') as HTMLInputElement).setSelectionRange(0, 10));
    await page.keyboard.press('h');
    await page.waitForTimeout(500);
    expect(await uiOf(page).has('.toolbar')).toBe(false);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await selectText(page, 'committee approved', 'harbou');
    await uiOf(page).waitFor('.toolbar');
    await page.keyboard.press('h');
    await waitForPainted(page, 1);
    expect((await paintedTexts(page))['gloss-yellow']).toEqual(['committee approved the revised harbou']);

    await highlightWithKey(page, 'n', 'deeply nested text');
    await waitForPainted(page, 2);
    await uiOf(page).noteEditor();

    await page.reload();
    await waitForPainted(page, 2);
    const painted = await paintedTexts(page);
    expect(painted['gloss-yellow']).toContain('committee approved the revised harbou');
    expect(painted['gloss-yellow']).toContain('deeply nested text');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ignores selections inside its own UI', async () => {
    const page = await browser.context.newPage();
    const errors = collectGlossErrors(page);
    await page.goto(`${server.origin}/hostile.html`);
    await waitForPainted(page, 2);
    const before = await paintedTexts(page);
    await selectText(page, 'Second paragraph');
    await uiOf(page).waitFor('.toolbar');
    // Select the toolbar's own button text, then press h: nothing new may be saved.
    await uiOf(page).evaluateOn(
      '[data-action="copy"]',
      `function () {
        const range = document.createRange();
        range.selectNodeContents(this);
        const selection = getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      }`,
    )
    await page.waitForTimeout(500);
    await page.keyboard.press('h');
    await page.waitForTimeout(500);
    expect(await paintedTexts(page)).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
