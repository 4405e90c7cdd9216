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

/** SHA-256 of the text's UTF-8 (or of the bytes), in lowercase hex. */
export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', typeof data === 'string' ? new TextEncoder().encode(data) : data);
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
