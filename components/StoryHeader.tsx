import type { DetectedStory } from '@/lib/messaging';
import { formatPublished } from './sidepanel/ArticleCard';
import { useI18n } from './i18n';

/** A detected story's kicker, title, subtitle, byline (with roles) and date, read-only. */
export function StoryHeader({ story }: { story: DetectedStory }) {
  const { intl } = useI18n();
  const published = formatPublished(story.publishedDate, intl);
  return (
    <div class="story-header">
      {story.kicker && <p class="article-kicker">{story.kicker}</p>}
      <strong class="story-title">{story.title}</strong>
      {story.subtitle && <p class="article-subtitle">{story.subtitle}</p>}
      {(story.authors.length > 0 || published) && (
        <p class="gloss-muted story-byline">
          {story.authors.map((a) => (a.role ? `${a.role} ${a.name}` : a.name)).join('、')}
          {story.authors.length > 0 && published ? ' · ' : ''}
          {published}
        </p>
      )}
    </div>
  );
}
