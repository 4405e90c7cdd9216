/**
 * The real content session on a real page, with a stand-in background that counts what is asked of it and a
 * structure detection that counts its runs: a first visit where the user makes highlights, a reload after the
 * publisher edited some passages, and tab switches (the side panel asks for the page's summary).
 */
import { detectPage } from '@/lib/article';
import type { ContentBackend } from '@/lib/content/page-highlights';
import { startContentSession, type ContentSession } from '@/lib/content/session';
import type { HighlightRecord } from '@/lib/model/records';

const KEY = 'bench.example/article';
const stored = new Map<string, HighlightRecord>();
let detections = 0;
let asked: string[] = [];

const backend: ContentBackend = {
  ask: (async (type: string, data: any) => {
    asked.push(type);
    const address = { key: KEY, url: location.href };
    if (type === 'address.resolve') return address;
    if (type === 'annotations.forPage') return { address, articles: [], highlights: [...stored.values()].map((h) => ({ ...h })) };
    if (type === 'highlight.create') {
      const now = Date.now();
      const record = { ...data.highlight, articleId: 'a1', urlKey: KEY, status: 'anchored', currentText: null, createdAt: now, updatedAt: now };
      stored.set(record.id, record);
      return { ...record };
    }
    if (type === 'highlight.statuses') {
      for (const s of data.statuses) Object.assign(stored.get(s.id) ?? {}, { status: s.status, currentText: s.currentText });
      return null;
    }
    if (type === 'highlight.update') return Object.assign(stored.get(data.id)!, data.patch);
    throw new Error(`the benchmark's background does not answer ${type}`);
  }) as ContentBackend['ask'],
};

const noUi = () => ({ isOwnUi: () => false, unmount() {} });
const start = () => startContentSession(window, noUi, { backend, detect: (doc) => (detections++, detectPage(doc)) });
const idle = (ms: number) => new Promise((done) => setTimeout(done, ms));

function select(paragraph: Element) {
  const text = paragraph.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, Math.min(text.data.length, 40));
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}

/** Counts what one phase cost: detection runs and messages by type. */
async function phase(run: () => Promise<void>) {
  detections = 0;
  asked = [];
  await run();
  const messages: Record<string, number> = {};
  for (const type of asked) messages[type] = (messages[type] ?? 0) + 1;
  return { detections, messages };
}

export async function measure(highlightCount: number, editCount: number, switches: number) {
  await idle(50);
  const paragraphs = [...document.querySelectorAll('p')].filter((p) => p.firstChild?.nodeType === 3 && (p.textContent ?? '').length > 60);
  let session: ContentSession = start();
  await idle(100);
  const create = await phase(async () => {
    for (const paragraph of paragraphs.slice(0, highlightCount)) {
      select(paragraph);
      const result = await session.handlers['content.highlightSelection']({}, {} as never);
      if (!result.ok) throw new Error(`could not highlight: ${result.reason}`);
    }
  });
  session.stop();
  // The publisher edits a word in some highlighted passages; the next visit anchors them fuzzily.
  for (const paragraph of paragraphs.slice(0, editCount)) {
    const text = paragraph.firstChild as Text;
    text.data = text.data.replace(/[A-Za-z\u4e00-\u9fff]{2}/, (word) => `${word}X`);
  }
  const load = await phase(async () => {
    session = start();
    for (let i = 0; i < 100 && !asked.includes('highlight.statuses'); i++) await idle(20);
    await idle(300);
  });
  const tabSwitch = await phase(async () => {
    for (let i = 0; i < switches; i++) await session.handlers['content.summary'](null, {} as never);
  });
  const fuzzy = [...stored.values()].filter((h) => h.status === 'anchored-fuzzy').length;
  session.stop();
  return { highlights: stored.size, fuzzy, create, load, tabSwitch, switches };
}
