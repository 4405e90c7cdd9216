// @ts-check
// A small HTTP server on 127.0.0.1 for the pages the browsers open. What it serves comes from a route:
// a function (e2e tests), pages registered at run time (benchmarks, detect), or files under given roots (dev, fixtures).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** @typedef {{ body: string | Buffer, contentType: string, headers?: Record<string, string> }} Served */
/** @typedef {(path: string, request: import('node:http').IncomingMessage) => Served | null} Route */
/** @typedef {{ origin: string, close(): Promise<void> }} StaticServer */

/**
 * Serves what `route` returns for the decoded path (null: 404), never cached.
 * @param {Route} route
 * @param {{ port?: number }} [options]  default: a free port
 * @returns {Promise<StaticServer>}
 */
export async function startServer(route, { port = 0 } = {}) {
  const server = createServer((request, response) => {
    /** @type {Served | null} */
    let served;
    try {
      served = route(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname), request);
    } catch (error) {
      response.writeHead(500).end(String(error));
      return;
    }
    if (!served) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { ...served.headers, 'content-type': served.contentType, 'cache-control': 'no-store' }).end(served.body);
  });
  await new Promise((/** @type {(value?: unknown) => void} */ done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}

/**
 * @typedef {StaticServer & { add(path: string, body: string | Buffer, contentType?: string): string }} PageServer
 *   `add` registers a page (default: UTF-8 HTML) and returns its URL.
 */

/**
 * A server of pages registered at run time. A request path is looked up as sent, then decoded,
 * so corpus pages can keep the encoded paths of their real addresses.
 * @returns {Promise<PageServer>}
 */
export async function startPageServer() {
  /** @type {Map<string, Served>} */
  const pages = new Map();
  const server = await startServer((path, request) => pages.get(new URL(request.url ?? '/', 'http://x').pathname) ?? pages.get(path) ?? null);
  return {
    ...server,
    add(path, body, contentType = 'text/html; charset=utf-8') {
      const clean = path.startsWith('/') ? path : `/${path}`;
      pages.set(clean, { body, contentType });
      return server.origin + clean;
    },
  };
}

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png',
};

/**
 * A route to the files under each root, at its URL prefix; a directory serves its index.html. Nothing outside the roots.
 * @param {Record<string, string>} roots  URL prefix ending in '/' → directory
 * @returns {(path: string) => Served | null}
 */
export function fileRoute(roots) {
  return (path) => {
    for (const [prefix, dir] of Object.entries(roots)) {
      if (!path.startsWith(prefix)) continue;
      let file = resolve(dir, path.slice(prefix.length));
      if (file !== resolve(dir) && !file.startsWith(resolve(dir) + sep)) return null;
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file) || !statSync(file).isFile()) continue;
      return { body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' };
    }
    return null;
  };
}
