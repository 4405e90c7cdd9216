/**
 * The one stylesheet Gloss adds to the page itself: `::highlight()` rules
 * (they must live in the page's document) and the fallback marks. Adopted,
 * not inserted, so the page's DOM is untouched where the browser allows it.
 */
import { HIGHLIGHT_COLORS, highlightName } from './colors';

export const FALLBACK_MARK_TAG = 'gloss-mark';

/** Relative luminance of the page background: under 0.35 we call the page dark. */
export function pageIsDark(doc: Document): boolean {
  const win = doc.defaultView;
  if (!win) return false;
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(win.getComputedStyle(element).backgroundColor);
    if (!match || (match[4] !== undefined && Number(match[4]) < 0.5)) continue;
    const [r, g, b] = [match[1], match[2], match[3]].map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 0.35;
  }
  return doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches === true && !doc.body?.style.background;
}

export function pageStylesheet(dark: boolean): string {
  const rules: string[] = [];
  for (const color of HIGHLIGHT_COLORS) {
    const name = highlightName(color.id);
    const background = dark ? color.dark : color.light;
    rules.push(`::highlight(${name}) { background-color: ${background}; }`);
    rules.push(`${FALLBACK_MARK_TAG}.${name} { background-color: ${background}; color: inherit; font: inherit; }`);
    // Printers drop backgrounds by default: keep the colour and add an underline that survives greyscale.
    rules.push(
      `@media print { ::highlight(${name}), ${FALLBACK_MARK_TAG}.${name} { background-color: ${color.light}; ` +
        `text-decoration: underline 2px ${color.swatch}; print-color-adjust: exact; -webkit-print-color-adjust: exact; } }`,
    );
  }
  rules.push(`${FALLBACK_MARK_TAG} { all: unset; display: inline; }`);
  return rules.join('\n');
}

/**
 * Installs (or refreshes) Gloss's page stylesheet in the document, or in an open shadow root holding painted text
 * (styles do not cross into a shadow tree, `::highlight()` rules included); returns a function that removes it.
 */
export function installPageStyles(target: Document | ShadowRoot, dark?: boolean): () => void {
  const doc = 'host' in target ? target.ownerDocument : target;
  const css = pageStylesheet(dark ?? pageIsDark(doc));
  const win = doc.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
  try {
    if (win?.CSSStyleSheet && 'adoptedStyleSheets' in target) {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
      return () => {
        target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
  } catch {
    // Some pages freeze or replace adoptedStyleSheets: fall back to a style element.
  }
  const style = doc.createElement('style');
  style.setAttribute('data-gloss-ui', '');
  style.textContent = css;
  if ('host' in target) target.append(style);
  else (doc.head ?? doc.documentElement).append(style);
  return () => style.remove();
}
