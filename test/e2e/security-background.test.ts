/**
 * Hostile page scripts against Gloss's content script and background (issue 10,
 * case 4): the page must not be able to switch Gloss off, see it announce
 * itself, or flood the background.
 */
import { describe, expect, it } from 'vitest';
import { askContent, collectGlossErrors, highlightWithKey, waitForPainted } from './highlight-helpers';
import { openExtensionPage } from './panel-helpers';
import { article, articleSite } from './security-pages';

const RATE_LIMITED = /too many requests/i;

const site = articleSite({
  '/c.html': article('Gamma'), '/d.html': article('Delta'), '/e.html': article('Epsilon'), '/f.html': article('Zeta'), '/g.html': article('Eta'),
});
const { open, highlightsOf } = site;

describe('a page cannot switch Gloss off, hear it announce itself, or flood the background', () => {
  it('(c) dispatching the "content script started" event (Gloss\'s own, or WXT\'s) does not switch Gloss off', async () => {
    const page = await open('/c.html');
    const errors = collectGlossErrors(page);
    // Gloss's own name (entrypoints/content-loader.ts), and the name WXT gives its event (getUniqueEventName).
    await page.evaluate((id) => {
      for (const type of [`${id}:gloss:content-started`, `${id}:content:wxt:content-script-started`]) {
        for (const messageId of ['page', 'other', '']) {
          document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId } }));
        }
        window.postMessage({ type, contentScriptName: 'content', messageId: 'page' }, '*');
      }
    }, site.browser.extensionId);
    await page.waitForTimeout(300);
    // Still answering, and a later real selection + key press still highlights.
    await highlightWithKey(page, 'h', 'northern route');
    await waitForPainted(page, 1);
    expect((await highlightsOf(page.url())).map((h) => h.selectors.quote.exact)).toEqual(['northern route']);
    expect((await askContent<{ highlightCount: number }>(site.browser, page.url(), 'content.summary', null)).highlightCount).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('(d) no window.postMessage from Gloss reaches the page', async () => {
    const page = await open('/d.html');
    await highlightWithKey(page, 'h', 'town hall');
    await waitForPainted(page, 1);
    await page.reload();
    await waitForPainted(page, 1);
    const messages = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
    expect(messages).toEqual([]);
    await page.close();
  });

  it('(e) flooding location-change events 5,000×/s does not slow the background down', async () => {
    const page = await open('/e.html');
    await highlightWithKey(page, 'h', 'long night of debate');
    await waitForPainted(page, 1);
    const panel = await openExtensionPage(site.browser, 'popup.html');
    /** Median and worst reply time of `stats.get`, asked one after another from an extension page. */
    const replyTimes = () =>
      panel.evaluate(async () => {
        const times: number[] = [];
        for (let i = 0; i < 25; i++) {
          const started = performance.now();
          const reply = await chrome.runtime.sendMessage({ channel: 'gloss/1', type: 'stats.get', data: null });
          if (!reply?.ok) throw new Error(`stats.get failed: ${reply?.error}`);
          times.push(performance.now() - started);
          await new Promise((done) => setTimeout(done, 20));
        }
        times.sort((a, b) => a - b);
        return { median: times[12]!, worst: times[24]! };
      });
    const before = await replyTimes();
    await page.evaluate((id) => {
      // 50 of each every 10 ms: 5,000 per second of WXT's location-change event, fake "navigate" and fake popstate.
      const type = `${id}:content:wxt:locationchange`;
      const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
      (window as unknown as { __flood: number }).__flood = window.setInterval(() => {
        for (let i = 0; i < 50; i++) {
          window.dispatchEvent(new Event(type));
          navigation?.dispatchEvent(new Event('navigate'));
          window.dispatchEvent(new PopStateEvent('popstate'));
        }
      }, 10);
    }, site.browser.extensionId);
    await page.waitForTimeout(1500);
    const during = await replyTimes();
    await page.evaluate(() => clearInterval((window as unknown as { __flood: number }).__flood));
    console.log(`stats.get reply time: before the flood median ${before.median.toFixed(1)} ms (worst ${before.worst.toFixed(1)}), ` +
      `during median ${during.median.toFixed(1)} ms (worst ${during.worst.toFixed(1)})`);
    expect(during.median).toBeLessThan(100);
    // Gloss still works on that page afterwards.
    expect((await askContent<{ highlightCount: number }>(site.browser, page.url(), 'content.summary', null)).highlightCount).toBe(1);
    await panel.close();
    await page.close();
  });

  it('(f) a content script flooding the background is refused beyond the per-tab limit; extension pages are not', async () => {
    const page = await open('/f.html');
    const COUNT = 6000;
    /** Sends `count` requests at once; counts the replies by outcome. */
    const flood = async ({ count, page }: { count: number; page: string }) => {
      const replies = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          chrome.runtime
            .sendMessage({ channel: 'gloss/1', type: 'address.resolve', data: { location: `${page}#${i}` } })
            .then(
              (reply: { ok: boolean; error?: string } | undefined) => (reply?.ok ? 'ok' : String(reply?.error)),
              (error: Error) => `threw: ${error.message}`,
            ),
        ),
      );
      const counts: Record<string, number> = {};
      for (const reply of replies) counts[reply] = (counts[reply] ?? 0) + 1;
      return counts;
    };

    // From Gloss's own content script world on the page (found through CDP: the isolated world of our extension).
    const cdp = await site.browser.context.newCDPSession(page);
    const contexts: { id: number; origin: string; auxData?: { isDefault?: boolean } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => void contexts.push(context));
    await cdp.send('Runtime.enable');
    const world = contexts.find((c) => c.origin === `chrome-extension://${site.browser.extensionId}` && !c.auxData?.isDefault);
    if (!world) throw new Error('Gloss content script world not found through CDP');
    const started = Date.now();
    const { result } = await cdp.send('Runtime.evaluate', { expression: `(${flood.toString()})(${JSON.stringify({ count: COUNT, page: page.url() })})`, contextId: world.id, awaitPromise: true, returnByValue: true });
    const fromTab = result.value as Record<string, number>;
    const tabMs = Date.now() - started;

    const panel = await openExtensionPage(site.browser, 'popup.html');
    const fromPanel = (await panel.evaluate(flood, { count: COUNT, page: page.url() })) as Record<string, number>;
    console.log(`${COUNT} requests at once: from the content script ${JSON.stringify(fromTab)} in ${tabMs} ms; from an extension page ${JSON.stringify(fromPanel)}`);
    const refused = Object.entries(fromTab).filter(([reply]) => RATE_LIMITED.test(reply)).reduce((n, [, count]) => n + count, 0);
    expect(refused).toBeGreaterThan(0);
    expect((fromTab.ok ?? 0) + refused).toBe(COUNT); // nothing else went wrong
    expect(fromPanel).toEqual({ ok: COUNT });
    // The tab is served again a moment later.
    await page.waitForTimeout(1000);
    expect((await askContent<{ highlightCount: number }>(site.browser, page.url(), 'content.summary', null)).highlightCount).toBe(0);
    const again = await cdp.send('Runtime.evaluate', {
      expression: `chrome.runtime.sendMessage({ channel: 'gloss/1', type: 'address.resolve', data: { location: location.href } }).then((r) => r.ok)`,
      contextId: world.id, awaitPromise: true, returnByValue: true,
    });
    expect(again.result.value).toBe(true);
    await cdp.detach();
    await panel.close();
    await page.close();
  });

  // Last: it reloads the extension.
  it('(c) after a real reload of the extension, the started event does stop the old copy', async () => {
    const page = await open('/g.html');
    await highlightWithKey(page, 'h', 'more buses');
    await waitForPainted(page, 1);
    const panel = await openExtensionPage(site.browser, 'popup.html');
    await panel.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    // The old copy's extension context is gone; a new copy announcing itself (here the same event) stops it.
    await page.evaluate((id) => {
      document.dispatchEvent(new CustomEvent(`${id}:gloss:content-started`));
    }, site.browser.extensionId);
    await waitForPainted(page, 0);
    expect(await page.evaluate(() => document.querySelector('gloss-page-ui'))).toBeNull();
    await page.close();
  });
});
