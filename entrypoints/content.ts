import { answerInContent } from '@/lib/messaging';
import { contentHandlers } from '@/lib/content/session';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const stop = answerInContent(contentHandlers(window));
    ctx.onInvalidated(stop);
  },
});
