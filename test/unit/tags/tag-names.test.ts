import { describe, expect, it } from 'vitest';
import { checkTagName, cleanTagName, foldTagName, splitTagInput, tagIsWithin, tagLeaf, uniqueTagNames } from '../../../lib/tags/tag-names';
import { buildTagTree, flattenTagTree } from '../../../lib/tags/tag-tree';

describe('foldTagName', () => {
  it('folds width, case and whitespace', () => {
    expect(foldTagName('Ｃｈｉｎａ')).toBe('china');
    expect(foldTagName('  CHINA ')).toBe(foldTagName('china'));
    expect(foldTagName('Straße')).toBe(foldTagName('STRASSE'));
    expect(foldTagName('ﾆｭｰｽ')).toBe('ニュース');
    expect(foldTagName('Politics /  Local')).toBe('politics/local');
    expect(foldTagName('基层治理')).toBe('基层治理');
    expect(foldTagName('china')).not.toBe(foldTagName('chin a'));
  });
});

describe('checkTagName', () => {
  it('cleans, keeps case, and rejects empty, long and control-character names', () => {
    expect(checkTagName(' politics / local ')).toEqual({ ok: true, name: 'politics/local', nameKey: 'politics/local' });
    expect(checkTagName('Ｃｈｉｎａ')).toMatchObject({ ok: true, name: 'Ｃｈｉｎａ', nameKey: 'china' });
    expect(checkTagName(' / ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkTagName('a'.repeat(200)).ok).toBe(true);
    expect(checkTagName('a'.repeat(201))).toEqual({ ok: false, problem: 'too-long' });
    expect(checkTagName('a\u0000b')).toEqual({ ok: false, problem: 'control-chars' });
    expect(checkTagName('a\u0085b')).toEqual({ ok: false, problem: 'control-chars' });
    expect(checkTagName('two\nlines').ok).toBe(true);
    expect(cleanTagName('two\n lines')).toBe('two lines');
  });
});

describe('splitting and uniqueness', () => {
  it('splits on ASCII, full-width and ideographic commas, semicolons and newlines', () => {
    expect(splitTagInput('china, 信访，基层治理、 politics/local,,')).toEqual(['china', '信访', '基层治理', 'politics/local']);
    expect(splitTagInput('a; b；c\nd')).toEqual(['a', 'b', 'c', 'd']);
    expect(uniqueTagNames(['China', 'Ｃｈｉｎａ', 'china', '信访'])).toEqual(['China', '信访']);
  });
});

describe('hierarchy', () => {
  it('matches a tag under its parents only', () => {
    expect(tagIsWithin('politics/local', 'Politics')).toBe(true);
    expect(tagIsWithin('politics', 'politics')).toBe(true);
    expect(tagIsWithin('politicsx', 'politics')).toBe(false);
    expect(tagIsWithin('politics', 'politics/local')).toBe(false);
    expect(tagLeaf('politics/local/衡南县')).toBe('衡南县');
    expect(tagIsWithin('Politics/Local', 'politics')).toBe(true);
    expect(tagIsWithin('ｃｈｉｎａ', 'China')).toBe(true);
    expect(tagIsWithin('economy', 'politics')).toBe(false);
  });

  it('builds a sorted tree with own and total counts', () => {
    const tree = buildTagTree([
      { name: 'politics/local', count: 2 },
      { name: 'economy', count: 1 },
      { name: 'Politics/national', count: 3 },
      { name: 'politics', count: 1 },
    ]);
    expect(tree.map((n) => n.label)).toEqual(['economy', 'politics']);
    const politics = tree[1]!;
    expect(politics).toMatchObject({ isTag: true, count: 1, totalCount: 6 });
    expect(politics.children.map((c) => [c.label, c.path, c.count])).toEqual([
      ['local', 'politics/local', 2],
      ['national', 'Politics/national', 3],
    ]);
    const onlyParents = buildTagTree([{ name: 'a/b', count: 1 }]);
    expect(onlyParents[0]).toMatchObject({ isTag: false, count: 0, totalCount: 1 });
    expect(flattenTagTree(tree, new Set()).length).toBe(2);
    expect(flattenTagTree(tree, new Set(['politics'])).map((r) => [r.node.path, r.depth])).toEqual([
      ['economy', 1], ['politics', 1], ['politics/local', 2], ['Politics/national', 2],
    ]);
  });
});
