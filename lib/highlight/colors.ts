/** The five highlight colours. The id is what HighlightRecord.color stores. */
import type { MessageKey } from '@/lib/i18n';

export interface HighlightColor {
  id: string;
  /** i18n key of the default name (users may rename colours later in options). */
  nameKey: MessageKey;
  /** Background on light pages (text keeps its own colour). */
  light: string;
  /** Background on dark pages: deeper, translucent, so light text stays readable. */
  dark: string;
  /** Solid swatch for buttons and the bucket bar. */
  swatch: string;
}

export const HIGHLIGHT_COLORS: readonly HighlightColor[] = [
  { id: 'yellow', nameKey: 'colorKeyPoint', light: 'rgba(255, 222, 60, 0.55)', dark: 'rgba(214, 170, 0, 0.45)', swatch: '#f5c400' },
  { id: 'green', nameKey: 'colorEvidence', light: 'rgba(120, 220, 120, 0.5)', dark: 'rgba(40, 160, 70, 0.5)', swatch: '#3fb950' },
  { id: 'blue', nameKey: 'colorQuestion', light: 'rgba(120, 180, 255, 0.5)', dark: 'rgba(40, 110, 220, 0.55)', swatch: '#3b82f6' },
  { id: 'pink', nameKey: 'colorDisagree', light: 'rgba(255, 140, 190, 0.5)', dark: 'rgba(210, 50, 120, 0.5)', swatch: '#ec4899' },
  { id: 'purple', nameKey: 'colorQuote', light: 'rgba(190, 150, 255, 0.5)', dark: 'rgba(130, 80, 220, 0.55)', swatch: '#8b5cf6' },
];

export const DEFAULT_COLOR_ID = 'yellow';

/** A colour we can paint: unknown ids (from a newer version, or a renamed palette) fall back to the default. */
export function colorOf(id: string | null | undefined): HighlightColor {
  return HIGHLIGHT_COLORS.find((color) => color.id === id) ?? HIGHLIGHT_COLORS[0]!;
}

/** Name of the CSS highlight (and fallback class) for a colour id. */
export const highlightName = (id: string) => `gloss-${colorOf(id).id}`;
