import type { Box } from '@/lib/content/ui-state';

const GAP = 8;

/** Fixed-position style for a box of width × height next to `anchor`: above it if there is room, else below; inside the viewport. */
export function placeNear(anchor: Box, width: number, height: number): { top: string; left: string } {
  const viewportWidth = globalThis.innerWidth || 1024;
  const viewportHeight = globalThis.innerHeight || 768;
  const above = anchor.top - height - GAP;
  let top = above >= GAP ? above : anchor.bottom + GAP;
  top = Math.min(Math.max(GAP, top), Math.max(GAP, viewportHeight - height - GAP));
  const centre = (anchor.left + anchor.right) / 2;
  const left = Math.min(Math.max(GAP, centre - width / 2), Math.max(GAP, viewportWidth - width - GAP - 12));
  return { top: `${Math.round(top)}px`, left: `${Math.round(left)}px` };
}
