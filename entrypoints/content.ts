import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPageUi } from '@/components/page/mount';
import { watchLocation } from '@/lib/content/location-watch';
import { startContentSession } from '@/lib/content/session';
import { answerInContent } from '@/lib/messaging';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would otherwise announce every start to the page with window.postMessage (naming the extension).
  noScriptStartedPostMessage: true,
  // WXT's context (`ctx`) is not used: the page can abort it by dispatching WXT's "content script started"
  // event, and it forwards the page's own copies of WXT's location-change event.
  main() {
    const session = startContentSession(window, mountPageUi);
    const stopAnswering = answerInContent(session.handlers);
    const stopWatching = watchLocation(window, () => session.locationChanged());
    // The name WXT gives it (getUniqueEventName in wxt/utils/internal/custom-events).
    const startedEvent = `${browser.runtime.id}:content:wxt:content-script-started`;
    // A newer copy of Gloss (after an update or a reload of the extension) sends this event when it starts.
    // A page can send it too, so it counts only once this copy's extension context is really gone.
    const onNewerCopy = () => {
      if (browser.runtime?.id) return;
      document.removeEventListener(startedEvent, onNewerCopy);
      stopWatching();
      stopAnswering();
      session.stop();
    };
    document.addEventListener(startedEvent, onNewerCopy);
  },
});
