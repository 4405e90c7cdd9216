/**
 * The frame tests' pages, served from test/fixtures/frames/ (see its README): an e-paper page whose stories are in a
 * same-origin frame and in a cross-origin one, served from a second loopback host name (localhost for 127.0.0.1:
 * another site to the browser), a page whose story is in an inline (srcdoc) frame, and one with frames Gloss
 * cannot enter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type Served } from './harness';

const FIXTURES = join(ROOT, 'test/fixtures/frames');
const PAGES = new Set(['/epaper.html', '/story.html', '/remote.html', '/inline.html', '/closed.html', '/shadow.html']);

/** The same server under another loopback host name. */
export const otherHost = (origin: string): string => origin.replace('127.0.0.1', 'localhost');

/** The frame tests' page at `path`, or null; the remote frame's address is filled in. */
export function framePage(path: string, remoteOrigin: string): Served | null {
  if (!PAGES.has(path)) return null;
  const body = readFileSync(join(FIXTURES, path), 'utf8').replaceAll('{{REMOTE_ORIGIN}}', remoteOrigin);
  return { body, contentType: 'text/html; charset=utf-8' };
}
