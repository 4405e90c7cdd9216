import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { LibraryFilters, LibraryQuery, LibrarySort } from '@/lib/search';
import { userErrorText } from '@/lib/messaging';
import { filterChoices, libraryHasHighlights, searchLibrary } from '../data/queries';
import { useQuery } from '../data/useQuery';
import { useI18n } from '../i18n';
import { useColorNames } from '../useColorNames';
import { ExportButton } from './ExportButton';
import { LibraryFiltersBar } from './LibraryFiltersBar';
import { Overview } from './Overview';
import { ResultItem } from './ResultItem';

const PAGE = 50;
const DEBOUNCE_MS = 120;

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

const isFiltered = (f: LibraryFilters) => Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined));

/** Moves focus between results with the arrow keys. */
function onListKey(e: KeyboardEvent) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const items = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[data-result]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next = items[e.key === 'ArrowDown' ? Math.min(items.length - 1, at + 1) : Math.max(0, at - 1)];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

/** "Library": search and filter every highlight; with neither, the overview and recent articles. */
export function LibraryView({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const { t, intl } = useI18n();
  const colorName = useColorNames();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>({});
  const [sort, setSort] = useState<LibrarySort>('annotated');
  const [limit, setLimit] = useState(PAGE);
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const searching = query !== '' || isFiltered(filters);
  const request: LibraryQuery = { query, filters, sort };

  // `filters` is state: a new object only when the user changes a filter.
  const [results] = useQuery(() => (searching ? searchLibrary({ ...request, limit }) : Promise.resolve(null)), [query, filters, sort, limit, searching]);
  useEffect(() => setLimit(PAGE), [query, filters, sort]);

  const [any] = useQuery(libraryHasHighlights, []);
  // The filters' choices read every tag and site: loaded once the first screen is up (or when searching).
  const [firstScreen, setFirstScreen] = useState(false);
  const wantOptions = firstScreen || searching;
  const [options] = useQuery(() => (wantOptions ? filterChoices() : Promise.resolve(null)), [wantOptions]);
  const libraryEmpty = any.status === 'ready' && !any.value;

  const countLabel = (total: number | null, shown: number) => {
    if (total === 1) return t('oneHighlight');
    // A broad query is answered page by page; its exact total would cost a full scan.
    const figure = total ?? shown;
    return t('articleHighlightCount', `${new Intl.NumberFormat(intl).format(figure)}${total === null ? '+' : ''}`);
  };

  return (
    <div class="library-view">
      <input
        ref={searchRef}
        type="search"
        class="search-input"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={text}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
      />
      {options.status === 'ready' && options.value && !libraryEmpty && (
        <LibraryFiltersBar tags={options.value.tags} sites={options.value.sites} filters={filters} onFilters={setFilters} sort={sort} onSort={setSort} colorName={colorName} />
      )}
      {libraryEmpty && <p class="gloss-card empty-state">{t('libraryEmpty')}</p>}
      {options.status === 'ready' && options.value && !libraryEmpty && (
        <div class="view-actions">
          <ExportButton tagNames={options.value.tags.map((tag) => tag.name)} />
        </div>
      )}
      {any.status === 'ready' && !libraryEmpty && !searching && <Overview onFirstScreen={() => setFirstScreen(true)} />}
      {searching && results.status === 'error' && <p role="alert">{userErrorText(t, results.error)}</p>}
      {searching && results.status === 'ready' && results.value && (
        <>
          <p class="gloss-muted results-count" aria-live="polite">
            {countLabel(results.value.total, results.value.items.length)}
          </p>
          {results.value.items.length === 0 ? (
            <p class="gloss-card empty-state">{t('noResults')}</p>
          ) : (
            <ul class="gloss-list result-list" onKeyDown={onListKey}>
              {results.value.items.map((item) => (
                <ResultItem key={item.highlight.id} item={item} colorName={colorName(item.highlight.color)} query={query} />
              ))}
            </ul>
          )}
          {results.value.nextOffset != null && (
            <button class="load-more" onClick={() => setLimit(limit + PAGE)}>{t('loadMore')}</button>
          )}
        </>
      )}
    </div>
  );
}
