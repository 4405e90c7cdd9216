/** The palette offered for tags: named, so the choice is announced by name rather than as a hex code. */
import type { MessageKey } from '@/lib/i18n';

export const TAG_COLOURS: readonly { value: string | null; nameKey: MessageKey }[] = [
  { value: null, nameKey: 'tagColourNone' },
  { value: '#d64545', nameKey: 'tagColourRed' },
  { value: '#e07b24', nameKey: 'tagColourOrange' },
  { value: '#c9a227', nameKey: 'tagColourYellow' },
  { value: '#3a9a5b', nameKey: 'tagColourGreen' },
  { value: '#3b73c4', nameKey: 'tagColourBlue' },
  { value: '#8a56c2', nameKey: 'tagColourPurple' },
  { value: '#7a7a7a', nameKey: 'tagColourGrey' },
];
