import { describe, expect, it } from 'vitest';
import { continuedStories, continuationScore, type StoryPart } from '@/lib/article/continued';
import { continuedFromMarker, continuedToMarker, pageLabelKey } from '@/lib/article/lines';

describe('continuation markers', () => {
  it.each([
    ['上接第1版', '1', ''],
    ['（上接第1版）', '1', ''],
    ['(上接第一版)化”进程中，耒阳', '一', '化”进程中，耒阳'],
    ['Continued from page A1', 'A1', ''],
    ['(Continued from Page 3) The council voted', '3', 'The council voted'],
    ["Cont'd from A1. Officials said", 'A1', 'Officials said'],
  ])('reads where %j comes from', (line, page, rest) => {
    const found = continuedFromMarker(line);
    expect(found?.continuation.page).toBe(page);
    expect(found?.rest).toBe(rest);
  });

  it.each([
    ['下转第2版', '2', ''],
    ['让群众把心里话说出来。（下转第2版）', '2', '让群众把心里话说出来。'],
    ['解开心结、理顺情绪。(转第八版)', '八', '解开心结、理顺情绪。'],
    ['The vote is set for March. (Continued on page A6)', 'A6', 'The vote is set for March.'],
    ['Continued on A6', 'A6', ''],
    ['See MAYOR, Page A6', 'A6', ''],
    ['The plan stalled. See BUDGET on Page 4', '4', 'The plan stalled.'],
  ])('reads where %j goes on', (line, page, rest) => {
    const found = continuedToMarker(line);
    expect(found?.continuation.page).toBe(page);
    expect(found?.rest).toBe(rest);
  });

  it.each([
    '他说，明天下转了第二个弯就到。',
    'We will see you on page 5.',
    'The story continued on and on.',
    'From page 1 the book is a delight.',
    '上接下来的工作，要靠大家。',
  ])('finds no marker in the prose %j', (line) => {
    expect(continuedFromMarker(line)).toBeNull();
    expect(continuedToMarker(line)).toBeNull();
  });

  it('compares page labels as pages', () => {
    expect(pageLabelKey('01')).toBe(pageLabelKey('1'));
    expect(pageLabelKey('第01版')).toBe(pageLabelKey('一'));
    expect(pageLabelKey('十二')).toBe('12');
    expect(pageLabelKey('二十')).toBe('20');
    expect(pageLabelKey('A06')).toBe(pageLabelKey('a6'));
    expect(pageLabelKey('Page A6')).toBe('A6');
    expect(pageLabelKey('A6')).not.toBe(pageLabelKey('B6'));
  });
});

function part(id: string, fields: Partial<StoryPart>): StoryPart {
  return {
    id, urlKey: `epaper.example/2022-09/05/node_${id}`, title: '「小屋场」撬动基层治理「大能量」', siteName: '衡阳日报',
    publishedDate: '2022-09-05', page: null, continuedFrom: null, continuedTo: null, ...fields,
  };
}

describe('continuedStories', () => {
  it('joins two parts by title and jump lines, first part first whatever the input order', () => {
    const front = part('1', { page: '01', continuedTo: '2' });
    const inside = part('2', { page: '02', continuedFrom: '1', title: '“小屋场”撬动基层治理“大能量”' });
    const other = part('3', { page: '02', title: '当好库区移民群众的“贴心人”' });
    expect(continuedStories([inside, other, front]).map((group) => group.map((a) => a.id))).toEqual([['1', '2'], ['3']]);
  });

  it('joins by the jump line page when the continued head is a different title', () => {
    const front = part('1', { page: 'A1', continuedTo: 'A6', title: 'Council approves the budget' });
    const inside = part('6', { page: 'A6', continuedFrom: 'A1', title: 'Spending plan wins narrow vote' });
    expect(continuationScore(front, inside)).toBe(1);
    expect(continuedStories([front, inside]).map((group) => group.map((a) => a.id))).toEqual([['1', '6']]);
  });

  it('follows a story over three pages', () => {
    const one = part('1', { page: '1', continuedTo: '2' });
    const two = part('2', { page: '2', continuedFrom: '1', continuedTo: '5' });
    const five = part('5', { page: '5', continuedFrom: '2' });
    expect(continuedStories([five, two, one]).map((group) => group.map((a) => a.id))).toEqual([['1', '2', '5']]);
  });

  it.each([
    ['another paper', { siteName: '湖南日报' }],
    ['another day', { publishedDate: '2022-09-06' }],
    ['no jump line on either side', { continuedFrom: null }, { continuedTo: null }],
    ['a jump line to another page', { page: '03' }],
    ['the same page', { urlKey: 'epaper.example/2022-09/05/node_1' }],
  ] as [string, Partial<StoryPart>, Partial<StoryPart>?][])('keeps parts apart for %s', (_, inside, front = {}) => {
    const a = part('1', { page: '01', continuedTo: '2', ...front });
    const b = part('2', { page: '02', continuedFrom: '1', ...inside });
    expect(continuedStories([a, b])).toHaveLength(2);
  });

  it('refuses to guess between two equally good continuations', () => {
    const front = part('1', { page: '1', continuedTo: '2', title: 'Front page story' });
    const b = part('2', { page: '2', continuedFrom: '1', title: 'One continued head' });
    const c = part('2b', { page: '2', continuedFrom: '1', title: 'Another continued head', urlKey: 'other/2' });
    expect(continuedStories([front, b, c])).toHaveLength(3);
    // A matching title settles it.
    const d = part('2c', { page: '2', continuedFrom: '1', title: 'Front page story', urlKey: 'other/3' });
    expect(continuedStories([front, b, d]).map((group) => group.map((a) => a.id))).toEqual([['1', '2c'], ['2']]);
  });
});
