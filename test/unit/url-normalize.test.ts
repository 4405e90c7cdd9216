import { describe, expect, it } from 'vitest';
import { urlKey } from '../../lib/url/normalize';
import { resolveAddress } from '../../lib/url/trust';

describe('urlKey', () => {
  it('drops scheme, www, fragment, default port and tracking parameters', () => {
    expect(urlKey('https://www.Example.com:443/news/a.html?utm_source=x&id=3&fbclid=abc#top')).toBe(
      'example.com/news/a.html?id=3',
    );
    expect(urlKey('http://example.com/news/a.html?id=3')).toBe('example.com/news/a.html?id=3');
  });

  it('sorts the remaining parameters and trims trailing slashes', () => {
    expect(urlKey('https://example.com/a/?b=2&a=1')).toBe('example.com/a?a=1&b=2');
    expect(urlKey('https://example.com/')).toBe('example.com/');
  });

  it('keeps non-default ports and CJK paths', () => {
    expect(urlKey('http://127.0.0.1:8080/新闻/一.html')).toBe('127.0.0.1:8080/%E6%96%B0%E9%97%BB/%E4%B8%80.html');
  });

  it('refuses what is not http(s)', () => {
    expect(urlKey('javascript:alert(1)')).toBeNull();
    expect(urlKey('chrome-extension://abc/popup.html')).toBeNull();
    expect(urlKey('not a url')).toBeNull();
  });
});

describe('resolveAddress', () => {
  it('prefers the canonical link on the same site', () => {
    const resolved = resolveAddress({
      location: 'https://m.example.com/story/1?utm_medium=social#c',
      canonical: 'https://www.example.com/story/1',
    });
    expect(resolved).toEqual({ url: 'https://www.example.com/story/1', key: 'example.com/story/1' });
  });

  it('falls back to og:url, then the location', () => {
    expect(resolveAddress({ location: 'https://news.example.co.uk/x', ogUrl: '/y' })?.key).toBe(
      'news.example.co.uk/y',
    );
    expect(resolveAddress({ location: 'https://example.com/x?utm_source=a#frag' })).toEqual({
      url: 'https://example.com/x',
      key: 'example.com/x',
    });
  });

  it('ignores a canonical link that claims another site', () => {
    const resolved = resolveAddress({
      location: 'https://evil.example.net/copy',
      canonical: 'https://www.nytimes.com/2024/01/01/world/story.html',
    });
    expect(resolved?.key).toBe('evil.example.net/copy');
  });

  it('ignores malformed and non-http canonical values', () => {
    expect(resolveAddress({ location: 'https://a.com/p', canonical: 'javascript:alert(1)' })?.key).toBe('a.com/p');
    expect(resolveAddress({ location: 'https://a.com/p', canonical: 'http://[bad' })?.key).toBe('a.com/p');
    expect(resolveAddress({ location: 'file:///tmp/x.html' })).toBeNull();
  });
});
