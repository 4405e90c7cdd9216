/**
 * Frames of a page whose text Gloss cannot reach, so the popup and side panel can say why a selection there does
 * nothing: an inline frame sandboxed without allow-same-origin (its origin is opaque, so the background cannot
 * tell whose page it is), and a frame showing something other than a web page (data:, blob:, file:, another
 * extension). Counted only when asked (the popup or panel opened), so pages pay nothing for it.
 */

import { isInlineFrame } from './frame-scope';

/** Smaller frames are trackers, buttons and ad slots, not text a reader selects. */
const MIN_WIDTH = 120;
const MIN_HEIGHT = 60;

function isClosed(frame: Element, base: string): boolean {
  if (isInlineFrame(frame)) {
    const sandbox = frame.getAttribute('sandbox');
    return sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/i.test(sandbox);
  }
  try {
    return !/^https?:$/.test(new URL(frame.getAttribute('src')!.trim(), base).protocol);
  } catch {
    return true;
  }
}

/** How many frames of `doc` large enough to hold an article Gloss cannot enter. */
export function closedFrames(doc: Document): number {
  let count = 0;
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    const box = frame.getBoundingClientRect();
    if (box.width >= MIN_WIDTH && box.height >= MIN_HEIGHT && isClosed(frame, doc.baseURI)) count++;
  }
  return count;
}
