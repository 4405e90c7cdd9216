import { useMemo } from 'preact/hooks';
import { compileMarkdownTemplate, defaultTemplate, toMarkdown } from '@/lib/transfer/export/markdown';
import { TemplateSyntaxError } from '@/lib/transfer/export/template';
import type { ArticleBundle } from '@/lib/transfer/export/types';
import { useI18n } from '../i18n';

export interface TemplateEditorProps {
  /** The user's template, or null for the default. */
  value: string | null;
  onChange: (template: string | null) => void;
  /** An article to preview the template on. */
  sample: ArticleBundle | null;
  colorNames?: Readonly<Record<string, string>>;
}

type Preview = { ok: true; markdown: string } | { ok: false; line: number; column: number; detail: string };

/** A Markdown template with a live preview; syntax errors say where they are. */
export function TemplateEditor({ value, onChange, sample, colorNames }: TemplateEditorProps) {
  const { t } = useI18n();
  const source = value ?? defaultTemplate();
  const preview = useMemo((): Preview | null => {
    try {
      const template = compileMarkdownTemplate(source);
      if (!sample) return null;
      const labels = { orphansHeading: t('exportOrphansHeading'), accessed: t('exportAccessed') };
      return { ok: true, markdown: toMarkdown([sample], { template, colorNames, labels }) };
    } catch (error) {
      if (error instanceof TemplateSyntaxError) return { ok: false, line: error.line, column: error.column, detail: error.message.replace(/ \(line \d+, column \d+\)$/, '') };
      return { ok: false, line: 1, column: 1, detail: error instanceof Error ? error.message : String(error) };
    }
  }, [source, sample, colorNames, t]);

  return (
    <section class="export-template" aria-labelledby="gloss-template-heading">
      <h3 id="gloss-template-heading" class="section-heading">{t('templateHeading')}</h3>
      <p class="gloss-muted export-help">{t('templateHelp')}</p>
      <textarea
        class="export-template-source"
        aria-label={t('templateHeading')}
        spellcheck={false}
        rows={12}
        value={source}
        onInput={(e) => {
          const next = (e.target as HTMLTextAreaElement).value;
          onChange(next === defaultTemplate() ? null : next);
        }}
      />
      {preview && !preview.ok && (
        <p role="alert" class="export-error">{t('templateErrorAt', preview.line, preview.column, preview.detail)}</p>
      )}
      <div class="gloss-actions">
        <button type="button" onClick={() => onChange(null)} disabled={value === null}>{t('templateReset')}</button>
      </div>
      <h4 class="section-heading">{t('templatePreview')}</h4>
      {preview?.ok ? (
        <pre class="export-preview" aria-label={t('templatePreview')}>{preview.markdown}</pre>
      ) : (
        !preview && <p class="gloss-muted">{t('templateNoSample')}</p>
      )}
    </section>
  );
}
