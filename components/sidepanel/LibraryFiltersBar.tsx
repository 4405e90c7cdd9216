import { TagTree } from '@/components/tags';
import type { LibraryFilters, LibrarySort } from '@/lib/search';
import type { TagUse } from '@/lib/tags/tag-tree';
import { HIGHLIGHT_COLORS } from '@/lib/highlight/colors';
import { ColorDot } from '../ColorDot';
import { useI18n } from '../i18n';

const dayStart = (value: string) => (value ? Date.parse(`${value}T00:00:00`) : undefined);
const dayEnd = (value: string) => (value ? Date.parse(`${value}T00:00:00`) + 86_400_000 : undefined);
const asDay = (ms: number | undefined, shift = 0) => (ms === undefined ? '' : new Date(ms - shift).toLocaleDateString('sv'));

/** Tag (as a tree: `politics/local` under `politics`), colour, site, dates, has-note, orphans, sort. */
export function LibraryFiltersBar(props: {
  tags: readonly TagUse[];
  sites: readonly string[];
  filters: LibraryFilters;
  onFilters: (filters: LibraryFilters) => void;
  sort: LibrarySort;
  onSort: (sort: LibrarySort) => void;
  colorName: (id: string) => string;
}) {
  const { t } = useI18n();
  const { filters, onFilters, colorName } = props;
  const set = (patch: Partial<LibraryFilters>) => onFilters({ ...filters, ...patch });
  const colors = filters.colors ?? [];

  return (
    <fieldset class="filters">
      <legend class="visually-hidden">{t('filtersLabel')}</legend>
      <div class="filter-row">
        <select aria-label={t('filterSite')} value={filters.sites?.[0] ?? ''} onChange={(e) => {
          const value = (e.target as HTMLSelectElement).value;
          set({ sites: value ? [value] : undefined });
        }}>
          <option value="">{t('anySite')}</option>
          {props.sites.map((site) => <option key={site} value={site}>{site}</option>)}
        </select>
        <select aria-label={t('sortLabel')} value={props.sort} onChange={(e) => props.onSort((e.target as HTMLSelectElement).value as LibrarySort)}>
          <option value="annotated">{t('sortAnnotated')}</option>
          <option value="published">{t('sortPublished')}</option>
        </select>
      </div>
      {props.tags.length > 0 && (
        <details class="tag-filter">
          <summary>{t('filterTag')}{filters.tags?.[0] ? `: ${filters.tags[0]}` : ''}</summary>
          <TagTree tags={props.tags} selected={filters.tags?.[0] ?? null} onSelect={(path) => set({ tags: path ? [path] : undefined })} />
        </details>
      )}
      <div class="filter-row color-filters" role="group" aria-label={t('filterColor')}>
        {HIGHLIGHT_COLORS.map((color) => {
          const on = colors.includes(color.id);
          return (
            <button
              key={color.id}
              class={on ? 'chip is-on' : 'chip'}
              aria-pressed={on}
              aria-label={t('colorFilterLabel', colorName(color.id))}
              onClick={() => set({ colors: on ? colors.filter((c) => c !== color.id) : [...colors, color.id] })}
            >
              <ColorDot color={color.id} />
              {colorName(color.id)}
            </button>
          );
        })}
      </div>
      <div class="filter-row">
        <label class="inline-field">{t('filterFrom')}
          <input type="date" value={asDay(filters.annotatedFrom)} onChange={(e) => set({ annotatedFrom: dayStart((e.target as HTMLInputElement).value) })} />
        </label>
        <label class="inline-field">{t('filterTo')}
          <input type="date" value={asDay(filters.annotatedTo, 86_400_000)} onChange={(e) => set({ annotatedTo: dayEnd((e.target as HTMLInputElement).value) })} />
        </label>
      </div>
      <div class="filter-row">
        <label class="inline-field">
          <input type="checkbox" checked={filters.hasNote === true} onChange={(e) => set({ hasNote: (e.target as HTMLInputElement).checked ? true : undefined })} />
          {t('filterHasNote')}
        </label>
        <label class="inline-field">
          <input type="checkbox" checked={filters.statuses?.includes('orphan') ?? false} onChange={(e) => set({ statuses: (e.target as HTMLInputElement).checked ? ['orphan'] : undefined })} />
          {t('filterOrphans')}
        </label>
        <button class="link-button" onClick={() => onFilters({})}>{t('clearFilters')}</button>
      </div>
    </fieldset>
  );
}
