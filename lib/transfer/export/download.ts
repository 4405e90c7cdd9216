/**
 * Saving and copying exports: a temporary Blob link with `download` (Gloss asks
 * for no downloads permission); the clipboard API, else a hidden textarea.
 */
import { safeFileName } from './file-names';

function splitExtension(fileName: string): [string, string] {
  const match = /(\.[A-Za-z0-9]{1,10})$/.exec(fileName);
  return match ? [fileName.slice(0, -match[1]!.length), match[1]!] : [fileName, ''];
}

/** A file name safe on every system, extension kept. */
export function downloadName(fileName: string): string {
  const [base, extension] = splitExtension(fileName);
  return `${safeFileName(base, 'gloss-export')}${extension}`;
}

// Object URLs are revoked after the browser had time to start the download.
const REVOKE_AFTER_MS = 60_000;

export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  const link = doc.createElement('a');
  link.href = url;
  link.download = downloadName(fileName);
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
}

export function downloadText(text: string, fileName: string, type = 'text/plain;charset=utf-8'): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

export async function copyText(text: string, doc: Document = document): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // The async clipboard needs focus and permission; the old way works from a click handler.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.append(area);
  area.select();
  const ok = doc.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('The clipboard is not available here.');
}
