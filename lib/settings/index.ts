/**
 * User settings, kept in browser.storage.local (small, read by every context,
 * and changes reach all of them through storage.onChanged).
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';

const STORAGE_KEY = 'gloss.settings';
const COLOR_ID = /^[a-z][a-z0-9-]{0,31}$/;

const settingsSchema = v.object({
  /** User names for colours, by colour id; missing ids use the default names. */
  colorNames: v.fallback(v.record(v.pipe(v.string(), v.regex(COLOR_ID)), v.pipe(v.string(), v.maxLength(40))), {}),
  defaultColor: v.fallback(v.pipe(v.string(), v.regex(COLOR_ID)), 'yellow'),
  /** Hosts (lower case, no "www.") where Gloss stays off. */
  disabledSites: v.fallback(v.array(v.pipe(v.string(), v.maxLength(253))), []),
  language: v.fallback(v.picklist(['auto', 'en', 'zh_CN']), 'auto'),
  exportFormat: v.fallback(v.picklist(['markdown', 'markdown-zip', 'json', 'csv', 'bibtex', 'ris', 'csl-json', 'web-annotation']), 'markdown'),
  /** A custom Markdown template, or null for the default. */
  markdownTemplate: v.fallback(v.nullable(v.pipe(v.string(), v.maxLength(20_000))), null),
});

export type Settings = v.InferOutput<typeof settingsSchema>;

/** Reads stored settings; anything missing or malformed takes its default, so a bad value never locks the user out. */
export function parseSettings(stored: unknown): Settings {
  return v.parse(settingsSchema, typeof stored === 'object' && stored !== null ? stored : {});
}

export const DEFAULT_SETTINGS: Settings = parseSettings({});

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(STORAGE_KEY);
  return parseSettings(stored[STORAGE_KEY]);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [STORAGE_KEY]: next });
  return next;
}

export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && STORAGE_KEY in changes) listener(parseSettings(changes[STORAGE_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}

/** The host as Gloss compares it for the on/off switch. */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  const host = siteKey(hostname);
  return settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}

export function withSiteEnabled(settings: Settings, hostname: string, enabled: boolean): string[] {
  const host = siteKey(hostname);
  const others = settings.disabledSites.filter((site) => site !== host);
  return enabled ? others : [...others, host];
}
