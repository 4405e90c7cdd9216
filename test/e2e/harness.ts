/**
 * Real-browser harness: Debian's Chromium driven by playwright-core, with or
 * without the built extension, and a small HTTP server on 127.0.0.1 for pages.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(ROOT, '../shared');
export const CHROME_DIST = join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage',
];

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with: sudo apt-get update && sudo apt-get install -y chromium ` +
        '(or set CHROMIUM_PATH).',
    );
  }
}

export interface Launched {
  context: BrowserContext;
  /** Set when the extension was loaded. */
  extensionId: string | null;
  serviceWorker: Worker | null;
  close(): Promise<void>;
}

/** Launches Chromium headless with a fresh profile, optionally with the built extension. */
export async function launchChromium(
  options: { extension?: boolean; dist?: string; args?: string[]; env?: Record<string, string> } = {},
): Promise<Launched> {
  assertChromium();
  const dist = options.dist ?? CHROME_DIST;
  if (options.extension && !existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`No built extension at ${dist}: run "npm run build" first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'gloss-profile-'));
  const args = [...CHROMIUM_ARGS, ...(options.args ?? [])];
  if (options.extension) args.push(`--disable-extensions-except=${dist}`, `--load-extension=${dist}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
    ...(options.env && { env: { ...process.env, ...options.env } }),
  });
  let serviceWorker: Worker | null = null;
  if (options.extension) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  }
  return {
    context,
    serviceWorker,
    extensionId: serviceWorker ? new URL(serviceWorker.url()).host : null,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Served {
  body: string | Buffer;
  contentType: string;
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves whatever `route` returns for a path (null: 404) on 127.0.0.1 at a free port. */
export async function startServer(route: (path: string, request: IncomingMessage) => Served | null): Promise<StaticServer> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let served: Served | null = null;
    try {
      served = route(path, request);
    } catch (error) {
      response.writeHead(500).end(String(error));
      return;
    }
    if (!served) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': served.contentType, 'cache-control': 'no-store' }).end(served.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Routes /fixtures/news-zh/<file> to ../shared/fixtures/news-zh/<file> (UTF-8 HTML). */
export function sharedFixtureRoute(path: string): Served | null {
  const match = /^\/fixtures\/news-zh\/([\w.-]+\.html)$/.exec(path);
  if (!match) return null;
  const file = join(SHARED, 'fixtures/news-zh', match[1]!);
  if (!existsSync(file)) return null;
  return { body: readFileSync(file), contentType: 'text/html; charset=utf-8' };
}
