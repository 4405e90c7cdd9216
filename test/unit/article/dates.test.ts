import { describe, expect, it } from 'vitest';
import { dateFromUrl, isDateOnlyLine, parseMachineDate, parseTextDate } from '@/lib/article/dates';

describe('parseMachineDate', () => {
  it('keeps ISO dates with offsets', () => {
    expect(parseMachineDate('2022-09-05T07:58:12+08:00')).toBe('2022-09-05T07:58:12+08:00');
    expect(parseMachineDate('2016-12-22T16:48:00Z')).toBe('2016-12-22T16:48:00Z');
    expect(parseMachineDate('2015-03-26T09:00:00.000-0400')).toBe('2015-03-26T09:00:00-04:00');
  });
  it('reads meta forms without a zone', () => {
    expect(parseMachineDate('2022-09-05 07:58:12')).toBe('2022-09-05T07:58:12');
    expect(parseMachineDate('2022-09-04 21:47:15.0')).toBe('2022-09-04T21:47:15');
    expect(parseMachineDate('20220905')).toBe('2022-09-05');
  });
  it('rejects junk', () => {
    expect(parseMachineDate('not a date')).toBeNull();
    expect(parseMachineDate('2022-13-45')).toBeNull();
  });
});

describe('parseTextDate', () => {
  it('reads Chinese printed dates', () => {
    expect(parseTextDate('2022年9月5日 星期一')).toBe('2022-09-05');
    expect(parseTextDate('发布时间：2022年09月05日 08:30')).toBe('2022-09-05T08:30');
    expect(parseTextDate('《衡阳日报》 2022-09-05 第01版：要闻')).toBe('2022-09-05');
    expect(parseTextDate('2005-5-7 21:23:57')).toBe('2005-05-07T21:23:57');
    expect(parseTextDate('2022/9/5')).toBe('2022-09-05');
  });
  it('reads English printed dates', () => {
    expect(parseTextDate('Updated Sept. 5, 2022')).toBe('2022-09-05');
    expect(parseTextDate('September 5, 2022 8:30 PM')).toBe('2022-09-05T20:30');
    expect(parseTextDate('Published 5 September 2022')).toBe('2022-09-05');
    expect(parseTextDate('June 12th, 2019')).toBe('2019-06-12');
  });
  it('resolves relative dates against now', () => {
    const now = new Date('2022-09-05T12:00:00Z');
    expect(parseTextDate('5 hours ago', now)).toBe('2022-09-05T07:00:00Z');
    expect(parseTextDate('3 days ago', now)).toBe('2022-09-02');
    expect(parseTextDate('2小时前', now)).toBe('2022-09-05T10:00:00Z');
    expect(parseTextDate('5 hours ago')).toBeNull();
  });
});

describe('dateFromUrl', () => {
  it('finds edition and portal dates in addresses', () => {
    expect(dateFromUrl('http://epaper.hyrb.example/html/2022-09/05/node_2.htm')).toBe('2022-09-05');
    expect(dateFromUrl('https://www.hyqss.example/news/hengyang/202209/t20220905_4410237.html')).toBe('2022-09-05');
    expect(dateFromUrl('https://www.example.com/2019/06/12/world/story.html')).toBe('2019-06-12');
    expect(dateFromUrl('https://www.example.com/about/')).toBeNull();
  });
});

describe('parseTextDate (European and US forms)', () => {
  it('reads day-first dotted dates and month names in German, French and Spanish', () => {
    expect(parseTextDate('Stand: 05.09.2022')).toBe('2022-09-05');
    expect(parseTextDate('05.09.2022, 08:30 Uhr')).toBe('2022-09-05T08:30');
    expect(parseTextDate('Von Claudia Lindner 27.1.2022 - Bei der')).toBe('2022-01-27');
    expect(parseTextDate('Datum: 26. Januar 2022')).toBe('2022-01-26');
    expect(parseTextDate('VON MORITZ GATHMANN am 21. April 2020')).toBe('2020-04-21');
    expect(parseTextDate('12. März 2021')).toBe('2021-03-12');
    expect(parseTextDate('le 3 mars 2021 à 10h')).toBe('2021-03-03');
    expect(parseTextDate('5 de mayo de 2022')).toBe('2022-05-05');
  });
  it('reads slashed dates only when the order is certain', () => {
    expect(parseTextDate('9/17/2004 5:54:13 AM')).toBe('2004-09-17T05:54:13');
    expect(parseTextDate('7/5/2005 9:23:57 PM')).toBe('2005-07-05T21:23:57');
    expect(parseTextDate('17/9/2004')).toBe('2004-09-17');
    expect(parseTextDate('5/9/2004')).toBeNull();
  });
  it('leaves numbers that are not dates alone', () => {
    expect(parseTextDate('Bereits 9.087 Feststellungen')).toBeNull();
    expect(parseTextDate('Mai 2022 war gut')).toBeNull();
  });
});

describe('isDateOnlyLine', () => {
  it('knows a printed dateline from a sentence that holds a date', () => {
    for (const line of ['November 30, 2026', '2026年11月30日 星期一 08:30', 'Mon 30.11.2026, 8:30 am', '30. November 2026 um 14:05 Uhr', '2026-11-30 08:30']) {
      expect(isDateOnlyLine(line), line).toBe(true);
    }
    for (const line of ['On November 30, 2026 the council met.', '本报讯 2026年11月30日', 'Updated November 30, 2026', 'No date here']) {
      expect(isDateOnlyLine(line), line).toBe(false);
    }
  });
});
