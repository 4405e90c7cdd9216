// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fragmentOfRange } from '@/lib/anchoring/fragment-of-range';
import { textFragmentUrl } from '@/lib/anchoring/text-fragment';

function rangeOver(text: string, occurrence = 0): Range {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(text);
    if (at === -1 || seen++ < occurrence) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range;
  }
  throw new Error(`not on the page: ${text}`);
}

const terms = (f: ReturnType<typeof fragmentOfRange>) => [f?.prefix, f?.textStart, f?.textEnd, f?.suffix].filter(Boolean) as string[];

describe('the fragment made on the live page', () => {
  it('after an embedded tweet: the tweet\'s last word is not glued to the passage', () => {
    document.body.innerHTML =
      '<blockquote class="twitter-tweet"><p>Big news today</p>— Someone (@some) May 3, 2019</blockquote><p>The council voted on Tuesday to close the pool.</p>';
    const fragment = fragmentOfRange(rangeOver('The council voted'))!;
    expect('The council voted on Tuesday to close the pool.').toContain(fragment.textStart);
    expect(fragment.textStart).toMatch(/^The council/);
    for (const term of terms(fragment)) expect(term).not.toMatch(/2019\s*the/i);
  });

  it('a passage after <br>, in a list item and in a table cell starts where its line does', () => {
    document.body.innerHTML =
      '<p>First line of the address<br>Second line here</p><ul><li>alpha item</li><li>beta item</li></ul><table><tr><td>cell one</td><td>cell two</td></tr></table>';
    const atBreak = fragmentOfRange(rangeOver('Second line'))!;
    expect(atBreak.textStart.toLowerCase()).toMatch(/^second line/);
    expect(terms(atBreak).some((t) => /address\s*second/i.test(t))).toBe(false);
    const item = fragmentOfRange(rangeOver('beta item'))!;
    expect(terms(item).some((t) => /item\s*beta/i.test(t))).toBe(false);
    const cell = fragmentOfRange(rangeOver('cell two'))!;
    expect(terms(cell).some((t) => /one\s*cell two/i.test(t))).toBe(false);
  });

  it('CJK: terms are whole words of one paragraph', () => {
    document.body.innerHTML = '<p>记者从市政府获悉。</p><p>屋场恳谈会今年已在全市召开了三百多场。</p>';
    const fragment = fragmentOfRange(rangeOver('屋场恳谈会'))!;
    expect(terms(fragment).some((t) => t.includes('获悉。屋场'))).toBe(false);
    expect(fragment.textStart).toContain('屋场恳谈会');
  });

  it('a passage that is not unique gets context until it is', () => {
    document.body.innerHTML = '<p>Rain is expected.</p><p>On Monday: rain is expected.</p><p>On Friday: rain is expected.</p>';
    const fragment = fragmentOfRange(rangeOver('rain is expected', 1))!;
    expect(fragment.prefix ?? fragment.suffix).toBeTruthy();
    expect(fragment.prefix?.toLowerCase()).toContain('friday');
  });

  it('where the matcher sees nothing, context is checked on the rendered text too', () => {
    // The polyfill's matcher skips text whose element has an opacity below 1 (it reads it with parseInt);
    // browsers match it. The list's first word is also the last word of an earlier paragraph.
    const item = (text: string) => `<li style="opacity: 0.9">${text}</li>`;
    document.body.innerHTML = `<p>Read it in New York Magazine</p><h4>Our sites</h4><ul>${item('Magazine')}${item('Archive')}${item('Subscribe now')}</ul>`;
    const range = document.createRange();
    range.setStart(document.querySelector('li')!.firstChild!, 0);
    range.setEnd(document.querySelectorAll('li')[2]!.firstChild!, 'Subscribe now'.length);
    const fragment = fragmentOfRange(range)!;
    expect(fragment).toMatchObject({ textStart: 'Magazine', textEnd: 'Subscribe now', prefix: 'sites' });
  });

  it('context comes from beyond a container that is mostly indentation', () => {
    // A footer menu: its markup is whitespace, so its text is short, and the block before it tells it from the header's copy.
    const indent = '\n\t\t'.repeat(300);
    document.body.innerHTML = `<p>Magazine</p><p>Archive</p><p>Elections</p><footer><div>${indent}<ul><li>Magazine</li>${indent}<li>Archive</li></ul>${indent}</div></footer>`;
    const range = document.createRange();
    range.setStart(document.querySelector('li')!.firstChild!, 0);
    range.setEnd(document.querySelectorAll('li')[1]!.firstChild!, 'Archive'.length);
    expect(fragmentOfRange(range)).toMatchObject({ textStart: 'Magazine', textEnd: 'Archive', prefix: 'Elections' });
  });

  it('is what the link uses, encoded', () => {
    document.body.innerHTML = '<p>Alpha beta-gamma, delta &amp; epsilon are the five words here today.</p>';
    const fragment = fragmentOfRange(rangeOver('beta-gamma, delta & epsilon are the five words'))!;
    expect(textFragmentUrl('https://x.example/a', { exact: 'unused', prefix: '', suffix: '' }, fragment)).toBe(
      'https://x.example/a#:~:text=beta%2Dgamma%2C%20delta%20%26%20epsilon%20are%20the%20five%20words',
    );
  });
});

describe('terms as the page writes them', () => {
  it('keeps capitals, diacritics and full-width punctuation, and collapses whitespace', () => {
    document.body.innerHTML = '<p>Nachricht vom Veterinäramt Stadt Brandenburg</p><p>Am 28. März\n   2021 erreichte uns ein Hinweis.</p><p>上一篇：已经是第一篇</p>';
    const german = fragmentOfRange(rangeOver('Am 28. März'))!;
    expect(german.textStart).toBe('Am 28. März');
    for (const term of terms(german)) expect(term).not.toMatch(/\s\s|\n/);
    expect(fragmentOfRange(rangeOver('上一篇：已经是第一篇'))!.textStart).toBe('上一篇：已经是第一篇');
  });
});

describe('blocks and text as the browser renders them', () => {
  // (noscript text is not rendered in a browser; happy-dom parses it otherwise, so the e2e passage-link test covers it.)
  it('a span made a block ends a term; a no-break space stays a space of its own', () => {
    document.body.innerHTML =
      '<p>Seen twice.</p><figure><figcaption><span>The mayor on Monday.</span><span style="display:block">Credit: A. Photographer</span></figcaption></figure>' +
      '<p>Seen twice.</p><p>(&nbsp;<a>Log out</a>&nbsp;/&nbsp;\n  <a>Change</a>&nbsp;)</p>';
    const caption = fragmentOfRange(rangeOver('The mayor on Monday.'))!;
    for (const term of terms(caption)) expect(term).not.toMatch(/Monday\.\s*Credit/);
    const spaced = document.createRange();
    spaced.selectNodeContents(document.querySelectorAll('p')[2]!);
    expect(fragmentOfRange(spaced)!.textStart).toBe('( Log out /  Change )');
  });

  it('an inline icon or image between two words glues them, as Chromium reads them', () => {
    document.body.innerHTML =
      '<ul><li><a><svg></svg><span>kurier.at</span></a><a><svg></svg><span>events.at</span></a><a><img alt=""><span>film.at</span></a></li></ul>';
    const portals = document.createRange();
    portals.selectNodeContents(document.querySelector('li')!);
    expect(fragmentOfRange(portals)!.textStart).toBe('kurier.atevents.atfilm.at');
  });
});
