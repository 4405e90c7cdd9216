/**
 * One-time passes for the note editor frame (entrypoints/note-editor). The note and
 * tags are edited in an extension page framed inside the in-page popover, so the
 * page's key listeners and getSelection() never see what the user types. The
 * content script asks for a pass when the user opens a popover (a trusted action)
 * and puts it in the frame's address; the frame trades it, once, for the highlight.
 * A page that frames the editor itself has no pass, so the editor shows and saves nothing.
 */
import type { GlossDatabase } from '../model/database';
import { highlightRecords } from '../db/tag-maps';
import type { HighlightRecord } from '../model/records';
import type { NoteEditorFocus } from '../messaging/protocol';

interface Pass {
  id: string;
  tabId: number;
  focus: NoteEditorFocus;
  claimed: boolean;
}

/** Popovers open one at a time; a few spare passes cover quick re-openings. */
const MAX_PASSES = 16;

const NO_PASS = 'This note editor was not opened by Gloss on this tab; open the highlight again.';

export class NoteEditorPasses {
  private readonly passes = new Map<string, Pass>();

  issue(id: string, tabId: number, focus: NoteEditorFocus): string {
    const token = crypto.randomUUID();
    this.passes.set(token, { id, tabId, focus, claimed: false });
    for (const old of this.passes.keys()) {
      if (this.passes.size <= MAX_PASSES) break;
      this.passes.delete(old);
    }
    return token;
  }

  /** The highlight a pass opens, once, and only to a frame in the tab it was issued for. */
  async claim(db: GlossDatabase, token: string, tabId: number | undefined): Promise<{ highlight: HighlightRecord; focus: NoteEditorFocus }> {
    const pass = this.passes.get(token);
    if (!pass || pass.claimed || pass.tabId !== tabId) throw new Error(NO_PASS);
    pass.claimed = true;
    const row = await db.highlights.get(pass.id);
    if (!row) throw new Error('This highlight was deleted.');
    const [highlight] = await highlightRecords(db, [row]);
    return { highlight: highlight!, focus: pass.focus };
  }

  /** The tab whose popover a claimed pass belongs to (for closing it); the pass ends. */
  end(token: string, tabId: number | undefined): number {
    const pass = this.passes.get(token);
    if (!pass || !pass.claimed || pass.tabId !== tabId) throw new Error(NO_PASS);
    this.passes.delete(token);
    return pass.tabId;
  }
}
