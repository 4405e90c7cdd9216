/**
 * W3C Web Annotation (JSON-LD) export: one AnnotationCollection with every
 * highlight as an Annotation whose target carries the selectors as stored.
 * Gloss-only fields use the `gloss:` prefix, so the import restores them exactly.
 */
import type { ArticleRecord, HighlightRecord } from '../../model/records';
import type { ArticleProof } from '../../db/versions';
import { inReadingOrder } from './order';
import { isoTime, type ArticleBundle } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const GLOSS_PREFIX = 'urn:gloss:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function annotationId(highlightId: string): string {
  return UUID.test(highlightId) ? `urn:uuid:${highlightId}` : `${GLOSS_PREFIX}highlight:${encodeURIComponent(highlightId)}`;
}

/** The highlight id back from an annotation id Gloss wrote; any other id is kept as it is. */
export function highlightIdOf(annotation: string): string {
  if (annotation.startsWith('urn:uuid:')) return annotation.slice('urn:uuid:'.length);
  if (annotation.startsWith(`${GLOSS_PREFIX}highlight:`)) return decodeURIComponent(annotation.slice(`${GLOSS_PREFIX}highlight:`.length));
  return annotation;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: { type: 'TextualBody'; value: string; purpose: 'commenting' | 'tagging'; format?: string }[];
  target: {
    source: string;
    selector: ({ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string } | { type: 'TextPositionSelector'; start: number; end: number })[];
    'gloss:article': string;
    'gloss:urlKey': string;
    'gloss:pagePosition'?: { type: 'TextPositionSelector'; start: number; end: number };
  };
  'gloss:color': string;
  'gloss:status': HighlightRecord['status'];
  'gloss:currentText'?: string;
}

export function toAnnotation(h: HighlightRecord, article: Pick<ArticleRecord, 'url'>): WebAnnotation {
  const body: NonNullable<WebAnnotation['body']> = [];
  if (h.note) body.push({ type: 'TextualBody', value: h.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of h.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const { quote, position, pagePosition } = h.selectors;
  const annotation: WebAnnotation = {
    id: annotationId(h.id),
    type: 'Annotation',
    motivation: h.note ? 'commenting' : 'highlighting',
    created: isoTime(h.createdAt),
    modified: isoTime(h.updatedAt),
    target: {
      source: article.url,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        ...(position ? [{ type: 'TextPositionSelector' as const, start: position.start, end: position.end }] : []),
      ],
      'gloss:article': h.articleId,
      'gloss:urlKey': h.urlKey,
    },
    'gloss:color': h.color,
    'gloss:status': h.status,
  };
  if (body.length) annotation.body = body;
  if (pagePosition) annotation.target['gloss:pagePosition'] = { type: 'TextPositionSelector', start: pagePosition.start, end: pagePosition.end };
  if (h.currentText !== null) annotation['gloss:currentText'] = h.currentText;
  return annotation;
}

export interface AnnotationCollection {
  '@context': [string, { gloss: string }];
  type: 'AnnotationCollection';
  label: string;
  total: number;
  'gloss:articles': ArticleRecord[];
  /** Each article's text as clipped (time, SHA-256) and its diff to the current version, when asked for. */
  'gloss:proof'?: (ArticleProof & { article: string })[];
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

export function toWebAnnotations(bundles: readonly ArticleBundle[], label = 'Gloss highlights'): AnnotationCollection {
  const items: WebAnnotation[] = [];
  for (const { article, highlights } of bundles) {
    const { anchored, orphans } = inReadingOrder(highlights);
    for (const h of [...anchored, ...orphans]) items.push(toAnnotation(h, article));
  }
  const proofs = bundles.flatMap((b) => (b.proof ? [{ article: b.article.id, ...b.proof }] : []));
  return {
    '@context': [ANNO_CONTEXT, { gloss: GLOSS_PREFIX }],
    type: 'AnnotationCollection',
    label,
    total: items.length,
    'gloss:articles': bundles.map((b) => b.article),
    ...(proofs.length ? { 'gloss:proof': proofs } : {}),
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function toWebAnnotationJson(bundles: readonly ArticleBundle[], label?: string): string {
  return `${JSON.stringify(toWebAnnotations(bundles, label), null, 2)}\n`;
}
