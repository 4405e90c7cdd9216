import { useEffect, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS } from '@/lib/highlight/colors';
import { loadSettings, onSettingsChanged } from '@/lib/settings';
import { useI18n } from './i18n';

/** Display name of each colour id: the user's name from the options, else the default in the UI language. */
export function useColorNames(): (colorId: string) => string {
  const { t } = useI18n();
  const [custom, setCustom] = useState<Record<string, string>>({});
  useEffect(() => {
    void loadSettings().then((s) => setCustom(s.colorNames), () => undefined);
    return onSettingsChanged((s) => setCustom(s.colorNames));
  }, []);
  return (colorId) => {
    const named = custom[colorId]?.trim();
    if (named) return named;
    const color = HIGHLIGHT_COLORS.find((c) => c.id === colorId);
    return color ? t(color.nameKey) : colorId;
  };
}
