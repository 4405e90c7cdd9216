/** Markdown export: one file, or one file per article for a zip. */
import { articleContext, TEMPLATE_NAMES, type MarkdownContextOptions } from './markdown-context';
import { compileTemplate, renderTemplate, type CompiledTemplate } from './template';
import { uniqueFileNames } from './file-names';
import { DEFAULT_PROOF_LABELS, proofMarkdown, type ProofLabels } from './markdown-proof';
import type { ArticleBundle } from './types';

/**
 * The `^gloss-…` line is an Obsidian block id, so a note can link to a highlight (`[[Note#^gloss-3fa9c1]]`);
 * a block quote takes its id on a line of its own between blank lines. Logseq wants an `id:: <uuid>`
 * property instead: a template for Logseq writes `id:: {{id}}` (docs/export.md).
 */
export const DEFAULT_TEMPLATE = `{{frontmatter}}
{{#kicker}}
*{{kicker}}*

{{/kicker}}
# {{title}}
{{#subtitle}}

*{{subtitle}}*
{{/subtitle}}

{{citation}}
{{#tags}}

{{tags}}
{{/tags}}

{{#highlights}}
> {{quote}}
>
> — *{{color}}*{{#tags}} {{tags}}{{/tags}}{{#page}} · {{page}}{{/page}} · [↗]({{link}})

^{{blockId}}
{{#note}}

{{note}}
{{/note}}

{{/highlights}}
{{#hasOrphans}}
## {{orphansHeading}}

{{/hasOrphans}}
{{#orphans}}
> {{quote}}
>
> — *{{color}}*{{#tags}} {{tags}}{{/tags}}{{#page}} · {{page}}{{/page}}

^{{blockId}}
{{#note}}

{{note}}
{{/note}}

{{/orphans}}
`;

/** The template a user gets back with "Reset to default". */
export function defaultTemplate(): string {
  return DEFAULT_TEMPLATE;
}

/** Compiles a user's template, checking that it only uses known names. Throws TemplateSyntaxError. */
export function compileMarkdownTemplate(source: string): CompiledTemplate {
  return compileTemplate(source, TEMPLATE_NAMES);
}

export interface MarkdownOptions extends Omit<MarkdownContextOptions, 'frontMatter'> {
  /** Template source or a compiled template; the default template when absent. */
  template?: string | CompiledTemplate;
  /** Headings of the proof section, written after the template for an article that carries its proof. */
  proofLabels?: Partial<ProofLabels>;
}

let compiledDefault: CompiledTemplate | null = null;

function templateOf(options: MarkdownOptions): CompiledTemplate {
  if (typeof options.template === 'string') return compileMarkdownTemplate(options.template);
  if (options.template) return options.template;
  compiledDefault ??= compileMarkdownTemplate(DEFAULT_TEMPLATE);
  return compiledDefault;
}

function tidy(markdown: string): string {
  return `${markdown.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

export function articleToMarkdown(bundle: ArticleBundle, options: MarkdownOptions = {}, frontMatter = true): string {
  const rendered = renderTemplate(templateOf(options), articleContext(bundle, { ...options, frontMatter }));
  const proof = bundle.proof ? `\n\n${proofMarkdown(bundle.proof, { ...DEFAULT_PROOF_LABELS, ...options.proofLabels })}` : '';
  return tidy(rendered + proof);
}

/**
 * All articles in one Markdown file. Front matter is only valid at the top of
 * a file, so it is kept only when there is a single article.
 */
export function toMarkdown(bundles: readonly ArticleBundle[], options: MarkdownOptions = {}): string {
  const template = templateOf(options);
  const single = bundles.length === 1;
  return bundles.map((bundle) => articleToMarkdown(bundle, { ...options, template }, single)).join('\n---\n\n');
}

export interface ExportFile {
  name: string;
  content: string;
}

/** One Markdown file per article, named from its title, for a zip. */
export function* toMarkdownFiles(bundles: readonly ArticleBundle[], options: MarkdownOptions = {}): Generator<ExportFile> {
  const template = templateOf(options);
  const names = uniqueFileNames(bundles.map((b) => b.article.title), '.md');
  for (let i = 0; i < bundles.length; i++) {
    yield { name: names[i]!, content: articleToMarkdown(bundles[i]!, { ...options, template }) };
  }
}
