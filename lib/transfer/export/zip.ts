/**
 * Zip of exported files with fflate's streaming Zip: each file is produced,
 * compressed and dropped before the next, so memory holds the compressed
 * output and one file at a time, never every Markdown text at once.
 */
import { Zip, ZipDeflate } from 'fflate';
import type { ExportFile } from './markdown';

export interface ZipProgress {
  done: number;
  total: number;
}

export interface ZipOptions {
  total?: number;
  onProgress?: (progress: ZipProgress) => void;
  signal?: AbortSignal;
  /** Modification time stored for every entry (fixed in tests for byte-identical zips). */
  mtime?: Date;
}

const encoder = new TextEncoder();

/** Yields to the event loop now and then so a long export keeps the page responsive and cancellable. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function zipFiles(files: Iterable<ExportFile>, options: ZipOptions = {}): Promise<Blob> {
  // Compressed output moves into Blobs about every megabyte, out of the JS heap.
  const slices: Blob[] = [];
  let chunks: Uint8Array<ArrayBuffer>[] = [];
  let pending = 0;
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) {
      failure = error;
      return;
    }
    chunks.push(data as Uint8Array<ArrayBuffer>);
    pending += data.length;
    if (pending >= 1 << 20) {
      slices.push(new Blob(chunks));
      chunks = [];
      pending = 0;
    }
  });
  let done = 0;
  for (const file of files) {
    options.signal?.throwIfAborted();
    const entry = new ZipDeflate(file.name, { level: 6 });
    if (options.mtime) entry.mtime = options.mtime;
    zip.add(entry);
    entry.push(encoder.encode(file.content), true);
    if (failure) throw failure;
    done += 1;
    options.onProgress?.({ done, total: options.total ?? done });
    if (done % 50 === 0) await nextTask();
  }
  zip.end();
  if (failure) throw failure;
  slices.push(new Blob(chunks));
  return new Blob(slices, { type: 'application/zip' });
}
