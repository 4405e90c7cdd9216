/**
 * An article's text as versions compare it: NFC, each line's whitespace collapsed (NBSP, U+3000 and zero-width
 * spaces too) and trimmed, empty lines dropped. So a page that only re-wrapped or re-indented has not changed.
 */
export function normalizeArticleText(text: string): string {
  return text
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/[\s\u200b\ufeff]+/gu, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** SHA-256 of the text's UTF-8, in lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface SeenText {
  /** Normalized (normalizeArticleText). */
  text: string;
  hash: string;
}

/** The normalized text and its hash. */
export async function seenText(raw: string): Promise<SeenText> {
  const text = normalizeArticleText(raw);
  return { text, hash: await sha256Hex(text) };
}
