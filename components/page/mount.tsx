/**
 * Puts Gloss's UI in the page: one host element with a CLOSED shadow root
 * holding its own styles. Page CSS cannot reach in, ours cannot leak out, and
 * page scripts cannot find, read or click anything inside (`host.shadowRoot`
 * is null for them). What the page can still see is listed in README's privacy section.
 */
import { render } from 'preact';
import { I18nProvider } from '@/components/i18n';
import { askBackground } from '@/lib/messaging';
import { GLOSS_UI_ATTRIBUTE } from '@/lib/anchoring';
import type { MountUi } from '@/lib/content/session';
import { PageUi } from './PageUi';
import { PAGE_UI_CSS } from './styles';

export const HOST_TAG = 'gloss-page-ui';

/** Keys on the UI's buttons stay in it for the page's bubbling listeners (notes are typed in a framed page: Popover.tsx). */
const TYPING_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend'];

/**
 * The host is made in a document without a custom-element registry: were the page to define
 * `gloss-page-ui` itself, creating it in the page's document would run the page's constructor
 * first, and a shadow root attached to such an element is readable through its ElementInternals.
 */
function createHost(doc: Document): HTMLElement {
  return doc.implementation.createHTMLDocument('').createElement(HOST_TAG);
}

export const mountPageUi: MountUi = (doc, ui) => {
  const host = createHost(doc);
  host.setAttribute(GLOSS_UI_ATTRIBUTE, '');
  // Inline !important beats any page rule aimed at our host (`all` resets the rest).
  host.setAttribute('style', 'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; z-index: 2147483647 !important;');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = PAGE_UI_CSS;
  shadow.append(style);
  const container = doc.createElement('div');
  shadow.append(container);
  for (const type of TYPING_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
  doc.documentElement.append(host);
  render(
    // The strings come from the background: bundling both catalogs here would weigh on every page.
    <I18nProvider catalogFor={(locale) => askBackground('i18n.catalog', { locale })}>
      <PageUi ui={ui} />
    </I18nProvider>,
    container,
  );
  return {
    isOwnUi: (event) => event.composedPath().includes(host),
    unmount() {
      render(null, container);
      host.remove();
    },
  };
};
