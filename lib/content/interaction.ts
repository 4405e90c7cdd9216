/**
 * Page events that drive the in-page UI: a finished selection shows the
 * toolbar, its keys act on it, a click or a hover on a painted highlight
 * opens its popover. Every handler is guarded: a hostile page must never see
 * one of our errors, and only the user's own input acts (a page script's
 * `dispatchEvent` makes events with `isTrusted` false; a scripted selection
 * may show the toolbar, but only a real key press or click acts on it).
 */
import { highlightsAtPoint } from '@/lib/highlight';
import { highlightableSelection, nothingSelected, unreadableSelection } from './selection';
import type { UiController } from './ui-state';

const HOVER_DWELL_MS = 500;

function guard<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (!event.isTrusted) return;
    try {
      handler(event);
    } catch (error) {
      console.debug('Gloss:', error);
    }
  };
}

/** Runs `action` later; an error is logged, never thrown into the page. */
function later(action: () => void, ms: number): ReturnType<typeof setTimeout> {
  return setTimeout(() => {
    try {
      action();
    } catch (error) {
      console.debug('Gloss:', error);
    }
  }, ms);
}

function typingTarget(event: Event): boolean {
  const target = event.composedPath()[0];
  return target instanceof Element && Boolean(target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'));
}

export interface PageListening {
  /**
   * A selection was made before these listeners started (the loader saw it): look at it now, or on pointerup when
   * the pointer that is making it is still down.
   */
  selectionMade(pointerIsDown: boolean): void;
  stop(): void;
}

/** Listens on the page; `isOwnUi` tells events from inside Gloss's shadow root. */
export function listenToPage(win: Window, ui: UiController, mountUi: () => void, isOwnUi: (event: Event) => boolean): PageListening {
  const doc = win.document;
  let selectionTimer: ReturnType<typeof setTimeout> | undefined;
  let pointerTimer: ReturnType<typeof setTimeout> | undefined;
  let pointerDown = false;
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;

  const checkSelection = () => {
    const range = highlightableSelection(win);
    if (range) {
      mountUi();
      ui.showToolbar(range);
    } else {
      ui.hideToolbar();
      // Text the user can see selected but Gloss cannot reach (a closed shadow root): say so rather than nothing.
      if (unreadableSelection(win)) {
        mountUi();
        ui.flash('selectionUnreadable');
      }
    }
  };

  const onPointerDown = guard((event: PointerEvent) => {
    pointerDown = !isOwnUi(event);
  });

  const onPointerUp = guard((event: PointerEvent) => {
    pointerDown = false;
    if (isOwnUi(event)) return;
    clearTimeout(selectionTimer);
    clearTimeout(pointerTimer);
    pointerTimer = later(() => {
      const selection = win.getSelection();
      if (!nothingSelected(selection)) return checkSelection();
      ui.hideToolbar();
      // A plain click: on a highlight it opens the popover, elsewhere it closes it.
      const hits = ui.highlights.list().length ? highlightsAtPoint(doc, event.clientX, event.clientY, ui.highlights.painter.all()) : [];
      if (hits[0]) ui.openPopover(hits[0]);
      else ui.closePopover();
    }, 10);
  });

  const onSelectionChange = guard(() => {
    if (pointerDown) return;
    clearTimeout(selectionTimer);
    // Keyboard selections (shift+arrows) and selections made by scripts; pointer ones settle on pointerup.
    selectionTimer = later(checkSelection, 300);
  });

  const onKeyDown = guard((event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      if (ui.state.toolbar || ui.state.popover) {
        ui.hideToolbar();
        ui.closePopover();
      }
      return;
    }
    if (!ui.state.toolbar || event.ctrlKey || event.metaKey || event.altKey || isOwnUi(event) || typingTarget(event)) return;
    const color = ui.colorForKey(event.key);
    const key = event.key.toLowerCase();
    if (key !== 'h' && key !== 'n' && !color) return;
    event.preventDefault();
    event.stopPropagation();
    void ui.highlight(color ?? undefined, key === 'n' ? 'note' : null);
  });

  const onPointerMove = guard((event: PointerEvent) => {
    if (event.buttons || ui.state.popover || ui.state.toolbar || isOwnUi(event)) return;
    clearTimeout(hoverTimer);
    if (!ui.highlights.list().length) return;
    const { clientX, clientY } = event;
    hoverTimer = later(() => {
      const hits = highlightsAtPoint(doc, clientX, clientY, ui.highlights.painter.all());
      if (hits[0]) ui.openPopover(hits[0]);
    }, HOVER_DWELL_MS);
  });

  const onScroll = guard(() => {
    if (frame || (!ui.state.toolbar && !ui.state.popover)) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      try {
        ui.reposition();
      } catch (error) {
        console.debug('Gloss:', error);
      }
    });
  });

  const options = { capture: true, passive: true } as const;
  const listeners: [EventTarget, string, EventListener, AddEventListenerOptions | boolean][] = [
    [doc, 'pointerdown', onPointerDown as EventListener, options],
    [doc, 'pointerup', onPointerUp as EventListener, options],
    [doc, 'selectionchange', onSelectionChange as EventListener, options],
    [doc, 'pointermove', onPointerMove as EventListener, options],
    [win, 'keydown', onKeyDown as EventListener, true],
    [win, 'scroll', onScroll as EventListener, options],
    [win, 'resize', onScroll as EventListener, options],
  ];
  for (const [target, type, listener, how] of listeners) target.addEventListener(type, listener, how);
  return {
    selectionMade(pointerIsDown) {
      pointerDown = pointerIsDown;
      if (!pointerIsDown) later(checkSelection, 0);
    },
    stop() {
      for (const [target, type, listener, how] of listeners) target.removeEventListener(type, listener, how);
      clearTimeout(selectionTimer);
      clearTimeout(pointerTimer);
      clearTimeout(hoverTimer);
      if (frame) win.cancelAnimationFrame(frame);
    },
  };
}
