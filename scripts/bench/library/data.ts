/**
 * Generated library for the benchmark: articles and highlights mixing Chinese
 * and English sentences from the shared corpora, with tags, notes, colours,
 * dates and statuses spread like a real reader's. Deterministic (seeded RNG).
 */
import type { ArticleRecord, HighlightRecord } from '@/lib/model/records';
import { seededRandom } from '../seeded-random.mjs';

export interface Corpus {
  zh: string[];
  en: string[];
}

const SITES_ZH = ['衡阳日报', '人民网', '新华网', '南方周末', '澎湃新闻', '财新', '湖南日报', '光明日报'];
const SITES_EN = ['The Guardian', 'Reuters', 'BBC News', 'The Verge', 'WSJ', 'Ars Technica', 'NPR', 'The Atlantic'];
const TAGS = [
  'politics', 'politics/local', 'politics/china', 'economy', 'economy/trade', 'tech', 'tech/apple', 'health',
  '基层治理', '信访', '政务服务', '乡村振兴', 'climate', 'to-read', 'quotes', 'research/methods',
];
const COLORS = ['yellow', 'yellow', 'yellow', 'green', 'blue', 'pink', 'purple'];
const NAMES_ZH = ['周瑞华', '谭明星', '罗军', '李明', '王芳', '张伟'];
const NAMES_EN = ['Jane Roe', 'John Smith', 'Maria Garcia', 'Wei Chen', 'Ahmed Khan', 'Laura Jones'];
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

export interface LibraryOptions {
  /** One more tag, on exactly `count` highlights (every k-th one, so spread over time): what a rename or merge moves. */
  carriedTag?: { name: string; count: number };
}

export function generateLibrary(corpus: Corpus, articleCount: number, highlightCount: number, options: LibraryOptions = {}) {
  const random = seededRandom(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Chinese sentences recombined from their clauses, so quotes are not just a few dozen repeats.
  const zhClauses = corpus.zh.flatMap((s) => s.split(/[，、：；。！？]/u)).filter((c) => c.length >= 4);
  const zhSentence = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(zhClauses)).join('，') + '。';
  const enSentence = () => pick(corpus.en);

  const articles: ArticleRecord[] = [];
  const highlights: HighlightRecord[] = [];
  const perArticle = highlightCount / articleCount;
  let made = 0;
  for (let i = 0; i < articleCount; i++) {
    const zh = random() < 0.5;
    const sentence = zh ? zhSentence : enSentence;
    const id = `article-${i}`;
    const published = START - Math.floor(random() * 900) * DAY;
    const text = Array.from({ length: 25 }, sentence).join(zh ? '' : ' ');
    const want = i === articleCount - 1 ? highlightCount - made : Math.max(1, Math.round(perArticle * (0.3 + random() * 1.4)));
    let updatedAt = published;
    const first = published + Math.floor(random() * 30 * DAY);
    for (let k = 0; k < want && made < highlightCount; k++, made++) {
      const createdAt = first + Math.floor(random() * 60 * DAY);
      updatedAt = Math.max(updatedAt, createdAt);
      const exact = random() < 0.7 ? sentence() : sentence() + (zh ? '' : ' ') + sentence();
      highlights.push({
        id: `h-${made}`,
        articleId: id,
        urlKey: `news.example/${i}`,
        selectors: { quote: { type: 'TextQuoteSelector', exact: exact.slice(0, 400), prefix: '', suffix: '' }, position: null, pagePosition: null },
        color: pick(COLORS),
        note: random() < 0.2 ? (random() < 0.5 ? zhSentence() : enSentence()) : '',
        tags: random() < 0.35 ? [...new Set([pick(TAGS), ...(random() < 0.3 ? [pick(TAGS)] : [])])] : [],
        status: random() < 0.03 ? 'orphan' : 'anchored',
        currentText: null,
        createdAt,
        updatedAt: createdAt,
      });
    }
    articles.push({
      id,
      urlKey: `news.example/${i}`,
      storyKey: '0',
      url: `https://news.example/${i}`,
      title: zh ? pick(zhClauses) + '，' + pick(zhClauses) : enSentence().split(' ').slice(0, 9).join(' '),
      kicker: zh && random() < 0.5 ? pick(zhClauses) : null,
      subtitle: null,
      authors: [{ name: pick(zh ? NAMES_ZH : NAMES_EN), role: null }],
      editors: [],
      siteName: pick(zh ? SITES_ZH : SITES_EN),
      section: null,
      publishedDate: random() < 0.9 ? new Date(published).toISOString().slice(0, 10) : null,
      lang: zh ? 'zh-CN' : 'en',
      text,
      tags: [],
      userEdited: [],
      createdAt: published,
      updatedAt,
    });
  }
  // Added without drawing from the RNG, so the rest of the library is the same with or without it.
  const carried = options.carriedTag;
  if (carried) {
    const step = Math.max(1, Math.floor(highlights.length / carried.count));
    for (let i = 0; i < highlights.length && i < carried.count * step; i += step) highlights[i]!.tags.push(carried.name);
  }
  return { articles, highlights, tagNames: carried ? [...TAGS, carried.name] : [...TAGS] };
}
