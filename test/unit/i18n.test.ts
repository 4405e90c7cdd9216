import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';
import { localeFor } from '../../lib/i18n';
import { translator } from '../../lib/i18n/catalogs';

describe('i18n', () => {
  it('has every key in both languages, with the same placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const enPlaceholders = Object.keys((en[key] as { placeholders?: object }).placeholders ?? {}).sort();
      const zhPlaceholders = Object.keys((zh[key] as { placeholders?: object }).placeholders ?? {}).sort();
      expect(zhPlaceholders, key).toEqual(enPlaceholders);
    }
  });

  it('picks Simplified Chinese for zh tags and English otherwise', () => {
    expect(localeFor('zh-CN')).toBe('zh_CN');
    expect(localeFor('zh')).toBe('zh_CN');
    expect(localeFor('zh_CN')).toBe('zh_CN');
    expect(localeFor('zha')).toBe('en');
    expect(localeFor('en-GB')).toBe('en');
    expect(localeFor('fr')).toBe('en');
    expect(localeFor(undefined)).toBe('en');
  });

  it('fills placeholders like browser.i18n does', () => {
    expect(translator('en')('storageSummary', 2, 10, 3)).toBe('Stored on this device: 2 articles, 10 highlights, 3 tags');
    expect(translator('zh_CN')('highlightCount', 4)).toBe('本页划线：4 条');
  });

  it('inserts values as they are, even when they look like placeholders or replacement patterns', () => {
    expect(translator('en')('restoreChangeLine', '$TO$ and $&', 'Note', "$1 $' $$", 'x')).toBe("$TO$ and $& — Note: «$1 $' $$» → «x»");
  });
});
