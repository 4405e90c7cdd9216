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
