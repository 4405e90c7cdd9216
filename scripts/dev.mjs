#!/usr/bin/env node
// `npm run dev`: serves the demo article on 127.0.0.1 and runs `wxt` (dev mode,
// live reload), which opens Chromium with Gloss loaded on the demo page.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = join(root, 'demo');
const headless = process.env.GLOSS_HEADLESS === '1';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install it: sudo apt-get update && sudo apt-get install -y chromium`);
  process.exit(1);
}
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'No display found, so Chromium cannot open a window here. Either:\n' +
      '  xvfb-run -a npm run dev          (a virtual display; Debian: apt-get install -y xvfb xauth)\n' +
      '  GLOSS_HEADLESS=1 npm run dev     (headless Chromium; use chrome://inspect or the e2e tests to look)\n' +
      'or build with "npm run build" and load .output/chrome-mv3 by hand (see README).',
  );
  process.exit(1);
}

const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml', '.js': 'text/javascript' };
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(demoDir, path === '/' ? 'index.html' : path);
  if (!file.startsWith(demoDir) || !existsSync(file)) return response.writeHead(404).end('not found');
  response.writeHead(200, { 'content-type': types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
});
server.listen(Number(process.env.GLOSS_DEMO_PORT ?? 5178), '127.0.0.1', () => {
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}/`;
  console.log(`Demo article: ${url}`);
  const wxt = spawn('npx', ['wxt'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, GLOSS_DEV_START_URL: url },
  });
  const stop = () => {
    wxt.kill('SIGINT');
    server.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  wxt.on('exit', (code) => {
    server.close();
    process.exit(code ?? 0);
  });
});
