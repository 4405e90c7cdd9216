/**
 * Puts Gloss's UI in the page: one host element with a shadow root holding
 * its own styles, so page CSS cannot reach in and ours cannot leak out.
 */
import { render } from 'preact';
import { I18nProvider } from '@/components/i18n';
import { askBackground } from '@/lib/messaging';
import { GLOSS_UI_ATTRIBUTE } from '@/lib/anchoring';
import type { MountUi } from '@/lib/content/session';
import { PageUi } from './PageUi';
import { PAGE_UI_CSS } from './styles';

export const HOST_TAG = 'gloss-page-ui';

export const mountPageUi: MountUi = (doc, ui) => {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute(GLOSS_UI_ATTRIBUTE, '');
  // Inline !important beats any page rule aimed at our host (`all` resets the rest).
  host.setAttribute('style', 'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; z-index: 2147483647 !important;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = PAGE_UI_CSS;
  shadow.append(style);
  const container = doc.createElement('div');
  shadow.append(container);
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
