// @vitest-environment happy-dom
/** Structure detection runs once per DOM generation: Gloss's own UI does not count as a change, the page's does. */
import { beforeEach, describe, expect, it } from 'vitest';
import { GLOSS_UI_ATTRIBUTE } from '@/lib/anchoring';
import { detectPage } from '@/lib/article';
import { PageDetection } from '@/lib/content/detection';

let runs = 0;
const counting = (doc: Document) => (runs++, detectPage(doc));

beforeEach(() => {
  runs = 0;
  const paragraph = 'The river authority opened the new flood gates on Monday, after a week of heavy rain upstream. ';
  document.body.innerHTML = `<article><h1>Flood gates open</h1>${`<p>${paragraph.repeat(3)}</p>`.repeat(6)}</article>`;
});

describe('PageDetection', () => {
  it('detects once while the page stays the same', () => {
    const detection = new PageDetection(document, counting);
    const first = detection.current();
    expect(detection.current()).toBe(first);
    expect(runs).toBe(1);
    detection.stop();
  });

  it('detects again after the page changed, even within the same task', () => {
    const detection = new PageDetection(document, counting);
    detection.current();
    document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: 'Update: the gates closed again.' }));
    detection.current();
    expect(runs).toBe(2);
    document.querySelector('p')!.firstChild!.nodeValue = 'Edited.';
    detection.current();
    expect(runs).toBe(3);
    detection.stop();
  });

  it('ignores changes inside Gloss’s own UI', async () => {
    const detection = new PageDetection(document, counting);
    detection.current();
    const host = document.createElement('gloss-page-ui');
    host.setAttribute(GLOSS_UI_ATTRIBUTE, '');
    document.documentElement.append(host);
    host.append(document.createElement('div'));
    await Promise.resolve();
    detection.current();
    expect(runs).toBe(1);
    detection.stop();
  });

  it('detects again when a detected article left the page', async () => {
    const detection = new PageDetection(document, counting);
    expect(detection.current().articles).toHaveLength(1);
    detection.stop(); // no observer: only the disconnected root can tell
    const running = new PageDetection(document, counting);
    running.current();
    document.querySelector('article')!.remove();
    expect(running.current().articles).toHaveLength(0);
    expect(runs).toBe(3);
    running.stop();
  });
});
