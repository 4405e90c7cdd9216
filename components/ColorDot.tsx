import { colorOf } from '@/lib/highlight/colors';

/** The colour swatch of a highlight; its name is given as text to screen readers. */
export function ColorDot({ color, label }: { color: string; label: string }) {
  return <span class="gloss-dot" style={{ background: colorOf(color).swatch }} role="img" aria-label={label} title={label} />;
}
