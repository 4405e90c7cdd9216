/**
 * Which frames of each tab run Gloss's content script. Every frame's loader asks `page.status` when its page loads,
 * so that is where frames are learned. Without the "webNavigation" permission (its warning reads "Read your browsing
 * history") the background has no other list of a tab's frames. Kept in `storage.session` as well, because Chrome
 * stops the worker when idle and the side panel may ask long after the page loaded.
 */
import { browser } from 'wxt/browser';

/** Ad-heavy pages load dozens of frames; past this many, the oldest are forgotten. */
const MAX_FRAMES_PER_TAB = 40;
const STORAGE_KEY = 'gloss:tab-frames';

interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export class TabFrames {
  private readonly frames = new Map<number, number[]>();
  private loading: Promise<void> | null = null;

  constructor(private readonly area: SessionArea | null = sessionArea()) {}

  private load(): Promise<void> {
    this.loading ??= (this.area?.get(STORAGE_KEY) ?? Promise.resolve<Record<string, unknown>>({})).then(
      (items) => {
        const stored = items[STORAGE_KEY];
        if (!stored || typeof stored !== 'object') return;
        for (const [tab, ids] of Object.entries(stored as Record<string, unknown>)) {
          if (!Array.isArray(ids) || this.frames.has(Number(tab))) continue;
          this.frames.set(Number(tab), ids.filter((id): id is number => Number.isInteger(id) && id > 0));
        }
      },
      () => undefined,
    );
    return this.loading;
  }

  private save(): void {
    void this.area?.set({ [STORAGE_KEY]: Object.fromEntries(this.frames) }).catch(() => undefined);
  }

  /** A content script of `frameId` (0: the tab's page) started in tab `tabId`. */
  async seen(tabId: number, frameId: number): Promise<void> {
    if (frameId === 0) return; // always asked
    await this.load();
    const list = this.frames.get(tabId) ?? [];
    if (list.includes(frameId)) return;
    this.frames.set(tabId, [...list, frameId].slice(-MAX_FRAMES_PER_TAB));
    this.save();
  }

  /** The tab's frames that ran Gloss, the page first, then in the order the frames were made (their ids grow). */
  async of(tabId: number): Promise<number[]> {
    await this.load();
    return [0, ...[...(this.frames.get(tabId) ?? [])].sort((a, b) => a - b)];
  }

  async forget(tabId: number): Promise<void> {
    await this.load();
    if (this.frames.delete(tabId)) this.save();
  }
}

function sessionArea(): SessionArea | null {
  return ((browser.storage as unknown as { session?: SessionArea } | undefined)?.session) ?? null;
}
