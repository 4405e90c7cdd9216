/** Dates marked up in the page (<time datetime>, itemprop=datePublished) when metadata and header lines gave none. */
import { parseMachineDate, parseTextDate } from './dates';

export function markedUpDate(root: ParentNode, within: Element | null, now?: Date): string | null {
  const elements = Array.from(root.querySelectorAll('time[datetime], [itemprop~="datePublished"], time')).slice(0, 30);
  const ordered = within ? [...elements.filter((element) => within.contains(element)), ...elements.filter((element) => !within.contains(element))] : elements;
  for (const element of ordered) {
    if (element.closest('nav, footer, aside, [class*="comment" i], [class*="related" i]')) continue;
    const machine = element.getAttribute('datetime') ?? element.getAttribute('content');
    const parsed = (machine && parseMachineDate(machine)) || parseTextDate((element.textContent ?? '').slice(0, 200), now);
    if (parsed) return parsed;
  }
  return null;
}
