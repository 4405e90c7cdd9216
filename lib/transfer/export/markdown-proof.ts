/**
 * The proof section of a Markdown export: the article's text as clipped, with its time and SHA-256 (of exactly the
 * fenced text, so a reader can check it), and the line diff to the current version. Fenced with more tildes than
 * the text ever repeats, so no page text can close the fence and become Markdown.
 */
import type { ArticleProof } from '../../db/versions';
import { escapeInline } from './markdown-escape';
import { isoTime } from './types';

export interface ProofLabels {
  proofClipped: string;
  proofChanges: string;
  proofModified: string;
}

export const DEFAULT_PROOF_LABELS: ProofLabels = {
  proofClipped: 'Text as clipped',
  proofChanges: 'Changes since it was clipped',
  proofModified: 'page modified',
};

function fenced(text: string, info: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/~+/g)].map((m) => m[0].length));
  const fence = '~'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

export function proofMarkdown(proof: ArticleProof, labels: ProofLabels = DEFAULT_PROOF_LABELS): string {
  const parts = [
    `## ${escapeInline(labels.proofClipped)}`,
    `${isoTime(proof.clipped.seenAt)} · SHA-256 \`${proof.clipped.sha256}\``,
    fenced(proof.clipped.text, 'text'),
  ];
  if (proof.current && proof.diff !== null) {
    const seen = `${isoTime(proof.current.seenAt)} – ${isoTime(proof.current.lastSeenAt)}`;
    const modified = proof.current.modifiedDate ? ` · ${escapeInline(labels.proofModified)} ${escapeInline(proof.current.modifiedDate)}` : '';
    parts.push(`## ${escapeInline(labels.proofChanges)}`, `${seen} · SHA-256 \`${proof.current.sha256}\`${modified}`, fenced(proof.diff, 'diff'));
  }
  return parts.join('\n\n');
}
