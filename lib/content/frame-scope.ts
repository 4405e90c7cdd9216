/**
 * Inline frames (a `srcdoc` frame, an about:blank frame a script filled) have no address of their own: their
 * articles belong to the document that embeds them, the nearest ancestor with a real address. Their highlights
 * are stored under that document's address, with story keys prefixed by the frame's place in it, so the
 * embedding document and each inline frame anchor only their own highlights (lib/model/records.ts).
 */
import { frameStoryPrefix } from '@/lib/model/records';

/** True for a document without an address of its own (about:srcdoc, about:blank). */
const isInline = (doc: Document): boolean => doc.location.protocol === 'about:';

/** The frame element holding `win`, if the parent lets us see it (same origin). */
function frameElementOf(win: Window): Element | null {
  try {
    return win.frameElement;
  } catch {
    return null;
  }
}

/** True for a frame element that shows an inline document (srcdoc, no address, about:blank). */
export function isInlineFrame(frame: Element): boolean {
  const src = frame.getAttribute('src')?.trim() ?? '';
  return frame.hasAttribute('srcdoc') || !src || /^about:/i.test(src);
}

/** An inline frame's name in its parent: its id, or its index among the parent's inline frames. */
function frameName(frame: Element): string {
  if (frame.id) return `#${encodeURIComponent(frame.id)}`;
  // Only inline frames count, so a cross-origin advert frame added later does not renumber the stories.
  const inline = [...frame.ownerDocument.querySelectorAll('iframe, frame')].filter(isInlineFrame);
  return String(inline.indexOf(frame));
}

export interface FrameScope {
  /** The document whose address (and canonical link) this frame's highlights are stored under. */
  addressDoc: Document;
  /** Prefix of this frame's story keys; '' for a document with an address of its own. */
  storyPrefix: string;
}

/** Where the highlights of the document in `win` belong. */
export function frameScope(win: Window): FrameScope {
  const path: string[] = [];
  let doc = win.document;
  let at: Window = win;
  while (isInline(doc)) {
    const frame = frameElementOf(at);
    if (!frame) break; // a top-level about:blank, or a parent out of reach: the background refuses its address
    path.unshift(frameName(frame));
    at = at.parent;
    doc = at.document;
  }
  return { addressDoc: doc, storyPrefix: path.length ? frameStoryPrefix(path) : '' };
}
