import type { LibraryHighlight } from '@/lib/search';
import { ColorDot } from '../ColorDot';
import { useI18n } from '../i18n';
import { formatTime } from './HighlightCard';
import { openUrl } from './open-url';

const SNIPPET = 220;

/** The first folded-insensitive occurrence of the query's first word, for a <mark> (text only, never HTML). */
function splitOnMatch(text: string, query: string): [string, string, string] | null {
  const word = query.split(/\s+/)[0];
  if (!word) return null;
  const at = text.toLowerCase().indexOf(word.toLowerCase());
  return at < 0 ? null : [text.slice(0, at), text.slice(at, at + word.length), text.slice(at + word.length)];
}

/** One search result: quote, note, tags, and the article it came from; Enter or click opens the article. */
export function ResultItem({ item, colorName, query }: { item: LibraryHighlight; colorName: string; query: string }) {
  const { t, intl } = useI18n();
  const { highlight: h, article } = item;
  const quote = h.selectors.quote.exact.length > SNIPPET ? `${h.selectors.quote.exact.slice(0, SNIPPET)}…` : h.selectors.quote.exact;
  const parts = splitOnMatch(quote, query);
  const open = () => article && openUrl(article.url);
  return (
    <li
      class="gloss-card result-item"
      data-result
      tabIndex={0}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter') open();
      }}
      aria-label={`${colorName}: ${quote}`}
    >
      <div class="highlight-head">
        <ColorDot color={h.color} label={colorName} />
        <span class="gloss-muted">{colorName}</span>
        {h.status === 'orphan' && <span class="badge">{t('orphanBadge')}</span>}
        <time class="gloss-muted highlight-time" dateTime={new Date(h.createdAt).toISOString()}>
          {formatTime(intl, h.createdAt)}
        </time>
      </div>
      <blockquote class="gloss-quote">{parts ? <>{parts[0]}<mark>{parts[1]}</mark>{parts[2]}</> : quote}</blockquote>
      {h.note && <p class="highlight-note">{h.note}</p>}
      {h.tags.length > 0 && (
        <ul class="tag-chips">{h.tags.map((tag) => <li class="tag-chip" key={tag}>{tag}</li>)}</ul>
      )}
      {article && (
        <p class="result-source gloss-muted">
          {article.title || t('untitled')}
          {article.siteName && ` · ${article.siteName}`}
        </p>
      )}
    </li>
  );
}
