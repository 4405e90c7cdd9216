/** A highlight as the reader pastes it: the quote, the article's citation, and a link back to the passage. */
import { textFragmentUrl } from '../../anchoring/text-fragment';
import type { ArticleRecord, HighlightRecord } from '../../model/records';
import type { Citation } from './cite';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** “Quote”, then the citation, then the passage link; plain text and HTML (the page's text escaped). */
export function quoteWithCitation(highlight: HighlightRecord, article: ArticleRecord, citation: Citation): { text: string; html: string } {
  const quote = highlight.selectors.quote.exact.replace(/\s+/g, ' ').trim();
  const link = textFragmentUrl(article.url, highlight.selectors.quote);
  const safeLink = /^https?:\/\//i.test(link) ? `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>` : escapeHtml(link);
  return {
    text: `“${quote}”\n\n${citation.text}\n${link}`,
    html: `<blockquote>${escapeHtml(quote)}</blockquote>\n<p>${citation.html}</p>\n<p>${safeLink}</p>`,
  };
}
