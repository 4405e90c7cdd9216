import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startLoader, type LoaderRuntime, type StartSession } from '@/lib/content/loader';
import { SESSION_GLOBAL, SESSION_SCRIPT } from '@/lib/content/session-script';

/** The browser's own runtime (no polyfill here: see lib/content/loader.ts). Firefox has `browser`, Chrome `chrome`. */
type Runtime = LoaderRuntime & { id?: string; getURL(path: string): string };
const api = globalThis as unknown as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };
const runtime = (api.browser ?? api.chrome)!.runtime;

/** The rest of Gloss, an extension file that registers its starter in this content script's own global scope. */
async function loadSession(): Promise<StartSession> {
  await import(/* @vite-ignore */ runtime.getURL(SESSION_SCRIPT));
  const start = (globalThis as Record<string, unknown>)[SESSION_GLOBAL] as StartSession | undefined;
  if (!start) throw new Error('Gloss: the page session did not load');
  return start;
}

/**
 * The content script (declared in wxt.config.ts). It is an unlisted script rather than a WXT content script: WXT's
 * content-script context brings the browser polyfill and its own location watcher to every page, several times
 * this file's weight, and a page can abort that context by dispatching its "started" event.
 */
export default defineUnlistedScript(() => {
  // A sandboxed inline frame has no origin the background could trust: Gloss stays out (the popup says why).
  if (location.protocol === 'about:' && window.origin === 'null') return;
  // A newer copy of Gloss (after an update or a reload of the extension) announces itself with this event; a page
  // can send it too, so this copy stops only once its extension context is really gone.
  const startedEvent = `${runtime.id}:gloss:content-started`;
  document.dispatchEvent(new CustomEvent(startedEvent));
  const loader = startLoader(window, runtime, loadSession);
  const onNewerCopy = () => {
    if (runtime.id) return;
    document.removeEventListener(startedEvent, onNewerCopy);
    loader.stop();
  };
  document.addEventListener(startedEvent, onNewerCopy);
});
