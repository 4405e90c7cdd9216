import { useState } from 'preact/hooks';
import type { HighlightRecord } from '@/lib/model/records';
import { colorOf } from '@/lib/highlight/colors';
import { ColorDot } from '../ColorDot';
import { useI18n } from '../i18n';

const CLAMP_CHARS = 280;

// One formatter per language: creating an Intl.DateTimeFormat per card costs more than rendering it.
const timeFormats = new Map<string, Intl.DateTimeFormat>();
export function formatTime(intl: string, time: number): string {
  let format = timeFormats.get(intl);
  if (!format) timeFormats.set(intl, (format = new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(time);
}

export interface HighlightActions {
  jump(h: HighlightRecord): void;
  saveNote(h: HighlightRecord, note: string): Promise<void>;
  saveTags(h: HighlightRecord, tags: string[]): Promise<void>;
  remove(h: HighlightRecord): void;
  reattach?(h: HighlightRecord): void;
  /** Quote, citation and passage link to the clipboard. */
  copyCitation?(h: HighlightRecord): void;
}

/** One highlight: colour, quote (clamped, expandable), what changed, note editor, tags, time, actions. */
export function HighlightCard(props: {
  highlight: HighlightRecord;
  colorName: string;
  /** Where the highlight is when that is not this page: a continued story's other page (`第02版`). */
  place?: string;
  /** An orphan: when its passage was last seen on the page (from the article's versions). */
  lastSeenAt?: number;
  actions: HighlightActions;
  renderTags?: (h: HighlightRecord) => preact.ComponentChildren;
}) {
  const { highlight: h, colorName, actions } = props;
  const { t, intl } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(h.note);
  const quote = h.selectors.quote.exact;
  const long = quote.length > CLAMP_CHARS;
  const shown = long && !expanded ? `${quote.slice(0, CLAMP_CHARS)}…` : quote;
  const orphan = h.status === 'orphan';

  const commit = async () => {
    if (draft !== h.note) await actions.saveNote(h, draft);
    setEditing(false);
  };

  return (
    <article
      class={`gloss-card highlight-card status-${h.status}`}
      data-highlight-id={h.id}
      aria-label={colorName}
      style={{ '--quote-color': colorOf(h.color).swatch }}
    >
      <div class="highlight-head">
        <ColorDot color={h.color} label={colorName} />
        <span class="gloss-muted highlight-color-name">{colorName}</span>
        {props.place && <span class="gloss-muted highlight-place">{props.place}</span>}
        <time class="gloss-muted highlight-time" dateTime={new Date(h.createdAt).toISOString()}>
          {formatTime(intl, h.createdAt)}
        </time>
      </div>
      <blockquote
        class={`gloss-quote${orphan ? '' : ' is-jumpable'}`}
        onClick={orphan ? undefined : () => actions.jump(h)}
      >
        {shown}
      </blockquote>
      {orphan && props.lastSeenAt !== undefined && (
        <p class="gloss-muted orphan-last-seen">{t('orphanLastSeen', formatTime(intl, props.lastSeenAt))}</p>
      )}
      {long && (
        <button class="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('showLess') : t('showMore')}
        </button>
      )}
      {h.status === 'anchored-fuzzy' && h.currentText != null && h.currentText !== quote && (
        <div class="fuzzy-diff">
          <p class="gloss-muted">{t('fuzzyChanged')}</p>
          <p><span class="diff-label">{t('fuzzyWas')}</span> <del>{quote}</del></p>
          <p><span class="diff-label">{t('fuzzyNow')}</span> <ins>{h.currentText}</ins></p>
        </div>
      )}
      {editing ? (
        <div class="note-editor">
          <textarea
            aria-label={t('editNote')}
            placeholder={t('notePlaceholder')}
            value={draft}
            rows={Math.min(10, Math.max(3, draft.split('\n').length + 1))}
            onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void commit();
              if (e.key === 'Escape') {
                setDraft(h.note);
                setEditing(false);
              }
              e.stopPropagation();
            }}
            ref={(el) => el?.focus()}
          />
          <div class="gloss-actions">
            <button class="primary" onClick={() => void commit()}>{t('save')}</button>
            <button onClick={() => { setDraft(h.note); setEditing(false); }}>{t('cancel')}</button>
          </div>
        </div>
      ) : (
        h.note && <p class="highlight-note">{h.note}</p>
      )}
      {props.renderTags?.(h)}
      <div class="gloss-actions highlight-actions">
        {!orphan && <button onClick={() => actions.jump(h)}>{t('jumpTo')}</button>}
        {!editing && <button onClick={() => { setDraft(h.note); setEditing(true); }}>{h.note ? t('editNote') : t('addNote')}</button>}
        {orphan && actions.reattach && <button onClick={() => actions.reattach!(h)}>{t('reattach')}</button>}
        {actions.copyCitation && <button class="copy-citation" onClick={() => actions.copyCitation!(h)}>{t('copyHighlightCitation')}</button>}
        <button class="danger" onClick={() => actions.remove(h)}>{t('delete')}</button>
      </div>
    </article>
  );
}
