import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPageUi } from '@/components/page/mount';
import { startContentSession } from '@/lib/content/session';
import { answerInContent } from '@/lib/messaging';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const session = startContentSession(window, mountPageUi);
    const stopAnswering = answerInContent(session.handlers);
    ctx.addEventListener(window, 'wxt:locationchange', () => session.locationChanged());
    ctx.onInvalidated(() => {
      stopAnswering();
      session.stop();
    });
  },
});
