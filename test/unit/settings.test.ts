import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../lib/transfer/export/formats';
import { citationStyleOf, DEFAULT_SETTINGS, isSiteDisabled, loadSettings, onSettingsChanged, parseSettings, saveSettings, withSiteEnabled } from '../../lib/settings';

describe('settings', () => {
  it('gives defaults for missing or malformed values, keeping the good ones', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    const parsed = parseSettings({ defaultColor: 'NOT A COLOR', language: 'zh_CN', disabledSites: 'oops', colorNames: { green: '证据' } });
    expect(parsed).toMatchObject({ defaultColor: 'yellow', language: 'zh_CN', disabledSites: [], colorNames: { green: '证据' } });
  });

  it('drops every malformed field to its default and keeps no unknown ones', () => {
    const parsed = parseSettings({
      colorNames: { 'Bad Id': 'x' }, defaultColor: 42, disabledSites: ['ok.example', 7], language: 'fr',
      exportFormat: 'docx', markdownTemplate: 'x'.repeat(20_001), extra: 'kept?',
    });
    expect(parsed).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ colorNames: { green: 'x'.repeat(41) } }).colorNames).toEqual({});
    expect(parseSettings({ exportFormat: 'ris', markdownTemplate: '{{quote}}' })).toMatchObject({ exportFormat: 'ris', markdownTemplate: '{{quote}}' });
    expect(parseSettings([])).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps any export format the export dialog offers as the default; the retired JSON backup reads as Markdown', () => {
    for (const exportFormat of EXPORT_FORMATS) expect(parseSettings({ exportFormat }).exportFormat).toBe(exportFormat);
    expect(parseSettings({ exportFormat: 'json' }).exportFormat).toBe('markdown');
  });

  it('keeps a shipped citation style, else follows the interface language: APA in English, GB/T 7714 numeric in Chinese', () => {
    expect(parseSettings({ citationStyle: 'mla' }).citationStyle).toBe('mla');
    expect(parseSettings({ citationStyle: 'harvard' }).citationStyle).toBe('auto');
    expect(citationStyleOf(DEFAULT_SETTINGS, 'en')).toBe('apa');
    expect(citationStyleOf(DEFAULT_SETTINGS, 'zh_CN')).toBe('gbt7714-numeric');
    expect(citationStyleOf(parseSettings({ citationStyle: 'chicago-author-date' }), 'zh_CN')).toBe('chicago-author-date');
  });

  it('saves, reloads and notifies', async () => {
    const seen: string[] = [];
    const stop = onSettingsChanged((s) => seen.push(s.defaultColor));
    await saveSettings({ defaultColor: 'blue' });
    expect((await loadSettings()).defaultColor).toBe('blue');
    await saveSettings({ language: 'en' });
    expect(await loadSettings()).toMatchObject({ defaultColor: 'blue', language: 'en' });
    stop();
    expect(seen).toEqual(['blue', 'blue']);
  });

  it('turns a site off and on, subdomains included', () => {
    const off = { ...DEFAULT_SETTINGS, disabledSites: withSiteEnabled(DEFAULT_SETTINGS, 'www.Example.com', false) };
    expect(off.disabledSites).toEqual(['example.com']);
    expect(isSiteDisabled(off, 'news.example.com')).toBe(true);
    expect(isSiteDisabled(off, 'notexample.com')).toBe(false);
    expect(withSiteEnabled(off, 'example.com', true)).toEqual([]);
  });
});
