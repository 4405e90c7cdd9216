// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/article';
import { readEdition } from '@/lib/article/context';
import { decodeEntities, readMetadata, siteFromTitle, withoutSite } from '@/lib/article/metadata';

function page(head: string, body = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;
const PARAGRAPH = 'This is a long enough paragraph of body text, with commas, clauses and a full stop at the end of it. ';
const ZH = '衡阳市石鼓区坚持以人民为中心的发展思想，加快推进行政审批制度改革，让群众办事更方便、更快捷。';

describe('JSON-LD wrappers and entities', () => {
  it('reads JSON-LD wrapped in CDATA', () => {
    const meta = readMetadata(page(ld(`//<![CDATA[
      {"@type":"NewsArticle","headline":"The Deck of Cards","publisher":{"@type":"Organization","name":"Atlas Obscura"}}
      //]]>`)));
    expect(meta.titles[0]).toBe('The Deck of Cards');
    expect(meta.siteName).toBe('Atlas Obscura');
  });
  it('decodes entities left in metadata values', () => {
    expect(decodeEntities('Thermen- &#038; Vulkanland &amp; &#x27;Golf&#x27; &quot;x&quot;')).toBe('Thermen- & Vulkanland & \'Golf\' "x"');
    expect(decodeEntities('AT&T &unknown; &#0;')).toBe('AT&T &unknown; &#0;');
    expect(readMetadata(page('<meta property="og:title" content="Thermen- &amp;#038; Vulkanland">')).titles).toEqual(['Thermen- & Vulkanland']);
  });
});

describe('publication name', () => {
  it('prefers the JSON-LD publisher to og:site_name (a publication hosted on a platform)', () => {
    const meta = readMetadata(page(`<meta property="og:site_name" content="Medium">${ld('{"@type":"NewsArticle","headline":"H","publisher":{"@type":"Organization","name":"Voodoo Engineering"}}')}`));
    expect(meta.siteName).toBe('Voodoo Engineering');
  });
  it('follows a publisher @id reference inside @graph, and arrays of publishers', () => {
    expect(readMetadata(page(ld('{"@graph":[{"@type":"Organization","@id":"https://x.example/#org","name":"Example Times"},{"@type":"NewsArticle","headline":"H","publisher":{"@id":"https://x.example/#org"}}]}'))).siteName)
      .toBe('Example Times');
    expect(readMetadata(page(ld('{"@type":"Article","headline":"H","publisher":[{"@type":"Organization","name":"First Press"},{"name":"Second"}]}'))).siteName).toBe('First Press');
  });
  it('falls back to application-name, microdata publisher, then the JSON-LD WebSite name', () => {
    expect(readMetadata(page('<meta name="application-name" content="CityLab">')).siteName).toBe('CityLab');
    expect(readMetadata(page('', `<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">H</h1>
      <div itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><img alt="logo"><meta itemprop="name" content="Daily Planet"></div></article>`)).siteName).toBe('Daily Planet');
    expect(readMetadata(page(ld('{"@graph":[{"@type":"WebSite","name":"Haki Benita"},{"@type":"WebPage","name":"A post"}]}'))).siteName).toBe('Haki Benita');
  });
  it('takes the site from the document title when no metadata names it', () => {
    expect(siteFromTitle('拿出10万元投资房产_新浪房产_新浪网', ['拿出10万元投资房产'])).toBe('新浪网');
    expect(siteFromTitle('从“最多跑一次”到“一次都不用跑”-衡阳新闻网', [])).toBe('衡阳新闻网');
    expect(siteFromTitle('居家养老有“医”靠 安宁疗护有温度 - 太原晚报', [])).toBe('太原晚报');
    expect(siteFromTitle('Big news | The Guardian', [])).toBe('The Guardian');
    expect(siteFromTitle('Norddeutschland findet seine Meister - Berliner Leichtathletik Verband e.V.', ['Norddeutschland findet seine Meister'])).toBe('Berliner Leichtathletik Verband e.V.');
    // The title at the end: the first part is the site.
    expect(siteFromTitle('Disfunctions.de » Blog Archiv » Podcasts in Plex einbinden', ['Podcasts in Plex einbinden'])).toBe('Disfunctions.de');
    expect(siteFromTitle('Blog » Archive » A much longer title of a blog post', [])).toBe('Blog');
    expect(siteFromTitle('Example Times – Big news about the thing', ['Big news about the thing'])).toBe('Example Times');
    // No separator (a hyphen inside Latin words is not one), or a sentence: no site.
    expect(siteFromTitle('VW-Chef warnt vor Tesla', [])).toBeNull();
    expect(siteFromTitle('Big news', [])).toBeNull();
    expect(siteFromTitle('Big news - Page 2', ['Big news'])).toBeNull();
  });
  it('drops the site name from metadata titles', () => {
    expect(withoutSite('About Us - Shabka', 'Shabka')).toBe('About Us');
    expect(withoutSite('Shabka | About Us', 'Shabka')).toBe('About Us');
    expect(withoutSite('Shabka', 'Shabka')).toBe('Shabka');
    expect(withoutSite('About Us - Shabka', 'Other')).toBe('About Us - Shabka');
    expect(readMetadata(page('<meta property="og:title" content="Lehrberufe KFT - Siegfried Marcus Berufsschule"><meta property="og:site_name" content="Siegfried Marcus Berufsschule">')).titles)
      .toEqual(['Lehrberufe KFT']);
  });
  it('names the e-paper by its masthead and a portal page by its title suffix', () => {
    const epaper = detectPage(page('<title>「小屋场」撬动基层治理「大能量」--衡阳日报数字报</title>',
      `<h1>「小屋场」撬动基层治理「大能量」</h1><div id="ozoom"><p>${ZH}</p><p>${ZH}</p><p>${ZH}</p></div>`), { url: 'http://epaper.example/html/2022-09/05/content_1186523.htm' });
    expect(epaper.edition?.paper).toBe('衡阳日报');
    expect(epaper.articles[0]?.siteName).toBe('衡阳日报');
    const portal = detectPage(page('<title>从“最多跑一次”到“一次都不用跑”_衡阳新闻_衡阳全搜索网</title>',
      `<h1>从“最多跑一次”到“一次都不用跑”</h1><div class="content"><p>${ZH}</p><p>${ZH}</p><p>${ZH}</p></div>`));
    expect(portal.articles[0]).toMatchObject({ title: '从“最多跑一次”到“一次都不用跑”', siteName: '衡阳全搜索网' });
  });
});

describe('title as printed', () => {
  it('matches the printed heading to metadata that differs only in punctuation', () => {
    const result = detectPage(page('<meta property="og:title" content="How we designed Dropbox’s ATF - an async task framework!">',
      `<h2>Related</h2><article><h1>How we designed Dropbox’s ATF: an async task framework</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article>`));
    expect(result.articles[0]?.title).toBe('How we designed Dropbox’s ATF: an async task framework');
  });
  it('finds the headline by a part of the document title, skipping a logo heading that links home', () => {
    const result = detectPage(page('<title>Disfunctions.de » Blog Archiv » Podcasts in Plex einbinden</title>',
      `<div id="header"><h1><a href="https://disfunctions.example/">Disfunctions.de</a></h1></div>
      <div class="post"><h2><a href="/2020/podcasts-plex">Podcasts in Plex einbinden</a></h2><div class="entry"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div></div>
      <div class="widget"><h2>Blogroll</h2><ul><li><a href="/a">A friend</a></li></ul></div>`));
    expect(result.articles[0]).toMatchObject({ title: 'Podcasts in Plex einbinden', siteName: 'Disfunctions.de' });
  });
});

describe('e-paper page (版次, 版名)', () => {
  const edition = (title: string, body: string, url: string) => {
    const doc = page(`<title>${title}</title>`, body);
    return readEdition(doc, url, readMetadata(doc), doc.body.textContent ?? '');
  };
  it('reads 第N版：版名 from the title, "A01版：要闻" and 版次/版名 labels from the page', () => {
    expect(edition('衡阳日报数字报-2022年09月05日-第01版：要闻', '', 'http://e.example/html/2022-09/05/node_2.htm')).toMatchObject({ paper: '衡阳日报', page: '01', pageName: '要闻' });
    expect(edition('某某晚报数字报', '<p>2022年9月5日 星期一</p><p>A03版：城事</p>', 'http://e.example/html/2022-09/05/content_12.htm')).toMatchObject({ paper: '某某晚报', page: 'A03', pageName: '城事' });
    expect(edition('某某日报电子版', '<p>版次：4 版名：理论</p>', 'http://e.example/html/2022-09/05/content_12.htm')).toMatchObject({ page: '04', pageName: '理论' });
  });
  it('takes the page from the address only as a two-digit token, never a node serial', () => {
    expect(edition('某某日报数字报', '', 'http://e.example/html/2022-09/05/nw.D110000abc_20220905_1-07.htm')?.page).toBe('07');
    expect(edition('某某日报数字报', '', 'http://e.example/html/2022-09/05/node_2.htm')?.page).toBeNull();
    expect(edition('某某日报数字报', '', 'http://e.example/html/2022-09/05/content_1186523.htm')?.page).toBeNull();
  });
});

describe('title parts are not site names', () => {
  it('never guesses a long subtitle as the site, nor strips it from the title', () => {
    expect(siteFromTitle('Minions mit Schablonen malen - mit Malerrolle & bunter Farbe', [])).toBeNull();
    expect(readMetadata(page('<title>Minions malen - mit Malerrolle &amp; bunter Farbe</title><meta property="og:title" content="Minions malen - mit Malerrolle &amp; bunter Farbe">')).titles)
      .toEqual(['Minions malen - mit Malerrolle & bunter Farbe']);
  });
  it('does not take a site-name block for the title because it equals the site part of <title>', () => {
    const result = detectPage(page('<title>PaiNs Blog : Silkroad Quests und NPCs für Anfänger und Fortgeschrittene</title>',
      `<div class="sitetitle">PaiNs Blog</div><div class="post"><h1><a href="/2008/05/silkroad.html">Silkroad Quests und NPC’s für Anfänger und Fortgeschrittene</a></h1>
      <div class="entry"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div></div>`));
    expect(result.articles[0]).toMatchObject({ title: 'Silkroad Quests und NPC’s für Anfänger und Fortgeschrittene', siteName: 'PaiNs Blog' });
  });
});
