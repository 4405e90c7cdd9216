import type { FieldChange, RestorePreview } from '@/lib/transfer/import';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n';

const FIELD_KEYS: Record<FieldChange['field'], MessageKey> = {
  url: 'restoreFieldUrl', title: 'fieldTitle', kicker: 'fieldKicker', subtitle: 'fieldSubtitle', authors: 'restoreFieldAuthors',
  editors: 'restoreFieldEditors', siteName: 'fieldSite', section: 'fieldSection', page: 'fieldPage', publishedDate: 'fieldPublished',
  lang: 'restoreFieldLang', text: 'restoreFieldText', tags: 'restoreTags', quote: 'restoreFieldQuote', position: 'restoreFieldPosition',
  pagePosition: 'restoreFieldPosition', color: 'restoreFieldColor', note: 'restoreFieldNote', status: 'restoreFieldStatus',
  currentText: 'restoreFieldCurrentText', continuedFrom: 'restoreFieldContinuedFrom',
  continuedTo: 'restoreFieldContinuedTo',
};

/** What a restore would do: counts per kind, every stored field it changes (bounded), and what the file left out. */
export function RestorePreviewList({ preview }: { preview: RestorePreview }) {
  const { t } = useI18n();
  const lines: [MessageKey, RestorePreview['articles']][] = [
    ['restoreArticles', preview.articles], ['restoreHighlights', preview.highlights], ['restoreTags', preview.tags],
  ];
  const notes: string[] = [];
  if (preview.withoutArticle > 0) notes.push(t('restoreWithoutArticle', preview.withoutArticle));
  if (preview.leftOut.notWeb > 0) notes.push(t('restoreLeftOutNotWeb', preview.leftOut.notWeb));
  if (preview.leftOut.noQuote > 0) notes.push(t('restoreLeftOutNoQuote', preview.leftOut.noQuote));
  return (
    <>
      <ul class="gloss-list restore-counts">
        {lines.map(([what, s]) => <li key={what}>{t('restoreSummaryLine', t(what), s.added, s.updated, s.skipped)}</li>)}
      </ul>
      {preview.changes.length === 0 ? (
        <p class="restore-no-changes">{t('restoreNoChanges')}</p>
      ) : (
        <>
          <p>{t('restoreChangesHeading')}</p>
          <ul class="gloss-list restore-changes">
            {preview.changes.map((c, i) => <li key={i}>{t('restoreChangeLine', c.label, t(FIELD_KEYS[c.field]), c.from || t('restoreEmptyValue'), c.to)}</li>)}
          </ul>
          {preview.moreChanges > 0 && <p class="gloss-muted">{t('restoreChangesMore', preview.moreChanges)}</p>}
        </>
      )}
      {notes.map((note) => <p key={note} class="gloss-muted restore-left-out">{note}</p>)}
      <p class="gloss-muted">{t('restoreMergeRule')}</p>
    </>
  );
}
