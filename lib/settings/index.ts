/**
 * User settings, kept in browser.storage.local (small, read by every context,
 * and changes reach all of them through storage.onChanged).
 */
import { browser } from 'wxt/browser';
import { EXPORT_FORMATS, type ExportFormat } from '../transfer/export/formats';
import { CITATION_STYLES, defaultCitationStyle, type CitationStyle } from '../transfer/export/citation-styles';

const STORAGE_KEY = 'gloss.settings';
const COLOR_ID = /^[a-z][a-z0-9-]{0,31}$/;
const LANGUAGES = ['auto', 'en', 'zh_CN'] as const;

export interface Settings {
  /** User names for colours, by colour id; missing ids use the default names. */
  colorNames: Record<string, string>;
  defaultColor: string;
  /** Hosts (lower case, no "www.") where Gloss stays off. */
  disabledSites: string[];
  language: (typeof LANGUAGES)[number];
  /** Where the export dialog starts; a stored value no longer offered (the old 'json') reads as Markdown. */
  exportFormat: ExportFormat;
  /** A custom Markdown template, or null for the default. */
  markdownTemplate: string | null;
  /** The style of "Copy citation" and of the Markdown citation line; 'auto' follows the interface language. */
  citationStyle: CitationStyle | 'auto';
}

const isString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const oneOf = <T extends string>(choices: readonly T[], value: unknown, fallback: T): T =>
  choices.includes(value as T) ? (value as T) : fallback;

/**
 * Reads stored settings; anything missing or malformed takes its default, so a bad value never locks the user out.
 * Checked by hand rather than with valibot: every page's content script reads settings, and the schema library
 * would add about 2 KB (gzipped) to it.
 */
export function parseSettings(stored: unknown): Settings {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const names = raw.colorNames;
  const namesValid =
    typeof names === 'object' && names !== null && !Array.isArray(names) &&
    Object.entries(names).every(([id, name]) => COLOR_ID.test(id) && isString(name, 40));
  const sites = raw.disabledSites;
  return {
    colorNames: namesValid ? { ...(names as Record<string, string>) } : {},
    defaultColor: isString(raw.defaultColor, 32) && COLOR_ID.test(raw.defaultColor) ? raw.defaultColor : 'yellow',
    disabledSites: Array.isArray(sites) && sites.every((site) => isString(site, 253)) ? [...(sites as string[])] : [],
    language: oneOf(LANGUAGES, raw.language, 'auto'),
    exportFormat: oneOf(EXPORT_FORMATS, raw.exportFormat, 'markdown'),
    markdownTemplate: isString(raw.markdownTemplate, 20_000) ? raw.markdownTemplate : null,
    citationStyle: oneOf(['auto', ...CITATION_STYLES], raw.citationStyle, 'auto'),
  };
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

/** The citation style in force: the chosen one, else APA for an English interface and GB/T 7714 numeric for a Chinese one. */
export function citationStyleOf(settings: Settings, uiLocale: string): CitationStyle {
  return settings.citationStyle === 'auto' ? defaultCitationStyle(uiLocale) : settings.citationStyle;
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
