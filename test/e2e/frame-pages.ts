/**
 * Pages for the frame tests: an e-paper page whose stories are in a same-origin frame and in a cross-origin one,
 * served from a second loopback host name (localhost for 127.0.0.1: another site to the browser), and a page
 * whose story is in an inline (srcdoc) frame, scrolled inside it.
 */
import type { Served } from './harness';

const story = (title: string, byline: string, paragraphs: string[]) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${title}</title></head><body><article><h1>${title}</h1><p class="byline">By ${byline}, Staff Writer</p>
<time datetime="2026-11-30">November 30, 2026</time>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;

const attribute = (html: string) => html.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

const PAGES: Record<string, (remoteOrigin: string) => string> = {
  '/closed.html': () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reader, sandboxed</title></head>
<body><h1>The Harbour Gazette reader</h1>
<iframe id="sandboxed" sandbox="allow-scripts" width="900" height="300" title="Story" srcdoc="${attribute(story('Night buses return to the harbour line', 'Ana Lima', [
    'The transit authority will run night buses on the harbour line again from March, after a two-year pause.',
  ]))}"></iframe>
<iframe id="data" width="900" height="200" title="Notice" src="data:text/html,${encodeURIComponent('<p>Notice: the ferry office is closed on Sunday.</p>')}"></iframe></body></html>`,
  '/inline.html': () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>City desk, 1 December</title></head>
<body><header><h1>The Harbour Gazette</h1></header><main><p>Read the city desk's brief below.</p>
<iframe id="brief" width="900" height="300" title="Brief" srcdoc="${attribute(story('Library opens a reading room for the night shift', 'Mei Chen', [
    'The central library will keep one reading room open until two in the morning from January, its director said.',
    ...Array.from({ length: 6 }, (_, i) => `Staff from the ${['hospital', 'port', 'bakeries', 'transit depot', 'power station', 'newsroom'][i]} asked for quiet hours after their shifts, according to the survey the library ran in the autumn.`),
    'A pilot in the east branch drew forty readers a night, most of them nurses coming off the evening shift.',
  ]))}"></iframe></main></body></html>`,
  '/epaper.html': (remoteOrigin) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Front page, 30 November</title></head>
<body><header><h1>The Harbour Gazette</h1><nav><a href="/">Front page</a> <a href="/">Page 2</a></nav></header>
<main><p>Today's e-paper: choose a story on the page image.</p>
<iframe id="story" src="/story.html" width="900" height="420" title="Story"></iframe>
<iframe id="remote" src="${remoteOrigin}/remote.html" width="900" height="420" title="Story from the wire"></iframe></main></body></html>`,
  '/story.html': () => story('Ferry timetable changes for the winter', 'Ana Lima', [
    'The harbour authority will run the morning ferry half an hour later from the first week of December, it said on Monday.',
    'Commuters asked for the change in a survey last spring, when two in three said the early boat left before the buses arrived.',
    'The evening service keeps its times, and a night boat is added on Fridays until the end of February.',
  ]),
  '/remote.html': () => story('Wind farm approved off the northern cape', 'Tom Reyes', [
    'Regulators approved the offshore wind farm on Tuesday after a review of its effects on fishing grounds and seabirds.',
    'Construction of the first forty turbines is expected to begin next summer, with power reaching the grid in 2029.',
  ]),
};

/** The same server under another loopback host name. */
export const otherHost = (origin: string): string => origin.replace('127.0.0.1', 'localhost');

/** The frame tests' page at `path`, or null. */
export function framePage(path: string, remoteOrigin: string): Served | null {
  const page = PAGES[path];
  return page ? { body: page(remoteOrigin), contentType: 'text/html; charset=utf-8' } : null;
}
