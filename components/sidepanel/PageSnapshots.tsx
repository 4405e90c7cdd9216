import { useState } from 'preact/hooks';
import { SnapshotRefusal } from '@/lib/db/snapshots';
import { userErrorText } from '@/lib/messaging';
import type { ArticleRecord } from '@/lib/model/records';
import { pageCaptureSupported, requestPageCapture } from '@/lib/tabs/page-capture';
import { downloadSnapshot, pageSnapshots, removeSnapshot, saveSnapshotOf } from '../data/snapshots';
import { useQuery } from '../data/useQuery';
import { useI18n } from '../i18n';
import { formatTime } from './HighlightCard';

const sizeText = (bytes: number, intl: string) =>
  `${new Intl.NumberFormat(intl, { maximumFractionDigits: bytes < 1048576 ? 0 : 1 }).format(bytes < 1048576 ? bytes / 1024 : bytes / 1048576)} ${bytes < 1048576 ? 'KB' : 'MB'}`;

/** "Page snapshots": save the tab as MHTML (Chrome, after asking once for the permission), list, download, delete. */
export function PageSnapshots({ tabId, article, onMessage }: {
  tabId: number | null;
  /** The page's first article: snapshots are the page's, filed under it. */
  article: ArticleRecord;
  onMessage: (text: string) => void;
}) {
  const { t, intl } = useI18n();
  const [list, reload] = useQuery(() => pageSnapshots(article.urlKey), [article.urlKey]);
  const [busy, setBusy] = useState(false);
  const supported = pageCaptureSupported();
  const fail = (error: unknown) =>
    onMessage(error instanceof SnapshotRefusal ? t(error.key, ...error.substitutions) : userErrorText(t, error));

  const save = async () => {
    if (tabId == null) return;
    // Asked before anything is awaited: the prompt needs the click's user activation.
    const granted = requestPageCapture();
    setBusy(true);
    try {
      if (!(await granted)) return onMessage(t('snapshotNotAllowed'));
      await saveSnapshotOf(tabId, article);
      onMessage(t('snapshotSaved'));
      reload();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const snapshots = list.status === 'ready' ? list.value : [];
  return (
    <section class="gloss-card snapshots" aria-labelledby="snapshots-heading">
      <h3 class="section-heading" id="snapshots-heading">{t('snapshotsHeading')}</h3>
      {!supported && <p class="gloss-muted">{t('snapshotFirefox')}</p>}
      {supported && (
        <>
          <p class="gloss-muted">{t('snapshotsExplain')}</p>
          <button class="snapshot-save" onClick={save} disabled={busy || tabId == null}>
            {busy ? t('snapshotSaving') : t('snapshotSave')}
          </button>
        </>
      )}
      {snapshots.length > 0 && (
        <ul class="gloss-list snapshot-list">
          {snapshots.map((s) => (
            <li key={s.id} class="snapshot-item">
              <time dateTime={new Date(s.capturedAt).toISOString()}>{t('snapshotItem', formatTime(intl, s.capturedAt), sizeText(s.bytes, intl))}</time>
              <code class="gloss-muted snapshot-hash">{t('snapshotHash', s.sha256)}</code>
              <span class="snapshot-actions">
                <button class="link-button" onClick={() => void downloadSnapshot(s).catch(fail)}>{t('snapshotDownload')}</button>
                <button
                  class="link-button"
                  onClick={() => void removeSnapshot(s.id).then(() => { onMessage(t('snapshotDeleted')); reload(); }, fail)}
                >
                  {t('snapshotDelete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
