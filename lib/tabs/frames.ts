/** A tab's frames, for the extension's pages: every frame that runs Gloss is its own page for the popup and panel. */
import { askBackground, askTab, frameWithSelection, type PageSummary } from '@/lib/messaging';

/** The frames of a tab whose content script ran (0, the page itself, first); [0] if the background cannot say. */
export const framesOfTab = (tabId: number): Promise<number[]> => askBackground('tab.frames', { tabId }).catch(() => [0]);

export interface FrameSummary {
  frameId: number;
  summary: PageSummary;
}

/** What each frame's content script reports, the page first; frames that no longer answer are left out. */
export async function frameSummaries(tabId: number): Promise<FrameSummary[]> {
  const frames = await framesOfTab(tabId);
  const answers = await Promise.all(
    frames.map((frameId) => askTab(tabId, 'content.summary', null, frameId).then((summary) => ({ frameId, summary }), () => null)),
  );
  return answers.filter((answer): answer is FrameSummary => answer !== null);
}

/** One page shown in a tab: its own frame and its inline frames (srcdoc), whose stories are stored under its address. */
export interface FramePage {
  frameId: number;
  inlineFrames: number[];
  summary: PageSummary;
  /** True if the page or one of its inline frames has highlights or an article. */
  hasContent: boolean;
}

/** A frame is listed when it holds highlights or an article; ad and widget frames stay out of the panel. */
const worthListing = (summary: PageSummary) => summary.highlightCount > 0 || summary.pageKind !== 'none';

/**
 * The pages of a tab from its frames' summaries: the top page (with its inline frames), then each frame page with an
 * address of its own and something to show, in frame order (the order frames were created, mostly document order).
 */
export function pagesOfFrames(frames: readonly FrameSummary[]): { top: FramePage | null; framePages: FramePage[] } {
  const byPage = new Map<string | null, FrameSummary[]>();
  for (const frame of frames) byPage.set(frame.summary.urlKey, [...(byPage.get(frame.summary.urlKey) ?? []), frame]);
  const pageOf = ([first, ...inline]: FrameSummary[]): FramePage => ({
    frameId: first!.frameId, inlineFrames: inline.map((frame) => frame.frameId), summary: first!.summary,
    hasContent: [first!, ...inline].some((frame) => worthListing(frame.summary)),
  });
  const topFrame = frames[0]?.frameId === 0 ? frames[0] : undefined;
  const framePages = [...byPage]
    .filter(([key]) => key !== null && key !== topFrame?.summary.urlKey)
    .map(([, list]) => pageOf(list))
    .filter((page) => page.hasContent);
  const top = topFrame ? pageOf(topFrame.summary.urlKey === null ? [topFrame] : byPage.get(topFrame.summary.urlKey)!) : null;
  return { top, framePages };
}

/** Scrolls to a highlight in whichever of a page's frames holds it; false if none does. */
export async function scrollToHighlight(tabId: number, frameIds: readonly number[], highlightId: string): Promise<boolean> {
  let failure: unknown = null;
  for (const frameId of frameIds) {
    try {
      if ((await askTab(tabId, 'content.scrollTo', { highlightId }, frameId)).ok) return true;
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return false;
}

/** The frame where the user's selection is (the page itself when none has one). */
export const selectionFrame = async (tabId: number): Promise<number> => frameWithSelection(tabId, await framesOfTab(tabId));
