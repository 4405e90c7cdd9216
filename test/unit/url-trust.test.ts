import { describe, expect, it } from 'vitest';
import { resolveAddress, sameSite, siteOf, siteOfKey } from '../../lib/url/trust';

const key = (location: string, canonical?: string, ogUrl?: string) => resolveAddress({ location, canonical, ogUrl })?.key;

describe('siteOf: registrable domains from the Public Suffix List', () => {
  it('keeps hosts of shared suffixes (private section) apart', () => {
    expect(siteOf(new URL('https://victim.github.io/'))).toBe('victim.github.io');
    expect(sameSite(new URL('https://attacker.github.io/'), new URL('https://victim.github.io/'))).toBe(false);
    expect(sameSite(new URL('https://a.blogspot.com/'), new URL('https://b.blogspot.com/'))).toBe(false);
  });

  it('groups subdomains of one registrable domain, under two-level public suffixes too', () => {
    expect(siteOf(new URL('https://www.example.co.uk/x'))).toBe('example.co.uk');
    expect(sameSite(new URL('https://m.example.co.uk/'), new URL('https://example.co.uk/'))).toBe(true);
    expect(sameSite(new URL('https://news.example.com.cn/'), new URL('https://www.example.com.cn/'))).toBe(true);
    expect(sameSite(new URL('https://a.co.uk/'), new URL('https://b.co.uk/'))).toBe(false);
    expect(sameSite(new URL('https://a.com.cn/'), new URL('https://b.com.cn/'))).toBe(false);
  });

  it('treats IP addresses, localhost and bare suffixes as exact host and port', () => {
    expect(siteOf(new URL('http://127.0.0.1:8080/'))).toBe('127.0.0.1:8080');
    expect(sameSite(new URL('http://127.0.0.1:8080/'), new URL('http://127.0.0.2:8080/'))).toBe(false);
    expect(sameSite(new URL('http://localhost:3000/'), new URL('http://localhost:4000/'))).toBe(false);
    expect(sameSite(new URL('http://[::1]:3000/a'), new URL('http://[::1]:3000/b'))).toBe(true);
    expect(sameSite(new URL('https://github.io/'), new URL('https://victim.github.io/'))).toBe(false);
  });

  it('reads the site of a stored key', () => {
    expect(siteOfKey('victim.github.io:8080/notes')).toBe('victim.github.io');
    expect(siteOfKey('localhost:3000/a?b=1')).toBe('localhost:3000');
    expect(siteOfKey('')).toBeNull();
  });
});

describe('resolveAddress follows a canonical link only within the page’s own site', () => {
  it('refuses a canonical or og:url on another host of a shared suffix', () => {
    expect(key('https://attacker.github.io/a', 'https://victim.github.io/notes')).toBe('attacker.github.io/a');
    expect(key('https://attacker.github.io/a', null as never, 'https://victim.github.io/notes')).toBe('attacker.github.io/a');
    expect(key('https://evil.blogspot.com/p', 'https://diary.blogspot.com/2024/01/x.html')).toBe('evil.blogspot.com/p');
    expect(key('https://other.co.uk/p', 'https://example.co.uk/story')).toBe('other.co.uk/p');
    expect(key('https://other.com.cn/p', 'https://example.com.cn/story')).toBe('other.com.cn/p');
  });

  it('follows www and mobile subdomains of the same registrable domain', () => {
    expect(resolveAddress({ location: 'https://www.example.co.uk/news/1?utm_source=x', canonical: 'https://example.co.uk/news/1' })).toEqual({
      url: 'https://example.co.uk/news/1',
      key: 'example.co.uk/news/1',
    });
    expect(key('https://m.example.com.cn/a', 'https://www.example.com.cn/a.html')).toBe('example.com.cn/a.html');
  });

  it('on IP addresses and localhost, follows a canonical only on the exact same host and port', () => {
    expect(key('http://127.0.0.1:8080/copy', 'http://127.0.0.1:8080/story')).toBe('127.0.0.1:8080/story');
    expect(key('http://127.0.0.1:8080/copy', 'http://127.0.0.1:9090/story')).toBe('127.0.0.1:8080/copy');
    expect(key('http://localhost:3000/copy', 'http://localhost:4000/story')).toBe('localhost:3000/copy');
    expect(key('http://localhost:3000/copy', '/story')).toBe('localhost:3000/story');
  });
});
