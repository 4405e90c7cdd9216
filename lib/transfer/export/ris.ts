/** RIS (hand-written: @citation-js/plugin-ris does not work with core 0.9). One NEWS (or ELEC, a web page) record per article. */
import type { ArticleRecord } from '../../model/records';
import type { CslName } from './citation';
import { toCslItems, type CslItem } from './csl';

function risName(name: CslName): string {
  if ('literal' in name) return name.literal;
  return [name.family, name.given, name.suffix].filter(Boolean).join(', ');
}

// A tag's value is one line: RIS has no escaping, so line breaks become spaces.
function line(tag: string, value: string | undefined | null): string | null {
  if (!value) return null;
  return `${tag}  - ${value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim()}`;
}

function risDate(parts: number[] | undefined): string | undefined {
  if (!parts?.length) return undefined;
  const [y, m, d] = parts;
  return `${y}/${m ? String(m).padStart(2, '0') : ''}/${d ? String(d).padStart(2, '0') : ''}/`;
}

function record(item: CslItem): string {
  const lines = [
    item.type === 'webpage' ? 'TY  - ELEC' : 'TY  - NEWS',
    line('ID', item.id),
    line('TI', item.title),
    ...(item.author ?? []).map((a) => line('AU', risName(a))),
    ...(item.editor ?? []).map((a) => line('ED', risName(a))),
    line('T2', item['container-title']),
    line('SE', item.section),
    line('SP', item.page),
    line('PY', item.issued?.['date-parts'][0]?.[0]?.toString()),
    line('DA', risDate(item.issued?.['date-parts'][0])),
    line('Y2', risDate(item.accessed['date-parts'][0])),
    line('UR', item.URL),
    line('LA', item.language),
    line('N1', item.note),
    'ER  - ',
  ];
  return lines.filter((l): l is string => l !== null).join('\r\n');
}

export function toRis(articles: readonly ArticleRecord[]): string {
  return `${toCslItems(articles).map(record).join('\r\n\r\n')}\r\n`;
}
