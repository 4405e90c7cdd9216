/**
 * Hostile page scripts against Gloss's in-page UI (issue 10, case 3): synthetic
 * input must not act, and the UI (closed shadow root, note editor in an
 * extension frame) must not be readable or clickable by the page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectGlossErrors, highlightWithKey, paintedTexts, selectText, waitForPainted } from './highlight-helpers';
import { openExtensionPage, readStoreIn } from './panel-helpers';
import { uiOf, waitForEditorFocus } from './page-ui';
import { article, articleSite } from './security-pages';

const NOTE = 'private note 7431 about the harbour';

/** A keylogger: from its first script on, the page records every key and input its window sees, capturing. */
const KEYLOGGER_HEAD = `<script>
  window.__keys = [];
  for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'compositionend']) {
    addEventListener(type, (event) => __keys.push(type + ':' + (event.key ?? event.data)), true);
  }
</script>`;

/** A page that claims Gloss's tag as its own custom element, keeping the element's internals. */
const INTERNALS_HEAD = `<script>
  customElements.define('gloss-page-ui', class extends HTMLElement {
    constructor() { super(); window.__internals = this.attachInternals(); }
  });
</script>`;

const site = articleSite({
  '/a.html': article('Alpha'), '/b.html': article('Beta'), '/h.html': article('Iota'),
  '/internals.html': article('Internals', INTERNALS_HEAD), '/keylogger.html': article('Theta', KEYLOGGER_HEAD),
});
const { open, highlightsOf } = site;

/** Centre of the first painted highlight's first line, in viewport coordinates. */
function highlightPoint(page: Page) {
  return page.evaluate(() => {
    const range = [...CSS.highlights.values()].flatMap((h) => [...h])[0] as Range;
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + 6, y: rect.top + rect.height / 2 };
  });
}

/** What a page script dispatches to click like a user at (x, y): pointer and mouse events, then click(). */
const SYNTHETIC_CLICK = `function synthClick(x, y) {
  const target = document.elementFromPoint(x, y) || document.body;
  const init = { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y, button: 0, pointerType: 'mouse', isPrimary: true };
  for (const type of ['pointerover', 'pointermove', 'pointerdown', 'mousedown', 'pointerup', 'mouseup']) {
    const Ctor = type.startsWith('pointer') ? PointerEvent : MouseEvent;
    target.dispatchEvent(new Ctor(type, { ...init, buttons: type.endsWith('down') ? 1 : 0 }));
  }
  target.dispatchEvent(new MouseEvent('click', init));
  target.click();
  return target.tagName;
}`;

describe('a page script cannot drive or read the in-page UI', () => {
  it('(a) a synthetic "h" after a scripted selection creates nothing; the real key does', async () => {
    const page = await open('/a.html');
    const errors = collectGlossErrors(page);
    await selectText(page, 'committee approved');
    // Showing the toolbar for a scripted selection is fine (the browser reports it as a real selectionchange) ...
    await uiOf(page).waitFor('.toolbar');
    // ... acting on it is not.
    await page.evaluate(() => {
      for (const key of ['h', 'n', '1', '3']) {
        for (const target of [document.body, document, window]) {
          target.dispatchEvent(new KeyboardEvent('keydown', { key, code: `Key${key.toUpperCase()}`, bubbles: true, composed: true }));
        }
      }
    });
    await page.waitForTimeout(800);
    expect(await paintedTexts(page)).toEqual({});
    expect(await highlightsOf(page.url())).toEqual([]);

    // The same selection with the user's own key press is highlighted (so the test above can fail).
    await page.keyboard.press('h');
    await waitForPainted(page, 1);
    expect((await highlightsOf(page.url())).map((h) => h.selectors.quote.exact)).toEqual(['committee approved']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('(b) the page cannot find, open, click or read the UI; only trusted clicks act', async () => {
    const page = await open('/b.html');
    const errors = collectGlossErrors(page);
    // The user highlights with a note, saves it, closes the popover.
    await highlightWithKey(page, 'n', 'revised harbour budget');
    const editor = await uiOf(page).noteEditor();
    await waitForEditorFocus(editor);
    await page.keyboard.type(NOTE);
    await editor.locator('[data-action="save"]').click();
    await expect.poll(async () => (await highlightsOf(page.url()))[0]?.note).toBe(NOTE);
    await page.keyboard.press('Escape');
    await uiOf(page).waitForGone('.popover');

    // The host is there, its shadow root is not reachable.
    expect(await page.evaluate(() => {
      const host = document.querySelector('gloss-page-ui');
      return { host: Boolean(host), shadowRoot: host ? host.shadowRoot : 'no host' };
    })).toEqual({ host: true, shadowRoot: null });

    // Synthetic clicks and hovers on the highlight do not open its popover (so the note is not even rendered).
    const point = await highlightPoint(page);
    await page.evaluate(`(${SYNTHETIC_CLICK})(${point.x}, ${point.y})`);
    await page.waitForTimeout(900); // beyond the hover dwell
    expect(await uiOf(page).has('.popover')).toBe(false);

    // The user's own click opens it, with the note.
    await page.mouse.click(point.x, point.y);
    await uiOf(page).waitFor('.popover');
    const reopened = await uiOf(page).noteEditor();
    await expect.poll(() => reopened.locator('textarea').inputValue()).toBe(NOTE);
    // What the user types there does not bubble out to the page's listeners.
    await page.evaluate(() => {
      const heard: string[] = ((window as unknown as { __heard: string[] }).__heard = []);
      for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input']) {
        const listener = (event: Event) => heard.push(`${type}:${(event as KeyboardEvent).key ?? (event as InputEvent).data}`);
        document.addEventListener(type, listener);
        window.addEventListener(type, listener);
      }
    });
    await reopened.locator('textarea').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' 99');
    expect(await reopened.locator('textarea').inputValue()).toBe(`${NOTE} 99`);
    expect(await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard)).toEqual([]);

    // The page clicks synthetically where the delete button is, and on every element it can reach.
    const del = (await uiOf(page).box('.popover [data-action="delete"]'))!;
    await page.evaluate(`window.__synthClick = ${SYNTHETIC_CLICK}`);
    const reached = await page.evaluate(([x, y]) => {
      const hit = (window as unknown as { __synthClick(x: number, y: number): string }).__synthClick(x, y);
      const host = document.querySelector('gloss-page-ui') as HTMLElement;
      host.click();
      for (const child of host.children) (child as HTMLElement).click();
      const shadowRoot = (host as Element & { openOrClosedShadowRoot?: ShadowRoot }).openOrClosedShadowRoot ?? host.shadowRoot;
      return { hit, children: host.children.length, shadowRoot: shadowRoot === null || shadowRoot === undefined ? null : 'readable' };
    }, [del.x + del.width / 2, del.y + del.height / 2] as const);
    expect(reached).toEqual({ hit: 'GLOSS-PAGE-UI', children: 0, shadowRoot: null });
    await page.waitForTimeout(500);
    expect(await highlightsOf(page.url())).toHaveLength(1);
    expect(Object.values(await paintedTexts(page)).flat()).toEqual(['revised harbour budget']);
    expect(await uiOf(page).has('.popover')).toBe(true);

    // The note appears nowhere the page can read.
    const visible = await page.evaluate(() => {
      const host = document.querySelector('gloss-page-ui')!;
      return [
        document.documentElement.outerHTML,
        document.documentElement.textContent ?? '',
        document.body.innerText,
        [...host.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
        String(getSelection()),
        (window as unknown as { __messages: string[] }).__messages.join('\n'),
      ].join('\n');
    });
    expect(visible).not.toContain(NOTE);
    expect(visible).not.toContain('7431');

    // A trusted click on delete does delete (so the refusals above are not a broken button).
    await uiOf(page).click('.popover [data-action="delete"]');
    await waitForPainted(page, 0);
    expect(await highlightsOf(page.url())).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('(b) a page\'s capturing key listeners and getSelection() get nothing of a note being typed', async () => {
    const page = await open('/keylogger.html');
    const errors = collectGlossErrors(page);
    await highlightWithKey(page, 'n', 'more buses');
    // Wait for the focus to leave the page for Gloss's UI (the page sees only the host element there).
    await page.waitForFunction(() => document.activeElement?.tagName === 'GLOSS-PAGE-UI');
    await page.waitForTimeout(300);
    await page.evaluate(() => ((window as unknown as { __keys: string[] }).__keys.length = 0));
    const typed = 'harbour 9152 secret, tags: ';
    await page.keyboard.type(typed);
    await page.keyboard.press('Control+a');
    const selected = await page.evaluate(() => String(getSelection()));
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Enter');

    // The note is saved (read straight from the database in an extension page) ...
    const panel = await openExtensionPage(site.browser, 'popup.html');
    const noteOf = async () => {
      const rows = await readStoreIn<{ note: string; selectors: { quote: { exact: string } } }>(panel, 'highlights');
      return rows.find((row) => row.selectors.quote.exact === 'more buses')?.note;
    };
    await expect.poll(noteOf, { timeout: 10_000 }).toBe(typed);
    // ... and the page heard none of it, nor could it read it as its selection.
    expect(await page.evaluate(() => (window as unknown as { __keys: string[] }).__keys)).toEqual([]);
    expect(selected).not.toContain('9152');

    // Escape in the editor closes the popover.
    await page.keyboard.press('Escape');
    await uiOf(page).waitForGone('.popover');
    expect(errors).toEqual([]);
    await panel.close();
    await page.close();
  });

  it('(b) a page that frames the note editor itself, even with a pass it saw, gets no note and no editor', async () => {
    const page = await open('/h.html');
    await highlightWithKey(page, 'n', 'long night of debate');
    const real = await uiOf(page).noteEditor();
    await waitForEditorFocus(real);
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await highlightsOf(page.url()))[0]?.note).toBe(NOTE);
    // The page frames the editor with a pass it made up and with the real one (as if it had learnt it).
    const urls = [real.url().replace(/#.*/, `#${crypto.randomUUID()}`), real.url()];
    await page.evaluate((urls) => {
      for (const url of urls) {
        const frame = document.createElement('iframe');
        frame.src = url;
        document.body.append(frame);
      }
    }, urls);
    await page.waitForTimeout(1500);
    const framed = page.frames().filter((f) => f.parentFrame() === page.mainFrame() && f !== real);
    expect(framed).toHaveLength(2);
    for (const frame of framed) {
      // Either the browser refuses the frame or the editor shows only why it cannot open.
      const shown = await frame.evaluate(() => ({ fields: document.querySelectorAll('textarea, input').length, text: document.body?.innerText ?? '' })).catch(() => null);
      console.log(`editor framed by the page (${frame.url().slice(-12)}): ${shown ? JSON.stringify(shown) : 'refused by the browser'}`);
      if (shown) {
        expect(shown.fields).toBe(0);
        expect(shown.text).not.toContain('7431');
      }
    }
    expect((await highlightsOf(page.url()))[0]?.note).toBe(NOTE);
    await page.close();
  });

  it('(b) a page that defines gloss-page-ui itself cannot reach the shadow root through ElementInternals', async () => {
    const page = await open('/internals.html');
    await highlightWithKey(page, 'h', 'more buses');
    await waitForPainted(page, 1);
    const seen = await page.evaluate(() => {
      const internals = (window as unknown as { __internals?: ElementInternals }).__internals;
      return { upgraded: Boolean(internals), shadowRoot: internals?.shadowRoot ?? null, open: document.querySelector('gloss-page-ui')?.shadowRoot ?? null };
    });
    expect(seen).toEqual({ upgraded: true, shadowRoot: null, open: null });
    await page.close();
  });
});
