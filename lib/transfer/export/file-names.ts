/** File names for exported files: readable (CJK kept), legal on Windows, macOS and Linux, unique. */

// File systems cap names at 255 bytes; CJK takes 3 bytes a character in UTF-8. Room is left for " (99).md".
const MAX_NAME_BYTES = 180;
const utf8 = new TextEncoder();
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A safe base name (no extension) from a title. */
export function safeFileName(title: string, fallback = 'untitled'): string {
  let name = title
    .normalize('NFC')
    // Illegal on some system, or control characters, or invisible format characters.
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/_{2,}/g, '_')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (utf8.encode(name).length > MAX_NAME_BYTES) {
    let bytes = 0;
    const kept: string[] = [];
    for (const ch of name) {
      bytes += utf8.encode(ch).length;
      if (bytes > MAX_NAME_BYTES) break;
      kept.push(ch);
    }
    name = kept.join('').trim().replace(/[.\s]+$/, '');
  }
  if (!name || /^_+$/.test(name)) name = fallback;
  if (RESERVED.test(name)) name = `${name}_`;
  return name;
}

/** Unique file names for titles, numbering collisions case-insensitively: `Title.md`, `Title (2).md`… */
export function uniqueFileNames(titles: readonly string[], extension: string): string[] {
  const used = new Set<string>();
  return titles.map((title) => {
    const base = safeFileName(title);
    let candidate = `${base}${extension}`;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base} (${n})${extension}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
