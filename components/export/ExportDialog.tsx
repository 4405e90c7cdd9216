import { useState } from 'preact/hooks';
import { copyText, downloadBlob } from '@/lib/transfer/export/download';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/transfer/export/formats';
import { runExport } from '@/lib/transfer/export/run';
import type { ExportScope, LoadOptions } from '@/lib/transfer/export/source';
import type { ArticleBundle } from '@/lib/transfer/export/types';
import type { MessageKey } from '@/lib/i18n';
import { currentCiter } from '../citation';
import { useI18n } from '../i18n';
import './export.css';
import { TemplateEditor } from './TemplateEditor';
import { useTask } from './useTask';

export interface ExportDialogProps {
  /** Loads the articles and highlights a scope covers (e.g. `(s) => loadBundles(db, s)`). */
  load: (scope: ExportScope, options?: LoadOptions) => Promise<ArticleBundle[]>;
  /** The current page's articles: offered as "this article" when given. */
  currentArticleIds?: readonly string[];
  /** Tag names offered for the tag scope. */
  tagNames?: readonly string[];
  colorNames?: Readonly<Record<string, string>>;
  /** The user's Markdown template (null: default) and where to keep changes. */
  template?: string | null;
  onTemplateChange?: (template: string | null) => void;
  /** Starting format: the user's default from settings; Markdown if none. */
  initialFormat?: ExportFormat;
  /** Saves a file; a download by default. */
  save?: (blob: Blob, fileName: string) => Promise<unknown>;
  copy?: (text: string) => Promise<void>;
  /** Without its own card and heading, for a host (e.g. a modal) that provides them. */
  bare?: boolean;
}

/** What each format is called, here and in the options page's choice of the default. */
export const EXPORT_FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  markdown: 'exportFormatMarkdown',
  'markdown-zip': 'exportFormatMarkdownZip',
  csv: 'exportFormatCsv',
  'csl-json': 'exportFormatCslJson',
  bibtex: 'exportFormatBibtex',
  ris: 'exportFormatRis',
  'web-annotation': 'exportFormatWebAnnotation',
};

type ScopeKind = ExportScope['kind'];

/** Formats that can carry each article's text as clipped and its changes since. */
const PROOF_FORMATS: readonly ExportFormat[] = ['markdown', 'markdown-zip', 'web-annotation'];

function dayStart(value: string): number {
  return value ? Date.parse(`${value}T00:00:00`) : Number.NaN;
}

export function ExportDialog(props: ExportDialogProps) {
  const { t, locale } = useI18n();
  const hasCurrent = (props.currentArticleIds?.length ?? 0) > 0;
  const [scopeKind, setScopeKind] = useState<ScopeKind>(hasCurrent ? 'articles' : 'all');
  const [tag, setTag] = useState(props.tagNames?.[0] ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [format, setFormat] = useState<ExportFormat>(props.initialFormat ?? 'markdown');
  const [status, setStatus] = useState('');
  const [proof, setProof] = useState(false);
  const [sample, setSample] = useState<ArticleBundle | null>(null);
  const [showTemplate, setShowTemplate] = useState(false);
  // The dialog keeps the template being edited itself, so edits show and apply at once whether or not the host
  // passes the saved value back in; onTemplateChange only persists it.
  const [template, setTemplate] = useState<string | null>(props.template ?? null);
  const changeTemplate = (next: string | null) => {
    setTemplate(next);
    props.onTemplateChange?.(next);
  };
  const task = useTask();

  function scope(): ExportScope {
    if (scopeKind === 'articles') return { kind: 'articles', ids: props.currentArticleIds ?? [] };
    if (scopeKind === 'tag') return { kind: 'tag', name: tag };
    // The end date is inclusive for the user: up to the start of the next day.
    if (scopeKind === 'dates') return { kind: 'dates', from: dayStart(from) || 0, to: (dayStart(to) || Date.now()) + (to ? 86_400_000 : 0) };
    return { kind: 'all' };
  }

  async function produce(signal: AbortSignal, onProgress: (p: { done: number; total: number }) => void) {
    const withProof = proof && PROOF_FORMATS.includes(format);
    const bundles = (await props.load(scope(), { proof: withProof })).filter((b) => b.highlights.length > 0 || format !== 'csv');
    if (bundles.length === 0) return null;
    setSample(bundles[0]!);
    const labels = { orphansHeading: t('exportOrphansHeading'), accessed: t('exportAccessed'), page: t('exportPageLabel') };
    const proofLabels = { proofClipped: t('exportProofClipped'), proofChanges: t('exportProofChanges'), proofModified: t('exportProofModified') };
    // Markdown's citation line follows the chosen CSL style; should the style not load, the built-in line stands in.
    const citer = format === 'markdown' || format === 'markdown-zip' ? await currentCiter(locale).catch(() => null) : null;
    const cite = citer ? (article: ArticleBundle['article']) => citer.cite(article).markdown : undefined;
    return runExport(format, bundles, { colorNames: props.colorNames, template: template ?? undefined, labels, proofLabels, cite, signal, onProgress });
  }

  async function act(kind: 'download' | 'copy') {
    setStatus('');
    try {
      const result = await task.run(produce);
      if (!result) return setStatus(t('exportEmpty'));
      if (kind === 'copy' && result.text !== null) {
        await (props.copy ?? copyText)(result.text);
        setStatus(t('exportCopiedStatus'));
      } else {
        await (props.save ?? downloadBlob)(result.blob, result.fileName);
        setStatus(t('exportSavedStatus', result.fileName));
      }
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') setStatus(t('exportCancelled'));
      else setStatus(t('exportFailed', error instanceof Error ? error.message : String(error)));
    }
  }

  async function openTemplate() {
    setShowTemplate(!showTemplate);
    if (!sample) {
      const bundles = await props.load(scope()).catch(() => []);
      setSample(bundles.find((b) => b.highlights.length > 0) ?? null);
    }
  }

  const scopes: [ScopeKind, MessageKey][] = [
    ...(hasCurrent ? [['articles', 'exportScopeArticle'] as [ScopeKind, MessageKey]] : []),
    ['all', 'exportScopeAll'],
    ...(props.tagNames?.length ? [['tag', 'exportScopeTag'] as [ScopeKind, MessageKey]] : []),
    ['dates', 'exportScopeDates'],
  ];

  return (
    <section class={props.bare ? 'export-dialog' : 'gloss-card export-dialog'} aria-label={t('exportDialogTitle')}>
      {!props.bare && <h2 class="section-heading">{t('exportDialogTitle')}</h2>}
      <fieldset class="export-scope">
        <legend>{t('exportScopeLabel')}</legend>
        {scopes.map(([kind, label]) => (
          <label key={kind} class="export-choice">
            <input type="radio" name="gloss-export-scope" value={kind} checked={scopeKind === kind} onChange={() => setScopeKind(kind)} />
            {t(label)}
          </label>
        ))}
        {scopeKind === 'tag' && (
          <select aria-label={t('exportScopeTag')} value={tag} onChange={(e) => setTag((e.target as HTMLSelectElement).value)}>
            {props.tagNames?.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        )}
        {scopeKind === 'dates' && (
          <div class="export-dates">
            <label class="field">{t('exportDateFrom')}<input type="date" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} /></label>
            <label class="field">{t('exportDateTo')}<input type="date" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} /></label>
          </div>
        )}
      </fieldset>
      <label class="field">
        {t('exportFormat')}
        <select class="export-format" value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => <option key={f} value={f}>{t(EXPORT_FORMAT_LABELS[f])}</option>)}
        </select>
      </label>
      {PROOF_FORMATS.includes(format) && (
        <label class="export-choice export-proof">
          <input type="checkbox" checked={proof} onChange={(e) => setProof((e.target as HTMLInputElement).checked)} />
          {t('exportProof')}
        </label>
      )}
      <div class="gloss-actions">
        <button type="button" class="primary export-download" disabled={task.running} onClick={() => void act('download')}>{t('exportDownloadButton')}</button>
        {format !== 'markdown-zip' && (
          <button type="button" class="export-copy" disabled={task.running} onClick={() => void act('copy')}>{t('exportCopyButton')}</button>
        )}
        {task.running && <button type="button" onClick={task.cancel}>{t('cancel')}</button>}
        {(format === 'markdown' || format === 'markdown-zip') && props.onTemplateChange && (
          <button type="button" class="link-button" aria-expanded={showTemplate} onClick={() => void openTemplate()}>{t('templateHeading')}</button>
        )}
      </div>
      {task.progress && (
        <progress class="export-progress" max={task.progress.total} value={task.progress.done} aria-label={t('exportProgress', task.progress.done, task.progress.total)} />
      )}
      <p class="gloss-status" role="status">{status}</p>
      {showTemplate && props.onTemplateChange && (
        <TemplateEditor value={template} onChange={changeTemplate} sample={sample} colorNames={props.colorNames} />
      )}
    </section>
  );
}
