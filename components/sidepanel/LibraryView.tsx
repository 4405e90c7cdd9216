import type { RefObject } from 'preact';
import { useI18n } from '../i18n';

export function LibraryView({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useI18n();
  return (
    <div class="library-view">
      <input ref={searchRef} type="search" class="search-input" aria-label={t('searchLabel')} placeholder={t('searchPlaceholder')} />
    </div>
  );
}
