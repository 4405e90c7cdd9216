import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { colorOf } from '@/lib/highlight';
import type { UiController } from '@/lib/content/ui-state';
import { trusted } from './trusted';

interface Bucket {
  top: number;
  ids: string[];
  color: string;
  label: string;
}

const MIN_GAP_PX = 6;

/** Where each painted highlight sits in the document, scaled to the viewport's height, nearby ones merged. */
function bucketsOf(ui: UiController): Bucket[] {
  const doc = ui.highlights.doc;
  const height = Math.max(doc.documentElement.scrollHeight, 1);
  const viewport = globalThis.innerHeight || 1;
  const marks: { top: number; id: string; color: string; label: string }[] = [];
  for (const entry of ui.highlights.list()) {
    if (!entry.range) continue;
    const rect = entry.range.getBoundingClientRect();
    if (!rect.height && !rect.width) continue; // hidden ("read more" still closed)
    const top = ((rect.top + globalThis.scrollY) / height) * viewport;
    marks.push({ top, id: entry.record.id, color: entry.record.color, label: entry.record.selectors.quote.exact.slice(0, 80) });
  }
  marks.sort((a, b) => a.top - b.top);
  const buckets: Bucket[] = [];
  for (const mark of marks) {
    const last = buckets[buckets.length - 1];
    if (last && mark.top - last.top < MIN_GAP_PX) last.ids.push(mark.id);
    else buckets.push({ top: mark.top, ids: [mark.id], color: mark.color, label: mark.label });
  }
  return buckets;
}

export function BucketBar({ ui, version }: { ui: UiController; version: number }) {
  const { t } = useI18n();
  const [buckets, setBuckets] = useState<Bucket[]>([]);
  const [layout, setLayout] = useState(0);
  useEffect(() => {
    const refresh = () => setLayout((n) => n + 1);
    globalThis.addEventListener('resize', refresh, { passive: true });
    // Images and late styles move the text after load.
    const timer = setInterval(refresh, 3000);
    return () => {
      globalThis.removeEventListener('resize', refresh);
      clearInterval(timer);
    };
  }, []);
  useEffect(() => {
    try {
      setBuckets(bucketsOf(ui));
    } catch {
      setBuckets([]);
    }
  }, [version, layout]);
  if (!buckets.length) return null;
  return (
    <nav class="bucket-bar" aria-label={t('hlBucketBarLabel')}>
      {buckets.map((bucket, index) => (
        <button
          key={index}
          class="bucket"
          style={{ top: `${Math.round(bucket.top)}px`, background: colorOf(bucket.color).swatch }}
          title={t('hlJumpTo', bucket.label)}
          aria-label={t('hlJumpTo', bucket.label)}
          data-count={bucket.ids.length}
          onClick={trusted(() => ui.highlights.scrollTo(bucket.ids[0]!))}
        />
      ))}
    </nav>
  );
}
