import { useMemo, useState } from 'preact/hooks';
import type { ArticleChange } from '@/lib/db/versions';
import { compactDiff, wordDiff } from '@/lib/versions';
import { changeOfArticle } from '../data/queries';
import { useQuery } from '../data/useQuery';
import { useI18n } from '../i18n';

/** "Changed since you clipped it", with the dates, for an article whose text changed; nothing otherwise. */
export function ArticleChanges({ articleId }: { articleId: string }) {
  const [change] = useQuery(() => changeOfArticle(articleId), [articleId]);
  return change.status === 'ready' && change.value ? <ChangeNotice change={change.value} /> : null;
}

export function ChangeNotice({ change }: { change: ArticleChange }) {
  const { t, intl } = useI18n();
  const [open, setOpen] = useState(false);
  const date = (at: number) => new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  const parts = useMemo(() => (open ? compactDiff(wordDiff(change.first.text, change.latest.text)) : []), [open, change]);
  const diffId = `changes-${change.articleId}`;
  return (
    <section class="gloss-card article-changed" aria-label={t('changedSinceClipped')}>
      <p class="changed-title">{t('changedSinceClipped')}</p>
      <p class="gloss-muted article-meta">{t('changedDates', date(change.first.seenAt), date(change.latest.lastSeenAt))}</p>
      <button class="link-button" aria-expanded={open} aria-controls={diffId} onClick={() => setOpen(!open)}>
        {open ? t('hideChanges') : t('showChanges')}
      </button>
      {open && (
        <div id={diffId}>
          <p class="gloss-muted article-meta">{t('changesLegend')}</p>
          {/* Page text as Preact text nodes only: never markup. */}
          <p class="version-diff">
            {parts.map((part, i) =>
              part.kind === 'added' ? <ins key={i}>{part.text}</ins> : part.kind === 'removed' ? <del key={i}>{part.text}</del> : <span key={i}>{part.text}</span>,
            )}
          </p>
        </div>
      )}
    </section>
  );
}
