/**
 * Saving and copying exports: browser.downloads when the extension has that
 * permission, else a temporary Blob link with `download`; the clipboard API,
 * else a hidden textarea.
 */
import { browser } from 'wxt/browser';
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

type DownloadsApi = { download(options: { url: string; filename?: string; saveAs?: boolean }): Promise<number> };

function downloadsApi(): DownloadsApi | null {
  try {
    const api = (browser as unknown as { downloads?: DownloadsApi }).downloads;
    return api && typeof api.download === 'function' ? api : null;
  } catch {
    return null;
  }
}

// Object URLs are revoked after the browser had time to start the download.
const REVOKE_AFTER_MS = 60_000;

export async function downloadBlob(blob: Blob, fileName: string, doc: Document = document): Promise<'downloads-api' | 'link'> {
  const name = downloadName(fileName);
  const url = URL.createObjectURL(blob);
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  const api = downloadsApi();
  if (api) {
    try {
      await api.download({ url, filename: name, saveAs: false });
      return 'downloads-api';
    } catch {
      // Fall through to the link: the API exists but refused (e.g. permission withdrawn).
    }
  }
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  return 'link';
}

export function downloadText(text: string, fileName: string, type = 'text/plain;charset=utf-8'): Promise<'downloads-api' | 'link'> {
  return downloadBlob(new Blob([text], { type }), fileName);
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
