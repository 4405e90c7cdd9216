/**
 * What the in-page UI shows and what its buttons do: the toolbar over a
 * selection, the popover over a highlight, transient messages. Framework-free
 * so the Preact components stay thin.
 */
import { colorOf, DEFAULT_COLOR_ID, HIGHLIGHT_COLORS } from '@/lib/highlight';
import type { MessageKey } from '@/lib/i18n';
import { userErrorKey, type HighlightSelectionResult } from '@/lib/messaging';
import type { PageHighlights } from './page-highlights';
import { highlightableSelection } from './selection';

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface UiState {
  toolbar: { box: Box; range: Range } | null;
  popover: { id: string; box: Box; focus: 'note' | 'tags' | null } | null;
  message: { key: MessageKey; detail?: string; undo?: () => void } | null;
}

const boxOf = (rect: DOMRect): Box => ({ top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right });

export class UiController {
  state: UiState = { toolbar: null, popover: null, message: null };
  /** From the user's settings: the colour `h` uses, and their names for colours. */
  defaultColor = DEFAULT_COLOR_ID;
  colorNames: Record<string, string> = {};
  private readonly listeners = new Set<() => void>();
  private messageTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly highlights: PageHighlights, private readonly win: Window) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<UiState>) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  showToolbar(range: Range) {
    const rect = range.getBoundingClientRect();
    if (!rect.width && !rect.height) return;
    this.set({ toolbar: { box: boxOf(rect), range }, popover: null });
  }

  hideToolbar() {
    if (this.state.toolbar) this.set({ toolbar: null });
  }

  /** Follows the selection's rectangle while the page scrolls. */
  reposition() {
    const { toolbar, popover } = this.state;
    const patch: Partial<UiState> = {};
    if (toolbar) patch.toolbar = { ...toolbar, box: boxOf(toolbar.range.getBoundingClientRect()) };
    const range = popover && this.highlights.get(popover.id)?.range;
    if (popover && range) patch.popover = { ...popover, box: boxOf(range.getBoundingClientRect()) };
    if (patch.toolbar || patch.popover) this.set(patch);
  }

  flash(key: MessageKey, detail?: string, undo?: () => void) {
    clearTimeout(this.messageTimer);
    this.set({ message: { key, detail, undo } });
    this.messageTimer = setTimeout(() => this.set({ message: null }), undo ? 8000 : 4000);
  }

  /** Highlights the toolbar's selection; then optionally opens its popover on the note or tags field. */
  applySettings(settings: { defaultColor: string; colorNames: Record<string, string> }) {
    this.defaultColor = colorOf(settings.defaultColor).id;
    this.colorNames = settings.colorNames;
    for (const listener of this.listeners) listener();
  }

  async highlight(colorId: string = this.defaultColor, then: 'note' | 'tags' | null = null) {
    const toolbar = this.state.toolbar;
    if (!toolbar) return;
    this.set({ toolbar: null });
    // The live selection first (see content.highlightSelection); the toolbar's range when a click cleared it.
    const result = await this.save(highlightableSelection(this.win) ?? toolbar.range, colorOf(colorId).id);
    if (!result.ok) return;
    this.win.getSelection()?.removeAllRanges();
    if (then) this.openPopover(result.highlight.id, then);
  }

  /**
   * Saves a highlight of `range` and says how it went: "Saved" only once the record came back from the database,
   * a sentence of ours (never the browser's text) when it did not.
   */
  async save(range: Range, colorId: string): Promise<HighlightSelectionResult> {
    try {
      const result = await this.highlights.create(range, { color: colorId });
      if (result.ok) this.flash('hlSavedFlash');
      else if (result.reason === 'spans-articles') this.flash('hlSpansArticles');
      return result;
    } catch (error) {
      this.fail(error);
      return { ok: false, reason: 'not-saved' };
    }
  }

  private fail(error: unknown) {
    console.debug('Gloss: could not save', error);
    this.flash(userErrorKey(error));
  }

  colorForKey(key: string): string | null {
    const index = Number(key) - 1;
    return Number.isInteger(index) ? (HIGHLIGHT_COLORS[index]?.id ?? null) : null;
  }

  async copyQuote() {
    const toolbar = this.state.toolbar;
    if (!toolbar) return;
    const text = toolbar.range.toString().trim().replace(/\s+/g, ' ');
    const doc = this.win.document;
    await this.copy(`“${text}”\n— ${doc.title.trim()}, ${doc.URL}`);
  }

  async copy(text: string) {
    try {
      await this.win.navigator.clipboard.writeText(text);
      this.flash('hlCopied');
    } catch (error) {
      console.debug('Gloss: could not copy', error);
      this.flash('hlCopyFailed');
    }
  }

  openPopover(id: string, focus: 'note' | 'tags' | null = null) {
    const range = this.highlights.get(id)?.range;
    if (!range) return;
    this.set({ popover: { id, box: boxOf(range.getBoundingClientRect()), focus }, toolbar: null });
  }

  closePopover() {
    if (this.state.popover) this.set({ popover: null });
  }

  async run(action: () => Promise<unknown>) {
    try {
      await action();
    } catch (error) {
      this.fail(error);
    }
  }

  async remove(id: string) {
    this.set({ popover: null });
    await this.run(async () => {
      const removed = await this.highlights.remove(id);
      if (!removed) return;
      this.flash('hlDeleted', undefined, () => {
        this.set({ message: null });
        void this.run(() => this.highlights.restore(removed));
      });
    });
  }
}
