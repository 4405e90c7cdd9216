import { useState } from 'preact/hooks';
import type { ArticleRecord, Person } from '@/lib/model/records';
import { userErrorText, type ArticleCorrection } from '@/lib/messaging';
import { useI18n } from '../i18n';

/** "周瑞华 (全媒体记者)": one person as shown and as edited, one per line. */
const personLine = (p: Person) => (p.role ? `${p.name}, ${p.role}` : p.name);

export function parsePeople(text: string): Person[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, ...role] = line.split(/[,，]/);
      return { name: name!.trim(), role: role.join(',').trim() || null };
    });
}

export function formatPublished(value: string | null, intl: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(intl, dateOnly ? { dateStyle: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** The article's detected metadata, editable: a correction is kept and never overwritten by detection. */
export function ArticleCard({ article, onCorrect, onCopyCitation, label }: {
  article: ArticleRecord;
  onCorrect: (correction: ArticleCorrection) => Promise<void>;
  onCopyCitation?: () => void;
  label?: string;
}) {
  const { t, intl } = useI18n();
  const [editing, setEditing] = useState(false);
  if (editing) return <ArticleEditor article={article} onCancel={() => setEditing(false)} onSave={async (c) => { await onCorrect(c); setEditing(false); }} />;
  const published = formatPublished(article.publishedDate, intl);
  return (
    <header class="article-card" aria-label={label}>
      {label && <p class="gloss-muted story-label">{label}</p>}
      {article.kicker && <p class="article-kicker">{article.kicker}</p>}
      <h2 class="article-title">{article.title}</h2>
      {article.subtitle && <p class="article-subtitle">{article.subtitle}</p>}
      {article.authors.length > 0 && (
        <p class="article-authors">
          {article.authors.map((a, i) => (
            <span class="person" key={i}>
              {a.name}
              {a.role && <span class="role">{a.role}</span>}
            </span>
          ))}
        </p>
      )}
      <p class="gloss-muted article-meta">
        {[article.siteName, article.section, published].filter(Boolean).join(' · ')}
        {article.userEdited.length > 0 && <span class="corrected"> · {t('correctedNote')}</span>}
      </p>
      <div class="article-actions">
        <button class="link-button" onClick={() => setEditing(true)}>{t('editArticle')}</button>
        {onCopyCitation && <button class="link-button copy-citation" onClick={onCopyCitation}>{t('copyCitation')}</button>}
      </div>
    </header>
  );
}

function ArticleEditor({ article, onSave, onCancel }: {
  article: ArticleRecord;
  onSave: (correction: ArticleCorrection) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [fields, setFields] = useState({
    title: article.title,
    kicker: article.kicker ?? '',
    subtitle: article.subtitle ?? '',
    authors: article.authors.map(personLine).join('\n'),
    siteName: article.siteName ?? '',
    section: article.section ?? '',
    publishedDate: article.publishedDate ?? '',
  });
  const [error, setError] = useState('');
  const set = (name: keyof typeof fields) => (e: Event) => setFields({ ...fields, [name]: (e.target as HTMLInputElement).value });
  const orNull = (value: string) => value.trim() || null;

  const save = async (e: Event) => {
    e.preventDefault();
    const next: ArticleCorrection = {
      title: fields.title.trim() || article.title,
      kicker: orNull(fields.kicker),
      subtitle: orNull(fields.subtitle),
      authors: parsePeople(fields.authors),
      siteName: orNull(fields.siteName),
      section: orNull(fields.section),
      publishedDate: orNull(fields.publishedDate),
    };
    // Only what the user changed counts as a correction.
    const correction = Object.fromEntries(
      Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(article[key as keyof ArticleRecord])),
    ) as ArticleCorrection;
    try {
      await onSave(correction);
    } catch (err) {
      setError(userErrorText(t, err));
    }
  };

  const input = (name: Exclude<keyof typeof fields, 'authors'>, labelKey: Parameters<typeof t>[0]) => (
    <label class="field">
      <span>{t(labelKey)}</span>
      <input type="text" value={fields[name]} onInput={set(name)} />
    </label>
  );

  return (
    <form class="article-editor gloss-card" onSubmit={save}>
      {input('kicker', 'fieldKicker')}
      {input('title', 'fieldTitle')}
      {input('subtitle', 'fieldSubtitle')}
      <label class="field">
        <span>{t('fieldAuthors')}</span>
        <textarea rows={3} value={fields.authors} onInput={set('authors')} />
      </label>
      {input('siteName', 'fieldSite')}
      {input('section', 'fieldSection')}
      {input('publishedDate', 'fieldPublished')}
      {error && <p role="alert">{error}</p>}
      <div class="gloss-actions">
        <button class="primary" type="submit">{t('save')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
