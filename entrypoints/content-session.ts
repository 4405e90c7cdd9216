import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountPageUi } from '@/components/page/mount';
import type { StartSession } from '@/lib/content/loader';
import { SESSION_GLOBAL } from '@/lib/content/session-script';
import { startContentSession } from '@/lib/content/session';

// Imported by the content script's loader (entrypoints/content.ts) when the page needs more than a lookup.
export default defineUnlistedScript(() => {
  const start: StartSession = (win, options) => startContentSession(win, mountPageUi, options);
  (globalThis as Record<string, unknown>)[SESSION_GLOBAL] = start;
});
