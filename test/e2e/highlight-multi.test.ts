/**
 * A multi-story e-paper page: a highlight belongs to the story it is in (the
 * article record carries that story's detected title), and a selection across
 * two stories is refused with a message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, sharedFixtureRoute, startServer, type Launched, type StaticServer } from './harness';
import { collectGlossErrors, highlightWithKey, paintedTexts, readStore, selectText, waitForPainted } from './highlight-helpers';
import { uiOf } from './page-ui';

const PAGE = '/fixtures/news-zh/01-epaper-layout-front-page.html';
let browser: Launched;
let server: StaticServer;

beforeAll(async () => {
  server = await startServer(sharedFixtureRoute);
  browser = await launchChromium({ extension: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('highlights on a multi-story page', () => {
  it('files a highlight under its own story and refuses a selection across two stories', async () => {
    const page = await browser.context.newPage();
    const errors = collectGlossErrors(page);
    await page.goto(server.origin + PAGE);
    await highlightWithKey(page, 'h', '以前纳税、要跑到税务局');
    await waitForPainted(page, 1);
    const highlights = await readStore<{ articleId: string; selectors: { quote: { exact: string } } }>(browser, 'highlights');
    const articles = await readStore<{ id: string; title: string; storyKey: string }>(browser, 'articles');
    const saved = highlights.find((h) => h.selectors.quote.exact === '以前纳税、要跑到税务局')!;
    const article = articles.find((a) => a.id === saved.articleId)!;
    expect(article.title).toContain('一次都不用跑');

    // From the end of the first story into the second.
    await highlightWithKey(page, 'h', '化解率达100%', '以前纳税');
    await uiOf(page).waitFor('.message');
    expect(await uiOf(page).text('.message')).toMatch(/two articles|两篇文章/);
    expect(Object.values(await paintedTexts(page)).flat()).toEqual(['以前纳税、要跑到税务局']);

    await page.reload();
    await waitForPainted(page, 1);
    expect((await paintedTexts(page))['gloss-yellow']).toEqual(['以前纳税、要跑到税务局']);
    // Selecting inside one story after a reload still works (detection runs again).
    await selectText(page, '市委副书记赖馨正');
    await uiOf(page).waitFor('.toolbar');
    expect(errors).toEqual([]);
    await page.close();
  });
});
