/** Renders a component in happy-dom with the English catalog; `root` is where it went. Removed after each test. */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { CATALOGS } from '@/lib/i18n/catalogs';

export const mounted: { root: HTMLElement } = { root: null as unknown as HTMLElement };

export function mount(node: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.root = root;
  act(() => render(<I18nProvider locale="en" catalogFor={(locale) => CATALOGS[locale]}>{node}</I18nProvider>, root));
  return root;
}

afterEach(() => {
  if (!mounted.root) return;
  render(null, mounted.root);
  mounted.root.remove();
});

/** Lets effects, promises and timers of the mounted tree run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
}
