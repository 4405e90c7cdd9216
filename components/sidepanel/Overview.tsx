import { useEffect } from 'preact/hooks';
import { monthlyActivity, popularTags, recentlyAnnotated } from '../data/queries';
import { useQuery } from '../data/useQuery';
import { useI18n } from '../i18n';
import { openUrl } from './open-url';

const MONTHS = 12;

/** Highlights per month (last 12) and top tags as small SVG bar charts, then recently annotated articles. */
export function Overview({ onFirstScreen }: { onFirstScreen?: () => void }) {
  const { t, intl } = useI18n();
  const since = new Date();
  since.setUTCMonth(since.getUTCMonth() - (MONTHS - 1), 1);
  since.setUTCHours(0, 0, 0, 0);
  const [recent] = useQuery(recentlyAnnotated, []);
  // The charts count across the whole library: they wait until the recent articles are on screen.
  const shown = recent.status === 'ready';
  useEffect(() => {
    if (shown) onFirstScreen?.();
  }, [shown]);
  const [activity] = useQuery(() => (shown ? monthlyActivity(since.getTime()) : Promise.resolve(null)), [shown]);
  const [tags] = useQuery(() => (shown ? popularTags() : Promise.resolve(null)), [shown]);

  const months = Array.from({ length: MONTHS }, (_, i) => {
    const d = new Date(since);
    d.setUTCMonth(since.getUTCMonth() + i);
    return d.toISOString().slice(0, 7);
  });
  const counts = new Map(activity.status === 'ready' && activity.value ? activity.value.map((b) => [b.period, b.count]) : []);
  const max = Math.max(1, ...counts.values());
  const monthName = new Intl.DateTimeFormat(intl, { month: 'short', timeZone: 'UTC' });
  const barWidth = 100 / MONTHS;

  return (
    <section class="overview" aria-labelledby="overview-heading">
      <h3 class="section-heading" id="overview-heading">{t('overviewHeading')}</h3>
      <div class="gloss-card">
        <p class="chart-title">{t('overTime')}</p>
        <svg class="chart" viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label={t('overTime')}>
          {months.map((month, i) => {
            const count = counts.get(month) ?? 0;
            const height = (count / max) * 34;
            return (
              <rect key={month} x={i * barWidth + barWidth * 0.15} y={38 - height} width={barWidth * 0.7} height={Math.max(height, 0.6)} class="bar">
                <title>{t('chartLabel', count, monthName.format(Date.parse(`${month}-01T00:00:00Z`)))}</title>
              </rect>
            );
          })}
        </svg>
        <div class="chart-axis" aria-hidden="true">
          {months.map((month, i) => <span key={month}>{i % 3 === 0 ? monthName.format(Date.parse(`${month}-01T00:00:00Z`)) : ''}</span>)}
        </div>
      </div>
      <div class="gloss-card">
        <p class="chart-title">{t('byTopic')}</p>
        {tags.status === 'ready' && tags.value?.length === 0 && <p class="gloss-muted">{t('noTagsYet')}</p>}
        {tags.status === 'ready' && tags.value && tags.value.length > 0 && (
          <ul class="gloss-list tag-bars">
            {tags.value.map((tag, _, all) => (
              <li key={tag.value}>
                <span class="tag-bar-name">{tag.value}</span>
                <span class="tag-bar" style={{ width: `${(tag.count / all[0]!.count) * 100}%` }} />
                <span class="gloss-muted">{tag.count}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <h3 class="section-heading">{t('recentArticles')}</h3>
      {recent.status === 'ready' && (
        <ul class="gloss-list recent-list">
          {recent.value.items.map(({ article, highlightCount }) => (
            <li key={article.id} class="gloss-card recent-item" data-result tabIndex={0}
              onClick={() => openUrl(article.url)} onKeyDown={(e) => e.key === 'Enter' && openUrl(article.url)}>
              <strong>{article.title || t('untitled')}</strong>
              <p class="gloss-muted">{[article.siteName, highlightCount === 1 ? t('oneHighlight') : t('articleHighlightCount', highlightCount)].filter(Boolean).join(' · ')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
