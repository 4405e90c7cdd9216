import { colorOf } from '@/lib/highlight/colors';

/** The colour swatch of a highlight; its name is given to screen readers unless a label beside it says it already. */
export function ColorDot({ color, label }: { color: string; label?: string }) {
  const style = { background: colorOf(color).swatch };
  if (!label) return <span class="gloss-dot" style={style} aria-hidden="true" />;
  return <span class="gloss-dot" style={style} role="img" aria-label={label} title={label} />;
}
