/**
 * Test access to Gloss's in-page UI, whose shadow root is closed: page scripts
 * (and Playwright's selectors) cannot see inside it, the DevTools protocol can.
 * Elements are found through CDP (`DOM.describeNode` with `pierce` lists closed
 * shadow roots) and acted on with trusted input only: the mouse at an element's
 * box, the keyboard. Nothing here runs a script inside Gloss's UI on its behalf.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';

const HOST = 'gloss-page-ui';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const uis = new WeakMap<Page, PageUi>();

/** The UI helper of `page` (one CDP session per page, opened on first use). */
export function uiOf(page: Page): PageUi {
  let ui = uis.get(page);
  if (!ui) uis.set(page, (ui = new PageUi(page)));
  return ui;
}

export class PageUi {
  private session: Promise<CDPSession> | null = null;

  constructor(private readonly page: Page) {}

  /** CDPSession.send on a session opened on first use. */
  private readonly send: CDPSession['send'] = async (method, params) => {
    this.session ??= this.page.context().newCDPSession(this.page);
    return (await this.session).send(method, params);
  };

  /** The closed shadow root's remote object, or null while Gloss has not mounted its UI. */
  private async root(): Promise<string | null> {
    const { result } = await this.send('Runtime.evaluate', { expression: `document.querySelector('${HOST}')` });
    if (!result.objectId) return null;
    const { node } = await this.send('DOM.describeNode', { objectId: result.objectId, depth: 0, pierce: true });
    const shadow = node.shadowRoots?.[0];
    await this.send('Runtime.releaseObject', { objectId: result.objectId });
    if (!shadow) return null;
    const { object } = await this.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    return object.objectId ?? null;
  }

  /** The first element matching `selector` inside the UI (as a remote object id), or null. */
  private async find(selector: string): Promise<string | null> {
    const root = await this.root();
    if (!root) return null;
    try {
      const { result } = await this.send('Runtime.callFunctionOn', {
        objectId: root,
        functionDeclaration: 'function (selector) { return this.querySelector(selector); }',
        arguments: [{ value: selector }],
      });
      return result.objectId ?? null;
    } finally {
      await this.send('Runtime.releaseObject', { objectId: root });
    }
  }

  /** Reads something of the first match (`fn` runs on the element), or null when there is none. */
  private async read<T>(selector: string, fn: string): Promise<T | null> {
    const element = await this.find(selector);
    if (!element) return null;
    try {
      const { result } = await this.send('Runtime.callFunctionOn', { objectId: element, functionDeclaration: fn, returnByValue: true });
      return result.value as T;
    } finally {
      await this.send('Runtime.releaseObject', { objectId: element });
    }
  }

  async has(selector: string): Promise<boolean> {
    return (await this.read<boolean>(selector, 'function () { return true; }')) === true;
  }

  /** Waits until `selector` matches inside the UI. */
  async waitFor(selector: string, { timeout = 10_000 } = {}): Promise<void> {
    const until = Date.now() + timeout;
    while (!(await this.has(selector))) {
      if (Date.now() > until) throw new Error(`Gloss's UI never showed ${selector} (${timeout} ms)`);
      await this.page.waitForTimeout(50);
    }
  }

  /** Waits until `selector` no longer matches. */
  async waitForGone(selector: string, { timeout = 10_000 } = {}): Promise<void> {
    const until = Date.now() + timeout;
    while (await this.has(selector)) {
      if (Date.now() > until) throw new Error(`Gloss's UI still shows ${selector} (${timeout} ms)`);
      await this.page.waitForTimeout(50);
    }
  }

  /** Waits until the element has the keyboard focus (inside the closed root). */
  async waitForFocus(selector: string, { timeout = 10_000 } = {}): Promise<void> {
    const until = Date.now() + timeout;
    const focused = 'function () { return this.getRootNode().activeElement === this; }';
    while (!(await this.read<boolean>(selector, focused))) {
      if (Date.now() > until) throw new Error(`${selector} in Gloss's UI never got the focus (${timeout} ms)`);
      await this.page.waitForTimeout(50);
    }
  }

  async text(selector: string): Promise<string | null> {
    return this.read<string>(selector, 'function () { return this.textContent; }');
  }

  /** The value of a form field in the UI (the popover's note, its tags). */
  async value(selector: string): Promise<string | null> {
    return this.read<string>(selector, 'function () { return this.value; }');
  }

  /** Where the element is on screen, measured by the browser (a page script cannot fake it). */
  async box(selector: string): Promise<Box | null> {
    const element = await this.find(selector);
    if (!element) return null;
    try {
      const { model } = await this.send('DOM.getBoxModel', { objectId: element });
      const [x1, y1, x2, , , y3] = model.border;
      return { x: x1!, y: y1!, width: x2! - x1!, height: y3! - y1! };
    } finally {
      await this.send('Runtime.releaseObject', { objectId: element });
    }
  }

  /** A real (trusted) click at the centre of the element, waiting for it first. */
  async click(selector: string): Promise<void> {
    await this.waitFor(selector);
    const box = await this.box(selector);
    if (!box) throw new Error(`Gloss's UI has no ${selector} to click`);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Runs `fn` on the first match from the page's main world: for tests that play a page script given the element. */
  async evaluateOn(selector: string, fn: string): Promise<void> {
    const element = await this.find(selector);
    if (!element) throw new Error(`Gloss's UI has no ${selector}`);
    try {
      await this.send('Runtime.callFunctionOn', { objectId: element, functionDeclaration: fn, awaitPromise: true });
    } finally {
      await this.send('Runtime.releaseObject', { objectId: element });
    }
  }

  /**
   * The popover's note editor: an extension page in an iframe inside the closed root, so it
   * runs in its own (extension) process; Playwright lists such frames in page.frames().
   */
  async noteEditor({ timeout = 10_000 } = {}): Promise<Frame> {
    const until = Date.now() + timeout;
    for (;;) {
      const frame = this.page.frames().find((f) => !f.isDetached() && /^(chrome|moz)-extension:\/\/[^/]+\/note-editor\.html/.test(f.url()));
      if (frame && (await frame.locator('textarea').count().catch(() => 0))) return frame;
      if (Date.now() > until) throw new Error(`The popover never showed its note editor (${timeout} ms)`);
      await this.page.waitForTimeout(50);
    }
  }
}

/** Waits until `selector` in the note editor has the keyboard focus, the editor's frame included. */
export async function waitForEditorFocus(editor: Frame, selector = 'textarea', { timeout = 10_000 } = {}): Promise<void> {
  await editor.waitForFunction(
    (selector) => document.hasFocus() && document.activeElement === document.querySelector(selector),
    selector,
    { timeout },
  );
}
