import { describe, expect, it } from 'vitest';
import { isEditorLine, parseBylineLine, parseCreditList, parseDateline, parseEditorLine, parseEnglishByline } from '@/lib/article/byline';
import { parseInfoLine } from '@/lib/article/story';

describe('parseDateline (Chinese)', () => {
  it('splits 报讯 lead-ins with credits off the first paragraph', () => {
    const lead = parseDateline('　　衡阳日报讯 (全媒体记者 周瑞华 通讯员 谭明星 罗军) “感谢屋场恳谈会，解决了我们的纠纷。”');
    expect(lead?.text).toBe('衡阳日报讯 (全媒体记者 周瑞华 通讯员 谭明星 罗军)');
    expect(lead?.rest).toBe('“感谢屋场恳谈会，解决了我们的纠纷。”');
    expect(lead?.credits).toEqual([
      { name: '周瑞华', role: '全媒体记者' },
      { name: '谭明星', role: '通讯员' },
      { name: '罗军', role: '通讯员' },
    ]);
  });
  it('handles no space before the parenthesis or the body', () => {
    const lead = parseDateline('衡阳日报讯(全媒体记者 唐翔)“以前纳税、要跑到税务局”');
    expect(lead?.text).toBe('衡阳日报讯(全媒体记者 唐翔)');
    expect(lead?.rest).toBe('“以前纳税、要跑到税务局”');
    expect(lead?.credits).toEqual([{ name: '唐翔', role: '全媒体记者' }]);
  });
  it('reads agency datelines', () => {
    const lead = parseDateline('新华社北京9月5日电（记者 张三、李四）国务院总理今天主持会议。');
    expect(lead?.text).toBe('新华社北京9月5日电（记者 张三、李四）');
    expect(lead?.credits.map((credit) => credit.name)).toEqual(['张三', '李四']);
    expect(parseDateline('本报讯 记者从市政府获悉，……')?.text).toBe('本报讯');
  });
  it('leaves ordinary sentences alone', () => {
    expect(parseDateline('通讯员今天到村里走访。')).toBeNull();
    expect(parseDateline('国家电网公司今天宣布，')).toBeNull();
    expect(parseDateline('近年来，衡南县力推新模式。')).toBeNull();
  });
});

describe('parseDateline (English)', () => {
  it('reads wire-style datelines', () => {
    expect(parseDateline('WASHINGTON (AP) — The Senate voted on Tuesday.')).toEqual({ text: 'WASHINGTON (AP) —', credits: [], rest: 'The Senate voted on Tuesday.' });
    expect(parseDateline('BEIJING, Sept 5 (Reuters) - China said on Monday')?.text).toBe('BEIJING, Sept 5 (Reuters) -');
    expect(parseDateline('The president said on Monday - again - that')).toBeNull();
  });
});

describe('credit lines', () => {
  it('takes the role word as printed, without the organisation', () => {
    expect(parseBylineLine('■衡阳日报全媒体记者 周琪')).toEqual([{ name: '周琪', role: '全媒体记者' }]);
    expect(parseCreditList('本报记者 王五 实习生 赵六')).toEqual([{ name: '王五', role: '本报记者' }, { name: '赵六', role: '实习生' }]);
    expect(parseCreditList('■全媒体记者 胡亚华 摄')).toEqual([{ name: '胡亚华', role: '全媒体记者' }]);
    expect(parseCreditList('胡亚华 摄')).toEqual([{ name: '胡亚华', role: '摄' }]);
  });
  it('reads labelled bylines', () => {
    expect(parseBylineLine('作者：周瑞华 谭明星 罗军')).toEqual([
      { name: '周瑞华', role: null }, { name: '谭明星', role: null }, { name: '罗军', role: null },
    ]);
    expect(parseBylineLine('文/图 张三')?.[0]).toEqual({ name: '张三', role: '文/图' });
    expect(parseBylineLine('近年来，衡南县力推“屋场恳谈会+信访”新模式，狠抓源头治理。')).toBeNull();
  });
  it('reads English bylines', () => {
    expect(parseBylineLine('By Jane Doe and John Smith')).toEqual([{ name: 'Jane Doe', role: null }, { name: 'John Smith', role: null }]);
    expect(parseEnglishByline('By Jane Doe, Staff Writer')).toEqual([{ name: 'Jane Doe', role: 'Staff Writer' }]);
    expect(parseEnglishByline('Jane Doe | Reuters')).toEqual([{ name: 'Jane Doe', role: 'Reuters' }]);
  });
  it('keeps editors apart', () => {
    expect(isEditorLine('责任编辑：刘颖')).toBe(true);
    expect(isEditorLine('记者 张三')).toBe(false);
    expect(parseEditorLine('编辑：邓可 责任编辑：刘颖 审核：王五')).toEqual([
      { name: '邓可', role: '编辑' }, { name: '刘颖', role: '责任编辑' }, { name: '王五', role: '审核' },
    ]);
    expect(parseEditorLine('Edited by Jane Doe and Max Mustermann')).toEqual([
      { name: 'Jane Doe', role: 'Edited by' }, { name: 'Max Mustermann', role: 'Edited by' },
    ]);
  });
  it('reads portal info lines', () => {
    const info = parseInfoLine('2022-09-05 07:58:12 来源：衡阳日报 作者：唐翔 编辑：邓可 浏览量：-- 【字体：大 中 小】');
    expect(info).toEqual({ source: '衡阳日报', authors: [{ name: '唐翔', role: null }], editors: [{ name: '邓可', role: '编辑' }] });
    expect(parseInfoLine('2005年08月16日 来源：新华网 记者 伊琳 李清芬').authors).toEqual([
      { name: '伊琳', role: '记者' }, { name: '李清芬', role: '记者' },
    ]);
  });
});

describe('portal label variants', () => {
  it('reads 【作者】, 作者｜ and spaced colons, and stops at the next label', () => {
    expect(parseBylineLine('【作者】张三')).toEqual([{ name: '张三', role: null }]);
    expect(parseBylineLine('作者｜张三')).toEqual([{ name: '张三', role: null }]);
    expect(parseBylineLine('作者 : 张三')).toEqual([{ name: '张三', role: null }]);
    expect(parseBylineLine('作者：张三 来源：人民日报')).toEqual([{ name: '张三', role: null }]);
    // No name after the label: clock words are not names.
    expect(parseBylineLine('作者： 来源： 发布日期： 9/17/2004 5:54:13 AM')).toBeNull();
    expect(parseInfoLine('【来源】新华社 【作者】李四').authors).toEqual([{ name: '李四', role: null }]);
    expect(parseInfoLine('来源：新华社　作者：李四　发布时间：2022-09-05 08:30')).toEqual({
      source: '新华社', authors: [{ name: '李四', role: null }], editors: [],
    });
  });
  it('reads an outlet glued to a role word as the role', () => {
    expect(parseBylineLine('信报记者 蔡雪婧')).toEqual([{ name: '蔡雪婧', role: '记者' }]);
    expect(parseBylineLine('新华网黑龙江频道 记者 伊琳 李清芬')).toEqual([{ name: '伊琳', role: '记者' }, { name: '李清芬', role: '记者' }]);
    expect(parseCreditList('本报记者 张三')).toEqual([{ name: '张三', role: '本报记者' }]);
    expect(parseBylineLine('记者 张三 通讯员 李四')).toEqual([{ name: '张三', role: '记者' }, { name: '李四', role: '通讯员' }]);
  });
});

describe('Latin bylines with labels and date tails', () => {
  it('reads Von/Autor/Par bylines, German and French conjunctions, and cuts the date after the name', () => {
    expect(parseBylineLine('VON MORITZ GATHMANN am 21. April 2020')).toEqual([{ name: 'MORITZ GATHMANN', role: null }]);
    expect(parseBylineLine('Von Isabella.DiBiase am Samstag, 19. Oktober 2019 um 11:14 Uhr')).toEqual([{ name: 'Isabella.DiBiase', role: null }]);
    expect(parseBylineLine('Von:Moritz Pieczewski-Freimuth')).toEqual([{ name: 'Moritz Pieczewski-Freimuth', role: null }]);
    expect(parseBylineLine('Autor: Petra Ruland')).toEqual([{ name: 'Petra Ruland', role: null }]);
    expect(parseBylineLine('von Lars Fischer und Alina Schadwinkel')).toEqual([{ name: 'Lars Fischer', role: null }, { name: 'Alina Schadwinkel', role: null }]);
    expect(parseBylineLine('Par Jean Dupont et Marie Curie, le 3 mars 2021')).toEqual([{ name: 'Jean Dupont', role: null }, { name: 'Marie Curie', role: null }]);
    expect(parseBylineLine('By Jane E Doe')).toEqual([{ name: 'Jane E Doe', role: null }]);
    expect(parseBylineLine('Von der Leyen sagte am Montag')).toBeNull();
  });
});
