import type { HighlightRecord } from '@/lib/db/types';

/** A highlight's tags as chips. */
export function HighlightTags({ highlight }: { highlight: HighlightRecord; onChange: (tags: string[]) => Promise<void> }) {
  if (highlight.tags.length === 0) return null;
  return (
    <ul class="tag-chips">
      {highlight.tags.map((tag) => (
        <li class="tag-chip" key={tag}>{tag}</li>
      ))}
    </ul>
  );
}
