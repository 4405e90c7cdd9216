// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { PageAddressWatch } from '@/lib/content/page-address';

/** Sets the page's canonical link and og:url (null removes them). */
function head(canonical: string | null, ogUrl: string | null = canonical) {
  document.head.innerHTML =
    (canonical === null ? '' : `<link rel="canonical" href="${canonical}">`) +
    (ogUrl === null ? '' : `<meta property="og:url" content="${ogUrl}">`);
}

const origin = () => location.origin;

beforeEach(() => {
  history.replaceState(null, '', '/story-a');
  head(null);
});

describe('PageAddressWatch: a canonical link left over from an earlier SPA route is not sent', () => {
  it('sends the claims as they are on a page that has not navigated', () => {
    head('/story-a-canonical', 'https://example.com/story-a');
    expect(new PageAddressWatch().claims(document)).toEqual({
      location: `${origin()}/story-a`,
      canonical: '/story-a-canonical',
      ogUrl: 'https://example.com/story-a',
    });
  });

  it('drops a canonical and og:url that did not change when the address did (pushState)', () => {
    head(`${origin()}/story-a`);
    const watch = new PageAddressWatch();
    watch.claims(document);
    history.pushState(null, '', '/story-b');
    expect(watch.claims(document)).toEqual({ location: `${origin()}/story-b`, canonical: null, ogUrl: null });
    // Still stale on the next look, and after one more navigation.
    expect(watch.claims(document).canonical).toBeNull();
    history.pushState(null, '', '/story-c');
    expect(watch.claims(document)).toMatchObject({ canonical: null, ogUrl: null });
  });

  it('believes claims that changed with the address, also when the app updates them a moment later', () => {
    head(`${origin()}/story-a`);
    const watch = new PageAddressWatch();
    watch.claims(document);
    history.pushState(null, '', '/story-b');
    expect(watch.claims(document).canonical).toBeNull(); // the app has not updated its head yet
    head(`${origin()}/story-b?ref=canonical`, null);
    expect(watch.claims(document)).toEqual({ location: `${origin()}/story-b`, canonical: `${origin()}/story-b?ref=canonical`, ogUrl: null });
    // Back to A, whose canonical the app restores.
    history.pushState(null, '', '/story-a');
    head(`${origin()}/story-a`);
    expect(watch.claims(document).canonical).toBe(`${origin()}/story-a`);
  });

  it('judges each claim on its own', () => {
    head('/story-a', '/story-a');
    const watch = new PageAddressWatch();
    watch.claims(document);
    history.pushState(null, '', '/story-b');
    head('/story-a', '/story-b');
    expect(watch.claims(document)).toMatchObject({ canonical: null, ogUrl: '/story-b' });
  });

  it('keeps an unchanged canonical that names the new address’s own page (only the query changed)', () => {
    head(`${origin()}/story-a`);
    const watch = new PageAddressWatch();
    watch.claims(document);
    history.pushState(null, '', '/story-a?page=2');
    expect(watch.claims(document).canonical).toBe(`${origin()}/story-a`);
  });

  it('does not count fragment or tracking-parameter changes as navigations', () => {
    history.replaceState(null, '', '/story-a?utm_source=feed');
    head(`${origin()}/article/a-long-slug`);
    const watch = new PageAddressWatch();
    watch.claims(document);
    history.replaceState(null, '', '/story-a#comments');
    expect(watch.claims(document).canonical).toBe(`${origin()}/article/a-long-slug`);
  });
});
