/**
 * The frame tests' pages, served from test/fixtures/frames/ (see its README): an e-paper page whose stories are in a
 * same-origin frame and in a cross-origin one, served from a second loopback host name (localhost for 127.0.0.1:
 * another site to the browser), a page whose story is in an inline (srcdoc) frame, and one with frames Gloss
 * cannot enter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type Served } from './harness';

const FIXTURES = join(ROOT, 'test/fixtures/frames');
const PAGES = new Set(['/epaper.html', '/story.html', '/remote.html', '/inline.html', '/closed.html', '/shadow.html']);

/** The same server under another loopback host name. */
export const otherHost = (origin: string): string => origin.replace('127.0.0.1', 'localhost');

/** The frame tests' page at `path`, or null; the remote frame's address is filled in. */
export function framePage(path: string, remoteOrigin: string): Served | null {
  if (!PAGES.has(path)) return null;
  const body = readFileSync(join(FIXTURES, path), 'utf8').replaceAll('{{REMOTE_ORIGIN}}', remoteOrigin);
  return { body, contentType: 'text/html; charset=utf-8' };
}

/**
 * Runs in the page (self-contained, for `evaluate`): the viewport points just inside the first and last characters
 * of `needle` in the body's text, in the inner shadow root of shadow.html's nested components, or in its closed one.
 */
export function phraseBox([needle, scope]: [string, 'body' | 'shadow' | 'closed']): { x1: number; y1: number; x2: number; y2: number } {
  const root =
    scope === 'shadow' ? document.querySelector('news-story')!.shadowRoot!.querySelector('story-body')!.shadowRoot!
    : scope === 'closed' ? (window as unknown as { ticketNoteRoot: ShadowRoot }).ticketNoteRoot
    : document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    const rects = [...range.getClientRects()];
    const [first, last] = [rects[0]!, rects[rects.length - 1]!];
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right + 1, y2: last.top + last.height / 2 };
  }
  throw new Error(`text not found: ${needle}`);
}
